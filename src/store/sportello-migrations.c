/* sportello-migrations.c: the ordered schema steps of the database
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step runs once, inside its own transaction, and bumps
 * PRAGMA user_version. A step that has been released is never edited:
 * changes go into a new step at the end.
 */

#include "config.h"

#include "sportello-database-private.h"

static const SportelloMigration migrations[] = {
  /* 1: the database's own facts */
  { "CREATE TABLE info ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ");"
    "INSERT INTO info (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));" },
};

const SportelloMigration *
_sportello_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
