/* test-ui-import-dialog.c: the import preview and its choices
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-bundle.h"
#include "sportello-client-list.h"
#include "sportello-client.h"
#include "sportello-database.h"
#include "sportello-import-choice.h"
#include "sportello-import-conflict-row.h"
#include "sportello-import-dialog.h"
#include "sportello-import-duplicate-row.h"
#include "sportello-meeting.h"
#include "sportello-test-ui.h"

/* A file or folder of the test's own */
static char *
data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static guint
n_clients (SportelloDatabase *db)
{
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(GError) error = NULL;

  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* A bundle with one conflict (ours newer) and one duplicate, previewed
 * against the target: the rows start off, the consultant turns both on
 * through their properties, and the database gets their version and the
 * merge. Neither would happen by default (the newer version is ours; a
 * duplicate comes in as new), so this fails if a choice is lost on the
 * way from the row to the apply step. */
static void
test_choices_reach_apply (void)
{
  g_autofree char *source_dir = data_path ("choices-source");
  g_autofree char *target_dir = data_path ("choices-target");
  g_autofree char *path = data_path ("scelte.sportello");
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) a = sportello_database_open (source_dir, &error);
  g_autoptr(SportelloDatabase) b = sportello_database_open (target_dir, &error);
  g_autoptr(SportelloClient) shared = sportello_client_new ();
  g_autoptr(SportelloClient) ours = sportello_client_new ();
  g_autoptr(SportelloClient) twin = sportello_client_new ();
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(SportelloImportChoice) conflict_item = NULL;
  g_autoptr(SportelloImportChoice) duplicate_item = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  SportelloImportDialog *dialog;
  GtkWidget *window;
  GtkWidget *conflict_row;
  GtkWidget *duplicate_row;

  g_assert_no_error (error);

  /* a client both sides have */
  sportello_client_set (shared, SPORTELLO_CLIENT_NAME, "Enoteca Sala");
  g_assert_true (sportello_client_save (shared, a, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  bundle = sportello_bundle_load (path, &error);
  g_assert_true (sportello_bundle_apply (bundle, b, SPORTELLO_CONFLICT_NEWER, "scelte.sportello", counts, &error));
  g_clear_pointer (&bundle, sportello_bundle_free);

  /* a firm of ours, and theirs with the same P.IVA, with a meeting */
  sportello_client_set (ours, SPORTELLO_CLIENT_NAME, "Forno Rossi");
  sportello_client_set (ours, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
  g_assert_true (sportello_client_save (ours, b, &error));
  sportello_client_set (twin, SPORTELLO_CLIENT_NAME, "Forno Rossi di Rossi Anna");
  sportello_client_set (twin, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
  g_assert_true (sportello_client_save (twin, a, &error));
  meeting = sportello_meeting_new (sportello_client_get_uuid (twin));
  sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, "Visita al forno");
  g_assert_true (sportello_meeting_save (meeting, a, &error));

  /* they change the shared client, then we do: ours is the newer one */
  g_usleep (2000);
  sportello_client_set (shared, SPORTELLO_CLIENT_NOTES, "cambiato da loro");
  g_assert_true (sportello_client_save (shared, a, &error));
  g_assert_true (sportello_bundle_export (a, NULL, path, &error));
  g_usleep (2000);
  {
    g_autoptr(SportelloClient) mine = sportello_client_load (b, sportello_client_get_uuid (shared), &error);

    sportello_client_set (mine, SPORTELLO_CLIENT_NOTES, "nostro");
    g_assert_true (sportello_client_save (mine, b, &error));
  }
  g_assert_cmpuint (n_clients (b), ==, 2);

  /* checked and previewed as the window does, through the store */
  bundle = sportello_bundle_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (sportello_bundle_preview (bundle, b, counts, &error));
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].conflicts, ==, 1);
  g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates, ==, 1);
  conflicts = sportello_bundle_list_conflicts (bundle, b, &error);
  duplicates = sportello_bundle_list_duplicates (bundle, b, &error);
  g_assert_no_error (error);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  dialog = sportello_import_dialog_new ("scelte.sportello", bundle, counts, conflicts, duplicates);
  adw_dialog_present (ADW_DIALOG (dialog), window);
  sportello_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "import"));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Importare il pacchetto?");

  /* one row each, bound to the dialog's items */
  g_assert_cmpuint (g_list_model_get_n_items (sportello_import_dialog_get_conflicts (dialog)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sportello_import_dialog_get_duplicates (dialog)), ==, 1);
  conflict_item = g_list_model_get_item (sportello_import_dialog_get_conflicts (dialog), 0);
  duplicate_item = g_list_model_get_item (sportello_import_dialog_get_duplicates (dialog), 0);
  conflict_row = sportello_test_find_type (GTK_WIDGET (dialog), SPORTELLO_TYPE_IMPORT_CONFLICT_ROW);
  duplicate_row = sportello_test_find_type (GTK_WIDGET (dialog), SPORTELLO_TYPE_IMPORT_DUPLICATE_ROW);
  g_assert_nonnull (conflict_row);
  g_assert_nonnull (duplicate_row);
  g_assert_true (sportello_import_conflict_row_get_item (SPORTELLO_IMPORT_CONFLICT_ROW (conflict_row)) == conflict_item);
  g_assert_true (sportello_import_duplicate_row_get_item (SPORTELLO_IMPORT_DUPLICATE_ROW (duplicate_row)) == duplicate_item);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (conflict_row)), ==, "Enoteca Sala");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (duplicate_row)), ==, "Forno Rossi di Rossi Anna");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (duplicate_row)), ==, "Unisci a «Forno Rossi»");

  /* ours is newer: “take theirs” starts off; a merge is never done unasked */
  {
    gboolean take_theirs = TRUE, merge = TRUE;

    g_object_get (conflict_row, "take-theirs", &take_theirs, NULL);
    g_object_get (duplicate_row, "merge", &merge, NULL);
    g_assert_false (take_theirs);
    g_assert_false (merge);
    g_assert_false (sportello_import_choice_get_accepted (conflict_item));
    g_assert_false (sportello_import_choice_get_accepted (duplicate_item));
  }

  /* the consultant's choices, through the rows' properties: the items
   * and the switches follow */
  g_object_set (conflict_row, "take-theirs", TRUE, NULL);
  g_object_set (duplicate_row, "merge", TRUE, NULL);
  g_assert_true (sportello_import_choice_get_accepted (conflict_item));
  g_assert_true (sportello_import_choice_get_accepted (duplicate_item));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sportello_test_find_type (conflict_row, GTK_TYPE_SWITCH))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sportello_test_find_type (duplicate_row, GTK_TYPE_SWITCH))));
  g_free (sportello_test_screenshot (window, "import-dialog-choices"));

  /* applied as the window does: the choices, then the policy */
  sportello_import_dialog_apply_choices (dialog, bundle);
  g_assert_true (sportello_bundle_apply (bundle, b, sportello_import_dialog_get_policy (dialog),
                                         "scelte.sportello", counts, &error));
  g_assert_no_error (error);
  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  sportello_test_iterate (50);

  /* their version, and their client joined ours with its meeting */
  {
    g_autoptr(SportelloClient) result = sportello_client_load (b, sportello_client_get_uuid (shared), &error);
    g_autoptr(GListModel) meetings = sportello_meeting_list (b, sportello_client_get_uuid (ours), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sportello_client_get (result, SPORTELLO_CLIENT_NOTES), ==, "cambiato da loro");
    g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
    g_assert_cmpuint (n_clients (b), ==, 2);
  }
}

/* The rows' switches are the rows' properties, both ways */
static void
test_rows_follow_switch (void)
{
  SportelloConflict conflict = {
    .kind = SPORTELLO_RECORD_KIND_CLIENT,
    .uuid = (char *) "0d6e4a52-3b1e-4c2a-9d3f-6b1f0c9a7e21",
    .description = (char *) "",
    .ours_updated_at = (char *) "2026-03-02T10:00:00Z",
    .theirs_updated_at = (char *) "2026-03-01T10:00:00Z",
  };
  g_autoptr(SportelloImportChoice) item = sportello_import_choice_new (&conflict);
  GtkWidget *row = g_object_ref_sink (sportello_import_conflict_row_new (item));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *rows = gtk_list_box_new ();
  GtkWidget *toggle;

  gtk_list_box_append (GTK_LIST_BOX (rows), row);
  gtk_window_set_child (GTK_WINDOW (window), rows);
  gtk_window_present (GTK_WINDOW (window));
  sportello_test_wait_for_draw (row);
  toggle = sportello_test_find_type (row, GTK_TYPE_SWITCH);

  /* no description: the kind of record names it */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Clienti");
  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (sportello_import_conflict_row_get_take_theirs (SPORTELLO_IMPORT_CONFLICT_ROW (row)));
  g_assert_true (sportello_import_choice_get_accepted (item));
  sportello_import_choice_set_accepted (item, FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/import-dialog/choices-reach-apply", test_choices_reach_apply);
  g_test_add_func ("/ui/import-dialog/rows-follow-switch", test_rows_follow_switch);

  return g_test_run ();
}
