/* sportello-cli-network.c: the network's report on the command line
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   sportello --network-report FILE.pdf STATS.json…
 *
 * Reads the statistics files of several hubs (sportello-statistics-file.c
 * checks each against the format) and writes the hubs side by side and
 * summed as a PDF. One bad file and nothing is written: the reason is
 * said, and the exit status is 65.
 */

#define G_LOG_DOMAIN "sportello-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-cli.h"
#include "sportello-cli-network.h"
#include "sportello-report-pdf.h"
#include "sportello-statistics.h"

int
sportello_cli_network_report (const char         *path,
                              const char * const *files)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gboolean refused = FALSE;

  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_printerr (_("--network-report writes a PDF (.pdf): “%s” has another extension\n"), path);
      return SPORTELLO_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("--network-report takes the PDF to write and then the hubs’ statistics files\n"));
      return SPORTELLO_EXIT_USAGE;
    }

  /* every bad file is named, not only the first */
  for (guint i = 0; files[i] != NULL; i++)
    {
      SportelloStatistics *hub = sportello_statistics_load (files[i], &error);

      if (hub == NULL)
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          refused = TRUE;
          continue;
        }
      g_ptr_array_add (hubs, hub);
    }
  if (refused)
    {
      g_printerr (_("Nothing written: the network's report needs every file readable\n"));
      return SPORTELLO_EXIT_DATAERR;
    }

  if (!sportello_report_write_network_pdf ((SportelloStatistics **) hubs->pdata, hubs->len, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return SPORTELLO_EXIT_IOERR;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the report of %u hub to %s\n", "Wrote the report of %u hubs to %s\n",
                        hubs->len),
           hubs->len, path);
  return SPORTELLO_EXIT_OK;
}
