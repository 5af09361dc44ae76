/* sportello-import-conflict-row.c: a record changed on both sides, in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names the record and when each side changed it; its switch is
 * :take-theirs, bound both ways to the item's :accepted, which the
 * apply step reads.
 */

#define G_LOG_DOMAIN "sportello-import-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-format.h"
#include "sportello-import-conflict-row.h"

struct _SportelloImportConflictRow
{
  AdwActionRow           parent_instance;

  SportelloImportChoice *item;
  GBinding              *item_binding;
  gboolean               take_theirs;

  GtkSwitch             *toggle;
};

G_DEFINE_FINAL_TYPE (SportelloImportConflictRow, sportello_import_conflict_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_TAKE_THEIRS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SportelloImportConflictRow *self)
{
  const SportelloConflict *conflict = sportello_import_choice_get_conflict (self->item);
  g_autofree char *ours = sportello_format_date_long (conflict->ours_updated_at);
  g_autofree char *theirs = sportello_format_date_long (conflict->theirs_updated_at);
  g_autofree char *subtitle = NULL;

  /* changed on the same day: the time tells them apart */
  if (g_strcmp0 (ours, theirs) == 0)
    {
      g_free (ours);
      g_free (theirs);
      ours = sportello_format_date_time (conflict->ours_updated_at);
      theirs = sportello_format_date_time (conflict->theirs_updated_at);
    }
  /* Translators: a conflict in an import: the kind of record, when each side changed it */
  subtitle = g_strdup_printf (_("%s · theirs changed on %s, ours on %s"),
                              sportello_record_kind_label (conflict->kind),
                              theirs ? theirs : "", ours ? ours : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 conflict->description && *conflict->description ? conflict->description
                                                                                 : sportello_record_kind_label (conflict->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
sportello_import_conflict_row_dispose (GObject *object)
{
  SportelloImportConflictRow *self = (SportelloImportConflictRow *)object;

  g_clear_pointer (&self->item_binding, g_binding_unbind);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_IMPORT_CONFLICT_ROW);

  G_OBJECT_CLASS (sportello_import_conflict_row_parent_class)->dispose (object);
}

static void
sportello_import_conflict_row_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  SportelloImportConflictRow *self = SPORTELLO_IMPORT_CONFLICT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_TAKE_THEIRS:
      g_value_set_boolean (value, self->take_theirs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_conflict_row_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  SportelloImportConflictRow *self = SPORTELLO_IMPORT_CONFLICT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      sportello_import_conflict_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_TAKE_THEIRS:
      sportello_import_conflict_row_set_take_theirs (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_conflict_row_class_init (SportelloImportConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_import_conflict_row_dispose;
  object_class->get_property = sportello_import_conflict_row_get_property;
  object_class->set_property = sportello_import_conflict_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SPORTELLO_TYPE_IMPORT_CHOICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SportelloImportConflictRow:take-theirs:
   *
   * Whether their version replaces ours: the row's switch.
   */
  properties[PROP_TAKE_THEIRS] =
    g_param_spec_boolean ("take-theirs", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-import-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloImportConflictRow, toggle);
  /* as AdwSwitchRow does */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SWITCH);
}

static void
sportello_import_conflict_row_init (SportelloImportConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
  g_object_bind_property (self, "take-theirs", self->toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GtkWidget *
sportello_import_conflict_row_new (SportelloImportChoice *item)
{
  return g_object_new (SPORTELLO_TYPE_IMPORT_CONFLICT_ROW, "item", item, NULL);
}

SportelloImportChoice *
sportello_import_conflict_row_get_item (SportelloImportConflictRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CONFLICT_ROW (self), NULL);

  return self->item;
}

void
sportello_import_conflict_row_set_item (SportelloImportConflictRow *self,
                                        SportelloImportChoice      *item)
{
  g_return_if_fail (SPORTELLO_IS_IMPORT_CONFLICT_ROW (self));
  g_return_if_fail (!item || SPORTELLO_IS_IMPORT_CHOICE (item));

  if (self->item == item)
    return;

  g_clear_pointer (&self->item_binding, g_binding_unbind);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      update (self);
      self->item_binding = g_object_bind_property (item, "accepted", self, "take-theirs",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

gboolean
sportello_import_conflict_row_get_take_theirs (SportelloImportConflictRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CONFLICT_ROW (self), FALSE);

  return self->take_theirs;
}

void
sportello_import_conflict_row_set_take_theirs (SportelloImportConflictRow *self,
                                               gboolean                    take_theirs)
{
  g_return_if_fail (SPORTELLO_IS_IMPORT_CONFLICT_ROW (self));

  take_theirs = !!take_theirs;
  if (self->take_theirs == take_theirs)
    return;

  self->take_theirs = take_theirs;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, take_theirs, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAKE_THEIRS]);
}
