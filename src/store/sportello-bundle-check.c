/* sportello-bundle-check.c: what a bundle read must hold
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record read is checked as it comes (the types, vocabularies and
 * limits of its members), the references between records and the
 * document's own members once all of it is read; each problem is told
 * with its JSON path.
 */

#define G_LOG_DOMAIN "sportello-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-bundle.h"
#include "sportello-bundle-private.h"
#include "sportello-checklist.h"
#include "sportello-client.h"
#include "sportello-client-private.h"
#include "sportello-grant-private.h"
#include "sportello-identifiers.h"
#include "sportello-json-scanner.h"
#include "sportello-template.h"
#include "sportello-vocabulary.h"

G_GNUC_PRINTF (3, 4)
void
_sportello_bundle_problem (SportelloBundle *bundle,
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

/* The member @key, if given, must be a value of @vocabulary; the problem
 * is reported at the member's own path */
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
    {
      g_autofree char *member = g_strdup_printf ("%s.%s", path, key);

      _sportello_bundle_problem (bundle, member, _("“%s” is not a known value for %s"), value, key);
    }
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
    _sportello_bundle_problem (bundle, member, _("“%s” is not a valid date and time"), value);
  else
    _sportello_bundle_problem (bundle, member, _("“%s” is not a valid date"), value);
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
        int i = column_index (&_sportello_bundle_specs[SPORTELLO_RECORD_KIND_CLIENT], sportello_client_field_name (f), 0);
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
      _sportello_bundle_problem (bundle, field_path, "%s", p->message);
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

  _sportello_bundle_problem (bundle, member, "%s", message);
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
  const Cell *cell = &cells[column_index (&_sportello_bundle_specs[kind], key, -1)];

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
      check_vocabulary (bundle, path, kind, cells, "funder", SPORTELLO_VOCABULARY_GRANT_FUNDER);
      check_vocabulary (bundle, path, kind, cells, "kind", SPORTELLO_VOCABULARY_GRANT_KIND);
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

      check_vocabulary (bundle, path, kind, cells, "status", SPORTELLO_VOCABULARY_GRANT_STATUS);
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
  const Cell *size = &cells[column_index (&_sportello_bundle_specs[kind], "size", -1)];
  const char *name = text_member (kind, cells, "name");
  const char *media_type = text_member (kind, cells, "media_type");
  const char *content = text_member (kind, cells, "content");
  g_autofree char *trimmed = name ? g_strstrip (g_strdup (name)) : NULL;
  const char *member = NULL;
  g_autofree char *message = NULL;

  if (trimmed != NULL && trimmed[0] == '\0')
    _sportello_bundle_problem (bundle, path, _("the name is empty"));
  if (media_type != NULL && media_type[0] == '\0')
    {
      g_autofree char *p = g_strdup_printf ("%s.media_type", path);
      _sportello_bundle_problem (bundle, p, _("the media type is empty"));
    }
  if (size->type != SPORTELLO_JSON_INTEGER)
    {
      if (size->type == SPORTELLO_JSON_NULL)
        {
          g_autofree char *p = g_strdup_printf ("%s.size", path);
          _sportello_bundle_problem (bundle, p, _("expected a whole number"));
        }
      return;
    }
  if (content == NULL)
    return;

  if ((message = _sportello_bundle_check_attachment (content, text_member (kind, cells, "sha256"),
                                                     size->integer, &member)))
    {
      g_autofree char *p = g_strdup_printf ("%s.%s", path, member);
      _sportello_bundle_problem (bundle, p, "%s", message);
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
          _sportello_bundle_problem (bundle, path, _("the name is empty"));
        if (email != NULL && sportello_validate_email (email, NULL, &message) == SPORTELLO_ID_INVALID)
          {
            g_autofree char *email_path = g_strdup_printf ("%s.email", path);
            _sportello_bundle_problem (bundle, email_path, "%s", message);
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_MEETING:
      {
        const Cell *duration = &cells[column_index (&_sportello_bundle_specs[kind], "duration_minutes", -1)];

        check_when (bundle, path, "starts_at", text_member (kind, cells, "starts_at"), TRUE, FALSE);
        if (duration->type == SPORTELLO_JSON_INTEGER && (duration->integer < 0 || duration->integer > 24 * 60))
          {
            g_autofree char *p = g_strdup_printf ("%s.duration_minutes", path);
            _sportello_bundle_problem (bundle, p, _("a meeting lasts between 0 and 1440 minutes"));
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
              _sportello_bundle_problem (bundle, p, _("this is not a checklist"));
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
            _sportello_bundle_problem (bundle, p, _("expected the answers as a JSON object"));
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_DOCUMENT:
      {
        const char *status = text_member (kind, cells, "status");

        if (status != NULL && !g_str_equal (status, "draft") && !g_str_equal (status, "sent"))
          {
            g_autofree char *p = g_strdup_printf ("%s.status", path);
            _sportello_bundle_problem (bundle, p, _("expected “draft” or “sent”"));
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
            _sportello_bundle_problem (bundle, p, _("a template needs a title"));
          }
        if (body != NULL)
          {
            g_autoptr(GPtrArray) unknown = sportello_template_check (body, NULL);

            if (unknown->len > 0)
              {
                SportelloTemplateProblem *first = g_ptr_array_index (unknown, 0);
                g_autofree char *p = g_strdup_printf ("%s.body", path);

                _sportello_bundle_problem (bundle, p, _("Line %u: “%s” is not a known placeholder"), first->line, first->name);
              }
          }
      }
      break;

    case SPORTELLO_RECORD_KIND_EVENT:
      {
        const char *title = text_member (kind, cells, "title");
        const Cell *duration = &cells[column_index (&_sportello_bundle_specs[kind], "duration_minutes", -1)];
        const Cell *capacity = &cells[column_index (&_sportello_bundle_specs[kind], "capacity", -1)];
        g_autofree char *trimmed = title ? g_strstrip (g_strdup (title)) : NULL;

        if (trimmed != NULL && trimmed[0] == '\0')
          {
            g_autofree char *p = g_strdup_printf ("%s.title", path);
            _sportello_bundle_problem (bundle, p, _("an event needs a title"));
          }
        check_when (bundle, path, "starts_at", text_member (kind, cells, "starts_at"), TRUE, FALSE);
        if (duration->type == SPORTELLO_JSON_INTEGER && (duration->integer < 0 || duration->integer > 7 * 24 * 60))
          {
            g_autofree char *p = g_strdup_printf ("%s.duration_minutes", path);
            _sportello_bundle_problem (bundle, p, _("an event lasts between 0 and 10080 minutes"));
          }
        if (capacity->type == SPORTELLO_JSON_INTEGER && (capacity->integer < 1 || capacity->integer > G_MAXINT))
          {
            g_autofree char *p = g_strdup_printf ("%s.capacity", path);
            _sportello_bundle_problem (bundle, p, _("expected a number of places, or null for no limit"));
          }
        check_vocabulary (bundle, path, kind, cells, "kind", SPORTELLO_VOCABULARY_EVENT_KIND);
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
            _sportello_bundle_problem (bundle, p, _("the name is empty"));
          }
        if (email != NULL && *email != '\0' && sportello_validate_email (email, NULL, &message) == SPORTELLO_ID_INVALID)
          {
            g_autofree char *p = g_strdup_printf ("%s.email", path);
            _sportello_bundle_problem (bundle, p, "%s", message);
          }
        check_vocabulary (bundle, path, kind, cells, "status", SPORTELLO_VOCABULARY_REGISTRATION_STATUS);
        if (basis != NULL && *basis != '\0')
          check_vocabulary (bundle, path, kind, cells, "consent_basis", SPORTELLO_VOCABULARY_CONSENT_BASIS);
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

void
_sportello_bundle_check_record (SportelloBundle     *bundle,
                                SportelloRecordKind  kind,
                                guint                index,
                                Cell                *cells,
                                GHashTable          *uuids)
{
  const RecordSpec *spec = &_sportello_bundle_specs[kind];
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
          _sportello_bundle_problem (bundle, member_path, "%s", expected);
        }
    }

  uuid = cell_text (&cells[0]);
  if (uuid != NULL)
    {
      g_autofree char *uuid_path = g_strdup_printf ("%s.uuid", path);

      if (!g_uuid_string_is_valid (uuid))
        _sportello_bundle_problem (bundle, uuid_path, _("“%s” is not a valid UUID"), uuid);
      else if (!g_hash_table_add (uuids, (gpointer) uuid))
        _sportello_bundle_problem (bundle, uuid_path, _("duplicate UUID %s"), uuid);
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
          g_autofree char *path = g_strdup_printf ("$.%s[%u].%s", _sportello_bundle_specs[kind].array, i, member);
          _sportello_bundle_problem (bundle, path, _("refers to %s, which is not in the bundle"), ref);
        }
    }
}

void
_sportello_bundle_check_references (SportelloBundle  *bundle,
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
      const RecordSpec *spec = &_sportello_bundle_specs[kind];
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
              _sportello_bundle_problem (bundle, path, _("refers to %s, which is not in the bundle"), ref);
            }
        }
    }
}

/* The document's own members, checked once all of it is read */
GPtrArray *
_sportello_bundle_check_header (SportelloBundle *bundle,
                                gboolean        *fatal)
{
  SportelloBundle header = { .problems = g_ptr_array_new_with_free_func (g_free) };
  const Cell *version = &bundle->header[HEADER_VERSION];

  *fatal = TRUE;
  if (g_strcmp0 (cell_text (&bundle->header[HEADER_FORMAT]), SPORTELLO_BUNDLE_FORMAT) != 0)
    {
      _sportello_bundle_problem (&header, "$.format", _("this is JSON, but not a Sportello bundle"));
      return header.problems;
    }
  if (version->type != SPORTELLO_JSON_INTEGER)
    {
      _sportello_bundle_problem (&header, "$.version", _("expected a whole number"));
      return header.problems;
    }
  if (version->integer > SPORTELLO_BUNDLE_VERSION)
    {
      _sportello_bundle_problem (&header, "$.version",
                                 _("made by a newer Sportello (format version %d, this one reads up to %d): update Sportello to open it"),
                                 (int) MIN (version->integer, G_MAXINT), SPORTELLO_BUNDLE_VERSION);
      return header.problems;
    }

  *fatal = FALSE;
  if (version->integer < 1)
    _sportello_bundle_problem (&header, "$.version", _("unknown format version"));
  if (!is_timestamp (cell_text (&bundle->header[HEADER_EXPORTED_AT])))
    _sportello_bundle_problem (&header, "$.exported_at", _("expected the date and time of the export"));
  if (!bundle->exported_by_is_object ||
      cell_text (&bundle->header[HEADER_CONSULTANT]) == NULL || cell_text (&bundle->header[HEADER_HUB]) == NULL)
    _sportello_bundle_problem (&header, "$.exported_by", _("expected the consultant and the hub who exported it"));

  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("$.%s", _sportello_bundle_specs[kind].array);

      switch (bundle->arrays[kind])
        {
        case ARRAY_MISSING:
          /* bundles made before documents, templates, events, grants and attachments travelled have none */
          if (kind != SPORTELLO_RECORD_KIND_DOCUMENT && kind != SPORTELLO_RECORD_KIND_TEMPLATE &&
              kind != SPORTELLO_RECORD_KIND_EVENT && kind != SPORTELLO_RECORD_KIND_REGISTRATION &&
              kind != SPORTELLO_RECORD_KIND_GRANT_CALL && kind != SPORTELLO_RECORD_KIND_GRANT_APPLICATION &&
              kind != SPORTELLO_RECORD_KIND_ATTACHMENT)
            _sportello_bundle_problem (&header, path, _("required field is missing"));
          break;
        case ARRAY_NOT_AN_ARRAY:
          _sportello_bundle_problem (&header, path, _("expected an array"));
          break;
        case ARRAY_TWICE:
          _sportello_bundle_problem (&header, path, _("appears more than once"));
          break;
        case ARRAY_FOUND:
        default:
          break;
        }
    }

  return header.problems;
}
