/* sportello-statistics.h: the desk's figures for a period, and the
 * statistics files the hubs of the network exchange
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure has the name it has in the statistics file
 * (docs/statistics-format.md), as a path of member names joined by dots:
 * "firms_served", "meetings.total", "meetings.by_kind.desk",
 * "firms_by_category.retail", "assessments.by_category.retail.p50",
 * "monthly.2026-03.meetings". A group ("meetings.by_kind",
 * "firms_by_province", "monthly", …) lists its members with
 * sportello_statistics_dup_members().
 */

#pragma once

#include <glib-object.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_STATISTICS_ERROR (sportello_statistics_error_quark ())

typedef enum
{
  SPORTELLO_STATISTICS_ERROR_PERIOD,    /* a date that is no date, or from after to */
  SPORTELLO_STATISTICS_ERROR_INVALID,   /* a statistics file that does not follow the format */
} SportelloStatisticsError;

/* Groups of fewer firms than this are written as null in the file */
#define SPORTELLO_STATISTICS_MIN_GROUP 5

/* The firm sizes of firms_by_size, by employees (docs/statistics-format.md):
 * micro < 10, piccola < 50, media < 250, grande from 250, unknown when the
 * client's employees are not known */

typedef enum
{
  SPORTELLO_FIGURE_EXACT,      /* known */
  SPORTELLO_FIGURE_UNKNOWN,    /* null in the file (a group of fewer than 5 firms), or not there */
  SPORTELLO_FIGURE_AT_LEAST,   /* a sum over hubs where some hub wrote null: value is a lower bound (“almeno”) */
  SPORTELLO_FIGURE_PARTIAL,    /* a mean or quartile over hubs where some hub wrote null: over the others only */
} SportelloFigureState;

typedef struct
{
  SportelloFigureState state;
  double               value;   /* 0 when unknown */
} SportelloFigure;

/* Where a score stands against the quartiles of the network */
typedef enum
{
  SPORTELLO_SCORE_BAND_UNKNOWN,       /* no quartiles for the category (or fewer than 5 firms) */
  SPORTELLO_SCORE_BAND_BOTTOM,        /* below p25 */
  SPORTELLO_SCORE_BAND_LOWER_MIDDLE,  /* p25 to below p50 */
  SPORTELLO_SCORE_BAND_UPPER_MIDDLE,  /* p50 to below p75 */
  SPORTELLO_SCORE_BAND_TOP,           /* p75 and above */
} SportelloScoreBand;

#define SPORTELLO_TYPE_STATISTICS (sportello_statistics_get_type ())

G_DECLARE_FINAL_TYPE (SportelloStatistics, sportello_statistics, SPORTELLO, STATISTICS, GObject)

GQuark               sportello_statistics_error_quark      (void);

/* Periods: dates are days in Europe/Rome, as "YYYY-MM-DD", both ends included */
char                *sportello_statistics_parse_date       (const char           *text,
                                                            GError              **error);
gboolean             sportello_statistics_check_period     (const char           *from,
                                                            const char           *to,
                                                            GError              **error);
void                 sportello_statistics_this_year        (char                **from,
                                                            char                **to);
void                 sportello_statistics_quarter          (int                   year,
                                                            int                   quarter,
                                                            char                **from,
                                                            char                **to);
void                 sportello_statistics_previous_period  (const char           *from,
                                                            const char           *to,
                                                            char                **previous_from,
                                                            char                **previous_to);

/* The desk's own figures, exact (nothing suppressed: that is for the file) */
SportelloStatistics *sportello_statistics_compute          (SportelloDatabase    *db,
                                                            const char           *from,
                                                            const char           *to,
                                                            GError              **error);

const char          *sportello_statistics_get_from         (SportelloStatistics  *self);
const char          *sportello_statistics_get_to           (SportelloStatistics  *self);
const char          *sportello_statistics_get_hub          (SportelloStatistics  *self);
gboolean             sportello_statistics_get_figure       (SportelloStatistics  *self,
                                                            const char           *path,
                                                            SportelloFigure      *figure);
double               sportello_statistics_get_value        (SportelloStatistics  *self,
                                                            const char           *path);
char               **sportello_statistics_dup_members      (SportelloStatistics  *self,
                                                            const char           *group);

/* The statistics file: counts and sums only, groups of fewer than 5 firms null */
char                *sportello_statistics_to_json          (SportelloStatistics  *self);
gboolean             sportello_statistics_write            (SportelloStatistics  *self,
                                                            const char           *path,
                                                            GError              **error);

/* The network: files of several hubs, checked, and their sum */
SportelloStatistics *sportello_statistics_new_from_data    (const char           *data,
                                                            gssize                length,
                                                            GError              **error);
SportelloStatistics *sportello_statistics_load             (const char           *path,
                                                            GError              **error);
SportelloStatistics *sportello_statistics_sum              (SportelloStatistics **hubs,
                                                            guint                 n_hubs);
guint                sportello_statistics_get_n_hubs       (SportelloStatistics  *self);
const char          *sportello_statistics_get_hub_name     (SportelloStatistics  *self,
                                                            guint                 index);

SportelloScoreBand   sportello_statistics_score_band       (SportelloStatistics  *self,
                                                            const char           *category,
                                                            double                score);
const char          *sportello_score_band_label            (SportelloScoreBand    band);

G_END_DECLS
