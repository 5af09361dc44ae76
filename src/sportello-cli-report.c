/* sportello-cli-report.c: the command line for the report and the statistics
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   sportello --data-dir DIR --export-statistics FILE.json [--from DATE] [--to DATE]
 *   sportello --data-dir DIR --report FILE.pdf|FILE.xlsx [--from DATE] [--to DATE]
 *
 * DATE is 2026-11-25 or 25/11/2026, a day in Europe/Rome; the period is
 * this calendar year by default.
 */

#define G_LOG_DOMAIN "sportello-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-cli.h"
#include "sportello-cli-report.h"
#include "sportello-report-pdf.h"
#include "sportello-report-xlsx.h"
#include "sportello-statistics.h"

/* The period of --from and --to: this year where one is not given */
gboolean
sportello_cli_report_period (const char  *from_text,
                             const char  *to_text,
                             char       **from,
                             char       **to,
                             int         *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *year_from = NULL;
  g_autofree char *year_to = NULL;
  g_autofree char *f = NULL;
  g_autofree char *t = NULL;

  sportello_statistics_this_year (&year_from, &year_to);
  if ((from_text != NULL && !(f = sportello_statistics_parse_date (from_text, &error))) ||
      (to_text != NULL && !(t = sportello_statistics_parse_date (to_text, &error))))
    {
      /* Translators: %s is --from or --to, then why the date is wrong */
      g_printerr (_("%s: %s\n"), f == NULL && from_text != NULL ? "--from" : "--to", error->message);
      *exit_code = SPORTELLO_EXIT_USAGE;
      return FALSE;
    }
  if (f == NULL)
    f = g_strdup (year_from);
  if (t == NULL)
    t = g_strdup (year_to);
  if (!sportello_statistics_check_period (f, t, &error))
    {
      g_printerr ("%s\n", error->message);
      *exit_code = SPORTELLO_EXIT_USAGE;
      return FALSE;
    }

  *from = g_steal_pointer (&f);
  *to = g_steal_pointer (&t);
  return TRUE;
}

/* Whether --report can write FILE: by its extension */
gboolean
sportello_cli_report_check_path (const char *path,
                                 int        *exit_code)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".pdf"))
    return TRUE;

  g_printerr (_("--report writes a PDF (.pdf) or a spreadsheet (.xlsx): “%s” has another extension\n"), path);
  *exit_code = SPORTELLO_EXIT_USAGE;
  return FALSE;
}

int
sportello_cli_export_statistics (SportelloDatabase *db,
                                 const char        *path,
                                 const char        *from,
                                 const char        *to)
{
  g_autoptr(SportelloStatistics) statistics = NULL;
  g_autoptr(GError) error = NULL;

  if (!(statistics = sportello_statistics_compute (db, from, to, &error)))
    {
      g_printerr ("%s\n", error->message);
      return SPORTELLO_EXIT_IOERR;
    }
  if (!sportello_statistics_write (statistics, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return SPORTELLO_EXIT_IOERR;
    }

  /* Translators: the statistics of a period, written to a file */
  g_print (_("Wrote the statistics of %s – %s to %s\n"), from, to, path);
  return SPORTELLO_EXIT_OK;
}

int
sportello_cli_report (SportelloDatabase *db,
                      const char        *path,
                      const char        *from,
                      const char        *to)
{
  g_autoptr(SportelloStatistics) statistics = NULL;
  g_autoptr(SportelloStatistics) previous = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous_from = NULL;
  g_autofree char *previous_to = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  int exit_code = SPORTELLO_EXIT_OK;

  if (!sportello_cli_report_check_path (path, &exit_code))
    return exit_code;

  sportello_statistics_previous_period (from, to, &previous_from, &previous_to);
  if (!(statistics = sportello_statistics_compute (db, from, to, &error)) ||
      !(previous = sportello_statistics_compute (db, previous_from, previous_to, &error)))
    {
      g_printerr ("%s\n", error->message);
      return SPORTELLO_EXIT_IOERR;
    }

  if (g_str_has_suffix (lower, ".pdf")
      ? !sportello_report_write_pdf (statistics, previous, sportello_database_get_consultant (db), path, &error)
      : !sportello_report_write_xlsx (statistics, previous, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return SPORTELLO_EXIT_IOERR;
    }

  g_print (_("Wrote the report of %s – %s to %s\n"), from, to, path);
  return SPORTELLO_EXIT_OK;
}
