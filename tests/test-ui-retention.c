/* test-ui-retention.c: the review of clients past retention
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-meeting.h"
#include "sportello-preferences-dialog.h"
#include "sportello-retention.h"
#include "sportello-retention-dialog.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

static char *
make_client (SportelloDatabase *db,
             const char        *name,
             const char        *municipality,
             const char        *last_change)
{
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
  sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, municipality);
  sportello_client_set (client, SPORTELLO_CLIENT_PROVINCE, "CO");
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);

  if (last_change != NULL)
    {
      g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (client));

      sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, "Incontro con il titolare");
      g_assert_true (sportello_meeting_save (meeting, db, &error));
      sql = g_strdup_printf ("UPDATE meetings SET starts_at = '%1$s', updated_at = '%1$s' "
                             "  WHERE client_id = (SELECT id FROM clients WHERE uuid = '%2$s');"
                             "UPDATE clients SET updated_at = '%1$s' WHERE uuid = '%2$s'",
                             last_change, sportello_client_get_uuid (client));
      g_assert_true (sportello_database_exec (db, sql, &error));
    }

  return g_strdup (sportello_client_get_uuid (client));
}

static AdwDialog *
visible_dialog (GtkWindow *window)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
}

/* The review's row of @name, and its button labelled @label */
static GtkWidget *
row_button (SportelloRetentionDialog *dialog,
            const char               *name,
            const char               *label)
{
  GtkWidget *title = sportello_test_find_label (GTK_WIDGET (dialog), name);
  GtkWidget *row;
  GtkWidget *button;

  g_assert_nonnull (title);
  row = gtk_widget_get_ancestor (title, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  button = sportello_test_find_button (row, label);
  g_assert_nonnull (button);

  return button;
}

/* Clicks @label on @name's row, then answers the confirmation with @response */
static void
confirm_on_row (GtkWindow                *window,
                SportelloRetentionDialog *dialog,
                const char               *name,
                const char               *label,
                const char               *response,
                const char               *shot_name)
{
  g_autofree char *shot = NULL;
  AdwDialog *alert;

  g_signal_emit_by_name (row_button (dialog, name, label), "clicked");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  alert = visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (alert), response));
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (ADW_ALERT_DIALOG (alert), response), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  if (shot_name != NULL)
    shot = sportello_test_screenshot (GTK_WIDGET (window), shot_name);
  g_signal_emit_by_name (alert, "response", response);
  adw_dialog_force_close (alert);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
}

static void
test_review (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-retention", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autofree char *anonymised_uuid = NULL;
  g_autofree char *erased_uuid = NULL;
  g_autofree char *kept_uuid = NULL;
  g_autofree char *shot1 = NULL;
  g_autofree char *shot2 = NULL;
  g_autofree char *shot3 = NULL;
  g_autofree char *shot4 = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  SportelloRetentionDialog *review;
  SportelloClientsSection *page;
  GtkWindow *window;
  GtkWidget *banner;
  GtkWidget *combo;
  AdwDialog *preferences;
  GSettings *settings;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autofree char *recent = NULL;

    g_assert_no_error (error);
    kept_uuid = make_client (db, "Studio Tenuto", "Como", "2018-02-10T09:00:00Z");
    anonymised_uuid = make_client (db, "Ferramenta Antica", "Lomazzo", "2019-05-20T09:00:00Z");
    erased_uuid = make_client (db, "Bar Dimenticato", "Cantù", "2020-09-01T09:00:00Z");
    recent = make_client (db, "Panificio Attivo", "Erba", NULL);
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 700);
  page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  settings = sportello_application_get_settings (app);

  /* by default clients are kept for ever: no banner */
  g_assert_cmpint (g_settings_get_int (settings, "client-retention-years"), ==, 0);
  banner = sportello_test_find_type (GTK_WIDGET (page), ADW_TYPE_BANNER);
  g_assert_nonnull (banner);
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));

  /* two years, chosen in Preferences */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  preferences = visible_dialog (window);
  g_assert_true (SPORTELLO_IS_PREFERENCES_DIALOG (preferences));
  combo = sportello_test_find_type (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 2);
  g_assert_cmpint (g_settings_get_int (settings, "client-retention-years"), ==, 2);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  shot1 = sportello_test_screenshot (GTK_WIDGET (window), "retention-preferences");
  adw_dialog_force_close (preferences);
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* the banner counts the three quiet clients */
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
  g_assert_cmpstr (adw_banner_get_title (ADW_BANNER (banner)), ==, "3 clienti senza attività da più di 2 anni");
  g_assert_cmpstr (adw_banner_get_button_label (ADW_BANNER (banner)), ==, "_Rivedi");
  shot2 = sportello_test_screenshot (GTK_WIDGET (window), "retention-banner");

  /* the review lists them, the longest quiet first */
  g_signal_emit_by_name (banner, "button-clicked");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (SPORTELLO_IS_RETENTION_DIALOG (visible_dialog (window)));
  review = SPORTELLO_RETENTION_DIALOG (visible_dialog (window));
  g_assert_cmpuint (sportello_retention_dialog_get_n_listed (review), ==, 3);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (review), "3 clienti senza attività da più di 2 anni"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (review), "Nessuna attività dal 10 febbraio 2018 · Como (CO)"));
  shot3 = sportello_test_screenshot (GTK_WIDGET (window), "retention-review");

  /* kept: off the list, the client as it was */
  g_signal_emit_by_name (row_button (review, "Studio Tenuto", "_Conserva"), "clicked");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (sportello_retention_dialog_get_n_listed (review), ==, 2);
  /* the banner follows the database in an idle after the commit */
  SPORTELLO_TEST_WAIT_UNTIL (g_strcmp0 (adw_banner_get_title (ADW_BANNER (banner)), "2 clienti senza attività da più di 2 anni") == 0);
  g_assert_cmpstr (adw_banner_get_title (ADW_BANNER (banner)), ==, "2 clienti senza attività da più di 2 anni");
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (review), "2 clienti senza attività da più di 2 anni"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (review), "«Studio Tenuto» conservato"));

  /* anonymised, after a confirmation */
  confirm_on_row (window, review, "Ferramenta Antica", "A_nonimizza…", "anonymise", "retention-anonymise");
  g_assert_cmpuint (sportello_retention_dialog_get_n_listed (review), ==, 1);
  /* the banner follows the database in an idle after the commit */
  SPORTELLO_TEST_WAIT_UNTIL (g_strcmp0 (adw_banner_get_title (ADW_BANNER (banner)), "1 cliente senza attività da più di 2 anni") == 0);
  g_assert_cmpstr (adw_banner_get_title (ADW_BANNER (banner)), ==, "1 cliente senza attività da più di 2 anni");
  g_assert_null (sportello_test_find_label (GTK_WIDGET (review), "Ferramenta Antica"));

  /* erased, after a confirmation: the review is done */
  confirm_on_row (window, review, "Bar Dimenticato", "Canc_ella…", "erase", "retention-erase");
  g_assert_cmpuint (sportello_retention_dialog_get_n_listed (review), ==, 0);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (review), "Revisione completata"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (review), "Tutti i dati del cliente sono stati cancellati"));
  shot4 = sportello_test_screenshot (GTK_WIDGET (window), "retention-done");
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));
  adw_dialog_force_close (ADW_DIALOG (review));
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* the list shows the anonymised client under its new name, the erased
   * one is gone */
  g_assert_cmpuint (g_list_model_get_n_items (sportello_clients_section_get_model (page)), ==, 3);
  label = g_strdup_printf ("Cliente anonimizzato %.8s", anonymised_uuid);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), label));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (page), "Bar Dimenticato"));

  /* an anonymised client is read-only: no editor opens */
  sportello_clients_section_open_client (page, anonymised_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE), "client.edit", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (visible_dialog (window));
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE), "contacts.add", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (visible_dialog (window));
  {
    g_autofree char *shot = sportello_test_screenshot (GTK_WIDGET (window), "retention-anonymised-client");
  }

  /* …and another client is not */
  sportello_clients_section_open_client (page, kept_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE), "client.edit", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (visible_dialog (window));
  adw_dialog_force_close (visible_dialog (window));
  sportello_test_iterate (100);
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE), "contacts.add", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (visible_dialog (window));
  adw_dialog_force_close (visible_dialog (window));
  sportello_test_iterate (100);

  /* the client page's erase is the same erasure */
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE), "client.erase", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (visible_dialog (window)));
  g_signal_emit_by_name (visible_dialog (window), "response", "erase");
  adw_dialog_force_close (visible_dialog (window));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (sportello_clients_section_get_model (page)), ==, 2);

  /* back to “never”: no banner */
  g_settings_set_int (settings, "client-retention-years", 0);
  sportello_test_iterate (50);
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));

  sportello_test_app_quit (app);

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClient) gone = NULL;

    g_assert_no_error (error);
    g_assert_true (sportello_retention_is_anonymised (db, anonymised_uuid));
    gone = sportello_client_load (db, erased_uuid, &error);
    g_assert_null (gone);
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    gone = sportello_client_load (db, kept_uuid, &error);
    g_assert_null (gone);
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/retention/review", test_review);

  return g_test_run ();
}
