/* sportello-client-events.c: the events a client's people attended
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group of the client page, most recent first. It follows the
 * database by itself, so the client page only places it; it is hidden
 * while nobody of the client has attended anything.
 */

#define G_LOG_DOMAIN "sportello-client-events"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-events.h"
#include "sportello-event.h"
#include "sportello-format.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

struct _SportelloClientEvents
{
  AdwPreferencesGroup  parent_instance;

  SportelloDatabase   *db;
  char                *client_uuid;
  guint                n_items;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (SportelloClientEvents, sportello_client_events, ADW_TYPE_PREFERENCES_GROUP)

static void
reload (GtkWidget *widget)
{
  SportelloClientEvents *self = SPORTELLO_CLIENT_EVENTS (widget);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  events = sportello_event_list_attended_by_client (self->db, self->client_uuid, &error);
  if (events == NULL)
    {
      g_debug ("Cannot list the client's events: %s", error->message);
      return;
    }

  gtk_list_box_remove_all (self->list);
  self->n_items = g_list_model_get_n_items (events);
  for (guint i = 0; i < self->n_items; i++)
    {
      g_autoptr(SportelloEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = sportello_format_date_long (sportello_event_get (event, SPORTELLO_EVENT_STARTS_AT));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: kind and date of an event, as in “Webinar · 8 dicembre 2026” */
      subtitle = g_strdup_printf (_("%s · %s"),
                                  sportello_vocabulary_label (SPORTELLO_VOCABULARY_EVENT_KIND,
                                                              sportello_event_get (event, SPORTELLO_EVENT_KIND)),
                                  date ? date : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_event_get (event, SPORTELLO_EVENT_TITLE));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_items > 0);
}

static void
sportello_client_events_finalize (GObject *object)
{
  SportelloClientEvents *self = (SportelloClientEvents *)object;

  g_free (self->client_uuid);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sportello_client_events_parent_class)->finalize (object);
}

static void
sportello_client_events_class_init (SportelloClientEventsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sportello_client_events_finalize;
}

static void
sportello_client_events_init (SportelloClientEvents *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Events Attended"));
  self->list = sportello_group_add_list (ADW_PREFERENCES_GROUP (self), _("Events Attended"));
}

GtkWidget *
sportello_client_events_new (SportelloDatabase *database,
                             const char        *client_uuid)
{
  /* attendance, an event's title or date, a person moving to another client */
  static const char * const follows[] = {
    SPORTELLO_CHANGE_EVENT, SPORTELLO_CHANGE_REGISTRATION, SPORTELLO_CHANGE_CONTACT, NULL
  };
  SportelloClientEvents *self;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (database), NULL);

  self = g_object_new (SPORTELLO_TYPE_CLIENT_EVENTS, NULL);
  self->db = g_object_ref (database);
  self->client_uuid = g_strdup (client_uuid);
  reload (GTK_WIDGET (self));
  sportello_widget_follow (GTK_WIDGET (self), database, follows, reload);

  return GTK_WIDGET (self);
}

guint
sportello_client_events_get_n_items (SportelloClientEvents *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_EVENTS (self), 0);

  return self->n_items;
}
