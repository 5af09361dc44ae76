/* sportello-report-charts.c: the report's figures and charts, for the
 * screen and for paper
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Resoconto shows, said once for the view and the PDF: the table
 * of figures (with the names of the statistics file), how a figure reads
 * in Italian (“almeno 12” when a network's sum is only a lower bound,
 * “non noto” when a hub wrote null), and five charts. A chart is drawn
 * with cairo onto any cairo_t, in the colours it is given: the view passes
 * those of the style (light, dark, high contrast), the PDF those of
 * paper. Every chart is a set of horizontal bars, the period chosen and,
 * thinner, the period before; a label in words above each bar, its value
 * at the end of the line, and a scale with values at the foot, so that it
 * reads at 360 pixels as on A4. Each chart also says all this in words,
 * for screen readers and as the PDF's alternate text. No GTK here.
 */

#define G_LOG_DOMAIN "sportello-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "sportello-format.h"
#include "sportello-pdf.h"
#include "sportello-report-charts.h"
#include "sportello-report-xlsx.h"
#include "sportello-vocabulary.h"

/* ---------------------------------------------------------- figures ---- */

static const SportelloReportFigure figures[] = {
  { "firms_served", N_("Firms served"), SPORTELLO_REPORT_COUNT, N_("Firms and meetings") },
  { "firms_new", N_("New firms"), SPORTELLO_REPORT_COUNT, NULL },
  { "meetings.total", N_("Meetings"), SPORTELLO_REPORT_COUNT, NULL },
  { "consulting_hours", N_("Hours of consulting"), SPORTELLO_REPORT_HOURS, NULL },
  { "documents_sent", N_("Advice documents sent"), SPORTELLO_REPORT_COUNT, NULL },
  { "follow_ups_done", N_("Follow-ups done"), SPORTELLO_REPORT_COUNT, NULL },
  { "assessments.total", N_("Assessments"), SPORTELLO_REPORT_COUNT, N_("Assessments") },
  { "assessments.mean_score", N_("Mean score"), SPORTELLO_REPORT_SCORE, NULL },
  { "assessments.firms_compared", N_("Firms assessed more than once"), SPORTELLO_REPORT_COUNT, NULL },
  { "assessments.mean_change", N_("Mean change, first to latest score"), SPORTELLO_REPORT_CHANGE, NULL },
  { "events.total", N_("Events"), SPORTELLO_REPORT_COUNT, N_("Events") },
  { "events.registrations", N_("Registrations"), SPORTELLO_REPORT_COUNT, NULL },
  { "events.attended", N_("Attended"), SPORTELLO_REPORT_COUNT, NULL },
  { "events.attendance_rate", N_("Attendance rate"), SPORTELLO_REPORT_RATE, NULL },
  { "grant_applications.submitted", N_("Grant applications submitted"), SPORTELLO_REPORT_COUNT, N_("Grants") },
  { "grant_applications.funded", N_("Funded"), SPORTELLO_REPORT_COUNT, NULL },
  { "grant_applications.rejected", N_("Rejected"), SPORTELLO_REPORT_COUNT, NULL },
  { "grant_applications.amount_requested", N_("Amount requested"), SPORTELLO_REPORT_EUROS, NULL },
  { "grant_applications.amount_granted", N_("Amount granted"), SPORTELLO_REPORT_EUROS, NULL },
};

/**
 * sportello_report_figures:
 *
 * Returns: (transfer none) (array length=n_figures): the lines of the
 *   report's table, in order
 */
const SportelloReportFigure *
sportello_report_figures (guint *n_figures)
{
  *n_figures = G_N_ELEMENTS (figures);
  return figures;
}

/* A number in the locale's way, with thousands grouped */
static char *
format_number (double value,
               int    decimals)
{
  return g_strdup_printf ("%'.*f", decimals, value);
}

/* Hours with no useless decimals: “91”, “91,5”, “10,75” */
static char *
format_hours (double value)
{
  double hundredths = round (value * 100);
  int decimals = fmod (hundredths, 100) == 0 ? 0 : fmod (hundredths, 10) == 0 ? 1 : 2;

  return format_number (hundredths / 100, decimals);
}

static char *
format_plain (double              value,
              SportelloReportUnit unit)
{
  switch (unit)
    {
    case SPORTELLO_REPORT_HOURS:
      {
        g_autofree char *number = format_hours (value);

        /* Translators: a number of hours, “91 h”, “91,5 h” */
        return g_strdup_printf (_("%s h"), number);
      }
    case SPORTELLO_REPORT_SCORE:
      return format_number (value, 1);
    case SPORTELLO_REPORT_CHANGE:
      {
        g_autofree char *number = format_number (fabs (value), 1);

        return g_strdup_printf ("%s%s", value > 0.05 ? "+" : value < -0.05 ? "−" : "", number);
      }
    case SPORTELLO_REPORT_RATE:
      {
        g_autofree char *number = format_number (value * 100, 1);

        /* Translators: a percentage */
        return g_strdup_printf (_("%s%%"), number);
      }
    case SPORTELLO_REPORT_EUROS:
      {
        g_autofree char *number = format_number (value, 0);

        /* Translators: an amount in euros */
        return g_strdup_printf (_("€ %s"), number);
      }
    case SPORTELLO_REPORT_COUNT:
    default:
      return format_number (value, 0);
    }
}

/**
 * sportello_report_format_figure:
 *
 * Returns: (transfer full): how @figure reads: “12”, “almeno 12” for a
 *   lower bound, “non noto” when it is not known
 */
char *
sportello_report_format_figure (const SportelloFigure *figure,
                                SportelloReportUnit    unit)
{
  g_autofree char *plain = NULL;

  if (figure->state == SPORTELLO_FIGURE_UNKNOWN)
    /* Translators: a figure no one can know: a hub left it out (fewer than 5 firms) */
    return g_strdup (_("not known"));

  plain = format_plain (figure->value, unit);
  if (figure->state == SPORTELLO_FIGURE_AT_LEAST)
    /* Translators: a sum over hubs where a hub left its figure out: only a lower bound is known */
    return g_strdup_printf (_("at least %s"), plain);
  if (figure->state == SPORTELLO_FIGURE_PARTIAL)
    /* Translators: a mean over the hubs that gave the figure, not all of them */
    return g_strdup_printf (_("%s (some hubs)"), plain);
  return g_steal_pointer (&plain);
}

static void
get_figure (SportelloStatistics *statistics,
            const char          *path,
            SportelloFigure     *figure)
{
  if (statistics == NULL || !sportello_statistics_get_figure (statistics, path, figure))
    *figure = (SportelloFigure) { SPORTELLO_FIGURE_UNKNOWN, 0 };
}

/**
 * sportello_report_format_value:
 *
 * Returns: (transfer full): the figure at @path as it reads
 */
char *
sportello_report_format_value (SportelloStatistics *statistics,
                               const char          *path,
                               SportelloReportUnit  unit)
{
  SportelloFigure figure;

  get_figure (statistics, path, &figure);
  return sportello_report_format_figure (&figure, unit);
}

/**
 * sportello_report_format_change:
 *
 * Returns: (transfer full): how the figure at @path moved from @previous
 *   to @current, as “+3” or “−12,5%”, or “=” when it did not; an empty
 *   string when either is not known
 */
char *
sportello_report_format_change (SportelloStatistics *current,
                                SportelloStatistics *previous,
                                const char          *path,
                                SportelloReportUnit  unit)
{
  SportelloFigure now, before;
  double delta;

  get_figure (current, path, &now);
  get_figure (previous, path, &before);
  if (now.state != SPORTELLO_FIGURE_EXACT || before.state != SPORTELLO_FIGURE_EXACT)
    return g_strdup ("");

  delta = now.value - before.value;
  if (fabs (delta) < 0.005)
    return g_strdup ("=");
  if (unit == SPORTELLO_REPORT_COUNT || unit == SPORTELLO_REPORT_HOURS || unit == SPORTELLO_REPORT_EUROS)
    {
      g_autofree char *plain = format_plain (fabs (delta), unit);

      return g_strdup_printf ("%s%s", delta > 0 ? "+" : "−", plain);
    }
  if (unit == SPORTELLO_REPORT_RATE)
    {
      g_autofree char *points = format_number (fabs (delta) * 100, 1);

      /* Translators: a change of a percentage, in percentage points */
      return g_strdup_printf (_("%s%s points"), delta > 0 ? "+" : "−", points);
    }
  return format_plain (delta, SPORTELLO_REPORT_CHANGE);
}

/**
 * sportello_report_format_period:
 *
 * Returns: (transfer full): “dal 1º gennaio al 31 dicembre 2026”
 */
char *
sportello_report_format_period (const char *from,
                                const char *to)
{
  g_autofree char *first = sportello_format_date_long (from);
  g_autofree char *last = sportello_format_date_long (to);

  /* Translators: a period of the report, from one day to another, both long dates */
  return g_strdup_printf (_("%s – %s"), first ? first : from, last ? last : to);
}

/* A member of a group in words: months as “Marzo 2026”, the rest as the
 * spreadsheet names them */
static char *
member_label (const char *group,
              const char *member)
{
  if (g_str_equal (group, "monthly"))
    {
      g_autofree char *month = sportello_format_month (member);

      return month ? sportello_capitalize (month) : g_strdup (member);
    }
  return sportello_report_member_label (group, member);
}

/* ----------------------------------------------------------- charts ---- */

typedef struct
{
  char            *label;
  SportelloFigure  current;
  SportelloFigure  previous;
} Bar;

struct _SportelloReportChart
{
  SportelloReportChartKind kind;
  char                    *title;
  char                    *quantity;   /* what the bars count, for the scale */
  SportelloReportUnit      unit;
  GArray                  *bars;       /* Bar */
  gboolean                 has_previous;
};

static void
clear_bar (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
}

static void
add_bar (SportelloReportChart *chart,
         char                 *label,
         SportelloStatistics  *current,
         const char           *path,
         SportelloStatistics  *previous,
         const char           *previous_path)
{
  Bar bar = { label, { 0 }, { 0 } };

  get_figure (current, path, &bar.current);
  get_figure (previous, previous_path ? previous_path : path, &bar.previous);
  g_array_append_val (chart->bars, bar);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *x = a, *y = b;

  if (x->current.value != y->current.value)
    return x->current.value < y->current.value ? 1 : -1;
  if (x->previous.value != y->previous.value)
    return x->previous.value < y->previous.value ? 1 : -1;
  return g_utf8_collate (x->label, y->label);
}

/* The members of a group, biggest first; those at zero in both periods
 * are left out (a chart of 30 empty provinces says nothing) */
static void
add_group (SportelloReportChart *chart,
           const char           *group,
           SportelloStatistics  *current,
           SportelloStatistics  *previous)
{
  g_auto(GStrv) members = sportello_statistics_dup_members (current, group);
  g_auto(GStrv) before = previous ? sportello_statistics_dup_members (previous, group) : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; members[i] != NULL; i++)
    if (g_hash_table_add (seen, members[i]))
      g_ptr_array_add (all, members[i]);
  for (guint i = 0; before != NULL && before[i] != NULL; i++)
    if (g_hash_table_add (seen, before[i]))
      g_ptr_array_add (all, before[i]);

  for (guint i = 0; i < all->len; i++)
    {
      const char *member = g_ptr_array_index (all, i);
      g_autofree char *path = g_strconcat (group, ".", member, NULL);
      Bar *bar;

      add_bar (chart, member_label (group, member), current, path, previous, NULL);
      bar = &g_array_index (chart->bars, Bar, chart->bars->len - 1);
      if (bar->current.value == 0 && bar->previous.value == 0 &&
          bar->current.state == SPORTELLO_FIGURE_EXACT &&
          (bar->previous.state == SPORTELLO_FIGURE_EXACT || previous == NULL))
        g_array_remove_index (chart->bars, chart->bars->len - 1);
    }
  g_array_sort (chart->bars, compare_bars);
}

/**
 * sportello_report_chart_new:
 * @previous: (nullable): the period before, of the same length
 *
 * Returns: (transfer full): the chart of @kind for @current
 */
SportelloReportChart *
sportello_report_chart_new (SportelloReportChartKind  kind,
                            SportelloStatistics      *current,
                            SportelloStatistics      *previous)
{
  SportelloReportChart *chart = g_new0 (SportelloReportChart, 1);

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (current), NULL);

  chart->kind = kind;
  chart->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (chart->bars, clear_bar);
  chart->has_previous = previous != NULL;
  chart->unit = SPORTELLO_REPORT_COUNT;

  switch (kind)
    {
    case SPORTELLO_REPORT_CHART_MONTHLY:
      {
        g_auto(GStrv) months = sportello_statistics_dup_members (current, "monthly");
        g_auto(GStrv) before = previous ? sportello_statistics_dup_members (previous, "monthly") : NULL;
        guint n_before = before ? g_strv_length (before) : 0;

        chart->title = g_strdup (_("Meetings month by month"));
        chart->quantity = g_strdup (_("Meetings"));
        /* month by month against the same month of the period before */
        for (guint i = 0; months[i] != NULL; i++)
          {
            g_autofree char *path = g_strdup_printf ("monthly.%s.meetings", months[i]);
            g_autofree char *previous_path = i < n_before ? g_strdup_printf ("monthly.%s.meetings", before[i]) : NULL;

            add_bar (chart, member_label ("monthly", months[i]), current, path,
                     previous_path ? previous : NULL, previous_path);
          }
      }
      break;

    case SPORTELLO_REPORT_CHART_CATEGORIES:
      chart->title = g_strdup (_("Firms by category"));
      chart->quantity = g_strdup (_("Firms"));
      add_group (chart, "firms_by_category", current, previous);
      break;

    case SPORTELLO_REPORT_CHART_PROVINCES:
      chart->title = g_strdup (_("Firms by province"));
      chart->quantity = g_strdup (_("Firms"));
      add_group (chart, "firms_by_province", current, previous);
      break;

    case SPORTELLO_REPORT_CHART_MEETING_KINDS:
      chart->title = g_strdup (_("Meetings by kind"));
      chart->quantity = g_strdup (_("Meetings"));
      add_group (chart, "meetings.by_kind", current, previous);
      break;

    case SPORTELLO_REPORT_CHART_SCORES:
    case SPORTELLO_REPORT_N_CHARTS:
    default:
      chart->kind = SPORTELLO_REPORT_CHART_SCORES;
      chart->title = g_strdup (_("Assessment scores"));
      chart->quantity = g_strdup (_("Points out of 100"));
      chart->unit = SPORTELLO_REPORT_CHANGE;
      add_bar (chart, g_strdup (_("Mean score")), current, "assessments.mean_score", previous, NULL);
      /* Translators: a bar of the chart of scores: the change from a firm's first to its latest score */
      add_bar (chart, g_strdup (_("Mean change")), current, "assessments.mean_change", previous, NULL);
      break;
    }

  return chart;
}

void
sportello_report_chart_free (SportelloReportChart *chart)
{
  if (chart == NULL)
    return;
  g_array_unref (chart->bars);
  g_free (chart->title);
  g_free (chart->quantity);
  g_free (chart);
}

const char *
sportello_report_chart_get_title (SportelloReportChart *chart)
{
  return chart->title;
}

/**
 * sportello_report_chart_is_empty:
 *
 * Returns: whether the chart has nothing to show: no bar, or every bar
 *   at zero or unknown
 */
gboolean
sportello_report_chart_is_empty (SportelloReportChart *chart)
{
  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);

      if ((bar->current.state != SPORTELLO_FIGURE_UNKNOWN && bar->current.value != 0) ||
          (bar->previous.state != SPORTELLO_FIGURE_UNKNOWN && bar->previous.value != 0))
        return FALSE;
    }
  return TRUE;
}

static char *
format_bar_value (SportelloReportChart  *chart,
                  const SportelloFigure *figure,
                  guint                  index)
{
  /* the mean score has no sign; its change has */
  SportelloReportUnit unit = chart->kind == SPORTELLO_REPORT_CHART_SCORES && index == 0
    ? SPORTELLO_REPORT_SCORE : chart->unit;

  return sportello_report_format_figure (figure, unit);
}

/**
 * sportello_report_chart_describe:
 *
 * The chart in words, every value said: what a screen reader reads, and
 * the PDF's alternate text.
 *
 * Returns: (transfer full): the text alternative
 */
char *
sportello_report_chart_describe (SportelloReportChart *chart)
{
  GString *text = g_string_new (chart->title);

  if (sportello_report_chart_is_empty (chart))
    {
      /* Translators: said of a chart with nothing in it */
      g_string_append (text, _(": no data in the period."));
      return g_string_free (text, FALSE);
    }

  g_string_append (text, ". ");
  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);
      g_autofree char *now = format_bar_value (chart, &bar->current, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (chart->has_previous)
        {
          g_autofree char *before = format_bar_value (chart, &bar->previous, i);

          /* Translators: one bar of a chart said in words: label, value
           * in the period chosen, value in the period before */
          g_string_append_printf (text, _("%s: %s (previous period %s)"), bar->label, now, before);
        }
      else
        /* Translators: one bar of a chart said in words: label, value */
        g_string_append_printf (text, _("%s: %s"), bar->label, now);
    }
  g_string_append (text, ".");
  return g_string_free (text, FALSE);
}

/* -------------------------------------------------------- drawing ---- */

#define LABEL_GAP 0.35    /* em between a label and its bar */
#define BAR       0.9     /* em: a bar of the period chosen */
#define THIN      0.45    /* em: a bar of the period before */
#define ROW_GAP   0.8     /* em between rows */

/**
 * sportello_chart_style_for_paper:
 *
 * Black text, a blue that prints well in grey, 8.5 points.
 */
void
sportello_chart_style_for_paper (SportelloChartStyle *style)
{
  *style = (SportelloChartStyle) {
    .text = { 0, 0, 0, 1 },
    .muted = { 0.4, 0.4, 0.4, 1 },
    .current = { 0.11, 0.44, 0.85, 1 },     /* GNOME blue 3, #1c71d8 */
    .previous = { 0.6, 0.6, 0.6, 1 },
    .font_size = 8.5,
    .outline = FALSE,
  };
}

static PangoLayout *
text_layout (cairo_t                   *cr,
             const SportelloChartStyle *style,
             const char                *text,
             gboolean                   bold,
             double                     scale)
{
  PangoLayout *layout = sportello_pdf_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, style->font_size * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static void
set_color (cairo_t      *cr,
           const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* A round step for the scale: 1, 2 or 5 × 10ⁿ, about 4 of them */
static double
nice_step (double span)
{
  double raw = span / 4;
  double magnitude;
  double fraction;

  if (raw <= 0)
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
}

static void
value_range (SportelloReportChart *chart,
             double               *low,
             double               *high,
             double               *step)
{
  *low = 0;
  *high = 0;
  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);

      *low = MIN (*low, MIN (bar->current.value, bar->previous.value));
      *high = MAX (*high, MAX (bar->current.value, bar->previous.value));
    }
  if (chart->kind == SPORTELLO_REPORT_CHART_SCORES)
    *high = MAX (*high, 100);
  if (*high - *low <= 0)
    *high = *low + 1;
  *step = nice_step (*high - *low);
  if (chart->unit == SPORTELLO_REPORT_COUNT)
    *step = MAX (*step, 1);
  *low = floor (*low / *step) * *step;
  *high = ceil (*high / *step) * *step;
}

static double
legend_height (const SportelloChartStyle *style)
{
  return style->font_size * 2;
}

/**
 * sportello_report_chart_get_height:
 *
 * Returns: how tall the chart is drawn with @style, whatever its width
 */
double
sportello_report_chart_get_height (SportelloReportChart      *chart,
                                   const SportelloChartStyle *style)
{
  double em = style->font_size;
  double line = em * 1.3;
  double row = line + LABEL_GAP * em + BAR * em + (chart->has_previous ? THIN * em : 0) + ROW_GAP * em;

  if (sportello_report_chart_is_empty (chart))
    return line * 2;
  return legend_height (style) + chart->bars->len * row + line * 2.5;
}

static void
draw_legend (SportelloReportChart      *chart,
             cairo_t                   *cr,
             double                     width,
             const SportelloChartStyle *style)
{
  double em = style->font_size;
  double x = 0;
  const char *names[2] = { _("Period chosen"), _("Previous period") };
  const double *colors[2] = { style->current, style->previous };

  for (guint i = 0; i < (chart->has_previous ? 2u : 1u); i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (cr, style, names[i], FALSE, 1);

      set_color (cr, colors[i]);
      cairo_rectangle (cr, x, em * 0.3, em, em * (i == 0 ? BAR : THIN) + em * 0.2);
      cairo_fill (cr);
      set_color (cr, style->text);
      cairo_move_to (cr, x + em * 1.4, 0);
      pango_cairo_show_layout (cr, layout);
      x += em * 1.4 + layout_width (layout) + em * 1.5;
    }
}

static void
draw_bar (cairo_t                   *cr,
          const SportelloChartStyle *style,
          const double               color[4],
          double                     x_zero,
          double                     scale,
          double                     value,
          double                     y,
          double                     height)
{
  double x = value >= 0 ? x_zero : x_zero + value * scale;
  double w = fabs (value) * scale;

  if (w <= 0)
    return;
  set_color (cr, color);
  cairo_rectangle (cr, x, y, MAX (w, 1), height);
  cairo_fill_preserve (cr);
  cairo_new_path (cr);
  if (style->outline)
    {
      set_color (cr, style->text);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (w, 1) - 1, height - 1);
      cairo_stroke (cr);
    }
}

/**
 * sportello_report_chart_draw:
 * @width: the width to fill, in user units
 *
 * Draws the chart with its top left corner at the origin: legend, bars,
 * scale. Its height is sportello_report_chart_get_height().
 */
void
sportello_report_chart_draw (SportelloReportChart      *chart,
                             cairo_t                   *cr,
                             double                     width,
                             const SportelloChartStyle *style)
{
  double em = style->font_size;
  double line = em * 1.3;
  double low, high, step, scale, x_zero, y, bars_top;

  cairo_save (cr);

  if (sportello_report_chart_is_empty (chart))
    {
      g_autoptr(PangoLayout) layout = text_layout (cr, style, _("No data in the period"), FALSE, 1);

      set_color (cr, style->muted);
      cairo_move_to (cr, 0, line * 0.5);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return;
    }

  draw_legend (chart, cr, width, style);
  value_range (chart, &low, &high, &step);
  scale = width / (high - low);
  x_zero = -low * scale;
  bars_top = y = legend_height (style);

  for (guint i = 0; i < chart->bars->len; i++)
    {
      Bar *bar = &g_array_index (chart->bars, Bar, i);
      g_autofree char *now = format_bar_value (chart, &bar->current, i);
      g_autofree char *value_text = NULL;
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;
      double value_width;

      if (chart->has_previous)
        {
          g_autofree char *before = format_bar_value (chart, &bar->previous, i);

          /* Translators: the value at the end of a chart's row: this
           * period, then the previous one */
          value_text = g_strdup_printf (_("%s (before: %s)"), now, before);
        }
      else
        value_text = g_strdup (now);

      value = text_layout (cr, style, value_text, TRUE, 1);
      value_width = layout_width (value);
      label = text_layout (cr, style, bar->label, FALSE, 1);
      pango_layout_set_width (label, (int) (MAX (width - value_width - em, em) * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);

      set_color (cr, style->text);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, label);
      cairo_move_to (cr, width - value_width, y);
      pango_cairo_show_layout (cr, value);
      y += line + LABEL_GAP * em;

      if (bar->current.state != SPORTELLO_FIGURE_UNKNOWN)
        draw_bar (cr, style, style->current, x_zero, scale, bar->current.value, y, BAR * em);
      y += BAR * em;
      if (chart->has_previous)
        {
          if (bar->previous.state != SPORTELLO_FIGURE_UNKNOWN)
            draw_bar (cr, style, style->previous, x_zero, scale, bar->previous.value, y, THIN * em);
          y += THIN * em;
        }
      y += ROW_GAP * em;
    }

  /* the scale: a line at zero, ticks with their values, what is counted */
  set_color (cr, style->muted);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x_zero + 0.5, bars_top + line);
  cairo_line_to (cr, x_zero + 0.5, y);
  cairo_stroke (cr);
  cairo_move_to (cr, 0, y + 0.5);
  cairo_line_to (cr, width, y + 0.5);
  cairo_stroke (cr);
  for (double tick = low; tick <= high + step / 2; tick += step)
    {
      double x = x_zero + tick * scale;
      /* whole steps read as whole numbers: 0, 50, 100 */
      g_autofree char *text = format_plain (tick, chart->unit == SPORTELLO_REPORT_CHANGE
                                                    ? (step >= 1 ? SPORTELLO_REPORT_COUNT : SPORTELLO_REPORT_SCORE)
                                                    : chart->unit == SPORTELLO_REPORT_HOURS && step >= 1 ? SPORTELLO_REPORT_COUNT
                                                    : chart->unit);
      g_autoptr(PangoLayout) layout = text_layout (cr, style, text, FALSE, 0.9);
      double w = layout_width (layout);

      cairo_move_to (cr, x + 0.5, y);
      cairo_line_to (cr, x + 0.5, y + em * 0.4);
      cairo_stroke (cr);
      cairo_move_to (cr, CLAMP (x - w / 2, 0, width - w), y + em * 0.5);
      pango_cairo_show_layout (cr, layout);
    }
  {
    g_autoptr(PangoLayout) layout = text_layout (cr, style, chart->quantity, FALSE, 0.9);

    cairo_move_to (cr, (width - layout_width (layout)) / 2, y + em * 0.5 + layout_height (layout));
    pango_cairo_show_layout (cr, layout);
  }

  cairo_restore (cr);
}
