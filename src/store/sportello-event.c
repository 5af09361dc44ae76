/* sportello-event.c: a webinar, workshop or information session of the hub
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An event has a capacity (0: no limit). People who register past it go
 * on the waiting list, in the order they registered; when a place frees
 * up (a cancellation, a larger capacity) the first waiting people move up,
 * in the same transaction. Attendance comes from the CSV a webinar
 * platform exports, matched by e-mail.
 */

#define G_LOG_DOMAIN "sportello-event"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-agenda.h"
#include "sportello-client-private.h"
#include "sportello-event-private.h"
#include "sportello-follow-up.h"
#include "sportello-meeting.h"
#include "sportello-registration.h"
#include "sportello-vocabulary.h"

#define MAX_DURATION (7 * 24 * 60)

struct _SportelloEvent
{
  SportelloRecord  parent_instance;

  int       duration;
  int       capacity;
  guint     n_taken;
  guint     n_waitlisted;
  guint     n_attended;
  gboolean  upcoming;
};

G_DEFINE_FINAL_TYPE (SportelloEvent, sportello_event, SPORTELLO_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DURATION = SPORTELLO_EVENT_N_TEXT_FIELDS + 1,
  PROP_CAPACITY,
  PROP_N_TAKEN,
  PROP_N_WAITLISTED,
  PROP_N_ATTENDED,
  PROP_UPCOMING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-event-private.h) gives: the text
 * fields' property names (the same with '-' for '_'); the SELECT of an
 * event (e), the row's id first, then what its registrations count, and
 * what reads it; and the upsert, which keeps the event's identity and
 * origin */
#define FIELD_NAME(field, name)                  [field] = name,
#define SKIP(member, name)
#define SELECT_COLUMN(field, name)               ", e." name
#define READ_TEXT(field, name)                   sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_INT(member, name)                   self->member = sqlite3_column_int (stmt, ++i);
#define INSERT_NAME(field, name)                 ", " name
#define VALUE(field, name)                       ", ?"
#define UPDATE(field, name)                      ", " name " = excluded." name

static const char * const property_names[SPORTELLO_EVENT_N_TEXT_FIELDS] = {
  SPORTELLO_EVENT_COLUMNS (FIELD_NAME, SKIP)
};

#define EVENT_SELECT \
  "SELECT e.id" SPORTELLO_EVENT_COLUMNS (SELECT_COLUMN, SELECT_COLUMN) ", " \
  "(SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status IN " SPORTELLO_TAKES_PLACE_SQL "), " \
  "(SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted'), " \
  "(SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'attended') " \
  "FROM events e "

#define EVENT_UPSERT \
  "INSERT INTO events (id" SPORTELLO_EVENT_COLUMNS (INSERT_NAME, INSERT_NAME) ") " \
  "VALUES (NULL" SPORTELLO_EVENT_COLUMNS (VALUE, VALUE) ") " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_EVENT_OWN_COLUMNS (UPDATE, UPDATE)

static void
sportello_event_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SportelloEvent *self = SPORTELLO_EVENT (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;
    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;
    case PROP_N_TAKEN:
      g_value_set_uint (value, self->n_taken);
      break;
    case PROP_N_WAITLISTED:
      g_value_set_uint (value, self->n_waitlisted);
      break;
    case PROP_N_ATTENDED:
      g_value_set_uint (value, self->n_attended);
      break;
    case PROP_UPCOMING:
      g_value_set_boolean (value, self->upcoming);
      break;
    default:
      G_OBJECT_CLASS (sportello_event_parent_class)->get_property (object, prop_id, value, pspec);
    }
}

static void
sportello_event_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SportelloEvent *self = SPORTELLO_EVENT (object);

  if (prop_id == PROP_DURATION)
    sportello_event_set_duration (self, g_value_get_int (value));
  else if (prop_id == PROP_CAPACITY)
    sportello_event_set_capacity (self, g_value_get_int (value));
  else
    G_OBJECT_CLASS (sportello_event_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_event_class_init (SportelloEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_event_get_property;
  object_class->set_property = sportello_event_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names, SPORTELLO_EVENT_N_TEXT_FIELDS);
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL, 0, MAX_DURATION, 60,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* how many people can take part; 0 is no limit */
  properties[PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* as loaded: the registrations with a place, waiting, and attended */
  properties[PROP_N_TAKEN] =
    g_param_spec_uint ("n-taken", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_WAITLISTED] =
    g_param_spec_uint ("n-waitlisted", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ATTENDED] =
    g_param_spec_uint ("n-attended", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* not over yet when it was loaded: lists use it for their two sections */
  properties[PROP_UPCOMING] =
    g_param_spec_boolean ("upcoming", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  for (guint i = SPORTELLO_EVENT_N_TEXT_FIELDS + 1; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_event_init (SportelloEvent *self)
{
  self->duration = 60;
  self->upcoming = TRUE;
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_EVENT_KIND, "webinar");
}

/**
 * sportello_event_new:
 *
 * A new webinar of one hour, a week from now at 10:00 local time.
 */
SportelloEvent *
sportello_event_new (void)
{
  SportelloEvent *self = g_object_new (SPORTELLO_TYPE_EVENT, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 7);
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day), 10, 0, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);
  g_autofree char *starts_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:00Z");

  sportello_event_set (self, SPORTELLO_EVENT_STARTS_AT, starts_at);
  return self;
}

const char *
sportello_event_get (SportelloEvent      *self,
                     SportelloEventField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_event_set (SportelloEvent      *self,
                     SportelloEventField  field,
                     const char          *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

int
sportello_event_get_duration (SportelloEvent *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), 0);

  return self->duration;
}

void
sportello_event_set_duration (SportelloEvent *self,
                              int             minutes)
{
  g_return_if_fail (SPORTELLO_IS_EVENT (self));

  minutes = CLAMP (minutes, 0, MAX_DURATION);
  if (self->duration != minutes)
    {
      self->duration = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }
}

int
sportello_event_get_capacity (SportelloEvent *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), 0);

  return self->capacity;
}

void
sportello_event_set_capacity (SportelloEvent *self,
                              int             capacity)
{
  g_return_if_fail (SPORTELLO_IS_EVENT (self));

  capacity = MAX (capacity, 0);
  if (self->capacity != capacity)
    {
      self->capacity = capacity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
    }
}

guint
sportello_event_get_n_taken (SportelloEvent *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), 0);

  return self->n_taken;
}

guint
sportello_event_get_n_waitlisted (SportelloEvent *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), 0);

  return self->n_waitlisted;
}

guint
sportello_event_get_n_attended (SportelloEvent *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), 0);

  return self->n_attended;
}

gboolean
sportello_event_get_upcoming (SportelloEvent *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), FALSE);

  return self->upcoming;
}

/* Not over at @now */
static gboolean
is_upcoming (const char *starts_at,
             int         duration,
             GDateTime  *now)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (starts_at, NULL);
  g_autoptr(GDateTime) end = start ? g_date_time_add_minutes (start, duration) : NULL;

  return end == NULL || g_date_time_compare (end, now) >= 0;
}

/**
 * sportello_event_check:
 *
 * Returns: (nullable): what keeps the event from being saved, translated
 */
char *
sportello_event_check (SportelloEvent *self)
{
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) starts = NULL;

  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), NULL);

  title = g_strstrip (g_strdup (sportello_event_get (self, SPORTELLO_EVENT_TITLE)));
  if (title[0] == '\0')
    return g_strdup (_("The event needs a title"));
  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_EVENT_KIND, sportello_event_get (self, SPORTELLO_EVENT_KIND)))
    return g_strdup_printf (_("“%s” is not a kind of event"), sportello_event_get (self, SPORTELLO_EVENT_KIND));
  starts = g_date_time_new_from_iso8601 (sportello_event_get (self, SPORTELLO_EVENT_STARTS_AT), NULL);
  if (starts == NULL)
    return g_strdup (_("The event needs a date and time"));

  return NULL;
}

static SportelloEvent *
event_from_row (sqlite3_stmt *stmt,
                GDateTime    *now)
{
  SportelloEvent *self = g_object_new (SPORTELLO_TYPE_EVENT, NULL);
  int i = 0;

  SPORTELLO_EVENT_COLUMNS (READ_TEXT, READ_INT)
  self->n_taken = sqlite3_column_int (stmt, ++i);
  self->n_waitlisted = sqlite3_column_int (stmt, ++i);
  self->n_attended = sqlite3_column_int (stmt, ++i);
  self->upcoming = is_upcoming (sportello_event_get (self, SPORTELLO_EVENT_STARTS_AT), self->duration, now);

  return self;
}

/* Moves the first waiting people up while there are free places */
gboolean
_sportello_event_fill_places (SportelloDatabase  *db,
                              const char         *event_uuid,
                              GStrvBuilder       *promoted,
                              GError            **error)
{
  g_autoptr(sqlite3_stmt) free_places = NULL;
  g_autoptr(sqlite3_stmt) waiting = NULL;
  g_autoptr(sqlite3_stmt) promote = NULL;
  g_autofree char *now = sportello_now_utc ();
  gint64 n_free;
  int rc;

  free_places = _sportello_database_prepare (db,
    "SELECT CASE WHEN coalesce (e.capacity, 0) <= 0 THEN -1 ELSE e.capacity - "
    "(SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status IN " SPORTELLO_TAKES_PLACE_SQL ") END "
    "FROM events e WHERE e.uuid = ?", error);
  if (free_places == NULL)
    return FALSE;
  sqlite3_bind_text (free_places, 1, event_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (free_places) != SQLITE_ROW)
    return TRUE;
  n_free = sqlite3_column_int64 (free_places, 0);
  if (n_free == 0)
    return TRUE;

  /* no limit: nobody waits; else the first n_free */
  waiting = _sportello_database_prepare (db,
    "SELECT r.uuid FROM registrations r JOIN events e ON e.id = r.event_id "
    "WHERE e.uuid = ?1 AND r.status = 'waitlisted' ORDER BY r.created_at, r.id LIMIT ?2", error);
  promote = _sportello_database_prepare (db,
    "UPDATE registrations SET status = 'registered', updated_at = ?2 WHERE uuid = ?1", error);
  if (waiting == NULL || promote == NULL)
    return FALSE;
  sqlite3_bind_text (waiting, 1, event_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (waiting, 2, n_free);

  while ((rc = sqlite3_step (waiting)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (waiting, 0);

      sqlite3_reset (promote);
      sqlite3_bind_text (promote, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (promote, 2, now, -1, SQLITE_STATIC);
      if (sqlite3_step (promote) != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
      g_debug ("A place is free: a waiting registration moves up");
      if (promoted != NULL)
        g_strv_builder_add (promoted, uuid);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sportello_event_save:
 *
 * Writes the event; with more places than before, the first people on
 * the waiting list move up.
 */
gboolean
sportello_event_save (SportelloEvent     *self,
                      SportelloDatabase  *db,
                      GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *now = sportello_now_utc ();
  SportelloRecord *record = SPORTELLO_RECORD (self);

  g_return_val_if_fail (SPORTELLO_IS_EVENT (self), FALSE);

  if ((problem = sportello_event_check (self)))
    {
      g_set_error_literal (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  /* a new event is held at the hub that makes it, unless it says otherwise */
  if (sportello_record_stamp (SPORTELLO_RECORD (self), db, now) &&
      sportello_event_get (self, SPORTELLO_EVENT_HUB)[0] == '\0')
    sportello_event_set (self, SPORTELLO_EVENT_HUB, sportello_database_get_hub (db));

  if (!sportello_database_begin (db, error))
    return FALSE;

  stmt = _sportello_database_prepare (db, EVENT_UPSERT, error);
  if (stmt == NULL)
    goto failed;

  {
    int n = 0;

    /* trimmed, but the description keeps its Markdown as typed */
#define BIND_TEXT(field, name) \
    sqlite3_bind_text (stmt, ++n, field == SPORTELLO_EVENT_DESCRIPTION ? g_strdup (sportello_record_get (record, field)) \
                                  : g_strstrip (g_strdup (sportello_record_get (record, field))), -1, g_free);
    /* no limit to the places is NULL */
#define BIND_INT(member, name) \
    if (self->member > 0 || &self->member != &self->capacity) \
      sqlite3_bind_int (stmt, ++n, self->member); \
    else \
      sqlite3_bind_null (stmt, ++n);
    SPORTELLO_EVENT_COLUMNS (BIND_TEXT, BIND_INT)
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      goto failed;
    }

  if (!_sportello_event_fill_places (db, sportello_event_get (self, SPORTELLO_EVENT_UUID), NULL, error))
    goto failed;

  if (sportello_database_commit (db, error))
    return TRUE;

failed:
  sportello_database_rollback (db);
  return FALSE;
}

SportelloEvent *
sportello_event_load (SportelloDatabase  *db,
                      const char         *uuid,
                      GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int rc;

  if (!(stmt = _sportello_database_prepare (db, EVENT_SELECT "WHERE e.uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return event_from_row (stmt, now);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                 _("The event does not exist any more"));
  else
    _sportello_database_set_error (db, error);

  return NULL;
}

/* Deletes the event with its registrations */
gboolean
sportello_event_delete (SportelloDatabase  *db,
                        const char         *uuid,
                        GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM events WHERE uuid = ?", uuid, error);
}

static GListModel *
list_events (SportelloDatabase  *db,
             const char         *sql,
             const char         *bind,
             GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_EVENT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  int rc;

  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, now_text, -1, SQLITE_TRANSIENT);
  if (bind != NULL)
    sqlite3_bind_text (stmt, 2, bind, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, event_from_row (stmt, now));

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sportello_event_list:
 *
 * Every event: those not over yet first, the soonest first; then the past
 * ones, the most recent first (the #SportelloEvent:upcoming property tells
 * the two apart).
 *
 * Returns: (transfer full): a list of #SportelloEvent
 */
GListModel *
sportello_event_list (SportelloDatabase  *db,
                      GError            **error)
{
  return list_events (db,
    EVENT_SELECT "WHERE ?1 IS NOT NULL ORDER BY "
    "julianday (e.starts_at) + e.duration_minutes / 1440.0 >= julianday (?1) DESC, "
    "CASE WHEN julianday (e.starts_at) + e.duration_minutes / 1440.0 >= julianday (?1) "
    "THEN julianday (e.starts_at) ELSE -julianday (e.starts_at) END, e.uuid",
    NULL, error);
}

/**
 * sportello_event_list_attended_by_client:
 *
 * The events that people of the client attended, the most recent first.
 *
 * Returns: (transfer full): a list of #SportelloEvent
 */
GListModel *
sportello_event_list_attended_by_client (SportelloDatabase  *db,
                                         const char         *client_uuid,
                                         GError            **error)
{
  return list_events (db,
    EVENT_SELECT "WHERE ?1 IS NOT NULL AND e.id IN (SELECT r.event_id FROM registrations r "
    "JOIN contacts k ON k.id = r.contact_id JOIN clients c ON c.id = k.client_id "
    "WHERE c.uuid = ?2 AND r.status = 'attended') ORDER BY e.starts_at DESC, e.uuid",
    client_uuid, error);
}

/**
 * sportello_event_list_follow_ups:
 * @days: how long without a meeting, e.g. 60
 *
 * After an event: the firms of the people who attended it that have had
 * no meeting at the desk for @days days (nor one planned), to contact
 * again (“ricontattare dopo il webinar”), by name; not those that have
 * the event on their record as a meeting already.
 *
 * Returns: (transfer full): a list of #SportelloClient
 */
GListModel *
sportello_event_list_follow_ups (SportelloDatabase  *db,
                                 const char         *event_uuid,
                                 guint               days,
                                 GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_CLIENT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE deleted_at IS NULL "
                         "AND (last_meeting_at IS NULL OR julianday (last_meeting_at) < julianday ('now') - ?2) "
                         "AND id IN (SELECT k.client_id FROM registrations r JOIN contacts k ON k.id = r.contact_id "
                         "JOIN events e ON e.id = r.event_id WHERE e.uuid = ?1 AND r.status = 'attended') "
                         /* nor the event on its record already (sportello_event_make_follow_ups()) */
                         "AND NOT EXISTS (SELECT 1 FROM meetings m JOIN events e ON e.uuid = ?1 "
                         "WHERE m.client_id = clients.id AND m.starts_at = e.starts_at) "
                         "ORDER BY name COLLATE NOCASE, uuid", _sportello_client_columns ());
  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, event_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) MIN (days, G_MAXINT));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SportelloClient) client = _sportello_client_new_from_row (stmt);

      g_list_store_append (store, client);
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The names of the people of the client who attended @event_uuid, one a line */
static char *
attendees_of_client (SportelloDatabase *db,
                     const char        *event_uuid,
                     const char        *client_uuid)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db,
    "SELECT r.name FROM registrations r JOIN contacts k ON k.id = r.contact_id JOIN events e ON e.id = r.event_id "
    "JOIN clients c ON c.id = k.client_id WHERE e.uuid = ?1 AND c.uuid = ?2 AND r.status = 'attended' ORDER BY r.name COLLATE NOCASE", NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, event_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, client_uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  strv = g_strv_builder_end (names);
  return g_strjoinv ("\n", strv);
}

/**
 * sportello_event_make_follow_ups:
 * @days: how long without a meeting, as for sportello_event_list_follow_ups()
 * @due: (nullable): when the firms are to be contacted again; %NULL for a week from today
 * @n_made: (out) (optional): how many firms got one
 *
 * For each firm sportello_event_list_follow_ups() offers, records the
 * event as a meeting with it (a webinar for a webinar, at the desk
 * otherwise; its people who attended as the participants) and, on that
 * meeting, a follow-up in To Do to contact it again. The firm then has a
 * recent meeting, so it is offered no more. One transaction.
 */
gboolean
sportello_event_make_follow_ups (SportelloDatabase  *db,
                                 const char         *event_uuid,
                                 guint               days,
                                 const GDate        *due,
                                 guint              *n_made,
                                 GError            **error)
{
  g_autoptr(SportelloEvent) event = NULL;
  g_autoptr(GListModel) firms = NULL;
  g_autoptr(GDate) local_due = NULL;
  g_autofree char *due_iso = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (n_made != NULL)
    *n_made = 0;
  if (!(event = sportello_event_load (db, event_uuid, error)) ||
      !(firms = sportello_event_list_follow_ups (db, event_uuid, days, error)))
    return FALSE;

  if (due == NULL)
    {
      due = local_due = sportello_today ();
      g_date_add_days (local_due, 7);
    }
  due_iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (due), g_date_get_month (due), g_date_get_day (due));
  /* Translators: a follow-up after an event; %s is its title */
  text = g_strdup_printf (_("Contact again after “%s”"), sportello_event_get (event, SPORTELLO_EVENT_TITLE));

  n = g_list_model_get_n_items (firms);
  if (n == 0)
    return TRUE;
  if (!sportello_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (firms, i);
      g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (client));
      g_autoptr(SportelloFollowUp) follow_up = NULL;
      g_autofree char *participants = attendees_of_client (db, event_uuid, sportello_client_get_uuid (client));

      sportello_meeting_set (meeting, SPORTELLO_MEETING_STARTS_AT, sportello_event_get (event, SPORTELLO_EVENT_STARTS_AT));
      sportello_meeting_set (meeting, SPORTELLO_MEETING_KIND,
                             g_str_equal (sportello_event_get (event, SPORTELLO_EVENT_KIND), "webinar") ? "webinar" : "desk");
      sportello_meeting_set (meeting, SPORTELLO_MEETING_TOPICS, sportello_event_get (event, SPORTELLO_EVENT_TITLE));
      sportello_meeting_set (meeting, SPORTELLO_MEETING_PARTICIPANTS, participants);
      if (!sportello_meeting_save (meeting, db, error))
        goto failed;

      follow_up = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), text);
      sportello_follow_up_set (follow_up, SPORTELLO_FOLLOW_UP_DUE_DATE, due_iso);
      if (!sportello_follow_up_save (follow_up, db, error))
        goto failed;
    }
  if (!sportello_database_commit (db, error))
    goto failed;

  if (n_made != NULL)
    *n_made = n;
  return TRUE;

failed:
  sportello_database_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------ attendance ---- */

static void
attendance_row_free (gpointer data)
{
  SportelloAttendanceRow *row = data;

  g_free (row->name);
  g_free (row->email);
  g_free (row->registration_uuid);
  g_free (row);
}

void
sportello_attendance_report_free (SportelloAttendanceReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report);
}

const char *
sportello_attendance_match_label (SportelloAttendanceMatch match)
{
  switch (match)
    {
    case SPORTELLO_ATTENDANCE_MARKED:
      return _("registered, now marked as attended");
    case SPORTELLO_ATTENDANCE_ALREADY_MARKED:
      return _("already marked as attended");
    case SPORTELLO_ATTENDANCE_ADDED:
      return _("a contact who had not registered: added as attended");
    case SPORTELLO_ATTENDANCE_NO_EMAIL:
      return _("no e-mail address");
    case SPORTELLO_ATTENDANCE_UNKNOWN:
    default:
      return _("nobody registered or known with this e-mail address");
    }
}

/* The attendee's name from the name column, or from first and last name */
static char *
row_name (SportelloCsvRow *row,
          int              name,
          int              first,
          int              last)
{
  if (first >= 0 && last >= 0)
    {
      g_autofree char *joined = g_strdup_printf ("%s %s", row->fields[first], row->fields[last]);

      return g_strstrip (g_steal_pointer (&joined));
    }

  return g_strstrip (g_strdup (name >= 0 ? row->fields[name] : ""));
}

/**
 * sportello_event_mark_attendance:
 * @csv: what a webinar platform exports: a header row, a column whose
 *   header mentions “mail” and, if there is one, the name (or first and
 *   last name)
 * @dry_run: match and report, change nothing
 *
 * Marks as attended the people of @csv, matched by e-mail (trimmed, case
 * not minded) to the event's registrations, else to the contacts of our
 * clients (who are then registered, as attended). Rows that match nobody
 * are reported; all in one transaction.
 *
 * Returns: (transfer full): a row of the report for each row of @csv with
 *   anything in it, or %NULL with an error
 */
SportelloAttendanceReport *
sportello_event_mark_attendance (SportelloDatabase  *db,
                                 const char         *event_uuid,
                                 SportelloCsv       *csv,
                                 gboolean            dry_run,
                                 GError            **error)
{
  static const char * const mail_words[] = { "mail", NULL };
  static const char * const first_names[] = { "first name", "nome", "given name", NULL };
  static const char * const last_names[] = { "last name", "cognome", "surname", "family name", NULL };
  static const char * const name_words[] = { "name", "nome", "participant", "partecipante", "attendee", NULL };
  static const char * const not_names[] = { "mail", "cognome", "last", "first", "surname", "user name", "username", NULL };
  g_autoptr(SportelloAttendanceReport) report = g_new0 (SportelloAttendanceReport, 1);
  g_autoptr(SportelloEvent) event = NULL;
  g_autoptr(sqlite3_stmt) find_registration = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autoptr(sqlite3_stmt) find_contact = NULL;
  g_autoptr(sqlite3_stmt) add = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = sportello_now_utc ();
  int email_column, name_column, first_column, last_column;

  if (!(event = sportello_event_load (db, event_uuid, error)))
    return NULL;

  email_column = sportello_csv_find_column_containing (csv, mail_words, NULL);
  if (email_column < 0)
    {
      g_autofree char *header = g_strjoinv (", ", csv->header);

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("The file has no e-mail column (its columns are: %s)"), header);
      return NULL;
    }
  first_column = sportello_csv_find_column (csv, first_names);
  last_column = sportello_csv_find_column (csv, last_names);
  name_column = sportello_csv_find_column_containing (csv, name_words, not_names);

  report->rows = g_ptr_array_new_with_free_func (attendance_row_free);

  if (!sportello_database_begin (db, error))
    return NULL;

  find_registration = _sportello_database_prepare (db,
    "SELECT r.uuid, r.status FROM registrations r JOIN events e ON e.id = r.event_id "
    "WHERE e.uuid = ?1 AND lower (trim (r.email)) = ?2 ORDER BY r.created_at, r.id LIMIT 1", error);
  mark = _sportello_database_prepare (db,
    "UPDATE registrations SET status = 'attended', updated_at = ?2 WHERE uuid = ?1", error);
  find_contact = _sportello_database_prepare (db,
    "SELECT k.id, k.name, c.name FROM contacts k JOIN clients c ON c.id = k.client_id "
    "WHERE c.deleted_at IS NULL AND lower (trim (k.email)) = ?1 ORDER BY k.id LIMIT 1", error);
  add = _sportello_database_prepare (db,
    "INSERT INTO registrations (uuid, event_id, contact_id, name, email, firm, status, created_at, updated_at, "
    "origin_consultant, origin_hub) SELECT ?1, id, ?2, ?3, ?4, ?5, 'attended', ?6, ?6, ?7, ?8 FROM events WHERE uuid = ?9",
    error);
  if (find_registration == NULL || mark == NULL || find_contact == NULL || add == NULL)
    goto failed;

  for (guint i = 0; i < csv->rows->len; i++)
    {
      SportelloCsvRow *csv_row = g_ptr_array_index (csv->rows, i);
      SportelloAttendanceRow *row;
      g_autofree char *trimmed = g_strstrip (g_strdup (csv_row->fields[email_column]));
      g_autofree char *email = g_ascii_strdown (trimmed, -1);
      gboolean empty = TRUE;

      /* a spreadsheet's blank row, separators only */
      for (guint f = 0; f < csv->n_columns && empty; f++)
        {
          g_autofree char *field = g_strstrip (g_strdup (csv_row->fields[f]));

          empty = field[0] == '\0';
        }
      if (empty)
        continue;

      row = g_new0 (SportelloAttendanceRow, 1);
      row->line = csv_row->line;
      row->name = row_name (csv_row, name_column, first_column, last_column);
      row->email = g_strdup (trimmed);
      g_ptr_array_add (report->rows, row);

      if (email[0] == '\0')
        {
          row->match = SPORTELLO_ATTENDANCE_NO_EMAIL;
          report->n_unmatched++;
          continue;
        }

      sqlite3_reset (find_registration);
      sqlite3_bind_text (find_registration, 1, event_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (find_registration, 2, email, -1, SQLITE_STATIC);
      if (sqlite3_step (find_registration) == SQLITE_ROW)
        {
          row->registration_uuid = g_strdup ((const char *) sqlite3_column_text (find_registration, 0));
          report->n_matched++;
          if (g_str_equal ((const char *) sqlite3_column_text (find_registration, 1), "attended"))
            row->match = SPORTELLO_ATTENDANCE_ALREADY_MARKED;
          else
            {
              row->match = SPORTELLO_ATTENDANCE_MARKED;
              sqlite3_reset (mark);
              sqlite3_bind_text (mark, 1, row->registration_uuid, -1, SQLITE_STATIC);
              sqlite3_bind_text (mark, 2, now, -1, SQLITE_STATIC);
              if (sqlite3_step (mark) != SQLITE_DONE)
                {
                  _sportello_database_set_error (db, error);
                  goto failed;
                }
            }
          /* the same person on two rows (joined twice) */
          if (!g_hash_table_add (seen, g_strdup (email)) && row->match == SPORTELLO_ATTENDANCE_MARKED)
            row->match = SPORTELLO_ATTENDANCE_ALREADY_MARKED;
          continue;
        }
      sqlite3_reset (find_registration);

      sqlite3_reset (find_contact);
      sqlite3_bind_text (find_contact, 1, email, -1, SQLITE_STATIC);
      if (sqlite3_step (find_contact) == SQLITE_ROW)
        {
          row->registration_uuid = sportello_new_uuid ();
          row->match = SPORTELLO_ATTENDANCE_ADDED;
          report->n_matched++;
          g_hash_table_add (seen, g_strdup (email));

          sqlite3_reset (add);
          sqlite3_bind_text (add, 1, row->registration_uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (add, 2, sqlite3_column_int64 (find_contact, 0));
          sqlite3_bind_text (add, 3, (const char *) sqlite3_column_text (find_contact, 1), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (add, 4, trimmed, -1, SQLITE_STATIC);
          sqlite3_bind_text (add, 5, (const char *) sqlite3_column_text (find_contact, 2), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (add, 6, now, -1, SQLITE_STATIC);
          sqlite3_bind_text (add, 7, sportello_database_get_consultant (db), -1, SQLITE_STATIC);
          sqlite3_bind_text (add, 8, sportello_database_get_hub (db), -1, SQLITE_STATIC);
          sqlite3_bind_text (add, 9, event_uuid, -1, SQLITE_STATIC);
          if (sqlite3_step (add) != SQLITE_DONE)
            {
              _sportello_database_set_error (db, error);
              goto failed;
            }
          sqlite3_reset (find_contact);
          continue;
        }
      sqlite3_reset (find_contact);

      row->match = SPORTELLO_ATTENDANCE_UNKNOWN;
      report->n_unmatched++;
    }

  if (dry_run)
    {
      sportello_database_rollback (db);
      return g_steal_pointer (&report);
    }
  if (sportello_database_commit (db, error))
    return g_steal_pointer (&report);

failed:
  sportello_database_rollback (db);
  return NULL;
}
