/* sportello-report-xlsx.h: the report as a spreadsheet
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-statistics.h"

G_BEGIN_DECLS

gboolean sportello_report_write_xlsx (SportelloStatistics  *statistics,
                                      SportelloStatistics  *previous,
                                      const char           *path,
                                      GError              **error);

/* The translated name of a member of a group of the report:
 * ("firms_by_category", "retail") → “Retail”; a province code as it is */
char    *sportello_report_member_label (const char         *group,
                                        const char         *member);

G_END_DECLS
