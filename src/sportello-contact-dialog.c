/* sportello-contact-dialog.c: add or edit a person at a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-contact-dialog.h"

struct _SportelloContactDialog
{
  AdwDialog          parent_instance;

  SportelloDatabase *db;
  SportelloContact  *contact;

  AdwEntryRow       *name_row;
  AdwEntryRow       *role_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *phone_row;
  AdwSwitchRow      *primary_row;
  GtkLabel          *problem_label;
  GtkButton         *save_button;
};

G_DEFINE_FINAL_TYPE (SportelloContactDialog, sportello_contact_dialog, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  SportelloContactField field;
  gsize                 offset;
} entry_rows[] = {
  { SPORTELLO_CONTACT_NAME, G_STRUCT_OFFSET (SportelloContactDialog, name_row) },
  { SPORTELLO_CONTACT_ROLE, G_STRUCT_OFFSET (SportelloContactDialog, role_row) },
  { SPORTELLO_CONTACT_EMAIL, G_STRUCT_OFFSET (SportelloContactDialog, email_row) },
  { SPORTELLO_CONTACT_PHONE, G_STRUCT_OFFSET (SportelloContactDialog, phone_row) },
};

#define ENTRY_ROW(self, i) (*(GtkEditable **) G_STRUCT_MEMBER_P ((self), entry_rows[i].offset))

static void
read_widgets (SportelloContactDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_rows); i++)
    sportello_contact_set (self->contact, entry_rows[i].field, gtk_editable_get_text (ENTRY_ROW (self, i)));
  sportello_contact_set_is_primary (self->contact, adw_switch_row_get_active (self->primary_row));
}

static void
changed_cb (SportelloContactDialog *self)
{
  g_autofree char *problem = NULL;

  read_widgets (self);
  problem = sportello_contact_check (self->contact);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), problem == NULL);
  /* Say what is wrong only once something was typed */
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label),
                          problem != NULL && gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] != '\0');
  gtk_label_set_label (self->problem_label, problem ? problem : "");
}

static void
save_cb (SportelloContactDialog *self)
{
  g_autoptr(GError) error = NULL;

  read_widgets (self);
  if (!sportello_contact_save (self->contact, self->db, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->contact);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
sportello_contact_dialog_dispose (GObject *object)
{
  SportelloContactDialog *self = (SportelloContactDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CONTACT_DIALOG);
  g_clear_object (&self->contact);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sportello_contact_dialog_parent_class)->dispose (object);
}

static void
sportello_contact_dialog_class_init (SportelloContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_contact_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SPORTELLO_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloContactDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloContactDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloContactDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloContactDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloContactDialog, primary_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloContactDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloContactDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
}

static void
sportello_contact_dialog_init (SportelloContactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SportelloContactDialog *
sportello_contact_dialog_new (SportelloDatabase *db,
                              SportelloContact  *contact)
{
  SportelloContactDialog *self = g_object_new (SPORTELLO_TYPE_CONTACT_DIALOG, NULL);

  self->db = g_object_ref (db);
  self->contact = g_object_ref (contact);

  adw_dialog_set_title (ADW_DIALOG (self),
                        sportello_contact_get (contact, SPORTELLO_CONTACT_UUID)[0] ? _("Edit Person") : _("New Person"));
  for (guint i = 0; i < G_N_ELEMENTS (entry_rows); i++)
    gtk_editable_set_text (ENTRY_ROW (self, i), sportello_contact_get (contact, entry_rows[i].field));
  adw_switch_row_set_active (self->primary_row, sportello_contact_get_is_primary (contact));
  changed_cb (self);

  return self;
}
