/* sportello-backup.h: copies of the database, rotated and restorable
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sportello-database.h"

G_BEGIN_DECLS

/* Why a backup of the set was made; it is part of the file name */
typedef enum
{
  SPORTELLO_BACKUP_DAILY,
  SPORTELLO_BACKUP_MANUAL,
  SPORTELLO_BACKUP_IMPORT,
  SPORTELLO_BACKUP_MIGRATION,
  SPORTELLO_BACKUP_RESTORE,
} SportelloBackupReason;

typedef struct
{
  char                  *path;
  GDateTime             *date;     /* local: from the name, or the file's time */
  SportelloBackupReason  reason;
  guint64                size;
  int                    schema_version;
  guint                  clients;
  guint                  meetings;
  guint                  documents;
  guint                  attachments;
} SportelloBackupInfo;

void                 sportello_backup_info_free   (SportelloBackupInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloBackupInfo, sportello_backup_info_free)

void                 sportello_backup_configure   (const char           *folder,
                                                   guint                 keep_daily,
                                                   guint                 keep_weekly,
                                                   guint                 keep_monthly);
char                *sportello_backup_get_folder  (SportelloDatabase    *db);
const char          *sportello_backup_reason_label (SportelloBackupReason reason);

gboolean             sportello_backup_write       (SportelloDatabase    *db,
                                                   const char           *path,
                                                   GError              **error);
char                *sportello_backup_make        (SportelloDatabase    *db,
                                                   SportelloBackupReason reason,
                                                   GDateTime            *now,
                                                   GError              **error);
gboolean             sportello_backup_daily       (SportelloDatabase    *db,
                                                   GDateTime            *now,
                                                   char                **made,
                                                   GError              **error);
gboolean             sportello_backup_rotate      (const char           *folder,
                                                   GDateTime            *now,
                                                   guint                 keep_daily,
                                                   guint                 keep_weekly,
                                                   guint                 keep_monthly,
                                                   GError              **error);
GPtrArray           *sportello_backup_list        (const char           *folder,
                                                   GError              **error);
SportelloBackupInfo *sportello_backup_inspect     (const char           *path,
                                                   gboolean              check,
                                                   GError              **error);
SportelloBackupInfo *sportello_backup_inspect_database (SportelloDatabase *db,
                                                   GError              **error);
gboolean             sportello_backup_restore     (SportelloDatabase    *db,
                                                   const char           *path,
                                                   GDateTime            *now,
                                                   char                **safety_copy,
                                                   GError              **error);

/* the automatic backups of the store's own paths */
gboolean             _sportello_backup_before     (SportelloDatabase    *db,
                                                   SportelloBackupReason reason,
                                                   GError              **error);

G_END_DECLS
