/* sportello-backups-page.c: Preferences → Backups
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the backups of the set (date, reason, size, clients), makes one on
 * request, and restores one after a preview of what it holds against what
 * the database holds now. Everything that reads or writes a database runs
 * on a thread with its own connection; a restore keeps the window busy and
 * reloads its sections afterwards.
 */

#define G_LOG_DOMAIN "sportello-backups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-backup.h"
#include "sportello-backups-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-job.h"
#include "sportello-window-private.h"

struct _SportelloBackupsPage
{
  AdwPreferencesPage    parent_instance;

  SportelloApplication *application;
  GCancellable         *cancellable;
  GPtrArray            *rows;        /* the rows of backups_group */
  guint                 n_backups;
  guint                 working;     /* jobs running */

  /* Template widgets */
  AdwPreferencesGroup  *backups_group;
  GtkButton            *backup_now_button;
  AdwActionRow         *folder_row;
  GtkButton            *reset_folder_button;
  AdwSpinRow           *daily_row;
  AdwSpinRow           *weekly_row;
  AdwSpinRow           *monthly_row;
};

G_DEFINE_FINAL_TYPE (SportelloBackupsPage, sportello_backups_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  char                *data_dir;
  char                *folder;
  char                *path;
  GPtrArray           *list;
  SportelloBackupInfo *backup;
  SportelloBackupInfo *current;
} Job;

static void
job_free (Job *job)
{
  g_free (job->data_dir);
  g_free (job->folder);
  g_free (job->path);
  g_clear_pointer (&job->list, g_ptr_array_unref);
  g_clear_pointer (&job->backup, sportello_backup_info_free);
  g_clear_pointer (&job->current, sportello_backup_info_free);
  g_free (job);
}

static SportelloDatabase *
page_database (SportelloBackupsPage *self)
{
  return sportello_application_get_database (self->application, NULL);
}

static SportelloWindow *
page_window (SportelloBackupsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *active;

  if (SPORTELLO_IS_WINDOW (root))
    return SPORTELLO_WINDOW (root);
  active = gtk_application_get_active_window (GTK_APPLICATION (self->application));
  return SPORTELLO_IS_WINDOW (active) ? SPORTELLO_WINDOW (active) : NULL;
}

/* In the preferences dialog while it is open, else in the window */
static void
page_toast (SportelloBackupsPage *self,
            const char           *message)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);
  SportelloWindow *window;

  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), adw_toast_new (message));
  else if ((window = page_window (self)) != NULL)
    sportello_window_add_toast (window, adw_toast_new (message));
}

static Job *
job_new (SportelloBackupsPage *self)
{
  SportelloDatabase *db = page_database (self);
  Job *job = g_new0 (Job, 1);

  job->data_dir = g_path_get_dirname (sportello_database_get_path (db));
  job->folder = sportello_backup_get_folder (db);
  return job;
}

static void
run_job (SportelloBackupsPage *self,
         Job                  *job,
         SportelloJobFunc      func,
         GAsyncReadyCallback   done)
{
  self->working++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), FALSE);
  sportello_job_run (self, self->cancellable, job, (GDestroyNotify) job_free, func, done);
}

/* Back in the main loop; FALSE when the page is gone or the job failed
 * (then a toast says why) */
static gboolean
job_finish (SportelloBackupsPage *self,
            GAsyncResult         *result)
{
  g_autoptr(GError) error = NULL;

  self->working--;
  if (sportello_job_finish (result, &error))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), self->working == 0);
      return TRUE;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), self->working == 0);
      page_toast (self, error->message);
    }
  return FALSE;
}

static char *
format_date (GDateTime *date)
{
  /* Translators: date and time of a backup, in g_date_time_format()'s
   * notation, e.g. “1 December 2026, 10:15” */
  return g_date_time_format (date, _("%-d %B %Y, %H:%M"));
}

/* --------------------------------------------------------- the list ---- */

static void restore_clicked_cb (SportelloBackupsPage *self,
                                GtkButton            *button);

static gboolean
list_thread (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;

  return (job->list = sportello_backup_list (job->folder, error)) != NULL;
}

static GtkWidget *
backup_row_new (SportelloBackupsPage *self,
                SportelloBackupInfo  *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = format_date (info->date);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;

  if (info->schema_version < 0)
    /* Translators: the subtitle of a backup: why it was made, its size */
    subtitle = g_strdup_printf (_("%s · %s · cannot be read"), sportello_backup_reason_label (info->reason), size);
  else
    {
      g_autofree char *clients = g_strdup_printf (ngettext ("%'u client", "%'u clients", info->clients), info->clients);

      /* Translators: the subtitle of a backup: why it was made, its size, its clients */
      subtitle = g_strdup_printf (_("%s · %s · %s"), sportello_backup_reason_label (info->reason), size, clients);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (info->schema_version >= 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (info->path), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
clear_rows (SportelloBackupsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (SportelloBackupsPage *self,
         GtkWidget            *row)
{
  adw_preferences_group_add (self->backups_group, row);
  g_ptr_array_add (self->rows, row);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SportelloBackupsPage *self = SPORTELLO_BACKUPS_PAGE (object);
  Job *job = sportello_job_get_data (result);

  if (!job_finish (self, result))
    return;

  clear_rows (self);
  self->n_backups = job->list->len;
  for (guint i = 0; i < job->list->len; i++)
    add_row (self, backup_row_new (self, g_ptr_array_index (job->list, i)));

  if (job->list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The first one is made when the database has clients"));
      add_row (self, row);
    }
}

void
sportello_backups_page_refresh (SportelloBackupsPage *self)
{
  g_return_if_fail (SPORTELLO_IS_BACKUPS_PAGE (self));

  if (page_database (self) == NULL)
    return;
  run_job (self, job_new (self), list_thread, list_done_cb);
}

/* --------------------------------------------------------- back up now -- */

static gboolean
make_thread (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (db = sportello_database_open (job->data_dir, error)) != NULL &&
         (job->path = sportello_backup_make (db, SPORTELLO_BACKUP_MANUAL, now, error)) != NULL;
}

static void
make_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SportelloBackupsPage *self = SPORTELLO_BACKUPS_PAGE (object);

  if (!job_finish (self, result))
    return;

  page_toast (self, _("Backup made"));
  sportello_backups_page_refresh (self);
}

static void
backup_now_cb (SportelloBackupsPage *self)
{
  run_job (self, job_new (self), make_thread, make_done_cb);
}

/* ------------------------------------------------------------ restore ---- */

static gboolean
preview_thread (gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Job *job = data;
  g_autoptr(SportelloDatabase) db = NULL;

  return (job->backup = sportello_backup_inspect (job->path, TRUE, error)) != NULL &&
         (db = sportello_database_open (job->data_dir, error)) != NULL &&
         (job->current = sportello_backup_inspect_database (db, error)) != NULL;
}

static gboolean
restore_thread (gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Job *job = data;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (db = sportello_database_open (job->data_dir, error)) != NULL &&
         sportello_backup_restore (db, job->path, now, NULL, error);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SportelloBackupsPage *self = SPORTELLO_BACKUPS_PAGE (object);
  SportelloWindow *window = page_window (self);
  gboolean ok;

  if (window != NULL)
    sportello_window_set_busy (window, NULL, NULL);
  ok = job_finish (self, result);
  /* what the window shows is the database as it is now, either way: the
   * backup API writes pages, which the change hooks do not see */
  if (page_database (self) != NULL)
    sportello_database_notify_changed (page_database (self), NULL);
  if (!ok)
    return;

  page_toast (self, _("Backup restored"));
  sportello_backups_page_refresh (self);
}

static void
preview_response_cb (AdwAlertDialog       *dialog,
                     const char           *response,
                     SportelloBackupsPage *self)
{
  SportelloWindow *window = page_window (self);
  Job *job;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (window != NULL && sportello_window_is_busy (window))
    {
      page_toast (self, _("Wait for the work in progress to end, then restore"));
      return;
    }

  job = job_new (self);
  job->path = g_strdup (g_object_get_data (G_OBJECT (dialog), "path"));
  if (window != NULL)
    {
      /* deletes waiting for their Undo become final: the backup made first has them */
      sportello_clients_section_flush_deletes (_sportello_window_get_clients_section (window));
      sportello_window_set_busy (window, _("Restoring…"), NULL);
    }
  run_job (self, job, restore_thread, restore_done_cb);
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
attach_counts (GtkGrid    *grid,
               int         row,
               const char *what,
               guint       in_backup,
               guint       now)
{
  g_autofree char *a = g_strdup_printf ("%'u", in_backup);
  g_autofree char *b = g_strdup_printf ("%'u", now);

  attach_label (grid, what, 0, row, FALSE);
  attach_label (grid, a, 1, row, FALSE);
  attach_label (grid, b, 2, row, FALSE);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SportelloBackupsPage *self = SPORTELLO_BACKUPS_PAGE (object);
  Job *job = sportello_job_get_data (result);
  g_autofree char *backup_date = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  GtkGrid *grid;

  if (!job_finish (self, result))
    return;

  backup_date = format_date (job->backup->date);
  body = g_strdup_printf (_("The database is replaced by the backup of %s. The database as it is now is backed up first, so the restore can be undone."),
                          backup_date);
  dialog = adw_alert_dialog_new (_("Restore This Backup?"), body);

  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (grid, 24);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_widget_set_halign (GTK_WIDGET (grid), GTK_ALIGN_CENTER);
  /* Translators: column headings of the restore preview */
  attach_label (grid, C_("restore preview", "Backup"), 1, 0, TRUE);
  attach_label (grid, C_("restore preview", "Now"), 2, 0, TRUE);
  attach_counts (grid, 1, _("Clients"), job->backup->clients, job->current->clients);
  attach_counts (grid, 2, _("Meetings"), job->backup->meetings, job->current->meetings);
  attach_counts (grid, 3, _("Documents"), job->backup->documents, job->current->documents);
  attach_counts (grid, 4, _("Attachments"), job->backup->attachments, job->current->attachments);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (grid));

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (job->path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (preview_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
restore_clicked_cb (SportelloBackupsPage *self,
                    GtkButton            *button)
{
  Job *job = job_new (self);

  job->path = g_strdup (g_object_get_data (G_OBJECT (button), "path"));
  run_job (self, job, preview_thread, preview_done_cb);
}

/* ------------------------------------------------------------ folder ---- */

static void
update_folder (SportelloBackupsPage *self)
{
  GSettings *settings = sportello_application_get_settings (self->application);
  g_autofree char *chosen = g_settings_get_string (settings, "backup-folder");
  SportelloDatabase *db = page_database (self);
  g_autofree char *folder = db ? sportello_backup_get_folder (db) : g_strdup (chosen);
  g_autofree char *display = g_filename_display_name (folder);

  adw_action_row_set_subtitle (self->folder_row, display);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_folder_button), *chosen != '\0');
}

static void
settings_changed_cb (SportelloBackupsPage *self,
                     const char           *key,
                     GSettings            *settings)
{
  if (!g_str_equal (key, "backup-folder"))
    return;
  update_folder (self);
  sportello_backups_page_refresh (self);
}

static void
folder_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SportelloBackupsPage) self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (folder == NULL)
    return;   /* cancelled */

  if (!(path = g_file_get_path (folder)))
    {
      page_toast (self, _("This folder cannot hold backups: choose a local one"));
      return;
    }
  g_settings_set_string (sportello_application_get_settings (self->application), "backup-folder", path);
}

static void
choose_folder_cb (SportelloBackupsPage *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  SportelloDatabase *db = page_database (self);
  SportelloWindow *window = page_window (self);

  gtk_file_dialog_set_title (dialog, _("Choose the Backup Folder"));
  if (db != NULL)
    {
      g_autofree char *current = sportello_backup_get_folder (db);
      g_autoptr(GFile) file = g_file_new_for_path (current);

      if (g_file_query_exists (file, NULL))
        gtk_file_dialog_set_initial_folder (dialog, file);
    }
  gtk_file_dialog_select_folder (dialog, window ? GTK_WINDOW (window) : NULL, NULL,
                                 folder_chosen_cb, g_object_ref (self));
}

static void
reset_folder_cb (SportelloBackupsPage *self)
{
  g_settings_reset (sportello_application_get_settings (self->application), "backup-folder");
}

/* ------------------------------------------------------------ object ---- */

static void
sportello_backups_page_dispose (GObject *object)
{
  SportelloBackupsPage *self = SPORTELLO_BACKUPS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPORTELLO_TYPE_BACKUPS_PAGE);

  G_OBJECT_CLASS (sportello_backups_page_parent_class)->dispose (object);
}

static void
sportello_backups_page_finalize (GObject *object)
{
  SportelloBackupsPage *self = SPORTELLO_BACKUPS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (sportello_backups_page_parent_class)->finalize (object);
}

static void
sportello_backups_page_class_init (SportelloBackupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_backups_page_dispose;
  object_class->finalize = sportello_backups_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-backups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloBackupsPage, backups_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloBackupsPage, backup_now_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloBackupsPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloBackupsPage, reset_folder_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloBackupsPage, daily_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloBackupsPage, weekly_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloBackupsPage, monthly_row);
  gtk_widget_class_bind_template_callback (widget_class, backup_now_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_folder_cb);
}

static void
sportello_backups_page_init (SportelloBackupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

SportelloBackupsPage *
sportello_backups_page_new (SportelloApplication *application)
{
  SportelloBackupsPage *self;
  GSettings *settings;

  g_return_val_if_fail (SPORTELLO_IS_APPLICATION (application), NULL);

  self = g_object_new (SPORTELLO_TYPE_BACKUPS_PAGE, NULL);
  self->application = g_object_ref (application);
  settings = sportello_application_get_settings (application);

  g_settings_bind (settings, "backup-keep-daily", self->daily_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep-weekly", self->weekly_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep-monthly", self->monthly_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self), page_database (self) != NULL);
  update_folder (self);
  sportello_backups_page_refresh (self);

  return self;
}

guint
sportello_backups_page_get_n_backups (SportelloBackupsPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_BACKUPS_PAGE (self), 0);

  return self->n_backups;
}

/* Whether a list, backup, preview or restore is still running */
gboolean
sportello_backups_page_is_working (SportelloBackupsPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_BACKUPS_PAGE (self), FALSE);

  return self->working > 0;
}
