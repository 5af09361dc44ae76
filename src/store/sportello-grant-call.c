/* sportello-grant-call.c: a call for grants (“bando”) firms may apply to
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calls are the hub's knowledge, not a client's data: they belong to no
 * client and travel in every bundle of templates. A call's status follows
 * from its dates and the moment it is looked at, so it is computed, never
 * stored. Dates and times are kept in UTC, as meetings are.
 */

#define G_LOG_DOMAIN "sportello-grant-call"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sportello-grant-call.h"
#include "sportello-grant-call-private.h"
#include "sportello-grant-private.h"
#include "sportello-identifiers.h"
#include "sportello-vocabulary.h"

struct _SportelloGrantCall
{
  SportelloRecord  parent_instance;

  gint64           numbers[SPORTELLO_GRANT_CALL_N_NUMBERS];
  gboolean         flags[SPORTELLO_GRANT_CALL_N_FLAGS];
  int              status;
};

G_DEFINE_FINAL_TYPE (SportelloGrantCall, sportello_grant_call, SPORTELLO_TYPE_RECORD)

#define PROP_FIRST_NUMBER (SPORTELLO_GRANT_CALL_N_TEXT_FIELDS + 1)
#define PROP_FIRST_FLAG   (PROP_FIRST_NUMBER + SPORTELLO_GRANT_CALL_N_NUMBERS)
#define PROP_STATUS       (PROP_FIRST_FLAG + SPORTELLO_GRANT_CALL_N_FLAGS)
#define N_PROPS           (PROP_STATUS + 1)

static GParamSpec *properties[N_PROPS];

/* What the list of columns (sportello-grant-call-private.h) gives: the
 * names of the text fields, numbers and flags (their properties' the
 * same with '-' for '_'); the SELECT of a call, the row's id first, and
 * what reads it; and the upsert, which keeps the call's identity and
 * origin */
#define FIELD_NAME(field, name)    [field] = name,
#define SKIP(field, name)
#define SELECT_COLUMN(field, name) ", " name
#define READ_TEXT(field, name)     sportello_record_set (SPORTELLO_RECORD (self), field, (const char *) sqlite3_column_text (stmt, ++i));
#define READ_INT(number, name)     ++i; self->numbers[number] = sqlite3_column_type (stmt, i) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, i);
#define READ_BOOL(flag, name)      self->flags[flag] = sqlite3_column_int (stmt, ++i) != 0;
#define VALUE(field, name)         ", ?"
#define UPDATE(field, name)        ", " name " = excluded." name
#define BIND_TEXT(field, name)     sqlite3_bind_text (stmt, ++n, sportello_record_get (record, field), -1, SQLITE_STATIC);
#define BIND_INT(number, name)     bind_number (stmt, ++n, self->numbers[number]);
#define BIND_BOOL(flag, name)      sqlite3_bind_int (stmt, ++n, self->flags[flag]);

static const char * const property_names[SPORTELLO_GRANT_CALL_N_TEXT_FIELDS] = {
  SPORTELLO_GRANT_CALL_COLUMNS (FIELD_NAME, SKIP, SKIP)
};

static const char * const number_names[SPORTELLO_GRANT_CALL_N_NUMBERS] = {
  SPORTELLO_GRANT_CALL_COLUMNS (SKIP, FIELD_NAME, SKIP)
};

static const char * const flag_names[SPORTELLO_GRANT_CALL_N_FLAGS] = {
  SPORTELLO_GRANT_CALL_COLUMNS (SKIP, SKIP, FIELD_NAME)
};

#define CALL_SELECT \
  "SELECT id" SPORTELLO_GRANT_CALL_COLUMNS (SELECT_COLUMN, SELECT_COLUMN, SELECT_COLUMN) " FROM grant_calls "

#define CALL_UPSERT \
  "INSERT INTO grant_calls (id" SPORTELLO_GRANT_CALL_COLUMNS (SELECT_COLUMN, SELECT_COLUMN, SELECT_COLUMN) ") " \
  "VALUES (NULL" SPORTELLO_GRANT_CALL_COLUMNS (VALUE, VALUE, VALUE) ") " \
  "ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at" \
  SPORTELLO_GRANT_CALL_OWN_COLUMNS (UPDATE, UPDATE, UPDATE)

static void
sportello_grant_call_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SportelloGrantCall *self = SPORTELLO_GRANT_CALL (object);

  if (prop_id >= PROP_FIRST_NUMBER && prop_id < PROP_FIRST_FLAG)
    g_value_set_int64 (value, self->numbers[prop_id - PROP_FIRST_NUMBER]);
  else if (prop_id >= PROP_FIRST_FLAG && prop_id < PROP_STATUS)
    g_value_set_boolean (value, self->flags[prop_id - PROP_FIRST_FLAG]);
  else if (prop_id == PROP_STATUS)
    g_value_set_int (value, self->status);
  else
    G_OBJECT_CLASS (sportello_grant_call_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
sportello_grant_call_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SportelloGrantCall *self = SPORTELLO_GRANT_CALL (object);

  if (prop_id >= PROP_FIRST_NUMBER && prop_id < PROP_FIRST_FLAG)
    sportello_grant_call_set_number (self, prop_id - PROP_FIRST_NUMBER, g_value_get_int64 (value));
  else if (prop_id >= PROP_FIRST_FLAG && prop_id < PROP_STATUS)
    sportello_grant_call_set_flag (self, prop_id - PROP_FIRST_FLAG, g_value_get_boolean (value));
  else
    G_OBJECT_CLASS (sportello_grant_call_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
sportello_grant_call_class_init (SportelloGrantCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sportello_grant_call_get_property;
  object_class->set_property = sportello_grant_call_set_property;

  sportello_record_class_install_fields (SPORTELLO_RECORD_CLASS (klass), property_names,
                                         SPORTELLO_GRANT_CALL_N_TEXT_FIELDS);

  for (guint i = 0; i < SPORTELLO_GRANT_CALL_N_NUMBERS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (number_names[i]), "_", '-');

      properties[PROP_FIRST_NUMBER + i] =
        g_param_spec_int64 (g_intern_string (name), NULL, NULL, -1, G_MAXINT64, -1,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
    }
  for (guint i = 0; i < SPORTELLO_GRANT_CALL_N_FLAGS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (flag_names[i]), "_", '-');

      properties[PROP_FIRST_FLAG + i] =
        g_param_spec_boolean (g_intern_string (name), NULL, NULL, FALSE,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
    }
  /* A SportelloGrantCallStatus, as of when the call was loaded or saved */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, SPORTELLO_GRANT_CALL_STATUS_CLOSED, SPORTELLO_GRANT_CALL_STATUS_OPEN,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  for (guint i = PROP_FIRST_NUMBER; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
sportello_grant_call_init (SportelloGrantCall *self)
{
  for (guint i = 0; i < SPORTELLO_GRANT_CALL_N_NUMBERS; i++)
    self->numbers[i] = -1;
  self->status = SPORTELLO_GRANT_CALL_STATUS_OPEN;
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_GRANT_CALL_FUNDER, "other");
  sportello_record_set (SPORTELLO_RECORD (self), SPORTELLO_GRANT_CALL_KIND, "other");
}

SportelloGrantCall *
sportello_grant_call_new (const char *title)
{
  SportelloGrantCall *self = g_object_new (SPORTELLO_TYPE_GRANT_CALL, NULL);

  sportello_grant_call_set (self, SPORTELLO_GRANT_CALL_TITLE, title);
  return self;
}

const char *
sportello_grant_call_get (SportelloGrantCall      *self,
                          SportelloGrantCallField  field)
{
  return sportello_record_get (SPORTELLO_RECORD (self), field);
}

void
sportello_grant_call_set (SportelloGrantCall      *self,
                          SportelloGrantCallField  field,
                          const char              *value)
{
  sportello_record_set (SPORTELLO_RECORD (self), field, value);
}

gint64
sportello_grant_call_get_number (SportelloGrantCall       *self,
                                 SportelloGrantCallNumber  number)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL (self), -1);
  g_return_val_if_fail (number < SPORTELLO_GRANT_CALL_N_NUMBERS, -1);

  return self->numbers[number];
}

/* -1 (or any negative value) for “not given” */
void
sportello_grant_call_set_number (SportelloGrantCall       *self,
                                 SportelloGrantCallNumber  number,
                                 gint64                    value)
{
  g_return_if_fail (SPORTELLO_IS_GRANT_CALL (self));
  g_return_if_fail (number < SPORTELLO_GRANT_CALL_N_NUMBERS);

  value = MAX (value, -1);
  if (self->numbers[number] != value)
    {
      self->numbers[number] = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_NUMBER + number]);
    }
}

gboolean
sportello_grant_call_get_flag (SportelloGrantCall     *self,
                               SportelloGrantCallFlag  flag)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL (self), FALSE);
  g_return_val_if_fail (flag < SPORTELLO_GRANT_CALL_N_FLAGS, FALSE);

  return self->flags[flag];
}

void
sportello_grant_call_set_flag (SportelloGrantCall     *self,
                               SportelloGrantCallFlag  flag,
                               gboolean                value)
{
  g_return_if_fail (SPORTELLO_IS_GRANT_CALL (self));
  g_return_if_fail (flag < SPORTELLO_GRANT_CALL_N_FLAGS);

  value = !!value;
  if (self->flags[flag] != value)
    {
      self->flags[flag] = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FLAG + flag]);
    }
}

/* Without a time zone, local time */
static GDateTime *
parse_when (const char *text)
{
  g_autoptr(GTimeZone) local = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  local = g_time_zone_new_local ();
  return g_date_time_new_from_iso8601 (text, local);
}

/**
 * sportello_grant_call_status_at:
 * @now: the moment to judge from
 *
 * Forthcoming before the opening, closed from the deadline on (or once the
 * funds of a call “a sportello” ran out), closing soon in the 14 days
 * before the deadline, otherwise open. A call without a deadline stays
 * open.
 */
SportelloGrantCallStatus
sportello_grant_call_status_at (SportelloGrantCall *self,
                                GDateTime          *now)
{
  g_autoptr(GDateTime) opens = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) soon = NULL;

  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL (self), SPORTELLO_GRANT_CALL_STATUS_CLOSED);
  g_return_val_if_fail (now != NULL, SPORTELLO_GRANT_CALL_STATUS_CLOSED);

  if (self->flags[SPORTELLO_GRANT_CALL_FUNDS_EXHAUSTED])
    return SPORTELLO_GRANT_CALL_STATUS_CLOSED;

  deadline = parse_when (sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_DEADLINE));
  if (deadline != NULL && g_date_time_compare (now, deadline) >= 0)
    return SPORTELLO_GRANT_CALL_STATUS_CLOSED;

  opens = parse_when (sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_OPENS_AT));
  if (opens != NULL && g_date_time_compare (now, opens) < 0)
    return SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING;

  if (deadline == NULL)
    return SPORTELLO_GRANT_CALL_STATUS_OPEN;

  soon = g_date_time_add_days (now, SPORTELLO_GRANT_CALL_CLOSING_SOON_DAYS);
  if (g_date_time_compare (deadline, soon) <= 0)
    return SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON;

  return SPORTELLO_GRANT_CALL_STATUS_OPEN;
}

/* As of when the call was loaded or last saved */
SportelloGrantCallStatus
sportello_grant_call_get_status (SportelloGrantCall *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL (self), SPORTELLO_GRANT_CALL_STATUS_CLOSED);

  return self->status;
}

static void
update_status (SportelloGrantCall *self,
               GDateTime          *now)
{
  g_autoptr(GDateTime) local_now = NULL;
  int status;

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();

  status = sportello_grant_call_status_at (self, now);
  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

/**
 * sportello_grant_call_dup_deadline_date:
 *
 * Returns: (nullable): the day of the deadline, in local time, or %NULL
 *   when the call has none
 */
GDate *
sportello_grant_call_dup_deadline_date (SportelloGrantCall *self)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL (self), NULL);

  deadline = parse_when (sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_DEADLINE));
  if (deadline == NULL)
    return NULL;
  local = g_date_time_to_local (deadline);
  return g_date_new_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

/* The documents to prepare, one item each, blank lines dropped */
GStrv
sportello_grant_call_dup_documents (SportelloGrantCall *self)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL (self), NULL);

  lines = g_strsplit (sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_DOCUMENTS), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

GStrv
_sportello_grant_split_list (const char *list)
{
  g_auto(GStrv) parts = g_strsplit_set (list != NULL ? list : "", ", ;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/* Cleans one of the comma-separated lists, or says what is wrong in it */
static char *
normalize_list (SportelloGrantCallField   field,
                const char               *value,
                GError                  **error)
{
  g_auto(GStrv) items = _sportello_grant_split_list (value);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = NULL;
      gboolean valid;

      switch ((int) field)
        {
        case SPORTELLO_GRANT_CALL_SIZES:
          item = g_ascii_strdown (items[i], -1);
          valid = sportello_vocabulary_contains (SPORTELLO_VOCABULARY_GRANT_SIZE, item);
          break;
        case SPORTELLO_GRANT_CALL_ATECO_SECTIONS:
          item = g_ascii_strup (items[i], -1);
          valid = item[0] >= 'A' && item[0] <= 'U' && item[1] == '\0';
          break;
        case SPORTELLO_GRANT_CALL_REGIONS:
          item = g_ascii_strdown (items[i], -1);
          valid = sportello_grant_region_name (item) != NULL;
          break;
        case SPORTELLO_GRANT_CALL_PROVINCES:
        default:
          item = g_ascii_strup (items[i], -1);
          valid = sportello_grant_region_of_province (item) != NULL;
          break;
        }

      if (!valid)
        {
          switch ((int) field)
            {
            case SPORTELLO_GRANT_CALL_SIZES:
              g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                           _("“%s” is not a firm size: use micro, small or medium"), items[i]);
              break;
            case SPORTELLO_GRANT_CALL_ATECO_SECTIONS:
              g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                           _("“%s” is not an ATECO section: use a letter from A to U"), items[i]);
              break;
            case SPORTELLO_GRANT_CALL_REGIONS:
              g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                           _("“%s” is not a known region"), items[i]);
              break;
            default:
              g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                           _("“%s” is not a known province code"), items[i]);
              break;
            }
          return NULL;
        }

      if (!g_ptr_array_find_with_equal_func (kept, item, g_str_equal, NULL))
        g_ptr_array_add (kept, g_steal_pointer (&item));
    }

  g_ptr_array_add (kept, NULL);
  return g_strjoinv (",", (char **) kept->pdata);
}

gboolean
_sportello_grant_call_check_list (SportelloGrantCallField   field,
                                  const char               *value,
                                  GError                  **error)
{
  g_autofree char *clean = normalize_list (field, value, error);

  return clean != NULL;
}

/* A date and time in UTC, or "" for none; a plain date means the start
 * of the day for the opening and its end for the deadline */
static char *
normalize_when (const char  *value,
                gboolean     end_of_day,
                GError     **error)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (value));

  if (stripped[0] == '\0')
    return g_strdup ("");

  if (strlen (stripped) == 10)
    {
      g_autofree char *full = g_strconcat (stripped, end_of_day ? "T23:59:59" : "T00:00:00", NULL);

      when = parse_when (full);
    }
  else
    when = parse_when (stripped);

  if (when == NULL)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date and time"), stripped);
      return NULL;
    }

  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
check_and_normalize (SportelloGrantCall  *self,
                     GError             **error)
{
  static const SportelloGrantCallField lists[] = {
    SPORTELLO_GRANT_CALL_SIZES, SPORTELLO_GRANT_CALL_ATECO_SECTIONS,
    SPORTELLO_GRANT_CALL_REGIONS, SPORTELLO_GRANT_CALL_PROVINCES,
  };
  g_autofree char *title = g_strstrip (g_strdup (sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_TITLE)));
  g_autofree char *opens = NULL;
  g_autofree char *deadline = NULL;
  gint64 min = self->numbers[SPORTELLO_GRANT_CALL_CONTRIBUTION_MIN];
  gint64 max = self->numbers[SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX];

  if (title[0] == '\0')
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID, _("A call needs a title"));
      return FALSE;
    }
  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_GRANT_FUNDER, sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_FUNDER)))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("“%s” is not a known funder"), sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_FUNDER));
      return FALSE;
    }
  if (!sportello_vocabulary_contains (SPORTELLO_VOCABULARY_GRANT_KIND, sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_KIND)))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("“%s” is not a known kind of contribution"), sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_KIND));
      return FALSE;
    }
  if (!(opens = normalize_when (sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_OPENS_AT), FALSE, error)) ||
      !(deadline = normalize_when (sportello_grant_call_get (self, SPORTELLO_GRANT_CALL_DEADLINE), TRUE, error)))
    return FALSE;
  if (opens[0] != '\0' && deadline[0] != '\0' && strcmp (deadline, opens) <= 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("The deadline comes before the opening"));
      return FALSE;
    }
  if (self->numbers[SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT] > 100)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("The contribution is a percentage between 0 and 100"));
      return FALSE;
    }
  if (min >= 0 && max >= 0 && min > max)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("The minimum contribution is larger than the maximum"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *clean = normalize_list (lists[i], sportello_grant_call_get (self, lists[i]), error);

      if (clean == NULL)
        return FALSE;
      sportello_grant_call_set (self, lists[i], clean);
    }

  sportello_grant_call_set (self, SPORTELLO_GRANT_CALL_TITLE, title);
  sportello_grant_call_set (self, SPORTELLO_GRANT_CALL_OPENS_AT, opens);
  sportello_grant_call_set (self, SPORTELLO_GRANT_CALL_DEADLINE, deadline);
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
 * sportello_grant_call_save:
 *
 * Checks and writes the call; the follow-ups made from its deadline for
 * the applications to it move with it.
 */
gboolean
sportello_grant_call_save (SportelloGrantCall  *self,
                           SportelloDatabase   *db,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = sportello_now_utc ();
  SportelloRecord *record = SPORTELLO_RECORD (self);

  g_return_val_if_fail (SPORTELLO_IS_GRANT_CALL (self), FALSE);

  if (!check_and_normalize (self, error))
    return FALSE;

  sportello_record_stamp (SPORTELLO_RECORD (self), db, now);

  if (!sportello_database_exec (db, "SAVEPOINT grant_call_save", error))
    return FALSE;

  stmt = _sportello_database_prepare (db, CALL_UPSERT, error);
  if (stmt == NULL)
    goto failed;

  {
    int n = 0;

    SPORTELLO_GRANT_CALL_COLUMNS (BIND_TEXT, BIND_INT, BIND_BOOL)
  }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      goto failed;
    }

  if (!_sportello_grant_sync_follow_ups (db, NULL, sportello_record_get (record, SPORTELLO_GRANT_CALL_UUID), NULL, error) ||
      !sportello_database_exec (db, "RELEASE grant_call_save", error))
    goto failed;

  update_status (self, NULL);
  return TRUE;

failed:
  sportello_database_exec (db, "ROLLBACK TO grant_call_save; RELEASE grant_call_save", NULL);
  return FALSE;
}

static SportelloGrantCall *
call_from_row (sqlite3_stmt *stmt,
               GDateTime    *now)
{
  SportelloGrantCall *self = g_object_new (SPORTELLO_TYPE_GRANT_CALL, NULL);
  int i = 0;

  SPORTELLO_GRANT_CALL_COLUMNS (READ_TEXT, READ_INT, READ_BOOL)
  self->status = sportello_grant_call_status_at (self, now);

  return self;
}

SportelloGrantCall *
sportello_grant_call_load (SportelloDatabase  *db,
                           const char         *uuid,
                           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int rc;

  if (!(stmt = _sportello_database_prepare (db, CALL_SELECT "WHERE uuid = ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return call_from_row (stmt, now);

  if (rc == SQLITE_DONE)
    g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND,
                 _("The call does not exist any more"));
  else
    _sportello_database_set_error (db, error);

  return NULL;
}

/* A call that firms applied to stays: their applications refer to it */
gboolean
sportello_grant_call_delete (SportelloDatabase  *db,
                             const char         *uuid,
                             GError            **error)
{
  g_autoptr(sqlite3_stmt) used = NULL;

  if (!(used = _sportello_database_prepare (db, "SELECT count(*) FROM grant_applications WHERE call_uuid = ?", error)))
    return FALSE;
  sqlite3_bind_text (used, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (used) != SQLITE_ROW)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }
  if (sqlite3_column_int (used, 0) > 0)
    {
      int n = sqlite3_column_int (used, 0);

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   ngettext ("The call cannot be deleted: %d application refers to it",
                             "The call cannot be deleted: %d applications refer to it", n), n);
      return FALSE;
    }

  return _sportello_database_run_on_uuid (db, "DELETE FROM grant_calls WHERE uuid = ?", uuid, error);
}

static GPtrArray *
load_all (SportelloDatabase  *db,
          GDateTime          *now,
          GError            **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (db, CALL_SELECT, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, call_from_row (stmt, now));

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

static int
group_of (SportelloGrantCall *call)
{
  switch (call->status)
    {
    case SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON:
    case SPORTELLO_GRANT_CALL_STATUS_OPEN:
      return 0;
    case SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING:
      return 1;
    case SPORTELLO_GRANT_CALL_STATUS_CLOSED:
    default:
      return 2;
    }
}

/* "" (no date) after every date */
static int
compare_dates (const char *a,
               const char *b)
{
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return strcmp (a, b);
}

static int
compare_calls (gconstpointer pa,
               gconstpointer pb)
{
  SportelloGrantCall *a = *(SportelloGrantCall **) pa;
  SportelloGrantCall *b = *(SportelloGrantCall **) pb;
  int ga = group_of (a);
  int gb = group_of (b);
  int cmp;

  if (ga != gb)
    return ga - gb;

  if (ga == 0)        /* open: the nearest deadline first */
    cmp = compare_dates (sportello_grant_call_get (a, SPORTELLO_GRANT_CALL_DEADLINE),
                         sportello_grant_call_get (b, SPORTELLO_GRANT_CALL_DEADLINE));
  else if (ga == 1)   /* forthcoming: the first to open first */
    cmp = compare_dates (sportello_grant_call_get (a, SPORTELLO_GRANT_CALL_OPENS_AT),
                         sportello_grant_call_get (b, SPORTELLO_GRANT_CALL_OPENS_AT));
  else                /* closed: the most recent first */
    cmp = -compare_dates (sportello_grant_call_get (a, SPORTELLO_GRANT_CALL_DEADLINE),
                          sportello_grant_call_get (b, SPORTELLO_GRANT_CALL_DEADLINE));
  if (cmp != 0)
    return cmp;

  cmp = g_utf8_collate (sportello_grant_call_get (a, SPORTELLO_GRANT_CALL_TITLE),
                        sportello_grant_call_get (b, SPORTELLO_GRANT_CALL_TITLE));
  if (cmp != 0)
    return cmp;
  return strcmp (sportello_grant_call_get (a, SPORTELLO_GRANT_CALL_UUID),
                 sportello_grant_call_get (b, SPORTELLO_GRANT_CALL_UUID));
}

static gboolean
matches_search (SportelloGrantCall *call,
                const char         *search)
{
  g_autofree char *haystack =
    g_strjoin (" ",
               sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_TITLE),
               sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_FUNDER,
                                           sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_FUNDER)),
               sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_KIND,
                                           sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_KIND)),
               sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_EXPENSES),
               sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_NOTES),
               NULL);

  /* every word typed starts a word of the call, accents or not */
  return g_str_match_string (search, haystack, TRUE);
}

/**
 * sportello_grant_call_list:
 * @search: (nullable): words the call's title, funder, kind, expenses or
 *   notes must contain (as word starts, accents ignored)
 * @now: (nullable): the moment the statuses are judged from; %NULL for now
 *
 * Every call: the open ones first, the nearest deadline first; then the
 * forthcoming ones, the first to open first; then the closed ones, the
 * most recent first. A hub knows tens or hundreds of calls, so they are
 * sorted and searched here rather than in SQL.
 *
 * Returns: (transfer full): a list of #SportelloGrantCall
 */
GListModel *
sportello_grant_call_list (SportelloDatabase  *db,
                           const char         *search,
                           GDateTime          *now,
                           GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SPORTELLO_TYPE_GRANT_CALL);
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *words = search != NULL ? g_strstrip (g_strdup (search)) : NULL;

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  if (!(items = load_all (db, now, error)))
    return NULL;

  for (guint i = 0; i < items->len; i++)
    if (words == NULL || words[0] == '\0' || matches_search (g_ptr_array_index (items, i), words))
      g_ptr_array_add (kept, g_ptr_array_index (items, i));
  g_ptr_array_sort (kept, compare_calls);

  g_list_store_splice (store, 0, 0, kept->pdata, kept->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GPtrArray *
_sportello_grant_call_list_open (SportelloDatabase  *db,
                                 GDateTime          *now,
                                 GError            **error)
{
  g_autoptr(GPtrArray) items = load_all (db, now, error);
  g_autoptr(GPtrArray) open = NULL;

  if (items == NULL)
    return NULL;

  open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      SportelloGrantCall *call = g_ptr_array_index (items, i);

      if (group_of (call) == 0)
        g_ptr_array_add (open, g_object_ref (call));
    }
  g_ptr_array_sort (open, compare_calls);

  return g_steal_pointer (&open);
}

const char *
sportello_grant_call_status_id (SportelloGrantCallStatus status)
{
  switch (status)
    {
    case SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON:
      return "closing-soon";
    case SPORTELLO_GRANT_CALL_STATUS_OPEN:
      return "open";
    case SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING:
      return "forthcoming";
    case SPORTELLO_GRANT_CALL_STATUS_CLOSED:
    default:
      return "closed";
    }
}

const char *
sportello_grant_call_status_label (SportelloGrantCallStatus status)
{
  switch (status)
    {
    case SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON:
      return C_("grant call status", "Closing soon");
    case SPORTELLO_GRANT_CALL_STATUS_OPEN:
      return C_("grant call status", "Open");
    case SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING:
      return C_("grant call status", "Forthcoming");
    case SPORTELLO_GRANT_CALL_STATUS_CLOSED:
    default:
      return C_("grant call status", "Closed");
    }
}
