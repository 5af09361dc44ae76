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

static void
sportello_checklist_item_object_class_init (SportelloChecklistItemObjectClass *klass)
{
  SportelloChecklistPartObjectClass *part_class = SPORTELLO_CHECKLIST_PART_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  part_class->parts_offset = G_STRUCT_OFFSET (SportelloChecklist, items);
#define FIELD(pspec, member) \
  sportello_checklist_part_object_class_install_field (part_class, pspec, G_STRUCT_OFFSET (SportelloChecklistItem, member))
  FIELD (g_param_spec_string ("id", NULL, NULL, NULL, ro), id);
  FIELD (g_param_spec_string ("title", NULL, NULL, NULL, rw), title);
  FIELD (g_param_spec_string ("why", NULL, NULL, NULL, rw), why);
  FIELD (g_param_spec_string ("how", NULL, NULL, NULL, rw), how);
  FIELD (g_param_spec_boolean ("blocker", NULL, NULL, FALSE, rw), blocker);
  FIELD (g_param_spec_boolean ("na-allowed", NULL, NULL, FALSE, rw), na_allowed);
  FIELD (g_param_spec_string ("na-hint", NULL, NULL, NULL, ro), na_hint);
  FIELD (g_param_spec_string ("legal-basis", NULL, NULL, NULL, ro), legal_basis);
  FIELD (g_param_spec_string ("verified-on", NULL, NULL, NULL, ro), verified_on);
#undef FIELD
}

static void
sportello_checklist_item_object_init (SportelloChecklistItemObject *self)
{
}
