/* sportello-application-actions.c
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-application-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application-private.h"
#include "sportello-preferences-dialog.h"
#include "sportello-window.h"

static void
sportello_application_actions_quit (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  SportelloApplication *self = user_data;
  GList *windows;

  /* Closing each window first lets it store what is pending. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))))
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

/* AdwPreferencesDialog and AdwAboutDialog keep their content in an
 * AdwBreakpointBin of their own that asks for 360 px: more than a window
 * of the 360 px the metainfo claims has inside its frame, and Adwaita then
 * warns that the bottom sheet exceeds the window and cuts its edge. Their
 * content adapts below that, so the bin asks for less. */
static void
fit_narrow_window (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_BREAKPOINT_BIN (child))
        {
          int width, height;

          gtk_widget_get_size_request (child, &width, &height);
          if (width > 300)
            gtk_widget_set_size_request (child, 300, height);
        }
      fit_narrow_window (child);
    }
}

static void
sportello_application_actions_about (GSimpleAction *action,
                                     GVariant      *param,
                                     gpointer       user_data)
{
  SportelloApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwDialog *dialog;

  /* with the version, “What’s New” shows that release's notes */
  dialog = adw_about_dialog_new_from_appdata (RESOURCE_PATH "/metainfo.xml", PACKAGE_VERSION);
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (dialog), APP_ID);
  /* Translators: put your names here, one per line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _("translator-credits"));
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (dialog), "© 2026 The Sportello authors");
  adw_dialog_present (dialog, GTK_WIDGET (window));
  fit_narrow_window (GTK_WIDGET (dialog));
}

static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  /* Typically no help browser (Yelp) is installed */
  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      SPORTELLO_IS_WINDOW (window))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the user guide: %s"), error->message);
      sportello_window_add_toast (SPORTELLO_WINDOW (window), adw_toast_new (message));
    }
}

static void
sportello_application_actions_help (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  SportelloApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new ("help:sportello");

  gtk_uri_launcher_launch (launcher, window, NULL, help_launched_cb,
                           window != NULL ? g_object_ref (window) : NULL);
}

static void
sportello_application_actions_preferences (GSimpleAction *action,
                                           GVariant      *param,
                                           gpointer       user_data)
{
  SportelloApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  AdwDialog *dialog = ADW_DIALOG (sportello_preferences_dialog_new (self));

  adw_dialog_present (dialog, GTK_WIDGET (window));
  fit_narrow_window (GTK_WIDGET (dialog));
}

#if !ADW_CHECK_VERSION (1, 8, 0)
/* libadwaita 1.8 loads shortcuts-dialog.ui as app.shortcuts by itself; on
 * 1.7 the same shortcuts are shown from a GtkShortcutsWindow. */
static void
sportello_application_actions_shortcuts (GSimpleAction *action,
                                         GVariant      *param,
                                         gpointer       user_data)
{
  SportelloApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/sportello-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));
  gtk_window_set_transient_for (shortcuts, window);
  gtk_window_present (shortcuts);
}
#endif

static void
sportello_application_actions_show_todo (GSimpleAction *action,
                                         GVariant      *param,
                                         gpointer       user_data)
{
  SportelloApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "todo");
}

static const GActionEntry actions[] = {
  { "show-todo", sportello_application_actions_show_todo },
  { "quit", sportello_application_actions_quit },
  { "about", sportello_application_actions_about },
  { "help", sportello_application_actions_help },
  { "preferences", sportello_application_actions_preferences },
#if !ADW_CHECK_VERSION (1, 8, 0)
  { "shortcuts", sportello_application_actions_shortcuts },
#endif
};

void
_sportello_application_actions_init (SportelloApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-client", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.section::clients", { "<Control>1", NULL } },
    { "win.section::meetings", { "<Control>2", NULL } },
    { "win.section::todo", { "<Control>3", NULL } },
    { "win.section::templates", { "<Control>4", NULL } },
    { "win.section::checklists", { "<Control>5", NULL } },
    { "win.section::grants", { "<Control>6", NULL } },
    { "win.section::events", { "<Control>7", NULL } },
    { "win.section::report", { "<Control>8", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}
