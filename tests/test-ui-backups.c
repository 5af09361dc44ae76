/* test-ui-backups.c: Preferences → Backups as a consultant uses it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sportello-backups-page.h"
#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-job.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

static guint
files_in (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  const char *name;

  /* finished backups only: not one still being written (“NAME.part”, and
   * its journal) */
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (strstr (name, ".part") == NULL)
        n++;
  return n;
}

static void
wait_for_files (const char *folder,
                guint       n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (files_in (folder) < n && g_get_monotonic_time () < deadline)
    sportello_test_iterate (20);
  g_assert_cmpuint (files_in (folder), ==, n);
}

static void
wait_for_page (SportelloBackupsPage *page,
               GtkWindow            *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((sportello_backups_page_is_working (page) || sportello_window_is_busy (SPORTELLO_WINDOW (window))) &&
         g_get_monotonic_time () < deadline)
    sportello_test_iterate (20);
  g_assert_false (sportello_backups_page_is_working (page));
  g_assert_false (sportello_window_is_busy (SPORTELLO_WINDOW (window)));
  sportello_test_iterate (100);
}

/* Every mapped button labelled @label below @root, in order */
static void
collect_buttons (GtkWidget  *root,
                 const char *label,
                 GPtrArray  *found)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, label, found);
}

static void
test_list_make_restore (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-backups", NULL);
  g_autofree char *folder = g_build_filename (data_dir, "backups", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GPtrArray) restore_buttons = g_ptr_array_new ();
  g_autofree char *deleted_name = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *shot_preview = NULL;
  g_autoptr(GError) error = NULL;
  SportelloClientsSection *clients;
  SportelloBackupsPage *page;
  GListModel *model;
  GtkWindow *window;
  AdwDialog *preferences;
  AdwDialog *alert;
  GtkWidget *button;
  guint listed;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);

    g_assert_no_error (error);
    g_assert_true (sportello_demo_fill (db, 10, &error));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 760);

  /* the backup of the day is made at start-up */
  wait_for_files (folder, 1);

  /* a client is deleted (its Undo toast still showing) */
  clients = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  model = sportello_clients_section_get_model (clients);
  listed = g_list_model_get_n_items (model);   /* the archived ones are not listed */
  g_assert_cmpuint (listed, >, 1);
  {
    g_autoptr(SportelloClient) client = g_list_model_get_item (model, 0);

    deleted_name = g_strdup (sportello_client_get_name (client));
    sportello_clients_section_open_client (clients, sportello_client_get_uuid (client));
  }
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE),
                              "client.delete", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, listed - 1);

  /* Preferences → Backups lists the backup of the day */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  preferences = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (preferences);
  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (preferences), "backups");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_BACKUPS_PAGE (sportello_test_find_type (GTK_WIDGET (preferences), SPORTELLO_TYPE_BACKUPS_PAGE));
  g_assert_nonnull (page);
  wait_for_page (page, window);
  g_assert_cmpuint (sportello_backups_page_get_n_backups (page), ==, 1);
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (page), "Giornaliero"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (page), "10 clienti"));

  /* Back Up Now adds a row */
  button = sportello_test_find_button (GTK_WIDGET (page), "_Esegui backup ora");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_for_page (page, window);
  g_assert_cmpuint (sportello_backups_page_get_n_backups (page), ==, 2);
  g_assert_cmpuint (files_in (folder), ==, 2);
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (page), "Eseguito a mano"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (page), "9 clienti"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "preferences-backups");

  /* the counts kept are preferences */
  adw_spin_row_set_value (ADW_SPIN_ROW (sportello_test_find_type (GTK_WIDGET (page), ADW_TYPE_SPIN_ROW)), 10);
  g_assert_cmpint (g_settings_get_int (sportello_application_get_settings (app), "backup-keep-daily"), ==, 10);

  /* the older one, of the day, is restored after its preview */
  collect_buttons (GTK_WIDGET (page), "_Ripristina…", restore_buttons);
  g_assert_cmpuint (restore_buttons->len, ==, 2);
  g_signal_emit_by_name (g_ptr_array_index (restore_buttons, 1), "clicked");
  wait_for_page (page, window);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Ripristinare questo backup?");
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (ADW_ALERT_DIALOG (alert), "restore"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  /* what it holds against what is there now */
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (alert), "10"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (alert), "9"));
  shot_preview = sportello_test_screenshot (GTK_WIDGET (window), "restore-preview");
  g_signal_emit_by_name (alert, "response", "restore");
  adw_dialog_force_close (alert);
  wait_for_page (page, window);

  /* the database as it was is kept first, and the list shows it */
  g_assert_cmpuint (files_in (folder), ==, 3);
  g_assert_cmpuint (sportello_backups_page_get_n_backups (page), ==, 3);
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (page), "Prima di un ripristino"));

  /* the deleted client is back in the client list */
  adw_dialog_force_close (preferences);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, listed);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), deleted_name));

  sportello_test_app_quit (app);
}

/* The backup of the day fails: the window says so, and the toast stays */
static void
test_daily_failure (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-backups-failing", NULL);
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "backups", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *label = NULL;
  gint64 deadline;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);

    g_assert_no_error (error);
    g_assert_true (sportello_demo_fill (db, 3, &error));
  }
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_settings_set_string (settings, "backup-folder", inside);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!(label = sportello_test_find_label_containing (GTK_WIDGET (window), "Il backup giornaliero non è riuscito")) &&
         g_get_monotonic_time () < deadline)
    sportello_test_iterate (20);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), inside));

  /* a toast that waits to be dismissed */
  sportello_test_iterate (6000);
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (window), "Il backup giornaliero non è riuscito"));

  sportello_test_app_quit (app);
  g_settings_reset (settings, "backup-folder");
}

typedef struct
{
  int      nice;
  gboolean main_thread;
} Seen;

static gboolean
record_priority (gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Seen *seen = data;

  errno = 0;
  seen->nice = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  g_assert_cmpint (errno, ==, 0);
  seen->main_thread = g_main_context_is_owner (g_main_context_default ());
  return TRUE;
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_assert_true (sportello_job_finish (result, NULL));
  g_object_set_data (object, "done", GINT_TO_POINTER (TRUE));
}

static void
run_and_wait (gboolean  background,
              Seen     *seen)
{
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);

  *seen = (Seen) { -100, TRUE };
  if (background)
    sportello_job_run_in_background (source, NULL, seen, NULL, record_priority, job_done_cb);
  else
    sportello_job_run (source, NULL, seen, NULL, record_priority, job_done_cb);
  while (g_object_get_data (source, "done") == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Work nobody waits on (the backup of the day and its check) runs at the
 * lowest priority, off the main thread, and leaves the other workers' threads
 * as they were: a job run afterwards gets the main thread's priority */
static void
test_background_job (void)
{
  int main_nice = getpriority (PRIO_PROCESS, 0);
  Seen seen;

  run_and_wait (TRUE, &seen);
  g_assert_cmpint (seen.nice, ==, 19);
  g_assert_false (seen.main_thread);

  for (guint i = 0; i < 4; i++)
    {
      run_and_wait (FALSE, &seen);
      g_assert_cmpint (seen.nice, ==, main_nice);
      g_assert_false (seen.main_thread);
    }
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/backups/list-make-restore", test_list_make_restore);
  g_test_add_func ("/ui/backups/daily-failure", test_daily_failure);
  g_test_add_func ("/ui/backups/background-job", test_background_job);

  return g_test_run ();
}
