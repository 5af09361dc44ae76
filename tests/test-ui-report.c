/* test-ui-report.c: the Resoconto section over demo data: the figures
 * against the previous period, the charts and their text alternative,
 * the figures following a change, an empty period, the PDF, and the
 * network read in
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sportello-assessment.h"
#include "sportello-assessment-page.h"
#include "sportello-checklist.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-database.h"
#include "sportello-vocabulary.h"
#include "sportello-demo.h"
#include "sportello-meeting.h"
#include "sportello-client.h"
#include "sportello-report-charts.h"
#include "sportello-report-section.h"
#include "sportello-statistics.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

static void
wait_for_figures (SportelloReportSection *page)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  sportello_test_iterate (20);
  while (sportello_report_section_is_busy (page) && g_get_monotonic_time () < deadline)
    sportello_test_iterate (20);
  g_assert_false (sportello_report_section_is_busy (page));
  sportello_test_iterate (50);
}

/* The row of the figure titled @title: its value, as shown */
static const char *
shown_value (GtkWidget  *page,
             const char *title)
{
  GtkWidget *title_label = sportello_test_find_label (page, title);
  GtkWidget *row;

  g_assert_nonnull (title_label);
  row = gtk_widget_get_ancestor (title_label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);

  /* the value is the suffix in bold */
  {
    GtkWidget *found = NULL;
    GtkWidget *stack[64];
    guint depth = 0;

    stack[depth++] = row;
    while (depth > 0)
      {
        GtkWidget *w = stack[--depth];

        if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "heading") && gtk_widget_get_mapped (w))
          found = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && depth < G_N_ELEMENTS (stack); c = gtk_widget_get_next_sibling (c))
          stack[depth++] = c;
      }
    g_assert_nonnull (found);
    return gtk_label_get_text (GTK_LABEL (found));
  }
}

/* Scrolls the page so that @widget is on screen, to be drawn */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

  /* the viewport's child: where the whole content is laid out */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
  sportello_test_iterate (100);
}

/* Hours read with no useless decimals, on screen and in the PDF alike
 * (both take them from here) */
static void
test_report_hours (void)
{
  struct { double value; const char *text; } cases[] = {
    { 91, "91 h" }, { 91.5, "91,5 h" }, { 10.75, "10,75 h" }, { 0, "0 h" }, { 1250, "1.250 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SportelloFigure figure = { SPORTELLO_FIGURE_EXACT, cases[i].value };
      g_autofree char *text = sportello_report_format_figure (&figure, SPORTELLO_REPORT_HOURS);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_report (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-report", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  GtkWindow *window;
  SportelloReportSection *page;
  SportelloStatistics *shown;
  g_autofree char *client_uuid = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GtkWidget *chart;
  double meetings;
  guint n_categories;
  const char *category = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_CATEGORY, &n_categories)[0].id;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClient) client = sportello_client_new ();

    g_assert_no_error (error);
    g_assert_true (sportello_demo_fill (db, 40, &error));
    g_assert_no_error (error);
    sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Ferramenta Brambilla");
    sportello_client_set (client, SPORTELLO_CLIENT_CATEGORY, category);
    g_assert_true (sportello_client_save (client, db, &error));
    client_uuid = g_strdup (sportello_client_get_uuid (client));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1100, 900);
  /* Ctrl+8 is the section's; the action is what it runs */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "report"));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = SPORTELLO_REPORT_SECTION (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_REPORT_SECTION));
  g_assert_nonnull (page);
  wait_for_figures (page);

  /* the period's row, with no group title repeating it */
  {
    GtkWidget *period = sportello_test_find_type (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW);
    GtkWidget *group = gtk_widget_get_ancestor (period, ADW_TYPE_PREFERENCES_GROUP);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (period)), ==, "_Periodo");
    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "");
  }

  /* this year, by default, against the year before */
  shown = sportello_report_section_get_statistics (page);
  g_assert_nonnull (shown);
  sportello_statistics_this_year (&from, &to);
  g_assert_cmpstr (sportello_statistics_get_from (shown), ==, from);
  g_assert_cmpstr (sportello_statistics_get_to (shown), ==, to);
  /* then the demo's year, whatever the year the test runs in: its
   * meetings go back from 20 November 2026 (sportello-demo.c) */
  sportello_report_section_set_period (page, "2026-01-01", "2026-12-31");
  wait_for_figures (page);
  shown = sportello_report_section_get_statistics (page);
  g_assert_cmpstr (sportello_statistics_get_from (shown), ==, "2026-01-01");
  /* its days shown as an Italian types them, as every date entry has them */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sportello_test_find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "_Dal"))), ==, "01/01/2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sportello_test_find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "_Al"))), ==, "31/12/2026");
  meetings = sportello_statistics_get_value (shown, "meetings.total");
  g_assert_cmpfloat (meetings, >, 0);
  {
    g_autofree char *expected = g_strdup_printf ("%'.0f", meetings);
    g_autofree char *firms = g_strdup_printf ("%'.0f", sportello_statistics_get_value (shown, "firms_served"));

    g_assert_cmpstr (shown_value (GTK_WIDGET (page), "Incontri"), ==, expected);
    g_assert_cmpstr (shown_value (GTK_WIDGET (page), "Imprese servite"), ==, firms);
  }
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (page), "Periodo precedente: "));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "report"));

  /* the monthly chart says every month and its meetings to a screen reader */
  chart = sportello_test_find_type (GTK_WIDGET (page), SPORTELLO_TYPE_REPORT_CHART_VIEW);
  g_assert_nonnull (chart);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  {
    SportelloStatistics *previous = sportello_report_section_get_previous (page);
    g_autoptr(SportelloReportChart) monthly = sportello_report_chart_new (SPORTELLO_REPORT_CHART_MONTHLY, shown, previous);
    g_autofree char *description = sportello_report_chart_describe (monthly);
    g_autofree char *failure = NULL;
    g_auto(GStrv) months = sportello_statistics_dup_members (shown, "monthly");
    g_auto(GStrv) before = sportello_statistics_dup_members (previous, "monthly");
    static const char * const names[] = {
      "Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno",
      "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre"
    };

    g_test_message ("description: %s", description);
    g_assert_cmpuint (g_strv_length (months), ==, 12);
    g_assert_cmpstr (sportello_report_chart_get_title (monthly), ==, "Incontri mese per mese");
    failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                  "Incontri mese per mese");
    g_assert_null (failure);
    failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                  description);
    g_assert_null (failure);
    /* every month in words, with its meetings now and a year before */
    for (guint i = 0; i < 12; i++)
      {
        g_autofree char *path = g_strdup_printf ("monthly.%s.meetings", months[i]);
        g_autofree char *previous_path = g_strdup_printf ("monthly.%s.meetings", before[i]);
        g_autofree char *said = g_strdup_printf ("%s %.4s: %'.0f (periodo precedente %'.0f)", names[i], months[i],
                                                 sportello_statistics_get_value (shown, path),
                                                 sportello_statistics_get_value (previous, previous_path));

        g_assert_nonnull (strstr (description, said));
      }
  }
  sportello_test_iterate (10);

  /* a meeting in the period: the figures follow the change */
  {
    SportelloDatabase *db = sportello_application_get_database (app, NULL);
    g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (client_uuid);
    const char *starts = "2026-06-15T10:00:00Z";
    g_autofree char *expected = NULL;

    sportello_meeting_set (meeting, SPORTELLO_MEETING_STARTS_AT, starts);
    sportello_meeting_set (meeting, SPORTELLO_MEETING_KIND, "desk");
    g_assert_true (sportello_meeting_save (meeting, db, &error));
    g_assert_no_error (error);
    sportello_test_iterate (200);
    wait_for_figures (page);
    shown = sportello_report_section_get_statistics (page);
    g_assert_cmpfloat (sportello_statistics_get_value (shown, "meetings.total"), ==, meetings + 1);
    expected = g_strdup_printf ("%'.0f", meetings + 1);
    g_assert_cmpstr (shown_value (GTK_WIDGET (page), "Incontri"), ==, expected);
  }

  /* the PDF of what is shown: tagged, with its metadata */
  {
    g_autofree char *pdf = g_build_filename (data_dir, "resoconto.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);

    g_assert_true (sportello_report_section_export_pdf (page, file, &error));
    g_assert_no_error (error);
    sportello_test_assert_pdf_tagged (pdf, NULL, NULL, NULL);
  }

  /* the network read in: two hubs' files, one that left a figure out */
  {
    g_autofree char *json = sportello_statistics_to_json (shown);
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    g_autofree char *bad_path = g_build_filename (data_dir, "rotto.json", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
    g_autofree char *at_least = NULL;
    const char *hubs[] = { "Polo di Como", "Polo di Lecco" };

    for (guint h = 0; h < 2; h++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        g_autofree char *name = g_strdup_printf ("hub-%u.json", h);
        g_autofree char *path = g_build_filename (data_dir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        JsonObject *root, *by_category, *quartiles;

        g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
        root = json_node_get_object (json_parser_get_root (parser));
        json_object_set_string_member (root, "hub", hubs[h]);
        if (h == 1)
          json_object_set_null_member (root, "firms_served");
        /* the network's firms of the category score 40, 60, 80 at their quartiles */
        by_category = json_object_get_object_member (json_object_get_object_member (root, "assessments"), "by_category");
        quartiles = json_object_new ();
        json_object_set_int_member (quartiles, "count", 12);
        json_object_set_double_member (quartiles, "p25", 40);
        json_object_set_double_member (quartiles, "p50", 60);
        json_object_set_double_member (quartiles, "p75", 80);
        json_object_set_object_member (by_category, category, quartiles);
        json_generator_set_root (generator, json_parser_get_root (parser));
        g_assert_true (json_generator_to_file (generator, path, &error));
        g_list_store_append (files, file);
      }

    /* a bad file refuses them all, saying which and why */
    g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"altro\"}", -1, NULL));
    g_list_store_append (files, bad);
    g_assert_false (sportello_report_section_load_network (page, G_LIST_MODEL (files), &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "rotto.json"));
    g_clear_error (&error);
    g_assert_null (sportello_test_find_label (GTK_WIDGET (page), "La rete"));

    g_list_store_remove (files, 2);
    g_assert_true (sportello_report_section_load_network (page, G_LIST_MODEL (files), &error));
    g_assert_no_error (error);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "La rete"));
    /* summed: Lecco's null leaves a lower bound, Como's firms */
    at_least = g_strdup_printf ("almeno %'.0f", sportello_statistics_get_value (shown, "firms_served"));
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), at_least));
    {
      g_autofree char *twice = g_strdup_printf ("%'.0f", 2 * sportello_statistics_get_value (shown, "meetings.total"));

      g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), twice));
    }
  }

  /* an assessment's results say where the firm stands in the network */
  {
    SportelloChecklist *checklist = sportello_checklist_get_builtin ();
    SportelloAssessmentPage *assessment;
    GtkWidget *client_page;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients"));
    client_page = sportello_test_open_client (window, client_uuid);
    gtk_widget_activate_action (client_page, "client.new-assessment", NULL);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    assessment = SPORTELLO_ASSESSMENT_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_ASSESSMENT_PAGE));
    g_assert_nonnull (assessment);
    /* half done everywhere: 50, in the second quarter (40 to 60) */
    for (guint i = 0; i < checklist->items->len; i++)
      sportello_assessment_page_answer (assessment, g_array_index (checklist->items, SportelloChecklistItem, i).id,
                                        SPORTELLO_ANSWER_PARTIAL, "");
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_test_message ("score %u", sportello_assessment_page_get_score (assessment)->tenths);

    g_assert_cmpuint (sportello_assessment_page_get_score (assessment)->tenths, ==, 500);
    g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (assessment),
                                                 "Nel secondo quarto delle imprese della sua categoria nella rete"));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "assessment-network"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "report"));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
  }

  /* a narrow window, and the dark style */
  gtk_window_set_default_size (window, 360, 900);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  /* collapsed, the split view shows the sidebar: the section's content instead */
  {
    GtkWidget *split = sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW);

    g_assert_nonnull (split);
    adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (split), TRUE);
    sportello_test_iterate (500);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  }
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "report-360"));
  /* the assessment saved: the figures, and their charts, were made again */
  wait_for_figures (page);
  chart = sportello_test_find_type (GTK_WIDGET (page), SPORTELLO_TYPE_REPORT_CHART_VIEW);
  g_assert_nonnull (chart);
  scroll_to (chart);
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "report-chart-360"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "report-chart-360-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* a period with nothing in it: an empty state that says so */
  sportello_report_section_set_period (page, "2001-01-01", "2001-12-31");
  wait_for_figures (page);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Nessuna attività nel periodo"));
  g_assert_null (sportello_test_find_type (GTK_WIDGET (page), SPORTELLO_TYPE_REPORT_CHART_VIEW));

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/report/figures", test_report);
  g_test_add_func ("/ui/report/hours", test_report_hours);

  return g_test_run ();
}
