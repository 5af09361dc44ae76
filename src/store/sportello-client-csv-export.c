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
  g_autoptr(SportelloAtomicFile) file = NULL;
  g_autoptr(sqlite3_stmt) contact = NULL;
  g_autoptr(sqlite3_stmt) all = NULL;
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  GOutputStream *stream;
  guint n_targets;
  const int *targets = sportello_client_csv_targets (&n_targets);
  guint n = 0;
  int rc;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (!(contact = _sportello_database_prepare (db,
          "SELECT name, role, email, phone FROM contacts WHERE client_id = ? "
          "ORDER BY is_primary DESC, created_at, id LIMIT 1", error)))
    return FALSE;
  if (!(file = sportello_atomic_file_new (path, error)))
    return FALSE;
  stream = sportello_atomic_file_get_stream (file);

  for (guint i = 0; i < n_targets; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      append_field (out, sportello_client_csv_target_label (targets[i]));
    }
  g_string_append (out, "\r\n");

  if (clients != NULL)
    {
      guint count = g_list_model_get_n_items (clients);

      for (guint i = 0; i < count; i++)
        {
          g_autoptr(SportelloClient) client = g_list_model_get_item (clients, i);

          /* a row deleted behind the list's back comes as an empty client */
          if (client == NULL || sportello_client_get_uuid (client)[0] == '\0')
            continue;
          if (!write_client (out, db, client, contact, error) ||
              (out->len > 65536 && !flush (stream, out, error)))
            return FALSE;
          n++;
        }
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE deleted_at IS NULL "
                                              "ORDER BY name COLLATE NOCASE, id",
                                              _sportello_client_columns ());

      if (!(all = _sportello_database_prepare (db, sql, error)))
        return FALSE;
      while ((rc = sqlite3_step (all)) == SQLITE_ROW)
        {
          g_autoptr(SportelloClient) client = _sportello_client_new_from_row (all);

          if (!write_client (out, db, client, contact, error) ||
              (out->len > 65536 && !flush (stream, out, error)))
            return FALSE;
          n++;
        }
      if (rc != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
    }

  if (!flush (stream, out, error) || !sportello_atomic_file_commit (file, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = n;
  return TRUE;
}
