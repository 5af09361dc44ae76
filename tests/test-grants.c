/* test-grants.c: grant calls, applications, matching, follow-ups from deadlines, bundles
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sportello-agenda.h"
#include "sportello-bundle.h"
#include "sportello-client.h"
#include "sportello-database.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"
#include "sportello-document.h"
#include "sportello-follow-up.h"
#include "sportello-grant-application.h"
#include "sportello-grant-call.h"
#include "sportello-grant-match.h"
#include "sportello-meeting.h"
#include "sportello-template.h"
#include "sportello-vocabulary.h"

#include "store-test-util.h"

static SportelloDatabase *
open_db (const char *name)
{
  return store_test_open_db (name, "Giulia Ferri", "ComoNext – Lomazzo");
}

static SportelloClient *
new_client (SportelloDatabase *db,
            const char        *name,
            const char        *province,
            int                employees,
            const char        *ateco,
            const char        *category)
{
  SportelloClient *client = sportello_client_new ();
  g_autoptr(GError) error = NULL;

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
  sportello_client_set (client, SPORTELLO_CLIENT_PROVINCE, province);
  sportello_client_set (client, SPORTELLO_CLIENT_ATECO_CODE, ateco);
  sportello_client_set (client, SPORTELLO_CLIENT_CATEGORY, category);
  if (employees >= 0)
    sportello_client_set_employees (client, employees);
  { gboolean ok_ = sportello_client_save (client, db, &error); g_assert_no_error (error); g_assert_true (ok_); }
  return client;
}

/* @days (and @hours) from today at noon, local time, in ISO 8601 */
static char *
days_from_now (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 12, 0, 0);
  g_autoptr(GDateTime) then = g_date_time_add_days (noon, days);

  return g_date_time_format_iso8601 (then);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDate) day = sportello_today ();

  g_date_add_days (day, days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));
}

static SportelloGrantCall *
new_call (SportelloDatabase *db,
          const char        *title,
          int                opens_in_days,
          int                closes_in_days)
{
  SportelloGrantCall *call = sportello_grant_call_new (title);
  g_autoptr(GError) error = NULL;
  g_autofree char *opens = days_from_now (opens_in_days);
  g_autofree char *closes = days_from_now (closes_in_days);

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_FUNDER, "region");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_KIND, "voucher");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_OPENS_AT, opens);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, closes);
  { gboolean ok_ = sportello_grant_call_save (call, db, &error); g_assert_no_error (error); g_assert_true (ok_); }
  return call;
}

static void
test_status (void)
{
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("Voucher digitali");
  g_autoptr(GDateTime) opens = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) deadline = g_date_time_new_utc (2026, 6, 30, 10, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_add_seconds (opens, -1);
  g_autoptr(GDateTime) edge = g_date_time_add_days (deadline, -14);
  g_autoptr(GDateTime) just_before_edge = g_date_time_add_seconds (edge, -1);
  g_autoptr(GDateTime) last_second = g_date_time_add_seconds (deadline, -1);
  g_autofree char *opens_text = g_date_time_format_iso8601 (opens);
  g_autofree char *deadline_text = g_date_time_format_iso8601 (deadline);

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_OPENS_AT, opens_text);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, deadline_text);

  g_assert_cmpint (sportello_grant_call_status_at (call, before), ==, SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING);
  g_assert_cmpint (sportello_grant_call_status_at (call, opens), ==, SPORTELLO_GRANT_CALL_STATUS_OPEN);
  g_assert_cmpint (sportello_grant_call_status_at (call, just_before_edge), ==, SPORTELLO_GRANT_CALL_STATUS_OPEN);
  /* 14 days before the deadline to the second: closing soon */
  g_assert_cmpint (sportello_grant_call_status_at (call, edge), ==, SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON);
  g_assert_cmpint (sportello_grant_call_status_at (call, last_second), ==, SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON);
  g_assert_cmpint (sportello_grant_call_status_at (call, deadline), ==, SPORTELLO_GRANT_CALL_STATUS_CLOSED);

  /* “a sportello”: open until the funds run out */
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, "");
  sportello_grant_call_set_flag (call, SPORTELLO_GRANT_CALL_FIRST_COME, TRUE);
  g_assert_cmpint (sportello_grant_call_status_at (call, before), ==, SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING);
  g_assert_cmpint (sportello_grant_call_status_at (call, deadline), ==, SPORTELLO_GRANT_CALL_STATUS_OPEN);
  sportello_grant_call_set_flag (call, SPORTELLO_GRANT_CALL_FUNDS_EXHAUSTED, TRUE);
  g_assert_cmpint (sportello_grant_call_status_at (call, deadline), ==, SPORTELLO_GRANT_CALL_STATUS_CLOSED);

  g_assert_cmpstr (sportello_grant_call_status_id (SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON), ==, "closing-soon");
  /* the tests run in Italian */
  g_assert_cmpstr (sportello_grant_call_status_label (SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON), ==, "In scadenza");
  g_assert_cmpstr (sportello_grant_application_status_label ("funded"), ==, "Finanziata");
  g_assert_cmpstr (sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_FUNDER, "chamber"), ==, "Camera di commercio");
  g_assert_cmpstr (sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_KIND, "grant"), ==, "Fondo perduto");
}

static void
test_save (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("save");
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("  Bando Innovazione  ");
  g_autoptr(SportelloGrantCall) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) documents = NULL;

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_REGIONS, " Lombardia, piemonte ,lombardia");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_PROVINCES, "ce");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_SIZES, "micro, SMALL");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_ATECO_SECTIONS, "c j");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_OPENS_AT, "2026-03-01");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, "2026-06-30T12:00:00+02:00");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DOCUMENTS, "Visura camerale\n\n  Preventivi  \nDURC\n");
  sportello_grant_call_set_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT, 50);
  sportello_grant_call_set_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX, 10000);
  sportello_grant_call_set_flag (call, SPORTELLO_GRANT_CALL_DE_MINIMIS, TRUE);
  { gboolean ok_ = sportello_grant_call_save (call, db, &error); g_assert_no_error (error); g_assert_true (ok_); }

  loaded = sportello_grant_call_load (db, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_grant_call_get (loaded, SPORTELLO_GRANT_CALL_TITLE), ==, "Bando Innovazione");
  g_assert_cmpstr (sportello_grant_call_get (loaded, SPORTELLO_GRANT_CALL_REGIONS), ==, "lombardia,piemonte");
  g_assert_cmpstr (sportello_grant_call_get (loaded, SPORTELLO_GRANT_CALL_PROVINCES), ==, "CE");
  g_assert_cmpstr (sportello_grant_call_get (loaded, SPORTELLO_GRANT_CALL_SIZES), ==, "micro,small");
  g_assert_cmpstr (sportello_grant_call_get (loaded, SPORTELLO_GRANT_CALL_ATECO_SECTIONS), ==, "C,J");
  g_assert_cmpstr (sportello_grant_call_get (loaded, SPORTELLO_GRANT_CALL_DEADLINE), ==, "2026-06-30T10:00:00Z");
  g_assert_cmpstr (sportello_grant_call_get (loaded, SPORTELLO_GRANT_CALL_OPENS_AT), ==, "2026-02-28T23:00:00Z");
  g_assert_cmpint (sportello_grant_call_get_number (loaded, SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT), ==, 50);
  g_assert_cmpint (sportello_grant_call_get_number (loaded, SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX), ==, 10000);
  g_assert_cmpint (sportello_grant_call_get_number (loaded, SPORTELLO_GRANT_CALL_BUDGET), ==, -1);
  g_assert_true (sportello_grant_call_get_flag (loaded, SPORTELLO_GRANT_CALL_DE_MINIMIS));
  g_assert_false (sportello_grant_call_get_flag (loaded, SPORTELLO_GRANT_CALL_STARTUPS_ONLY));
  documents = sportello_grant_call_dup_documents (loaded);
  g_assert_cmpuint (g_strv_length (documents), ==, 3);
  g_assert_cmpstr (documents[1], ==, "Preventivi");

  /* properties bind: the number as a property */
  {
    gint64 max = 0;

    g_object_get (loaded, "contribution-max", &max, NULL);
    g_assert_cmpint (max, ==, 10000);
  }

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_REGIONS, "atlantide");
  g_assert_false (sportello_grant_call_save (call, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_REGIONS, "");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_SIZES, "large");
  g_assert_false (sportello_grant_call_save (call, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_SIZES, "");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_OPENS_AT, "2026-07-01");
  g_assert_false (sportello_grant_call_save (call, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_OPENS_AT, "");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_TITLE, " ");
  g_assert_false (sportello_grant_call_save (call, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
}

static void
test_list (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("list");
  g_autoptr(SportelloGrantCall) open_late = new_call (db, "Bando Export", -10, 60);
  g_autoptr(SportelloGrantCall) open_soon = new_call (db, "Voucher Digitalizzazione", -30, 5);
  g_autoptr(SportelloGrantCall) forthcoming = new_call (db, "Fondo Nuove Imprese", 20, 90);
  g_autoptr(SportelloGrantCall) closed_old = new_call (db, "Bando Fiere 2025", -300, -200);
  g_autoptr(SportelloGrantCall) closed_recent = new_call (db, "Credito Formazione", -100, -2);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "Voucher Digitalizzazione", "Bando Export", "Fondo Nuove Imprese",
                             "Credito Formazione", "Bando Fiere 2025" };

  list = sportello_grant_call_list (db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SportelloGrantCall) call = g_list_model_get_item (list, i);

      g_assert_cmpstr (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_TITLE), ==, expected[i]);
    }
  {
    g_autoptr(SportelloGrantCall) first = g_list_model_get_item (list, 0);
    int status = -1;

    g_object_get (first, "status", &status, NULL);
    g_assert_cmpint (status, ==, SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON);
  }

  g_clear_object (&list);
  /* word starts, accents and case ignored */
  list = sportello_grant_call_list (db, "digitalizzazione", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = sportello_grant_call_list (db, "bando", NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);
  /* the funder's label, in Italian */
  list = sportello_grant_call_list (db, "regione", NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_clear_object (&list);
  list = sportello_grant_call_list (db, "nessuno", NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static SportelloGrantMatch *
find_match (GListModel *list,
            const char *client_uuid)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SportelloGrantMatch) match = g_list_model_get_item (list, i);

      if (g_str_equal (sportello_grant_match_get_client_uuid (match), client_uuid))
        return g_steal_pointer (&match);
    }
  return NULL;
}

static void
assert_criteria (SportelloGrantMatch           *match,
                 SportelloGrantCriterionResult  result,
                 const char                    *expected)
{
  g_auto(GStrv) ids = sportello_grant_match_dup_criteria (match, result);
  g_autofree char *joined = g_strjoinv (",", ids);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_match (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("match");
  /* Lombardy, micro and small firms, manufacturing */
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("Voucher Manifattura 4.0");
  g_autoptr(SportelloGrantCall) startups = new_call (db, "Startup Lab", -5, 40);
  g_autoptr(SportelloGrantCall) closed = new_call (db, "Chiuso", -50, -1);
  g_autoptr(SportelloClient) fits = new_client (db, "Falegnameria Rossi", "CO", 6, "16.23.10", "artisan");
  g_autoptr(SportelloClient) elsewhere = new_client (db, "Officina Bianchi", "NO", 6, "25.62.00", "artisan");
  g_autoptr(SportelloClient) unknown = new_client (db, "Ditta Verdi", "", -1, "", "other");
  g_autoptr(SportelloClient) too_big = new_client (db, "Meccanica Brambilla", "BG", 120, "28.41.00", "sme");
  g_autoptr(SportelloClient) shop = new_client (db, "Libreria Colombo", "MI", 3, "47.61.00", "retail");
  g_autoptr(SportelloClient) startup = new_client (db, "Datawise", "CO", 4, "62.01.00", "startup");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SportelloGrantMatch) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opens = days_from_now (-10);
  g_autofree char *closes = days_from_now (30);

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_REGIONS, "lombardia");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_SIZES, "micro,small");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_ATECO_SECTIONS, "C");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_OPENS_AT, opens);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, closes);
  g_assert_true (sportello_grant_call_save (call, db, &error));

  list = sportello_grant_match_clients (db, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), FALSE, &error);
  g_assert_no_error (error);
  /* the one that fits, then the one that may */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  match = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sportello_grant_match_get_client_uuid (match), ==, sportello_client_get_uuid (fits));
  g_assert_cmpint (sportello_grant_match_get_fit (match), ==, SPORTELLO_GRANT_FIT_YES);
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_MET, "area,size,sector");
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_UNKNOWN, "");
  g_clear_object (&match);
  match = g_list_model_get_item (list, 1);
  g_assert_cmpstr (sportello_grant_match_get_client_uuid (match), ==, sportello_client_get_uuid (unknown));
  g_assert_cmpint (sportello_grant_match_get_fit (match), ==, SPORTELLO_GRANT_FIT_MAYBE);
  /* never a fit on data the desk does not have */
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_MET, "");
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_UNKNOWN, "area,size,sector");
  g_clear_object (&match);
  g_clear_object (&list);

  list = sportello_grant_match_clients (db, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  match = find_match (list, sportello_client_get_uuid (elsewhere));
  g_assert_cmpint (sportello_grant_match_get_fit (match), ==, SPORTELLO_GRANT_FIT_NO);
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_MISSED, "area");
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_MET, "size,sector");
  g_clear_object (&match);
  match = find_match (list, sportello_client_get_uuid (too_big));
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_MISSED, "size");
  g_clear_object (&match);
  match = find_match (list, sportello_client_get_uuid (shop));
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_MISSED, "sector");
  g_assert_cmpint (sportello_grant_match_get_result (match, SPORTELLO_GRANT_CRITERION_STARTUP), ==,
                   SPORTELLO_GRANT_CRITERION_NOT_ASKED);
  g_clear_object (&match);
  g_clear_object (&list);

  /* startups only, two years of activity: years are never known */
  sportello_grant_call_set_flag (startups, SPORTELLO_GRANT_CALL_STARTUPS_ONLY, TRUE);
  sportello_grant_call_set_number (startups, SPORTELLO_GRANT_CALL_MIN_YEARS, 2);
  g_assert_true (sportello_grant_call_save (startups, db, &error));
  list = sportello_grant_match_clients (db, sportello_grant_call_get (startups, SPORTELLO_GRANT_CALL_UUID), FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  match = find_match (list, sportello_client_get_uuid (startup));
  g_assert_cmpint (sportello_grant_match_get_fit (match), ==, SPORTELLO_GRANT_FIT_MAYBE);
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_MET, "startup");
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_UNKNOWN, "years");
  g_clear_object (&match);
  match = find_match (list, sportello_client_get_uuid (unknown));
  assert_criteria (match, SPORTELLO_GRANT_CRITERION_UNKNOWN, "startup,years");
  g_clear_object (&match);
  g_assert_null (find_match (list, sportello_client_get_uuid (shop)));
  g_clear_object (&list);

  /* a client's open calls: the closed one is not among them */
  list = sportello_grant_match_calls (db, sportello_client_get_uuid (startup), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  match = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sportello_grant_match_get_call_uuid (match), ==, sportello_grant_call_get (startups, SPORTELLO_GRANT_CALL_UUID));
  g_clear_object (&match);
  g_clear_object (&list);
  list = sportello_grant_match_calls (db, sportello_client_get_uuid (fits), NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  match = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sportello_grant_match_get_call_title (match), ==, "Voucher Manifattura 4.0");
  g_assert_cmpint (sportello_grant_match_get_fit (match), ==, SPORTELLO_GRANT_FIT_YES);
  g_clear_object (&match);
  g_clear_object (&list);
  list = sportello_grant_match_calls (db, sportello_client_get_uuid (unknown), NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_assert_cmpint (sportello_grant_ateco_section ("56.10.11"), ==, 'I');
  g_assert_cmpint (sportello_grant_ateco_section ("01"), ==, 'A');
  g_assert_cmpint (sportello_grant_ateco_section ("62.01"), ==, 'J');
  g_assert_cmpint (sportello_grant_ateco_section ("04.11"), ==, '\0');
  g_assert_cmpint (sportello_grant_ateco_section (""), ==, '\0');
  g_assert_cmpstr (sportello_grant_size_of_employees (9), ==, "micro");
  g_assert_cmpstr (sportello_grant_size_of_employees (10), ==, "small");
  g_assert_cmpstr (sportello_grant_size_of_employees (249), ==, "medium");
  g_assert_cmpstr (sportello_grant_size_of_employees (250), ==, "large");
  g_assert_cmpstr (sportello_grant_region_of_province ("su"), ==, "sardegna");
  g_assert_null (sportello_grant_region_of_province ("EE"));
}

static void
test_history (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("history");
  g_autoptr(SportelloGrantCall) call = new_call (db, "Bando Export", -10, 60);
  g_autoptr(SportelloClient) client = new_client (db, "Enoteca Galli", "NO", 2, "47.25.00", "retail");
  g_autoptr(SportelloGrantApplication) application =
    sportello_grant_application_new (sportello_client_get_uuid (client), sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  g_autoptr(SportelloGrantApplication) loaded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *steps[] = { "interested", "preparing", "submitted", "rejected" };

  { gboolean ok_ = sportello_grant_application_save (application, db, &error); g_assert_no_error (error); g_assert_true (ok_); }
  /* saved again with the same status: nothing added */
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_NOTES, "Preventivi in arrivo");
  g_assert_true (sportello_grant_application_save (application, db, &error));
  for (guint i = 1; i < G_N_ELEMENTS (steps); i++)
    {
      sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_STATUS, steps[i]);
      g_assert_true (sportello_grant_application_save (application, db, &error));
      g_assert_no_error (error);
    }
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_REJECTION_REASON, "Punteggio insufficiente");
  sportello_grant_application_set_number (application, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED, 8000);
  sportello_grant_application_set_document_done (application, "Visura camerale", TRUE);
  sportello_grant_application_set_document_done (application, "DURC", TRUE);
  sportello_grant_application_set_document_done (application, "Visura camerale", FALSE);
  g_assert_true (sportello_grant_application_save (application, db, &error));

  loaded = sportello_grant_application_load (db, sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_grant_application_get (loaded, SPORTELLO_GRANT_APPLICATION_CALL_TITLE), ==, "Bando Export");
  g_assert_cmpstr (sportello_grant_application_get (loaded, SPORTELLO_GRANT_APPLICATION_CLIENT_NAME), ==, "Enoteca Galli");
  g_assert_cmpstr (sportello_grant_application_get (loaded, SPORTELLO_GRANT_APPLICATION_REJECTION_REASON), ==, "Punteggio insufficiente");
  g_assert_cmpint (sportello_grant_application_get_number (loaded, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED), ==, 8000);
  g_assert_cmpint (sportello_grant_application_get_number (loaded, SPORTELLO_GRANT_APPLICATION_AMOUNT_GRANTED), ==, -1);
  g_assert_true (sportello_grant_application_get_document_done (loaded, "DURC"));
  g_assert_false (sportello_grant_application_get_document_done (loaded, "Visura camerale"));

  history = sportello_grant_application_dup_history (loaded);
  g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      SportelloGrantStatusChange *change = g_ptr_array_index (history, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (change->changed_at, NULL);

      g_assert_cmpstr (change->status, ==, steps[i]);
      g_assert_nonnull (when);
    }

  /* deleted, then saved back as it was (an Undo): its history stays the
   * same, its last status is not taken a second time */
  g_assert_true (sportello_grant_application_delete (db, sportello_grant_application_get (loaded, SPORTELLO_GRANT_APPLICATION_UUID), &error));
  g_assert_true (sportello_grant_application_save (loaded, db, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SportelloGrantApplication) back =
      sportello_grant_application_load (db, sportello_grant_application_get (loaded, SPORTELLO_GRANT_APPLICATION_UUID), &error);
    g_autoptr(GPtrArray) again = sportello_grant_application_dup_history (back);

    g_assert_cmpuint (again->len, ==, G_N_ELEMENTS (steps));
    g_assert_cmpstr (((SportelloGrantStatusChange *) g_ptr_array_index (again, again->len - 1))->status, ==, "rejected");
  }

  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_STATUS, "lost");
  g_assert_false (sportello_grant_application_save (application, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_STATUS, "rejected");
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE, "30/06/2027");
  g_assert_false (sportello_grant_application_save (application, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = sportello_grant_application_list (db, sportello_client_get_uuid (client), NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = sportello_grant_application_list (db, NULL, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* a call applied to stays */
  g_assert_false (sportello_grant_call_delete (db, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
}

/* The follow-ups of one application, as To Do lists them: "key due" each */
static char *
application_follow_ups (SportelloDatabase *db,
                        const char        *client_uuid,
                        const char        *application_uuid)
{
  g_autoptr(GListModel) open = sportello_follow_up_list_open (db, client_uuid, NULL, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(SportelloFollowUp) f = g_list_model_get_item (open, i);

      if (!g_str_equal (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_APPLICATION_UUID), application_uuid))
        continue;
      g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_MEETING_UUID), ==, "");
      g_string_append_printf (out, "%s%s", out->len ? " " : "", sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_DUE_DATE));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_follow_ups (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("follow-ups");
  g_autoptr(SportelloGrantCall) call = new_call (db, "Voucher Digitali", -10, 30);
  g_autoptr(SportelloClient) client = new_client (db, "Bar Sport", "CO", 3, "56.30.00", "hospitality");
  g_autoptr(SportelloGrantApplication) application =
    sportello_grant_application_new (sportello_client_get_uuid (client), sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_autoptr(SportelloFollowUp) from_meeting = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *d16 = date_from_today (16);
  g_autofree char *d27 = date_from_today (27);
  g_autofree char *d26 = date_from_today (26);
  g_autofree char *d37 = date_from_today (37);
  g_autofree char *d20 = date_from_today (20);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *later = days_from_now (40);
  g_autofree char *soon = days_from_now (5);
  g_autofree char *today = date_from_today (0);
  g_autofree char *d2 = date_from_today (2);
  g_autofree char *reporting = date_from_today (60);
  g_autofree char *d46 = date_from_today (46);
  g_autofree char *d57 = date_from_today (57);
  const char *uuid;

  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_STATUS, "preparing");
  { gboolean ok_ = sportello_grant_application_save (application, db, &error); g_assert_no_error (error); g_assert_true (ok_); }
  uuid = sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_UUID);

  /* 14 and 3 days before the deadline */
  expected = g_strdup_printf ("%s %s", d16, d27);
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);

  /* saving again or syncing duplicates nothing */
  g_assert_true (sportello_grant_application_save (application, db, &error));
  g_assert_true (sportello_grant_application_sync_follow_ups (db, NULL, NULL, &error));
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);

  /* with the meetings' follow-ups, in date order, in To Do and in the
   * notifications' source */
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  from_meeting = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Mandare il preventivo");
  sportello_follow_up_set (from_meeting, SPORTELLO_FOLLOW_UP_DUE_DATE, d20);
  { gboolean ok_ = sportello_follow_up_save (from_meeting, db, &error); g_assert_no_error (error); g_assert_true (ok_); }
  open = sportello_follow_up_list_open (db, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 3);
  {
    g_autoptr(SportelloFollowUp) first = g_list_model_get_item (open, 0);
    g_autoptr(SportelloFollowUp) second = g_list_model_get_item (open, 1);

    g_assert_cmpstr (sportello_follow_up_get (first, SPORTELLO_FOLLOW_UP_DUE_DATE), ==, d16);
    g_assert_cmpstr (sportello_follow_up_get (first, SPORTELLO_FOLLOW_UP_CLIENT_NAME), ==, "Bar Sport");
    g_assert_nonnull (strstr (sportello_follow_up_get (first, SPORTELLO_FOLLOW_UP_TEXT), "Voucher Digitali"));
    g_assert_cmpstr (sportello_follow_up_get (second, SPORTELLO_FOLLOW_UP_TEXT), ==, "Mandare il preventivo");

    /* one from a deadline is kept by the dates, not edited */
    sportello_follow_up_set (first, SPORTELLO_FOLLOW_UP_DUE_DATE, d20);
    g_assert_false (sportello_follow_up_save (first, db, &error));
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_clear_object (&open);
  open = sportello_follow_up_list_for_meeting (db, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  g_clear_object (&open);

  /* the deadline moves: its follow-ups move, and one done is to do again */
  open = sportello_follow_up_list_open (db, sportello_client_get_uuid (client), NULL, &error);
  {
    g_autoptr(SportelloFollowUp) first = g_list_model_get_item (open, 0);

    g_assert_true (sportello_follow_up_set_done (db, sportello_follow_up_get (first, SPORTELLO_FOLLOW_UP_UUID), TRUE, &error));
  }
  g_clear_object (&open);
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, later);
  { gboolean ok_ = sportello_grant_call_save (call, db, &error); g_assert_no_error (error); g_assert_true (ok_); }
  g_free (expected);
  expected = g_strdup_printf ("%s %s", d26, d37);
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);

  /* a deadline nearer than 14 days: that reminder is due today */
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, soon);
  g_assert_true (sportello_grant_call_save (call, db, &error));
  g_free (expected);
  expected = g_strdup_printf ("%s %s", today, d2);
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);

  /* submitted: no more reminders to submit */
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_STATUS, "submitted");
  g_assert_true (sportello_grant_application_save (application, db, &error));
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, "");
  g_clear_pointer (&got, g_free);

  /* funded: the reporting deadline's, with the days chosen */
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_STATUS, "funded");
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE, reporting);
  g_assert_true (sportello_grant_application_save (application, db, &error));
  g_free (expected);
  expected = g_strdup_printf ("%s %s", d46, d57);
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS, "14, 14");
  g_assert_true (sportello_grant_application_save (application, db, &error));
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, d46);
  g_clear_pointer (&got, g_free);
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS, "quattordici");
  g_assert_false (sportello_grant_application_save (application, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* gone with the application */
  g_assert_true (sportello_grant_application_delete (db, uuid, &error));
  got = application_follow_ups (db, sportello_client_get_uuid (client), uuid);
  g_assert_cmpstr (got, ==, "");
  open = sportello_follow_up_list_open (db, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
}

static char *
export_to (SportelloDatabase  *db,
           const char         *name,
           const char * const *clients)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  { gboolean ok_ = sportello_bundle_export (db, clients, path, &error); g_assert_no_error (error); g_assert_true (ok_); }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
import_text (SportelloDatabase *db,
             const char        *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SportelloBundle *bundle = sportello_bundle_load_bytes (bytes, &error);
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];

  g_assert_no_error (error);
  if (sportello_bundle_get_problems (bundle)->len > 0)
    g_error ("%s", (char *) g_ptr_array_index (sportello_bundle_get_problems (bundle), 0));
  { gboolean ok_ = sportello_bundle_apply (bundle, db, SPORTELLO_CONFLICT_NEWER, "test.sportello", counts, &error); g_assert_no_error (error); g_assert_true (ok_); }
  sportello_bundle_free (bundle);
}

static void
test_bundle (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("bundle-a");
  g_autoptr(SportelloDatabase) other = open_db ("bundle-b");
  g_autoptr(SportelloGrantCall) call = new_call (db, "Voucher Digitali", -10, 30);
  g_autoptr(SportelloGrantCall) unused = new_call (db, "Bando Export", -10, 60);
  g_autoptr(SportelloClient) client = new_client (db, "Bar Sport", "CO", 3, "56.30.00", "hospitality");
  g_autoptr(SportelloClient) bystander = new_client (db, "Ottica Riva", "CO", 2, "47.78.20", "retail");
  g_autoptr(SportelloGrantApplication) application =
    sportello_grant_application_new (sportello_client_get_uuid (client), sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) follow_ups = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *templates = NULL;
  g_autofree char *dossier = NULL;
  const char *no_clients[] = { NULL };
  const char *one_client[] = { sportello_client_get_uuid (client), NULL };

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DOCUMENTS, "Visura\nDURC");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_REGIONS, "lombardia");
  sportello_grant_call_set_number (call, SPORTELLO_GRANT_CALL_BUDGET, 500000);
  g_assert_true (sportello_grant_call_save (call, db, &error));
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_STATUS, "preparing");
  sportello_grant_application_set_number (application, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED, 4000);
  sportello_grant_application_set_document_done (application, "DURC", TRUE);
  { gboolean ok_ = sportello_grant_application_save (application, db, &error); g_assert_no_error (error); g_assert_true (ok_); }

  g_setenv ("SOURCE_DATE_EPOCH", "1764072000", TRUE);
  first = export_to (db, "first.sportello", NULL);
  g_assert_nonnull (strstr (first, "\"grant_calls\": ["));
  g_assert_nonnull (strstr (first, "\"amount_requested\": 4000"));

  /* round trip: the same bundle again, and the follow-ups made on import */
  import_text (other, first);
  again = export_to (other, "again.sportello", NULL);
  g_assert_cmpstr (again, ==, first);
  follow_ups = sportello_follow_up_list_open (other, sportello_client_get_uuid (client), NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 2);
  /* imported twice: nothing more */
  import_text (other, first);
  g_clear_object (&follow_ups);
  follow_ups = sportello_follow_up_list_open (other, sportello_client_get_uuid (client), NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 2);

  /* a bad status is refused with its path */
  {
    g_autoptr(GBytes) bytes = NULL;
    SportelloBundle *bundle;
    GPtrArray *problems;
    gboolean found = FALSE;
    GString *text = g_string_new (first);

    g_string_replace (text, "\"status\": \"preparing\"", "\"status\": \"vinto\"", 1);
    g_string_replace (text, "\"reminder_days\": \"14,3\"", "\"reminder_days\": \"presto\"", 1);
    broken = g_string_free (text, FALSE);
    bytes = g_bytes_new (broken, strlen (broken));
    bundle = sportello_bundle_load_bytes (bytes, &error);
    g_assert_no_error (error);
    problems = sportello_bundle_get_problems (bundle);
    for (guint i = 0; i < problems->len; i++)
      if (g_str_has_prefix (g_ptr_array_index (problems, i), "$.grant_applications[0].status: "))
        found = TRUE;
    g_assert_true (found);
    g_assert_cmpuint (problems->len, ==, 2);
    sportello_bundle_free (bundle);
  }

  /* the templates alone: every call, no client */
  templates = export_to (db, "templates.sportello", no_clients);
  g_assert_nonnull (strstr (templates, "\"clients\": []"));
  g_assert_nonnull (strstr (templates, "\"grant_applications\": []"));
  g_assert_nonnull (strstr (templates, "Voucher Digitali"));
  g_assert_nonnull (strstr (templates, "Bando Export"));

  /* a client's dossier: its applications and the calls they refer to */
  dossier = export_to (db, "dossier.sportello", one_client);
  g_assert_nonnull (strstr (dossier, sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_UUID)));
  g_assert_nonnull (strstr (dossier, "Voucher Digitali"));
  g_assert_null (strstr (dossier, "Bando Export"));
  g_assert_null (strstr (dossier, "Ottica Riva"));
  g_unsetenv ("SOURCE_DATE_EPOCH");

  /* a call changed on both sides: a conflict, settled as any other */
  {
    g_autoptr(SportelloGrantCall) ours = sportello_grant_call_load (other, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), &error);
    g_autoptr(SportelloGrantCall) result = NULL;
    g_autofree char *theirs = NULL;
    g_autoptr(GBytes) bytes = NULL;
    SportelloBundle *bundle;
    SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];

    g_usleep (2000);
    sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_NOTES, "Proroga annunciata");
    g_assert_true (sportello_grant_call_save (call, db, &error));
    sportello_grant_call_set (ours, SPORTELLO_GRANT_CALL_NOTES, "Chiedere al funzionario");
    g_assert_true (sportello_grant_call_save (ours, other, &error));
    theirs = export_to (db, "theirs.sportello", NULL);
    bytes = g_bytes_new (theirs, strlen (theirs));
    bundle = sportello_bundle_load_bytes (bytes, &error);
    g_assert_no_error (error);
    g_assert_true (sportello_bundle_preview (bundle, other, counts, &error));
    g_assert_cmpuint (counts[SPORTELLO_RECORD_KIND_GRANT_CALL].conflicts, ==, 1);
    g_assert_true (sportello_bundle_apply (bundle, other, SPORTELLO_CONFLICT_OURS, "x", counts, &error));
    result = sportello_grant_call_load (other, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), &error);
    g_assert_cmpstr (sportello_grant_call_get (result, SPORTELLO_GRANT_CALL_NOTES), ==, "Chiedere al funzionario");
    sportello_bundle_free (bundle);
  }
  (void) unused;
  (void) bystander;
}

static void
test_document (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("document");
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("Voucher Digitali I4.0");
  g_autoptr(SportelloClient) client = new_client (db, "Bar Sport", "CO", 3, "56.30.00", "hospitality");
  g_autoptr(SportelloGrantApplication) application = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(SportelloDocument) document = NULL;
  g_autoptr(SportelloDocument) plain = NULL;
  g_autoptr(GError) error = NULL;
  const SportelloTemplate *template = sportello_templates_find ("orientamento-bandi");
  const char *body;

  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_FUNDER, "chamber");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_KIND, "voucher");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DEADLINE, "2027-03-31T10:00:00Z");
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DOCUMENTS, "Visura camerale\nDURC");
  sportello_grant_call_set_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT, 50);
  sportello_grant_call_set_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX, 10000);
  { gboolean ok_ = sportello_grant_call_save (call, db, &error); g_assert_no_error (error); g_assert_true (ok_); }
  application = sportello_grant_application_new (sportello_client_get_uuid (client), sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  sportello_grant_application_set_number (application, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED, 7500);
  { gboolean ok_ = sportello_grant_application_save (application, db, &error); g_assert_no_error (error); g_assert_true (ok_); }

  values = sportello_grant_document_values (db, NULL, sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "call.title"), ==, "Voucher Digitali I4.0");
  g_assert_cmpstr (g_hash_table_lookup (values, "call.funder"), ==, "Camera di commercio");
  g_assert_cmpstr (g_hash_table_lookup (values, "call.contribution"), ==, "50%, fino a 10.000 €");
  g_assert_cmpstr (g_hash_table_lookup (values, "call.deadline"), ==, "31 marzo 2027, 12:00");
  g_assert_cmpstr (g_hash_table_lookup (values, "application.amount_requested"), ==, "7.500 €");
  g_assert_cmpstr (g_hash_table_lookup (values, "application.status"), ==, "Interessata");
  g_assert_null (g_hash_table_lookup (values, "application.protocol_number"));

  g_assert_nonnull (template);
  document = sportello_document_new_from_template_with_values (db, sportello_client_get_uuid (client), template, NULL, values, &error);
  g_assert_no_error (error);
  body = sportello_document_get (document, SPORTELLO_DOCUMENT_BODY);
  g_assert_nonnull (strstr (body, "Voucher Digitali I4.0"));
  g_assert_nonnull (strstr (body, "fino a 10.000 €"));
  g_assert_nonnull (strstr (body, "   - Visura camerale\n   - DURC\n"));
  g_assert_nonnull (strstr (body, "7.500 €"));

  /* without a call, its placeholders are marked to complete */
  plain = sportello_document_new_from_template (db, sportello_client_get_uuid (client), template, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sportello_document_get (plain, SPORTELLO_DOCUMENT_BODY), "«da completare: titolo del bando»"));
}

static void
test_demo (void)
{
  g_autoptr(SportelloDatabase) db = open_db ("demo");
  g_autoptr(GDateTime) demo_now = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) call_statuses = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) error = NULL;
  guint n;

  { gboolean ok_ = sportello_demo_fill (db, 200, &error); g_assert_no_error (error); g_assert_true (ok_); }

  calls = sportello_grant_call_list (db, NULL, demo_now, &error);
  g_assert_cmpuint (g_list_model_get_n_items (calls), >=, 8);
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(SportelloGrantCall) call = g_list_model_get_item (calls, i);

      g_hash_table_add (call_statuses, GINT_TO_POINTER (sportello_grant_call_get_status (call) + 1));
    }
  g_assert_true (g_hash_table_contains (call_statuses, GINT_TO_POINTER (SPORTELLO_GRANT_CALL_STATUS_OPEN + 1)) ||
                 g_hash_table_contains (call_statuses, GINT_TO_POINTER (SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON + 1)));
  g_assert_true (g_hash_table_contains (call_statuses, GINT_TO_POINTER (SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING + 1)));
  g_assert_true (g_hash_table_contains (call_statuses, GINT_TO_POINTER (SPORTELLO_GRANT_CALL_STATUS_CLOSED + 1)));

  applications = sportello_grant_application_list (db, NULL, NULL, &error);
  n = g_list_model_get_n_items (applications);
  g_assert_cmpuint (n, >=, 20);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SportelloGrantApplication) application = g_list_model_get_item (applications, i);
      g_autoptr(GPtrArray) history = sportello_grant_application_dup_history (application);

      g_hash_table_add (statuses, (gpointer) g_intern_string (sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_STATUS)));
      g_assert_cmpuint (history->len, >=, 1);
    }
  {
    guint n_terms;
    const SportelloTerm *terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_GRANT_STATUS, &n_terms);

    for (guint i = 0; i < n_terms; i++)
      g_assert_true (g_hash_table_contains (statuses, terms[i].id));
  }
}

/* A database of the schema before grants, with a follow-up, migrated: the
 * follow-ups table is rebuilt with its rows, indexes and full-text search */
static void
test_migration (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "migration", NULL);
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GError) error = NULL;
  const SportelloMigration *migrations;
  guint n_migrations;
  sqlite3 *old;
  sqlite3_stmt *stmt;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &old), ==, SQLITE_OK);
  /* the steps call a function of the store's (identifiers) */
  g_assert_cmpint (_sportello_migrations_register_functions (old), ==, SQLITE_OK);
  migrations = _sportello_migrations (&n_migrations);
  for (guint i = 0; i < n_migrations && !strstr (migrations[i].sql, "CREATE TABLE grant_calls"); i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      g_assert_cmpint (sqlite3_exec (old, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (old, bump, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  /* made by a Sportello of the schema before grants: it has Sportello's id */
  {
    g_autofree char *id = g_strdup_printf ("PRAGMA application_id = %d", (int) SPORTELLO_DATABASE_APPLICATION_ID);

    g_assert_cmpint (sqlite3_exec (old, id, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (sqlite3_exec (old,
    "INSERT INTO clients (uuid, name, created_at, updated_at) VALUES "
    "('6f1c2a4e-0000-4000-8000-000000000001', 'Vetreria Conti', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO meetings (uuid, client_id, starts_at, created_at, updated_at) VALUES "
    "('6f1c2a4e-0000-4000-8000-000000000002', 1, '2026-01-02T09:00:00Z', '2026-01-02T09:00:00Z', '2026-01-02T09:00:00Z');"
    "INSERT INTO follow_ups (uuid, meeting_id, text, due_date, created_at, updated_at) VALUES "
    "('6f1c2a4e-0000-4000-8000-000000000003', 1, 'Chiedere il preventivo del forno', '2026-02-01', "
    "'2026-01-02T09:00:00Z', '2026-01-02T09:00:00Z');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (old);

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());

  open = sportello_follow_up_list_open (db, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  {
    g_autoptr(SportelloFollowUp) f = g_list_model_get_item (open, 0);

    g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_MEETING_UUID), ==, "6f1c2a4e-0000-4000-8000-000000000002");
    g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_TEXT), ==, "Chiedere il preventivo del forno");
    g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_APPLICATION_UUID), ==, "");
    sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_TEXT, "Chiedere il preventivo della tempera");
    g_assert_true (sportello_follow_up_save (f, db, &error));
    g_assert_no_error (error);
  }

  /* the full-text index still fits the table, and its triggers came back */
  g_assert_true (sportello_database_exec (db, "INSERT INTO follow_ups_fts (follow_ups_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  stmt = _sportello_database_prepare (db, "SELECT count(*) FROM follow_ups_fts WHERE follow_ups_fts MATCH 'tempera'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  stmt = _sportello_database_prepare (db, "SELECT count(*) FROM follow_ups_fts WHERE follow_ups_fts MATCH 'forno'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  /* the index the client search names */
  stmt = _sportello_database_prepare (db, "SELECT count(*) FROM follow_ups INDEXED BY follow_ups_meeting_by_id", &error);
  g_assert_no_error (error);
  sqlite3_finalize (stmt);
}

/* what the call page's pickers offer: every ATECO section with its
 * name, every region with its provinces, each province in its region */
static void
test_picker_lists (void)
{
  const char * const *sections = sportello_grant_ateco_section_ids ();
  const char * const *regions = sportello_grant_region_ids ();
  guint n_provinces = 0;

  g_assert_cmpuint (g_strv_length ((char **) sections), ==, 21);
  for (guint i = 0; sections[i]; i++)
    {
      g_assert_cmpint (sections[i][0], ==, 'A' + (int) i);
      g_assert_nonnull (sportello_grant_ateco_section_label (sections[i]));
    }
  /* translated, as the store tests run in Italian */
  g_assert_cmpstr (sportello_grant_ateco_section_label ("C"), ==, "Attività manifatturiere");
  g_assert_null (sportello_grant_ateco_section_label ("V"));

  for (guint i = 0; regions[i]; i++)
    {
      g_auto(GStrv) codes = g_strsplit (sportello_grant_region_provinces (regions[i]), " ", -1);

      for (guint j = 0; codes[j]; j++, n_provinces++)
        g_assert_cmpstr (sportello_grant_region_of_province (codes[j]), ==, regions[i]);
    }
  g_assert_cmpuint (g_strv_length ((char **) regions), ==, 20);
  g_assert_cmpuint (n_provinces, >=, 107);
  g_assert_null (sportello_grant_region_provinces ("atlantide"));
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/store/grants/status", test_status);
  g_test_add_func ("/store/grants/save", test_save);
  g_test_add_func ("/store/grants/list", test_list);
  g_test_add_func ("/store/grants/match", test_match);
  g_test_add_func ("/store/grants/history", test_history);
  g_test_add_func ("/store/grants/picker-lists", test_picker_lists);
  g_test_add_func ("/store/grants/follow-ups", test_follow_ups);
  g_test_add_func ("/store/grants/bundle", test_bundle);
  g_test_add_func ("/store/grants/document", test_document);
  g_test_add_func ("/store/grants/demo", test_demo);
  g_test_add_func ("/store/grants/migration", test_migration);

  return g_test_run ();
}
