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
 * path, and only then writes, in one transaction.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sportello-bundle.h"
#include "sportello-checklist.h"
#include "sportello-client.h"
#include "sportello-database-private.h"
#include "sportello-identifiers.h"
#include "sportello-template.h"
#include "sportello-vocabulary.h"

G_DEFINE_QUARK (sportello-bundle-error-quark, sportello_bundle_error)

typedef enum
{
  COL_TEXT = 's',
  COL_INT = 'i',    /* integer or null */
  COL_BOOL = 'b',
  COL_REF = 'r',    /* the UUID of a record of the parent kind */
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
};

static guint fail_after;

void
_sportello_bundle_set_fail_after (guint n_rows)
{
  fail_after = n_rows;
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
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
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
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
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

typedef struct
{
  SportelloDatabase     *db;
  const char            *selection;        /* JSON array of client UUIDs, or NULL */
  gboolean               every_standalone; /* all checklists and templates */
  SportelloProgressFunc  progress;
  gpointer               progress_data;
  guint                  done;
  guint                  total;
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
  g_autoptr(GString) sql = g_string_new ("SELECT DISTINCT ");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < spec->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", spec->columns[i].expr);
  if (spec->own_from != NULL && export->every_standalone)
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
          g_string_append_printf (out, "      \"%s\": ", spec->columns[i].key);
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
      if (export->progress != NULL && ++export->done % step == 0)
        export->progress (export->done, export->total, export->progress_data);
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
  return sportello_bundle_export_with_progress (db, client_uuids, path, NULL, NULL, error);
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
  Export export = { db, NULL, client_uuids == NULL || client_uuids[0] == NULL, func, user_data, 0, 0 };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
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

  /* g_file_replace() writes to a temporary name and renames on close */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    goto io_error;

  g_string_append (out, "{\n  \"format\": \"" SPORTELLO_BUNDLE_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n  \"exported_at\": ", SPORTELLO_BUNDLE_VERSION);
  write_string (out, now);
  g_string_append (out, ",\n  \"exported_by\": {\n    \"consultant\": ");
  write_string (out, sportello_database_get_consultant (db));
  g_string_append (out, ",\n    \"hub\": ");
  write_string (out, sportello_database_get_hub (db));
  g_string_append (out, "\n  },\n");

  /* one read transaction: a consistent snapshot */
  if (!sportello_database_exec (db, "BEGIN", error))
    return FALSE;
  export.selection = selection;

  /* how many records in all, for the progress */
  for (guint kind = 0; func != NULL && kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autoptr(sqlite3_stmt) count = prepare_kind (&export, kind, TRUE, &local_error);

      if (count == NULL)
        {
          sportello_database_rollback (db);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (sqlite3_step (count) == SQLITE_ROW)
        export.total += sqlite3_column_int (count, 0);
    }

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      if (!export_kind (&export, kind, G_OUTPUT_STREAM (stream), out, &local_error))
        {
          sportello_database_rollback (db);
          if (local_error->domain == G_IO_ERROR)
            goto io_error;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_string_append (out, kind + 1 < SPORTELLO_N_RECORD_KINDS ? ",\n" : "\n");
    }
  sportello_database_rollback (db);

  g_string_append (out, "}\n");
  if (!flush (G_OUTPUT_STREAM (stream), out, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    goto io_error;

  if (func != NULL && (export.total == 0 || export.total % MAX (export.total / 100, 200) != 0))
    func (export.total, export.total, user_data);
  return TRUE;

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

struct _SportelloBundle
{
  JsonNode   *root;
  GPtrArray  *records[SPORTELLO_N_RECORD_KINDS];   /* JsonObject, borrowed from root */
  GPtrArray  *problems;
  char       *exported_by;
  char       *exported_by_hub;
  SportelloProgressFunc progress;
  gpointer              progress_data;
  GHashTable           *choices;      /* uuid → SportelloConflictPolicy, per conflict */
  GHashTable           *merges;       /* their client's uuid → ours, for duplicates */
};

void
sportello_bundle_free (SportelloBundle *bundle)
{
  if (bundle == NULL)
    return;

  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_clear_pointer (&bundle->records[i], g_ptr_array_unref);
  g_clear_pointer (&bundle->problems, g_ptr_array_unref);
  g_clear_pointer (&bundle->root, json_node_unref);
  g_free (bundle->exported_by);
  g_free (bundle->exported_by_hub);
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

static gboolean
is_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  int year;

  if (text == NULL || !(dt = g_date_time_new_from_iso8601 (text, NULL)))
    return FALSE;

  /* an absurd date is an error too */
  year = g_date_time_get_year (dt);
  return year >= 1970 && year <= 2200;
}

static const char *
text_member (JsonObject *object,
             const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
    ? json_node_get_string (node) : NULL;
}

static void
check_vocabulary (SportelloBundle     *bundle,
                  const char          *path,
                  JsonObject          *object,
                  const char          *key,
                  SportelloVocabulary  vocabulary,
                  gboolean             may_be_empty)
{
  const char *value = text_member (object, key);

  if (value == NULL || (may_be_empty && value[0] == '\0'))
    return;
  if (!sportello_vocabulary_contains (vocabulary, value))
    problem (bundle, path, _("“%s” is not a known value for %s"), value, key);
}

static void
check_client (SportelloBundle *bundle,
              const char      *path,
              JsonObject      *object)
{
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(GPtrArray) problems = NULL;

  for (guint f = 0; f < SPORTELLO_CLIENT_N_TEXT_FIELDS; f++)
    {
      const char *value = text_member (object, sportello_client_field_name (f));

      if (value != NULL)
        sportello_client_set (client, f, value);
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

static void
check_record (SportelloBundle     *bundle,
              SportelloRecordKind  kind,
              guint                index,
              JsonNode            *node,
              GHashTable          *uuids)
{
  const RecordSpec *spec = &specs[kind];
  g_autofree char *path = g_strdup_printf ("$.%s[%u]", spec->array, index);
  JsonObject *object;
  const char *uuid;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (bundle, path, _("expected an object"));
      return;
    }
  object = json_node_get_object (node);

  for (guint i = 0; i < spec->n_columns; i++)
    {
      const Column *column = &spec->columns[i];
      JsonNode *member = json_object_get_member (object, column->key);
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, column->key);
      GType type = member && JSON_NODE_HOLDS_VALUE (member) ? json_node_get_value_type (member) : G_TYPE_INVALID;

      if (member == NULL)
        {
          problem (bundle, member_path, _("required field is missing"));
          continue;
        }

      switch (column->type)
        {
        case COL_INT:
          if (!JSON_NODE_HOLDS_NULL (member) && type != G_TYPE_INT64)
            problem (bundle, member_path, _("expected a whole number or null"));
          break;
        case COL_BOOL:
          if (type != G_TYPE_BOOLEAN)
            problem (bundle, member_path, _("expected true or false"));
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          if (type != G_TYPE_STRING)
            problem (bundle, member_path, _("expected a string"));
          break;
        }
    }

  uuid = text_member (object, "uuid");
  if (uuid != NULL)
    {
      g_autofree char *uuid_path = g_strdup_printf ("%s.uuid", path);

      if (!g_uuid_string_is_valid (uuid))
        problem (bundle, uuid_path, _("“%s” is not a valid UUID"), uuid);
      else if (!g_hash_table_add (uuids, (gpointer) uuid))
        problem (bundle, uuid_path, _("duplicate UUID %s"), uuid);
    }

  for (guint i = 1; i <= 2; i++)   /* created_at, updated_at */
    {
      const char *value = text_member (object, spec->columns[i].key);
      g_autofree char *date_path = g_strdup_printf ("%s.%s", path, spec->columns[i].key);

      if (value != NULL && !is_timestamp (value))
        problem (bundle, date_path, _("“%s” is not a valid date and time"), value);
    }

  switch (kind)
    {
    case SPORTELLO_RECORD_KIND_CLIENT:
      check_client (bundle, path, object);
      break;

    case SPORTELLO_RECORD_KIND_CONTACT:
      {
        const char *name = text_member (object, "name");
        const char *email = text_member (object, "email");
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
        const char *starts_at = text_member (object, "starts_at");
        JsonNode *duration = json_object_get_member (object, "duration_minutes");

        if (starts_at != NULL && !is_timestamp (starts_at))
          {
            g_autofree char *p = g_strdup_printf ("%s.starts_at", path);
            problem (bundle, p, _("“%s” is not a valid date and time"), starts_at);
          }
        if (duration != NULL && JSON_NODE_HOLDS_VALUE (duration) && json_node_get_value_type (duration) == G_TYPE_INT64 &&
            (json_node_get_int (duration) < 0 || json_node_get_int (duration) > 24 * 60))
          {
            g_autofree char *p = g_strdup_printf ("%s.duration_minutes", path);
            problem (bundle, p, _("a meeting lasts between 0 and 1440 minutes"));
          }
        check_vocabulary (bundle, path, object, "kind", SPORTELLO_VOCABULARY_MEETING_KIND, FALSE);
      }
      break;

    case SPORTELLO_RECORD_KIND_FOLLOW_UP:
      {
        const char *due = text_member (object, "due_date");
        const char *done = text_member (object, "done_at");

        if (due != NULL && due[0] != '\0')
          {
            g_autofree char *with_time = g_strconcat (due, "T12:00:00Z", NULL);

            if (strlen (due) != 10 || !is_timestamp (with_time))
              {
                g_autofree char *p = g_strdup_printf ("%s.due_date", path);
                problem (bundle, p, _("“%s” is not a valid date"), due);
              }
          }
        if (done != NULL && done[0] != '\0' && !is_timestamp (done))
          {
            g_autofree char *p = g_strdup_printf ("%s.done_at", path);
            problem (bundle, p, _("“%s” is not a valid date and time"), done);
          }
        check_vocabulary (bundle, path, object, "assignee", SPORTELLO_VOCABULARY_ASSIGNEE, FALSE);
      }
      break;

    case SPORTELLO_RECORD_KIND_CHECKLIST:
      {
        const char *content = text_member (object, "content");

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
        const char *date = text_member (object, "assessed_on");
        const char *answers = text_member (object, "answers");

        if (date != NULL)
          {
            g_autofree char *with_time = g_strconcat (date, "T12:00:00Z", NULL);

            if (strlen (date) != 10 || !is_timestamp (with_time))
              {
                g_autofree char *p = g_strdup_printf ("%s.assessed_on", path);
                problem (bundle, p, _("“%s” is not a valid date"), date);
              }
          }
        if (answers != NULL)
          {
            g_autoptr(JsonParser) parser = json_parser_new ();

            if (!json_parser_load_from_data (parser, answers, -1, NULL) ||
                json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
              {
                g_autofree char *p = g_strdup_printf ("%s.answers", path);
                problem (bundle, p, _("expected the answers as a JSON object"));
              }
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_DOCUMENT:
      {
        const char *status = text_member (object, "status");
        const char *sent_on = text_member (object, "sent_on");

        if (status != NULL && !g_str_equal (status, "draft") && !g_str_equal (status, "sent"))
          {
            g_autofree char *p = g_strdup_printf ("%s.status", path);
            problem (bundle, p, _("expected “draft” or “sent”"));
          }
        if (sent_on != NULL && *sent_on != '\0')
          {
            g_autofree char *with_time = g_strconcat (sent_on, "T12:00:00Z", NULL);

            if (strlen (sent_on) != 10 || !is_timestamp (with_time))
              {
                g_autofree char *p = g_strdup_printf ("%s.sent_on", path);
                problem (bundle, p, _("“%s” is not a valid date"), sent_on);
              }
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_TEMPLATE:
      {
        const char *title = text_member (object, "title");
        const char *body = text_member (object, "body");

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

    case SPORTELLO_N_RECORD_KINDS:
    default:
      break;
    }

  g_ptr_array_add (bundle->records[kind], object);
}

static void
check_references (SportelloBundle  *bundle,
                  GHashTable      **uuids)
{
  /* an assessment's checklist version travels with it */
  for (guint i = 0; i < bundle->records[SPORTELLO_RECORD_KIND_ASSESSMENT]->len; i++)
    {
      JsonObject *object = g_ptr_array_index (bundle->records[SPORTELLO_RECORD_KIND_ASSESSMENT], i);
      const char *ref = text_member (object, "checklist_uuid");

      if (ref != NULL && !g_hash_table_contains (uuids[SPORTELLO_RECORD_KIND_CHECKLIST], ref))
        {
          g_autofree char *path = g_strdup_printf ("$.assessments[%u].checklist_uuid", i);
          problem (bundle, path, _("refers to %s, which is not in the bundle"), ref);
        }
    }

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      const RecordSpec *spec = &specs[kind];
      const char *ref_key = NULL;

      if (spec->parent < 0)
        continue;
      for (guint i = 0; i < spec->n_columns; i++)
        if (spec->columns[i].type == COL_REF)
          ref_key = spec->columns[i].key;

      for (guint i = 0; i < bundle->records[kind]->len; i++)
        {
          JsonObject *object = g_ptr_array_index (bundle->records[kind], i);
          const char *ref = text_member (object, ref_key);

          if (ref != NULL && !g_hash_table_contains (uuids[spec->parent], ref))
            {
              g_autofree char *path = g_strdup_printf ("$.%s[%u].%s", spec->array, i, ref_key);
              problem (bundle, path, _("refers to %s, which is not in the bundle"), ref);
            }
        }
    }
}

static void check_document (SportelloBundle *bundle, JsonNode *root, GHashTable **uuids);

static SportelloBundle *
check_root (JsonNode *root)
{
  SportelloBundle *bundle = g_new0 (SportelloBundle, 1);
  GHashTable *uuids[SPORTELLO_N_RECORD_KINDS];

  bundle->root = root;
  bundle->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    {
      bundle->records[i] = g_ptr_array_new ();
      uuids[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }

  check_document (bundle, root, uuids);

  for (guint i = 0; i < SPORTELLO_N_RECORD_KINDS; i++)
    g_hash_table_unref (uuids[i]);

  return bundle;
}

static void
check_document (SportelloBundle  *bundle,
                JsonNode         *root,
                GHashTable      **uuids)
{
  JsonObject *object;
  JsonNode *version;
  const char *format;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      problem (bundle, "$", _("this is JSON, but not a Sportello bundle"));
      return;
    }
  object = json_node_get_object (root);

  format = text_member (object, "format");
  if (g_strcmp0 (format, SPORTELLO_BUNDLE_FORMAT) != 0)
    {
      problem (bundle, "$.format", _("this is JSON, but not a Sportello bundle"));
      return;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      problem (bundle, "$.version", _("expected a whole number"));
      return;
    }
  if (json_node_get_int (version) > SPORTELLO_BUNDLE_VERSION)
    {
      problem (bundle, "$.version",
               _("made by a newer Sportello (format version %d, this one reads up to %d): update Sportello to open it"),
               (int) MIN (json_node_get_int (version), G_MAXINT), SPORTELLO_BUNDLE_VERSION);
      return;
    }
  if (json_node_get_int (version) < 1)
    problem (bundle, "$.version", _("unknown format version"));

  if (!is_timestamp (text_member (object, "exported_at")))
    problem (bundle, "$.exported_at", _("expected the date and time of the export"));

  {
    JsonNode *by = json_object_get_member (object, "exported_by");

    if (by == NULL || !JSON_NODE_HOLDS_OBJECT (by) ||
        !text_member (json_node_get_object (by), "consultant") || !text_member (json_node_get_object (by), "hub"))
      problem (bundle, "$.exported_by", _("expected the consultant and the hub who exported it"));
    else
      {
        bundle->exported_by = g_strdup (text_member (json_node_get_object (by), "consultant"));
        bundle->exported_by_hub = g_strdup (text_member (json_node_get_object (by), "hub"));
      }
  }

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      JsonNode *array = json_object_get_member (object, specs[kind].array);
      g_autofree char *path = g_strdup_printf ("$.%s", specs[kind].array);

      /* bundles made before documents and templates travelled have none */
      if (array == NULL && (kind == SPORTELLO_RECORD_KIND_DOCUMENT || kind == SPORTELLO_RECORD_KIND_TEMPLATE))
        continue;
      if (array == NULL)
        {
          problem (bundle, path, _("required field is missing"));
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (array))
        {
          problem (bundle, path, _("expected an array"));
          continue;
        }

      for (guint i = 0; i < json_array_get_length (json_node_get_array (array)); i++)
        check_record (bundle, kind, i, json_array_get_element (json_node_get_array (array), i), uuids[kind]);
    }

  check_references (bundle, uuids);

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
  /* not immutable: json-glib 1.10 asserts on some inputs in that mode (found by fuzzing) */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("The file is empty"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("The file is not valid JSON, or it is cut short: %s"), local_error->message);
      return NULL;
    }

  /* json-glib takes a blank document for an empty one */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("The file is not valid JSON, or it is cut short: %s"), _("no value"));
      return NULL;
    }

  return check_root (json_parser_steal_root (parser));
}

SportelloBundle *
sportello_bundle_load (const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return NULL;
    }

  /* refused before it is read whole */
  if (g_file_info_get_size (info) > SPORTELLO_BUNDLE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (SPORTELLO_BUNDLE_MAX_SIZE);

      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                   _("“%s” is too large to be a bundle (%s; the limit is %s)"), path, size, limit);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return NULL;
    }

  return sportello_bundle_load_bytes (bytes, error);
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
    *hub = bundle->exported_by_hub;
  return bundle->exported_by;
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
  lookups->vat = _sportello_database_prepare (db,
    "SELECT uuid, name FROM clients WHERE vat_number = ?1 AND vat_number <> '' AND uuid <> ?2 AND deleted_at IS NULL "
    "ORDER BY created_at, uuid LIMIT 1", error);

  return lookups->base != NULL && lookups->vat != NULL;
}

static gboolean
same_as_row (const RecordSpec *spec,
             JsonObject       *object,
             sqlite3_stmt     *row)
{
  for (guint i = 0; i < spec->n_columns; i++)
    {
      JsonNode *node = json_object_get_member (object, spec->columns[i].key);

      switch (spec->columns[i].type)
        {
        case COL_INT:
          if (JSON_NODE_HOLDS_NULL (node) != (sqlite3_column_type (row, i) == SQLITE_NULL))
            return FALSE;
          if (!JSON_NODE_HOLDS_NULL (node) && json_node_get_int (node) != sqlite3_column_int64 (row, i))
            return FALSE;
          break;
        case COL_BOOL:
          if (json_node_get_boolean (node) != (sqlite3_column_int (row, i) != 0))
            return FALSE;
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          if (g_strcmp0 (json_node_get_string (node), (const char *) sqlite3_column_text (row, i)) != 0)
            return FALSE;
          break;
        }
    }

  return TRUE;
}

static Decision
decide (Lookups             *lookups,
        SportelloRecordKind  kind,
        JsonObject          *object,
        gboolean            *duplicate)
{
  const char *uuid = json_object_get_string_member (object, "uuid");
  const char *theirs = json_object_get_string_member (object, "updated_at");
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
          sqlite3_bind_text (lookups->vat, 1, json_object_get_string_member (object, "vat_number"), -1, SQLITE_STATIC);
          sqlite3_bind_text (lookups->vat, 2, uuid, -1, SQLITE_STATIC);
          *duplicate = sqlite3_step (lookups->vat) == SQLITE_ROW;
        }
      return DECIDE_NEW;
    }

  /* a checklist version never changes: one we have is kept as it is */
  if (same_as_row (&specs[kind], object, row) || kind == SPORTELLO_RECORD_KIND_CHECKLIST)
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
        gboolean duplicate;
        Decision decision = decide (&lookups, kind, g_ptr_array_index (bundle->records[kind], i), &duplicate);

        count (&counts[kind], decision, duplicate);
      }

  return TRUE;
}

/* Records of a merged client hang off ours instead */
static void
remap_merged (SportelloBundle  *bundle,
              const RecordSpec *spec,
              sqlite3_stmt     *stmt,
              JsonObject       *object)
{
  if (bundle->merges == NULL || spec->parent != SPORTELLO_RECORD_KIND_CLIENT)
    return;

  for (guint i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].type == COL_REF)
      {
        const char *ours = g_hash_table_lookup (bundle->merges,
                                                json_object_get_string_member (object, spec->columns[i].key));

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
      const char *name = column->type == COL_REF ? spec->ref_column : column->key;

      g_string_append_printf (sql, "%s%s", i ? ", " : "", name);
      if (column->type == COL_REF)
        g_string_append_printf (values, "%s(SELECT id FROM %s WHERE uuid = ?%u)", i ? ", " : "",
                                specs[spec->parent].table, i + 1);
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
bind_object (const RecordSpec *spec,
             sqlite3_stmt     *stmt,
             JsonObject       *object)
{
  sqlite3_reset (stmt);
  for (guint i = 0; i < spec->n_columns; i++)
    {
      JsonNode *node = json_object_get_member (object, spec->columns[i].key);

      switch (spec->columns[i].type)
        {
        case COL_INT:
          if (JSON_NODE_HOLDS_NULL (node))
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, json_node_get_int (node));
          break;
        case COL_BOOL:
          sqlite3_bind_int (stmt, i + 1, json_node_get_boolean (node));
          break;
        case COL_TEXT:
        case COL_REF:
        default:
          sqlite3_bind_text (stmt, i + 1, json_node_get_string (node), -1, SQLITE_STATIC);
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

/* Drops the triggers that keep the FTS5 indexes current; returns their SQL */
static gboolean
set_aside_fts_triggers (SportelloDatabase  *db,
                        GPtrArray         **triggers,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = _sportello_database_prepare (db,
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'", error);
  if (stmt == NULL)
    return FALSE;

  *triggers = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (*triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (const char *) g_ptr_array_index (names, i));

      if (!sportello_database_exec (db, drop, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
restore_fts_triggers (SportelloDatabase  *db,
                      GPtrArray          *triggers,
                      GError            **error)
{
  static const char * const indexes[] = { "clients_fts", "meetings_fts", "follow_ups_fts" };

  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *rebuild = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')", indexes[i], indexes[i]);

      if (!sportello_database_exec (db, rebuild, error))
        return FALSE;
    }

  for (guint i = 0; i < triggers->len; i++)
    if (!sportello_database_exec (db, g_ptr_array_index (triggers, i), error))
      return FALSE;

  return TRUE;
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
          JsonObject          *object)
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
  };
  const char *text = text_member (object, keys[kind]);

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
        JsonObject *object = g_ptr_array_index (bundle->records[kind], i);
        gboolean duplicate;
        SportelloConflict *conflict;
        sqlite3_stmt *row;

        if (decide (&lookups, kind, object, &duplicate) != DECIDE_CONFLICT)
          continue;

        conflict = g_new0 (SportelloConflict, 1);
        conflict->kind = kind;
        conflict->uuid = g_strdup (json_object_get_string_member (object, "uuid"));
        conflict->description = g_strdup (describe (kind, object));
        conflict->theirs_updated_at = g_strdup (json_object_get_string_member (object, "updated_at"));
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
      JsonObject *object = g_ptr_array_index (clients, i);
      gboolean duplicate;
      SportelloConflict *match;

      if (decide (&lookups, SPORTELLO_RECORD_KIND_CLIENT, object, &duplicate) != DECIDE_NEW || !duplicate)
        continue;

      /* decide () left the matching row of ours in the statement */
      match = g_new0 (SportelloConflict, 1);
      match->kind = SPORTELLO_RECORD_KIND_CLIENT;
      match->uuid = g_strdup (json_object_get_string_member (object, "uuid"));
      match->description = g_strdup (describe (SPORTELLO_RECORD_KIND_CLIENT, object));
      match->theirs_updated_at = g_strdup (json_object_get_string_member (object, "updated_at"));
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
  g_autoptr(GPtrArray) fts_triggers = NULL;
  guint written = 0;
  guint done = 0;
  guint total = total_records (bundle);
  guint step = MAX (total / 100, 200);

  g_return_val_if_fail (bundle->problems->len == 0, FALSE);

  memset (counts, 0, sizeof (SportelloImportCounts) * SPORTELLO_N_RECORD_KINDS);

  if (!sportello_database_begin (db, error))
    return FALSE;

  /* Many rows: the full-text indexes are rebuilt once at the end rather
   * than row by row by their triggers, which are set aside meanwhile (inside
   * the transaction, so a failure puts them back too). */
  if (total_records (bundle) > BULK_THRESHOLD && !set_aside_fts_triggers (db, &fts_triggers, error))
    goto failed;

  if (!lookups_init (&lookups, db, error) ||
      !(exchange = _sportello_database_prepare (db, "INSERT OR REPLACE INTO exchanges (uuid, updated_at) VALUES (?, ?)", error)) ||
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
          JsonObject *object = g_ptr_array_index (bundle->records[kind], i);
          gboolean duplicate;
          Decision decision = decide (&lookups, kind, object, &duplicate);
          gboolean write = decision == DECIDE_NEW || decision == DECIDE_UPDATE;

          if (bundle->progress != NULL && ++done % step == 0)
            bundle->progress (done, total, bundle->progress_data);

          if (decision == DECIDE_CONFLICT)
            {
              SportelloConflictPolicy choice = policy;
              gpointer chosen;

              /* what the consultant chose for this record, else the policy */
              if (bundle->choices != NULL &&
                  g_hash_table_lookup_extended (bundle->choices, json_object_get_string_member (object, "uuid"), NULL, &chosen))
                choice = GPOINTER_TO_INT (chosen);

              if (choice == SPORTELLO_CONFLICT_THEIRS)
                write = TRUE;
              else if (choice == SPORTELLO_CONFLICT_NEWER)
                {
                  sqlite3_stmt *row = lookups.current[kind];

                  sqlite3_reset (row);
                  sqlite3_bind_text (row, 1, json_object_get_string_member (object, "uuid"), -1, SQLITE_STATIC);
                  write = sqlite3_step (row) == SQLITE_ROW &&
                          g_strcmp0 (json_object_get_string_member (object, "updated_at"),
                                     (const char *) sqlite3_column_text (row, 2)) > 0;
                  sqlite3_reset (row);
                }
            }

          count (&counts[kind], decision, duplicate);

          /* a client merged into one of ours is not written: ours stays */
          if (kind == SPORTELLO_RECORD_KIND_CLIENT && bundle->merges != NULL &&
              g_hash_table_contains (bundle->merges, json_object_get_string_member (object, "uuid")))
            continue;

          if (write)
            {
              if (fail_after > 0 && ++written >= fail_after)
                {
                  g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                               "Failure injected after %u rows", written);
                  goto failed;
                }

              bind_object (&specs[kind], upsert, object);
              remap_merged (bundle, &specs[kind], upsert, object);
              if (sqlite3_step (upsert) != SQLITE_DONE)
                {
                  _sportello_database_set_error (db, error);
                  goto failed;
                }
            }

          /* both sides now share this version */
          if (write || decision == DECIDE_UNCHANGED)
            {
              sqlite3_reset (exchange);
              sqlite3_bind_text (exchange, 1, json_object_get_string_member (object, "uuid"), -1, SQLITE_STATIC);
              sqlite3_bind_text (exchange, 2, json_object_get_string_member (object, "updated_at"), -1, SQLITE_STATIC);
              if (sqlite3_step (exchange) != SQLITE_DONE)
                {
                  _sportello_database_set_error (db, error);
                  goto failed;
                }
            }
        }
    }

  {
    JsonObject *root = json_node_get_object (bundle->root);

    sqlite3_bind_text (log, 1, file_name ? file_name : "", -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 2, bundle->exported_by, -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 3, bundle->exported_by_hub, -1, SQLITE_STATIC);
    sqlite3_bind_text (log, 4, json_object_get_string_member (root, "exported_at"), -1, SQLITE_STATIC);
    sqlite3_bind_int (log, 5, total);
    if (sqlite3_step (log) != SQLITE_DONE)
      {
        _sportello_database_set_error (db, error);
        goto failed;
      }
  }

  if (fts_triggers != NULL && !restore_fts_triggers (db, fts_triggers, error))
    goto failed;

  lookups_clear (&lookups);
  if (sportello_database_commit (db, error))
    {
      /* the end, unless the last step already said so */
      if (bundle->progress != NULL && (total == 0 || total % step != 0))
        bundle->progress (total, total, bundle->progress_data);
      return TRUE;
    }

failed:
  lookups_clear (&lookups);
  g_clear_pointer (&exchange, sqlite3_finalize);
  g_clear_pointer (&log, sqlite3_finalize);
  sportello_database_rollback (db);
  return FALSE;
}
