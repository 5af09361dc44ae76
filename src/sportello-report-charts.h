/* sportello-report-charts.h: the report's figures and charts, for the
 * screen and for paper
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sportello-statistics.h"

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_REPORT_COUNT,
  SPORTELLO_REPORT_HOURS,
  SPORTELLO_REPORT_SCORE,
  SPORTELLO_REPORT_CHANGE,     /* a score's change, with its sign */
  SPORTELLO_REPORT_RATE,       /* 0…1, shown as a percentage */
  SPORTELLO_REPORT_EUROS,
} SportelloReportUnit;

/* One line of the report's table of figures */
typedef struct
{
  const char          *path;     /* in the statistics (sportello-statistics.h) */
  const char          *label;    /* N_() */
  SportelloReportUnit  unit;
  const char          *section;  /* N_(): the group of lines it starts, or NULL */
} SportelloReportFigure;

const SportelloReportFigure *sportello_report_figures        (guint                *n_figures);
char                        *sportello_report_format_figure  (const SportelloFigure *figure,
                                                              SportelloReportUnit   unit);
char                        *sportello_report_format_value   (SportelloStatistics  *statistics,
                                                              const char           *path,
                                                              SportelloReportUnit   unit);
char                        *sportello_report_format_change  (SportelloStatistics  *current,
                                                              SportelloStatistics  *previous,
                                                              const char           *path,
                                                              SportelloReportUnit   unit);
char                        *sportello_report_format_period  (const char           *from,
                                                              const char           *to);

typedef enum
{
  SPORTELLO_REPORT_CHART_MONTHLY,
  SPORTELLO_REPORT_CHART_CATEGORIES,
  SPORTELLO_REPORT_CHART_PROVINCES,
  SPORTELLO_REPORT_CHART_MEETING_KINDS,
  SPORTELLO_REPORT_CHART_SCORES,
  SPORTELLO_REPORT_N_CHARTS
} SportelloReportChartKind;

/* Colours as cairo takes them: red, green, blue, alpha */
typedef struct
{
  double text[4];
  double muted[4];      /* axis values, grid */
  double current[4];    /* bars of the period chosen */
  double previous[4];   /* bars of the period before */
  double font_size;     /* in user units: points on paper, pixels on screen */
  gboolean outline;     /* high contrast: bars drawn with an outline */
} SportelloChartStyle;

typedef struct _SportelloReportChart SportelloReportChart;

void                  sportello_chart_style_for_paper     (SportelloChartStyle      *style);

SportelloReportChart *sportello_report_chart_new          (SportelloReportChartKind  kind,
                                                           SportelloStatistics      *current,
                                                           SportelloStatistics      *previous);
void                  sportello_report_chart_free         (SportelloReportChart     *chart);
const char           *sportello_report_chart_get_title    (SportelloReportChart     *chart);
gboolean              sportello_report_chart_is_empty     (SportelloReportChart     *chart);
char                 *sportello_report_chart_describe     (SportelloReportChart     *chart);
double                sportello_report_chart_get_height   (SportelloReportChart     *chart,
                                                           const SportelloChartStyle *style);
void                  sportello_report_chart_draw         (SportelloReportChart     *chart,
                                                           cairo_t                  *cr,
                                                           double                    width,
                                                           const SportelloChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloReportChart, sportello_report_chart_free)

G_END_DECLS
