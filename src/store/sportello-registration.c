/* sportello-registration.c: a person registered for an event
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A registration is of a contact of one of our clients, or of someone new
 * (name, e-mail, firm as they wrote it), who can be linked to a contact
 * later or made into a new client in one step. Its status is one of
 * registered, waitlisted, attended, absent, cancelled; consent to be
 * contacted about the event is recorded as for clients.
 */

#define G_LOG_DOMAIN "sportello-registration"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-client.h"
#include "sportello-client-private.h"
#include "sportello-event-private.h"
#include "sportello-registration-private.h"
#include "sportello-identifiers.h"
#include "sportello-registration.h"
#include "sportello-vocabulary.h"
#include "sportello-record-columns-private.h"

struct _SportelloRegistration
{
  SportelloRecord  parent_instance;

  gboolean  consent_given;
  guint     waiting_position;
};

G_DEFINE_FINAL_TYPE (SportelloRegistration, sportello_registration, SPORTELLO_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CONSENT_GIVEN = SPORTELLO_REGISTRATION_N_TEXT_FIELDS + 1,
  PROP_WAITING_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-registration-private.h) gives: the
 * text fields' property names (the same with '-' for '_'); the SELECT of
 * a registration (r) with its event (e) and its person's contact (k), the
 * row's id first, then the contact's client (c) and the place on the
 * waiting list, and what reads it; and the upsert, which keeps the
 * registration's identity, event and origin */
#define CONTACT_NAME(field, column, member)           [field] = member,
#define SKIP(member, name)
#define SKIP_CONTACT(field, column, member)
#define SELECT_COLUMN(field, name)                    ", r." name
#define SELECT_CONTACT(field, column, member)         ", coalesce (k.uuid, '')"
#define READ_TEXT(field, name)                        sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_BOOL(member, name)                       self->member = sqlite3_column_int (stmt, ++i) != 0;
#define READ_CONTACT(field, column, member)           READ_TEXT (field, member)
#define INSERT_CONTACT(field, column, member)         ", " column
/* the upsert is a VALUES list: the event's id is bound, not joined */
#undef VALUE_REF
#define VALUE_REF(field, column, member, alias)       ", ?"
#define VALUE_CONTACT(field, column, member)          ", (SELECT id FROM contacts WHERE uuid = ?)"
#define UPDATE_CONTACT(field, column, member)         ", " column " = excluded." column

static const char * const property_names[SPORTELLO_REGISTRATION_N_TEXT_FIELDS] = {
  SPORTELLO_REGISTRATION_COLUMNS (FIELD_NAME, SKIP, REF_NAME, CONTACT_NAME)
  /* read from the contact's client */
  [SPORTELLO_REGISTRATION_CLIENT_UUID] = "client_uuid",
  [SPORTELLO_REGISTRATION_CLIENT_NAME] = "client_name",
};

#define REGISTRATION_SELECT \
  "SELECT r.id" SPORTELLO_REGISTRATION_COLUMNS (SELECT_COLUMN, SELECT_COLUMN, SELECT_REF, SELECT_CONTACT) ", " \
  "coalesce (c.uuid, ''), coalesce (c.name, ''), " \
  "CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id " \
  "AND w.status = 'waitlisted' AND (w.created_at < r.created_at OR (w.created_at = r.created_at AND w.id <= r.id))) " \
  "ELSE 0 END " \
  "FROM registrations r JOIN events e ON e.id = r.event_id " \
  "LEFT JOIN contacts k ON k.id = r.contact_id LEFT JOIN clients c ON c.id = k.client_id "

#define REGISTRATION_UPSERT \
  "INSERT INTO registrations (id" SPORTELLO_REGISTRATION_COLUMNS (INSERT_NAME, INSERT_NAME, INSERT_REF, INSERT_CONTACT) ") " \
  "VALUES (NULL" SPORTELLO_REGISTRATION_COLUMNS (VALUE, VALUE, VALUE_REF, VALUE_CONTACT) ") " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_REGISTRATION_OWN_COLUMNS (UPDATE, UPDATE, SKIP_REF, UPDATE_CONTACT)

static void
sportello_registration_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SportelloRegistration *self = SPORTELLO_REGISTRATION (object);

  if (prop_id == PROP_CONSENT_GIVEN)
    g_value_set_boolean (value, self->consent_given);
  else if (prop_id == PROP_WAITING_POSITION)
    g_value_set_uint (value, self->waiting_position);
  else
    G_OBJECT_CLASS (sportello_registration_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_registration_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SportelloRegistration *self = SPORTELLO_REGISTRATION (object);

  if (prop_id == PROP_CONSENT_GIVEN)
    sportello_registration_set_consent_given (self, g_value_get_boolean (value));
  else
    G_OBJECT_CLASS (sportello_registration_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_registration_class_init (SportelloRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_registration_get_property;
  object_class->set_property = sportello_registration_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names,
                                         SPORTELLO_REGISTRATION_N_TEXT_FIELDS);
  properties[PROP_CONSENT_GIVEN] =
    g_param_spec_boolean ("consent-given", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* 1 for the first person waiting, as loaded; 0 for those not waiting */
  properties[PROP_WAITING_POSITION] =
    g_param_spec_uint ("waiting-position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  for (guint i = SPORTELLO_REGISTRATION_N_TEXT_FIELDS + 1; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_registration_init (SportelloRegistration *self)
{
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_REGISTRATION_STATUS, "registered");
}

SportelloRegistration *
sportello_registration_new (const char *event_uuid)
{
  SportelloRegistration *self = g_object_new (SPORTELLO_TYPE_REGISTRATION, NULL);

  sportello_registration_set (self, SPORTELLO_REGISTRATION_EVENT_UUID, event_uuid);
  return self;
}

const char *
sportello_registration_get (SportelloRegistration      *self,
                            SportelloRegistrationField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_registration_set (SportelloRegistration      *self,
                            SportelloRegistrationField  field,
                            const char                 *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

gboolean
sportello_registration_get_consent_given (SportelloRegistration *self)
{
  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION (self), FALSE);

  return self->consent_given;
}

void
sportello_registration_set_consent_given (SportelloRegistration *self,
                                          gboolean               consent_given)
{
  g_return_if_fail (SPORTELLO_IS_REGISTRATION (self));

  consent_given = !!consent_given;
  if (self->consent_given != consent_given)
    {
      self->consent_given = consent_given;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_GIVEN]);
    }
}

guint
sportello_registration_get_waiting_position (SportelloRegistration *self)
{
  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION (self), 0);

  return self->waiting_position;
}

/* The translated name of a status id, or "" for an unknown one */
const char *
sportello_registration_status_label (const char *status)
{
  return sportello_vocabulary_label (SPORTELLO_VOCABULARY_REGISTRATION_STATUS, status);
}

/* Whether a registration of this status has one of the event's places */
gboolean
sportello_registration_status_takes_place (const char *status)
{
  return g_strcmp0 (status, "registered") == 0 || g_strcmp0 (status, "attended") == 0 ||
         g_strcmp0 (status, "absent") == 0;
}

/**
 * sportello_registration_check:
 *
 * Returns: (nullable): what keeps the registration from being saved
 */
char *
sportello_registration_check (SportelloRegistration *self)
{
  g_autofree char *name = NULL;
  const char *email;
  const char *basis;
  char *message = NULL;

  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION (self), NULL);

  name = g_strstrip (g_strdup (sportello_registration_get (self, SPORTELLO_REGISTRATION_NAME)));
  if (name[0] == '\0' && sportello_registration_get (self, SPORTELLO_REGISTRATION_CONTACT_UUID)[0] == '\0')
    return g_strdup (_("The registration needs the person’s name"));
  email = sportello_registration_get (self, SPORTELLO_REGISTRATION_EMAIL);
  if (email[0] != '\0' && sportello_validate_email (email, NULL, &message) == SPORTELLO_ID_INVALID)
    return message;
  g_free (message);
  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_REGISTRATION_STATUS,
                                      sportello_registration_get (self, SPORTELLO_REGISTRATION_STATUS)))
    return g_strdup_printf (_("“%s” is not a status of a registration"),
                            sportello_registration_get (self, SPORTELLO_REGISTRATION_STATUS));
  basis = sportello_registration_get (self, SPORTELLO_REGISTRATION_CONSENT_BASIS);
  if (basis[0] != '\0' && !sportello_vocabulary_contains (SPORTELLO_VOCABULARY_CONSENT_BASIS, basis))
    return g_strdup_printf (_("“%s” is not a legal basis"), basis);

  return NULL;
}

static SportelloRegistration *
registration_from_row (sqlite3_stmt *stmt)
{
  SportelloRegistration *self = g_object_new (SPORTELLO_TYPE_REGISTRATION, NULL);
  int i = 0;

  SPORTELLO_REGISTRATION_COLUMNS (READ_TEXT, READ_BOOL, READ_REF, READ_CONTACT)
  READ_TEXT (SPORTELLO_REGISTRATION_CLIENT_UUID, "client_uuid")
  READ_TEXT (SPORTELLO_REGISTRATION_CLIENT_NAME, "client_name")
  self->waiting_position = sqlite3_column_int (stmt, ++i);

  return self;
}

static char *
query_text (SportelloDatabase *db,
            const char        *sql,
            const char        *bind)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, bind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Inside a transaction */
static gboolean
write_registration (SportelloRegistration  *self,
                    SportelloDatabase      *db,
                    GStrvBuilder           *promoted,
                    GError                **error)
{
  SportelloRecord *record = SPORTELLO_RECORD (self);
  const char *event_uuid = sportello_registration_get (self, SPORTELLO_REGISTRATION_EVENT_UUID);
  const char *contact_uuid = sportello_registration_get (self, SPORTELLO_REGISTRATION_CONTACT_UUID);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_status = NULL;
  g_autofree char *now = sportello_now_utc ();
  g_autofree char *event_id = NULL;

  if (!(event_id = query_text (db, "SELECT id FROM events WHERE uuid = ?", event_uuid)))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The event does not exist any more"));
      return FALSE;
    }

  /* a contact's registration takes what is missing from the contact */
  if (contact_uuid[0] != '\0')
    {
      g_autoptr(sqlite3_stmt) contact = _sportello_database_prepare (db,
        "SELECT k.name, k.email, c.name, c.uuid FROM contacts k JOIN clients c ON c.id = k.client_id WHERE k.uuid = ?", error);

      if (contact == NULL)
        return FALSE;
      sqlite3_bind_text (contact, 1, contact_uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (contact) != SQLITE_ROW)
        {
          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                       _("The person does not exist any more"));
          return FALSE;
        }
      if (sportello_registration_get (self, SPORTELLO_REGISTRATION_NAME)[0] == '\0')
        sportello_registration_set (self, SPORTELLO_REGISTRATION_NAME, (const char *) sqlite3_column_text (contact, 0));
      if (sportello_registration_get (self, SPORTELLO_REGISTRATION_EMAIL)[0] == '\0')
        sportello_registration_set (self, SPORTELLO_REGISTRATION_EMAIL, (const char *) sqlite3_column_text (contact, 1));
      if (sportello_registration_get (self, SPORTELLO_REGISTRATION_FIRM)[0] == '\0')
        sportello_registration_set (self, SPORTELLO_REGISTRATION_FIRM, (const char *) sqlite3_column_text (contact, 2));
      sportello_registration_set (self, SPORTELLO_REGISTRATION_CLIENT_NAME, (const char *) sqlite3_column_text (contact, 2));
      sportello_registration_set (self, SPORTELLO_REGISTRATION_CLIENT_UUID, (const char *) sqlite3_column_text (contact, 3));
    }

  if (sportello_registration_get (self, SPORTELLO_REGISTRATION_UUID)[0] != '\0')
    old_status = query_text (db, "SELECT status FROM registrations WHERE uuid = ?",
                             sportello_registration_get (self, SPORTELLO_REGISTRATION_UUID));

  if (old_status == NULL)
    {
      g_autoptr(sqlite3_stmt) twice = NULL;
      g_autoptr(sqlite3_stmt) places = NULL;

      /* the same person once per event */
      twice = _sportello_database_prepare (db,
        "SELECT r.name FROM registrations r LEFT JOIN contacts k ON k.id = r.contact_id "
        "WHERE r.event_id = ?1 AND r.status <> 'cancelled' AND "
        "((?2 <> '' AND k.uuid = ?2) OR (?3 <> '' AND lower (trim (r.email)) = lower (trim (?3)))) LIMIT 1", error);
      if (twice == NULL)
        return FALSE;
      sqlite3_bind_text (twice, 1, event_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (twice, 2, contact_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (twice, 3, sportello_registration_get (self, SPORTELLO_REGISTRATION_EMAIL), -1, SQLITE_STATIC);
      if (sqlite3_step (twice) == SQLITE_ROW)
        {
          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_DUPLICATE,
                       _("%s is already registered for this event"), sqlite3_column_text (twice, 0));
          return FALSE;
        }

      /* past the capacity: the waiting list */
      if (g_str_equal (sportello_registration_get (self, SPORTELLO_REGISTRATION_STATUS), "registered"))
        {
          places = _sportello_database_prepare (db,
            "SELECT coalesce (e.capacity, 0) > 0 AND (SELECT count(*) FROM registrations r WHERE r.event_id = e.id "
            "AND r.status IN " SPORTELLO_TAKES_PLACE_SQL ") >= e.capacity FROM events e WHERE e.id = ?", error);
          if (places == NULL)
            return FALSE;
          sqlite3_bind_text (places, 1, event_id, -1, SQLITE_STATIC);
          if (sqlite3_step (places) == SQLITE_ROW && sqlite3_column_int (places, 0))
            sportello_registration_set (self, SPORTELLO_REGISTRATION_STATUS, "waitlisted");
        }
    }

  if (self->consent_given && sportello_registration_get (self, SPORTELLO_REGISTRATION_CONSENT_DATE)[0] == '\0')
    {
      /* the consultant's day, not UTC's: in Italy a day begins at
       * 23:00 UTC (22:00 in summer) */
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");

      sportello_registration_set (self, SPORTELLO_REGISTRATION_CONSENT_DATE, today);
    }
  sportello_record_stamp (SPORTELLO_RECORD (self), db, now);

  stmt = _sportello_database_prepare (db, REGISTRATION_UPSERT, error);
  if (stmt == NULL)
    return FALSE;

  {
    int n = 0;

    /* trimmed; the event by its row id, the contact by its UUID ("" for none) */
#define BIND_TEXT(field, name) \
    sqlite3_bind_text (stmt, ++n, g_strstrip (g_strdup (sportello_record_get (record, field))), -1, g_free);
#define BIND_BOOL(member, name)                  sqlite3_bind_int (stmt, ++n, self->member);
#define BIND_REF(field, column, member, alias)   sqlite3_bind_text (stmt, ++n, event_id, -1, SQLITE_STATIC);
#define BIND_CONTACT(field, column, member)      sqlite3_bind_text (stmt, ++n, contact_uuid, -1, SQLITE_STATIC);
    SPORTELLO_REGISTRATION_COLUMNS (BIND_TEXT, BIND_BOOL, BIND_REF, BIND_CONTACT)
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  /* a place freed: the first waiting people move up */
  if (old_status != NULL && sportello_registration_status_takes_place (old_status) &&
      !sportello_registration_status_takes_place (sportello_registration_get (self, SPORTELLO_REGISTRATION_STATUS)))
    return _sportello_event_fill_places (db, event_uuid, promoted, error);

  return TRUE;
}

static gboolean
save_and_promote (SportelloRegistration  *self,
                  SportelloDatabase      *db,
                  GStrvBuilder           *promoted,
                  GError                **error)
{
  g_autofree char *problem = NULL;

  if ((problem = sportello_registration_check (self)))
    {
      g_set_error_literal (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  if (!sportello_database_begin (db, error))
    return FALSE;
  if (write_registration (self, db, promoted, error) && sportello_database_commit (db, error))
    return TRUE;

  sportello_database_rollback (db);
  return FALSE;
}

/**
 * sportello_registration_save:
 *
 * Writes the registration. A new one with the status “registered” goes
 * on the waiting list (and @self says so) when the event is full; the
 * same person cannot register twice (%SPORTELLO_STORE_ERROR_DUPLICATE).
 * One that gives up its place (cancelled) lets the first waiting person
 * move up.
 */
gboolean
sportello_registration_save (SportelloRegistration  *self,
                             SportelloDatabase      *db,
                             GError                **error)
{
  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION (self), FALSE);

  return save_and_promote (self, db, NULL, error);
}

SportelloRegistration *
sportello_registration_load (SportelloDatabase  *db,
                             const char         *uuid,
                             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, REGISTRATION_SELECT "WHERE r.uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return registration_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                 _("The registration does not exist any more"));
  else
    _sportello_database_set_error (db, error);

  return NULL;
}

/**
 * sportello_registration_set_status:
 * @status: registered, waitlisted, attended, absent or cancelled
 * @promoted: (out) (optional): the registrations that moved up from the
 *   waiting list because of this change
 *
 * Changes the status of one registration (the desk may also give a
 * waiting person a place past the capacity).
 */
gboolean
sportello_registration_set_status (SportelloDatabase  *db,
                                   const char         *uuid,
                                   const char         *status,
                                   GStrv              *promoted,
                                   GError            **error)
{
  g_autoptr(SportelloRegistration) self = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!(self = sportello_registration_load (db, uuid, error)))
    return FALSE;
  sportello_registration_set (self, SPORTELLO_REGISTRATION_STATUS, status);
  if (!save_and_promote (self, db, builder, error))
    return FALSE;

  if (promoted != NULL)
    *promoted = g_strv_builder_end (builder);
  return TRUE;
}

/* Deletes a registration; its place, if it had one, goes to the first waiting */
gboolean
sportello_registration_delete (SportelloDatabase  *db,
                               const char         *uuid,
                               GError            **error)
{
  g_autofree char *event_uuid = NULL;

  if (!sportello_database_begin (db, error))
    return FALSE;
  event_uuid = query_text (db, "SELECT e.uuid FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.uuid = ?", uuid);
  if (_sportello_database_run_on_uuid (db, "DELETE FROM registrations WHERE uuid = ?", uuid, error) &&
      (event_uuid == NULL || _sportello_event_fill_places (db, event_uuid, NULL, error)) &&
      sportello_database_commit (db, error))
    return TRUE;

  sportello_database_rollback (db);
  return FALSE;
}

/**
 * sportello_registration_link_contact:
 *
 * The person who registered is this contact of one of our clients.
 */
gboolean
sportello_registration_link_contact (SportelloDatabase  *db,
                                     const char         *uuid,
                                     const char         *contact_uuid,
                                     GError            **error)
{
  g_autoptr(SportelloRegistration) self = NULL;

  if (!(self = sportello_registration_load (db, uuid, error)))
    return FALSE;
  sportello_registration_set (self, SPORTELLO_REGISTRATION_CONTACT_UUID, contact_uuid);
  return sportello_registration_save (self, db, error);
}

/**
 * sportello_registration_make_client:
 *
 * Makes a new client of the firm the person wrote (or of the person, with
 * no firm), with the person as its main contact and the registration's
 * consent, and links the registration to that contact: one transaction.
 *
 * Returns: (transfer full): the new client's UUID, or %NULL with an error
 */
char *
sportello_registration_make_client (SportelloDatabase  *db,
                                    const char         *uuid,
                                    GError            **error)
{
  g_autoptr(SportelloRegistration) self = NULL;
  g_autoptr(SportelloEvent) event = NULL;
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(sqlite3_stmt) contact = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *contact_uuid = sportello_new_uuid ();
  g_autofree char *now = sportello_now_utc ();
  const char *firm;

  if (!(self = sportello_registration_load (db, uuid, error)))
    return NULL;
  if (sportello_registration_get (self, SPORTELLO_REGISTRATION_CONTACT_UUID)[0] != '\0')
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("%s is already a person of the client “%s”"),
                   sportello_registration_get (self, SPORTELLO_REGISTRATION_NAME),
                   sportello_registration_get (self, SPORTELLO_REGISTRATION_CLIENT_NAME));
      return NULL;
    }
  if (!(event = sportello_event_load (db, sportello_registration_get (self, SPORTELLO_REGISTRATION_EVENT_UUID), error)))
    return NULL;

  firm = sportello_registration_get (self, SPORTELLO_REGISTRATION_FIRM);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, firm[0] != '\0' ? firm : sportello_registration_get (self, SPORTELLO_REGISTRATION_NAME));
  sportello_client_set (client, SPORTELLO_CLIENT_SOURCE,
                        g_str_equal (sportello_event_get (event, SPORTELLO_EVENT_KIND), "webinar") ? "webinar" : "event");
  sportello_client_set_consent_given (client, self->consent_given);
  sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_DATE, sportello_registration_get (self, SPORTELLO_REGISTRATION_CONSENT_DATE));
  sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_BASIS, sportello_registration_get (self, SPORTELLO_REGISTRATION_CONSENT_BASIS));
  sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_NOTE, sportello_registration_get (self, SPORTELLO_REGISTRATION_CONSENT_NOTE));
  sportello_client_normalize (client);
  problems = sportello_client_check (client);
  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *problem = g_ptr_array_index (problems, i);

      if (problem->blocking)
        {
          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                       "%s: %s", sportello_client_field_label (problem->field), problem->message);
          return NULL;
        }
    }

  if (!sportello_database_begin (db, error))
    return NULL;
  if (!_sportello_client_write (client, db, TRUE, error))
    goto failed;

  contact = _sportello_database_prepare (db,
    "INSERT INTO contacts (uuid, client_id, name, email, is_primary, created_at, updated_at, origin_consultant, origin_hub) "
    "SELECT ?1, id, ?2, ?3, 1, ?4, ?4, ?5, ?6 FROM clients WHERE uuid = ?7", error);
  if (contact == NULL)
    goto failed;
  sqlite3_bind_text (contact, 1, contact_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (contact, 2, sportello_registration_get (self, SPORTELLO_REGISTRATION_NAME), -1, SQLITE_STATIC);
  sqlite3_bind_text (contact, 3, sportello_registration_get (self, SPORTELLO_REGISTRATION_EMAIL), -1, SQLITE_STATIC);
  sqlite3_bind_text (contact, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (contact, 5, sportello_database_get_consultant (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (contact, 6, sportello_database_get_hub (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (contact, 7, sportello_client_get_uuid (client), -1, SQLITE_STATIC);
  if (sqlite3_step (contact) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      goto failed;
    }

  sportello_registration_set (self, SPORTELLO_REGISTRATION_CONTACT_UUID, contact_uuid);
  if (!write_registration (self, db, NULL, error) || !sportello_database_commit (db, error))
    goto failed;

  return g_strdup (sportello_client_get_uuid (client));

failed:
  sportello_database_rollback (db);
  return NULL;
}

static GListModel *
list_registrations (SportelloDatabase  *db,
                    const char         *sql,
                    const char         *bind1,
                    const char         *bind2,
                    GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_REGISTRATION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, bind1, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bind2, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, registration_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sportello_registration_list:
 * @status: (nullable): only those of this status
 *
 * The event's registrations in the order they came (so the waiting ones
 * in the order they move up).
 *
 * Returns: (transfer full): a list of #SportelloRegistration
 */
GListModel *
sportello_registration_list (SportelloDatabase  *db,
                             const char         *event_uuid,
                             const char         *status,
                             GError            **error)
{
  return list_registrations (db, REGISTRATION_SELECT "WHERE e.uuid = ?1 AND (?2 IS NULL OR r.status = ?2) "
                                 "ORDER BY r.created_at, r.id", event_uuid, status, error);
}

/**
 * sportello_registration_list_for_client:
 *
 * The registrations of the client's people, the latest events first.
 *
 * Returns: (transfer full): a list of #SportelloRegistration
 */
GListModel *
sportello_registration_list_for_client (SportelloDatabase  *db,
                                        const char         *client_uuid,
                                        GError            **error)
{
  return list_registrations (db, REGISTRATION_SELECT "WHERE c.uuid = ?1 AND ?2 IS NULL "
                                 "ORDER BY e.starts_at DESC, r.created_at, r.id", client_uuid, NULL, error);
}
