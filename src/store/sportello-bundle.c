/* sportello-bundle.c: the JSON handoff between colleagues and hubs
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is one JSON document (docs/bundle-format.md, the schema in
 * data/sportello-bundle.schema.json). Export streams it from SQL, records
 * sorted by UUID and keys in a fixed order, so the same data always gives
 * the same bytes; it is written to a temporary file and renamed. Import
 * parses and checks everything first, reports each problem with its JSON
 * path, and only then writes, in one transaction. A bundle protected with
 * a password is an OpenPGP message around the same JSON: both ways stream
 * through sportello-crypt.c.
 *
 * This file describes each kind of record: its table and how it hangs
 * off a client; its columns, in the bundle's order, are the kind's own
 * list in its -private.h, which its own SQL reads too. The work is done in
 * sportello-bundle-export.c, sportello-bundle-read.c,
 * sportello-bundle-check.c and sportello-bundle-apply.c, which share
 * sportello-bundle-private.h.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-assessment-private.h"
#include "sportello-attachment-private.h"
#include "sportello-checklist-private.h"
#include "sportello-client-private.h"
#include "sportello-contact-private.h"
#include "sportello-document-private.h"
#include "sportello-event-private.h"
#include "sportello-follow-up-private.h"
#include "sportello-grant-application-private.h"
#include "sportello-grant-call-private.h"
#include "sportello-meeting-private.h"
#include "sportello-registration-private.h"
#include "sportello-user-template-private.h"

G_DEFINE_QUARK (sportello-bundle-error-quark, sportello_bundle_error)

/* Each kind's own list (its -private.h) gives the columns, each in the
 * bundle as { member, type, what export selects, the table's column };
 * the table is "t", a reference's parent the alias the list names */
#define TEXT(field, name)               { name, COL_TEXT, "t." name, name },
#define NAME(name)                      { name, COL_TEXT, "t." name, name },
#define INT(member, name)               { name, COL_INT, "t." name, name },
#define BOOL(member, name)              { name, COL_BOOL, "t." name, name },
#define REF(field, column, member, parent) { member, COL_REF, parent ".uuid", column },
/* a registration's person is a contact of a client in the bundle, or null */
#define CONTACT(field, column, member)  { member, COL_CONTACT, "CASE WHEN c.deleted_at IS NULL THEN k.uuid END", column },
/* the client's list has INT (name) and BOOL (name) */
#define CLIENT_INT(name)                { name, COL_INT, "t." name, name },
#define CLIENT_BOOL(name)               { name, COL_BOOL, "t." name, name },

static const Column client_columns[] = {
  SPORTELLO_CLIENT_COLUMNS (TEXT, CLIENT_INT, CLIENT_BOOL)
};

static const Column contact_columns[] = {
  SPORTELLO_CONTACT_COLUMNS (TEXT, BOOL, REF)
};

static const Column meeting_columns[] = {
  SPORTELLO_MEETING_COLUMNS (TEXT, INT, REF)
};

static const Column follow_up_columns[] = {
  SPORTELLO_FOLLOW_UP_COLUMNS (TEXT, REF)
};

static const Column checklist_columns[] = {
  SPORTELLO_CHECKLIST_COLUMNS (NAME)
};

static const Column assessment_columns[] = {
  SPORTELLO_ASSESSMENT_COLUMNS (TEXT, REF, NAME)
};

static const Column document_columns[] = {
  SPORTELLO_DOCUMENT_COLUMNS (TEXT, REF)
};

static const Column template_columns[] = {
  SPORTELLO_USER_TEMPLATE_COLUMNS (NAME)
};

static const Column event_columns[] = {
  SPORTELLO_EVENT_COLUMNS (TEXT, INT)
};

static const Column registration_columns[] = {
  SPORTELLO_REGISTRATION_COLUMNS (TEXT, BOOL, REF, CONTACT)
};

/* Grant calls and applications (sportello-grant-call.c, sportello-grant-application.c) */
static const Column grant_call_columns[] = {
  SPORTELLO_GRANT_CALL_COLUMNS (TEXT, INT, BOOL)
};

static const Column grant_application_columns[] = {
  SPORTELLO_GRANT_APPLICATION_COLUMNS (TEXT, INT, REF)
};

/* Files of the clients (sportello-attachment.c); their bytes, last, are
 * no column of the table */
static const Column attachment_columns[] = {
  SPORTELLO_ATTACHMENT_COLUMNS (TEXT, INT, REF)
  { "content", COL_CONTENT, "t.sha256", NULL },
};

#undef TEXT
#undef NAME
#undef INT
#undef BOOL
#undef REF
#undef CONTACT
#undef CLIENT_INT
#undef CLIENT_BOOL

const RecordSpec _sportello_bundle_specs[SPORTELLO_N_RECORD_KINDS] = {
  [SPORTELLO_RECORD_KIND_CLIENT] = {
    "clients", "clients", "clients t", "t.uuid", -1,
    client_columns, G_N_ELEMENTS (client_columns) },
  [SPORTELLO_RECORD_KIND_CONTACT] = {
    "contacts", "contacts", "contacts t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, contact_columns, G_N_ELEMENTS (contact_columns) },
  [SPORTELLO_RECORD_KIND_MEETING] = {
    "meetings", "meetings", "meetings t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, meeting_columns, G_N_ELEMENTS (meeting_columns) },
  [SPORTELLO_RECORD_KIND_FOLLOW_UP] = {
    "follow_ups", "follow_ups",
    "follow_ups t JOIN meetings m ON m.id = t.meeting_id JOIN clients c ON c.id = m.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_MEETING, follow_up_columns, G_N_ELEMENTS (follow_up_columns) },
  /* a checklist version belongs to no client: it travels with the
   * assessments that use it (see export_kind) */
  [SPORTELLO_RECORD_KIND_CHECKLIST] = {
    "checklists", "checklists",
    "checklists t JOIN assessments a ON a.checklist_uuid = t.uuid JOIN clients c ON c.id = a.client_id", "c.uuid",
    -1, checklist_columns, G_N_ELEMENTS (checklist_columns), "checklists t" },
  [SPORTELLO_RECORD_KIND_ASSESSMENT] = {
    "assessments", "assessments", "assessments t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, assessment_columns, G_N_ELEMENTS (assessment_columns) },
  [SPORTELLO_RECORD_KIND_DOCUMENT] = {
    "documents", "documents", "documents t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, document_columns, G_N_ELEMENTS (document_columns) },
  /* the user's templates: all of them with the whole database, else those
   * the selected clients' documents were written from */
  [SPORTELLO_RECORD_KIND_TEMPLATE] = {
    "templates", "user_templates",
    "user_templates t JOIN documents d ON d.template_id = t.uuid JOIN clients c ON c.id = d.client_id", "c.uuid",
    -1, template_columns, G_N_ELEMENTS (template_columns), "user_templates t" },
  /* events and registrations: all of them with the whole database; with
   * clients, their people's registrations and the events those are for */
  [SPORTELLO_RECORD_KIND_EVENT] = {
    "events", "events",
    "events t JOIN registrations r ON r.event_id = t.id JOIN contacts k ON k.id = r.contact_id "
    "JOIN clients c ON c.id = k.client_id", "c.uuid",
    -1, event_columns, G_N_ELEMENTS (event_columns), "events t", TRUE },
  [SPORTELLO_RECORD_KIND_REGISTRATION] = {
    "registrations", "registrations",
    "registrations t JOIN events e ON e.id = t.event_id JOIN contacts k ON k.id = t.contact_id "
    "JOIN clients c ON c.id = k.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_EVENT, registration_columns, G_N_ELEMENTS (registration_columns),
    "registrations t JOIN events e ON e.id = t.event_id LEFT JOIN contacts k ON k.id = t.contact_id "
    "LEFT JOIN clients c ON c.id = k.client_id", TRUE },
  /* calls are the hub's knowledge: all of them with the whole database and
   * with the templates alone, else those the selected clients applied to */
  [SPORTELLO_RECORD_KIND_GRANT_CALL] = {
    "grant_calls", "grant_calls",
    "grant_calls t JOIN grant_applications a ON a.call_uuid = t.uuid JOIN clients c ON c.id = a.client_id", "c.uuid",
    -1, grant_call_columns, G_N_ELEMENTS (grant_call_columns), "grant_calls t" },
  [SPORTELLO_RECORD_KIND_GRANT_APPLICATION] = {
    "grant_applications", "grant_applications", "grant_applications t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, grant_application_columns, G_N_ELEMENTS (grant_application_columns) },
  /* those in the bin are not carried (the condition in the join: the
   * export adds its own WHERE) */
  [SPORTELLO_RECORD_KIND_ATTACHMENT] = {
    "attachments", "attachments", "attachments t JOIN clients c ON c.id = t.client_id AND t.deleted_at IS NULL",
    "c.uuid", SPORTELLO_RECORD_KIND_CLIENT, attachment_columns, G_N_ELEMENTS (attachment_columns) },
};

const char *
sportello_record_kind_label (SportelloRecordKind kind)
{
  switch (kind)
    {
    case SPORTELLO_RECORD_KIND_CLIENT:
      return _("Clients");
    case SPORTELLO_RECORD_KIND_CONTACT:
      return _("People");
    case SPORTELLO_RECORD_KIND_MEETING:
      return _("Meetings");
    case SPORTELLO_RECORD_KIND_FOLLOW_UP:
      return _("Follow-ups");
    case SPORTELLO_RECORD_KIND_CHECKLIST:
      return _("Checklists");
    case SPORTELLO_RECORD_KIND_ASSESSMENT:
      return _("Assessments");
    case SPORTELLO_RECORD_KIND_DOCUMENT:
      return _("Advice Documents");
    case SPORTELLO_RECORD_KIND_EVENT:
      return _("Events");
    case SPORTELLO_RECORD_KIND_REGISTRATION:
      return _("Registrations");
    case SPORTELLO_RECORD_KIND_GRANT_CALL:
      return _("Grant Calls");
    case SPORTELLO_RECORD_KIND_GRANT_APPLICATION:
      return _("Grant Applications");
    case SPORTELLO_RECORD_KIND_ATTACHMENT:
      return _("Attachments");
    case SPORTELLO_RECORD_KIND_TEMPLATE:
    case SPORTELLO_N_RECORD_KINDS:
    default:
      return _("Templates");
    }
}

/* The progress function said to stop */
gboolean
_sportello_bundle_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  return FALSE;
}
