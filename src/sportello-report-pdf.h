/* sportello-report-pdf.h: the Resoconto as a PDF, for sponsors; the
 * network's, side by side and summed
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sportello-statistics.h"

G_BEGIN_DECLS

gboolean sportello_report_write_pdf         (SportelloStatistics  *statistics,
                                             SportelloStatistics  *previous,
                                             const char           *consultant,
                                             const char           *path,
                                             GError              **error);
gboolean sportello_report_write_network_pdf (SportelloStatistics **hubs,
                                             guint                 n_hubs,
                                             const char           *path,
                                             GError              **error);

G_END_DECLS
