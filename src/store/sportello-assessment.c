/* sportello-assessment.c: a client's e-commerce readiness assessment
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An assessment keeps the checklist version it was made with, forever: the
 * version's whole document is stored once (checklists table) and never
 * changed, so an old assessment is scored with its own areas, weights and
 * blockers. Answers are kept as a small JSON object, item id → value and
 * note, written with sorted keys.
 */

#define G_LOG_DOMAIN "sportello-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sportello-assessment.h"
#include "sportello-assessment-private.h"
#include "sportello-checklist-private.h"
#include "sportello-database-private.h"
#include "sportello-format.h"
#include "sportello-record-columns-private.h"

typedef struct
{
  SportelloAnswer  value;
  char            *note;
} Answer;

struct _SportelloAssessment
{
  SportelloRecord  parent_instance;

  GHashTable      *answers;   /* item id → Answer */
};

G_DEFINE_FINAL_TYPE (SportelloAssessment, sportello_assessment, SPORTELLO_TYPE_RECORD)

/* What the list of columns (sportello-assessment-private.h) gives: the
 * text fields' property names (the same with '-' for '_'); the SELECT of
 * an assessment (a) with its client (c), the row's id first, and what
 * reads it; and the upsert, which keeps the assessment's identity, client
 * and origin */
#define SKIP(name)
#define SELECT_COLUMN(field, name)               ", a." name
#define SELECT_ANSWERS(name)                     ", a." name
#define READ_TEXT(field, name)                   sportello_assessment_set (self, field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_ANSWERS(name)                       answers_from_json (self, (const char *) sqlite3_column_text (stmt, ++i));
#define INSERT_ANSWERS(name)                     ", " name
#define VALUE_ANSWERS(name)                      ", ?"
#define UPDATE_ANSWERS(name)                     ", " name " = excluded." name
#define BIND_TEXT(field, name)                   sqlite3_bind_text (stmt, ++n, sportello_assessment_get (self, field), -1, SQLITE_STATIC);
#define BIND_ANSWERS(name)                       sqlite3_bind_text (stmt, ++n, answers, -1, SQLITE_STATIC);

static const char * const field_names[SPORTELLO_ASSESSMENT_N_TEXT_FIELDS] = {
  SPORTELLO_ASSESSMENT_COLUMNS (FIELD_NAME, REF_NAME, SKIP)
};

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_free (answer->note);
  g_free (answer);
}

static void
sportello_assessment_finalize (GObject *object)
{
  SportelloAssessment *self = (SportelloAssessment *)object;

  g_clear_pointer (&self->answers, g_hash_table_unref);

  G_OBJECT_CLASS (sportello_assessment_parent_class)->finalize (object);
}

static void
sportello_assessment_class_init (SportelloAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sportello_assessment_finalize;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), field_names, SPORTELLO_ASSESSMENT_N_TEXT_FIELDS);
}

static void
sportello_assessment_init (SportelloAssessment *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, answer_free);
}

const char *
sportello_assessment_get (SportelloAssessment      *self,
                          SportelloAssessmentField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_assessment_set (SportelloAssessment      *self,
                          SportelloAssessmentField  field,
                          const char               *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

SportelloAssessment *
sportello_assessment_new (const char *client_uuid,
                          const char *checklist_uuid)
{
  SportelloAssessment *self = g_object_new (SPORTELLO_TYPE_ASSESSMENT, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  sportello_assessment_set (self, SPORTELLO_ASSESSMENT_CLIENT_UUID, client_uuid);
  sportello_assessment_set (self, SPORTELLO_ASSESSMENT_CHECKLIST_UUID, checklist_uuid);
  sportello_assessment_set (self, SPORTELLO_ASSESSMENT_ASSESSED_ON, today);

  return self;
}

gboolean
sportello_assessment_get_answer (SportelloAssessment  *self,
                                 const char           *item_id,
                                 SportelloAnswer      *answer,
                                 const char          **note)
{
  Answer *a = g_hash_table_lookup (self->answers, item_id);

  if (a == NULL)
    return FALSE;
  if (answer != NULL)
    *answer = a->value;
  if (note != NULL)
    *note = a->note;
  return TRUE;
}

void
sportello_assessment_set_answer (SportelloAssessment *self,
                                 const char          *item_id,
                                 SportelloAnswer      value,
                                 const char          *note)
{
  Answer *a = g_new0 (Answer, 1);

  a->value = value;
  a->note = g_strdup (note ? note : "");
  g_hash_table_replace (self->answers, g_strdup (item_id), a);
}

void
sportello_assessment_clear_answer (SportelloAssessment *self,
                                   const char          *item_id)
{
  g_hash_table_remove (self->answers, item_id);
}

guint
sportello_assessment_count_answers (SportelloAssessment *self,
                                    SportelloChecklist  *checklist)
{
  guint n = 0;

  for (guint i = 0; i < checklist->items->len; i++)
    n += g_hash_table_contains (self->answers, g_array_index (checklist->items, SportelloChecklistItem, i).id);
  return n;
}

SportelloScore *
sportello_assessment_score (SportelloAssessment *self,
                            SportelloChecklist  *checklist)
{
  guint n = checklist->items->len;
  g_autofree SportelloAnswer *values = g_new0 (SportelloAnswer, n);
  g_autofree gboolean *answered = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    answered[i] = sportello_assessment_get_answer (self, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                                   &values[i], NULL);

  return sportello_checklist_score (checklist, values, answered);
}

/* The N/A answers without the reason the rules require (item indices) */
GPtrArray *
sportello_assessment_missing_reasons (SportelloAssessment *self,
                                      SportelloChecklist  *checklist)
{
  GPtrArray *missing = g_ptr_array_new ();

  for (guint i = 0; i < checklist->items->len; i++)
    {
      SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, i);
      SportelloAnswer value;
      const char *note;

      g_autofree char *reason = NULL;

      if (!sportello_assessment_get_answer (self, item->id, &value, &note) || value != SPORTELLO_ANSWER_NA)
        continue;
      reason = g_strstrip (g_strdup (note));
      if (reason[0] == '\0')
        g_ptr_array_add (missing, item);
    }

  return missing;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
answers_to_json (SportelloAssessment *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (self->answers, NULL);

  g_sort_array (keys, g_strv_length (keys), sizeof (char *), compare_keys, NULL);
  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      Answer *a = g_hash_table_lookup (self->answers, keys[i]);

      json_builder_set_member_name (builder, keys[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      if (a->value == SPORTELLO_ANSWER_NA)
        json_builder_add_string_value (builder, "na");
      else
        json_builder_add_int_value (builder, a->value);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, a->note);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
answers_from_json (SportelloAssessment *self,
                   const char          *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  g_autoptr(GList) members = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *o = json_object_get_object_member (root, l->data);
      JsonNode *value = o ? json_object_get_member (o, "value") : NULL;
      SportelloAnswer answer;

      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
        continue;
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        answer = SPORTELLO_ANSWER_NA;
      else
        answer = (SportelloAnswer) CLAMP (json_node_get_int (value), 0, 2);

      sportello_assessment_set_answer (self, l->data, answer,
                                       json_object_get_string_member_with_default (o, "note", ""));
    }
}

/* ------------------------------------------------------- checklists ---- */

/* The same checklist version gets the same UUID at every hub */
static char *
checklist_uuid (SportelloChecklist *checklist)
{
  g_autofree char *name = g_strdup_printf ("sportello-checklist:%s:%s", checklist->id, checklist->version);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);

  /* a name-based (version 5 style) UUID */
  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", sha, sha + 8, sha + 13,
                          "89ab"[g_ascii_xdigit_value (sha[16]) & 3], sha + 17, sha + 20);
}

/* What the list of a version's columns (sportello-checklist-private.h)
 * gives: the INSERT of a version, and the value of each column */
#define COLUMN_NAME(name)  ", " name
#define COLUMN_VALUE(name) ", ?"
#define CHECKLIST_INSERT \
  "INSERT OR IGNORE INTO checklists (id" SPORTELLO_CHECKLIST_COLUMNS (COLUMN_NAME) ") " \
  "VALUES (NULL" SPORTELLO_CHECKLIST_COLUMNS (COLUMN_VALUE) ")"

static const char *
checklist_column (SportelloChecklist *checklist,
                  SportelloDatabase  *db,
                  const char         *uuid,
                  const char         *now,
                  const char         *name)
{
  if (g_str_equal (name, "uuid"))
    return uuid;
  if (g_str_equal (name, "created_at") || g_str_equal (name, "updated_at"))
    return now;
  if (g_str_equal (name, "origin_consultant"))
    return sportello_database_get_consultant (db);
  if (g_str_equal (name, "origin_hub"))
    return sportello_database_get_hub (db);
  if (g_str_equal (name, "checklist_id"))
    return checklist->id;
  if (g_str_equal (name, "version"))
    return checklist->version;
  if (g_str_equal (name, "title"))
    return checklist->title;
  if (g_str_equal (name, "content"))
    return checklist->json;
  g_return_val_if_reached (NULL);
}

/**
 * sportello_checklist_store:
 *
 * Stores this checklist version, once; returns its UUID. A stored version
 * is never changed: assessments refer to it forever.
 */
char *
sportello_checklist_store (SportelloDatabase   *db,
                           SportelloChecklist  *checklist,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = checklist_uuid (checklist);
  g_autofree char *now = sportello_now_utc ();

  stmt = _sportello_database_prepare (db, CHECKLIST_INSERT, error);
  if (stmt == NULL)
    return NULL;

  {
    int n = 0;

#define BIND_COLUMN(name) \
    sqlite3_bind_text (stmt, ++n, checklist_column (checklist, db, uuid, now, name), -1, SQLITE_STATIC);
    SPORTELLO_CHECKLIST_COLUMNS (BIND_COLUMN)
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&uuid);
}

SportelloChecklist *
sportello_checklist_load_version (SportelloDatabase  *db,
                                  const char         *uuid,
                                  GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!(stmt = _sportello_database_prepare (db, "SELECT content FROM checklists WHERE uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The checklist of this assessment is missing"));
      return NULL;
    }

  bytes = g_bytes_new (sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
  return sportello_checklist_new_from_bytes (bytes, error);
}

/**
 * sportello_checklist_save_version:
 *
 * Stores @checklist as a new version of itself (the next number), so the
 * assessments made with the earlier versions keep them. Refuses a
 * checklist with problems. Returns the new version's UUID.
 */
char *
sportello_checklist_save_version (SportelloDatabase   *db,
                                  SportelloChecklist  *checklist,
                                  GError             **error)
{
  g_autoptr(GPtrArray) problems = sportello_checklist_check (checklist);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 next = 1;

  if (problems->len > 0)
    {
      g_set_error_literal (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID, g_ptr_array_index (problems, 0));
      return NULL;
    }

  if (!(stmt = _sportello_database_prepare (db,
          "SELECT coalesce (max (CAST (version AS INTEGER)), 0) + 1 FROM checklists WHERE checklist_id = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, checklist->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);

  g_free (checklist->version);
  checklist->version = g_strdup_printf ("%" G_GINT64_FORMAT, next);
  g_free (checklist->json);
  checklist->json = sportello_checklist_to_json (checklist);

  return sportello_checklist_store (db, checklist, error);
}

/* A copy to edit: a checklist of its own, at version 1 */
SportelloChecklist *
sportello_checklist_duplicate (SportelloChecklist *checklist)
{
  SportelloChecklist *copy = sportello_checklist_copy (checklist);
  g_autofree char *suffix = g_uuid_string_random ();

  g_free (copy->id);
  copy->id = g_strdup_printf ("%s-%.8s", checklist->id, suffix);
  g_free (copy->version);
  copy->version = g_strdup ("0");
  g_free (copy->title);
  /* Translators: the title of a copy of a checklist */
  copy->title = g_strdup_printf (_("Copy of %s"), checklist->title);

  return copy;
}

void
sportello_checklist_summary_free (SportelloChecklistSummary *summary)
{
  g_free (summary->uuid);
  g_free (summary->checklist_id);
  g_free (summary->version);
  g_free (summary->title);
  g_free (summary);
}

/* The latest version of each checklist, with how many assessments use any of its versions */
GPtrArray *
sportello_checklist_list_latest (SportelloDatabase  *db,
                                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *list;
  int rc;

  stmt = _sportello_database_prepare (db,
    "SELECT c.uuid, c.checklist_id, c.version, c.title, "
    "(SELECT count (*) FROM assessments a JOIN checklists v ON v.uuid = a.checklist_uuid WHERE v.checklist_id = c.checklist_id) "
    "FROM checklists c WHERE c.id = (SELECT id FROM checklists l WHERE l.checklist_id = c.checklist_id ORDER BY l.id DESC LIMIT 1) "
    "ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_checklist_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SportelloChecklistSummary *s = g_new0 (SportelloChecklistSummary, 1);

      s->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->checklist_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->version = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      s->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      s->n_assessments = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (list, s);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      g_ptr_array_unref (list);
      return NULL;
    }

  return list;
}

char *
sportello_checklist_latest_uuid (SportelloDatabase *db,
                                 const char        *checklist_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sportello_database_prepare (db, "SELECT uuid FROM checklists WHERE checklist_id = ? ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, checklist_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* ------------------------------------------------------ assessments ---- */

#define ASSESSMENT_SELECT \
  "SELECT a.id" SPORTELLO_ASSESSMENT_COLUMNS (SELECT_COLUMN, SELECT_REF, SELECT_ANSWERS) \
  " FROM assessments a JOIN clients c ON c.id = a.client_id "

/* written only while the client and the checklist version are there */
#define ASSESSMENT_UPSERT \
  "INSERT INTO assessments (id" SPORTELLO_ASSESSMENT_COLUMNS (INSERT_NAME, INSERT_REF, INSERT_ANSWERS) ") " \
  "SELECT NULL" SPORTELLO_ASSESSMENT_COLUMNS (VALUE, VALUE_REF, VALUE_ANSWERS) " FROM clients c WHERE c.uuid = ? " \
  "AND EXISTS (SELECT 1 FROM checklists WHERE uuid = ?) " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_ASSESSMENT_OWN_COLUMNS (UPDATE, SKIP_REF, UPDATE_ANSWERS)

static SportelloAssessment *
assessment_from_row (sqlite3_stmt *stmt)
{
  SportelloAssessment *self = g_object_new (SPORTELLO_TYPE_ASSESSMENT, NULL);
  int i = 0;

  SPORTELLO_ASSESSMENT_COLUMNS (READ_TEXT, READ_REF, READ_ANSWERS)

  return self;
}

gboolean
sportello_assessment_save (SportelloAssessment  *self,
                           SportelloDatabase    *db,
                           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sportello_now_utc ();
  g_autofree char *answers = answers_to_json (self);
  g_autoptr(GDate) date = NULL;

  {
    unsigned int y, m, d;

    if (sscanf (sportello_assessment_get (self, SPORTELLO_ASSESSMENT_ASSESSED_ON), "%4u-%2u-%2u", &y, &m, &d) != 3 ||
        !g_date_valid_dmy (d, m, y))
      {
        g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                     _("Write the date as year-month-day, as in 2026-11-25"));
        return FALSE;
      }
  }

  if (sportello_assessment_get (self, SPORTELLO_ASSESSMENT_UUID)[0] == '\0')
    {
      g_autofree char *uuid = sportello_new_uuid ();

      sportello_assessment_set (self, SPORTELLO_ASSESSMENT_UUID, uuid);
    }
  if (sportello_assessment_get (self, SPORTELLO_ASSESSMENT_CREATED_AT)[0] == '\0')
    {
      sportello_assessment_set (self, SPORTELLO_ASSESSMENT_CREATED_AT, now);
      sportello_assessment_set (self, SPORTELLO_ASSESSMENT_ORIGIN_CONSULTANT, sportello_database_get_consultant (db));
      sportello_assessment_set (self, SPORTELLO_ASSESSMENT_ORIGIN_HUB, sportello_database_get_hub (db));
      if (sportello_assessment_get (self, SPORTELLO_ASSESSMENT_CONSULTANT)[0] == '\0')
        sportello_assessment_set (self, SPORTELLO_ASSESSMENT_CONSULTANT, sportello_database_get_consultant (db));
    }
  sportello_assessment_set (self, SPORTELLO_ASSESSMENT_UPDATED_AT, now);

  stmt = _sportello_database_prepare (db, ASSESSMENT_UPSERT, error);
  if (stmt == NULL)
    return FALSE;

  {
    int n = 0;

    SPORTELLO_ASSESSMENT_COLUMNS (BIND_TEXT, SKIP_REF, BIND_ANSWERS)
    /* the client and the checklist version, last */
    sqlite3_bind_text (stmt, ++n, sportello_assessment_get (self, SPORTELLO_ASSESSMENT_CLIENT_UUID), -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, ++n, sportello_assessment_get (self, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), -1, SQLITE_STATIC);
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The client or the checklist does not exist any more"));
      return FALSE;
    }

  return TRUE;
}

SportelloAssessment *
sportello_assessment_load (SportelloDatabase  *db,
                           const char         *uuid,
                           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (db, ASSESSMENT_SELECT "WHERE a.uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return assessment_from_row (stmt);

  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
               _("The assessment does not exist any more"));
  return NULL;
}

gboolean
sportello_assessment_delete (SportelloDatabase  *db,
                             const char         *uuid,
                             GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM assessments WHERE uuid = ?", uuid, error);
}

/* A client's assessments, newest first: the history */
GListModel *
sportello_assessment_list (SportelloDatabase  *db,
                           const char         *client_uuid,
                           GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_ASSESSMENT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sportello_database_prepare (db, ASSESSMENT_SELECT "WHERE c.uuid = ? ORDER BY a.assessed_on DESC, a.created_at DESC",
                                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SportelloAssessment) a = assessment_from_row (stmt);

      g_list_store_append (store, a);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sportello_assessment_compare:
 *
 * The change per area from @earlier to @later (same checklist layout):
 * an array of #SportelloAreaChange, one per area.
 */
GArray *
sportello_assessment_compare (SportelloScore *earlier,
                              SportelloScore *later,
                              guint           n_areas)
{
  GArray *changes = g_array_sized_new (FALSE, TRUE, sizeof (SportelloAreaChange), n_areas);

  for (guint a = 0; a < n_areas; a++)
    {
      SportelloAreaChange change = { (int) a, 0, FALSE };

      change.both = earlier->areas[a].applicable && later->areas[a].applicable;
      if (change.both)
        change.delta_tenths = (int) later->areas[a].tenths - (int) earlier->areas[a].tenths;
      g_array_append_val (changes, change);
    }

  return changes;
}

static const char *
answer_label (SportelloAnswer answer)
{
  switch (answer)
    {
    case SPORTELLO_ANSWER_MISSING:
      return C_("assessment answer, lower case", "missing");
    case SPORTELLO_ANSWER_PARTIAL:
      return C_("assessment answer, lower case", "partial");
    case SPORTELLO_ANSWER_COMPLETE:
      return C_("assessment answer, lower case", "complete");
    case SPORTELLO_ANSWER_NA:
    default:
      return C_("assessment answer, lower case", "not applicable");
    }
}

/**
 * sportello_assessment_placeholders:
 *
 * The values an advice document takes from an assessment:
 * assessment.score (“73,5/100”), assessment.level (the level, or “not
 * ready to sell online” while a blocker is unmet), assessment.date,
 * assessment.blockers and assessment.gaps (Markdown lists, in the order of
 * the action plan) and assessment.areas (“Area: score” lines).
 */
GHashTable *
sportello_assessment_placeholders (SportelloAssessment *self,
                                   SportelloChecklist  *checklist)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(SportelloScore) score = sportello_assessment_score (self, checklist);
  g_autoptr(GString) gaps = g_string_new (NULL);
  g_autoptr(GString) blockers = g_string_new (NULL);
  g_autoptr(GString) areas = g_string_new (NULL);

  if (score->defined)
    {
      g_autofree char *value = sportello_format_tenths (score->tenths);

      g_hash_table_insert (values, (gpointer) "assessment.score", g_strdup_printf ("%s/100", value));
    }
  else
    g_hash_table_insert (values, (gpointer) "assessment.score", g_utf8_strdown (sportello_level_label (SPORTELLO_LEVEL_NONE), -1));

  g_hash_table_insert (values, (gpointer) "assessment.level", sportello_score_verdict (score));
  /* “15 novembre 2026” in a letter, as {{date}} and {{meeting.date}} */
  g_hash_table_insert (values, (gpointer) "assessment.date", sportello_format_date_long (sportello_assessment_get (self, SPORTELLO_ASSESSMENT_ASSESSED_ON)));

  for (guint i = 0; i < score->gaps->len; i++)
    {
      guint index = g_array_index (score->gaps, guint, i);
      SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, index);
      SportelloAnswer answer = SPORTELLO_ANSWER_MISSING;

      sportello_assessment_get_answer (self, item->id, &answer, NULL);
      g_string_append_printf (gaps, "- %s %s — %s\n", item->id, item->title, answer_label (answer));
    }
  for (guint i = 0; i < score->unmet_blockers->len; i++)
    {
      SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem,
                                                     g_array_index (score->unmet_blockers, guint, i));

      g_string_append_printf (blockers, "- %s %s\n", item->id, item->title);
    }
  for (guint a = 0; a < checklist->areas->len; a++)
    {
      SportelloChecklistArea *area = &g_array_index (checklist->areas, SportelloChecklistArea, a);
      g_autofree char *value = score->areas[a].applicable ? sportello_format_tenths (score->areas[a].tenths)
                                                          : g_strdup (C_("not applicable", "not applicable"));

      g_string_append_printf (areas, "%s: %s\n", area->title, value);
    }

  g_hash_table_insert (values, (gpointer) "assessment.gaps",
                       gaps->len ? g_string_free (g_steal_pointer (&gaps), FALSE) : g_strdup (_("No gaps found.")));
  g_hash_table_insert (values, (gpointer) "assessment.blockers",
                       blockers->len ? g_string_free (g_steal_pointer (&blockers), FALSE) : g_strdup (_("No blocking requirement open.")));
  g_hash_table_insert (values, (gpointer) "assessment.areas", g_string_free (g_steal_pointer (&areas), FALSE));

  return values;
}
