/* sportello-csv.h: a small, strict reader of CSV files (RFC 4180)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SPORTELLO_CSV_ERROR (sportello_csv_error_quark ())

typedef enum
{
  SPORTELLO_CSV_ERROR_ENCODING,   /* neither UTF-8 nor Windows-1252, or a NUL byte */
  SPORTELLO_CSV_ERROR_SYNTAX,     /* a stray quote, a quoted field left open */
  SPORTELLO_CSV_ERROR_FIELDS,     /* a row with more or fewer fields than the header */
  SPORTELLO_CSV_ERROR_EMPTY,      /* no header row */
  SPORTELLO_CSV_ERROR_TOO_LARGE,
} SportelloCsvError;

/* A CSV file larger than this is refused before it is read */
#define SPORTELLO_CSV_MAX_SIZE (256 * 1024 * 1024)

typedef struct
{
  guint   line;     /* the row's number as a spreadsheet shows it: the
                     * header is 1; a line break inside quotes does not
                     * count, a blank line does */
  char  **fields;   /* UTF-8, exactly as written (not trimmed) */
} SportelloCsvRow;

typedef struct
{
  char        separator;   /* ',', ';' or '\t' */
  const char *encoding;    /* "UTF-8", "UTF-16" or "Windows-1252" */
  gboolean    had_bom;
  char      **header;      /* the first row */
  guint       n_columns;
  GPtrArray  *rows;        /* SportelloCsvRow, the header not included; blank rows left out */
} SportelloCsv;

GQuark        sportello_csv_error_quark    (void);
SportelloCsv *sportello_csv_parse          (const char          *data,
                                            gsize                length,
                                            GError             **error);
SportelloCsv *sportello_csv_load           (const char          *path,
                                            GError             **error);
void          sportello_csv_free           (SportelloCsv        *csv);
int           sportello_csv_find_column    (SportelloCsv        *csv,
                                            const char * const  *names);
int           sportello_csv_find_column_containing (SportelloCsv *csv,
                                            const char * const  *words,
                                            const char * const  *unless);
char         *sportello_csv_normalize_header (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloCsv, sportello_csv_free)

G_END_DECLS
