/* sportello-registration-dialog.c: one person registered for an event
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who registered (name, e-mail, firm as they wrote it), whether they are
 * one of our clients' people, and their consent to be contacted about
 * the event, with its legal basis recorded as for clients. Someone new is
 * linked to a contact found by a search, or made a new client in one
 * step. What is changed is stored shortly after, and at once when the
 * dialog closes.
 */

#define G_LOG_DOMAIN "sportello-registration-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-autosave.h"
#include "sportello-binding.h"
#include "sportello-client-list.h"
#include "sportello-client.h"
#include "sportello-contact-search.h"
#include "sportello-contact.h"
#include "sportello-date-entry.h"
#include "sportello-format.h"
#include "sportello-registration-dialog.h"
#include "sportello-registration.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

#define AUTOSAVE_DELAY_MS 500

struct _SportelloRegistrationDialog
{
  AdwDialog              parent_instance;

  SportelloContext      *context;
  SportelloRegistration *registration;
  SportelloAutosave      autosave;

  AdwEntryRow           *name_row;
  AdwEntryRow           *email_row;
  AdwEntryRow           *firm_row;
  AdwEntryRow           *notes_row;
  AdwPreferencesGroup   *client_group;
  GtkWidget             *client_box;
  GtkSearchEntry        *search;
  GtkListBox            *results;
  AdwSwitchRow          *consent_row;
  AdwEntryRow           *consent_date_row;
  AdwComboRow           *consent_basis_row;
  AdwEntryRow           *consent_note_row;
};

G_DEFINE_FINAL_TYPE (SportelloRegistrationDialog, sportello_registration_dialog, ADW_TYPE_DIALOG)

#define DATABASE(self) (sportello_context_get_database ((self)->context))

static const char *
registration_uuid (SportelloRegistrationDialog *self)
{
  return sportello_registration_get (self->registration, SPORTELLO_REGISTRATION_UUID);
}

/* The fields reach the registration through their bindings as they are
 * typed; a consent date that is no day does not, and waits */
static gboolean
save (GtkWidget  *widget,
      GError    **error)
{
  SportelloRegistrationDialog *self = SPORTELLO_REGISTRATION_DIALOG (widget);
  g_autofree char *problem = NULL;
  g_autoptr(GDateTime) day = NULL;
  const char *date_text;
  gboolean has_time = FALSE;

  /* typed the Italian way (or ISO), stored as ISO; a half-typed date waits */
  date_text = gtk_editable_get_text (GTK_EDITABLE (self->consent_date_row));
  if (date_text[0] != '\0')
    {
      if ((day = sportello_parse_date_input (date_text, NULL, &has_time)) == NULL || has_time)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->consent_date_row), "error");
          return TRUE;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self->consent_date_row), "error");
    }

  /* what is half typed (an e-mail address) is no failure to retry */
  if ((problem = sportello_registration_check (self->registration)))
    {
      adw_dialog_set_title (ADW_DIALOG (self), problem);
      return TRUE;
    }
  if (!sportello_registration_save (self->registration, DATABASE (self), error))
    return FALSE;

  adw_dialog_set_title (ADW_DIALOG (self), sportello_registration_get (self->registration, SPORTELLO_REGISTRATION_NAME));
  return TRUE;
}

static void
toast_cb (GtkWidget *owner,
          AdwToast  *toast)
{
  sportello_context_toast (SPORTELLO_REGISTRATION_DIALOG (owner)->context, toast);
}

static void
changed_cb (SportelloRegistrationDialog *self)
{
  sportello_autosave_schedule (&self->autosave);
}

static void
closed_cb (SportelloRegistrationDialog *self)
{
  sportello_autosave_flush (&self->autosave);
}

/* ------------------------------------------------------- the client ---- */

static void fill_client_group (SportelloRegistrationDialog *self);

/* the registration as stored now, with its contact's client */
static gboolean
reload (SportelloRegistrationDialog  *self,
        GError                      **error)
{
  g_autoptr(SportelloRegistration) fresh = sportello_registration_load (DATABASE (self), registration_uuid (self), error);

  if (fresh == NULL)
    return FALSE;
  /* into the registration the rows are bound to: they show it, and what
   * is stored already is nothing to store again */
  g_signal_handlers_block_by_func (self->registration, changed_cb, self);
  for (guint i = 0; i < SPORTELLO_REGISTRATION_N_TEXT_FIELDS; i++)
    sportello_registration_set (self->registration, i, sportello_registration_get (fresh, i));
  sportello_registration_set_consent_given (self->registration, sportello_registration_get_consent_given (fresh));
  g_signal_handlers_unblock_by_func (self->registration, changed_cb, self);
  fill_client_group (self);
  return TRUE;
}

static void
make_client_cb (SportelloRegistrationDialog *self)
{
  sportello_registration_dialog_make_client (self);
}

static void
result_activated_cb (GtkListBox                  *list,
                     GtkListBoxRow               *row,
                     SportelloRegistrationDialog *self)
{
  sportello_registration_dialog_link_contact (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
search_changed_cb (GtkSearchEntry              *entry,
                   SportelloRegistrationDialog *self)
{
  sportello_contact_search_show (self->results, DATABASE (self),
                                 gtk_editable_get_text (GTK_EDITABLE (entry)), "insert-link-symbolic");
}

static void
fill_client_group (SportelloRegistrationDialog *self)
{
  const char *contact = sportello_registration_get (self->registration, SPORTELLO_REGISTRATION_CONTACT_UUID);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->client_box)))
    gtk_box_remove (GTK_BOX (self->client_box), child);
  self->search = NULL;
  self->results = NULL;

  if (contact[0] != '\0')
    {
      GtkWidget *list = sportello_boxed_list_new ();
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_group_set_description (self->client_group, NULL);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sportello_registration_get (self->registration, SPORTELLO_REGISTRATION_CLIENT_NAME));
      /* Translators: under a client's name, in a registration for an event */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The person is one of this client’s contacts"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_box_append (GTK_BOX (self->client_box), list);
      return;
    }

  adw_preferences_group_set_description (self->client_group,
                                         _("Someone who is not one of our clients’ contacts yet: link them to a contact, or make a new client of their firm"));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("Make a _New Client"));

    gtk_widget_set_halign (button, GTK_ALIGN_START);
    gtk_widget_add_css_class (button, "pill");
    g_signal_connect_swapped (button, "clicked", G_CALLBACK (make_client_cb), self);
    gtk_box_append (GTK_BOX (self->client_box), button);
  }

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_placeholder_text (self->search, _("Search clients to link a contact"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search clients to link a contact"), -1);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (self->client_box), GTK_WIDGET (self->search));

  self->results = GTK_LIST_BOX (sportello_boxed_list_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contacts found"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  g_signal_connect (self->results, "row-activated", G_CALLBACK (result_activated_cb), self);
  gtk_box_append (GTK_BOX (self->client_box), GTK_WIDGET (self->results));
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_registration_dialog_dispose (GObject *object)
{
  SportelloRegistrationDialog *self = (SportelloRegistrationDialog *)object;

  sportello_autosave_flush (&self->autosave);
  sportello_autosave_cancel (&self->autosave);
  g_clear_object (&self->registration);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sportello_registration_dialog_parent_class)->dispose (object);
}

static void
sportello_registration_dialog_class_init (SportelloRegistrationDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sportello_registration_dialog_dispose;
}

static void
sportello_registration_dialog_init (SportelloRegistrationDialog *self)
{
  sportello_autosave_init (&self->autosave, GTK_WIDGET (self), AUTOSAVE_DELAY_MS, save, toast_cb);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}

/* A field bound to its row: a change of it is stored shortly */
static void
bind (SportelloRegistrationDialog *self,
      GBinding                    *binding)
{
  g_autofree char *signal = g_strconcat ("notify::", g_binding_get_source_property (binding), NULL);

  g_signal_connect_object (self->registration, signal, G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

/* Making the bindings fills the rows and changes nothing */
static void
bind_fields (SportelloRegistrationDialog *self)
{
  SportelloRegistration *r = self->registration;
  struct { AdwEntryRow *row; SportelloRegistrationField field; } texts[] = {
    { self->name_row, SPORTELLO_REGISTRATION_NAME },
    { self->email_row, SPORTELLO_REGISTRATION_EMAIL },
    { self->firm_row, SPORTELLO_REGISTRATION_FIRM },
    { self->notes_row, SPORTELLO_REGISTRATION_NOTES },
    { self->consent_note_row, SPORTELLO_REGISTRATION_CONSENT_NOTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    bind (self, sportello_bind_text (r, sportello_binding_field_property (r, texts[i].field), texts[i].row));
  bind (self, g_object_bind_property (r, "consent-given", self->consent_row, "active", SPORTELLO_BINDING_FLAGS));
  bind (self, sportello_bind_day (r, sportello_binding_field_property (r, SPORTELLO_REGISTRATION_CONSENT_DATE),
                                  self->consent_date_row, TRUE));
  bind (self, sportello_bind_term (r, sportello_binding_field_property (r, SPORTELLO_REGISTRATION_CONSENT_BASIS),
                                   self->consent_basis_row, SPORTELLO_VOCABULARY_CONSENT_BASIS, TRUE, ""));
  /* a date typed that is no day does not reach the registration, but the
   * save that says so is due all the same */
  g_signal_connect_object (self->consent_date_row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

SportelloRegistrationDialog *
sportello_registration_dialog_new (SportelloContext  *context,
                                   const char        *uuid,
                                   GError           **error)
{
  g_autoptr(SportelloRegistration) registration = NULL;
  SportelloRegistrationDialog *self;
  GtkWidget *toolbar, *page, *row;
  AdwPreferencesGroup *group;

  if (!(registration = sportello_registration_load (sportello_context_get_database (context), uuid, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_REGISTRATION_DIALOG,
                       "title", sportello_registration_get (registration, SPORTELLO_REGISTRATION_NAME),
                       "content-width", 520, "content-height", 640, NULL);
  self->context = g_object_ref (context);
  self->registration = g_steal_pointer (&registration);

  toolbar = adw_toolbar_view_new ();
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), adw_header_bar_new ());
  page = adw_preferences_page_new ();
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), page);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  {
    /* Translators: a registration's status, as in “Stato: Presente” */
    g_autofree char *status = g_strdup_printf (_("Status: %s"),
                                               sportello_registration_status_label (sportello_registration_get (self->registration,
                                                                                                                SPORTELLO_REGISTRATION_STATUS)));

    adw_preferences_group_set_description (group, status);
  }
  self->name_row = sportello_binding_add_entry_row (group, _("_Name"));
  self->email_row = sportello_binding_add_entry_row (group, _("_E-mail"));
  adw_entry_row_set_input_purpose (self->email_row, GTK_INPUT_PURPOSE_EMAIL);
  self->firm_row = sportello_binding_add_entry_row (group, _("_Firm"));
  self->notes_row = sportello_binding_add_entry_row (group, _("_Notes"));

  self->client_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->client_group, _("Client"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->client_group);
  self->client_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  adw_preferences_group_add (self->client_group, self->client_box);
  fill_client_group (self);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Consent to Be Contacted About the Event"));
  adw_preferences_group_set_description (group, _("Recorded as for clients: when it was given and on what legal basis"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  row = adw_switch_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Consent _given"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  self->consent_row = ADW_SWITCH_ROW (row);

  self->consent_date_row = sportello_binding_add_entry_row (group, _("Consent _date, as 25/11/2026"));
  sportello_date_entry_add_calendar (self->consent_date_row, FALSE);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Legal _basis"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  sportello_binding_fill_terms (ADW_COMBO_ROW (row), SPORTELLO_VOCABULARY_CONSENT_BASIS, C_("legal basis", "Not set"));
  adw_preferences_group_add (group, row);
  self->consent_basis_row = ADW_COMBO_ROW (row);

  self->consent_note_row = sportello_binding_add_entry_row (group, _("Privacy _note"));

  bind_fields (self);
  return self;
}

void
sportello_registration_dialog_flush (SportelloRegistrationDialog *self)
{
  g_return_if_fail (SPORTELLO_IS_REGISTRATION_DIALOG (self));

  sportello_autosave_flush (&self->autosave);
}

/**
 * sportello_registration_dialog_make_client:
 *
 * Makes a new client of the firm the person wrote, with the person as its
 * contact and their consent, and links the registration to it.
 */
gboolean
sportello_registration_dialog_make_client (SportelloRegistrationDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION_DIALOG (self), FALSE);

  sportello_autosave_flush (&self->autosave);
  if (!(client_uuid = sportello_registration_make_client (DATABASE (self), registration_uuid (self), &error)) ||
      !reload (self, &error))
    {
      sportello_context_toast_error (self->context, error);
      return FALSE;
    }

  /* Translators: %s is the new client's name */
  message = g_strdup_printf (_("“%s” added to the clients"),
                             sportello_registration_get (self->registration, SPORTELLO_REGISTRATION_CLIENT_NAME));
  sportello_context_toast (self->context, adw_toast_new (message));
  return TRUE;
}

/**
 * sportello_registration_dialog_link_contact:
 *
 * The person who registered is this contact of one of our clients.
 */
gboolean
sportello_registration_dialog_link_contact (SportelloRegistrationDialog *self,
                                            const char                  *contact_uuid)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION_DIALOG (self), FALSE);

  sportello_autosave_flush (&self->autosave);
  if (!sportello_registration_link_contact (DATABASE (self), registration_uuid (self), contact_uuid, &error) ||
      !reload (self, &error))
    {
      sportello_context_toast_error (self->context, error);
      return FALSE;
    }
  return TRUE;
}

GtkEditable *
sportello_registration_dialog_get_search (SportelloRegistrationDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION_DIALOG (self), NULL);

  return self->search ? GTK_EDITABLE (self->search) : NULL;
}

GtkListBox *
sportello_registration_dialog_get_results (SportelloRegistrationDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_REGISTRATION_DIALOG (self), NULL);

  return self->results;
}
