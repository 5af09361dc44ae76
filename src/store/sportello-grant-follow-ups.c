/* sportello-grant-follow-ups.c: the follow-ups a grant application's deadlines make
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some days before the call's deadline while an application is being
 * prepared, and before the reporting deadline (rendicontazione) once it
 * is funded. Those follow-ups are rows of follow_ups that refer to the
 * application instead of a meeting, one per reminder (“deadline-14”,
 * “reporting-3”…), so moving a date moves them instead of adding more.
 * They are made here, never carried in bundles: an import makes them
 * again from the dates.
 */

#define G_LOG_DOMAIN "sportello-grant-application"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sportello-agenda.h"
#include "sportello-format.h"
#include "sportello-grant-application.h"
#include "sportello-grant-private.h"

/* "14,3" → the days, or NULL if one is not a number of days */
static GArray *
parse_reminder_days (const char *text)
{
  g_auto(GStrv) items = _sportello_grant_split_list (text);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; items[i] != NULL; i++)
    {
      guint64 n;

      gboolean seen = FALSE;
      int day;

      if (!g_ascii_string_to_unsigned (items[i], 10, 0, 366, &n, NULL))
        {
          g_array_unref (days);
          return NULL;
        }
      day = (int) n;
      /* “14,14” is one reminder */
      for (guint j = 0; j < days->len; j++)
        seen |= g_array_index (days, int, j) == day;
      if (!seen)
        g_array_append_val (days, day);
    }

  return days;
}

gboolean
_sportello_grant_reminder_days_are_valid (const char *text)
{
  g_autoptr(GArray) days = parse_reminder_days (text);

  return days != NULL;
}

typedef struct
{
  char  *key;       /* "deadline-14" */
  char  *due_date;  /* YYYY-MM-DD */
  char  *text;
  int    days;
} Reminder;

static void
reminder_free (Reminder *reminder)
{
  g_free (reminder->key);
  g_free (reminder->due_date);
  g_free (reminder->text);
  g_free (reminder);
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* The reminders some days before @deadline; one that would fall before
 * @today comes today, and of those only the one nearest the deadline */
static void
add_reminders (GPtrArray   *reminders,
               const char  *prefix,
               const GDate *deadline,
               GArray      *days,
               const char  *text,
               const GDate *today)
{
  Reminder *today_one = NULL;

  if (deadline == NULL || g_date_compare (deadline, today) < 0)
    return;

  for (guint i = 0; i < days->len; i++)
    {
      int n = g_array_index (days, int, i);
      g_autoptr(GDate) due = g_date_copy (deadline);
      Reminder *reminder;
      gboolean early;

      g_date_subtract_days (due, n);
      early = g_date_compare (due, today) < 0;
      if (early && today_one != NULL)
        {
          if (n >= today_one->days)
            continue;
          g_ptr_array_remove (reminders, today_one);
          today_one = NULL;
        }

      reminder = g_new0 (Reminder, 1);
      reminder->key = g_strdup_printf ("%s-%d", prefix, n);
      reminder->due_date = iso_date (early ? today : due);
      reminder->text = g_strdup (text);
      reminder->days = n;
      g_ptr_array_add (reminders, reminder);
      if (early)
        today_one = reminder;
    }
}

static gboolean
sync_one (SportelloDatabase  *db,
          gint64              application_id,
          GPtrArray          *reminders,
          GError            **error)
{
  g_autoptr(sqlite3_stmt) existing = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *now = sportello_now_utc ();
  int rc;

  for (guint i = 0; i < reminders->len; i++)
    {
      Reminder *reminder = g_ptr_array_index (reminders, i);

      g_hash_table_insert (wanted, reminder->key, reminder);
    }

  if (!(existing = _sportello_database_prepare (db,
          "SELECT id, reminder, due_date, text, done_at FROM follow_ups WHERE application_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (existing, 1, application_id);

  while ((rc = sqlite3_step (existing)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (existing, 0);
      const char *key = (const char *) sqlite3_column_text (existing, 1);
      const char *due = (const char *) sqlite3_column_text (existing, 2);
      const char *text = (const char *) sqlite3_column_text (existing, 3);
      const char *done_at = (const char *) sqlite3_column_text (existing, 4);
      Reminder *reminder = g_hash_table_lookup (wanted, key);
      g_autoptr(sqlite3_stmt) change = NULL;

      if (reminder != NULL)
        {
          g_hash_table_add (seen, reminder->key);
          if (g_str_equal (due, reminder->due_date) && g_str_equal (text, reminder->text))
            continue;
          /* a reminder that moved is to be done again */
          change = _sportello_database_prepare (db,
            "UPDATE follow_ups SET due_date = ?2, text = ?3, updated_at = ?4, "
            "done_at = CASE WHEN due_date = ?2 THEN done_at ELSE '' END WHERE id = ?1", error);
          if (change == NULL)
            return FALSE;
          sqlite3_bind_text (change, 2, reminder->due_date, -1, SQLITE_STATIC);
          sqlite3_bind_text (change, 3, reminder->text, -1, SQLITE_STATIC);
          sqlite3_bind_text (change, 4, now, -1, SQLITE_STATIC);
        }
      else if (done_at[0] == '\0')
        {
          /* no longer wanted and not done: gone; a done one stays done */
          if (!(change = _sportello_database_prepare (db, "DELETE FROM follow_ups WHERE id = ?1", error)))
            return FALSE;
        }
      else
        continue;

      sqlite3_bind_int64 (change, 1, id);
      if (sqlite3_step (change) != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      Reminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(sqlite3_stmt) insert = NULL;
      g_autofree char *uuid = NULL;

      if (g_hash_table_contains (seen, reminder->key))
        continue;

      uuid = sportello_new_uuid ();
      insert = _sportello_database_prepare (db,
        "INSERT INTO follow_ups (uuid, application_id, reminder, text, assignee, due_date, created_at, updated_at, "
        "origin_consultant, origin_hub) "
        "SELECT ?1, id, ?2, ?3, 'consultant', ?4, ?5, ?5, origin_consultant, origin_hub "
        "FROM grant_applications WHERE id = ?6", error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, reminder->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, reminder->text, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, reminder->due_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 6, application_id);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          _sportello_database_set_error (db, error);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_sportello_grant_sync_follow_ups (SportelloDatabase  *db,
                                  const char         *application_uuid,
                                  const char         *call_uuid,
                                  const GDate        *today,
                                  GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) local_today = NULL;
  int rc;

  if (today == NULL)
    today = local_today = sportello_today ();

  stmt = _sportello_database_prepare (db,
    "SELECT a.id, a.status, a.reminder_days, a.reporting_deadline, g.title, g.deadline "
    "FROM grant_applications a JOIN grant_calls g ON g.uuid = a.call_uuid "
    "WHERE (?1 IS NULL OR a.uuid = ?1) AND (?2 IS NULL OR a.call_uuid = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, application_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, call_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) reminder_free);
      const char *status = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GArray) days = parse_reminder_days ((const char *) sqlite3_column_text (stmt, 2));
      const char *reporting = (const char *) sqlite3_column_text (stmt, 3);
      const char *title = (const char *) sqlite3_column_text (stmt, 4);
      const char *deadline = (const char *) sqlite3_column_text (stmt, 5);

      if (days == NULL)
        days = parse_reminder_days (SPORTELLO_GRANT_DEFAULT_REMINDER_DAYS);

      if ((g_str_equal (status, "interested") || g_str_equal (status, "preparing")) && deadline[0] != '\0')
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (deadline, NULL);
          g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
          g_autoptr(GDate) day = NULL;
          g_autofree char *iso = NULL;
          g_autofree char *when = NULL;
          g_autofree char *text = NULL;

          if (local != NULL)
            {
              day = g_date_new_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                                    g_date_time_get_year (local));
              iso = iso_date (day);
              when = sportello_format_date_long (iso);
              /* Translators: a follow-up; %s are a call's title and its deadline */
              text = g_strdup_printf (_("Submit the application to “%s”: the call closes on %s"), title, when);
              add_reminders (reminders, "deadline", day, days, text, today);
            }
        }
      if (g_str_equal (status, "funded") && reporting[0] != '\0')
        {
          g_autoptr(GDate) day = sportello_date_parse (reporting);
          g_autofree char *when = sportello_format_date_long (reporting);
          /* Translators: a follow-up; %s are a call's title and a date */
          g_autofree char *text = g_strdup_printf (_("Report the expenses for “%s” by %s"), title, when);

          add_reminders (reminders, "reporting", day, days, text, today);
        }

      if (!sync_one (db, sqlite3_column_int64 (stmt, 0), reminders, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}
