/* sportello-client-grants.c: a client's grant applications and the open calls that fit it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group of the client page. An application opens its dialog; a call
 * opens its page in the Grant Calls section (win.open-grant-call). The
 * group follows the calls, the applications and the client by itself.
 */

#define G_LOG_DOMAIN "sportello-client-grants"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-grants.h"
#include "sportello-grant-application.h"
#include "sportello-grant-application-dialog.h"
#include "sportello-grant-call-page.h"
#include "sportello-grant-match.h"
#include "sportello-grants-section.h"
#include "sportello-section.h"

struct _SportelloClientGrants
{
  AdwPreferencesGroup  parent_instance;

  SportelloContext    *context;
  char                *client_uuid;
  gboolean             following;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (SportelloClientGrants, sportello_client_grants, ADW_TYPE_PREFERENCES_GROUP)

static void
row_activated_cb (SportelloClientGrants *self,
                  GtkListBoxRow         *row)
{
  const char *call_uuid = g_object_get_data (G_OBJECT (row), "call-uuid");
  g_autoptr(GError) error = NULL;

  if (call_uuid == NULL)
    return;
  if (g_object_get_data (G_OBJECT (row), "application"))
    {
      if (!sportello_grant_application_open (GTK_WIDGET (self), self->context, self->client_uuid, call_uuid, &error))
        sportello_context_toast_error (self->context, error);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-grant-call", "s", call_uuid);
}

static GtkWidget *
add_row (SportelloClientGrants *self,
         const char            *title,
         const char            *subtitle,
         const char            *call_uuid,
         gboolean               application)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (call_uuid != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "call-uuid", g_strdup (call_uuid), g_free);
      g_object_set_data (G_OBJECT (row), "application", GINT_TO_POINTER (application));
    }
  gtk_list_box_append (self->list, row);
  return row;
}

static void
reload (SportelloClientGrants *self)
{
  SportelloDatabase *db;
  g_autoptr(GListModel) applications = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GHashTable) applied = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  guint n_shown = 0;

  gtk_list_box_remove_all (self->list);
  if (self->context == NULL)
    return;
  db = sportello_context_get_database (self->context);

  /* a client just deleted has neither: the page goes away */
  applications = sportello_grant_application_list (db, self->client_uuid, NULL, &error);
  if (applications == NULL)
    {
      g_debug ("Cannot list the client's applications: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; applications && i < g_list_model_get_n_items (applications); i++)
    {
      g_autoptr(SportelloGrantApplication) a = g_list_model_get_item (applications, i);
      const char *call_uuid = sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_CALL_UUID);
      /* Translators: an application on the client page: its status, as in “Domanda: Presentata” */
      g_autofree char *subtitle = g_strdup_printf (_("Application: %s"),
                                                   sportello_grant_application_status_label (sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_STATUS)));

      add_row (self, sportello_grant_application_get (a, SPORTELLO_GRANT_APPLICATION_CALL_TITLE), subtitle, call_uuid, TRUE);
      g_hash_table_add (applied, (gpointer) g_intern_string (call_uuid));
      n_shown++;
    }

  calls = sportello_grant_match_calls (db, self->client_uuid, now, &error);
  if (calls == NULL)
    g_debug ("Cannot match the open calls: %s", error->message);
  for (guint i = 0; calls && i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr(SportelloGrantMatch) m = g_list_model_get_item (calls, i);
      g_autofree char *subtitle = NULL;

      if (g_hash_table_contains (applied, g_intern_string (sportello_grant_match_get_call_uuid (m))))
        continue;
      subtitle = sportello_grant_match_describe (m);
      add_row (self, sportello_grant_match_get_call_title (m), subtitle, sportello_grant_match_get_call_uuid (m), FALSE);
      n_shown++;
    }

  if (n_shown == 0)
    gtk_widget_add_css_class (add_row (self, _("No open call fits this client"), NULL, NULL, FALSE), "dim-label");
}

static void
reload_cb (GtkWidget *widget)
{
  reload (SPORTELLO_CLIENT_GRANTS (widget));
}

static void
sportello_client_grants_dispose (GObject *object)
{
  SportelloClientGrants *self = (SportelloClientGrants *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->client_uuid, g_free);

  G_OBJECT_CLASS (sportello_client_grants_parent_class)->dispose (object);
}

static void
sportello_client_grants_class_init (SportelloClientGrantsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sportello_client_grants_dispose;
}

static void
sportello_client_grants_init (SportelloClientGrants *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Grant Applications"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), _("Its applications, and the open calls it fits or may fit"));
  self->list = sportello_group_add_list (ADW_PREFERENCES_GROUP (self), _("Grant Applications"));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

void
sportello_client_grants_set_client (SportelloClientGrants *self,
                                    SportelloContext      *context,
                                    const char            *client_uuid)
{
  static const char * const follows[] = {
    SPORTELLO_CHANGE_GRANT_CALL, SPORTELLO_CHANGE_GRANT_APPLICATION, NULL
  };

  g_return_if_fail (SPORTELLO_IS_CLIENT_GRANTS (self));

  g_set_object (&self->context, context);
  g_free (self->client_uuid);
  self->client_uuid = g_strdup (client_uuid);
  reload (self);
  if (!self->following && context != NULL)
    {
      sportello_widget_follow (GTK_WIDGET (self), sportello_context_get_database (context), follows, reload_cb);
      self->following = TRUE;
    }
}
