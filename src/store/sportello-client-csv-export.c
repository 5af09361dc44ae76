/* sportello-client-csv-export.c: the client list out to a spreadsheet
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clients as UTF-8 with a byte order mark, separated by ';', lines
 * ending in CRLF: what Excel on an Italian Windows opens with a double
 * click (its list separator is ';', the comma being the decimal one;
 * without the BOM it would read the file as Windows-1252) and what
 * LibreOffice recognises in its import dialog. The columns are those an
 * import maps back (sportello-client-csv.c).
 */

#define G_LOG_DOMAIN "sportello-client-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sportello-atomic-file.h"
#include "sportello-client-csv-private.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"


/* A value as a field: quoted when it holds the separator, a quote or a
 * line break, or starts or ends with a space; a value Excel would take
 * for a formula is written after an apostrophe */
static void
append_field (GString    *out,
              const char *value)
{
  gboolean quote = strpbrk (value, ";\"\r\n") != NULL ||
                   g_ascii_isspace (value[0]) ||
                   (value[0] != '\0' && g_ascii_isspace (value[strlen (value) - 1]));
  gboolean formula = value[0] == '=' || value[0] == '@' ||
                     ((value[0] == '+' || value[0] == '-') &&
                      value[strspn (value, "+-0123456789 ./()")] != '\0');

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static gboolean
write_client (GString            *out,
              SportelloDatabase  *db,
              SportelloClient    *client,
              sqlite3_stmt       *contact,
              GError            **error)
{
  const char *person[4] = { "", "", "", "" };
  guint n_targets;
  const int *targets = sportello_client_csv_targets (&n_targets);
  int rc;

  sqlite3_reset (contact);
  sqlite3_bind_int64 (contact, 1, sportello_client_get_id (client));
  rc = sqlite3_step (contact);
  if (rc == SQLITE_ROW)
    for (guint k = 0; k < 4; k++)
      person[k] = (const char *) sqlite3_column_text (contact, k);
  else if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < n_targets; i++)
    {
      int target = targets[i];
      g_autofree char *number = NULL;
      const char *value = "";

      if (i > 0)
        g_string_append_c (out, ';');
      if (target < SPORTELLO_CLIENT_N_TEXT_FIELDS)
        {
          SportelloVocabulary vocabulary;

          value = sportello_client_get (client, target);
          if (value[0] != '\0' && _sportello_client_csv_field_vocabulary (target, &vocabulary))
            value = sportello_vocabulary_label (vocabulary, value);
        }
      else if (target == SPORTELLO_CLIENT_CSV_EMPLOYEES)
        {
          if (sportello_client_get_employees (client) >= 0)
            value = number = g_strdup_printf ("%d", sportello_client_get_employees (client));
        }
      else
        value = person[target - SPORTELLO_CLIENT_CSV_CONTACT_NAME];
      append_field (out, value ? value : "");
    }
  g_string_append (out, "\r\n");
  sqlite3_reset (contact);

  return TRUE;
}

static gboolean
flush (GOutputStream  *stream,
       GString        *out,
       GError        **error)
{
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

/* how many rows between two words to the progress callback */
#define PROGRESS_STEP 500

/* Where the rows come from: a list model, row ids, or all the clients */
typedef struct
{
  SportelloDatabase *db;
  GListModel        *clients;
  GArray            *ids;
  sqlite3_stmt      *stmt;     /* of the ids or of all the clients */
  guint              total;    /* 0 for all the clients: not counted */
  guint              next;
} Source;

/* The next client, in *client (NULL for a row gone since it was listed);
 * FALSE at the end or on an error */
static gboolean
source_next (Source           *source,
             SportelloClient **client,
             GError          **error)
{
  int rc;

  *client = NULL;
  if (source->clients != NULL || source->ids != NULL)
    {
      if (source->next >= source->total)
        return FALSE;
      if (source->clients != NULL)
        {
          g_autoptr(SportelloClient) item = g_list_model_get_item (source->clients, source->next++);

          /* a row deleted behind the list's back comes as an empty client */
          if (item != NULL && sportello_client_get_uuid (item)[0] != '\0')
            *client = g_steal_pointer (&item);
          return TRUE;
        }

      /* as the list reads an item, so that the file is the same */
      sqlite3_reset (source->stmt);
      sqlite3_bind_int64 (source->stmt, 1, g_array_index (source->ids, gint64, source->next++));
      rc = sqlite3_step (source->stmt);
      if (rc == SQLITE_ROW)
        *client = _sportello_client_new_from_row (source->stmt);
      sqlite3_reset (source->stmt);
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return TRUE;
      _sportello_database_set_error (source->db, error);
      return FALSE;
    }

  if ((rc = sqlite3_step (source->stmt)) == SQLITE_ROW)
    {
      *client = _sportello_client_new_from_row (source->stmt);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    _sportello_database_set_error (source->db, error);
  return FALSE;
}

/* A failure to write @path, said with the file's name; the domain and
 * code stay (the command line's exit status follows them) */
static gboolean
write_failed (GError     **error,
              GError      *local_error,
              const char  *path)
{
  g_set_error (error, local_error->domain, local_error->code,
               _("Cannot write “%s”: %s"), path, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

static gboolean
cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
  return FALSE;
}

/* Writes the clients of @source to @path, whole or not at all: on a
 * failure or when @progress says stop, the temporary file goes and a file
 * already at @path stays as it was */
static gboolean
export_source (Source                 *source,
               const char             *path,
               SportelloProgressFunc   progress,
               gpointer                user_data,
               guint                  *n_written,
               GError                **error)
{
  g_autoptr(SportelloAtomicFile) file = NULL;
  g_autoptr(sqlite3_stmt) contact = NULL;
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GError) local_error = NULL;
  GOutputStream *stream;
  SportelloClient *next;
  guint n_targets;
  const int *targets = sportello_client_csv_targets (&n_targets);
  guint n = 0;

  if (!(contact = _sportello_database_prepare (source->db,
          "SELECT name, role, email, phone FROM contacts WHERE client_id = ? "
          "ORDER BY is_primary DESC, created_at, id LIMIT 1", error)))
    return FALSE;
  if (!(file = sportello_atomic_file_new (path, &local_error)))
    return write_failed (error, g_steal_pointer (&local_error), path);
  stream = sportello_atomic_file_get_stream (file);

  for (guint i = 0; i < n_targets; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      append_field (out, sportello_client_csv_target_label (targets[i]));
    }
  g_string_append (out, "\r\n");

  for (guint row = 1; source_next (source, &next, &local_error); row++)
    {
      g_autoptr(SportelloClient) client = next;

      if (client != NULL)
        {
          if (!write_client (out, source->db, client, contact, error))
            return FALSE;
          n++;
        }
      if (out->len > 65536 && !flush (stream, out, &local_error))
        return write_failed (error, g_steal_pointer (&local_error), path);
      if (progress != NULL && row % PROGRESS_STEP == 0 && !progress (row, source->total, user_data))
        return cancelled (error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!flush (stream, out, &local_error))
    return write_failed (error, g_steal_pointer (&local_error), path);
  /* the last moment to stop: after this the file is there */
  if (progress != NULL && !progress (source->total, source->total, user_data))
    return cancelled (error);
  if (!sportello_atomic_file_commit (file, &local_error))
    return write_failed (error, g_steal_pointer (&local_error), path);
  if (n_written != NULL)
    *n_written = n;
  return TRUE;
}

/**
 * sportello_client_csv_export:
 * @clients: (nullable): the clients to write, as a list shows them; %NULL
 *   for all (but those in the bin), by name
 * @n_written: (out) (optional): how many
 *
 * Writes the clients and the first of their people as a CSV file for a
 * spreadsheet in Italian (UTF-8 with a byte order mark, ';', CRLF), one
 * row each, with the columns an import maps back; atomically.
 */
gboolean
sportello_client_csv_export (SportelloDatabase  *db,
                             GListModel         *clients,
                             const char         *path,
                             guint              *n_written,
                             GError            **error)
{
  g_autoptr(sqlite3_stmt) all = NULL;
  Source source = { db, clients };

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (clients == NULL || G_IS_LIST_MODEL (clients), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (clients != NULL)
    source.total = g_list_model_get_n_items (clients);
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE deleted_at IS NULL "
                                              "ORDER BY name COLLATE NOCASE, id",
                                              _sportello_client_columns ());

      if (!(all = _sportello_database_prepare (db, sql, error)))
        return FALSE;
      source.stmt = all;
    }

  return export_source (&source, path, NULL, NULL, n_written, error);
}

/**
 * sportello_client_csv_export_ids:
 * @ids: (element-type gint64): the row ids of the clients to write, in
 *   order, as sportello_client_list_dup_ids() gives them; a client gone
 *   since is left out
 * @progress: (nullable): told how far it is, from the calling thread,
 *   every few hundred rows and once at the end; returning %FALSE stops
 *   the export with %G_IO_ERROR_CANCELLED, and nothing is written
 * @n_written: (out) (optional): how many
 *
 * The same file as sportello_client_csv_export() writes for the list
 * @ids were taken from, byte for byte, from the database alone: for a
 * worker thread, with a connection of its own. The rows are read in one
 * snapshot of the database, so a write meanwhile is all in the file or
 * not at all.
 */
gboolean
sportello_client_csv_export_ids (SportelloDatabase      *db,
                                 GArray                 *ids,
                                 const char             *path,
                                 SportelloProgressFunc   progress,
                                 gpointer                user_data,
                                 guint                  *n_written,
                                 GError                **error)
{
  g_autoptr(sqlite3_stmt) item = NULL;
  g_autofree char *sql = NULL;
  Source source = { db, NULL, ids };
  gboolean ok;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* the list's own query for an item (sportello-client-list.c) */
  sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE id = ?", _sportello_client_columns ());
  if (!(item = _sportello_database_prepare (db, sql, error)))
    return FALSE;
  source.stmt = item;
  source.total = ids->len;

  if (!sportello_database_exec (db, "BEGIN", error))
    return FALSE;
  ok = export_source (&source, path, progress, user_data, n_written, error);
  sqlite3_reset (item);
  sportello_database_rollback (db);
  return ok;
}
