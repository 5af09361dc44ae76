/* sportello-document.c: a piece of advice written for one client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document starts as a template rendered with the client's data (and
 * the latest assessment's results), then is free text: edited, autosaved,
 * marked as sent.
 */

#define G_LOG_DOMAIN "sportello-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-assessment.h"
#include "sportello-client.h"
#include "sportello-contact.h"
#include "sportello-database-private.h"
#include "sportello-document.h"
#include "sportello-document-private.h"
#include "sportello-follow-up.h"
#include "sportello-format.h"
#include "sportello-vocabulary.h"
#include "sportello-record-columns-private.h"

struct _SportelloDocument
{
  SportelloRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloDocument, sportello_document, SPORTELLO_TYPE_RECORD)

/* What the list of columns (sportello-document-private.h) gives: the
 * text fields' property names (the same with '-' for '_'); the SELECT of
 * a document (d) with its client (c), the row's id first, and what reads
 * it; and the upsert, which keeps the document's identity, client and
 * origin */
#define SELECT_COLUMN(field, name)               ", d." name
#define READ_TEXT(field, name)                   sportello_document_set (self, field, (const char *) sqlite3_column_text (stmt, ++i));
#define BIND_TEXT(field, name)                   sqlite3_bind_text (stmt, ++n, sportello_document_get (self, field), -1, SQLITE_STATIC);

static const char * const field_names[SPORTELLO_DOCUMENT_N_TEXT_FIELDS] = {
  SPORTELLO_DOCUMENT_COLUMNS (FIELD_NAME, REF_NAME)
};

#define DOCUMENT_SELECT \
  "SELECT d.id" SPORTELLO_DOCUMENT_COLUMNS (SELECT_COLUMN, SELECT_REF) \
  " FROM documents d JOIN clients c ON c.id = d.client_id "

#define DOCUMENT_UPSERT \
  "INSERT INTO documents (id" SPORTELLO_DOCUMENT_COLUMNS (INSERT_NAME, INSERT_REF) ") " \
  "SELECT NULL" SPORTELLO_DOCUMENT_COLUMNS (VALUE, VALUE_REF) " FROM clients c WHERE c.uuid = ? " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_DOCUMENT_OWN_COLUMNS (UPDATE, SKIP_REF)

static void
sportello_document_class_init (SportelloDocumentClass *klass)
{
  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), field_names, SPORTELLO_DOCUMENT_N_TEXT_FIELDS);
}

static void
sportello_document_init (SportelloDocument *self)
{
}

const char *
sportello_document_get (SportelloDocument      *self,
                        SportelloDocumentField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_document_set (SportelloDocument      *self,
                        SportelloDocumentField  field,
                        const char             *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

static void
put (GHashTable *values,
     const char *name,
     char       *value)
{
  g_hash_table_insert (values, g_strdup (name), value ? value : g_strdup (""));
}

/* Racc. 2003/361/CE, by head count alone (turnover is not recorded) */
static const char *
size_class (int employees)
{
  if (employees < 0)
    return "";
  if (employees < 10)
    return _("micro-enterprise");
  if (employees < 50)
    return _("small enterprise");
  if (employees < 250)
    return _("medium-sized enterprise");
  return _("large enterprise");
}

/**
 * sportello_document_values:
 *
 * The values of the placeholders for @client_uuid: the client, its primary
 * contact, the consultant and hub, today's date, the last meeting, the open
 * follow-ups and the latest assessment. Missing ones are left out, so the
 * renderer marks them «da completare».
 */
GHashTable *
sportello_document_values (SportelloDatabase  *db,
                           const char         *client_uuid,
                           const char         *consultant_email,
                           GError            **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(SportelloClient) client = sportello_client_load (db, client_uuid, error);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) assessments = NULL;
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (client == NULL)
    return NULL;

  put (values, "client.name", g_strdup (sportello_client_get_name (client)));
  put (values, "client.vat", g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_VAT_NUMBER)));
  put (values, "client.tax_code", g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_TAX_CODE)));
  put (values, "client.city", g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_MUNICIPALITY)));
  put (values, "client.province", g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_PROVINCE)));
  put (values, "client.sector", g_strdup (sportello_vocabulary_label (SPORTELLO_VOCABULARY_CATEGORY,
                                                                      sportello_client_get (client, SPORTELLO_CLIENT_CATEGORY))));
  put (values, "client.ateco", g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_ATECO_CODE)));
  put (values, "client.employees", sportello_client_get_employees (client) >= 0
                                      ? g_strdup_printf ("%d", sportello_client_get_employees (client)) : NULL);
  put (values, "client.size", g_strdup (size_class (sportello_client_get_employees (client))));
  put (values, "client.pec", g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_PEC)));
  put (values, "client.sdi_code", g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_SDI_CODE)));
  put (values, "consultant.name", g_strdup (sportello_database_get_consultant (db)));
  put (values, "consultant.email", g_strdup (consultant_email));
  put (values, "hub.name", g_strdup (sportello_database_get_hub (db)));
  put (values, "date", sportello_format_date_long (today));
  put (values, "meeting.date", sportello_format_date_long (sportello_client_get (client, SPORTELLO_CLIENT_LAST_MEETING_AT)));

  contacts = sportello_contact_list_for_client (db, client_uuid, NULL);
  if (contacts != NULL && g_list_model_get_n_items (contacts) > 0)
    {
      g_autoptr(SportelloContact) primary = g_list_model_get_item (contacts, 0);

      put (values, "client.contact", g_strdup (sportello_contact_get (primary, SPORTELLO_CONTACT_NAME)));
    }

  follow_ups = sportello_follow_up_list_open (db, client_uuid, NULL, NULL);
  if (follow_ups != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (follow_ups); i++)
        {
          g_autoptr(SportelloFollowUp) f = g_list_model_get_item (follow_ups, i);
          g_autofree char *text = sportello_markdown_escape (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_TEXT));
          g_autofree char *date = sportello_format_date_on (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_DUE_DATE),
                                                            SPORTELLO_DATE_LONG);
          /* Translators: a due date, as in “by 2 December 2026”; %s comes with its
           * article where the language needs one (“entro l'8 dicembre 2026”) */
          g_autofree char *due = date ? g_strdup_printf (_("by %s"), date) : NULL;

          g_string_append_printf (list, "- %s — %s%s%s\n", text,
                                  sportello_vocabulary_label (SPORTELLO_VOCABULARY_ASSIGNEE,
                                                              sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_ASSIGNEE)),
                                  due ? ", " : "", due ? due : "");
        }
      put (values, "followups.open", list->len ? g_string_free (g_steal_pointer (&list), FALSE)
                                               : g_strdup (_("No open actions.")));
    }

  /* the latest assessment with every item answered */
  assessments = sportello_assessment_list (db, client_uuid, NULL);
  for (guint i = 0; assessments != NULL && i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(SportelloAssessment) a = g_list_model_get_item (assessments, i);
      g_autoptr(SportelloChecklist) checklist = sportello_checklist_load_version (db, sportello_assessment_get (a, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), NULL);
      g_autoptr(GHashTable) results = NULL;
      GHashTableIter iter;
      gpointer key, value;

      if (checklist == NULL || sportello_assessment_count_answers (a, checklist) < checklist->items->len)
        continue;

      results = sportello_assessment_placeholders (a, checklist);
      g_hash_table_iter_init (&iter, results);
      while (g_hash_table_iter_next (&iter, &key, &value))
        put (values, key, g_strdup (value));
      put (values, "assessment.date", sportello_format_date_long (sportello_assessment_get (a, SPORTELLO_ASSESSMENT_ASSESSED_ON)));
      break;
    }

  return g_steal_pointer (&values);
}

/**
 * sportello_document_new_from_template:
 *
 * A new document for the client, the template rendered with the client's
 * values between the common heading and closing. Not stored yet.
 */
SportelloDocument *
sportello_document_new_from_template (SportelloDatabase        *db,
                                      const char               *client_uuid,
                                      const SportelloTemplate  *template,
                                      const char               *consultant_email,
                                      GError                  **error)
{
  return sportello_document_new_from_template_with_values (db, client_uuid, template, consultant_email, NULL, error);
}

/**
 * sportello_document_new_from_template_with_values:
 * @extra_values: (nullable): more placeholder values, e.g. a grant call's
 *   (sportello_grant_document_values())
 *
 * As sportello_document_new_from_template(), with more values.
 */
SportelloDocument *
sportello_document_new_from_template_with_values (SportelloDatabase        *db,
                                                  const char               *client_uuid,
                                                  const SportelloTemplate  *template,
                                                  const char               *consultant_email,
                                                  GHashTable               *extra_values,
                                                  GError                  **error)
{
  g_autoptr(GHashTable) values = sportello_document_values (db, client_uuid, consultant_email, error);
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SportelloDocument *self;

  if (values == NULL)
    return NULL;
  if (extra_values != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, extra_values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (values, g_strdup (key), g_strdup (value));
    }

  text = g_strdup_printf ("%s\n\n# %s\n\n%s\n\n%s\n", sportello_templates_header (), template->title,
                          template->body, sportello_templates_closing ());
  body = sportello_template_render (text, template->inputs, values, &problems);
  if (body == NULL)
    {
      SportelloTemplateProblem *p = g_ptr_array_index (problems, 0);

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("Line %u: “%s” is not a known placeholder"), p->line, p->name);
      return NULL;
    }

  self = g_object_new (SPORTELLO_TYPE_DOCUMENT, NULL);
  sportello_document_set (self, SPORTELLO_DOCUMENT_CLIENT_UUID, client_uuid);
  sportello_document_set (self, SPORTELLO_DOCUMENT_TEMPLATE_ID, template->id);
  sportello_document_set (self, SPORTELLO_DOCUMENT_TITLE, template->title);
  sportello_document_set (self, SPORTELLO_DOCUMENT_BODY, body);
  sportello_document_set (self, SPORTELLO_DOCUMENT_STATUS, "draft");

  return self;
}

gboolean
sportello_document_save (SportelloDocument  *self,
                         SportelloDatabase  *db,
                         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sportello_now_utc ();
  const char *status = sportello_document_get (self, SPORTELLO_DOCUMENT_STATUS);

  if (!g_str_equal (status, "draft") && !g_str_equal (status, "sent"))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID, _("Unknown status"));
      return FALSE;
    }

  sportello_record_stamp (SPORTELLO_RECORD (self), db, now);

  stmt = _sportello_database_prepare (db, DOCUMENT_UPSERT, error);
  if (stmt == NULL)
    return FALSE;

  {
    int n = 0;

    SPORTELLO_DOCUMENT_COLUMNS (BIND_TEXT, SKIP_REF)
    /* the client, last */
    sqlite3_bind_text (stmt, ++n, sportello_document_get (self, SPORTELLO_DOCUMENT_CLIENT_UUID), -1, SQLITE_STATIC);
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND, _("The client does not exist any more"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sportello_document_save_body (SportelloDatabase  *db,
                              const char         *uuid,
                              const char         *body,
                              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sportello_database_prepare (db,
    "UPDATE documents SET body = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
    "WHERE uuid = ?2 AND body IS NOT ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static SportelloDocument *
document_from_row (sqlite3_stmt *stmt)
{
  SportelloDocument *self = g_object_new (SPORTELLO_TYPE_DOCUMENT, NULL);
  int i = 0;

  SPORTELLO_DOCUMENT_COLUMNS (READ_TEXT, READ_REF)
  return self;
}

SportelloDocument *
sportello_document_load (SportelloDatabase  *db,
                         const char         *uuid,
                         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (db, DOCUMENT_SELECT "WHERE d.uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return document_from_row (stmt);

  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND, _("The document does not exist any more"));
  return NULL;
}

gboolean
sportello_document_delete (SportelloDatabase  *db,
                           const char         *uuid,
                           GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM documents WHERE uuid = ?", uuid, error);
}

GListModel *
sportello_document_list (SportelloDatabase  *db,
                         const char         *client_uuid,
                         GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_DOCUMENT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, DOCUMENT_SELECT "WHERE c.uuid = ? ORDER BY d.created_at DESC", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SportelloDocument) d = document_from_row (stmt);
      g_list_store_append (store, d);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
