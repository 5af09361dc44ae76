/* sportello-bundle-private.h: how a large import goes, for the benchmark
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A large import sets aside, inside its transaction, what keeps derived
 * data current row by row, writes its rows, and builds that data again
 * once (sportello-bundle.c). The bundle benchmark makes the sqlite3 tool
 * load the same bundle the same way, from these same statements.
 */

#pragma once

/* what is set aside: rows of type, name and the SQL that makes it again */
#define SPORTELLO_BULK_TRIGGERS_SQL \
  "SELECT 'TRIGGER', name, sql FROM sqlite_schema WHERE type = 'trigger' AND " \
  "(name LIKE '%\\_fts\\_%' ESCAPE '\\' OR name LIKE 'meetings\\_last\\_%' ESCAPE '\\')"
/* the secondary indexes of the tables that take many rows; the clients
 * keep theirs, which the duplicate check reads */
#define SPORTELLO_BULK_INDEXES_SQL \
  "SELECT 'INDEX', name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND " \
  "tbl_name IN ('contacts', 'meetings', 'follow_ups', 'assessments', 'documents')"

/* what the meetings_last_* triggers keep, for every client at once */
#define SPORTELLO_LAST_MEETINGS_SQL \
  "UPDATE clients SET last_meeting_at = (SELECT max (starts_at) FROM meetings WHERE client_id = clients.id)"

#define SPORTELLO_FTS_INDEXES "clients_fts", "meetings_fts", "follow_ups_fts"

/* A printf format, the FTS5 table as %1$s: rebuilt with a 64 MiB
 * in-memory hash (fewer segments to write and merge), then FTS5's own
 * default of 1 MiB again */
#define SPORTELLO_FTS_BULK_REBUILD_SQL \
  "INSERT INTO %1$s (%1$s, rank) VALUES ('hashsize', 67108864);" \
  "INSERT INTO %1$s (%1$s) VALUES ('rebuild');" \
  "INSERT INTO %1$s (%1$s, rank) VALUES ('hashsize', 1048576);"

#include "sportello-database.h"

/* sportello-bundle-attachments.c: an attachment's inline bytes */
char     *_sportello_bundle_check_attachment (const char         *content,
                                              const char         *sha256,
                                              gint64              size,
                                              const char        **member);
gboolean  _sportello_bundle_store_attachment (SportelloDatabase  *db,
                                              const char         *content,
                                              const char         *sha256,
                                              GError            **error);
