/* sportello-client-csv-import.c: a spreadsheet's rows decided (new,
 * duplicate or bad), then written in one transaction after a backup, and
 * the import recorded
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-client-csv"

#include "config.h"

#include <time.h>

#include <glib/gi18n-lib.h>

#include "sportello-backup.h"
#include "sportello-client-csv-private.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"

/* More new clients than this: the full-text index is rebuilt once at the
 * end rather than kept row by row */
#define BULK_THRESHOLD 2000

/* For G_MESSAGES_DEBUG=sportello-client-csv: how far it is, with the
 * process's CPU time so far (steadier than the clock on a busy machine) */
static void
phase (const char *what)
{
  struct timespec cpu = { 0, };

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  g_debug ("CSV import: %s (CPU %.3f s)", what, cpu.tv_sec + cpu.tv_nsec / 1e9);
}

/* The UUIDs of the import's new clients and people, in increasing order:
 * RFC 9562 version 7 with a counter (its method 1), that is the time in
 * milliseconds, then a 26-bit counter that starts at a random value in
 * its lower half, then 48 random bits. As unique as version 4 ones for
 * the purpose (the time and 73 random bits), but each goes at the end of
 * the unique index on `uuid` rather than at a random place in it, which
 * for 50,000 rows is a fifth of what SQLite spends on the rows. */
typedef struct
{
  guint64 ms;
  guint32 counter;
} UuidSequence;

#define UUID_COUNTER_BITS 26

static void
uuid_sequence_init (UuidSequence *sequence)
{
  sequence->ms = (guint64) (g_get_real_time () / 1000);
  sequence->counter = (guint32) g_random_int_range (0, 1 << (UUID_COUNTER_BITS - 1));
}

static void
uuid_sequence_next (UuidSequence *sequence,
                    char          uuid[37])
{
  static const char hex[] = "0123456789abcdef";
  guint32 random[2] = { g_random_int (), g_random_int () };
  guint8 b[16];
  guint k = 0;

  /* the counter ran out: on to the next millisecond */
  if (++sequence->counter >= 1u << UUID_COUNTER_BITS)
    {
      sequence->ms++;
      sequence->counter = (guint32) g_random_int_range (0, 1 << (UUID_COUNTER_BITS - 1));
    }

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (sequence->ms >> (40 - 8 * i));
  b[6] = 0x70 | ((sequence->counter >> 22) & 0x0f);   /* version 7 */
  b[7] = (guint8) (sequence->counter >> 14);
  b[8] = 0x80 | ((sequence->counter >> 8) & 0x3f);    /* variant 10 */
  b[9] = (guint8) sequence->counter;
  for (guint i = 10; i < 16; i++)
    b[i] = (guint8) (random[i / 14] >> (8 * (i % 4)));

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        uuid[k++] = '-';
      uuid[k++] = hex[b[i] >> 4];
      uuid[k++] = hex[b[i] & 0x0f];
    }
  uuid[k] = '\0';
}

/* A new client, its UUID given: the upsert of sportello-client.c, bound
 * as _sportello_client_write_with () binds it (a UUID nobody has: it
 * inserts), without looking its id up again */
static gboolean
insert_new_client (SportelloDatabase  *db,
                   sqlite3_stmt       *upsert,
                   SportelloClient    *client,
                   gint64             *id,
                   GError            **error)
{
  int employees = sportello_client_get_employees (client);

  sqlite3_reset (upsert);
  for (guint i = 0; i < SPORTELLO_CLIENT_N_TEXT_FIELDS; i++)
    {
      const char *value = sportello_client_get (client, i);

      if (i == SPORTELLO_CLIENT_LAST_MEETING_AT && value[0] == '\0')
        sqlite3_bind_null (upsert, i + 1);
      else
        sqlite3_bind_text (upsert, i + 1, value, -1, SQLITE_STATIC);
    }
  if (employees < 0)
    sqlite3_bind_null (upsert, SPORTELLO_CLIENT_N_TEXT_FIELDS + 1);
  else
    sqlite3_bind_int (upsert, SPORTELLO_CLIENT_N_TEXT_FIELDS + 1, employees);
  sqlite3_bind_int (upsert, SPORTELLO_CLIENT_N_TEXT_FIELDS + 2, sportello_client_get_consent_given (client));

  if (sqlite3_step (upsert) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      sqlite3_reset (upsert);
      return FALSE;
    }
  sqlite3_reset (upsert);
  *id = sqlite3_last_insert_rowid (_sportello_database_get_handle (db));
  return TRUE;
}

static gboolean
write_contact (SportelloDatabase  *db,
               sqlite3_stmt       *insert,
               gint64              client_id,
               SportelloContact   *contact,
               gboolean            primary,
               const char         *now,
               UuidSequence       *uuids,
               GError            **error)
{
  if (sportello_contact_get (contact, SPORTELLO_CONTACT_UUID)[0] == '\0')
    {
      char uuid[37];

      uuid_sequence_next (uuids, uuid);
      sportello_contact_set (contact, SPORTELLO_CONTACT_UUID, uuid);
    }
  sportello_record_stamp (SPORTELLO_RECORD (contact), db, now);

  sqlite3_reset (insert);
  sqlite3_bind_text (insert, 1, sportello_contact_get (contact, SPORTELLO_CONTACT_UUID), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, client_id);
  for (guint i = SPORTELLO_CONTACT_NAME; i < SPORTELLO_CONTACT_N_TEXT_FIELDS; i++)
    sqlite3_bind_text (insert, i + 1, sportello_contact_get (contact, i), -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, SPORTELLO_CONTACT_N_TEXT_FIELDS + 1, primary);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      sqlite3_reset (insert);
      return FALSE;
    }
  sqlite3_reset (insert);
  return TRUE;
}

/* For a large import: a larger page cache, and set aside the triggers that
 * keep the clients' full-text index and (when nothing is looked up in
 * them) the secondary indexes of clients and contacts, each built once at
 * the end; their DROP and CREATE statements go to @set_aside in pairs.
 *
 * With @new_only (nothing merged: every person written belongs to a client
 * this transaction creates), the guard that skips a person written to an
 * anonymised client is set aside too: a client made a moment ago is not
 * anonymised, so it would skip nothing, and for 50,000 people its
 * look-up per row was two fifths of what writing them cost. It is made
 * again, as it was, before the transaction ends (or comes back with the
 * rollback). */
#define BULK_CACHE_KIB (64 * 1024)

static gboolean
bulk_begin (SportelloDatabase  *db,
            gboolean            indexes,
            gboolean            new_only,
            GPtrArray          *set_aside,
            int                *cache_size,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) cache = NULL;
  g_autofree char *pragma = NULL;
  int rc;

  if (!(cache = _sportello_database_prepare (db, "PRAGMA cache_size", error)))
    return FALSE;
  *cache_size = sqlite3_step (cache) == SQLITE_ROW ? sqlite3_column_int (cache, 0) : -2000;
  pragma = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);
  if (!sportello_database_exec (db, pragma, error))
    return FALSE;

  if (!(stmt = _sportello_database_prepare (db,
          "SELECT type, name, sql FROM sqlite_schema WHERE "
          "(type = 'trigger' AND name LIKE 'clients\\_fts\\_%' ESCAPE '\\') OR "
          "(?1 AND type = 'index' AND sql IS NOT NULL AND tbl_name IN ('clients', 'contacts')) OR "
          "(?2 AND type = 'trigger' AND name = 'contacts_anonymised_guard_insert')",
          error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, indexes);
  sqlite3_bind_int (stmt, 2, new_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (set_aside, g_strdup_printf ("DROP %s %s", (const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (set_aside, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < set_aside->len; i += 2)
    if (!sportello_database_exec (db, g_ptr_array_index (set_aside, i), error))
      return FALSE;
  return TRUE;
}

/* Runs @sql with ?1 bound to @id */
static gboolean
exec_with_id (SportelloDatabase  *db,
              const char         *sql,
              gint64              id,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* The clients above @last_id are the import's new ones (ids are given
 * upwards, no AUTOINCREMENT gap: an existing client's id is at most
 * @last_id); @merged says whether clients of ours were changed too, and
 * @tags whether any new client has tags */
static gboolean
bulk_end (SportelloDatabase  *db,
          GPtrArray          *set_aside,
          gint64              last_id,
          gboolean            merged,
          gboolean            tags,
          GError            **error)
{
  for (guint i = 1; i < set_aside->len; i += 2)
    if (!g_str_has_prefix (g_ptr_array_index (set_aside, i), "CREATE TRIGGER") &&
        !sportello_database_exec (db, g_ptr_array_index (set_aside, i), error))
      return FALSE;
  phase ("indexes built");

  /* the new clients' tags (the merged ones were indexed as they were
   * written); nothing to do when none has any */
  if (tags && !exec_with_id (db, SPORTELLO_CLIENT_INDEX_TAGS_SQL ("id > ?1"), last_id, error))
    return FALSE;
  phase ("tags indexed");

  /* The full-text rows: of the new clients alone, as the insert trigger
   * would have written them, in one statement; when clients of ours were
   * completed too (their update trigger was set aside), the whole index
   * again. A larger hash of pending terms writes fewer, larger segments. */
  if (!sportello_database_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('hashsize', 67108864)", error) ||
      !(merged
        ? sportello_database_exec (db, "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild')", error)
        : exec_with_id (db,
                        "INSERT INTO clients_fts (rowid, name, municipality, vat_number, tags, notes) "
                        "SELECT id, name, municipality, vat_number, tags, notes FROM clients WHERE id > ?1 ORDER BY id",
                        last_id, error)) ||
      !sportello_database_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('hashsize', 1048576)", error))
    return FALSE;
  phase ("full-text index built");

  for (guint i = 1; i < set_aside->len; i += 2)
    if (g_str_has_prefix (g_ptr_array_index (set_aside, i), "CREATE TRIGGER") &&
        !sportello_database_exec (db, g_ptr_array_index (set_aside, i), error))
      return FALSE;
  return TRUE;
}

static void
bulk_finish (SportelloDatabase *db,
             int                cache_size)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

  sportello_database_exec (db, pragma, NULL);
}

static gboolean
cancelled (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled"));
  return FALSE;
}

static gboolean write_rows (SportelloDatabase           *db,
                            SportelloClientCsvDecision  *rows,
                            guint                        n,
                            guint                        step,
                            gboolean                     bulk,
                            const char                  *now,
                            UuidSequence                *uuids,
                            const int                    column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
                            SportelloClientCsvLookups   *lookups,
                            sqlite3_stmt                *upsert,
                            sqlite3_stmt                *insert_contact,
                            sqlite3_stmt                *has_primary,
                            SportelloProgressFunc        progress,
                            gpointer                     user_data,
                            GError                     **error);

static gboolean
apply (SportelloClientCsv          *self,
       SportelloDatabase           *db,
       SportelloClientCsvDecision  *rows,
       const int                    column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
       SportelloClientCsvLookups   *lookups,
       SportelloClientCsvReport    *report,
       const char                  *file_name,
       SportelloProgressFunc        progress,
       gpointer                     user_data,
       GError                     **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) insert_contact = NULL;
  g_autoptr(sqlite3_stmt) has_primary = NULL;
  g_autoptr(sqlite3_stmt) log = NULL;
  g_autoptr(GPtrArray) set_aside = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = sportello_now_utc ();
  guint n = self->table->rows->len;
  guint step = MAX (n / 100, 200);
  gboolean bulk = report->added > BULK_THRESHOLD;
  int cache_size = -2000;
  gboolean merging = FALSE;
  gboolean tags = FALSE;
  gint64 last_id = 0;
  UuidSequence uuids;
  gboolean ok;

  /* our clients to complete: their people are looked up by the indexes */
  for (guint i = 0; i < n && !merging; i++)
    merging = rows[i].verdict == SPORTELLO_CLIENT_CSV_ROW_DUPLICATE && rows[i].existing_id > 0 && rows[i].client != NULL;

  if (!(upsert = _sportello_database_prepare (db, _sportello_client_upsert_sql (), error)) ||
      !(insert_contact = _sportello_database_prepare (db,
          "INSERT INTO contacts (uuid, client_id, name, role, email, phone, created_at, updated_at, "
          "origin_consultant, origin_hub, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(has_primary = _sportello_database_prepare (db,
          "SELECT 1 FROM contacts WHERE client_id = ? AND is_primary", error)) ||
      !(log = _sportello_database_prepare (db,
          "INSERT INTO imports (file_name, exported_by_consultant, exported_by_hub, exported_at, imported_at, records) "
          "VALUES (?, '', '', '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)", error)))
    return FALSE;

  if (bulk)
    {
      g_autoptr(sqlite3_stmt) last = NULL;

      for (guint i = 0; i < n && !tags; i++)
        tags = rows[i].verdict == SPORTELLO_CLIENT_CSV_ROW_NEW &&
               sportello_client_get (rows[i].client, SPORTELLO_CLIENT_TAGS)[0] != '\0';
      /* the clients before the import: the new ones come above */
      if (!(last = _sportello_database_prepare (db, "SELECT coalesce (max (id), 0) FROM clients", error)))
        return FALSE;
      if (sqlite3_step (last) != SQLITE_ROW)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
      last_id = sqlite3_column_int64 (last, 0);
    }
  /* The secondary indexes are dropped and made again, in this
   * transaction, only when nothing is looked up in them (no merge) and the
   * import at least doubles the clients: sorting everything once is then
   * cheaper than a place in each index for each row; into a larger table
   * they are kept up to date row by row, which costs the new rows alone. */
  if (bulk && !bulk_begin (db, !merging && (gint64) report->added >= last_id, !merging, set_aside, &cache_size, error))
    {
      bulk_finish (db, cache_size);
      return FALSE;
    }
  uuid_sequence_init (&uuids);
  ok = write_rows (db, rows, n, step, bulk, now, &uuids, column_of, lookups, upsert, insert_contact, has_primary,
                   progress, user_data, error) &&
       (!bulk || bulk_end (db, set_aside, last_id, merging, tags, error));
  if (bulk)
    bulk_finish (db, cache_size);
  if (!ok)
    return FALSE;

  sqlite3_bind_text (log, 1, file_name ? file_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (log, 2, report->added + report->merged + report->contacts);
  if (sqlite3_step (log) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_rows (SportelloDatabase           *db,
            SportelloClientCsvDecision  *rows,
            guint                        n,
            guint                        step,
            gboolean                     bulk,
            const char                  *now,
            UuidSequence                *uuids,
            const int                    column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
            SportelloClientCsvLookups   *lookups,
            sqlite3_stmt                *upsert,
            sqlite3_stmt                *insert_contact,
            sqlite3_stmt                *has_primary,
            SportelloProgressFunc        progress,
            gpointer                     user_data,
            GError                     **error)
{
  for (guint i = 0; i < n; i++)
    {
      SportelloClientCsvDecision *row = &rows[i];

      if (progress != NULL && (i + 1) % step == 0 && !progress (i + 1, n + (bulk ? n / 4 : 0), user_data))
        return cancelled (error);

      if (row->verdict == SPORTELLO_CLIENT_CSV_ROW_NEW)
        {
          /* made now, by this consultant and hub, as a save would stamp it */
          char uuid[37];
          gint64 id = 0;

          uuid_sequence_next (uuids, uuid);
          sportello_client_set (row->client, SPORTELLO_CLIENT_UUID, uuid);
          sportello_client_set (row->client, SPORTELLO_CLIENT_CREATED_AT, now);
          sportello_client_set (row->client, SPORTELLO_CLIENT_UPDATED_AT, now);
          sportello_client_set (row->client, SPORTELLO_CLIENT_ORIGIN_CONSULTANT, sportello_database_get_consultant (db));
          sportello_client_set (row->client, SPORTELLO_CLIENT_ORIGIN_HUB, sportello_database_get_hub (db));
          sportello_client_set (row->client, SPORTELLO_CLIENT_OWNER_CONSULTANT, sportello_database_get_consultant (db));
          sportello_client_set (row->client, SPORTELLO_CLIENT_OWNER_HUB, sportello_database_get_hub (db));
          if (!insert_new_client (db, upsert, row->client, &id, error) ||
              (!bulk && !_sportello_client_index_tags (db, uuid, error)))
            return FALSE;
          for (guint k = 0; k < row->contacts->len; k++)
            if (!write_contact (db, insert_contact, id, g_ptr_array_index (row->contacts, k), k == 0, now, uuids, error))
              return FALSE;
        }
      else if (row->verdict == SPORTELLO_CLIENT_CSV_ROW_DUPLICATE && row->existing_id > 0 && row->client != NULL)
        {
          g_autoptr(SportelloClient) ours = NULL;
          gboolean primary;

          /* merge: the rows that fill something of ours */
          if (!(ours = sportello_client_load_by_id (db, row->existing_id, error)))
            return FALSE;
          if (_sportello_client_csv_fill_empty (ours, row->client, column_of, TRUE) &&
              !_sportello_client_write_with (ours, db, TRUE, upsert, TRUE, error))
            return FALSE;

          sqlite3_reset (has_primary);
          sqlite3_bind_int64 (has_primary, 1, row->existing_id);
          primary = sqlite3_step (has_primary) != SQLITE_ROW;
          sqlite3_reset (has_primary);
          for (guint k = 0; k < row->contacts->len; k++)
            {
              SportelloContact *contact = g_ptr_array_index (row->contacts, k);

              if (_sportello_client_csv_contact_exists (lookups, row->existing_id, contact))
                continue;
              if (!write_contact (db, insert_contact, row->existing_id, contact, primary, now, uuids, error))
                return FALSE;
              primary = FALSE;
            }
        }
    }

  phase ("rows written");
  return TRUE;
}

/**
 * sportello_client_csv_run:
 * @flags: dry run, skip the bad rows, merge the duplicates
 * @file_name: (nullable): what the import is recorded under
 * @progress: (nullable): told how far it is, from the calling thread
 *
 * Decides every row (new, duplicate or bad) and, unless it is a dry run or
 * there are bad rows not to be skipped, writes the new clients and their
 * people in one transaction, after a backup, and records the import.
 *
 * Returns: (transfer full): what was done or would be done, or %NULL with
 *   @error when the database fails (then nothing is changed)
 */
SportelloClientCsvReport *
sportello_client_csv_run (SportelloClientCsv       *self,
                          SportelloDatabase        *db,
                          SportelloClientCsvFlags   flags,
                          const char               *file_name,
                          SportelloProgressFunc     progress,
                          gpointer                  user_data,
                          GError                  **error)
{
  g_autoptr(SportelloClientCsvReport) report = g_new0 (SportelloClientCsvReport, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(SportelloClientCsvLookups) lookups = { NULL, NULL, NULL };
  gboolean merge = (flags & SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES) != 0;
  int column_of[SPORTELLO_CLIENT_CSV_N_TARGETS];
  guint n = self->table->rows->len;
  gint64 start = g_get_monotonic_time ();
  SportelloClientCsvDecision *rows;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) _sportello_client_csv_problem_free);
  report->duplicate_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _sportello_client_csv_duplicate_free);
  report->rows = n;

  for (guint t = 0; t < SPORTELLO_CLIENT_CSV_N_TARGETS; t++)
    column_of[t] = -1;
  for (guint c = 0; c < self->table->n_columns; c++)
    if (self->targets[c] >= 0)
      column_of[self->targets[c]] = (int) c;

  phase ("started");
  if (!_sportello_client_csv_lookups_init (&lookups, db, error))
    return NULL;

  rows = g_new0 (SportelloClientCsvDecision, MAX (n, 1));

  /* first every row is decided, nothing written */
  for (guint i = 0; i < n; i++)
    {
      SportelloCsvRow *csv_row = g_ptr_array_index (self->table->rows, i);
      SportelloClientCsvDecision *row = &rows[i];
      const char *vat, *tax_code;
      g_autofree char *keys[2] = { NULL, NULL };
      g_autofree char *existing_uuid = NULL;
      g_autofree char *existing_name = NULL;
      int matched = -1;
      gpointer earlier = NULL;

      row->earlier = -1;
      if (!_sportello_client_csv_build_row (self, csv_row, column_of, report, row))
        {
          row->verdict = SPORTELLO_CLIENT_CSV_ROW_INVALID;
          report->invalid++;
          continue;
        }

      vat = sportello_client_get (row->client, SPORTELLO_CLIENT_VAT_NUMBER);
      tax_code = sportello_client_get (row->client, SPORTELLO_CLIENT_TAX_CODE);
      if (vat[0] != '\0' || tax_code[0] != '\0')
        {
          if (vat[0] != '\0')
            keys[0] = g_strconcat ("id:", vat, NULL);
          if (tax_code[0] != '\0')
            keys[1] = g_strconcat ("id:", tax_code, NULL);
          matched = vat[0] != '\0' ? SPORTELLO_CLIENT_VAT_NUMBER : SPORTELLO_CLIENT_TAX_CODE;
          row->existing_id = _sportello_client_csv_find_existing (&lookups, keys[0]);
          if (row->existing_id == 0 && (row->existing_id = _sportello_client_csv_find_existing (&lookups, keys[1])) != 0)
            matched = SPORTELLO_CLIENT_TAX_CODE;
        }
      else
        {
          keys[0] = _sportello_client_csv_name_key (sportello_client_get (row->client, SPORTELLO_CLIENT_NAME),
                              sportello_client_get (row->client, SPORTELLO_CLIENT_MUNICIPALITY));
          row->existing_id = _sportello_client_csv_find_existing (&lookups, keys[0]);
          matched = SPORTELLO_CLIENT_NAME;
        }
      if (row->existing_id > 0)
        _sportello_client_csv_describe_existing (&lookups, row->existing_id, &existing_uuid, &existing_name);

      for (guint k = 0; k < 2 && row->existing_id == 0 && earlier == NULL; k++)
        if (keys[k] != NULL && g_hash_table_lookup_extended (seen, keys[k], NULL, &earlier))
          {
            row->earlier = GPOINTER_TO_INT (earlier);
            if (k == 1)
              matched = SPORTELLO_CLIENT_TAX_CODE;
          }
      /* an earlier row that was itself a duplicate of ours: ours */
      if (row->earlier >= 0 && rows[row->earlier].verdict == SPORTELLO_CLIENT_CSV_ROW_DUPLICATE)
        {
          SportelloClientCsvDecision *first = &rows[row->earlier];

          row->existing_id = first->existing_id;
          row->earlier = first->earlier;
        }

      if (row->existing_id == 0 && row->earlier < 0)
        {
          row->verdict = SPORTELLO_CLIENT_CSV_ROW_NEW;
          report->added++;
          report->contacts += row->contacts->len;
          for (guint k = 0; k < 2; k++)
            if (keys[k] != NULL)
              g_hash_table_insert (seen, g_steal_pointer (&keys[k]), GINT_TO_POINTER (i));
          continue;
        }

      {
        SportelloClientCsvDuplicate *duplicate = g_new0 (SportelloClientCsvDuplicate, 1);
        guint added_contacts = 0;

        row->verdict = SPORTELLO_CLIENT_CSV_ROW_DUPLICATE;
        report->duplicates++;
        duplicate->line = csv_row->line;
        duplicate->name = g_strdup (sportello_client_get (row->client, SPORTELLO_CLIENT_NAME));
        duplicate->matched = g_strdup (_sportello_client_csv_column_header (self, column_of[matched], matched));
        /* through an earlier row of the file */
        if (row->existing_id > 0 && existing_uuid == NULL)
          _sportello_client_csv_describe_existing (&lookups, row->existing_id, &existing_uuid, &existing_name);
        if (row->existing_id > 0)
          {
            duplicate->existing_uuid = g_steal_pointer (&existing_uuid);
            duplicate->existing_name = g_steal_pointer (&existing_name);
          }
        else
          {
            SportelloClientCsvDecision *first = &rows[row->earlier];

            duplicate->same_as_line = ((SportelloCsvRow *) g_ptr_array_index (self->table->rows, row->earlier))->line;
            duplicate->existing_name = g_strdup (sportello_client_get (first->client, SPORTELLO_CLIENT_NAME));
          }

        if (merge && row->existing_id > 0)
          {
            g_autoptr(SportelloClient) ours = sportello_client_load_by_id (db, row->existing_id, error);

            if (ours == NULL)
              {
                _sportello_client_csv_duplicate_free (duplicate);
                for (guint k = 0; k <= i; k++)
                  _sportello_client_csv_decision_clear (&rows[k]);
                g_free (rows);
                return NULL;
              }
            duplicate->merged = _sportello_client_csv_fill_empty (ours, row->client, column_of, FALSE);
            for (guint k = 0; k < row->contacts->len; k++)
              if (!_sportello_client_csv_contact_exists (&lookups, row->existing_id, g_ptr_array_index (row->contacts, k)))
                added_contacts++;
            /* what a later row of the same firm adds goes to the same client:
             * counted once it is written, so counted here as a guess no
             * further */
          }
        else if (merge)
          {
            SportelloClientCsvDecision *first = &rows[row->earlier];

            /* an earlier row of this file, to be added: it takes what this one adds */
            duplicate->merged = _sportello_client_csv_fill_empty (first->client, row->client, column_of, TRUE);
            for (guint k = 0; k < row->contacts->len; k++)
              if (!_sportello_client_csv_contact_in (first->contacts, g_ptr_array_index (row->contacts, k)))
                {
                  g_ptr_array_add (first->contacts, g_object_ref (g_ptr_array_index (row->contacts, k)));
                  added_contacts++;
                }
            g_ptr_array_set_size (row->contacts, 0);
          }
        if (duplicate->merged)
          report->merged++;
        report->contacts += added_contacts;
        if (!merge || row->existing_id == 0 || (!duplicate->merged && added_contacts == 0))
          g_clear_object (&row->client);   /* nothing of it is written */
        g_ptr_array_add (report->duplicate_rows, duplicate);
      }
    }

  g_debug ("CSV import: %u rows decided in %.3f s", n, (g_get_monotonic_time () - start) / 1e6);
  phase ("rows decided");
  ok = TRUE;
  if ((flags & SPORTELLO_CLIENT_CSV_DRY_RUN) == 0 &&
      (report->invalid == 0 || (flags & SPORTELLO_CLIENT_CSV_SKIP_INVALID) != 0) &&
      (report->added > 0 || report->merged > 0 || report->contacts > 0))
    {
      /* the database as it was, should the import turn out wrong */
      ok = _sportello_backup_before (db, SPORTELLO_BACKUP_IMPORT, error) &&
           sportello_database_begin (db, error);
      phase ("backed up");
      if (ok)
        {
          ok = apply (self, db, rows, column_of, &lookups, report, file_name, progress, user_data, error);
          g_debug ("CSV import: applied at %.3f s", (g_get_monotonic_time () - start) / 1e6);
          phase ("applied");
          ok = ok && sportello_database_commit (db, error);
          if (!ok)
            sportello_database_rollback (db);
        }
      report->written = ok;
      g_debug ("CSV import: written at %.3f s", (g_get_monotonic_time () - start) / 1e6);
      phase ("committed");
      if (ok && progress != NULL)
        progress (1, 1, user_data);
    }

  for (guint i = 0; i < n; i++)
    _sportello_client_csv_decision_clear (&rows[i]);
  g_free (rows);
  phase ("rows freed");

  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}
