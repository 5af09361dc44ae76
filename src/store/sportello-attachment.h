/* sportello-attachment.h: a file that belongs to a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sportello-database.h"
#include "sportello-record.h"

G_BEGIN_DECLS

/* What one bundle carries at most (docs/bundle-format.md): each file, and
 * all of them together; an export over either is refused */
#define SPORTELLO_ATTACHMENT_BUNDLE_MAX_FILE  (25 * 1024 * 1024)
#define SPORTELLO_ATTACHMENT_BUNDLE_MAX_TOTAL (200 * 1024 * 1024)

typedef enum
{
  SPORTELLO_ATTACHMENT_UUID,
  SPORTELLO_ATTACHMENT_CLIENT_UUID,
  SPORTELLO_ATTACHMENT_NAME,
  SPORTELLO_ATTACHMENT_MEDIA_TYPE,
  SPORTELLO_ATTACHMENT_SHA256,
  SPORTELLO_ATTACHMENT_CREATED_AT,    /* when it was added */
  SPORTELLO_ATTACHMENT_UPDATED_AT,
  SPORTELLO_ATTACHMENT_ORIGIN_CONSULTANT,
  SPORTELLO_ATTACHMENT_ORIGIN_HUB,
  SPORTELLO_ATTACHMENT_N_TEXT_FIELDS
} SportelloAttachmentField;

#define SPORTELLO_TYPE_ATTACHMENT (sportello_attachment_get_type ())

G_DECLARE_FINAL_TYPE (SportelloAttachment, sportello_attachment, SPORTELLO, ATTACHMENT, SportelloRecord)

const char          *sportello_attachment_get            (SportelloAttachment  *self,
                                                          SportelloAttachmentField field);
guint64              sportello_attachment_get_size       (SportelloAttachment  *self);
char                *sportello_attachment_get_folder     (SportelloDatabase    *db);
char                *sportello_attachment_get_content_path (SportelloAttachment *self,
                                                          SportelloDatabase    *db);

SportelloAttachment *sportello_attachment_add_file       (SportelloDatabase    *db,
                                                          const char           *client_uuid,
                                                          GFile                *file,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
SportelloAttachment *sportello_attachment_add_bytes      (SportelloDatabase    *db,
                                                          const char           *client_uuid,
                                                          const char           *name,
                                                          const char           *media_type,
                                                          GBytes               *bytes,
                                                          GError              **error);
SportelloAttachment *sportello_attachment_load           (SportelloDatabase    *db,
                                                          const char           *uuid,
                                                          GError              **error);
GBytes              *sportello_attachment_load_bytes     (SportelloAttachment  *self,
                                                          SportelloDatabase    *db,
                                                          GError              **error);
gboolean             sportello_attachment_save_copy      (SportelloAttachment  *self,
                                                          SportelloDatabase    *db,
                                                          const char           *path,
                                                          GError              **error);
gboolean             sportello_attachment_rename         (SportelloDatabase    *db,
                                                          const char           *uuid,
                                                          const char           *name,
                                                          GError              **error);
gboolean             sportello_attachment_trash          (SportelloDatabase    *db,
                                                          const char           *uuid,
                                                          GError              **error);
gboolean             sportello_attachment_restore        (SportelloDatabase    *db,
                                                          const char           *uuid,
                                                          GError              **error);
gboolean             sportello_attachment_purge_trashed  (SportelloDatabase    *db,
                                                          const char           *uuid,
                                                          GError              **error);
gboolean             sportello_attachment_delete         (SportelloDatabase    *db,
                                                          const char           *uuid,
                                                          GError              **error);
GListModel          *sportello_attachment_list_for_client (SportelloDatabase   *db,
                                                          const char           *client_uuid,
                                                          GError              **error);
gboolean             sportello_attachment_collect_garbage (SportelloDatabase   *db,
                                                          guint                *n_removed,
                                                          GError              **error);

G_END_DECLS
