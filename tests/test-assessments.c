/* test-assessments.c: assessments kept with their checklist version
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-assessment.h"
#include "sportello-client.h"
#include "sportello-database.h"

#include "store-test-util.h"

static SportelloDatabase *
open_db (void)
{
  return store_test_open_db ("assessments", "Marco Villa", "Polo di Ivrea");
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

/* Editing a checklist used by assessments makes a new version; the
 * assessments keep the version they were made with */
static void
test_edit_makes_versions (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloChecklist) copy = sportello_checklist_duplicate (sportello_checklist_get_builtin ());
  g_autoptr(SportelloAssessment) assessment = NULL;
  g_autoptr(SportelloAssessment) reloaded = NULL;
  g_autoptr(SportelloChecklist) kept = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *newest = NULL;
  SportelloChecklistArea *first_area;
  guint before;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Ferramenta Pozzi");
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_true (g_str_has_prefix (copy->title, "Copy of "));
  g_assert_cmpstr (copy->id, !=, "prontezza-ecommerce");

  /* weights must add up to 100 */
  first_area = &g_array_index (copy->areas, SportelloChecklistArea, 0);
  first_area->weight += 5;
  problems = sportello_checklist_check (copy);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_null (sportello_checklist_save_version (db, copy, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_array_index (copy->areas, SportelloChecklistArea, 1).weight -= 5;

  /* an item more, a blocker less */
  before = copy->items->len;
  sportello_checklist_add_item (copy, 0);
  g_assert_cmpuint (copy->items->len, ==, before + 1);
  g_assert_cmpuint (first_area->n_items, ==, 5);
  {
    SportelloChecklistItem *added = &g_array_index (copy->items, SportelloChecklistItem, 4);

    g_assert_cmpstr (added->id, ==, "STR-05");
    g_assert_cmpuint (g_array_index (copy->items, SportelloChecklistItem, 5).area, ==, 1);
    g_free (added->title);
    added->title = g_strdup ("Vendite su WhatsApp Business");
  }
  g_array_index (copy->items, SportelloChecklistItem, sportello_checklist_find_item (copy, "LEG-07")).blocker = FALSE;

  v1 = sportello_checklist_save_version (db, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->version, ==, "1");

  assessment = sportello_assessment_new (sportello_client_get_uuid (client), v1);
  answer_all (assessment, copy, SPORTELLO_ANSWER_COMPLETE);
  g_assert_true (sportello_assessment_save (assessment, db, &error));

  /* the next edit is version 2; the assessment keeps version 1 */
  sportello_checklist_remove_item (copy, sportello_checklist_find_item (copy, "STR-05"));
  v2 = sportello_checklist_save_version (db, copy, &error);
  g_assert_cmpstr (copy->version, ==, "2");
  g_assert_cmpstr (v1, !=, v2);

  reloaded = sportello_assessment_load (db, sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_UUID), &error);
  g_assert_cmpstr (sportello_assessment_get (reloaded, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), ==, v1);
  kept = sportello_checklist_load_version (db, v1, &error);
  g_assert_cmpuint (kept->items->len, ==, 46);
  g_assert_false (g_array_index (kept->items, SportelloChecklistItem, sportello_checklist_find_item (kept, "LEG-07")).blocker);

  newest = sportello_checklist_latest_uuid (db, copy->id);
  g_assert_cmpstr (newest, ==, v2);
  latest = sportello_checklist_list_latest (db, &error);
  g_assert_cmpuint (latest->len, ==, 1);
  g_assert_cmpstr (((SportelloChecklistSummary *) g_ptr_array_index (latest, 0))->version, ==, "2");
  g_assert_cmpuint (((SportelloChecklistSummary *) g_ptr_array_index (latest, 0))->n_assessments, ==, 1);
}

/* What advice documents take from an assessment (the ceramics workshop of the domain notes) */
static void
test_placeholders (void)
{
  static const int ceramics[] = {
    2, 2, 1, 1,   2, 2, 1, 1,   2, 2, 1, 2,   2, 2, 1, 1,   1, 2, 1, 1,
    2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1,
    1, 1, 0, 1,   2, 2, 1,   1, 1, 1,   2, 1, 1, 2,
  };
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  g_autoptr(SportelloAssessment) a = sportello_assessment_new ("x", "y");
  g_autoptr(GHashTable) values = NULL;
  const char *gaps;

  for (guint i = 0; i < checklist->items->len; i++)
    sportello_assessment_set_answer (a, g_array_index (checklist->items, SportelloChecklistItem, i).id, ceramics[i], "");
  sportello_assessment_set (a, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2026-11-10");

  values = sportello_assessment_placeholders (a, checklist);
  g_assert_cmpstr (g_hash_table_lookup (values, "assessment.score"), ==, "73.5/100");
  g_assert_cmpstr (g_hash_table_lookup (values, "assessment.level"), ==, "Ready");
  /* a long date, for letters: never the stored 2026-11-10 */
  g_assert_cmpstr (g_hash_table_lookup (values, "assessment.date"), ==, "10 November 2026");
  g_assert_cmpstr (g_hash_table_lookup (values, "assessment.blockers"), ==, "No blocking requirement open.");
  gaps = g_hash_table_lookup (values, "assessment.gaps");
  g_assert_true (g_str_has_prefix (gaps, "- LEG-10 "));
  g_assert_nonnull (strstr (gaps, "— partial\n- LEG-11 "));
  g_assert_nonnull (strstr (g_hash_table_lookup (values, "assessment.areas"), ": 90.0\n"));
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
  g_test_add_func ("/store/assessment/edit-makes-versions", test_edit_makes_versions);
  g_test_add_func ("/store/assessment/placeholders", test_placeholders);

  return g_test_run ();
}
