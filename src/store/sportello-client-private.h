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

/* A client's columns, described once, in the order a bundle gives them:
 * the client's own SQL (sportello-client.c) and the bundle's
 * (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name), INT (name) or BOOL (name); the column is the name,
 * the property the same with '-' for '_'. last_meeting_at, which the
 * meetings keep, is no column of a bundle and not in the list. */
#define SPORTELLO_CLIENT_COLUMNS(TEXT, INT, BOOL) \
  TEXT (SPORTELLO_CLIENT_UUID, "uuid")                           \
  TEXT (SPORTELLO_CLIENT_CREATED_AT, "created_at")               \
  TEXT (SPORTELLO_CLIENT_UPDATED_AT, "updated_at")               \
  TEXT (SPORTELLO_CLIENT_ORIGIN_CONSULTANT, "origin_consultant") \
  TEXT (SPORTELLO_CLIENT_ORIGIN_HUB, "origin_hub")               \
  TEXT (SPORTELLO_CLIENT_NAME, "name")                           \
  TEXT (SPORTELLO_CLIENT_LEGAL_FORM, "legal_form")               \
  TEXT (SPORTELLO_CLIENT_VAT_NUMBER, "vat_number")               \
  TEXT (SPORTELLO_CLIENT_TAX_CODE, "tax_code")                   \
  TEXT (SPORTELLO_CLIENT_ATECO_CODE, "ateco_code")               \
  TEXT (SPORTELLO_CLIENT_CATEGORY, "category")                   \
  INT ("employees")                                              \
  TEXT (SPORTELLO_CLIENT_STREET, "street")                       \
  TEXT (SPORTELLO_CLIENT_POSTAL_CODE, "postal_code")             \
  TEXT (SPORTELLO_CLIENT_MUNICIPALITY, "municipality")           \
  TEXT (SPORTELLO_CLIENT_PROVINCE, "province")                   \
  TEXT (SPORTELLO_CLIENT_WEBSITE, "website")                     \
  TEXT (SPORTELLO_CLIENT_EMAIL, "email")                         \
  TEXT (SPORTELLO_CLIENT_PEC, "pec")                             \
  TEXT (SPORTELLO_CLIENT_SDI_CODE, "sdi_code")                   \
  TEXT (SPORTELLO_CLIENT_PHONE, "phone")                         \
  TEXT (SPORTELLO_CLIENT_STATUS, "status")                       \
  TEXT (SPORTELLO_CLIENT_TAGS, "tags")                           \
  TEXT (SPORTELLO_CLIENT_SOURCE, "source")                       \
  BOOL ("consent_given")                                         \
  TEXT (SPORTELLO_CLIENT_CONSENT_DATE, "consent_date")           \
  TEXT (SPORTELLO_CLIENT_CONSENT_BASIS, "consent_basis")         \
  TEXT (SPORTELLO_CLIENT_CONSENT_NOTE, "consent_note")           \
  TEXT (SPORTELLO_CLIENT_NOTES, "notes")                         \
  TEXT (SPORTELLO_CLIENT_OWNER_HUB, "owner_hub")                 \
  TEXT (SPORTELLO_CLIENT_OWNER_CONSULTANT, "owner_consultant")

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
