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
 * This file describes each kind of record: its table, how it hangs off a
 * client, and its columns in the bundle's order. The work is done in
 * sportello-bundle-export.c, sportello-bundle-read.c,
 * sportello-bundle-check.c and sportello-bundle-apply.c, which share
 * sportello-bundle-private.h.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-client-private.h"

G_DEFINE_QUARK (sportello-bundle-error-quark, sportello_bundle_error)

#define COMMON(t) \
  { "uuid", COL_TEXT, t ".uuid" }, \
  { "created_at", COL_TEXT, t ".created_at" }, \
  { "updated_at", COL_TEXT, t ".updated_at" }, \
  { "origin_consultant", COL_TEXT, t ".origin_consultant" }, \
  { "origin_hub", COL_TEXT, t ".origin_hub" }

/* the client's own list (sportello-client-private.h) */
#define CLIENT_TEXT(field, name) { name, COL_TEXT, "t." name },
#define CLIENT_INT(name)         { name, COL_INT, "t." name },
#define CLIENT_BOOL(name)        { name, COL_BOOL, "t." name },

static const Column client_columns[] = {
  SPORTELLO_CLIENT_COLUMNS (CLIENT_TEXT, CLIENT_INT, CLIENT_BOOL)
};

static const Column contact_columns[] = {
  COMMON ("t"),
  { "client_uuid", COL_REF, "c.uuid" },
  { "name", COL_TEXT, "t.name" },
  { "role", COL_TEXT, "t.role" },
  { "email", COL_TEXT, "t.email" },
  { "phone", COL_TEXT, "t.phone" },
  { "is_primary", COL_BOOL, "t.is_primary" },
};

static const Column meeting_columns[] = {
  COMMON ("t"),
  { "client_uuid", COL_REF, "c.uuid" },
  { "starts_at", COL_TEXT, "t.starts_at" },
  { "duration_minutes", COL_INT, "t.duration_minutes" },
  { "kind", COL_TEXT, "t.kind" },
  { "participants", COL_TEXT, "t.participants" },
  { "topics", COL_TEXT, "t.topics" },
  { "notes", COL_TEXT, "t.notes" },
};

static const Column follow_up_columns[] = {
  COMMON ("t"),
  { "meeting_uuid", COL_REF, "m.uuid" },
  { "text", COL_TEXT, "t.text" },
  { "assignee", COL_TEXT, "t.assignee" },
  { "due_date", COL_TEXT, "t.due_date" },
  { "done_at", COL_TEXT, "t.done_at" },
};

static const Column checklist_columns[] = {
  COMMON ("t"),
  { "checklist_id", COL_TEXT, "t.checklist_id" },
  { "version", COL_TEXT, "t.version" },
  { "title", COL_TEXT, "t.title" },
  { "content", COL_TEXT, "t.content" },
};

static const Column assessment_columns[] = {
  COMMON ("t"),
  { "client_uuid", COL_REF, "c.uuid" },
  { "checklist_uuid", COL_TEXT, "t.checklist_uuid" },
  { "assessed_on", COL_TEXT, "t.assessed_on" },
  { "consultant", COL_TEXT, "t.consultant" },
  { "answers", COL_TEXT, "t.answers" },
};

static const Column document_columns[] = {
  COMMON ("t"),
  { "client_uuid", COL_REF, "c.uuid" },
  { "template_id", COL_TEXT, "t.template_id" },
  { "title", COL_TEXT, "t.title" },
  { "body", COL_TEXT, "t.body" },
  { "status", COL_TEXT, "t.status" },
  { "sent_on", COL_TEXT, "t.sent_on" },
};

static const Column template_columns[] = {
  COMMON ("t"),
  { "title", COL_TEXT, "t.title" },
  { "description", COL_TEXT, "t.description" },
  { "category", COL_TEXT, "t.category" },
  { "body", COL_TEXT, "t.body" },
};

static const Column event_columns[] = {
  COMMON ("t"),
  { "title", COL_TEXT, "t.title" },
  { "kind", COL_TEXT, "t.kind" },
  { "starts_at", COL_TEXT, "t.starts_at" },
  { "duration_minutes", COL_INT, "t.duration_minutes" },
  { "place", COL_TEXT, "t.place" },
  { "speakers", COL_TEXT, "t.speakers" },
  { "topics", COL_TEXT, "t.topics" },
  { "capacity", COL_INT, "t.capacity" },
  { "description", COL_TEXT, "t.description" },
  { "hub", COL_TEXT, "t.hub" },
  { "signer", COL_TEXT, "t.signer" },
};

/* a registration's person is a contact of a client in the bundle, or null */
static const Column registration_columns[] = {
  COMMON ("t"),
  { "event_uuid", COL_REF, "e.uuid" },
  { "contact_uuid", COL_CONTACT, "CASE WHEN c.deleted_at IS NULL THEN k.uuid END" },
  { "name", COL_TEXT, "t.name" },
  { "email", COL_TEXT, "t.email" },
  { "firm", COL_TEXT, "t.firm" },
  { "status", COL_TEXT, "t.status" },
  { "consent_given", COL_BOOL, "t.consent_given" },
  { "consent_date", COL_TEXT, "t.consent_date" },
  { "consent_basis", COL_TEXT, "t.consent_basis" },
  { "consent_note", COL_TEXT, "t.consent_note" },
  { "notes", COL_TEXT, "t.notes" },
};

/* Grant calls and applications (sportello-grant-call.c, sportello-grant-application.c) */
static const Column grant_call_columns[] = {
  COMMON ("t"),
  { "title", COL_TEXT, "t.title" },
  { "funder", COL_TEXT, "t.funder" },
  { "kind", COL_TEXT, "t.kind" },
  { "url", COL_TEXT, "t.url" },
  { "opens_at", COL_TEXT, "t.opens_at" },
  { "deadline", COL_TEXT, "t.deadline" },
  { "first_come", COL_BOOL, "t.first_come" },
  { "funds_exhausted", COL_BOOL, "t.funds_exhausted" },
  { "budget", COL_INT, "t.budget" },
  { "contribution_percent", COL_INT, "t.contribution_percent" },
  { "contribution_min", COL_INT, "t.contribution_min" },
  { "contribution_max", COL_INT, "t.contribution_max" },
  { "sizes", COL_TEXT, "t.sizes" },
  { "ateco_sections", COL_TEXT, "t.ateco_sections" },
  { "regions", COL_TEXT, "t.regions" },
  { "provinces", COL_TEXT, "t.provinces" },
  { "startups_only", COL_BOOL, "t.startups_only" },
  { "min_years", COL_INT, "t.min_years" },
  { "expenses", COL_TEXT, "t.expenses" },
  { "documents", COL_TEXT, "t.documents" },
  { "de_minimis", COL_BOOL, "t.de_minimis" },
  { "notes", COL_TEXT, "t.notes" },
};

static const Column grant_application_columns[] = {
  COMMON ("t"),
  { "client_uuid", COL_REF, "c.uuid" },
  { "call_uuid", COL_TEXT, "t.call_uuid" },
  { "status", COL_TEXT, "t.status" },
  { "amount_requested", COL_INT, "t.amount_requested" },
  { "amount_granted", COL_INT, "t.amount_granted" },
  { "protocol_number", COL_TEXT, "t.protocol_number" },
  { "submitted_on", COL_TEXT, "t.submitted_on" },
  { "outcome_on", COL_TEXT, "t.outcome_on" },
  { "rejection_reason", COL_TEXT, "t.rejection_reason" },
  { "reporting_deadline", COL_TEXT, "t.reporting_deadline" },
  { "documents_done", COL_TEXT, "t.documents_done" },
  { "notes", COL_TEXT, "t.notes" },
  { "reminder_days", COL_TEXT, "t.reminder_days" },
  { "status_history", COL_TEXT, "t.status_history" },
};

/* Files of the clients (sportello-attachment.c) */
static const Column attachment_columns[] = {
  COMMON ("t"),
  { "client_uuid", COL_REF, "c.uuid" },
  { "name", COL_TEXT, "t.name" },
  { "media_type", COL_TEXT, "t.media_type" },
  { "size", COL_INT, "t.size" },
  { "sha256", COL_TEXT, "t.sha256" },
  { "content", COL_CONTENT, "t.sha256" },
};

const RecordSpec _sportello_bundle_specs[SPORTELLO_N_RECORD_KINDS] = {
  [SPORTELLO_RECORD_KIND_CLIENT] = {
    "clients", "clients", "clients t", "t.uuid", -1, NULL,
    client_columns, G_N_ELEMENTS (client_columns) },
  [SPORTELLO_RECORD_KIND_CONTACT] = {
    "contacts", "contacts", "contacts t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, "client_id", contact_columns, G_N_ELEMENTS (contact_columns) },
  [SPORTELLO_RECORD_KIND_MEETING] = {
    "meetings", "meetings", "meetings t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, "client_id", meeting_columns, G_N_ELEMENTS (meeting_columns) },
  [SPORTELLO_RECORD_KIND_FOLLOW_UP] = {
    "follow_ups", "follow_ups",
    "follow_ups t JOIN meetings m ON m.id = t.meeting_id JOIN clients c ON c.id = m.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_MEETING, "meeting_id", follow_up_columns, G_N_ELEMENTS (follow_up_columns) },
  /* a checklist version belongs to no client: it travels with the
   * assessments that use it (see export_kind) */
  [SPORTELLO_RECORD_KIND_CHECKLIST] = {
    "checklists", "checklists",
    "checklists t JOIN assessments a ON a.checklist_uuid = t.uuid JOIN clients c ON c.id = a.client_id", "c.uuid",
    -1, NULL, checklist_columns, G_N_ELEMENTS (checklist_columns), "checklists t" },
  [SPORTELLO_RECORD_KIND_ASSESSMENT] = {
    "assessments", "assessments", "assessments t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, "client_id", assessment_columns, G_N_ELEMENTS (assessment_columns) },
  [SPORTELLO_RECORD_KIND_DOCUMENT] = {
    "documents", "documents", "documents t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, "client_id", document_columns, G_N_ELEMENTS (document_columns) },
  /* the user's templates: all of them with the whole database, else those
   * the selected clients' documents were written from */
  [SPORTELLO_RECORD_KIND_TEMPLATE] = {
    "templates", "user_templates",
    "user_templates t JOIN documents d ON d.template_id = t.uuid JOIN clients c ON c.id = d.client_id", "c.uuid",
    -1, NULL, template_columns, G_N_ELEMENTS (template_columns), "user_templates t" },
  /* events and registrations: all of them with the whole database; with
   * clients, their people's registrations and the events those are for */
  [SPORTELLO_RECORD_KIND_EVENT] = {
    "events", "events",
    "events t JOIN registrations r ON r.event_id = t.id JOIN contacts k ON k.id = r.contact_id "
    "JOIN clients c ON c.id = k.client_id", "c.uuid",
    -1, NULL, event_columns, G_N_ELEMENTS (event_columns), "events t", TRUE },
  [SPORTELLO_RECORD_KIND_REGISTRATION] = {
    "registrations", "registrations",
    "registrations t JOIN events e ON e.id = t.event_id JOIN contacts k ON k.id = t.contact_id "
    "JOIN clients c ON c.id = k.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_EVENT, "event_id", registration_columns, G_N_ELEMENTS (registration_columns),
    "registrations t JOIN events e ON e.id = t.event_id LEFT JOIN contacts k ON k.id = t.contact_id "
    "LEFT JOIN clients c ON c.id = k.client_id", TRUE },
  /* calls are the hub's knowledge: all of them with the whole database and
   * with the templates alone, else those the selected clients applied to */
  [SPORTELLO_RECORD_KIND_GRANT_CALL] = {
    "grant_calls", "grant_calls",
    "grant_calls t JOIN grant_applications a ON a.call_uuid = t.uuid JOIN clients c ON c.id = a.client_id", "c.uuid",
    -1, NULL, grant_call_columns, G_N_ELEMENTS (grant_call_columns), "grant_calls t" },
  [SPORTELLO_RECORD_KIND_GRANT_APPLICATION] = {
    "grant_applications", "grant_applications", "grant_applications t JOIN clients c ON c.id = t.client_id", "c.uuid",
    SPORTELLO_RECORD_KIND_CLIENT, "client_id", grant_application_columns, G_N_ELEMENTS (grant_application_columns) },
  /* those in the bin are not carried (the condition in the join: the
   * export adds its own WHERE) */
  [SPORTELLO_RECORD_KIND_ATTACHMENT] = {
    "attachments", "attachments", "attachments t JOIN clients c ON c.id = t.client_id AND t.deleted_at IS NULL",
    "c.uuid", SPORTELLO_RECORD_KIND_CLIENT, "client_id", attachment_columns, G_N_ELEMENTS (attachment_columns) },
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
