/* test-ui-assessments.c: an assessment in progress, and its results
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-assessment.h"
#include "sportello-assessment-answer.h"
#include "sportello-assessment-item-row.h"
#include "sportello-assessment-page.h"
#include "sportello-checklist-item-row.h"
#include "sportello-checklist-page.h"
#include "sportello-checklists-section.h"
#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-format.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

/* what a screen reader gets from the chart: an image described by every
 * area's title and score, in words */
static void
check_chart_description (SportelloAssessmentPage *page,
                         SportelloScore          *previous)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  SportelloScore *score = sportello_assessment_page_get_score (page);
  GtkWidget *chart = sportello_test_find_type (GTK_WIDGET (page), GTK_TYPE_DRAWING_AREA);
  g_autoptr(GString) expected = g_string_new (NULL);

  g_assert_nonnull (chart);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, "Punteggio per area");
  for (guint a = 0; a < checklist->areas->len; a++)
    {
      const char *title = g_array_index (checklist->areas, SportelloChecklistArea, a).title;
      g_autofree char *value = sportello_format_tenths (score->areas[a].tenths);

      g_assert_true (score->areas[a].applicable);
      g_string_append_printf (expected, "%s%s: %s su 100", a ? "; " : "", title, value);
      if (previous != NULL)
        {
          int delta = (int) score->areas[a].tenths - (int) previous->areas[a].tenths;
          g_autofree char *amount = sportello_format_tenths ((guint) ABS (delta));

          g_string_append_printf (expected, ", %s%s rispetto alla valutazione precedente", delta >= 0 ? "+" : "−", amount);
        }
    }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected->str);
  /* the areas by name, not by code */
  g_assert_nonnull (strstr (expected->str, "Adempimenti legali e fiscali: "));
}

/* the answer drop-downs: the button that takes the focus is named after
 * its question and described by the answer */
static void
check_answer_names (SportelloAssessmentPage *page)
{
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  GtkWidget *dropdown = sportello_test_find_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN);
  GtkWidget *button = NULL;
  GtkStringObject *answer;

  g_assert_nonnull (dropdown);
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      button = child;
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  answer = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
  g_assert_cmpstr (gtk_string_object_get_string (answer), !=, "Senza risposta");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       g_array_index (checklist->items, SportelloChecklistItem, 0).title);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       gtk_string_object_get_string (answer));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       g_array_index (checklist->items, SportelloChecklistItem, 0).title);
}

static void
test_assessment (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-assessment", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  g_autofree char *shot1 = NULL;
  g_autofree char *shot2 = NULL;
  SportelloClientsSection *clients;
  SportelloAssessmentPage *page;
  GtkWindow *window;
  GtkWidget *client_page;
  SportelloScore *score;
  static const int ceramics[] = {
    2, 2, 1, 1,   2, 2, 1, 1,   2, 2, 1, 2,   2, 2, 1, 1,   1, 2, 1, 1,
    2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1,
    1, 1, 0, 1,   2, 2, 1,   1, 1, 1,   2, 1, 1, 2,
  };

  client_uuid = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Laboratorio di ceramica Iannone", -1);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 760);
  client_page = sportello_test_open_client (window, client_uuid);

  /* a new assessment, answered part by part: a provisional score */
  gtk_widget_activate_action (client_page, "client.new-assessment", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_ASSESSMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE));
  g_assert_nonnull (page);

  {
    SportelloChecklist *checklist = sportello_checklist_get_builtin ();

    for (guint i = 0; i < 20; i++)
      sportello_assessment_page_answer (page, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                        (SportelloAnswer) ceramics[i], "");
    score = sportello_assessment_page_get_score (page);
    g_assert_cmpuint (score->n_unanswered, ==, 25);
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Valutazione provvisoria — 25 voci senza risposta"));
    shot1 = sportello_test_screenshot (GTK_WIDGET (window), "assessment-in-progress");

    for (guint i = 20; i < checklist->items->len; i++)
      sportello_assessment_page_answer (page, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                        (SportelloAnswer) ceramics[i], ceramics[i] == 3 ? "Microimpresa" : "");
  }

  /* Example B of the domain notes: 73,5, Pronta */
  score = sportello_assessment_page_get_score (page);
  g_assert_cmpuint (score->tenths, ==, 735);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "73,5/100 — Pronta"));
  check_chart_description (page, NULL);
  check_answer_names (page);
  sportello_test_iterate (200);
  shot2 = sportello_test_screenshot (GTK_WIDGET (window), "assessment-results");

  /* autosave: close the window at once, the answers are there */
  gtk_window_destroy (window);
  sportello_test_iterate (50);
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) history = sportello_assessment_list (db, client_uuid, &error);
    g_autoptr(SportelloAssessment) saved = g_list_model_get_item (history, 0);
    g_autoptr(SportelloChecklist) checklist = sportello_checklist_load_version (db, sportello_assessment_get (saved, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), &error);
    g_autoptr(SportelloScore) stored = sportello_assessment_score (saved, checklist);

    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
    g_assert_cmpuint (stored->tenths, ==, 735);
    g_assert_cmpuint (stored->n_unanswered, ==, 0);
  }

  /* months later, a second assessment: compared with the first */
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) history = sportello_assessment_list (db, client_uuid, &error);
    g_autoptr(SportelloAssessment) first = g_list_model_get_item (history, 0);

    sportello_assessment_set (first, SPORTELLO_ASSESSMENT_ASSESSED_ON, "2026-05-20");
    g_assert_true (sportello_assessment_save (first, db, &error));
  }
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 760);
  clients = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  sportello_clients_section_open_client (clients, client_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE),
                              "client.new-assessment", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_ASSESSMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE));
  {
    SportelloChecklist *checklist = sportello_checklist_get_builtin ();

    for (guint i = 0; i < checklist->items->len; i++)
      sportello_assessment_page_answer (page, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                        SPORTELLO_ANSWER_COMPLETE, "");
  }
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "+26,5 rispetto alla valutazione precedente"));
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(GListModel) history = sportello_assessment_list (db, client_uuid, &error);
    g_autoptr(SportelloAssessment) first = NULL;
    g_autoptr(SportelloChecklist) checklist = NULL;
    g_autoptr(SportelloScore) before = NULL;

    for (guint i = 0; first == NULL && i < g_list_model_get_n_items (history); i++)
      {
        g_autoptr(SportelloAssessment) a = g_list_model_get_item (history, i);

        if (g_str_equal (sportello_assessment_get (a, SPORTELLO_ASSESSMENT_ASSESSED_ON), "2026-05-20"))
          first = g_steal_pointer (&a);
      }
    g_assert_nonnull (first);
    checklist = sportello_checklist_load_version (db, sportello_assessment_get (first, SPORTELLO_ASSESSMENT_CHECKLIST_UUID), &error);
    before = sportello_assessment_score (first, checklist);
    g_assert_cmpuint (before->tenths, ==, 735);
    check_chart_description (page, before);
  }
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "assessment-compare"));

  sportello_test_app_quit (app);
}

static void
test_checklist_editing (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-checklists", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloChecklistsSection *checklists = _sportello_window_get_checklists_section (SPORTELLO_WINDOW (window));
  SportelloChecklistPage *page;
  GtkWidget *weight;
  g_autofree char *shot = NULL;
  g_autofree char *in_use = NULL;

  gtk_window_set_default_size (window, 1000, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "checklists");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (sportello_checklists_section_get_n_checklists (checklists), ==, 1);
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "checklists"));
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (window), "Preparazione all"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "In uso"));

  /* the built-in checklist is read-only */
  {
    GtkWidget *row = sportello_test_find_type (GTK_WIDGET (checklists), ADW_TYPE_ACTION_ROW);
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  }
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_CHECKLIST_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CHECKLIST_PAGE));
  g_assert_nonnull (page);
  g_assert_false (sportello_checklist_page_get_editable (page));
  g_assert_false (sportello_checklist_page_can_save (page));

  /* duplicate it: an editable copy, version 1 */
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.duplicate", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_CHECKLIST_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CHECKLIST_PAGE));
  g_assert_true (sportello_checklist_page_get_editable (page));
  g_assert_cmpstr (sportello_checklist_page_get_checklist (page)->version, ==, "1");
  /* the section follows the database in a low-priority idle: wait for it, within a bound */
  SPORTELLO_TEST_WAIT_UNTIL (sportello_checklists_section_get_n_checklists (checklists) == 2);
  g_assert_cmpuint (sportello_checklists_section_get_n_checklists (checklists), ==, 2);

  /* weights that do not add up to 100 are explained, and Save waits */
  weight = sportello_test_find_type (GTK_WIDGET (page), ADW_TYPE_SPIN_ROW);
  g_assert_nonnull (weight);
  adw_spin_row_set_value (ADW_SPIN_ROW (weight), 15);
  sportello_test_iterate (50);
  g_assert_false (sportello_checklist_page_can_save (page));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "La somma dei pesi delle aree è 105: deve essere 100"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "checklist-editing");
  adw_spin_row_set_value (ADW_SPIN_ROW (weight), 10);
  g_array_index (sportello_checklist_page_get_checklist (page)->items, SportelloChecklistItem, 0).blocker = TRUE;
  sportello_checklist_page_changed (page);
  g_assert_true (sportello_checklist_page_can_save (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.save", NULL);
  sportello_test_iterate (50);
  g_assert_cmpstr (sportello_checklist_page_get_checklist (page)->version, ==, "2");

  /* used for new assessments from now on */
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.use", NULL);
  in_use = g_settings_get_string (sportello_application_get_settings (app), "assessment-checklist");
  g_assert_cmpstr (in_use, ==, sportello_checklist_page_get_checklist (page)->id);

  sportello_test_app_quit (app);
}

/* On a phone the chart puts each area's name above its bar, so nothing
 * overlaps; dark and high contrast draw it in the style's own colours. */
static void
test_assessment_narrow (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-assessment-narrow", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  SportelloAssessmentPage *page;
  GtkWindow *window;
  GtkWidget *chart;
  int narrow_height;

  client_uuid = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Associazione culturale Il Ponte", -1);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 360, 720);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-client", "s", client_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE));
  gtk_widget_activate_action (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE),
                              "client.new-assessment", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_ASSESSMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE));
  g_assert_nonnull (page);
  for (guint i = 0; i < checklist->items->len; i++)
    sportello_assessment_page_answer (page, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                      (SportelloAnswer) (i % 3), "");
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  chart = sportello_test_find_type (GTK_WIDGET (page), GTK_TYPE_DRAWING_AREA);
  g_assert_cmpint (gtk_widget_get_width (chart), <=, 360);
  narrow_height = gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (chart));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "assessment-narrow"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "assessment-narrow-dark"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* wide, the names take a column of their own: a shorter chart */
  gtk_window_set_default_size (window, 1000, 760);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (chart), >, 520);
  g_assert_cmpint (gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (chart)), <, narrow_height);

  sportello_test_app_quit (app);
}

/* the row of an item, found by the item it is bound to */
static GtkWidget *
row_of (GtkWidget *root,
        GType      type,
        gpointer   item)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      gpointer bound = NULL;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          g_object_get (child, "item", &bound, NULL);
          g_object_unref (bound);
          if (bound == item)
            return child;
        }
      if ((found = row_of (child, type, item)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_answer (const char      *data_dir,
            const char      *assessment_uuid,
            const char      *item_id,
            SportelloAnswer *answer,
            char           **note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloAssessment) stored = NULL;
  const char *text = NULL;
  gboolean found;

  g_assert_no_error (error);
  stored = sportello_assessment_load (db, assessment_uuid, &error);
  g_assert_no_error (error);
  found = sportello_assessment_get_answer (stored, item_id, answer, &text);
  *note = g_strdup (text);
  return found;
}

/* An item row shows its answer object and writes back to it: an answer
 * given to the item shows in the row, and a choice and a note made in the
 * row reach the item, the assessment and, saved, the database. */
static void
test_assessment_item_row (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-assessment-row", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(SportelloAssessmentAnswer) item = NULL;
  g_autoptr(SportelloAssessmentAnswer) na_item = NULL;
  g_autofree char *client_uuid = NULL;
  g_autofree char *note = NULL;
  SportelloAssessmentPage *page;
  SportelloAssessment *assessment;
  GListModel *answers;
  GtkWindow *window;
  GtkWidget *client_page;
  GtkWidget *row;
  GtkDropDown *dropdown;
  AdwEntryRow *note_row;
  const char *uuid;
  const char *item_id;
  SportelloAnswer answer;

  client_uuid = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Ferramenta Colonna", -1);
  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1000, 760);
  client_page = sportello_test_open_client (window, client_uuid);
  gtk_widget_activate_action (client_page, "client.new-assessment", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_ASSESSMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE));
  g_assert_nonnull (page);
  assessment = SPORTELLO_ASSESSMENT (sportello_record_page_get_record (SPORTELLO_RECORD_PAGE (page)));
  uuid = sportello_assessment_get (assessment, SPORTELLO_ASSESSMENT_UUID);

  answers = sportello_assessment_page_get_answers (page);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, sportello_checklist_get_builtin ()->items->len);
  item = g_list_model_get_item (answers, 1);
  item_id = sportello_assessment_answer_get_checklist_item (item)->id;
  row = row_of (GTK_WIDGET (page), SPORTELLO_TYPE_ASSESSMENT_ITEM_ROW, item);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, sportello_assessment_answer_get_title (item));
  dropdown = sportello_assessment_item_row_get_dropdown (SPORTELLO_ASSESSMENT_ITEM_ROW (row));
  note_row = sportello_assessment_item_row_get_note_row (SPORTELLO_ASSESSMENT_ITEM_ROW (row));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* the item changes: the row follows */
  sportello_assessment_page_answer (page, item_id, SPORTELLO_ANSWER_PARTIAL, "Manca il recesso");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, SPORTELLO_ANSWER_PARTIAL + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Manca il recesso");
  g_object_set (item, "answer", SPORTELLO_ANSWER_COMPLETE, "note", "Fatto", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, SPORTELLO_ANSWER_COMPLETE + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Fatto");

  /* the row is edited: the item and the assessment follow, and it is saved */
  gtk_drop_down_set_selected (dropdown, SPORTELLO_ANSWER_MISSING + 1);
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Da fare entro marzo");
  g_assert_cmpint (sportello_assessment_answer_get_answer (item), ==, SPORTELLO_ANSWER_MISSING);
  g_assert_cmpstr (sportello_assessment_answer_get_note (item), ==, "Da fare entro marzo");
  g_assert_true (sportello_assessment_get_answer (assessment, item_id, &answer, NULL));
  g_assert_cmpint (answer, ==, SPORTELLO_ANSWER_MISSING);
  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));
  g_assert_true (has_answer (data_dir, uuid, item_id, &answer, &note));
  g_assert_cmpint (answer, ==, SPORTELLO_ANSWER_MISSING);
  g_assert_cmpstr (note, ==, "Da fare entro marzo");
  g_clear_pointer (&note, g_free);

  /* “No answer” in the row clears it */
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpint (sportello_assessment_answer_get_answer (item), ==, -1);
  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));
  g_assert_false (has_answer (data_dir, uuid, item_id, &answer, &note));
  g_clear_pointer (&note, g_free);

  /* not applicable without a reason: the note row says so until one is written */
  for (guint i = 0; i < g_list_model_get_n_items (answers) && na_item == NULL; i++)
    {
      g_autoptr(SportelloAssessmentAnswer) candidate = g_list_model_get_item (answers, i);

      if (sportello_assessment_answer_get_na_allowed (candidate))
        na_item = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (na_item);
  row = row_of (GTK_WIDGET (page), SPORTELLO_TYPE_ASSESSMENT_ITEM_ROW, na_item);
  dropdown = sportello_assessment_item_row_get_dropdown (SPORTELLO_ASSESSMENT_ITEM_ROW (row));
  note_row = sportello_assessment_item_row_get_note_row (SPORTELLO_ASSESSMENT_ITEM_ROW (row));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 5);
  gtk_drop_down_set_selected (dropdown, SPORTELLO_ANSWER_NA + 1);
  g_assert_true (sportello_assessment_answer_get_reason_missing (na_item));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (note_row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Vende solo servizi");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (note_row), "error"));
  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));
  g_assert_true (has_answer (data_dir, uuid, sportello_assessment_answer_get_checklist_item (na_item)->id, &answer, &note));
  g_assert_cmpint (answer, ==, SPORTELLO_ANSWER_NA);
  g_assert_cmpstr (note, ==, "Vende solo servizi");

  sportello_test_app_quit (app);
}

/* A checklist item row shows its item object and writes back to it: a
 * change to the item shows in the row, an edit in the row reaches the
 * checklist and is saved with the next version. */
static void
test_checklist_item_row (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-checklist-row", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloChecklistsSection *checklists = _sportello_window_get_checklists_section (SPORTELLO_WINDOW (window));
  g_autoptr(SportelloChecklistItemObject) item = NULL;
  g_autoptr(SportelloChecklist) stored = NULL;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *id = NULL;
  SportelloChecklistPage *page;
  SportelloChecklistItem *it;
  GtkWidget *row;
  GtkWidget *title_row;
  GtkWidget *blocker_row;

  gtk_window_set_default_size (window, 1000, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "checklists");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  {
    GtkWidget *builtin = sportello_test_find_type (GTK_WIDGET (checklists), ADW_TYPE_ACTION_ROW);
    g_signal_emit_by_name (gtk_widget_get_parent (builtin), "row-activated", builtin);
  }
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_CHECKLIST_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CHECKLIST_PAGE));

  /* read-only, the row only reads */
  item = g_list_model_get_item (sportello_checklist_page_get_items (page), 0);
  row = row_of (GTK_WIDGET (page), SPORTELLO_TYPE_CHECKLIST_ITEM_ROW, item);
  g_assert_nonnull (row);
  g_assert_nonnull (sportello_test_find_row (row, ADW_TYPE_ACTION_ROW, "Perché è importante"));
  g_assert_null (sportello_test_find_row (row, ADW_TYPE_ENTRY_ROW, "Titolo"));
  g_clear_object (&item);

  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.duplicate", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_CHECKLIST_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CHECKLIST_PAGE));
  g_assert_true (sportello_checklist_page_get_editable (page));
  it = &g_array_index (sportello_checklist_page_get_checklist (page)->items, SportelloChecklistItem, 2);
  id = g_strdup (it->id);
  item = g_list_model_get_item (sportello_checklist_page_get_items (page), 2);
  row = row_of (GTK_WIDGET (page), SPORTELLO_TYPE_CHECKLIST_ITEM_ROW, item);
  g_assert_nonnull (row);
  title_row = sportello_test_find_row (row, ADW_TYPE_ENTRY_ROW, "Titolo");
  blocker_row = sportello_test_find_row (row, ADW_TYPE_SWITCH_ROW, "Bloccante: senza di essa l'impresa non è pronta a vendere online");
  g_assert_null (sportello_test_find_row (row, ADW_TYPE_ACTION_ROW, "Perché è importante"));
  g_assert_nonnull (title_row);
  g_assert_nonnull (blocker_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, it->title);

  /* the item changes: the row follows */
  g_object_set (item, "title", "Condizioni di vendita pubblicate", "blocker", FALSE, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Condizioni di vendita pubblicate");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Condizioni di vendita pubblicate");
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (blocker_row)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, id);

  /* the row is edited: the item and the checklist follow, and Save keeps it */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Condizioni di vendita chiare");
  adw_switch_row_set_active (ADW_SWITCH_ROW (blocker_row), TRUE);
  {
    g_autofree char *title = NULL;
    gboolean blocker;

    g_object_get (item, "title", &title, "blocker", &blocker, NULL);
    g_assert_cmpstr (title, ==, "Condizioni di vendita chiare");
    g_assert_true (blocker);
  }
  g_assert_cmpstr (it->title, ==, "Condizioni di vendita chiare");
  g_assert_true (it->blocker);
  {
    g_autofree char *subtitle = g_strdup_printf ("%s · Bloccante", id);

    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, subtitle);
  }
  g_assert_true (sportello_checklist_page_can_save (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.save", NULL);
  sportello_test_iterate (50);

  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  latest = sportello_checklist_latest_uuid (db, sportello_checklist_page_get_checklist (page)->id);
  g_assert_nonnull (latest);
  stored = sportello_checklist_load_version (db, latest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->version, ==, "2");
  it = &g_array_index (stored->items, SportelloChecklistItem, sportello_checklist_find_item (stored, id));
  g_assert_cmpstr (it->title, ==, "Condizioni di vendita chiare");
  g_assert_true (it->blocker);

  /* removing an item moves the others: their rows are bound afresh */
  gtk_widget_activate_action (GTK_WIDGET (page), "checklist.remove-item", "u", 0);
  g_clear_object (&item);
  item = g_list_model_get_item (sportello_checklist_page_get_items (page), 1);
  row = row_of (GTK_WIDGET (page), SPORTELLO_TYPE_CHECKLIST_ITEM_ROW, item);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Condizioni di vendita chiare");

  sportello_test_app_quit (app);
}

/* for people to review: item rows opened, in Italian */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
}

static GtkWidget *
expand_nth (GtkWidget *page,
            guint      n)
{
  GtkWidget *row = sportello_test_find_type (page, ADW_TYPE_EXPANDER_ROW);

  for (guint i = 0; i < n && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

static void
test_item_rows_look (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-item-rows-look", NULL);
  g_autofree char *client_uuid = sportello_test_add_client (data_dir, SPORTELLO_CLIENT_NAME, "Cantina Sociale Vallone", -1);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  SportelloChecklistsSection *checklists = _sportello_window_get_checklists_section (SPORTELLO_WINDOW (window));
  SportelloChecklist *checklist = sportello_checklist_get_builtin ();
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *client_page;

  gtk_window_set_default_size (window, 1000, 900);
  client_page = sportello_test_open_client (window, client_uuid);
  gtk_widget_activate_action (client_page, "client.new-assessment", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE);
  for (guint i = 0; i < checklist->items->len; i++)
    {
      SportelloChecklistItem *item = &g_array_index (checklist->items, SportelloChecklistItem, i);

      if (item->na_allowed)
        {
          sportello_assessment_page_answer (SPORTELLO_ASSESSMENT_PAGE (page), item->id, SPORTELLO_ANSWER_NA, "");
          break;
        }
    }
  sportello_assessment_page_answer (SPORTELLO_ASSESSMENT_PAGE (page), g_array_index (checklist->items, SportelloChecklistItem, 1).id,
                                    SPORTELLO_ANSWER_PARTIAL, "Manca la stima dei costi");
  row = expand_nth (page, 1);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  scroll_to (row);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "assessment-item-expanded"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "checklists");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  row = sportello_test_find_type (GTK_WIDGET (checklists), ADW_TYPE_ACTION_ROW);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CHECKLIST_PAGE);
  row = expand_nth (page, 1);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  scroll_to (row);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "checklist-item-read"));

  gtk_widget_activate_action (page, "checklist.duplicate", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CHECKLIST_PAGE);
  row = expand_nth (page, 0);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  scroll_to (row);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "checklist-item-edit"));


  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/assessments/fill-and-results", test_assessment);
  g_test_add_func ("/ui/assessments/checklist-editing", test_checklist_editing);
  g_test_add_func ("/ui/assessments/narrow", test_assessment_narrow);
  g_test_add_func ("/ui/assessments/item-row", test_assessment_item_row);
  g_test_add_func ("/ui/assessments/checklist-item-row", test_checklist_item_row);
  g_test_add_func ("/ui/assessments/item-rows-look", test_item_rows_look);

  return g_test_run ();
}
