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
#include "sportello-cli-events.h"
#include "sportello-bundle.h"
#include "sportello-client.h"
#include "sportello-database.h"
#include "sportello-demo.h"

typedef struct
{
  gboolean   version;
  char      *data_dir;
  int        demo;
  char      *export_path;
  char     **clients;
  gboolean   templates_only;
  char      *import_path;
  char      *validate_path;
  gboolean   dry_run;
  gboolean   merge_duplicates;
  char      *on_conflict;
  char     **remaining;
  gboolean   service;
  /* events (issue 16) */
  char      *attendance;
  char      *certificates;
} CliOptions;

static void
cli_options_clear (CliOptions *options)
{
  g_clear_pointer (&options->data_dir, g_free);
  g_clear_pointer (&options->export_path, g_free);
  g_clear_pointer (&options->clients, g_strfreev);
  g_clear_pointer (&options->import_path, g_free);
  g_clear_pointer (&options->validate_path, g_free);
  g_clear_pointer (&options->on_conflict, g_free);
  g_clear_pointer (&options->remaining, g_strfreev);
  g_clear_pointer (&options->attendance, g_free);
  g_clear_pointer (&options->certificates, g_free);
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
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &options->export_path,
      N_("Export the database, or the clients given with --client, to FILE"), N_("FILE") },
    { "client", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->clients,
      N_("Export only this client, with everything attached to it (repeatable)"), N_("UUID") },
    { "templates-only", 0, 0, G_OPTION_ARG_NONE, &options->templates_only,
      N_("With --export: only the templates and checklists, for another hub"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &options->import_path,
      N_("Import a bundle into the database"), N_("FILE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &options->dry_run,
      N_("With --import: show what would change, change nothing"), NULL },
    { "merge-duplicates", 0, 0, G_OPTION_ARG_NONE, &options->merge_duplicates,
      N_("With --import: a new client with the VAT number of one already here is the same firm: add its records to that one"), NULL },
    { "on-conflict", 0, 0, G_OPTION_ARG_STRING, &options->on_conflict,
      /* Translators: do not translate newer, ours, theirs */
      N_("With --import: settle records changed on both sides by keeping the newer (the default), ours or theirs"),
      "newer|ours|theirs" },
    { "validate", 0, 0, G_OPTION_ARG_FILENAME, &options->validate_path,
      N_("Check a bundle and report its problems, change nothing"), N_("FILE") },
    { "attendance", 0, 0, G_OPTION_ARG_STRING, &options->attendance,
      N_("Mark who attended the event from a webinar platform’s CSV file (FILE after the UUID), matched by e-mail; with --dry-run, only report"),
      N_("EVENT_UUID") },
    { "certificates", 0, 0, G_OPTION_ARG_STRING, &options->certificates,
      N_("Write the attendance certificates of the event, one page per person who attended, to a PDF file (FILE after the UUID)"),
      N_("EVENT_UUID") },
    /* D-Bus activation starts the app with this (see data/*.service.in) */
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &options->service,
      NULL, NULL },
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
      return NULL;
    }

  /* who exports: the consultant and hub of the preferences, when installed */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE) : NULL;

    if (schema != NULL)
      {
        g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
        g_autofree char *consultant = g_settings_get_string (settings, "consultant-name");
        g_autofree char *hub = g_settings_get_string (settings, "hub-name");

        sportello_database_set_origin (db, consultant, hub);
      }
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

static int
bundle_exit_code (const GError *error)
{
  if (g_error_matches (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID))
    return SPORTELLO_EXIT_DATAERR;
  if (error->domain == SPORTELLO_BUNDLE_ERROR || error->domain == G_IO_ERROR)
    return SPORTELLO_EXIT_IOERR;
  return exit_code_for (error);
}

static int
run_export (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!(db = open_database (options, &exit_code)))
    return exit_code;

  for (guint i = 0; options->clients != NULL && options->clients[i] != NULL; i++)
    {
      g_autoptr(SportelloClient) client = sportello_client_load (db, options->clients[i], NULL);

      if (client == NULL)
        {
          g_printerr (_("There is no client with the UUID “%s”\n"), options->clients[i]);
          return SPORTELLO_EXIT_DATAERR;
        }
    }

  if (!sportello_bundle_export (db,
                                options->templates_only ? (const char * const []) { NULL }
                                                        : (const char * const *) options->clients,
                                options->export_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return bundle_exit_code (error);
    }

  return SPORTELLO_EXIT_OK;
}

static void
print_counts (SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS])
{
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      /* Translators: one line of an import preview, as in
       * “Clients: 3 new, 1 updated, 10 unchanged, 0 conflicting, 1 possible duplicates” */
      g_print (_("%s: %u new, %u updated, %u unchanged, %u conflicting, %u possible duplicates\n"),
               sportello_record_kind_label (kind), counts[kind].new_records, counts[kind].updated,
               counts[kind].unchanged, counts[kind].conflicts, counts[kind].duplicates);
    }
}

/* Duplicates imported as new clients: say how to merge them instead */
static void
hint_duplicates (CliOptions            *options,
                 SportelloImportCounts  counts[SPORTELLO_N_RECORD_KINDS])
{
  guint n = counts[SPORTELLO_RECORD_KIND_CLIENT].duplicates;

  if (n == 0 || options->merge_duplicates)
    return;
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%u new client has the VAT number of a client already here; with --merge-duplicates its records go to that client instead\n",
                           "%u new clients have the VAT number of clients already here; with --merge-duplicates their records go to those clients instead\n",
                           n), n);
}

static SportelloBundle *
load_checked (const char *path,
              int        *exit_code)
{
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  if (!(bundle = sportello_bundle_load (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      *exit_code = bundle_exit_code (error);
      return NULL;
    }

  problems = sportello_bundle_get_problems (bundle);
  if (problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "“%s” has %u problem:\n", "“%s” has %u problems:\n", problems->len),
                  path, problems->len);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
      *exit_code = SPORTELLO_EXIT_DATAERR;
      return NULL;
    }

  return g_steal_pointer (&bundle);
}

static int
run_validate (CliOptions *options)
{
  g_autoptr(SportelloBundle) bundle = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!(bundle = load_checked (options->validate_path, &exit_code)))
    return exit_code;

  /* Translators: the summary of a valid bundle */
  g_print (_("%s: valid, %u clients, %u people, %u meetings, %u follow-ups\n"),
           options->validate_path,
           sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT),
           sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CONTACT),
           sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_MEETING),
           sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_FOLLOW_UP));

  return SPORTELLO_EXIT_OK;
}

static int
run_import (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_name = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];
  SportelloConflictPolicy policy = SPORTELLO_CONFLICT_NEWER;
  int exit_code = SPORTELLO_EXIT_OK;

  if (options->on_conflict == NULL || g_str_equal (options->on_conflict, "newer"))
    policy = SPORTELLO_CONFLICT_NEWER;
  else if (g_str_equal (options->on_conflict, "ours"))
    policy = SPORTELLO_CONFLICT_OURS;
  else if (g_str_equal (options->on_conflict, "theirs"))
    policy = SPORTELLO_CONFLICT_THEIRS;
  else
    {
      g_printerr (_("--on-conflict takes newer, ours or theirs, not “%s”\n"), options->on_conflict);
      return SPORTELLO_EXIT_USAGE;
    }

  /* everything is checked before the database is even opened */
  if (!(bundle = load_checked (options->import_path, &exit_code)))
    return exit_code;
  if (!(db = open_database (options, &exit_code)))
    return exit_code;

  if (options->merge_duplicates)
    {
      g_autoptr(GPtrArray) duplicates = sportello_bundle_list_duplicates (bundle, db, &error);

      if (duplicates == NULL)
        {
          g_printerr ("%s\n", error->message);
          return SPORTELLO_EXIT_IOERR;
        }
      for (guint i = 0; i < duplicates->len; i++)
        {
          SportelloConflict *match = g_ptr_array_index (duplicates, i);

          sportello_bundle_merge (bundle, match->uuid, match->existing_uuid);
          /* Translators: the first is a client of the bundle, the second ours */
          g_print (_("“%s” joins “%s”, the client with the same VAT number\n"),
                   match->description, match->existing_description);
        }
    }

  if (options->dry_run)
    {
      if (!sportello_bundle_preview (bundle, db, counts, &error))
        {
          g_printerr ("%s\n", error->message);
          return SPORTELLO_EXIT_IOERR;
        }
      print_counts (counts);
      hint_duplicates (options, counts);
      g_print (_("Dry run: nothing was changed\n"));
      return SPORTELLO_EXIT_OK;
    }

  base_name = g_path_get_basename (options->import_path);
  if (!sportello_bundle_apply (bundle, db, policy, base_name, counts, &error))
    {
      g_printerr ("%s\n", error->message);
      return SPORTELLO_EXIT_IOERR;
    }
  print_counts (counts);
  hint_duplicates (options, counts);

  return SPORTELLO_EXIT_OK;
}

/* --attendance EVENT_UUID FILE.csv, --certificates EVENT_UUID FILE.pdf */
static int
run_events (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  int exit_code = SPORTELLO_EXIT_OK;
  const char *option = options->attendance != NULL ? "--attendance" : "--certificates";

  if (options->remaining == NULL || g_strv_length (options->remaining) != 1 || options->remaining[0][0] == '-')
    {
      /* Translators: the first %s is --attendance or --certificates */
      g_printerr (_("%s takes the event’s UUID and then one file\n"), option);
      return SPORTELLO_EXIT_USAGE;
    }
  if (!(db = open_database (options, &exit_code)))
    return exit_code;

  if (options->attendance != NULL)
    return sportello_cli_attendance (db, options->attendance, options->remaining[0], options->dry_run);
  return sportello_cli_certificates (db, options->certificates, options->remaining[0]);
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

  if ((options.dry_run || options.on_conflict || options.merge_duplicates) && options.import_path == NULL &&
      !(options.dry_run && options.attendance != NULL && !options.on_conflict && !options.merge_duplicates))
    {
      g_printerr (_("--dry-run, --on-conflict and --merge-duplicates go with --import\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if (options.clients != NULL && options.export_path == NULL)
    {
      g_printerr (_("--client goes with --export\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if (options.templates_only && (options.export_path == NULL || options.clients != NULL))
    {
      g_printerr (_("--templates-only goes with --export, without --client\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if ((options.export_path != NULL) + (options.import_path != NULL) + (options.validate_path != NULL) +
      (options.demo != 0) + (options.attendance != NULL) + (options.certificates != NULL) > 1)
    {
      g_printerr (_("Give only one of --demo, --export, --import and --validate\n"));
      return SPORTELLO_EXIT_USAGE;
    }

  if (options.demo != 0)
    return run_demo (&options);
  if (options.export_path != NULL)
    return run_export (&options);
  if (options.import_path != NULL)
    return run_import (&options);
  if (options.validate_path != NULL)
    return run_validate (&options);
  if (options.attendance != NULL || options.certificates != NULL)
    return run_events (&options);

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
  if (options.service)
    g_strv_builder_add (run_args, "--gapplication-service");
  if (options.remaining != NULL)
    g_strv_builder_addv (run_args, (const char **) options.remaining);
  run_argv = g_strv_builder_end (run_args);

  return g_application_run (G_APPLICATION (app), g_strv_length (run_argv), run_argv);
}
