/* sportello-attachment-private.h: what bundles and backups need of attachments
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sportello-attachment.h"

G_BEGIN_DECLS

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
