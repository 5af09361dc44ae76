/* sportello-client-csv.h: clients and their people from a spreadsheet, and
 * the client list out to one
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sportello-bundle.h"
#include "sportello-client.h"
#include "sportello-csv.h"

G_BEGIN_DECLS

/* What a column of the file goes to: a text field of the client
 * (0 … SPORTELLO_CLIENT_N_TEXT_FIELDS - 1), one of these, or nothing */
typedef enum
{
  SPORTELLO_CLIENT_CSV_IGNORED = -1,
  SPORTELLO_CLIENT_CSV_EMPLOYEES = SPORTELLO_CLIENT_N_TEXT_FIELDS,
  SPORTELLO_CLIENT_CSV_CONTACT_NAME,
  SPORTELLO_CLIENT_CSV_CONTACT_ROLE,
  SPORTELLO_CLIENT_CSV_CONTACT_EMAIL,
  SPORTELLO_CLIENT_CSV_CONTACT_PHONE,
  SPORTELLO_CLIENT_CSV_N_TARGETS
} SportelloClientCsvTarget;

typedef enum
{
  SPORTELLO_CLIENT_CSV_DRY_RUN          = 1 << 0,   /* decide and count, write nothing */
  SPORTELLO_CLIENT_CSV_SKIP_INVALID     = 1 << 1,   /* import the good rows, list the bad */
  SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES = 1 << 2,   /* fill a duplicate's empty fields */
} SportelloClientCsvFlags;

/* A bad row: "row 19, “Partita IVA”: wrong check digit: expected 7" */
typedef struct
{
  guint  line;      /* as the spreadsheet shows it; the header is 1 */
  int    column;    /* of the file, or -1 when the field has no column */
  char  *message;   /* the whole sentence, row and column named */
} SportelloClientCsvProblem;

/* A row that is already a client (or an earlier row of the file) */
typedef struct
{
  guint  line;
  char  *name;             /* the row's company name */
  char  *existing_uuid;    /* the client it matches, NULL for an earlier row */
  char  *existing_name;
  guint  same_as_line;     /* the earlier row it repeats, or 0 */
  char  *matched;          /* what matched: the column's header */
  gboolean merged;         /* with merge: some empty field was (would be) filled */
} SportelloClientCsvDuplicate;

typedef struct
{
  guint      rows;          /* rows read, the header not counted */
  guint      added;         /* new clients */
  guint      duplicates;    /* rows already here, not added */
  guint      merged;        /* duplicates whose empty fields were filled */
  guint      invalid;       /* bad rows */
  guint      contacts;      /* people added */
  gboolean   written;       /* FALSE for a dry run, or when bad rows stopped it */
  GPtrArray *problems;      /* SportelloClientCsvProblem, in row order */
  GPtrArray *duplicate_rows;  /* SportelloClientCsvDuplicate, in row order */
} SportelloClientCsvReport;

typedef struct _SportelloClientCsv SportelloClientCsv;

const int          *sportello_client_csv_targets        (guint                  *n_targets);
const char         *sportello_client_csv_target_label   (int                     target);
int                 sportello_client_csv_target_for_header (const char           *header);

SportelloClientCsv *sportello_client_csv_new            (SportelloCsv           *table);
SportelloClientCsv *sportello_client_csv_load           (const char             *path,
                                                         GError                **error);
void                sportello_client_csv_free           (SportelloClientCsv     *self);
SportelloCsv       *sportello_client_csv_get_table      (SportelloClientCsv     *self);
int                 sportello_client_csv_get_target     (SportelloClientCsv     *self,
                                                         guint                   column);
void                sportello_client_csv_set_target     (SportelloClientCsv     *self,
                                                         guint                   column,
                                                         int                     target);
SportelloClientCsvReport *sportello_client_csv_run      (SportelloClientCsv     *self,
                                                         SportelloDatabase      *db,
                                                         SportelloClientCsvFlags flags,
                                                         const char             *file_name,
                                                         SportelloProgressFunc   progress,
                                                         gpointer                user_data,
                                                         GError                **error);
void                sportello_client_csv_report_free    (SportelloClientCsvReport *report);

gboolean            sportello_client_csv_export         (SportelloDatabase      *db,
                                                         GListModel             *clients,
                                                         const char             *path,
                                                         guint                  *n_written,
                                                         GError                **error);
gboolean            sportello_client_csv_export_ids     (SportelloDatabase      *db,
                                                         GArray                 *ids,
                                                         const char             *path,
                                                         SportelloProgressFunc   progress,
                                                         gpointer                user_data,
                                                         guint                  *n_written,
                                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloClientCsv, sportello_client_csv_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloClientCsvReport, sportello_client_csv_report_free)

G_END_DECLS
