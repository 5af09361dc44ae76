/* test-ui-handoff.c: export and import from the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sportello-bundle.h"
#include "sportello-client-list.h"
#include "sportello-client.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-handoff.h"
#include "sportello-import-conflict-row.h"
#include "sportello-import-dialog.h"
#include "sportello-import-duplicate-row.h"
#include "sportello-import-problems-dialog.h"
#include "sportello-meeting.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

static void
wait_idle (SportelloWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  sportello_test_iterate (50);
  while (sportello_window_is_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sportello_window_is_busy (window));
  sportello_test_iterate (100);
}

/* A file or folder of the test's own */
static char *
data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* How many clients the window lists */
static guint
n_clients_listed (SportelloWindow *window)
{
  return g_list_model_get_n_items (sportello_clients_section_get_model (_sportello_window_get_clients_section (window)));
}

/* The alert the window shows, waited for (on a busy machine it comes later) */
static AdwAlertDialog *
visible_alert (GtkWindow *window)
{
  AdwDialog *dialog;

  SPORTELLO_TEST_WAIT_UNTIL (ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  return ADW_ALERT_DIALOG (dialog);
}

/* Opens @file as the file manager would, and returns its preview */
static AdwAlertDialog *
preview_of (SportelloWindow *window,
            GFile           *file)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  sportello_handoff_import (window, file);
  wait_idle (window);
  return visible_alert (GTK_WINDOW (window));
}

static void
import_from_preview (SportelloWindow *window,
                     AdwAlertDialog  *alert)
{
  g_signal_emit_by_name (alert, "response", "import");
  adw_dialog_force_close (ADW_DIALOG (alert));
  wait_idle (window);
}

static void
record_fraction (double     *last,
                 GParamSpec *pspec,
                 GtkWidget  *bar)
{
  *last = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));
}

static void
test_export_then_import (void)
{
  g_autofree char *source_dir = data_path ("ui-handoff-a");
  g_autofree char *target_dir = data_path ("ui-handoff-b");
  g_autofree char *path = data_path ("dossier.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *shot = NULL;
  SportelloWindow *window;
  AdwAlertDialog *alert;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (source_dir, &error);
    g_autoptr(SportelloClientList) list = NULL;
    g_autoptr(SportelloClient) client = NULL;

    g_assert_true (sportello_demo_fill (db, 20, &error));
    list = sportello_client_list_new (db);
    g_assert_true (sportello_client_list_refresh (list, &error));
    client = g_list_model_get_item (G_LIST_MODEL (list), 0);
    uuid = g_strdup (sportello_client_get_uuid (client));
  }

  /* one client's dossier, from the window */
  app = sportello_test_app_new (source_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  {
    GtkWidget *bar = GTK_WIDGET (_sportello_window_get_progress_bar (window));
    double last = -1;

    /* the export moves the same bar, to the end */
    g_signal_connect_swapped (bar, "notify::fraction", G_CALLBACK (record_fraction), &last);
    sportello_handoff_export (window, uuid, file);
    wait_idle (window);
    g_signal_handlers_disconnect_by_func (bar, record_fraction, &last);
    g_assert_cmpfloat (last, ==, 1.0);
  }
  /* the toast names the file and offers to open it */
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Fascicolo esportato come «dossier.sportello»"));
  g_assert_nonnull (sportello_test_find_button (GTK_WIDGET (window), "_Apri"));
  {
    g_autoptr(SportelloBundle) bundle = sportello_bundle_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sportello_bundle_get_problems (bundle)->len, ==, 0);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 1);
  }

  /* for another hub: templates and checklists, no client */
  {
    g_autofree char *templates_path = data_path ("modelli.sportello");
    g_autoptr(GFile) templates_file = g_file_new_for_path (templates_path);
    g_autoptr(SportelloBundle) bundle = NULL;

    sportello_handoff_export_templates (window, templates_file);
    wait_idle (window);
    bundle = sportello_bundle_load (templates_path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 0);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CHECKLIST), >=, 1);
  }
  sportello_test_app_quit (app);
  g_clear_object (&app);

  /* a colleague opens it from the file manager: preview first */
  app = sportello_test_app_new (target_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  g_assert_cmpuint (n_clients_listed (window), ==, 0);
  {
    GtkWidget *bar = GTK_WIDGET (_sportello_window_get_progress_bar (window));
    double last = -1;

    /* reading the file moves the bar too */
    g_signal_connect_swapped (bar, "notify::fraction", G_CALLBACK (record_fraction), &last);
    g_application_open (G_APPLICATION (app), &file, 1, "");
    wait_idle (window);
    g_signal_handlers_disconnect_by_func (bar, record_fraction, &last);
    g_assert_cmpfloat (last, ==, 1.0);
  }
  alert = visible_alert (GTK_WINDOW (window));
  g_assert_true (adw_alert_dialog_has_response (alert, "import"));
  {
    /* one row per kind of record: the client, and what would happen to it */
    GtkWidget *row = sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Clienti");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 da aggiungere");
  }
  shot = sportello_test_screenshot (GTK_WIDGET (window), "import-preview");

  /* nothing is written before the consultant agrees */
  g_assert_cmpuint (n_clients_listed (window), ==, 0);
  {
    GtkWidget *bar = GTK_WIDGET (_sportello_window_get_progress_bar (window));
    double last = -1;

    /* the bar under the banner follows the worker, up to the end */
    g_assert_nonnull (bar);
    g_signal_connect_swapped (bar, "notify::fraction", G_CALLBACK (record_fraction), &last);
    g_signal_emit_by_name (alert, "response", "import");
    adw_dialog_force_close (ADW_DIALOG (alert));
    wait_idle (window);
    g_signal_handlers_disconnect_by_func (bar, record_fraction, &last);
    g_assert_cmpfloat (last, ==, 1.0);
    g_assert_false (gtk_widget_get_visible (bar));
  }
  g_assert_cmpuint (n_clients_listed (window), ==, 1);

  sportello_test_app_quit (app);
}

static void
test_import_bad_file (void)
{
  g_autofree char *data_dir = data_path ("ui-handoff-bad");
  g_autofree char *path = data_path ("broken.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  SportelloWindow *window;
  AdwAlertDialog *alert;
  g_autofree char *shot = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path,
    "{\"format\":\"sportello-bundle\",\"version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\","
    "\"exported_by\":{\"consultant\":\"\",\"hub\":\"\"},\"clients\":[{\"uuid\":\"x\"}],"
    "\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}", -1, NULL));

  app = sportello_test_app_new (data_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  sportello_handoff_import (window, file);
  wait_idle (window);
  alert = visible_alert (GTK_WINDOW (window));
  g_assert_false (adw_alert_dialog_has_response (alert, "import"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (alert), "$.clients[0].uuid"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "import-problems");

  sportello_test_app_quit (app);
}

/* Changed on both sides: the preview names the record and lets the
 * consultant take their version even though ours is newer */
static void
test_conflict_choice (void)
{
  g_autofree char *source_dir = data_path ("conflict-source");
  g_autofree char *target_dir = data_path ("conflict-target");
  g_autofree char *path = data_path ("conflitto.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  SportelloWindow *window;
  AdwAlertDialog *alert;
  GtkWidget *row;

  {
    g_autoptr(SportelloDatabase) a = sportello_database_open (source_dir, &error);
    g_autoptr(SportelloDatabase) b = sportello_database_open (target_dir, &error);
    g_autoptr(SportelloClient) client = sportello_client_new ();
    g_autoptr(SportelloClient) ours = NULL;
    g_autoptr(SportelloBundle) bundle = NULL;
    SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];

    sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Enoteca Sala");
    g_assert_true (sportello_client_save (client, a, &error));
    uuid = g_strdup (sportello_client_get_uuid (client));
    g_assert_true (sportello_bundle_export (a, NULL, path, &error));
    bundle = sportello_bundle_load (path, &error);
    g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "conflitto.sportello", counts, &error));

    /* they change it, then we do: ours is the newer one */
    g_usleep (2000);
    sportello_client_set (client, SPORTELLO_CLIENT_NOTES, "cambiato da loro");
    g_assert_true (sportello_client_save (client, a, &error));
    g_assert_true (sportello_bundle_export (a, NULL, path, &error));
    g_usleep (2000);
    ours = sportello_client_load (b, uuid, &error);
    sportello_client_set (ours, SPORTELLO_CLIENT_NOTES, "nostro");
    g_assert_true (sportello_client_save (ours, b, &error));
  }

  app = sportello_test_app_new (target_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  alert = preview_of (window, file);
  g_assert_true (SPORTELLO_IS_IMPORT_DIALOG (alert));
  row = sportello_test_find_type (GTK_WIDGET (alert), SPORTELLO_TYPE_IMPORT_CONFLICT_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Enoteca Sala");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Clienti · "));
  /* both changed today: the times tell them apart */
  g_assert_true (g_regex_match_simple ("loro modifica: [0-9]+º? [a-z]+ [0-9]{4}, [0-9]{2}:[0-9]{2}; nostra: [0-9]+º? [a-z]+ [0-9]{4}, [0-9]{2}:[0-9]{2}$",
                                       adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), 0, 0));
  /* ours is newer, so “take theirs” starts off; the consultant turns it on */
  g_assert_false (sportello_import_conflict_row_get_take_theirs (SPORTELLO_IMPORT_CONFLICT_ROW (row)));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  /* the switch moves with an animation, then takes the new state */
  for (guint i = 0; i < 100 && !sportello_import_conflict_row_get_take_theirs (SPORTELLO_IMPORT_CONFLICT_ROW (row)); i++)
    sportello_test_iterate (20);
  g_assert_true (sportello_import_conflict_row_get_take_theirs (SPORTELLO_IMPORT_CONFLICT_ROW (row)));
  sportello_test_iterate (300);   /* the switch's colour fades in: for the screenshot */
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "import-conflict"));

  import_from_preview (window, alert);
  {
    g_autoptr(SportelloDatabase) b = sportello_database_open (target_dir, &error);
    g_autoptr(SportelloClient) result = sportello_client_load (b, uuid, &error);

    g_assert_cmpstr (sportello_client_get (result, SPORTELLO_CLIENT_NOTES), ==, "cambiato da loro");
  }

  sportello_test_app_quit (app);
}

/* A new client with a P.IVA of ours: merged, its meeting joins ours */
static void
test_merge_duplicate (void)
{
  g_autofree char *source_dir = data_path ("merge-source");
  g_autofree char *target_dir = data_path ("merge-target");
  g_autofree char *path = data_path ("doppione.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_uuid = NULL;
  SportelloWindow *window;
  AdwAlertDialog *alert;
  GtkWidget *row;

  {
    g_autoptr(SportelloDatabase) a = sportello_database_open (source_dir, &error);
    g_autoptr(SportelloDatabase) b = sportello_database_open (target_dir, &error);
    g_autoptr(SportelloClient) theirs = sportello_client_new ();
    g_autoptr(SportelloClient) ours = sportello_client_new ();
    g_autoptr(SportelloMeeting) meeting = NULL;

    sportello_client_set (ours, SPORTELLO_CLIENT_NAME, "Enoteca Sala");
    sportello_client_set (ours, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
    g_assert_true (sportello_client_save (ours, b, &error));
    ours_uuid = g_strdup (sportello_client_get_uuid (ours));
    sportello_client_set (theirs, SPORTELLO_CLIENT_NAME, "Enoteca Sala di Sala Marco");
    sportello_client_set (theirs, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
    g_assert_true (sportello_client_save (theirs, a, &error));
    meeting = sportello_meeting_new (sportello_client_get_uuid (theirs));
    sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, "Visita in cantina");
    g_assert_true (sportello_meeting_save (meeting, a, &error));
    g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  }

  app = sportello_test_app_new (target_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  alert = preview_of (window, file);
  row = sportello_test_find_type (GTK_WIDGET (alert), SPORTELLO_TYPE_IMPORT_DUPLICATE_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Enoteca Sala di Sala Marco");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Unisci a «Enoteca Sala»");
  /* a merge is offered, not done unasked */
  g_assert_false (sportello_import_duplicate_row_get_merge (SPORTELLO_IMPORT_DUPLICATE_ROW (row)));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  /* the switch moves with an animation, then takes the new state */
  for (guint i = 0; i < 100 && !sportello_import_duplicate_row_get_merge (SPORTELLO_IMPORT_DUPLICATE_ROW (row)); i++)
    sportello_test_iterate (20);
  g_assert_true (sportello_import_duplicate_row_get_merge (SPORTELLO_IMPORT_DUPLICATE_ROW (row)));
  sportello_test_iterate (300);   /* the switch's colour fades in: for the screenshot */
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "import-duplicate"));

  import_from_preview (window, alert);
  {
    g_autoptr(SportelloDatabase) b = sportello_database_open (target_dir, &error);
    g_autoptr(GListModel) meetings = sportello_meeting_list (b, ours_uuid, NULL, &error);

    g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
    g_assert_cmpuint (n_clients_listed (window), ==, 1);
  }

  sportello_test_app_quit (app);
}

/* The banner of long work has a Cancel button: the check stops, no
 * preview comes, nothing changes */
static void
test_cancel (void)
{
  g_autofree char *source_dir = data_path ("cancel-source");
  g_autofree char *target_dir = data_path ("cancel-target");
  g_autofree char *path = data_path ("annulla.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SportelloWindow *window;
  AdwBanner *banner;

  {
    g_autoptr(SportelloDatabase) a = sportello_database_open (source_dir, &error);

    g_assert_true (sportello_demo_fill (a, 400, &error));
    g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  }

  app = sportello_test_app_new (target_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  sportello_handoff_import (window, file);
  banner = ADW_BANNER (sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_BANNER));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Annulla");
  g_signal_emit_by_name (banner, "button-clicked");
  wait_idle (window);

  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (window), "Operazione annullata: non è stato modificato nulla"));
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_cmpuint (n_clients_listed (window), ==, 0);

  sportello_test_app_quit (app);
}

/* Beyond what a list of switches serves: one choice for all conflicts,
 * one switch for all duplicates */
static void
test_many_conflicts_and_duplicates (void)
{
  g_autofree char *source_dir = data_path ("many-source");
  g_autofree char *conflict_dir = data_path ("many-conflicts");
  g_autofree char *duplicate_dir = data_path ("many-duplicates");
  g_autofree char *path = data_path ("tanti.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *their_notes = NULL;
  guint n_clients, n_twins = 0;
  SportelloWindow *window;
  AdwAlertDialog *alert;
  GtkWidget *row;

  {
    g_autoptr(SportelloDatabase) a = sportello_database_open (source_dir, &error);
    g_autoptr(SportelloDatabase) b = sportello_database_open (conflict_dir, &error);
    g_autoptr(SportelloDatabase) c = sportello_database_open (duplicate_dir, &error);
    g_autoptr(SportelloClientList) theirs = NULL;
    g_autoptr(SportelloClientList) ours = NULL;
    g_autoptr(SportelloClient) first = NULL;

    /* the demo makes the same clients, with the same UUIDs, in both */
    g_assert_true (sportello_demo_fill (a, 250, &error));
    g_assert_true (sportello_demo_fill (b, 250, &error));
    g_assert_true (sportello_bundle_export (a, NULL, path, &error));
    theirs = sportello_client_list_new (a);
    g_assert_true (sportello_client_list_refresh (theirs, &error));
    n_clients = g_list_model_get_n_items (G_LIST_MODEL (theirs));
    first = g_list_model_get_item (G_LIST_MODEL (theirs), 0);
    uuid = g_strdup (sportello_client_get_uuid (first));
    their_notes = g_strdup (sportello_client_get (first, SPORTELLO_CLIENT_NOTES));

    /* changed here too: every client a conflict */
    ours = sportello_client_list_new (b);
    g_assert_true (sportello_client_list_refresh (ours, &error));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ours)); i++)
      {
        g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (ours), i);

        sportello_client_set (client, SPORTELLO_CLIENT_NOTES, "nostro");
        g_assert_true (sportello_client_save (client, b, &error));
      }

    /* the same firms, made here on their own: every one with a P.IVA a duplicate */
    for (guint i = 0; i < n_clients; i++)
      {
        g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (theirs), i);
        g_autoptr(SportelloClient) twin = sportello_client_new ();

        if (*sportello_client_get (client, SPORTELLO_CLIENT_VAT_NUMBER) == '\0')
          continue;
        sportello_client_set (twin, SPORTELLO_CLIENT_NAME, sportello_client_get_name (client));
        sportello_client_set (twin, SPORTELLO_CLIENT_VAT_NUMBER, sportello_client_get (client, SPORTELLO_CLIENT_VAT_NUMBER));
        g_assert_true (sportello_client_save (twin, c, &error));
        n_twins++;
      }
    g_assert_cmpuint (n_twins, >, 200);
  }

  /* conflicts: no switch each, one choice; the consultant takes theirs */
  app = sportello_test_app_new (conflict_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  alert = preview_of (window, file);
  for (guint i = 0; i < 100 && sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_COMBO_ROW) == NULL; i++)
    sportello_test_iterate (50);
  g_assert_null (sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_SWITCH_ROW));
  g_assert_null (sportello_test_find_type (GTK_WIDGET (alert), SPORTELLO_TYPE_IMPORT_CONFLICT_ROW));
  row = sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (row);
  g_assert_true (g_regex_match_simple ("^[0-9.]+ conflitti$", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), 0, 0));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), SPORTELLO_CONFLICT_THEIRS);
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "import-many-conflicts"));
  import_from_preview (window, alert);
  {
    g_autoptr(SportelloDatabase) b = sportello_database_open (conflict_dir, &error);
    g_autoptr(SportelloClient) result = sportello_client_load (b, uuid, &error);

    g_assert_cmpstr (sportello_client_get (result, SPORTELLO_CLIENT_NOTES), ==, their_notes);
  }
  sportello_test_app_quit (app);
  g_clear_object (&app);

  /* duplicates: one switch, off until the consultant turns it on */
  app = sportello_test_app_new (duplicate_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  alert = preview_of (window, file);
  row = sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_SWITCH_ROW);
  g_assert_nonnull (row);
  g_assert_null (sportello_test_find_type (GTK_WIDGET (alert), SPORTELLO_TYPE_IMPORT_DUPLICATE_ROW));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Unisci "));
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (row)));
  adw_switch_row_set_active (ADW_SWITCH_ROW (row), TRUE);
  import_from_preview (window, alert);
  /* the twins joined ours; only the firms without a P.IVA came in new */
  g_assert_cmpuint (n_clients_listed (window),
                    ==, n_clients);
  sportello_test_app_quit (app);
}

/* Every widget of @type under @root, in order */
static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

/* The password dialog of a protected bundle: type @password, open */
static void
enter_password (SportelloWindow *window,
                AdwAlertDialog  *alert,
                const char      *password)
{
  GtkWidget *entry;

  sportello_test_wait_for_draw (GTK_WIDGET (alert));
  entry = sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_nonnull (entry);
  g_assert_false (adw_alert_dialog_get_response_enabled (alert, "open"));
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  g_assert_true (adw_alert_dialog_get_response_enabled (alert, "open"));
  g_signal_emit_by_name (alert, "response", "open");
  adw_dialog_force_close (ADW_DIALOG (alert));
  wait_idle (window);
}

/* A dossier protected with a password on export; opening it asks for the
 * password, says when it is wrong, and asks again; Cancel changes nothing */
static void
test_protected (void)
{
  g_autofree char *source_dir = data_path ("protected-source");
  g_autofree char *target_dir = data_path ("protected-target");
  g_autofree char *path = data_path ("protetto.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  SportelloWindow *window;
  AdwAlertDialog *alert;
  GtkWidget *protect;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (source_dir, &error);
    g_autoptr(SportelloClientList) list = NULL;
    g_autoptr(SportelloClient) client = NULL;

    g_assert_true (sportello_demo_fill (db, 4, &error));
    list = sportello_client_list_new (db);
    g_assert_true (sportello_client_list_refresh (list, &error));
    client = g_list_model_get_item (G_LIST_MODEL (list), 0);
    uuid = g_strdup (sportello_client_get_uuid (client));
  }

  /* the file is chosen: protect it? */
  app = sportello_test_app_new (source_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  sportello_handoff_confirm_export (window, uuid, file);
  sportello_test_iterate (50);
  alert = visible_alert (GTK_WINDOW (window));
  sportello_test_wait_for_draw (GTK_WIDGET (alert));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (alert), "Proteggi con una password"));
  protect = sportello_test_find_type (GTK_WIDGET (alert), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (protect);
  collect_type (GTK_WIDGET (alert), ADW_TYPE_PASSWORD_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);

  /* off, it exports as it is; on, only with the same password twice */
  g_assert_true (adw_alert_dialog_get_response_enabled (alert, "export"));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (protect), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (protect), TRUE);
  g_assert_false (adw_alert_dialog_get_response_enabled (alert, "export"));
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "Sala di Marco 2026");
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[1]), "Sala di Marco 2025");
  g_assert_false (adw_alert_dialog_get_response_enabled (alert, "export"));
  g_assert_true (gtk_widget_has_css_class (rows->pdata[1], "error"));
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[1]), "Sala di Marco 2026");
  g_assert_true (adw_alert_dialog_get_response_enabled (alert, "export"));
  g_assert_false (gtk_widget_has_css_class (rows->pdata[1], "error"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "export-protected"));
  g_signal_emit_by_name (alert, "response", "export");
  adw_dialog_force_close (ADW_DIALOG (alert));
  wait_idle (window);
  g_assert_true (sportello_bundle_is_protected (path));
  {
    g_autoptr(SportelloBundle) bundle = sportello_bundle_load_full (path, "Sala di Marco 2026", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT), ==, 1);
  }
  sportello_test_app_quit (app);
  g_clear_object (&app);

  /* a colleague opens it: the password first */
  app = sportello_test_app_new (target_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  alert = preview_of (window, file);
  g_assert_false (adw_alert_dialog_has_response (alert, "import"));
  g_assert_true (adw_alert_dialog_has_response (alert, "open"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), "protetto con una password"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "import-password"));

  /* Cancel: nothing happens */
  g_signal_emit_by_name (alert, "response", "cancel");
  adw_dialog_force_close (ADW_DIALOG (alert));
  SPORTELLO_TEST_WAIT_UNTIL (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_cmpuint (n_clients_listed (window), ==, 0);

  /* a wrong one: said so, asked again, nothing imported */
  alert = preview_of (window, file);
  enter_password (window, alert, "Sala di Marco 2025");
  alert = visible_alert (GTK_WINDOW (window));
  g_assert_true (adw_alert_dialog_has_response (alert, "open"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), "Password errata"));
  g_assert_cmpuint (n_clients_listed (window), ==, 0);

  /* the right one: the usual preview, then the import */
  enter_password (window, alert, "Sala di Marco 2026");
  alert = visible_alert (GTK_WINDOW (window));
  g_assert_true (adw_alert_dialog_has_response (alert, "import"));
  import_from_preview (window, alert);
  g_assert_cmpuint (n_clients_listed (window), ==, 1);

  sportello_test_app_quit (app);
}

/* A bundle that cannot be imported: SportelloImportProblemsDialog lists
 * every problem the store found, the reason as the title and the path
 * under it, in a list with room for its shadow */
static void
test_import_problems_dialog (void)
{
  g_autofree char *data_dir = data_path ("ui-handoff-problems");
  g_autofree char *path = data_path ("two-problems.sportello");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  SportelloWindow *window;
  AdwAlertDialog *alert;
  GtkListBox *list;
  GPtrArray *problems;
  guint n_rows = 0;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path,
    "{\"format\":\"sportello-bundle\",\"version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\","
    "\"exported_by\":{\"consultant\":\"\",\"hub\":\"\"},\"clients\":[{\"uuid\":\"x\"},{\"uuid\":\"y\"}],"
    "\"contacts\":[],\"meetings\":[],\"follow_ups\":[],\"checklists\":[],\"assessments\":[]}", -1, NULL));
  bundle = sportello_bundle_load (path, &error);
  g_assert_no_error (error);
  problems = sportello_bundle_get_problems (bundle);
  g_assert_cmpuint (problems->len, >=, 2);

  app = sportello_test_app_new (data_dir);
  window = SPORTELLO_WINDOW (sportello_test_app_window (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  sportello_handoff_import (window, file);
  wait_idle (window);
  alert = visible_alert (GTK_WINDOW (window));
  g_assert_true (SPORTELLO_IS_IMPORT_PROBLEMS_DIALOG (alert));
  g_assert_cmpstr (adw_alert_dialog_get_heading (alert), ==, "Impossibile importare");
  intro = g_strdup_printf ("Non è stato modificato nulla. «%s» ha questi problemi:", "two-problems.sportello");
  g_assert_cmpstr (adw_alert_dialog_get_body (alert), ==, intro);
  g_assert_true (adw_alert_dialog_has_response (alert, "close"));
  g_assert_false (adw_alert_dialog_has_response (alert, "import"));

  /* one row per problem, in the store's order */
  list = sportello_import_problems_dialog_get_list (SPORTELLO_IMPORT_PROBLEMS_DIALOG (alert));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (list), "boxed-list"));
  g_assert_cmpint (gtk_widget_get_margin_bottom (GTK_WIDGET (list)), >, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *problem = g_ptr_array_index (problems, n_rows);
      const char *colon = strstr (problem, ": ");

      g_assert_nonnull (colon);
      g_assert_cmpuint (n_rows, <, problems->len);
      g_assert_true (g_str_has_prefix (problem, adw_action_row_get_subtitle (ADW_ACTION_ROW (row))));
      g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))), ==, colon - problem);
      g_assert_cmpint (g_ascii_strcasecmp (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), colon + 2), ==, 0);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, problems->len);
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (alert), "$.clients[0].uuid"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "import-problems-dialog"));

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/handoff/export-then-import", test_export_then_import);
  g_test_add_func ("/ui/handoff/import-bad-file", test_import_bad_file);
  g_test_add_func ("/ui/handoff/import-problems-dialog", test_import_problems_dialog);
  g_test_add_func ("/ui/handoff/conflict-choice", test_conflict_choice);
  g_test_add_func ("/ui/handoff/cancel", test_cancel);
  g_test_add_func ("/ui/handoff/many-conflicts-and-duplicates", test_many_conflicts_and_duplicates);
  g_test_add_func ("/ui/handoff/merge-duplicate", test_merge_duplicate);
  g_test_add_func ("/ui/handoff/protected", test_protected);

  return g_test_run ();
}
