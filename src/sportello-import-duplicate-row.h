/* sportello-import-duplicate-row.h: a new client with a P.IVA of ours, in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-import-choice-row.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_IMPORT_DUPLICATE_ROW (sportello_import_duplicate_row_get_type ())

G_DECLARE_FINAL_TYPE (SportelloImportDuplicateRow, sportello_import_duplicate_row, SPORTELLO, IMPORT_DUPLICATE_ROW, SportelloImportChoiceRow)

GtkWidget             *sportello_import_duplicate_row_new       (SportelloImportChoice       *item);
SportelloImportChoice *sportello_import_duplicate_row_get_item  (SportelloImportDuplicateRow *self);
gboolean               sportello_import_duplicate_row_get_merge (SportelloImportDuplicateRow *self);
void                   sportello_import_duplicate_row_set_merge (SportelloImportDuplicateRow *self,
                                                                 gboolean                     merge);

G_END_DECLS
