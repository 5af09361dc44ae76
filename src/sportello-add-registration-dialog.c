/* sportello-add-registration-dialog.c: someone to register for an event
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contact found by a search among the clients, or someone new. The
 * dialog only asks: SportelloAddRegistrationDialog::register does the
 * registering (the event page), and the dialog closes once it is done.
 */

#define G_LOG_DOMAIN "sportello-add-registration-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-add-registration-dialog.h"
#include "sportello-contact-search.h"
#include "sportello-section.h"

struct _SportelloAddRegistrationDialog
{
  AdwDialog          parent_instance;

  SportelloDatabase *db;
  GtkSearchEntry    *search;
  GtkListBox        *results;
  AdwEntryRow       *name_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *firm_row;
};

G_DEFINE_FINAL_TYPE (SportelloAddRegistrationDialog, sportello_add_registration_dialog, ADW_TYPE_DIALOG)

enum {
  REGISTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
do_register (SportelloAddRegistrationDialog *self,
             const char                     *contact_uuid,
             const char                     *name,
             const char                     *email,
             const char                     *firm)
{
  gboolean done = FALSE;

  g_signal_emit (self, signals[REGISTER], 0, contact_uuid, name, email, firm, &done);
  if (done)
    adw_dialog_close (ADW_DIALOG (self));
}

static void
contact_activated_cb (GtkListBox                     *list,
                      GtkListBoxRow                  *row,
                      SportelloAddRegistrationDialog *self)
{
  do_register (self, gtk_widget_get_name (GTK_WIDGET (row)), NULL, NULL, NULL);
}

static void
search_changed_cb (GtkSearchEntry                 *entry,
                   SportelloAddRegistrationDialog *self)
{
  sportello_contact_search_show (self->results, self->db,
                                 gtk_editable_get_text (GTK_EDITABLE (entry)), "list-add-symbolic");
}

static void
add_new_cb (GtkButton                      *button,
            SportelloAddRegistrationDialog *self)
{
  do_register (self, NULL,
               gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
               gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
               gtk_editable_get_text (GTK_EDITABLE (self->firm_row)));
}

static void
sportello_add_registration_dialog_dispose (GObject *object)
{
  SportelloAddRegistrationDialog *self = (SportelloAddRegistrationDialog *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (sportello_add_registration_dialog_parent_class)->dispose (object);
}

static void
sportello_add_registration_dialog_class_init (SportelloAddRegistrationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sportello_add_registration_dialog_dispose;

  /**
   * SportelloAddRegistrationDialog::register:
   * @contact_uuid: (nullable): the contact picked, or %NULL for someone new
   * @name: (nullable): someone new's name
   * @email: (nullable): their e-mail
   * @firm: (nullable): their firm
   *
   * Returns: %TRUE when the registration was made (the dialog closes)
   */
  signals[REGISTER] = g_signal_new ("register", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, g_signal_accumulator_true_handled, NULL, NULL,
                                    G_TYPE_BOOLEAN, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
sportello_add_registration_dialog_init (SportelloAddRegistrationDialog *self)
{
  AdwDialog *dialog = ADW_DIALOG (self);
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *known = adw_preferences_group_new ();
  GtkWidget *someone = adw_preferences_group_new ();
  GtkWidget *fields = sportello_boxed_list_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Register"));

  adw_dialog_set_title (dialog, _("Add Registration"));
  adw_dialog_set_content_width (dialog, 480);
  adw_dialog_set_content_height (dialog, 560);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (known), _("A Client’s Contact"));
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_placeholder_text (self->search, _("Search clients"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search clients"), -1);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (known), GTK_WIDGET (self->search));
  self->results = GTK_LIST_BOX (sportello_boxed_list_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->results), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  g_signal_connect (self->results, "row-activated", G_CALLBACK (contact_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (known), GTK_WIDGET (self->results));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (someone), _("Someone New"));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  self->email_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  self->firm_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("_Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), _("_E-mail"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->firm_row), _("_Firm"));
  for (GtkWidget *r = GTK_WIDGET (self->name_row); r; r = r == GTK_WIDGET (self->name_row) ? GTK_WIDGET (self->email_row)
                                                         : r == GTK_WIDGET (self->email_row) ? GTK_WIDGET (self->firm_row) : NULL)
    {
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (r), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (fields), r);
    }
  adw_entry_row_set_input_purpose (self->email_row, GTK_INPUT_PURPOSE_EMAIL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (someone), fields);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (add_new_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (someone), button);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (known));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (someone));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), page);
  adw_dialog_set_child (dialog, view);
  adw_dialog_set_focus (dialog, GTK_WIDGET (self->search));
}

/**
 * sportello_add_registration_dialog_new:
 * @db: where the contacts are searched
 *
 * Returns: (transfer floating): the dialog, not shown yet
 */
SportelloAddRegistrationDialog *
sportello_add_registration_dialog_new (SportelloDatabase *db)
{
  SportelloAddRegistrationDialog *self;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  self = g_object_new (SPORTELLO_TYPE_ADD_REGISTRATION_DIALOG, NULL);
  self->db = g_object_ref (db);
  return self;
}
