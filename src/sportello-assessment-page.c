/* sportello-assessment-page.c: filling in and reading an assessment
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results first (score, verdict, a bar chart of the areas, the action
 * plan), then the checklist area by area. Every answer is stored half a
 * second after it is given, and whatever is pending when the page goes.
 */

#define G_LOG_DOMAIN "sportello-assessment-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sportello-agenda.h"
#include "sportello-assessment-item-row.h"
#include "sportello-assessment-page.h"
#include "sportello-client.h"
#include "sportello-report-section.h"
#include "sportello-format.h"


struct _SportelloAssessmentPage
{
  SportelloRecordPage  parent_instance;

  SportelloAssessment *assessment;   /* the page's record */
  SportelloChecklist  *checklist;
  SportelloScore      *score;
  SportelloScore      *previous;   /* the client's assessment before this one, if any */
  GListStore          *answers;    /* SportelloAssessmentAnswer, one per item */
  GPtrArray           *plan_rows;

  AdwWindowTitle      *window_title;
  GtkBox              *box;
  GtkLabel            *score_label;
  GtkLabel            *verdict_label;
  GtkLabel            *change_label;
  GtkLabel            *network_label;   /* where the firm stands in the network, if read in */
  GtkDrawingArea      *chart;
  guint                chart_fit;   /* idle: the chart's height for its width */
  AdwPreferencesGroup *plan_group;
};

G_DEFINE_FINAL_TYPE (SportelloAssessmentPage, sportello_assessment_page, SPORTELLO_TYPE_RECORD_PAGE)

#define DATABASE(self) (sportello_record_page_get_database (SPORTELLO_RECORD_PAGE (self)))

static gboolean
save_now (SportelloRecordPage  *page,
          GError              **error)
{
  SportelloAssessmentPage *self = SPORTELLO_ASSESSMENT_PAGE (page);

  return sportello_assessment_save (self->assessment, DATABASE (self), error);
}

/* --------------------------------------------------------- results ---- */

/* The chart: one horizontal bar per area, named in words, its score at the
 * end, the assessment before as a tick across the bar; a legend above and
 * the scale below. Wide, the names take a column on the left; narrow (a
 * phone), each name goes on its own line above its bar. Every size is
 * worked out from the width, so nothing overlaps at 360 px. */

#define CHART_NARROW   520   /* below this width, names above the bars */
#define CHART_PAD        6
#define CHART_BAR       18

typedef struct
{
  int    width;
  gboolean narrow;
  double label_w;   /* the names' column, wide only */
  double bars_x;    /* where 0 is */
  double bars_w;    /* from 0 to 100 */
  double value_w;   /* the scores' column, at the right */
  double legend_h;
  double row_h[64];
  double axis_h;
  double height;
} ChartLayout;

static char *
area_value (SportelloAssessmentPage *self,
            guint                    a)
{
  SportelloAreaScore *s = &self->score->areas[a];
  g_autofree char *value = NULL;

  if (!s->applicable)
    return g_strdup (C_("not applicable, short", "n/a"));
  value = sportello_format_tenths (s->tenths);
  if (self->previous != NULL && self->previous->areas[a].applicable)
    {
      int delta = (int) s->tenths - (int) self->previous->areas[a].tenths;
      g_autofree char *amount = sportello_format_tenths ((guint) ABS (delta));

      /* Translators: an area's score and its change since the assessment before, as in “62,5 (+12,5)” */
      return g_strdup_printf (_("%s (%s%s)"), value, delta >= 0 ? "+" : "−", amount);
    }
  return g_steal_pointer (&value);
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static int
text_height (PangoLayout *layout,
             const char  *text,
             double       width)
{
  int w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

/* the legend's two entries, side by side or one under the other */
static double
legend_height (SportelloAssessmentPage *self,
               PangoLayout             *layout,
               int                      width)
{
  int line = text_height (layout, "0", width);
  int w1 = 16 + text_width (layout, _("This assessment"));
  int w2 = 16 + text_width (layout, _("Previous assessment"));

  if (self->previous == NULL)
    return line + CHART_PAD * 2;
  if (w1 + 24 + w2 <= width)
    return line + CHART_PAD * 2;
  return 2 * line + CHART_PAD * 3;
}

static void
chart_layout (SportelloAssessmentPage *self,
              PangoLayout             *layout,
              int                      width,
              ChartLayout             *l)
{
  guint n = MIN (self->checklist->areas->len, G_N_ELEMENTS (l->row_h));
  int max_label = 0, max_value = 0;
  int line = text_height (layout, "0", width);

  l->width = width;
  l->narrow = width < CHART_NARROW;
  for (guint a = 0; a < n; a++)
    {
      SportelloChecklistArea *ca = &g_array_index (self->checklist->areas, SportelloChecklistArea, a);
      g_autofree char *value = area_value (self, a);

      max_label = MAX (max_label, text_width (layout, ca->title));
      max_value = MAX (max_value, text_width (layout, value));
    }
  l->value_w = max_value + CHART_PAD * 2;
  l->label_w = l->narrow ? 0 : MIN (max_label + CHART_PAD * 2, width * 0.4);
  l->bars_x = l->narrow ? 0 : l->label_w + CHART_PAD;
  l->bars_w = MAX (width - l->bars_x - l->value_w - CHART_PAD, 40);
  l->legend_h = legend_height (self, layout, width);
  l->height = l->legend_h;
  for (guint a = 0; a < n; a++)
    {
      SportelloChecklistArea *ca = &g_array_index (self->checklist->areas, SportelloChecklistArea, a);

      if (l->narrow)
        l->row_h[a] = text_height (layout, ca->title, width) + CHART_BAR + CHART_PAD * 2;
      else
        l->row_h[a] = MAX (text_height (layout, ca->title, l->label_w - CHART_PAD), CHART_BAR) + CHART_PAD * 2;
      l->height += l->row_h[a];
    }
  l->axis_h = line + CHART_PAD * 2;
  l->height += l->axis_h;
}

/* the chart's height follows from its width; set after the allocation,
 * not during it */
static gboolean
chart_fit_cb (gpointer data)
{
  SportelloAssessmentPage *self = data;
  GtkDrawingArea *area = self->chart;
  int width = gtk_widget_get_width (GTK_WIDGET (area));
  g_autoptr(PangoLayout) layout = NULL;
  ChartLayout l;

  self->chart_fit = 0;
  if (self->checklist == NULL || self->score == NULL || width <= 0)
    return G_SOURCE_REMOVE;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  chart_layout (self, layout, width, &l);
  if ((int) ceil (l.height) != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, (int) ceil (l.height));
  return G_SOURCE_REMOVE;
}

static void
chart_resize_cb (GtkDrawingArea          *area,
                 int                      width,
                 int                      height,
                 SportelloAssessmentPage *self)
{
  if (self->chart_fit == 0)
    self->chart_fit = g_idle_add (chart_fit_cb, self);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  static const int marks[] = { 0, 40, 70, 90, 100 };   /* where the levels change */
  SportelloAssessmentPage *self = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean high_contrast = adw_style_manager_get_high_contrast (style);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg, accent;
  ChartLayout l;
  double y, rows_top, rows_bottom, last_end = -G_MAXDOUBLE;
  int tw, th;
  guint n;

  if (self->score == NULL || self->checklist->areas->len == 0)
    return;
  n = MIN (self->checklist->areas->len, G_N_ELEMENTS (l.row_h));
  gtk_widget_get_color (GTK_WIDGET (area), &fg);
  {
    GdkRGBA *rgba = adw_style_manager_get_accent_color_rgba (style);

    accent = *rgba;
    gdk_rgba_free (rgba);
  }
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  chart_layout (self, layout, width, &l);

  /* the legend: what the bar and the tick mean */
  y = CHART_PAD;
  {
    int line = text_height (layout, "0", width);
    double x = 0;

    gdk_cairo_set_source_rgba (cr, &accent);
    cairo_rectangle (cr, x, y + line / 2.0 - 5, 10, 10);
    cairo_fill (cr);
    gdk_cairo_set_source_rgba (cr, &fg);
    pango_layout_set_width (layout, -1);
    pango_layout_set_text (layout, _("This assessment"), -1);
    cairo_move_to (cr, x + 16, y);
    pango_cairo_show_layout (cr, layout);
    pango_layout_get_pixel_size (layout, &tw, &th);

    if (self->previous != NULL)
      {
        int w2 = 16 + text_width (layout, _("Previous assessment"));

        if (16 + tw + 24 + w2 <= width)
          x = 16 + tw + 24;
        else
          {
            x = 0;
            y += line + CHART_PAD;
          }
        cairo_set_line_width (cr, 2);
        cairo_move_to (cr, x + 5, y + 1);
        cairo_line_to (cr, x + 5, y + line - 1);
        cairo_stroke (cr);
        pango_layout_set_text (layout, _("Previous assessment"), -1);
        cairo_move_to (cr, x + 16, y);
        pango_cairo_show_layout (cr, layout);
      }
  }

  /* the scale's lines behind the bars */
  rows_top = l.legend_h;
  rows_bottom = l.height - l.axis_h;
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      double x = floor (l.bars_x + l.bars_w * marks[i] / 100.0) + 0.5;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, high_contrast ? 0.5 : 0.15);
      cairo_move_to (cr, x, rows_top);
      cairo_line_to (cr, x, rows_bottom);
      cairo_stroke (cr);
    }

  /* the areas */
  y = rows_top;
  for (guint a = 0; a < n; a++)
    {
      SportelloAreaScore *s = &self->score->areas[a];
      SportelloChecklistArea *ca = &g_array_index (self->checklist->areas, SportelloChecklistArea, a);
      g_autofree char *value = area_value (self, a);
      double bar_y;

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (l.narrow)
        {
          pango_layout_set_width (layout, width * PANGO_SCALE);
          pango_layout_set_text (layout, ca->title, -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          cairo_move_to (cr, 0, y + CHART_PAD);
          pango_cairo_show_layout (cr, layout);
          bar_y = y + CHART_PAD + th;
        }
      else
        {
          pango_layout_set_width (layout, (int) ((l.label_w - CHART_PAD) * PANGO_SCALE));
          pango_layout_set_text (layout, ca->title, -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          cairo_move_to (cr, 0, y + (l.row_h[a] - th) / 2);
          pango_cairo_show_layout (cr, layout);
          bar_y = y + (l.row_h[a] - CHART_BAR) / 2;
        }

      if (s->applicable)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_rectangle (cr, l.bars_x, bar_y, l.bars_w * s->tenths / 1000.0, CHART_BAR);
          cairo_fill (cr);
        }

      /* the assessment before, as a tick across the bar */
      if (self->previous != NULL && self->previous->areas[a].applicable)
        {
          double x = l.bars_x + l.bars_w * self->previous->areas[a].tenths / 1000.0;

          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x, bar_y - 3);
          cairo_line_to (cr, x, bar_y + CHART_BAR + 3);
          cairo_stroke (cr);
        }

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, value, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_move_to (cr, l.bars_x + l.bars_w + CHART_PAD, bar_y + (CHART_BAR - th) / 2.0);
      pango_cairo_show_layout (cr, layout);

      y += l.row_h[a];
    }

  /* the scale's values, each where it fits */
  gdk_cairo_set_source_rgba (cr, &fg);
  pango_layout_set_width (layout, -1);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autofree char *mark = g_strdup_printf ("%d", marks[i]);
      double x;

      pango_layout_set_text (layout, mark, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      x = l.bars_x + l.bars_w * marks[i] / 100.0 - tw / 2.0;
      x = CLAMP (x, 0, width - tw);
      if (x < last_end + 4)
        continue;
      cairo_move_to (cr, x, rows_bottom + CHART_PAD);
      pango_cairo_show_layout (cr, layout);
      last_end = x + tw;
    }
}

static void
update_results (SportelloAssessmentPage *self)
{
  g_autofree char *score_text = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) a11y = g_string_new (NULL);
  guint answered = sportello_assessment_count_answers (self->assessment, self->checklist);

  g_clear_pointer (&self->score, sportello_score_free);
  self->score = sportello_assessment_score (self->assessment, self->checklist);
  verdict = sportello_score_verdict (self->score);

  if (self->score->defined)
    {
      g_autofree char *value = sportello_format_tenths (self->score->tenths);

      /* Translators: overall score and level, as in “73,5/100 — Pronta” */
      score_text = g_strdup_printf (_("%s/100 — %s"), value, sportello_level_label (self->score->level));
    }
  else
    score_text = g_strdup (sportello_level_label (SPORTELLO_LEVEL_NONE));
  gtk_label_set_label (self->score_label, score_text);

  {
    g_autoptr(GPtrArray) missing = sportello_assessment_missing_reasons (self->assessment, self->checklist);

    if (missing->len > 0)
      {
        g_autofree char *text = g_strdup_printf (ngettext ("Not complete: %u item is not applicable without a reason in its note",
                                                           "Not complete: %u items are not applicable without a reason in their note",
                                                           missing->len), missing->len);
        gtk_label_set_label (self->verdict_label, text);
        gtk_widget_set_css_classes (GTK_WIDGET (self->verdict_label), (const char *[]) { "error", NULL });
        goto chart;
      }
  }

  if (self->score->n_unanswered > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Provisional — %u item without an answer",
                                                         "Provisional — %u items without an answer",
                                                         self->score->n_unanswered), self->score->n_unanswered);
      gtk_label_set_label (self->verdict_label, text);
    }
  else if (self->score->unmet_blockers->len > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%s: %u blocking requirement to complete",
                                                         "%s: %u blocking requirements to complete",
                                                         self->score->unmet_blockers->len),
                                               verdict, self->score->unmet_blockers->len);
      gtk_label_set_label (self->verdict_label, text);
    }
  else if (self->score->defined)
    gtk_label_set_label (self->verdict_label, _("No blocking requirement left: the firm can sell online"));
  else
    gtk_label_set_label (self->verdict_label, verdict);

  gtk_widget_set_css_classes (GTK_WIDGET (self->verdict_label),
                              self->score->unmet_blockers->len > 0 ? (const char *[]) { "error", NULL }
                                                                   : (const char *[]) { "dim-label", NULL });

chart:
  /* compared with the assessment before */
  if (self->previous != NULL && self->previous->defined && self->score->defined)
    {
      int delta = (int) self->score->tenths - (int) self->previous->tenths;
      g_autofree char *amount = sportello_format_tenths ((guint) ABS (delta));
      g_autofree char *text = NULL;

      /* Translators: change of the overall score since the assessment before, as in “+23,5 since the previous assessment” */
      text = g_strdup_printf (_("%s%s since the previous assessment"), delta >= 0 ? "+" : "−", amount);
      gtk_label_set_label (self->change_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->change_label), TRUE);
    }

  /* against the network's firms of its category, when the Resoconto has
   * read the network's statistics in: a band, never other firms' scores */
  {
    SportelloStatistics *network = sportello_report_get_network (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (self)));
    SportelloScoreBand band = SPORTELLO_SCORE_BAND_UNKNOWN;

    if (network != NULL && self->score->defined)
      {
        g_autoptr(SportelloClient) client = sportello_client_load (DATABASE (self),
                                                                   sportello_assessment_get (self->assessment, SPORTELLO_ASSESSMENT_CLIENT_UUID),
                                                                   NULL);
        const char *category = client ? sportello_client_get (client, SPORTELLO_CLIENT_CATEGORY) : NULL;

        band = sportello_statistics_score_band (network, category ? category : "", self->score->tenths / 10.0);
      }
    gtk_label_set_label (self->network_label, network != NULL ? sportello_score_band_label (band) : "");
    gtk_widget_set_visible (GTK_WIDGET (self->network_label), network != NULL && self->score->defined);
  }

  /* the chart's numbers, for screen readers: every area in words */
  for (guint a = 0; a < self->checklist->areas->len; a++)
    {
      SportelloChecklistArea *ca = &g_array_index (self->checklist->areas, SportelloChecklistArea, a);
      SportelloAreaScore *s = &self->score->areas[a];
      g_autofree char *value = sportello_format_tenths (s->tenths);
      g_autofree char *text = NULL;

      if (!s->applicable)
        /* Translators: an area of the chart, for screen readers */
        text = g_strdup_printf (_("%s: not applicable"), ca->title);
      else if (self->previous != NULL && self->previous->areas[a].applicable)
        {
          int delta = (int) s->tenths - (int) self->previous->areas[a].tenths;
          g_autofree char *amount = sportello_format_tenths ((guint) ABS (delta));

          /* Translators: an area of the chart, for screen readers, as in “Pagamenti: 62,5 out of 100, +12,5 since the previous assessment” */
          text = g_strdup_printf (_("%s: %s out of 100, %s%s since the previous assessment"),
                                  ca->title, value, delta >= 0 ? "+" : "−", amount);
        }
      else
        /* Translators: an area of the chart, for screen readers, as in “Pagamenti: 62,5 out of 100” */
        text = g_strdup_printf (_("%s: %s out of 100"), ca->title, value);
      g_string_append_printf (a11y, "%s%s", a ? "; " : "", text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, a11y->str, -1);
  chart_resize_cb (self->chart, gtk_widget_get_width (GTK_WIDGET (self->chart)), 0, self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  /* Translators: progress of an assessment, as in “12 of 45 answered” */
  subtitle = g_strdup_printf (_("%u of %u answered"), answered, self->checklist->items->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* the action plan */
  for (guint i = 0; i < self->plan_rows->len; i++)
    adw_preferences_group_remove (self->plan_group, g_ptr_array_index (self->plan_rows, i));
  g_ptr_array_set_size (self->plan_rows, 0);
  for (guint i = 0; i < self->score->gaps->len && i < 15; i++)
    {
      guint index = g_array_index (self->score->gaps, guint, i);
      SportelloChecklistItem *item = &g_array_index (self->checklist->items, SportelloChecklistItem, index);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *how = sportello_capitalize (item->how);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), how);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (item->blocker)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_tooltip_text (icon, _("Blocking requirement"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Blocking requirement"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      adw_preferences_group_add (self->plan_group, row);
      g_ptr_array_add (self->plan_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), self->score->gaps->len > 0);
}

/* --------------------------------------------------------- answers ---- */

static void
changed (SportelloAssessmentPage *self)
{
  update_results (self);
  sportello_record_page_changed (SPORTELLO_RECORD_PAGE (self));
}

static void
answer_changed_cb (SportelloAssessmentAnswer *item,
                   SportelloAssessmentPage   *self)
{
  changed (self);
}

void
sportello_assessment_page_answer (SportelloAssessmentPage *self,
                                  const char              *item_id,
                                  SportelloAnswer          answer,
                                  const char              *note)
{
  int index = sportello_checklist_find_item (self->checklist, item_id);
  g_autoptr(SportelloAssessmentAnswer) item = NULL;

  g_return_if_fail (index >= 0);

  /* its row shows it as if it had been chosen there */
  item = g_list_model_get_item (G_LIST_MODEL (self->answers), (guint) index);
  sportello_assessment_answer_set (item, answer, note);
}

static void
build_checklist (SportelloAssessmentPage *self)
{
  /* the items in the checklist's order: an item's place is its index */
  for (guint i = 0; i < self->checklist->items->len; i++)
    {
      g_autoptr(SportelloAssessmentAnswer) item = sportello_assessment_answer_new (self->assessment, self->checklist, i);

      g_signal_connect_object (item, "changed", G_CALLBACK (answer_changed_cb), self, 0);
      g_list_store_append (self->answers, item);
    }

  for (guint a = 0; a < self->checklist->areas->len; a++)
    {
      SportelloChecklistArea *area = &g_array_index (self->checklist->areas, SportelloChecklistArea, a);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *weight = g_strdup_printf (_("Weight %u of 100"), area->weight);

      adw_preferences_group_set_title (group, area->title);
      adw_preferences_group_set_description (group, weight);
      for (guint i = 0; i < area->n_items; i++)
        {
          g_autoptr(SportelloAssessmentAnswer) item = g_list_model_get_item (G_LIST_MODEL (self->answers), area->first_item + i);

          adw_preferences_group_add (group, sportello_assessment_item_row_new (item));
        }
      gtk_box_append (self->box, GTK_WIDGET (group));
    }
}

/* -------------------------------------------------------- GObject ---- */

/* an assessment is deleted without Undo, as before the base page */
static gboolean
delete_record (SportelloRecordPage  *page,
               gpointer             *kept,
               GError              **error)
{
  SportelloAssessmentPage *self = SPORTELLO_ASSESSMENT_PAGE (page);

  return sportello_assessment_delete (DATABASE (self), sportello_assessment_get (self->assessment, SPORTELLO_ASSESSMENT_UUID), error);
}

static void
sportello_assessment_page_dispose (GObject *object)
{
  SportelloAssessmentPage *self = (SportelloAssessmentPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_ASSESSMENT_PAGE);

  g_clear_handle_id (&self->chart_fit, g_source_remove);
  g_clear_pointer (&self->score, sportello_score_free);
  g_clear_pointer (&self->previous, sportello_score_free);
  g_clear_pointer (&self->checklist, sportello_checklist_free);
  g_clear_object (&self->answers);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  self->assessment = NULL;

  G_OBJECT_CLASS (sportello_assessment_page_parent_class)->dispose (object);
}

static void
sportello_assessment_page_class_init (SportelloAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SportelloRecordPageClass *page_class = SPORTELLO_RECORD_PAGE_CLASS (klass);

  object_class->dispose = sportello_assessment_page_dispose;
  page_class->save = save_now;
  page_class->delete_record = delete_record;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, box);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, change_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, network_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentPage, plan_group);

  sportello_record_page_class_install_delete (page_class, "assessment.delete");
}

static void
sportello_assessment_page_init (SportelloAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->answers = g_list_store_new (SPORTELLO_TYPE_ASSESSMENT_ANSWER);
  self->plan_rows = g_ptr_array_new ();
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect (self->chart, "resize", G_CALLBACK (chart_resize_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::accent-color-rgba",
                           G_CALLBACK (gtk_widget_queue_draw), self->chart, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self->chart, G_CONNECT_SWAPPED);
}

SportelloAssessmentPage *
sportello_assessment_page_new (SportelloContext  *context,
                               const char        *uuid,
                               GError           **error)
{
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(SportelloAssessment) assessment = NULL;
  g_autoptr(SportelloChecklist) checklist = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autofree char *date = NULL;
  SportelloAssessmentPage *self;

  if (!(assessment = sportello_assessment_load (db, uuid, error)) ||
      !(checklist = sportello_checklist_load_version (db, sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_ASSESSMENT_PAGE, "context", context, "record", assessment, NULL);
  self->assessment = assessment;
  self->checklist = g_steal_pointer (&checklist);

  /* the assessment before this one, for the chart's comparison */
  history = sportello_assessment_list (db, sportello_assessment_get (self->assessment, SPORTELLO_ASSESSMENT_CLIENT_UUID), NULL);
  for (guint i = 0; history != NULL && i + 1 < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(SportelloAssessment) a = g_list_model_get_item (history, i);

      if (g_str_equal (sportello_assessment_get (a, SPORTELLO_ASSESSMENT_UUID), uuid))
        {
          g_autoptr(SportelloAssessment) before = g_list_model_get_item (history, i + 1);

          if (g_str_equal (sportello_assessment_get (before, SPORTELLO_ASSESSMENT_CHECKLIST_UUID),
                           sportello_assessment_get (self->assessment, SPORTELLO_ASSESSMENT_CHECKLIST_UUID)))
            self->previous = sportello_assessment_score (before, self->checklist);
          break;
        }
    }

  adw_window_title_set_title (self->window_title, sportello_checklist_display_title (self->checklist->id, self->checklist->title));
  date = sportello_format_date_long (sportello_assessment_get (self->assessment, SPORTELLO_ASSESSMENT_ASSESSED_ON));
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), sportello_checklist_display_title (self->checklist->id, self->checklist->title));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->score_label), ADW_TYPE_PREFERENCES_GROUP)),
                                         date);
  build_checklist (self);
  update_results (self);

  sportello_record_page_set_untouched (SPORTELLO_RECORD_PAGE (self), sportello_context_take_made (context, uuid));

  return self;
}

/**
 * sportello_assessment_page_get_answers:
 *
 * Returns: (transfer none): the items, #SportelloAssessmentAnswer, in the
 *   checklist's order
 */
GListModel *
sportello_assessment_page_get_answers (SportelloAssessmentPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_PAGE (self), NULL);

  return G_LIST_MODEL (self->answers);
}

SportelloScore *
sportello_assessment_page_get_score (SportelloAssessmentPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_PAGE (self), NULL);

  return self->score;
}
