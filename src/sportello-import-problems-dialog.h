/* sportello-import-problems-dialog.h: why a bundle cannot be imported
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPORTELLO_TYPE_IMPORT_PROBLEMS_DIALOG (sportello_import_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloImportProblemsDialog, sportello_import_problems_dialog, SPORTELLO, IMPORT_PROBLEMS_DIALOG, AdwAlertDialog)

SportelloImportProblemsDialog *sportello_import_problems_dialog_new      (const char                    *name,
                                                                         GPtrArray                     *problems);
GtkListBox                    *sportello_import_problems_dialog_get_list (SportelloImportProblemsDialog *self);

G_END_DECLS
