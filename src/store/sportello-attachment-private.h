/* sportello-attachment-private.h: what the attachments' files share with each other, bundles and backups
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The attachments are split by what they do: sportello-attachment.c keeps
 * the rows, sportello-attachment-content.c the bytes by their SHA-256,
 * sportello-attachment-backup.c carries the bytes in a backup.
 */

#pragma once

#include <sqlite3.h>

#include "sportello-database-private.h"
#include "sportello-attachment.h"

G_BEGIN_DECLS

/* An attachment's columns, described once, in the order a bundle gives
 * them: the attachment's own SQL (sportello-attachment.c) and the
 * bundle's (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name), INT (member, name) or REF (field, column, member,
 * alias), as for the contacts (sportello-contact-private.h). deleted_at
 * (in the bin) is no column of a bundle: those in the bin are not carried;
 * the bytes, which a bundle gives after these, are no column of the table. */
#define SPORTELLO_ATTACHMENT_OWN_COLUMNS(TEXT, INT, REF)                  \
  REF (SPORTELLO_ATTACHMENT_CLIENT_UUID, "client_id", "client_uuid", "c") \
  TEXT (SPORTELLO_ATTACHMENT_NAME, "name")                                \
  TEXT (SPORTELLO_ATTACHMENT_MEDIA_TYPE, "media_type")                    \
  INT (size, "size")                                                      \
  TEXT (SPORTELLO_ATTACHMENT_SHA256, "sha256")
#define SPORTELLO_ATTACHMENT_COLUMNS(TEXT, INT, REF) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_ATTACHMENT) \
  SPORTELLO_ATTACHMENT_OWN_COLUMNS (TEXT, INT, REF)

/* sportello-attachment-content.c, for the rows */
char     *_sportello_attachment_content_path   (const char          *folder,
                                                const char          *sha256);
gboolean  _sportello_attachment_io_error       (GError             **error,
                                                const char          *path,
                                                const char          *message);
gboolean  _sportello_attachment_write_content  (const char          *folder,
                                                const guint8        *data,
                                                gsize                length,
                                                const char          *sha256,
                                                gboolean            *created,
                                                GError             **error);
GBytes   *_sportello_attachment_read_content   (const char          *folder,
                                                const char          *sha256,
                                                GError             **error);
gboolean  _sportello_attachment_hash_file      (GFile               *file,
                                                char               **sha256,
                                                guint64             *size,
                                                GCancellable        *cancellable,
                                                GError             **error);
gboolean  _sportello_attachment_copy_content   (GFile               *file,
                                                const char          *folder,
                                                const char          *sha256,
                                                gboolean            *created,
                                                GCancellable        *cancellable,
                                                GError             **error);

/* for bundles and backups */
char     *_sportello_attachment_sha256         (const guint8        *data,
                                                gsize                length);
gboolean  _sportello_attachment_is_sha256      (const char          *text);
gboolean  _sportello_attachment_store_content  (SportelloDatabase   *db,
                                                const guint8        *data,
                                                gsize                length,
                                                const char          *sha256,
                                                GError             **error);
gboolean  _sportello_attachment_append_base64  (SportelloDatabase   *db,
                                                const char          *sha256,
                                                GString             *out,
                                                GError             **error);
guint8   *_sportello_attachment_decode_base64  (const char          *text,
                                                gsize               *length);
gboolean  _sportello_attachment_check_limits   (SportelloDatabase   *db,
                                                const char          *selection,
                                                GError             **error);
gboolean  _sportello_attachment_pack           (sqlite3             *backup,
                                                const char          *folder,
                                                GError             **error);
gboolean  _sportello_attachment_unpack         (SportelloDatabase   *db,
                                                GError             **error);

G_END_DECLS
