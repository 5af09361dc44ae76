/* sportello-bundle-apply.c: a bundle read, written into the database
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record is compared with ours: new, updated, unchanged, or a
 * conflict when both sides changed it; a new client with a VAT number
 * already in the database is a duplicate, which may be merged into ours.
 * Then everything is written in one transaction, a large import setting
 * aside what keeps derived data current row by row.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-attachment-private.h"
#include "sportello-backup.h"
#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"
#include "sportello-grant-private.h"

static guint fail_after;

void
_sportello_bundle_set_fail_after (guint n_rows)
{
  fail_after = n_rows;
}

typedef enum
{
  DECIDE_NEW,
  DECIDE_UPDATE,
  DECIDE_UNCHANGED,
  DECIDE_CONFLICT,
} Decision;

typedef struct
{
  sqlite3_stmt *current[SPORTELLO_N_RECORD_KINDS];
  sqlite3_stmt *base;
  sqlite3_stmt *vat;
  gint64        last_client_id;   /* the newest client before the import */
} Lookups;

static void
lookups_clear (Lookups *lookups)
{
  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_clear_pointer (&lookups->current[i], sqlite3_finalize);
  g_clear_pointer (&lookups->base, sqlite3_finalize);
  g_clear_pointer (&lookups->vat, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookups, lookups_clear)

static gboolean
lookups_init (Lookups            *lookups,
              SportelloDatabase  *db,
              GError            **error)
{
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT ");

      for (guint i = 0; i < _sportello_bundle_specs[kind].n_columns; i++)
        g_string_append_printf (sql, "%s%s", i ? ", " : "", _sportello_bundle_specs[kind].columns[i].expr);
      /* a checklist version or a template is looked up on its own, used or not */
      g_string_append_printf (sql, " FROM %s WHERE t.uuid = ?",
                              _sportello_bundle_specs[kind].own_from != NULL ? _sportello_bundle_specs[kind].own_from : _sportello_bundle_specs[kind].from);
      if (!(lookups->current[kind] = _sportello_database_prepare (db, sql->str, error)))
        return FALSE;
    }

  lookups->base = _sportello_database_prepare (db, "SELECT updated_at FROM exchanges WHERE uuid = ?", error);
  /* only the clients here before the import: two of the bundle's own with
   * one VAT number came that way, and the preview does not see them */
  lookups->vat = _sportello_database_prepare (db,
    "SELECT uuid, name FROM clients WHERE vat_number = ?1 AND vat_number <> '' AND uuid <> ?2 AND deleted_at IS NULL "
    "AND id <= ?3 ORDER BY created_at, uuid LIMIT 1", error);
  if (lookups->vat == NULL)
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) last = _sportello_database_prepare (db, "SELECT coalesce (max (id), 0) FROM clients", error);

    if (last == NULL || sqlite3_step (last) != SQLITE_ROW)
      return FALSE;
    lookups->last_client_id = sqlite3_column_int64 (last, 0);
  }

  return lookups->base != NULL;
}

static gboolean
same_as_row (const RecordSpec *spec,
             const Cell       *cells,
             sqlite3_stmt     *row)
{
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Cell *cell = &cells[i];
      gboolean is_null = cell->type == SPORTELLO_JSON_NULL;

      switch (spec->columns[i].type)
        {
        case COL_INT:
          if (is_null != (sqlite3_column_type (row, i) == SQLITE_NULL))
            return FALSE;
          if (!is_null && cell->integer != sqlite3_column_int64 (row, i))
            return FALSE;
          break;
        case COL_BOOL:
          if (cell->boolean != (sqlite3_column_int (row, i) != 0))
            return FALSE;
          break;
        case COL_CONTENT:
          /* the same SHA-256 (checked against the content) is the same content */
          break;
        case COL_CONTACT:
          if (is_null != (sqlite3_column_type (row, i) == SQLITE_NULL))
            return FALSE;
          if (!is_null && g_strcmp0 (cell->string, (const char *) sqlite3_column_text (row, i)) != 0)
            return FALSE;
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          if (g_strcmp0 (cell->string, (const char *) sqlite3_column_text (row, i)) != 0)
            return FALSE;
          break;
        }
    }

  return TRUE;
}

static Decision
decide (Lookups             *lookups,
        SportelloRecordKind  kind,
        const Cell          *cells,
        gboolean            *duplicate)
{
  const char *uuid = RECORD_UUID (cells);
  const char *theirs = RECORD_UPDATED_AT (cells);
  sqlite3_stmt *row = lookups->current[kind];
  g_autofree char *ours = NULL;
  g_autofree char *base = NULL;
  Decision decision;

  *duplicate = FALSE;

  sqlite3_reset (row);
  sqlite3_bind_text (row, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (row) != SQLITE_ROW)
    {
      if (kind == SPORTELLO_RECORD_KIND_CLIENT)
        {
          sqlite3_reset (lookups->vat);
          sqlite3_bind_text (lookups->vat, 1, text_member (kind, cells, "vat_number"), -1, SQLITE_STATIC);
          sqlite3_bind_text (lookups->vat, 2, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (lookups->vat, 3, lookups->last_client_id);
          *duplicate = sqlite3_step (lookups->vat) == SQLITE_ROW;
        }
      return DECIDE_NEW;
    }

  /* a checklist version never changes: one we have is kept as it is */
  if (same_as_row (&_sportello_bundle_specs[kind], cells, row) || kind == SPORTELLO_RECORD_KIND_CHECKLIST)
    {
      sqlite3_reset (row);
      return DECIDE_UNCHANGED;
    }

  ours = g_strdup ((const char *) sqlite3_column_text (row, 2));   /* updated_at */

  sqlite3_reset (lookups->base);
  sqlite3_bind_text (lookups->base, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (lookups->base) == SQLITE_ROW)
    base = g_strdup ((const char *) sqlite3_column_text (lookups->base, 0));

  /* changed only on their side since we last exchanged it: an update;
   * only on ours: nothing to take; on both (or never exchanged): a conflict */
  if (base != NULL && g_strcmp0 (ours, base) == 0)
    decision = DECIDE_UPDATE;
  else if (base != NULL && g_strcmp0 (theirs, base) == 0)
    decision = DECIDE_UNCHANGED;
  else
    decision = DECIDE_CONFLICT;

  sqlite3_reset (row);
  return decision;
}

static void
count (SportelloImportCounts *counts,
       Decision               decision,
       gboolean               duplicate)
{
  switch (decision)
    {
    case DECIDE_NEW:
      counts->new_records++;
      if (duplicate)
        counts->duplicates++;
      break;
    case DECIDE_UPDATE:
      counts->updated++;
      break;
    case DECIDE_UNCHANGED:
      counts->unchanged++;
      break;
    case DECIDE_CONFLICT:
    default:
      counts->conflicts++;
      break;
    }
}

/* A client of the bundle that is one of ours: not written, not counted */
static gboolean
is_merged (SportelloBundle     *bundle,
           SportelloRecordKind  kind,
           const Cell          *cells)
{
  return kind == SPORTELLO_RECORD_KIND_CLIENT && bundle->merges != NULL &&
         g_hash_table_contains (bundle->merges, RECORD_UUID (cells));
}

/**
 * sportello_bundle_preview:
 *
 * What an import would do, record by record, without changing anything.
 */
gboolean
sportello_bundle_preview (SportelloBundle        *bundle,
                          SportelloDatabase      *db,
                          SportelloImportCounts   counts[SPORTELLO_N_RECORD_KINDS],
                          GError                **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };

  g_return_val_if_fail (bundle->problems->len == 0, FALSE);

  memset (counts, 0, sizeof (SportelloImportCounts) * SPORTELLO_N_RECORD_KINDS);
  if (!lookups_init (&lookups, db, error))
    return FALSE;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    for (guint i = 0; i < bundle->records[kind]->len; i++)
      {
        const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
        gboolean duplicate;
        Decision decision;

        if (is_merged (bundle, kind, cells))
          continue;
        decision = decide (&lookups, kind, cells, &duplicate);
        count (&counts[kind], decision, duplicate);
      }

  return TRUE;
}

/* Records of a merged client hang off ours instead */
static void
remap_merged (SportelloBundle  *bundle,
              const RecordSpec *spec,
              sqlite3_stmt     *stmt,
              const Cell       *cells)
{
  if (bundle->merges == NULL || spec->parent != SPORTELLO_RECORD_KIND_CLIENT)
    return;

  for (guint i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].type == COL_REF)
      {
        const char *ours = g_hash_table_lookup (bundle->merges, cells[i].string);

        if (ours != NULL)
          sqlite3_bind_text (stmt, i + 1, ours, -1, SQLITE_TRANSIENT);
      }
}

static sqlite3_stmt *
prepare_upsert (SportelloDatabase  *db,
                SportelloRecordKind kind,
                GError            **error)
{
  const RecordSpec *spec = &_sportello_bundle_specs[kind];
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);

  /* checklist versions are never changed, only added */
  g_string_append_printf (sql, "INSERT %sINTO %s (", kind == SPORTELLO_RECORD_KIND_CHECKLIST ? "OR IGNORE " : "", spec->table);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Column *column = &spec->columns[i];
      const char *name = column->column;

      /* the bytes go to their content file, not to the table */
      if (column->type == COL_CONTENT)
        continue;
      g_string_append_printf (sql, "%s%s", i ? ", " : "", name);
      if (column->type == COL_REF)
        g_string_append_printf (values, "%s(SELECT id FROM %s WHERE uuid = ?%u)", i ? ", " : "",
                                _sportello_bundle_specs[spec->parent].table, i + 1);
      else if (column->type == COL_CONTACT)
        g_string_append_printf (values, "%s(SELECT id FROM contacts WHERE uuid = ?%u)", i ? ", " : "", i + 1);
      else
        g_string_append_printf (values, "%s?%u", i ? ", " : "", i + 1);
      if (i > 0)
        g_string_append_printf (updates, "%s%s = excluded.%s", i > 1 ? ", " : "", name, name);
    }
  if (kind == SPORTELLO_RECORD_KIND_CHECKLIST)
    g_string_append_printf (sql, ") VALUES (%s)", values->str);
  else
    g_string_append_printf (sql, ") VALUES (%s) ON CONFLICT (uuid) DO UPDATE SET %s", values->str, updates->str);

  return _sportello_database_prepare (db, sql->str, error);
}

static void
bind_record (const RecordSpec *spec,
             sqlite3_stmt     *stmt,
             const Cell       *cells)
{
  sqlite3_reset (stmt);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Cell *cell = &cells[i];

      switch (spec->columns[i].type)
        {
        case COL_INT:
          if (cell->type == SPORTELLO_JSON_NULL)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, cell->integer);
          break;
        case COL_BOOL:
          sqlite3_bind_int (stmt, i + 1, cell->boolean);
          break;
        case COL_CONTENT:
          break;
        case COL_CONTACT:
          if (cell->type == SPORTELLO_JSON_NULL)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_text (stmt, i + 1, cell->string, -1, SQLITE_STATIC);
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          sqlite3_bind_text (stmt, i + 1, cell->string, -1, SQLITE_STATIC);
          break;
        }
    }
}

#define BULK_THRESHOLD 5000

static guint
total_records (SportelloBundle *bundle)
{
  guint total = 0;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    total += bundle->records[kind]->len;
  return total;
}

/* A large import writes rows first and derived data once at the end.
 * Set aside meanwhile (inside the transaction, so a failure puts them back
 * too): the triggers that keep the FTS5 indexes and each client's last
 * meeting current, and the secondary indexes of the tables that take many
 * rows (built again in one sorted pass, much faster than row by row; the
 * clients keep theirs, which the duplicate check reads). The tag index is
 * filled once, and SQLite gets a larger page cache so the rows do not spill
 * to the write-ahead log page by page. */
typedef struct
{
  GPtrArray *indexes;      /* the SQL of those set aside */
  GPtrArray *triggers;
  int        cache_size;   /* to restore */
} Bulk;

#define BULK_CACHE_KIB (64 * 1024)

static const char * const fts_indexes[] = { SPORTELLO_FTS_INDEXES };

static void
bulk_clear (Bulk *bulk)
{
  g_clear_pointer (&bulk->indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->triggers, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bulk, bulk_clear)

/* Drops what @select names (rows of type, name, sql), keeping its SQL */
static gboolean
set_aside (SportelloDatabase  *db,
           const char         *select,
           GPtrArray          *kept,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, select, error);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (kept, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < drops->len; i++)
    if (!sportello_database_exec (db, g_ptr_array_index (drops, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
exec_all (SportelloDatabase  *db,
          GPtrArray          *statements,
          GError            **error)
{
  for (guint i = 0; i < statements->len; i++)
    if (!sportello_database_exec (db, g_ptr_array_index (statements, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
bulk_begin (SportelloDatabase  *db,
            Bulk               *bulk,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cache = NULL;

  stmt = _sportello_database_prepare (db, "PRAGMA cache_size", error);
  if (stmt == NULL)
    return FALSE;
  bulk->cache_size = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -2000;
  cache = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);
  if (!sportello_database_exec (db, cache, error))
    return FALSE;

  bulk->indexes = g_ptr_array_new_with_free_func (g_free);
  bulk->triggers = g_ptr_array_new_with_free_func (g_free);
  return set_aside (db, SPORTELLO_BULK_TRIGGERS_SQL, bulk->triggers, error) &&
         set_aside (db, SPORTELLO_BULK_INDEXES_SQL, bulk->indexes, error);
}

/* Rebuilds what was set aside and what its triggers would have kept,
 * telling @bundle's progress how far it is: from @done to @span */
static gboolean
bulk_end (SportelloDatabase  *db,
          Bulk               *bulk,
          SportelloBundle    *bundle,
          guint               done,
          guint               span,
          GError            **error)
{
  enum { INDEXES, TAGS, LAST_MEETINGS, FTS, N_STAGES = FTS + G_N_ELEMENTS (fts_indexes) };

  for (guint stage = 0; stage < N_STAGES; stage++)
    {
      gboolean ok;

      switch (stage)
        {
        case INDEXES:
          /* first: the last meetings are found through one of them */
          ok = exec_all (db, bulk->indexes, error);
          break;
        case TAGS:
          ok = _sportello_client_index_tags (db, NULL, error);
          break;
        case LAST_MEETINGS:
          ok = sportello_database_exec (db, SPORTELLO_LAST_MEETINGS_SQL, error);
          break;
        default:
          {
            g_autofree char *rebuild = g_strdup_printf (SPORTELLO_FTS_BULK_REBUILD_SQL, fts_indexes[stage - FTS]);

            ok = sportello_database_exec (db, rebuild, error);
          }
          break;
        }
      if (!ok)
        return FALSE;
      if (bundle->progress != NULL &&
          !bundle->progress (done + (span - done) * (stage + 1) / (N_STAGES + 1), span, bundle->progress_data))
        return _sportello_bundle_cancelled (error);
    }

  return exec_all (db, bulk->triggers, error);
}

/* Whatever happened, the usual page cache again */
static void
bulk_finish (SportelloDatabase *db,
             Bulk              *bulk)
{
  g_autofree char *cache = NULL;

  if (bulk->triggers == NULL)
    return;
  cache = g_strdup_printf ("PRAGMA cache_size = %d", bulk->cache_size);
  sportello_database_exec (db, cache, NULL);
}

void
sportello_conflict_free (SportelloConflict *conflict)
{
  g_free (conflict->uuid);
  g_free (conflict->description);
  g_free (conflict->ours_updated_at);
  g_free (conflict->theirs_updated_at);
  g_free (conflict->existing_uuid);
  g_free (conflict->existing_description);
  g_free (conflict);
}

/* What names a record to a person: a client's name, a meeting's date… */
static const char *
describe (SportelloRecordKind  kind,
          const Cell          *cells)
{
  static const char * const keys[SPORTELLO_N_RECORD_KINDS] = {
    [SPORTELLO_RECORD_KIND_CLIENT] = "name",
    [SPORTELLO_RECORD_KIND_CONTACT] = "name",
    [SPORTELLO_RECORD_KIND_MEETING] = "starts_at",
    [SPORTELLO_RECORD_KIND_FOLLOW_UP] = "text",
    [SPORTELLO_RECORD_KIND_CHECKLIST] = "title",
    [SPORTELLO_RECORD_KIND_ASSESSMENT] = "assessed_on",
    [SPORTELLO_RECORD_KIND_DOCUMENT] = "title",
    [SPORTELLO_RECORD_KIND_TEMPLATE] = "title",
    [SPORTELLO_RECORD_KIND_EVENT] = "title",
    [SPORTELLO_RECORD_KIND_REGISTRATION] = "name",
    [SPORTELLO_RECORD_KIND_GRANT_CALL] = "title",
    [SPORTELLO_RECORD_KIND_GRANT_APPLICATION] = "status",
    [SPORTELLO_RECORD_KIND_ATTACHMENT] = "name",
  };
  const char *text = text_member (kind, cells, keys[kind]);

  return text != NULL ? text : "";
}

/**
 * sportello_bundle_list_conflicts:
 *
 * The records changed both here and in the bundle since they were last
 * exchanged, for the consultant to settle one by one.
 *
 * Returns: (transfer full) (element-type SportelloConflict): the conflicts
 */
GPtrArray *
sportello_bundle_list_conflicts (SportelloBundle    *bundle,
                                 SportelloDatabase  *db,
                                 GError            **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_conflict_free);

  g_return_val_if_fail (bundle->problems->len == 0, NULL);

  if (!lookups_init (&lookups, db, error))
    return NULL;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    for (guint i = 0; i < bundle->records[kind]->len; i++)
      {
        const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
        gboolean duplicate;
        SportelloConflict *conflict;
        sqlite3_stmt *row;

        if (decide (&lookups, kind, cells, &duplicate) != DECIDE_CONFLICT)
          continue;

        conflict = g_new0 (SportelloConflict, 1);
        conflict->kind = kind;
        conflict->uuid = g_strdup (RECORD_UUID (cells));
        conflict->description = g_strdup (describe (kind, cells));
        conflict->theirs_updated_at = g_strdup (RECORD_UPDATED_AT (cells));
        row = lookups.current[kind];
        sqlite3_reset (row);
        sqlite3_bind_text (row, 1, conflict->uuid, -1, SQLITE_STATIC);
        if (sqlite3_step (row) == SQLITE_ROW)
          conflict->ours_updated_at = g_strdup ((const char *) sqlite3_column_text (row, 2));
        sqlite3_reset (row);
        g_ptr_array_add (conflicts, conflict);
      }

  return g_steal_pointer (&conflicts);
}

/**
 * sportello_bundle_list_duplicates:
 *
 * The new clients of the bundle whose P.IVA is one of ours, each with the
 * client it matches (@existing_uuid, @existing_description).
 *
 * Returns: (transfer full) (element-type SportelloConflict): the duplicates
 */
GPtrArray *
sportello_bundle_list_duplicates (SportelloBundle    *bundle,
                                  SportelloDatabase  *db,
                                  GError            **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_conflict_free);
  GPtrArray *clients = bundle->records[SPORTELLO_RECORD_KIND_CLIENT];

  g_return_val_if_fail (bundle->problems->len == 0, NULL);

  if (!lookups_init (&lookups, db, error))
    return NULL;

  for (guint i = 0; i < clients->len; i++)
    {
      const Cell *cells = g_ptr_array_index (clients, i);
      gboolean duplicate;
      SportelloConflict *match;

      if (decide (&lookups, SPORTELLO_RECORD_KIND_CLIENT, cells, &duplicate) != DECIDE_NEW || !duplicate)
        continue;

      /* decide () left the matching row of ours in the statement */
      match = g_new0 (SportelloConflict, 1);
      match->kind = SPORTELLO_RECORD_KIND_CLIENT;
      match->uuid = g_strdup (RECORD_UUID (cells));
      match->description = g_strdup (describe (SPORTELLO_RECORD_KIND_CLIENT, cells));
      match->theirs_updated_at = g_strdup (RECORD_UPDATED_AT (cells));
      match->existing_uuid = g_strdup ((const char *) sqlite3_column_text (lookups.vat, 0));
      match->existing_description = g_strdup ((const char *) sqlite3_column_text (lookups.vat, 1));
      sqlite3_reset (lookups.vat);
      g_ptr_array_add (duplicates, match);
    }

  return g_steal_pointer (&duplicates);
}

/**
 * sportello_bundle_merge:
 * @theirs: a new client of the bundle
 * @ours: the client of ours it is the same firm as
 *
 * Imports @theirs into @ours: our client's file stays as it is, and their
 * people, meetings, assessments and documents are added to it.
 */
void
sportello_bundle_merge (SportelloBundle *bundle,
                        const char      *theirs,
                        const char      *ours)
{
  if (bundle->merges == NULL)
    bundle->merges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (bundle->merges, g_strdup (theirs), g_strdup (ours));
}

/**
 * sportello_bundle_choose:
 * @choice: %SPORTELLO_CONFLICT_OURS or %SPORTELLO_CONFLICT_THEIRS (or
 *   %SPORTELLO_CONFLICT_NEWER)
 *
 * Settles one conflict, whatever policy sportello_bundle_apply() is given.
 */
void
sportello_bundle_choose (SportelloBundle         *bundle,
                         const char              *uuid,
                         SportelloConflictPolicy  choice)
{
  if (bundle->choices == NULL)
    bundle->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (bundle->choices, g_strdup (uuid), GINT_TO_POINTER (choice));
}

/**
 * sportello_bundle_set_progress:
 * @func: (nullable): told how many records are done, from the applying thread
 *
 * For a progress bar: sportello_bundle_apply() reports every percent or so.
 */
void
sportello_bundle_set_progress (SportelloBundle       *bundle,
                               SportelloProgressFunc  func,
                               gpointer               user_data)
{
  bundle->progress = func;
  bundle->progress_data = user_data;
}

/* Whether an import would write (or settle, if conflicting) more than
 * @limit records; it stops counting there */
static gboolean
writes_more_than (SportelloBundle *bundle,
                  Lookups         *lookups,
                  guint            limit)
{
  guint n = 0;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    for (guint i = 0; i < bundle->records[kind]->len; i++)
      {
        const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
        gboolean duplicate;

        if (!is_merged (bundle, kind, cells) && decide (lookups, kind, cells, &duplicate) != DECIDE_UNCHANGED &&
            ++n > limit)
          return TRUE;
      }

  return FALSE;
}

/**
 * sportello_bundle_apply:
 *
 * Imports the bundle in one transaction: new and updated records are
 * written, conflicts are settled by @policy, and the import is recorded.
 * On any failure nothing is changed.
 */
gboolean
sportello_bundle_apply (SportelloBundle         *bundle,
                        SportelloDatabase       *db,
                        SportelloConflictPolicy  policy,
                        const char              *file_name,
                        SportelloImportCounts    counts[SPORTELLO_N_RECORD_KINDS],
                        GError                 **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };
  g_autoptr(sqlite3_stmt) exchange = NULL;
  g_autoptr(sqlite3_stmt) log = NULL;
  g_auto(Bulk) bulk = { NULL, 0 };
  guint written = 0;
  guint done = 0;
  guint total = total_records (bundle);
  guint span = total;
  guint step = MAX (total / 100, 200);
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (bundle->problems->len == 0, FALSE);

  memset (counts, 0, sizeof (SportelloImportCounts) * SPORTELLO_N_RECORD_KINDS);

  /* the database as it was, should the import turn out wrong */
  if (!_sportello_backup_before (db, SPORTELLO_BACKUP_IMPORT, error))
    return FALSE;

  if (!sportello_database_begin (db, error))
    return FALSE;
  if (!lookups_init (&lookups, db, error))
    goto failed;

  /* Many records to write: the bulk way, which then builds the derived
   * data, about half as much work again. A bundle imported again, all
   * unchanged, is no reason to rebuild every index. */
  if (total > BULK_THRESHOLD && writes_more_than (bundle, &lookups, BULK_THRESHOLD))
    {
      span = total + total / 2;
      if (!bulk_begin (db, &bulk, error))
        goto failed;
    }

  if (!(exchange = _sportello_database_prepare (db, "INSERT INTO exchanges (uuid, updated_at) VALUES (?1, ?2) "
                                                   "ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2 WHERE updated_at IS NOT ?2", error)) ||
      !(log = _sportello_database_prepare (db,
          "INSERT INTO imports (file_name, exported_by_consultant, exported_by_hub, exported_at, imported_at, records) "
          "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)", error)))
    goto failed;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(sqlite3_stmt) upsert = prepare_upsert (db, kind, error);

      if (upsert == NULL)
        goto failed;

      for (guint i = 0; i < bundle->records[kind]->len; i++)
        {
          const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
          gboolean duplicate;
          Decision decision = decide (&lookups, kind, cells, &duplicate);
          gboolean write = decision == DECIDE_NEW || decision == DECIDE_UPDATE;

          if (bundle->progress != NULL && ++done % step == 0 &&
              !bundle->progress (done, span, bundle->progress_data))
            {
              _sportello_bundle_cancelled (error);
              goto failed;
            }

          if (decision == DECIDE_CONFLICT)
            {
              SportelloConflictPolicy choice = policy;
              gpointer chosen;

              /* what the consultant chose for this record, else the policy */
              if (bundle->choices != NULL &&
                  g_hash_table_lookup_extended (bundle->choices, RECORD_UUID (cells), NULL, &chosen))
                choice = GPOINTER_TO_INT (chosen);

              if (choice == SPORTELLO_CONFLICT_THEIRS)
                write = TRUE;
              else if (choice == SPORTELLO_CONFLICT_NEWER)
                {
                  sqlite3_stmt *row = lookups.current[kind];

                  sqlite3_reset (row);
                  sqlite3_bind_text (row, 1, RECORD_UUID (cells), -1, SQLITE_STATIC);
                  write = sqlite3_step (row) == SQLITE_ROW &&
                          g_strcmp0 (RECORD_UPDATED_AT (cells),
                                     (const char *) sqlite3_column_text (row, 2)) > 0;
                  sqlite3_reset (row);
                }
            }

          /* a client merged into one of ours is not written: ours stays */
          if (is_merged (bundle, kind, cells))
            continue;
          count (&counts[kind], decision, duplicate);

          if (write)
            {
              if (fail_after > 0 && ++written >= fail_after)
                {
                  g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                               "Failure injected after %u rows", written);
                  goto failed;
                }

              bind_record (&_sportello_bundle_specs[kind], upsert, cells);
              remap_merged (bundle, &_sportello_bundle_specs[kind], upsert, cells);
              if (sqlite3_step (upsert) != SQLITE_DONE)
                {
                  _sportello_database_set_error (db, error);
                  goto failed;
                }
              if (kind == SPORTELLO_RECORD_KIND_ATTACHMENT &&
                  !_sportello_bundle_store_attachment (db, text_member (kind, cells, "content"),
                                                       text_member (kind, cells, "sha256"), error))
                goto failed;
              /* a large import indexes every client's tags at the end */
              if (kind == SPORTELLO_RECORD_KIND_CLIENT && bulk.triggers == NULL &&
                  !_sportello_client_index_tags (db, RECORD_UUID (cells), error))
                goto failed;
            }

          /* both sides now share this version */
          if (write || decision == DECIDE_UNCHANGED)
            {
              sqlite3_reset (exchange);
              sqlite3_bind_text (exchange, 1, RECORD_UUID (cells), -1, SQLITE_STATIC);
              sqlite3_bind_text (exchange, 2, RECORD_UPDATED_AT (cells), -1, SQLITE_STATIC);
              if (sqlite3_step (exchange) != SQLITE_DONE)
                {
                  _sportello_database_set_error (db, error);
                  goto failed;
                }
            }
        }
    }

  {
    sqlite3_bind_text (log, 1, file_name ? file_name : "", -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 2, cell_text (&bundle->header[HEADER_CONSULTANT]), -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 3, cell_text (&bundle->header[HEADER_HUB]), -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 4, cell_text (&bundle->header[HEADER_EXPORTED_AT]), -1, SQLITE_STATIC);
    sqlite3_bind_int (log, 5, total);
    if (sqlite3_step (log) != SQLITE_DONE)
      {
        _sportello_database_set_error (db, error);
        goto failed;
      }
  }

  g_debug ("Import: %u records written in %.2f s", total, (g_get_monotonic_time () - start) / 1e6);
  if (bulk.triggers != NULL && !bulk_end (db, &bulk, bundle, total, span, error))
    goto failed;
  g_debug ("Import: derived data rebuilt at %.2f s", (g_get_monotonic_time () - start) / 1e6);

  /* the follow-ups from the deadlines of the grant applications are made
   * here, not carried: they follow the dates that came in */
  if ((bundle->records[SPORTELLO_RECORD_KIND_GRANT_CALL]->len > 0 ||
       bundle->records[SPORTELLO_RECORD_KIND_GRANT_APPLICATION]->len > 0) &&
      !_sportello_grant_sync_follow_ups (db, NULL, NULL, NULL, error))
    goto failed;

  lookups_clear (&lookups);
  if (sportello_database_commit (db, error))
    {
      g_autoptr(GError) garbage_error = NULL;

      bulk_finish (db, &bulk);
      /* the content files that updated attachments no longer name */
      if (!sportello_attachment_collect_garbage (db, NULL, &garbage_error))
        g_warning ("Cannot remove the attachments' unused files: %s", garbage_error->message);
      g_debug ("Import: committed at %.2f s", (g_get_monotonic_time () - start) / 1e6);
      /* the end, unless the last step already said so */
      if (bundle->progress != NULL && (span == 0 || span != total || total % step != 0))
        bundle->progress (span, span, bundle->progress_data);
      return TRUE;
    }

failed:
  lookups_clear (&lookups);
  g_clear_pointer (&exchange, sqlite3_finalize);
  g_clear_pointer (&log, sqlite3_finalize);
  sportello_database_rollback (db);
  bulk_finish (db, &bulk);
  return FALSE;
}
