/* test-ui-pages.c: what the record pages and the sections do the same way
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SportelloRecordPage: what is typed is stored when the page is hidden,
 * a delete offers Undo and goes back. SportelloSection and the client
 * page: they show what another connection wrote, with no refresh call.
 * The client page fills its groups after its first frame.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sportello-attachment.h"
#include "sportello-client.h"
#include "sportello-client-events.h"
#include "sportello-client-page-private.h"
#include "sportello-clients-section.h"
#include "sportello-contact.h"
#include "sportello-database.h"
#include "sportello-follow-up.h"
#include "sportello-meeting.h"
#include "sportello-meeting-page.h"
#include "sportello-meetings-section.h"
#include "sportello-property-row.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

typedef struct
{
  char *client;
  char *meeting;
} Records;

static void
records_clear (Records *records)
{
  g_free (records->client);
  g_free (records->meeting);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Records, records_clear)

/* How many property rows titled @title are below @widget, shown or not */
static guint
count_rows (GtkWidget  *widget,
            const char *title)
{
  guint n = SPORTELLO_IS_PROPERTY_ROW (widget) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, title);
  return n;
}

/* A client with a meeting with a follow-up */
static Records
make_records (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(SportelloFollowUp) follow_up = NULL;
  Records records;

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Ferramenta Galli");
  g_assert_true (sportello_client_save (client, db, &error));
  meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  follow_up = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Mandare il listino");
  g_assert_true (sportello_follow_up_save (follow_up, db, &error));

  records.client = g_strdup (sportello_client_get_uuid (client));
  records.meeting = g_strdup (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
  return records;
}

static SportelloMeeting *
stored_meeting (const char  *data_dir,
                const char  *uuid,
                GError     **error)
{
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, NULL);

  return sportello_meeting_load (db, uuid, error);
}

static gboolean
meeting_is_stored (const char *data_dir,
                   const char *uuid)
{
  g_autoptr(SportelloMeeting) meeting = stored_meeting (data_dir, uuid, NULL);

  return meeting != NULL;
}

static SportelloMeetingPage *
open_meeting (GtkWindow  *window,
              const char *uuid)
{
  SportelloMeetingsSection *meetings = _sportello_window_get_meetings_section (SPORTELLO_WINDOW (window));
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "meetings");
  sportello_meetings_section_open (meetings, uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE);
  g_assert_nonnull (page);
  return SPORTELLO_MEETING_PAGE (page);
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("%s did not happen", (const char *) data);
  return G_SOURCE_REMOVE;
}

static void
hidden_cb (AdwNavigationPage *page,
           gboolean          *hidden)
{
  *hidden = TRUE;
}

/* Typing, then going back before autosave's pause: stored as the page
 * is hidden, not later */
static void
test_flush_when_hidden (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-pages-flush", NULL);
  g_auto(Records) records = make_records (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(SportelloMeeting) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = sportello_test_app_window (app);
  SportelloMeetingPage *page;
  GtkTextBuffer *buffer;
  gboolean hidden = FALSE;
  guint guard;

  /* see test-ui-meetings.c: libspelling warns while a test types */
  g_settings_set_boolean (sportello_application_get_settings (app), "spell-check", FALSE);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  page = open_meeting (window, records.meeting);
  g_signal_connect (page, "hidden", G_CALLBACK (hidden_cb), &hidden);

  buffer = gtk_text_view_get_buffer (sportello_meeting_page_get_view (page));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Catalogo pronto a gennaio", -1, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "navigation.pop", NULL);
  guard = g_timeout_add_seconds (30, give_up_cb, (gpointer) "hiding the page");
  while (!hidden)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  stored = stored_meeting (data_dir, records.meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_meeting_get (stored, SPORTELLO_MEETING_NOTES), ==, "Catalogo pronto a gennaio");

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  sportello_test_app_quit (app);
}

/* Delete goes back and offers Undo, which brings the meeting back with
 * its follow-up, after the page is gone */
static void
test_delete_and_undo (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-pages-delete", NULL);
  g_auto(Records) records = make_records (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(SportelloMeeting) gone = NULL;
  g_autoptr(SportelloMeeting) back = NULL;
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = sportello_test_app_window (app);
  SportelloMeetingPage *page = open_meeting (window, records.meeting);
  GListModel *listed = sportello_meetings_section_get_model (_sportello_window_get_meetings_section (SPORTELLO_WINDOW (window)));
  GtkWidget *undo;

  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "meeting.delete", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  /* the page goes back once its slide is over, however slow the machine */
  SPORTELLO_TEST_WAIT_UNTIL (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE) == NULL);

  gone = stored_meeting (data_dir, records.meeting, &error);
  g_assert_null (gone);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE));
  /* the section shows it gone, told by the database */
  sportello_test_wait_for_n_items (listed, 0);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);

  SPORTELLO_TEST_WAIT_UNTIL (sportello_test_find_button (GTK_WIDGET (window), "_Annulla") != NULL);
  undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  SPORTELLO_TEST_WAIT_UNTIL (meeting_is_stored (data_dir, records.meeting));

  back = stored_meeting (data_dir, records.meeting, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, NULL);

    follow_ups = sportello_follow_up_list_for_meeting (db, records.meeting, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 1);
  }
  sportello_test_wait_for_n_items (listed, 1);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);

  sportello_test_app_quit (app);
}

/* What another connection writes shows in the open client page and in a
 * hidden section once it is shown, with no refresh call */
static void
test_pages_follow_the_database (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-pages-follow", NULL);
  g_auto(Records) records = make_records (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(SportelloDatabase) other = NULL;
  g_autoptr(SportelloContact) contact = NULL;
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = sportello_test_app_window (app);
  SportelloClientsSection *clients = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  GListModel *meetings = sportello_meetings_section_get_model (_sportello_window_get_meetings_section (SPORTELLO_WINDOW (window)));
  guint n_meetings, guard;

  sportello_clients_section_open_client (clients, records.client);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (window), "Giulia Bernasconi"));
  /* never shown yet: the section has not read the database */
  n_meetings = g_list_model_get_n_items (meetings);
  g_assert_cmpuint (n_meetings, ==, 0);

  other = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  contact = sportello_contact_new (records.client);
  sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Giulia Bernasconi");
  g_assert_true (sportello_contact_save (contact, other, &error));
  meeting = sportello_meeting_new (records.client);
  g_assert_true (sportello_meeting_save (meeting, other, &error));

  guard = g_timeout_add_seconds (30, give_up_cb, (gpointer) "the contact on the client page");
  while (sportello_test_find_label (GTK_WIDGET (window), "Giulia Bernasconi") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);

  /* the rows know their records: removing the person offers Undo, and a
   * meeting's row opens it */
  {
    GtkWidget *row = gtk_widget_get_ancestor (sportello_test_find_label (GTK_WIDGET (window), "Giulia Bernasconi"),
                                              GTK_TYPE_LIST_BOX_ROW);
    GtkWidget *remove = sportello_test_find_type (row, GTK_TYPE_BUTTON);
    GtkWidget *undo;

    g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Rimuovi referente");
    g_signal_emit_by_name (remove, "clicked");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_null (sportello_test_find_label (GTK_WIDGET (window), "Giulia Bernasconi"));
    undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Giulia Bernasconi"));

    row = gtk_widget_get_ancestor (sportello_test_find_label (GTK_WIDGET (window), "Ancora nessun appunto"),
                                   GTK_TYPE_LIST_BOX_ROW);
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activate");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE));
  }

  /* the Meetings section was not on screen: it shows the new meeting as
   * soon as it is */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "meetings");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);

  sportello_test_app_quit (app);
}

/* Counts a signal's emissions (one argument, as notify or changed has) */
static void
count_cb (gpointer  instance,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

/* The client page shows the client at once and fills the groups under its
 * fields after its first frame; filled, they follow the database */
static void
test_client_page_fills (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-pages-fills", NULL);
  g_auto(Records) records = make_records (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(SportelloDatabase) other = NULL;
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = sportello_test_app_window (app);
  SportelloClientsSection *clients = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  SportelloClientPage *page;
  guint n_loaded = 0, guard;

  sportello_clients_section_open_client (clients, records.client);
  page = SPORTELLO_CLIENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  g_assert_nonnull (page);
  g_signal_connect (page, "notify::loaded", G_CALLBACK (count_cb), &n_loaded);

  /* before its first frame: the client, and not yet its meetings */
  g_assert_false (sportello_client_page_get_loaded (page));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Ferramenta Galli"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->groups_box)));
  g_assert_null (sportello_test_find_label (GTK_WIDGET (page), "Mandare il listino"));

  /* after it: the meeting with its open follow-up, the groups shown */
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (sportello_client_page_get_loaded (page));
  g_assert_cmpuint (n_loaded, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->groups_box)));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Mandare il listino"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Ancora nessun appunto"));
  g_assert_true (SPORTELLO_IS_CLIENT_EVENTS (page->events_group));
  g_assert_true (gtk_widget_get_parent (page->events_group) == GTK_WIDGET (page->groups_box));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->meetings_list)));
  g_assert_false (gtk_widget_get_visible (page->meetings_empty));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->documents_list)));
  g_assert_true (gtk_widget_get_visible (page->documents_empty));

  /* what another connection writes shows there, with no refresh call */
  other = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  meeting = sportello_meeting_new (records.client);
  sportello_meeting_set (meeting, SPORTELLO_MEETING_NOTES, "Preventivo per il sito");
  g_assert_true (sportello_meeting_save (meeting, other, &error));
  g_assert_no_error (error);
  guard = g_timeout_add_seconds (30, give_up_cb, (gpointer) "the new meeting on the client page");
  while (sportello_test_find_label (GTK_WIDGET (page), "Preventivo per il sito") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  g_assert_cmpuint (g_list_model_get_n_items (page->meetings), ==, 2);
  g_assert_cmpuint (n_loaded, ==, 1);

  sportello_test_app_quit (app);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Opened and closed at once, before its groups fill, twice (before its
 * first frame, and between the frame and the fill): the page goes away,
 * reads nothing more and writes nothing */
static void
test_client_page_closed_at_once (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-pages-closed", NULL);
  g_auto(Records) records = make_records (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloClientsSection *clients = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  SportelloDatabase *db = sportello_application_get_database (app, NULL);
  guint n_changes = 0;

  g_assert_nonnull (db);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_signal_connect (db, "changed", G_CALLBACK (count_cb), &n_changes);

  for (guint round = 0; round < 2; round++)
    {
      SportelloClientPage *page;
      guint n_loaded = 0;

      sportello_clients_section_open_client (clients, records.client);
      page = SPORTELLO_CLIENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
      g_assert_nonnull (page);
      g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
      g_signal_connect (page, "notify::loaded", G_CALLBACK (count_cb), &n_loaded);
      if (round == 1)
        {
          GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
          gboolean painted = FALSE;
          gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

          /* on screen, its first frame painted: the fill is waiting for an idle */
          while (!painted)
            g_main_context_iteration (NULL, TRUE);
          g_signal_handler_disconnect (clock, id);
          g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
          g_assert_false (sportello_client_page_get_loaded (page));
        }
      g_assert_true (adw_navigation_view_pop (ADW_NAVIGATION_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_NAVIGATION_VIEW))));

      /* gone at the end of the transition, never filled */
      sportello_test_wait_for_draw (GTK_WIDGET (window));
      sportello_test_iterate (500);
      g_assert_null (page);
      g_assert_cmpuint (n_loaded, ==, 0);
    }

  g_assert_null (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  g_assert_cmpuint (n_changes, ==, 0);
  g_signal_handlers_disconnect_by_func (db, count_cb, &n_changes);

  sportello_test_app_quit (app);
}

static guint
n_attachments (SportelloDatabase *db,
               const char        *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = sportello_attachment_list_for_client (db, client, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

/* What the page makes only when it is needed: the groups under the
 * client's fields (a file dropped before they exist still goes to this
 * client, not to the one whose page it replaced), the client menu (the
 * first time it opens); and the tooltips of its rows' buttons, set while
 * each button was hidden, are there */
static void
test_client_page_made_when_needed (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-pages-when-needed", NULL);
  g_auto(Records) records = make_records (data_dir);
  g_autofree char *other = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Bar Centrale",
                                                      SPORTELLO_CLIENT_EMAIL, "bar@example.it", -1);
  g_autofree char *dropped = g_build_filename (g_get_tmp_dir (), "listino.txt", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(GFile) file = g_file_new_for_path (dropped);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = sportello_test_app_window (app);
  SportelloClientsSection *clients = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  SportelloDatabase *db = sportello_application_get_database (app, NULL);
  SportelloClientPage *page;
  GtkDropTarget *target = NULL;
  GSList files = { file, NULL };
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GtkWidget *link = NULL;

  g_assert_nonnull (db);
  {
    g_autoptr(SportelloContact) contact = sportello_contact_new (records.client);

    sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Anna Galli");
    g_assert_true (sportello_contact_save (contact, db, &error));
    g_assert_no_error (error);
  }

  /* the other client's page first, filled; then this one's replaces it */
  sportello_clients_section_open_client (clients, other);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_CLIENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  g_assert_true (sportello_client_page_get_loaded (page));
  /* the e-mail's button, its tooltip set while it was hidden */
  link = sportello_test_find_type (GTK_WIDGET (page->company_group), GTK_TYPE_BUTTON);
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_get_visible (link));
  g_assert_nonnull (gtk_widget_get_tooltip_text (link));

  sportello_clients_section_open_client (clients, records.client);
  page = SPORTELLO_CLIENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (sportello_client_page_get_uuid (page), ==, records.client);

  /* before its first frame: no groups made yet, no menu */
  g_assert_false (sportello_client_page_get_loaded (page));
  g_assert_null (page->attachments_group);
  g_assert_null (page->meetings_list);
  g_assert_null (gtk_menu_button_get_menu_model (page->menu_button));
  /* nor the fields under the people, nor their groups shown */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->privacy_group)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->desk_group)));
  g_assert_cmpuint (count_rows (GTK_WIDGET (page->desk_group), "Ultima modifica"), ==, 0);

  /* the person's row: its remove button shown, with its tooltip */
  {
    GtkWidget *row = sportello_test_find_row (GTK_WIDGET (page->contacts_list), ADW_TYPE_ACTION_ROW, "Anna Galli");
    GtkWidget *remove;

    g_assert_nonnull (row);
    remove = sportello_test_find_type (row, GTK_TYPE_BUTTON);
    g_assert_nonnull (remove);
    g_assert_true (gtk_widget_get_visible (remove));
    g_assert_nonnull (gtk_widget_get_tooltip_text (remove));
  }

  /* a file dropped on it now: the groups are made and filled for it */
  g_assert_true (g_file_set_contents (dropped, "Listino 2026", -1, NULL));
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
  }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (sportello_client_page_get_loaded (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->privacy_group)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->desk_group)));
  g_assert_cmpuint (count_rows (GTK_WIDGET (page->desk_group), "Ultima modifica"), ==, 1);
  g_assert_nonnull (page->attachments_group);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (page->attachments_group), GTK_WIDGET (page)));
  SPORTELLO_TEST_WAIT_UNTIL (!sportello_client_attachments_is_busy (page->attachments_group)
                             && n_attachments (db, records.client) == 1);
  g_assert_cmpuint (n_attachments (db, records.client), ==, 1);
  g_assert_cmpuint (n_attachments (db, other), ==, 0);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page->attachments_group), "listino.txt"));
  /* the groups are this client's: its meeting's follow-up */
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Mandare il listino"));

  /* the client menu, made as it opens */
  gtk_menu_button_popup (page->menu_button);
  g_assert_true (gtk_menu_button_get_menu_model (page->menu_button) == page->client_menu);
  g_assert_nonnull (gtk_menu_button_get_popover (page->menu_button));
  gtk_menu_button_popdown (page->menu_button);

  g_remove (dropped);
  sportello_test_app_quit (app);
}

/* An AdwActionRow with the property style, to compare with */
static GtkWidget *
action_row_new (const char *title,
                const char *value,
                gboolean    with_button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");
  if (with_button)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("mail-send-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static GtkWidget *
property_row_new (const char *title,
                  const char *value,
                  gboolean    with_button)
{
  GtkWidget *row = sportello_property_row_new (title, value);

  if (with_button)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("mail-send-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "test.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", value);
      sportello_property_row_set_suffix (SPORTELLO_PROPERTY_ROW (row), button);
    }
  return row;
}

/* @widget's place and size inside @row */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *row)
{
  graphene_rect_t bounds;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, row, &bounds));
  return bounds;
}

static void
assert_same_bounds (GtkWidget *widget,
                    GtkWidget *row,
                    GtkWidget *other_widget,
                    GtkWidget *other_row)
{
  graphene_rect_t a = bounds_in (widget, row);
  graphene_rect_t b = bounds_in (other_widget, other_row);


  g_assert_cmpfloat (a.origin.x, ==, b.origin.x);
  g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
  g_assert_cmpfloat (a.size.width, ==, b.size.width);
  g_assert_cmpfloat (a.size.height, ==, b.size.height);
}

static void
open_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  char **opened = user_data;

  g_free (*opened);
  *opened = g_variant_dup_string (parameter, NULL);
}

/* SportelloPropertyRow: an AdwActionRow.property's look with fewer
 * widgets, its title and value, its accessible name and description, its
 * button; and the client page's fields are such rows */
static void
test_property_row (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-pages-property", NULL);
  g_autofree char *client = sportello_test_add_client (data_dir,
                                                       SPORTELLO_CLIENT_NAME, "Ferramenta Galli",
                                                       SPORTELLO_CLIENT_PEC, "galli@pec.example.it",
                                                       SPORTELLO_CLIENT_WEBSITE, "www.galli.example.it",
                                                       -1);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *app_window = sportello_test_app_window (app);
  const char *long_value = "Via Giuseppe Garibaldi angolo Piazza della Repubblica 123/B, scala C, "
                           "interno 7, 22074 Lomazzo (CO)";
  const struct { const char *title; const char *value; gboolean button; } cases[] = {
    { "Partita IVA", "00743110157", FALSE },
    { "Indirizzo", long_value, FALSE },
    { "PEC", "galli@pec.example.it", TRUE },
    { "Email", "amministrazione.contabilita@officinameccanicagallo.example.it", TRUE },
  };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  g_autofree char *opened = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  AdwPreferencesGroup *ours = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *theirs = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *rows[G_N_ELEMENTS (cases)];
  GtkWidget *action_rows[G_N_ELEMENTS (cases)];

  g_signal_connect (open, "activate", G_CALLBACK (open_cb), &opened);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (open));
  gtk_widget_insert_action_group (window, "test", G_ACTION_GROUP (actions));
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ours));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (theirs));
  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      rows[i] = property_row_new (cases[i].title, cases[i].value, cases[i].button);
      adw_preferences_group_add (ours, rows[i]);
      action_rows[i] = action_row_new (cases[i].title, cases[i].value, cases[i].button);
      adw_preferences_group_add (theirs, action_rows[i]);
    }

  /* its title and value */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[0])), ==, "Partita IVA");
  g_assert_cmpstr (sportello_property_row_get_value (SPORTELLO_PROPERTY_ROW (rows[0])), ==, "00743110157");
  g_assert_null (sportello_property_row_get_suffix (SPORTELLO_PROPERTY_ROW (rows[0])));
  g_assert_true (GTK_IS_BUTTON (sportello_property_row_get_suffix (SPORTELLO_PROPERTY_ROW (rows[2]))));

  /* wide and narrow (the address wraps): where AdwActionRow puts the
   * title, the value and the button, the same size */
  for (guint w = 0; w < 2; w++)
    {
      int width = w == 0 ? 1400 : 720;
      double one_line = 0;

      gtk_window_set_default_size (GTK_WINDOW (window), width, 400);
      gtk_window_present (GTK_WINDOW (window));
      sportello_test_iterate (100);
      sportello_test_wait_for_draw (window);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          GtkWidget *title = sportello_test_find_label (rows[i], cases[i].title);
          GtkWidget *value = sportello_test_find_label (rows[i], cases[i].value);
          graphene_rect_t row_bounds = bounds_in (rows[i], GTK_WIDGET (ours));
          graphene_rect_t theirs_bounds = bounds_in (action_rows[i], GTK_WIDGET (theirs));

          g_assert_cmpfloat (row_bounds.origin.y, ==, theirs_bounds.origin.y);
          g_assert_cmpfloat (row_bounds.size.width, ==, theirs_bounds.size.width);
          g_assert_cmpfloat (row_bounds.size.height, ==, theirs_bounds.size.height);
          assert_same_bounds (title, rows[i], sportello_test_find_label (action_rows[i], cases[i].title), action_rows[i]);
          assert_same_bounds (value, rows[i], sportello_test_find_label (action_rows[i], cases[i].value), action_rows[i]);
          if (cases[i].button)
            assert_same_bounds (sportello_test_find_type (rows[i], GTK_TYPE_BUTTON), rows[i],
                                sportello_test_find_type (action_rows[i], GTK_TYPE_BUTTON), action_rows[i]);
          if (i == 0)
            one_line = bounds_in (value, rows[i]).size.height;
          if (i == 1 && w == 1)
            g_assert_cmpfloat (bounds_in (value, rows[i]).size.height, >, 1.5 * one_line);

          /* the value can be selected with the mouse, it is no Tab stop;
           * nor is the row, which does nothing when activated */
          g_assert_true (gtk_label_get_selectable (GTK_LABEL (value)));
          g_assert_false (gtk_widget_get_focusable (value));
          g_assert_false (gtk_widget_get_focusable (rows[i]));
          g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (rows[i])));
          g_assert_true (gtk_label_get_wrap (GTK_LABEL (value)));
          g_assert_false (gtk_label_get_wrap (GTK_LABEL (title)));

          /* for assistive technologies what an AdwActionRow is: labelled
           * by its title, described by its value */
          g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (rows[i])), ==,
                           gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (action_rows[i])));
          gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL);
          gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, value, NULL);
        }
    }

  /* its button: a Tab stop, and it runs its action */
  {
    GtkWidget *button = sportello_property_row_get_suffix (SPORTELLO_PROPERTY_ROW (rows[2]));

    g_assert_true (gtk_widget_child_focus (rows[2], GTK_DIR_TAB_FORWARD));
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
    g_assert_true (gtk_widget_activate (button));
    SPORTELLO_TEST_WAIT_UNTIL (opened != NULL);
    g_assert_cmpstr (opened, ==, "galli@pec.example.it");
  }

  /* a value changed, then none: the row shows it, then only its title */
  sportello_property_row_set_value (SPORTELLO_PROPERTY_ROW (rows[0]), "02901750121");
  sportello_test_wait_for_draw (window);
  g_assert_nonnull (sportello_test_find_label (rows[0], "02901750121"));
  sportello_property_row_set_value (SPORTELLO_PROPERTY_ROW (rows[0]), NULL);
  sportello_test_wait_for_draw (window);
  g_assert_cmpstr (sportello_property_row_get_value (SPORTELLO_PROPERTY_ROW (rows[0])), ==, "");
  g_assert_null (sportello_test_find_label (rows[0], "02901750121"));
  g_assert_nonnull (sportello_test_find_label (rows[0], "Partita IVA"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* the client page's fields, the PEC's and the website's with their buttons */
  {
    GtkWidget *page = sportello_test_open_client (app_window, client);
    GtkWidget *pec = sportello_test_find_row (page, SPORTELLO_TYPE_PROPERTY_ROW, "PEC");
    GtkWidget *button;

    g_assert_nonnull (pec);
    g_assert_cmpstr (sportello_property_row_get_value (SPORTELLO_PROPERTY_ROW (pec)), ==, "galli@pec.example.it");
    button = sportello_property_row_get_suffix (SPORTELLO_PROPERTY_ROW (pec));
    g_assert_true (GTK_IS_BUTTON (button));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "client.open-uri");
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL), ==,
                     "mailto:galli@pec.example.it");
    g_assert_null (sportello_test_find_type (GTK_WIDGET (SPORTELLO_CLIENT_PAGE (page)->company_group), ADW_TYPE_ACTION_ROW));

    /* filled once more, each field once */
    g_assert_cmpuint (count_rows (page, "PEC"), ==, 1);
    g_assert_cmpuint (count_rows (page, "Ultima modifica"), ==, 1);
    g_assert_true (sportello_client_page_reload (SPORTELLO_CLIENT_PAGE (page)));
    g_assert_cmpuint (count_rows (page, "PEC"), ==, 1);
    g_assert_cmpuint (count_rows (page, "Ultima modifica"), ==, 1);

    /* no people: the dim row says so; it goes with the first person
     * added, and comes back when the last one is removed */
    g_assert_nonnull (sportello_test_find_label (page, "Nessuna persona"));
    {
      SportelloDatabase *db = sportello_application_get_database (app, NULL);
      g_autoptr(SportelloContact) contact = sportello_contact_new (client);
      g_autoptr(GError) error = NULL;

      sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Anna Galli");
      g_assert_true (sportello_contact_save (contact, db, &error));
      g_assert_no_error (error);
      SPORTELLO_TEST_WAIT_UNTIL (sportello_test_find_label (page, "Anna Galli") != NULL);
      g_assert_null (sportello_test_find_label (page, "Nessuna persona"));
      g_assert_true (sportello_contact_delete (db, sportello_contact_get (contact, SPORTELLO_CONTACT_UUID), &error));
      g_assert_no_error (error);
      SPORTELLO_TEST_WAIT_UNTIL (sportello_test_find_label (page, "Nessuna persona") != NULL);
      g_assert_null (sportello_test_find_label (page, "Anna Galli"));
    }
  }

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/pages/flush-when-hidden", test_flush_when_hidden);
  g_test_add_func ("/ui/pages/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/ui/pages/follow-the-database", test_pages_follow_the_database);
  g_test_add_func ("/ui/pages/client-page-fills", test_client_page_fills);
  g_test_add_func ("/ui/pages/client-page-closed-at-once", test_client_page_closed_at_once);
  g_test_add_func ("/ui/pages/client-page-made-when-needed", test_client_page_made_when_needed);
  g_test_add_func ("/ui/pages/property-row", test_property_row);

  return g_test_run ();
}
