/* sportello-checklist-item-object.h: one item of a checklist being read or edited
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-checklist-part-object.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT (sportello_checklist_item_object_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistItemObject, sportello_checklist_item_object, SPORTELLO, CHECKLIST_ITEM_OBJECT, SportelloChecklistPartObject)

G_END_DECLS
