/* sportello-import-choice-row.c: a row whose switch accepts an import choice
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared part of the import dialog's conflict and duplicate rows:
 * an action row with a switch, made to look and read like an
 * AdwSwitchRow (which is final). The switch is a boolean property that
 * each subclass names (sportello_import_choice_row_class_install_active()),
 * bound both ways to the item's :accepted, which the apply step reads;
 * the subclass's update() names the item.
 */

#define G_LOG_DOMAIN "sportello-import-choice-row"

#include "config.h"

#include "sportello-import-choice-row.h"

typedef struct
{
  SportelloImportChoice *item;
  GBinding              *item_binding;
  gboolean               active;

  GtkSwitch             *toggle;
} SportelloImportChoiceRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SportelloImportChoiceRow, sportello_import_choice_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS,
  /* installed by each subclass, under its own name */
  PROP_ACTIVE = N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GParamSpec *
active_pspec (SportelloImportChoiceRow *self)
{
  GParamSpec *pspec = SPORTELLO_IMPORT_CHOICE_ROW_GET_CLASS (self)->active_pspec;

  g_assert (pspec != NULL);
  return pspec;
}

static void
sportello_import_choice_row_constructed (GObject *object)
{
  SportelloImportChoiceRow *self = SPORTELLO_IMPORT_CHOICE_ROW (object);
  SportelloImportChoiceRowPrivate *priv = sportello_import_choice_row_get_instance_private (self);

  G_OBJECT_CLASS (sportello_import_choice_row_parent_class)->constructed (object);

  g_object_bind_property (self, g_param_spec_get_name (active_pspec (self)), priv->toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
sportello_import_choice_row_dispose (GObject *object)
{
  SportelloImportChoiceRow *self = (SportelloImportChoiceRow *)object;
  SportelloImportChoiceRowPrivate *priv = sportello_import_choice_row_get_instance_private (self);

  g_clear_pointer (&priv->item_binding, g_binding_unbind);
  g_clear_object (&priv->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_IMPORT_CHOICE_ROW);

  G_OBJECT_CLASS (sportello_import_choice_row_parent_class)->dispose (object);
}

static void
sportello_import_choice_row_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SportelloImportChoiceRow *self = SPORTELLO_IMPORT_CHOICE_ROW (object);
  SportelloImportChoiceRowPrivate *priv = sportello_import_choice_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, priv->item);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, priv->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_choice_row_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  SportelloImportChoiceRow *self = SPORTELLO_IMPORT_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      sportello_import_choice_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_ACTIVE:
      sportello_import_choice_row_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_choice_row_class_init (SportelloImportChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sportello_import_choice_row_constructed;
  object_class->dispose = sportello_import_choice_row_dispose;
  object_class->get_property = sportello_import_choice_row_get_property;
  object_class->set_property = sportello_import_choice_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SPORTELLO_TYPE_IMPORT_CHOICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-import-choice-row.ui");
  gtk_widget_class_bind_template_child_private (widget_class, SportelloImportChoiceRow, toggle);
  /* as AdwSwitchRow does */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SWITCH);
}

static void
sportello_import_choice_row_init (SportelloImportChoiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
}

/**
 * sportello_import_choice_row_class_install_active:
 * @klass: a subclass's class, in its class_init
 * @name: the name of the switch's property, such as "merge" (a static string)
 *
 * Installs on @klass the boolean property that is the row's switch,
 * bound both ways to the item's :accepted. Every subclass calls it once,
 * and installs no properties of its own.
 */
void
sportello_import_choice_row_class_install_active (SportelloImportChoiceRowClass *klass,
                                                  const char                    *name)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (SPORTELLO_IS_IMPORT_CHOICE_ROW_CLASS (klass));
  g_return_if_fail (klass->active_pspec == NULL);

  /* the property is the subclass's, but it is read and written here:
   * GObject does not inherit get_property/set_property, so the subclass
   * gets ours (it has no properties of its own) */
  object_class->get_property = sportello_import_choice_row_get_property;
  object_class->set_property = sportello_import_choice_row_set_property;
  klass->active_pspec = g_param_spec_boolean (name, NULL, NULL, FALSE,
                                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_ACTIVE, klass->active_pspec);
}

SportelloImportChoice *
sportello_import_choice_row_get_item (SportelloImportChoiceRow *self)
{
  SportelloImportChoiceRowPrivate *priv = sportello_import_choice_row_get_instance_private (self);

  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CHOICE_ROW (self), NULL);

  return priv->item;
}

void
sportello_import_choice_row_set_item (SportelloImportChoiceRow *self,
                                      SportelloImportChoice    *item)
{
  SportelloImportChoiceRowPrivate *priv = sportello_import_choice_row_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_IMPORT_CHOICE_ROW (self));
  g_return_if_fail (!item || SPORTELLO_IS_IMPORT_CHOICE (item));

  if (priv->item == item)
    return;

  g_clear_pointer (&priv->item_binding, g_binding_unbind);
  g_set_object (&priv->item, item);
  if (item != NULL)
    {
      SPORTELLO_IMPORT_CHOICE_ROW_GET_CLASS (self)->update (self, item);
      priv->item_binding = g_object_bind_property (item, "accepted",
                                                   self, g_param_spec_get_name (active_pspec (self)),
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

gboolean
sportello_import_choice_row_get_active (SportelloImportChoiceRow *self)
{
  SportelloImportChoiceRowPrivate *priv = sportello_import_choice_row_get_instance_private (self);

  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CHOICE_ROW (self), FALSE);

  return priv->active;
}

void
sportello_import_choice_row_set_active (SportelloImportChoiceRow *self,
                                        gboolean                  active)
{
  SportelloImportChoiceRowPrivate *priv = sportello_import_choice_row_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_IMPORT_CHOICE_ROW (self));

  active = !!active;
  if (priv->active == active)
    return;

  priv->active = active;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, active, -1);
  g_object_notify_by_pspec (G_OBJECT (self), active_pspec (self));
}
