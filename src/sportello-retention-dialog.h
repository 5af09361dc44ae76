/* sportello-retention-dialog.h: the review of clients past retention
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_RETENTION_DIALOG (sportello_retention_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloRetentionDialog, sportello_retention_dialog, SPORTELLO, RETENTION_DIALOG, AdwDialog)

SportelloRetentionDialog *sportello_retention_dialog_new         (SportelloDatabase        *db,
                                                                  guint                     years);
guint                     sportello_retention_dialog_get_n_listed (SportelloRetentionDialog *self);
char                     *sportello_retention_describe           (guint                     n_clients,
                                                                  guint                     years);

G_END_DECLS
