/* sportello-checklist-area-object.h: one area of a checklist being edited
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-checklist-part-object.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLIST_AREA_OBJECT (sportello_checklist_area_object_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistAreaObject, sportello_checklist_area_object, SPORTELLO, CHECKLIST_AREA_OBJECT, SportelloChecklistPartObject)

G_END_DECLS
