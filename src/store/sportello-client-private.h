/* sportello-client-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sportello-client.h"

G_BEGIN_DECLS

const char      *_sportello_client_columns      (void);
SportelloClient *_sportello_client_new_from_row (sqlite3_stmt       *stmt);
gboolean         _sportello_client_write        (SportelloClient    *self,
                                                 SportelloDatabase  *db,
                                                 gboolean            touch,
                                                 GError            **error);

G_END_DECLS
