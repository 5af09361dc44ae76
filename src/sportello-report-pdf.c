/* sportello-report-pdf.c: the Resoconto as a PDF, for sponsors; the
 * network's, side by side and summed
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An A4 report in the language of the desk (Italian) for the Chamber of
 * Commerce and the banks that fund it: the hub, the period, the
 * consultant; every figure against the period before; the charts of
 * sportello-report-charts.c, each followed by its text alternative; and a
 * short note on the method, with the definitions. The network's report
 * puts the hubs' figures side by side, three to a table, with the sum,
 * “almeno N” where a hub's null leaves only a lower bound. Both are tagged
 * PDFs with metadata (sportello-pdf.c). Cairo and Pango only: the command
 * line writes them without a display.
 */

#define G_LOG_DOMAIN "sportello-report"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sportello-format.h"
#include "sportello-pdf.h"
#include "sportello-report-charts.h"
#include "sportello-report-pdf.h"
#include "sportello-report-xlsx.h"

#define MARGIN     56.69    /* 20 mm */
#define WIDTH      (SPORTELLO_PDF_A4_WIDTH - 2 * MARGIN)
#define BOTTOM     (SPORTELLO_PDF_A4_HEIGHT - MARGIN - 14)
#define CELL_PAD   3.0
#define HUBS_PER_TABLE 3

typedef struct
{
  SportelloPdf *pdf;
  cairo_t      *cr;
  double        y;
  guint         page;
  char         *running;   /* at the foot of every page */
} Writer;

static void
draw_footer (Writer *w)
{
  /* Translators: the foot of a page of the report: what it is, and the page */
  g_autofree char *text = g_strdup_printf (_("%s · page %u"), w->running, w->page);

  cairo_set_source_rgb (w->cr, 0.35, 0.35, 0.35);
  sportello_pdf_text (w->cr, NULL, text, "Sans 7.5", MARGIN, SPORTELLO_PDF_A4_HEIGHT - MARGIN + 4,
                      WIDTH, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
writer_init (Writer     *w,
             SportelloPdf *pdf,
             const char *running)
{
  w->pdf = pdf;
  w->cr = sportello_pdf_get_cairo (pdf);
  w->y = MARGIN;
  w->page = 1;
  w->running = g_strdup (running);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
writer_break (Writer *w)
{
  draw_footer (w);
  sportello_pdf_next_page (w->pdf);
  w->page++;
  w->y = MARGIN;
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
writer_finish (Writer *w)
{
  draw_footer (w);
  g_clear_pointer (&w->running, g_free);
}

static void
writer_need (Writer *w,
             double  height)
{
  if (w->y + height > BOTTOM && w->y > MARGIN)
    writer_break (w);
}

static PangoLayout *
layout_new (Writer     *w,
            const char *font,
            double      width,
            const char *text,
            gboolean    markup)
{
  PangoLayout *layout = sportello_pdf_create_layout (w->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* A block of text, whole on one page, as the structure element @tag */
static void
writer_text (Writer     *w,
             const char *tag,
             const char *font,
             const char *text,
             double      space_after)
{
  g_autoptr(PangoLayout) layout = layout_new (w, font, WIDTH, text, FALSE);
  double h = height_of (layout);

  /* a heading keeps some of what follows with it */
  writer_need (w, tag[0] == 'H' ? h + 110 : h);
  sportello_pdf_begin (w->cr, tag);
  cairo_move_to (w->cr, MARGIN, w->y);
  pango_cairo_show_layout (w->cr, layout);
  sportello_pdf_end (w->cr, tag);
  w->y += h + space_after;
}

/* A table: @widths are fractions of the page's width; the first row is
 * the header, repeated after a page break; a row whose only cell is the
 * first is a subheading */
static void
writer_table (Writer     *w,
              guint       n_columns,
              const double *widths,
              GPtrArray  *rows)
{
  cairo_t *cr = w->cr;

  sportello_pdf_begin (cr, "Table");
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      gboolean header = r == 0;
      gboolean subheading = !header && (cells[1] == NULL);
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      double row_height = 0;
      double x = MARGIN;

      for (guint c = 0; c < n_columns && cells[c] != NULL; c++)
        {
          double width = (subheading ? 1 : widths[c]) * WIDTH - 2 * CELL_PAD;
          PangoLayout *layout = layout_new (w, header || subheading ? "Sans Bold 8.5" : "Sans 8.5", width, cells[c], FALSE);

          if (c > 0)
            pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          g_ptr_array_add (layouts, layout);
          row_height = MAX (row_height, height_of (layout) + 2 * CELL_PAD);
        }

      if (w->y + row_height > BOTTOM && r > 0)
        {
          /* the header again at the top of the next page */
          char **head = g_ptr_array_index (rows, 0);
          double head_height = 0;

          writer_break (w);
          sportello_pdf_begin (cr, "TR");
          for (guint c = 0; c < n_columns && head[c] != NULL; c++)
            {
              g_autoptr(PangoLayout) layout = layout_new (w, "Sans Bold 8.5", widths[c] * WIDTH - 2 * CELL_PAD, head[c], FALSE);

              if (c > 0)
                pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
              sportello_pdf_begin (cr, "TH");
              cairo_move_to (cr, x + CELL_PAD, w->y + CELL_PAD);
              pango_cairo_show_layout (cr, layout);
              sportello_pdf_end (cr, "TH");
              head_height = MAX (head_height, height_of (layout) + 2 * CELL_PAD);
              x += widths[c] * WIDTH;
            }
          sportello_pdf_end (cr, "TR");
          w->y += head_height;
          x = MARGIN;
        }

      if (header || subheading)
        {
          cairo_set_source_rgb (cr, 0.92, 0.93, 0.95);
          cairo_rectangle (cr, MARGIN, w->y, WIDTH, row_height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      sportello_pdf_begin (cr, "TR");
      for (guint c = 0; c < layouts->len; c++)
        {
          const char *tag = header || subheading ? "TH" : "TD";

          sportello_pdf_begin (cr, tag);
          cairo_move_to (cr, x + CELL_PAD, w->y + CELL_PAD);
          pango_cairo_show_layout (cr, g_ptr_array_index (layouts, c));
          sportello_pdf_end (cr, tag);
          x += widths[c] * WIDTH;
        }
      sportello_pdf_end (cr, "TR");
      w->y += row_height;
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, MARGIN, w->y);
      cairo_line_to (cr, MARGIN + WIDTH, w->y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  sportello_pdf_end (cr, "Table");
  w->y += 14;
}

static void
add_row (GPtrArray  *rows,
         const char *first,
         ...)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (builder, cell);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

static void
writer_chart (Writer               *w,
              SportelloReportChart *chart)
{
  SportelloChartStyle style;
  g_autofree char *description = sportello_report_chart_describe (chart);
  double height;
  double scale;

  sportello_chart_style_for_paper (&style);
  height = sportello_report_chart_get_height (chart, &style);
  /* a chart taller than a page (24 months) is made smaller to fit one */
  scale = MIN (1, (BOTTOM - MARGIN - 40) / height);
  writer_need (w, height * scale + 40);
  writer_text (w, "H3", "Sans Bold 10", sportello_report_chart_get_title (chart), 6);
  writer_need (w, height * scale);
  sportello_pdf_begin (w->cr, "Figure");
  cairo_save (w->cr);
  cairo_translate (w->cr, MARGIN, w->y);
  cairo_scale (w->cr, scale, scale);
  sportello_report_chart_draw (chart, w->cr, WIDTH / scale, &style);
  cairo_restore (w->cr);
  sportello_pdf_end (w->cr, "Figure");
  height *= scale;
  w->y += height + 4;
  /* the chart in words: for whoever cannot see it, and for the record */
  cairo_set_source_rgb (w->cr, 0.3, 0.3, 0.3);
  writer_text (w, "P", "Sans 7.5", description, 14);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
method_note (Writer  *w,
             gboolean network)
{
  static const char * const definitions[] = {
    N_("Firms served: distinct clients with at least one meeting starting in the period; new firms: those whose first meeting ever starts in the period."),
    N_("Meetings: meetings starting in the period, by kind; hours of consulting: the sum of their durations."),
    N_("Advice documents sent: documents with a sending date in the period; follow-ups done: follow-ups completed in the period."),
    N_("Assessments: assessments dated in the period, with their mean score out of 100 and, for firms assessed twice or more, the mean change from their first to their latest score."),
    N_("Firms by category, province, size (micro under 10 employees, small under 50, medium under 250) and source: the firms served, grouped."),
    N_("Events: events in the period, their registrations and attendance; grant applications: submitted, funded and rejected in the period, with the amounts requested and granted."),
    N_("Dates are days in Europe/Rome, both ends of the period included; the previous period is the one of the same length just before. Anonymised clients still count."),
  };

  writer_text (w, "H2", "Sans Bold 12", _("Method"), 6);
  for (guint i = 0; i < G_N_ELEMENTS (definitions); i++)
    writer_text (w, "P", "Sans 8.5", _(definitions[i]), 4);
  if (network)
    writer_text (w, "P", "Sans 8.5",
                 _("Each hub's statistics file holds counts and sums only, with no personal data: a group of fewer than 5 firms is left out (null). Where a hub left a figure out, the network's sum is only a lower bound, written “at least”; a figure no hub gave is “not known”. Means are weighted by the firms of the hubs that gave them."),
                 4);
}

/* “il 1º dicembre 2026”: today, as it follows a verb */
static char *
today_long (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return sportello_format_date_on (today, SPORTELLO_DATE_LONG);
}

/**
 * sportello_report_write_pdf:
 * @previous: (nullable): the period before, of the same length
 * @consultant: (nullable): who signs the report
 *
 * Writes the desk's report for the period of @statistics to @path.
 */
gboolean
sportello_report_write_pdf (SportelloStatistics  *statistics,
                            SportelloStatistics  *previous,
                            const char           *consultant,
                            const char           *path,
                            GError              **error)
{
  g_autoptr(SportelloPdf) pdf = NULL;
  const char *hub = sportello_statistics_get_hub (statistics);
  g_autofree char *period = sportello_report_format_period (sportello_statistics_get_from (statistics),
                                                            sportello_statistics_get_to (statistics));
  g_autofree char *previous_period = NULL;
  g_autofree char *title = NULL;
  g_autofree char *running = NULL;
  g_autofree char *today = today_long ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const SportelloReportFigure *table;
  guint n_figures;
  Writer w = { 0 };
  static const double widths[] = { 0.46, 0.18, 0.18, 0.18 };
  static const char * const groups[][2] = {
    { "firms_by_size", N_("Firms by size") },
    { "firms_by_source", N_("Firms by source") },
  };

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (statistics), FALSE);

  if (hub != NULL && *hub == '\0')
    hub = NULL;
  if (previous != NULL)
    previous_period = sportello_report_format_period (sportello_statistics_get_from (previous),
                                                      sportello_statistics_get_to (previous));

  pdf = sportello_pdf_new (path, SPORTELLO_PDF_A4_WIDTH, SPORTELLO_PDF_A4_HEIGHT, error);
  if (pdf == NULL)
    return FALSE;

  /* Translators: the title of the desk's report, with the hub */
  title = hub ? g_strdup_printf (_("Report of %s"), hub) : g_strdup (_("Report of the desk"));
  sportello_pdf_set_info (pdf, title, consultant, period);
  /* Translators: at the foot of each page: the report's title and its period */
  running = g_strdup_printf (_("%s, %s"), title, period);
  writer_init (&w, pdf, running);

  writer_text (&w, "H1", "Sans Bold 18", title, 4);
  writer_text (&w, "P", "Sans 11", period, 2);
  if (consultant != NULL && *consultant != '\0')
    {
      /* Translators: who wrote the report, and when; the date carries its article in Italian (“il 1º dicembre 2026”) */
      g_autofree char *by = g_strdup_printf (_("Consultant: %s · written %s"), consultant, today);

      writer_text (&w, "P", "Sans 9", by, 16);
    }
  else
    {
      /* Translators: when the report was written; the date carries its article in Italian */
      g_autofree char *on = g_strdup_printf (_("Written %s"), today);

      writer_text (&w, "P", "Sans 9", on, 16);
    }

  /* the figures against the period before */
  writer_text (&w, "H2", "Sans Bold 12", _("Figures"), 6);
  if (previous_period != NULL)
    {
      /* Translators: under the heading of the figures of the report */
      g_autofree char *against = g_strdup_printf (_("Each figure against the previous period of the same length, %s."),
                                                  previous_period);

      writer_text (&w, "P", "Sans 8.5", against, 8);
    }
  add_row (rows, _("Figure"), _("Period"), previous ? _("Previous period") : "", previous ? _("Change") : "", NULL);
  table = sportello_report_figures (&n_figures);
  for (guint i = 0; i < n_figures; i++)
    {
      g_autofree char *now = sportello_report_format_value (statistics, table[i].path, table[i].unit);
      g_autofree char *before = previous ? sportello_report_format_value (previous, table[i].path, table[i].unit) : g_strdup ("");
      g_autofree char *change = previous ? sportello_report_format_change (statistics, previous, table[i].path, table[i].unit) : g_strdup ("");

      if (table[i].section != NULL && i > 0)
        add_row (rows, _(table[i].section), NULL);
      add_row (rows, _(table[i].label), now, before, change, NULL);
    }
  writer_table (&w, 4, widths, rows);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_auto(GStrv) members = sportello_statistics_dup_members (statistics, groups[g][0]);

      g_ptr_array_set_size (rows, 0);
      add_row (rows, _(groups[g][1]), _("Period"), previous ? _("Previous period") : "", previous ? _("Change") : "", NULL);
      for (guint i = 0; members[i] != NULL; i++)
        {
          g_autofree char *figure_path = g_strconcat (groups[g][0], ".", members[i], NULL);
          g_autofree char *label = sportello_report_member_label (groups[g][0], members[i]);
          g_autofree char *now = sportello_report_format_value (statistics, figure_path, SPORTELLO_REPORT_COUNT);
          g_autofree char *before = previous ? sportello_report_format_value (previous, figure_path, SPORTELLO_REPORT_COUNT) : g_strdup ("");
          g_autofree char *change = previous ? sportello_report_format_change (statistics, previous, figure_path, SPORTELLO_REPORT_COUNT) : g_strdup ("");

          add_row (rows, label, now, before, change, NULL);
        }
      if (rows->len > 1)
        {
          writer_need (&w, 60);
          writer_table (&w, 4, widths, rows);
        }
    }

  /* the charts, each with its text alternative */
  writer_need (&w, 300);
  writer_text (&w, "H2", "Sans Bold 12", _("Charts"), 6);
  for (int kind = 0; kind < SPORTELLO_REPORT_N_CHARTS; kind++)
    {
      g_autoptr(SportelloReportChart) chart = sportello_report_chart_new (kind, statistics, previous);

      writer_chart (&w, chart);
    }

  method_note (&w, FALSE);
  writer_finish (&w);

  return sportello_pdf_close (g_steal_pointer (&pdf), error);
}

/* The hubs side by side, HUBS_PER_TABLE at a time, and the network's sum */
static void
network_table (Writer               *w,
               SportelloStatistics **hubs,
               guint                 n_hubs,
               SportelloStatistics  *sum,
               const char           *group,
               const char           *heading)
{
  for (guint first = 0; first < n_hubs; first += HUBS_PER_TABLE)
    {
      guint n = MIN (HUBS_PER_TABLE, n_hubs - first);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GStrvBuilder) head = g_strv_builder_new ();
      double widths[HUBS_PER_TABLE + 2];
      double rest = 0.62 / (n + 1);

      widths[0] = 0.38;
      for (guint i = 1; i < n + 2; i++)
        widths[i] = rest;

      g_strv_builder_add (head, heading);
      for (guint i = 0; i < n; i++)
        {
          const char *name = sportello_statistics_get_hub (hubs[first + i]);

          g_strv_builder_add (head, name && *name ? name : _("Unnamed hub"));
        }
      g_strv_builder_add (head, _("Network"));
      g_ptr_array_add (rows, g_strv_builder_end (head));

      if (group == NULL)
        {
          const SportelloReportFigure *table;
          guint n_figures;
          GStrvBuilder *periods = g_strv_builder_new ();

          /* each hub's period, which may differ */
          g_strv_builder_add (periods, _("Period"));
          for (guint i = 0; i <= n; i++)
            {
              SportelloStatistics *s = i < n ? hubs[first + i] : sum;

              g_autofree char *first_day = sportello_format_date_short (sportello_statistics_get_from (s));
              g_autofree char *last_day = sportello_format_date_short (sportello_statistics_get_to (s));

              g_strv_builder_take (periods, g_strdup_printf ("%s – %s", first_day, last_day));
            }
          g_ptr_array_add (rows, g_strv_builder_end (periods));
          g_strv_builder_unref (periods);

          table = sportello_report_figures (&n_figures);
          for (guint f = 0; f < n_figures; f++)
            {
              GStrvBuilder *row = g_strv_builder_new ();

              g_strv_builder_add (row, _(table[f].label));
              for (guint i = 0; i <= n; i++)
                g_strv_builder_take (row, sportello_report_format_value (i < n ? hubs[first + i] : sum,
                                                                         table[f].path, table[f].unit));
              g_ptr_array_add (rows, g_strv_builder_end (row));
              g_strv_builder_unref (row);
            }
        }
      else
        {
          g_auto(GStrv) members = sportello_statistics_dup_members (sum, group);

          for (guint m = 0; members[m] != NULL; m++)
            {
              GStrvBuilder *row = g_strv_builder_new ();
              g_autofree char *figure_path = g_strconcat (group, ".", members[m], NULL);

              g_strv_builder_take (row, sportello_report_member_label (group, members[m]));
              for (guint i = 0; i <= n; i++)
                g_strv_builder_take (row, sportello_report_format_value (i < n ? hubs[first + i] : sum,
                                                                         figure_path, SPORTELLO_REPORT_COUNT));
              g_ptr_array_add (rows, g_strv_builder_end (row));
              g_strv_builder_unref (row);
            }
        }
      if (rows->len > 1)
        {
          writer_need (w, 80);
          writer_table (w, n + 2, widths, rows);
        }
    }
}

/**
 * sportello_report_write_network_pdf:
 * @hubs: (array length=n_hubs): the statistics files of the hubs, read
 *
 * Writes the network's report to @path: the hubs side by side and summed.
 */
gboolean
sportello_report_write_network_pdf (SportelloStatistics **hubs,
                                    guint                 n_hubs,
                                    const char           *path,
                                    GError              **error)
{
  g_autoptr(SportelloPdf) pdf = NULL;
  g_autoptr(SportelloStatistics) sum = NULL;
  g_autofree char *period = NULL;
  g_autofree char *count = NULL;
  g_autofree char *running = NULL;
  g_autofree char *today = today_long ();
  Writer w = { 0 };

  g_return_val_if_fail (n_hubs > 0, FALSE);

  sum = sportello_statistics_sum (hubs, n_hubs);
  period = sportello_report_format_period (sportello_statistics_get_from (sum), sportello_statistics_get_to (sum));

  pdf = sportello_pdf_new (path, SPORTELLO_PDF_A4_WIDTH, SPORTELLO_PDF_A4_HEIGHT, error);
  if (pdf == NULL)
    return FALSE;
  sportello_pdf_set_info (pdf, _("Report of the network of hubs"), NULL, period);
  running = g_strdup_printf (_("%s, %s"), _("Report of the network of hubs"), period);
  writer_init (&w, pdf, running);

  writer_text (&w, "H1", "Sans Bold 18", _("Report of the network of hubs"), 4);
  writer_text (&w, "P", "Sans 11", period, 2);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hub · written %s", "%u hubs · written %s", n_hubs),
                           n_hubs, today);
  writer_text (&w, "P", "Sans 9", count, 16);

  writer_text (&w, "H2", "Sans Bold 12", _("Figures"), 6);
  network_table (&w, hubs, n_hubs, sum, NULL, _("Figure"));
  writer_text (&w, "H2", "Sans Bold 12", _("Firms by category"), 6);
  network_table (&w, hubs, n_hubs, sum, "firms_by_category", _("Category"));
  writer_text (&w, "H2", "Sans Bold 12", _("Meetings by kind"), 6);
  network_table (&w, hubs, n_hubs, sum, "meetings.by_kind", _("Kind"));

  writer_text (&w, "H2", "Sans Bold 12", _("Charts of the network"), 6);
  for (int kind = SPORTELLO_REPORT_CHART_CATEGORIES; kind <= SPORTELLO_REPORT_CHART_MEETING_KINDS; kind++)
    {
      g_autoptr(SportelloReportChart) chart = sportello_report_chart_new (kind, sum, NULL);

      writer_chart (&w, chart);
    }

  method_note (&w, TRUE);
  writer_finish (&w);

  return sportello_pdf_close (g_steal_pointer (&pdf), error);
}
