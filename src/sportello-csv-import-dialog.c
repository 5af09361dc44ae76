/* sportello-csv-import-dialog.c: the preview of a spreadsheet's clients
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the file, maps its columns by their headers and shows what an
 * import would do, all on a worker thread with its own database
 * connection (a dry run of the store's import): how many clients are
 * new, which rows are already clients, which rows have problems and what
 * they are, named by row and column as the spreadsheet shows them. Each
 * column's field can be changed, and the preview follows. Nothing is
 * written until Import, and then only if no row has a problem or the
 * consultant chose to skip them; the import runs on a worker too, with a
 * progress bar and Cancel, in one transaction.
 */

#define G_LOG_DOMAIN "sportello-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-csv.h"
#include "sportello-csv-import-dialog.h"
#include "sportello-job.h"

/* rows with problems and duplicates listed; more are counted */
#define MAX_LISTED 100

struct _SportelloCsvImportDialog
{
  AdwDialog                 parent_instance;

  SportelloContext         *context;
  char                     *path;
  char                     *data_dir;
  SportelloClientCsv       *csv;        /* the worker's while busy */
  SportelloClientCsvReport *report;     /* the last preview */
  GCancellable             *cancellable;
  gboolean                  busy;
  gboolean                  importing;
  gboolean                  again;      /* the mapping changed during a preview */
  gboolean                  syncing;
  GPtrArray                *added_rows; /* rows added to the groups, to take out again */
  GPtrArray                *combos;     /* AdwComboRow, one per column */

  GtkButton                *cancel_button;
  GtkButton                *import_button;
  GtkStack                 *stack;
  AdwStatusPage            *busy_page;
  GtkProgressBar           *progress_bar;
  AdwPreferencesPage       *preview_page;
  AdwPreferencesGroup      *summary_group;
  AdwPreferencesGroup      *invalid_group;
  AdwPreferencesGroup      *duplicates_group;
  AdwPreferencesGroup      *columns_group;
  AdwSwitchRow             *skip_row;
  AdwSwitchRow             *merge_row;
};

G_DEFINE_FINAL_TYPE (SportelloCsvImportDialog, sportello_csv_import_dialog, ADW_TYPE_DIALOG)

static void preview (SportelloCsvImportDialog *self);

/* ------------------------------------------------------------- jobs ---- */

typedef struct
{
  SportelloCsvImportDialog *dialog;     /* the task's source: alive as long as the job */
  char                     *data_dir;
  char                     *consultant;
  char                     *hub;
  char                     *path;
  SportelloClientCsv       *csv;        /* loaded by the job when NULL */
  SportelloClientCsvFlags   flags;
  SportelloClientCsvReport *report;
  GCancellable             *cancellable;
} Job;

static void
job_free (Job *job)
{
  g_free (job->data_dir);
  g_free (job->consultant);
  g_free (job->hub);
  g_free (job->path);
  g_clear_pointer (&job->report, sportello_client_csv_report_free);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void
show_progress (gpointer target,
               double   fraction)
{
  SportelloCsvImportDialog *self = target;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

/* From the worker: the bar moves in the main loop */
static gboolean
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Job *job = user_data;

  sportello_job_progress (job->dialog, show_progress, done, total);
  return !g_cancellable_is_cancelled (job->cancellable);
}

static gboolean
job_thread (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Job *job = data;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autofree char *name = g_path_get_basename (job->path);

  if (job->csv == NULL && !(job->csv = sportello_client_csv_load (job->path, error)))
    return FALSE;
  /* the worker's own connection: never share a sqlite3 handle across threads */
  if (!(db = sportello_database_open (job->data_dir, error)))
    return FALSE;
  sportello_database_set_origin (db, job->consultant, job->hub);

  job->report = sportello_client_csv_run (job->csv, db, job->flags, name,
                                          (job->flags & SPORTELLO_CLIENT_CSV_DRY_RUN) ? NULL : progress_cb, job,
                                          error);
  return job->report != NULL;
}

static void
run_job (SportelloCsvImportDialog *self,
         SportelloClientCsvFlags   flags,
         GAsyncReadyCallback       done)
{
  Job *job = g_new0 (Job, 1);

  job->dialog = self;
  job->data_dir = g_strdup (self->data_dir);
  job->consultant = g_strdup (sportello_context_get_consultant (self->context));
  job->hub = g_strdup (sportello_context_get_hub (self->context));
  job->path = g_strdup (self->path);
  job->csv = self->csv;
  job->flags = flags;
  job->cancellable = g_object_ref (self->cancellable);

  self->busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_page), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  sportello_job_run (self, NULL, job, (GDestroyNotify) job_free, job_thread, done);
}

static SportelloClientCsvFlags
chosen_flags (SportelloCsvImportDialog *self)
{
  return (adw_switch_row_get_active (self->skip_row) ? SPORTELLO_CLIENT_CSV_SKIP_INVALID : 0) |
         (adw_switch_row_get_active (self->merge_row) ? SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES : 0);
}

/* ---------------------------------------------------------- preview ---- */

static void
clear_rows (SportelloCsvImportDialog *self)
{
  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
}

static GtkWidget *
add_row (SportelloCsvImportDialog *self,
         AdwPreferencesGroup      *group,
         const char               *title,
         const char               *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, row);
  return row;
}

static void
add_count (SportelloCsvImportDialog *self,
           const char               *title,
           guint                     n)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "group", self->summary_group);
  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->added_rows, row);
}

static void
add_more (SportelloCsvImportDialog *self,
          AdwPreferencesGroup      *group,
          guint                     n)
{
  g_autofree char *more = NULL;

  if (n <= MAX_LISTED)
    return;
  n -= MAX_LISTED;
  /* Translators: after the first rows listed */
  more = g_strdup_printf (ngettext ("And %'u more", "And %'u more", n), n);
  add_row (self, group, more, NULL);
}

/* What the import would do, as the last preview said */
static void
show_report (SportelloCsvImportDialog *self)
{
  SportelloClientCsvReport *report = self->report;
  gboolean can_import;

  clear_rows (self);

  add_count (self, _("Rows read"), report->rows);
  add_count (self, _("New clients"), report->added);
  add_count (self, _("New contact people"), report->contacts);
  add_count (self, _("Already clients"), report->duplicates);
  if (adw_switch_row_get_active (self->merge_row))
    add_count (self, _("Existing clients to complete"), report->merged);
  add_count (self, _("Rows with problems"), report->invalid);

  gtk_widget_set_visible (GTK_WIDGET (self->invalid_group), report->invalid > 0);
  for (guint i = 0; i < MIN (report->problems->len, MAX_LISTED); i++)
    {
      SportelloClientCsvProblem *problem = g_ptr_array_index (report->problems, i);
      GtkWidget *row = add_row (self, self->invalid_group, problem->message, NULL);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
    }
  add_more (self, self->invalid_group, report->problems->len);

  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), report->duplicates > 0);
  for (guint i = 0; i < MIN (report->duplicate_rows->len, MAX_LISTED); i++)
    {
      SportelloClientCsvDuplicate *duplicate = g_ptr_array_index (report->duplicate_rows, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a row of the spreadsheet: its number and company name */
      title = g_strdup_printf (_("Row %u: %s"), duplicate->line, duplicate->name);
      if (duplicate->same_as_line > 0)
        /* Translators: %u is the earlier row, %s the column that matched */
        subtitle = g_strdup_printf (_("Repeats row %u (same “%s”)"), duplicate->same_as_line, duplicate->matched);
      else
        /* Translators: the client already here and the column that matched */
        subtitle = g_strdup_printf (_("Already a client: %s (same “%s”)"), duplicate->existing_name, duplicate->matched);
      add_row (self, self->duplicates_group, title, subtitle);
    }
  add_more (self, self->duplicates_group, report->duplicate_rows->len);

  can_import = (report->invalid == 0 || adw_switch_row_get_active (self->skip_row)) &&
               (report->added > 0 || report->merged > 0 || report->contacts > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), can_import);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_page), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
sync_combos (SportelloCsvImportDialog *self)
{
  guint n_targets;
  const int *targets = sportello_client_csv_targets (&n_targets);

  self->syncing = TRUE;
  for (guint c = 0; c < self->combos->len; c++)
    {
      int target = sportello_client_csv_get_target (self->csv, c);
      guint selected = 0;

      for (guint t = 0; t < n_targets; t++)
        if (targets[t] == target)
          selected = t + 1;
      adw_combo_row_set_selected (g_ptr_array_index (self->combos, c), selected);
    }
  self->syncing = FALSE;
}

static void
combo_changed_cb (AdwComboRow              *combo,
                  GParamSpec               *pspec,
                  SportelloCsvImportDialog *self)
{
  guint n_targets;
  const int *targets = sportello_client_csv_targets (&n_targets);
  guint selected = adw_combo_row_get_selected (combo);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (combo), "column"));

  if (self->syncing || self->busy || selected == GTK_INVALID_LIST_POSITION)
    return;
  sportello_client_csv_set_target (self->csv, column, selected == 0 ? SPORTELLO_CLIENT_CSV_IGNORED
                                                                     : targets[selected - 1]);
  sync_combos (self);
  preview (self);
}

/* One drop-down per column: its header, a sample, the field */
static void
build_columns (SportelloCsvImportDialog *self)
{
  SportelloCsv *table = sportello_client_csv_get_table (self->csv);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_targets;
  const int *targets = sportello_client_csv_targets (&n_targets);

  gtk_string_list_append (labels, sportello_client_csv_target_label (SPORTELLO_CLIENT_CSV_IGNORED));
  for (guint t = 0; t < n_targets; t++)
    gtk_string_list_append (labels, sportello_client_csv_target_label (targets[t]));

  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkWidget *combo = adw_combo_row_new ();
      const char *sample = "";

      for (guint r = 0; r < table->rows->len && sample[0] == '\0'; r++)
        sample = ((SportelloCsvRow *) g_ptr_array_index (table->rows, r))->fields[c];

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo),
                                     table->header[c][0] != '\0' ? table->header[c] : "—");
      if (sample[0] != '\0')
        {
          g_autofree char *line = g_strdelimit (g_strdup (sample), "\r\n", ' ');
          /* Translators: a value of the column, from the spreadsheet */
          g_autofree char *subtitle = g_strdup_printf (_("For example: %s"), line);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (combo), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (combo), 1);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
      g_object_set_data (G_OBJECT (combo), "column", GUINT_TO_POINTER (c));
      adw_preferences_group_add (self->columns_group, combo);
      g_ptr_array_add (self->combos, combo);
    }

  sync_combos (self);
  for (guint c = 0; c < self->combos->len; c++)
    g_signal_connect (g_ptr_array_index (self->combos, c), "notify::selected", G_CALLBACK (combo_changed_cb), self);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SportelloCsvImportDialog *self = SPORTELLO_CSV_IMPORT_DIALOG (object);
  Job *job = sportello_job_get_data (result);
  g_autoptr(GError) error = NULL;
  gboolean first = self->csv == NULL;

  self->busy = FALSE;
  if (!sportello_job_finish (result, &error))
    {
      /* the file cannot be read as a table: say why, there is nothing to preview */
      if (first)
        g_clear_pointer (&job->csv, sportello_client_csv_free);
      adw_status_page_set_icon_name (self->busy_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->busy_page, _("The File Cannot Be Imported"));
      adw_status_page_set_description (self->busy_page, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "busy");
      return;
    }

  if (first)
    {
      self->csv = g_steal_pointer (&job->csv);
      build_columns (self);
    }
  g_clear_pointer (&self->report, sportello_client_csv_report_free);
  self->report = g_steal_pointer (&job->report);

  if (self->again)
    {
      self->again = FALSE;
      preview (self);
      return;
    }
  show_report (self);
}

static void
preview (SportelloCsvImportDialog *self)
{
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  run_job (self, SPORTELLO_CLIENT_CSV_DRY_RUN | chosen_flags (self), preview_done_cb);
}

/* ----------------------------------------------------------- import ---- */

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SportelloCsvImportDialog *self = SPORTELLO_CSV_IMPORT_DIALOG (object);
  Job *job = sportello_job_get_data (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->busy = FALSE;
  self->importing = FALSE;
  if (!sportello_job_finish (result, &error))
    {
      /* cancelled or failed: nothing was written */
      sportello_context_toast (self->context,
                               adw_toast_new (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                              ? _("Cancelled, nothing was changed") : error->message));
      g_cancellable_reset (self->cancellable);
      show_report (self);
      return;
    }

  if (job->report->merged > 0)
    /* Translators: the toast after a spreadsheet import; the numbers have
     * the locale's thousands separator */
    message = g_strdup_printf (ngettext ("%'u client imported, %'u completed", "%'u clients imported, %'u completed",
                                         job->report->added),
                               job->report->added, job->report->merged);
  else
    message = g_strdup_printf (ngettext ("%'u client imported", "%'u clients imported", job->report->added),
                               job->report->added);
  /* the list follows the database: the new clients show by themselves */
  sportello_context_toast (self->context, adw_toast_new (message));
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
import_clicked_cb (SportelloCsvImportDialog *self)
{
  if (self->busy || self->csv == NULL)
    return;

  self->importing = TRUE;
  adw_status_page_set_title (self->busy_page, _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  run_job (self, chosen_flags (self), import_done_cb);
}

static void
cancel_clicked_cb (SportelloCsvImportDialog *self)
{
  /* an import under way stops, and nothing is written; a preview is only read */
  if (self->importing)
    g_cancellable_cancel (self->cancellable);
  else
    adw_dialog_close (ADW_DIALOG (self));
}

static void
skip_changed_cb (SportelloCsvImportDialog *self)
{
  if (self->report != NULL && !self->busy)
    show_report (self);
}

static void
merge_changed_cb (SportelloCsvImportDialog *self)
{
  if (self->csv != NULL)
    preview (self);
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_csv_import_dialog_dispose (GObject *object)
{
  SportelloCsvImportDialog *self = SPORTELLO_CSV_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CSV_IMPORT_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sportello_csv_import_dialog_parent_class)->dispose (object);
}

static void
sportello_csv_import_dialog_finalize (GObject *object)
{
  SportelloCsvImportDialog *self = SPORTELLO_CSV_IMPORT_DIALOG (object);

  /* not in dispose: a worker may still read it until its job ends */
  g_clear_pointer (&self->csv, sportello_client_csv_free);
  g_clear_pointer (&self->report, sportello_client_csv_report_free);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);
  g_clear_pointer (&self->combos, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->data_dir);

  G_OBJECT_CLASS (sportello_csv_import_dialog_parent_class)->finalize (object);
}

static void
sportello_csv_import_dialog_class_init (SportelloCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_csv_import_dialog_dispose;
  object_class->finalize = sportello_csv_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, preview_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, invalid_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, skip_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloCsvImportDialog, merge_row);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_changed_cb);
}

static void
sportello_csv_import_dialog_init (SportelloCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->added_rows = g_ptr_array_new ();
  self->combos = g_ptr_array_new ();
}

/**
 * sportello_csv_import_dialog_new:
 * @file: the spreadsheet, saved as CSV
 *
 * Reads @file and previews its import into @context's database.
 */
SportelloCsvImportDialog *
sportello_csv_import_dialog_new (SportelloContext *context,
                                 GFile            *file)
{
  SportelloCsvImportDialog *self = g_object_new (SPORTELLO_TYPE_CSV_IMPORT_DIALOG, NULL);
  SportelloDatabase *db = sportello_context_get_database (context);

  self->context = g_object_ref (context);
  self->path = g_file_get_path (file);
  self->data_dir = g_path_get_dirname (sportello_database_get_path (db));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  preview (self);

  return self;
}

/* A preview or an import is under way */
gboolean
sportello_csv_import_dialog_is_busy (SportelloCsvImportDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

/* As choosing @target in the drop-down of @column */
void
sportello_csv_import_dialog_set_target (SportelloCsvImportDialog *self,
                                        guint                     column,
                                        int                       target)
{
  guint n_targets;
  const int *targets = sportello_client_csv_targets (&n_targets);

  g_return_if_fail (SPORTELLO_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->combos->len);

  for (guint t = 0; t < n_targets; t++)
    if (targets[t] == target)
      adw_combo_row_set_selected (g_ptr_array_index (self->combos, column), t + 1);
  if (target == SPORTELLO_CLIENT_CSV_IGNORED)
    adw_combo_row_set_selected (g_ptr_array_index (self->combos, column), 0);
}
