/* sportello-attachment-private.h: what bundles and backups need of attachments
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
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
