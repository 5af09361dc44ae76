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
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <json-glib/json-glib.h>

#include "sportello-atomic-file.h"
#include "sportello-attachment-private.h"
#include "sportello-backup.h"
#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-checklist.h"
#include "sportello-client.h"
#include "sportello-client-private.h"
#include "sportello-crypt.h"
#include "sportello-database-private.h"
#include "sportello-grant-private.h"
#include "sportello-identifiers.h"
#include "sportello-json-scanner.h"
#include "sportello-template.h"
#include "sportello-vocabulary.h"

G_DEFINE_QUARK (sportello-bundle-error-quark, sportello_bundle_error)

typedef enum
{
  COL_TEXT = 's',
  COL_INT = 'i',    /* integer or null */
  COL_BOOL = 'b',
  COL_REF = 'r',    /* the UUID of a record of the parent kind */
  COL_CONTACT = 'c', /* the UUID of a contact, or null */
  COL_CONTENT = 'x', /* an attachment's bytes in base64, from the content file its expr (the SHA-256) names;
                      * last of its kind, and no column of the table (sportello-bundle-attachments.c) */
} ColumnType;

typedef struct
{
  const char *key;      /* in the bundle; the database column but for references */
  ColumnType  type;
  const char *expr;     /* what export selects */
} Column;

typedef struct
{
  const char   *array;
  const char   *table;
  const char   *from;
  const char   *client_uuid;   /* expression of the owning client's UUID */
  int           parent;        /* kind of the referenced record, or -1 */
  const char   *ref_column;    /* database column of the reference */
  const Column *columns;
  guint         n_columns;
  const char   *own_from;      /* for kinds that exist without a client: the table alone */
  gboolean      own_whole_only; /* own_from only for the whole database, not for templates alone */
} RecordSpec;

#define COMMON(t) \
  { "uuid", COL_TEXT, t ".uuid" }, \
  { "created_at", COL_TEXT, t ".created_at" }, \
  { "updated_at", COL_TEXT, t ".updated_at" }, \
  { "origin_consultant", COL_TEXT, t ".origin_consultant" }, \
  { "origin_hub", COL_TEXT, t ".origin_hub" }

static const Column client_columns[] = {
  COMMON ("t"),
  { "name", COL_TEXT, "t.name" },
  { "legal_form", COL_TEXT, "t.legal_form" },
  { "vat_number", COL_TEXT, "t.vat_number" },
  { "tax_code", COL_TEXT, "t.tax_code" },
  { "ateco_code", COL_TEXT, "t.ateco_code" },
  { "category", COL_TEXT, "t.category" },
  { "employees", COL_INT, "t.employees" },
  { "street", COL_TEXT, "t.street" },
  { "postal_code", COL_TEXT, "t.postal_code" },
  { "municipality", COL_TEXT, "t.municipality" },
  { "province", COL_TEXT, "t.province" },
  { "website", COL_TEXT, "t.website" },
  { "email", COL_TEXT, "t.email" },
  { "pec", COL_TEXT, "t.pec" },
  { "sdi_code", COL_TEXT, "t.sdi_code" },
  { "phone", COL_TEXT, "t.phone" },
  { "status", COL_TEXT, "t.status" },
  { "tags", COL_TEXT, "t.tags" },
  { "source", COL_TEXT, "t.source" },
  { "consent_given", COL_BOOL, "t.consent_given" },
  { "consent_date", COL_TEXT, "t.consent_date" },
  { "consent_basis", COL_TEXT, "t.consent_basis" },
  { "consent_note", COL_TEXT, "t.consent_note" },
  { "notes", COL_TEXT, "t.notes" },
  { "owner_hub", COL_TEXT, "t.owner_hub" },
  { "owner_consultant", COL_TEXT, "t.owner_consultant" },
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

static const RecordSpec specs[SPORTELLO_N_RECORD_KINDS] = {
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

static guint fail_after;
static guint export_fail_after;

void
_sportello_bundle_set_fail_after (guint n_rows)
{
  fail_after = n_rows;
}

void
_sportello_bundle_set_export_fail_after (guint n_rows)
{
  export_fail_after = n_rows;
}

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

/* ---------------------------------------------------------- export ---- */

static void
write_string (GString    *out,
              const char *s)
{
  const unsigned char *run = (const unsigned char *) s;
  const unsigned char *p;

  g_string_append_c (out, '"');
  for (p = run; *p; p++)
    {
      char escaped[8];

      /* plain bytes go out in runs */
      if (G_LIKELY (*p >= 0x20 && *p != '"' && *p != '\\'))
        continue;

      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_snprintf (escaped, sizeof escaped, "\\u%04x", *p);
          g_string_append (out, escaped);
        }
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static gboolean
flush (GOutputStream  *stream,
       GString        *out,
       GError        **error)
{
  gsize written;

  if (!g_output_stream_write_all (stream, out->str, out->len, &written, NULL, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

static char *
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) dt = NULL;

  /* reproducible exports, for tests and for comparing two bundles */
  if (epoch != NULL && *epoch)
    dt = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  else
    dt = g_date_time_new_now_utc ();

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/* The progress function said to stop */
static gboolean
cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  return FALSE;
}

typedef struct
{
  SportelloDatabase     *db;
  const char            *selection;        /* JSON array of client UUIDs, or NULL */
  gboolean               every_standalone; /* all checklists and templates */
  SportelloProgressFunc  progress;
  gpointer               progress_data;
  guint                  done;
  guint                  total;
  guint                  written;
} Export;

/* The query for one kind's records; binds the selection as ?1 */
static sqlite3_stmt *
prepare_kind (Export               *export,
              SportelloRecordKind   kind,
              gboolean              count_only,
              GError              **error)
{
  const RecordSpec *spec = &specs[kind];
  const char *selection = export->selection;
  /* a checklist version or a template reached through the records that
   * use it comes once per use: those alone need DISTINCT, which costs a
   * temporary copy of every row */
  g_autoptr(GString) sql = g_string_new (spec->own_from != NULL ? "SELECT DISTINCT " : "SELECT ");
  /* the whole database, not the templates alone (an empty selection) */
  gboolean whole = export->every_standalone && (!spec->own_whole_only || selection == NULL);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < spec->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", spec->columns[i].expr);
  if (spec->own_from != NULL && whole)
    {
      g_string_append_printf (sql, " FROM %s", spec->own_from);
      selection = NULL;
    }
  else
    g_string_append_printf (sql, " FROM %s WHERE %s IS NOT NULL AND %s IN (SELECT uuid FROM clients WHERE deleted_at IS NULL)",
                            spec->from, spec->client_uuid, spec->client_uuid);
  if (selection != NULL)
    g_string_append_printf (sql, " AND %s IN (SELECT value FROM json_each (?1))", spec->client_uuid);
  if (count_only)
    {
      g_string_prepend (sql, "SELECT count(*) FROM (");
      g_string_append (sql, ")");
    }
  else
    g_string_append (sql, " ORDER BY t.uuid");

  if (!(stmt = _sportello_database_prepare (export->db, sql->str, error)))
    return NULL;
  if (selection != NULL)
    sqlite3_bind_text (stmt, 1, selection, -1, SQLITE_STATIC);
  return stmt;
}

static gboolean
export_kind (Export              *export,
             SportelloRecordKind  kind,
             GOutputStream       *stream,
             GString             *out,
             GError             **error)
{
  const RecordSpec *spec = &specs[kind];
  SportelloDatabase *db = export->db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean first = TRUE;
  guint step = MAX (export->total / 100, 200);
  int rc;

  if (!(stmt = prepare_kind (export, kind, FALSE, error)))
    return FALSE;

  g_string_append_printf (out, "  \"%s\": [", spec->array);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, first ? "\n    {\n" : ",\n    {\n");
      first = FALSE;

      for (guint i = 0; i < spec->n_columns; i++)
        {
          g_string_append (out, "      \"");
          g_string_append (out, spec->columns[i].key);
          g_string_append (out, "\": ");
          switch (spec->columns[i].type)
            {
            case COL_INT:
              if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
                g_string_append (out, "null");
              else
                g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
              break;
            case COL_BOOL:
              g_string_append (out, sqlite3_column_int (stmt, i) ? "true" : "false");
              break;
            case COL_CONTACT:
              if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
                g_string_append (out, "null");
              else
                write_string (out, (const char *) sqlite3_column_text (stmt, i));
              break;
            case COL_CONTENT:
              /* base64 needs no escaping */
              g_string_append_c (out, '"');
              if (!_sportello_attachment_append_base64 (db, (const char *) sqlite3_column_text (stmt, i), out, error))
                return FALSE;
              g_string_append_c (out, '"');
              break;
            case COL_TEXT:
            case COL_REF:
            default:
              write_string (out, sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "");
              break;
            }
          g_string_append (out, i + 1 < spec->n_columns ? ",\n" : "\n");
        }
      g_string_append (out, "    }");

      if (out->len > 1 << 20 && !flush (stream, out, error))
        return FALSE;
      if (G_UNLIKELY (export_fail_after > 0) && ++export->written >= export_fail_after)
        {
          /* for the tests: as if the disk were full half-way */
          if (!flush (stream, out, error))
            return FALSE;
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, g_strerror (ENOSPC));
          return FALSE;
        }
      if (export->progress != NULL && ++export->done % step == 0 &&
          !export->progress (export->done, export->total, export->progress_data))
        return cancelled (error);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  g_string_append (out, first ? "]" : "\n  ]");
  return TRUE;
}

/**
 * sportello_bundle_export:
 * @client_uuids: (nullable): the clients to export with everything that
 *   hangs off them (and the checklist versions and templates they use), or
 *   %NULL for the whole database; an empty list exports the templates and
 *   checklists alone, for another hub
 *
 * Writes a bundle to @path, atomically: a temporary file in the same
 * folder, renamed over @path once complete.
 */
gboolean
sportello_bundle_export (SportelloDatabase   *db,
                         const char * const  *client_uuids,
                         const char          *path,
                         GError             **error)
{
  return sportello_bundle_export_full (db, client_uuids, path, NULL, NULL, NULL, error);
}

/**
 * sportello_bundle_export_with_progress:
 * @func: (nullable): told how many records are written, now and then
 *
 * As sportello_bundle_export(), for a progress bar.
 */
gboolean
sportello_bundle_export_with_progress (SportelloDatabase     *db,
                                       const char * const    *client_uuids,
                                       const char            *path,
                                       SportelloProgressFunc  func,
                                       gpointer               user_data,
                                       GError               **error)
{
  return sportello_bundle_export_full (db, client_uuids, path, NULL, func, user_data, error);
}

/**
 * sportello_bundle_export_full:
 * @passphrase: (nullable): protect the bundle with this password: it is
 *   then an OpenPGP message (AES-256), which `gpg --decrypt` opens too
 * @func: (nullable): told how many records are written, now and then
 *
 * As sportello_bundle_export(), for a progress bar and a password.
 */
gboolean
sportello_bundle_export_full (SportelloDatabase     *db,
                              const char * const    *client_uuids,
                              const char            *path,
                              const char            *passphrase,
                              SportelloProgressFunc  func,
                              gpointer               user_data,
                              GError               **error)
{
  Export export = { db, NULL, client_uuids == NULL || client_uuids[0] == NULL, func, user_data, 0, 0, 0 };
  g_autoptr(SportelloAtomicFile) file = NULL;
  GOutputStream *stream = NULL;
  g_autoptr(GOutputStream) sink = NULL;   /* the file, or what encrypts into it */
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *now = export_time ();

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (client_uuids != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; client_uuids[i] != NULL; i++)
        json_builder_add_string_value (builder, client_uuids[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      selection = json_to_string (root, FALSE);
    }

  /* a temporary file in the same folder, renamed over @path once whole,
   * whether @path exists or not */
  if (!(file = sportello_atomic_file_new (path, &local_error)))
    goto io_error;
  stream = sportello_atomic_file_get_stream (file);
  if (passphrase == NULL)
    sink = g_object_ref (stream);
  else if (!(sink = sportello_crypt_encrypt (stream, passphrase, &local_error)))
    goto failed;

  g_string_append (out, "{\n  \"format\": \"" SPORTELLO_BUNDLE_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n  \"exported_at\": ", SPORTELLO_BUNDLE_VERSION);
  write_string (out, now);
  g_string_append (out, ",\n  \"exported_by\": {\n    \"consultant\": ");
  write_string (out, sportello_database_get_consultant (db));
  g_string_append (out, ",\n    \"hub\": ");
  write_string (out, sportello_database_get_hub (db));
  g_string_append (out, "\n  },\n");

  /* one read transaction: a consistent snapshot */
  if (!sportello_database_exec (db, "BEGIN", &local_error))
    goto failed;
  export.selection = selection;

  /* the attachments fit the limits a bundle states, or nothing is written */
  if (!_sportello_attachment_check_limits (db, selection, &local_error))
    {
      sportello_database_rollback (db);
      g_set_error_literal (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID, local_error->message);
      if (sink != stream)
        {
          g_autoptr(GCancellable) cancel = g_cancellable_new ();

          g_cancellable_cancel (cancel);
          g_output_stream_close (sink, cancel, NULL);
        }
      return FALSE;
    }

  /* how many records in all, for the progress */
  for (guint kind = 0; func != NULL && kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(sqlite3_stmt) count = prepare_kind (&export, kind, TRUE, &local_error);

      if (count == NULL)
        goto failed_in_transaction;
      if (sqlite3_step (count) == SQLITE_ROW)
        export.total += sqlite3_column_int (count, 0);
    }

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      if (!export_kind (&export, kind, sink, out, &local_error))
        goto failed_in_transaction;
      g_string_append (out, kind + 1 < SPORTELLO_N_RECORD_KINDS ? ",\n" : "\n");
    }
  sportello_database_rollback (db);

  g_string_append (out, "}\n");
  if (!flush (sink, out, &local_error))
    goto failed;
  /* the message ends, then the file */
  if (sink != stream && !g_output_stream_close (sink, NULL, &local_error))
    goto failed;
  if (!sportello_atomic_file_commit (file, &local_error))
    goto io_error;

  /* the end (too late to stop: the bundle is whole) */
  if (func != NULL && (export.total == 0 || export.total % MAX (export.total / 100, 200) != 0))
    func (export.total, export.total, user_data);
  return TRUE;

failed_in_transaction:
  sportello_database_rollback (db);
failed:
  /* nothing is left behind (freeing the file removes the temporary one),
   * and a file of the same name stays as it was; the encryption stops */
  if (sink != NULL && sink != stream)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (sink, cancel, NULL);
    }
  if (local_error->domain != G_IO_ERROR || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
io_error:
  g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
               _("Cannot write “%s”: %s"), path, local_error->message);
  return FALSE;
}

/* “cliente-rossi-srl-2026-11-25.sportello”, or “sportello-2026-11-25.sportello” */
char *
sportello_bundle_default_name (SportelloDatabase *db,
                               const char        *client_uuid)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(SportelloClient) client = NULL;
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  if (client_uuid == NULL || !(client = sportello_client_load (db, client_uuid, NULL)))
    return g_strdup_printf ("sportello-%s.sportello", date);

  ascii = g_str_to_ascii (sportello_client_get_name (client), "C");
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  /* Translators: start of the file name of one client's bundle, no spaces */
  return g_strdup_printf ("%s-%s-%s.sportello", C_("file name", "client"), slug->str, date);
}

/* ---------------------------------------------------------- import ---- */

/* A record as read: one cell per column of its kind, in the spec's order.
 * Its strings live in the bundle's string chunk. */
typedef struct
{
  guint8 type;    /* SportelloJsonType, or CELL_MISSING */
  union
  {
    const char *string;
    gint64      integer;
    gboolean    boolean;
  };
} Cell;

#define CELL_MISSING 0xff

/* every kind's first three columns (COMMON) */
#define RECORD_UUID(cells)       ((cells)[0].string)
#define RECORD_UPDATED_AT(cells) ((cells)[2].string)

enum
{
  HEADER_FORMAT,
  HEADER_VERSION,
  HEADER_EXPORTED_AT,
  HEADER_CONSULTANT,
  HEADER_HUB,
  N_HEADER_CELLS
};

struct _SportelloBundle
{
  GStringChunk *strings;
  GPtrArray    *records[SPORTELLO_N_RECORD_KINDS];   /* Cell[n_columns] */
  GPtrArray    *problems;
  Cell          header[N_HEADER_CELLS];
  gboolean      exported_by_is_object;
  guint8        arrays[SPORTELLO_N_RECORD_KINDS];    /* how each array was found: ARRAY_* */
  SportelloProgressFunc progress;
  gpointer              progress_data;
  GHashTable           *choices;      /* uuid → SportelloConflictPolicy, per conflict */
  GHashTable           *merges;       /* their client's uuid → ours, for duplicates */
};

enum
{
  ARRAY_MISSING,
  ARRAY_FOUND,
  ARRAY_NOT_AN_ARRAY,
  ARRAY_TWICE,
};

void
sportello_bundle_free (SportelloBundle *bundle)
{
  if (bundle == NULL)
    return;

  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_clear_pointer (&bundle->records[i], g_ptr_array_unref);
  g_clear_pointer (&bundle->problems, g_ptr_array_unref);
  g_clear_pointer (&bundle->strings, g_string_chunk_free);
  g_clear_pointer (&bundle->choices, g_hash_table_unref);
  g_clear_pointer (&bundle->merges, g_hash_table_unref);
  g_free (bundle);
}

G_GNUC_PRINTF (3, 4)
static void
problem (SportelloBundle *bundle,
         const char      *path,
         const char      *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (bundle->problems->len >= SPORTELLO_BUNDLE_MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (bundle->problems, g_strdup_printf ("%s: %s", path, message));
}

static int
digits (const char *text,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* YYYY-MM-DDTHH:MM:SS[.fff]Z, as Sportello writes them, checked without
 * the cost of a GDateTime (a large bundle has a million of them);
 * -1 when @text has another form */
static int
is_utc_timestamp (const char *text)
{
  int year = digits (text, 4);
  int month = year < 0 || text[4] != '-' ? -1 : digits (text + 5, 2);
  int day = month < 0 || text[7] != '-' ? -1 : digits (text + 8, 2);
  int hour = day < 0 || text[10] != 'T' ? -1 : digits (text + 11, 2);
  int minute = hour < 0 || text[13] != ':' ? -1 : digits (text + 14, 2);
  int second = minute < 0 || text[16] != ':' ? -1 : digits (text + 17, 2);
  const char *end = text + 19;

  if (second < 0)
    return -1;
  if (*end == '.')
    {
      if (!g_ascii_isdigit (end[1]))
        return -1;
      for (end++; g_ascii_isdigit (*end); end++)
        ;
    }
  if (end[0] != 'Z' || end[1] != '\0')
    return -1;

  return year >= 1970 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month (month, year) && hour < 24 && minute < 60 && second < 60;
}

static gboolean
is_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  int year;
  int utc;

  if (text == NULL)
    return FALSE;
  if ((utc = is_utc_timestamp (text)) >= 0)
    return utc;
  if (!(dt = g_date_time_new_from_iso8601 (text, NULL)))
    return FALSE;

  /* an absurd date is an error too */
  year = g_date_time_get_year (dt);
  return year >= 1970 && year <= 2200;
}

static int
column_index (const RecordSpec *spec,
              const char       *key,
              int               guess)
{
  /* records usually come with their keys in the spec's order */
  if (guess >= 0 && (guint) guess < spec->n_columns && g_str_equal (spec->columns[guess].key, key))
    return guess;

  for (guint i = 0; i < spec->n_columns; i++)
    if (g_str_equal (spec->columns[i].key, key))
      return (int) i;
  return -1;
}

static const char *
cell_text (const Cell *cell)
{
  return cell->type == SPORTELLO_JSON_STRING ? cell->string : NULL;
}

/* A member of a record, if it is a string */
static const char *
text_member (SportelloRecordKind  kind,
             const Cell          *cells,
             const char          *key)
{
  int i = column_index (&specs[kind], key, -1);

  return i >= 0 ? cell_text (&cells[i]) : NULL;
}

/* As check_vocabulary(), with the member's own path */
static void
check_member_vocabulary (SportelloBundle     *bundle,
                         const char          *path,
                         SportelloRecordKind  kind,
                         const Cell          *cells,
                         const char          *key,
                         SportelloVocabulary  vocabulary)
{
  const char *value = text_member (kind, cells, key);

  if (value != NULL && !sportello_vocabulary_contains (vocabulary, value))
    {
      g_autofree char *member = g_strdup_printf ("%s.%s", path, key);

      problem (bundle, member, _("“%s” is not a known value for %s"), value, key);
    }
}

static void
check_vocabulary (SportelloBundle     *bundle,
                  const char          *path,
                  SportelloRecordKind  kind,
                  const Cell          *cells,
                  const char          *key,
                  SportelloVocabulary  vocabulary)
{
  const char *value = text_member (kind, cells, key);

  if (value != NULL && !sportello_vocabulary_contains (vocabulary, value))
    problem (bundle, path, _("“%s” is not a known value for %s"), value, key);
}

/* The member @key, unless absent (or empty, where @may_be_empty), must be
 * a date, or with @with_time a date and time */
static void
check_when (SportelloBundle *bundle,
            const char      *path,
            const char      *key,
            const char      *value,
            gboolean         with_time,
            gboolean         may_be_empty)
{
  g_autofree char *noon = NULL;
  g_autofree char *member = NULL;

  if (value == NULL || (may_be_empty && *value == '\0'))
    return;
  if (with_time ? is_timestamp (value)
                : strlen (value) == 10 && is_timestamp (noon = g_strconcat (value, "T12:00:00Z", NULL)))
    return;

  member = g_strdup_printf ("%s.%s", path, key);
  if (with_time)
    problem (bundle, member, _("“%s” is not a valid date and time"), value);
  else
    problem (bundle, member, _("“%s” is not a valid date"), value);
}

/* Checks a client as the editor does, and keeps its identifiers in the
 * form the editor stores (“IT 007 431 101 57” → “00743110157”) */
static void
check_client (SportelloBundle *bundle,
              const char      *path,
              Cell            *cells)
{
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(GPtrArray) problems = NULL;

  for (guint f = 0; f < SPORTELLO_CLIENT_N_TEXT_FIELDS; f++)
    {
      const char *value = text_member (SPORTELLO_RECORD_KIND_CLIENT, cells, sportello_client_field_name (f));

      if (value != NULL)
        sportello_client_set (client, f, value);
    }

  if (_sportello_client_normalize_identifiers (client))
    for (guint f = 0; f < SPORTELLO_CLIENT_N_TEXT_FIELDS; f++)
      {
        int i = column_index (&specs[SPORTELLO_RECORD_KIND_CLIENT], sportello_client_field_name (f), 0);
        const char *normalized = sportello_client_get (client, f);

        if (i >= 0 && cells[i].type == SPORTELLO_JSON_STRING && g_strcmp0 (cells[i].string, normalized) != 0)
          cells[i].string = g_string_chunk_insert (bundle->strings, normalized);
      }

  problems = sportello_client_check (client);
  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *field_path = NULL;

      if (!p->blocking)
        continue;
      field_path = g_strdup_printf ("%s.%s", path, sportello_client_field_name (p->field));
      problem (bundle, field_path, "%s", p->message);
    }
}

static gboolean
is_json_object (const char *text)
{
  g_autoptr(SportelloJsonScanner) scanner = sportello_json_scanner_new_for_data (text, strlen (text));
  SportelloJsonValue value;
  char next;

  return sportello_json_scanner_peek (scanner, &next, NULL) && next == '{' &&
         sportello_json_scanner_read_value (scanner, &value, NULL) &&
         sportello_json_scanner_end (scanner, NULL);
}

static void
check_member (SportelloBundle *bundle,
              const char      *path,
              const char      *key,
              const char      *message)
{
  g_autofree char *member = g_strdup_printf ("%s.%s", path, key);

  problem (bundle, member, "%s", message);
}

/* Whole numbers that are amounts, percentages or years: null or not negative */
static void
check_not_negative (SportelloBundle     *bundle,
                    const char          *path,
                    SportelloRecordKind  kind,
                    const Cell          *cells,
                    const char          *key,
                    gboolean             percentage)
{
  const Cell *cell = &cells[column_index (&specs[kind], key, -1)];

  if (cell->type == SPORTELLO_JSON_INTEGER && (cell->integer < 0 || (percentage && cell->integer > 100)))
    check_member (bundle, path, key, percentage ? _("expected a percentage between 0 and 100")
                                                : _("expected a whole number that is not negative"));
}

static void
check_grant (SportelloBundle     *bundle,
             SportelloRecordKind  kind,
             const char          *path,
             const Cell          *cells)
{
  if (kind == SPORTELLO_RECORD_KIND_GRANT_CALL)
    {
      static const struct { const char *key; SportelloGrantCallField field; } lists[] = {
        { "sizes", SPORTELLO_GRANT_CALL_SIZES },
        { "ateco_sections", SPORTELLO_GRANT_CALL_ATECO_SECTIONS },
        { "regions", SPORTELLO_GRANT_CALL_REGIONS },
        { "provinces", SPORTELLO_GRANT_CALL_PROVINCES },
      };
      static const char * const amounts[] = { "budget", "contribution_min", "contribution_max", "min_years" };
      const char *title = text_member (kind, cells, "title");

      if (title != NULL && *title == '\0')
        check_member (bundle, path, "title", _("a call needs a title"));
      check_member_vocabulary (bundle, path, kind, cells, "funder", SPORTELLO_VOCABULARY_GRANT_FUNDER);
      check_member_vocabulary (bundle, path, kind, cells, "kind", SPORTELLO_VOCABULARY_GRANT_KIND);
      check_when (bundle, path, "opens_at", text_member (kind, cells, "opens_at"), TRUE, TRUE);
      check_when (bundle, path, "deadline", text_member (kind, cells, "deadline"), TRUE, TRUE);
      check_not_negative (bundle, path, kind, cells, "contribution_percent", TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        check_not_negative (bundle, path, kind, cells, amounts[i], FALSE);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        {
          const char *value = text_member (kind, cells, lists[i].key);
          g_autoptr(GError) error = NULL;

          if (value != NULL && !_sportello_grant_call_check_list (lists[i].field, value, &error))
            check_member (bundle, path, lists[i].key, error->message);
        }
    }
  else
    {
      const char *history = text_member (kind, cells, "status_history");
      const char *reminders = text_member (kind, cells, "reminder_days");

      check_member_vocabulary (bundle, path, kind, cells, "status", SPORTELLO_VOCABULARY_GRANT_STATUS);
      check_not_negative (bundle, path, kind, cells, "amount_requested", FALSE);
      check_not_negative (bundle, path, kind, cells, "amount_granted", FALSE);
      check_when (bundle, path, "submitted_on", text_member (kind, cells, "submitted_on"), FALSE, TRUE);
      check_when (bundle, path, "outcome_on", text_member (kind, cells, "outcome_on"), FALSE, TRUE);
      check_when (bundle, path, "reporting_deadline", text_member (kind, cells, "reporting_deadline"), FALSE, TRUE);
      if (reminders != NULL && !_sportello_grant_reminder_days_are_valid (reminders))
        check_member (bundle, path, "reminder_days", _("expected days before a deadline, as in “14,3”"));
      if (history != NULL && !_sportello_grant_history_is_valid (history))
        check_member (bundle, path, "status_history",
                      _("expected a JSON array of statuses, each with “status” and “changed_at”"));
    }
}

/* An attachment's bytes come whole: base64 of exactly its size and SHA-256 */
static void
check_attachment (SportelloBundle     *bundle,
                  SportelloRecordKind  kind,
                  const char          *path,
                  Cell                *cells)
{
  const Cell *size = &cells[column_index (&specs[kind], "size", -1)];
  const char *name = text_member (kind, cells, "name");
  const char *media_type = text_member (kind, cells, "media_type");
  const char *content = text_member (kind, cells, "content");
  g_autofree char *trimmed = name ? g_strstrip (g_strdup (name)) : NULL;
  const char *member = NULL;
  g_autofree char *message = NULL;

  if (trimmed != NULL && trimmed[0] == '\0')
    problem (bundle, path, _("the name is empty"));
  if (media_type != NULL && media_type[0] == '\0')
    {
      g_autofree char *p = g_strdup_printf ("%s.media_type", path);
      problem (bundle, p, _("the media type is empty"));
    }
  if (size->type != SPORTELLO_JSON_INTEGER)
    {
      if (size->type == SPORTELLO_JSON_NULL)
        {
          g_autofree char *p = g_strdup_printf ("%s.size", path);
          problem (bundle, p, _("expected a whole number"));
        }
      return;
    }
  if (content == NULL)
    return;

  if ((message = _sportello_bundle_check_attachment (content, text_member (kind, cells, "sha256"),
                                                     size->integer, &member)))
    {
      g_autofree char *p = g_strdup_printf ("%s.%s", path, member);
      problem (bundle, p, "%s", message);
    }
}

/* What only one kind of record must satisfy */
static void
check_kind (SportelloBundle     *bundle,
            SportelloRecordKind  kind,
            const char          *path,
            Cell                *cells)
{
  switch (kind)
    {
    case SPORTELLO_RECORD_KIND_CLIENT:
      check_client (bundle, path, cells);
      break;

    case SPORTELLO_RECORD_KIND_CONTACT:
      {
        const char *name = text_member (kind, cells, "name");
        const char *email = text_member (kind, cells, "email");
        g_autofree char *message = NULL;
        g_autofree char *trimmed = name ? g_strstrip (g_strdup (name)) : NULL;

        if (trimmed != NULL && trimmed[0] == '\0')
          problem (bundle, path, _("the name is empty"));
        if (email != NULL && sportello_validate_email (email, NULL, &message) == SPORTELLO_ID_INVALID)
          {
            g_autofree char *email_path = g_strdup_printf ("%s.email", path);
            problem (bundle, email_path, "%s", message);
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_MEETING:
      {
        const Cell *duration = &cells[column_index (&specs[kind], "duration_minutes", -1)];

        check_when (bundle, path, "starts_at", text_member (kind, cells, "starts_at"), TRUE, FALSE);
        if (duration->type == SPORTELLO_JSON_INTEGER && (duration->integer < 0 || duration->integer > 24 * 60))
          {
            g_autofree char *p = g_strdup_printf ("%s.duration_minutes", path);
            problem (bundle, p, _("a meeting lasts between 0 and 1440 minutes"));
          }
        check_vocabulary (bundle, path, kind, cells, "kind", SPORTELLO_VOCABULARY_MEETING_KIND);
      }
      break;

    case SPORTELLO_RECORD_KIND_FOLLOW_UP:
      {
        check_when (bundle, path, "due_date", text_member (kind, cells, "due_date"), FALSE, TRUE);
        check_when (bundle, path, "done_at", text_member (kind, cells, "done_at"), TRUE, TRUE);
        check_vocabulary (bundle, path, kind, cells, "assignee", SPORTELLO_VOCABULARY_ASSIGNEE);
      }
      break;

    case SPORTELLO_RECORD_KIND_CHECKLIST:
      {
        const char *content = text_member (kind, cells, "content");

        if (content != NULL)
          {
            g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
            g_autoptr(SportelloChecklist) checklist = sportello_checklist_new_from_bytes (bytes, NULL);
            g_autofree char *p = g_strdup_printf ("%s.content", path);

            if (checklist == NULL || checklist->areas->len == 0 || checklist->items->len == 0)
              problem (bundle, p, _("this is not a checklist"));
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_ASSESSMENT:
      {
        const char *date = text_member (kind, cells, "assessed_on");
        const char *answers = text_member (kind, cells, "answers");

        check_when (bundle, path, "assessed_on", date, FALSE, FALSE);
        if (answers != NULL && !is_json_object (answers))
          {
            g_autofree char *p = g_strdup_printf ("%s.answers", path);
            problem (bundle, p, _("expected the answers as a JSON object"));
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_DOCUMENT:
      {
        const char *status = text_member (kind, cells, "status");

        if (status != NULL && !g_str_equal (status, "draft") && !g_str_equal (status, "sent"))
          {
            g_autofree char *p = g_strdup_printf ("%s.status", path);
            problem (bundle, p, _("expected “draft” or “sent”"));
          }
        check_when (bundle, path, "sent_on", text_member (kind, cells, "sent_on"), FALSE, TRUE);
      }
      break;

    case SPORTELLO_RECORD_KIND_TEMPLATE:
      {
        const char *title = text_member (kind, cells, "title");
        const char *body = text_member (kind, cells, "body");

        if (title != NULL && *title == '\0')
          {
            g_autofree char *p = g_strdup_printf ("%s.title", path);
            problem (bundle, p, _("a template needs a title"));
          }
        if (body != NULL)
          {
            g_autoptr(GPtrArray) unknown = sportello_template_check (body, NULL);

            if (unknown->len > 0)
              {
                SportelloTemplateProblem *first = g_ptr_array_index (unknown, 0);
                g_autofree char *p = g_strdup_printf ("%s.body", path);

                problem (bundle, p, _("Line %u: “%s” is not a known placeholder"), first->line, first->name);
              }
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_EVENT:
      {
        const char *title = text_member (kind, cells, "title");
        const Cell *duration = &cells[column_index (&specs[kind], "duration_minutes", -1)];
        const Cell *capacity = &cells[column_index (&specs[kind], "capacity", -1)];
        g_autofree char *trimmed = title ? g_strstrip (g_strdup (title)) : NULL;

        if (trimmed != NULL && trimmed[0] == '\0')
          {
            g_autofree char *p = g_strdup_printf ("%s.title", path);
            problem (bundle, p, _("an event needs a title"));
          }
        check_when (bundle, path, "starts_at", text_member (kind, cells, "starts_at"), TRUE, FALSE);
        if (duration->type == SPORTELLO_JSON_INTEGER && (duration->integer < 0 || duration->integer > 7 * 24 * 60))
          {
            g_autofree char *p = g_strdup_printf ("%s.duration_minutes", path);
            problem (bundle, p, _("an event lasts between 0 and 10080 minutes"));
          }
        if (capacity->type == SPORTELLO_JSON_INTEGER && (capacity->integer < 1 || capacity->integer > G_MAXINT))
          {
            g_autofree char *p = g_strdup_printf ("%s.capacity", path);
            problem (bundle, p, _("expected a number of places, or null for no limit"));
          }
        check_member_vocabulary (bundle, path, kind, cells, "kind", SPORTELLO_VOCABULARY_EVENT_KIND);
      }
      break;

    case SPORTELLO_RECORD_KIND_REGISTRATION:
      {
        const char *name = text_member (kind, cells, "name");
        const char *email = text_member (kind, cells, "email");
        const char *basis = text_member (kind, cells, "consent_basis");
        g_autofree char *message = NULL;
        g_autofree char *trimmed = name ? g_strstrip (g_strdup (name)) : NULL;

        if (trimmed != NULL && trimmed[0] == '\0')
          {
            g_autofree char *p = g_strdup_printf ("%s.name", path);
            problem (bundle, p, _("the name is empty"));
          }
        if (email != NULL && *email != '\0' && sportello_validate_email (email, NULL, &message) == SPORTELLO_ID_INVALID)
          {
            g_autofree char *p = g_strdup_printf ("%s.email", path);
            problem (bundle, p, "%s", message);
          }
        check_member_vocabulary (bundle, path, kind, cells, "status", SPORTELLO_VOCABULARY_REGISTRATION_STATUS);
        if (basis != NULL && *basis != '\0')
          check_member_vocabulary (bundle, path, kind, cells, "consent_basis", SPORTELLO_VOCABULARY_CONSENT_BASIS);
        check_when (bundle, path, "consent_date", text_member (kind, cells, "consent_date"), FALSE, TRUE);
      }
      break;

    case SPORTELLO_RECORD_KIND_GRANT_CALL:
    case SPORTELLO_RECORD_KIND_GRANT_APPLICATION:
      check_grant (bundle, kind, path, cells);
      break;

    case SPORTELLO_RECORD_KIND_ATTACHMENT:
      check_attachment (bundle, kind, path, cells);
      break;

    case SPORTELLO_N_RECORD_KINDS:
    default:
      break;
    }
}

static void
check_record (SportelloBundle     *bundle,
              SportelloRecordKind  kind,
              guint                index,
              Cell                *cells,
              GHashTable          *uuids)
{
  const RecordSpec *spec = &specs[kind];
  char path[64];
  const char *uuid;

  g_snprintf (path, sizeof path, "$.%s[%u]", spec->array, index);

  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Column *column = &spec->columns[i];
      guint8 type = cells[i].type;
      const char *expected = NULL;

      switch (column->type)
        {
        case COL_INT:
          if (type != SPORTELLO_JSON_NULL && type != SPORTELLO_JSON_INTEGER)
            expected = _("expected a whole number or null");
          break;
        case COL_BOOL:
          if (type != SPORTELLO_JSON_BOOLEAN)
            expected = _("expected true or false");
          break;
        case COL_CONTACT:
          if (type != SPORTELLO_JSON_NULL && type != SPORTELLO_JSON_STRING)
            expected = _("expected a UUID or null");
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          if (type != SPORTELLO_JSON_STRING)
            expected = _("expected a string");
          break;
        }

      if (type == CELL_MISSING)
        expected = _("required field is missing");
      if (expected != NULL)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.%s", path, column->key);
          problem (bundle, member_path, "%s", expected);
        }
    }

  uuid = cell_text (&cells[0]);
  if (uuid != NULL)
    {
      g_autofree char *uuid_path = g_strdup_printf ("%s.uuid", path);

      if (!g_uuid_string_is_valid (uuid))
        problem (bundle, uuid_path, _("“%s” is not a valid UUID"), uuid);
      else if (!g_hash_table_add (uuids, (gpointer) uuid))
        problem (bundle, uuid_path, _("duplicate UUID %s"), uuid);
    }

  check_when (bundle, path, "created_at", cell_text (&cells[1]), TRUE, FALSE);
  check_when (bundle, path, "updated_at", cell_text (&cells[2]), TRUE, FALSE);
  check_kind (bundle, kind, path, cells);

  g_ptr_array_add (bundle->records[kind], cells);
}

/* @member of every record of @kind names a record of @target that the
 * bundle must hold */
static void
check_member_references (SportelloBundle      *bundle,
                         GHashTable          **uuids,
                         SportelloRecordKind   kind,
                         const char           *member,
                         SportelloRecordKind   target)
{
  for (guint i = 0; i < bundle->records[kind]->len; i++)
    {
      const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
      const char *ref = text_member (kind, cells, member);

      if (ref != NULL && !g_hash_table_contains (uuids[target], ref))
        {
          g_autofree char *path = g_strdup_printf ("$.%s[%u].%s", specs[kind].array, i, member);
          problem (bundle, path, _("refers to %s, which is not in the bundle"), ref);
        }
    }
}

static void
check_references (SportelloBundle  *bundle,
                  GHashTable      **uuids)
{
  /* an assessment's checklist version travels with it, a registration's
   * person (when a contact) and an application's call too */
  check_member_references (bundle, uuids, SPORTELLO_RECORD_KIND_ASSESSMENT, "checklist_uuid",
                           SPORTELLO_RECORD_KIND_CHECKLIST);
  check_member_references (bundle, uuids, SPORTELLO_RECORD_KIND_REGISTRATION, "contact_uuid",
                           SPORTELLO_RECORD_KIND_CONTACT);
  check_member_references (bundle, uuids, SPORTELLO_RECORD_KIND_GRANT_APPLICATION, "call_uuid",
                           SPORTELLO_RECORD_KIND_GRANT_CALL);

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      const RecordSpec *spec = &specs[kind];
      int ref_column = -1;

      if (spec->parent < 0)
        continue;
      for (guint i = 0; i < spec->n_columns; i++)
        if (spec->columns[i].type == COL_REF)
          ref_column = (int) i;

      for (guint i = 0; i < bundle->records[kind]->len; i++)
        {
          const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
          const char *ref = cell_text (&cells[ref_column]);

          if (ref != NULL && !g_hash_table_contains (uuids[spec->parent], ref))
            {
              g_autofree char *path = g_strdup_printf ("$.%s[%u].%s", spec->array, i, spec->columns[ref_column].key);
              problem (bundle, path, _("refers to %s, which is not in the bundle"), ref);
            }
        }
    }
}

/* Keeps a value read by the scanner for the member at @path (a printf
 * format and its arguments, only formatted when needed): a string that
 * holds the NUL character is valid JSON, but no field can store it */
G_GNUC_PRINTF (4, 5)
static void
store_value (SportelloBundle          *bundle,
             Cell                     *cell,
             const SportelloJsonValue *value,
             const char               *path_format,
             ...)
{
  cell->type = value->type;
  switch (value->type)
    {
    case SPORTELLO_JSON_STRING:
      cell->string = value->length == 0 ? "" : g_string_chunk_insert_len (bundle->strings, value->string,
                                                                           (gssize) value->length);
      if (G_UNLIKELY (memchr (value->string, '\0', value->length) != NULL))
        {
          g_autofree char *path = NULL;
          va_list args;

          va_start (args, path_format);
          path = g_strdup_vprintf (path_format, args);
          va_end (args);
          problem (bundle, path, _("holds the NUL character (\\u0000), which Sportello cannot store"));
        }
      break;
    case SPORTELLO_JSON_INTEGER:
      cell->integer = value->integer;
      break;
    case SPORTELLO_JSON_BOOLEAN:
      cell->boolean = value->boolean;
      break;
    default:
      break;
    }
}

typedef struct
{
  SportelloBundle       *bundle;
  SportelloJsonScanner  *scanner;
  GHashTable            *uuids[SPORTELLO_N_RECORD_KINDS];
  goffset                size;          /* of the file, for progress */
  goffset                reported;
  SportelloProgressFunc  progress;
  gpointer               progress_data;
} Reader;

static gboolean
reader_progress (Reader  *reader,
                 GError **error)
{
  goffset offset;

  if (reader->progress == NULL || reader->size <= 0)
    return TRUE;

  /* in KiB, so a gigabyte fits a guint */
  offset = sportello_json_scanner_get_offset (reader->scanner);
  if (offset - reader->reported >= reader->size / 100)
    {
      reader->reported = offset;
      if (!reader->progress ((guint) (offset / 1024), (guint) (reader->size / 1024), reader->progress_data))
        return cancelled (error);
    }
  return TRUE;
}

static gboolean
read_record (Reader               *reader,
             SportelloRecordKind   kind,
             guint                 index,
             GError              **error)
{
  const RecordSpec *spec = &specs[kind];
  SportelloJsonValue value;
  Cell *cells;
  gboolean entered;
  gboolean more;
  int column = -1;

  if (!sportello_json_scanner_enter (reader->scanner, '{', &entered, error))
    return FALSE;
  if (!entered)
    {
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", spec->array, index);

      problem (reader->bundle, path, _("expected an object"));
      return TRUE;
    }

  cells = g_new (Cell, spec->n_columns);
  for (guint i = 0; i < spec->n_columns; i++)
    cells[i].type = CELL_MISSING;

  for (guint i = 0;; i++)
    {
      const char *key;

      if (!sportello_json_scanner_next (reader->scanner, '}', i, &more, error))
        goto failed;
      if (!more)
        break;
      if (!sportello_json_scanner_read_key (reader->scanner, &key, error))
        goto failed;
      column = column_index (spec, key, column + 1);
      if (!sportello_json_scanner_read_value (reader->scanner, &value, error))
        goto failed;
      /* members Sportello does not know are left out */
      if (column >= 0)
        store_value (reader->bundle, &cells[column], &value, "$.%s[%u].%s", spec->array, index, spec->columns[column].key);
    }

  check_record (reader->bundle, kind, index, cells, reader->uuids[kind]);
  return reader_progress (reader, error);

failed:
  g_free (cells);
  return FALSE;
}

static int
kind_of_array (const char *key)
{
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    if (g_str_equal (specs[kind].array, key))
      return (int) kind;
  return -1;
}

static gboolean
read_array (Reader               *reader,
            SportelloRecordKind   kind,
            GError              **error)
{
  SportelloBundle *bundle = reader->bundle;
  SportelloJsonValue value;
  gboolean entered;
  gboolean more;

  if (bundle->arrays[kind] != ARRAY_MISSING)
    {
      bundle->arrays[kind] = ARRAY_TWICE;
      return sportello_json_scanner_read_value (reader->scanner, &value, error);
    }
  if (!sportello_json_scanner_enter (reader->scanner, '[', &entered, error))
    return FALSE;
  if (!entered)
    {
      bundle->arrays[kind] = ARRAY_NOT_AN_ARRAY;
      return TRUE;
    }

  bundle->arrays[kind] = ARRAY_FOUND;
  for (guint i = 0;; i++)
    {
      if (!sportello_json_scanner_next (reader->scanner, ']', i, &more, error))
        return FALSE;
      if (!more)
        return TRUE;
      if (!read_record (reader, kind, i, error))
        return FALSE;
    }
}

static gboolean
read_exported_by (Reader  *reader,
                  GError **error)
{
  SportelloBundle *bundle = reader->bundle;
  SportelloJsonValue value;
  gboolean more;

  if (!sportello_json_scanner_enter (reader->scanner, '{', &bundle->exported_by_is_object, error))
    return FALSE;
  if (!bundle->exported_by_is_object)
    return TRUE;

  for (guint i = 0;; i++)
    {
      const char *key;
      int cell = -1;

      if (!sportello_json_scanner_next (reader->scanner, '}', i, &more, error))
        return FALSE;
      if (!more)
        return TRUE;
      if (!sportello_json_scanner_read_key (reader->scanner, &key, error))
        return FALSE;
      if (g_str_equal (key, "consultant"))
        cell = HEADER_CONSULTANT;
      else if (g_str_equal (key, "hub"))
        cell = HEADER_HUB;
      if (!sportello_json_scanner_read_value (reader->scanner, &value, error))
        return FALSE;
      if (cell >= 0)
        store_value (bundle, &bundle->header[cell], &value, "$.exported_by.%s", cell == HEADER_HUB ? "hub" : "consultant");
    }
}

/* The document's own members, checked once all of it is read */
static GPtrArray *
check_header (SportelloBundle *bundle,
              gboolean        *fatal)
{
  SportelloBundle header = { .problems = g_ptr_array_new_with_free_func (g_free) };
  const Cell *version = &bundle->header[HEADER_VERSION];

  *fatal = TRUE;
  if (g_strcmp0 (cell_text (&bundle->header[HEADER_FORMAT]), SPORTELLO_BUNDLE_FORMAT) != 0)
    {
      problem (&header, "$.format", _("this is JSON, but not a Sportello bundle"));
      return header.problems;
    }
  if (version->type != SPORTELLO_JSON_INTEGER)
    {
      problem (&header, "$.version", _("expected a whole number"));
      return header.problems;
    }
  if (version->integer > SPORTELLO_BUNDLE_VERSION)
    {
      problem (&header, "$.version",
               _("made by a newer Sportello (format version %d, this one reads up to %d): update Sportello to open it"),
               (int) MIN (version->integer, G_MAXINT), SPORTELLO_BUNDLE_VERSION);
      return header.problems;
    }

  *fatal = FALSE;
  if (version->integer < 1)
    problem (&header, "$.version", _("unknown format version"));
  if (!is_timestamp (cell_text (&bundle->header[HEADER_EXPORTED_AT])))
    problem (&header, "$.exported_at", _("expected the date and time of the export"));
  if (!bundle->exported_by_is_object ||
      cell_text (&bundle->header[HEADER_CONSULTANT]) == NULL || cell_text (&bundle->header[HEADER_HUB]) == NULL)
    problem (&header, "$.exported_by", _("expected the consultant and the hub who exported it"));

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("$.%s", specs[kind].array);

      switch (bundle->arrays[kind])
        {
        case ARRAY_MISSING:
          /* bundles made before documents, templates, events, grants and attachments travelled have none */
          if (kind != SPORTELLO_RECORD_KIND_DOCUMENT && kind != SPORTELLO_RECORD_KIND_TEMPLATE &&
              kind != SPORTELLO_RECORD_KIND_EVENT && kind != SPORTELLO_RECORD_KIND_REGISTRATION &&
              kind != SPORTELLO_RECORD_KIND_GRANT_CALL && kind != SPORTELLO_RECORD_KIND_GRANT_APPLICATION &&
              kind != SPORTELLO_RECORD_KIND_ATTACHMENT)
            problem (&header, path, _("required field is missing"));
          break;
        case ARRAY_NOT_AN_ARRAY:
          problem (&header, path, _("expected an array"));
          break;
        case ARRAY_TWICE:
          problem (&header, path, _("appears more than once"));
          break;
        case ARRAY_FOUND:
        default:
          break;
        }
    }

  return header.problems;
}

static gboolean
read_document (Reader  *reader,
               GError **error)
{
  SportelloBundle *bundle = reader->bundle;
  SportelloJsonValue value;
  gboolean entered;
  gboolean more;

  if (!sportello_json_scanner_enter (reader->scanner, '{', &entered, error))
    return FALSE;
  if (!entered)
    {
      if (!sportello_json_scanner_end (reader->scanner, error))
        return FALSE;
      problem (bundle, "$", _("this is JSON, but not a Sportello bundle"));
      return TRUE;
    }

  for (guint i = 0;; i++)
    {
      const char *key;
      int header = -1;
      int kind;

      if (!sportello_json_scanner_next (reader->scanner, '}', i, &more, error))
        return FALSE;
      if (!more)
        break;
      if (!sportello_json_scanner_read_key (reader->scanner, &key, error))
        return FALSE;

      if (g_str_equal (key, "exported_by"))
        {
          if (!read_exported_by (reader, error))
            return FALSE;
          continue;
        }
      if ((kind = kind_of_array (key)) >= 0)
        {
          if (!read_array (reader, kind, error))
            return FALSE;
          continue;
        }

      if (g_str_equal (key, "format"))
        header = HEADER_FORMAT;
      else if (g_str_equal (key, "version"))
        header = HEADER_VERSION;
      else if (g_str_equal (key, "exported_at"))
        header = HEADER_EXPORTED_AT;
      if (!sportello_json_scanner_read_value (reader->scanner, &value, error))
        return FALSE;
      if (header >= 0)
        store_value (bundle, &bundle->header[header], &value, "$.%s", header == HEADER_FORMAT ? "format"
                                                                      : header == HEADER_VERSION ? "version"
                                                                      : "exported_at");
    }

  if (!sportello_json_scanner_end (reader->scanner, error))
    return FALSE;

  {
    gboolean fatal;
    g_autoptr(GPtrArray) problems = check_header (bundle, &fatal);

    /* a file that is no bundle of ours has no records to speak of */
    if (fatal)
      {
        g_ptr_array_set_size (bundle->problems, 0);
        for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
          g_ptr_array_set_size (bundle->records[kind], 0);
      }
    else
      check_references (bundle, reader->uuids);

    /* the document's problems first, still no more than the limit */
    g_ptr_array_extend_and_steal (problems, g_steal_pointer (&bundle->problems));
    if (problems->len > SPORTELLO_BUNDLE_MAX_PROBLEMS)
      g_ptr_array_set_size (problems, SPORTELLO_BUNDLE_MAX_PROBLEMS);
    bundle->problems = g_steal_pointer (&problems);
  }

  return TRUE;
}

static SportelloBundle *
read_bundle (SportelloJsonScanner   *scanner,
             goffset                 size,
             SportelloProgressFunc   func,
             gpointer                user_data,
             GError                **error)
{
  g_autoptr(SportelloBundle) bundle = g_new0 (SportelloBundle, 1);
  g_autoptr(GError) local_error = NULL;
  Reader reader = { bundle, scanner, { NULL, }, size, 0, func, user_data };
  gboolean ok;

  bundle->strings = g_string_chunk_new (1024 * 1024);
  bundle->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    {
      bundle->records[i] = g_ptr_array_new_with_free_func (g_free);
      reader.uuids[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  for (guint i = 0; i < N_HEADER_CELLS; i++)
    bundle->header[i].type = CELL_MISSING;

  ok = read_document (&reader, &local_error);

  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_hash_table_unref (reader.uuids[i]);

  if (ok && func != NULL && !func ((guint) (size / 1024), (guint) (size / 1024), user_data))
    ok = cancelled (&local_error);

  if (!ok && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!ok)
    {
      if (local_error->domain == SPORTELLO_JSON_SCANNER_ERROR)
        g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                     _("The file is not valid JSON, or it is cut short: %s"), local_error->message);
      else
        g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                     _("Cannot read the file: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&bundle);
}

/**
 * sportello_bundle_load_bytes:
 *
 * Parses and checks a bundle. Returns %NULL with an error when it is not
 * even JSON; otherwise a bundle whose problems (if any) are listed by
 * sportello_bundle_get_problems().
 */
SportelloBundle *
sportello_bundle_load_bytes (GBytes  *bytes,
                             GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(SportelloJsonScanner) scanner = NULL;

  if (size == 0)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("The file is empty"));
      return NULL;
    }

  /* decrypting means running gpg: only from a file */
  if (sportello_crypt_is_protected ((const guint8 *) data, size))
    {
      g_set_error_literal (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE,
                           _("The bundle is protected with a password"));
      return NULL;
    }

  scanner = sportello_json_scanner_new_for_data (data, size);
  return read_bundle (scanner, (goffset) size, NULL, NULL, error);
}

typedef struct
{
  GInputStream          *plain;
  goffset                size;
  SportelloProgressFunc  func;
  gpointer               user_data;
} Deciphering;

/* The progress of a protected bundle follows the ciphertext read */
static gboolean
deciphering_progress (guint    done,
                      guint    total,
                      gpointer user_data)
{
  Deciphering *d = user_data;
  goffset read = MIN (sportello_crypt_get_bytes_read (d->plain), d->size);

  return d->func ((guint) (read / 1024), (guint) (d->size / 1024), d->user_data);
}

/* The bundle in the OpenPGP message @stream (@size bytes) */
static SportelloBundle *
load_protected (GInputStream           *stream,
                const char             *path,
                goffset                 size,
                const char             *passphrase,
                SportelloProgressFunc   func,
                gpointer                user_data,
                GError                **error)
{
  g_autoptr(GInputStream) plain = NULL;
  g_autoptr(SportelloJsonScanner) scanner = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) local_error = NULL;
  Deciphering d = { NULL, size, func, user_data };

  if (passphrase == NULL || !*passphrase)
    {
      g_set_error (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE,
                   _("“%s” is protected with a password"), path);
      return NULL;
    }
  /* a wrong password fails here, before anything is read */
  if (!(plain = d.plain = sportello_crypt_decrypt (stream, passphrase, SPORTELLO_BUNDLE_MAX_SIZE, error)))
    return NULL;

  scanner = sportello_json_scanner_new_for_stream (plain);
  bundle = read_bundle (scanner, size, func ? deciphering_progress : NULL, &d, &local_error);
  if (bundle == NULL)
    {
      g_autoptr(GError) crypt_error = NULL;

      /* garbage from a changed message is no JSON either: what gpg says
       * at the end of it (unless the consultant stopped) says more */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !sportello_crypt_finish (plain, &crypt_error) && crypt_error->domain == SPORTELLO_CRYPT_ERROR)
        g_propagate_error (error, g_steal_pointer (&crypt_error));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* only a whole, authentic message counts */
  if (!sportello_crypt_finish (plain, error))
    return NULL;

  return g_steal_pointer (&bundle);
}

/**
 * sportello_bundle_load_with_progress:
 * @func: (nullable): told how far the reading is, in KiB of the file
 *
 * Reads and checks the bundle at @path as it streams in, keeping the
 * records but not the text around them.
 */
SportelloBundle *
sportello_bundle_load_with_progress (const char             *path,
                                     SportelloProgressFunc   func,
                                     gpointer                user_data,
                                     GError                **error)
{
  return sportello_bundle_load_full (path, NULL, func, user_data, error);
}

/**
 * sportello_bundle_is_protected:
 *
 * Whether the file at @path is a bundle protected with a password (an
 * OpenPGP message), by its first bytes.
 */
gboolean
sportello_bundle_is_protected (const char *path)
{
  guint8 head[64];
  gssize n = -1;
  struct stat st;
  int fd;

  /* as sportello_bundle_load_full(): a named pipe is never waited on */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    n = pread (fd, head, sizeof head, 0);
  close (fd);

  return n > 0 && sportello_crypt_is_protected (head, (gsize) n);
}

/**
 * sportello_bundle_load_full:
 * @passphrase: (nullable): the password of a protected bundle
 * @func: (nullable): told how far the reading is, in KiB of the file
 *
 * As sportello_bundle_load_with_progress(), for bundles that may be
 * protected with a password. A protected bundle without @passphrase fails
 * with %SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE, a wrong one with
 * %SPORTELLO_CRYPT_ERROR_WRONG_PASSPHRASE.
 */
SportelloBundle *
sportello_bundle_load_full (const char             *path,
                            const char             *passphrase,
                            SportelloProgressFunc   func,
                            gpointer                user_data,
                            GError                **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SportelloJsonScanner) scanner = NULL;
  struct stat st;
  goffset size;
  int fd;

  /* opened without waiting for a writer: a named pipe or a device given
   * by mistake is refused, never read until someone writes to it */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                   S_ISDIR (st.st_mode) ? _("Cannot read “%s”: it is a folder, not a bundle")
                                        : _("Cannot read “%s”: it is not a regular file (a named pipe or a device)"),
                   path);
      return NULL;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  stream = g_unix_input_stream_new (fd, TRUE);

  /* refused before it is read */
  size = st.st_size;
  if (size > SPORTELLO_BUNDLE_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size ((guint64) size);
      g_autofree char *limit = g_format_size (SPORTELLO_BUNDLE_MAX_SIZE);

      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("“%s” is too large to be a bundle (%s; the limit is %s)"), path, size_text, limit);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("The file is empty"));
      return NULL;
    }

  /* protected: the reader reads what gpg decrypts (read at offset 0,
   * so the stream still starts at the beginning) */
  {
    guint8 head[64];
    gssize n = pread (fd, head, sizeof head, 0);

    if (n < 0)
      {
        g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                     _("Cannot read “%s”: %s"), path, g_strerror (errno));
        return NULL;
      }
    if (sportello_crypt_is_protected (head, (gsize) n))
      return load_protected (stream, path, size, passphrase, func, user_data, error);
  }

  scanner = sportello_json_scanner_new_for_stream (stream);
  return read_bundle (scanner, size, func, user_data, error);
}

SportelloBundle *
sportello_bundle_load (const char  *path,
                       GError     **error)
{
  return sportello_bundle_load_with_progress (path, NULL, NULL, error);
}

GPtrArray *
sportello_bundle_get_problems (SportelloBundle *bundle)
{
  return bundle->problems;
}

guint
sportello_bundle_count (SportelloBundle     *bundle,
                        SportelloRecordKind  kind)
{
  g_return_val_if_fail (kind < SPORTELLO_N_RECORD_KINDS, 0);

  return bundle->records[kind]->len;
}

const char *
sportello_bundle_get_exported_by (SportelloBundle  *bundle,
                                  const char      **hub)
{
  if (hub != NULL)
    *hub = cell_text (&bundle->header[HEADER_HUB]);
  return cell_text (&bundle->header[HEADER_CONSULTANT]);
}

/* ---------------------------------------------- preview and apply ---- */

typedef enum
{
  DECIDE_NEW,
  DECIDE_UPDATE,
  DECIDE_UNCHANGED,
  DECIDE_CONFLICT,
} Decision;

typedef struct
{
  sqlite3_stmt *current[SPORTELLO_N_RECORD_KINDS];
  sqlite3_stmt *base;
  sqlite3_stmt *vat;
  gint64        last_client_id;   /* the newest client before the import */
} Lookups;

static void
lookups_clear (Lookups *lookups)
{
  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_clear_pointer (&lookups->current[i], sqlite3_finalize);
  g_clear_pointer (&lookups->base, sqlite3_finalize);
  g_clear_pointer (&lookups->vat, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookups, lookups_clear)

static gboolean
lookups_init (Lookups            *lookups,
              SportelloDatabase  *db,
              GError            **error)
{
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT ");

      for (guint i = 0; i < specs[kind].n_columns; i++)
        g_string_append_printf (sql, "%s%s", i ? ", " : "", specs[kind].columns[i].expr);
      /* a checklist version or a template is looked up on its own, used or not */
      g_string_append_printf (sql, " FROM %s WHERE t.uuid = ?",
                              specs[kind].own_from != NULL ? specs[kind].own_from : specs[kind].from);
      if (!(lookups->current[kind] = _sportello_database_prepare (db, sql->str, error)))
        return FALSE;
    }

  lookups->base = _sportello_database_prepare (db, "SELECT updated_at FROM exchanges WHERE uuid = ?", error);
  /* only the clients here before the import: two of the bundle's own with
   * one VAT number came that way, and the preview does not see them */
  lookups->vat = _sportello_database_prepare (db,
    "SELECT uuid, name FROM clients WHERE vat_number = ?1 AND vat_number <> '' AND uuid <> ?2 AND deleted_at IS NULL "
    "AND id <= ?3 ORDER BY created_at, uuid LIMIT 1", error);
  if (lookups->vat == NULL)
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) last = _sportello_database_prepare (db, "SELECT coalesce (max (id), 0) FROM clients", error);

    if (last == NULL || sqlite3_step (last) != SQLITE_ROW)
      return FALSE;
    lookups->last_client_id = sqlite3_column_int64 (last, 0);
  }

  return lookups->base != NULL;
}

static gboolean
same_as_row (const RecordSpec *spec,
             const Cell       *cells,
             sqlite3_stmt     *row)
{
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Cell *cell = &cells[i];
      gboolean is_null = cell->type == SPORTELLO_JSON_NULL;

      switch (spec->columns[i].type)
        {
        case COL_INT:
          if (is_null != (sqlite3_column_type (row, i) == SQLITE_NULL))
            return FALSE;
          if (!is_null && cell->integer != sqlite3_column_int64 (row, i))
            return FALSE;
          break;
        case COL_BOOL:
          if (cell->boolean != (sqlite3_column_int (row, i) != 0))
            return FALSE;
          break;
        case COL_CONTENT:
          /* the same SHA-256 (checked against the content) is the same content */
          break;
        case COL_CONTACT:
          if (is_null != (sqlite3_column_type (row, i) == SQLITE_NULL))
            return FALSE;
          if (!is_null && g_strcmp0 (cell->string, (const char *) sqlite3_column_text (row, i)) != 0)
            return FALSE;
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          if (g_strcmp0 (cell->string, (const char *) sqlite3_column_text (row, i)) != 0)
            return FALSE;
          break;
        }
    }

  return TRUE;
}

static Decision
decide (Lookups             *lookups,
        SportelloRecordKind  kind,
        const Cell          *cells,
        gboolean            *duplicate)
{
  const char *uuid = RECORD_UUID (cells);
  const char *theirs = RECORD_UPDATED_AT (cells);
  sqlite3_stmt *row = lookups->current[kind];
  g_autofree char *ours = NULL;
  g_autofree char *base = NULL;
  Decision decision;

  *duplicate = FALSE;

  sqlite3_reset (row);
  sqlite3_bind_text (row, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (row) != SQLITE_ROW)
    {
      if (kind == SPORTELLO_RECORD_KIND_CLIENT)
        {
          sqlite3_reset (lookups->vat);
          sqlite3_bind_text (lookups->vat, 1, text_member (kind, cells, "vat_number"), -1, SQLITE_STATIC);
          sqlite3_bind_text (lookups->vat, 2, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (lookups->vat, 3, lookups->last_client_id);
          *duplicate = sqlite3_step (lookups->vat) == SQLITE_ROW;
        }
      return DECIDE_NEW;
    }

  /* a checklist version never changes: one we have is kept as it is */
  if (same_as_row (&specs[kind], cells, row) || kind == SPORTELLO_RECORD_KIND_CHECKLIST)
    {
      sqlite3_reset (row);
      return DECIDE_UNCHANGED;
    }

  ours = g_strdup ((const char *) sqlite3_column_text (row, 2));   /* updated_at */

  sqlite3_reset (lookups->base);
  sqlite3_bind_text (lookups->base, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (lookups->base) == SQLITE_ROW)
    base = g_strdup ((const char *) sqlite3_column_text (lookups->base, 0));

  /* changed only on their side since we last exchanged it: an update;
   * only on ours: nothing to take; on both (or never exchanged): a conflict */
  if (base != NULL && g_strcmp0 (ours, base) == 0)
    decision = DECIDE_UPDATE;
  else if (base != NULL && g_strcmp0 (theirs, base) == 0)
    decision = DECIDE_UNCHANGED;
  else
    decision = DECIDE_CONFLICT;

  sqlite3_reset (row);
  return decision;
}

static void
count (SportelloImportCounts *counts,
       Decision               decision,
       gboolean               duplicate)
{
  switch (decision)
    {
    case DECIDE_NEW:
      counts->new_records++;
      if (duplicate)
        counts->duplicates++;
      break;
    case DECIDE_UPDATE:
      counts->updated++;
      break;
    case DECIDE_UNCHANGED:
      counts->unchanged++;
      break;
    case DECIDE_CONFLICT:
    default:
      counts->conflicts++;
      break;
    }
}

/* A client of the bundle that is one of ours: not written, not counted */
static gboolean
is_merged (SportelloBundle     *bundle,
           SportelloRecordKind  kind,
           const Cell          *cells)
{
  return kind == SPORTELLO_RECORD_KIND_CLIENT && bundle->merges != NULL &&
         g_hash_table_contains (bundle->merges, RECORD_UUID (cells));
}

/**
 * sportello_bundle_preview:
 *
 * What an import would do, record by record, without changing anything.
 */
gboolean
sportello_bundle_preview (SportelloBundle        *bundle,
                          SportelloDatabase      *db,
                          SportelloImportCounts   counts[SPORTELLO_N_RECORD_KINDS],
                          GError                **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };

  g_return_val_if_fail (bundle->problems->len == 0, FALSE);

  memset (counts, 0, sizeof (SportelloImportCounts) * SPORTELLO_N_RECORD_KINDS);
  if (!lookups_init (&lookups, db, error))
    return FALSE;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    for (guint i = 0; i < bundle->records[kind]->len; i++)
      {
        const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
        gboolean duplicate;
        Decision decision;

        if (is_merged (bundle, kind, cells))
          continue;
        decision = decide (&lookups, kind, cells, &duplicate);
        count (&counts[kind], decision, duplicate);
      }

  return TRUE;
}

/* Records of a merged client hang off ours instead */
static void
remap_merged (SportelloBundle  *bundle,
              const RecordSpec *spec,
              sqlite3_stmt     *stmt,
              const Cell       *cells)
{
  if (bundle->merges == NULL || spec->parent != SPORTELLO_RECORD_KIND_CLIENT)
    return;

  for (guint i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].type == COL_REF)
      {
        const char *ours = g_hash_table_lookup (bundle->merges, cells[i].string);

        if (ours != NULL)
          sqlite3_bind_text (stmt, i + 1, ours, -1, SQLITE_TRANSIENT);
      }
}

static sqlite3_stmt *
prepare_upsert (SportelloDatabase  *db,
                SportelloRecordKind kind,
                GError            **error)
{
  const RecordSpec *spec = &specs[kind];
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);

  /* checklist versions are never changed, only added */
  g_string_append_printf (sql, "INSERT %sINTO %s (", kind == SPORTELLO_RECORD_KIND_CHECKLIST ? "OR IGNORE " : "", spec->table);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Column *column = &spec->columns[i];
      const char *name = column->type == COL_REF ? spec->ref_column
                       : column->type == COL_CONTACT ? "contact_id" : column->key;

      /* the bytes go to their content file, not to the table */
      if (column->type == COL_CONTENT)
        continue;
      g_string_append_printf (sql, "%s%s", i ? ", " : "", name);
      if (column->type == COL_REF)
        g_string_append_printf (values, "%s(SELECT id FROM %s WHERE uuid = ?%u)", i ? ", " : "",
                                specs[spec->parent].table, i + 1);
      else if (column->type == COL_CONTACT)
        g_string_append_printf (values, "%s(SELECT id FROM contacts WHERE uuid = ?%u)", i ? ", " : "", i + 1);
      else
        g_string_append_printf (values, "%s?%u", i ? ", " : "", i + 1);
      if (i > 0)
        g_string_append_printf (updates, "%s%s = excluded.%s", i > 1 ? ", " : "", name, name);
    }
  if (kind == SPORTELLO_RECORD_KIND_CHECKLIST)
    g_string_append_printf (sql, ") VALUES (%s)", values->str);
  else
    g_string_append_printf (sql, ") VALUES (%s) ON CONFLICT (uuid) DO UPDATE SET %s", values->str, updates->str);

  return _sportello_database_prepare (db, sql->str, error);
}

static void
bind_record (const RecordSpec *spec,
             sqlite3_stmt     *stmt,
             const Cell       *cells)
{
  sqlite3_reset (stmt);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Cell *cell = &cells[i];

      switch (spec->columns[i].type)
        {
        case COL_INT:
          if (cell->type == SPORTELLO_JSON_NULL)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, cell->integer);
          break;
        case COL_BOOL:
          sqlite3_bind_int (stmt, i + 1, cell->boolean);
          break;
        case COL_CONTENT:
          break;
        case COL_CONTACT:
          if (cell->type == SPORTELLO_JSON_NULL)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_text (stmt, i + 1, cell->string, -1, SQLITE_STATIC);
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          sqlite3_bind_text (stmt, i + 1, cell->string, -1, SQLITE_STATIC);
          break;
        }
    }
}

#define BULK_THRESHOLD 5000

static guint
total_records (SportelloBundle *bundle)
{
  guint total = 0;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    total += bundle->records[kind]->len;
  return total;
}

/* A large import writes rows first and derived data once at the end.
 * Set aside meanwhile (inside the transaction, so a failure puts them back
 * too): the triggers that keep the FTS5 indexes and each client's last
 * meeting current, and the secondary indexes of the tables that take many
 * rows (built again in one sorted pass, much faster than row by row; the
 * clients keep theirs, which the duplicate check reads). The tag index is
 * filled once, and SQLite gets a larger page cache so the rows do not spill
 * to the write-ahead log page by page. */
typedef struct
{
  GPtrArray *indexes;      /* the SQL of those set aside */
  GPtrArray *triggers;
  int        cache_size;   /* to restore */
} Bulk;

#define BULK_CACHE_KIB (64 * 1024)

static const char * const fts_indexes[] = { SPORTELLO_FTS_INDEXES };

static void
bulk_clear (Bulk *bulk)
{
  g_clear_pointer (&bulk->indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->triggers, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bulk, bulk_clear)

/* Drops what @select names (rows of type, name, sql), keeping its SQL */
static gboolean
set_aside (SportelloDatabase  *db,
           const char         *select,
           GPtrArray          *kept,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, select, error);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (kept, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < drops->len; i++)
    if (!sportello_database_exec (db, g_ptr_array_index (drops, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
exec_all (SportelloDatabase  *db,
          GPtrArray          *statements,
          GError            **error)
{
  for (guint i = 0; i < statements->len; i++)
    if (!sportello_database_exec (db, g_ptr_array_index (statements, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
bulk_begin (SportelloDatabase  *db,
            Bulk               *bulk,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *cache = NULL;

  stmt = _sportello_database_prepare (db, "PRAGMA cache_size", error);
  if (stmt == NULL)
    return FALSE;
  bulk->cache_size = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -2000;
  cache = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);
  if (!sportello_database_exec (db, cache, error))
    return FALSE;

  bulk->indexes = g_ptr_array_new_with_free_func (g_free);
  bulk->triggers = g_ptr_array_new_with_free_func (g_free);
  return set_aside (db, SPORTELLO_BULK_TRIGGERS_SQL, bulk->triggers, error) &&
         set_aside (db, SPORTELLO_BULK_INDEXES_SQL, bulk->indexes, error);
}

/* Rebuilds what was set aside and what its triggers would have kept,
 * telling @bundle's progress how far it is: from @done to @span */
static gboolean
bulk_end (SportelloDatabase  *db,
          Bulk               *bulk,
          SportelloBundle    *bundle,
          guint               done,
          guint               span,
          GError            **error)
{
  enum { INDEXES, TAGS, LAST_MEETINGS, FTS, N_STAGES = FTS + G_N_ELEMENTS (fts_indexes) };

  for (guint stage = 0; stage < N_STAGES; stage++)
    {
      gboolean ok;

      switch (stage)
        {
        case INDEXES:
          /* first: the last meetings are found through one of them */
          ok = exec_all (db, bulk->indexes, error);
          break;
        case TAGS:
          ok = _sportello_client_index_tags (db, NULL, error);
          break;
        case LAST_MEETINGS:
          ok = sportello_database_exec (db, SPORTELLO_LAST_MEETINGS_SQL, error);
          break;
        default:
          {
            g_autofree char *rebuild = g_strdup_printf (SPORTELLO_FTS_BULK_REBUILD_SQL, fts_indexes[stage - FTS]);

            ok = sportello_database_exec (db, rebuild, error);
          }
          break;
        }
      if (!ok)
        return FALSE;
      if (bundle->progress != NULL &&
          !bundle->progress (done + (span - done) * (stage + 1) / (N_STAGES + 1), span, bundle->progress_data))
        return cancelled (error);
    }

  return exec_all (db, bulk->triggers, error);
}

/* Whatever happened, the usual page cache again */
static void
bulk_finish (SportelloDatabase *db,
             Bulk              *bulk)
{
  g_autofree char *cache = NULL;

  if (bulk->triggers == NULL)
    return;
  cache = g_strdup_printf ("PRAGMA cache_size = %d", bulk->cache_size);
  sportello_database_exec (db, cache, NULL);
}

void
sportello_conflict_free (SportelloConflict *conflict)
{
  g_free (conflict->uuid);
  g_free (conflict->description);
  g_free (conflict->ours_updated_at);
  g_free (conflict->theirs_updated_at);
  g_free (conflict->existing_uuid);
  g_free (conflict->existing_description);
  g_free (conflict);
}

/* What names a record to a person: a client's name, a meeting's date… */
static const char *
describe (SportelloRecordKind  kind,
          const Cell          *cells)
{
  static const char * const keys[SPORTELLO_N_RECORD_KINDS] = {
    [SPORTELLO_RECORD_KIND_CLIENT] = "name",
    [SPORTELLO_RECORD_KIND_CONTACT] = "name",
    [SPORTELLO_RECORD_KIND_MEETING] = "starts_at",
    [SPORTELLO_RECORD_KIND_FOLLOW_UP] = "text",
    [SPORTELLO_RECORD_KIND_CHECKLIST] = "title",
    [SPORTELLO_RECORD_KIND_ASSESSMENT] = "assessed_on",
    [SPORTELLO_RECORD_KIND_DOCUMENT] = "title",
    [SPORTELLO_RECORD_KIND_TEMPLATE] = "title",
    [SPORTELLO_RECORD_KIND_EVENT] = "title",
    [SPORTELLO_RECORD_KIND_REGISTRATION] = "name",
    [SPORTELLO_RECORD_KIND_GRANT_CALL] = "title",
    [SPORTELLO_RECORD_KIND_GRANT_APPLICATION] = "status",
    [SPORTELLO_RECORD_KIND_ATTACHMENT] = "name",
  };
  const char *text = text_member (kind, cells, keys[kind]);

  return text != NULL ? text : "";
}

/**
 * sportello_bundle_list_conflicts:
 *
 * The records changed both here and in the bundle since they were last
 * exchanged, for the consultant to settle one by one.
 *
 * Returns: (transfer full) (element-type SportelloConflict): the conflicts
 */
GPtrArray *
sportello_bundle_list_conflicts (SportelloBundle    *bundle,
                                 SportelloDatabase  *db,
                                 GError            **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_conflict_free);

  g_return_val_if_fail (bundle->problems->len == 0, NULL);

  if (!lookups_init (&lookups, db, error))
    return NULL;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    for (guint i = 0; i < bundle->records[kind]->len; i++)
      {
        const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
        gboolean duplicate;
        SportelloConflict *conflict;
        sqlite3_stmt *row;

        if (decide (&lookups, kind, cells, &duplicate) != DECIDE_CONFLICT)
          continue;

        conflict = g_new0 (SportelloConflict, 1);
        conflict->kind = kind;
        conflict->uuid = g_strdup (RECORD_UUID (cells));
        conflict->description = g_strdup (describe (kind, cells));
        conflict->theirs_updated_at = g_strdup (RECORD_UPDATED_AT (cells));
        row = lookups.current[kind];
        sqlite3_reset (row);
        sqlite3_bind_text (row, 1, conflict->uuid, -1, SQLITE_STATIC);
        if (sqlite3_step (row) == SQLITE_ROW)
          conflict->ours_updated_at = g_strdup ((const char *) sqlite3_column_text (row, 2));
        sqlite3_reset (row);
        g_ptr_array_add (conflicts, conflict);
      }

  return g_steal_pointer (&conflicts);
}

/**
 * sportello_bundle_list_duplicates:
 *
 * The new clients of the bundle whose P.IVA is one of ours, each with the
 * client it matches (@existing_uuid, @existing_description).
 *
 * Returns: (transfer full) (element-type SportelloConflict): the duplicates
 */
GPtrArray *
sportello_bundle_list_duplicates (SportelloBundle    *bundle,
                                  SportelloDatabase  *db,
                                  GError            **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_conflict_free);
  GPtrArray *clients = bundle->records[SPORTELLO_RECORD_KIND_CLIENT];

  g_return_val_if_fail (bundle->problems->len == 0, NULL);

  if (!lookups_init (&lookups, db, error))
    return NULL;

  for (guint i = 0; i < clients->len; i++)
    {
      const Cell *cells = g_ptr_array_index (clients, i);
      gboolean duplicate;
      SportelloConflict *match;

      if (decide (&lookups, SPORTELLO_RECORD_KIND_CLIENT, cells, &duplicate) != DECIDE_NEW || !duplicate)
        continue;

      /* decide () left the matching row of ours in the statement */
      match = g_new0 (SportelloConflict, 1);
      match->kind = SPORTELLO_RECORD_KIND_CLIENT;
      match->uuid = g_strdup (RECORD_UUID (cells));
      match->description = g_strdup (describe (SPORTELLO_RECORD_KIND_CLIENT, cells));
      match->theirs_updated_at = g_strdup (RECORD_UPDATED_AT (cells));
      match->existing_uuid = g_strdup ((const char *) sqlite3_column_text (lookups.vat, 0));
      match->existing_description = g_strdup ((const char *) sqlite3_column_text (lookups.vat, 1));
      sqlite3_reset (lookups.vat);
      g_ptr_array_add (duplicates, match);
    }

  return g_steal_pointer (&duplicates);
}

/**
 * sportello_bundle_merge:
 * @theirs: a new client of the bundle
 * @ours: the client of ours it is the same firm as
 *
 * Imports @theirs into @ours: our client's file stays as it is, and their
 * people, meetings, assessments and documents are added to it.
 */
void
sportello_bundle_merge (SportelloBundle *bundle,
                        const char      *theirs,
                        const char      *ours)
{
  if (bundle->merges == NULL)
    bundle->merges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (bundle->merges, g_strdup (theirs), g_strdup (ours));
}

/**
 * sportello_bundle_choose:
 * @choice: %SPORTELLO_CONFLICT_OURS or %SPORTELLO_CONFLICT_THEIRS (or
 *   %SPORTELLO_CONFLICT_NEWER)
 *
 * Settles one conflict, whatever policy sportello_bundle_apply() is given.
 */
void
sportello_bundle_choose (SportelloBundle         *bundle,
                         const char              *uuid,
                         SportelloConflictPolicy  choice)
{
  if (bundle->choices == NULL)
    bundle->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (bundle->choices, g_strdup (uuid), GINT_TO_POINTER (choice));
}

/**
 * sportello_bundle_set_progress:
 * @func: (nullable): told how many records are done, from the applying thread
 *
 * For a progress bar: sportello_bundle_apply() reports every percent or so.
 */
void
sportello_bundle_set_progress (SportelloBundle       *bundle,
                               SportelloProgressFunc  func,
                               gpointer               user_data)
{
  bundle->progress = func;
  bundle->progress_data = user_data;
}

/* Whether an import would write (or settle, if conflicting) more than
 * @limit records; it stops counting there */
static gboolean
writes_more_than (SportelloBundle *bundle,
                  Lookups         *lookups,
                  guint            limit)
{
  guint n = 0;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    for (guint i = 0; i < bundle->records[kind]->len; i++)
      {
        const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
        gboolean duplicate;

        if (!is_merged (bundle, kind, cells) && decide (lookups, kind, cells, &duplicate) != DECIDE_UNCHANGED &&
            ++n > limit)
          return TRUE;
      }

  return FALSE;
}

/**
 * sportello_bundle_apply:
 *
 * Imports the bundle in one transaction: new and updated records are
 * written, conflicts are settled by @policy, and the import is recorded.
 * On any failure nothing is changed.
 */
gboolean
sportello_bundle_apply (SportelloBundle         *bundle,
                        SportelloDatabase       *db,
                        SportelloConflictPolicy  policy,
                        const char              *file_name,
                        SportelloImportCounts    counts[SPORTELLO_N_RECORD_KINDS],
                        GError                 **error)
{
  g_auto(Lookups) lookups = { { NULL, }, NULL, NULL };
  g_autoptr(sqlite3_stmt) exchange = NULL;
  g_autoptr(sqlite3_stmt) log = NULL;
  g_auto(Bulk) bulk = { NULL, 0 };
  guint written = 0;
  guint done = 0;
  guint total = total_records (bundle);
  guint span = total;
  guint step = MAX (total / 100, 200);
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (bundle->problems->len == 0, FALSE);

  memset (counts, 0, sizeof (SportelloImportCounts) * SPORTELLO_N_RECORD_KINDS);

  /* the database as it was, should the import turn out wrong */
  if (!_sportello_backup_before (db, SPORTELLO_BACKUP_IMPORT, error))
    return FALSE;

  if (!sportello_database_begin (db, error))
    return FALSE;
  if (!lookups_init (&lookups, db, error))
    goto failed;

  /* Many records to write: the bulk way, which then builds the derived
   * data, about half as much work again. A bundle imported again, all
   * unchanged, is no reason to rebuild every index. */
  if (total > BULK_THRESHOLD && writes_more_than (bundle, &lookups, BULK_THRESHOLD))
    {
      span = total + total / 2;
      if (!bulk_begin (db, &bulk, error))
        goto failed;
    }

  if (!(exchange = _sportello_database_prepare (db, "INSERT INTO exchanges (uuid, updated_at) VALUES (?1, ?2) "
                                                   "ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2 WHERE updated_at IS NOT ?2", error)) ||
      !(log = _sportello_database_prepare (db,
          "INSERT INTO imports (file_name, exported_by_consultant, exported_by_hub, exported_at, imported_at, records) "
          "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)", error)))
    goto failed;

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(sqlite3_stmt) upsert = prepare_upsert (db, kind, error);

      if (upsert == NULL)
        goto failed;

      for (guint i = 0; i < bundle->records[kind]->len; i++)
        {
          const Cell *cells = g_ptr_array_index (bundle->records[kind], i);
          gboolean duplicate;
          Decision decision = decide (&lookups, kind, cells, &duplicate);
          gboolean write = decision == DECIDE_NEW || decision == DECIDE_UPDATE;

          if (bundle->progress != NULL && ++done % step == 0 &&
              !bundle->progress (done, span, bundle->progress_data))
            {
              cancelled (error);
              goto failed;
            }

          if (decision == DECIDE_CONFLICT)
            {
              SportelloConflictPolicy choice = policy;
              gpointer chosen;

              /* what the consultant chose for this record, else the policy */
              if (bundle->choices != NULL &&
                  g_hash_table_lookup_extended (bundle->choices, RECORD_UUID (cells), NULL, &chosen))
                choice = GPOINTER_TO_INT (chosen);

              if (choice == SPORTELLO_CONFLICT_THEIRS)
                write = TRUE;
              else if (choice == SPORTELLO_CONFLICT_NEWER)
                {
                  sqlite3_stmt *row = lookups.current[kind];

                  sqlite3_reset (row);
                  sqlite3_bind_text (row, 1, RECORD_UUID (cells), -1, SQLITE_STATIC);
                  write = sqlite3_step (row) == SQLITE_ROW &&
                          g_strcmp0 (RECORD_UPDATED_AT (cells),
                                     (const char *) sqlite3_column_text (row, 2)) > 0;
                  sqlite3_reset (row);
                }
            }

          /* a client merged into one of ours is not written: ours stays */
          if (is_merged (bundle, kind, cells))
            continue;
          count (&counts[kind], decision, duplicate);

          if (write)
            {
              if (fail_after > 0 && ++written >= fail_after)
                {
                  g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                               "Failure injected after %u rows", written);
                  goto failed;
                }

              bind_record (&specs[kind], upsert, cells);
              remap_merged (bundle, &specs[kind], upsert, cells);
              if (sqlite3_step (upsert) != SQLITE_DONE)
                {
                  _sportello_database_set_error (db, error);
                  goto failed;
                }
              if (kind == SPORTELLO_RECORD_KIND_ATTACHMENT &&
                  !_sportello_bundle_store_attachment (db, text_member (kind, cells, "content"),
                                                       text_member (kind, cells, "sha256"), error))
                goto failed;
              /* a large import indexes every client's tags at the end */
              if (kind == SPORTELLO_RECORD_KIND_CLIENT && bulk.triggers == NULL &&
                  !_sportello_client_index_tags (db, RECORD_UUID (cells), error))
                goto failed;
            }

          /* both sides now share this version */
          if (write || decision == DECIDE_UNCHANGED)
            {
              sqlite3_reset (exchange);
              sqlite3_bind_text (exchange, 1, RECORD_UUID (cells), -1, SQLITE_STATIC);
              sqlite3_bind_text (exchange, 2, RECORD_UPDATED_AT (cells), -1, SQLITE_STATIC);
              if (sqlite3_step (exchange) != SQLITE_DONE)
                {
                  _sportello_database_set_error (db, error);
                  goto failed;
                }
            }
        }
    }

  {
    sqlite3_bind_text (log, 1, file_name ? file_name : "", -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 2, cell_text (&bundle->header[HEADER_CONSULTANT]), -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 3, cell_text (&bundle->header[HEADER_HUB]), -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 4, cell_text (&bundle->header[HEADER_EXPORTED_AT]), -1, SQLITE_STATIC);
    sqlite3_bind_int (log, 5, total);
    if (sqlite3_step (log) != SQLITE_DONE)
      {
        _sportello_database_set_error (db, error);
        goto failed;
      }
  }

  g_debug ("Import: %u records written in %.2f s", total, (g_get_monotonic_time () - start) / 1e6);
  if (bulk.triggers != NULL && !bulk_end (db, &bulk, bundle, total, span, error))
    goto failed;
  g_debug ("Import: derived data rebuilt at %.2f s", (g_get_monotonic_time () - start) / 1e6);

  /* the follow-ups from the deadlines of the grant applications are made
   * here, not carried: they follow the dates that came in */
  if ((bundle->records[SPORTELLO_RECORD_KIND_GRANT_CALL]->len > 0 ||
       bundle->records[SPORTELLO_RECORD_KIND_GRANT_APPLICATION]->len > 0) &&
      !_sportello_grant_sync_follow_ups (db, NULL, NULL, NULL, error))
    goto failed;

  lookups_clear (&lookups);
  if (sportello_database_commit (db, error))
    {
      g_autoptr(GError) garbage_error = NULL;

      bulk_finish (db, &bulk);
      /* the content files that updated attachments no longer name */
      if (!sportello_attachment_collect_garbage (db, NULL, &garbage_error))
        g_warning ("Cannot remove the attachments' unused files: %s", garbage_error->message);
      g_debug ("Import: committed at %.2f s", (g_get_monotonic_time () - start) / 1e6);
      /* the end, unless the last step already said so */
      if (bundle->progress != NULL && (span == 0 || span != total || total % step != 0))
        bundle->progress (span, span, bundle->progress_data);
      return TRUE;
    }

failed:
  lookups_clear (&lookups);
  g_clear_pointer (&exchange, sqlite3_finalize);
  g_clear_pointer (&log, sqlite3_finalize);
  sportello_database_rollback (db);
  bulk_finish (db, &bulk);
  return FALSE;
}
