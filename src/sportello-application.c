/* sportello-application.c
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-application"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <libspelling.h>

#include "sportello-application-private.h"
#include "sportello-client.h"
#include "sportello-attachment.h"
#include "sportello-client-attachments.h"
#include "sportello-agenda.h"
#include "sportello-backups.h"
#include "sportello-database.h"
#include "sportello-follow-up.h"
#include "sportello-handoff.h"
#include "sportello-memory.h"
#include "sportello-welcome-dialog.h"
#include "sportello-window.h"

struct _SportelloApplication
{
  AdwApplication     parent_instance;

  char              *data_dir;
  GSettings         *settings;
  SportelloDatabase *database;
  GError            *database_error;
  guint              midnight_source;
};

G_DEFINE_FINAL_TYPE (SportelloApplication, sportello_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_origin (SportelloApplication *self)
{
  g_autofree char *consultant = NULL;
  g_autofree char *hub = NULL;

  if (self->database == NULL)
    return;

  consultant = g_settings_get_string (self->settings, "consultant-name");
  hub = g_settings_get_string (self->settings, "hub-name");
  sportello_database_set_origin (self->database, consultant, hub);
}

static void
settings_changed_cb (SportelloApplication *self,
                     const char           *key,
                     GSettings            *settings)
{
  update_origin (self);
}

SportelloDatabase *
sportello_application_get_database (SportelloApplication  *self,
                                    GError               **error)
{
  g_return_val_if_fail (SPORTELLO_IS_APPLICATION (self), NULL);

  if (self->database == NULL && self->database_error == NULL)
    {
      self->database = sportello_database_open (self->data_dir, &self->database_error);
      update_origin (self);

      /* Deletes left pending when the app last stopped are final. */
      if (self->database != NULL)
        {
          g_autoptr(GError) purge_error = NULL;

          if (!sportello_client_purge_trashed (self->database, NULL, &purge_error) ||
              !sportello_attachment_purge_trashed (self->database, NULL, &purge_error))
            g_warning ("Cannot finish pending deletes: %s", purge_error->message);
          /* nor do the copies made to open attachments outlive the session */
          sportello_client_attachments_clear_copies ();
        }
    }

  if (self->database_error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->database_error);
      return NULL;
    }

  return self->database;
}

GSettings *
sportello_application_get_settings (SportelloApplication *self)
{
  g_return_val_if_fail (SPORTELLO_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * sportello_application_due_notification:
 * @n_due: (out): how many follow-ups are due today
 *
 * The notification that names the follow-ups due today, or %NULL when
 * none is.
 */
GNotification *
sportello_application_due_notification (SportelloApplication *self,
                                        guint                *n_due)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GDate) today = sportello_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GNotification *notification;

  *n_due = 0;
  if (self->database == NULL)
    return NULL;

  due = sportello_follow_up_due_today (self->database, today, &error);
  if (due == NULL || due->len == 0)
    return NULL;

  for (guint i = 0; i < due->len && i < 3; i++)
    {
      SportelloFollowUp *f = g_ptr_array_index (due, i);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      /* Translators: a follow-up in a notification: client, then what to do */
      g_string_append_printf (body, _("%s: %s"), sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_CLIENT_NAME),
                              sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_TEXT));
    }
  if (due->len > 3)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", due->len - 3), due->len - 3);
    }

  *n_due = due->len;
  title = g_strdup_printf (ngettext ("%u follow-up due today", "%u follow-ups due today", due->len), due->len);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_default_action (notification, "app.show-todo");

  return notification;
}

/* Sends the notification of what is due today, or withdraws it */
static void
notify_due (SportelloApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  guint n_due;

  notification = sportello_application_due_notification (self, &n_due);
  if (notification != NULL)
    g_application_send_notification (G_APPLICATION (self), "due-today", notification);
  else
    g_application_withdraw_notification (G_APPLICATION (self), "due-today");
}

static guint
seconds_to_midnight (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                         g_date_time_get_month (tomorrow),
                                                         g_date_time_get_day_of_month (tomorrow), 0, 0, 5);

  return (guint) MAX (60, g_date_time_difference (midnight, now) / G_USEC_PER_SEC);
}

static gboolean
midnight_cb (gpointer data)
{
  SportelloApplication *self = data;

  /* a new day: what falls due today, while the app runs */
  notify_due (self);
  self->midnight_source = g_timeout_add_seconds (seconds_to_midnight (), midnight_cb, self);
  return G_SOURCE_REMOVE;
}

static void
sportello_application_activate (GApplication *app)
{
  SportelloApplication *self = SPORTELLO_APPLICATION (app);
  GtkWindow *window;

  gboolean made = FALSE;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (sportello_window_new (self));
      made = TRUE;

      if (self->midnight_source == 0)
        {
          notify_due (self);
          self->midnight_source = g_timeout_add_seconds (seconds_to_midnight (), midnight_cb, self);
        }
    }

  gtk_window_present (window);

  /* the first start asks who the consultant is, once */
  if (made && self->database != NULL && sportello_welcome_dialog_is_due (self->settings))
    adw_dialog_present (ADW_DIALOG (sportello_welcome_dialog_new (self->settings)), GTK_WIDGET (window));
}

static int
sportello_application_command_line (GApplication            *app,
                                    GApplicationCommandLine *command_line)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) argv = NULL;
  int argc;

  argv = g_application_command_line_get_arguments (command_line, &argc);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, argv[i]));

  if (files->len > 0)
    g_application_open (app, (GFile **) files->pdata, files->len, "");
  else
    g_application_activate (app);

  return 0;
}

/* A *.sportello file opened from the file manager: previewed, then imported */
static void
sportello_application_open (GApplication  *app,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (SPORTELLO_IS_WINDOW (window) && n_files > 0)
    sportello_handoff_import (SPORTELLO_WINDOW (window), files[0]);
}

static void
sportello_application_startup (GApplication *app)
{
  SportelloApplication *self = SPORTELLO_APPLICATION (app);

  sportello_memory_init ();
  g_application_set_resource_base_path (app, RESOURCE_PATH);

  G_APPLICATION_CLASS (sportello_application_parent_class)->startup (app);

  gtk_source_init ();
  spelling_init ();

  gtk_window_set_default_icon_name (APP_ID);

  _sportello_application_actions_init (self);
}

static void
sportello_application_shutdown (GApplication *app)
{
  g_clear_handle_id (&SPORTELLO_APPLICATION (app)->midnight_source, g_source_remove);

  G_APPLICATION_CLASS (sportello_application_parent_class)->shutdown (app);
}

static void
sportello_application_finalize (GObject *object)
{
  SportelloApplication *self = (SportelloApplication *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_error (&self->database_error);

  G_OBJECT_CLASS (sportello_application_parent_class)->finalize (object);
}

static void
sportello_application_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SportelloApplication *self = SPORTELLO_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_application_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SportelloApplication *self = SPORTELLO_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_set_str (&self->data_dir, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_application_class_init (SportelloApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sportello_application_finalize;
  object_class->get_property = sportello_application_get_property;
  object_class->set_property = sportello_application_set_property;

  app_class->activate = sportello_application_activate;
  app_class->command_line = sportello_application_command_line;
  app_class->open = sportello_application_open;
  app_class->startup = sportello_application_startup;
  app_class->shutdown = sportello_application_shutdown;

  /**
   * SportelloApplication:data-dir:
   *
   * The folder of the database, or %NULL for the user data folder.
   */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_application_init (SportelloApplication *self)
{
  self->settings = g_settings_new (BASE_APP_ID);
  sportello_backups_follow_settings (self->settings);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

SportelloApplication *
sportello_application_new (const char *data_dir)
{
  return g_object_new (SPORTELLO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "data-dir", data_dir,
                       NULL);
}
