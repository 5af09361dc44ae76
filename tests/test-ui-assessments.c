/* test-ui-assessments.c: an assessment in progress, and its results
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-assessment.h"
#include "sportello-assessment-page.h"
#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-clients-page.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-test-ui.h"
#include "sportello-window.h"

static void
test_assessment (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-assessment", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  g_autofree char *shot1 = NULL;
  g_autofree char *shot2 = NULL;
  SportelloClientsPage *clients;
  SportelloAssessmentPage *page;
  GtkWindow *window;
  GtkWidget *client_page;
  SportelloScore *score;
  static const int ceramics[] = {
    2, 2, 1, 1,   2, 2, 1, 1,   2, 2, 1, 2,   2, 2, 1, 1,   1, 2, 1, 1,
    2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1,
    1, 1, 0, 1,   2, 2, 1,   1, 1, 1,   2, 1, 1, 2,
  };

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClient) client = sportello_client_new ();

    sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Laboratorio di ceramica Iannone");
    g_assert_true (sportello_client_save (client, db, &error));
    client_uuid = g_strdup (sportello_client_get_uuid (client));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 760);
  clients = _sportello_window_get_clients_page (SPORTELLO_WINDOW (window));
  sportello_clients_page_open_client (clients, client_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  client_page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE);
  g_assert_nonnull (client_page);

  /* a new assessment, answered part by part: a provisional score */
  gtk_widget_activate_action (client_page, "client.new-assessment", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_ASSESSMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE));
  g_assert_nonnull (page);

  {
    SportelloChecklist *checklist = sportello_checklist_get_builtin ();

    for (guint i = 0; i < 20; i++)
      sportello_assessment_page_answer (page, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                        (SportelloAnswer) ceramics[i], "");
    score = sportello_assessment_page_get_score (page);
    g_assert_cmpuint (score->n_unanswered, ==, 25);
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Provvisorio — 25 voci senza risposta"));
    shot1 = sportello_test_screenshot (GTK_WIDGET (window), "assessment-in-progress");

    for (guint i = 20; i < checklist->items->len; i++)
      sportello_assessment_page_answer (page, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                        (SportelloAnswer) ceramics[i], ceramics[i] == 3 ? "Microimpresa" : "");
  }

  /* Example B of the domain notes: 73,5, Pronta */
  score = sportello_assessment_page_get_score (page);
  g_assert_cmpuint (score->tenths, ==, 735);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "73,5/100 — Pronta"));
  sportello_test_iterate (200);
  shot2 = sportello_test_screenshot (GTK_WIDGET (window), "assessment-results");

  /* autosave: close the window at once, the answers are there */
  gtk_window_destroy (window);
  sportello_test_iterate (50);
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) history = sportello_assessment_list (db, client_uuid, &error);
    g_autoptr(SportelloAssessment) saved = g_list_model_get_item (history, 0);
    g_autoptr(SportelloChecklist) checklist = sportello_checklist_load_version (db, sportello_assessment_get (saved, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), &error);
    g_autoptr(SportelloScore) stored = sportello_assessment_score (saved, checklist);

    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
    g_assert_cmpuint (stored->tenths, ==, 735);
    g_assert_cmpuint (stored->n_unanswered, ==, 0);
  }

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/assessments/fill-and-results", test_assessment);

  return g_test_run ();
}
