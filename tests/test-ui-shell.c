/* test-ui-shell.c: the main window in Italian, its sections and dialogs
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-client.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-content-bin.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-section.h"
#include "sportello-test-ui.h"
#include "sportello-welcome-dialog.h"
#include "sportello-window.h"
#include "sportello-window-private.h"

static const struct {
  const char *name;
  const char *label;   /* what an Italian consultant reads in the sidebar */
} sections[] = {
  { "clients", "Clienti" },
  { "meetings", "Incontri" },
  { "todo", "Da fare" },
  { "templates", "Modelli" },
  { "checklists", "Checklist" },
};

static void
test_shell_sections (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-shell", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  g_autofree char *shot = NULL;

  g_assert_true (SPORTELLO_IS_WINDOW (window));
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "clients");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *label;

      label = sportello_test_find_label (GTK_WIDGET (window), sections[i].label);
      g_assert_nonnull (label);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i].name);
      sportello_test_iterate (50);
      g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, sections[i].name);
    }

  /* The keyboard: Ctrl+1 goes back to the clients. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Nessun cliente"));

  shot = sportello_test_screenshot (GTK_WIDGET (window), "main-window");

  sportello_test_app_quit (app);
}

static void
test_shell_narrow (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-narrow", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window;
  g_autofree char *shot = NULL;

  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 360, 640);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  shot = sportello_test_screenshot (GTK_WIDGET (window), "main-window-narrow");

  /* Ctrl+F in the narrow window goes to the client list, searching */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  g_clear_pointer (&shot, g_free);
  shot = sportello_test_screenshot (GTK_WIDGET (window), "main-window-narrow-clients");

  sportello_test_app_quit (app);
}

/* What the window shows needs no more room than the window has: its content
 * bin does not let the window measure the content, so this checks what
 * AdwBreakpointBin would have warned of */
static void
assert_content_fits (GtkWindow  *window,
                     const char *where)
{
  GtkWidget *bin = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *content;
  int min_width, min_height;

  g_assert_true (SPORTELLO_IS_CONTENT_BIN (bin));
  content = adw_bin_get_child (ADW_BIN (bin));
  g_assert_nonnull (content);
  /* the bin reports no size of its own, and the content fills it */
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, ==, 0);
  g_assert_cmpint (gtk_widget_get_width (content), ==, gtk_widget_get_width (bin));
  g_assert_cmpint (gtk_widget_get_height (content), ==, gtk_widget_get_height (bin));

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  if (min_width > gtk_widget_get_width (bin) || min_height > gtk_widget_get_height (bin))
    g_error ("%s needs %d×%d px, the window has %d×%d", where, min_width, min_height,
             gtk_widget_get_width (bin), gtk_widget_get_height (bin));
}

/* The smallest window (360×294 px, its width-request and height-request):
 * every section and a client page fit; and what changes inside is laid out
 * again, though the window does not measure it */
static void
test_shell_smallest_window (void)
{
  static const char * const names[] = {
    "clients", "meetings", "todo", "templates", "checklists", "grants", "events", "report"
  };
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-smallest", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GtkWindow *window;
  GtkWidget *page, *label;
  int height;

  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClient) client = sportello_client_new ();

    g_assert_no_error (error);
    g_assert_true (sportello_demo_fill (db, 5, &error));
    sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Laboratorio Artigiano del Legno e del Restauro Conservativo di Cantù");
    sportello_client_set (client, SPORTELLO_CLIENT_STREET, "Via Giuseppe Garibaldi 112");
    sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, "Cantù");
    sportello_client_set (client, SPORTELLO_CLIENT_EMAIL, "amministrazione.laboratorio@legnorestauro.example.it");
    g_assert_true (sportello_client_save (client, db, &error));
    uuid = g_strdup (sportello_client_get_uuid (client));
  }

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 360, 294);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", names[i]);
      sportello_test_iterate (100);
      sportello_test_wait_for_draw (GTK_WIDGET (window));
      assert_content_fits (window, names[i]);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients");
  sportello_clients_section_open_client (_sportello_window_get_clients_section (SPORTELLO_WINDOW (window)), uuid);
  sportello_test_iterate (300);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE);
  g_assert_nonnull (page);
  assert_content_fits (window, "the client page");

  /* a longer name wraps onto more lines: the page lays it out again */
  label = sportello_test_find_label (page, "Laboratorio Artigiano del Legno e del Restauro Conservativo di Cantù");
  g_assert_nonnull (label);
  height = gtk_widget_get_height (label);
  g_assert_cmpint (height, >, 0);
  gtk_label_set_label (GTK_LABEL (label), "Laboratorio Artigiano del Legno e del Restauro Conservativo di Cantù, "
                                          "con la Bottega di Falegnameria e Intaglio di Mariano Comense");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_height (label), >, height);
  assert_content_fits (window, "the client page, its name longer");

  sportello_test_app_quit (app);
}

static void
test_shell_dialogs (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-dialogs", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window = sportello_test_app_window (app);
  AdwDialog *dialog;
  g_autofree char *shot = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (dialog), "Consulente"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "preferences");
  adw_dialog_force_close (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ABOUT_DIALOG (dialog));
  g_assert_cmpstr (adw_about_dialog_get_application_name (ADW_ABOUT_DIALOG (dialog)), ==, "Sportello");
  /* “What’s New” carries this version's notes, in Italian */
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_dialog_get_release_notes_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_dialog_get_release_notes (ADW_ABOUT_DIALOG (dialog)),
                            "Documenti di consulenza redatti a partire dai modelli"));
  adw_dialog_force_close (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  sportello_test_iterate (200);

  /* the user guide: F1 and the primary menu's Help */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
    g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  }

  sportello_test_app_quit (app);
}

static void
test_shell_settings_kept (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-settings", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GSettings *settings = sportello_application_get_settings (app);
  GtkWindow *window = sportello_test_app_window (app);

  gtk_window_set_default_size (window, 900, 640);
  sportello_test_iterate (100);
  gtk_window_close (window);
  sportello_test_iterate (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  window = sportello_test_app_window (app);
  {
    int w, h;
    gtk_window_get_default_size (window, &w, &h);
    g_assert_cmpint (w, ==, 900);
    g_assert_cmpint (h, ==, 640);
  }

  sportello_test_app_quit (app);
}

/* Sections are made when first needed; those that preload, after the
 * window's first frame */
static void
test_shell_sections_made_when_needed (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-shell-lazy", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  GtkWindow *window;
  static const char * const later[] = { "meetings", "todo", "templates", "checklists", "report" };
  GtkStack *stack;
  GtkWidget *templates;

  /* before its first frame, the window has the section it shows */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (_sportello_window_get_clients_section (SPORTELLO_WINDOW (window)))));
  g_assert_null (gtk_stack_get_child_by_name (stack, "grants"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "events"));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  SPORTELLO_TEST_WAIT_UNTIL (gtk_stack_get_child_by_name (stack, "grants") != NULL &&
                             gtk_stack_get_child_by_name (stack, "events") != NULL);
  sportello_test_iterate (50);

  /* the two that preload were made, unasked, and have the database */
  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "grants"));
  g_assert_nonnull (sportello_section_get_database (SPORTELLO_SECTION (gtk_stack_get_child_by_name (stack, "events"))));
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "clients");
  /* the others are not (their sidebar rows keep their accessible names:
   * /ui/focus/sidebar) */
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    g_assert_null (gtk_stack_get_child_by_name (stack, later[i]));

  /* shown, a section is made, titled and given the database */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "templates");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  templates = gtk_stack_get_child_by_name (stack, "templates");
  g_assert_nonnull (templates);
  g_assert_true (gtk_stack_get_visible_child (stack) == templates);
  g_assert_true (gtk_widget_get_mapped (templates));
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (stack, templates)), ==, "Modelli");
  g_assert_nonnull (sportello_section_get_database (SPORTELLO_SECTION (templates)));
  g_assert_nonnull (sportello_test_find_label (templates, "Duplicare un modello predefinito per modificarne il testo o partire da uno vuoto"));
  /* and made once */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "templates");
  g_assert_true (gtk_stack_get_child_by_name (stack, "templates") == templates);
  g_assert_null (gtk_stack_get_child_by_name (stack, "meetings"));

  /* a name that is no section changes nothing */
  sportello_window_set_section (SPORTELLO_WINDOW (window), "nowhere");
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "templates");
  g_assert_null (gtk_stack_get_child_by_name (stack, "nowhere"));

  sportello_test_app_quit (app);
}

static void
test_shell_bad_database (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bad", NULL);
  g_autofree char *db_path = g_build_filename (data_dir, "sportello.db", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  GtkWindow *window;

  g_mkdir_with_parents (data_dir, 0700);
  g_assert_true (g_file_set_contents (db_path, "not a database at all, longer than sixteen bytes", -1, NULL));

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Impossibile aprire il database"));

  sportello_test_app_quit (app);
}

/* a fresh profile, as the first start finds it */
static void
fresh_profile (GSettings *settings)
{
  g_settings_reset (settings, "consultant-name");
  g_settings_reset (settings, "consultant-email");
  g_settings_reset (settings, "hub-name");
  g_settings_set_boolean (settings, "first-run-done", FALSE);
}

static void
collect_entry_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_entry_rows (c, rows);
}

static AdwDialog *
visible_dialog (GtkWindow *window)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
}

/* The first start asks who the consultant is, once; what is said goes
 * where documents and bundles take it from */
static void
test_shell_first_run (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-first-run", NULL);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GSettings *settings = sportello_application_get_settings (app);
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *hub = NULL;
  GtkWindow *window;
  AdwDialog *dialog;
  GtkWidget *focus;

  /* due only on a profile that never answered and names nobody */
  fresh_profile (settings);
  g_assert_true (sportello_welcome_dialog_is_due (settings));
  g_settings_set_string (settings, "hub-name", "ComoNext – Lomazzo");
  g_assert_false (sportello_welcome_dialog_is_due (settings));   /* set in Preferences */
  fresh_profile (settings);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_assert_false (sportello_welcome_dialog_is_due (settings));

  /* a fresh profile: asked at once, the focus in the first field */
  fresh_profile (settings);
  window = sportello_test_app_window (app);
  dialog = visible_dialog (window);
  g_assert_true (SPORTELLO_IS_WELCOME_DIALOG (dialog));
  g_assert_cmpstr (adw_dialog_get_title (dialog), ==, "Benvenuto");
  g_assert_nonnull (sportello_test_find_button (GTK_WIDGET (dialog), "Più _tardi"));
  collect_entry_rows (GTK_WIDGET (dialog), rows);
  g_assert_cmpuint (rows->len, ==, 3);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, g_ptr_array_index (rows, 0)));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "first-run"));

  /* what is typed is kept, trimmed, and records carry it */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), "  Giulia Ferri ");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "giulia.ferri@example.it");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 2)), "ComoNext – Lomazzo");
  sportello_welcome_dialog_save (SPORTELLO_WELCOME_DIALOG (dialog));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (visible_dialog (window));
  name = g_settings_get_string (settings, "consultant-name");
  email = g_settings_get_string (settings, "consultant-email");
  hub = g_settings_get_string (settings, "hub-name");
  g_assert_cmpstr (name, ==, "Giulia Ferri");
  g_assert_cmpstr (email, ==, "giulia.ferri@example.it");
  g_assert_cmpstr (hub, ==, "ComoNext – Lomazzo");
  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));
  g_assert_false (sportello_welcome_dialog_is_due (settings));
  /* and what Preferences changes later is written at once, as before */
  g_settings_set_boolean (settings, "spell-check", FALSE);
  g_assert_false (g_settings_get_has_unapplied (settings));
  g_settings_reset (settings, "spell-check");
  {
    g_autoptr(GError) error = NULL;
    SportelloDatabase *db = sportello_application_get_database (app, &error);
    g_autoptr(SportelloClient) client = sportello_client_new ();

    g_assert_no_error (error);
    sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Ottica Colombo");
    g_assert_true (sportello_client_save (client, db, &error));
    g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_ORIGIN_CONSULTANT), ==, "Giulia Ferri");
    g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_ORIGIN_HUB), ==, "ComoNext – Lomazzo");
  }
  sportello_test_app_quit (app);
  g_clear_object (&app);

  /* not asked again: the answer stays in the settings */
  app = sportello_test_app_new (data_dir);
  g_assert_false (sportello_welcome_dialog_is_due (sportello_application_get_settings (app)));
  window = sportello_test_app_window (app);
  g_assert_null (visible_dialog (window));
  sportello_test_app_quit (app);
  g_clear_object (&app);

  /* “Più tardi” leaves the settings empty, and is not asked again either;
   * at 360 px too the title fits and the first field has the focus */
  app = sportello_test_app_new (data_dir);
  settings = sportello_application_get_settings (app);
  fresh_profile (settings);
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  window = sportello_test_app_window (app);
  sportello_test_iterate (300);   /* the bottom sheet's animation */
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  dialog = visible_dialog (window);
  g_assert_true (SPORTELLO_IS_WELCOME_DIALOG (dialog));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  {
    GtkWidget *title = sportello_test_find_label (GTK_WIDGET (dialog), "Benvenuto");

    g_assert_nonnull (title);
    g_assert_true (gtk_widget_get_mapped (title));
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  }
  g_ptr_array_set_size (rows, 0);
  collect_entry_rows (GTK_WIDGET (dialog), rows);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_settings_reset (settings, "window-width");    /* the memory backend outlives the app */
  g_settings_reset (settings, "window-height");
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, g_ptr_array_index (rows, 0)));
  g_free (sportello_test_screenshot (GTK_WIDGET (window), "first-run-narrow"));
  g_signal_emit_by_name (sportello_test_find_button (GTK_WIDGET (dialog), "Più _tardi"), "clicked");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (visible_dialog (window));
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&hub, g_free);
  name = g_settings_get_string (settings, "consultant-name");
  hub = g_settings_get_string (settings, "hub-name");
  g_assert_cmpstr (name, ==, "");
  g_assert_cmpstr (hub, ==, "");
  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));
  g_assert_false (sportello_welcome_dialog_is_due (settings));

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/shell/sections", test_shell_sections);
  g_test_add_func ("/ui/shell/sections-made-when-needed", test_shell_sections_made_when_needed);
  g_test_add_func ("/ui/shell/narrow", test_shell_narrow);
  g_test_add_func ("/ui/shell/smallest-window", test_shell_smallest_window);
  g_test_add_func ("/ui/shell/dialogs", test_shell_dialogs);
  g_test_add_func ("/ui/shell/settings-kept", test_shell_settings_kept);
  g_test_add_func ("/ui/shell/bad-database", test_shell_bad_database);
  g_test_add_func ("/ui/shell/first-run", test_shell_first_run);

  return g_test_run ();
}
