/* sportello-statistics-assessments.c: the assessments' figures: scores, their mean, change and quartiles
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each assessment of the period is scored from its stored answers, read
 * in one pass where they are as sportello-assessment.c writes them; a
 * firm's first and latest scores give its change, its latest its place in
 * the quartiles of its category.
 */

#define G_LOG_DOMAIN "sportello-statistics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sportello-assessment.h"
#include "sportello-checklist-private.h"
#include "sportello-json-scanner.h"
#include "sportello-statistics-private.h"

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

gboolean
_sportello_statistics_compute_assessments (SportelloStatistics  *self,
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
  if (!(stmt = _sportello_statistics_prepare_period (db,
          "SELECT client_id, checklist_uuid, NULL, answers, assessed_on || ' ' || created_at, id "
          "FROM assessments WHERE assessed_on >= ?3 AND assessed_on < ?4", period, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 client = sqlite3_column_int64 (stmt, 0);
      Client *info = _sportello_statistics_counted_client (period, client);
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
  if (!_sportello_statistics_step_done (db, rc, error))
    return FALSE;

  _sportello_statistics_put (self, "assessments.total", total);
  _sportello_statistics_put (self, "assessments.firms", g_hash_table_size (firms));
  if (n_scored > 0)
    _sportello_statistics_put (self, "assessments.mean_score", round (sum / n_scored * 10) / 10);
  else
    _sportello_statistics_put_unknown (self, "assessments.mean_score");

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
  _sportello_statistics_put (self, "assessments.firms_compared", n_compared);
  if (n_compared > 0)
    _sportello_statistics_put (self, "assessments.mean_change", round (sum_change / n_compared * 10) / 10);
  else
    _sportello_statistics_put_unknown (self, "assessments.mean_change");

  g_ptr_array_sort_values (categories, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < categories->len; i++)
    {
      const char *category = g_ptr_array_index (categories, i);
      GArray *scores = g_hash_table_lookup (by_category, category);

      g_array_sort (scores, compare_doubles);
      _sportello_statistics_putf (self, scores->len, "assessments.by_category.%s.count", category);
      _sportello_statistics_putf (self, round (quantile (scores, 0.25) * 10) / 10, "assessments.by_category.%s.p25", category);
      _sportello_statistics_putf (self, round (quantile (scores, 0.50) * 10) / 10, "assessments.by_category.%s.p50", category);
      _sportello_statistics_putf (self, round (quantile (scores, 0.75) * 10) / 10, "assessments.by_category.%s.p75", category);
    }
  return TRUE;
}
