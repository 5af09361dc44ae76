/* sportello-client-csv-private.h: what the files of the spreadsheet import
 * share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sportello-client-csv.c         the columns: which field each header names
 * sportello-client-csv-rows.c    each row made and checked as the editor
 *                                would, and what duplicates are looked up in
 * sportello-client-csv-import.c  every row decided, then written in one
 *                                transaction
 * sportello-client-csv-export.c  the clients out to a spreadsheet
 */

#pragma once

#include <sqlite3.h>

#include "sportello-client-csv.h"
#include "sportello-contact.h"
#include "sportello-vocabulary.h"

G_BEGIN_DECLS

/* the closed lists a client's fields take, from legal form to source */
#define SPORTELLO_CLIENT_CSV_N_VOCABULARIES (SPORTELLO_VOCABULARY_SOURCE + 1)

struct _SportelloClientCsv
{
  SportelloCsv *table;
  int          *targets;   /* one per column */
  /* per closed list, a value of the file → its id ("" for none): a
   * column has few distinct values, each looked up once */
  GHashTable   *values[SPORTELLO_CLIENT_CSV_N_VOCABULARIES];
};

/* ------------------------------------------ sportello-client-csv.c ---- */

gboolean     _sportello_client_csv_field_vocabulary (int                  target,
                                                     SportelloVocabulary *vocabulary);
const char  *_sportello_client_csv_vocabulary_id    (SportelloVocabulary  vocabulary,
                                                     const char          *value);
const char  *_sportello_client_csv_column_header    (SportelloClientCsv  *self,
                                                     int                  column,
                                                     int                  target);

/* ------------------------------------- sportello-client-csv-rows.c ---- */

typedef enum
{
  SPORTELLO_CLIENT_CSV_ROW_NEW,
  SPORTELLO_CLIENT_CSV_ROW_DUPLICATE,
  SPORTELLO_CLIENT_CSV_ROW_INVALID,
} SportelloClientCsvVerdict;

/* What is to be done with a row */
typedef struct
{
  SportelloClientCsvVerdict  verdict;
  SportelloClient           *client;       /* new: to write; duplicate: the row as a client */
  GPtrArray                 *contacts;     /* SportelloContact to add */
  gint64                     existing_id;  /* duplicate of a client already here */
  int                        earlier;      /* duplicate of an earlier new row, or -1 */
} SportelloClientCsvDecision;

/* What duplicates are looked up in */
typedef struct
{
  GHashTable   *ours;          /* "id:VAT or tax code", "name:name\ntown" → client id */
  sqlite3_stmt *describe;
  sqlite3_stmt *contact_exists;
} SportelloClientCsvLookups;

void      _sportello_client_csv_problem_free      (SportelloClientCsvProblem   *problem);
void      _sportello_client_csv_duplicate_free    (SportelloClientCsvDuplicate *duplicate);
void      _sportello_client_csv_decision_clear    (SportelloClientCsvDecision  *row);
gboolean  _sportello_client_csv_build_row         (SportelloClientCsv          *self,
                                                   SportelloCsvRow             *csv_row,
                                                   const int                    column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
                                                   SportelloClientCsvReport    *report,
                                                   SportelloClientCsvDecision  *row);
gboolean  _sportello_client_csv_fill_empty        (SportelloClient             *into,
                                                   SportelloClient             *from,
                                                   const int                    column_of[SPORTELLO_CLIENT_CSV_N_TARGETS],
                                                   gboolean                     apply);

void      _sportello_client_csv_lookups_clear     (SportelloClientCsvLookups   *lookups);
gboolean  _sportello_client_csv_lookups_init      (SportelloClientCsvLookups   *lookups,
                                                   SportelloDatabase           *db,
                                                   GError                     **error);
char     *_sportello_client_csv_name_key          (const char                  *name,
                                                   const char                  *municipality);
gint64    _sportello_client_csv_find_existing     (SportelloClientCsvLookups   *lookups,
                                                   const char                  *key);
void      _sportello_client_csv_describe_existing (SportelloClientCsvLookups   *lookups,
                                                   gint64                       id,
                                                   char                       **uuid,
                                                   char                       **name);
gboolean  _sportello_client_csv_contact_exists    (SportelloClientCsvLookups   *lookups,
                                                   gint64                       client_id,
                                                   SportelloContact            *contact);
gboolean  _sportello_client_csv_contact_in        (GPtrArray                   *contacts,
                                                   SportelloContact            *contact);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SportelloClientCsvLookups, _sportello_client_csv_lookups_clear)

G_END_DECLS
