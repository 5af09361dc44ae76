/* sportello-checklist-item-row.h: a checklist item, to read or to edit
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-checklist-item-object.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLIST_ITEM_ROW (sportello_checklist_item_row_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistItemRow, sportello_checklist_item_row, SPORTELLO, CHECKLIST_ITEM_ROW, AdwExpanderRow)

GtkWidget                    *sportello_checklist_item_row_new      (SportelloChecklistItemObject *item,
                                                                     gboolean                      editable);
SportelloChecklistItemObject *sportello_checklist_item_row_get_item (SportelloChecklistItemRow    *self);

G_END_DECLS
