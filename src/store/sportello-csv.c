/* sportello-csv.c: a small, strict reader of CSV files (RFC 4180)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What spreadsheets and webinar platforms write: UTF-8 with or without a
 * byte order mark, UTF-16 with one (Excel's “Unicode text”), or
 * Windows-1252 (Excel on Windows, “CSV (delimitato dal separatore di
 * elenco)”); fields separated by ';' (the Italian locale), ',' or tabs,
 * found from the header row; fields in double quotes may hold separators,
 * doubled quotes and line breaks. The first row is the header, and every
 * row must have as many fields as it. Anything else (a quote in the middle
 * of an unquoted field, a quoted field never closed, text after a closing
 * quote, a NUL byte) is refused with the row's number, the one a
 * spreadsheet would show.
 */

#define G_LOG_DOMAIN "sportello-csv"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sportello-csv.h"

G_DEFINE_QUARK (sportello-csv-error-quark, sportello_csv_error)

static void
row_free (gpointer data)
{
  SportelloCsvRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

void
sportello_csv_free (SportelloCsv *csv)
{
  if (csv == NULL)
    return;

  g_strfreev (csv->header);
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_free (csv);
}

/* The text as UTF-8, without a byte order mark */
static char *
decode (const char    *data,
        gsize          length,
        SportelloCsv  *csv,
        gsize         *out_length,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const guchar *u = (const guchar *) data;
  char *text;
  gsize written = 0;

  if (length >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
    {
      csv->encoding = "UTF-16";
      csv->had_bom = TRUE;
      text = g_convert (data + 2, length - 2, "UTF-8", u[0] == 0xff ? "UTF-16LE" : "UTF-16BE",
                        NULL, &written, &local_error);
      if (text == NULL || memchr (text, '\0', written) != NULL)
        {
          g_free (text);
          g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_ENCODING,
                       _("The file is not valid UTF-16 text"));
          return NULL;
        }
      *out_length = written;
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_ENCODING,
                   _("The file is not text: it contains a NUL byte"));
      return NULL;
    }

  if (length >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
    {
      csv->had_bom = TRUE;
      data += 3;
      length -= 3;
      if (!g_utf8_validate_len (data, length, NULL))
        {
          g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_ENCODING,
                       _("The file says it is UTF-8 but is not valid UTF-8"));
          return NULL;
        }
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      csv->encoding = "UTF-8";
      *out_length = length;
      return g_strndup (data, length);
    }

  /* not UTF-8: what Excel writes on Windows */
  csv->encoding = "Windows-1252";
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_ENCODING,
                   _("The file is neither UTF-8 nor Windows-1252 text"));
      return NULL;
    }
  *out_length = written;
  return text;
}

/* The separator the header row uses most, outside quotes */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ';')
        semicolons++;
      else if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
    }

  if (semicolons >= commas && semicolons >= tabs && semicolons > 0)
    return ';';
  if (tabs > commas)
    return '\t';
  return ',';
}

/* Past one line break (\r\n, \n or \r) at @p, if there is one */
static const char *
skip_newline (const char *p,
              const char *end)
{
  if (p < end && *p == '\r')
    p++;
  else if (p < end && *p == '\n')
    return p + 1;
  if (p < end && *p == '\n' && p[-1] == '\r')
    p++;
  return p;
}

/* One row from @p; returns where the next starts, or NULL with @error */
static const char *
read_row (const char  *p,
          const char  *end,
          char         separator,
          guint        line,
          GPtrArray   *fields,
          GError     **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  for (;;)
    {
      g_string_truncate (field, 0);

      if (p < end && *p == '"')
        {
          for (p++;; p++)
            {
              if (p >= end)
                {
                  g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_SYNTAX,
                               _("Row %u: a quoted field is never closed"), line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                      continue;
                    }
                  p++;
                  break;
                }
              /* a line break inside quotes is kept as one \n */
              if (*p == '\r')
                {
                  g_string_append_c (field, '\n');
                  if (p + 1 < end && p[1] == '\n')
                    p++;
                  continue;
                }
              g_string_append_c (field, *p);
            }
          if (p < end && *p != separator && *p != '\n' && *p != '\r')
            {
              g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_SYNTAX,
                           _("Row %u: text after the closing quote of a field"), line);
              return NULL;
            }
        }
      else
        {
          const char *start = p;

          while (p < end && *p != separator && *p != '\n' && *p != '\r')
            {
              if (*p == '"')
                {
                  g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_SYNTAX,
                               _("Row %u: a quote inside a field that does not start with one"), line);
                  return NULL;
                }
              p++;
            }
          g_string_append_len (field, start, p - start);
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (p < end && *p == separator)
        {
          p++;
          continue;
        }
      return skip_newline (p, end);
    }
}

/**
 * sportello_csv_parse:
 * @data: the bytes of the file
 *
 * Reads a whole CSV file. Blank lines are left out (but counted in the
 * rows' numbers); every other row must have as many fields as the header.
 *
 * Returns: (transfer full): the table, or %NULL with %SPORTELLO_CSV_ERROR
 */
SportelloCsv *
sportello_csv_parse (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(SportelloCsv) csv = g_new0 (SportelloCsv, 1);
  g_autofree char *text = NULL;
  const char *p;
  const char *end;
  gsize text_length = 0;
  guint line = 1;

  if (length > SPORTELLO_CSV_MAX_SIZE)
    {
      g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_TOO_LARGE,
                   _("The file is too large for a CSV table"));
      return NULL;
    }

  csv->rows = g_ptr_array_new_with_free_func (row_free);
  if (!(text = decode (data, length, csv, &text_length, error)))
    return NULL;

  p = text;
  end = text + text_length;

  /* blank lines before the header count as rows too */
  while (p < end && (*p == '\n' || *p == '\r'))
    {
      p = skip_newline (p, end);
      line++;
    }
  if (p >= end)
    {
      g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_EMPTY,
                   _("The file is empty: there is no header row"));
      return NULL;
    }

  csv->separator = detect_separator (p, end);

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = NULL;

      if (*p == '\n' || *p == '\r')
        {
          p = skip_newline (p, end);
          line++;
          continue;
        }

      fields = g_ptr_array_new_with_free_func (g_free);
      if (!(p = read_row (p, end, csv->separator, line, fields, error)))
        return NULL;

      if (csv->header == NULL)
        {
          csv->n_columns = fields->len;
          g_ptr_array_add (fields, NULL);
          csv->header = (char **) g_ptr_array_steal (fields, NULL);
        }
      else
        {
          SportelloCsvRow *row;

          if (fields->len != csv->n_columns)
            {
              g_set_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_FIELDS,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Row %u has %u fields, but the header has %u column",
                                        "Row %u has %u fields, but the header has %u columns",
                                        csv->n_columns),
                           line, fields->len, csv->n_columns);
              return NULL;
            }
          row = g_new0 (SportelloCsvRow, 1);
          row->line = line;
          g_ptr_array_add (fields, NULL);
          row->fields = (char **) g_ptr_array_steal (fields, NULL);
          g_ptr_array_add (csv->rows, row);
        }
      line++;
    }

  return g_steal_pointer (&csv);
}

/**
 * sportello_csv_load:
 *
 * As sportello_csv_parse(), from a file; a file that cannot be read fails
 * with a %G_IO_ERROR.
 */
SportelloCsv *
sportello_csv_load (const char  *path,
                    GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return NULL;
    }

  return sportello_csv_parse (g_mapped_file_get_contents (file) ? g_mapped_file_get_contents (file) : "",
                              g_mapped_file_get_length (file), error);
}

/* "  E-mail Utente " → "e-mail utente": lower case, accents dropped,
 * spaces trimmed and collapsed, for matching headers */
char *
sportello_csv_normalize_header (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isspace (*p) || *p == '_')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, g_ascii_tolower (*p));
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sportello_csv_find_column:
 * @names: header names, compared after sportello_csv_normalize_header()
 *
 * Returns: the first column whose header is one of @names, or -1
 */
int
sportello_csv_find_column (SportelloCsv       *csv,
                           const char * const *names)
{
  for (guint i = 0; i < csv->n_columns; i++)
    {
      g_autofree char *header = sportello_csv_normalize_header (csv->header[i]);

      for (guint n = 0; names[n] != NULL; n++)
        {
          g_autofree char *name = sportello_csv_normalize_header (names[n]);

          if (g_str_equal (header, name))
            return (int) i;
        }
    }

  return -1;
}

/**
 * sportello_csv_find_column_containing:
 * @words: what the header may contain (normalized, as above)
 * @unless: (nullable): what it must not contain
 *
 * Returns: the first column whose header contains one of @words and none
 *   of @unless, or -1
 */
int
sportello_csv_find_column_containing (SportelloCsv       *csv,
                                      const char * const *words,
                                      const char * const *unless)
{
  for (guint i = 0; i < csv->n_columns; i++)
    {
      g_autofree char *header = sportello_csv_normalize_header (csv->header[i]);
      gboolean found = FALSE;

      for (guint n = 0; words[n] != NULL && !found; n++)
        found = strstr (header, words[n]) != NULL;
      for (guint n = 0; unless != NULL && unless[n] != NULL && found; n++)
        found = strstr (header, unless[n]) == NULL;
      if (found)
        return (int) i;
    }

  return -1;
}
