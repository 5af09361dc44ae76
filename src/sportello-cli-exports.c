/* sportello-cli-exports.c: the command line for calendars and address books
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   sportello --data-dir DIR --export-ics FILE
 *   sportello --data-dir DIR --export-vcard FILE [--client UUID]...
 */

#define G_LOG_DOMAIN "sportello-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-cli.h"
#include "sportello-cli-exports.h"
#include "sportello-ics.h"
#include "sportello-vcard.h"

static int
exit_code_for (const GError *error)
{
  if (g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND) ||
      g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID))
    return SPORTELLO_EXIT_DATAERR;
  return SPORTELLO_EXIT_IOERR;
}

int
sportello_cli_export_ics (SportelloDatabase *db,
                          const char        *path)
{
  g_autoptr(GError) error = NULL;
  SportelloIcsCounts counts = { 0 };

  if (!sportello_ics_export (db, path, &counts, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return exit_code_for (error);
    }

  /* Translators: after --export-ics; how many of each went into the calendar file */
  g_print (_("Wrote %s: follow-ups %u, meetings %u, events %u, grant deadlines %u\n"),
           path, counts.n_follow_ups, counts.n_meetings, counts.n_events, counts.n_deadlines);
  return SPORTELLO_EXIT_OK;
}

int
sportello_cli_export_vcard (SportelloDatabase  *db,
                            const char         *path,
                            const char * const *client_uuids)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (client_uuids != NULL)
    for (guint i = 0; client_uuids[i] != NULL; i++)
      if (!g_uuid_string_is_valid (client_uuids[i]))
        {
          g_printerr (_("There is no client with the UUID “%s”\n"), client_uuids[i]);
          return SPORTELLO_EXIT_DATAERR;
        }

  if (!sportello_vcard_export (db, client_uuids, path, &n, &error))
    {
      if (g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND))
        g_printerr ("%s\n", error->message);
      else
        g_printerr ("%s: %s\n", path, error->message);
      return exit_code_for (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u contact to %s\n", "Wrote %u contacts to %s\n", n), n, path);
  return SPORTELLO_EXIT_OK;
}
