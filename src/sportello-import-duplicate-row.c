/* sportello-import-duplicate-row.c: a new client with a P.IVA of ours, in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names their client and the one of ours it would join; its switch is
 * :merge, bound both ways to the item's :accepted, which the apply step
 * reads. Off by default: a merge is offered, not done unasked.
 */

#define G_LOG_DOMAIN "sportello-import-duplicate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-import-duplicate-row.h"

struct _SportelloImportDuplicateRow
{
  AdwActionRow           parent_instance;

  SportelloImportChoice *item;
  GBinding              *item_binding;
  gboolean               merge;

  GtkSwitch             *toggle;
};

G_DEFINE_FINAL_TYPE (SportelloImportDuplicateRow, sportello_import_duplicate_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_MERGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SportelloImportDuplicateRow *self)
{
  const SportelloConflict *match = sportello_import_choice_get_conflict (self->item);
  /* Translators: merging a client of a bundle into one of ours, named */
  g_autofree char *subtitle = g_strdup_printf (_("Merge into “%s”"), match->existing_description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), match->description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
sportello_import_duplicate_row_dispose (GObject *object)
{
  SportelloImportDuplicateRow *self = (SportelloImportDuplicateRow *)object;

  g_clear_pointer (&self->item_binding, g_binding_unbind);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_IMPORT_DUPLICATE_ROW);

  G_OBJECT_CLASS (sportello_import_duplicate_row_parent_class)->dispose (object);
}

static void
sportello_import_duplicate_row_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  SportelloImportDuplicateRow *self = SPORTELLO_IMPORT_DUPLICATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_MERGE:
      g_value_set_boolean (value, self->merge);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_duplicate_row_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  SportelloImportDuplicateRow *self = SPORTELLO_IMPORT_DUPLICATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      sportello_import_duplicate_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_MERGE:
      sportello_import_duplicate_row_set_merge (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_duplicate_row_class_init (SportelloImportDuplicateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_import_duplicate_row_dispose;
  object_class->get_property = sportello_import_duplicate_row_get_property;
  object_class->set_property = sportello_import_duplicate_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SPORTELLO_TYPE_IMPORT_CHOICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SportelloImportDuplicateRow:merge:
   *
   * Whether their client joins ours (its records added to ours) rather
   * than coming in as a new client: the row's switch.
   */
  properties[PROP_MERGE] =
    g_param_spec_boolean ("merge", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-import-duplicate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDuplicateRow, toggle);
  /* as AdwSwitchRow does */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SWITCH);
}

static void
sportello_import_duplicate_row_init (SportelloImportDuplicateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
  g_object_bind_property (self, "merge", self->toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GtkWidget *
sportello_import_duplicate_row_new (SportelloImportChoice *item)
{
  return g_object_new (SPORTELLO_TYPE_IMPORT_DUPLICATE_ROW, "item", item, NULL);
}

SportelloImportChoice *
sportello_import_duplicate_row_get_item (SportelloImportDuplicateRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_DUPLICATE_ROW (self), NULL);

  return self->item;
}

void
sportello_import_duplicate_row_set_item (SportelloImportDuplicateRow *self,
                                        SportelloImportChoice      *item)
{
  g_return_if_fail (SPORTELLO_IS_IMPORT_DUPLICATE_ROW (self));
  g_return_if_fail (!item || SPORTELLO_IS_IMPORT_CHOICE (item));

  if (self->item == item)
    return;

  g_clear_pointer (&self->item_binding, g_binding_unbind);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      update (self);
      self->item_binding = g_object_bind_property (item, "accepted", self, "merge",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

gboolean
sportello_import_duplicate_row_get_merge (SportelloImportDuplicateRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_DUPLICATE_ROW (self), FALSE);

  return self->merge;
}

void
sportello_import_duplicate_row_set_merge (SportelloImportDuplicateRow *self,
                                               gboolean                    merge)
{
  g_return_if_fail (SPORTELLO_IS_IMPORT_DUPLICATE_ROW (self));

  merge = !!merge;
  if (self->merge == merge)
    return;

  self->merge = merge;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, merge, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE]);
}
