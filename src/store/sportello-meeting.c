/* sportello-meeting.c: a meeting at the desk, with its notes
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sportello-agenda.h"
#include "sportello-database-private.h"
#include "sportello-meeting.h"
#include "sportello-meeting-private.h"
#include "sportello-record-columns-private.h"

struct _SportelloMeeting
{
  SportelloRecord  parent_instance;

  int      duration;
  int      period;
};

G_DEFINE_FINAL_TYPE (SportelloMeeting, sportello_meeting, SPORTELLO_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DURATION = SPORTELLO_MEETING_N_TEXT_FIELDS + 1,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-meeting-private.h) gives: the text
 * fields' property names (the same with '-' for '_'); the SELECT of a
 * meeting (m) with its client (c), the row's id first, the client's name
 * last, and what reads it; and the upsert, which keeps the meeting's
 * identity, client and origin */
#define SKIP(member, name)
#define SELECT_COLUMN(field, name)               ", m." name
#define READ_TEXT(field, name)                   sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_INT(member, name)                   self->member = sqlite3_column_int (stmt, ++i);
#define BIND_TEXT(field, name)                   sqlite3_bind_text (stmt, ++n, sportello_record_get (SPORTELLO_RECORD (self), field), -1, SQLITE_STATIC);
#define BIND_INT(member, name)                   sqlite3_bind_int (stmt, ++n, self->member);

static const char * const property_names[SPORTELLO_MEETING_N_TEXT_FIELDS] = {
  SPORTELLO_MEETING_COLUMNS (FIELD_NAME, SKIP, REF_NAME)
  /* read from the client */
  [SPORTELLO_MEETING_CLIENT_NAME] = "client_name",
};

#define MEETING_SELECT \
  "SELECT m.id" SPORTELLO_MEETING_COLUMNS (SELECT_COLUMN, SELECT_COLUMN, SELECT_REF) ", c.name " \
  "FROM meetings m JOIN clients c ON c.id = m.client_id "

#define MEETING_UPSERT \
  "INSERT INTO meetings (id" SPORTELLO_MEETING_COLUMNS (INSERT_NAME, INSERT_NAME, INSERT_REF) ") " \
  "SELECT NULL" SPORTELLO_MEETING_COLUMNS (VALUE, VALUE, VALUE_REF) " FROM clients c WHERE c.uuid = ? " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_MEETING_OWN_COLUMNS (UPDATE, UPDATE, SKIP_REF)

static void
sportello_meeting_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SportelloMeeting *self = SPORTELLO_MEETING (object);

  if (prop_id == PROP_DURATION)
    g_value_set_int (value, self->duration);
  else if (prop_id == PROP_PERIOD)
    g_value_set_int (value, self->period);
  else
    G_OBJECT_CLASS (sportello_meeting_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_meeting_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SportelloMeeting *self = SPORTELLO_MEETING (object);

  if (prop_id == PROP_DURATION)
    sportello_meeting_set_duration (self, g_value_get_int (value));
  else
    G_OBJECT_CLASS (sportello_meeting_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_meeting_class_init (SportelloMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_meeting_get_property;
  object_class->set_property = sportello_meeting_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names, SPORTELLO_MEETING_N_TEXT_FIELDS);
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL, 0, 24 * 60, 60,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* A SportelloPeriod, relative to when the meeting was loaded: lists use it for sections */
  properties[PROP_PERIOD] =
    g_param_spec_int ("period", NULL, NULL, 0, G_MAXINT, SPORTELLO_PERIOD_EARLIER,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  for (guint i = SPORTELLO_MEETING_N_TEXT_FIELDS + 1; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_meeting_init (SportelloMeeting *self)
{
  self->duration = 60;
  self->period = SPORTELLO_PERIOD_EARLIER;
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_MEETING_KIND, "desk");
}

SportelloMeeting *
sportello_meeting_new (const char *client_uuid)
{
  SportelloMeeting *self = g_object_new (SPORTELLO_TYPE_MEETING, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *starts_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:00Z");

  sportello_meeting_set (self, SPORTELLO_MEETING_CLIENT_UUID, client_uuid);
  sportello_meeting_set (self, SPORTELLO_MEETING_STARTS_AT, starts_at);
  self->period = SPORTELLO_PERIOD_THIS_WEEK;

  return self;
}

const char *
sportello_meeting_get (SportelloMeeting      *self,
                       SportelloMeetingField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_meeting_set (SportelloMeeting      *self,
                       SportelloMeetingField  field,
                       const char            *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

int
sportello_meeting_get_duration (SportelloMeeting *self)
{
  g_return_val_if_fail (SPORTELLO_IS_MEETING (self), 0);

  return self->duration;
}

void
sportello_meeting_set_duration (SportelloMeeting *self,
                                int               minutes)
{
  g_return_if_fail (SPORTELLO_IS_MEETING (self));

  minutes = CLAMP (minutes, 0, 24 * 60);
  if (self->duration != minutes)
    {
      self->duration = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }
}

int
sportello_meeting_get_period (SportelloMeeting *self)
{
  g_return_val_if_fail (SPORTELLO_IS_MEETING (self), SPORTELLO_PERIOD_EARLIER);

  return self->period;
}

/* The first lines of the notes on one line, Markdown marks dropped */
char *
sportello_meeting_dup_excerpt (SportelloMeeting *self,
                               guint             max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (SPORTELLO_IS_MEETING (self), NULL);

  lines = g_strsplit (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_MEETING_NOTES), "\n", -1);
  for (guint i = 0; lines[i] != NULL && g_utf8_strlen (out->str, -1) < max_chars; i++)
    {
      const char *line = g_strstrip (lines[i]);

      while (*line == '#' || *line == '-' || *line == '*' || *line == '>' || *line == ' ')
        line++;
      if (*line == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, line);
    }

  if (g_utf8_strlen (out->str, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (out->str, 0, max_chars);

      return g_strconcat (cut, "…", NULL);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static SportelloMeeting *
meeting_from_row (sqlite3_stmt *stmt,
                  GDateTime    *now)
{
  SportelloMeeting *self = g_object_new (SPORTELLO_TYPE_MEETING, NULL);
  int i = 0;

  SPORTELLO_MEETING_COLUMNS (READ_TEXT, READ_INT, READ_REF)
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_MEETING_CLIENT_NAME, (const char *) sqlite3_column_text (stmt, ++i));
  self->period = sportello_meeting_period (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_MEETING_STARTS_AT), now);

  return self;
}

gboolean
sportello_meeting_save (SportelloMeeting   *self,
                        SportelloDatabase  *db,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) starts = NULL;
  g_autofree char *now = sportello_now_utc ();

  g_return_val_if_fail (SPORTELLO_IS_MEETING (self), FALSE);

  starts = g_date_time_new_from_iso8601 (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_MEETING_STARTS_AT), NULL);
  if (starts == NULL)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("The meeting needs a date and time"));
      return FALSE;
    }

  sportello_record_stamp (SPORTELLO_RECORD (self), db, now);

  stmt = _sportello_database_prepare (db, MEETING_UPSERT, error);
  if (stmt == NULL)
    return FALSE;

  {
    int n = 0;

    SPORTELLO_MEETING_COLUMNS (BIND_TEXT, BIND_INT, SKIP_REF)
    /* the client, last */
    sqlite3_bind_text (stmt, ++n, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_MEETING_CLIENT_UUID), -1, SQLITE_STATIC);
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The client does not exist any more"));
      return FALSE;
    }

  return TRUE;
}

/* What autosave calls: one small statement, its own implicit transaction */
gboolean
sportello_meeting_save_notes (SportelloDatabase  *db,
                              const char         *uuid,
                              const char         *notes,
                              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sportello_database_prepare (db,
    "UPDATE meetings SET notes = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
    "WHERE uuid = ?2 AND notes IS NOT ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

SportelloMeeting *
sportello_meeting_load (SportelloDatabase  *db,
                        const char         *uuid,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int rc;

  if (!(stmt = _sportello_database_prepare (db, MEETING_SELECT "WHERE m.uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return meeting_from_row (stmt, now);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                 _("The meeting does not exist any more"));
  else
    _sportello_database_set_error (db, error);

  return NULL;
}

gboolean
sportello_meeting_delete (SportelloDatabase  *db,
                          const char         *uuid,
                          GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM meetings WHERE uuid = ?", uuid, error);
}

/**
 * sportello_meeting_list:
 * @client_uuid: (nullable): one client's meetings, or everybody's
 * @kind: (nullable): only this kind
 *
 * Meetings, newest first, of clients that are not deleted.
 */
GListModel *
sportello_meeting_list (SportelloDatabase  *db,
                        const char         *client_uuid,
                        const char         *kind,
                        GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_MEETING);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  /* one client's meetings through its index: “?1 IS NULL OR c.uuid = ?1”
   * would have SQLite scan every meeting for each client page */
  stmt = _sportello_database_prepare (db, client_uuid != NULL
                                      ? MEETING_SELECT "WHERE c.deleted_at IS NULL AND c.uuid = ?1 "
                                        "AND (?2 IS NULL OR m.kind = ?2) ORDER BY m.starts_at DESC"
                                      : MEETING_SELECT "WHERE c.deleted_at IS NULL AND ?1 IS NULL "
                                        "AND (?2 IS NULL OR m.kind = ?2) ORDER BY m.starts_at DESC",
                                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, client_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, meeting_from_row (stmt, now));

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
