/* sportello-attachment-backup.c: the attachments' bytes packed into a backup, and unpacked after a restore
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-attachment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-attachment-private.h"
#include "sportello-database-private.h"

/**
 * _sportello_attachment_pack:
 * @backup: a copy of the database just written, not yet checked
 * @folder: the content files of the database it copies
 *
 * Puts the content of every attachment of @backup into its table
 * attachment_contents, so that a backup is one file that holds
 * everything. A database of a schema before attachments has none.
 */
gboolean
_sportello_attachment_pack (sqlite3     *backup,
                            const char  *folder,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) list = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  if (sqlite3_prepare_v2 (backup, "SELECT 1 FROM sqlite_schema WHERE name = 'attachment_contents'", -1, &list, NULL) != SQLITE_OK)
    goto sql_error;
  if (sqlite3_step (list) != SQLITE_ROW)
    return TRUE;
  g_clear_pointer (&list, sqlite3_finalize);

  if (sqlite3_prepare_v2 (backup, "SELECT DISTINCT sha256 FROM attachments", -1, &list, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (backup, "INSERT OR REPLACE INTO attachment_contents (sha256, data) VALUES (?, ?)", -1,
                          &insert, NULL) != SQLITE_OK)
    goto sql_error;

  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (list, 0);
      g_autoptr(GBytes) bytes = NULL;

      if (!_sportello_attachment_is_sha256 (sha256))
        continue;
      if (!(bytes = _sportello_attachment_read_content (folder, sha256, error)))
        return FALSE;

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, sha256, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (insert, 2, g_bytes_get_size (bytes) ? g_bytes_get_data (bytes, NULL) : "",
                           g_bytes_get_size (bytes), SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        goto sql_error;
    }
  if (rc != SQLITE_DONE)
    goto sql_error;

  return TRUE;

sql_error:
  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_SQL,
               _("Cannot copy the attachments into the backup: %s"), sqlite3_errmsg (backup));
  return FALSE;
}

/**
 * _sportello_attachment_unpack:
 *
 * After a restore: the content a backup carried goes back to the content
 * files (each checked against its SHA-256), the table is emptied, and the
 * files no attachment of the restored database names are removed.
 */
gboolean
_sportello_attachment_unpack (SportelloDatabase  *db,
                              GError            **error)
{
  g_autofree char *folder = sportello_attachment_get_folder (db);
  g_autoptr(sqlite3_stmt) list = NULL;
  int rc;

  if (!sportello_database_begin (db, error))
    return FALSE;
  if (!(list = _sportello_database_prepare (db, "SELECT sha256, data FROM attachment_contents", error)))
    goto failed;

  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (list, 0);
      const guint8 *data = sqlite3_column_blob (list, 1);
      gsize length = (gsize) sqlite3_column_bytes (list, 1);
      g_autofree char *actual = _sportello_attachment_sha256 (data, length);
      gboolean created;

      if (!_sportello_attachment_is_sha256 (sha256) || g_strcmp0 (actual, sha256) != 0)
        {
          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                       _("The backup holds a damaged attachment (%s)"), sha256 ? sha256 : "?");
          goto failed;
        }
      if (!_sportello_attachment_write_content (folder, data, length, sha256, &created, error))
        goto failed;
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      goto failed;
    }
  g_clear_pointer (&list, sqlite3_finalize);

  if (!sportello_database_exec (db, "DELETE FROM attachment_contents", error) ||
      !sportello_database_commit (db, error))
    goto failed;

  return sportello_attachment_collect_garbage (db, NULL, error);

failed:
  g_clear_pointer (&list, sqlite3_finalize);
  sportello_database_rollback (db);
  return FALSE;
}
