/* sportello-cli-events.c: the command line for events
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   sportello --data-dir DIR --attendance EVENT_UUID FILE.csv [--dry-run]
 *   sportello --data-dir DIR --certificates EVENT_UUID FILE.pdf
 */

#define G_LOG_DOMAIN "sportello-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-certificate-pdf.h"
#include "sportello-cli.h"
#include "sportello-cli-events.h"
#include "sportello-csv.h"
#include "sportello-event.h"

static int
exit_code_for (const GError *error)
{
  if (error->domain == SPORTELLO_CSV_ERROR ||
      g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID) ||
      g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND))
    return SPORTELLO_EXIT_DATAERR;
  return SPORTELLO_EXIT_IOERR;
}

static gboolean
check_event (SportelloDatabase *db,
             const char        *event_uuid,
             int               *exit_code)
{
  g_autoptr(SportelloEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_uuid_string_is_valid (event_uuid) || !(event = sportello_event_load (db, event_uuid, &error)))
    {
      g_printerr (_("There is no event with the UUID “%s”\n"), event_uuid);
      *exit_code = error == NULL || g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND)
                   ? SPORTELLO_EXIT_DATAERR : SPORTELLO_EXIT_IOERR;
      return FALSE;
    }

  return TRUE;
}

static void
print_row (SportelloAttendanceRow *row)
{
  /* Translators: one row of an attendance report: the row's number in
   * the spreadsheet, the name, the e-mail and what was found */
  g_print (_("  row %u: %s <%s>: %s\n"), row->line, row->name[0] ? row->name : "—",
           row->email, sportello_attendance_match_label (row->match));
}

int
sportello_cli_attendance (SportelloDatabase *db,
                          const char        *event_uuid,
                          const char        *path,
                          gboolean           dry_run)
{
  g_autoptr(SportelloCsv) csv = NULL;
  g_autoptr(SportelloAttendanceReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!check_event (db, event_uuid, &exit_code))
    return exit_code;

  if (!(csv = sportello_csv_load (path, &error)))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return error->domain == G_IO_ERROR ? SPORTELLO_EXIT_IOERR : SPORTELLO_EXIT_DATAERR;
    }
  if (!(report = sportello_event_mark_attendance (db, event_uuid, csv, dry_run, &error)))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return exit_code_for (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Matched (%u):\n", "Matched (%u):\n", report->n_matched), report->n_matched);
  for (guint i = 0; i < report->rows->len; i++)
    if (SPORTELLO_ATTENDANCE_MATCHED ((SportelloAttendanceRow *) g_ptr_array_index (report->rows, i)))
      print_row (g_ptr_array_index (report->rows, i));
  g_print (g_dngettext (GETTEXT_PACKAGE, "Not matched (%u):\n", "Not matched (%u):\n", report->n_unmatched), report->n_unmatched);
  for (guint i = 0; i < report->rows->len; i++)
    if (!SPORTELLO_ATTENDANCE_MATCHED ((SportelloAttendanceRow *) g_ptr_array_index (report->rows, i)))
      print_row (g_ptr_array_index (report->rows, i));

  if (dry_run)
    g_print (_("Dry run: nothing was changed\n"));

  return SPORTELLO_EXIT_OK;
}

int
sportello_cli_certificates (SportelloDatabase *db,
                            const char        *event_uuid,
                            const char        *path)
{
  g_autoptr(GError) error = NULL;
  int exit_code = SPORTELLO_EXIT_OK;
  guint n_pages = 0;

  if (!check_event (db, event_uuid, &exit_code))
    return exit_code;

  if (!sportello_certificate_export (db, event_uuid, path, &n_pages, &error))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u attendance certificate to %s\n",
                        "Wrote %u attendance certificates to %s\n", n_pages), n_pages, path);
  return SPORTELLO_EXIT_OK;
}
