/* sportello-client-page-contacts.c: the client page's People group
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The firm's people as rows, added and edited in the contact dialog,
 * removed with Undo.
 */

#define G_LOG_DOMAIN "sportello-client-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-client-page-private.h"
#include "sportello-contact-dialog.h"

#define show_error _sportello_client_page_show_error

static void
edit_contact (SportelloClientPage *self,
              SportelloContact    *contact)
{
  SportelloContactDialog *dialog = sportello_contact_dialog_new (self->db, contact);

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
add_contact_cb (SportelloClientPage *self)
{
  g_autoptr(SportelloContact) contact = sportello_contact_new (sportello_client_get_uuid (self->client));

  /* The first person added is the one to call */
  sportello_contact_set_is_primary (contact, g_list_model_get_n_items (self->contacts) == 0);
  edit_contact (self, contact);
}

void
_sportello_client_page_contacts_add_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *param)
{
  add_contact_cb (SPORTELLO_CLIENT_PAGE (widget));
}

void
_sportello_client_page_contact_activated_cb (SportelloClientPage *self,
                                             GtkListBoxRow       *row)
{
  g_autoptr(SportelloContact) contact = _sportello_client_page_item_of_row (self->contacts, GTK_WIDGET (row));

  if (contact != NULL)
    edit_contact (self, contact);
}

/* What Undo of a removed person needs after the page is gone */
typedef struct
{
  SportelloContext *context;
  SportelloContact *contact;
} ContactUndo;

static void
contact_undo_free (gpointer data)
{
  ContactUndo *undo = data;

  g_object_unref (undo->context);
  g_object_unref (undo->contact);
  g_free (undo);
}

static void
undo_contact_delete_cb (AdwToast    *toast,
                        ContactUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!sportello_contact_save (undo->contact, sportello_context_get_database (undo->context), &error))
    sportello_context_toast_error (undo->context, error);
}

static void
remove_contact_cb (SportelloClientPage *self,
                   GtkButton           *button)
{
  g_autoptr(SportelloContact) contact = _sportello_client_page_item_of_row (self->contacts, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  ContactUndo *undo;
  AdwToast *toast;

  if (contact == NULL)
    return;

  if (!sportello_contact_delete (self->db, sportello_contact_get (contact, SPORTELLO_CONTACT_UUID), &error))
    {
      show_error (self, error);
      return;
    }

  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("“%s” removed"), sportello_contact_get (contact, SPORTELLO_CONTACT_NAME));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (ContactUndo, 1);
  undo->context = g_object_ref (self->context);
  undo->contact = g_object_ref (contact);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_contact_delete_cb), undo,
                         (GClosureNotify) (void (*) (void)) contact_undo_free, 0);
  sportello_context_toast (self->context, toast);
}

GtkWidget *
_sportello_client_page_create_contact_row (gpointer item,
                                           gpointer user_data)
{
  SportelloContact *contact = item;
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *button;

  for (guint f = SPORTELLO_CONTACT_ROLE; f <= SPORTELLO_CONTACT_PHONE; f++)
    if (sportello_contact_get (contact, f)[0] != '\0')
      g_strv_builder_add (parts, sportello_contact_get (contact, f));
  strv = g_strv_builder_end (parts);
  subtitle = g_strjoinv (" · ", strv);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_contact_get (contact, SPORTELLO_CONTACT_NAME));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (sportello_contact_get_is_primary (contact))
    {
      GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

      _sportello_client_page_set_tooltip (star, _("Primary contact"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Primary contact"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
    }

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  _sportello_client_page_set_tooltip (button, _("Remove Person"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_contact_cb), user_data, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}
