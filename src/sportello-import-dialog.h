/* sportello-import-dialog.h: what importing a bundle would change
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-bundle.h"

G_BEGIN_DECLS

/* more conflicts (or duplicates) than this get one choice for all */
#define SPORTELLO_IMPORT_DIALOG_MAX_LISTED 200

#define SPORTELLO_TYPE_IMPORT_DIALOG (sportello_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloImportDialog, sportello_import_dialog, SPORTELLO, IMPORT_DIALOG, AdwAlertDialog)

SportelloImportDialog   *sportello_import_dialog_new            (const char                  *name,
                                                                 SportelloBundle             *bundle,
                                                                 const SportelloImportCounts  counts[SPORTELLO_N_RECORD_KINDS],
                                                                 GPtrArray                   *conflicts,
                                                                 GPtrArray                   *duplicates);
GListModel              *sportello_import_dialog_get_conflicts  (SportelloImportDialog       *self);
GListModel              *sportello_import_dialog_get_duplicates (SportelloImportDialog       *self);
SportelloConflictPolicy  sportello_import_dialog_get_policy     (SportelloImportDialog       *self);
void                     sportello_import_dialog_apply_choices  (SportelloImportDialog       *self,
                                                                 SportelloBundle             *bundle);

G_END_DECLS
