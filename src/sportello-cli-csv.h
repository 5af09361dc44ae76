/* sportello-cli-csv.h: the command line for spreadsheets
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

int sportello_cli_import_csv (SportelloDatabase *db,
                              const char        *path,
                              gboolean           dry_run,
                              gboolean           skip_invalid,
                              gboolean           merge_duplicates);
int sportello_cli_export_csv (SportelloDatabase *db,
                              const char        *path);

G_END_DECLS
