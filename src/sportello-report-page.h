/* sportello-report-page.h: the Resoconto section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"
#include "sportello-statistics.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_REPORT_PAGE (sportello_report_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloReportPage, sportello_report_page, SPORTELLO, REPORT_PAGE, GtkWidget)

#define SPORTELLO_TYPE_REPORT_CHART_VIEW (sportello_report_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SportelloReportChartView, sportello_report_chart_view, SPORTELLO, REPORT_CHART_VIEW, GtkWidget)

void                 sportello_report_page_set_period      (SportelloReportPage  *self,
                                                            const char           *from,
                                                            const char           *to);
SportelloStatistics *sportello_report_page_get_statistics  (SportelloReportPage  *self);
SportelloStatistics *sportello_report_page_get_previous    (SportelloReportPage  *self);
gboolean             sportello_report_page_is_busy         (SportelloReportPage  *self);
gboolean             sportello_report_page_export_pdf      (SportelloReportPage  *self,
                                                            GFile                *file,
                                                            GError              **error);
gboolean             sportello_report_page_load_network    (SportelloReportPage  *self,
                                                            GListModel           *files,
                                                            GError              **error);

/* the network's figures read in from the Resoconto, if any, for the
 * assessment's results */
SportelloStatistics *sportello_report_get_network          (SportelloContext     *context);

G_END_DECLS
