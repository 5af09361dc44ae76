/* sportello-cli-csv.c: the command line for spreadsheets
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   sportello --data-dir DIR --import-csv FILE [--dry-run] [--skip-invalid] [--merge-duplicates]
 *   sportello --data-dir DIR --export-csv FILE
 */

#define G_LOG_DOMAIN "sportello-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-cli.h"
#include "sportello-cli-csv.h"
#include "sportello-client-csv.h"

static int
exit_code_for (const GError *error)
{
  if (error->domain == SPORTELLO_CSV_ERROR ||
      g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID))
    return SPORTELLO_EXIT_DATAERR;
  return SPORTELLO_EXIT_IOERR;
}

static void
print_duplicate (SportelloClientCsvDuplicate *duplicate)
{
  if (duplicate->same_as_line > 0)
    /* Translators: a row of a spreadsheet that repeats an earlier one:
     * its row number, its company name, the earlier row and the column that matched */
    g_print (_("  row %u: %s repeats row %u (same “%s”)\n"), duplicate->line, duplicate->name,
             duplicate->same_as_line, duplicate->matched);
  else
    /* Translators: a row of a spreadsheet that is already a client: its row
     * number, its company name, our client's name and the column that matched */
    g_print (_("  row %u: %s is already a client, “%s” (same “%s”)\n"), duplicate->line, duplicate->name,
             duplicate->existing_name, duplicate->matched);
}

int
sportello_cli_import_csv (SportelloDatabase *db,
                          const char        *path,
                          gboolean           dry_run,
                          gboolean           skip_invalid,
                          gboolean           merge_duplicates)
{
  g_autoptr(SportelloClientCsv) csv = NULL;
  g_autoptr(SportelloClientCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  SportelloClientCsvFlags flags = (dry_run ? SPORTELLO_CLIENT_CSV_DRY_RUN : 0) |
                                  (skip_invalid ? SPORTELLO_CLIENT_CSV_SKIP_INVALID : 0) |
                                  (merge_duplicates ? SPORTELLO_CLIENT_CSV_MERGE_DUPLICATES : 0);
  SportelloCsv *table;
  gboolean mapped_name = FALSE;

  if (!(csv = sportello_client_csv_load (path, &error)))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return exit_code_for (error);
    }

  /* the mapping, as the preview shows it */
  table = sportello_client_csv_get_table (csv);
  g_print (_("Columns:\n"));
  for (guint c = 0; c < table->n_columns; c++)
    {
      int target = sportello_client_csv_get_target (csv, c);

      mapped_name |= target == SPORTELLO_CLIENT_NAME;
      /* Translators: a column of the spreadsheet → the field it is imported into */
      g_print (_("  “%s” → %s\n"), table->header[c], sportello_client_csv_target_label (target));
    }
  if (!mapped_name)
    {
      g_printerr (_("%s: no column holds the company name (a header such as “Ragione sociale” or “Denominazione”)\n"),
                  path);
      return SPORTELLO_EXIT_DATAERR;
    }

  if (!(report = sportello_client_csv_run (csv, db, flags, base, NULL, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }

  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("%s\n", ((SportelloClientCsvProblem *) g_ptr_array_index (report->problems, i))->message);

  if (report->duplicate_rows->len > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "Already here, not added (%u):\n", "Already here, not added (%u):\n",
                            report->duplicate_rows->len), report->duplicate_rows->len);
      for (guint i = 0; i < report->duplicate_rows->len; i++)
        print_duplicate (g_ptr_array_index (report->duplicate_rows, i));
    }

  if (report->invalid > 0 && !skip_invalid)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "Nothing was imported: %u row is not valid (give --skip-invalid to import the others)\n",
                               "Nothing was imported: %u rows are not valid (give --skip-invalid to import the others)\n",
                               report->invalid), report->invalid);
      return SPORTELLO_EXIT_DATAERR;
    }

  if (dry_run)
    {
      /* Translators: the counts of a spreadsheet import's dry run */
      g_print (_("Clients: %u would be added, %u already here (%u would be completed), %u not valid; "
                 "people: %u would be added\n"),
               report->added, report->duplicates, report->merged, report->invalid, report->contacts);
      g_print (_("Dry run: nothing was changed\n"));
    }
  else
    /* Translators: the counts of a spreadsheet import, as in
     * “Clients: 12 added, 3 already here (1 completed), 2 not valid; people: 10 added” */
    g_print (_("Clients: %u added, %u already here (%u completed), %u not valid; people: %u added\n"),
             report->added, report->duplicates, report->merged, report->invalid, report->contacts);

  return SPORTELLO_EXIT_OK;
}

int
sportello_cli_export_csv (SportelloDatabase *db,
                          const char        *path)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!sportello_client_csv_export (db, NULL, path, &n, &error))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u client to %s\n", "Wrote %u clients to %s\n", n), n, path);
  return SPORTELLO_EXIT_OK;
}
