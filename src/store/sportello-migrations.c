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

#include "sportello-client-private.h"
#include "sportello-database-private.h"
#include "sportello-identifiers.h"

/* The identifiers of clients, in the form sportello_identifier_normalize()
 * stores, for a step that rewrites those stored as typed */
#define NORMALIZED(kind, column) "sportello_normalize_identifier ('" kind "', " column ")"

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

  /* 3: meetings and their follow-ups, searchable with the clients */
  { "CREATE TABLE meetings ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  client_id         INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
    "  starts_at         TEXT NOT NULL,"
    "  duration_minutes  INTEGER NOT NULL DEFAULT 60,"
    "  kind              TEXT NOT NULL DEFAULT 'desk',"
    "  participants      TEXT NOT NULL DEFAULT '',"
    "  topics            TEXT NOT NULL DEFAULT '',"
    "  notes             TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX meetings_by_client ON meetings (client_id, starts_at);"
    "CREATE INDEX meetings_by_start ON meetings (starts_at);"
    "CREATE TABLE follow_ups ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  meeting_id        INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
    "  text              TEXT NOT NULL,"
    "  assignee          TEXT NOT NULL DEFAULT 'consultant',"
    "  due_date          TEXT NOT NULL DEFAULT '',"
    "  done_at           TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX follow_ups_by_meeting ON follow_ups (meeting_id);"
    "CREATE INDEX follow_ups_open ON follow_ups (due_date) WHERE done_at = '';"
    /* the client's last meeting, kept by the database itself */
    "CREATE TRIGGER meetings_last_insert AFTER INSERT ON meetings BEGIN"
    "  UPDATE clients SET last_meeting_at = (SELECT max (starts_at) FROM meetings WHERE client_id = new.client_id)"
    "  WHERE id = new.client_id;"
    "END;"
    "CREATE TRIGGER meetings_last_update AFTER UPDATE OF starts_at ON meetings BEGIN"
    "  UPDATE clients SET last_meeting_at = (SELECT max (starts_at) FROM meetings WHERE client_id = new.client_id)"
    "  WHERE id = new.client_id;"
    "END;"
    "CREATE TRIGGER meetings_last_delete AFTER DELETE ON meetings BEGIN"
    "  UPDATE clients SET last_meeting_at = (SELECT max (starts_at) FROM meetings WHERE client_id = old.client_id)"
    "  WHERE id = old.client_id;"
    "END;"
    "CREATE VIRTUAL TABLE meetings_fts USING fts5 ("
    "  notes, topics, content='meetings', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'"
    ");"
    "INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('secure-delete', 1);"
    "CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN"
    "  INSERT INTO meetings_fts (rowid, notes, topics) VALUES (new.id, new.notes, new.topics);"
    "END;"
    "CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN"
    "  INSERT INTO meetings_fts (meetings_fts, rowid, notes, topics) VALUES ('delete', old.id, old.notes, old.topics);"
    "END;"
    "CREATE TRIGGER meetings_fts_update AFTER UPDATE OF notes, topics ON meetings BEGIN"
    "  INSERT INTO meetings_fts (meetings_fts, rowid, notes, topics) VALUES ('delete', old.id, old.notes, old.topics);"
    "  INSERT INTO meetings_fts (rowid, notes, topics) VALUES (new.id, new.notes, new.topics);"
    "END;"
    "CREATE VIRTUAL TABLE follow_ups_fts USING fts5 ("
    "  text, content='follow_ups', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'"
    ");"
    "INSERT INTO follow_ups_fts (follow_ups_fts, rank) VALUES ('secure-delete', 1);"
    "CREATE TRIGGER follow_ups_fts_insert AFTER INSERT ON follow_ups BEGIN"
    "  INSERT INTO follow_ups_fts (rowid, text) VALUES (new.id, new.text);"
    "END;"
    "CREATE TRIGGER follow_ups_fts_delete AFTER DELETE ON follow_ups BEGIN"
    "  INSERT INTO follow_ups_fts (follow_ups_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    "END;"
    "CREATE TRIGGER follow_ups_fts_update AFTER UPDATE OF text ON follow_ups BEGIN"
    "  INSERT INTO follow_ups_fts (follow_ups_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    "  INSERT INTO follow_ups_fts (rowid, text) VALUES (new.id, new.text);"
    "END;" },

  /* 4: what was exchanged with other consultants and hubs */
  { "CREATE TABLE exchanges ("
    "  uuid       TEXT PRIMARY KEY NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE imports ("
    "  id                     INTEGER PRIMARY KEY,"
    "  file_name              TEXT NOT NULL,"
    "  exported_by_consultant TEXT NOT NULL,"
    "  exported_by_hub        TEXT NOT NULL,"
    "  exported_at            TEXT NOT NULL,"
    "  imported_at            TEXT NOT NULL,"
    "  records                INTEGER NOT NULL"
    ");" },

  /* 5: checklist versions, kept forever, and the assessments made with them */
  { "CREATE TABLE checklists ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  checklist_id      TEXT NOT NULL,"
    "  version           TEXT NOT NULL,"
    "  title             TEXT NOT NULL,"
    "  content           TEXT NOT NULL,"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (checklist_id, version)"
    ");"
    /* a version in use is never changed: edits make a new version */
    "CREATE TRIGGER checklists_immutable BEFORE UPDATE OF content, version, checklist_id ON checklists BEGIN"
    "  SELECT RAISE (ABORT, 'a checklist version is never changed');"
    "END;"
    "CREATE TABLE assessments ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  client_id         INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
    "  checklist_uuid    TEXT NOT NULL REFERENCES checklists (uuid),"
    "  assessed_on       TEXT NOT NULL,"
    "  consultant        TEXT NOT NULL DEFAULT '',"
    "  answers           TEXT NOT NULL DEFAULT '{}',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX assessments_by_client ON assessments (client_id, assessed_on);" },

  /* 6: advice documents written for a client */
  { "CREATE TABLE documents ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  client_id         INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
    "  template_id       TEXT NOT NULL DEFAULT '',"
    "  title             TEXT NOT NULL,"
    "  body              TEXT NOT NULL DEFAULT '',"
    "  status            TEXT NOT NULL DEFAULT 'draft',"
    "  sent_on           TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX documents_by_client ON documents (client_id, created_at);" },

  /* 7: the consultant's own advice templates */
  { "CREATE TABLE user_templates ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  title             TEXT NOT NULL,"
    "  description       TEXT NOT NULL DEFAULT '',"
    "  category          TEXT NOT NULL DEFAULT '',"
    "  body              TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");" },

  /* 8: the tag index again, for the clients imported before bundles kept it */
  { "DELETE FROM client_tags;"
    SPORTELLO_CLIENT_INDEX_TAGS_SQL ("1") ";" },

  /* 9: from a meeting or follow-up the search found to its client, without
   * reading the notes (a covering index is a fraction of the table) */
  { "CREATE INDEX meetings_client_by_id ON meetings (id, client_id);"
    "CREATE INDEX follow_ups_meeting_by_id ON follow_ups (id, meeting_id);" },

  /* 10: identifiers that bundles brought in as typed (“IT 007 431 101 57”),
   * in the form the editor stores, so that exports pass the bundle's
   * schema and duplicates are found; updated_at stays, the value is the same */
  { "UPDATE clients SET"
    "  vat_number = " NORMALIZED ("vat", "vat_number") ","
    "  tax_code = " NORMALIZED ("tax_code", "tax_code") ","
    "  ateco_code = " NORMALIZED ("ateco", "ateco_code") ","
    "  postal_code = " NORMALIZED ("postal_code", "postal_code") ","
    "  province = " NORMALIZED ("province", "province") ","
    "  email = " NORMALIZED ("email", "email") ","
    "  pec = " NORMALIZED ("email", "pec") ","
    "  sdi_code = " NORMALIZED ("sdi_code", "sdi_code")
    " WHERE vat_number <> " NORMALIZED ("vat", "vat_number")
    "  OR tax_code <> " NORMALIZED ("tax_code", "tax_code")
    "  OR ateco_code <> " NORMALIZED ("ateco", "ateco_code")
    "  OR postal_code <> " NORMALIZED ("postal_code", "postal_code")
    "  OR province <> " NORMALIZED ("province", "province")
    "  OR email <> " NORMALIZED ("email", "email")
    "  OR pec <> " NORMALIZED ("email", "pec")
    "  OR sdi_code <> " NORMALIZED ("sdi_code", "sdi_code") ";" },
  /* 11: retention (sportello-retention.c). A client no longer followed is
   * kept for review after a while, then kept again, erased or anonymised.
   * An anonymised client and its records are never written again, not by
   * an import of an older copy either: the guards skip those writes. */
  { "ALTER TABLE clients ADD COLUMN anonymised_at TEXT;"
    "ALTER TABLE clients ADD COLUMN retention_kept_at TEXT;"
    /* the client's own activity, as sportello-retention.c reads it */
    "CREATE INDEX clients_by_activity ON clients ("
    "  max (updated_at, coalesce (last_meeting_at, ''), coalesce (retention_kept_at, ''))"
    ") WHERE deleted_at IS NULL AND anonymised_at IS NULL;"
    "CREATE TRIGGER clients_anonymised_guard BEFORE UPDATE OF name, legal_form, vat_number, tax_code,"
    "  ateco_code, category, street, postal_code, municipality, province, website, email, pec, sdi_code,"
    "  phone, status, tags, source, consent_date, consent_basis, consent_note, notes, employees,"
    "  consent_given, anonymised_at ON clients WHEN old.anonymised_at IS NOT NULL BEGIN"
    "  SELECT RAISE (IGNORE);"
    "END;"
#define GUARD(table, when) \
    "CREATE TRIGGER " table "_anonymised_guard_insert BEFORE INSERT ON " table " WHEN " when " BEGIN" \
    "  SELECT RAISE (IGNORE);" \
    "END;" \
    "CREATE TRIGGER " table "_anonymised_guard_update BEFORE UPDATE ON " table " WHEN " when " BEGIN" \
    "  SELECT RAISE (IGNORE);" \
    "END;"
#define CLIENT_ANONYMISED "(SELECT anonymised_at FROM clients WHERE id = new.client_id) IS NOT NULL"
    GUARD ("contacts", CLIENT_ANONYMISED)
    GUARD ("meetings", CLIENT_ANONYMISED)
    GUARD ("documents", CLIENT_ANONYMISED)
    GUARD ("assessments", CLIENT_ANONYMISED)
    GUARD ("follow_ups", "(SELECT c.anonymised_at FROM meetings m JOIN clients c ON c.id = m.client_id"
                         " WHERE m.id = new.meeting_id) IS NOT NULL")
#undef CLIENT_ANONYMISED
#undef GUARD
  },
  /* 12: events (webinars, workshops) and who registered for them, a
   * person of a client or someone new; the waiting list in order of
   * registration (issue 16; the lead may renumber this step) */
  { "CREATE TABLE events ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  title             TEXT NOT NULL,"
    "  kind              TEXT NOT NULL DEFAULT 'webinar',"
    "  starts_at         TEXT NOT NULL,"
    "  duration_minutes  INTEGER NOT NULL DEFAULT 60,"
    "  place             TEXT NOT NULL DEFAULT '',"
    "  speakers          TEXT NOT NULL DEFAULT '',"
    "  topics            TEXT NOT NULL DEFAULT '',"
    "  capacity          INTEGER,"
    "  description       TEXT NOT NULL DEFAULT '',"
    "  hub               TEXT NOT NULL DEFAULT '',"
    "  signer            TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX events_by_start ON events (starts_at);"
    "CREATE TABLE registrations ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  event_id          INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
    "  contact_id        INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
    "  name              TEXT NOT NULL,"
    "  email             TEXT NOT NULL DEFAULT '',"
    "  firm              TEXT NOT NULL DEFAULT '',"
    "  status            TEXT NOT NULL DEFAULT 'registered',"
    "  consent_given     INTEGER NOT NULL DEFAULT 0,"
    "  consent_date      TEXT NOT NULL DEFAULT '',"
    "  consent_basis     TEXT NOT NULL DEFAULT '',"
    "  consent_note      TEXT NOT NULL DEFAULT '',"
    "  notes             TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX registrations_by_event ON registrations (event_id, status, created_at);"
    "CREATE INDEX registrations_by_contact ON registrations (contact_id) WHERE contact_id IS NOT NULL;"
    /* a contact deleted leaves its registrations, unlinked; a client
     * deleted for good (erased, or purged from the bin) takes its people's */
    "CREATE TRIGGER clients_delete_registrations BEFORE DELETE ON clients BEGIN"
    "  DELETE FROM registrations WHERE contact_id IN (SELECT id FROM contacts WHERE client_id = old.id);"
    "END;" },
  /* 13: grant calls (“bandi”) and the clients' applications to them; a
   * follow-up now comes from a meeting or from an application's deadline
   * (the table is rebuilt: SQLite cannot drop the NOT NULL of meeting_id).
   * Dropping the table drops every trigger on it: those made by earlier
   * steps are made again at the end of this one. */
  { "CREATE TABLE grant_calls ("
    "  id                   INTEGER PRIMARY KEY,"
    "  uuid                 TEXT NOT NULL UNIQUE,"
    "  title                TEXT NOT NULL,"
    "  funder               TEXT NOT NULL DEFAULT 'other',"
    "  kind                 TEXT NOT NULL DEFAULT 'other',"
    "  url                  TEXT NOT NULL DEFAULT '',"
    "  opens_at             TEXT NOT NULL DEFAULT '',"
    "  deadline             TEXT NOT NULL DEFAULT '',"
    "  first_come           INTEGER NOT NULL DEFAULT 0,"
    "  funds_exhausted      INTEGER NOT NULL DEFAULT 0,"
    "  budget               INTEGER,"
    "  contribution_percent INTEGER,"
    "  contribution_min     INTEGER,"
    "  contribution_max     INTEGER,"
    "  sizes                TEXT NOT NULL DEFAULT '',"
    "  ateco_sections       TEXT NOT NULL DEFAULT '',"
    "  regions              TEXT NOT NULL DEFAULT '',"
    "  provinces            TEXT NOT NULL DEFAULT '',"
    "  startups_only        INTEGER NOT NULL DEFAULT 0,"
    "  min_years            INTEGER,"
    "  expenses             TEXT NOT NULL DEFAULT '',"
    "  documents            TEXT NOT NULL DEFAULT '',"
    "  de_minimis           INTEGER NOT NULL DEFAULT 0,"
    "  notes                TEXT NOT NULL DEFAULT '',"
    "  created_at           TEXT NOT NULL,"
    "  updated_at           TEXT NOT NULL,"
    "  origin_consultant    TEXT NOT NULL DEFAULT '',"
    "  origin_hub           TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE TABLE grant_applications ("
    "  id                 INTEGER PRIMARY KEY,"
    "  uuid               TEXT NOT NULL UNIQUE,"
    "  client_id          INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
    "  call_uuid          TEXT NOT NULL REFERENCES grant_calls (uuid),"
    "  status             TEXT NOT NULL DEFAULT 'interested',"
    "  amount_requested   INTEGER,"
    "  amount_granted     INTEGER,"
    "  protocol_number    TEXT NOT NULL DEFAULT '',"
    "  submitted_on       TEXT NOT NULL DEFAULT '',"
    "  outcome_on         TEXT NOT NULL DEFAULT '',"
    "  rejection_reason   TEXT NOT NULL DEFAULT '',"
    "  reporting_deadline TEXT NOT NULL DEFAULT '',"
    "  documents_done     TEXT NOT NULL DEFAULT '',"
    "  notes              TEXT NOT NULL DEFAULT '',"
    "  reminder_days      TEXT NOT NULL DEFAULT '14,3',"
    "  status_history     TEXT NOT NULL DEFAULT '[]',"
    "  created_at         TEXT NOT NULL,"
    "  updated_at         TEXT NOT NULL,"
    "  origin_consultant  TEXT NOT NULL DEFAULT '',"
    "  origin_hub         TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX grant_applications_by_client ON grant_applications (client_id, created_at);"
    "CREATE INDEX grant_applications_by_call ON grant_applications (call_uuid);"
    "CREATE TABLE follow_ups_new ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  meeting_id        INTEGER REFERENCES meetings (id) ON DELETE CASCADE,"
    "  application_id    INTEGER REFERENCES grant_applications (id) ON DELETE CASCADE,"
    "  reminder          TEXT NOT NULL DEFAULT '',"
    "  text              TEXT NOT NULL,"
    "  assignee          TEXT NOT NULL DEFAULT 'consultant',"
    "  due_date          TEXT NOT NULL DEFAULT '',"
    "  done_at           TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT '',"
    "  CHECK ((meeting_id IS NULL) <> (application_id IS NULL))"
    ");"
    "INSERT INTO follow_ups_new (id, uuid, meeting_id, text, assignee, due_date, done_at, created_at, updated_at,"
    "  origin_consultant, origin_hub)"
    "  SELECT id, uuid, meeting_id, text, assignee, due_date, done_at, created_at, updated_at,"
    "  origin_consultant, origin_hub FROM follow_ups;"
    "DROP TABLE follow_ups;"
    "ALTER TABLE follow_ups_new RENAME TO follow_ups;"
    "CREATE INDEX follow_ups_by_meeting ON follow_ups (meeting_id);"
    "CREATE INDEX follow_ups_open ON follow_ups (due_date) WHERE done_at = '';"
    "CREATE INDEX follow_ups_meeting_by_id ON follow_ups (id, meeting_id);"
    "CREATE UNIQUE INDEX follow_ups_by_application ON follow_ups (application_id, reminder)"
    "  WHERE application_id IS NOT NULL;"
    /* the ids were kept, so the full-text index still fits: only its triggers went with the table */
    "CREATE TRIGGER follow_ups_fts_insert AFTER INSERT ON follow_ups BEGIN"
    "  INSERT INTO follow_ups_fts (rowid, text) VALUES (new.id, new.text);"
    "END;"
    "CREATE TRIGGER follow_ups_fts_delete AFTER DELETE ON follow_ups BEGIN"
    "  INSERT INTO follow_ups_fts (follow_ups_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    "END;"
    "CREATE TRIGGER follow_ups_fts_update AFTER UPDATE OF text ON follow_ups BEGIN"
    "  INSERT INTO follow_ups_fts (follow_ups_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    "  INSERT INTO follow_ups_fts (rowid, text) VALUES (new.id, new.text);"
    "END;"
    /* step 11's guards on the follow-ups, made again, now also for those
     * from an anonymised client's applications; and for the applications */
#define FOLLOW_UP_ANONYMISED \
    "(SELECT c.anonymised_at FROM meetings m JOIN clients c ON c.id = m.client_id WHERE m.id = new.meeting_id) IS NOT NULL" \
    " OR (SELECT c.anonymised_at FROM grant_applications a JOIN clients c ON c.id = a.client_id" \
    "     WHERE a.id = new.application_id) IS NOT NULL"
    "CREATE TRIGGER follow_ups_anonymised_guard_insert BEFORE INSERT ON follow_ups WHEN " FOLLOW_UP_ANONYMISED " BEGIN"
    "  SELECT RAISE (IGNORE);"
    "END;"
    "CREATE TRIGGER follow_ups_anonymised_guard_update BEFORE UPDATE ON follow_ups WHEN " FOLLOW_UP_ANONYMISED " BEGIN"
    "  SELECT RAISE (IGNORE);"
    "END;"
#undef FOLLOW_UP_ANONYMISED
    "CREATE TRIGGER grant_applications_anonymised_guard_insert BEFORE INSERT ON grant_applications"
    "  WHEN (SELECT anonymised_at FROM clients WHERE id = new.client_id) IS NOT NULL BEGIN"
    "  SELECT RAISE (IGNORE);"
    "END;"
    "CREATE TRIGGER grant_applications_anonymised_guard_update BEFORE UPDATE ON grant_applications"
    "  WHEN (SELECT anonymised_at FROM clients WHERE id = new.client_id) IS NOT NULL BEGIN"
    "  SELECT RAISE (IGNORE);"
    "END;" },
  /* 14: files that belong to a client (sportello-attachment.c). The bytes
   * are not in the database but in the data folder, named by their
   * SHA-256; the rows that name a hash keep its file. attachment_contents
   * stays empty here: a backup carries the bytes in it (sportello-backup.c).
   * An anonymised client takes no attachment, not by an import either. */
  { "CREATE TABLE attachments ("
    "  id                INTEGER PRIMARY KEY,"
    "  uuid              TEXT NOT NULL UNIQUE,"
    "  client_id         INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
    "  name              TEXT NOT NULL,"
    "  media_type        TEXT NOT NULL DEFAULT 'application/octet-stream',"
    "  size              INTEGER NOT NULL CHECK (size >= 0),"
    "  sha256            TEXT NOT NULL,"
    "  created_at        TEXT NOT NULL,"
    "  updated_at        TEXT NOT NULL,"
    "  origin_consultant TEXT NOT NULL DEFAULT '',"
    "  origin_hub        TEXT NOT NULL DEFAULT '',"
    "  deleted_at        TEXT"
    ");"
    "CREATE INDEX attachments_by_client ON attachments (client_id, created_at);"
    "CREATE INDEX attachments_by_sha256 ON attachments (sha256);"
    "CREATE TABLE attachment_contents ("
    "  sha256 TEXT PRIMARY KEY NOT NULL,"
    "  data   BLOB NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TRIGGER attachments_anonymised_guard_insert BEFORE INSERT ON attachments"
    "  WHEN (SELECT anonymised_at FROM clients WHERE id = new.client_id) IS NOT NULL BEGIN"
    "  SELECT RAISE (IGNORE);"
    "END;"
    "CREATE TRIGGER attachments_anonymised_guard_update BEFORE UPDATE ON attachments"
    "  WHEN (SELECT anonymised_at FROM clients WHERE id = new.client_id) IS NOT NULL BEGIN"
    "  SELECT RAISE (IGNORE);"
    "END;" },
  /* 15: the report's figures for a period (sportello-statistics-compute.c) read
   * each kind of record by its date, from an index that holds what they
   * count, so a year of 500,000 meetings is read without the table; the
   * clients in the bin are found without a scan (issue 17) */
  { "CREATE INDEX meetings_by_start_covering ON meetings (starts_at, client_id, kind, duration_minutes);"
    "CREATE INDEX documents_by_sent ON documents (sent_on, client_id) WHERE sent_on <> '';"
    "CREATE INDEX follow_ups_by_done ON follow_ups (done_at, meeting_id, application_id) WHERE done_at <> '';"
    "CREATE INDEX assessments_by_date ON assessments (assessed_on, client_id);"
    "CREATE INDEX clients_in_bin ON clients (id) WHERE deleted_at IS NOT NULL;" },
  /* 16: the clients' full-text index without the length of each field of
   * each client (columnsize=0, no clients_fts_docsize table): only bm25
   * ranking reads it, and nothing ranks the clients by it (the list keeps
   * its own order; snippet () counts the one row it shows). A row fewer
   * to write per client, a quarter of what indexing 50,000 imported
   * clients cost. The same columns, tokenizer and prefixes, so the same
   * matches; the insert, update and delete triggers name the table and
   * go on writing to the new one. */
  { "DROP TABLE clients_fts;"
    "CREATE VIRTUAL TABLE clients_fts USING fts5 ("
    "  name, municipality, vat_number, tags, notes,"
    "  content='clients', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', columnsize=0"
    ");"
    "INSERT INTO clients_fts (clients_fts, rank) VALUES ('secure-delete', 1);"
    "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild');" },
};

/* sportello_normalize_identifier (kind, value), for the steps above */
static void
normalize_identifier (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  int kind = sportello_identifier_kind_from_name ((const char *) sqlite3_value_text (argv[0]));
  const char *value = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *normalized = NULL;

  if (kind < 0)
    {
      sqlite3_result_error (context, "unknown kind of identifier", -1);
      return;
    }
  if (value == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  normalized = sportello_identifier_normalize (kind, value);
  sqlite3_result_text (context, normalized, -1, SQLITE_TRANSIENT);
}

/* The functions the migrations call, on each connection */
int
_sportello_migrations_register_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "sportello_normalize_identifier", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                     NULL, normalize_identifier, NULL, NULL, NULL);
}

const SportelloMigration *
_sportello_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
