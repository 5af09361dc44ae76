/* sportello-statistics.c: the desk's figures for a period, and the
 * statistics files the hubs of the network exchange
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions are those of docs/statistics-format.md. A period is a
 * range of days in Europe/Rome; timestamps (meetings, follow-ups, events)
 * are stored in UTC, so the period's ends become the UTC instants of
 * local midnight, which moves across the DST changes. Dates without a
 * time (documents, assessments, applications) are compared as they are.
 *
 * Clients in the bin are left out; anonymised clients count (their
 * records keep their dates and kinds). The figures are kept by their
 * path in the file ("meetings.by_kind.desk"), in the order they were
 * made, so the file, the network's sum and the report read the same
 * table.
 */

#define G_LOG_DOMAIN "sportello-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sportello-assessment.h"
#include "sportello-atomic-file.h"
#include "sportello-checklist-private.h"
#include "sportello-database-private.h"
#include "sportello-event-private.h"
#include "sportello-format.h"
#include "sportello-json-scanner.h"
#include "sportello-statistics.h"
#include "sportello-vocabulary.h"

#define FORMAT_NAME "sportello-statistics"
#define FORMAT_VERSION 1

struct _SportelloStatistics
{
  GObject     parent_instance;

  char       *from;
  char       *to;
  char       *hub;
  GPtrArray  *hub_names;   /* of a network sum */
  GHashTable *figures;     /* path → SportelloFigure */
  GPtrArray  *paths;       /* in order */
};

G_DEFINE_FINAL_TYPE (SportelloStatistics, sportello_statistics, G_TYPE_OBJECT)

G_DEFINE_QUARK (sportello-statistics-error-quark, sportello_statistics_error)

static void
sportello_statistics_finalize (GObject *object)
{
  SportelloStatistics *self = SPORTELLO_STATISTICS (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->hub);
  g_ptr_array_unref (self->hub_names);
  g_hash_table_unref (self->figures);
  g_ptr_array_unref (self->paths);

  G_OBJECT_CLASS (sportello_statistics_parent_class)->finalize (object);
}

static void
sportello_statistics_class_init (SportelloStatisticsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sportello_statistics_finalize;
}

static void
sportello_statistics_init (SportelloStatistics *self)
{
  self->hub_names = g_ptr_array_new_with_free_func (g_free);
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->paths = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------ the figures ---- */

static void
put_figure (SportelloStatistics  *self,
            const char           *path,
            SportelloFigureState  state,
            double                value)
{
  SportelloFigure *figure = g_hash_table_lookup (self->figures, path);

  if (figure == NULL)
    {
      char *key = g_strdup (path);

      figure = g_new0 (SportelloFigure, 1);
      g_ptr_array_add (self->paths, key);
      g_hash_table_insert (self->figures, key, figure);
    }
  figure->state = state;
  figure->value = state == SPORTELLO_FIGURE_UNKNOWN ? 0 : value;
}

static void
put (SportelloStatistics *self,
     const char          *path,
     double               value)
{
  put_figure (self, path, SPORTELLO_FIGURE_EXACT, value);
}

static void
put_unknown (SportelloStatistics *self,
             const char          *path)
{
  put_figure (self, path, SPORTELLO_FIGURE_UNKNOWN, 0);
}

static void
putf (SportelloStatistics *self,
      double               value,
      const char          *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
putf (SportelloStatistics *self,
      double               value,
      const char          *format,
      ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  put (self, path, value);
}

static void
add_to (SportelloStatistics *self,
        const char          *path,
        double               value)
{
  SportelloFigure *figure = g_hash_table_lookup (self->figures, path);

  put (self, path, (figure != NULL ? figure->value : 0) + value);
}

/* The rules of the format, by path: how many decimals a figure has, and
 * which figures count firms (or are made from a count of firms) and so
 * are null in the file when fewer than SPORTELLO_STATISTICS_MIN_GROUP */

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  return g_str_has_suffix (path, suffix);
}

static gboolean
is_quartile (const char *path)
{
  return g_str_has_prefix (path, "assessments.by_category.") &&
         (has_suffix (path, ".p25") || has_suffix (path, ".p50") || has_suffix (path, ".p75"));
}

static guint
decimals_for (const char *path)
{
  if (g_str_equal (path, "consulting_hours"))
    return 2;
  if (g_str_equal (path, "events.attendance_rate"))
    return 4;
  if (g_str_equal (path, "assessments.mean_score") || g_str_equal (path, "assessments.mean_change") ||
      is_quartile (path))
    return 1;
  return 0;
}

static gboolean
counts_firms (const char *path)
{
  return g_str_equal (path, "firms_served") || g_str_equal (path, "firms_new") ||
         g_str_has_prefix (path, "firms_by_") ||
         (g_str_has_prefix (path, "monthly.") && has_suffix (path, ".firms_served")) ||
         g_str_equal (path, "assessments.firms") || g_str_equal (path, "assessments.firms_compared") ||
         (g_str_has_prefix (path, "assessments.by_category.") && has_suffix (path, ".count"));
}

/* The count a mean, quartile or amount is made over; NULL for none */
static char *
weight_of (const char *path)
{
  if (g_str_equal (path, "assessments.mean_score"))
    return g_strdup ("assessments.firms");
  if (g_str_equal (path, "assessments.mean_change"))
    return g_strdup ("assessments.firms_compared");
  if (g_str_equal (path, "grant_applications.amount_requested"))
    return g_strdup ("grant_applications.submitted");
  if (g_str_equal (path, "grant_applications.amount_granted"))
    return g_strdup ("grant_applications.funded");
  if (is_quartile (path))
    {
      g_autofree char *category = g_strndup (path, strlen (path) - 4);

      return g_strconcat (category, ".count", NULL);
    }
  return NULL;
}

static gboolean
too_few (double count)
{
  return count > 0 && count < SPORTELLO_STATISTICS_MIN_GROUP;
}

/* ----------------------------------------------------------- periods ---- */

static GTimeZone *
rome (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Rome");

  return tz != NULL ? tz : g_time_zone_new_local ();
}

static gboolean
read_iso_date (const char *text,
               GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * sportello_statistics_parse_date:
 * @text: a date as typed: “2026-11-25” or “25/11/2026”
 *
 * Returns: (transfer full) (nullable): the day as "YYYY-MM-DD", or %NULL
 *   with a translated error when @text is no day
 */
char *
sportello_statistics_parse_date (const char  *text,
                                 GError     **error)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(GDateTime) date = NULL;
  gboolean has_time = FALSE;

  if (!(date = sportello_parse_date_input (text, tz, &has_time)) || has_time)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD,
                   _("“%s” is not a date: write it as 25/11/2026 or 2026-11-25"), text ? text : "");
      return NULL;
    }
  return g_date_time_format (date, "%Y-%m-%d");
}

/**
 * sportello_statistics_check_period:
 *
 * Whether @from and @to are days ("YYYY-MM-DD") with @from not after @to.
 */
gboolean
sportello_statistics_check_period (const char  *from,
                                   const char  *to,
                                   GError     **error)
{
  GDate a, b;

  if (!read_iso_date (from, &a) || !read_iso_date (to, &b))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD,
                   _("“%s” is not a date: write it as 25/11/2026 or 2026-11-25"),
                   !read_iso_date (from, &a) ? (from ? from : "") : (to ? to : ""));
      return FALSE;
    }
  if (g_date_compare (&a, &b) > 0)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD,
                   _("The period starts on %s, after its end on %s"), from, to);
      return FALSE;
    }
  return TRUE;
}

/* This calendar year, in Europe/Rome */
void
sportello_statistics_this_year (char **from,
                                char **to)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  *from = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now));
  *to = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now));
}

/* Quarter 1 to 4 of @year */
void
sportello_statistics_quarter (int    year,
                              int    quarter,
                              char **from,
                              char **to)
{
  GDate last;
  int first_month;

  quarter = CLAMP (quarter, 1, 4);
  first_month = (quarter - 1) * 3 + 1;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_get_days_in_month (first_month + 2, year), first_month + 2, year);
  *from = g_strdup_printf ("%04d-%02d-01", year, first_month);
  *to = date_to_iso (&last);
}

/**
 * sportello_statistics_previous_period:
 *
 * The period of the same length just before @from…@to. A period of whole
 * calendar months (from a 1st to a month's last day) gives the same
 * number of whole months before it: a year gives the year before, a
 * quarter the quarter before. Any other gives the same number of days.
 */
void
sportello_statistics_previous_period (const char  *from,
                                      const char  *to,
                                      char       **previous_from,
                                      char       **previous_to)
{
  GDate a, b, pa, pb;

  if (!read_iso_date (from, &a) || !read_iso_date (to, &b))
    {
      *previous_from = g_strdup (from);
      *previous_to = g_strdup (to);
      return;
    }

  pb = a;
  g_date_subtract_days (&pb, 1);
  if (g_date_get_day (&a) == 1 && g_date_is_last_of_month (&b))
    {
      int months = (g_date_get_year (&b) - g_date_get_year (&a)) * 12 +
                   (int) g_date_get_month (&b) - (int) g_date_get_month (&a) + 1;

      pa = a;
      g_date_subtract_months (&pa, months);
    }
  else
    {
      pa = pb;
      g_date_subtract_days (&pa, g_date_days_between (&a, &b));
    }

  *previous_from = date_to_iso (&pa);
  *previous_to = date_to_iso (&pb);
}

/* The UTC instant of local midnight at the start of @date (plus @days),
 * as the stored timestamps begin ("2026-03-28T23:00:00"): without the
 * “Z” and the fraction it sorts before every timestamp of that second */
static char *
utc_start_of (const char *date,
              int         days)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDate d;

  read_iso_date (date, &d);
  if (days > 0)
    g_date_add_days (&d, days);
  local = g_date_time_new (tz, g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static char *
day_after (const char *date)
{
  GDate d;

  read_iso_date (date, &d);
  g_date_add_days (&d, 1);
  return date_to_iso (&d);
}

/* ------------------------------------------------------------ compute ---- */

/* What the figures need of a client */
typedef struct
{
  gint64      id;
  const char *category;    /* group names, in Period.names */
  const char *province;
  const char *source;
  const char *size;
  gboolean    in_bin;
  gboolean    present;     /* in Period.by_id: a client of that id */
  gboolean    served;      /* in Period.served */
  guint       month;       /* 1 + the last month it was counted served in */
} Client;

typedef struct
{
  const char *from;          /* the days */
  const char *to;
  char       *to_next;       /* the day after @to */
  char       *from_utc;      /* the instants */
  char       *to_utc;        /* exclusive */
  GPtrArray  *month_keys;    /* "YYYY-MM" */
  GPtrArray  *month_starts;  /* UTC instant of each month's first day in the period */
  Client     *by_id;         /* every client, read once, at its id (those up to n_by_id) */
  gint64      n_by_id;
  GHashTable *clients;       /* id → Client: the others (ids far beyond the count) */
  GHashTable *names;         /* the group names the clients use, kept once */
  GPtrArray  *served;        /* of Client: those with a meeting in the period */
  gboolean    empty_bin;     /* no client in the bin */
} Period;


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
  period->to_next = day_after (to);
  period->from_utc = utc_start_of (from, 0);
  period->to_utc = utc_start_of (to, 1);
  period->month_keys = g_ptr_array_new_with_free_func (g_free);
  period->month_starts = g_ptr_array_new_with_free_func (g_free);
  period->clients = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  period->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  period->served = g_ptr_array_new ();
  period->empty_bin = TRUE;

  read_iso_date (from, &month);
  read_iso_date (to, &last);
  while (g_date_compare (&month, &last) <= 0)
    {
      g_autofree char *day = date_to_iso (&month);

      g_ptr_array_add (period->month_keys, g_strndup (day, 7));
      g_ptr_array_add (period->month_starts, utc_start_of (day, 0));
      /* the first of the next month */
      g_date_set_day (&month, 1);
      g_date_add_months (&month, 1);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Period, period_clear)

static sqlite3_stmt *
prepare_period (SportelloDatabase  *db,
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

static gboolean
step_done (SportelloDatabase  *db,
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
    putf (self, 0, "%s.%s", group, terms[i].id);
}

/* A group member's key: what the format allows ([A-Za-z0-9_-]), else "unknown" */
static const char *
member_key (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return "unknown";
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return "unknown";
  return id;
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
  if (!step_done (db, rc, error))
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
      client->category = intern (period, member_key ((const char *) sqlite3_column_text (stmt, 1)));
      client->province = intern (period, member_key ((const char *) sqlite3_column_text (stmt, 2)));
      client->source = intern (period, member_key ((const char *) sqlite3_column_text (stmt, 3)));
      client->size = size_of (stmt, 4);
      client->in_bin = sqlite3_column_int (stmt, 5) != 0;
      period->empty_bin &= !client->in_bin;
    }
  return step_done (db, rc, error);
}

/* The client of @id, unless it is in the bin (or not there) */
static Client *
counted_client (Period *period,
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

  put (self, "meetings.total", 0);
  put_vocabulary_zeroes (self, "meetings.by_kind", SPORTELLO_VOCABULARY_MEETING_KIND);

  /* in order of time, from an index that holds all it needs */
  if (!(stmt = prepare_period (db,
          "SELECT client_id, starts_at, kind, duration_minutes FROM meetings "
          "WHERE starts_at >= ?1 AND starts_at < ?2 ORDER BY starts_at", period, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Client *client = counted_client (period, sqlite3_column_int64 (stmt, 0));
      const char *starts_at = (const char *) sqlite3_column_text (stmt, 1);
      const char *kind = member_key ((const char *) sqlite3_column_text (stmt, 2));
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
  if (!step_done (db, rc, error))
    return FALSE;

  put (self, "meetings.total", total);
  g_hash_table_iter_init (&iter, kinds);
  while (g_hash_table_iter_next (&iter, &key, &value))
    putf (self, *(guint *) value, "meetings.by_kind.%s", (const char *) key);
  put (self, "consulting_hours", round (minutes / 60.0 * 100) / 100);
  for (guint m = 0; m < n_months; m++)
    {
      const char *month_key = g_ptr_array_index (period->month_keys, m);

      putf (self, g_array_index (month_meetings, gint64, m), "monthly.%s.meetings", month_key);
      putf (self, g_array_index (month_firms, gint64, m), "monthly.%s.firms_served", month_key);
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

      add_to (self, path, *(guint *) g_hash_table_lookup (counts, names[i]));
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
  put (self, "firms_by_size.micro", 0);
  put (self, "firms_by_size.piccola", 0);
  put (self, "firms_by_size.media", 0);
  put (self, "firms_by_size.grande", 0);
  put (self, "firms_by_size.unknown", 0);
  put_vocabulary_zeroes (self, "firms_by_source", SPORTELLO_VOCABULARY_SOURCE);

  if (!(before = prepare_period (db, "SELECT EXISTS (SELECT 1 FROM meetings WHERE client_id = ?5 AND starts_at < ?1)",
                                 period, error)))
    return FALSE;

  /* in order of id, so the probes walk the index forward */
  g_ptr_array_sort (served, compare_clients);
  for (guint i = 0; i < served->len; i++)
    {
      Client *client = g_ptr_array_index (served, i);
      int rc;

      sqlite3_bind_int64 (before, 5, client->id);
      rc = sqlite3_step (before);
      if (!step_done (db, rc, error))
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

  put (self, "firms_served", served->len);
  put (self, "firms_new", new_firms);
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
  g_autoptr(sqlite3_stmt) stmt = prepare_period (db, sql, period, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!step_done (db, rc, error))
    return FALSE;
  put (self, path, rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0);
  return TRUE;
}

/* One checklist version, with its items by id */
typedef struct
{
  SportelloChecklist *checklist;
  GHashTable         *items;   /* id → index + 1 */
  GArray             *sorted;  /* item indices in the order the app writes the answers */
  GArray             *lengths; /* of their ids, in that order; 0 for an id a string would escape */
} Checklist;

static void
checklist_free (Checklist *c)
{
  if (c->checklist != NULL)
    sportello_checklist_free (c->checklist);
  g_hash_table_unref (c->items);
  g_array_unref (c->sorted);
  g_array_unref (c->lengths);
  g_free (c);
}

static int
compare_item_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  SportelloChecklist *checklist = data;

  return strcmp (g_array_index (checklist->items, SportelloChecklistItem, *(const guint *) a).id,
                 g_array_index (checklist->items, SportelloChecklistItem, *(const guint *) b).id);
}

static Checklist *
checklist_for (GHashTable        *cache,
               SportelloDatabase *db,
               const char        *uuid)
{
  Checklist *c = g_hash_table_lookup (cache, uuid);

  if (c == NULL)
    {
      c = g_new0 (Checklist, 1);
      c->checklist = sportello_checklist_load_version (db, uuid, NULL);
      c->items = g_hash_table_new (g_str_hash, g_str_equal);
      c->sorted = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; c->checklist != NULL && i < c->checklist->items->len; i++)
        {
          g_hash_table_insert (c->items, g_array_index (c->checklist->items, SportelloChecklistItem, i).id,
                               GUINT_TO_POINTER (i + 1));
          g_array_append_val (c->sorted, i);
        }
      if (c->checklist != NULL)
        g_array_sort_with_data (c->sorted, compare_item_ids, c->checklist);
      c->lengths = g_array_sized_new (FALSE, FALSE, sizeof (gsize), c->sorted->len);
      for (guint i = 0; i < c->sorted->len; i++)
        {
          const char *id = g_array_index (c->checklist->items, SportelloChecklistItem,
                                          g_array_index (c->sorted, guint, i)).id;
          gsize length = strcspn (id, "\\\"");

          length = id[length] == '\0' ? length : 0;
          g_array_append_val (c->lengths, length);
        }
      g_hash_table_insert (cache, g_strdup (uuid), c);
    }
  return c->checklist != NULL ? c : NULL;
}

/* A firm's first and latest scores in the period, by date (then the
 * time the assessment was made, then its id) */
typedef struct
{
  char   *category;
  char   *first_key;
  char   *latest_key;
  gint64  first_id;
  gint64  latest_id;
  double  first;
  double  latest;
  guint   n;
} FirmScores;

static void
firm_scores_free (FirmScores *f)
{
  g_free (f->category);
  g_free (f->first_key);
  g_free (f->latest_key);
  g_free (f);
}

static int
compare_keys (const char *key_a,
              gint64      id_a,
              const char *key_b,
              gint64      id_b)
{
  int c = strcmp (key_a, key_b);

  return c != 0 ? c : (id_a > id_b) - (id_a < id_b);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The quantile @q of sorted @values, interpolated between the nearest
 * ranks (the method most tools use by default) */
static double
quantile (GArray *values,
          double  q)
{
  double pos = q * (values->len - 1);
  guint lo = (guint) floor (pos);
  guint hi = MIN (lo + 1, values->len - 1);
  double a = g_array_index (values, double, lo), b = g_array_index (values, double, hi);

  return a + (b - a) * (pos - lo);
}

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
    p++;
  return p;
}

/* A string without escapes at @p (after its opening quote): its end */
static inline const char *
plain_string_end (const char *p,
                  const char *end)
{
  while (p < end && *p != '"')
    {
      if (*p == '\\')
        return NULL;
      p++;
    }
  return p < end ? p : NULL;
}

/* The answers as sportello-assessment.c writes them, read in one pass;
 * FALSE at anything else (then the scanner reads them) */
static gboolean
read_answers_fast (Checklist       *checklist,
                   const char      *json,
                   gsize            length,
                   SportelloAnswer *values,
                   gboolean        *answered)
{
  const char *p = json, *end = json + length;
  guint guess = 0;

  p = skip_space (p, end);
  if (p >= end || *p++ != '{')
    return FALSE;
  p = skip_space (p, end);
  if (p < end && *p == '}')
    return TRUE;

  for (;;)
    {
      char key[128];
      const char *k, *k_end;
      guint index;

      /* "item": { */
      if (p >= end || *p++ != '"')
        return FALSE;
      /* the app writes them in order of their ids: most often the next one */
      gsize expected_length = guess < checklist->sorted->len ? g_array_index (checklist->lengths, gsize, guess) : 0;
      const char *expected = expected_length > 0
        ? g_array_index (checklist->checklist->items, SportelloChecklistItem,
                         g_array_index (checklist->sorted, guint, guess)).id
        : NULL;

      k = p;
      if (expected != NULL && (gsize) (end - p) > expected_length &&
          memcmp (p, expected, expected_length) == 0 && p[expected_length] == '"')
        {
          k_end = p + expected_length;
          index = g_array_index (checklist->sorted, guint, guess++) + 1;
        }
      else
        {
          if (!(k_end = plain_string_end (k, end)) || k_end - k >= (gssize) sizeof key)
            return FALSE;
          memcpy (key, k, k_end - k);
          key[k_end - k] = '\0';
          index = GPOINTER_TO_UINT (g_hash_table_lookup (checklist->items, key));
        }
      p = skip_space (k_end + 1, end);
      if (p >= end || *p++ != ':')
        return FALSE;
      p = skip_space (p, end);
      if (p >= end || *p++ != '{')
        return FALSE;
      p = skip_space (p, end);

      /* "value": 2 | "na", "note": "…" */
      while (p < end && *p != '}')
        {
          gboolean is_value;

          if (*p++ != '"')
            return FALSE;
          /* the two keys the app writes, then any other */
          if (end - p >= 6 && memcmp (p, "value\"", 6) == 0)
            k_end = p + 5;
          else if (end - p >= 5 && memcmp (p, "note\"", 5) == 0)
            k_end = p + 4;
          else if (!(k_end = plain_string_end (p, end)))
            return FALSE;
          k = p;
          is_value = k_end - k == 5 && memcmp (k, "value", 5) == 0;
          p = skip_space (k_end + 1, end);
          if (p >= end || *p++ != ':')
            return FALSE;
          p = skip_space (p, end);
          if (p >= end)
            return FALSE;
          if (*p == '"')
            {
              /* a string, escapes and all: it ends at the first quote
               * after an even number of backslashes */
              const char *start = ++p;

              for (;;)
                {
                  const char *quote = memchr (p, '"', end - p), *r;

                  if (quote == NULL)
                    return FALSE;
                  for (r = quote; r > start && r[-1] == '\\'; r--)
                    ;
                  p = quote + 1;
                  if ((quote - r) % 2 == 0)
                    break;
                }
              if (is_value && index > 0)
                {
                  values[index - 1] = SPORTELLO_ANSWER_NA;
                  answered[index - 1] = TRUE;
                }
            }
          else if (*p >= '0' && *p <= '9')
            {
              int n = 0;

              for (; p < end && *p >= '0' && *p <= '9'; p++)
                if (n < 1000)
                  n = n * 10 + (*p - '0');
              if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
                return FALSE;
              if (is_value && index > 0)
                {
                  values[index - 1] = CLAMP (n, 0, 2);
                  answered[index - 1] = TRUE;
                }
            }
          else
            return FALSE;
          p = skip_space (p, end);
          if (p < end && *p == ',')
            p = skip_space (p + 1, end);
        }
      if (p >= end)
        return FALSE;
      p = skip_space (p + 1, end);
      if (p >= end)
        return FALSE;
      if (*p == '}')
        return TRUE;
      if (*p++ != ',')
        return FALSE;
      p = skip_space (p, end);
    }
}

/* The answers of an assessment as stored ({"item": {"value": 0|1|2|"na",
 * "note": …}, …}) into @values, by the checklist's item order; what cannot
 * be read counts as not answered */
static void
read_answers (Checklist       *checklist,
              const char      *json,
              gsize            length,
              SportelloAnswer *values,
              gboolean        *answered)
{
  g_autoptr(SportelloJsonScanner) scanner = NULL;
  gboolean entered = FALSE, more = TRUE;

  if (json == NULL)
    return;
  scanner = sportello_json_scanner_new_for_data (json, length);
  if (!sportello_json_scanner_enter (scanner, '{', &entered, NULL) || !entered)
    return;

  for (guint i = 0; ; i++)
    {
      const char *key;
      guint index;
      gboolean inner = FALSE;

      if (!sportello_json_scanner_next (scanner, '}', i, &more, NULL) || !more ||
          !sportello_json_scanner_read_key (scanner, &key, NULL))
        return;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (checklist->items, key));
      if (!sportello_json_scanner_enter (scanner, '{', &inner, NULL))
        return;
      if (!inner)
        continue;

      for (guint k = 0; ; k++)
        {
          SportelloJsonValue value;
          gboolean is_value;

          if (!sportello_json_scanner_next (scanner, '}', k, &more, NULL))
            return;
          if (!more)
            break;
          if (!sportello_json_scanner_read_key (scanner, &key, NULL))
            return;
          is_value = g_str_equal (key, "value");
          if (!sportello_json_scanner_read_value (scanner, &value, NULL))
            return;
          if (!is_value || index == 0)
            continue;
          if (value.type == SPORTELLO_JSON_STRING)
            {
              values[index - 1] = SPORTELLO_ANSWER_NA;
              answered[index - 1] = TRUE;
            }
          else if (value.type == SPORTELLO_JSON_INTEGER)
            {
              values[index - 1] = CLAMP (value.integer, 0, 2);
              answered[index - 1] = TRUE;
            }
        }
    }
}

static gboolean
compute_assessments (SportelloStatistics  *self,
                     SportelloDatabase    *db,
                     Period               *period,
                     GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) checklist_free);
  g_autoptr(GHashTable) firms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) firm_scores_free);
  g_autoptr(GHashTable) by_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autofree SportelloAnswer *values = NULL;
  g_autofree gboolean *answered = NULL;
  g_autofree guint *scratch = NULL;
  guint n_values = 0, scratch_len = 0;
  gint64 total = 0, n_scored = 0, n_compared = 0;
  double sum = 0, sum_change = 0;
  GHashTableIter iter;
  FirmScores *f;
  int rc;

  /* in no order (a sort would carry the answers along): each firm keeps its first and latest */
  if (!(stmt = prepare_period (db,
          "SELECT client_id, checklist_uuid, NULL, answers, assessed_on || ' ' || created_at, id "
          "FROM assessments WHERE assessed_on >= ?3 AND assessed_on < ?4", period, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 client = sqlite3_column_int64 (stmt, 0);
      Client *info = counted_client (period, client);
      Checklist *checklist;
      guint tenths;
      const char *key;
      gint64 id;
      guint n;
      double value;

      if (info == NULL)
        continue;
      total++;
      if (!(checklist = checklist_for (cache, db, (const char *) sqlite3_column_text (stmt, 1))))
        continue;

      n = checklist->checklist->items->len;
      if (n > n_values)
        {
          values = g_renew (SportelloAnswer, values, n);
          answered = g_renew (gboolean, answered, n);
          n_values = n;
        }
      memset (values, 0, sizeof *values * n);
      memset (answered, 0, sizeof *answered * n);
      if (!read_answers_fast (checklist, (const char *) sqlite3_column_text (stmt, 3), sqlite3_column_bytes (stmt, 3),
                              values, answered))
        {
          memset (values, 0, sizeof *values * n);
          memset (answered, 0, sizeof *answered * n);
          read_answers (checklist, (const char *) sqlite3_column_text (stmt, 3), sqlite3_column_bytes (stmt, 3),
                        values, answered);
        }

      if (scratch_len < 2 * checklist->checklist->areas->len)
        {
          scratch_len = 2 * checklist->checklist->areas->len;
          scratch = g_renew (guint, scratch, scratch_len);
        }
      if (!_sportello_checklist_score_tenths (checklist->checklist, values, answered, scratch, &tenths))
        continue;

      value = tenths / 10.0;
      key = (const char *) sqlite3_column_text (stmt, 4);
      id = sqlite3_column_int64 (stmt, 5);
      f = g_hash_table_lookup (firms, &client);
      if (f == NULL)
        {
          f = g_new0 (FirmScores, 1);
          f->category = g_strdup (info->category);
          f->first_key = g_strdup (key);
          f->latest_key = g_strdup (key);
          f->first_id = f->latest_id = id;
          f->first = f->latest = value;
          g_hash_table_insert (firms, g_memdup2 (&client, sizeof client), f);
        }
      else if (compare_keys (key, id, f->first_key, f->first_id) < 0)
        {
          g_free (f->first_key);
          f->first_key = g_strdup (key);
          f->first_id = id;
          f->first = value;
        }
      else if (compare_keys (key, id, f->latest_key, f->latest_id) > 0)
        {
          g_free (f->latest_key);
          f->latest_key = g_strdup (key);
          f->latest_id = id;
          f->latest = value;
        }
      f->n++;
      n_scored++;
      sum += value;
    }
  if (!step_done (db, rc, error))
    return FALSE;

  put (self, "assessments.total", total);
  put (self, "assessments.firms", g_hash_table_size (firms));
  if (n_scored > 0)
    put (self, "assessments.mean_score", round (sum / n_scored * 10) / 10);
  else
    put_unknown (self, "assessments.mean_score");

  g_hash_table_iter_init (&iter, firms);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &f))
    {
      GArray *scores = g_hash_table_lookup (by_category, f->category);

      if (f->n >= 2)
        {
          n_compared++;
          sum_change += f->latest - f->first;
        }
      if (scores == NULL)
        {
          scores = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (by_category, g_strdup (f->category), scores);
          g_ptr_array_add (categories, f->category);
        }
      g_array_append_val (scores, f->latest);
    }
  put (self, "assessments.firms_compared", n_compared);
  if (n_compared > 0)
    put (self, "assessments.mean_change", round (sum_change / n_compared * 10) / 10);
  else
    put_unknown (self, "assessments.mean_change");

  g_ptr_array_sort_values (categories, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < categories->len; i++)
    {
      const char *category = g_ptr_array_index (categories, i);
      GArray *scores = g_hash_table_lookup (by_category, category);

      g_array_sort (scores, compare_doubles);
      putf (self, scores->len, "assessments.by_category.%s.count", category);
      putf (self, round (quantile (scores, 0.25) * 10) / 10, "assessments.by_category.%s.p25", category);
      putf (self, round (quantile (scores, 0.50) * 10) / 10, "assessments.by_category.%s.p50", category);
      putf (self, round (quantile (scores, 0.75) * 10) / 10, "assessments.by_category.%s.p75", category);
    }
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

  if (!(stmt = prepare_period (db,
          "SELECT count(*), coalesce (sum (r.status = 'attended'), 0) FROM registrations r "
          "JOIN events e ON e.id = r.event_id "
          "WHERE e.starts_at >= ?1 AND e.starts_at < ?2 AND r.status IN " SPORTELLO_TAKES_PLACE_SQL,
          period, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!step_done (db, rc, error))
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      registrations = sqlite3_column_int64 (stmt, 0);
      attended = sqlite3_column_int64 (stmt, 1);
    }

  put (self, "events.registrations", registrations);
  put (self, "events.attended", attended);
  if (registrations > 0)
    put (self, "events.attendance_rate", round ((double) attended / registrations * 10000) / 10000);
  else
    put_unknown (self, "events.attendance_rate");
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

  if (!(stmt = prepare_period (db,
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
  if (!step_done (db, rc, error))
    return FALSE;

  put (self, "grant_applications.total", sqlite3_column_int64 (stmt, 0));
  put (self, "grant_applications.submitted", sqlite3_column_int64 (stmt, 0));
  put (self, "grant_applications.funded", sqlite3_column_int64 (stmt, 1));
  put (self, "grant_applications.rejected", sqlite3_column_int64 (stmt, 2));
  put (self, "grant_applications.amount_requested", sqlite3_column_int64 (stmt, 3));
  put (self, "grant_applications.amount_granted", sqlite3_column_int64 (stmt, 4));
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
  put (self, "firms_served", 0);
  put (self, "firms_new", 0);

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
  TIMED (compute_assessments (self, db, &period, error));
  TIMED (compute_firms (self, db, &period, error));
  TIMED (compute_events (self, db, &period, error));
  TIMED (compute_grants (self, db, &period, error));
#undef TIMED
  sportello_database_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);

  return ok ? g_steal_pointer (&self) : NULL;
}

/* ---------------------------------------------------------- accessors ---- */

const char *
sportello_statistics_get_from (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);
  return self->from;
}

const char *
sportello_statistics_get_to (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);
  return self->to;
}

/* The hub's name ("" when not set); NULL for a network sum */
const char *
sportello_statistics_get_hub (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);
  return self->hub;
}

/**
 * sportello_statistics_get_figure:
 * @path: the figure's name in the file, "meetings.by_kind.desk"
 * @figure: (out) (optional): the figure
 *
 * Returns: whether there is such a figure (a group member that is not
 *   there counts no firm; the figure is then exact 0)
 */
gboolean
sportello_statistics_get_figure (SportelloStatistics *self,
                                 const char          *path,
                                 SportelloFigure     *figure)
{
  SportelloFigure *found;

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), FALSE);

  found = g_hash_table_lookup (self->figures, path);
  if (figure != NULL)
    {
      figure->state = found ? found->state : SPORTELLO_FIGURE_EXACT;
      figure->value = found ? found->value : 0;
    }
  return found != NULL;
}

/* The value of a figure; 0 when unknown or not there */
double
sportello_statistics_get_value (SportelloStatistics *self,
                                const char          *path)
{
  SportelloFigure figure;

  sportello_statistics_get_figure (self, path, &figure);
  return figure.value;
}

/**
 * sportello_statistics_dup_members:
 * @group: a group's path: "meetings.by_kind", "firms_by_province",
 *   "assessments.by_category", "monthly"
 *
 * Returns: (transfer full): the member names, in the file's order
 */
char **
sportello_statistics_dup_members (SportelloStatistics *self,
                                  const char          *group)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prefix = g_strconcat (group, ".", NULL);
  gsize length = strlen (prefix);

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);

  for (guint i = 0; i < self->paths->len; i++)
    {
      const char *path = g_ptr_array_index (self->paths, i);
      const char *dot;
      char *member;

      if (!g_str_has_prefix (path, prefix))
        continue;
      dot = strchr (path + length, '.');
      member = dot ? g_strndup (path + length, dot - (path + length)) : g_strdup (path + length);
      if (g_hash_table_add (seen, member))
        g_strv_builder_add (builder, member);
    }
  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------- the file ---- */

typedef enum
{
  SPEC_FIGURE,
  SPEC_GROUP,        /* member → figure */
  SPEC_OBJECT,       /* the members given */
  SPEC_CATEGORIES,   /* member → null or { count, p25, p50, p75 } */
  SPEC_MONTHS,       /* "YYYY-MM" → { meetings, firms_served } */
} SpecKind;

typedef struct _Spec Spec;
struct _Spec
{
  const char *name;
  SpecKind    kind;
  const Spec *members;   /* SPEC_OBJECT, and a member of SPEC_CATEGORIES / SPEC_MONTHS */
};

static const Spec meetings_spec[] = {
  { "total", SPEC_FIGURE }, { "by_kind", SPEC_GROUP }, { NULL }
};
static const Spec category_spec[] = {
  { "count", SPEC_FIGURE }, { "p25", SPEC_FIGURE }, { "p50", SPEC_FIGURE }, { "p75", SPEC_FIGURE }, { NULL }
};
static const Spec assessments_spec[] = {
  { "total", SPEC_FIGURE }, { "firms", SPEC_FIGURE }, { "mean_score", SPEC_FIGURE },
  { "firms_compared", SPEC_FIGURE }, { "mean_change", SPEC_FIGURE },
  { "by_category", SPEC_CATEGORIES, category_spec }, { NULL }
};
static const Spec events_spec[] = {
  { "total", SPEC_FIGURE }, { "registrations", SPEC_FIGURE }, { "attended", SPEC_FIGURE },
  { "attendance_rate", SPEC_FIGURE }, { NULL }
};
static const Spec grants_spec[] = {
  { "total", SPEC_FIGURE }, { "submitted", SPEC_FIGURE }, { "funded", SPEC_FIGURE },
  { "rejected", SPEC_FIGURE }, { "amount_requested", SPEC_FIGURE }, { "amount_granted", SPEC_FIGURE }, { NULL }
};
static const Spec month_spec[] = {
  { "meetings", SPEC_FIGURE }, { "firms_served", SPEC_FIGURE }, { NULL }
};
/* the figures of the file, after format, version, period and hub */
static const Spec file_spec[] = {
  { "firms_served", SPEC_FIGURE },
  { "firms_new", SPEC_FIGURE },
  { "meetings", SPEC_OBJECT, meetings_spec },
  { "consulting_hours", SPEC_FIGURE },
  { "documents_sent", SPEC_FIGURE },
  { "follow_ups_done", SPEC_FIGURE },
  { "assessments", SPEC_OBJECT, assessments_spec },
  { "firms_by_category", SPEC_GROUP },
  { "firms_by_province", SPEC_GROUP },
  { "firms_by_size", SPEC_GROUP },
  { "firms_by_source", SPEC_GROUP },
  { "events", SPEC_OBJECT, events_spec },
  { "grant_applications", SPEC_OBJECT, grants_spec },
  { "monthly", SPEC_MONTHS, month_spec },
  { NULL }
};

static gboolean
suppressed (SportelloStatistics   *self,
            const char            *path,
            const SportelloFigure *figure)
{
  g_autofree char *weight = NULL;

  if (figure->state == SPORTELLO_FIGURE_UNKNOWN)
    return TRUE;
  if (counts_firms (path) && too_few (figure->value))
    return TRUE;
  if ((weight = weight_of (path)) != NULL)
    {
      SportelloFigure *w = g_hash_table_lookup (self->figures, weight);

      /* a mean of fewer than 5 firms, or an amount of fewer than 5
       * applications, could be one firm's */
      if (w == NULL || w->state == SPORTELLO_FIGURE_UNKNOWN || too_few (w->value))
        return TRUE;
    }
  return FALSE;
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_figure (SportelloStatistics *self,
               GString             *out,
               const char          *path)
{
  SportelloFigure *figure = g_hash_table_lookup (self->figures, path);
  guint decimals = decimals_for (path);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = NULL;

  if (figure == NULL || suppressed (self, path, figure))
    {
      g_string_append (out, "null");
      return;
    }
  if (decimals == 0)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) llround (figure->value));
      return;
    }
  format = g_strdup_printf ("%%.%uf", decimals);
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, format, figure->value));
}

static void
indent (GString *out,
        guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* The object at @prefix ("meetings"), from the figures under it, in order */
static void
append_object (SportelloStatistics *self,
               GString             *out,
               const char          *prefix,
               guint                depth)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *dotted = g_strconcat (prefix, ".", NULL);
  gsize length = strlen (dotted);

  for (guint i = 0; i < self->paths->len; i++)
    {
      const char *path = g_ptr_array_index (self->paths, i);
      const char *dot;
      char *member;

      if (!g_str_has_prefix (path, dotted))
        continue;
      dot = strchr (path + length, '.');
      member = dot ? g_strndup (path + length, dot - (path + length)) : g_strdup (path + length);
      if (!g_hash_table_contains (seen, member))
        {
          g_hash_table_add (seen, member);
          g_ptr_array_add (members, member);
        }
      else
        g_free (member);
    }

  if (members->len == 0)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append_c (out, '{');
  for (guint i = 0; i < members->len; i++)
    {
      const char *member = g_ptr_array_index (members, i);
      g_autofree char *path = g_strconcat (dotted, member, NULL);

      indent (out, depth + 1);
      append_string (out, member);
      g_string_append (out, ": ");
      if (g_hash_table_contains (self->figures, path))
        append_figure (self, out, path);
      else if (g_str_equal (prefix, "assessments.by_category"))
        {
          /* a category of fewer than 5 firms assessed is null as a whole */
          g_autofree char *count = g_strconcat (path, ".count", NULL);
          SportelloFigure *figure = g_hash_table_lookup (self->figures, count);

          if (figure == NULL || suppressed (self, count, figure))
            g_string_append (out, "null");
          else
            append_object (self, out, path, depth + 1);
        }
      else
        append_object (self, out, path, depth + 1);
      if (i + 1 < members->len)
        g_string_append_c (out, ',');
    }
  indent (out, depth);
  g_string_append_c (out, '}');
}

/**
 * sportello_statistics_to_json:
 *
 * The statistics file (docs/statistics-format.md): counts and sums only,
 * every group of fewer than 5 firms (and what is made from one) null.
 */
char *
sportello_statistics_to_json (SportelloStatistics *self)
{
  GString *out = g_string_new ("{");

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);

  indent (out, 1);
  g_string_append_printf (out, "\"format\": \"%s\",", FORMAT_NAME);
  indent (out, 1);
  g_string_append_printf (out, "\"version\": %d,", FORMAT_VERSION);
  indent (out, 1);
  g_string_append (out, "\"period\": {\"from\": ");
  append_string (out, self->from);
  g_string_append (out, ", \"to\": ");
  append_string (out, self->to);
  g_string_append (out, "},");
  indent (out, 1);
  g_string_append (out, "\"hub\": ");
  append_string (out, self->hub ? self->hub : "");

  for (const Spec *m = file_spec; m->name; m++)
    {
      g_string_append_c (out, ',');
      indent (out, 1);
      append_string (out, m->name);
      g_string_append (out, ": ");
      if (g_hash_table_contains (self->figures, m->name))
        append_figure (self, out, m->name);
      else
        append_object (self, out, m->name, 1);
    }
  g_string_append (out, "\n}\n");

  return g_string_free (out, FALSE);
}

/**
 * sportello_statistics_write:
 *
 * Writes the statistics file to @path, whole or not at all.
 */
gboolean
sportello_statistics_write (SportelloStatistics  *self,
                            const char           *path,
                            GError              **error)
{
  g_autoptr(SportelloAtomicFile) file = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), FALSE);

  json = sportello_statistics_to_json (self);
  if (!(file = sportello_atomic_file_new (path, error)) ||
      !g_output_stream_write_all (sportello_atomic_file_get_stream (file), json, strlen (json), NULL, NULL, error))
    return FALSE;
  return sportello_atomic_file_commit (file, error);
}

/* ---------------------------------------------------------- reading ---- */

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a problem in a statistics file: where (“meetings.total”) and what */
  g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
               _("%s: %s"), path, reason);
  return FALSE;
}

static gboolean
valid_key (const char *key)
{
  return g_str_equal (member_key (key), key);
}

static gboolean
valid_month (const char *key)
{
  GDate date;
  g_autofree char *day = g_strconcat (key, "-01", NULL);

  return strlen (key) == 7 && read_iso_date (day, &date);
}

static gboolean
read_figure (SportelloStatistics  *self,
             const char           *path,
             JsonNode             *node,
             GError              **error)
{
  double value;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      put_unknown (self, path);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return invalid (error, path, _("not a number or null"));
  if (decimals_for (path) == 0 && json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, path, _("not a whole number"));

  value = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                           : json_node_get_double (node);
  if (value < 0 && !g_str_equal (path, "assessments.mean_change"))
    return invalid (error, path, _("a negative number"));
  if ((g_str_equal (path, "assessments.mean_score") || is_quartile (path)) && value > 100)
    return invalid (error, path, _("a score above 100"));
  if (g_str_equal (path, "assessments.mean_change") && fabs (value) > 100)
    return invalid (error, path, _("a change of score beyond 100"));
  if (g_str_equal (path, "events.attendance_rate") && value > 1)
    return invalid (error, path, _("a rate above 1"));
  if (counts_firms (path) && too_few (value))
    return invalid (error, path, _("a group of fewer than 5 firms, which the format writes as null"));

  put (self, path, value);
  return TRUE;
}

static gboolean read_object (SportelloStatistics *self, const char *prefix, JsonObject *object,
                             const Spec *members, GError **error);

static gboolean
read_member (SportelloStatistics  *self,
             const char           *path,
             JsonNode             *node,
             const Spec           *spec,
             GError              **error)
{
  JsonObject *object;
  g_autoptr(GList) names = NULL;

  if (spec->kind == SPEC_FIGURE)
    return read_figure (self, path, node, error);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, path, _("not an object"));
  object = json_node_get_object (node);

  if (spec->kind == SPEC_OBJECT)
    return read_object (self, path, object, spec->members, error);

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *child = g_strconcat (path, ".", name, NULL);
      JsonNode *value = json_object_get_member (object, name);

      if (spec->kind == SPEC_MONTHS ? !valid_month (name) : !valid_key (name))
        return invalid (error, child, spec->kind == SPEC_MONTHS ? _("not a month (YYYY-MM)")
                                                               : _("not a name of a group (letters, digits, “_” and “-”)"));
      if (spec->kind == SPEC_GROUP)
        {
          if (!read_figure (self, child, value, error))
            return FALSE;
        }
      else if (spec->kind == SPEC_CATEGORIES && JSON_NODE_HOLDS_NULL (value))
        {
          for (const Spec *m = spec->members; m->name; m++)
            {
              g_autofree char *leaf = g_strconcat (child, ".", m->name, NULL);

              put_unknown (self, leaf);
            }
        }
      else if (!JSON_NODE_HOLDS_OBJECT (value))
        return invalid (error, child, _("not an object"));
      else if (!read_object (self, child, json_node_get_object (value), spec->members, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_object (SportelloStatistics  *self,
             const char           *prefix,
             JsonObject           *object,
             const Spec           *members,
             GError              **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (const Spec *m = members; m->name && !known; m++)
        known = g_str_equal (m->name, l->data);
      if (!known && !(prefix == NULL && (g_str_equal (l->data, "format") || g_str_equal (l->data, "version") ||
                                         g_str_equal (l->data, "period") || g_str_equal (l->data, "hub"))))
        {
          g_autofree char *path = prefix ? g_strconcat (prefix, ".", l->data, NULL) : g_strdup (l->data);

          return invalid (error, path, _("not a member of a statistics file"));
        }
    }

  for (const Spec *m = members; m->name; m++)
    {
      g_autofree char *path = prefix ? g_strconcat (prefix, ".", m->name, NULL) : g_strdup (m->name);
      JsonNode *node = json_object_get_member (object, m->name);

      if (node == NULL)
        return invalid (error, path, _("missing"));
      if (!read_member (self, path, node, m, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sportello_statistics_new_from_data:
 *
 * Reads a statistics file, checked against the format: a file that does
 * not follow it is refused with the place and the reason of its first
 * problem (%SPORTELLO_STATISTICS_ERROR_INVALID).
 */
SportelloStatistics *
sportello_statistics_new_from_data (const char  *data,
                                    gssize       length,
                                    GError     **error)
{
  g_autoptr(SportelloStatistics) self = g_object_new (SPORTELLO_TYPE_STATISTICS, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *node;
  JsonObject *object, *period;
  const char *from, *to;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("Not a statistics file: it is not JSON (%s)"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("Not a statistics file: it is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), FORMAT_NAME))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("Not a statistics file: its “format” is not “%s”"), FORMAT_NAME);
      return NULL;
    }
  node = json_object_get_member (object, "version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != FORMAT_VERSION)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("A statistics file of a version this Sportello does not read (it reads version %d)"),
                   FORMAT_VERSION);
      return NULL;
    }

  node = json_object_get_member (object, "period");
  period = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  from = period ? json_object_get_string_member_with_default (period, "from", NULL) : NULL;
  to = period ? json_object_get_string_member_with_default (period, "to", NULL) : NULL;
  if (period == NULL || json_object_get_size (period) != 2 || !sportello_statistics_check_period (from, to, NULL))
    {
      invalid (error, "period", _("not two dates, “from” and “to” (YYYY-MM-DD), the first not after the second"));
      return NULL;
    }
  node = json_object_get_member (object, "hub");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      invalid (error, "hub", _("not a text"));
      return NULL;
    }

  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->hub = g_strdup (json_node_get_string (node));
  g_ptr_array_add (self->hub_names, g_strdup (self->hub));

  if (!read_object (self, NULL, object, file_spec, error))
    return NULL;

  return g_steal_pointer (&self);
}

#define MAX_FILE_SIZE (16 * 1024 * 1024)

/**
 * sportello_statistics_load:
 *
 * Reads the statistics file at @path (see
 * sportello_statistics_new_from_data()); the error names the file.
 */
SportelloStatistics *
sportello_statistics_load (const char  *path,
                           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  gsize length = 0;
  SportelloStatistics *self;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_INVALID,
                   _("“%s” is not a statistics file: not a regular file of at most 16 MB"), name);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  if (!(self = sportello_statistics_new_from_data (contents, length, error)))
    g_prefix_error (error, _("“%s” refused: "), name);
  return self;
}

/* -------------------------------------------------------- the network ---- */

static gboolean
is_mean (const char *path)
{
  return g_str_equal (path, "assessments.mean_score") || g_str_equal (path, "assessments.mean_change") ||
         is_quartile (path);
}

/* The count a mean is weighted by in the network's sum */
static char *
sum_weight_of (const char *path)
{
  if (g_str_equal (path, "assessments.mean_score"))
    return g_strdup ("assessments.total");
  return weight_of (path);
}

static void
sum_mean (SportelloStatistics  *self,
          const char           *path,
          SportelloStatistics **hubs,
          guint                 n_hubs)
{
  g_autofree char *weight = sum_weight_of (path);
  double num = 0, den = 0;
  gboolean partial = FALSE;

  for (guint i = 0; i < n_hubs; i++)
    {
      SportelloFigure *w = g_hash_table_lookup (hubs[i]->figures, weight);
      SportelloFigure *v = g_hash_table_lookup (hubs[i]->figures, path);

      if (w == NULL || (w->state != SPORTELLO_FIGURE_UNKNOWN && w->value == 0))
        continue;
      if (w->state == SPORTELLO_FIGURE_UNKNOWN || v == NULL || v->state == SPORTELLO_FIGURE_UNKNOWN)
        {
          partial = TRUE;
          continue;
        }
      partial |= v->state != SPORTELLO_FIGURE_EXACT || w->state != SPORTELLO_FIGURE_EXACT;
      num += v->value * w->value;
      den += w->value;
    }

  if (den == 0)
    put_unknown (self, path);
  else
    put_figure (self, path, partial ? SPORTELLO_FIGURE_PARTIAL : SPORTELLO_FIGURE_EXACT,
                round (num / den * 10) / 10);
}

/**
 * sportello_statistics_sum:
 * @hubs: (array length=n_hubs): the statistics of each hub
 *
 * The network's figures: counts and sums added up. Where a hub wrote
 * null the sum is a lower bound (%SPORTELLO_FIGURE_AT_LEAST, “almeno”);
 * means and quartiles are weighted by their counts over the hubs that
 * give them (%SPORTELLO_FIGURE_PARTIAL when some did not); the network's
 * quartiles are so an estimate, not the quartiles of every firm. The
 * period runs from the earliest start to the latest end.
 *
 * Returns: (transfer full): the sum
 */
SportelloStatistics *
sportello_statistics_sum (SportelloStatistics **hubs,
                          guint                 n_hubs)
{
  SportelloStatistics *self = g_object_new (SPORTELLO_TYPE_STATISTICS, NULL);

  for (guint i = 0; i < n_hubs; i++)
    {
      SportelloStatistics *hub = hubs[i];

      g_return_val_if_fail (SPORTELLO_IS_STATISTICS (hub), self);

      if (self->from == NULL || strcmp (hub->from, self->from) < 0)
        g_set_str (&self->from, hub->from);
      if (self->to == NULL || strcmp (hub->to, self->to) > 0)
        g_set_str (&self->to, hub->to);
      for (guint h = 0; h < hub->hub_names->len; h++)
        g_ptr_array_add (self->hub_names, g_strdup (g_ptr_array_index (hub->hub_names, h)));

      /* every path, in the order it first appears */
      for (guint p = 0; p < hub->paths->len; p++)
        {
          const char *path = g_ptr_array_index (hub->paths, p);
          SportelloFigure *figure = g_hash_table_lookup (hub->figures, path);
          SportelloFigure *sum = g_hash_table_lookup (self->figures, path);
          SportelloFigureState state;

          if (sum == NULL)
            {
              put (self, path, 0);
              sum = g_hash_table_lookup (self->figures, path);
            }
          state = sum->state;
          if (figure->state != SPORTELLO_FIGURE_EXACT)
            state = SPORTELLO_FIGURE_AT_LEAST;
          put_figure (self, path, state, sum->value + figure->value);
        }
    }
  if (self->from == NULL)
    {
      sportello_statistics_this_year (&self->from, &self->to);
    }

  /* a figure nobody knows stays unknown; means and the rate are made again */
  for (guint p = 0; p < self->paths->len; p++)
    {
      const char *path = g_ptr_array_index (self->paths, p);
      SportelloFigure *sum = g_hash_table_lookup (self->figures, path);

      if (is_mean (path))
        sum_mean (self, path, hubs, n_hubs);
      else if (g_str_equal (path, "events.attendance_rate"))
        {
          SportelloFigure *attended = g_hash_table_lookup (self->figures, "events.attended");
          SportelloFigure *registrations = g_hash_table_lookup (self->figures, "events.registrations");

          if (attended == NULL || registrations == NULL || registrations->value == 0)
            put_unknown (self, path);
          else
            put_figure (self, path,
                        attended->state == SPORTELLO_FIGURE_EXACT && registrations->state == SPORTELLO_FIGURE_EXACT
                          ? SPORTELLO_FIGURE_EXACT : SPORTELLO_FIGURE_PARTIAL,
                        round (attended->value / registrations->value * 10000) / 10000);
        }
      else if (sum->state == SPORTELLO_FIGURE_AT_LEAST)
        {
          gboolean any_known = FALSE;

          for (guint i = 0; i < n_hubs && !any_known; i++)
            {
              SportelloFigure *f = g_hash_table_lookup (hubs[i]->figures, path);

              any_known = f == NULL || f->state != SPORTELLO_FIGURE_UNKNOWN;
            }
          if (!any_known)
            put_unknown (self, path);
        }
    }

  return self;
}

/* How many hubs' figures these are: 1 for a hub's own */
guint
sportello_statistics_get_n_hubs (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), 0);
  return MAX (self->hub_names->len, 1);
}

/* The name of the hub @index (as its file gives it, "" when it gives none) */
const char *
sportello_statistics_get_hub_name (SportelloStatistics *self,
                                   guint                index)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);

  if (self->hub_names->len == 0)
    return index == 0 ? self->hub : NULL;
  return index < self->hub_names->len ? g_ptr_array_index (self->hub_names, index) : NULL;
}

/**
 * sportello_statistics_score_band:
 * @self: the network's statistics (or one hub's)
 * @category: the firm's category id
 * @score: its score, 0 to 100
 *
 * Where @score stands against the quartiles of the firms of @category:
 * a band, never the other firms' scores.
 */
SportelloScoreBand
sportello_statistics_score_band (SportelloStatistics *self,
                                 const char          *category,
                                 double               score)
{
  double q[3];
  const char *names[] = { "p25", "p50", "p75" };

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), SPORTELLO_SCORE_BAND_UNKNOWN);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("assessments.by_category.%s.%s", member_key (category), names[i]);
      SportelloFigure *figure = g_hash_table_lookup (self->figures, path);

      if (figure == NULL || figure->state == SPORTELLO_FIGURE_UNKNOWN)
        return SPORTELLO_SCORE_BAND_UNKNOWN;
      q[i] = figure->value;
    }

  if (score < q[0])
    return SPORTELLO_SCORE_BAND_BOTTOM;
  if (score < q[1])
    return SPORTELLO_SCORE_BAND_LOWER_MIDDLE;
  if (score < q[2])
    return SPORTELLO_SCORE_BAND_UPPER_MIDDLE;
  return SPORTELLO_SCORE_BAND_TOP;
}

const char *
sportello_score_band_label (SportelloScoreBand band)
{
  switch (band)
    {
    case SPORTELLO_SCORE_BAND_BOTTOM:
      return _("In the lowest quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_LOWER_MIDDLE:
      return _("In the second quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_UPPER_MIDDLE:
      return _("In the third quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_TOP:
      return _("In the highest quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_UNKNOWN:
    default:
      return _("Too few firms of its category in the network to compare");
    }
}
