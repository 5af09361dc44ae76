/* sportello-contact.c: a person the consultant talks to at a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-contact.h"
#include "sportello-contact-private.h"
#include "sportello-identifiers.h"
#include "sportello-record-columns-private.h"

struct _SportelloContact
{
  SportelloRecord  parent_instance;

  gboolean  is_primary;
};

G_DEFINE_FINAL_TYPE (SportelloContact, sportello_contact, SPORTELLO_TYPE_RECORD)

enum {
  PROP_0,
  PROP_IS_PRIMARY = SPORTELLO_CONTACT_N_TEXT_FIELDS + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-contact-private.h) gives: the text
 * fields' property names (the same with '-' for '_'); the SELECT of a
 * contact (k) with its client (c), the row's id first, and what reads
 * it; and the upsert, which keeps the contact's identity, client and
 * origin */
#define SKIP(member, name)
#define SELECT_COLUMN(field, name)               ", k." name
#define READ_TEXT(field, name)                   sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_BOOL(member, name)                  self->member = sqlite3_column_int (stmt, ++i) != 0;

static const char * const property_names[SPORTELLO_CONTACT_N_TEXT_FIELDS] = {
  SPORTELLO_CONTACT_COLUMNS (FIELD_NAME, SKIP, REF_NAME)
};

#define CONTACT_SELECT \
  "SELECT k.id" SPORTELLO_CONTACT_COLUMNS (SELECT_COLUMN, SELECT_COLUMN, SELECT_REF) \
  " FROM contacts k JOIN clients c ON c.id = k.client_id "

#define CONTACT_UPSERT \
  "INSERT INTO contacts (id" SPORTELLO_CONTACT_COLUMNS (INSERT_NAME, INSERT_NAME, INSERT_REF) ") " \
  "SELECT NULL" SPORTELLO_CONTACT_COLUMNS (VALUE, VALUE, VALUE_REF) " FROM clients c WHERE c.uuid = ? " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_CONTACT_OWN_COLUMNS (UPDATE, UPDATE, SKIP_REF)

static SportelloContact *
contact_new_from_row (sqlite3_stmt *stmt)
{
  SportelloContact *self = g_object_new (SPORTELLO_TYPE_CONTACT, NULL);
  int i = 0;

  SPORTELLO_CONTACT_COLUMNS (READ_TEXT, READ_BOOL, READ_REF)

  return self;
}

static void
sportello_contact_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SportelloContact *self = SPORTELLO_CONTACT (object);

  if (prop_id == PROP_IS_PRIMARY)
    g_value_set_boolean (value, self->is_primary);
  else
    G_OBJECT_CLASS (sportello_contact_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_contact_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SportelloContact *self = SPORTELLO_CONTACT (object);

  if (prop_id == PROP_IS_PRIMARY)
    sportello_contact_set_is_primary (self, g_value_get_boolean (value));
  else
    G_OBJECT_CLASS (sportello_contact_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_contact_class_init (SportelloContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_contact_get_property;
  object_class->set_property = sportello_contact_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names, SPORTELLO_CONTACT_N_TEXT_FIELDS);
  properties[PROP_IS_PRIMARY] =
    g_param_spec_boolean ("is-primary", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  for (guint i = SPORTELLO_CONTACT_N_TEXT_FIELDS + 1; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_contact_init (SportelloContact *self)
{
}

SportelloContact *
sportello_contact_new (const char *client_uuid)
{
  SportelloContact *self = g_object_new (SPORTELLO_TYPE_CONTACT, NULL);

  sportello_contact_set (self, SPORTELLO_CONTACT_CLIENT_UUID, client_uuid);

  return self;
}

const char *
sportello_contact_get (SportelloContact      *self,
                       SportelloContactField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_contact_set (SportelloContact      *self,
                       SportelloContactField  field,
                       const char            *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

gboolean
sportello_contact_get_is_primary (SportelloContact *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CONTACT (self), FALSE);

  return self->is_primary;
}

void
sportello_contact_set_is_primary (SportelloContact *self,
                                  gboolean          is_primary)
{
  g_return_if_fail (SPORTELLO_IS_CONTACT (self));

  is_primary = !!is_primary;
  if (self->is_primary != is_primary)
    {
      self->is_primary = is_primary;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PRIMARY]);
    }
}

/* Returns the first problem that prevents saving, or %NULL. */
char *
sportello_contact_check (SportelloContact *self)
{
  g_autofree char *name = NULL;
  char *message = NULL;

  g_return_val_if_fail (SPORTELLO_IS_CONTACT (self), NULL);

  name = g_strstrip (g_strdup (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CONTACT_NAME)));
  if (name[0] == '\0')
    return g_strdup (_("The name is required"));

  if (sportello_validate_email (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CONTACT_EMAIL), NULL, &message) == SPORTELLO_ID_INVALID)
    return message;
  g_free (message);

  return NULL;
}

gboolean
sportello_contact_save (SportelloContact   *self,
                        SportelloDatabase  *db,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) unset = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SPORTELLO_IS_CONTACT (self), FALSE);

  if ((problem = sportello_contact_check (self)))
    {
      g_set_error_literal (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  now = sportello_now_utc ();
  sportello_record_stamp (SPORTELLO_RECORD (self), db, now);

  if (!sportello_database_begin (db, error))
    return FALSE;

  stmt = _sportello_database_prepare (db, CONTACT_UPSERT, error);
  if (stmt == NULL)
    goto failed;

  {
    int n = 0;

#define BIND_TEXT(field, name) \
    sqlite3_bind_text (stmt, ++n, g_strstrip (g_strdup (sportello_record_get (SPORTELLO_RECORD (self), field))), -1, g_free);
#define BIND_BOOL(member, name) sqlite3_bind_int (stmt, ++n, self->member);
    SPORTELLO_CONTACT_COLUMNS (BIND_TEXT, BIND_BOOL, SKIP_REF)
    /* the client, last */
    sqlite3_bind_text (stmt, ++n, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CONTACT_CLIENT_UUID), -1, SQLITE_STATIC);
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      goto failed;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The client does not exist any more"));
      goto failed;
    }

  /* One primary contact per client */
  if (self->is_primary)
    {
      unset = _sportello_database_prepare (db,
        "UPDATE contacts SET is_primary = 0 WHERE uuid <> ?1 AND is_primary AND "
        "client_id = (SELECT id FROM clients WHERE uuid = ?2)", error);
      if (unset == NULL)
        goto failed;
      sqlite3_bind_text (unset, 1, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CONTACT_UUID), -1, SQLITE_STATIC);
      sqlite3_bind_text (unset, 2, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_CONTACT_CLIENT_UUID), -1, SQLITE_STATIC);
      if (sqlite3_step (unset) != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          goto failed;
        }
    }

  if (sportello_database_commit (db, error))
    return TRUE;

failed:
  sportello_database_rollback (db);
  return FALSE;
}

gboolean
sportello_contact_delete (SportelloDatabase  *db,
                          const char         *uuid,
                          GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM contacts WHERE uuid = ?", uuid, error);
}

/* The contacts of a client, the primary one first, then by name. */
GListModel *
sportello_contact_list_for_client (SportelloDatabase  *db,
                                   const char         *client_uuid,
                                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_CONTACT);
  int rc;

  stmt = _sportello_database_prepare (db, CONTACT_SELECT
                                      "WHERE c.uuid = ? ORDER BY k.is_primary DESC, k.name COLLATE NOCASE",
                                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SportelloContact) contact = contact_new_from_row (stmt);

      g_list_store_append (store, contact);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}
