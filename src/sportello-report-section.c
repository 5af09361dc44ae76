/* sportello-report-section.c: the Resoconto section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's figures for a period (this year by default, a quarter, or
 * days of the consultant's choice) against the previous period of the
 * same length, as boxed lists, and the five charts of
 * sportello-report-charts.c drawn in the style's colours, each with its
 * text alternative as its accessible description. The figures are
 * computed on a worker with a connection of its own, again whenever a
 * change to what they count is committed. From here the report goes out
 * as a PDF, a spreadsheet and the statistics file for the network; and
 * the network's files can be read in, to see the hubs side by side and
 * summed (and, on an assessment's results, where the firm stands).
 */

#define G_LOG_DOMAIN "sportello-report-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-date-entry.h"
#include "sportello-file-toast.h"
#include "sportello-report-charts.h"
#include "sportello-report-section.h"
#include "sportello-report-pdf.h"
#include "sportello-report-xlsx.h"
#include "sportello-section.h"

#define NETWORK_KEY "sportello-report-network"

/* ------------------------------------------------------ chart view ---- */

struct _SportelloReportChartView
{
  GtkWidget             parent_instance;

  SportelloReportChart *chart;
};

G_DEFINE_FINAL_TYPE (SportelloReportChartView, sportello_report_chart_view, GTK_TYPE_WIDGET)

/* The chart's colours from the style: text in the widget's colour, bars
 * in the accent, the period before in the text's colour faded; outlined
 * in high contrast */
static void
chart_style (GtkWidget           *widget,
             SportelloChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA color, accent;

  gtk_widget_get_color (widget, &color);
  adw_accent_color_to_standalone_rgba (adw_style_manager_get_accent_color (manager), dark, &accent);

  style->text[0] = color.red;
  style->text[1] = color.green;
  style->text[2] = color.blue;
  style->text[3] = 1;
  memcpy (style->muted, style->text, sizeof style->muted);
  style->muted[3] = contrast ? 1 : 0.65;
  style->current[0] = accent.red;
  style->current[1] = accent.green;
  style->current[2] = accent.blue;
  style->current[3] = 1;
  memcpy (style->previous, style->text, sizeof style->previous);
  style->previous[3] = contrast ? 0.55 : 0.3;
  style->outline = contrast;
  style->font_size = font != NULL && pango_font_description_get_size (font) > 0
    ? (double) pango_font_description_get_size (font) / PANGO_SCALE *
      (pango_font_description_get_size_is_absolute (font) ? 1 : 96.0 / 72.0)
    : 14;
}

static void
chart_view_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  SportelloReportChartView *self = SPORTELLO_REPORT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SportelloChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  chart_style (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sportello_report_chart_draw (self->chart, cr, width, &style);
  cairo_destroy (cr);
}

static void
chart_view_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  SportelloReportChartView *self = SPORTELLO_REPORT_CHART_VIEW (widget);
  SportelloChartStyle style;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
      return;
    }
  chart_style (widget, &style);
  *minimum = *natural = self->chart ? (int) ceil (sportello_report_chart_get_height (self->chart, &style)) : 0;
}

static void
style_changed_cb (SportelloReportChartView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
chart_view_dispose (GObject *object)
{
  SportelloReportChartView *self = SPORTELLO_REPORT_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, sportello_report_chart_free);

  G_OBJECT_CLASS (sportello_report_chart_view_parent_class)->dispose (object);
}

static void
sportello_report_chart_view_class_init (SportelloReportChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chart_view_dispose;
  widget_class->snapshot = chart_view_snapshot;
  widget_class->measure = chart_view_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
sportello_report_chart_view_init (SportelloReportChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  /* light, dark, high contrast, another accent: drawn again */
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::accent-color", G_CALLBACK (style_changed_cb), self);
}

/* Takes @chart; the view says it in words to screen readers */
static GtkWidget *
chart_view_new (SportelloReportChart *chart)
{
  SportelloReportChartView *self = g_object_new (SPORTELLO_TYPE_REPORT_CHART_VIEW, NULL);
  g_autofree char *description = sportello_report_chart_describe (chart);

  self->chart = chart;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sportello_report_chart_get_title (chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  return GTK_WIDGET (self);
}

/* ------------------------------------------------------------ page ---- */

typedef enum
{
  PERIOD_THIS_YEAR,
  PERIOD_Q1,
  PERIOD_Q2,
  PERIOD_Q3,
  PERIOD_Q4,
  PERIOD_CUSTOM,
} Period;

struct _SportelloReportSection
{
  GtkWidget            parent_instance;

  char                *from;
  char                *to;
  SportelloStatistics *statistics;
  SportelloStatistics *previous;
  GPtrArray           *network;      /* SportelloStatistics of the hubs read in */
  GCancellable        *cancellable;  /* of the figures being computed */
  gboolean             setting_period;

  AdwWindowTitle      *window_title;
  AdwComboRow         *period_row;
  AdwEntryRow         *from_row;
  AdwEntryRow         *to_row;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkBox              *figures_box;
  GtkBox              *network_box;
};

static void section_iface_init (SportelloSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloReportSection, sportello_report_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

static SportelloContext *
context_of (SportelloReportSection *self)
{
  return sportello_section_get_context (SPORTELLO_SECTION (self));
}

static void
clear_box (GtkBox *box)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (box)));)
    gtk_box_remove (box, child);
}

static GtkWidget *
value_label (const char *text,
             gboolean    strong)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, strong ? "heading" : "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* “Imprese servite  41  (+12)”, the period before under the title */
static GtkWidget *
figure_row (const char *title,
            const char *now,
            const char *before,
            const char *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (before != NULL)
    {
      /* Translators: under a figure of the report: the same figure for the period before */
      g_autofree char *subtitle = g_strdup_printf (_("Previous period: %s"), before);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  if (change != NULL && *change != '\0')
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label (change, FALSE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label (now, TRUE));

  /* Translators: what a screen reader says of a figure: name, value, value before */
  accessible = before ? g_strdup_printf (_("%s: %s; previous period %s"), title, now, before)
                      : g_strdup_printf (_("%s: %s"), title, now);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static gboolean
has_activity (SportelloStatistics *statistics)
{
  static const char * const counted[] = {
    "meetings.total", "documents_sent", "follow_ups_done", "assessments.total", "events.total",
    "grant_applications.total", NULL
  };

  for (guint i = 0; counted[i] != NULL; i++)
    if (sportello_statistics_get_value (statistics, counted[i]) != 0)
      return TRUE;
  return FALSE;
}

static void
show_figures (SportelloReportSection *self)
{
  const SportelloReportFigure *table;
  guint n_figures;
  GtkWidget *group = NULL;
  g_autofree char *subtitle = sportello_report_format_period (self->from, self->to);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  clear_box (self->figures_box);
  if (!has_activity (self->statistics) && !has_activity (self->previous))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  table = sportello_report_figures (&n_figures);
  for (guint i = 0; i < n_figures; i++)
    {
      g_autofree char *now = sportello_report_format_value (self->statistics, table[i].path, table[i].unit);
      g_autofree char *before = sportello_report_format_value (self->previous, table[i].path, table[i].unit);
      g_autofree char *change = sportello_report_format_change (self->statistics, self->previous, table[i].path, table[i].unit);

      if (table[i].section != NULL || group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(table[i].section ? table[i].section : table[0].section));
          gtk_box_append (self->figures_box, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), figure_row (_(table[i].label), now, before, change));
    }

  for (int kind = 0; kind < SPORTELLO_REPORT_N_CHARTS; kind++)
    {
      SportelloReportChart *chart = sportello_report_chart_new (kind, self->statistics, self->previous);
      GtkWidget *chart_group = adw_preferences_group_new ();
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (chart_group), sportello_report_chart_get_title (chart));
      gtk_widget_add_css_class (frame, "card");
      gtk_box_append (GTK_BOX (frame), chart_view_new (chart));
      gtk_widget_set_margin_start (gtk_widget_get_first_child (frame), 12);
      gtk_widget_set_margin_end (gtk_widget_get_first_child (frame), 12);
      gtk_widget_set_margin_top (gtk_widget_get_first_child (frame), 12);
      gtk_widget_set_margin_bottom (gtk_widget_get_first_child (frame), 12);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (chart_group), frame);
      gtk_box_append (self->figures_box, chart_group);
    }

  gtk_stack_set_visible_child_name (self->stack, "figures");
}

/* -------------------------------------------------- the computation ---- */

typedef struct
{
  char                *data_dir;
  char                *consultant;
  char                *hub;
  char                *from;
  char                *to;
  SportelloStatistics *statistics;
  SportelloStatistics *previous;
} Compute;

static void
compute_free (gpointer data)
{
  Compute *compute = data;

  g_free (compute->data_dir);
  g_free (compute->consultant);
  g_free (compute->hub);
  g_free (compute->from);
  g_free (compute->to);
  g_clear_object (&compute->statistics);
  g_clear_object (&compute->previous);
  g_free (compute);
}

/* on a worker, with a connection of its own */
static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Compute *compute = task_data;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;
  GError *error = NULL;

  if (!(db = sportello_database_open (compute->data_dir, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  sportello_database_set_origin (db, compute->consultant, compute->hub);
  sportello_statistics_previous_period (compute->from, compute->to, &previous_from, &previous_to);
  if (!(compute->statistics = sportello_statistics_compute (db, compute->from, compute->to, &error)) ||
      !(compute->previous = sportello_statistics_compute (db, previous_from, previous_to, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SportelloReportSection *self = SPORTELLO_REPORT_SECTION (source);
  Compute *compute = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
          g_clear_object (&self->cancellable);
        }
      return;
    }
  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->cancellable);
  g_set_object (&self->statistics, compute->statistics);
  g_set_object (&self->previous, compute->previous);
  show_figures (self);
}

static void
compute (SportelloReportSection *self)
{
  SportelloContext *context = context_of (self);
  g_autoptr(GTask) task = NULL;
  Compute *data;

  if (context == NULL || self->from == NULL)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  data = g_new0 (Compute, 1);
  data->data_dir = g_path_get_dirname (sportello_database_get_path (sportello_context_get_database (context)));
  data->consultant = g_strdup (sportello_context_get_consultant (context));
  data->hub = g_strdup (sportello_context_get_hub (context));
  data->from = g_strdup (self->from);
  data->to = g_strdup (self->to);

  if (self->statistics == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, computed_cb, NULL);
  g_task_set_source_tag (task, compute);
  g_task_set_task_data (task, data, compute_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

static void
reload (SportelloSection *section)
{
  compute (SPORTELLO_REPORT_SECTION (section));
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  static const char * const follows[] = {
    SPORTELLO_CHANGE_CLIENT, SPORTELLO_CHANGE_MEETING, SPORTELLO_CHANGE_FOLLOW_UP, SPORTELLO_CHANGE_DOCUMENT,
    SPORTELLO_CHANGE_ASSESSMENT, SPORTELLO_CHANGE_EVENT, SPORTELLO_CHANGE_REGISTRATION,
    SPORTELLO_CHANGE_GRANT_APPLICATION, NULL
  };

  iface->follows = follows;
  iface->reload = reload;
}

/* ------------------------------------------------------- the period ---- */

/* The first and last day in the rows, as the user types them */
static void
set_period_rows (SportelloReportSection *self,
                 const char             *from,
                 const char             *to)
{
  g_autofree char *first = sportello_date_entry_format_day (from);
  g_autofree char *last = sportello_date_entry_format_day (to);

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), first);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), last);
}

static void
period_changed_cb (SportelloReportSection *self)
{
  Period period = adw_combo_row_get_selected (self->period_row);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->setting_period)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), period == PERIOD_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), period == PERIOD_CUSTOM);
  if (period == PERIOD_CUSTOM)
    {
      set_period_rows (self, self->from, self->to);
      return;
    }
  if (period == PERIOD_THIS_YEAR)
    sportello_statistics_this_year (&from, &to);
  else
    sportello_statistics_quarter (g_date_time_get_year (now), (int) (period - PERIOD_Q1) + 1, &from, &to);
  g_set_str (&self->from, from);
  g_set_str (&self->to, to);
  compute (self);
}

static void
custom_changed_cb (SportelloReportSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = sportello_statistics_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), &error);
  g_autofree char *to = from ? sportello_statistics_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), &error) : NULL;

  if (from == NULL || to == NULL || !sportello_statistics_check_period (from, to, &error))
    {
      if (context_of (self) != NULL)
        sportello_context_toast_error (context_of (self), error);
      return;
    }
  g_set_str (&self->from, from);
  g_set_str (&self->to, to);
  compute (self);
}

/* ----------------------------------------------------------- export ---- */

static char *
file_name (SportelloReportSection *self,
           const char          *extension)
{
  /* Translators: the name offered for the report's file, with its first and last day */
  return g_strdup_printf (_("report %s %s.%s"), self->from, self->to, extension);
}

typedef enum { EXPORT_PDF, EXPORT_XLSX, EXPORT_STATISTICS } ExportKind;

static gboolean
export_to (SportelloReportSection  *self,
           ExportKind            kind,
           GFile                *file,
           GError              **error)
{
  g_autofree char *path = g_file_get_path (file);
  SportelloContext *context = context_of (self);

  if (self->statistics == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("The figures are not ready yet"));
      return FALSE;
    }
  switch (kind)
    {
    case EXPORT_PDF:
      return sportello_report_write_pdf (self->statistics, self->previous,
                                         context ? sportello_context_get_consultant (context) : NULL, path, error);
    case EXPORT_XLSX:
      return sportello_report_write_xlsx (self->statistics, self->previous, path, error);
    case EXPORT_STATISTICS:
    default:
      return sportello_statistics_write (self->statistics, path, error);
    }
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SportelloReportSection) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (source, "kind"));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (file == NULL || context_of (self) == NULL)
    return;
  if (!export_to (self, kind, file, &error))
    {
      sportello_context_toast_error (context_of (self), error);
      return;
    }
  basename = g_file_get_basename (file);
  /* Translators: the report or the statistics, written to a file */
  message = g_strdup_printf (kind == EXPORT_STATISTICS ? _("Statistics saved in %s") : _("Report saved in %s"), basename);
  sportello_context_toast (context_of (self), sportello_file_toast_new (message, file));
}

static void
export_dialog (SportelloReportSection *self,
               ExportKind           kind)
{
  static const char * const extensions[] = { "pdf", "xlsx", "json" };
  static const char * const types[] = {
    "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json"
  };
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = file_name (self, extensions[kind]);
  const char *titles[] = { _("Export Report as PDF"), _("Export Report as Spreadsheet"), _("Export Statistics") };

  gtk_file_filter_add_mime_type (filter, types[kind]);
  gtk_file_filter_add_suffix (filter, extensions[kind]);
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, titles[kind]);
  gtk_file_dialog_set_initial_name (dialog, name);
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        export_chosen_cb, g_object_ref (self));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  export_dialog (SPORTELLO_REPORT_SECTION (widget), EXPORT_PDF);
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  export_dialog (SPORTELLO_REPORT_SECTION (widget), EXPORT_XLSX);
}

static void
export_statistics_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  export_dialog (SPORTELLO_REPORT_SECTION (widget), EXPORT_STATISTICS);
}

/* ---------------------------------------------------------- network ---- */

static void
show_network (SportelloReportSection *self)
{
  g_autoptr(SportelloStatistics) sum = NULL;
  const SportelloReportFigure *table;
  guint n_figures;
  GtkWidget *group;
  g_autofree char *description = NULL;

  clear_box (self->network_box);
  gtk_widget_set_visible (GTK_WIDGET (self->network_box), self->network != NULL && self->network->len > 0);
  if (self->network == NULL || self->network->len == 0)
    return;

  sum = sportello_statistics_sum ((SportelloStatistics **) self->network->pdata, self->network->len);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Network"));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The figures of %u hub, and their sum. “At least” where a hub left out a group of fewer than 5 firms.",
                                              "The figures of %u hubs, and their sum. “At least” where a hub left out a group of fewer than 5 firms.",
                                              self->network->len),
                                 self->network->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->network_box, group);

  /* each figure summed, the hubs side by side inside */
  table = sportello_report_figures (&n_figures);
  for (guint i = 0; i < n_figures; i++)
    {
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *total = sportello_report_format_value (sum, table[i].path, table[i].unit);
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(table[i].label));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), value_label (total, TRUE));
      for (guint h = 0; h < self->network->len; h++)
        {
          SportelloStatistics *hub = g_ptr_array_index (self->network, h);
          const char *name = sportello_statistics_get_hub (hub);
          g_autofree char *value = sportello_report_format_value (hub, table[i].path, table[i].unit);
          GtkWidget *child = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), name && *name ? name : _("Unnamed hub"));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (child), value_label (value, FALSE));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      /* Translators: what a screen reader says of a figure of the network: name, sum */
      accessible = g_strdup_printf (_("%s, network: %s"), _(table[i].label), total);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/**
 * sportello_report_section_load_network:
 * @files: (element-type GFile): the hubs' statistics files
 *
 * Reads the files in and shows the hubs side by side and summed. A bad
 * file refuses them all, the reason in @error.
 */
gboolean
sportello_report_section_load_network (SportelloReportSection  *self,
                                    GListModel           *files,
                                    GError              **error)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SPORTELLO_IS_REPORT_SECTION (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);
      SportelloStatistics *hub = sportello_statistics_load (path, error);

      if (hub == NULL)
        return FALSE;
      g_ptr_array_add (hubs, hub);
    }
  if (hubs->len == 0)
    return TRUE;

  g_clear_pointer (&self->network, g_ptr_array_unref);
  self->network = g_steal_pointer (&hubs);
  if (context_of (self) != NULL)
    g_object_set_data_full (G_OBJECT (context_of (self)), NETWORK_KEY,
                            sportello_statistics_sum ((SportelloStatistics **) self->network->pdata, self->network->len),
                            g_object_unref);
  show_network (self);
  return TRUE;
}

static void
network_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SportelloReportSection) self = user_data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;

  if (files == NULL)
    return;
  if (!sportello_report_section_load_network (self, files, &error) && context_of (self) != NULL)
    sportello_context_toast_error (context_of (self), error);
}

static void
compare_network_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Statistics of the hubs"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Compare with the Network"));
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                                 network_chosen_cb, g_object_ref (widget));
}

/**
 * sportello_report_get_network:
 *
 * Returns: (transfer none) (nullable): the sum of the network's files read
 *   in the Resoconto, if any
 */
SportelloStatistics *
sportello_report_get_network (SportelloContext *context)
{
  return context ? g_object_get_data (G_OBJECT (context), NETWORK_KEY) : NULL;
}

/* ------------------------------------------------------------ class ---- */

static void
sportello_report_section_dispose (GObject *object)
{
  SportelloReportSection *self = SPORTELLO_REPORT_SECTION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_REPORT_SECTION);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->statistics);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->network, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (sportello_report_section_parent_class)->dispose (object);
}

static void
sportello_report_section_class_init (SportelloReportSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_report_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-report-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, window_title);
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, period_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, from_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, to_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, error_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, figures_box);
  gtk_widget_class_bind_template_child (widget_class, SportelloReportSection, network_box);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_changed_cb);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "report.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "report.export-statistics", NULL, export_statistics_action);
  gtk_widget_class_install_action (widget_class, "report.compare-network", NULL, compare_network_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sportello_report_section_init (SportelloReportSection *self)
{
  g_autoptr(GtkStringList) periods = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_strdup_printf (_("This year (%d)"), g_date_time_get_year (now));

  gtk_widget_init_template (GTK_WIDGET (self));

  periods = gtk_string_list_new ((const char *[]) {
    year,
    _("First quarter"), _("Second quarter"), _("Third quarter"), _("Fourth quarter"),
    _("Other period"), NULL
  });
  self->setting_period = TRUE;
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (periods));
  adw_combo_row_set_selected (self->period_row, PERIOD_THIS_YEAR);
  self->setting_period = FALSE;
  sportello_statistics_this_year (&self->from, &self->to);
  sportello_date_entry_add_calendar (self->from_row, FALSE);
  sportello_date_entry_add_calendar (self->to_row, FALSE);
}

/**
 * sportello_report_section_set_period:
 *
 * Shows the days from @from to @to (“YYYY-MM-DD”), as “Other period”.
 */
void
sportello_report_section_set_period (SportelloReportSection *self,
                                  const char          *from,
                                  const char          *to)
{
  g_return_if_fail (SPORTELLO_IS_REPORT_SECTION (self));

  self->setting_period = TRUE;
  adw_combo_row_set_selected (self->period_row, PERIOD_CUSTOM);
  self->setting_period = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), TRUE);
  set_period_rows (self, from, to);
  g_set_str (&self->from, from);
  g_set_str (&self->to, to);
  compute (self);
}

/**
 * sportello_report_section_get_statistics:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
SportelloStatistics *
sportello_report_section_get_statistics (SportelloReportSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_REPORT_SECTION (self), NULL);

  return self->statistics;
}

/**
 * sportello_report_section_get_previous:
 *
 * Returns: (transfer none) (nullable): the figures of the period before
 */
SportelloStatistics *
sportello_report_section_get_previous (SportelloReportSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_REPORT_SECTION (self), NULL);

  return self->previous;
}

/* whether figures are being computed */
gboolean
sportello_report_section_is_busy (SportelloReportSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_REPORT_SECTION (self), FALSE);

  return self->cancellable != NULL;
}

gboolean
sportello_report_section_export_pdf (SportelloReportSection  *self,
                                  GFile                *file,
                                  GError              **error)
{
  g_return_val_if_fail (SPORTELLO_IS_REPORT_SECTION (self), FALSE);

  return export_to (self, EXPORT_PDF, file, error);
}
