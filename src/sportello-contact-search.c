/* sportello-contact-search.c: clients' people found by a search, as rows
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people of the clients a search finds, a row each (their name, the
 * client's and their e-mail address), named by the contact's uuid for
 * the row-activated handler: for the dialogs that link someone who
 * registered to one of our clients' people.
 */

#define G_LOG_DOMAIN "sportello-contact-search"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-list.h"
#include "sportello-client.h"
#include "sportello-contact-search.h"
#include "sportello-contact.h"

/* rows shown at the most */
#define MAX_RESULTS 12

/**
 * sportello_contact_search_show:
 * @results: the list the rows go in, in place of those there
 * @db: where the clients are
 * @text: what was typed: under two characters, nothing is searched
 * @icon_name: the icon at the end of each row, for what activating it does
 *
 * Fills @results with the people of the clients that match @text, and
 * shows it only when something was found.
 */
void
sportello_contact_search_show (GtkListBox        *results,
                               SportelloDatabase *db,
                               const char        *text,
                               const char        *icon_name)
{
  g_autoptr(SportelloClientList) clients = sportello_client_list_new (db);
  guint shown = 0;

  gtk_list_box_remove_all (results);
  gtk_widget_set_visible (GTK_WIDGET (results), FALSE);
  if (g_utf8_strlen (text, -1) < 2)
    return;

  sportello_client_list_set_search (clients, text);
  if (!sportello_client_list_refresh (clients, NULL))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (clients)) && shown < MAX_RESULTS; i++)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (clients), i);
      g_autoptr(GListModel) contacts = sportello_contact_list_for_client (db, sportello_client_get_uuid (client), NULL);

      for (guint j = 0; contacts && j < g_list_model_get_n_items (contacts) && shown < MAX_RESULTS; j++, shown++)
        {
          g_autoptr(SportelloContact) contact = g_list_model_get_item (contacts, j);
          const char *email = sportello_contact_get (contact, SPORTELLO_CONTACT_EMAIL);
          /* Translators: a contact's client and e-mail address, as in “Tessitura Lariana · anna@example.it” */
          g_autofree char *subtitle = email[0]
            ? g_strdup_printf (_("%s · %s"), sportello_client_get (client, SPORTELLO_CLIENT_NAME), email)
            : g_strdup (sportello_client_get (client, SPORTELLO_CLIENT_NAME));
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_contact_get (contact, SPORTELLO_CONTACT_NAME));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_name (row, sportello_contact_get (contact, SPORTELLO_CONTACT_UUID));
          gtk_list_box_append (results, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (results), shown > 0);
}
