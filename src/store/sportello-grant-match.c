/* sportello-grant-match.c: which firms fit a call, and which calls fit a firm
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fit is never claimed on data the desk does not have: each criterion a
 * call asks is met, missed or unknown, and a firm only fits when all are
 * met. The client record knows the province, the employees, the ATECO
 * code and the category (one of which is “innovative startup”); it has no
 * founding date, so a minimum of years of activity is unknown for every
 * firm. Sizes are judged by employees alone (micro < 10, small < 50,
 * medium < 250); the EU definition also looks at turnover.
 *
 * Matching a call reads every client once (50,000 in a few tens of
 * milliseconds) and keeps the results compactly; the list makes a
 * SportelloGrantMatch only for the rows a view asks for.
 */

#define G_LOG_DOMAIN "sportello-grant-match"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sportello-grant-match.h"
#include "sportello-grant-private.h"

/* ------------------------------------------------------- the match ---- */

struct _SportelloGrantMatch
{
  GObject  parent_instance;

  char    *client_uuid;
  char    *client_name;
  char    *call_uuid;
  char    *call_title;
  guint8   results[SPORTELLO_GRANT_N_CRITERIA];
  guint8   fit;
};

G_DEFINE_FINAL_TYPE (SportelloGrantMatch, sportello_grant_match, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT_UUID,
  PROP_CLIENT_NAME,
  PROP_CALL_UUID,
  PROP_CALL_TITLE,
  PROP_FIT,
  PROP_MET,
  PROP_MISSED,
  PROP_UNKNOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sportello_grant_match_finalize (GObject *object)
{
  SportelloGrantMatch *self = SPORTELLO_GRANT_MATCH (object);

  g_free (self->client_uuid);
  g_free (self->client_name);
  g_free (self->call_uuid);
  g_free (self->call_title);

  G_OBJECT_CLASS (sportello_grant_match_parent_class)->finalize (object);
}

static void
sportello_grant_match_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SportelloGrantMatch *self = SPORTELLO_GRANT_MATCH (object);

  switch (prop_id)
    {
    case PROP_CLIENT_UUID:
      g_value_set_string (value, self->client_uuid);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_CALL_UUID:
      g_value_set_string (value, self->call_uuid);
      break;
    case PROP_CALL_TITLE:
      g_value_set_string (value, self->call_title);
      break;
    case PROP_FIT:
      g_value_set_int (value, self->fit);
      break;
    case PROP_MET:
      g_value_take_boxed (value, sportello_grant_match_dup_criteria (self, SPORTELLO_GRANT_CRITERION_MET));
      break;
    case PROP_MISSED:
      g_value_take_boxed (value, sportello_grant_match_dup_criteria (self, SPORTELLO_GRANT_CRITERION_MISSED));
      break;
    case PROP_UNKNOWN:
      g_value_take_boxed (value, sportello_grant_match_dup_criteria (self, SPORTELLO_GRANT_CRITERION_UNKNOWN));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_grant_match_class_init (SportelloGrantMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sportello_grant_match_finalize;
  object_class->get_property = sportello_grant_match_get_property;

  properties[PROP_CLIENT_UUID] = g_param_spec_string ("client-uuid", NULL, NULL, "", flags);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, "", flags);
  properties[PROP_CALL_UUID] = g_param_spec_string ("call-uuid", NULL, NULL, "", flags);
  properties[PROP_CALL_TITLE] = g_param_spec_string ("call-title", NULL, NULL, "", flags);
  properties[PROP_FIT] = g_param_spec_int ("fit", NULL, NULL, 0, SPORTELLO_GRANT_FIT_NO, SPORTELLO_GRANT_FIT_NO, flags);
  properties[PROP_MET] = g_param_spec_boxed ("met", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_MISSED] = g_param_spec_boxed ("missed", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_UNKNOWN] = g_param_spec_boxed ("unknown", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_grant_match_init (SportelloGrantMatch *self)
{
}

static SportelloGrantFit
fit_of (const guint8 *results)
{
  SportelloGrantFit fit = SPORTELLO_GRANT_FIT_YES;

  for (guint i = 0; i < SPORTELLO_GRANT_N_CRITERIA; i++)
    if (results[i] == SPORTELLO_GRANT_CRITERION_MISSED)
      return SPORTELLO_GRANT_FIT_NO;
    else if (results[i] == SPORTELLO_GRANT_CRITERION_UNKNOWN)
      fit = SPORTELLO_GRANT_FIT_MAYBE;

  return fit;
}

static SportelloGrantMatch *
match_new (const char   *client_uuid,
           const char   *client_name,
           const char   *call_uuid,
           const char   *call_title,
           const guint8 *results)
{
  SportelloGrantMatch *self = g_object_new (SPORTELLO_TYPE_GRANT_MATCH, NULL);

  self->client_uuid = g_strdup (client_uuid);
  self->client_name = g_strdup (client_name);
  self->call_uuid = g_strdup (call_uuid);
  self->call_title = g_strdup (call_title);
  memcpy (self->results, results, sizeof self->results);
  self->fit = fit_of (results);

  return self;
}

const char *
sportello_grant_match_get_client_uuid (SportelloGrantMatch *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_MATCH (self), NULL);
  return self->client_uuid;
}

const char *
sportello_grant_match_get_client_name (SportelloGrantMatch *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_MATCH (self), NULL);
  return self->client_name;
}

const char *
sportello_grant_match_get_call_uuid (SportelloGrantMatch *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_MATCH (self), NULL);
  return self->call_uuid;
}

const char *
sportello_grant_match_get_call_title (SportelloGrantMatch *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_MATCH (self), NULL);
  return self->call_title;
}

SportelloGrantFit
sportello_grant_match_get_fit (SportelloGrantMatch *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_MATCH (self), SPORTELLO_GRANT_FIT_NO);
  return self->fit;
}

SportelloGrantCriterionResult
sportello_grant_match_get_result (SportelloGrantMatch     *self,
                                  SportelloGrantCriterion  criterion)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_MATCH (self), SPORTELLO_GRANT_CRITERION_UNKNOWN);
  g_return_val_if_fail (criterion < SPORTELLO_GRANT_N_CRITERIA, SPORTELLO_GRANT_CRITERION_UNKNOWN);

  return self->results[criterion];
}

/* The ids of the criteria with @result, e.g. { "area", "size", NULL } */
GStrv
sportello_grant_match_dup_criteria (SportelloGrantMatch           *self,
                                    SportelloGrantCriterionResult  result)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SPORTELLO_IS_GRANT_MATCH (self), NULL);

  for (guint i = 0; i < SPORTELLO_GRANT_N_CRITERIA; i++)
    if (self->results[i] == result)
      g_strv_builder_add (builder, sportello_grant_criterion_id (i));

  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------- criteria ---- */

typedef struct
{
  gboolean    area;          /* whether the call asks where firms are */
  guint8      provinces[26 * 26];  /* where they may be, by code */
  gboolean    sizes[4];      /* micro, small, medium, large; all FALSE: any */
  gboolean    any_size;
  char        sections[32];  /* the ATECO section letters asked, "" for any */
  gboolean    startups_only;
  gboolean    min_years;
} Criteria;

static void
criteria_clear (Criteria *criteria)
{
}

static int
code_index (const char *code)
{
  char a, b;

  if (code == NULL || code[0] == '\0' || code[1] == '\0' || code[2] != '\0')
    return -1;
  a = g_ascii_toupper (code[0]);
  b = g_ascii_toupper (code[1]);
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
    return -1;
  return (a - 'A') * 26 + (b - 'A');
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Criteria, criteria_clear)

static int
size_index (gint64 employees)
{
  if (employees < 10)
    return 0;
  if (employees < 50)
    return 1;
  if (employees < 250)
    return 2;
  return 3;
}

static void
criteria_init (Criteria           *criteria,
               SportelloGrantCall *call)
{
  static const char * const size_ids[] = { "micro", "small", "medium" };
  g_auto(GStrv) regions = _sportello_grant_split_list (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_REGIONS));
  g_auto(GStrv) provinces = _sportello_grant_split_list (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_PROVINCES));
  g_auto(GStrv) sizes = _sportello_grant_split_list (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_SIZES));
  g_auto(GStrv) sections = _sportello_grant_split_list (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_ATECO_SECTIONS));
  guint n = 0;

  memset (criteria, 0, sizeof *criteria);

  if (regions[0] != NULL || provinces[0] != NULL)
    {
      criteria->area = TRUE;
      for (guint i = 0; provinces[i] != NULL; i++)
        if (code_index (provinces[i]) >= 0)
          criteria->provinces[code_index (provinces[i])] = TRUE;
      /* every province of the regions asked */
      for (guint i = 0; regions[i] != NULL; i++)
        {
          const char *codes = _sportello_grant_region_provinces (regions[i]);

          for (const char *p = codes; p != NULL && p[0] != '\0'; p += p[2] == ' ' ? 3 : 2)
            criteria->provinces[(p[0] - 'A') * 26 + (p[1] - 'A')] = TRUE;
        }
    }

  criteria->any_size = sizes[0] == NULL;
  for (guint i = 0; sizes[i] != NULL; i++)
    for (guint s = 0; s < G_N_ELEMENTS (size_ids); s++)
      if (g_str_equal (sizes[i], size_ids[s]))
        criteria->sizes[s] = TRUE;

  for (guint i = 0; sections[i] != NULL && n + 1 < sizeof criteria->sections; i++)
    criteria->sections[n++] = g_ascii_toupper (sections[i][0]);

  criteria->startups_only = sportello_grant_call_get_flag (call, SPORTELLO_GRANT_CALL_STARTUPS_ONLY);
  criteria->min_years = sportello_grant_call_get_number (call, SPORTELLO_GRANT_CALL_MIN_YEARS) > 0;
}

static void
evaluate (const Criteria *criteria,
          const char     *province,
          gboolean        has_employees,
          gint64          employees,
          const char     *ateco_code,
          const char     *category,
          guint8         *results)
{
  memset (results, SPORTELLO_GRANT_CRITERION_NOT_ASKED, SPORTELLO_GRANT_N_CRITERIA);

  if (criteria->area)
    {
      int code = code_index (province);

      if (code >= 0 && criteria->provinces[code])
        results[SPORTELLO_GRANT_CRITERION_AREA] = SPORTELLO_GRANT_CRITERION_MET;
      else if (code < 0 || sportello_grant_region_of_province (province) == NULL)
        results[SPORTELLO_GRANT_CRITERION_AREA] = SPORTELLO_GRANT_CRITERION_UNKNOWN;
      else
        results[SPORTELLO_GRANT_CRITERION_AREA] = SPORTELLO_GRANT_CRITERION_MISSED;
    }

  if (!criteria->any_size)
    {
      if (!has_employees || employees < 0)
        results[SPORTELLO_GRANT_CRITERION_SIZE] = SPORTELLO_GRANT_CRITERION_UNKNOWN;
      else
        results[SPORTELLO_GRANT_CRITERION_SIZE] = criteria->sizes[size_index (employees)]
                                                  ? SPORTELLO_GRANT_CRITERION_MET : SPORTELLO_GRANT_CRITERION_MISSED;
    }

  if (criteria->sections[0] != '\0')
    {
      char section = sportello_grant_ateco_section (ateco_code);

      if (section == '\0')
        results[SPORTELLO_GRANT_CRITERION_SECTOR] = SPORTELLO_GRANT_CRITERION_UNKNOWN;
      else
        results[SPORTELLO_GRANT_CRITERION_SECTOR] = strchr (criteria->sections, section) != NULL
                                                    ? SPORTELLO_GRANT_CRITERION_MET : SPORTELLO_GRANT_CRITERION_MISSED;
    }

  if (criteria->startups_only)
    {
      /* “other” says nothing; any other category is not a startup */
      if (category == NULL || *category == '\0' || g_str_equal (category, "other"))
        results[SPORTELLO_GRANT_CRITERION_STARTUP] = SPORTELLO_GRANT_CRITERION_UNKNOWN;
      else
        results[SPORTELLO_GRANT_CRITERION_STARTUP] = g_str_equal (category, "startup")
                                                     ? SPORTELLO_GRANT_CRITERION_MET : SPORTELLO_GRANT_CRITERION_MISSED;
    }

  /* clients have no founding date */
  if (criteria->min_years)
    results[SPORTELLO_GRANT_CRITERION_YEARS] = SPORTELLO_GRANT_CRITERION_UNKNOWN;
}

/* ------------------------------------------- the list for one call ---- */

typedef struct
{
  gint64      id;
  const char *uuid;
  const char *name;
  guint8      results[SPORTELLO_GRANT_N_CRITERIA];
  guint8      fit;
} Row;

#define SPORTELLO_TYPE_GRANT_MATCH_LIST (sportello_grant_match_list_get_type ())
G_DECLARE_FINAL_TYPE (SportelloGrantMatchList, sportello_grant_match_list, SPORTELLO, GRANT_MATCH_LIST, GObject)

struct _SportelloGrantMatchList
{
  GObject        parent_instance;

  GArray        *rows;
  GStringChunk  *strings;
  char          *call_uuid;
  char          *call_title;
};

static GType
sportello_grant_match_list_get_item_type (GListModel *model)
{
  return SPORTELLO_TYPE_GRANT_MATCH;
}

static guint
sportello_grant_match_list_get_n_items (GListModel *model)
{
  return SPORTELLO_GRANT_MATCH_LIST (model)->rows->len;
}

static gpointer
sportello_grant_match_list_get_item (GListModel *model,
                                     guint       position)
{
  SportelloGrantMatchList *self = SPORTELLO_GRANT_MATCH_LIST (model);
  const Row *row;

  if (position >= self->rows->len)
    return NULL;
  row = &g_array_index (self->rows, Row, position);
  return match_new (row->uuid, row->name, self->call_uuid, self->call_title, row->results);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sportello_grant_match_list_get_item_type;
  iface->get_n_items = sportello_grant_match_list_get_n_items;
  iface->get_item = sportello_grant_match_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloGrantMatchList, sportello_grant_match_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
sportello_grant_match_list_finalize (GObject *object)
{
  SportelloGrantMatchList *self = SPORTELLO_GRANT_MATCH_LIST (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self->call_uuid);
  g_free (self->call_title);

  G_OBJECT_CLASS (sportello_grant_match_list_parent_class)->finalize (object);
}

static void
sportello_grant_match_list_class_init (SportelloGrantMatchListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sportello_grant_match_list_finalize;
}

static void
sportello_grant_match_list_init (SportelloGrantMatchList *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->strings = g_string_chunk_new (64 * 1024);
}

/**
 * sportello_grant_match_clients:
 * @call_uuid: the call
 * @include_misfits: also list the clients that miss a criterion
 *
 * The clients (not deleted) against the call's criteria: those that fit
 * first, then those that may fit (nothing missed, something unknown),
 * then, with @include_misfits, those that miss something; by name within
 * each.
 *
 * Returns: (transfer full): a list of #SportelloGrantMatch
 */
/* Fewer results than this are sorted here; more, in the order of the
 * clients' name index, which is quicker than sorting them */
#define SORT_HERE_MAX 4096

static int
compare_rows (gconstpointer pa,
              gconstpointer pb)
{
  const Row *a = pa;
  const Row *b = pb;
  int cmp = g_ascii_strcasecmp (a->name, b->name);

  return cmp != 0 ? cmp : (a->id > b->id) - (a->id < b->id);
}

GListModel *
sportello_grant_match_clients (SportelloDatabase  *db,
                               const char         *call_uuid,
                               gboolean            include_misfits,
                               GError            **error)
{
  g_autoptr(SportelloGrantCall) call = NULL;
  g_autoptr(SportelloGrantMatchList) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Row));
  g_auto(Criteria) criteria = { 0, };
  int rc;

  if (!(call = sportello_grant_call_load (db, call_uuid, error)))
    return NULL;
  criteria_init (&criteria, call);

  /* one pass over the table, in its own order: the quickest read */
  stmt = _sportello_database_prepare (db,
    "SELECT id, uuid, name, province, employees, ateco_code, category FROM clients WHERE deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;

  list = g_object_new (SPORTELLO_TYPE_GRANT_MATCH_LIST, NULL);
  list->call_uuid = g_strdup (call_uuid);
  list->call_title = g_strdup (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_TITLE));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row;

      evaluate (&criteria, (const char *) sqlite3_column_text (stmt, 3),
                sqlite3_column_type (stmt, 4) != SQLITE_NULL, sqlite3_column_int64 (stmt, 4),
                (const char *) sqlite3_column_text (stmt, 5), (const char *) sqlite3_column_text (stmt, 6),
                row.results);
      row.fit = fit_of (row.results);
      if (row.fit == SPORTELLO_GRANT_FIT_NO && !include_misfits)
        continue;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.uuid = g_string_chunk_insert (list->strings, (const char *) sqlite3_column_text (stmt, 1));
      row.name = g_string_chunk_insert (list->strings, (const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (found, row);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* by name: few results sorted here, many in the name index's order */
  if (found->len <= SORT_HERE_MAX)
    g_array_sort (found, compare_rows);
  else
    {
      g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Row), found->len);
      g_autofree guint32 *by_id = NULL;   /* row index + 1, by client id */
      gint64 max_id = 0;

      for (guint i = 0; i < found->len; i++)
        max_id = MAX (max_id, g_array_index (found, Row, i).id);
      by_id = g_new0 (guint32, max_id + 1);
      for (guint i = 0; i < found->len; i++)
        by_id[g_array_index (found, Row, i).id] = i + 1;

      stmt = _sportello_database_prepare (db,
        "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE", error);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (id >= 0 && id <= max_id && by_id[id] > 0)
            g_array_append_vals (sorted, &g_array_index (found, Row, by_id[id] - 1), 1);
        }
      if (rc != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return NULL;
        }
      g_clear_pointer (&found, g_array_unref);
      found = g_steal_pointer (&sorted);
    }

  /* those that fit, those that may, those that do not */
  for (guint fit = SPORTELLO_GRANT_FIT_YES; fit <= SPORTELLO_GRANT_FIT_NO; fit++)
    for (guint i = 0; i < found->len; i++)
      if (g_array_index (found, Row, i).fit == fit)
        g_array_append_vals (list->rows, &g_array_index (found, Row, i), 1);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * sportello_grant_match_calls:
 * @client_uuid: the client
 * @now: (nullable): the moment that says which calls are open; %NULL for now
 *
 * The open calls (closing soon included) the client fits or may fit,
 * those that fit first, then by deadline.
 *
 * Returns: (transfer full): a list of #SportelloGrantMatch
 */
GListModel *
sportello_grant_match_calls (SportelloDatabase  *db,
                             const char         *client_uuid,
                             GDateTime          *now,
                             GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_GRANT_MATCH);
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) fits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) maybes = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *groups[] = { fits, maybes };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_employees;
  gint64 employees;
  g_autofree char *name = NULL;
  g_autofree char *province = NULL;
  g_autofree char *ateco = NULL;
  g_autofree char *category = NULL;

  stmt = _sportello_database_prepare (db,
    "SELECT name, province, employees, ateco_code, category FROM clients WHERE uuid = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The client does not exist any more"));
      return NULL;
    }
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  province = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  has_employees = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  employees = sqlite3_column_int64 (stmt, 2);
  ateco = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  category = g_strdup ((const char *) sqlite3_column_text (stmt, 4));

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  if (!(calls = _sportello_grant_call_list_open (db, now, error)))
    return NULL;


  for (guint i = 0; i < calls->len; i++)
    {
      SportelloGrantCall *call = g_ptr_array_index (calls, i);
      g_auto(Criteria) criteria = { 0, };
      guint8 results[SPORTELLO_GRANT_N_CRITERIA];
      SportelloGrantFit fit;

      criteria_init (&criteria, call);
      evaluate (&criteria, province, has_employees, employees, ateco, category, results);
      fit = fit_of (results);
      if (fit == SPORTELLO_GRANT_FIT_NO)
        continue;
      g_ptr_array_add (groups[fit],
                       match_new (client_uuid, name, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID),
                                  sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_TITLE), results));
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                         groups[i]->pdata, groups[i]->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ------------------------------------------------------------ words ---- */

const char *
sportello_grant_criterion_id (SportelloGrantCriterion criterion)
{
  static const char * const ids[SPORTELLO_GRANT_N_CRITERIA] = {
    "area", "size", "sector", "startup", "years",
  };

  g_return_val_if_fail (criterion < SPORTELLO_GRANT_N_CRITERIA, NULL);
  return ids[criterion];
}

const char *
sportello_grant_criterion_label (SportelloGrantCriterion criterion)
{
  switch (criterion)
    {
    case SPORTELLO_GRANT_CRITERION_AREA:
      return C_("grant criterion", "Region or province");
    case SPORTELLO_GRANT_CRITERION_SIZE:
      return C_("grant criterion", "Firm size");
    case SPORTELLO_GRANT_CRITERION_SECTOR:
      return C_("grant criterion", "ATECO section");
    case SPORTELLO_GRANT_CRITERION_STARTUP:
      return C_("grant criterion", "Innovative startup");
    case SPORTELLO_GRANT_CRITERION_YEARS:
    case SPORTELLO_GRANT_N_CRITERIA:
    default:
      return C_("grant criterion", "Years of activity");
    }
}

const char *
sportello_grant_fit_label (SportelloGrantFit fit)
{
  switch (fit)
    {
    case SPORTELLO_GRANT_FIT_YES:
      return C_("grant fit", "Fits");
    case SPORTELLO_GRANT_FIT_MAYBE:
      return C_("grant fit", "May fit: some data unknown");
    case SPORTELLO_GRANT_FIT_NO:
    default:
      return C_("grant fit", "Does not fit");
    }
}

/* "micro", "small", "medium" or "large", by employees alone */
const char *
sportello_grant_size_of_employees (gint64 employees)
{
  static const char * const ids[] = { "micro", "small", "medium", "large" };

  return ids[size_index (MAX (employees, 0))];
}

/* The ATECO 2007 section (a letter) of a code from its division, or '\0' */
char
sportello_grant_ateco_section (const char *ateco_code)
{
  static const struct { int last_division; char section; } sections[] = {
    { 3, 'A' }, { 9, 'B' }, { 33, 'C' }, { 35, 'D' }, { 39, 'E' }, { 43, 'F' }, { 47, 'G' },
    { 53, 'H' }, { 56, 'I' }, { 63, 'J' }, { 66, 'K' }, { 68, 'L' }, { 75, 'M' }, { 82, 'N' },
    { 84, 'O' }, { 85, 'P' }, { 88, 'Q' }, { 93, 'R' }, { 96, 'S' }, { 98, 'T' }, { 99, 'U' },
  };
  /* divisions that do not exist */
  static const int gaps[] = { 4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89 };
  int division;

  if (ateco_code == NULL || !g_ascii_isdigit (ateco_code[0]) || !g_ascii_isdigit (ateco_code[1]) ||
      (ateco_code[2] != '\0' && ateco_code[2] != '.'))
    return '\0';

  division = (ateco_code[0] - '0') * 10 + (ateco_code[1] - '0');
  if (division < 1)
    return '\0';
  for (guint i = 0; i < G_N_ELEMENTS (gaps); i++)
    if (division == gaps[i])
      return '\0';
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (division <= sections[i].last_division)
      return sections[i].section;

  return '\0';
}
