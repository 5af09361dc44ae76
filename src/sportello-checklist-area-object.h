/* sportello-checklist-area-object.h: one area of a checklist being edited
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sportello-checklist.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLIST_AREA_OBJECT (sportello_checklist_area_object_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistAreaObject, sportello_checklist_area_object, SPORTELLO, CHECKLIST_AREA_OBJECT, GObject)

SportelloChecklistAreaObject *sportello_checklist_area_object_new       (SportelloChecklist           *checklist,
                                                                         guint                         index);
guint                         sportello_checklist_area_object_get_index (SportelloChecklistAreaObject *self);
void                          sportello_checklist_area_object_detach    (SportelloChecklistAreaObject *self);

G_END_DECLS
