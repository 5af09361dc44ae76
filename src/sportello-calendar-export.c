/* sportello-calendar-export.c: the agenda to a calendar file, from the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * “Export Calendar…” in the primary menu writes the open follow-ups with a
 * due date, the meetings, the events and the grant deadlines as one
 * iCalendar file (see src/store/sportello-ics.c) for GNOME Calendar to
 * import; importing a later export again updates the same entries.
 */

#define G_LOG_DOMAIN "sportello-calendar-export"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-calendar-export.h"
#include "sportello-file-toast.h"
#include "sportello-ics.h"
#include "sportello-window.h"

typedef struct
{
  char               *data_dir;
  char               *path;
  SportelloIcsCounts  counts;
} Export;

static void
export_free (Export *export)
{
  g_free (export->data_dir);
  g_free (export->path);
  g_free (export);
}

/* the worker's own connection: never share a sqlite3 handle across threads */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Export *export = data;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!(db = sportello_database_open (export->data_dir, &error)) ||
      !sportello_ics_export (db, export->path, &export->counts, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SportelloWindow *window = SPORTELLO_WINDOW (source);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sportello_window_add_toast (window, adw_toast_new (error->message));
      return;
    }

  file = g_file_new_for_path (export->path);
  name = g_file_get_basename (file);
  n = export->counts.n_follow_ups + export->counts.n_meetings + export->counts.n_events + export->counts.n_deadlines;
  /* Translators: after exporting the calendar; %s is the file's name, %u counts its entries */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Calendar exported as “%s”, with %u entry",
                                          "Calendar exported as “%s”, with %u entries", n), name, n);
  sportello_window_add_toast (window, sportello_file_toast_new (message, file));
}

/**
 * sportello_calendar_export:
 *
 * Writes the calendar to @file in a thread; a toast says how it went.
 */
void
sportello_calendar_export (SportelloWindow *window,
                           GFile           *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  SportelloDatabase *db = sportello_application_get_database (SPORTELLO_APPLICATION (app), NULL);
  g_autoptr(GTask) task = g_task_new (window, NULL, export_done_cb, NULL);
  Export *export = g_new0 (Export, 1);

  export->data_dir = g_path_get_dirname (sportello_database_get_path (db));
  export->path = g_file_get_path (file);
  g_task_set_source_tag (task, sportello_calendar_export);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  if (export->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only a file on this computer can be written"));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

static void
save_dialog_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SportelloWindow) window = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    sportello_calendar_export (window, file);
}

void
sportello_calendar_export_choose (SportelloWindow *window)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Calendars (iCalendar)"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export Calendar"));
  /* Translators: the file name offered for the calendar export */
  gtk_file_dialog_set_initial_name (dialog, _("Sportello calendar.ics"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (window), NULL, save_dialog_cb, g_object_ref (window));
}
