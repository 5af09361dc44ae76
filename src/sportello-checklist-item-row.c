/* sportello-checklist-item-row.c: a checklist item, to read or to edit
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row shows its SportelloChecklistItemObject through the bindings of
 * its .ui. Editable, it keeps the entry and switch rows, bound both ways
 * to the item, and a button for checklist.remove-item; read-only, the
 * rows that say why the item matters, how to check it and what law it
 * rests on.
 */

#define G_LOG_DOMAIN "sportello-checklist-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-checklist-item-row.h"
#include "sportello-format.h"
#include "sportello-item-text.h"

struct _SportelloChecklistItemRow
{
  AdwExpanderRow                parent_instance;

  SportelloChecklistItemObject *item;
  gboolean                      editable;

  GtkWidget                    *title_row;
  GtkWidget                    *why_row;
  GtkWidget                    *how_row;
  GtkWidget                    *blocker_row;
  GtkWidget                    *na_row;
  GtkWidget                    *remove_row;
  GtkWidget                    *remove_button;
  GtkWidget                    *why_read_row;
  GtkWidget                    *how_read_row;
  GtkWidget                    *na_read_row;
  GtkWidget                    *legal_read_row;
};

G_DEFINE_FINAL_TYPE (SportelloChecklistItemRow, sportello_checklist_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------- closures ---- */

static char *
display_title (SportelloChecklistItemRow *self,
               const char                *title)
{
  return g_strdup (title != NULL && title[0] != '\0' ? title : _("New item"));
}

static char *
item_subtitle (SportelloChecklistItemRow *self,
               const char                *id,
               gboolean                   blocker)
{
  return blocker ? g_strdup_printf ("%s · %s", id ? id : "", _("Blocking")) : g_strdup (id ? id : "");
}

static char *
capitalized (SportelloChecklistItemRow *self,
             const char                *text)
{
  return sportello_capitalize (text ? text : "");
}

static gboolean
has_text (SportelloChecklistItemRow *self,
          const char                *text)
{
  return text != NULL && text[0] != '\0';
}

static char *
legal_text (SportelloChecklistItemRow *self,
            const char                *legal_basis,
            const char                *verified_on)
{
  g_autofree char *text = sportello_item_text_legal_basis (legal_basis, verified_on);

  return sportello_capitalize (text);
}

/* ---------------------------------------------------------- setup ---- */

/* the rows of the other mode go; the template keeps them alive till dispose */
static void
drop_rows (SportelloChecklistItemRow *self,
           GtkWidget                 *rows[],
           guint                      n)
{
  for (guint i = 0; i < n; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), rows[i]);
}

static void
sportello_checklist_item_row_constructed (GObject *object)
{
  SportelloChecklistItemRow *self = SPORTELLO_CHECKLIST_ITEM_ROW (object);
  GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  G_OBJECT_CLASS (sportello_checklist_item_row_parent_class)->constructed (object);

  if (self->editable)
    {
      GtkWidget *read[] = { self->why_read_row, self->how_read_row, self->na_read_row, self->legal_read_row };

      drop_rows (self, read, G_N_ELEMENTS (read));
      if (self->item == NULL)
        return;
      g_object_bind_property (self->item, "title", self->title_row, "text", both);
      g_object_bind_property (self->item, "why", self->why_row, "text", both);
      g_object_bind_property (self->item, "how", self->how_row, "text", both);
      g_object_bind_property (self->item, "blocker", self->blocker_row, "active", both);
      g_object_bind_property (self->item, "na-allowed", self->na_row, "active", both);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "u",
                                        sportello_checklist_part_object_get_index (SPORTELLO_CHECKLIST_PART_OBJECT (self->item)));
    }
  else
    {
      GtkWidget *edit[] = { self->title_row, self->why_row, self->how_row, self->blocker_row, self->na_row, self->remove_row };

      drop_rows (self, edit, G_N_ELEMENTS (edit));
      if (self->item != NULL)
        {
          g_autofree char *verified_on = NULL;

          g_object_get (self->item, "verified-on", &verified_on, NULL);
          if (sportello_item_text_needs_review (verified_on))
            adw_action_row_add_suffix (ADW_ACTION_ROW (self->legal_read_row), sportello_item_text_review_warning (FALSE));
        }
    }
}

/* -------------------------------------------------------- GObject ---- */

static void
sportello_checklist_item_row_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  SportelloChecklistItemRow *self = SPORTELLO_CHECKLIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_checklist_item_row_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  SportelloChecklistItemRow *self = SPORTELLO_CHECKLIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_checklist_item_row_dispose (GObject *object)
{
  SportelloChecklistItemRow *self = SPORTELLO_CHECKLIST_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CHECKLIST_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (sportello_checklist_item_row_parent_class)->dispose (object);
}

static void
sportello_checklist_item_row_class_init (SportelloChecklistItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sportello_checklist_item_row_constructed;
  object_class->dispose = sportello_checklist_item_row_dispose;
  object_class->get_property = sportello_checklist_item_row_get_property;
  object_class->set_property = sportello_checklist_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-checklist-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, why_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, how_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, blocker_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, na_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, remove_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, why_read_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, how_read_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, na_read_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistItemRow, legal_read_row);
  gtk_widget_class_bind_template_callback (widget_class, display_title);
  gtk_widget_class_bind_template_callback (widget_class, item_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, capitalized);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, legal_text);
}

static void
sportello_checklist_item_row_init (SportelloChecklistItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sportello_checklist_item_row_new (SportelloChecklistItemObject *item,
                                  gboolean                      editable)
{
  g_return_val_if_fail (SPORTELLO_IS_CHECKLIST_ITEM_OBJECT (item), NULL);

  return g_object_new (SPORTELLO_TYPE_CHECKLIST_ITEM_ROW, "item", item, "editable", editable, NULL);
}

/**
 * sportello_checklist_item_row_get_item:
 *
 * Returns: (transfer none): the item the row shows
 */
SportelloChecklistItemObject *
sportello_checklist_item_row_get_item (SportelloChecklistItemRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CHECKLIST_ITEM_ROW (self), NULL);

  return self->item;
}
