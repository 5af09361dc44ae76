/* sportello-checklist-item-object.c: one item of a checklist being read or edited
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view of one SportelloChecklistItem of the checklist a page holds,
 * by its place: the properties read the item and the writable ones
 * (title, why, how, blocker, na-allowed) change it, with notify, so a
 * row binds them and the page hears of every edit. Adding or removing
 * an item moves the others, so the page makes new objects then; when the
 * page goes, it detaches them and they read as empty.
 */

#define G_LOG_DOMAIN "sportello-checklist-item-object"

#include "config.h"

#include "sportello-checklist-item-object.h"

struct _SportelloChecklistItemObject
{
  SportelloChecklistPartObject parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloChecklistItemObject, sportello_checklist_item_object, SPORTELLO_TYPE_CHECKLIST_PART_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_WHY,
  PROP_HOW,
  PROP_BLOCKER,
  PROP_NA_ALLOWED,
  PROP_NA_HINT,
  PROP_LEGAL_BASIS,
  PROP_VERIFIED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sportello_checklist_item_object_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  SportelloChecklistItem *it = sportello_checklist_part_object_get_part (SPORTELLO_CHECKLIST_PART_OBJECT (object));

  if (it == NULL)
    {
      g_param_value_set_default (pspec, value);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, it->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, it->title);
      break;
    case PROP_WHY:
      g_value_set_string (value, it->why);
      break;
    case PROP_HOW:
      g_value_set_string (value, it->how);
      break;
    case PROP_BLOCKER:
      g_value_set_boolean (value, it->blocker);
      break;
    case PROP_NA_ALLOWED:
      g_value_set_boolean (value, it->na_allowed);
      break;
    case PROP_NA_HINT:
      g_value_set_string (value, it->na_hint);
      break;
    case PROP_LEGAL_BASIS:
      g_value_set_string (value, it->legal_basis);
      break;
    case PROP_VERIFIED_ON:
      g_value_set_string (value, it->verified_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_checklist_item_object_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  SportelloChecklistItem *it = sportello_checklist_part_object_get_part (SPORTELLO_CHECKLIST_PART_OBJECT (object));
  gboolean changed = FALSE;

  if (it == NULL)
    return;

  switch (prop_id)
    {
    case PROP_TITLE:
      changed = g_set_str (&it->title, g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case PROP_WHY:
      changed = g_set_str (&it->why, g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case PROP_HOW:
      changed = g_set_str (&it->how, g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case PROP_BLOCKER:
      changed = it->blocker != g_value_get_boolean (value);
      it->blocker = g_value_get_boolean (value);
      break;
    case PROP_NA_ALLOWED:
      changed = it->na_allowed != g_value_get_boolean (value);
      it->na_allowed = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
sportello_checklist_item_object_class_init (SportelloChecklistItemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  SPORTELLO_CHECKLIST_PART_OBJECT_CLASS (klass)->parts_offset = G_STRUCT_OFFSET (SportelloChecklist, items);
  object_class->get_property = sportello_checklist_item_object_get_property;
  object_class->set_property = sportello_checklist_item_object_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_WHY] = g_param_spec_string ("why", NULL, NULL, NULL, rw);
  properties[PROP_HOW] = g_param_spec_string ("how", NULL, NULL, NULL, rw);
  properties[PROP_BLOCKER] = g_param_spec_boolean ("blocker", NULL, NULL, FALSE, rw);
  properties[PROP_NA_ALLOWED] = g_param_spec_boolean ("na-allowed", NULL, NULL, FALSE, rw);
  properties[PROP_NA_HINT] = g_param_spec_string ("na-hint", NULL, NULL, NULL, ro);
  properties[PROP_LEGAL_BASIS] = g_param_spec_string ("legal-basis", NULL, NULL, NULL, ro);
  properties[PROP_VERIFIED_ON] = g_param_spec_string ("verified-on", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_checklist_item_object_init (SportelloChecklistItemObject *self)
{
}

/**
 * sportello_checklist_item_object_new:
 * @checklist: (transfer none): kept by the caller while the object is attached
 * @index: the item's place in @checklist
 *
 * Returns: (transfer full): a view of the item
 */
SportelloChecklistItemObject *
sportello_checklist_item_object_new (SportelloChecklist *checklist,
                                     guint               index)
{
  return sportello_checklist_part_object_new (SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT, checklist, index);
}
