/* sportello-cli-report.h: the command line for the report and the statistics
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

gboolean sportello_cli_report_period     (const char         *from_text,
                                          const char         *to_text,
                                          char              **from,
                                          char              **to,
                                          int                *exit_code);
gboolean sportello_cli_report_check_path (const char         *path,
                                          int                *exit_code);
int      sportello_cli_export_statistics (SportelloDatabase  *db,
                                          const char         *path,
                                          const char         *from,
                                          const char         *to);
int      sportello_cli_report            (SportelloDatabase  *db,
                                          const char         *path,
                                          const char         *from,
                                          const char         *to);

G_END_DECLS
