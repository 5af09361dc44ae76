/* sportello-attachment.c: a file that belongs to a client: its row
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row (table attachments) says what the file is called, its media
 * type, size, SHA-256 and when it was added; the bytes live in the data
 * folder, named by their SHA-256 (sportello-attachment-content.c). The
 * same file added twice, to one client or to two, is stored once; the rows
 * that name a hash are its references.
 *
 * A delete that can be undone trashes the row (deleted_at) and purges it
 * later; the file stays until the purge.
 */

#define G_LOG_DOMAIN "sportello-attachment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sportello-atomic-file.h"
#include "sportello-attachment-private.h"
#include "sportello-database-private.h"
#include "sportello-record-columns-private.h"

struct _SportelloAttachment
{
  SportelloRecord  parent_instance;

  guint64          size;
};

G_DEFINE_FINAL_TYPE (SportelloAttachment, sportello_attachment, SPORTELLO_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SIZE = SPORTELLO_ATTACHMENT_N_TEXT_FIELDS + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-attachment-private.h) gives: the
 * text fields' property names (the same with '-' for '_'); the SELECT of
 * an attachment (t) with its client (c), the row's id first, and what
 * reads it; and the INSERT of a new one */
#define SKIP(member, name)
#define SELECT_COLUMN(field, name)               ", t." name
#define READ_TEXT(field, name)                   sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_INT(member, name)                   self->member = (guint64) sqlite3_column_int64 (stmt, ++i);
#define BIND_TEXT(field, name)                   sqlite3_bind_text (stmt, ++n, sportello_record_get (record, field), -1, SQLITE_STATIC);
#define BIND_INT(member, name)                   sqlite3_bind_int64 (stmt, ++n, (gint64) self->member);

static const char * const property_names[SPORTELLO_ATTACHMENT_N_TEXT_FIELDS] = {
  SPORTELLO_ATTACHMENT_COLUMNS (FIELD_NAME, SKIP, REF_NAME)
};

#define ATTACHMENT_SELECT \
  "SELECT t.id" SPORTELLO_ATTACHMENT_COLUMNS (SELECT_COLUMN, SELECT_COLUMN, SELECT_REF) \
  " FROM attachments t JOIN clients c ON c.id = t.client_id "

/* only for a client that is neither in the bin nor anonymised */
#define ATTACHMENT_INSERT \
  "INSERT INTO attachments (id" SPORTELLO_ATTACHMENT_COLUMNS (INSERT_NAME, INSERT_NAME, INSERT_REF) ") " \
  "SELECT NULL" SPORTELLO_ATTACHMENT_COLUMNS (VALUE, VALUE, VALUE_REF) " FROM clients c WHERE c.uuid = ? " \
  "AND c.deleted_at IS NULL AND c.anonymised_at IS NULL"

static void
sportello_attachment_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SportelloAttachment *self = SPORTELLO_ATTACHMENT (object);

  if (prop_id == PROP_SIZE)
    g_value_set_uint64 (value, self->size);
  else
    G_OBJECT_CLASS (sportello_attachment_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_attachment_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  G_OBJECT_CLASS (sportello_attachment_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_attachment_class_init (SportelloAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_attachment_get_property;
  object_class->set_property = sportello_attachment_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names,
                                         SPORTELLO_ATTACHMENT_N_TEXT_FIELDS);
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  for (guint i = SPORTELLO_ATTACHMENT_N_TEXT_FIELDS + 1; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_attachment_init (SportelloAttachment *self)
{
}

const char *
sportello_attachment_get (SportelloAttachment      *self,
                          SportelloAttachmentField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

guint64
sportello_attachment_get_size (SportelloAttachment *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ATTACHMENT (self), 0);

  return self->size;
}

/* ------------------------------------------------------------ records ---- */

static SportelloAttachment *
from_row (sqlite3_stmt *stmt)
{
  SportelloAttachment *self = g_object_new (SPORTELLO_TYPE_ATTACHMENT, NULL);
  int i = 0;

  SPORTELLO_ATTACHMENT_COLUMNS (READ_TEXT, READ_INT, READ_REF)

  return self;
}

SportelloAttachment *
sportello_attachment_load (SportelloDatabase  *db,
                           const char         *uuid,
                           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, ATTACHMENT_SELECT "WHERE t.uuid = ? AND t.deleted_at IS NULL", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                 _("The attachment does not exist any more"));
  else
    _sportello_database_set_error (db, error);
  return NULL;
}

static char *
clean_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);

  return g_strstrip (g_steal_pointer (&valid));
}

/* The row of a new attachment whose content file is in place; inside the
 * caller's transaction */
static SportelloAttachment *
insert_row (SportelloDatabase  *db,
            const char         *client_uuid,
            const char         *name,
            const char         *media_type,
            guint64             size,
            const char         *sha256,
            GError            **error)
{
  g_autoptr(SportelloAttachment) attachment = g_object_new (SPORTELLO_TYPE_ATTACHMENT, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sportello_now_utc ();
  SportelloRecord *record = SPORTELLO_RECORD (attachment);

  sportello_record_set (record, SPORTELLO_ATTACHMENT_CLIENT_UUID, client_uuid);
  sportello_record_set (record, SPORTELLO_ATTACHMENT_NAME, name);
  sportello_record_set (record, SPORTELLO_ATTACHMENT_MEDIA_TYPE, media_type);
  sportello_record_set (record, SPORTELLO_ATTACHMENT_SHA256, sha256);
  attachment->size = size;
  sportello_record_stamp (record, db, now);

  if (!(stmt = _sportello_database_prepare (db, ATTACHMENT_INSERT, error)))
    return NULL;
  {
    SportelloAttachment *self = attachment;
    int n = 0;

    SPORTELLO_ATTACHMENT_COLUMNS (BIND_TEXT, BIND_INT, SKIP_REF)
    /* the client, last */
    sqlite3_bind_text (stmt, ++n, client_uuid, -1, SQLITE_STATIC);
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The client does not exist any more"));
      return NULL;
    }

  return g_steal_pointer (&attachment);
}

/* After an add that failed: the content file it wrote goes, and its transaction */
static void
add_failed (SportelloDatabase *db,
            const char        *folder,
            const char        *sha256,
            gboolean           created)
{
  if (created)
    {
      g_autofree char *path = _sportello_attachment_content_path (folder, sha256);

      g_unlink (path);
    }
  sportello_database_rollback (db);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name[0] == '\0')
    {
      g_set_error_literal (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                           _("The name of the attachment is required"));
      return FALSE;
    }
  return TRUE;
}

/**
 * sportello_attachment_add_bytes:
 * @media_type: (nullable): its MIME type, or %NULL to guess it from @name
 *   and the content
 *
 * Attaches @bytes to the client, storing them once whatever the number of
 * attachments that hold the same bytes.
 */
SportelloAttachment *
sportello_attachment_add_bytes (SportelloDatabase  *db,
                                const char         *client_uuid,
                                const char         *name,
                                const char         *media_type,
                                GBytes             *bytes,
                                GError            **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *clean = clean_name (name);
  g_autofree char *guessed = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(SportelloAttachment) attachment = NULL;
  const guint8 *data;
  gsize length;
  gboolean created = FALSE;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (client_uuid != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (!check_name (clean, error))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (media_type == NULL || media_type[0] == '\0')
    {
      g_autofree char *type = g_content_type_guess (clean, data, length, NULL);

      guessed = g_content_type_get_mime_type (type);
      media_type = guessed != NULL ? guessed : "application/octet-stream";
    }

  sha256 = _sportello_attachment_sha256 (data, length);
  folder = sportello_attachment_get_folder (db);

  if (!sportello_database_begin (db, error))
    return NULL;
  if (!_sportello_attachment_write_content (folder, data, length, sha256, &created, error) ||
      !(attachment = insert_row (db, client_uuid, clean, media_type, length, sha256, error)) ||
      !sportello_database_commit (db, error))
    goto failed;

  return g_steal_pointer (&attachment);

failed:
  add_failed (db, folder, sha256, created);
  return NULL;
}

/**
 * sportello_attachment_add_file:
 *
 * Attaches a copy of @file to the client, with @file's name and type.
 * Reads it twice (to hash it, then to copy it unless the same bytes are
 * stored already); meant for a worker thread with a connection of its own.
 */
SportelloAttachment *
sportello_attachment_add_file (SportelloDatabase  *db,
                               const char         *client_uuid,
                               GFile              *file,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SportelloAttachment) attachment = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  const char *content_type;
  gboolean created = FALSE;
  guint64 size;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                  G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                                  G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NONE, cancellable, error)))
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("“%s” is a folder: only files can be attached"), g_file_info_get_display_name (info));
      return NULL;
    }

  name = clean_name (g_file_info_get_display_name (info));
  content_type = g_file_info_get_content_type (info);
  if (content_type != NULL)
    media_type = g_content_type_get_mime_type (content_type);
  if (media_type == NULL)
    media_type = g_strdup ("application/octet-stream");

  if (!check_name (name, error) ||
      !_sportello_attachment_hash_file (file, &sha256, &size, cancellable, error))
    return NULL;

  folder = sportello_attachment_get_folder (db);
  if (!sportello_database_begin (db, error))
    return NULL;
  if (!_sportello_attachment_copy_content (file, folder, sha256, &created, cancellable, error) ||
      !(attachment = insert_row (db, client_uuid, name, media_type, size, sha256, error)) ||
      !sportello_database_commit (db, error))
    goto failed;

  return g_steal_pointer (&attachment);

failed:
  add_failed (db, folder, sha256, created);
  return NULL;
}

GBytes *
sportello_attachment_load_bytes (SportelloAttachment  *self,
                                 SportelloDatabase    *db,
                                 GError              **error)
{
  g_autofree char *folder = sportello_attachment_get_folder (db);

  g_return_val_if_fail (SPORTELLO_IS_ATTACHMENT (self), NULL);

  return _sportello_attachment_read_content (folder, sportello_attachment_get (self, SPORTELLO_ATTACHMENT_SHA256), error);
}

/**
 * sportello_attachment_save_copy:
 *
 * Writes a copy of the attachment's bytes to @path, whole or not at all:
 * what is opened or handed on is a copy, so nothing outside can change
 * the stored content.
 */
gboolean
sportello_attachment_save_copy (SportelloAttachment  *self,
                                SportelloDatabase    *db,
                                const char           *path,
                                GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SportelloAtomicFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written;

  if (!(bytes = sportello_attachment_load_bytes (self, db, error)))
    return FALSE;

  if (!(file = sportello_atomic_file_new (path, &local_error)) ||
      !g_output_stream_write_all (sportello_atomic_file_get_stream (file), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, NULL, &local_error) ||
      !sportello_atomic_file_commit (file, &local_error))
    return _sportello_attachment_io_error (error, path, local_error->message);

  return TRUE;
}

static gboolean
run_on_attachment (SportelloDatabase  *db,
                   const char         *sql,
                   const char         *uuid,
                   const char         *text,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The attachment does not exist any more"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sportello_attachment_rename (SportelloDatabase  *db,
                             const char         *uuid,
                             const char         *name,
                             GError            **error)
{
  g_autofree char *clean = clean_name (name);

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!check_name (clean, error))
    return FALSE;

  return run_on_attachment (db,
                            "UPDATE attachments SET name = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                            "WHERE uuid = ?1 AND deleted_at IS NULL",
                            uuid, clean, error);
}

/**
 * sportello_attachment_trash:
 *
 * Hides the attachment, keeping its content, until it is restored or
 * purged: the first half of a delete that can be undone.
 */
gboolean
sportello_attachment_trash (SportelloDatabase  *db,
                            const char         *uuid,
                            GError            **error)
{
  return run_on_attachment (db,
                            "UPDATE attachments SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                            "WHERE uuid = ?1 AND deleted_at IS NULL",
                            uuid, NULL, error);
}

gboolean
sportello_attachment_restore (SportelloDatabase  *db,
                              const char         *uuid,
                              GError            **error)
{
  return run_on_attachment (db, "UPDATE attachments SET deleted_at = NULL WHERE uuid = ?1 AND deleted_at IS NOT NULL",
                            uuid, NULL, error);
}

/**
 * sportello_attachment_purge_trashed:
 * @uuid: (nullable): one trashed attachment, or %NULL for all of them
 *
 * Deletes for real what was trashed; a content file no attachment names
 * any more goes with it.
 */
gboolean
sportello_attachment_purge_trashed (SportelloDatabase  *db,
                                    const char         *uuid,
                                    GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (uuid == NULL)
    ok = sportello_database_exec (db, "DELETE FROM attachments WHERE deleted_at IS NOT NULL", error);
  else
    ok = _sportello_database_run_on_uuid (db, "DELETE FROM attachments WHERE uuid = ? AND deleted_at IS NOT NULL",
                                          uuid, error);

  return ok && sportello_attachment_collect_garbage (db, NULL, error);
}

/* At once, without Undo */
gboolean
sportello_attachment_delete (SportelloDatabase  *db,
                             const char         *uuid,
                             GError            **error)
{
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  return _sportello_database_run_on_uuid (db, "DELETE FROM attachments WHERE uuid = ?", uuid, error) &&
         sportello_attachment_collect_garbage (db, NULL, error);
}

/* The client's attachments, the last added first */
GListModel *
sportello_attachment_list_for_client (SportelloDatabase  *db,
                                      const char         *client_uuid,
                                      GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_ATTACHMENT);
  int rc;

  if (!(stmt = _sportello_database_prepare (db, ATTACHMENT_SELECT
                                            "WHERE c.uuid = ? AND t.deleted_at IS NULL "
                                            "ORDER BY t.created_at DESC, t.name COLLATE NOCASE, t.uuid", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SportelloAttachment) attachment = from_row (stmt);

      g_list_store_append (store, attachment);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ------------------------------------------------------------ bundles ---- */

/**
 * _sportello_attachment_check_limits:
 * @selection: (nullable): JSON array of the UUIDs of the clients exported,
 *   or %NULL for the whole database
 *
 * Whether the attachments an export would carry fit its limits: no file
 * over %SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE, not more than
 * %SPORTELLO_ATTACHMENT_BUNDLE_MAX_TOTAL in all.
 */
gboolean
_sportello_attachment_check_limits (SportelloDatabase  *db,
                                    const char         *selection,
                                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 total = 0;
  int rc;

  if (!(stmt = _sportello_database_prepare (db,
          "SELECT t.name, t.size, c.name FROM attachments t JOIN clients c ON c.id = t.client_id "
          "WHERE t.deleted_at IS NULL AND c.deleted_at IS NULL "
          "AND (?1 IS NULL OR c.uuid IN (SELECT value FROM json_each (?1))) ORDER BY t.size DESC", error)))
    return FALSE;
  if (selection != NULL)
    sqlite3_bind_text (stmt, 1, selection, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 size = (guint64) sqlite3_column_int64 (stmt, 1);

      if (size > SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE)
        {
          g_autofree char *limit = g_format_size (SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE);
          g_autofree char *actual = g_format_size (size);

          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                       /* Translators: the attachment's name, its client's, its size, the limit */
                       _("The attachment “%s” of “%s” is too large for a bundle (%s; at most %s each): "
                         "delete it or send it another way"),
                       (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 2),
                       actual, limit);
          return FALSE;
        }
      total += size;
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  if (total > SPORTELLO_ATTACHMENT_BUNDLE_MAX_TOTAL)
    {
      g_autofree char *limit = g_format_size (SPORTELLO_ATTACHMENT_BUNDLE_MAX_TOTAL);
      g_autofree char *actual = g_format_size (total);

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("The attachments are too large for one bundle (%s; at most %s in all): "
                     "export fewer clients at a time"), actual, limit);
      return FALSE;
    }

  return TRUE;
}
