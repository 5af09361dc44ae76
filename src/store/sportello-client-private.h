/* sportello-client-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sportello-client.h"

G_BEGIN_DECLS

/* Splits the tags of the clients matching @where ("a, b" → a, b; spaces
 * around each trimmed, empty ones left out) into client_tags. One
 * statement, for the migration that fills the index and for every write. */
#define SPORTELLO_CLIENT_INDEX_TAGS_SQL(where) \
  "WITH RECURSIVE split (client_id, tag, rest) AS (" \
  "  SELECT id, '', tags || ',' FROM clients WHERE " where \
  "  UNION ALL" \
  "  SELECT client_id, trim (substr (rest, 1, instr (rest, ',') - 1), char (32, 9, 10, 11, 12, 13))," \
  "         substr (rest, instr (rest, ',') + 1)" \
  "  FROM split WHERE rest <> '')" \
  "INSERT OR IGNORE INTO client_tags (client_id, tag) SELECT client_id, tag FROM split WHERE tag <> ''"

const char      *_sportello_client_columns      (void);
SportelloClient *_sportello_client_new_from_row (sqlite3_stmt       *stmt);
gboolean         _sportello_client_write        (SportelloClient    *self,
                                                 SportelloDatabase  *db,
                                                 gboolean            touch,
                                                 GError            **error);
const char      *_sportello_client_upsert_sql   (void);
gboolean         _sportello_client_write_with   (SportelloClient    *self,
                                                 SportelloDatabase  *db,
                                                 gboolean            touch,
                                                 sqlite3_stmt       *upsert,
                                                 gboolean            index_tags,
                                                 GError            **error);
gboolean         _sportello_client_normalize_identifiers (SportelloClient *self);
gboolean         _sportello_client_index_tags   (SportelloDatabase  *db,
                                                 const char         *uuid,
                                                 GError            **error);

G_END_DECLS
