/* sportello-attachment-content.c: the attachments' bytes, stored once by their SHA-256
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes live in the data folder, named by their SHA-256:
 * “attachments/ab/abcdef…”. A content file no row names any more is
 * removed by sportello_attachment_collect_garbage(). Content files are
 * written whole (sportello-atomic-file.c: a synced temporary renamed over
 * the name) and never changed after.
 *
 * Writes of content and the collection both hold SQLite's write lock
 * (BEGIN IMMEDIATE), so a file is never collected between being written
 * and being named by its row, whichever connection does which.
 */

#define G_LOG_DOMAIN "sportello-attachment"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sportello-atomic-file.h"
#include "sportello-attachment-private.h"
#include "sportello-database-private.h"

#define FOLDER_NAME "attachments"
#define CHUNK_SIZE  (64 * 1024)

/**
 * sportello_attachment_get_folder:
 *
 * Where the content files of @db's attachments are: “attachments” in the
 * database's folder.
 */
char *
sportello_attachment_get_folder (SportelloDatabase *db)
{
  g_autofree char *dir = g_path_get_dirname (sportello_database_get_path (db));

  return g_build_filename (dir, FOLDER_NAME, NULL);
}

char *
_sportello_attachment_content_path (const char *folder,
                                    const char *sha256)
{
  char shard[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (folder, shard, sha256, NULL);
}

char *
sportello_attachment_get_content_path (SportelloAttachment *self,
                                       SportelloDatabase   *db)
{
  g_autofree char *folder = sportello_attachment_get_folder (db);

  g_return_val_if_fail (SPORTELLO_IS_ATTACHMENT (self), NULL);

  return _sportello_attachment_content_path (folder, sportello_attachment_get (self, SPORTELLO_ATTACHMENT_SHA256));
}

char *
_sportello_attachment_sha256 (const guint8 *data,
                              gsize         length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

/* 64 lower-case hexadecimal digits */
gboolean
_sportello_attachment_is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
_sportello_attachment_io_error (GError     **error,
                                const char  *path,
                                const char  *message)
{
  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_IO,
               _("Cannot write the attachment “%s”: %s"), path, message);
  return FALSE;
}

/* Writes @data as the content file of @sha256 unless it is there already.
 * @created: whether this call made it. The caller holds the write lock. */
gboolean
_sportello_attachment_write_content (const char    *folder,
                                     const guint8  *data,
                                     gsize          length,
                                     const char    *sha256,
                                     gboolean      *created,
                                     GError       **error)
{
  g_autofree char *path = _sportello_attachment_content_path (folder, sha256);
  g_autofree char *shard = g_path_get_dirname (path);
  g_autoptr(SportelloAtomicFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written;

  *created = FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (g_mkdir_with_parents (shard, 0700) != 0)
    return _sportello_attachment_io_error (error, path, g_strerror (errno));
  if (!(file = sportello_atomic_file_new (path, &local_error)) ||
      !g_output_stream_write_all (sportello_atomic_file_get_stream (file), data, length, &written, NULL, &local_error) ||
      !sportello_atomic_file_commit (file, &local_error))
    return _sportello_attachment_io_error (error, path, local_error->message);

  *created = TRUE;
  return TRUE;
}

gboolean
_sportello_attachment_store_content (SportelloDatabase  *db,
                                     const guint8       *data,
                                     gsize               length,
                                     const char         *sha256,
                                     GError            **error)
{
  g_autofree char *folder = sportello_attachment_get_folder (db);
  gboolean created;

  return _sportello_attachment_write_content (folder, data, length, sha256, &created, error);
}

/* The content of @sha256, checked against its hash */
GBytes *
_sportello_attachment_read_content (const char  *folder,
                                    const char  *sha256,
                                    GError     **error)
{
  g_autofree char *path = _sportello_attachment_content_path (folder, sha256);
  g_autofree char *actual = NULL;
  g_autoptr(GError) local_error = NULL;
  GMappedFile *mapped;
  GBytes *bytes;

  if (!(mapped = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_IO,
                   _("Cannot read the attachment “%s”: %s"), path, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  g_mapped_file_unref (mapped);

  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_bytes_unref (bytes);
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_IO,
                   _("The attachment “%s” is damaged: its content does not match its SHA-256"), path);
      return NULL;
    }

  return bytes;
}

gboolean
_sportello_attachment_append_base64 (SportelloDatabase  *db,
                                     const char         *sha256,
                                     GString            *out,
                                     GError            **error)
{
  g_autofree char *folder = sportello_attachment_get_folder (db);
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize length;
  gsize start;
  int state = 0;
  int save = 0;

  if (!(bytes = _sportello_attachment_read_content (folder, sha256, error)))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  start = out->len;
  /* what g_base64_encode_step() may write, with its close */
  g_string_set_size (out, start + (length / 3 + 1) * 4 + 4);
  start += g_base64_encode_step (data, length, FALSE, out->str + start, &state, &save);
  start += g_base64_encode_close (FALSE, out->str + start, &state, &save);
  g_string_truncate (out, start);

  return TRUE;
}

static int
base64_value (char c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

/**
 * _sportello_attachment_decode_base64:
 *
 * Decodes standard base64 (RFC 4648 §4, with its padding, no line
 * breaks), refusing anything else: g_base64_decode() skips what it does
 * not know. Returns %NULL when @text is not such base64.
 */
guint8 *
_sportello_attachment_decode_base64 (const char *text,
                                     gsize      *length)
{
  gsize n = strlen (text);
  g_autofree guint8 *data = NULL;
  gsize out = 0;

  *length = 0;
  if (n % 4 != 0)
    return NULL;

  data = g_malloc (n / 4 * 3 + 1);
  for (gsize i = 0; i < n; i += 4)
    {
      int v[4];
      guint pad = 0;

      for (guint j = 0; j < 4; j++)
        {
          if (text[i + j] == '=' && i + 4 == n && j >= 2)
            {
              v[j] = 0;
              pad++;
              continue;
            }
          if (pad > 0 || (v[j] = base64_value (text[i + j])) < 0)
            return NULL;
        }
      /* the bits that padding leaves over are zero in canonical base64 */
      if ((pad == 1 && (v[2] & 0x3) != 0) || (pad == 2 && (v[1] & 0xf) != 0))
        return NULL;

      data[out++] = (guint8) (v[0] << 2 | v[1] >> 4);
      if (pad < 2)
        data[out++] = (guint8) ((v[1] & 0xf) << 4 | v[2] >> 2);
      if (pad < 1)
        data[out++] = (guint8) ((v[2] & 0x3) << 6 | v[3]);
    }

  *length = out;
  return g_steal_pointer (&data);
}

/* SHA-256 and size of what @file holds now */
gboolean
_sportello_attachment_hash_file (GFile         *file,
                                 char         **sha256,
                                 guint64       *size,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  gssize n;

  *size = 0;
  if (!(in = g_file_read (file, cancellable, error)))
    return FALSE;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, cancellable, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *size += (guint64) n;
    }
  if (n < 0)
    return FALSE;

  *sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* Copies @file to its content file unless there; checks it still hashes to @sha256 */
gboolean
_sportello_attachment_copy_content (GFile         *file,
                                    const char    *folder,
                                    const char    *sha256,
                                    gboolean      *created,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *path = _sportello_attachment_content_path (folder, sha256);
  g_autofree char *shard = g_path_get_dirname (path);
  g_autoptr(SportelloAtomicFile) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = NULL;
  gssize n;

  *created = FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (g_mkdir_with_parents (shard, 0700) != 0)
    return _sportello_attachment_io_error (error, path, g_strerror (errno));
  if (!(in = g_file_read (file, cancellable, error)))
    return FALSE;
  if (!(out = sportello_atomic_file_new (path, &local_error)))
    return _sportello_attachment_io_error (error, path, local_error->message);

  buffer = g_malloc (CHUNK_SIZE);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, cancellable, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      if (!g_output_stream_write_all (sportello_atomic_file_get_stream (out), buffer, n, NULL, NULL, &local_error))
        return _sportello_attachment_io_error (error, path, local_error->message);
    }
  if (n < 0)
    return FALSE;

  if (g_strcmp0 (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error_literal (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_IO,
                           _("The file changed while it was being attached; try again"));
      return FALSE;
    }
  if (!sportello_atomic_file_commit (out, &local_error))
    return _sportello_attachment_io_error (error, path, local_error->message);

  *created = TRUE;
  return TRUE;
}
/**
 * sportello_attachment_collect_garbage:
 * @n_removed: (out) (optional): how many content files were removed
 *
 * Removes the content files that no attachment names any more (after a
 * delete, a client erased or anonymised, an import or a restore that
 * replaced them). Inside a transaction of the caller it does nothing: what
 * that transaction deleted is not final yet, and the next collection
 * finds it.
 */
gboolean
sportello_attachment_collect_garbage (SportelloDatabase  *db,
                                      guint              *n_removed,
                                      GError            **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) top = NULL;
  g_autoptr(sqlite3_stmt) used = NULL;
  const char *shard;
  guint removed = 0;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (n_removed != NULL)
    *n_removed = 0;
  if (!sqlite3_get_autocommit (_sportello_database_get_handle (db)))
    return TRUE;

  folder = sportello_attachment_get_folder (db);
  if (!(top = g_dir_open (folder, 0, NULL)))
    return TRUE;

  if (!sportello_database_begin (db, error))
    return FALSE;
  if (!(used = _sportello_database_prepare (db, "SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1", error)))
    goto failed;

  while ((shard = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *shard_path = g_build_filename (folder, shard, NULL);
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (strlen (shard) != 2 || !(dir = g_dir_open (shard_path, 0, NULL)))
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          int rc;

          /* temporaries (“.NAME.sportello-…”) and anything else are not ours to judge */
          if (!_sportello_attachment_is_sha256 (name) || strncmp (name, shard, 2) != 0)
            continue;

          sqlite3_reset (used);
          sqlite3_bind_text (used, 1, name, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (used);
          if (rc == SQLITE_DONE)
            {
              g_autofree char *path = g_build_filename (shard_path, name, NULL);

              if (g_unlink (path) == 0)
                removed++;
            }
          else if (rc != SQLITE_ROW)
            {
              _sportello_database_set_error (db, error);
              goto failed;
            }
        }
      /* an empty shard goes too (rmdir fails on one that is not) */
      g_rmdir (shard_path);
    }

  g_clear_pointer (&used, sqlite3_finalize);
  if (!sportello_database_commit (db, error))
    goto failed;

  if (removed > 0)
    g_debug ("Removed %u content files no attachment names", removed);
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;

failed:
  sportello_database_rollback (db);
  return FALSE;
}
