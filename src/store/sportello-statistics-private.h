/* sportello-statistics-private.h: what the statistics' files share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics are split by what they do: sportello-statistics.c keeps
 * the table of figures and the format's rules by path,
 * sportello-statistics-period.c the periods, sportello-statistics-compute.c
 * and sportello-statistics-assessments.c make the desk's figures from the
 * database, sportello-statistics-file.c writes and reads the statistics
 * file, sportello-statistics-network.c sums the hubs' files.
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-statistics.h"

G_BEGIN_DECLS

struct _SportelloStatistics
{
  GObject     parent_instance;

  char       *from;
  char       *to;
  char       *hub;
  GPtrArray  *hub_names;   /* of a network sum */
  GHashTable *figures;     /* path → SportelloFigure */
  GPtrArray  *paths;       /* in order */
};

/* ------------------------------------------------------ the figures ---- */

void        _sportello_statistics_put_figure   (SportelloStatistics  *self,
                                                const char           *path,
                                                SportelloFigureState  state,
                                                double                value);
void        _sportello_statistics_put          (SportelloStatistics  *self,
                                                const char           *path,
                                                double                value);
void        _sportello_statistics_put_unknown  (SportelloStatistics  *self,
                                                const char           *path);
void        _sportello_statistics_putf         (SportelloStatistics  *self,
                                                double                value,
                                                const char           *format,
                                                ...) G_GNUC_PRINTF (3, 4);
void        _sportello_statistics_add_to       (SportelloStatistics  *self,
                                                const char           *path,
                                                double                value);

/* The rules of the format, by path */
gboolean    _sportello_statistics_is_quartile  (const char           *path);
guint       _sportello_statistics_decimals_for (const char           *path);
gboolean    _sportello_statistics_counts_firms (const char           *path);
char       *_sportello_statistics_weight_of    (const char           *path);
gboolean    _sportello_statistics_too_few      (double                count);
const char *_sportello_statistics_member_key   (const char           *id);

/* ----------------------------------------------------------- periods ---- */

gboolean    _sportello_statistics_read_iso_date (const char          *text,
                                                 GDate               *date);
char       *_sportello_statistics_date_to_iso   (const GDate         *date);
char       *_sportello_statistics_utc_start_of  (const char          *date,
                                                 int                  days);
char       *_sportello_statistics_day_after     (const char          *date);

/* ------------------------------------------------------------ compute ---- */

/* What the figures need of a client */
typedef struct
{
  gint64      id;
  const char *category;    /* group names, in Period.names */
  const char *province;
  const char *source;
  const char *size;
  gboolean    in_bin;
  gboolean    present;     /* in Period.by_id: a client of that id */
  gboolean    served;      /* in Period.served */
  guint       month;       /* 1 + the last month it was counted served in */
} Client;

typedef struct
{
  const char *from;          /* the days */
  const char *to;
  char       *to_next;       /* the day after @to */
  char       *from_utc;      /* the instants */
  char       *to_utc;        /* exclusive */
  GPtrArray  *month_keys;    /* "YYYY-MM" */
  GPtrArray  *month_starts;  /* UTC instant of each month's first day in the period */
  Client     *by_id;         /* every client, read once, at its id (those up to n_by_id) */
  gint64      n_by_id;
  GHashTable *clients;       /* id → Client: the others (ids far beyond the count) */
  GHashTable *names;         /* the group names the clients use, kept once */
  GPtrArray  *served;        /* of Client: those with a meeting in the period */
  gboolean    empty_bin;     /* no client in the bin */
} Period;

Client       *_sportello_statistics_counted_client      (Period               *period,
                                                         gint64                id);
sqlite3_stmt *_sportello_statistics_prepare_period      (SportelloDatabase    *db,
                                                         const char           *sql,
                                                         Period               *period,
                                                         GError              **error);
gboolean      _sportello_statistics_step_done           (SportelloDatabase    *db,
                                                         int                   rc,
                                                         GError              **error);
/* sportello-statistics-assessments.c */
gboolean      _sportello_statistics_compute_assessments (SportelloStatistics  *self,
                                                         SportelloDatabase    *db,
                                                         Period               *period,
                                                         GError              **error);

G_END_DECLS
