/* test-ui-grants.c: the Grant Calls section, a call's page, the firms
 * that fit it and an application followed to its outcome
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-client.h"
#include "sportello-client-grants.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-follow-up.h"
#include "sportello-grant-application.h"
#include "sportello-grant-application-dialog.h"
#include "sportello-grant-call.h"
#include "sportello-grant-call-page.h"
#include "sportello-grants-section.h"
#include "sportello-section.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

typedef struct
{
  char *call_uuid;
  char *near_uuid;   /* a client in the call's province */
  char *far_uuid;    /* one elsewhere */
} Fixture;

static void
make_data (const char *data_dir,
           Fixture    *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) near = sportello_client_new ();
  g_autoptr(SportelloClient) far = sportello_client_new ();
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("Voucher digitalizzazione Como");
  g_autoptr(SportelloGrantCall) other = sportello_grant_call_new ("Bando export Lazio");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_months = g_date_time_add_months (now, 2);
  /* the 15th, always ahead and always “il 15”: on the 1st, 8th and 11th
   * Italian elides the article (“l'11 gennaio”) */
  g_autoptr(GDateTime) later = g_date_time_new_local (g_date_time_get_year (next_months),
                                                      g_date_time_get_month (next_months), 15, 0, 0, 0);
  g_autofree char *deadline = g_date_time_format (later, "%Y-%m-%d");

  g_assert_no_error (error);
  sportello_client_set (near, SPORTELLO_CLIENT_NAME, "Tessitura Lariana");
  sportello_client_set (near, SPORTELLO_CLIENT_PROVINCE, "CO");
  g_assert_true (sportello_client_save (near, db, &error));
  sportello_client_set (far, SPORTELLO_CLIENT_NAME, "Forno Trastevere");
  sportello_client_set (far, SPORTELLO_CLIENT_PROVINCE, "RM");
  g_assert_true (sportello_client_save (far, db, &error));

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_FUNDER, "chamber");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_KIND, "voucher");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_PROVINCES, "CO,LC");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, deadline);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DOCUMENTS, "Preventivi\nVisura camerale");
  sportello_grant_call_set_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT, 50);
  g_assert_true (sportello_grant_call_save (call, db, &error));
  g_assert_no_error (error);

  sportello_grant_call_set (other, SPORTELLO_GRANT_CALL_FUNDER, "region");
  sportello_grant_call_set (other, SPORTELLO_GRANT_CALL_KIND, "grant");
  sportello_grant_call_set (other, SPORTELLO_GRANT_CALL_REGIONS, "lazio");
  sportello_grant_call_set_flag (other, SPORTELLO_GRANT_CALL_FIRST_COME, TRUE);
  g_assert_true (sportello_grant_call_save (other, db, &error));

  fx->call_uuid = g_strdup (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  fx->near_uuid = g_strdup (sportello_client_get_uuid (near));
  fx->far_uuid = g_strdup (sportello_client_get_uuid (far));
}

/* the check button of the picker's row titled @title */
static GtkCheckButton *
choice (AdwDialog  *picker,
        const char *title)
{
  GtkWidget *row = sportello_test_find_row (GTK_WIDGET (picker), ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  return GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static void
test_call_to_funded (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-grants", NULL);
  Fixture fx = { NULL, };
  g_autoptr(SportelloApplication) app = NULL;
  GtkWindow *window;
  SportelloGrantsSection *grants;
  GtkWidget *page, *row, *button, *dialog;
  g_autofree char *shot = NULL;
  g_autofree char *shot2 = NULL;
  g_autofree char *shot3 = NULL;

  make_data (data_dir, &fx);
  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1100, 800);

  /* the section lists both calls, the one with a deadline first */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "grants");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  grants = _sportello_window_get_grants_section (SPORTELLO_WINDOW (window));
  g_assert_nonnull (grants);
  g_assert_cmpuint (g_list_model_get_n_items (sportello_grants_section_get_model (grants)), ==, 2);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Voucher digitalizzazione Como"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "a sportello"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (window), "scade il 15 "));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "grants");

  /* the call's page lists the firm in its province, not the one in Rome */
  sportello_grants_section_open (grants, fx.call_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_CALL_PAGE);
  g_assert_nonnull (page);
  row = sportello_test_find_row (GTK_WIDGET (sportello_grant_call_page_get_matches (SPORTELLO_GRANT_CALL_PAGE (page))), ADW_TYPE_PREFERENCES_ROW,
                         "Tessitura Lariana");
  g_assert_nonnull (row);
  /* its province is known, its size and sector are not asked: it fits */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Ha i requisiti"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Regione o provincia"));
  g_assert_null (sportello_test_find_row (GTK_WIDGET (sportello_grant_call_page_get_matches (SPORTELLO_GRANT_CALL_PAGE (page))), ADW_TYPE_PREFERENCES_ROW,
                                  "Forno Trastevere"));
  shot2 = sportello_test_screenshot (GTK_WIDGET (window), "grant-call");
  /* and, further down, the firms that fit */
  {
    GtkWidget *scrolled = sportello_test_find_type (page, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "grant-call-fits"));
  }

  /* start an application from the firm's row */
  button = sportello_test_find_button (row, "_Avvia domanda");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  dialog = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_APPLICATION_DIALOG);
  g_assert_nonnull (dialog);

  /* tick a document, then move it to funded */
  {
    GtkWidget *doc = sportello_test_find_row (dialog, ADW_TYPE_PREFERENCES_ROW, "Visura camerale");

    g_assert_nonnull (doc);
    adw_switch_row_set_active (ADW_SWITCH_ROW (doc), TRUE);
  }
  adw_combo_row_set_selected (sportello_grant_application_dialog_get_status_row (SPORTELLO_GRANT_APPLICATION_DIALOG (dialog)), 4);
  sportello_test_iterate (100);
  g_assert_nonnull (sportello_test_find_row (dialog, ADW_TYPE_PREFERENCES_ROW, "Finanziata"));
  shot3 = sportello_test_screenshot (GTK_WIDGET (window), "grant-application");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  sportello_test_iterate (200);

  /* the page now lists the application */
  g_assert_nonnull (sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Tessitura Lariana"));

  /* the store has it funded, with its history */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) list = sportello_grant_application_list (db, fx.near_uuid, fx.call_uuid, &error);
    g_autoptr(SportelloGrantApplication) a = NULL;
    g_autoptr(GPtrArray) history = NULL;
    SportelloGrantStatusChange *first, *last;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    a = g_list_model_get_item (list, 0);
    g_assert_cmpstr (sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_STATUS), ==, "funded");
    g_assert_true (sportello_grant_application_get_document_done (a, "Visura camerale"));
    g_assert_false (sportello_grant_application_get_document_done (a, "Preventivi"));
    history = sportello_grant_application_dup_history (a);
    g_assert_cmpuint (history->len, ==, 2);
    first = g_ptr_array_index (history, 0);
    last = g_ptr_array_index (history, 1);
    g_assert_cmpstr (first->status, ==, "interested");
    g_assert_cmpstr (last->status, ==, "funded");
    g_assert_nonnull (last->changed_at);

    /* nobody applied for the firm in Rome */
    g_clear_object (&list);
    list = sportello_grant_application_list (db, fx.far_uuid, NULL, &error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }

  /* a criterion picked on the page is stored, and the fits follow it */
  {
    GtkWidget *area = sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "_Regioni e province");
    GtkWidget *rm, *lazio, *search;
    AdwDialog *picker;
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = NULL;
    g_autoptr(SportelloGrantCall) stored = NULL;

    g_assert_nonnull (area);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (area)), ==, "CO, LC");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "_Dimensioni d’impresa"))), ==,
                     "Qualsiasi dimensione");
    picker = sportello_grant_call_page_pick (SPORTELLO_GRANT_CALL_PAGE (page), "area");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    /* the provinces asked are ticked */
    g_assert_true (gtk_check_button_get_active (choice (picker, "CO")));
    /* a search narrows the list to a region and its provinces */
    search = sportello_test_find_type (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (search), "lazio");
    sportello_test_iterate (300);
    rm = sportello_test_find_row (GTK_WIDGET (picker), ADW_TYPE_PREFERENCES_ROW, "RM");
    lazio = sportello_test_find_row (GTK_WIDGET (picker), ADW_TYPE_PREFERENCES_ROW, "Lazio");
    g_assert_true (gtk_widget_get_child_visible (rm));
    g_assert_true (gtk_widget_get_child_visible (lazio));
    g_assert_false (gtk_widget_get_child_visible (sportello_test_find_row (GTK_WIDGET (picker), ADW_TYPE_PREFERENCES_ROW, "CO")));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "grant-call-area"));
    gtk_check_button_set_active (choice (picker, "RM"), TRUE);
    adw_dialog_force_close (picker);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (area)), ==, "CO, LC, RM");
    sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));
    /* the fits reload when the store says the call changed, on an idle */
    for (guint i = 0; i < 100 && !sportello_test_find_row (GTK_WIDGET (sportello_grant_call_page_get_matches (SPORTELLO_GRANT_CALL_PAGE (page))), ADW_TYPE_PREFERENCES_ROW,
                                                   "Forno Trastevere"); i++)
      sportello_test_iterate (50);
    g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (sportello_grant_call_page_get_matches (SPORTELLO_GRANT_CALL_PAGE (page))), ADW_TYPE_PREFERENCES_ROW,
                                       "Forno Trastevere"));
    db = sportello_database_open (data_dir, &error);
    stored = sportello_grant_call_load (db, fx.call_uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_PROVINCES), ==, "CO,LC,RM");

    /* sizes and sectors: ticked in their pickers, stored as their ids */
    picker = sportello_grant_call_page_pick (SPORTELLO_GRANT_CALL_PAGE (page), "sizes");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    gtk_check_button_set_active (choice (picker, "Micro (meno di 10 addetti)"), TRUE);
    gtk_check_button_set_active (choice (picker, "Piccola (da 10 a 49 addetti)"), TRUE);
    adw_dialog_force_close (picker);
    picker = sportello_grant_call_page_pick (SPORTELLO_GRANT_CALL_PAGE (page), "sectors");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "grant-call-sectors"));
    gtk_check_button_set_active (choice (picker, "Attività manifatturiere"), TRUE);
    adw_dialog_force_close (picker);
    sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));
    g_clear_object (&stored);
    stored = sportello_grant_call_load (db, fx.call_uuid, &error);
    g_assert_cmpstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_SIZES), ==, "micro,small");
    g_assert_cmpstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_ATECO_SECTIONS), ==, "C");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Sezioni _ATECO"))), ==, "C");

    /* unticked, the criterion goes */
    picker = sportello_grant_call_page_pick (SPORTELLO_GRANT_CALL_PAGE (page), "sizes");
    gtk_check_button_set_active (choice (picker, "Micro (meno di 10 addetti)"), FALSE);
    gtk_check_button_set_active (choice (picker, "Piccola (da 10 a 49 addetti)"), FALSE);
    adw_dialog_force_close (picker);
    picker = sportello_grant_call_page_pick (SPORTELLO_GRANT_CALL_PAGE (page), "sectors");
    gtk_check_button_set_active (choice (picker, "Attività manifatturiere"), FALSE);
    adw_dialog_force_close (picker);
    sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));
    g_clear_object (&stored);
    stored = sportello_grant_call_load (db, fx.call_uuid, &error);
    g_assert_cmpstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_SIZES), ==, "");
    g_assert_cmpstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_ATECO_SECTIONS), ==, "");
  }

  /* the client page shows the application, and the firm in Rome the
   * open call of its region, which opens in the Grant Calls section */
  {
    SportelloClientsSection *clients = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
    GtkWidget *grants_group, *call_row;
    g_autofree char *shot4 = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients");
    sportello_clients_section_open_client (clients, fx.near_uuid);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    grants_group = sportello_test_find_type (GTK_WIDGET (clients), SPORTELLO_TYPE_CLIENT_GRANTS);
    g_assert_nonnull (grants_group);
    call_row = sportello_test_find_row (grants_group, ADW_TYPE_PREFERENCES_ROW, "Voucher digitalizzazione Como");
    g_assert_nonnull (call_row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (call_row)), "Finanziata"));
    g_assert_null (sportello_test_find_row (grants_group, ADW_TYPE_PREFERENCES_ROW, "Bando export Lazio"));

    sportello_clients_section_open_client (clients, fx.far_uuid);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    /* the first client's page had no such row: this is the second's */
    call_row = sportello_test_find_row (GTK_WIDGET (clients), ADW_TYPE_PREFERENCES_ROW, "Bando export Lazio");
    g_assert_nonnull (call_row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (call_row)), "Regione o provincia"));
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (call_row, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      sportello_test_wait_for_draw (GTK_WIDGET (window));
    }
    shot4 = sportello_test_screenshot (GTK_WIDGET (window), "client-grants");

    g_signal_emit_by_name (call_row, "activate");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "grants");
    page = sportello_test_find_type (GTK_WIDGET (grants), SPORTELLO_TYPE_GRANT_CALL_PAGE);
    g_assert_nonnull (page);
    g_assert_cmpstr (sportello_grant_call_get (sportello_grant_call_page_get_call (SPORTELLO_GRANT_CALL_PAGE (page)),
                                               SPORTELLO_GRANT_CALL_TITLE), ==, "Bando export Lazio");
  }

  sportello_test_app_quit (app);
  g_free (fx.call_uuid);
  g_free (fx.near_uuid);
  g_free (fx.far_uuid);
}

/* the open follow-ups a client's application made, by due date */
static char *
application_follow_ups (SportelloDatabase *db,
                        const char        *client_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = sportello_follow_up_list_open (db, client_uuid, NULL, &error);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SportelloFollowUp) f = g_list_model_get_item (list, i);

      if (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_APPLICATION_UUID)[0] != '\0')
        g_ptr_array_add (dates, g_strdup (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_DUE_DATE)));
    }
  g_ptr_array_sort_values (dates, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (dates, NULL);
  return g_strjoinv (",", (char **) dates->pdata);
}

static char *
days_before (const char *deadline,
             int         days)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (deadline, NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);
  g_autoptr(GDateTime) before = g_date_time_add_days (local, -days);

  return g_date_time_format (before, "%Y-%m-%d");
}

static void
test_reminders_delete_undo (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-grant-reminders", NULL);
  Fixture fx = { NULL, };
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloGrantCall) call = NULL;
  g_autoptr(GListModel) list = NULL;
  GtkWindow *window;
  SportelloGrantsSection *grants;
  GtkWidget *page, *row, *button, *dialog, *undo;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *d30 = NULL;
  g_autofree char *d7 = NULL;
  g_autofree char *d14 = NULL;
  g_autofree char *d3 = NULL;

  make_data (data_dir, &fx);
  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1100, 800);
  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  call = sportello_grant_call_load (db, fx.call_uuid, &error);
  g_assert_no_error (error);
  d14 = days_before (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_DEADLINE), 14);
  d3 = days_before (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_DEADLINE), 3);
  d30 = days_before (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_DEADLINE), 30);
  d7 = days_before (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_DEADLINE), 7);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "grants");
  grants = _sportello_window_get_grants_section (SPORTELLO_WINDOW (window));
  sportello_grants_section_open (grants, fx.call_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_CALL_PAGE);
  row = sportello_test_find_row (GTK_WIDGET (sportello_grant_call_page_get_matches (SPORTELLO_GRANT_CALL_PAGE (page))), ADW_TYPE_PREFERENCES_ROW,
                         "Tessitura Lariana");
  button = sportello_test_find_button (row, "_Avvia domanda");
  g_signal_emit_by_name (button, "clicked");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  dialog = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_APPLICATION_DIALOG);
  g_assert_nonnull (dialog);

  /* the default reminders, 14 and 3 days before the deadline */
  expected = g_strdup_printf ("%s,%s", d14, d3);
  g_free (got);
  got = application_follow_ups (db, fx.near_uuid);
  g_assert_cmpstr (got, ==, expected);

  /* changed in the dialog, the follow-ups follow */
  row = sportello_test_find_row (dialog, ADW_TYPE_PREFERENCES_ROW, "_Giorni prima di una scadenza, per esempio 14, 3");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "14, 3");
  gtk_editable_set_text (GTK_EDITABLE (row), "30, 7");
  sportello_grant_application_dialog_flush (SPORTELLO_GRANT_APPLICATION_DIALOG (dialog));
  g_free (expected);
  expected = g_strdup_printf ("%s,%s", d30, d7);
  g_free (got);
  got = application_follow_ups (db, fx.near_uuid);
  g_assert_cmpstr (got, ==, expected);
  /* what is no list of days is not stored, and the row says so */
  gtk_editable_set_text (GTK_EDITABLE (row), "30, tra poco");
  sportello_grant_application_dialog_flush (SPORTELLO_GRANT_APPLICATION_DIALOG (dialog));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_free (got);
  got = application_follow_ups (db, fx.near_uuid);
  g_assert_cmpstr (got, ==, expected);
  gtk_editable_set_text (GTK_EDITABLE (row), "30, 7");
  sportello_grant_application_dialog_flush (SPORTELLO_GRANT_APPLICATION_DIALOG (dialog));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "grant-application-reminders"));

  /* deleted from the dialog: gone, with its follow-ups */
  g_assert_true (gtk_widget_activate_action (dialog, "application.delete", NULL));
  /* the dialog closes with its animation, which a busy machine draws slowly */
  for (guint i = 0; i < 100 && sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_APPLICATION_DIALOG); i++)
    sportello_test_iterate (50);
  g_assert_null (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_APPLICATION_DIALOG));
  list = sportello_grant_application_list (db, fx.near_uuid, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);
  g_free (got);
  got = application_follow_ups (db, fx.near_uuid);
  g_assert_cmpstr (got, ==, "");

  /* Undo brings it back, with its reminders and a history of one step */
  undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  sportello_test_iterate (200);
  list = sportello_grant_application_list (db, fx.near_uuid, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(SportelloGrantApplication) a = g_list_model_get_item (list, 0);
    g_autoptr(GPtrArray) history = sportello_grant_application_dup_history (a);

    g_assert_cmpstr (sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS), ==, "30, 7");
    g_assert_cmpuint (history->len, ==, 1);
  }
  g_free (got);
  got = application_follow_ups (db, fx.near_uuid);
  g_assert_cmpstr (got, ==, expected);

  sportello_test_app_quit (app);
  g_free (fx.call_uuid);
  g_free (fx.near_uuid);
  g_free (fx.far_uuid);
}

static guint
count_calls (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GListModel) calls = sportello_grant_call_list (db, NULL, now, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (calls);
}

/* “Nuovo bando” and back with nothing written leaves nothing; the dates
 * are typed the Italian way, with a calendar */
static void
test_new_call_dates (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-grants-new", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloGrantsSection *grants;
  GtkWidget *page, *opens, *deadline;
  g_autofree char *uuid = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "grants");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  grants = _sportello_window_get_grants_section (SPORTELLO_WINDOW (window));
  g_assert_cmpuint (count_calls (data_dir), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grants), "grants.new", NULL));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_CALL_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpuint (count_calls (data_dir), ==, 1);
  gtk_widget_activate_action (page, "navigation.pop", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_CALL_PAGE));
  g_assert_cmpuint (count_calls (data_dir), ==, 0);

  /* written in: kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grants), "grants.new", NULL));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_CALL_PAGE);
  uuid = g_strdup (sportello_grant_call_get (sportello_grant_call_page_get_call (SPORTELLO_GRANT_CALL_PAGE (page)),
                                             SPORTELLO_GRANT_CALL_UUID));
  opens = sportello_test_find_row (page, ADW_TYPE_ENTRY_ROW, "_Apertura");
  deadline = sportello_test_find_row (page, ADW_TYPE_ENTRY_ROW, "_Scadenza");
  g_assert_nonnull (opens);
  g_assert_nonnull (deadline);
  /* each has its calendar */
  g_assert_nonnull (sportello_test_find_type (opens, GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (sportello_test_find_type (deadline, GTK_TYPE_MENU_BUTTON));
  /* made when it is first opened, on the day typed, and kept */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (sportello_test_find_type (deadline, GTK_TYPE_MENU_BUTTON));
    GtkWidget *calendar;
    g_autoptr(GDateTime) shown = NULL;

    g_assert_null (gtk_menu_button_get_popover (button));
    g_assert_null (sportello_test_find_type (page, GTK_TYPE_CALENDAR));
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
    gtk_editable_set_text (GTK_EDITABLE (deadline), "15/03/2027");
    gtk_menu_button_popup (button);
    calendar = gtk_popover_get_child (gtk_menu_button_get_popover (button));
    g_assert_true (GTK_IS_CALENDAR (calendar));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
    shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 15);
    gtk_menu_button_popdown (button);
    gtk_menu_button_popup (button);
    g_assert_true (gtk_popover_get_child (gtk_menu_button_get_popover (button)) == calendar);
    gtk_menu_button_popdown (button);
  }

  gtk_editable_set_text (GTK_EDITABLE (opens), "1/12/2026");
  gtk_editable_set_text (GTK_EDITABLE (deadline), "32/13/2026");
  sportello_test_iterate (1200);
  g_assert_true (gtk_widget_has_css_class (deadline, "error"));
  g_assert_false (gtk_widget_has_css_class (opens, "error"));
  gtk_editable_set_text (GTK_EDITABLE (deadline), "31/01/2027");
  sportello_test_iterate (1200);
  g_assert_false (gtk_widget_has_css_class (deadline, "error"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "grant-call-dates"));
  gtk_widget_activate_action (page, "navigation.pop", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (count_calls (data_dir), ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloGrantCall) call = sportello_grant_call_load (db, uuid, &error);
    g_autoptr(GDateTime) opens_at = NULL;
    g_autoptr(GDateTime) local = NULL;

    g_assert_no_error (error);
    /* the start of the opening day, the end of the deadline's, in Rome */
    g_assert_cmpstr (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_OPENS_AT), ==, "2026-11-30T23:00:00Z");
    g_assert_cmpstr (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_DEADLINE), ==, "2027-01-31T22:59:59Z");
    opens_at = g_date_time_new_from_iso8601 (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_OPENS_AT), NULL);
    local = g_date_time_to_local (opens_at);
    g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 1);
  }

  /* shown again the Italian way */
  sportello_grants_section_open (grants, uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_CALL_PAGE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sportello_test_find_row (page, ADW_TYPE_ENTRY_ROW, "_Scadenza"))), ==, "31/01/2027");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sportello_test_find_row (page, ADW_TYPE_ENTRY_ROW, "_Apertura"))), ==, "01/12/2026");

  sportello_test_app_quit (app);
}

/* The section loads in the background after the window's first frame and
 * follows changes while hidden: it is populated before it is first shown */
static void
test_preloaded (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-grants-preloaded", NULL);
  Fixture fx = { NULL, };
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("Bando innovazione Lombardia");
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db;
  SportelloGrantsSection *grants;
  GListModel *model;
  GtkWindow *window;

  make_data (data_dir, &fx);
  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  grants = _sportello_window_get_grants_section (SPORTELLO_WINDOW (window));
  model = sportello_grants_section_get_model (grants);

  /* never shown, yet listed */
  sportello_test_wait_for_n_items (model, 2);
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "clients");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (grants)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_false (sportello_widget_get_stale (GTK_WIDGET (grants)));

  /* a call added while it is hidden joins the list before it is shown */
  db = sportello_application_get_database (app, &error);
  g_assert_no_error (error);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_FUNDER, "region");
  g_assert_true (sportello_grant_call_save (call, db, &error));
  g_assert_no_error (error);
  sportello_test_wait_for_n_items (model, 3);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (grants)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_false (sportello_widget_get_stale (GTK_WIDGET (grants)));

  /* shown, it has nothing left to load and lists all three */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "grants");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Bando innovazione Lombardia"));

  sportello_test_app_quit (app);
  g_free (fx.call_uuid);
  g_free (fx.near_uuid);
  g_free (fx.far_uuid);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/grants/call-to-funded", test_call_to_funded);
  g_test_add_func ("/ui/grants/reminders-delete-undo", test_reminders_delete_undo);
  g_test_add_func ("/ui/grants/new-call-dates", test_new_call_dates);
  g_test_add_func ("/ui/grants/preloaded", test_preloaded);

  return g_test_run ();
}
