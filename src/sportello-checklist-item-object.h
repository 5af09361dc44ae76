/* sportello-checklist-item-object.h: one item of a checklist being read or edited
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sportello-checklist.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT (sportello_checklist_item_object_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistItemObject, sportello_checklist_item_object, SPORTELLO, CHECKLIST_ITEM_OBJECT, GObject)

SportelloChecklistItemObject *sportello_checklist_item_object_new       (SportelloChecklist           *checklist,
                                                                         guint                         index);
guint                         sportello_checklist_item_object_get_index (SportelloChecklistItemObject *self);
void                          sportello_checklist_item_object_detach    (SportelloChecklistItemObject *self);

G_END_DECLS
