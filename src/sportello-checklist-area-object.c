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

static void
sportello_checklist_area_object_class_init (SportelloChecklistAreaObjectClass *klass)
{
  SportelloChecklistPartObjectClass *part_class = SPORTELLO_CHECKLIST_PART_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  part_class->parts_offset = G_STRUCT_OFFSET (SportelloChecklist, areas);
#define FIELD(pspec, member) \
  sportello_checklist_part_object_class_install_field (part_class, pspec, G_STRUCT_OFFSET (SportelloChecklistArea, member))
  FIELD (g_param_spec_string ("title", NULL, NULL, NULL, rw), title);
  FIELD (g_param_spec_uint ("weight", NULL, NULL, 0, 100, 0, rw), weight);
#undef FIELD
}

static void
sportello_checklist_area_object_init (SportelloChecklistAreaObject *self)
{
}
