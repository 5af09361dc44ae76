/* sportello-preferences-dialog.c
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-backups-page.h"
#include "sportello-preferences-dialog.h"

struct _SportelloPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  AdwEntryRow          *consultant_name_row;
  AdwEntryRow          *consultant_email_row;
  AdwEntryRow          *hub_name_row;
  AdwSwitchRow         *spell_check_row;
  AdwComboRow          *retention_row;
};

G_DEFINE_FINAL_TYPE (SportelloPreferencesDialog, sportello_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* The retention periods offered, in years; 0 is never */
static const guint retention_years[] = { 0, 1, 2, 3, 5, 10 };

static gboolean
retention_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  int years = g_variant_get_int32 (variant);
  guint closest = 0;

  /* a value set elsewhere shows as the longest offered period within it */
  for (guint i = 0; i < G_N_ELEMENTS (retention_years); i++)
    if (years == 0 ? retention_years[i] == 0 : (retention_years[i] > 0 && retention_years[i] <= (guint) years))
      closest = i;

  g_value_set_uint (value, closest);
  return TRUE;
}

static GVariant *
retention_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (retention_years))
    return NULL;

  return g_variant_new_int32 ((int) retention_years[selected]);
}

static void
sportello_preferences_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPORTELLO_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (sportello_preferences_dialog_parent_class)->dispose (object);
}

static void
sportello_preferences_dialog_class_init (SportelloPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloPreferencesDialog, consultant_name_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloPreferencesDialog, consultant_email_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloPreferencesDialog, hub_name_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloPreferencesDialog, spell_check_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloPreferencesDialog, retention_row);
}

static void
sportello_preferences_dialog_init (SportelloPreferencesDialog *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (retention_years); i++)
    {
      g_autofree char *label = NULL;

      if (retention_years[i] == 0)
        /* Translators: review inactive clients after… never */
        label = g_strdup (C_("retention", "Never"));
      else
        label = g_strdup_printf (ngettext ("%u year", "%u years", retention_years[i]), retention_years[i]);
      gtk_string_list_append (periods, label);
    }
  adw_combo_row_set_model (self->retention_row, G_LIST_MODEL (periods));
}

SportelloPreferencesDialog *
sportello_preferences_dialog_new (SportelloApplication *application)
{
  SportelloPreferencesDialog *self;
  GSettings *settings;

  g_return_val_if_fail (SPORTELLO_IS_APPLICATION (application), NULL);

  self = g_object_new (SPORTELLO_TYPE_PREFERENCES_DIALOG, NULL);
  settings = sportello_application_get_settings (application);

  g_settings_bind (settings, "consultant-name", self->consultant_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "consultant-email", self->consultant_email_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "hub-name", self->hub_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "spell-check", self->spell_check_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "client-retention-years", self->retention_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, retention_get_mapping, retention_set_mapping,
                                NULL, NULL);

  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self),
                              ADW_PREFERENCES_PAGE (sportello_backups_page_new (application)));

  return self;
}
