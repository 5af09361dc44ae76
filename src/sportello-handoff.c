/* sportello-handoff.c: export and import of bundles, from the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files come through GtkFileDialog (the file chooser portal in Flatpak).
 * The work runs on a thread with its own database connection, so a large
 * bundle never freezes the window; the window shows a banner meanwhile.
 * An import is checked and previewed (SportelloImportDialog) before
 * anything is written; the consultant's choices go with the bundle to
 * the job that applies it. A dossier can be protected with a password
 * on export; opening a protected bundle asks for it, and again while it
 * is wrong.
 */

#define G_LOG_DOMAIN "sportello-handoff"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-attachment.h"
#include "sportello-bundle.h"
#include "sportello-database.h"
#include "sportello-client.h"
#include "sportello-email.h"
#include "sportello-file-toast.h"
#include "sportello-format.h"
#include "sportello-handoff.h"
#include "sportello-import-dialog.h"
#include "sportello-import-problems-dialog.h"
#include "sportello-job.h"
#include "sportello-window.h"

typedef struct
{
  char                    *data_dir;
  char                    *consultant;
  char                    *hub;
  char                    *path;
  char                    *client_uuid;
  char                    *passphrase;  /* of a protected bundle, or NULL */
  gboolean                 templates_only;
  gboolean                 send_email;  /* a dossier: to the mail client once written */
  SportelloBundle         *bundle;
  GPtrArray               *conflicts;   /* SportelloConflict, when few enough to list */
  GPtrArray               *duplicates;  /* SportelloConflict: new clients with a P.IVA of ours */
  SportelloConflictPolicy  policy;
  SportelloImportCounts    counts[SPORTELLO_N_RECORD_KINDS];
  SportelloWindow         *window;      /* the task's source: alive as long as the job */
  GCancellable            *cancellable; /* the banner's Cancel button */
} Job;

static void
job_free (Job *job)
{
  g_free (job->data_dir);
  g_free (job->consultant);
  g_free (job->hub);
  g_free (job->path);
  g_free (job->client_uuid);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_clear_pointer (&job->bundle, sportello_bundle_free);
  g_clear_pointer (&job->conflicts, g_ptr_array_unref);
  g_clear_pointer (&job->duplicates, g_ptr_array_unref);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static SportelloDatabase *
window_database (SportelloWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  return sportello_application_get_database (SPORTELLO_APPLICATION (app), NULL);
}

static Job *
job_new (SportelloWindow *window,
         GFile           *file)
{
  SportelloDatabase *db = window_database (window);
  Job *job = g_new0 (Job, 1);

  job->data_dir = g_path_get_dirname (sportello_database_get_path (db));
  job->consultant = g_strdup (sportello_database_get_consultant (db));
  job->hub = g_strdup (sportello_database_get_hub (db));
  job->path = g_file_get_path (file);
  job->window = window;
  job->cancellable = g_cancellable_new ();

  return job;
}

/* the worker's own connection: never share a sqlite3 handle across threads */
static SportelloDatabase *
job_open (Job     *job,
          GError **error)
{
  SportelloDatabase *db = sportello_database_open (job->data_dir, error);

  if (db != NULL)
    sportello_database_set_origin (db, job->consultant, job->hub);
  return db;
}

static void
toast (SportelloWindow *window,
       const char      *message)
{
  sportello_window_add_toast (window, adw_toast_new (message));
}

/* --------------------------------------------------------- progress ---- */

static void
show_progress (gpointer target,
               double   fraction)
{
  sportello_window_set_progress (target, fraction);
}

/* From the worker: the bar moves in the main loop; the work goes on
 * unless the consultant cancelled it */
static gboolean
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Job *job = user_data;

  sportello_job_progress (job->window, show_progress, done, total);
  return !g_cancellable_is_cancelled (job->cancellable);
}

/* ----------------------------------------------------------- export ---- */

/* Runs @thread on @job (taken) in a worker; the window says @busy meanwhile */
static void
run_job (SportelloWindow     *window,
         Job                 *job,
         const char          *busy,
         SportelloJobFunc     func,
         GAsyncReadyCallback  done)
{
  sportello_window_set_busy (window, busy, job->cancellable);
  sportello_job_run (window, NULL, job, (GDestroyNotify) job_free, func, done);
}

/* Back in the main loop: the window is no longer busy; a failure is a toast */
static gboolean
job_succeeded (SportelloWindow *window,
               GAsyncResult    *result)
{
  g_autoptr(GError) error = NULL;

  sportello_window_set_busy (window, NULL, NULL);
  if (sportello_job_finish (result, &error))
    return TRUE;

  /* stopped on request: nothing was changed, nothing is wrong */
  toast (window, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? _("Cancelled, nothing was changed")
                                                                          : error->message);
  return FALSE;
}

static gboolean
export_thread (gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Job *job = data;
  g_autoptr(SportelloDatabase) db = NULL;
  const char *uuids[2] = { job->client_uuid, NULL };

  /* no client at all: the templates and checklists alone */
  return (db = job_open (job, error)) != NULL &&
         sportello_bundle_export_full (db, job->client_uuid || job->templates_only ? uuids : NULL, job->path,
                                       job->passphrase, progress_cb, job, error);
}

/* A dossier goes to a colleague of another hub, not to the firm: the
 * user types the address; the subject names the client */
static void
send_dossier (SportelloWindow *window,
              const char      *client_uuid,
              GFile           *file)
{
  g_autoptr(SportelloClient) client = sportello_client_load (window_database (window), client_uuid, NULL);
  g_autofree char *subject = NULL;

  /* Translators: the subject of the e-mail that carries a client's dossier */
  subject = client != NULL ? g_strdup_printf (_("Dossier of %s"), sportello_client_get (client, SPORTELLO_CLIENT_NAME))
                           : g_file_get_basename (file);
  sportello_email_send (GTK_WIDGET (window), NULL, subject, file);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SportelloWindow *window = SPORTELLO_WINDOW (object);
  Job *job = sportello_job_get_data (result);
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!job_succeeded (window, result))
    return;

  file = g_file_new_for_path (job->path);
  name = g_file_get_basename (file);
  /* Translators: %s is the name of the file written */
  message = g_strdup_printf (job->passphrase && job->client_uuid ? _("Dossier exported as “%s”, protected with a password")
                             : job->passphrase ? _("All data exported as “%s”, protected with a password")
                             : job->client_uuid ? _("Dossier exported as “%s”")
                             : job->templates_only ? _("Templates and checklists exported as “%s”")
                             : _("All data exported as “%s”"), name);
  sportello_window_add_toast (window, sportello_file_toast_new (message, file));
  if (job->send_email && job->client_uuid != NULL)
    send_dossier (window, job->client_uuid, file);
}

static void
start_export (SportelloWindow *window,
              const char      *client_uuid,
              gboolean         templates_only,
              const char      *passphrase,
              gboolean         send_email,
              GFile           *file)
{
  Job *job = job_new (window, file);

  job->client_uuid = g_strdup (client_uuid);
  job->templates_only = templates_only;
  job->send_email = send_email;
  job->passphrase = g_strdup (passphrase);
  run_job (window, job, _("Exporting…"), export_thread, export_done_cb);
}

/* ------------------------------------------------ password on export ---- */

/* Export only with protection off, or with a password typed twice alike */
static void
protection_changed_cb (AdwAlertDialog *dialog)
{
  AdwExpanderRow *protect = g_object_get_data (G_OBJECT (dialog), "protect");
  GtkWidget *confirm = g_object_get_data (G_OBJECT (dialog), "confirm");
  const char *first = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "password"));
  const char *second = gtk_editable_get_text (GTK_EDITABLE (confirm));
  gboolean on = adw_expander_row_get_enable_expansion (protect);

  if (on && *second && !g_str_equal (first, second))
    gtk_widget_add_css_class (confirm, "error");
  else
    gtk_widget_remove_css_class (confirm, "error");
  adw_alert_dialog_set_response_enabled (dialog, "export", !on || (*first && g_str_equal (first, second)));
}

static void
confirm_export_response_cb (AdwAlertDialog *dialog,
                            const char     *response,
                            SportelloWindow *window)
{
  AdwExpanderRow *protect = g_object_get_data (G_OBJECT (dialog), "protect");
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  AdwSwitchRow *send = g_object_get_data (G_OBJECT (dialog), "send-email");

  if (g_strcmp0 (response, "export") != 0)
    return;

  start_export (window, g_object_get_data (G_OBJECT (dialog), "client-uuid"), FALSE,
                adw_expander_row_get_enable_expansion (protect) ? gtk_editable_get_text (password) : NULL,
                send != NULL && adw_switch_row_get_active (send), file);
  /* no copy of the password stays in the entries */
  gtk_editable_set_text (password, "");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "confirm"), "");
}

static GtkWidget *
password_row_new (GtkWidget  *parent,
                  const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Enter does what the dialog's default response does */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    gtk_list_box_append (GTK_LIST_BOX (parent), row);
  return row;
}

/**
 * sportello_handoff_confirm_export:
 * @client_uuid: (nullable): the client whose dossier goes to @file, or
 *   %NULL for all data
 *
 * Asks whether to protect the bundle with a password (typed twice), then
 * exports it to @file.
 */
void
sportello_handoff_confirm_export (SportelloWindow *window,
                                  const char      *client_uuid,
                                  GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  GtkWidget *rows = gtk_list_box_new ();
  GtkWidget *protect = adw_expander_row_new ();
  GtkWidget *password;
  GtkWidget *confirm;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("“%s” will hold personal data. To send it by e-mail, protect it with a password "
                            "and tell the password to your colleague another way, such as by phone."), name);
  {
    g_autofree char *each = g_format_size (SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE);
    g_autofree char *all = g_format_size (SPORTELLO_ATTACHMENT_BUNDLE_MAX_TOTAL);
    g_autofree char *text = body;

    /* Translators: the limits of a bundle's attachments, e.g. “26,2 MB”, “209,7 MB” */
    body = g_strdup_printf (_("%s\n\nThe client files travel inside it, up to %s each and %s in all."), text, each, all);
  }
  dialog = adw_alert_dialog_new (client_uuid ? _("Export Client Dossier") : _("Export All Data"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "export", _("_Export"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "export");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  gtk_widget_add_css_class (rows, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rows), GTK_SELECTION_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (protect), _("Protect with a Password"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (protect), _("Anyone with the password can open it, also with GnuPG"));
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (protect), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (protect), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (rows), protect);
  password = password_row_new (protect, _("Password"));
  confirm = password_row_new (protect, _("Confirm Password"));
  /* a dossier can go on to the mail client, through the e-mail portal */
  if (client_uuid != NULL)
    {
      GtkWidget *send = adw_switch_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (send), _("Send by E-mail"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (send), _("Once exported, open a new message in your mail client with the dossier attached"));
      gtk_list_box_append (GTK_LIST_BOX (rows), send);
      g_object_set_data (G_OBJECT (dialog), "send-email", send);
    }
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), rows);

  g_object_set_data (G_OBJECT (dialog), "protect", protect);
  g_object_set_data (G_OBJECT (dialog), "password", password);
  g_object_set_data (G_OBJECT (dialog), "confirm", confirm);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "client-uuid", g_strdup (client_uuid), g_free);
  g_signal_connect_swapped (protect, "notify::enable-expansion", G_CALLBACK (protection_changed_cb), dialog);
  g_signal_connect_swapped (password, "changed", G_CALLBACK (protection_changed_cb), dialog);
  g_signal_connect_swapped (confirm, "changed", G_CALLBACK (protection_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_export_response_cb), g_object_ref (window),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

void
sportello_handoff_export (SportelloWindow *window,
                          const char      *client_uuid,
                          GFile           *file)
{
  start_export (window, client_uuid, FALSE, NULL, FALSE, file);
}

void
sportello_handoff_export_templates (SportelloWindow *window,
                                    GFile           *file)
{
  start_export (window, NULL, TRUE, NULL, FALSE, file);
}

static void
save_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SportelloWindow) window = user_data;
  g_autofree char *client_uuid = g_object_steal_data (object, "client-uuid");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    return;   /* cancelled */

  /* templates and checklists hold no personal data */
  if (g_object_get_data (object, "templates-only") != NULL)
    start_export (window, NULL, TRUE, NULL, FALSE, file);
  else
    sportello_handoff_confirm_export (window, client_uuid, file);
}

static GListModel *
bundle_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Sportello Bundles"));
  gtk_file_filter_add_mime_type (filter, "application/x-sportello-bundle");
  gtk_file_filter_add_suffix (filter, "sportello");
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

void
sportello_handoff_choose_export (SportelloWindow *window,
                                 const char      *client_uuid)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = bundle_filters ();
  g_autofree char *name = sportello_bundle_default_name (window_database (window), client_uuid);

  gtk_file_dialog_set_title (dialog, client_uuid ? _("Export Client Dossier") : _("Export All Data"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, filters);
  g_object_set_data_full (G_OBJECT (dialog), "client-uuid", g_strdup (client_uuid), g_free);
  gtk_file_dialog_save (dialog, GTK_WINDOW (window), NULL, save_dialog_cb, g_object_ref (window));
}

/* For another hub: the user's templates and every checklist version */
void
sportello_handoff_choose_export_templates (SportelloWindow *window)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = bundle_filters ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: file name of a bundle of templates and checklists, no spaces */
  g_autofree char *name = g_strdup_printf ("%s-%s.sportello", C_("file name", "templates"), date);

  gtk_file_dialog_set_title (dialog, _("Export Templates and Checklists"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, filters);
  g_object_set_data (G_OBJECT (dialog), "templates-only", GINT_TO_POINTER (TRUE));
  gtk_file_dialog_save (dialog, GTK_WINDOW (window), NULL, save_dialog_cb, g_object_ref (window));
}

/* ----------------------------------------------------------- import ---- */

static gboolean
check_thread (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Job *job = data;
  g_autoptr(SportelloDatabase) db = NULL;

  /* the bar follows the reading of a large file */
  if (!(job->bundle = sportello_bundle_load_full (job->path, job->passphrase, progress_cb, job, error)))
    return FALSE;

  if (sportello_bundle_get_problems (job->bundle)->len == 0 &&
      (!(db = job_open (job, error)) || !sportello_bundle_preview (job->bundle, db, job->counts, error)))
    return FALSE;

  /* few conflicts are listed for the consultant to settle one by one */
  if (db != NULL)
    {
      guint n = 0;
      guint d = job->counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates;

      for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
        n += job->counts[kind].conflicts;
      if ((n > 0 && n <= SPORTELLO_IMPORT_DIALOG_MAX_LISTED &&
           !(job->conflicts = sportello_bundle_list_conflicts (job->bundle, db, error))) ||
          (d > 0 && !(job->duplicates = sportello_bundle_list_duplicates (job->bundle, db, error))))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_thread (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Job *job = data;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autofree char *name = g_path_get_basename (job->path);

  sportello_bundle_set_progress (job->bundle, progress_cb, job);
  return (db = job_open (job, error)) != NULL &&
         sportello_bundle_apply (job->bundle, db, job->policy, name, job->counts, error);
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SportelloWindow *window = SPORTELLO_WINDOW (object);
  Job *job = sportello_job_get_data (result);
  g_autofree char *message = NULL;
  guint written = 0;

  if (!job_succeeded (window, result))
    return;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    written += job->counts[kind].new_records + job->counts[kind].updated;

  /* Translators: the number has the locale’s thousands separator (%'u) */
  message = g_strdup_printf (ngettext ("%'u record imported", "%'u records imported", written), written);
  /* the sections follow the database: what was imported shows by itself */
  toast (window, message);
}

static void
preview_response_cb (SportelloImportDialog *dialog,
                     const char            *response,
                     GAsyncResult          *check)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (check);
  SportelloWindow *window = SPORTELLO_WINDOW (source);
  Job *job = sportello_job_get_data (check);
  Job *apply;

  if (g_strcmp0 (response, "import") != 0)
    return;

  /* the checked bundle moves on to the job that applies it, with the
   * consultant's choices */
  apply = g_new0 (Job, 1);
  apply->data_dir = g_strdup (job->data_dir);
  apply->consultant = g_strdup (job->consultant);
  apply->hub = g_strdup (job->hub);
  apply->path = g_strdup (job->path);
  apply->bundle = g_steal_pointer (&job->bundle);
  apply->window = window;
  apply->cancellable = g_cancellable_new ();
  apply->policy = sportello_import_dialog_get_policy (dialog);
  sportello_import_dialog_apply_choices (dialog, apply->bundle);

  run_job (window, apply, _("Importing…"), apply_thread, apply_done_cb);
}

static void check_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

/* --------------------------------------------------- password on import ---- */

static void
passphrase_changed_cb (AdwAlertDialog *dialog,
                       GtkEditable    *entry)
{
  adw_alert_dialog_set_response_enabled (dialog, "open", *gtk_editable_get_text (entry) != '\0');
}

static void
passphrase_response_cb (AdwAlertDialog  *dialog,
                        const char      *response,
                        SportelloWindow *window)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "password");
  Job *job;

  /* Cancel: nothing was read, nothing changes */
  if (g_strcmp0 (response, "open") != 0 || *gtk_editable_get_text (entry) == '\0')
    return;

  job = job_new (window, g_object_get_data (G_OBJECT (dialog), "file"));
  job->passphrase = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  run_job (window, job, _("Checking the bundle…"), check_thread, check_done_cb);
}

/* Asks for the password of a protected bundle, saying if the last was wrong */
static void
ask_passphrase (SportelloWindow *window,
                const char      *path,
                gboolean         wrong)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *rows = gtk_list_box_new ();
  GtkWidget *entry;
  AdwDialog *dialog;

  /* Translators: %s is a file name */
  body = wrong ? g_strdup_printf (_("Wrong password for “%s”. Try again."), name)
               : g_strdup_printf (_("“%s” is protected with a password. Enter it to open the bundle."), name);
  dialog = adw_alert_dialog_new (_("Protected Bundle"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "open", _("_Open"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "open");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "open", FALSE);

  gtk_widget_add_css_class (rows, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rows), GTK_SELECTION_NONE);
  entry = password_row_new (rows, _("Password"));
  if (wrong)
    gtk_widget_add_css_class (entry, "error");
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), rows);

  g_object_set_data (G_OBJECT (dialog), "password", entry);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_steal_pointer (&file), g_object_unref);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (passphrase_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (passphrase_response_cb), g_object_ref (window),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_dialog_present (dialog, GTK_WIDGET (window));
  gtk_widget_grab_focus (entry);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SportelloWindow *window = SPORTELLO_WINDOW (object);
  Job *job = sportello_job_get_data (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  AdwDialog *dialog;
  GPtrArray *problems;

  sportello_window_set_busy (window, NULL, NULL);

  if (!sportello_job_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      toast (window, _("Cancelled, nothing was changed"));
      return;
    }
  if (g_error_matches (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE) ||
      g_error_matches (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE))
    {
      ask_passphrase (window, job->path, error->code == SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE);
      return;
    }
  if (error != NULL)
    {
      dialog = adw_alert_dialog_new (_("Cannot Import"), error->message);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
      adw_dialog_present (dialog, GTK_WIDGET (window));
      return;
    }

  problems = sportello_bundle_get_problems (job->bundle);
  if (problems->len > 0)
    {
      dialog = ADW_DIALOG (sportello_import_problems_dialog_new (name, problems));
      adw_dialog_present (dialog, GTK_WIDGET (window));
      return;
    }

  dialog = ADW_DIALOG (sportello_import_dialog_new (name, job->bundle, job->counts, job->conflicts, job->duplicates));
  g_signal_connect_data (dialog, "response", G_CALLBACK (preview_response_cb), g_object_ref (result),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/**
 * sportello_handoff_import:
 *
 * Checks @file, shows what importing it would change, and imports it if
 * the consultant agrees. Also what opening a *.sportello file does.
 */
void
sportello_handoff_import (SportelloWindow *window,
                          GFile           *file)
{
  if (window_database (window) == NULL)
    return;

  run_job (window, job_new (window, file), _("Checking the bundle…"), check_thread, check_done_cb);
}

static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SportelloWindow) window = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    sportello_handoff_import (window, file);
}

void
sportello_handoff_choose_import (SportelloWindow *window)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = bundle_filters ();

  gtk_file_dialog_set_title (dialog, _("Import Bundle"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (window), NULL, open_dialog_cb, g_object_ref (window));
}
