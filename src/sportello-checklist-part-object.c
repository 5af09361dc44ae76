/* sportello-checklist-part-object.c: one area or item of a checklist, by its place
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared part of SportelloChecklistAreaObject and
 * SportelloChecklistItemObject: a view of one element of the checklist a
 * page holds (not ours), by its place in the array the subclass names.
 * When the page goes, it detaches them and they read as empty.
 */

#define G_LOG_DOMAIN "sportello-checklist-part-object"

#include "config.h"

#include "sportello-checklist-part-object.h"

typedef struct
{
  SportelloChecklist *checklist;   /* the page's, not ours */
  guint               index;
} SportelloChecklistPartObjectPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SportelloChecklistPartObject, sportello_checklist_part_object, G_TYPE_OBJECT)

static GArray *
parts (SportelloChecklistPartObjectClass *klass,
       SportelloChecklist                *checklist)
{
  return G_STRUCT_MEMBER (GArray *, checklist, klass->parts_offset);
}

static void
sportello_checklist_part_object_class_init (SportelloChecklistPartObjectClass *klass)
{
}

static void
sportello_checklist_part_object_init (SportelloChecklistPartObject *self)
{
}

/**
 * sportello_checklist_part_object_new:
 * @type: a subclass
 * @checklist: (transfer none): kept by the caller while the object is attached
 * @index: the part's place in @checklist
 *
 * Returns: (transfer full) (type SportelloChecklistPartObject): a view of the part
 */
gpointer
sportello_checklist_part_object_new (GType               type,
                                     SportelloChecklist *checklist,
                                     guint               index)
{
  g_autoptr(GTypeClass) klass = NULL;
  SportelloChecklistPartObject *self;
  SportelloChecklistPartObjectPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, SPORTELLO_TYPE_CHECKLIST_PART_OBJECT), NULL);
  g_return_val_if_fail (checklist != NULL, NULL);

  klass = g_type_class_ref (type);
  g_return_val_if_fail (index < parts ((SportelloChecklistPartObjectClass *) klass, checklist)->len, NULL);

  self = g_object_new (type, NULL);
  priv = sportello_checklist_part_object_get_instance_private (self);
  priv->checklist = checklist;
  priv->index = index;
  return self;
}

/**
 * sportello_checklist_part_object_get_part:
 *
 * Returns: (transfer none) (nullable): the element of the checklist's
 *   array, or %NULL when detached or no longer there
 */
gpointer
sportello_checklist_part_object_get_part (SportelloChecklistPartObject *self)
{
  SportelloChecklistPartObjectPrivate *priv = sportello_checklist_part_object_get_instance_private (self);
  GArray *array;

  g_return_val_if_fail (SPORTELLO_IS_CHECKLIST_PART_OBJECT (self), NULL);

  if (priv->checklist == NULL)
    return NULL;
  array = parts (SPORTELLO_CHECKLIST_PART_OBJECT_GET_CLASS (self), priv->checklist);
  if (priv->index >= array->len)
    return NULL;
  return array->data + (gsize) priv->index * g_array_get_element_size (array);
}

guint
sportello_checklist_part_object_get_index (SportelloChecklistPartObject *self)
{
  SportelloChecklistPartObjectPrivate *priv = sportello_checklist_part_object_get_instance_private (self);

  g_return_val_if_fail (SPORTELLO_IS_CHECKLIST_PART_OBJECT (self), 0);

  return priv->index;
}

/* the checklist is going: read as empty from now on */
void
sportello_checklist_part_object_detach (SportelloChecklistPartObject *self)
{
  SportelloChecklistPartObjectPrivate *priv = sportello_checklist_part_object_get_instance_private (self);

  g_return_if_fail (SPORTELLO_IS_CHECKLIST_PART_OBJECT (self));

  priv->checklist = NULL;
}
