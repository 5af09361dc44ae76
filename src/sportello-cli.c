/* sportello-cli.c: the command line of the sportello binary
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that works without a display is parsed and done here, before
 * any GTK code runs. What is left (opening the window, and the files to
 * open in it) goes on to the application.
 */

#define G_LOG_DOMAIN "sportello-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-cli.h"
#include "sportello-database.h"
#include "sportello-demo.h"

typedef struct
{
  gboolean   version;
  char      *data_dir;
  int        demo;
  char     **remaining;
} CliOptions;

static void
cli_options_clear (CliOptions *options)
{
  g_clear_pointer (&options->data_dir, g_free);
  g_clear_pointer (&options->remaining, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliOptions, cli_options_clear)

static GOptionContext *
cli_option_context_new (CliOptions *options)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version and exit"), NULL },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir,
      N_("Keep the database in DIR instead of the user data folder"),
      /* Translators: placeholder in --help, keep it short and upper case */
      N_("DIR") },
    { "demo", 0, 0, G_OPTION_ARG_INT, &options->demo,
      N_("Add N fictitious clients to try the app, then exit"),
      /* Translators: placeholder in --help, keep it short and upper case */
      N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->remaining,
      NULL, N_("[FILE…]") },
    { NULL }
  };
  GOptionContext *context;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Client files, meeting notes and advice for an innovation hub’s consulting desk."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static int
exit_code_for (const GError *error)
{
  if (g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE) ||
      g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_TOO_NEW) ||
      g_error_matches (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID))
    return SPORTELLO_EXIT_DATAERR;

  return SPORTELLO_EXIT_IOERR;
}

static SportelloDatabase *
open_database (CliOptions  *options,
               int         *exit_code)
{
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db;

  db = sportello_database_open (options->data_dir, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      *exit_code = exit_code_for (error);
    }

  return db;
}

static int
run_demo (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (options->demo < 0)
    {
      g_printerr (_("--demo needs a positive number of clients\n"));
      return SPORTELLO_EXIT_USAGE;
    }

  if (!(db = open_database (options, &exit_code)))
    return exit_code;

  if (!sportello_demo_fill (db, (guint) options->demo, &error))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %d fictitious client to %s\n",
                        "Added %d fictitious clients to %s\n", options->demo),
           options->demo, sportello_database_get_path (db));

  return SPORTELLO_EXIT_OK;
}

int
sportello_cli_main (int    argc,
                    char **argv)
{
  g_auto(CliOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) run_args = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) run_argv = NULL;

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = cli_option_context_new (&options);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      return SPORTELLO_EXIT_USAGE;
    }

  if (options.version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return SPORTELLO_EXIT_OK;
    }

  if (options.demo != 0)
    return run_demo (&options);

  /* Left over after the options: only the files to open. */
  if (options.remaining != NULL)
    for (guint i = 0; options.remaining[i] != NULL; i++)
      if (options.remaining[i][0] == '-')
        {
          g_printerr (_("Unknown option “%s”\n"), options.remaining[i]);
          g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
          return SPORTELLO_EXIT_USAGE;
        }

  app = sportello_application_new (options.data_dir);

  run_args = g_strv_builder_new ();
  g_strv_builder_add (run_args, argv[0]);
  if (options.remaining != NULL)
    g_strv_builder_addv (run_args, (const char **) options.remaining);
  run_argv = g_strv_builder_end (run_args);

  return g_application_run (G_APPLICATION (app), g_strv_length (run_argv), run_argv);
}
