/* sportello-grant-application.c: a client's application to a grant call
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving an application keeps its status history (every status it took,
 * with the moment) and the follow-ups its deadlines make
 * (sportello-grant-follow-ups.c).
 */

#define G_LOG_DOMAIN "sportello-grant-application"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sportello-agenda.h"
#include "sportello-format.h"
#include "sportello-grant-application.h"
#include "sportello-grant-application-private.h"
#include "sportello-grant-private.h"
#include "sportello-template.h"
#include "sportello-vocabulary.h"
#include "sportello-record-columns-private.h"

struct _SportelloGrantApplication
{
  SportelloRecord  parent_instance;

  gint64           numbers[SPORTELLO_GRANT_APPLICATION_N_NUMBERS];
};

G_DEFINE_FINAL_TYPE (SportelloGrantApplication, sportello_grant_application, SPORTELLO_TYPE_RECORD)

#define PROP_FIRST_NUMBER (SPORTELLO_GRANT_APPLICATION_N_TEXT_FIELDS + 1)
#define N_PROPS           (PROP_FIRST_NUMBER + SPORTELLO_GRANT_APPLICATION_N_NUMBERS)

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-grant-application-private.h)
 * gives: the names of the text fields and numbers (their properties' the
 * same with '-' for '_'); the SELECT of an application (a) with its
 * client (c), the row's id first, then the client's name and the call's
 * title, and what reads it; and the upsert, which keeps the
 * application's identity, client and origin */
#define SKIP(field, name)
#define SELECT_COLUMN(field, name)               ", a." name
#define READ_TEXT(field, name)                   sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_INT(number, name)                   ++i; self->numbers[number] = sqlite3_column_type (stmt, i) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, i);
#define BIND_TEXT(field, name)                   sqlite3_bind_text (stmt, ++n, sportello_record_get (record, field), -1, SQLITE_STATIC);
#define BIND_INT(number, name)                   bind_number (stmt, ++n, self->numbers[number]);

static const char * const property_names[SPORTELLO_GRANT_APPLICATION_N_TEXT_FIELDS] = {
  SPORTELLO_GRANT_APPLICATION_COLUMNS (FIELD_NAME, SKIP, REF_NAME)
  /* read from the client and the call */
  [SPORTELLO_GRANT_APPLICATION_CLIENT_NAME] = "client_name",
  [SPORTELLO_GRANT_APPLICATION_CALL_TITLE] = "call_title",
};

static const char * const number_names[SPORTELLO_GRANT_APPLICATION_N_NUMBERS] = {
  SPORTELLO_GRANT_APPLICATION_COLUMNS (SKIP, FIELD_NAME, SKIP_REF)
};

#define APPLICATION_SELECT \
  "SELECT a.id" SPORTELLO_GRANT_APPLICATION_COLUMNS (SELECT_COLUMN, SELECT_COLUMN, SELECT_REF) ", c.name, g.title " \
  "FROM grant_applications a JOIN clients c ON c.id = a.client_id JOIN grant_calls g ON g.uuid = a.call_uuid "

/* written only while the client and the call are there */
#define APPLICATION_UPSERT \
  "INSERT INTO grant_applications (id" SPORTELLO_GRANT_APPLICATION_COLUMNS (INSERT_NAME, INSERT_NAME, INSERT_REF) ") " \
  "SELECT NULL" SPORTELLO_GRANT_APPLICATION_COLUMNS (VALUE, VALUE, VALUE_REF) " " \
  "FROM clients c, grant_calls g WHERE c.uuid = ? AND g.uuid = ? " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_GRANT_APPLICATION_OWN_COLUMNS (UPDATE, UPDATE, SKIP_REF)

void
sportello_grant_status_change_free (SportelloGrantStatusChange *change)
{
  if (change == NULL)
    return;
  g_free (change->status);
  g_free (change->changed_at);
  g_free (change);
}

static void
sportello_grant_application_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SportelloGrantApplication *self = SPORTELLO_GRANT_APPLICATION (object);

  if (prop_id >= PROP_FIRST_NUMBER && prop_id < N_PROPS)
    g_value_set_int64 (value, self->numbers[prop_id - PROP_FIRST_NUMBER]);
  else
    G_OBJECT_CLASS (sportello_grant_application_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_grant_application_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  SportelloGrantApplication *self = SPORTELLO_GRANT_APPLICATION (object);

  if (prop_id >= PROP_FIRST_NUMBER && prop_id < N_PROPS)
    sportello_grant_application_set_number (self, prop_id - PROP_FIRST_NUMBER, g_value_get_int64 (value));
  else
    G_OBJECT_CLASS (sportello_grant_application_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_grant_application_class_init (SportelloGrantApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_grant_application_get_property;
  object_class->set_property = sportello_grant_application_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names,
                                         SPORTELLO_GRANT_APPLICATION_N_TEXT_FIELDS);
  for (guint i = 0; i < SPORTELLO_GRANT_APPLICATION_N_NUMBERS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (number_names[i]), "_", '-');

      properties[PROP_FIRST_NUMBER + i] =
        g_param_spec_int64 (g_intern_string (name), NULL, NULL, -1, G_MAXINT64, -1,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
      g_object_class_install_property (object_class, PROP_FIRST_NUMBER + i, properties[PROP_FIRST_NUMBER + i]);
    }
}

static void
sportello_grant_application_init (SportelloGrantApplication *self)
{
  for (guint i = 0; i < SPORTELLO_GRANT_APPLICATION_N_NUMBERS; i++)
    self->numbers[i] = -1;
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_GRANT_APPLICATION_STATUS, "interested");
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS,
                        SPORTELLO_GRANT_DEFAULT_REMINDER_DAYS);
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY, "[]");
}

SportelloGrantApplication *
sportello_grant_application_new (const char *client_uuid,
                                 const char *call_uuid)
{
  SportelloGrantApplication *self = g_object_new (SPORTELLO_TYPE_GRANT_APPLICATION, NULL);

  sportello_grant_application_set (self, SPORTELLO_GRANT_APPLICATION_CLIENT_UUID, client_uuid);
  sportello_grant_application_set (self, SPORTELLO_GRANT_APPLICATION_CALL_UUID, call_uuid);
  return self;
}

const char *
sportello_grant_application_get (SportelloGrantApplication      *self,
                                 SportelloGrantApplicationField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_grant_application_set (SportelloGrantApplication      *self,
                                 SportelloGrantApplicationField  field,
                                 const char                     *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

gint64
sportello_grant_application_get_number (SportelloGrantApplication       *self,
                                        SportelloGrantApplicationNumber  number)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_APPLICATION (self), -1);
  g_return_val_if_fail (number < SPORTELLO_GRANT_APPLICATION_N_NUMBERS, -1);

  return self->numbers[number];
}

void
sportello_grant_application_set_number (SportelloGrantApplication       *self,
                                        SportelloGrantApplicationNumber  number,
                                        gint64                           value)
{
  g_return_if_fail (SPORTELLO_IS_GRANT_APPLICATION (self));
  g_return_if_fail (number < SPORTELLO_GRANT_APPLICATION_N_NUMBERS);

  value = MAX (value, -1);
  if (self->numbers[number] != value)
    {
      self->numbers[number] = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_NUMBER + number]);
    }
}

static GPtrArray *
parse_history (const char *json)
{
  GPtrArray *history = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_grant_status_change_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
    return history;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      SportelloGrantStatusChange *change;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      change = g_new0 (SportelloGrantStatusChange, 1);
      change->status = g_strdup (json_object_get_string_member_with_default (object, "status", ""));
      change->changed_at = g_strdup (json_object_get_string_member_with_default (object, "changed_at", ""));
      g_ptr_array_add (history, change);
    }

  return history;
}

/* Whether the text is a status history as save() writes it, for bundles */
gboolean
_sportello_grant_history_is_valid (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *status;
      JsonNode *changed_at;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return FALSE;
      object = json_node_get_object (node);
      status = json_object_get_member (object, "status");
      changed_at = json_object_get_member (object, "changed_at");
      if (status == NULL || changed_at == NULL || !JSON_NODE_HOLDS_VALUE (status) ||
          json_node_get_value_type (status) != G_TYPE_STRING || !JSON_NODE_HOLDS_VALUE (changed_at) ||
          json_node_get_value_type (changed_at) != G_TYPE_STRING ||
          !sportello_vocabulary_contains (SPORTELLO_VOCABULARY_GRANT_STATUS, json_node_get_string (status)))
        return FALSE;
    }

  return TRUE;
}

/**
 * sportello_grant_application_dup_history:
 *
 * Returns: (transfer full) (element-type SportelloGrantStatusChange): every
 *   status the application took, the first first
 */
GPtrArray *
sportello_grant_application_dup_history (SportelloGrantApplication *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_APPLICATION (self), NULL);

  return parse_history (sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY));
}

static char *
history_append (const char *json,
                const char *status,
                const char *changed_at)
{
  g_autoptr(GPtrArray) history = parse_history (json);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i <= history->len; i++)
    {
      SportelloGrantStatusChange *change = i < history->len ? g_ptr_array_index (history, i) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, change ? change->status : status);
      json_builder_set_member_name (builder, "changed_at");
      json_builder_add_string_value (builder, change ? change->changed_at : changed_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
sportello_grant_application_get_document_done (SportelloGrantApplication *self,
                                               const char                *document)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (SPORTELLO_IS_GRANT_APPLICATION (self), FALSE);

  lines = g_strsplit (sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE), "\n", -1);
  return document != NULL && g_strv_contains ((const char * const *) lines, document);
}

void
sportello_grant_application_set_document_done (SportelloGrantApplication *self,
                                               const char                *document,
                                               gboolean                   done)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (SPORTELLO_IS_GRANT_APPLICATION (self));
  g_return_if_fail (document != NULL && strchr (document, '\n') == NULL);

  lines = g_strsplit (sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_equal (lines[i], document))
      g_strv_builder_add (builder, lines[i]);
  if (done)
    g_strv_builder_add (builder, document);

  kept = g_strv_builder_end (builder);
  joined = g_strjoinv ("\n", kept);
  sportello_grant_application_set (self, SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE, joined);
}

/* Whether @text is a list of days before a deadline, as in “14, 3” */
gboolean
sportello_grant_reminder_days_are_valid (const char *text)
{
  return _sportello_grant_reminder_days_are_valid (text);
}

static gboolean
check_date (const char  *value,
            const char  *what,
            GError     **error)
{
  g_autoptr(GDate) date = NULL;

  if (value[0] == '\0' || (date = sportello_date_parse (value)) != NULL)
    return TRUE;

  /* Translators: the second %s is which date, e.g. “reporting deadline” */
  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
               _("“%s” is not a valid %s: write it as year-month-day, as in 2026-11-25"), value, what);
  return FALSE;
}

static gboolean
check (SportelloGrantApplication  *self,
       GError                    **error)
{
  const char *status = sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_STATUS);

  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_GRANT_STATUS, status))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("“%s” is not a known status of an application"), status);
      return FALSE;
    }
  if (!check_date (sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_SUBMITTED_ON), _("submission date"), error) ||
      !check_date (sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_OUTCOME_ON), _("outcome date"), error) ||
      !check_date (sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE), _("reporting deadline"), error))
    return FALSE;
  if (!_sportello_grant_reminder_days_are_valid (sportello_grant_application_get (self, SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS)))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("Write the reminders as days before the deadline, separated by commas, as in 14, 3"));
      return FALSE;
    }

  return TRUE;
}

static void
bind_number (sqlite3_stmt *stmt,
             int           index,
             gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/**
 * sportello_grant_application_save:
 *
 * Checks and writes the application. When its status is new or changed,
 * the history gains the status with the moment; the follow-ups from its
 * deadlines follow the dates.
 */
gboolean
sportello_grant_application_save (SportelloGrantApplication  *self,
                                  SportelloDatabase          *db,
                                  GError                    **error)
{
  SportelloRecord *record = SPORTELLO_RECORD (self);
  g_autoptr(sqlite3_stmt) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sportello_now_utc ();
  g_autofree char *history = NULL;
  g_autofree char *stored_status = NULL;
  const char *status;

  g_return_val_if_fail (SPORTELLO_IS_GRANT_APPLICATION (self), FALSE);

  if (!check (self, error))
    return FALSE;

  if (sportello_record_get (record, SPORTELLO_GRANT_APPLICATION_UUID)[0] == '\0')
    {
      g_autofree char *uuid = sportello_new_uuid ();

      sportello_grant_application_set (self, SPORTELLO_GRANT_APPLICATION_UUID, uuid);
    }

  if (!sportello_database_exec (db, "SAVEPOINT grant_application_save", error))
    return FALSE;

  /* the history as stored is the one to add to */
  if (!(stored = _sportello_database_prepare (db, "SELECT status, status_history FROM grant_applications WHERE uuid = ?", error)))
    goto failed;
  sqlite3_bind_text (stored, 1, sportello_record_get (record, SPORTELLO_GRANT_APPLICATION_UUID), -1, SQLITE_STATIC);
  if (sqlite3_step (stored) == SQLITE_ROW)
    {
      stored_status = g_strdup ((const char *) sqlite3_column_text (stored, 0));
      history = g_strdup ((const char *) sqlite3_column_text (stored, 1));
    }
  else
    {
      /* one brought back (an Undo, a bundle) keeps its history as it was:
       * the status it ends with is not taken again */
      g_autoptr(GPtrArray) kept = sportello_grant_application_dup_history (self);

      history = g_strdup (sportello_record_get (record, SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY));
      if (kept != NULL && kept->len > 0)
        stored_status = g_strdup (((SportelloGrantStatusChange *) g_ptr_array_index (kept, kept->len - 1))->status);
    }

  status = sportello_record_get (record, SPORTELLO_GRANT_APPLICATION_STATUS);
  if (g_strcmp0 (stored_status, status) != 0)
    {
      g_autofree char *longer = history_append (history, status, now);

      g_free (history);
      history = g_steal_pointer (&longer);
    }
  sportello_grant_application_set (self, SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY, history);

  sportello_record_stamp (record, db, now);

  stmt = _sportello_database_prepare (db, APPLICATION_UPSERT, error);
  if (stmt == NULL)
    goto failed;

  {
    int n = 0;

    SPORTELLO_GRANT_APPLICATION_COLUMNS (BIND_TEXT, BIND_INT, SKIP_REF)
    /* the client and the call, last */
    sqlite3_bind_text (stmt, ++n, sportello_record_get (record, SPORTELLO_GRANT_APPLICATION_CLIENT_UUID), -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, ++n, sportello_record_get (record, SPORTELLO_GRANT_APPLICATION_CALL_UUID), -1, SQLITE_STATIC);
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      goto failed;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The client or the call does not exist any more"));
      goto failed;
    }

  if (!_sportello_grant_sync_follow_ups (db, sportello_record_get (record, SPORTELLO_GRANT_APPLICATION_UUID), NULL, NULL, error) ||
      !sportello_database_exec (db, "RELEASE grant_application_save", error))
    goto failed;

  return TRUE;

failed:
  sportello_database_exec (db, "ROLLBACK TO grant_application_save; RELEASE grant_application_save", NULL);
  return FALSE;
}

static SportelloGrantApplication *
application_from_row (sqlite3_stmt *stmt)
{
  SportelloGrantApplication *self = g_object_new (SPORTELLO_TYPE_GRANT_APPLICATION, NULL);
  int i = 0;

  SPORTELLO_GRANT_APPLICATION_COLUMNS (READ_TEXT, READ_INT, READ_REF)
  READ_TEXT (SPORTELLO_GRANT_APPLICATION_CLIENT_NAME, "client_name")
  READ_TEXT (SPORTELLO_GRANT_APPLICATION_CALL_TITLE, "call_title")

  return self;
}

SportelloGrantApplication *
sportello_grant_application_load (SportelloDatabase  *db,
                                  const char         *uuid,
                                  GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, APPLICATION_SELECT "WHERE a.uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return application_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                 _("The application does not exist any more"));
  else
    _sportello_database_set_error (db, error);

  return NULL;
}

/* Its follow-ups go with it */
gboolean
sportello_grant_application_delete (SportelloDatabase  *db,
                                    const char         *uuid,
                                    GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM grant_applications WHERE uuid = ?", uuid, error);
}

/**
 * sportello_grant_application_list:
 * @client_uuid: (nullable): one client's applications, the newest first
 * @call_uuid: (nullable): the applications to one call, by client name
 *
 * With neither, every application, the last changed first. Applications
 * of deleted clients are left out.
 *
 * Returns: (transfer full): a list of #SportelloGrantApplication
 */
GListModel *
sportello_grant_application_list (SportelloDatabase  *db,
                                  const char         *client_uuid,
                                  const char         *call_uuid,
                                  GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_GRANT_APPLICATION);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql;
  int rc;

  if (client_uuid != NULL)
    sql = APPLICATION_SELECT "WHERE c.deleted_at IS NULL AND c.uuid = ?1 AND (?2 IS NULL OR g.uuid = ?2) "
          "ORDER BY a.created_at DESC, a.uuid";
  else if (call_uuid != NULL)
    sql = APPLICATION_SELECT "WHERE c.deleted_at IS NULL AND ?1 IS NULL AND a.call_uuid = ?2 "
          "ORDER BY c.name COLLATE NOCASE, a.created_at, a.uuid";
  else
    sql = APPLICATION_SELECT "WHERE c.deleted_at IS NULL AND ?1 IS NULL AND ?2 IS NULL "
          "ORDER BY a.updated_at DESC, a.uuid";

  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, call_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, application_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

const char *
sportello_grant_application_status_label (const char *status)
{
  return sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_STATUS, status);
}

/* ------------------------------------------ advice document values ---- */

static char *
euros (gint64 amount)
{
  g_autofree char *number = NULL;

  if (amount < 0)
    return NULL;
  /* grouped as the locale groups thousands: “10.000” in Italian */
  number = g_strdup_printf ("%'" G_GINT64_FORMAT, amount);
  /* Translators: an amount in euros; Italian: “%s €” */
  return g_strdup_printf (_("€%s"), number);
}

static void
put (GHashTable *values,
     const char *name,
     char       *value)
{
  if (value != NULL && value[0] != '\0')
    g_hash_table_replace (values, g_strdup (name), value);
  else
    g_free (value);
}

/* As the template engine takes a list: a Markdown item a line, indented
 * so that it nests under a numbered item as well */
static char *
markdown_list (GStrv items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *escaped = sportello_markdown_escape (items[i]);

      g_string_append_printf (out, "   - %s\n", escaped);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sportello_grant_document_values:
 * @call_uuid: (nullable): the call, or %NULL for the application's
 * @application_uuid: (nullable): the application, if there is one
 *
 * The values of the call.* and application.* placeholders of advice
 * templates (“call.title”, “call.deadline”, “application.amount_requested”…),
 * to add to the client's (see sportello_document_new_from_template_with_values()).
 * Values not known are left out, so the document marks them to complete.
 *
 * Returns: (transfer full): placeholder name → value
 */
GHashTable *
sportello_grant_document_values (SportelloDatabase  *db,
                                 const char         *call_uuid,
                                 const char         *application_uuid,
                                 GError            **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(SportelloGrantApplication) application = NULL;
  g_autoptr(SportelloGrantCall) call = NULL;
  g_autoptr(GPtrArray) contribution = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) documents = NULL;
  gint64 percent, min, max;
  const char *deadline;

  if (application_uuid != NULL)
    {
      if (!(application = sportello_grant_application_load (db, application_uuid, error)))
        return NULL;
      call_uuid = sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_CALL_UUID);
    }
  if (call_uuid == NULL)
    return g_steal_pointer (&values);
  if (!(call = sportello_grant_call_load (db, call_uuid, error)))
    return NULL;

  put (values, "call.title", g_strdup (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_TITLE)));
  put (values, "call.funder", g_strdup (sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_FUNDER,
                                                                    sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_FUNDER))));
  put (values, "call.kind", g_strdup (sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_KIND,
                                                                  sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_KIND))));
  put (values, "call.url", g_strdup (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_URL)));
  put (values, "call.opens", sportello_format_date_long (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_OPENS_AT)));
  deadline = sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_DEADLINE);
  if (deadline[0] != '\0')
    put (values, "call.deadline", sportello_format_date_time (deadline));
  else if (sportello_grant_call_get_flag (call, SPORTELLO_GRANT_CALL_FIRST_COME))
    put (values, "call.deadline", g_strdup (_("first come, first served, until the funds run out")));

  percent = sportello_grant_call_get_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT);
  min = sportello_grant_call_get_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_MIN);
  max = sportello_grant_call_get_number (call, SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX);
  if (percent >= 0)
    g_ptr_array_add (contribution, g_strdup_printf ("%" G_GINT64_FORMAT "%%", percent));
  {
    g_autofree char *from = euros (min > 0 ? min : -1);
    g_autofree char *to = euros (max);

    if (from != NULL && to != NULL)
      /* Translators: a contribution between two amounts */
      g_ptr_array_add (contribution, g_strdup_printf (_("from %s to %s"), from, to));
    else if (to != NULL)
      g_ptr_array_add (contribution, g_strdup_printf (_("up to %s"), to));
    else if (from != NULL)
      g_ptr_array_add (contribution, g_strdup_printf (_("at least %s"), from));
  }
  g_ptr_array_add (contribution, NULL);
  put (values, "call.contribution", g_strjoinv (", ", (char **) contribution->pdata));

  documents = sportello_grant_call_dup_documents (call);
  put (values, "call.documents", markdown_list (documents));
  put (values, "call.expenses", g_strdup (sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_EXPENSES)));

  if (application != NULL)
    {
      put (values, "application.status", g_strdup (sportello_grant_application_status_label (
                                                      sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_STATUS))));
      put (values, "application.amount_requested", euros (application->numbers[SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED]));
      put (values, "application.amount_granted", euros (application->numbers[SPORTELLO_GRANT_APPLICATION_AMOUNT_GRANTED]));
      put (values, "application.protocol_number",
           g_strdup (sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER)));
      put (values, "application.submitted_on",
           sportello_format_date_long (sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_SUBMITTED_ON)));
      put (values, "application.reporting_deadline",
           sportello_format_date_long (sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE)));
    }

  return g_steal_pointer (&values);
}

/**
 * sportello_grant_application_sync_follow_ups:
 * @uuid: (nullable): one application, or all of them
 * @today: (nullable): the day reminders are placed from; %NULL for today
 *
 * Brings the follow-ups from the deadlines in line with the dates, as
 * saving does: for the call's deadline while the application is
 * “interested” or “preparing”, for the reporting deadline once it is
 * “funded”, each the application's reminder days before. A moved date
 * moves its follow-ups (and opens them again); one no longer needed goes,
 * unless it was done. Nothing is duplicated however often this runs.
 */
gboolean
sportello_grant_application_sync_follow_ups (SportelloDatabase  *db,
                                             const char         *uuid,
                                             const GDate        *today,
                                             GError            **error)
{
  return _sportello_grant_sync_follow_ups (db, uuid, NULL, today, error);
}
