/* sportello-clients-section-csv.c: the Clients section's spreadsheets, in and out
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Importa da foglio di calcolo…" opens the CSV import dialog for a file;
 * "Esporta elenco…" writes the clients as the list shows them, on a
 * worker thread with its own database connection (50,000 clients take
 * about a second): the window's banner says so meanwhile, with a progress
 * bar and Cancel, and a cancelled or failed export leaves no file.
 */

#define G_LOG_DOMAIN "sportello-clients-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-csv.h"
#include "sportello-clients-section-private.h"
#include "sportello-csv-import-dialog.h"
#include "sportello-file-toast.h"
#include "sportello-job.h"
#include "sportello-window.h"

static GListModel *
csv_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  g_list_store_append (filters, filter);
  return G_LIST_MODEL (filters);
}

static void
import_csv_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SportelloClientsSection) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && self->context != NULL)
    sportello_clients_section_import_csv (self, file);
}

void
_sportello_clients_section_import_csv_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = csv_filters ();

  gtk_file_dialog_set_title (dialog, _("Import from Spreadsheet"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        import_csv_chosen_cb, g_object_ref (widget));
}

/* The window the section is in, or NULL (gone, or not a window of ours) */
static SportelloWindow *
section_window (SportelloClientsSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SPORTELLO_IS_WINDOW (root) ? SPORTELLO_WINDOW (root) : NULL;
}

/* One long work at a time in a window: else a toast says to wait */
static gboolean
window_is_free (SportelloClientsSection *self)
{
  SportelloWindow *window = section_window (self);

  if (window == NULL || !sportello_window_is_busy (window))
    return TRUE;
  sportello_context_toast (self->context, adw_toast_new (_("Wait for the work in progress to end, then export")));
  return FALSE;
}

static void
export_csv_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SportelloClientsSection) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && self->context != NULL)
    sportello_clients_section_export_csv (self, file);
}

void
_sportello_clients_section_export_csv_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListModel) filters = NULL;

  /* no file to choose for an export that could not begin */
  if (!window_is_free (SPORTELLO_CLIENTS_SECTION (widget)))
    return;

  dialog = gtk_file_dialog_new ();
  filters = csv_filters ();
  gtk_file_dialog_set_title (dialog, _("Export Client List"));
  /* Translators: the file name an exported client list is offered under */
  gtk_file_dialog_set_initial_name (dialog, _("clients.csv"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        export_csv_chosen_cb, g_object_ref (widget));
}

/**
 * sportello_clients_section_import_csv:
 * @file: a spreadsheet saved as CSV
 *
 * Shows what importing @file would do, for the consultant to check the
 * columns and import.
 *
 * Returns: (transfer none): the preview
 */
AdwDialog *
sportello_clients_section_import_csv (SportelloClientsSection *self,
                                   GFile                *file)
{
  SportelloCsvImportDialog *dialog;

  g_return_val_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self), NULL);

  dialog = sportello_csv_import_dialog_new (self->context, file);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
  return ADW_DIALOG (dialog);
}

/* ----------------------------------------------------------- export ---- */

typedef struct
{
  SportelloClientsSection *section;      /* the task's source: alive as long as the job */
  char                    *data_dir;
  char                    *path;
  GArray                  *ids;          /* the clients as listed when asked */
  GCancellable            *cancellable;  /* the banner's Cancel button */
  guint                    n_written;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->data_dir);
  g_free (job->path);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void
show_export_progress (gpointer target,
                      double   fraction)
{
  SportelloWindow *window = section_window (target);

  if (window != NULL)
    sportello_window_set_progress (window, fraction);
}

/* From the worker: the bar moves in the main loop; the export goes on
 * unless the consultant cancelled it */
static gboolean
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  sportello_job_progress (job->section, show_export_progress, done, total);
  return !g_cancellable_is_cancelled (job->cancellable);
}

static gboolean
export_thread (gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  ExportJob *job = data;
  g_autoptr(SportelloDatabase) db = NULL;

  /* the worker's own connection: never share a sqlite3 handle across threads */
  return (db = sportello_database_open (job->data_dir, error)) != NULL &&
         sportello_client_csv_export_ids (db, job->ids, job->path, export_progress_cb, job, &job->n_written, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SportelloClientsSection *self = SPORTELLO_CLIENTS_SECTION (object);
  ExportJob *job = sportello_job_get_data (result);
  SportelloWindow *window = section_window (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *message = NULL;
  gboolean ok = sportello_job_finish (result, &error);

  if (window != NULL)
    sportello_window_set_busy (window, NULL, NULL);
  if (self->context == NULL)
    return;

  /* stopped on request: the temporary file is gone, a file of that name
   * is as it was */
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      sportello_context_toast (self->context, adw_toast_new (_("Export cancelled, no file was written")));
      return;
    }
  if (!ok)
    {
      /* Translators: %s says why, e.g. “Cannot write “/home/…/clienti.csv”: Permission denied” */
      message = g_strdup_printf (_("The client list was not exported. %s"), error->message);
      sportello_context_toast (self->context, adw_toast_new (message));
      return;
    }

  file = g_file_new_for_path (job->path);
  /* Translators: the number has the locale’s thousands separator (%'u) */
  message = g_strdup_printf (ngettext ("%'u client exported", "%'u clients exported", job->n_written), job->n_written);
  sportello_context_toast (self->context, sportello_file_toast_new (message, file));
}

/**
 * sportello_clients_section_export_csv:
 *
 * Writes the clients as the list shows them now (searched, filtered,
 * sorted) to @file as CSV for a spreadsheet, on a worker thread; the
 * window shows the progress with Cancel, and a toast the outcome.
 *
 * Returns: %TRUE when the export began, %FALSE when the window is busy
 *   with other long work (a toast says so)
 */
gboolean
sportello_clients_section_export_csv (SportelloClientsSection *self,
                                   GFile                *file)
{
  g_autofree char *path = NULL;
  SportelloWindow *window;
  ExportJob *job;

  g_return_val_if_fail (SPORTELLO_IS_CLIENTS_SECTION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  /* the file chooser portal gives a path too */
  path = g_file_get_path (file);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!window_is_free (self))
    return FALSE;
  window = section_window (self);

  job = g_new0 (ExportJob, 1);
  job->data_dir = g_path_get_dirname (sportello_database_get_path (self->db));
  job->path = g_steal_pointer (&path);
  job->ids = sportello_client_list_dup_ids (self->list);
  job->cancellable = g_cancellable_new ();
  job->section = self;

  if (window != NULL)
    sportello_window_set_busy (window, _("Exporting the client list…"), job->cancellable);
  /* no cancellable for the task: a file written is told as written */
  sportello_job_run (self, NULL, job, (GDestroyNotify) export_job_free, export_thread, export_done_cb);
  return TRUE;
}
