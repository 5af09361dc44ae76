/* test-statistics.c: the desk's figures for a period, the statistics
 * file, and the network's sum
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture is made by hand, so that every figure is known. Its
 * period, 29 March – 25 October 2026, begins and ends on the days the
 * clocks change in Europe/Rome: a meeting at 00:30 on the first day is
 * 23:30 UTC the day before, one at 23:30 on the last day is 22:30 UTC.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sportello-assessment.h"
#include "sportello-checklist.h"
#include "sportello-checklist-private.h"
#include "sportello-database.h"
#include "sportello-report-xlsx.h"
#include "sportello-statistics.h"

#include "store-test-util.h"

#define FROM "2026-03-29"
#define TO "2026-10-25"

static void
assert_figure (SportelloStatistics  *stats,
               const char           *path,
               SportelloFigureState  state,
               double                value)
{
  SportelloFigure figure;

  if (!sportello_statistics_get_figure (stats, path, &figure))
    g_error ("no figure %s", path);
  if (figure.state != state)
    g_error ("%s: state %d, expected %d", path, figure.state, state);
  if (G_APPROX_VALUE (figure.value, value, 0.001) == FALSE)
    g_error ("%s: %g, expected %g", path, figure.value, value);
}

#define EXACT(stats, path, value) assert_figure (stats, path, SPORTELLO_FIGURE_EXACT, value)

/* The answers that score 100: every item complete */
static char *
complete_answers (SportelloChecklist *checklist)
{
  GString *json = g_string_new ("{");

  for (guint i = 0; i < checklist->items->len; i++)
    g_string_append_printf (json, "%s\"%s\": {\"value\": 2, \"note\": \"\"}", i ? ", " : "",
                            g_array_index (checklist->items, SportelloChecklistItem, i).id);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static SportelloDatabase *
fixture (void)
{
  SportelloDatabase *db = store_test_open_db ("statistics-test", "Luca Sala", "Polo di Novara");
  SportelloChecklist *builtin = sportello_checklist_get_builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *checklist = sportello_checklist_store (db, builtin, &error);
  g_autofree char *full = complete_answers (builtin);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);

  store_test_exec (db,
    "INSERT INTO clients (id, uuid, name, vat_number, email, category, province, employees, source, created_at, updated_at) VALUES"
    " (1, 'c1', 'Alfa Srl', '01234567890', 'alfa@example.it', 'retail', 'TO', 5, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (2, 'c2', 'Beta Snc', '', '', 'retail', 'TO', 5, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (3, 'c3', 'Gamma Sas', '', '', 'retail', 'TO', 5, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (4, 'c4', 'Delta Srl', '', '', 'retail', 'TO', 5, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (5, 'c5', 'Epsilon Srl', '', '', 'retail', 'TO', 5, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (6, 'c6', 'Zeta Srl', '', '', 'retail', 'TO', 5, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (7, 'c7', 'Eta Srl', '', '', 'artisan', 'CN', 20, 'chamber', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (8, 'c8', 'Theta Srl', '', '', 'artisan', 'CN', 20, 'chamber', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (9, 'c9', 'Iota Srl', '', '', 'retail', 'TO', NULL, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
    " (10, 'c10', 'Kappa Srl', '', '', 'retail', 'TO', 5, 'website', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
    "INSERT INTO meetings (id, uuid, client_id, starts_at, duration_minutes, kind, created_at, updated_at) VALUES"
    " (1, 'm1', 1, '2025-06-01T10:00:00Z', 60, 'desk', '2025-06-01T10:00:00Z', '2025-06-01T10:00:00Z'),"
    /* 00:30 on the first day, in */
    " (2, 'm2', 1, '2026-03-28T23:30:00Z', 60, 'desk', '2026-03-28T23:30:00Z', '2026-03-28T23:30:00Z'),"
    /* 23:30 on the last day, in */
    " (3, 'm3', 2, '2026-10-25T22:30:00Z', 90, 'video', '2026-10-25T22:30:00Z', '2026-10-25T22:30:00Z'),"
    /* 23:30 the day before, out: Gamma is served, not new */
    " (4, 'm4', 3, '2026-03-28T22:30:00Z', 60, 'desk', '2026-03-28T22:30:00Z', '2026-03-28T22:30:00Z'),"
    " (5, 'm5', 3, '2026-05-10T08:00:00Z', 30, 'phone', '2026-05-10T08:00:00Z', '2026-05-10T08:00:00Z'),"
    /* 00:30 the day after, out: Delta is new */
    " (6, 'm6', 4, '2026-10-25T23:30:00Z', 60, 'desk', '2026-10-25T23:30:00Z', '2026-10-25T23:30:00Z'),"
    " (7, 'm7', 4, '2026-06-15T09:00:00Z', 45, 'desk', '2026-06-15T09:00:00Z', '2026-06-15T09:00:00Z'),"
    " (8, 'm8', 5, '2026-07-01T10:00:00Z', 60, 'desk', '2026-07-01T10:00:00Z', '2026-07-01T10:00:00Z'),"
    " (9, 'm9', 5, '2026-07-02T10:00:00Z', 60, 'desk', '2026-07-02T10:00:00Z', '2026-07-02T10:00:00Z'),"
    " (10, 'm10', 6, '2026-08-01T10:00:00Z', 120, 'visit', '2026-08-01T10:00:00Z', '2026-08-01T10:00:00Z'),"
    " (11, 'm11', 7, '2026-09-01T10:00:00Z', 60, 'desk', '2026-09-01T10:00:00Z', '2026-09-01T10:00:00Z'),"
    " (12, 'm12', 8, '2026-09-02T10:00:00Z', 60, 'desk', '2026-09-02T10:00:00Z', '2026-09-02T10:00:00Z'),"
    " (13, 'm13', 9, '2026-04-01T10:00:00Z', 60, 'desk', '2026-04-01T10:00:00Z', '2026-04-01T10:00:00Z'),"
    " (14, 'm14', 10, '2026-04-02T10:00:00Z', 60, 'desk', '2026-04-02T10:00:00Z', '2026-04-02T10:00:00Z');"
    "INSERT INTO documents (uuid, client_id, title, status, sent_on, created_at, updated_at) VALUES"
    " ('d1', 1, 'Piano', 'sent', '2026-03-29', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('d2', 2, 'Piano', 'sent', '2026-10-25', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('d3', 3, 'Piano', 'sent', '2026-03-28', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('d4', 4, 'Piano', 'draft', '', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('d5', 10, 'Piano', 'sent', '2026-05-01', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');"
    "INSERT INTO follow_ups (uuid, meeting_id, text, done_at, created_at, updated_at) VALUES"
    " ('f1', 2, 'Chiamare', '2026-03-28T23:10:00.000Z', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('f2', 2, 'Chiamare', '2026-03-28T22:59:59.000Z', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('f3', 2, 'Chiamare', '', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('f4', 14, 'Chiamare', '2026-05-01T10:00:00.000Z', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');"
    "INSERT INTO events (id, uuid, title, starts_at, created_at, updated_at) VALUES"
    " (1, 'e1', 'Webinar', '2026-03-28T23:30:00Z', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " (2, 'e2', 'Webinar', '2026-10-25T23:30:00Z', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');"
    "INSERT INTO registrations (uuid, event_id, name, status, created_at, updated_at) VALUES"
    " ('r1', 1, 'Anna', 'attended', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('r2', 1, 'Bruno', 'attended', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('r3', 1, 'Carla', 'attended', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('r4', 1, 'Dario', 'absent', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('r5', 1, 'Elena', 'registered', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('r6', 1, 'Franco', 'cancelled', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('r7', 1, 'Gina', 'waitlisted', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
    " ('r8', 2, 'Ugo', 'attended', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');"
    "INSERT INTO grant_calls (uuid, title, created_at, updated_at) VALUES"
    " ('g', 'Bando', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
    "INSERT INTO grant_applications (uuid, client_id, call_uuid, status, amount_requested, amount_granted,"
    " submitted_on, outcome_on, created_at, updated_at) VALUES"
    " ('a1', 1, 'g', 'funded', 10000, 8000, '2026-04-01', '2026-09-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('a2', 2, 'g', 'rejected', 5000, NULL, '2025-12-01', '2026-05-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('a3', 3, 'g', 'submitted', 20000, NULL, '2026-10-25', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('a4', 10, 'g', 'submitted', 7000, NULL, '2026-05-01', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");

  /* scores of 0 (nothing answered) and 100 (everything complete) */
  sql = g_strdup_printf (
    "INSERT INTO assessments (uuid, client_id, checklist_uuid, assessed_on, answers, created_at, updated_at) VALUES"
    " ('s1', 1, '%1$s', '2026-04-01', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s2', 1, '%1$s', '2026-09-01', '%2$s', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s3', 2, '%1$s', '2026-05-01', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s4', 2, '%1$s', '2026-06-01', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s5', 2, '%1$s', '2026-10-25', '%2$s', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s6', 3, '%1$s', '2026-03-28', '%2$s', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s7', 3, '%1$s', '2026-04-10', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s8', 4, '%1$s', '2026-05-05', '%2$s', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s9', 5, '%1$s', '2026-05-06', '%2$s', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s10', 6, '%1$s', '2026-05-07', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s11', 7, '%1$s', '2026-05-08', '%2$s', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
    " ('s12', 10, '%1$s', '2026-05-09', '%2$s', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
    checklist, full);
  store_test_exec (db, sql);

  /* Iota is anonymised (still counted), Kappa is in the bin (not) */
  store_test_exec (db, "UPDATE clients SET anonymised_at = '2026-11-01T00:00:00Z', name = 'Anonimo' WHERE id = 9;"
                       "UPDATE clients SET deleted_at = '2026-11-01T00:00:00Z' WHERE id = 10;");

  return db;
}

static void
test_periods (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autofree char *e = NULL, *f = NULL, *g = NULL, *h = NULL;
  g_autofree char *q1 = NULL, *q2 = NULL;

  a = sportello_statistics_parse_date ("25/11/2026", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "2026-11-25");
  b = sportello_statistics_parse_date ("2026-02-28", &error);
  g_assert_cmpstr (b, ==, "2026-02-28");
  g_assert_null (sportello_statistics_parse_date ("31/02/2026", &error));
  g_assert_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD);
  g_clear_error (&error);
  g_assert_null (sportello_statistics_parse_date ("domani", &error));
  g_clear_error (&error);
  g_assert_false (sportello_statistics_check_period ("2026-12-01", "2026-11-30", &error));
  g_assert_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD);
  g_clear_error (&error);

  /* a year, a quarter, a month: the same before; other periods by days */
  sportello_statistics_previous_period ("2026-01-01", "2026-12-31", &c, &d);
  g_assert_cmpstr (c, ==, "2025-01-01");
  g_assert_cmpstr (d, ==, "2025-12-31");
  sportello_statistics_quarter (2026, 2, &q1, &q2);
  g_assert_cmpstr (q1, ==, "2026-04-01");
  g_assert_cmpstr (q2, ==, "2026-06-30");
  sportello_statistics_previous_period (q1, q2, &e, &f);
  g_assert_cmpstr (e, ==, "2026-01-01");
  g_assert_cmpstr (f, ==, "2026-03-31");
  sportello_statistics_previous_period ("2026-03-10", "2026-03-19", &g, &h);
  g_assert_cmpstr (g, ==, "2026-02-28");
  g_assert_cmpstr (h, ==, "2026-03-09");
}

static void
test_compute (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  g_autoptr(SportelloStatistics) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) months = NULL;

  stats = sportello_statistics_compute (db, FROM, TO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_statistics_get_from (stats), ==, FROM);
  g_assert_cmpstr (sportello_statistics_get_hub (stats), ==, "Polo di Novara");

  /* Alfa and Gamma met before; Kappa is in the bin; Iota, anonymised, counts */
  EXACT (stats, "firms_served", 9);
  EXACT (stats, "firms_new", 7);
  EXACT (stats, "meetings.total", 10);
  EXACT (stats, "meetings.by_kind.desk", 7);
  EXACT (stats, "meetings.by_kind.video", 1);
  EXACT (stats, "meetings.by_kind.phone", 1);
  EXACT (stats, "meetings.by_kind.visit", 1);
  EXACT (stats, "meetings.by_kind.webinar", 0);
  EXACT (stats, "consulting_hours", 10.75);
  EXACT (stats, "documents_sent", 2);
  EXACT (stats, "follow_ups_done", 1);

  EXACT (stats, "assessments.total", 10);
  EXACT (stats, "assessments.firms", 7);
  EXACT (stats, "assessments.mean_score", 50);
  EXACT (stats, "assessments.firms_compared", 2);
  EXACT (stats, "assessments.mean_change", 100);
  EXACT (stats, "assessments.by_category.retail.count", 6);
  EXACT (stats, "assessments.by_category.retail.p25", 25);
  EXACT (stats, "assessments.by_category.retail.p50", 100);
  EXACT (stats, "assessments.by_category.retail.p75", 100);
  EXACT (stats, "assessments.by_category.artisan.count", 1);

  EXACT (stats, "firms_by_category.retail", 7);
  EXACT (stats, "firms_by_category.artisan", 2);
  EXACT (stats, "firms_by_category.startup", 0);
  EXACT (stats, "firms_by_province.TO", 7);
  EXACT (stats, "firms_by_province.CN", 2);
  EXACT (stats, "firms_by_size.micro", 6);
  EXACT (stats, "firms_by_size.piccola", 2);
  EXACT (stats, "firms_by_size.media", 0);
  EXACT (stats, "firms_by_size.unknown", 1);
  EXACT (stats, "firms_by_source.website", 7);
  EXACT (stats, "firms_by_source.chamber", 2);

  EXACT (stats, "events.total", 1);
  EXACT (stats, "events.registrations", 5);
  EXACT (stats, "events.attended", 3);
  EXACT (stats, "events.attendance_rate", 0.6);

  EXACT (stats, "grant_applications.total", 2);
  EXACT (stats, "grant_applications.submitted", 2);
  EXACT (stats, "grant_applications.funded", 1);
  EXACT (stats, "grant_applications.rejected", 1);
  EXACT (stats, "grant_applications.amount_requested", 30000);
  EXACT (stats, "grant_applications.amount_granted", 8000);

  months = sportello_statistics_dup_members (stats, "monthly");
  g_assert_cmpuint (g_strv_length (months), ==, 8);
  g_assert_cmpstr (months[0], ==, "2026-03");
  g_assert_cmpstr (months[7], ==, "2026-10");
  EXACT (stats, "monthly.2026-03.meetings", 1);
  EXACT (stats, "monthly.2026-03.firms_served", 1);
  EXACT (stats, "monthly.2026-07.meetings", 2);
  EXACT (stats, "monthly.2026-07.firms_served", 1);
  EXACT (stats, "monthly.2026-09.firms_served", 2);
  EXACT (stats, "monthly.2026-10.meetings", 1);
}

/* The same day in UTC would take 28 March and leave 25 October's evening out */
static void
test_compute_one_day (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  g_autoptr(SportelloStatistics) first = sportello_statistics_compute (db, "2026-03-29", "2026-03-29", NULL);
  g_autoptr(SportelloStatistics) last = sportello_statistics_compute (db, "2026-10-25", "2026-10-25", NULL);
  g_autoptr(SportelloStatistics) before = sportello_statistics_compute (db, "2026-03-28", "2026-03-28", NULL);

  EXACT (first, "meetings.total", 1);
  EXACT (first, "firms_new", 0);
  EXACT (first, "events.total", 1);
  EXACT (last, "meetings.total", 1);
  EXACT (last, "meetings.by_kind.video", 1);
  EXACT (before, "meetings.total", 1);
  EXACT (before, "firms_new", 1);
}

/* The same figures with no client in the bin (the queries then skip it):
 * Kappa, who was left out, erased for good */
static void
test_compute_empty_bin (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  g_autoptr(SportelloStatistics) stats = NULL;

  store_test_exec (db, "DELETE FROM clients WHERE id = 10");
  stats = sportello_statistics_compute (db, FROM, TO, NULL);
  EXACT (stats, "firms_served", 9);
  EXACT (stats, "meetings.total", 10);
  EXACT (stats, "documents_sent", 2);
  EXACT (stats, "follow_ups_done", 1);
  EXACT (stats, "assessments.total", 10);
  EXACT (stats, "grant_applications.submitted", 2);

  /* and one more in the bin takes its figures away */
  store_test_exec (db, "UPDATE clients SET deleted_at = '2026-11-02T00:00:00Z' WHERE id = 1");
  g_clear_object (&stats);
  stats = sportello_statistics_compute (db, FROM, TO, NULL);
  EXACT (stats, "firms_served", 8);
  EXACT (stats, "meetings.total", 9);
  EXACT (stats, "documents_sent", 1);
  EXACT (stats, "follow_ups_done", 0);
  EXACT (stats, "assessments.total", 8);
  EXACT (stats, "grant_applications.submitted", 1);
}

/* Answers written otherwise than the app writes them (escapes in the
 * names, spaces, a note with quotes) score the same */
static void
test_answers_written_otherwise (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  SportelloChecklist *builtin = sportello_checklist_get_builtin ();
  g_autoptr(SportelloStatistics) stats = NULL;
  GString *json = g_string_new ("{ ");
  g_autofree char *sql = NULL;

  for (guint i = 0; i < builtin->items->len; i++)
    {
      const char *id = g_array_index (builtin->items, SportelloChecklistItem, i).id;

      g_string_append_printf (json, "%s\"\\u%04x%s\" :\n { \"note\" : \"detto \\\"bene\\\"\" , \"value\" : 2 }",
                              i ? " ,\n" : "", (guint) id[0], id + 1);
    }
  g_string_append (json, " }");
  /* Delta's 100 and Epsilon's 100, written both ways */
  sql = g_strdup_printf ("UPDATE assessments SET answers = '%s' WHERE uuid = 's8';"
                         "UPDATE assessments SET answers = replace (replace (answers, '\"value\": 2', '\"value\" :2'), "
                         "'\"note\": \"\"', '\"note\":\"a \\\"b\\\" c\"') WHERE uuid = 's9';",
                         json->str);
  g_string_free (json, TRUE);
  store_test_exec (db, sql);

  stats = sportello_statistics_compute (db, FROM, TO, NULL);
  EXACT (stats, "assessments.total", 10);
  EXACT (stats, "assessments.mean_score", 50);
  EXACT (stats, "assessments.by_category.retail.p75", 100);
}

/* Notes that end in backslashes, or hold quotes after them, do not
 * change the figures: the strings end where JSON says */
static void
test_answers_with_backslashes (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  g_autoptr(SportelloStatistics) plain = sportello_statistics_compute (db, FROM, TO, NULL);
  g_autoptr(SportelloStatistics) escaped = NULL;
  g_auto(GStrv) paths = NULL;
  const char * const figures[] = {
    "assessments.total", "assessments.firms", "assessments.mean_score", "assessments.firms_compared",
    "assessments.mean_change",
  };

  g_assert_nonnull (plain);
  /* JSON "c:\\", then "\\\"x\\\" \\" : a backslash before the end, a quote after two */
  store_test_exec (db,
    "UPDATE assessments SET answers = replace (answers, '\"note\": \"\"', '\"note\": \"c:\\\\\"') WHERE id % 2 = 0;"
    "UPDATE assessments SET answers = replace (answers, '\"note\": \"\"', "
    "'\"note\": \"\\\\\\\"x\\\\\\\" \\\\\", \"other\": \"\\\\\"') WHERE id % 2 = 1;");
  escaped = sportello_statistics_compute (db, FROM, TO, NULL);
  g_assert_nonnull (escaped);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      SportelloFigure a, b;

      g_assert_true (sportello_statistics_get_figure (plain, figures[i], &a));
      g_assert_true (sportello_statistics_get_figure (escaped, figures[i], &b));
      g_assert_cmpint (a.state, ==, b.state);
      g_assert_cmpfloat (a.value, ==, b.value);
    }
  paths = sportello_statistics_dup_members (plain, "assessments.by_category");
  g_assert_cmpuint (g_strv_length (paths), >, 0);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      const char * const parts[] = { "count", "p25", "p50", "p75" };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          g_autofree char *path = g_strdup_printf ("assessments.by_category.%s.%s", paths[i], parts[k]);

          g_assert_cmpfloat (sportello_statistics_get_value (plain, path), ==,
                             sportello_statistics_get_value (escaped, path));
        }
    }
}

/* The report's score without allocations is the assessment's score:
 * random answers (unanswered, not applicable, whole areas not
 * applicable, nothing applicable) scored both ways */
static void
test_score_tenths (void)
{
  SportelloChecklist *builtin = sportello_checklist_get_builtin ();
  guint n = builtin->items->len;
  g_autofree SportelloAnswer *answers = g_new0 (SportelloAnswer, n);
  g_autofree gboolean *answered = g_new0 (gboolean, n);
  g_autofree guint *scratch = g_new (guint, 2 * builtin->areas->len);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint n_undefined = 0;

  for (guint trial = 0; trial < 20000; trial++)
    {
      /* some trials leave out whole areas, or everything */
      guint na_area = g_rand_int_range (rand, 0, builtin->areas->len + 2);
      gboolean all_na = trial % 997 == 0;
      g_autoptr(SportelloScore) score = NULL;
      guint tenths = G_MAXUINT;
      gboolean defined;

      for (guint i = 0; i < n; i++)
        {
          guint area = g_array_index (builtin->items, SportelloChecklistItem, i).area;

          answered[i] = g_rand_int_range (rand, 0, 10) != 0;
          answers[i] = g_rand_int_range (rand, 0, 4);
          if (all_na || area == na_area)
            {
              answered[i] = TRUE;
              answers[i] = SPORTELLO_ANSWER_NA;
            }
        }
      score = sportello_checklist_score (builtin, answers, answered);
      defined = _sportello_checklist_score_tenths (builtin, answers, answered, scratch, &tenths);
      g_assert_cmpint (defined, ==, score->defined);
      if (defined)
        g_assert_cmpuint (tenths, ==, score->tenths);
      else
        n_undefined++;
    }
  g_assert_cmpuint (n_undefined, >, 0);
}

static JsonObject *
member_object (JsonObject *object,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    object = json_object_get_object_member (object, parts[i]);
  return object;
}

static void
test_file (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  g_autoptr(SportelloStatistics) stats = sportello_statistics_compute (db, FROM, TO, NULL);
  g_autoptr(SportelloStatistics) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = sportello_statistics_to_json (stats);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "statistics.json", NULL);
  g_autofree char *written = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "sportello-statistics");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "period"), "from"), ==, FROM);
  g_assert_cmpint (json_object_get_int_member (root, "firms_served"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (member_object (root, "meetings"), "total"), ==, 10);

  /* groups of fewer than 5 firms, and what is made of them, are null */
  g_assert_cmpint (json_object_get_int_member (member_object (root, "firms_by_category"), "retail"), ==, 7);
  g_assert_true (json_object_get_null_member (member_object (root, "firms_by_category"), "artisan"));
  g_assert_cmpint (json_object_get_int_member (member_object (root, "firms_by_category"), "startup"), ==, 0);
  g_assert_true (json_object_get_null_member (member_object (root, "firms_by_province"), "CN"));
  g_assert_true (json_object_get_null_member (member_object (root, "firms_by_size"), "piccola"));
  g_assert_true (json_object_get_null_member (member_object (root, "firms_by_size"), "unknown"));
  g_assert_true (json_object_get_null_member (member_object (root, "firms_by_source"), "chamber"));
  g_assert_true (json_object_get_null_member (member_object (root, "monthly.2026-03"), "firms_served"));
  g_assert_cmpint (json_object_get_int_member (member_object (root, "monthly.2026-03"), "meetings"), ==, 1);
  g_assert_true (json_object_get_null_member (member_object (root, "assessments"), "firms_compared"));
  g_assert_true (json_object_get_null_member (member_object (root, "assessments"), "mean_change"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (member_object (root, "assessments"), "mean_score"),
                                  50.0, 0.001);
  g_assert_true (json_object_get_null_member (member_object (root, "assessments.by_category"), "artisan"));
  g_assert_cmpint (json_object_get_int_member (member_object (root, "assessments.by_category.retail"), "count"), ==, 6);
  g_assert_true (json_object_get_null_member (member_object (root, "grant_applications"), "amount_requested"));
  g_assert_true (json_object_get_null_member (member_object (root, "grant_applications"), "amount_granted"));
  g_assert_cmpint (json_object_get_int_member (member_object (root, "grant_applications"), "submitted"), ==, 2);

  /* no names, identifiers or e-mails */
  g_assert_null (strstr (json, "Alfa"));
  g_assert_null (strstr (json, "01234567890"));
  g_assert_null (strstr (json, "alfa@example.it"));
  g_assert_null (strstr (json, "Anna"));
  g_assert_null (strstr (json, "\"c1\""));

  /* written whole, read back as it was written */
  g_assert_true (sportello_statistics_write (stats, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, json);
  again = sportello_statistics_load (path, &error);
  g_assert_no_error (error);
  EXACT (again, "firms_served", 9);
  EXACT (again, "consulting_hours", 10.75);
  assert_figure (again, "firms_by_category.artisan", SPORTELLO_FIGURE_UNKNOWN, 0);
  assert_figure (again, "assessments.by_category.artisan.p50", SPORTELLO_FIGURE_UNKNOWN, 0);
  EXACT (again, "assessments.by_category.retail.p25", 25);
  g_assert_cmpstr (sportello_statistics_get_hub_name (again, 0), ==, "Polo di Novara");
}

static void
test_xlsx (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  g_autoptr(SportelloStatistics) stats = sportello_statistics_compute (db, FROM, TO, NULL);
  g_autoptr(SportelloStatistics) previous = sportello_statistics_compute (db, "2025-03-29", "2025-10-25", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "report.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (sportello_report_write_xlsx (stats, previous, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 2, "PK", 2);
}

/* A file of a second hub, by hand */
static const char hub_b[] =
  "{\"format\": \"sportello-statistics\", \"version\": 1,"
  " \"period\": {\"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}, \"hub\": \"Polo di Cuneo\","
  " \"firms_served\": 20, \"firms_new\": null,"
  " \"meetings\": {\"total\": 40, \"by_kind\": {\"desk\": 40}},"
  " \"consulting_hours\": 30.5, \"documents_sent\": 3, \"follow_ups_done\": 4,"
  " \"assessments\": {\"total\": 30, \"firms\": 16, \"mean_score\": 70.0, \"firms_compared\": 8, \"mean_change\": 12.5,"
  "   \"by_category\": {\"retail\": {\"count\": 10, \"p25\": 40.0, \"p50\": 60.0, \"p75\": 80.0}, \"artisan\": null}},"
  " \"firms_by_category\": {\"retail\": 10, \"artisan\": 5, \"food\": 5},"
  " \"firms_by_province\": {\"CN\": 20},"
  " \"firms_by_size\": {\"micro\": 15, \"piccola\": 5, \"media\": 0, \"grande\": 0, \"unknown\": 0},"
  " \"firms_by_source\": {\"chamber\": 20},"
  " \"events\": {\"total\": 2, \"registrations\": 15, \"attended\": 7, \"attendance_rate\": 0.4667},"
  " \"grant_applications\": {\"total\": 6, \"submitted\": 6, \"funded\": 0, \"rejected\": 1,"
  "   \"amount_requested\": 60000, \"amount_granted\": null},"
  " \"monthly\": {\"2026-03\": {\"meetings\": 40, \"firms_served\": 20}}}";

static void
test_network (void)
{
  g_autoptr(SportelloDatabase) db = fixture ();
  g_autoptr(SportelloStatistics) own = sportello_statistics_compute (db, FROM, TO, NULL);
  g_autofree char *json = sportello_statistics_to_json (own);
  g_autoptr(SportelloStatistics) a = NULL;
  g_autoptr(SportelloStatistics) b = NULL;
  g_autoptr(SportelloStatistics) sum = NULL;
  g_autoptr(GError) error = NULL;
  SportelloStatistics *hubs[2];

  a = sportello_statistics_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  b = sportello_statistics_new_from_data (hub_b, -1, &error);
  g_assert_no_error (error);
  hubs[0] = a;
  hubs[1] = b;
  sum = sportello_statistics_sum (hubs, 2);

  g_assert_cmpuint (sportello_statistics_get_n_hubs (sum), ==, 2);
  g_assert_cmpstr (sportello_statistics_get_hub_name (sum, 0), ==, "Polo di Novara");
  g_assert_cmpstr (sportello_statistics_get_hub_name (sum, 1), ==, "Polo di Cuneo");
  g_assert_cmpstr (sportello_statistics_get_from (sum), ==, "2026-01-01");
  g_assert_cmpstr (sportello_statistics_get_to (sum), ==, "2026-12-31");

  EXACT (sum, "firms_served", 29);
  /* Cuneo wrote null: at least Novara's 7 */
  assert_figure (sum, "firms_new", SPORTELLO_FIGURE_AT_LEAST, 7);
  EXACT (sum, "meetings.total", 50);
  EXACT (sum, "meetings.by_kind.desk", 47);
  EXACT (sum, "meetings.by_kind.video", 1);
  EXACT (sum, "consulting_hours", 41.25);
  EXACT (sum, "firms_by_category.retail", 17);
  /* Novara's 2 artisans are null in its file */
  assert_figure (sum, "firms_by_category.artisan", SPORTELLO_FIGURE_AT_LEAST, 5);
  EXACT (sum, "firms_by_category.food", 5);
  assert_figure (sum, "firms_by_province.CN", SPORTELLO_FIGURE_AT_LEAST, 20);
  EXACT (sum, "firms_by_province.TO", 7);
  /* means weighted by their counts; Novara's change is null */
  EXACT (sum, "assessments.mean_score", 65);
  assert_figure (sum, "assessments.mean_change", SPORTELLO_FIGURE_PARTIAL, 12.5);
  EXACT (sum, "events.attendance_rate", 0.5);
  assert_figure (sum, "grant_applications.amount_requested", SPORTELLO_FIGURE_AT_LEAST, 60000);
  assert_figure (sum, "grant_applications.amount_granted", SPORTELLO_FIGURE_UNKNOWN, 0);
  assert_figure (sum, "monthly.2026-03.firms_served", SPORTELLO_FIGURE_AT_LEAST, 20);
  EXACT (sum, "monthly.2026-03.meetings", 41);

  /* the network's quartiles for retail: 34.4, 75, 87.5 */
  EXACT (sum, "assessments.by_category.retail.p25", 34.4);
  EXACT (sum, "assessments.by_category.retail.p50", 75);
  EXACT (sum, "assessments.by_category.retail.p75", 87.5);
  g_assert_cmpint (sportello_statistics_score_band (sum, "retail", 20), ==, SPORTELLO_SCORE_BAND_BOTTOM);
  g_assert_cmpint (sportello_statistics_score_band (sum, "retail", 50), ==, SPORTELLO_SCORE_BAND_LOWER_MIDDLE);
  g_assert_cmpint (sportello_statistics_score_band (sum, "retail", 75), ==, SPORTELLO_SCORE_BAND_UPPER_MIDDLE);
  g_assert_cmpint (sportello_statistics_score_band (sum, "retail", 95), ==, SPORTELLO_SCORE_BAND_TOP);
  g_assert_cmpint (sportello_statistics_score_band (sum, "artisan", 50), ==, SPORTELLO_SCORE_BAND_UNKNOWN);
  g_assert_cmpint (sportello_statistics_score_band (sum, "food", 50), ==, SPORTELLO_SCORE_BAND_UNKNOWN);
  g_assert_cmpstr (sportello_score_band_label (SPORTELLO_SCORE_BAND_TOP), !=, "");
}

static void
assert_refused (const char *json,
                const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloStatistics) stats = sportello_statistics_new_from_data (json, -1, &error);

  g_assert_null (stats);
  g_assert_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID);
  if (where != NULL && strstr (error->message, where) == NULL)
    g_error ("“%s” does not name %s", error->message, where);
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoin (new, parts[0], parts[1], NULL);
}

static void
test_refused (void)
{
  struct { const char *old, *new, *where; } cases[] = {
    { "\"sportello-statistics\"", "\"sportello-bundle\"", NULL },
    { "\"version\": 1", "\"version\": 2", NULL },
    { "\"to\": \"2026-12-31\"", "\"to\": \"2025-12-31\"", "period" },
    { "\"firms_served\": 20", "\"firms_served\": -1", "firms_served" },
    { "\"firms_served\": 20", "\"firms_served\": \"venti\"", "firms_served" },
    { "\"documents_sent\": 3", "\"documents_sent\": 3.5", "documents_sent" },
    { "\"food\": 5", "\"Mario Rossi\": 5", "firms_by_category.Mario Rossi" },
    { "\"hub\": \"Polo di Cuneo\",", "\"hub\": \"Polo di Cuneo\", \"clients\": [\"Rossi\"],", "clients" },
    { "\"consulting_hours\": 30.5,", "", "consulting_hours" },
    { "\"p50\": 60.0", "\"p50\": 160.0", "assessments.by_category.retail.p50" },
    { "\"2026-03\"", "\"marzo\"", "monthly.marzo" },
    { "\"by_kind\": {\"desk\": 40}", "\"by_kind\": [40]", "meetings.by_kind" },
    { "\"food\": 5", "\"food\": 1", "firms_by_category.food" },
  };

  assert_refused ("[]", NULL);
  assert_refused ("{", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = replace (hub_b, cases[i].old, cases[i].new);

      assert_refused (json, cases[i].where);
    }
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/store/statistics/periods", test_periods);
  g_test_add_func ("/store/statistics/compute", test_compute);
  g_test_add_func ("/store/statistics/compute-one-day", test_compute_one_day);
  g_test_add_func ("/store/statistics/compute-empty-bin", test_compute_empty_bin);
  g_test_add_func ("/store/statistics/answers-written-otherwise", test_answers_written_otherwise);
  g_test_add_func ("/store/statistics/answers-with-backslashes", test_answers_with_backslashes);
  g_test_add_func ("/store/statistics/score-tenths", test_score_tenths);
  g_test_add_func ("/store/statistics/file", test_file);
  g_test_add_func ("/store/statistics/xlsx", test_xlsx);
  g_test_add_func ("/store/statistics/network", test_network);
  g_test_add_func ("/store/statistics/refused", test_refused);

  return g_test_run ();
}
