/* test-ui-focus.c: where the keyboard focus goes, and what a screen
 * reader says (issue 14, “Focus and keyboard”)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-assessment.h"
#include "sportello-assessment-page.h"
#include "sportello-checklist.h"
#include "sportello-client.h"
#include "sportello-client-dialog.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-follow-up.h"
#include "sportello-follow-up-row.h"
#include "sportello-meeting.h"
#include "sportello-meeting-page.h"
#include "sportello-test-ui.h"
#include "sportello-text-editor.h"
#include "sportello-todo-section.h"
#include "sportello-window-private.h"

static char *
make_client (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Pasticceria Villa");
  sportello_client_set (client, SPORTELLO_CLIENT_VAT_NUMBER, "00743110157");
  sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, "Lomazzo");
  g_assert_true (sportello_client_save (client, db, &error));

  return g_strdup (sportello_client_get_uuid (client));
}

static GtkListBox *
sidebar (GtkWindow *window)
{
  GtkWidget *row = sportello_test_find_label (GTK_WIDGET (window), "Incontri");

  g_assert_nonnull (row);
  return GTK_LIST_BOX (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX));
}

static GtkWidget *
sidebar_row (GtkWindow  *window,
             const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sidebar (window)));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;
  g_assert_not_reached ();
}

static GtkWidget *
focus (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
assert_name (GtkWidget  *widget,
             const char *name)
{
  g_autofree char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  g_assert_cmpstr (message, ==, NULL);
}

/* At 360 px the window starts on Clients too, not on the sidebar, with
 * the focus there: typing searches at every width */
static void
test_focus_narrow_start (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-narrow", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GSettings *settings = sportello_application_get_settings (app);
  GtkWindow *window;
  GtkWidget *clients;
  AdwNavigationSplitView *split;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  window = sportello_test_app_window (app);
  sportello_test_iterate (100);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  split = ADW_NAVIGATION_SPLIT_VIEW (sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  clients = GTK_WIDGET (_sportello_window_get_clients_section (SPORTELLO_WINDOW (window)));

  g_assert_true (adw_navigation_split_view_get_collapsed (split));
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  g_assert_true (gtk_widget_get_mapped (clients));
  g_assert_nonnull (focus (window));
  g_assert_true (gtk_widget_is_ancestor (focus (window), clients));
  sportello_test_iterate (500);   /* the breakpoint's re-layout */
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-narrow-start"));

  /* the memory backend outlives the app: the next tests start wide */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  sportello_test_app_quit (app);
}

/* the highlight in the sidebar is always the section shown */
static void
test_focus_sidebar (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-sidebar", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloWindow *win = SPORTELLO_WINDOW (window);
  GtkListBox *list = sidebar (window);
  GtkWidget *clients;

  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* start-up: the focus is in Clients, whose search takes what is typed */
  clients = GTK_WIDGET (_sportello_window_get_clients_section (win));
  g_assert_nonnull (focus (window));
  g_assert_true (gtk_widget_is_ancestor (focus (window), clients));
  g_assert_true (gtk_search_bar_get_key_capture_widget (GTK_SEARCH_BAR (sportello_test_find_type (clients, GTK_TYPE_SEARCH_BAR)))
                 == clients);

  /* a screen reader names every section */
  assert_name (sidebar_row (window, "clients"), "Clienti");
  assert_name (sidebar_row (window, "meetings"), "Incontri");
  assert_name (sidebar_row (window, "todo"), "Da fare");
  assert_name (sidebar_row (window, "templates"), "Modelli");
  assert_name (sidebar_row (window, "checklists"), "Checklist");

  /* and the two parts of Clients' "+": New, and its drop-down */
  {
    GtkWidget *split = sportello_test_find_type (clients, ADW_TYPE_SPLIT_BUTTON);
    GtkWidget *main_part = NULL;
    GtkWidget *dropdown = NULL;

    g_assert_nonnull (split);
    for (GtkWidget *c = gtk_widget_get_first_child (split); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_MENU_BUTTON (c))
        dropdown = c;
      else if (GTK_IS_BUTTON (c))
        main_part = c;
    g_assert_nonnull (main_part);
    g_assert_nonnull (dropdown);
    assert_name (main_part, "Nuovo cliente");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (dropdown), ==, "Importa ed esporta");
  }

  /* arrows (and Tab) select a row: that section shows, no Enter needed */
  gtk_widget_grab_focus (sidebar_row (window, "meetings"));
  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (sidebar_row (window, "meetings")));
  sportello_test_iterate (50);
  g_assert_cmpstr (sportello_window_get_section (win), ==, "meetings");
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (_sportello_window_get_todo_section (win)))))
                 == GTK_WIDGET (_sportello_window_get_meetings_section (win)));

  /* Ctrl+3: the highlight and the focus ring move together */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "todo");
  sportello_test_iterate (50);
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (sidebar_row (window, "todo")));
  g_assert_true (focus (window) == sidebar_row (window, "todo"));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-sidebar-todo"));

  /* and from elsewhere the highlight follows too */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "checklists");
  sportello_test_iterate (50);
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (sidebar_row (window, "checklists")));

  sportello_test_app_quit (app);
}

static gboolean
has_focusable (GtkWidget *widget)
{
  if (gtk_widget_get_focusable (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_focusable (child))
      return TRUE;
  return FALSE;
}

static void
find_property_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (gtk_widget_has_css_class (widget, "property"))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    find_property_rows (child, rows);
}

static GtkWidget *
open_client (GtkWindow  *window,
             const char *uuid)
{
  GtkWidget *page;

  sportello_clients_section_open_client (_sportello_window_get_clients_section (SPORTELLO_WINDOW (window)), uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE);
  g_assert_nonnull (page);
  return page;
}

/* a client page starts at its first action, never at a selected title */
static void
test_focus_client_page (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-client", NULL);
  g_autofree char *uuid = make_client (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *page;

  gtk_window_set_default_size (window, 1000, 700);
  page = open_client (window, uuid);

  g_assert_nonnull (focus (window));
  g_assert_true (gtk_widget_is_ancestor (focus (window), page));
  g_assert_false (GTK_IS_LABEL (focus (window)));
  g_assert_true (GTK_IS_BUTTON (focus (window)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus (window))), ==, "client.edit");

  /* the title and the read-only rows are no Tab stops */
  g_assert_false (gtk_widget_get_focusable (sportello_test_find_label (page, "Pasticceria Villa")));
  find_property_rows (page, rows);
  g_assert_cmpuint (rows->len, >=, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (has_focusable (rows->pdata[i]));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-client-page"));

  sportello_test_app_quit (app);
}

static guint
n_meetings (const char *data_dir,
            const char *client_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(GListModel) meetings = sportello_meeting_list (db, client_uuid, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (meetings);
}

static GtkTextView *
new_meeting (GtkWindow *window,
             GtkWidget *client_page)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (client_page, "client.new-meeting", NULL));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE);
  g_assert_nonnull (page);
  return sportello_meeting_page_get_view (SPORTELLO_MEETING_PAGE (page));
}

static void
go_back (GtkWindow *window)
{
  GtkWidget *page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE);

  if (page == NULL)
    page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE);
  g_assert_nonnull (page);
  gtk_widget_activate_action (page, "navigation.pop", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
}

/* a new meeting: the cursor in the notes, a placeholder, Tab goes on */
static void
test_focus_new_meeting (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-meeting", NULL);
  g_autofree char *uuid = make_client (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  GtkTextView *notes;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_settings_set_boolean (sportello_application_get_settings (app), "spell-check", FALSE);
  gtk_window_set_default_size (window, 1000, 700);
  notes = new_meeting (window, open_client (window, uuid));
  buffer = gtk_text_view_get_buffer (notes);

  g_assert_true (focus (window) == GTK_WIDGET (notes));
  g_assert_true (sportello_text_editor_get_placeholder_visible (SPORTELLO_TEXT_EDITOR (notes)));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (notes), "Markdown"));
  /* no follow-ups yet: the heading sits right on the entry, no blank gap */
  {
    GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (notes), SPORTELLO_TYPE_MEETING_PAGE);
    GtkWidget *heading = sportello_test_find_label (page, "Attività");
    GtkWidget *scroller;

    g_assert_nonnull (heading);
    scroller = gtk_widget_get_next_sibling (heading);
    g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
    g_assert_false (gtk_widget_get_visible (scroller));
  }
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-new-meeting"));

  /* Tab leaves the notes and writes nothing */
  g_assert_false (gtk_text_view_get_accepts_tab (notes));
  g_assert_true (_sportello_text_editor_tab (SPORTELLO_TEXT_EDITOR (notes), FALSE));
  g_assert_true (focus (window) != GTK_WIDGET (notes));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_true (_sportello_text_editor_tab (SPORTELLO_TEXT_EDITOR (notes), TRUE));
  g_assert_true (focus (window) == GTK_WIDGET (notes));

  /* lines the user selected are indented, and the focus stays */
  gtk_text_buffer_set_text (buffer, "uno\ndue", -1);
  g_assert_false (sportello_text_editor_get_placeholder_visible (SPORTELLO_TEXT_EDITOR (notes)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (_sportello_text_editor_tab (SPORTELLO_TEXT_EDITOR (notes), FALSE));
  g_assert_true (focus (window) == GTK_WIDGET (notes));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "\tuno\n\tdue");

  sportello_test_app_quit (app);
}

/* “Nuovo incontro”, “Nuova valutazione”, then back: nothing left behind */
static void
test_focus_untouched_new (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-untouched", NULL);
  g_autofree char *uuid = make_client (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  GtkWidget *client_page;
  GtkTextView *notes;

  g_settings_set_boolean (sportello_application_get_settings (app), "spell-check", FALSE);
  client_page = open_client (window, uuid);

  new_meeting (window, client_page);
  g_assert_cmpuint (n_meetings (data_dir, uuid), ==, 1);
  go_back (window);
  g_assert_null (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE));
  g_assert_cmpuint (n_meetings (data_dir, uuid), ==, 0);

  /* one letter is enough to keep it */
  notes = new_meeting (window, client_page);
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (notes), "x", -1, TRUE);
  go_back (window);
  g_assert_cmpuint (n_meetings (data_dir, uuid), ==, 1);

  /* an existing meeting opened and left alone stays */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) meetings = sportello_meeting_list (db, uuid, NULL, &error);
    g_autoptr(SportelloMeeting) meeting = g_list_model_get_item (meetings, 0);

    g_signal_emit_by_name (client_page, "open-meeting", sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    go_back (window);
    g_assert_cmpuint (n_meetings (data_dir, uuid), ==, 1);
  }

  /* the same for an assessment */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = NULL;
    g_autoptr(GListModel) assessments = NULL;

    g_assert_true (gtk_widget_activate_action (client_page, "client.new-assessment", NULL));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE));
    go_back (window);
    db = sportello_database_open (data_dir, &error);
    assessments = sportello_assessment_list (db, uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 0);
  }

  /* one that is answered stays, and its row says what it is */
  {
    SportelloChecklist *checklist = sportello_checklist_get_builtin ();
    GtkWidget *assessment_page;
    GtkWidget *row;

    g_assert_true (gtk_widget_activate_action (client_page, "client.new-assessment", NULL));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    assessment_page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE);
    sportello_assessment_page_answer (SPORTELLO_ASSESSMENT_PAGE (assessment_page),
                                      g_array_index (checklist->items, SportelloChecklistItem, 0).id,
                                      SPORTELLO_ANSWER_COMPLETE, "");
    go_back (window);
    row = sportello_test_find_label_containing (client_page, "provvisorio");
    g_assert_nonnull (row);
    row = gtk_widget_get_ancestor (row, ADW_TYPE_ACTION_ROW);
    g_assert_nonnull (row);
    {
      g_autofree char *name = g_strdup_printf ("Valutazione, %s: %s",
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                               adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

      assert_name (row, name);
    }
  }

  sportello_test_app_quit (app);
}

static GtkWidget *
start_row (GtkWidget *page)
{
  GtkWidget *label;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sportello_test_find_type (page, ADW_TYPE_EXPANDER_ROW)), TRUE);
  sportello_test_wait_for_draw (page);
  label = sportello_test_find_label_containing (page, "ora, per esempio 25/11/2026 14:30");

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW);
}

static char *
stored_start (const char *data_dir,
              const char *client_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(GListModel) meetings = sportello_meeting_list (db, client_uuid, NULL, &error);
  g_autoptr(SportelloMeeting) meeting = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  meeting = g_list_model_get_item (meetings, 0);
  return g_strdup (sportello_meeting_get (meeting, SPORTELLO_MEETING_STARTS_AT));
}

/* a meeting's date is typed the Italian way, or picked in a calendar */
static void
test_focus_date_entry (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-date", NULL);
  g_autofree char *uuid = make_client (data_dir);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  GtkWidget *client_page;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *calendar;
  g_autofree char *start = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GRegex) italian = g_regex_new ("^[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}$", 0, 0, NULL);

  g_settings_set_boolean (sportello_application_get_settings (app), "spell-check", FALSE);
  gtk_window_set_default_size (window, 1000, 700);
  client_page = open_client (window, uuid);
  new_meeting (window, client_page);
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE);
  row = start_row (page);
  g_assert_nonnull (row);
  g_assert_true (g_regex_match (italian, gtk_editable_get_text (GTK_EDITABLE (row)), 0, NULL));

  gtk_editable_set_text (GTK_EDITABLE (row), "25/11/2026 14:30");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sportello_test_find_type (page, ADW_TYPE_EXPANDER_ROW)), TRUE);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-date-italian"));
  go_back (window);
  start = stored_start (data_dir, uuid);
  g_assert_cmpstr (start, ==, "2026-11-25T13:30:00Z");   /* Rome is UTC+1 in November */
  g_clear_pointer (&start, g_free);

  /* ISO still goes; the calendar sets the day and keeps the time */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) meetings = sportello_meeting_list (db, uuid, NULL, &error);
    g_autoptr(SportelloMeeting) meeting = g_list_model_get_item (meetings, 0);

    g_signal_emit_by_name (client_page, "open-meeting", sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
  }
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE);
  row = start_row (page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "25/11/2026 14:30");
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-12-03 10:15");
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (sportello_test_find_type (row, GTK_TYPE_MENU_BUTTON));

    gtk_menu_button_popup (button);
    calendar = gtk_popover_get_child (gtk_menu_button_get_popover (button));
  }
  g_assert_true (GTK_IS_CALENDAR (calendar));
  day = g_date_time_new_local (2026, 12, 7, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "07/12/2026 10:15");
  go_back (window);
  start = stored_start (data_dir, uuid);
  g_assert_cmpstr (start, ==, "2026-12-07T09:15:00Z");

  /* the client's consent date too */
  {
    GtkWidget *editor;
    GtkWidget *consent;
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = NULL;
    g_autoptr(SportelloClient) client = NULL;

    g_assert_true (gtk_widget_activate_action (client_page, "client.edit", NULL));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    editor = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
    g_assert_true (SPORTELLO_IS_CLIENT_DIALOG (editor));
    consent = sportello_client_dialog_get_row (SPORTELLO_CLIENT_DIALOG (editor), SPORTELLO_CLIENT_CONSENT_DATE);
    g_assert_nonnull (sportello_test_find_label_containing (consent, "per esempio 25/11/2026"));
    gtk_editable_set_text (GTK_EDITABLE (consent), "5/3/2026");
    g_assert_true (sportello_client_dialog_can_save (SPORTELLO_CLIENT_DIALOG (editor)));
    sportello_client_dialog_save (SPORTELLO_CLIENT_DIALOG (editor));
    sportello_test_wait_for_draw (GTK_WIDGET (window));

    db = sportello_database_open (data_dir, &error);
    client = sportello_client_load (db, uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_CONSENT_DATE), ==, "2026-03-05");

    /* the page hears of the save from the database in an idle, which a
     * busy machine may not have run yet: wait for it, not for a time */
    for (guint i = 0; i < 400; i++)
      {
        SportelloClient *shown = sportello_client_page_get_client (SPORTELLO_CLIENT_PAGE (client_page));

        if (g_strcmp0 (sportello_client_get (shown, SPORTELLO_CLIENT_CONSENT_DATE), "2026-03-05") == 0)
          break;
        sportello_test_iterate (25);
      }

    g_assert_true (gtk_widget_activate_action (client_page, "client.edit", NULL));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    editor = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
    consent = sportello_client_dialog_get_row (SPORTELLO_CLIENT_DIALOG (editor), SPORTELLO_CLIENT_CONSENT_DATE);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (consent)), ==, "05/03/2026");
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-consent-date"));
    adw_dialog_force_close (ADW_DIALOG (editor));
    sportello_test_iterate (50);
  }

  sportello_test_app_quit (app);
}

/* a To Do row says what, for whom and by when */
static void
test_focus_todo_names (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-todo", NULL);
  g_autofree char *uuid = make_client (data_dir);
  g_autoptr(SportelloApplication) app = NULL;
  GtkWindow *window;
  GtkWidget *row;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (uuid);
    g_autoptr(SportelloFollowUp) f = NULL;

    g_assert_true (sportello_meeting_save (meeting, db, &error));
    f = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Mandare il preventivo");
    sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_DUE_DATE, "2036-12-02");
    g_assert_true (sportello_follow_up_save (f, db, &error));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "todo");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  row = sportello_test_find_type (GTK_WIDGET (_sportello_window_get_todo_section (SPORTELLO_WINDOW (window))),
                                  SPORTELLO_TYPE_FOLLOW_UP_ROW);
  g_assert_nonnull (row);
  assert_name (row, "Mandare il preventivo, Pasticceria Villa, Consulente, entro il 2 dicembre 2036");
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-todo-row"));

  /* a click (or Enter) on the row opens its client and ticks nothing */
  g_signal_emit_by_name (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX), "row-activated", row);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "clients");
  g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  g_assert_cmpuint (sportello_todo_section_get_n_open (_sportello_window_get_todo_section (SPORTELLO_WINDOW (window))), ==, 1);

  sportello_test_app_quit (app);
}

/* a follow-up's text, due date and who does it can be changed */
static void
test_focus_edit_follow_up (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-focus-edit", NULL);
  g_autofree char *uuid = make_client (data_dir);
  g_autoptr(SportelloApplication) app = NULL;
  GtkWindow *window;
  GtkWidget *row;
  AdwDialog *dialog;
  GtkWidget *text_row, *due_row, *assignee_row;
  g_autofree char *assignee = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (uuid);
    g_autoptr(SportelloFollowUp) f = NULL;

    g_assert_true (sportello_meeting_save (meeting, db, &error));
    f = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Mandare il preventivo");
    sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_DUE_DATE, "2036-12-02");
    g_assert_true (sportello_follow_up_save (f, db, &error));
    assignee = g_strdup (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_ASSIGNEE));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "todo");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  row = sportello_test_find_type (GTK_WIDGET (_sportello_window_get_todo_section (SPORTELLO_WINDOW (window))),
                                  SPORTELLO_TYPE_FOLLOW_UP_ROW);
  g_assert_nonnull (row);
  g_assert_true (sportello_follow_up_row_get_editable (SPORTELLO_FOLLOW_UP_ROW (row)));

  dialog = sportello_follow_up_row_edit (SPORTELLO_FOLLOW_UP_ROW (row));
  g_assert_nonnull (dialog);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  text_row = sportello_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  due_row = gtk_widget_get_next_sibling (text_row);
  assignee_row = sportello_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text_row)), ==, "Mandare il preventivo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "02/12/2036");
  gtk_editable_set_text (GTK_EDITABLE (text_row), "Mandare il preventivo firmato");
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (sportello_test_find_type (due_row, GTK_TYPE_MENU_BUTTON));
    g_autoptr(GDateTime) day = g_date_time_new_local (2037, 1, 9, 0, 0, 0);
    GtkWidget *calendar;

    gtk_menu_button_popup (button);
    calendar = gtk_popover_get_child (gtk_menu_button_get_popover (button));

    /* the calendar picks a day, or it is typed */
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "09/01/2037");
  }
  gtk_editable_set_text (GTK_EDITABLE (due_row), "10/01/2037");
  adw_combo_row_set_selected (ADW_COMBO_ROW (assignee_row), 1 - adw_combo_row_get_selected (ADW_COMBO_ROW (assignee_row)));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "focus-edit-follow-up"));
  g_signal_emit_by_name (dialog, "response", "save");
  adw_dialog_force_close (dialog);
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) open = sportello_follow_up_list_open (db, uuid, NULL, &error);
    g_autoptr(SportelloFollowUp) f = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
    f = g_list_model_get_item (open, 0);
    g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_TEXT), ==, "Mandare il preventivo firmato");
    g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_DUE_DATE), ==, "2037-01-10");
    g_assert_cmpstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_ASSIGNEE), !=, assignee);
  }

  /* the To Do list follows */
  row = sportello_test_find_type (GTK_WIDGET (_sportello_window_get_todo_section (SPORTELLO_WINDOW (window))),
                                  SPORTELLO_TYPE_FOLLOW_UP_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Mandare il preventivo firmato");

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/focus/sidebar", test_focus_sidebar);
  g_test_add_func ("/ui/focus/narrow-start", test_focus_narrow_start);
  g_test_add_func ("/ui/focus/client-page", test_focus_client_page);
  g_test_add_func ("/ui/focus/new-meeting", test_focus_new_meeting);
  g_test_add_func ("/ui/focus/untouched-new", test_focus_untouched_new);
  g_test_add_func ("/ui/focus/todo-names", test_focus_todo_names);
  g_test_add_func ("/ui/focus/date-entry", test_focus_date_entry);
  g_test_add_func ("/ui/focus/edit-follow-up", test_focus_edit_follow_up);

  return g_test_run ();
}
