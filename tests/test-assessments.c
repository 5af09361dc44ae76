/* test-assessments.c: assessments kept with their checklist version
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-assessment.h"
#include "sportello-client.h"
#include "sportello-database.h"

static SportelloDatabase *
open_db (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "assessments", NULL);
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db = sportello_database_open (dir, &error);

  g_assert_no_error (error);
  sportello_database_set_origin (db, "Marco Villa", "Polo di Ivrea");
  return db;
}

static void
answer_all (SportelloAssessment *assessment,
            SportelloChecklist  *checklist,
            SportelloAnswer      value)
{
  for (guint i = 0; i < checklist->items->len; i++)
    sportello_assessment_set_answer (assessment, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                     value, "");
}

static void
test_history (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  SportelloChecklist *builtin = sportello_checklist_get_builtin ();
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloAssessment) first = NULL;
  g_autoptr(SportelloAssessment) later = NULL;
  g_autoptr(SportelloAssessment) loaded = NULL;
  g_autoptr(SportelloChecklist) stored = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(SportelloScore) s1 = NULL;
  g_autoptr(SportelloScore) s2 = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *again = NULL;
  SportelloAnswer value;
  const char *note;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Bar Sport");
  g_assert_true (sportello_client_save (client, db, &error));

  /* a version is stored once, with the same UUID everywhere */
  uuid = sportello_checklist_store (db, builtin, &error);
  again = sportello_checklist_store (db, builtin, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpstr (uuid, ==, again);
  stored = sportello_checklist_load_version (db, uuid, &error);
  g_assert_cmpuint (stored->items->len, ==, builtin->items->len);

  /* the first visit */
  first = sportello_assessment_new (sportello_client_get_uuid (client), uuid);
  sportello_assessment_set (first, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2026-05-10");
  answer_all (first, stored, SPORTELLO_ANSWER_PARTIAL);
  sportello_assessment_set_answer (first, "LOG-01", SPORTELLO_ANSWER_NA, "Solo ritiro al bar");
  g_assert_true (sportello_assessment_save (first, db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_assessment_get (first, SPORTELLO_ASSESSMENT_CONSULTANT), ==, "Marco Villa");

  loaded = sportello_assessment_load (db, sportello_assessment_get (first, SPORTELLO_ASSESSMENT_UUID), &error);
  g_assert_true (sportello_assessment_get_answer (loaded, "LOG-01", &value, &note));
  g_assert_cmpint (value, ==, SPORTELLO_ANSWER_NA);
  g_assert_cmpstr (note, ==, "Solo ritiro al bar");
  g_assert_cmpuint (sportello_assessment_count_answers (loaded, stored), ==, 45);

  /* six months later, better */
  later = sportello_assessment_new (sportello_client_get_uuid (client), uuid);
  sportello_assessment_set (later, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2026-11-10");
  answer_all (later, stored, SPORTELLO_ANSWER_COMPLETE);
  g_assert_true (sportello_assessment_save (later, db, &error));

  history = sportello_assessment_list (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(SportelloAssessment) newest = g_list_model_get_item (history, 0);
    g_assert_cmpstr (sportello_assessment_get (newest, SPORTELLO_ASSESSMENT_ASSESSED_ON), ==, "2026-11-10");
  }

  s1 = sportello_assessment_score (loaded, stored);
  s2 = sportello_assessment_score (later, stored);
  g_assert_cmpuint (s1->tenths, ==, 500);
  g_assert_cmpuint (s2->tenths, ==, 1000);
  changes = sportello_assessment_compare (s1, s2, stored->areas->len);
  g_assert_cmpint (g_array_index (changes, SportelloAreaChange, 0).delta_tenths, ==, 500);
  g_assert_true (g_array_index (changes, SportelloAreaChange, 4).both);   /* LOG: 3 of 4 answered the first time */

  /* an assessment of a client that is erased goes with it */
  g_assert_true (sportello_client_erase (db, sportello_client_get_uuid (client), &error));
  g_clear_object (&history);
  history = sportello_assessment_list (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);
}

static void
test_version_is_immutable (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autofree char *uuid = sportello_checklist_store (db, sportello_checklist_get_builtin (), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE checklists SET content = '{}' WHERE uuid = '%s'", uuid);
  g_autoptr(SportelloChecklist) kept = NULL;

  g_assert_false (sportello_database_exec (db, sql, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_SQL);
  kept = sportello_checklist_load_version (db, uuid, NULL);
  g_assert_cmpuint (kept->items->len, ==, 45);
}

static void
test_na_needs_reason (void)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  g_autoptr(SportelloAssessment) a = sportello_assessment_new ("x", "y");
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) none = NULL;

  sportello_assessment_set_answer (a, "LEG-08", SPORTELLO_ANSWER_NA, "  ");
  missing = sportello_assessment_missing_reasons (a, checklist);
  g_assert_cmpuint (missing->len, ==, 1);
  sportello_assessment_set_answer (a, "LEG-08", SPORTELLO_ANSWER_NA, "Microimpresa");
  none = sportello_assessment_missing_reasons (a, checklist);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_bad_date (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloAssessment) a = sportello_assessment_new ("x", "y");
  g_autoptr(GError) error = NULL;

  sportello_assessment_set (a, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2026-02-30");
  g_assert_false (sportello_assessment_save (a, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* a client or checklist that does not exist */
  sportello_assessment_set (a, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2026-02-28");
  g_assert_false (sportello_assessment_save (a, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/assessment/history", test_history);
  g_test_add_func ("/store/assessment/version-is-immutable", test_version_is_immutable);
  g_test_add_func ("/store/assessment/na-needs-reason", test_na_needs_reason);
  g_test_add_func ("/store/assessment/bad-date", test_bad_date);

  return g_test_run ();
}
