/* sportello-import-conflict-row.h: a record changed on both sides, in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-import-choice-row.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_IMPORT_CONFLICT_ROW (sportello_import_conflict_row_get_type ())

G_DECLARE_FINAL_TYPE (SportelloImportConflictRow, sportello_import_conflict_row, SPORTELLO, IMPORT_CONFLICT_ROW, SportelloImportChoiceRow)

GtkWidget             *sportello_import_conflict_row_new             (SportelloImportChoice      *item);
SportelloImportChoice *sportello_import_conflict_row_get_item        (SportelloImportConflictRow *self);
gboolean               sportello_import_conflict_row_get_take_theirs (SportelloImportConflictRow *self);
void                   sportello_import_conflict_row_set_take_theirs (SportelloImportConflictRow *self,
                                                                      gboolean                    take_theirs);

G_END_DECLS
