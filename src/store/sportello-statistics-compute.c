/* sportello-statistics-compute.c: the desk's own figures for a period, from the database
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions are those of docs/statistics-format.md. Dates without a
 * time (documents, assessments, applications) are compared as they are;
 * timestamps against the UTC instants of the period's ends
 * (sportello-statistics-period.c).
 *
 * Clients in the bin are left out; anonymised clients count (their
 * records keep their dates and kinds). The assessments' figures are in
 * sportello-statistics-assessments.c.
 */

#define G_LOG_DOMAIN "sportello-statistics"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "sportello-event-private.h"
#include "sportello-statistics-private.h"
#include "sportello-vocabulary.h"

/* The ids of clients are SQLite rowids: they fit a pointer on the
 * 64-bit systems Sportello runs on */
#define ID_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

static void
period_clear (Period *period)
{
  g_clear_pointer (&period->to_next, g_free);
  g_clear_pointer (&period->from_utc, g_free);
  g_clear_pointer (&period->to_utc, g_free);
  g_clear_pointer (&period->month_keys, g_ptr_array_unref);
  g_clear_pointer (&period->month_starts, g_ptr_array_unref);
  g_clear_pointer (&period->served, g_ptr_array_unref);
  g_clear_pointer (&period->clients, g_hash_table_unref);
  g_clear_pointer (&period->by_id, g_free);
  g_clear_pointer (&period->names, g_hash_table_unref);
}

static void
period_init (Period     *period,
             const char *from,
             const char *to)
{
  GDate month, last;

  period->from = from;
  period->to = to;
  period->to_next = _sportello_statistics_day_after (to);
  period->from_utc = _sportello_statistics_utc_start_of (from, 0);
  period->to_utc = _sportello_statistics_utc_start_of (to, 1);
  period->month_keys = g_ptr_array_new_with_free_func (g_free);
  period->month_starts = g_ptr_array_new_with_free_func (g_free);
  period->clients = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  period->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  period->served = g_ptr_array_new ();
  period->empty_bin = TRUE;

  _sportello_statistics_read_iso_date (from, &month);
  _sportello_statistics_read_iso_date (to, &last);
  while (g_date_compare (&month, &last) <= 0)
    {
      g_autofree char *day = _sportello_statistics_date_to_iso (&month);

      g_ptr_array_add (period->month_keys, g_strndup (day, 7));
      g_ptr_array_add (period->month_starts, _sportello_statistics_utc_start_of (day, 0));
      /* the first of the next month */
      g_date_set_day (&month, 1);
      g_date_add_months (&month, 1);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Period, period_clear)

sqlite3_stmt *
_sportello_statistics_prepare_period (SportelloDatabase  *db,
                                      const char         *sql,
                                      Period             *period,
                                      GError            **error)
{
  sqlite3_stmt *stmt = _sportello_database_prepare (db, sql, error);

  /* ?1 ?2: the instants; ?3 ?4: the days (to exclusive) */
  if (stmt == NULL)
    return NULL;
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      const char *name = sqlite3_bind_parameter_name (stmt, i);
      const char *value = NULL;

      if (name == NULL)
        continue;
      if (g_str_equal (name, "?1"))
        value = period->from_utc;
      else if (g_str_equal (name, "?2"))
        value = period->to_utc;
      else if (g_str_equal (name, "?3"))
        value = period->from;
      else if (g_str_equal (name, "?4"))
        value = period->to_next;
      if (value != NULL)
        sqlite3_bind_text (stmt, i, value, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

gboolean
_sportello_statistics_step_done (SportelloDatabase  *db,
                                 int                 rc,
                                 GError            **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  _sportello_database_set_error (db, error);
  return FALSE;
}

static void
put_vocabulary_zeroes (SportelloStatistics *self,
                       const char          *group,
                       SportelloVocabulary  vocabulary)
{
  const SportelloTerm *terms;
  guint n_terms;

  terms = sportello_vocabulary_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    _sportello_statistics_putf (self, 0, "%s.%s", group, terms[i].id);
}

static const char *
size_of (sqlite3_stmt *stmt,
         int           column)
{
  sqlite3_int64 employees;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return "unknown";
  employees = sqlite3_column_int64 (stmt, column);
  if (employees < 0)
    return "unknown";
  if (employees < 10)
    return "micro";
  if (employees < 50)
    return "piccola";
  if (employees < 250)
    return "media";
  return "grande";
}

static const char *
intern (Period     *period,
        const char *name)
{
  const char *kept = g_hash_table_lookup (period->names, name);

  if (kept == NULL)
    {
      char *copy = g_strdup (name);

      g_hash_table_insert (period->names, copy, copy);
      kept = copy;
    }
  return kept;
}

/* Every client, in one pass of the table (faster than looking each up) */
static gboolean
read_clients (SportelloDatabase  *db,
              Period             *period,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count, max_id;
  int rc;

  /* the ids are rowids, 1, 2, … as made: an array at their ids holds them
   * close together (the figures look each up once per record) */
  if (!(stmt = _sportello_database_prepare (db, "SELECT count(*), coalesce (max (id), 0) FROM clients", error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!_sportello_statistics_step_done (db, rc, error))
    return FALSE;
  count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  max_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  period->n_by_id = CLAMP (max_id + 1, 0, 2 * count + 1024);
  period->by_id = g_new0 (Client, period->n_by_id);

  if (!(stmt = _sportello_database_prepare (db,
          "SELECT id, category, province, source, employees, deleted_at IS NOT NULL FROM clients", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Client *client;

      if (id >= 0 && id < period->n_by_id)
        client = &period->by_id[id];
      else
        {
          client = g_new0 (Client, 1);
          g_hash_table_insert (period->clients, ID_KEY (id), client);
        }
      client->present = TRUE;
      client->id = id;
      client->category = intern (period, _sportello_statistics_member_key ((const char *) sqlite3_column_text (stmt, 1)));
      client->province = intern (period, _sportello_statistics_member_key ((const char *) sqlite3_column_text (stmt, 2)));
      client->source = intern (period, _sportello_statistics_member_key ((const char *) sqlite3_column_text (stmt, 3)));
      client->size = size_of (stmt, 4);
      client->in_bin = sqlite3_column_int (stmt, 5) != 0;
      period->empty_bin &= !client->in_bin;
    }
  return _sportello_statistics_step_done (db, rc, error);
}

/* The client of @id, unless it is in the bin (or not there) */
Client *
_sportello_statistics_counted_client (Period *period,
                                      gint64  id)
{
  Client *client;

  if (id >= 0 && id < period->n_by_id)
    client = period->by_id[id].present ? &period->by_id[id] : NULL;
  else
    client = g_hash_table_lookup (period->clients, ID_KEY (id));
  return client != NULL && !client->in_bin ? client : NULL;
}

static gboolean
compute_meetings (SportelloStatistics  *self,
                  SportelloDatabase    *db,
                  Period               *period,
                  GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) month_firms = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) month_meetings = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  guint n_months = period->month_keys->len;
  gint64 total = 0, minutes = 0;
  guint month = 0;
  int rc;

  g_array_set_size (month_meetings, n_months);
  g_array_set_size (month_firms, n_months);

  _sportello_statistics_put (self, "meetings.total", 0);
  put_vocabulary_zeroes (self, "meetings.by_kind", SPORTELLO_VOCABULARY_MEETING_KIND);

  /* in order of time, from an index that holds all it needs */
  if (!(stmt = _sportello_statistics_prepare_period (db,
          "SELECT client_id, starts_at, kind, duration_minutes FROM meetings "
          "WHERE starts_at >= ?1 AND starts_at < ?2 ORDER BY starts_at", period, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Client *client = _sportello_statistics_counted_client (period, sqlite3_column_int64 (stmt, 0));
      const char *starts_at = (const char *) sqlite3_column_text (stmt, 1);
      const char *kind = _sportello_statistics_member_key ((const char *) sqlite3_column_text (stmt, 2));
      guint *n;

      if (client == NULL)
        continue;
      total++;
      minutes += MAX (0, sqlite3_column_int64 (stmt, 3));
      /* a few kinds: counted here, put at the end */
      if (!(n = g_hash_table_lookup (kinds, kind)))
        g_hash_table_insert (kinds, g_strdup (kind), (n = g_new0 (guint, 1)));
      (*n)++;

      while (month + 1 < n_months && strcmp (starts_at, g_ptr_array_index (period->month_starts, month + 1)) >= 0)
        month++;
      g_array_index (month_meetings, gint64, month)++;
      /* in order of time: a firm's months come one after the other */
      if (client->month != month + 1)
        {
          client->month = month + 1;
          g_array_index (month_firms, gint64, month)++;
        }
      if (!client->served)
        {
          client->served = TRUE;
          g_ptr_array_add (period->served, client);
        }
    }
  if (!_sportello_statistics_step_done (db, rc, error))
    return FALSE;

  _sportello_statistics_put (self, "meetings.total", total);
  g_hash_table_iter_init (&iter, kinds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    _sportello_statistics_putf (self, *(guint *) value, "meetings.by_kind.%s", (const char *) key);
  _sportello_statistics_put (self, "consulting_hours", round (minutes / 60.0 * 100) / 100);
  for (guint m = 0; m < n_months; m++)
    {
      const char *month_key = g_ptr_array_index (period->month_keys, m);

      _sportello_statistics_putf (self, g_array_index (month_meetings, gint64, m), "monthly.%s.meetings", month_key);
      _sportello_statistics_putf (self, g_array_index (month_firms, gint64, m), "monthly.%s.firms_served", month_key);
    }

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_clients (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = (*(Client * const *) a)->id, y = (*(Client * const *) b)->id;

  return (x > y) - (x < y);
}

/* @name (kept elsewhere) counted once more in @counts */
static void
count_name (GHashTable *counts,
            const char *name)
{
  guint *n = g_hash_table_lookup (counts, name);

  if (n == NULL)
    g_hash_table_insert (counts, (gpointer) name, (n = g_new0 (guint, 1)));
  (*n)++;
}

/* The counts of a group, added to its members (in the order of their names
 * after those already there) */
static void
put_counts (SportelloStatistics *self,
            const char          *group,
            GHashTable          *counts)
{
  g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (counts, NULL);

  g_sort_array (names, g_hash_table_size (counts), sizeof *names, compare_names, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (group, ".", names[i], NULL);

      _sportello_statistics_add_to (self, path, *(guint *) g_hash_table_lookup (counts, names[i]));
    }
}

/* The firms served, grouped; new when they had no meeting before */
static gboolean
compute_firms (SportelloStatistics  *self,
               SportelloDatabase    *db,
               Period               *period,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) before = NULL;
  g_autoptr(GPtrArray) served = g_ptr_array_copy (period->served, NULL, NULL);
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) provinces = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 new_firms = 0;

  put_vocabulary_zeroes (self, "firms_by_category", SPORTELLO_VOCABULARY_CATEGORY);
  _sportello_statistics_put (self, "firms_by_size.micro", 0);
  _sportello_statistics_put (self, "firms_by_size.piccola", 0);
  _sportello_statistics_put (self, "firms_by_size.media", 0);
  _sportello_statistics_put (self, "firms_by_size.grande", 0);
  _sportello_statistics_put (self, "firms_by_size.unknown", 0);
  put_vocabulary_zeroes (self, "firms_by_source", SPORTELLO_VOCABULARY_SOURCE);

  if (!(before = _sportello_statistics_prepare_period (db,
          "SELECT EXISTS (SELECT 1 FROM meetings WHERE client_id = ?5 AND starts_at < ?1)", period, error)))
    return FALSE;

  /* in order of id, so the probes walk the index forward */
  g_ptr_array_sort (served, compare_clients);
  for (guint i = 0; i < served->len; i++)
    {
      Client *client = g_ptr_array_index (served, i);
      int rc;

      sqlite3_bind_int64 (before, 5, client->id);
      rc = sqlite3_step (before);
      if (!_sportello_statistics_step_done (db, rc, error))
        return FALSE;
      new_firms += rc == SQLITE_ROW && sqlite3_column_int (before, 0) == 0;
      sqlite3_reset (before);

      count_name (categories, client->category);
      count_name (sizes, client->size);
      count_name (sources, client->source);
    }
  put_counts (self, "firms_by_category", categories);
  put_counts (self, "firms_by_size", sizes);
  put_counts (self, "firms_by_source", sources);

  /* the provinces in order of their codes */
  for (guint i = 0; i < served->len; i++)
    count_name (provinces, ((Client *) g_ptr_array_index (served, i))->province);
  put_counts (self, "firms_by_province", provinces);

  _sportello_statistics_put (self, "firms_served", served->len);
  _sportello_statistics_put (self, "firms_new", new_firms);
  return TRUE;
}

static gboolean
count_one (SportelloStatistics  *self,
           SportelloDatabase    *db,
           Period               *period,
           const char           *path,
           const char           *sql,
           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_statistics_prepare_period (db, sql, period, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!_sportello_statistics_step_done (db, rc, error))
    return FALSE;
  _sportello_statistics_put (self, path, rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0);
  return TRUE;
}

static gboolean
compute_events (SportelloStatistics  *self,
                SportelloDatabase    *db,
                Period               *period,
                GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 registrations = 0, attended = 0;
  int rc;

  if (!count_one (self, db, period, "events.total",
                  "SELECT count(*) FROM events WHERE starts_at >= ?1 AND starts_at < ?2", error))
    return FALSE;

  if (!(stmt = _sportello_statistics_prepare_period (db,
          "SELECT count(*), coalesce (sum (r.status = 'attended'), 0) FROM registrations r "
          "JOIN events e ON e.id = r.event_id "
          "WHERE e.starts_at >= ?1 AND e.starts_at < ?2 AND r.status IN " SPORTELLO_TAKES_PLACE_SQL,
          period, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!_sportello_statistics_step_done (db, rc, error))
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      registrations = sqlite3_column_int64 (stmt, 0);
      attended = sqlite3_column_int64 (stmt, 1);
    }

  _sportello_statistics_put (self, "events.registrations", registrations);
  _sportello_statistics_put (self, "events.attended", attended);
  if (registrations > 0)
    _sportello_statistics_put (self, "events.attendance_rate", round ((double) attended / registrations * 10000) / 10000);
  else
    _sportello_statistics_put_unknown (self, "events.attendance_rate");
  return TRUE;
}

static gboolean
compute_grants (SportelloStatistics  *self,
                SportelloDatabase    *db,
                Period               *period,
                GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_statistics_prepare_period (db,
          "SELECT coalesce (sum (a.submitted_on >= ?3 AND a.submitted_on < ?4), 0), "
          "coalesce (sum (a.status = 'funded' AND a.outcome_on >= ?3 AND a.outcome_on < ?4), 0), "
          "coalesce (sum (a.status = 'rejected' AND a.outcome_on >= ?3 AND a.outcome_on < ?4), 0), "
          "coalesce (sum (CASE WHEN a.submitted_on >= ?3 AND a.submitted_on < ?4 THEN a.amount_requested END), 0), "
          "coalesce (sum (CASE WHEN a.status = 'funded' AND a.outcome_on >= ?3 AND a.outcome_on < ?4 "
          "  THEN a.amount_granted END), 0) "
          "FROM grant_applications a JOIN clients c ON c.id = a.client_id "
          "WHERE c.deleted_at IS NULL AND ((a.submitted_on >= ?3 AND a.submitted_on < ?4) "
          "  OR (a.outcome_on >= ?3 AND a.outcome_on < ?4))", period, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!_sportello_statistics_step_done (db, rc, error))
    return FALSE;

  _sportello_statistics_put (self, "grant_applications.total", sqlite3_column_int64 (stmt, 0));
  _sportello_statistics_put (self, "grant_applications.submitted", sqlite3_column_int64 (stmt, 0));
  _sportello_statistics_put (self, "grant_applications.funded", sqlite3_column_int64 (stmt, 1));
  _sportello_statistics_put (self, "grant_applications.rejected", sqlite3_column_int64 (stmt, 2));
  _sportello_statistics_put (self, "grant_applications.amount_requested", sqlite3_column_int64 (stmt, 3));
  _sportello_statistics_put (self, "grant_applications.amount_granted", sqlite3_column_int64 (stmt, 4));
  return TRUE;
}

#define IN_BIN_SQL "(SELECT id FROM clients WHERE deleted_at IS NOT NULL)"

/* This thread's processor time in ms, for the debug messages */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* As much of the file as a year of records needs, mapped */
#define REPORT_MMAP_SIZE (G_GINT64_CONSTANT (1) << 30)

static gint64
pragma_number (SportelloDatabase *db,
               const char        *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

/**
 * sportello_statistics_compute:
 * @from: the first day, "YYYY-MM-DD" in Europe/Rome
 * @to: the last day, included
 *
 * Every figure of the desk for the period, exact. Reads the database in
 * one transaction, so the figures agree with each other.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 */
SportelloStatistics *
sportello_statistics_compute (SportelloDatabase  *db,
                              const char         *from,
                              const char         *to,
                              GError            **error)
{
  g_autoptr(SportelloStatistics) self = NULL;
  g_auto(Period) period = { 0 };
  gboolean ok;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  if (!sportello_statistics_check_period (from, to, error))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_STATISTICS, NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->hub = g_strdup (sportello_database_get_hub (db) ? sportello_database_get_hub (db) : "");
  period_init (&period, from, to);

  /* the order of the file */
  _sportello_statistics_put (self, "firms_served", 0);
  _sportello_statistics_put (self, "firms_new", 0);

  /* the period's records are read through a map of the file rather than
   * copied page by page (much of the time of a year's figures otherwise);
   * the connection keeps the map, so the next figures (the previous
   * period, another report) do not map the same pages again. Writes
   * still go through the file (SQLite maps for reading only). */
  if (pragma_number (db, "PRAGMA mmap_size") < REPORT_MMAP_SIZE)
    {
      g_autofree char *set = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT, (gint64) REPORT_MMAP_SIZE);

      sportello_database_exec (db, set, NULL);
    }

  if (!sportello_database_exec (db, "BEGIN", error))
    return NULL;
  /* each part timed for G_MESSAGES_DEBUG=sportello-statistics */
#define TIMED(call) \
  if (ok) \
    { \
      gint64 start = g_get_monotonic_time (); \
      double cpu = cpu_ms (); \
      ok = (call); \
      g_debug ("%s: %.1f ms (processor %.1f ms)", #call, (g_get_monotonic_time () - start) / 1000.0, \
               cpu_ms () - cpu); \
    }
  ok = TRUE;
  TIMED (read_clients (db, &period, error));
  TIMED (compute_meetings (self, db, &period, error));
  /* the clients in the bin are usually none: then nothing needs their ids */
  if (period.empty_bin)
    {
      TIMED (count_one (self, db, &period, "documents_sent",
                        "SELECT count(*) FROM documents WHERE sent_on <> '' AND sent_on >= ?3 AND sent_on < ?4",
                        error));
      TIMED (count_one (self, db, &period, "follow_ups_done",
                        "SELECT count(*) FROM follow_ups WHERE done_at <> '' AND done_at >= ?1 AND done_at < ?2",
                        error));
    }
  else
    {
      TIMED (count_one (self, db, &period, "documents_sent",
                        "SELECT count(*) FROM documents WHERE sent_on <> '' AND sent_on >= ?3 AND sent_on < ?4 "
                        "AND client_id NOT IN " IN_BIN_SQL, error));
      TIMED (count_one (self, db, &period, "follow_ups_done",
                        "SELECT count(*) FROM follow_ups f WHERE done_at <> '' AND done_at >= ?1 AND done_at < ?2 "
                        "AND coalesce ((SELECT client_id FROM meetings m WHERE m.id = f.meeting_id), "
                        "(SELECT client_id FROM grant_applications a WHERE a.id = f.application_id)) "
                        "NOT IN " IN_BIN_SQL, error));
    }
  TIMED (_sportello_statistics_compute_assessments (self, db, &period, error));
  TIMED (compute_firms (self, db, &period, error));
  TIMED (compute_events (self, db, &period, error));
  TIMED (compute_grants (self, db, &period, error));
#undef TIMED
  sportello_database_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);

  return ok ? g_steal_pointer (&self) : NULL;
}
