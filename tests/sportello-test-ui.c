/* sportello-test-ui.c: what the UI tests share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sportello-client-page-private.h"
#include "sportello-client.h"
#include "sportello-clients-section.h"
#include "sportello-test-ui.h"
#include "sportello-window.h"
#include "sportello-window-private.h"

/* A stand-in for the desktop's notification server on the test session
 * bus: GNotification talks to it as to GNOME Shell, and the tests can read
 * what was sent. */
static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "</interface></node>";

static char *last_notification;

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_free (last_notification);
      last_notification = g_strdup_printf ("%s\n%s", summary, body);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 1));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body'],)"));
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "sportello", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;

  if (bus == NULL)
    return;

  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, NULL);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4 /* do not queue */),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
}

/* What the last notification said: its title, a newline, its body */
const char *
sportello_test_last_notification (void)
{
  return last_notification;
}

void
sportello_test_ui_init (int    *argc,
                        char ***argv)
{
  /* Not gtk_test_init(): GTK 4 forces en_US.UTF-8 there, and these tests
   * check the Italian strings the consultant sees. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Not G_TEST_OPTION_ISOLATE_DIRS either: it empties XDG_DATA_DIRS, and
   * without the shared MIME database GdkPixbuf cannot load Adwaita's SVG
   * assets. The user's own folders go to a fresh temporary folder instead. */
  g_test_init (argc, argv, NULL);
  {
    g_autofree char *home = g_dir_make_tmp ("sportello-ui-XXXXXX", NULL);
    g_autofree char *data = g_build_filename (home, "data", NULL);
    g_autofree char *config = g_build_filename (home, "config", NULL);
    g_autofree char *cache = g_build_filename (home, "cache", NULL);

    g_assert_nonnull (home);
    g_setenv ("HOME", home, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  gtk_init ();
  adw_init ();
  start_notification_server ();
}

SportelloApplication *
sportello_test_app_new (const char *data_dir)
{
  SportelloApplication *app = sportello_application_new (data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  static guint n_apps;

  /* A fresh id each time: a finished test's app may still be on the bus. */
  id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  g_application_set_application_id (G_APPLICATION (app), id);

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE |
                           G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* the first start's question is for the tests that ask for it (they
   * set “first-run-done” back after this) */
  g_settings_set_boolean (sportello_application_get_settings (app), "first-run-done", TRUE);

  return app;
}

GtkWindow *
sportello_test_app_window (SportelloApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static gboolean
quit_loop_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sportello_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_loop_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Returns after the next frame is painted */
void
sportello_test_wait_for_draw_quick (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Waits, within a bound of 10 s, for each client page on screen below
 * @root to fill its groups (it does after its first frame) */
static void
wait_for_client_pages (GtkWidget *root)
{
  if (SPORTELLO_IS_CLIENT_PAGE (root))
    {
      SportelloClientPage *page = SPORTELLO_CLIENT_PAGE (root);
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      if (!gtk_widget_get_mapped (root) || page->hidden)
        return;
      while (!sportello_client_page_get_loaded (page) && g_get_monotonic_time () < deadline)
        sportello_test_iterate (20);
      g_assert_true (sportello_client_page_get_loaded (page));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wait_for_client_pages (child);
}

void
sportello_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  /* let transitions and idle work settle */
  sportello_test_iterate (300);
  /* a client page just opened fills its groups after its first frame */
  wait_for_client_pages (widget);
}

/* Waits, within a bound of 10 s, until @model lists @n items: lists
 * follow the database in idles, which under load can come after the
 * next frame */
void
sportello_test_wait_for_n_items (GListModel *model,
                                 guint       n)
{
  SPORTELLO_TEST_WAIT_UNTIL (g_list_model_get_n_items (model) == n);
}

char *
sportello_test_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *dir = NULL;
  char *path;
  GskRenderer *renderer;
  int width, height;
  const char *base = g_getenv ("SPORTELLO_SCREENSHOT_DIR");

  if (base == NULL)
    return NULL;

  sportello_test_wait_for_draw (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_strdup (base);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return path;
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first mapped widget below @root, @root included, that matches */
static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (gtk_widget_get_mapped (root) && match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_matches (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkWidget *
sportello_test_find_label_containing (GtkWidget  *root,
                                      const char *text)
{
  return find_widget (root, label_contains, text);
}

static gboolean
button_matches (GtkWidget     *widget,
                gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
type_matches (GtkWidget     *widget,
              gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
sportello_test_find_label (GtkWidget  *root,
                           const char *text)
{
  return find_widget (root, label_matches, text);
}

GtkWidget *
sportello_test_find_button (GtkWidget  *root,
                            const char *label)
{
  return find_widget (root, button_matches, label);
}

GtkWidget *
sportello_test_find_type (GtkWidget *root,
                          GType      type)
{
  return find_widget (root, type_matches, GSIZE_TO_POINTER (type));
}

/**
 * sportello_test_find_row:
 * @type: the row's type: %ADW_TYPE_PREFERENCES_ROW or one derived from it
 * @title: its title, exactly
 *
 * Returns: (nullable): the first row below @root (or @root) of @type
 *   titled @title, shown or not
 */
GtkWidget *
sportello_test_find_row (GtkWidget  *root,
                         GType       type,
                         const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sportello_test_find_row (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * sportello_test_add_client:
 * @data_dir: the app's data folder
 * @...: pairs of a #SportelloClientField and its text, then -1
 *
 * Stores a new client in the database of @data_dir.
 *
 * Returns: (transfer full): its UUID
 */
char *
sportello_test_add_client (const char *data_dir,
                           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  va_list args;
  int field;

  g_assert_no_error (error);
  va_start (args, data_dir);
  while ((field = va_arg (args, int)) >= 0)
    sportello_client_set (client, field, va_arg (args, const char *));
  va_end (args);
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);
  return g_strdup (sportello_client_get_uuid (client));
}

/**
 * sportello_test_open_client:
 * @window: the app's window
 * @client_uuid: the client
 *
 * Opens the client's page in the Clients section and waits for it to be
 * drawn and for its groups to be filled (sportello_client_page_get_loaded()).
 *
 * Returns: (transfer none): the client's page
 */
GtkWidget *
sportello_test_open_client (GtkWindow  *window,
                            const char *client_uuid)
{
  GtkWidget *client_page;

  sportello_clients_section_open_client (_sportello_window_get_clients_section (SPORTELLO_WINDOW (window)), client_uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  client_page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE);
  g_assert_nonnull (client_page);
  g_assert_true (sportello_client_page_get_loaded (SPORTELLO_CLIENT_PAGE (client_page)));
  return client_page;
}

void
sportello_test_app_quit (SportelloApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  sportello_test_iterate (50);
}

/**
 * sportello_test_assert_pdf_tagged:
 * @title: (nullable): the Title the PDF must have
 * @author: (nullable): its Author
 * @subject: (nullable): its Subject
 *
 * Checks with pdfinfo that @path is a tagged PDF with that metadata and a
 * Creator naming Sportello and its version, and with qpdf that it is
 * well formed.
 */
void
sportello_test_assert_pdf_tagged (const char *path,
                                  const char *title,
                                  const char *author,
                                  const char *subject)
{
  const char *info_argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  const char *qpdf_argv[] = { "qpdf", "--check", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *check = NULL;
  g_autofree char *check_errors = NULL;
  g_autofree char *creator = g_strdup_printf ("Creator:         Sportello %s\n", PACKAGE_VERSION);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &info, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("pdfinfo:\n%s", info);
  g_assert_nonnull (strstr (info, "Tagged:          yes\n"));
  g_assert_nonnull (strstr (info, creator));
  g_assert_nonnull (strstr (info, "CreationDate:"));
  if (title != NULL)
    {
      g_autofree char *line = g_strdup_printf ("Title:           %s\n", title);

      g_assert_nonnull (strstr (info, line));
    }
  if (author != NULL)
    {
      g_autofree char *line = g_strdup_printf ("Author:          %s\n", author);

      g_assert_nonnull (strstr (info, line));
    }
  if (subject != NULL)
    {
      g_autofree char *line = g_strdup_printf ("Subject:         %s\n", subject);

      g_assert_nonnull (strstr (info, line));
    }

  g_assert_true (g_spawn_sync (NULL, (char **) qpdf_argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &check, &check_errors, &status, &error));
  g_assert_no_error (error);
  g_test_message ("qpdf --check:\n%s%s", check, check_errors);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
}
