/* main.c
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sportello-cli.h"

int
main (int   argc,
      char *argv[])
{
  /* The command line never calls gtk_init(), so set the locale here. */
  setlocale (LC_ALL, "");
  /* SPORTELLO_LOCALEDIR lets an uninstalled build find its catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SPORTELLO_LOCALEDIR") ? g_getenv ("SPORTELLO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return sportello_cli_main (argc, argv);
}
