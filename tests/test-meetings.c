/* test-meetings.c: meetings, notes, follow-ups and their dates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-agenda.h"
#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-follow-up.h"
#include "sportello-meeting.h"

#include "store-test-util.h"

static SportelloDatabase *
open_db (void)
{
  return store_test_open_db ("meetings-test", "Luca Sala", "Polo di Novara");
}

static SportelloMeeting *
new_meeting (SportelloDatabase *db,
             SportelloClient   *client,
             const char        *starts_at,
             const char        *notes)
{
  SportelloMeeting *meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_autoptr(GError) error = NULL;

  sportello_meeting_set (meeting, SPORTELLO_MEETING_STARTS_AT, starts_at);
  sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, notes);
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  g_assert_no_error (error);
  return meeting;
}

static void
test_meetings (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Erboristeria Aurora");
  g_autoptr(SportelloClient) other = store_test_new_client (db, "Bar Sole");
  g_autoptr(SportelloMeeting) first = new_meeting (db, client, "2026-09-01T08:00:00Z", "# Primo incontro\n\n- vendere online");
  g_autoptr(SportelloMeeting) second = new_meeting (db, client, "2026-11-02T09:30:00Z", "Secondo");
  g_autoptr(SportelloMeeting) elsewhere = new_meeting (db, other, "2026-10-01T09:30:00Z", "Altro");
  g_autoptr(SportelloMeeting) loaded = NULL;
  g_autoptr(SportelloClient) reloaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SportelloMeeting) top = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *excerpt = NULL;

  g_assert_true (g_uuid_string_is_valid (sportello_meeting_get (first, SPORTELLO_MEETING_UUID)));
  g_assert_cmpstr (sportello_meeting_get (first, SPORTELLO_MEETING_ORIGIN_HUB), ==, "Polo di Novara");

  /* the client's last meeting follows its meetings */
  reloaded = sportello_client_load (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpstr (sportello_client_get (reloaded, SPORTELLO_CLIENT_LAST_MEETING_AT), ==, "2026-11-02T09:30:00Z");
  g_assert_true (sportello_meeting_delete (db, sportello_meeting_get (second, SPORTELLO_MEETING_UUID), &error));
  g_clear_object (&reloaded);
  reloaded = sportello_client_load (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpstr (sportello_client_get (reloaded, SPORTELLO_CLIENT_LAST_MEETING_AT), ==, "2026-09-01T08:00:00Z");

  /* autosave's path */
  g_assert_true (sportello_meeting_save_notes (db, sportello_meeting_get (first, SPORTELLO_MEETING_UUID),
                                               "# Primo incontro\n\nNote *aggiornate*", &error));
  loaded = sportello_meeting_load (db, sportello_meeting_get (first, SPORTELLO_MEETING_UUID), &error);
  g_assert_cmpstr (sportello_meeting_get (loaded, SPORTELLO_MEETING_NOTES), ==, "# Primo incontro\n\nNote *aggiornate*");
  g_assert_cmpstr (sportello_meeting_get (loaded, SPORTELLO_MEETING_CLIENT_NAME), ==, "Erboristeria Aurora");
  excerpt = sportello_meeting_dup_excerpt (loaded, 80);
  g_assert_cmpstr (excerpt, ==, "Primo incontro · Note *aggiornate*");

  /* lists: everybody's, newest first; one client's; one kind */
  list = sportello_meeting_list (db, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  top = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sportello_meeting_get (top, SPORTELLO_MEETING_CLIENT_NAME), ==, "Bar Sole");
  g_clear_object (&list);
  list = sportello_meeting_list (db, sportello_client_get_uuid (client), NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = sportello_meeting_list (db, NULL, "video", &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* a meeting needs a real date */
  sportello_meeting_set (elsewhere, SPORTELLO_MEETING_STARTS_AT, "ieri");
  g_assert_false (sportello_meeting_save (elsewhere, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
}

static void
test_follow_ups (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Ottica Nava");
  g_autoptr(SportelloMeeting) meeting = new_meeting (db, client, "2026-11-20T09:00:00Z", "");
  g_autoptr(GDate) today = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);   /* a Wednesday */
  static const struct { const char *text, *due; int group; } cases[] = {
    { "Scaduta", "2026-11-24", SPORTELLO_DUE_OVERDUE },
    { "Oggi", "2026-11-25", SPORTELLO_DUE_TODAY },
    { "Domenica", "2026-11-29", SPORTELLO_DUE_THIS_WEEK },
    { "Lunedì prossimo", "2026-11-30", SPORTELLO_DUE_LATER },
    { "Senza data", "", SPORTELLO_DUE_NO_DATE },
  };
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GPtrArray) due_today = NULL;
  g_autoptr(SportelloFollowUp) bad = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "  ");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SportelloFollowUp) f = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), cases[i].text);

      sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_DUE_DATE, cases[i].due);
      g_assert_true (sportello_follow_up_save (f, db, &error));
      g_assert_no_error (error);
    }

  open = sportello_follow_up_list_open (db, NULL, today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SportelloFollowUp) f = g_list_model_get_item (open, i);

      g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_TEXT), ==, cases[i].text);
      g_assert_cmpint (sportello_follow_up_get_group (f), ==, cases[i].group);
      g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_CLIENT_NAME), ==, "Ottica Nava");
    }

  due_today = sportello_follow_up_due_today (db, today, &error);
  g_assert_cmpuint (due_today->len, ==, 1);

  /* done, and undone (Undo) */
  {
    g_autoptr(SportelloFollowUp) f = g_list_model_get_item (open, 1);
    const char *uuid = sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_UUID);

    g_assert_true (sportello_follow_up_set_done (db, uuid, TRUE, &error));
    g_clear_object (&open);
    open = sportello_follow_up_list_open (db, NULL, today, &error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, G_N_ELEMENTS (cases) - 1);
    g_assert_true (sportello_follow_up_set_done (db, uuid, FALSE, &error));
    g_clear_object (&open);
    open = sportello_follow_up_list_open (db, sportello_client_get_uuid (client), today, &error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, G_N_ELEMENTS (cases));
  }

  g_assert_false (sportello_follow_up_save (bad, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_follow_up_set (bad, SPORTELLO_FOLLOW_UP_TEXT, "x");
  sportello_follow_up_set (bad, SPORTELLO_FOLLOW_UP_DUE_DATE, "2026-02-30");
  g_assert_false (sportello_follow_up_save (bad, db, &error));
  g_clear_error (&error);
  sportello_follow_up_set (bad, SPORTELLO_FOLLOW_UP_DUE_DATE, "");
  sportello_follow_up_set (bad, SPORTELLO_FOLLOW_UP_ASSIGNEE, "nessuno");
  g_assert_false (sportello_follow_up_save (bad, db, &error));
}

static void
test_due_groups_calendar (void)
{
  static const struct {
    const char *today, *due;
    SportelloDueGroup group;
  } cases[] = {
    /* month end: Saturday 31 January 2026 */
    { "2026-01-31", "2026-01-30", SPORTELLO_DUE_OVERDUE },
    { "2026-01-31", "2026-02-01", SPORTELLO_DUE_THIS_WEEK },
    { "2026-01-31", "2026-02-02", SPORTELLO_DUE_LATER },
    /* year end: Thursday 31 December 2026 */
    { "2026-12-31", "2026-12-31", SPORTELLO_DUE_TODAY },
    { "2026-12-31", "2027-01-03", SPORTELLO_DUE_THIS_WEEK },
    { "2026-12-31", "2027-01-04", SPORTELLO_DUE_LATER },
    { "2027-01-01", "2026-12-31", SPORTELLO_DUE_OVERDUE },
    /* Sunday: the week ends today */
    { "2026-11-29", "2026-11-30", SPORTELLO_DUE_LATER },
    /* daylight saving starts on Sunday 29 March 2026 and ends on 25 October */
    { "2026-03-28", "2026-03-29", SPORTELLO_DUE_THIS_WEEK },
    { "2026-03-29", "2026-03-29", SPORTELLO_DUE_TODAY },
    { "2026-10-25", "2026-10-26", SPORTELLO_DUE_LATER },
    /* leap day */
    { "2028-02-28", "2028-02-29", SPORTELLO_DUE_THIS_WEEK },
    { "2026-11-25", "2026-02-29", SPORTELLO_DUE_NO_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) today = sportello_date_parse (cases[i].today);

      g_assert_nonnull (today);
      if (sportello_due_group (cases[i].due, today) != cases[i].group)
        g_error ("today %s, due %s: got %d, expected %d", cases[i].today, cases[i].due,
                 sportello_due_group (cases[i].due, today), cases[i].group);
    }
}

static void
test_meeting_periods_rome (void)
{
  g_autoptr(GTimeZone) rome = g_time_zone_new_identifier ("Europe/Rome");
  static const struct {
    int y, m, d, h;   /* now, local time in Rome */
    const char *starts_at;
    SportelloPeriod period;
  } cases[] = {
    /* Monday 30 March 2026, the day after the switch to CEST (UTC+2):
     * 22:30 UTC on Sunday is 00:30 on Monday in Rome */
    { 2026, 3, 30, 10, "2026-03-29T22:30:00Z", SPORTELLO_PERIOD_THIS_WEEK },
    { 2026, 3, 30, 10, "2026-03-29T21:30:00Z", SPORTELLO_PERIOD_THIS_MONTH },
    { 2026, 3, 30, 10, "2026-03-30T09:00:00Z", SPORTELLO_PERIOD_UPCOMING },
    /* Monday 26 October 2026, the day after the switch back to CET (UTC+1) */
    { 2026, 10, 26, 10, "2026-10-25T23:30:00Z", SPORTELLO_PERIOD_THIS_WEEK },
    { 2026, 10, 26, 10, "2026-10-25T22:30:00Z", SPORTELLO_PERIOD_THIS_MONTH },
    /* the first days of a month and of a year */
    { 2026, 12, 1, 9, "2026-11-30T10:00:00Z", SPORTELLO_PERIOD_THIS_WEEK },
    { 2026, 12, 7, 9, "2026-11-30T10:00:00Z", SPORTELLO_PERIOD_EARLIER },
    { 2027, 1, 2, 9, "2026-12-28T10:00:00Z", SPORTELLO_PERIOD_THIS_WEEK },
    { 2027, 1, 4, 9, "2027-01-02T10:00:00Z", SPORTELLO_PERIOD_THIS_MONTH },
    { 2027, 1, 4, 9, "2026-12-30T10:00:00Z", SPORTELLO_PERIOD_EARLIER },
    { 2026, 11, 25, 9, "2026-11-10T10:00:00Z", SPORTELLO_PERIOD_THIS_MONTH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new (rome, cases[i].y, cases[i].m, cases[i].d, cases[i].h, 0, 0);
      SportelloPeriod got = sportello_meeting_period (cases[i].starts_at, now);

      if (got != cases[i].period)
        g_error ("case %u (%s): got %d, expected %d", i, cases[i].starts_at, got, cases[i].period);
    }
}

static void
test_search_and_erase (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Merceria Galli");
  g_autoptr(SportelloClient) other = store_test_new_client (db, "Calzature Pozzi");
  g_autoptr(SportelloMeeting) meeting = new_meeting (db, client, "2026-11-20T09:00:00Z", "Parlato di Etsy e di spedizioni");
  g_autoptr(SportelloFollowUp) f = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Chiedere il preventivo al corriere");
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;

  g_assert_true (sportello_follow_up_save (f, db, &error));
  g_assert_true (sportello_client_list_refresh (list, &error));

  /* notes and follow-ups find their client */
  sportello_client_list_set_search (list, "etsy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* from three letters: one or two would match most notes of a real desk */
  sportello_client_list_set_search (list, "ets");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  sportello_client_list_set_search (list, "et");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  sportello_client_list_set_search (list, "preventivo corriere");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  sportello_meeting_save_notes (db, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Parlato di Amazon", &error);
  sportello_client_list_set_search (list, NULL);
  sportello_client_list_set_search (list, "etsy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* erasure takes meetings and follow-ups with the client */
  g_assert_true (sportello_client_erase (db, sportello_client_get_uuid (client), &error));
  meetings = sportello_meeting_list (db, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 0);
  g_assert_null (sportello_meeting_load (db, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), NULL));
  {
    g_autoptr(GListModel) open = sportello_follow_up_list_open (db, NULL, NULL, &error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
  }
  sportello_client_list_set_search (list, NULL);
  sportello_client_list_set_search (list, "amazon");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_demo_meetings (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) open = NULL;

  g_assert_true (sportello_demo_fill (db, 100, &error));
  meetings = sportello_meeting_list (db, NULL, NULL, &error);
  open = sportello_follow_up_list_open (db, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), >, 50);
  g_assert_cmpuint (g_list_model_get_n_items (open), >, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/meeting/crud", test_meetings);
  g_test_add_func ("/store/meeting/follow-ups", test_follow_ups);
  g_test_add_func ("/store/meeting/due-groups-calendar", test_due_groups_calendar);
  g_test_add_func ("/store/meeting/periods-rome", test_meeting_periods_rome);
  g_test_add_func ("/store/meeting/search-and-erase", test_search_and_erase);
  g_test_add_func ("/store/meeting/demo", test_demo_meetings);

  return g_test_run ();
}
