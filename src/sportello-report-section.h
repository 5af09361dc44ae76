/* sportello-report-section.h: the Resoconto section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"
#include "sportello-statistics.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_REPORT_SECTION (sportello_report_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloReportSection, sportello_report_section, SPORTELLO, REPORT_SECTION, GtkWidget)

#define SPORTELLO_TYPE_REPORT_CHART_VIEW (sportello_report_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SportelloReportChartView, sportello_report_chart_view, SPORTELLO, REPORT_CHART_VIEW, GtkWidget)

void                 sportello_report_section_set_period      (SportelloReportSection  *self,
                                                            const char           *from,
                                                            const char           *to);
SportelloStatistics *sportello_report_section_get_statistics  (SportelloReportSection  *self);
SportelloStatistics *sportello_report_section_get_previous    (SportelloReportSection  *self);
gboolean             sportello_report_section_is_busy         (SportelloReportSection  *self);
gboolean             sportello_report_section_export_pdf      (SportelloReportSection  *self,
                                                            GFile                *file,
                                                            GError              **error);
gboolean             sportello_report_section_load_network    (SportelloReportSection  *self,
                                                            GListModel           *files,
                                                            GError              **error);

/* the network's figures read in from the Resoconto, if any, for the
 * assessment's results */
SportelloStatistics *sportello_report_get_network          (SportelloContext     *context);

G_END_DECLS
