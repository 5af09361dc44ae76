/* sportello-ics.c: the agenda as an iCalendar file (RFC 5545)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One VCALENDAR, written through libical, for GNOME Calendar (Evolution
 * Data Server) and any other calendar to import:
 *
 *  - every open follow-up with a due date, as a VTODO due that day;
 *  - every meeting of a client not in the bin, and every event of the
 *    hub, as a VEVENT with its start and end;
 *  - every grant call with a deadline, as an all-day VEVENT on the day of
 *    the deadline in Italy (calls “a sportello” without one are left out).
 *
 * Each UID is the record's UUID with a prefix for its kind
 * (“meeting-UUID@sportello”), so a second import of a later export
 * updates what the first one added instead of doubling it.
 *
 * Times are written in UTC (“20261201T083000Z”), as the database keeps
 * them, with no VTIMEZONE: a UTC time means one instant to every reader,
 * and GNOME Calendar shows it in the desktop's time zone. A TZID needs
 * a VTIMEZONE that matches the reader's own rules for Europe/Rome, and
 * Evolution Data Server has shown events an hour off when the two
 * disagreed; nothing here repeats, so UTC loses nothing. All-day
 * deadlines are dates (VALUE=DATE), which have no time zone at all.
 */

#define G_LOG_DOMAIN "sportello-ics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "sportello-atomic-file.h"
#include "sportello-event.h"
#include "sportello-follow-up.h"
#include "sportello-grant-call.h"
#include "sportello-ics.h"
#include "sportello-meeting.h"
#include "sportello-vocabulary.h"

#define UID_DOMAIN "@sportello"

typedef struct
{
  icalcomponent      *calendar;
  struct icaltimetype stamp;
  GTimeZone          *italy;
} Writer;

static struct icaltimetype
utc_time (GDateTime *when)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (when), 0,
                                        icaltimezone_get_utc_timezone ());
}

static struct icaltimetype
date_value (int year,
            int month,
            int day)
{
  struct icaltimetype date = icaltime_null_date ();

  date.year = year;
  date.month = month;
  date.day = day;
  return date;
}

static GDateTime *
parse_utc (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, utc);
}

static char *
make_uid (const char *kind,
          const char *uuid)
{
  return g_strconcat (kind, "-", uuid, UID_DOMAIN, NULL);
}

/* UID, DTSTAMP, CREATED and LAST-MODIFIED, SUMMARY and DESCRIPTION */
static icalcomponent *
component_new (Writer             *w,
               icalcomponent_kind  kind,
               const char         *uid_kind,
               const char         *uuid,
               const char         *created_at,
               const char         *updated_at,
               const char         *summary,
               const char         *description)
{
  icalcomponent *component = icalcomponent_new (kind);
  g_autofree char *uid = make_uid (uid_kind, uuid);
  g_autoptr(GDateTime) created = parse_utc (created_at);
  g_autoptr(GDateTime) updated = parse_utc (updated_at);

  icalcomponent_add_property (component, icalproperty_new_uid (uid));
  icalcomponent_add_property (component, icalproperty_new_dtstamp (w->stamp));
  if (created != NULL)
    icalcomponent_add_property (component, icalproperty_new_created (utc_time (created)));
  if (updated != NULL)
    icalcomponent_add_property (component, icalproperty_new_lastmodified (utc_time (updated)));
  icalcomponent_add_property (component, icalproperty_new_summary (summary));
  if (description != NULL && *description != '\0')
    icalcomponent_add_property (component, icalproperty_new_description (description));

  icalcomponent_add_component (w->calendar, component);
  return component;
}

/* Lines of a description: “Label: value”, the empty ones left out */
static void
add_line (GString    *text,
          const char *label,
          const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (*trimmed == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  if (label != NULL)
    {
      if (strchr (trimmed, '\n') != NULL)
        g_string_append_printf (text, "%s:\n%s", label, trimmed);
      else
        /* Translators: one line of a calendar entry's description, e.g. “Cliente: Rossi Srl” */
        g_string_append_printf (text, _("%s: %s"), label, trimmed);
    }
  else
    g_string_append (text, trimmed);
}

/* Start and end of something that starts at @starts_at and lasts @minutes */
static gboolean
add_span (icalcomponent *component,
          const char    *starts_at,
          int            minutes)
{
  g_autoptr(GDateTime) start = parse_utc (starts_at);
  g_autoptr(GDateTime) end = NULL;

  if (start == NULL)
    return FALSE;
  end = g_date_time_add_minutes (start, minutes > 0 ? minutes : 60);
  icalcomponent_add_property (component, icalproperty_new_dtstart (utc_time (start)));
  icalcomponent_add_property (component, icalproperty_new_dtend (utc_time (end)));
  return TRUE;
}

static gboolean
add_follow_ups (Writer             *w,
                SportelloDatabase  *db,
                guint              *n,
                GError            **error)
{
  g_autoptr(GListModel) open = sportello_follow_up_list_open (db, NULL, NULL, error);

  if (open == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(SportelloFollowUp) item = g_list_model_get_item (open, i);
      const char *due = sportello_follow_up_get (item, SPORTELLO_FOLLOW_UP_DUE_DATE);
      const char *client = sportello_follow_up_get (item, SPORTELLO_FOLLOW_UP_CLIENT_NAME);
      const char *text = sportello_follow_up_get (item, SPORTELLO_FOLLOW_UP_TEXT);
      g_autoptr(GString) description = g_string_new (NULL);
      g_autofree char *summary = NULL;
      icalcomponent *todo;
      int year, month, day;

      if (due == NULL || sscanf (due, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
          !g_date_valid_dmy (day, month, year))
        continue;

      /* Translators: a follow-up in the calendar: what to do, then the client's name */
      summary = g_strdup_printf (_("%s — %s"), text, client);
      add_line (description, _("Client"), client);
      add_line (description, _("To be done by"),
                sportello_vocabulary_label (SPORTELLO_VOCABULARY_ASSIGNEE,
                                            sportello_follow_up_get (item, SPORTELLO_FOLLOW_UP_ASSIGNEE)));
      todo = component_new (w, ICAL_VTODO_COMPONENT, "follow-up",
                            sportello_follow_up_get (item, SPORTELLO_FOLLOW_UP_UUID),
                            sportello_follow_up_get (item, SPORTELLO_FOLLOW_UP_CREATED_AT),
                            sportello_follow_up_get (item, SPORTELLO_FOLLOW_UP_UPDATED_AT),
                            summary, description->str);
      icalcomponent_add_property (todo, icalproperty_new_due (date_value (year, month, day)));
      icalcomponent_add_property (todo, icalproperty_new_status (ICAL_STATUS_NEEDSACTION));
      (*n)++;
    }

  return TRUE;
}

static gboolean
add_meetings (Writer             *w,
              SportelloDatabase  *db,
              guint              *n,
              GError            **error)
{
  g_autoptr(GListModel) meetings = sportello_meeting_list (db, NULL, NULL, error);

  if (meetings == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SportelloMeeting) item = g_list_model_get_item (meetings, i);
      const char *client = sportello_meeting_get (item, SPORTELLO_MEETING_CLIENT_NAME);
      g_autoptr(GString) description = g_string_new (NULL);
      g_autofree char *summary = NULL;
      icalcomponent *event;

      /* Translators: a meeting in the calendar; %s is the client's name */
      summary = g_strdup_printf (_("Meeting with %s"), client);
      add_line (description, _("Client"), client);
      add_line (description, _("Kind"),
                sportello_vocabulary_label (SPORTELLO_VOCABULARY_MEETING_KIND,
                                            sportello_meeting_get (item, SPORTELLO_MEETING_KIND)));
      add_line (description, _("Participants"), sportello_meeting_get (item, SPORTELLO_MEETING_PARTICIPANTS));
      add_line (description, _("Topics"), sportello_meeting_get (item, SPORTELLO_MEETING_TOPICS));
      event = component_new (w, ICAL_VEVENT_COMPONENT, "meeting",
                             sportello_meeting_get (item, SPORTELLO_MEETING_UUID),
                             sportello_meeting_get (item, SPORTELLO_MEETING_CREATED_AT),
                             sportello_meeting_get (item, SPORTELLO_MEETING_UPDATED_AT),
                             summary, description->str);
      if (!add_span (event, sportello_meeting_get (item, SPORTELLO_MEETING_STARTS_AT),
                     sportello_meeting_get_duration (item)))
        {
          icalcomponent_remove_component (w->calendar, event);
          icalcomponent_free (event);
          continue;
        }
      (*n)++;
    }

  return TRUE;
}

static gboolean
add_events (Writer             *w,
            SportelloDatabase  *db,
            guint              *n,
            GError            **error)
{
  g_autoptr(GListModel) events = sportello_event_list (db, error);

  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SportelloEvent) item = g_list_model_get_item (events, i);
      const char *place = sportello_event_get (item, SPORTELLO_EVENT_PLACE);
      g_autoptr(GString) description = g_string_new (NULL);
      icalcomponent *event;

      add_line (description, _("Kind"),
                sportello_vocabulary_label (SPORTELLO_VOCABULARY_EVENT_KIND,
                                            sportello_event_get (item, SPORTELLO_EVENT_KIND)));
      add_line (description, _("Speakers"), sportello_event_get (item, SPORTELLO_EVENT_SPEAKERS));
      add_line (description, _("Topics"), sportello_event_get (item, SPORTELLO_EVENT_TOPICS));
      add_line (description, NULL, sportello_event_get (item, SPORTELLO_EVENT_DESCRIPTION));
      event = component_new (w, ICAL_VEVENT_COMPONENT, "event",
                             sportello_event_get (item, SPORTELLO_EVENT_UUID),
                             sportello_event_get (item, SPORTELLO_EVENT_CREATED_AT),
                             sportello_event_get (item, SPORTELLO_EVENT_UPDATED_AT),
                             sportello_event_get (item, SPORTELLO_EVENT_TITLE), description->str);
      if (!add_span (event, sportello_event_get (item, SPORTELLO_EVENT_STARTS_AT),
                     sportello_event_get_duration (item)))
        {
          icalcomponent_remove_component (w->calendar, event);
          icalcomponent_free (event);
          continue;
        }
      if (place != NULL && *place != '\0')
        icalcomponent_add_property (event, icalproperty_new_location (place));
      (*n)++;
    }

  return TRUE;
}

static gboolean
add_deadlines (Writer             *w,
               SportelloDatabase  *db,
               guint              *n,
               GError            **error)
{
  g_autoptr(GListModel) calls = sportello_grant_call_list (db, NULL, NULL, error);

  if (calls == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(SportelloGrantCall) item = g_list_model_get_item (calls, i);
      g_autoptr(GDateTime) deadline = parse_utc (sportello_grant_call_get (item, SPORTELLO_GRANT_CALL_DEADLINE));
      g_autoptr(GDateTime) in_italy = NULL;
      g_autoptr(GDateTime) next_day = NULL;
      g_autoptr(GString) description = g_string_new (NULL);
      g_autofree char *summary = NULL;
      g_autofree char *hour = NULL;
      const char *url = sportello_grant_call_get (item, SPORTELLO_GRANT_CALL_URL);
      icalcomponent *event;

      /* “a sportello” calls without a deadline have no day to show */
      if (deadline == NULL)
        continue;

      /* the day in Italy: a deadline at 23:59 in Rome is 22:59 UTC */
      in_italy = g_date_time_to_timezone (deadline, w->italy);
      next_day = g_date_time_add_days (in_italy, 1);
      /* Translators: a grant call's deadline in the calendar; %s is the call's title */
      summary = g_strdup_printf (_("Deadline: %s"), sportello_grant_call_get (item, SPORTELLO_GRANT_CALL_TITLE));
      add_line (description, _("Funder"),
                sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_FUNDER,
                                            sportello_grant_call_get (item, SPORTELLO_GRANT_CALL_FUNDER)));
      if (g_date_time_get_hour (in_italy) != 0 || g_date_time_get_minute (in_italy) != 0)
        {
          g_autofree char *time = g_date_time_format (in_italy, "%H:%M");

          /* Translators: the hour of a grant call's deadline, in Italy */
          hour = g_strdup_printf (_("Closes at %s, Italian time"), time);
          add_line (description, NULL, hour);
        }
      add_line (description, NULL, url);
      event = component_new (w, ICAL_VEVENT_COMPONENT, "grant-deadline",
                             sportello_grant_call_get (item, SPORTELLO_GRANT_CALL_UUID),
                             sportello_grant_call_get (item, SPORTELLO_GRANT_CALL_CREATED_AT),
                             sportello_grant_call_get (item, SPORTELLO_GRANT_CALL_UPDATED_AT),
                             summary, description->str);
      icalcomponent_add_property (event, icalproperty_new_dtstart (date_value (g_date_time_get_year (in_italy),
                                                                               g_date_time_get_month (in_italy),
                                                                               g_date_time_get_day_of_month (in_italy))));
      /* the end of an all-day event is the next day, not included */
      icalcomponent_add_property (event, icalproperty_new_dtend (date_value (g_date_time_get_year (next_day),
                                                                             g_date_time_get_month (next_day),
                                                                             g_date_time_get_day_of_month (next_day))));
      /* a deadline does not make the consultant busy */
      icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
      if (url != NULL && g_str_has_prefix (url, "http"))
        icalcomponent_add_property (event, icalproperty_new_url (url));
      (*n)++;
    }

  return TRUE;
}

/**
 * sportello_ics_export_to_string:
 * @now: (nullable): the DTSTAMP of every entry; %NULL for now
 * @counts: (out) (optional): how many of each were written
 *
 * Returns: (transfer full): the iCalendar text, with CRLF line ends
 */
char *
sportello_ics_export_to_string (SportelloDatabase   *db,
                                GDateTime           *now,
                                SportelloIcsCounts  *counts,
                                GError             **error)
{
  g_autoptr(GDateTime) local_now = now == NULL ? g_date_time_new_now_utc () : NULL;
  SportelloIcsCounts n = { 0 };
  Writer w = { 0 };
  gboolean ok;
  char *text;
  char *out;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  w.calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  w.stamp = utc_time (now != NULL ? now : local_now);
  w.italy = g_time_zone_new_identifier ("Europe/Rome");
  if (w.italy == NULL)
    w.italy = g_time_zone_new_local ();

  icalcomponent_add_property (w.calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (w.calendar, icalproperty_new_prodid ("-//Sportello//Sportello " PACKAGE_VERSION "//IT"));
  icalcomponent_add_property (w.calendar, icalproperty_new_calscale ("GREGORIAN"));

  /* one read transaction: a consistent snapshot of the four kinds */
  ok = sportello_database_exec (db, "BEGIN", error);
  ok = ok && add_follow_ups (&w, db, &n.n_follow_ups, error)
          && add_meetings (&w, db, &n.n_meetings, error)
          && add_events (&w, db, &n.n_events, error)
          && add_deadlines (&w, db, &n.n_deadlines, error);
  if (ok)
    ok = sportello_database_exec (db, "COMMIT", error);
  else
    sportello_database_exec (db, "ROLLBACK", NULL);

  g_time_zone_unref (w.italy);
  if (!ok)
    {
      icalcomponent_free (w.calendar);
      return NULL;
    }

  text = icalcomponent_as_ical_string_r (w.calendar);
  icalcomponent_free (w.calendar);
  out = g_strdup (text);
  icalmemory_free_buffer (text);

  if (counts != NULL)
    *counts = n;
  return out;
}

/**
 * sportello_ics_export:
 * @path: where to write the file; replaced whole or not at all
 * @counts: (out) (optional): how many of each were written
 */
gboolean
sportello_ics_export (SportelloDatabase   *db,
                      const char          *path,
                      SportelloIcsCounts  *counts,
                      GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(text = sportello_ics_export_to_string (db, NULL, counts, error)))
    return FALSE;
  return sportello_atomic_file_write (path, text, -1, error);
}
