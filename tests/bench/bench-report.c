/* bench-report.c: the year's figures over 50,000 clients and 500,000 meetings
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds 50,000 clients with 500,000 meetings over five years (about
 * 100,000 in the year measured), 100,000 assessments with every item of
 * the built-in checklist answered, 150,000 advice documents, 200,000
 * follow-ups, events with registrations and grant applications; then
 * times the figures of one calendar year, the statistics export (figures
 * and file) and the spreadsheet report (this year and the one before).
 * Goals: under 300 ms for the figures and for the export. Prints
 * numbers; asserts nothing about them.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sportello-assessment.h"
#include "sportello-checklist.h"
#include "sportello-database-private.h"
#include "sportello-report-pdf.h"
#include "sportello-report-xlsx.h"
#include "sportello-statistics.h"

#define N_CLIENTS 50000
#define N_MEETINGS 500000
#define N_ASSESSMENTS 100000
#define N_DOCUMENTS 150000
#define N_FOLLOW_UPS 200000
#define N_EVENTS 250
#define N_APPLICATIONS 6000
#define FIRST_YEAR 2022
#define YEARS 5

static const char * const provinces[] = {
  "CO", "MI", "BG", "NO", "TO", "CE", "NA", "RM", "FI", "BO", "VE", "PA", "BA", "CA", "",
};
static const char * const categories[] = {
  "artisan", "hospitality", "retail", "sme", "startup", "professional", "other",
};
static const char * const sources[] = {
  "webinar", "word-of-mouth", "chamber", "event", "website", "other",
};
static const char * const kinds[] = { "desk", "video", "phone", "visit", "webinar" };
static const char * const registration_statuses[] = { "registered", "attended", "attended", "absent", "cancelled", "waitlisted" };
static const char * const grant_statuses[] = { "interested", "preparing", "submitted", "admitted", "funded", "rejected", "withdrawn" };

static sqlite3_stmt *
prepare (SportelloDatabase *db,
         const char        *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _sportello_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

/* A random instant of the five years, as stored */
static char *
random_instant (GRand *rand)
{
  int year = FIRST_YEAR + g_rand_int_range (rand, 0, YEARS);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00Z", year, g_rand_int_range (rand, 1, 13),
                          g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 7, 19), g_rand_int_range (rand, 0, 4) * 15);
}

static char *
random_day (GRand *rand)
{
  int year = FIRST_YEAR + g_rand_int_range (rand, 0, YEARS);

  return g_strdup_printf ("%04d-%02d-%02d", year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

static void
fill (SportelloDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (500000);
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  g_autofree char *checklist_uuid = sportello_checklist_store (db, checklist, &error);
  g_autoptr(sqlite3_stmt) clients = NULL, meetings = NULL, assessments = NULL, documents = NULL;
  g_autoptr(sqlite3_stmt) follow_ups = NULL, events = NULL, registrations = NULL, calls = NULL, applications = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_assert_true (sportello_database_begin (db, &error));

  clients = prepare (db,
    "INSERT INTO clients (id, uuid, name, vat_number, email, province, employees, category, source, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')");
  for (guint i = 1; i <= N_CLIENTS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("Impresa %05u S.r.l.", i);
      g_autofree char *vat = g_strdup_printf ("%011u", 10000000u + i);
      g_autofree char *email = g_strdup_printf ("info@impresa%05u.it", i);

      sqlite3_bind_int (clients, 1, i);
      sqlite3_bind_text (clients, 2, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (clients, 3, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (clients, 4, vat, -1, SQLITE_STATIC);
      sqlite3_bind_text (clients, 5, email, -1, SQLITE_STATIC);
      sqlite3_bind_text (clients, 6, provinces[g_rand_int_range (rand, 0, G_N_ELEMENTS (provinces))], -1, SQLITE_STATIC);
      if (g_rand_int_range (rand, 0, 10) > 0)
        sqlite3_bind_int (clients, 7, g_rand_int_range (rand, 1, 300));
      else
        sqlite3_bind_null (clients, 7);
      sqlite3_bind_text (clients, 8, categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))], -1, SQLITE_STATIC);
      sqlite3_bind_text (clients, 9, sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))], -1, SQLITE_STATIC);
      step (clients);
    }

  meetings = prepare (db,
    "INSERT INTO meetings (id, uuid, client_id, starts_at, duration_minutes, kind, notes, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Incontro di approfondimento sul sito e sui canali di vendita.', ?4, ?4)");
  for (guint i = 1; i <= N_MEETINGS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *starts_at = random_instant (rand);

      sqlite3_bind_int (meetings, 1, i);
      sqlite3_bind_text (meetings, 2, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (meetings, 3, g_rand_int_range (rand, 1, N_CLIENTS + 1));
      sqlite3_bind_text (meetings, 4, starts_at, -1, SQLITE_STATIC);
      sqlite3_bind_int (meetings, 5, 30 * g_rand_int_range (rand, 1, 5));
      sqlite3_bind_text (meetings, 6, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], -1, SQLITE_STATIC);
      step (meetings);
    }

  /* the answers as the app writes them: in order of the items' ids */
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  for (guint k = 0; k < checklist->items->len; k++)
    g_ptr_array_add (ids, g_array_index (checklist->items, SportelloChecklistItem, k).id);
  g_ptr_array_sort_values (ids, (GCompareFunc) strcmp);

  assessments = prepare (db,
    "INSERT INTO assessments (uuid, client_id, checklist_uuid, assessed_on, answers, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')");
  for (guint i = 0; i < N_ASSESSMENTS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *day = random_day (rand);
      GString *answers = g_string_new ("{");

      for (guint k = 0; k < ids->len; k++)
        {
          int value = g_rand_int_range (rand, 0, 4);

          g_string_append_printf (answers, "%s\"%s\":{\"value\":", k ? "," : "", (const char *) g_ptr_array_index (ids, k));
          if (value == 3)
            g_string_append (answers, "\"na\"");
          else
            g_string_append_printf (answers, "%d", value);
          g_string_append (answers, ",\"note\":\"\"}");
        }
      g_string_append_c (answers, '}');

      sqlite3_bind_text (assessments, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (assessments, 2, g_rand_int_range (rand, 1, N_CLIENTS + 1));
      sqlite3_bind_text (assessments, 3, checklist_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (assessments, 4, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (assessments, 5, answers->str, -1, SQLITE_TRANSIENT);
      step (assessments);
      g_string_free (answers, TRUE);
    }

  documents = prepare (db,
    "INSERT INTO documents (uuid, client_id, title, body, status, sent_on, created_at, updated_at) "
    "VALUES (?1, ?2, 'Piano di azione', 'Testo del documento di consulenza.', ?3, ?4, '2022-01-01T00:00:00Z', "
    "'2022-01-01T00:00:00Z')");
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *day = random_day (rand);
      gboolean sent = g_rand_int_range (rand, 0, 3) > 0;

      sqlite3_bind_text (documents, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (documents, 2, g_rand_int_range (rand, 1, N_CLIENTS + 1));
      sqlite3_bind_text (documents, 3, sent ? "sent" : "draft", -1, SQLITE_STATIC);
      sqlite3_bind_text (documents, 4, sent ? day : "", -1, SQLITE_STATIC);
      step (documents);
    }

  follow_ups = prepare (db,
    "INSERT INTO follow_ups (uuid, meeting_id, text, done_at, created_at, updated_at) "
    "VALUES (?1, ?2, 'Inviare il preventivo', ?3, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')");
  for (guint i = 0; i < N_FOLLOW_UPS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *done = random_instant (rand);

      sqlite3_bind_text (follow_ups, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (follow_ups, 2, g_rand_int_range (rand, 1, N_MEETINGS + 1));
      sqlite3_bind_text (follow_ups, 3, g_rand_boolean (rand) ? done : "", -1, SQLITE_STATIC);
      step (follow_ups);
    }

  events = prepare (db,
    "INSERT INTO events (id, uuid, title, starts_at, created_at, updated_at) "
    "VALUES (?1, ?2, 'Webinar', ?3, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')");
  registrations = prepare (db,
    "INSERT INTO registrations (uuid, event_id, name, email, status, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')");
  for (guint i = 1; i <= N_EVENTS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *starts_at = random_instant (rand);

      sqlite3_bind_int (events, 1, i);
      sqlite3_bind_text (events, 2, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (events, 3, starts_at, -1, SQLITE_STATIC);
      step (events);
      for (guint r = 0; r < 40; r++)
        {
          g_autofree char *ruuid = g_uuid_string_random ();
          g_autofree char *name = g_strdup_printf ("Persona %u-%u", i, r);
          g_autofree char *email = g_strdup_printf ("persona%u.%u@example.it", i, r);

          sqlite3_bind_text (registrations, 1, ruuid, -1, SQLITE_STATIC);
          sqlite3_bind_int (registrations, 2, i);
          sqlite3_bind_text (registrations, 3, name, -1, SQLITE_STATIC);
          sqlite3_bind_text (registrations, 4, email, -1, SQLITE_STATIC);
          sqlite3_bind_text (registrations, 5, registration_statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (registration_statuses))],
                             -1, SQLITE_STATIC);
          step (registrations);
        }
    }

  calls = prepare (db, "INSERT INTO grant_calls (uuid, title, created_at, updated_at) "
                       "VALUES ('call', 'Voucher digitali', '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')");
  step (calls);
  applications = prepare (db,
    "INSERT INTO grant_applications (uuid, client_id, call_uuid, status, amount_requested, amount_granted, "
    "submitted_on, outcome_on, created_at, updated_at) "
    "VALUES (?1, ?2, 'call', ?3, ?4, ?5, ?6, ?7, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')");
  for (guint i = 0; i < N_APPLICATIONS; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *submitted = random_day (rand);
      g_autofree char *outcome = random_day (rand);
      const char *status = grant_statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (grant_statuses))];

      sqlite3_bind_text (applications, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (applications, 2, g_rand_int_range (rand, 1, N_CLIENTS + 1));
      sqlite3_bind_text (applications, 3, status, -1, SQLITE_STATIC);
      sqlite3_bind_int (applications, 4, 1000 * g_rand_int_range (rand, 5, 50));
      if (g_str_equal (status, "funded"))
        sqlite3_bind_int (applications, 5, 1000 * g_rand_int_range (rand, 5, 40));
      else
        sqlite3_bind_null (applications, 5);
      sqlite3_bind_text (applications, 6, submitted, -1, SQLITE_STATIC);
      sqlite3_bind_text (applications, 7, g_str_equal (status, "funded") || g_str_equal (status, "rejected") ? outcome : "",
                         -1, SQLITE_STATIC);
      step (applications);
    }

  g_assert_true (sportello_database_commit (db, &error));
  g_assert_true (sportello_database_exec (db, "ANALYZE", &error));
  g_print ("report: made %d clients, %d meetings, %d assessments, %d documents, %d follow-ups in %.1f s\n",
           N_CLIENTS, N_MEETINGS, N_ASSESSMENTS, N_DOCUMENTS, N_FOLLOW_UPS,
           (g_get_monotonic_time () - start) / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef gboolean (*Job) (SportelloDatabase *db, const char *dir);

static gboolean
job_figures (SportelloDatabase *db,
             const char        *dir)
{
  g_autoptr(SportelloStatistics) stats = sportello_statistics_compute (db, "2026-01-01", "2026-12-31", NULL);

  return stats != NULL;
}

static gboolean
job_export (SportelloDatabase *db,
            const char        *dir)
{
  g_autoptr(SportelloStatistics) stats = sportello_statistics_compute (db, "2026-01-01", "2026-12-31", NULL);
  g_autofree char *path = g_build_filename (dir, "statistiche.json", NULL);

  return stats != NULL && sportello_statistics_write (stats, path, NULL);
}

static gboolean
job_xlsx (SportelloDatabase *db,
          const char        *dir)
{
  g_autoptr(SportelloStatistics) stats = sportello_statistics_compute (db, "2026-01-01", "2026-12-31", NULL);
  g_autoptr(SportelloStatistics) previous = sportello_statistics_compute (db, "2025-01-01", "2025-12-31", NULL);
  g_autofree char *path = g_build_filename (dir, "resoconto.xlsx", NULL);

  return stats != NULL && previous != NULL && sportello_report_write_xlsx (stats, previous, path, NULL);
}

/* the sponsors' PDF (sportello-report-pdf.c): figures, tables, charts */
static gboolean
job_pdf (SportelloDatabase *db,
         const char        *dir)
{
  g_autoptr(SportelloStatistics) stats = sportello_statistics_compute (db, "2026-01-01", "2026-12-31", NULL);
  g_autoptr(SportelloStatistics) previous = sportello_statistics_compute (db, "2025-01-01", "2025-12-31", NULL);
  g_autofree char *path = g_build_filename (dir, "resoconto.pdf", NULL);

  return stats != NULL && previous != NULL &&
         sportello_report_write_pdf (stats, previous, "Banco di prova", path, NULL);
}

/* the PDF alone, from figures already computed */
static SportelloStatistics *pdf_stats, *pdf_previous;

static gboolean
job_pdf_only (SportelloDatabase *db,
              const char        *dir)
{
  g_autofree char *path = g_build_filename (dir, "resoconto.pdf", NULL);

  return sportello_report_write_pdf (pdf_stats, pdf_previous, "Banco di prova", path, NULL);
}

/* The processor time of this process, in ms: on a shared machine the
 * wall-clock time also counts the others' work */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
measure (SportelloDatabase *db,
         const char        *dir,
         const char        *what,
         Job                job,
         const char        *goal)
{
  double times[5], cpu[5];

  /* best and median of five, after one to warm the page cache */
  for (int rep = -1; rep < (int) G_N_ELEMENTS (times); rep++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      g_assert_true (job (db, dir));
      if (rep >= 0)
        {
          times[rep] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[rep] = cpu_ms () - cpu_start;
        }
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  qsort (cpu, G_N_ELEMENTS (cpu), sizeof cpu[0], compare_doubles);
  g_print ("report: %s: %.1f ms (best of 5; median %.1f ms; processor time %.1f ms)%s%s\n", what, times[0], times[2],
           cpu[0], goal ? "; goal: " : "", goal ? goal : "");
}

int
main (int   argc,
      char *argv[])
{
  /* SPORTELLO_BENCH_REPORT_DIR keeps the database for the next run */
  const char *keep = g_getenv ("SPORTELLO_BENCH_REPORT_DIR");
  g_autofree char *dir = keep ? g_strdup (keep) : g_dir_make_tmp ("sportello-bench-report-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "sportello.db", NULL);
  gboolean made = g_file_test (db_path, G_FILE_TEST_EXISTS);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloStatistics) stats = NULL;
  g_autoptr(GError) error = NULL;

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  sportello_database_set_origin (db, "Banco di prova", "Polo di prova");
  if (!made)
    fill (db);

  stats = sportello_statistics_compute (db, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_print ("report: the year 2026 holds %.0f meetings of %.0f firms, %.0f assessments, %.0f documents sent, "
           "%.0f follow-ups done\n",
           sportello_statistics_get_value (stats, "meetings.total"), sportello_statistics_get_value (stats, "firms_served"),
           sportello_statistics_get_value (stats, "assessments.total"), sportello_statistics_get_value (stats, "documents_sent"),
           sportello_statistics_get_value (stats, "follow_ups_done"));

  measure (db, dir, "the figures of a year", job_figures, "under 300 ms");
  measure (db, dir, "the statistics export of a year (figures and file)", job_export, "under 300 ms");
  measure (db, dir, "the spreadsheet report (the year and the one before, and the .xlsx)", job_xlsx, NULL);
  measure (db, dir, "the PDF report (the year and the one before, and the .pdf)", job_pdf, "under 2 s");
  pdf_stats = sportello_statistics_compute (db, "2026-01-01", "2026-12-31", NULL);
  pdf_previous = sportello_statistics_compute (db, "2025-01-01", "2025-12-31", NULL);
  measure (db, dir, "the PDF alone (tables, charts, tagging, writing)", job_pdf_only, NULL);
  g_clear_object (&pdf_stats);
  g_clear_object (&pdf_previous);

  g_clear_object (&db);
  if (keep == NULL)
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    (void) system (cmd);
  }
  return 0;
}
