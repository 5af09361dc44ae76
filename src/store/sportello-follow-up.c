/* sportello-follow-up.c: an action that came out of a meeting
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-follow-up"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sportello-agenda.h"
#include "sportello-database-private.h"
#include "sportello-follow-up.h"
#include "sportello-follow-up-private.h"
#include "sportello-record-columns-private.h"

struct _SportelloFollowUp
{
  SportelloRecord  parent_instance;

  int      group;
};

G_DEFINE_FINAL_TYPE (SportelloFollowUp, sportello_follow_up, SPORTELLO_TYPE_RECORD)

enum {
  PROP_0,
  PROP_GROUP = SPORTELLO_FOLLOW_UP_N_TEXT_FIELDS + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-follow-up-private.h) gives: the
 * text fields' property names (the same with '-' for '_'); the SELECT of
 * a follow-up (f) with its meeting (m), the row's id first, then what is
 * read through the meeting or the application, and what reads it; and
 * the upsert, which keeps the follow-up's identity, meeting and origin */
#define SELECT_COLUMN(field, name)               ", f." name
#define SELECT_NO_REF(field, column, member, alias) ", ''"
#define READ_TEXT(field, name)                   sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define BIND_TEXT(field, name)                   sqlite3_bind_text (stmt, ++n, sportello_record_get (SPORTELLO_RECORD (self), field), -1, SQLITE_STATIC);

static const char * const property_names[SPORTELLO_FOLLOW_UP_N_TEXT_FIELDS] = {
  SPORTELLO_FOLLOW_UP_COLUMNS (FIELD_NAME, REF_NAME)
  /* read through the meeting or the application */
  [SPORTELLO_FOLLOW_UP_CLIENT_UUID] = "client_uuid",
  [SPORTELLO_FOLLOW_UP_CLIENT_NAME] = "client_name",
  [SPORTELLO_FOLLOW_UP_APPLICATION_UUID] = "application_uuid",
};

#define FOLLOW_UP_SELECT \
  "SELECT f.id" SPORTELLO_FOLLOW_UP_COLUMNS (SELECT_COLUMN, SELECT_REF) ", c.uuid, c.name, '' " \
  "FROM follow_ups f JOIN meetings m ON m.id = f.meeting_id JOIN clients c ON c.id = m.client_id "

/* The follow-ups made from a grant application's deadlines (see
 * sportello-grant-application.c): they are kept by it, not saved here */
#define APPLICATION_FOLLOW_UP_SELECT \
  "SELECT f.id" SPORTELLO_FOLLOW_UP_COLUMNS (SELECT_COLUMN, SELECT_NO_REF) ", c.uuid, c.name, a.uuid " \
  "FROM follow_ups f JOIN grant_applications a ON a.id = f.application_id JOIN clients c ON c.id = a.client_id "

#define FOLLOW_UP_UPSERT \
  "INSERT INTO follow_ups (id" SPORTELLO_FOLLOW_UP_COLUMNS (INSERT_NAME, INSERT_REF) ") " \
  "SELECT NULL" SPORTELLO_FOLLOW_UP_COLUMNS (VALUE, VALUE_REF) " FROM meetings m WHERE m.uuid = ? " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_FOLLOW_UP_OWN_COLUMNS (UPDATE, SKIP_REF)

static void
sportello_follow_up_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SportelloFollowUp *self = SPORTELLO_FOLLOW_UP (object);

  if (prop_id == PROP_GROUP)
    g_value_set_int (value, self->group);
  else
    G_OBJECT_CLASS (sportello_follow_up_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_follow_up_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SportelloFollowUp *self = SPORTELLO_FOLLOW_UP (object);

  if (prop_id >= 1 && prop_id <= SPORTELLO_FOLLOW_UP_N_TEXT_FIELDS)
    sportello_follow_up_set (self, prop_id - 1, g_value_get_string (value));
  else
    G_OBJECT_CLASS (sportello_follow_up_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_follow_up_class_init (SportelloFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_follow_up_get_property;
  object_class->set_property = sportello_follow_up_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names, SPORTELLO_FOLLOW_UP_N_TEXT_FIELDS);
  /* A SportelloDueGroup, relative to the day it was loaded: lists use it for sections */
  properties[PROP_GROUP] =
    g_param_spec_int ("group", NULL, NULL, 0, G_MAXINT, SPORTELLO_DUE_NO_DATE,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  for (guint i = SPORTELLO_FOLLOW_UP_N_TEXT_FIELDS + 1; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_follow_up_init (SportelloFollowUp *self)
{
  self->group = SPORTELLO_DUE_NO_DATE;
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_FOLLOW_UP_ASSIGNEE, "consultant");
}

SportelloFollowUp *
sportello_follow_up_new (const char *meeting_uuid,
                         const char *text)
{
  SportelloFollowUp *self = g_object_new (SPORTELLO_TYPE_FOLLOW_UP, NULL);

  sportello_follow_up_set (self, SPORTELLO_FOLLOW_UP_MEETING_UUID, meeting_uuid);
  sportello_follow_up_set (self, SPORTELLO_FOLLOW_UP_TEXT, text);

  return self;
}

const char *
sportello_follow_up_get (SportelloFollowUp      *self,
                         SportelloFollowUpField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_follow_up_set (SportelloFollowUp      *self,
                         SportelloFollowUpField  field,
                         const char             *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

int
sportello_follow_up_get_group (SportelloFollowUp *self)
{
  g_return_val_if_fail (SPORTELLO_IS_FOLLOW_UP (self), SPORTELLO_DUE_NO_DATE);

  return self->group;
}

gboolean
sportello_follow_up_save (SportelloFollowUp  *self,
                          SportelloDatabase  *db,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sportello_now_utc ();
  g_autofree char *text = g_strstrip (g_strdup (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_FOLLOW_UP_TEXT)));
  const char *due = sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_FOLLOW_UP_DUE_DATE);
  const char *assignee = sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_FOLLOW_UP_ASSIGNEE);

  g_return_val_if_fail (SPORTELLO_IS_FOLLOW_UP (self), FALSE);

  /* those are kept by the application's dates (sportello-grant-application.c) */
  if (sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_FOLLOW_UP_APPLICATION_UUID)[0] != '\0')
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("This follow-up comes from a deadline: change the date on the application or the call"));
      return FALSE;
    }
  if (text[0] == '\0')
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("Write what has to be done"));
      return FALSE;
    }
  if (due[0] != '\0')
    {
      g_autoptr(GDate) date = sportello_date_parse (due);

      if (date == NULL)
        {
          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                       _("Write the date as year-month-day, as in 2026-11-25"));
          return FALSE;
        }
    }
  if (!g_str_equal (assignee, "consultant") && !g_str_equal (assignee, "client"))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("A follow-up is done by the consultant or by the client"));
      return FALSE;
    }

  sportello_record_stamp (SPORTELLO_RECORD (self), db, now);
  sportello_follow_up_set (self, SPORTELLO_FOLLOW_UP_TEXT, text);

  stmt = _sportello_database_prepare (db, FOLLOW_UP_UPSERT, error);
  if (stmt == NULL)
    return FALSE;

  {
    int n = 0;

    SPORTELLO_FOLLOW_UP_COLUMNS (BIND_TEXT, SKIP_REF)
    /* the meeting, last */
    sqlite3_bind_text (stmt, ++n, sportello_record_get (SPORTELLO_RECORD (self), SPORTELLO_FOLLOW_UP_MEETING_UUID), -1, SQLITE_STATIC);
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The meeting does not exist any more"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sportello_follow_up_set_done (SportelloDatabase  *db,
                              const char         *uuid,
                              gboolean            done,
                              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sportello_database_prepare (db,
    "UPDATE follow_ups SET done_at = CASE WHEN ?2 THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE '' END, "
    "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, done);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_changes (_sportello_database_get_handle (db)) == 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                   _("The follow-up does not exist any more"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sportello_follow_up_delete (SportelloDatabase  *db,
                            const char         *uuid,
                            GError            **error)
{
  return _sportello_database_run_on_uuid (db, "DELETE FROM follow_ups WHERE uuid = ?", uuid, error);
}

/* The order of the lists: open ones with a date first, by date; then
 * those without one (as the statements' ORDER BY) */
static int
compare_follow_ups (gconstpointer pa,
                    gconstpointer pb)
{
  SportelloRecord *a = *(SportelloRecord **) pa;
  SportelloRecord *b = *(SportelloRecord **) pb;
  const char *due_a = sportello_record_get (a, SPORTELLO_FOLLOW_UP_DUE_DATE);
  const char *due_b = sportello_record_get (b, SPORTELLO_FOLLOW_UP_DUE_DATE);
  int cmp;

  if ((due_a[0] == '\0') != (due_b[0] == '\0'))
    return due_a[0] == '\0' ? 1 : -1;
  if ((cmp = strcmp (due_a, due_b)) != 0)
    return cmp;
  /* COLLATE NOCASE folds ASCII letters only, as g_ascii_strcasecmp() */
  if ((cmp = g_ascii_strcasecmp (sportello_record_get (a, SPORTELLO_FOLLOW_UP_CLIENT_NAME),
                                 sportello_record_get (b, SPORTELLO_FOLLOW_UP_CLIENT_NAME))) != 0)
    return cmp;
  return strcmp (sportello_record_get (a, SPORTELLO_FOLLOW_UP_CREATED_AT),
                 sportello_record_get (b, SPORTELLO_FOLLOW_UP_CREATED_AT));
}

static gboolean
read_rows (SportelloDatabase  *db,
           const char         *select,
           const char         *where,
           const char         *param,
           const GDate        *today,
           GPtrArray          *items,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  /* open ones with a date first, by date; then those without one */
  sql = g_strconcat (select, where,
                     " ORDER BY f.due_date = '', f.due_date, c.name COLLATE NOCASE, f.created_at", NULL);
  if (!(stmt = _sportello_database_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SportelloFollowUp *item = g_object_new (SPORTELLO_TYPE_FOLLOW_UP, NULL);
      SportelloFollowUp *self = item;
      int i = 0;

      SPORTELLO_FOLLOW_UP_COLUMNS (READ_TEXT, READ_REF)
      READ_TEXT (SPORTELLO_FOLLOW_UP_CLIENT_UUID, "client_uuid")
      READ_TEXT (SPORTELLO_FOLLOW_UP_CLIENT_NAME, "client_name")
      READ_TEXT (SPORTELLO_FOLLOW_UP_APPLICATION_UUID, "application_uuid")
      item->group = sportello_due_group (sportello_record_get (SPORTELLO_RECORD (item), SPORTELLO_FOLLOW_UP_DUE_DATE), today);
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* @where may name f (the follow-up) and c (its client) only, when
 * @with_applications: the follow-ups of grant applications join in */
static GListModel *
list_where (SportelloDatabase  *db,
            const char         *where,
            const char         *param,
            const GDate        *today,
            gboolean            with_applications,
            GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_FOLLOW_UP);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) local_today = NULL;
  guint from_meetings;

  if (today == NULL)
    today = local_today = sportello_today ();

  if (!read_rows (db, FOLLOW_UP_SELECT, where, param, today, items, error))
    return NULL;
  from_meetings = items->len;
  if (with_applications && !read_rows (db, APPLICATION_FOLLOW_UP_SELECT, where, param, today, items, error))
    return NULL;
  /* two sorted runs: merged, stably */
  if (items->len > from_meetings && from_meetings > 0)
    g_ptr_array_sort (items, compare_follow_ups);

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sportello_follow_up_list_open:
 * @client_uuid: (nullable): one client's, or everybody's
 * @today: (nullable): the day the groups are relative to; %NULL for today
 */
GListModel *
sportello_follow_up_list_open (SportelloDatabase  *db,
                               const char         *client_uuid,
                               const GDate        *today,
                               GError            **error)
{
  /* two statements: “?1 IS NULL OR c.uuid = ?1” would keep SQLite from
   * using the client's index, and scan every open follow-up per client */
  if (client_uuid == NULL)
    return list_where (db, "WHERE f.done_at = '' AND c.deleted_at IS NULL AND ?1 IS NULL", NULL, today, TRUE, error);
  return list_where (db, "WHERE f.done_at = '' AND c.deleted_at IS NULL AND c.uuid = ?1", client_uuid, today, TRUE, error);
}

GListModel *
sportello_follow_up_list_for_meeting (SportelloDatabase  *db,
                                      const char         *meeting_uuid,
                                      GError            **error)
{
  return list_where (db, "WHERE m.uuid = ?1", meeting_uuid, NULL, FALSE, error);
}

/* The open follow-ups due on @today (for the notification) */
GPtrArray *
sportello_follow_up_due_today (SportelloDatabase  *db,
                               const GDate        *today,
                               GError            **error)
{
  g_autoptr(GDate) local_today = today == NULL ? sportello_today () : NULL;
  g_autofree char *day = NULL;
  g_autoptr(GListModel) open = NULL;
  GPtrArray *due;

  if (today == NULL)
    today = local_today;
  day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (today), g_date_get_month (today), g_date_get_day (today));

  /* only today's are read: with 50,000 clients every open follow-up as an
   * object kept the window from starting for half a second */
  open = list_where (db, "WHERE f.done_at = '' AND c.deleted_at IS NULL AND substr (f.due_date, 1, 10) = ?1",
                     day, today, TRUE, error);
  if (open == NULL)
    return NULL;

  due = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(SportelloFollowUp) item = g_list_model_get_item (open, i);

      if (item->group == SPORTELLO_DUE_TODAY)
        g_ptr_array_add (due, g_steal_pointer (&item));
    }

  return due;
}
