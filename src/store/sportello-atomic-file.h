/* sportello-atomic-file.h: a file written whole or not at all
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SportelloAtomicFile SportelloAtomicFile;

SportelloAtomicFile *sportello_atomic_file_new        (const char           *path,
                                                       GError              **error);
GOutputStream       *sportello_atomic_file_get_stream (SportelloAtomicFile  *file);
gboolean             sportello_atomic_file_commit     (SportelloAtomicFile  *file,
                                                       GError              **error);
void                 sportello_atomic_file_free       (SportelloAtomicFile  *file);
gboolean             sportello_atomic_file_write      (const char           *path,
                                                       const char           *data,
                                                       gssize                length,
                                                       GError              **error);
guint                sportello_atomic_file_clean_folder (const char         *folder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloAtomicFile, sportello_atomic_file_free)

G_END_DECLS
