/* sportello-checklist-area-object.c: one area of a checklist being edited
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view of one SportelloChecklistArea of the checklist a page holds, by
 * its place: its title and weight, read and written with notify, for the
 * page's area rows to bind. When the page goes, it detaches them.
 */

#define G_LOG_DOMAIN "sportello-checklist-area-object"

#include "config.h"

#include "sportello-checklist-area-object.h"

struct _SportelloChecklistAreaObject
{
  SportelloChecklistPartObject parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloChecklistAreaObject, sportello_checklist_area_object, SPORTELLO_TYPE_CHECKLIST_PART_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sportello_checklist_area_object_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  SportelloChecklistArea *a = sportello_checklist_part_object_get_part (SPORTELLO_CHECKLIST_PART_OBJECT (object));

  if (a == NULL)
    {
      g_param_value_set_default (pspec, value);
      return;
    }

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, a->title);
      break;
    case PROP_WEIGHT:
      g_value_set_uint (value, a->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_checklist_area_object_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  SportelloChecklistArea *a = sportello_checklist_part_object_get_part (SPORTELLO_CHECKLIST_PART_OBJECT (object));
  gboolean changed = FALSE;

  if (a == NULL)
    return;

  switch (prop_id)
    {
    case PROP_TITLE:
      changed = g_set_str (&a->title, g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case PROP_WEIGHT:
      changed = a->weight != g_value_get_uint (value);
      a->weight = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
sportello_checklist_area_object_class_init (SportelloChecklistAreaObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  SPORTELLO_CHECKLIST_PART_OBJECT_CLASS (klass)->parts_offset = G_STRUCT_OFFSET (SportelloChecklist, areas);
  object_class->get_property = sportello_checklist_area_object_get_property;
  object_class->set_property = sportello_checklist_area_object_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_WEIGHT] = g_param_spec_uint ("weight", NULL, NULL, 0, 100, 0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_checklist_area_object_init (SportelloChecklistAreaObject *self)
{
}

/**
 * sportello_checklist_area_object_new:
 * @checklist: (transfer none): kept by the caller while the object is attached
 * @index: the area's place in @checklist
 *
 * Returns: (transfer full): a view of the area
 */
SportelloChecklistAreaObject *
sportello_checklist_area_object_new (SportelloChecklist *checklist,
                                     guint               index)
{
  return sportello_checklist_part_object_new (SPORTELLO_TYPE_CHECKLIST_AREA_OBJECT, checklist, index);
}
