/* sportello-csv-import-dialog.h: the preview of a spreadsheet's clients
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CSV_IMPORT_DIALOG (sportello_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloCsvImportDialog, sportello_csv_import_dialog, SPORTELLO, CSV_IMPORT_DIALOG, AdwDialog)

SportelloCsvImportDialog *sportello_csv_import_dialog_new         (SportelloContext         *context,
                                                                   GFile                    *file);
gboolean                  sportello_csv_import_dialog_is_busy     (SportelloCsvImportDialog *self);
void                      sportello_csv_import_dialog_set_target  (SportelloCsvImportDialog *self,
                                                                   guint                     column,
                                                                   int                       target);

G_END_DECLS
