/* sportello-bundle-export.c: a bundle written from the database
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export streams the bundle from SQL, records sorted by UUID and keys in
 * a fixed order, so the same data always gives the same bytes; it is
 * written to a temporary file and renamed. A bundle protected with a
 * password streams through sportello-crypt.c.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sportello-atomic-file.h"
#include "sportello-attachment-private.h"
#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-client.h"
#include "sportello-crypt.h"
#include "sportello-database-private.h"

static guint export_fail_after;

void
_sportello_bundle_set_export_fail_after (guint n_rows)
{
  export_fail_after = n_rows;
}

static void
write_string (GString    *out,
              const char *s)
{
  const unsigned char *run = (const unsigned char *) s;
  const unsigned char *p;

  g_string_append_c (out, '"');
  for (p = run; *p; p++)
    {
      char escaped[8];

      /* plain bytes go out in runs */
      if (G_LIKELY (*p >= 0x20 && *p != '"' && *p != '\\'))
        continue;

      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_snprintf (escaped, sizeof escaped, "\\u%04x", *p);
          g_string_append (out, escaped);
        }
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static gboolean
flush (GOutputStream  *stream,
       GString        *out,
       GError        **error)
{
  gsize written;

  if (!g_output_stream_write_all (stream, out->str, out->len, &written, NULL, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

static char *
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) dt = NULL;

  /* reproducible exports, for tests and for comparing two bundles */
  if (epoch != NULL && *epoch)
    dt = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  else
    dt = g_date_time_new_now_utc ();

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

typedef struct
{
  SportelloDatabase     *db;
  const char            *selection;        /* JSON array of client UUIDs, or NULL */
  gboolean               every_standalone; /* all checklists and templates */
  SportelloProgressFunc  progress;
  gpointer               progress_data;
  guint                  done;
  guint                  total;
  guint                  written;
} Export;

/* The query for one kind's records; binds the selection as ?1 */
static sqlite3_stmt *
prepare_kind (Export               *export,
              SportelloRecordKind   kind,
              gboolean              count_only,
              GError              **error)
{
  const RecordSpec *spec = &_sportello_bundle_specs[kind];
  const char *selection = export->selection;
  /* a checklist version or a template reached through the records that
   * use it comes once per use: those alone need DISTINCT, which costs a
   * temporary copy of every row */
  g_autoptr(GString) sql = g_string_new (spec->own_from != NULL ? "SELECT DISTINCT " : "SELECT ");
  /* the whole database, not the templates alone (an empty selection) */
  gboolean whole = export->every_standalone && (!spec->own_whole_only || selection == NULL);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < spec->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", spec->columns[i].expr);
  if (spec->own_from != NULL && whole)
    {
      g_string_append_printf (sql, " FROM %s", spec->own_from);
      selection = NULL;
    }
  else
    g_string_append_printf (sql, " FROM %s WHERE %s IS NOT NULL AND %s IN (SELECT uuid FROM clients WHERE deleted_at IS NULL)",
                            spec->from, spec->client_uuid, spec->client_uuid);
  if (selection != NULL)
    g_string_append_printf (sql, " AND %s IN (SELECT value FROM json_each (?1))", spec->client_uuid);
  if (count_only)
    {
      g_string_prepend (sql, "SELECT count(*) FROM (");
      g_string_append (sql, ")");
    }
  else
    g_string_append (sql, " ORDER BY t.uuid");

  if (!(stmt = _sportello_database_prepare (export->db, sql->str, error)))
    return NULL;
  if (selection != NULL)
    sqlite3_bind_text (stmt, 1, selection, -1, SQLITE_STATIC);
  return stmt;
}

static gboolean
export_kind (Export              *export,
             SportelloRecordKind  kind,
             GOutputStream       *stream,
             GString             *out,
             GError             **error)
{
  const RecordSpec *spec = &_sportello_bundle_specs[kind];
  SportelloDatabase *db = export->db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean first = TRUE;
  guint step = MAX (export->total / 100, 200);
  int rc;

  if (!(stmt = prepare_kind (export, kind, FALSE, error)))
    return FALSE;

  g_string_append_printf (out, "  \"%s\": [", spec->array);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, first ? "\n    {\n" : ",\n    {\n");
      first = FALSE;

      for (guint i = 0; i < spec->n_columns; i++)
        {
          g_string_append (out, "      \"");
          g_string_append (out, spec->columns[i].key);
          g_string_append (out, "\": ");
          switch (spec->columns[i].type)
            {
            case COL_INT:
              if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
                g_string_append (out, "null");
              else
                g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
              break;
            case COL_BOOL:
              g_string_append (out, sqlite3_column_int (stmt, i) ? "true" : "false");
              break;
            case COL_CONTACT:
              if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
                g_string_append (out, "null");
              else
                write_string (out, (const char *) sqlite3_column_text (stmt, i));
              break;
            case COL_CONTENT:
              /* base64 needs no escaping */
              g_string_append_c (out, '"');
              if (!_sportello_attachment_append_base64 (db, (const char *) sqlite3_column_text (stmt, i), out, error))
                return FALSE;
              g_string_append_c (out, '"');
              break;
            case COL_TEXT:
            case COL_REF:
            default:
              write_string (out, sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "");
              break;
            }
          g_string_append (out, i + 1 < spec->n_columns ? ",\n" : "\n");
        }
      g_string_append (out, "    }");

      if (out->len > 1 << 20 && !flush (stream, out, error))
        return FALSE;
      if (G_UNLIKELY (export_fail_after > 0) && ++export->written >= export_fail_after)
        {
          /* for the tests: as if the disk were full half-way */
          if (!flush (stream, out, error))
            return FALSE;
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, g_strerror (ENOSPC));
          return FALSE;
        }
      if (export->progress != NULL && ++export->done % step == 0 &&
          !export->progress (export->done, export->total, export->progress_data))
        return _sportello_bundle_cancelled (error);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  g_string_append (out, first ? "]" : "\n  ]");
  return TRUE;
}

/**
 * sportello_bundle_export:
 * @client_uuids: (nullable): the clients to export with everything that
 *   hangs off them (and the checklist versions and templates they use), or
 *   %NULL for the whole database; an empty list exports the templates and
 *   checklists alone, for another hub
 *
 * Writes a bundle to @path, atomically: a temporary file in the same
 * folder, renamed over @path once complete.
 */
gboolean
sportello_bundle_export (SportelloDatabase   *db,
                         const char * const  *client_uuids,
                         const char          *path,
                         GError             **error)
{
  return sportello_bundle_export_full (db, client_uuids, path, NULL, NULL, NULL, error);
}

/**
 * sportello_bundle_export_with_progress:
 * @func: (nullable): told how many records are written, now and then
 *
 * As sportello_bundle_export(), for a progress bar.
 */
gboolean
sportello_bundle_export_with_progress (SportelloDatabase     *db,
                                       const char * const    *client_uuids,
                                       const char            *path,
                                       SportelloProgressFunc  func,
                                       gpointer               user_data,
                                       GError               **error)
{
  return sportello_bundle_export_full (db, client_uuids, path, NULL, func, user_data, error);
}

/**
 * sportello_bundle_export_full:
 * @passphrase: (nullable): protect the bundle with this password: it is
 *   then an OpenPGP message (AES-256), which `gpg --decrypt` opens too
 * @func: (nullable): told how many records are written, now and then
 *
 * As sportello_bundle_export(), for a progress bar and a password.
 */
gboolean
sportello_bundle_export_full (SportelloDatabase     *db,
                              const char * const    *client_uuids,
                              const char            *path,
                              const char            *passphrase,
                              SportelloProgressFunc  func,
                              gpointer               user_data,
                              GError               **error)
{
  Export export = { db, NULL, client_uuids == NULL || client_uuids[0] == NULL, func, user_data, 0, 0, 0 };
  g_autoptr(SportelloAtomicFile) file = NULL;
  GOutputStream *stream = NULL;
  g_autoptr(GOutputStream) sink = NULL;   /* the file, or what encrypts into it */
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *now = export_time ();

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (client_uuids != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; client_uuids[i] != NULL; i++)
        json_builder_add_string_value (builder, client_uuids[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      selection = json_to_string (root, FALSE);
    }

  /* a temporary file in the same folder, renamed over @path once whole,
   * whether @path exists or not */
  if (!(file = sportello_atomic_file_new (path, &local_error)))
    goto io_error;
  stream = sportello_atomic_file_get_stream (file);
  if (passphrase == NULL)
    sink = g_object_ref (stream);
  else if (!(sink = sportello_crypt_encrypt (stream, passphrase, &local_error)))
    goto failed;

  g_string_append (out, "{\n  \"format\": \"" SPORTELLO_BUNDLE_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n  \"exported_at\": ", SPORTELLO_BUNDLE_VERSION);
  write_string (out, now);
  g_string_append (out, ",\n  \"exported_by\": {\n    \"consultant\": ");
  write_string (out, sportello_database_get_consultant (db));
  g_string_append (out, ",\n    \"hub\": ");
  write_string (out, sportello_database_get_hub (db));
  g_string_append (out, "\n  },\n");

  /* one read transaction: a consistent snapshot */
  if (!sportello_database_exec (db, "BEGIN", &local_error))
    goto failed;
  export.selection = selection;

  /* the attachments fit the limits a bundle states, or nothing is written */
  if (!_sportello_attachment_check_limits (db, selection, &local_error))
    {
      sportello_database_rollback (db);
      g_set_error_literal (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID, local_error->message);
      if (sink != stream)
        {
          g_autoptr(GCancellable) cancel = g_cancellable_new ();

          g_cancellable_cancel (cancel);
          g_output_stream_close (sink, cancel, NULL);
        }
      return FALSE;
    }

  /* how many records in all, for the progress */
  for (guint kind = 0; func != NULL && kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(sqlite3_stmt) count = prepare_kind (&export, kind, TRUE, &local_error);

      if (count == NULL)
        goto failed_in_transaction;
      if (sqlite3_step (count) == SQLITE_ROW)
        export.total += sqlite3_column_int (count, 0);
    }

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      if (!export_kind (&export, kind, sink, out, &local_error))
        goto failed_in_transaction;
      g_string_append (out, kind + 1 < SPORTELLO_N_RECORD_KINDS ? ",\n" : "\n");
    }
  sportello_database_rollback (db);

  g_string_append (out, "}\n");
  if (!flush (sink, out, &local_error))
    goto failed;
  /* the message ends, then the file */
  if (sink != stream && !g_output_stream_close (sink, NULL, &local_error))
    goto failed;
  if (!sportello_atomic_file_commit (file, &local_error))
    goto io_error;

  /* the end (too late to stop: the bundle is whole) */
  if (func != NULL && (export.total == 0 || export.total % MAX (export.total / 100, 200) != 0))
    func (export.total, export.total, user_data);
  return TRUE;

failed_in_transaction:
  sportello_database_rollback (db);
failed:
  /* nothing is left behind (freeing the file removes the temporary one),
   * and a file of the same name stays as it was; the encryption stops */
  if (sink != NULL && sink != stream)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (sink, cancel, NULL);
    }
  if (local_error->domain != G_IO_ERROR || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
io_error:
  g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
               _("Cannot write “%s”: %s"), path, local_error->message);
  return FALSE;
}

/* “cliente-rossi-srl-2026-11-25.sportello”, or “sportello-2026-11-25.sportello” */
char *
sportello_bundle_default_name (SportelloDatabase *db,
                               const char        *client_uuid)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  if (client_uuid == NULL || !(client = sportello_client_load (db, client_uuid, NULL)))
    return g_strdup_printf ("sportello-%s.sportello", date);

  ascii = g_str_to_ascii (sportello_client_get_name (client), "C");
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  /* Translators: start of the file name of one client's bundle, no spaces */
  return g_strdup_printf ("%s-%s-%s.sportello", C_("file name", "client"), slug->str, date);
}
