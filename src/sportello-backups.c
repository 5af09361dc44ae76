/* sportello-backups.c: the automatic backups, as the app runs them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the backups go and how many are kept are preferences; the store
 * reads them for the process (its backups before an import or a schema
 * upgrade follow them too). The backup of the day is made soon after the
 * window opens (not while it draws its first frames and loads its lists),
 * on a background thread with its own connection; if it fails, the window
 * says so and the toast stays until dismissed.
 */

#define G_LOG_DOMAIN "sportello-backups"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-backup.h"
#include "sportello-backups.h"
#include "sportello-database.h"
#include "sportello-job.h"
#include "sportello-window.h"

/* seconds after the window opens */
#define DAILY_DELAY 3
#define DAILY_SOURCE_KEY "sportello-daily-backup"

void
sportello_backups_apply_settings (GSettings *settings)
{
  g_autofree char *folder = g_settings_get_string (settings, "backup-folder");

  sportello_backup_configure (folder,
                              (guint) MAX (g_settings_get_int (settings, "backup-keep-daily"), 1),
                              (guint) MAX (g_settings_get_int (settings, "backup-keep-weekly"), 0),
                              (guint) MAX (g_settings_get_int (settings, "backup-keep-monthly"), 0));
}

static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  if (g_str_has_prefix (key, "backup-"))
    sportello_backups_apply_settings (settings);
}

/* Applies the preferences now and whenever they change */
void
sportello_backups_follow_settings (GSettings *settings)
{
  sportello_backups_apply_settings (settings);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), NULL);
}

/* On the background thread (sportello_job_run_in_background): the copy
 * and its check must not slow the window down */
static gboolean
daily_thread (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (db = sportello_database_open (data, error)) != NULL &&
         sportello_backup_daily (db, now, NULL, error);
}

static void
daily_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SportelloWindow *window = SPORTELLO_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (sportello_job_finish (result, &error))
    return;

  /* a window closed meanwhile has nobody to tell */
  if (gtk_window_get_application (GTK_WINDOW (window)) == NULL)
    return;

  message = g_strdup_printf (_("The daily backup failed: %s"), error->message);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  sportello_window_add_toast (window, toast);
}

static gboolean
daily_cb (gpointer data)
{
  SportelloWindow *window = data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  SportelloDatabase *db;

  /* the source is over: nothing to remove when the window goes */
  g_object_steal_data (G_OBJECT (window), DAILY_SOURCE_KEY);

  if (app == NULL ||
      !(db = sportello_application_get_database (SPORTELLO_APPLICATION (app), NULL)))
    return G_SOURCE_REMOVE;

  sportello_job_run_in_background (window, NULL, g_path_get_dirname (sportello_database_get_path (db)), g_free,
                                   daily_thread, daily_done_cb);

  return G_SOURCE_REMOVE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/* The backup of the day, unless there is one already; a window closed
 * before it is due makes none */
void
sportello_backups_start_daily (SportelloWindow *window)
{
  guint id = g_timeout_add_seconds (DAILY_DELAY, daily_cb, window);

  g_object_set_data_full (G_OBJECT (window), DAILY_SOURCE_KEY, GUINT_TO_POINTER (id), remove_source);
}
