/* fuzz-csv.c: libFuzzer target for the CSV reader
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built and run by build-aux/run-fuzz.sh with clang and
 * -fsanitize=fuzzer,address,undefined. Besides crashes and leaks, it
 * checks the reader's promises: every row as wide as the header, UTF-8
 * fields, rows numbered upwards, and a table written out again (every
 * field quoted) reads back the same.
 */

#include "config.h"

#include <stdint.h>

#include "sportello-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
write_field (GString    *out,
             const char *field)
{
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_row (GString  *out,
           char    **fields,
           char      separator)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      write_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloCsv) csv = sportello_csv_parse ((const char *) data, size, &error);
  g_autoptr(SportelloCsv) again = NULL;
  g_autoptr(GString) out = NULL;
  const char * const mail[] = { "mail", NULL };
  guint last = 1;

  if (csv == NULL)
    {
      g_assert (error != NULL && error->domain == SPORTELLO_CSV_ERROR);
      return 0;
    }

  g_assert (csv->separator == ',' || csv->separator == ';' || csv->separator == '\t');
  g_assert (g_strv_length (csv->header) == csv->n_columns && csv->n_columns > 0);
  for (guint i = 0; i < csv->rows->len; i++)
    {
      SportelloCsvRow *row = g_ptr_array_index (csv->rows, i);

      g_assert (g_strv_length (row->fields) == csv->n_columns);
      g_assert (row->line > last);
      last = row->line;
      for (guint f = 0; f < csv->n_columns; f++)
        g_assert (g_utf8_validate (row->fields[f], -1, NULL));
    }
  (void) sportello_csv_find_column_containing (csv, mail, mail);
  (void) sportello_csv_find_column (csv, mail);

  /* written out again, every field quoted: the same table */
  out = g_string_new (NULL);
  write_row (out, csv->header, csv->separator);
  for (guint i = 0; i < csv->rows->len; i++)
    write_row (out, ((SportelloCsvRow *) g_ptr_array_index (csv->rows, i))->fields, csv->separator);
  again = sportello_csv_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert (again->rows->len == csv->rows->len);
  g_assert (again->n_columns == csv->n_columns);
  for (guint f = 0; f < csv->n_columns; f++)
    g_assert (g_str_equal (again->header[f], csv->header[f]));
  for (guint i = 0; i < csv->rows->len; i++)
    for (guint f = 0; f < csv->n_columns; f++)
      g_assert (g_str_equal (((SportelloCsvRow *) g_ptr_array_index (again->rows, i))->fields[f],
                             ((SportelloCsvRow *) g_ptr_array_index (csv->rows, i))->fields[f]));

  return 0;
}
