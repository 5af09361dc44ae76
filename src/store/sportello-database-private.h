/* sportello-database-private.h: what the store's own files share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sportello-database.h"

G_BEGIN_DECLS

/* The five columns every kind of record begins with, in a bundle's
 * order, for the kinds' lists of columns (SPORTELLO_KIND_COLUMNS in each
 * kind's -private.h): P is the prefix of the kind's text fields */
#define SPORTELLO_RECORD_COLUMNS(TEXT, P)              \
  TEXT (P##_UUID, "uuid")                           \
  TEXT (P##_CREATED_AT, "created_at")               \
  TEXT (P##_UPDATED_AT, "updated_at")               \
  TEXT (P##_ORIGIN_CONSULTANT, "origin_consultant") \
  TEXT (P##_ORIGIN_HUB, "origin_hub")

typedef struct
{
  const char *sql;
} SportelloMigration;

sqlite3       *_sportello_database_get_handle  (SportelloDatabase  *self);
sqlite3_stmt  *_sportello_database_prepare     (SportelloDatabase  *self,
                                                const char         *sql,
                                                GError            **error);
void           _sportello_database_set_error   (SportelloDatabase  *self,
                                                GError            **error);
gboolean       _sportello_database_run_on_uuid (SportelloDatabase  *self,
                                                const char         *sql,
                                                const char         *uuid,
                                                GError            **error);
gboolean       _sportello_database_migrate     (SportelloDatabase  *self,
                                                GError            **error);
const SportelloMigration *_sportello_migrations (guint             *n_migrations);
int            _sportello_migrations_register_functions (sqlite3  *db);
void           _sportello_database_watch       (SportelloDatabase  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
