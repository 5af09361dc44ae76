/* sportello-checklist-part-object.c: one area or item of a checklist, by its place
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared part of SportelloChecklistAreaObject and
 * SportelloChecklistItemObject: a view of one element of the checklist a
 * page holds (not ours), by its place in the array the subclass names,
 * and its fields as properties (strings, booleans, whole numbers): the
 * readable ones read the element, the writable ones change it, with
 * notify, so a row binds them and the page hears of every edit. When the
 * page goes, it detaches them and they read as empty.
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

/* where in the element a property's field is */
static GQuark
field_offset_quark (void)
{
  return g_quark_from_static_string ("sportello-checklist-part-field-offset");
}

static gpointer
field (SportelloChecklistPartObject *self,
       GParamSpec                   *pspec)
{
  gpointer part = sportello_checklist_part_object_get_part (self);

  if (part == NULL)
    return NULL;
  return (char *) part + GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, field_offset_quark ()));
}

static void
sportello_checklist_part_object_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  gpointer f = field (SPORTELLO_CHECKLIST_PART_OBJECT (object), pspec);

  if (f == NULL)
    {
      g_param_value_set_default (pspec, value);
      return;
    }

  switch (G_PARAM_SPEC_VALUE_TYPE (pspec))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char **) f);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) f);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(guint *) f);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_checklist_part_object_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  gpointer f = field (SPORTELLO_CHECKLIST_PART_OBJECT (object), pspec);
  gboolean changed = FALSE;

  if (f == NULL)
    return;

  switch (G_PARAM_SPEC_VALUE_TYPE (pspec))
    {
    case G_TYPE_STRING:
      changed = g_set_str ((char **) f, g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case G_TYPE_BOOLEAN:
      changed = *(gboolean *) f != g_value_get_boolean (value);
      *(gboolean *) f = g_value_get_boolean (value);
      break;
    case G_TYPE_UINT:
      changed = *(guint *) f != g_value_get_uint (value);
      *(guint *) f = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
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
 * sportello_checklist_part_object_class_install_field:
 * @klass: a subclass's class, in its class_init
 * @pspec: (transfer full): a string, boolean or uint property; writable
 *   ones want %G_PARAM_EXPLICIT_NOTIFY
 * @offset: where its field is in the element, by G_STRUCT_OFFSET()
 *
 * Installs on @klass a property that reads, and if writable changes,
 * one field of the part. A subclass installs its properties only so.
 */
void
sportello_checklist_part_object_class_install_field (SportelloChecklistPartObjectClass *klass,
                                                     GParamSpec                        *pspec,
                                                     gsize                              offset)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (SPORTELLO_IS_CHECKLIST_PART_OBJECT_CLASS (klass));
  g_return_if_fail (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING ||
                    G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_BOOLEAN ||
                    G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_UINT);

  /* GObject does not inherit these: the subclass gets ours */
  object_class->get_property = sportello_checklist_part_object_get_property;
  object_class->set_property = sportello_checklist_part_object_set_property;
  g_param_spec_set_qdata (pspec, field_offset_quark (), GSIZE_TO_POINTER (offset));
  g_object_class_install_property (object_class, ++klass->n_fields, pspec);
}

/**
 * sportello_checklist_part_object_new:
 * @type: a subclass, such as %SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT
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
