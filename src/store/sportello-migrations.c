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

  /* 2: clients and their contacts, with full-text search */
  { "CREATE TABLE clients ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  name              TEXT NOT NULL,"
    "  legal_form        TEXT NOT NULL DEFAULT 'other',"
    "  vat_number        TEXT NOT NULL DEFAULT '',"
    "  tax_code          TEXT NOT NULL DEFAULT '',"
    "  ateco_code        TEXT NOT NULL DEFAULT '',"
    "  category          TEXT NOT NULL DEFAULT 'other',"
    "  street            TEXT NOT NULL DEFAULT '',"
    "  postal_code       TEXT NOT NULL DEFAULT '',"
    "  municipality      TEXT NOT NULL DEFAULT '',"
    "  province          TEXT NOT NULL DEFAULT '',"
    "  website           TEXT NOT NULL DEFAULT '',"
    "  email             TEXT NOT NULL DEFAULT '',"
    "  pec               TEXT NOT NULL DEFAULT '',"
    "  sdi_code          TEXT NOT NULL DEFAULT '',"
    "  phone             TEXT NOT NULL DEFAULT '',"
    "  status            TEXT NOT NULL DEFAULT 'new',"
    "  tags              TEXT NOT NULL DEFAULT '',"
    "  source            TEXT NOT NULL DEFAULT 'other',"
    "  consent_date      TEXT NOT NULL DEFAULT '',"
    "  consent_basis     TEXT NOT NULL DEFAULT '',"
    "  consent_note      TEXT NOT NULL DEFAULT '',"
    "  notes             TEXT NOT NULL DEFAULT '',"
    "  owner_hub         TEXT NOT NULL DEFAULT '',"
    "  owner_consultant  TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT '',"
    "  last_meeting_at   TEXT,"
    "  employees         INTEGER,"
    "  consent_given     INTEGER NOT NULL DEFAULT 0,"
    "  deleted_at        TEXT"
    ");"
    /* The list's three orders, covering what its filter reads */
    "CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE, status, deleted_at, category);"
    "CREATE INDEX clients_by_municipality ON clients (municipality COLLATE NOCASE, name COLLATE NOCASE, status, deleted_at, category);"
    "CREATE INDEX clients_by_updated ON clients (updated_at, status, deleted_at, category);"
    "CREATE INDEX clients_by_vat ON clients (vat_number) WHERE vat_number <> '';"
    "CREATE INDEX clients_by_tax_code ON clients (tax_code) WHERE tax_code <> '';"
    "CREATE TABLE client_tags ("
    "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
    "  tag       TEXT NOT NULL,"
    "  PRIMARY KEY (client_id, tag)"
    ") WITHOUT ROWID;"
    "CREATE INDEX client_tags_by_tag ON client_tags (tag COLLATE NOCASE);"
    "CREATE TABLE contacts ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  client_id         INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
    "  name              TEXT NOT NULL,"
    "  role              TEXT NOT NULL DEFAULT '',"
    "  email             TEXT NOT NULL DEFAULT '',"
    "  phone             TEXT NOT NULL DEFAULT '',"
    "  is_primary        INTEGER NOT NULL DEFAULT 0,"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX contacts_by_client ON contacts (client_id);"
    /* secure-delete: an erased client leaves no token behind in the index */
    "CREATE VIRTUAL TABLE clients_fts USING fts5 ("
    "  name, municipality, vat_number, tags, notes,"
    "  content='clients', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'"
    ");"
    "INSERT INTO clients_fts (clients_fts, rank) VALUES ('secure-delete', 1);"
    "CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN"
    "  INSERT INTO clients_fts (rowid, name, municipality, vat_number, tags, notes)"
    "  VALUES (new.id, new.name, new.municipality, new.vat_number, new.tags, new.notes);"
    "END;"
    "CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN"
    "  INSERT INTO clients_fts (clients_fts, rowid, name, municipality, vat_number, tags, notes)"
    "  VALUES ('delete', old.id, old.name, old.municipality, old.vat_number, old.tags, old.notes);"
    "END;"
    "CREATE TRIGGER clients_fts_update AFTER UPDATE OF name, municipality, vat_number, tags, notes ON clients BEGIN"
    "  INSERT INTO clients_fts (clients_fts, rowid, name, municipality, vat_number, tags, notes)"
    "  VALUES ('delete', old.id, old.name, old.municipality, old.vat_number, old.tags, old.notes);"
    "  INSERT INTO clients_fts (rowid, name, municipality, vat_number, tags, notes)"
    "  VALUES (new.id, new.name, new.municipality, new.vat_number, new.tags, new.notes);"
    "END;" },
};

const SportelloMigration *
_sportello_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
