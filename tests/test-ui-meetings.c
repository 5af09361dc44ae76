/* test-ui-meetings.c: notes that are never lost, follow-ups, To Do
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-client.h"
#include "sportello-agenda.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-follow-up.h"
#include "sportello-follow-up-row.h"
#include "sportello-vocabulary.h"
#include "sportello-meeting.h"
#include "sportello-meeting-page.h"
#include "sportello-meetings-section.h"
#include "sportello-test-ui.h"
#include "sportello-todo-section.h"
#include "sportello-window-private.h"

static char *
make_meeting (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloMeeting) meeting = NULL;

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Pasticceria Villa");
  g_assert_true (sportello_client_save (client, db, &error));
  meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_assert_true (sportello_meeting_save (meeting, db, &error));

  return g_strdup (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
}

static char *
stored_notes (const char *data_dir,
              const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloMeeting) meeting = sportello_meeting_load (db, uuid, &error);

  g_assert_no_error (error);
  return g_strdup (sportello_meeting_get (meeting, SPORTELLO_MEETING_NOTES));
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

static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* one keystroke at a time, as the consultant types */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, ch, -1, TRUE);
    }
}

static void
test_autosave (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-autosave", NULL);
  g_autofree char *uuid = make_meeting (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloMeetingPage *page = open_meeting (window, uuid);
  g_autofree char *after_pause = NULL;
  g_autofree char *after_close = NULL;
  g_autofree char *shot = NULL;

  /* Italian spell checking is on by default */
  g_assert_true (sportello_meeting_page_get_spell_checking (page));
  /* libspelling 0.4.8 warns “code should not be reached” from its idle
   * checker while text is typed in a test; warnings are fatal here, so the
   * typing tests run with the preference off (see the closing note). */
  g_settings_set_boolean (sportello_application_get_settings (app), "spell-check", FALSE);
  g_assert_false (sportello_meeting_page_get_spell_checking (page));

  type_text (sportello_meeting_page_get_view (page), "## Vendita online\n- Preparare il catalogo");

  /* nothing is saved while typing goes on… */
  g_assert_cmpstr (stored_notes (data_dir, uuid), ==, "");
  /* …and everything within a second of the last keystroke */
  sportello_test_iterate (1000);
  after_pause = stored_notes (data_dir, uuid);
  g_assert_cmpstr (after_pause, ==, "## Vendita online\n- Preparare il catalogo");

  shot = sportello_test_screenshot (GTK_WIDGET (window), "meeting-notes");

  /* type, then close the window at once: no save call, nothing lost */
  type_text (sportello_meeting_page_get_view (page), "\n- Chiedere il preventivo al corriere");
  gtk_window_destroy (window);
  sportello_test_iterate (50);
  after_close = stored_notes (data_dir, uuid);
  g_assert_cmpstr (after_close, ==, "## Vendita online\n- Preparare il catalogo\n- Chiedere il preventivo al corriere");

  /* reopening shows exactly what was typed */
  window = sportello_test_app_window (app);
  page = open_meeting (window, uuid);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (sportello_meeting_page_get_view (page));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
    g_assert_cmpstr (text, ==, after_close);
  }

  sportello_test_app_quit (app);
}

/* A save that fails is said once and tried again until it succeeds */
static void
test_autosave_retry (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-autosave-retry", NULL);
  g_autofree char *uuid = make_meeting (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloMeetingPage *page = open_meeting (window, uuid);
  SportelloDatabase *db = sportello_application_get_database (app, NULL);
  g_autofree char *while_failing = NULL;
  g_autofree char *after_retry = NULL;

  g_settings_set_boolean (sportello_application_get_settings (app), "spell-check", FALSE);

  /* the window's connection refuses to write, as when a large import holds
   * the database or the disk is full */
  g_assert_true (sportello_database_exec (db, "PRAGMA query_only = ON", NULL));
  type_text (sportello_meeting_page_get_view (page), "Appunti presi in treno");
  sportello_test_iterate (1000);
  while_failing = stored_notes (data_dir, uuid);
  g_assert_cmpstr (while_failing, ==, "");
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (window), "Non ancora salvato"));

  /* writable again: the retry stores what was typed, with nothing more typed */
  g_assert_true (sportello_database_exec (db, "PRAGMA query_only = OFF", NULL));
  sportello_test_iterate (2500);
  after_retry = stored_notes (data_dir, uuid);
  g_assert_cmpstr (after_retry, ==, "Appunti presi in treno");

  sportello_test_app_quit (app);
}

static void
test_line_to_follow_up (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-line", NULL);
  g_autofree char *uuid = make_meeting (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloMeetingPage *page = open_meeting (window, uuid);
  GtkTextView *view = sportello_meeting_page_get_view (page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(SportelloFollowUp) f = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  g_settings_set_boolean (sportello_application_get_settings (app), "spell-check", FALSE);
  type_text (view, "Appunti\n- Mandare il confronto tra piattaforme\nFine");
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  gtk_text_iter_forward_chars (&iter, 4);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_activate_action (GTK_WIDGET (page), "meeting.line-to-follow-up", NULL);
  sportello_test_iterate (100);

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    follow_ups = sportello_follow_up_list_for_meeting (db, uuid, &error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 1);
  f = g_list_model_get_item (follow_ups, 0);
  g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_TEXT), ==, "Mandare il confronto tra piattaforme");
  g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_DUE_DATE), !=, "");

  sportello_test_app_quit (app);
}

static void
test_todo (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-todo", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SportelloTodoSection *todo;
  GtkWindow *window;
  GtkWidget *check;
  GtkWidget *undo;
  g_autofree char *shot = NULL;
  g_autofree char *shot2 = NULL;
  guint before;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_assert_true (sportello_demo_fill (db, 60, &error));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "todo");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  todo = _sportello_window_get_todo_section (SPORTELLO_WINDOW (window));
  before = sportello_todo_section_get_n_open (todo);
  g_assert_cmpuint (before, >, 0);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Scadute"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "todo");

  /* checking one marks it done, and Undo brings it back */
  check = sportello_test_find_type (GTK_WIDGET (todo), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  /* the list follows the store's change signal: on a busy machine later */
  for (guint i = 0; i < 100 && sportello_todo_section_get_n_open (todo) != before - 1; i++)
    sportello_test_iterate (50);
  g_assert_cmpuint (sportello_todo_section_get_n_open (todo), ==, before - 1);
  undo = sportello_test_find_button (GTK_WIDGET (window), "_Annulla");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  for (guint i = 0; i < 100 && sportello_todo_section_get_n_open (todo) != before; i++)
    sportello_test_iterate (50);
  g_assert_cmpuint (sportello_todo_section_get_n_open (todo), ==, before);

  /* the Meetings section lists the demo meetings in sections */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "meetings");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (sportello_meetings_section_get_model (_sportello_window_get_meetings_section (SPORTELLO_WINDOW (window)))), >, 20);
  shot2 = sportello_test_screenshot (GTK_WIDGET (window), "meetings");

  /* the notification names what is due today */
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) meetings = sportello_meeting_list (db, NULL, NULL, &error);
    g_autoptr(SportelloMeeting) meeting = g_list_model_get_item (meetings, 0);
    g_autoptr(SportelloFollowUp) f = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID),
                                                              "Richiamare il cliente");
    g_autoptr(GDate) today = sportello_today ();
    g_autoptr(GPtrArray) due_before = sportello_follow_up_due_today (db, today, &error);
    char date[16];

    g_date_strftime (date, sizeof date, "%Y-%m-%d", today);
    sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_DUE_DATE, date);
    g_assert_true (sportello_follow_up_save (f, db, &error));
    {
      g_autoptr(GNotification) notification = NULL;
      guint n_due = 0;

      notification = sportello_application_due_notification (app, &n_due);
      g_assert_nonnull (notification);
      g_assert_cmpuint (n_due, ==, due_before->len + 1);
    }

    /* a new window of a fresh start sends it to the desktop */
    sportello_test_app_quit (app);
    g_clear_object (&app);
    app = sportello_test_app_new (data_dir);
    window = sportello_test_app_window (app);
    sportello_test_iterate (300);
    g_assert_nonnull (sportello_test_last_notification ());
    /* the body names the first three */
    if (due_before->len < 3)
      g_assert_nonnull (strstr (sportello_test_last_notification (), "Richiamare il cliente"));
    g_assert_nonnull (strstr (sportello_test_last_notification (), "in scadenza oggi"));
  }

  sportello_test_app_quit (app);
}

/* A follow-up row shows its record as it is now: a change to the record
 * shows in the row, and an edit made from the row reaches the record and
 * the database. */
static void
test_follow_up_row (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-follow-up-row", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  SportelloFollowUpRow *row = NULL;
  SportelloFollowUp *f;
  GtkWindow *window;
  GtkWidget *todo;
  AdwDialog *dialog;
  GtkWidget *text;
  g_autofree char *uuid = NULL;
  const char *client;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_assert_true (sportello_demo_fill (db, 20, &error));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "todo");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  todo = GTK_WIDGET (_sportello_window_get_todo_section (SPORTELLO_WINDOW (window)));

  /* the first row that can be edited */
  for (GtkWidget *w = sportello_test_find_type (todo, SPORTELLO_TYPE_FOLLOW_UP_ROW); w != NULL && row == NULL; w = gtk_widget_get_next_sibling (w))
    if (SPORTELLO_IS_FOLLOW_UP_ROW (w) && sportello_follow_up_row_get_editable (SPORTELLO_FOLLOW_UP_ROW (w)))
      row = SPORTELLO_FOLLOW_UP_ROW (w);
  g_assert_nonnull (row);
  f = sportello_follow_up_row_get_follow_up (row);
  uuid = g_strdup (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_UUID));
  client = sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_CLIENT_NAME);

  /* the record changes: the row follows */
  sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_TEXT, "Mandare il preventivo firmato");
  sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_ASSIGNEE, "client");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Mandare il preventivo firmato");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), client));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            sportello_vocabulary_label (SPORTELLO_VOCABULARY_ASSIGNEE, "client")));

  /* edited from the row: the record and the database follow */
  dialog = sportello_follow_up_row_edit (row);
  g_assert_nonnull (dialog);
  sportello_test_wait_for_draw (GTK_WIDGET (dialog));
  text = sportello_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Mandare il preventivo firmato");
  gtk_editable_set_text (GTK_EDITABLE (text), "Richiamare per il contratto");
  g_signal_emit_by_name (dialog, "response", "save");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Richiamare per il contratto");
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GDate) today = sportello_today ();
    g_autoptr(GListModel) open = sportello_follow_up_list_open (db, NULL, today, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (open); i++)
      {
        g_autoptr(SportelloFollowUp) stored = g_list_model_get_item (open, i);

        if (g_str_equal (sportello_follow_up_get (stored, SPORTELLO_FOLLOW_UP_UUID), uuid))
          {
            g_assert_cmpstr (sportello_follow_up_get (stored, SPORTELLO_FOLLOW_UP_TEXT), ==, "Richiamare per il contratto");
            g_assert_cmpstr (sportello_follow_up_get (stored, SPORTELLO_FOLLOW_UP_ASSIGNEE), ==, "client");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/meetings/autosave", test_autosave);
  g_test_add_func ("/ui/meetings/autosave-retry", test_autosave_retry);
  g_test_add_func ("/ui/meetings/line-to-follow-up", test_line_to_follow_up);
  g_test_add_func ("/ui/meetings/todo", test_todo);
  g_test_add_func ("/ui/meetings/follow-up-row", test_follow_up_row);

  return g_test_run ();
}
