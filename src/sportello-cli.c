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

#include <gio/gunixinputstream.h>
#include <string.h>

#include <glib/gi18n.h>
#include <langinfo.h>
#include <stdio.h>
#include <unistd.h>

#include "sportello-application.h"
#include "sportello-backup.h"
#include "sportello-backups.h"
#include "sportello-cli.h"
#include "sportello-cli-csv.h"
#include "sportello-cli-events.h"
#include "sportello-cli-exports.h"
#include "sportello-cli-network.h"
#include "sportello-cli-report.h"
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
  char      *passphrase_file;
  char      *backup_path;
  char      *restore_path;
  gboolean   yes;
  gboolean   list_backups;
  char     **remaining;
  gboolean   service;
  /* events (issue 16) */
  char      *attendance;
  char      *certificates;
  /* calendars and address books (issue 18) */
  char      *export_ics;
  char      *export_vcard;
  /* spreadsheets (issue 18) */
  char      *import_csv;
  char      *export_csv;
  gboolean   skip_invalid;
  /* the report (issue 17) */
  char      *export_statistics;
  char      *report;
  char      *network_report;
  char      *from;
  char      *to;
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
  g_clear_pointer (&options->passphrase_file, g_free);
  g_clear_pointer (&options->backup_path, g_free);
  g_clear_pointer (&options->restore_path, g_free);
  g_clear_pointer (&options->remaining, g_strfreev);
  g_clear_pointer (&options->attendance, g_free);
  g_clear_pointer (&options->certificates, g_free);
  g_clear_pointer (&options->export_ics, g_free);
  g_clear_pointer (&options->export_vcard, g_free);
  g_clear_pointer (&options->import_csv, g_free);
  g_clear_pointer (&options->export_csv, g_free);
  g_clear_pointer (&options->export_statistics, g_free);
  g_clear_pointer (&options->report, g_free);
  g_clear_pointer (&options->network_report, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
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
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &options->passphrase_file,
      N_("With --export: protect the bundle with the password on the first line of FILE; with --import or --validate: open a protected bundle with it"),
      N_("FILE") },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &options->backup_path,
      N_("Write a checked backup of the database to FILE"), N_("FILE") },
    { "restore", 0, 0, G_OPTION_ARG_FILENAME, &options->restore_path,
      N_("Replace the database with the backup FILE, after a preview; the database is backed up first"), N_("FILE") },
    { "yes", 0, 0, G_OPTION_ARG_NONE, &options->yes,
      N_("With --restore: do not ask (needed when not run from a terminal)"), NULL },
    { "list-backups", 0, 0, G_OPTION_ARG_NONE, &options->list_backups,
      N_("List the automatic backups: date, size, clients, path"), NULL },
    { "attendance", 0, 0, G_OPTION_ARG_STRING, &options->attendance,
      N_("Mark who attended the event from a webinar platform’s CSV file (FILE after the UUID), matched by e-mail; with --dry-run, only report"),
      N_("EVENT_UUID") },
    { "certificates", 0, 0, G_OPTION_ARG_STRING, &options->certificates,
      N_("Write the attendance certificates of the event, one page per person who attended, to a PDF file (FILE after the UUID)"),
      N_("EVENT_UUID") },
    { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, &options->export_ics,
      N_("Write the open follow-ups with a due date, the meetings, the events and the grant deadlines to an iCalendar file"),
      N_("FILE") },
    { "export-vcard", 0, 0, G_OPTION_ARG_FILENAME, &options->export_vcard,
      N_("Write the clients’ contacts, or those of the clients given with --client, to a vCard file"),
      N_("FILE") },
    { "export-statistics", 0, 0, G_OPTION_ARG_FILENAME, &options->export_statistics,
      N_("Write the desk’s statistics for the period to FILE, for the network of hubs: counts only, no personal data"),
      N_("FILE") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &options->report,
      N_("Write the report of the period to FILE (a PDF, .pdf, or a spreadsheet, .xlsx)"), N_("FILE") },
    { "network-report", 0, 0, G_OPTION_ARG_FILENAME, &options->network_report,
      N_("Write the report of the network of hubs to FILE (a PDF), from the hubs’ statistics files given after it"),
      N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from,
      N_("With --export-statistics or --report: the first day of the period (25/11/2026 or 2026-11-25; this year by default)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      N_("With --export-statistics or --report: the last day of the period"), N_("DATE") },
    /* D-Bus activation starts the app with this (see the .service.in file in data/) */
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->import_csv,
      N_("Import clients and their contact people from a spreadsheet saved as CSV; with --dry-run, only report"),
      N_("FILE") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &options->skip_invalid,
      N_("With --import-csv: import the valid rows and list the others, instead of importing nothing"), NULL },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &options->export_csv,
      N_("Write the client list as CSV for a spreadsheet (UTF-8, “;”-separated)"), N_("FILE") },
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

/* The preferences, when the schema is installed */
static GSettings *
cli_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE) : NULL;

  return schema != NULL ? g_settings_new (BASE_APP_ID) : NULL;
}

static SportelloDatabase *
open_database (CliOptions  *options,
               int         *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) backup_settings = cli_settings ();
  SportelloDatabase *db;

  /* where the backups before an import or an upgrade go */
  if (backup_settings != NULL)
    sportello_backups_apply_settings (backup_settings);

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
  /* a protected bundle without its password is data we cannot take */
  if (error->domain == SPORTELLO_CRYPT_ERROR)
    return error->code == SPORTELLO_CRYPT_ERROR_ENGINE ? SPORTELLO_EXIT_IOERR : SPORTELLO_EXIT_DATAERR;
  if (g_error_matches (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID))
    return SPORTELLO_EXIT_DATAERR;
  if (error->domain == SPORTELLO_BUNDLE_ERROR || error->domain == G_IO_ERROR)
    return SPORTELLO_EXIT_IOERR;
  return exit_code_for (error);
}

/* The first line of --passphrase-file, as gpg --passphrase-file reads it */
static char *
read_passphrase (CliOptions *options,
                 int        *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *passphrase;

  if (options->passphrase_file == NULL)
    return NULL;
  if (!g_file_get_contents (options->passphrase_file, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      *exit_code = SPORTELLO_EXIT_IOERR;
      return NULL;
    }
  passphrase = g_strndup (contents, strcspn (contents, "\n"));
  memset (contents, 0, length);
  if (*passphrase == '\0')
    {
      g_free (passphrase);
      g_printerr (_("There is no password in “%s”: it goes on the first line\n"), options->passphrase_file);
      *exit_code = SPORTELLO_EXIT_USAGE;
      return NULL;
    }
  return passphrase;
}

static void
passphrase_free (char *passphrase)
{
  if (passphrase != NULL)
    memset (passphrase, 0, strlen (passphrase));
  g_free (passphrase);
}

typedef char Passphrase;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Passphrase, passphrase_free)

/* A protected bundle's error, with what to do about it */
static void
print_bundle_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
  if (g_error_matches (error, SPORTELLO_CRYPT_ERROR, SPORTELLO_CRYPT_ERROR_NEEDS_PASSPHRASE))
    g_printerr (_("Give its password with --passphrase-file FILE\n"));
}

static int
run_export (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Passphrase) passphrase = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (options->passphrase_file != NULL && !(passphrase = read_passphrase (options, &exit_code)))
    return exit_code;
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

  if (!sportello_bundle_export_full (db,
                                     options->templates_only ? (const char * const []) { NULL }
                                                             : (const char * const *) options->clients,
                                     options->export_path, passphrase, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return bundle_exit_code (error);
    }

  return SPORTELLO_EXIT_OK;
}

/* One line per kind of record, “Clients: 3 to add, 1 to update, …” for a
 * dry run and “Clients: 3 added, 1 updated, …” once the import is done; the
 * five counts are always there, in this order */
static void
print_counts (SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS],
              gboolean              applied)
{
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      const SportelloImportCounts *c = &counts[kind];
      g_autofree char *added = NULL;
      g_autofree char *updated = NULL;
      g_autofree char *unchanged = NULL;
      g_autofree char *conflicts = NULL;
      g_autofree char *duplicates = NULL;

      if (applied)
        {
          /* Translators: counts printed after an import, as in
           * “Clients: 3 records added, 1 updated, 10 unchanged, 0 conflicts settled, 1 possible duplicate”;
           * the first part names the records, the others agree with it */
          added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record added", "%u records added", c->new_records), c->new_records);
          /* Translators: part of the counts printed after an import */
          updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", c->updated), c->updated);
          /* Translators: part of the counts printed after an import, settled by --on-conflict */
          conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict settled", "%u conflicts settled", c->conflicts), c->conflicts);
        }
      else
        {
          /* Translators: counts printed by a dry run, before anything changes, as in
           * “Clients: 3 records to add, 1 to update, 10 unchanged, 0 conflicting, 1 possible duplicate”;
           * the first part names the records, the others agree with it */
          added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record to add", "%u records to add", c->new_records), c->new_records);
          /* Translators: part of the counts printed by a dry run */
          updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to update", "%u to update", c->updated), c->updated);
          /* Translators: part of the counts printed by a dry run: records changed on both sides */
          conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflicting", "%u conflicting", c->conflicts), c->conflicts);
        }
      /* Translators: part of the counts printed by an import or a dry run */
      unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", c->unchanged), c->unchanged);
      /* Translators: part of the counts printed by an import or a dry run */
      duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u possible duplicate", "%u possible duplicates", c->duplicates), c->duplicates);

      /* Translators: one line of import counts: the kind of record, then its five counts */
      g_print (_("%s: %s, %s, %s, %s, %s\n"), sportello_record_kind_label (kind),
               added, updated, unchanged, conflicts, duplicates);
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

/* “-”: the bundle comes on standard input, read whole up to the limit */
static SportelloBundle *
load_standard_input (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[64 * 1024];
  gssize n;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &local_error)) > 0)
    {
      if (data->len + (gsize) n > SPORTELLO_BUNDLE_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size (SPORTELLO_BUNDLE_MAX_SIZE);

          g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_INVALID,
                       _("Standard input is too large to be a bundle (the limit is %s)"), limit);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  if (n < 0)
    {
      g_set_error (error, SPORTELLO_BUNDLE_ERROR, SPORTELLO_BUNDLE_ERROR_IO,
                   _("Cannot read standard input: %s"), local_error->message);
      return NULL;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return sportello_bundle_load_bytes (bytes, error);
}

static SportelloBundle *
load_checked (CliOptions *options,
              const char *path,
              int        *exit_code)
{
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Passphrase) passphrase = NULL;
  GPtrArray *problems;

  if (options->passphrase_file != NULL && !(passphrase = read_passphrase (options, exit_code)))
    return NULL;
  if (!(bundle = g_str_equal (path, "-") ? load_standard_input (&error)
                                         : sportello_bundle_load_full (path, passphrase, NULL, NULL, &error)))
    {
      print_bundle_error (error);
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

  if (!(bundle = load_checked (options, options->validate_path, &exit_code)))
    return exit_code;

  {
    guint n_clients = sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CLIENT);
    guint n_people = sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_CONTACT);
    guint n_meetings = sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_MEETING);
    guint n_follow_ups = sportello_bundle_count (bundle, SPORTELLO_RECORD_KIND_FOLLOW_UP);
    /* Translators: part of the summary of a valid bundle */
    g_autofree char *clients = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client", "%u clients", n_clients), n_clients);
    /* Translators: part of the summary of a valid bundle: the clients' contact people */
    g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_people), n_people);
    /* Translators: part of the summary of a valid bundle */
    g_autofree char *meetings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", n_meetings), n_meetings);
    /* Translators: part of the summary of a valid bundle */
    g_autofree char *follow_ups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up", "%u follow-ups", n_follow_ups), n_follow_ups);

    /* Translators: the summary of a valid bundle: its file name, then the counts of clients, people, meetings and follow-ups */
    g_print (_("%s: valid, %s, %s, %s, %s\n"), options->validate_path, clients, people, meetings, follow_ups);
  }

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
  if (!(bundle = load_checked (options, options->import_path, &exit_code)))
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
      print_counts (counts, FALSE);
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
  print_counts (counts, TRUE);
  hint_duplicates (options, counts);

  return SPORTELLO_EXIT_OK;
}

static int
run_backup (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!(db = open_database (options, &exit_code)))
    return exit_code;

  if (!sportello_backup_write (db, options->backup_path, &error) ||
      !(info = sportello_backup_inspect (options->backup_path, FALSE, &error)))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Backed up %u client to %s\n", "Backed up %u clients to %s\n", info->clients),
           info->clients, options->backup_path);
  return SPORTELLO_EXIT_OK;
}

static int
run_list_backups (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!(db = open_database (options, &exit_code)))
    return exit_code;

  folder = sportello_backup_get_folder (db);
  if (!(list = sportello_backup_list (folder, &error)))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }
  if (list->len == 0)
    g_printerr (_("No backups in “%s”\n"), folder);

  /* one line each, newest first: date, size, clients, path, tab-separated */
  for (guint i = 0; i < list->len; i++)
    {
      SportelloBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *date = g_date_time_format (info->date, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *clients = NULL;

      if (info->schema_version < 0)
        clients = g_strdup (_("cannot be read"));
      else
        clients = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client", "%u clients", info->clients), info->clients);
      g_print ("%s\t%s\t%s\t%s\n", date, size, clients, info->path);
    }

  return SPORTELLO_EXIT_OK;
}

static void
print_holdings (const char          *what,
                SportelloBackupInfo *info)
{
  /* Translators: one line of the restore preview, e.g.
   * “The backup of 2026-12-01 10:15: 120 clients, 300 meetings, 40 documents, 12 attachments”;
   * the first %s is one of the two lines' beginnings below */
  g_print (_("%s: clients %u, meetings %u, documents %u, attachments %u\n"), what, info->clients, info->meetings,
           info->documents, info->attachments);
}

/* A yes from the terminal, in the language of the locale */
static gboolean
ask_yes (void)
{
  char answer[64] = { 0 };
  g_autoptr(GRegex) yes = NULL;

  /* Translators: asked before a restore from the terminal */
  g_print ("%s ", _("Restore it? [y/N]"));
  fflush (stdout);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;

  yes = g_regex_new (nl_langinfo (YESEXPR), 0, 0, NULL);
  return yes != NULL ? g_regex_match (yes, answer, 0, NULL) : (answer[0] == 'y' || answer[0] == 'Y');
}

static int
run_restore (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloBackupInfo) backup = NULL;
  g_autoptr(SportelloBackupInfo) current = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *backup_line = NULL;
  g_autofree char *safety = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  /* checked before the database is even opened: a wrong file changes nothing */
  if (!(backup = sportello_backup_inspect (options->restore_path, TRUE, &error)))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }
  if (!(db = open_database (options, &exit_code)))
    return exit_code;
  if (!(current = sportello_backup_inspect_database (db, &error)))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }

  date = g_date_time_format (backup->date, "%Y-%m-%d %H:%M");
  /* Translators: %s is the date and time of the backup */
  backup_line = g_strdup_printf (_("The backup of %s"), date);
  print_holdings (backup_line, backup);
  print_holdings (_("The database now"), current);

  if (!options->yes)
    {
      if (!isatty (STDIN_FILENO))
        {
          g_printerr (_("Not restored: give --yes to restore without a question\n"));
          return SPORTELLO_EXIT_USAGE;
        }
      if (!ask_yes ())
        {
          g_printerr (_("Not restored; nothing was changed\n"));
          return 1;
        }
    }

  if (!sportello_backup_restore (db, options->restore_path, now, &safety, &error))
    {
      g_printerr ("%s\n", error->message);
      return exit_code_for (error);
    }
  g_print (_("Restored %s; the database as it was is in %s\n"), options->restore_path, safety);

  return SPORTELLO_EXIT_OK;
}

/* --export-statistics FILE.json, --report FILE.xlsx, with --from and --to */
static int
run_report (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!sportello_cli_report_period (options->from, options->to, &from, &to, &exit_code) ||
      (options->report != NULL && !sportello_cli_report_check_path (options->report, &exit_code)) ||
      !(db = open_database (options, &exit_code)))
    return exit_code;

  if (options->report != NULL)
    return sportello_cli_report (db, options->report, from, to);
  return sportello_cli_export_statistics (db, options->export_statistics, from, to);
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

/* --export-ics FILE, --export-vcard FILE [--client UUID]... */
static int
run_exports (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!(db = open_database (options, &exit_code)))
    return exit_code;
  if (options->export_ics != NULL)
    return sportello_cli_export_ics (db, options->export_ics);
  return sportello_cli_export_vcard (db, options->export_vcard, (const char * const *) options->clients);
}

/* --import-csv FILE, --export-csv FILE */
static int
run_csv (CliOptions *options)
{
  g_autoptr(SportelloDatabase) db = NULL;
  int exit_code = SPORTELLO_EXIT_OK;

  if (!(db = open_database (options, &exit_code)))
    return exit_code;

  if (options->import_csv != NULL)
    return sportello_cli_import_csv (db, options->import_csv, options->dry_run,
                                     options->skip_invalid, options->merge_duplicates);
  return sportello_cli_export_csv (db, options->export_csv);
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
      !(options.dry_run && options.attendance != NULL && !options.on_conflict && !options.merge_duplicates) &&
      !(options.import_csv != NULL && !options.on_conflict))
    {
      g_printerr (_("--dry-run, --on-conflict and --merge-duplicates go with --import\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if (options.passphrase_file != NULL &&
      options.export_path == NULL && options.import_path == NULL && options.validate_path == NULL)
    {
      g_printerr (_("--passphrase-file goes with --export, --import or --validate\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if (options.clients != NULL && options.export_path == NULL && options.export_vcard == NULL)
    {
      g_printerr (_("--client goes with --export or --export-vcard\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if (options.templates_only && (options.export_path == NULL || options.clients != NULL))
    {
      g_printerr (_("--templates-only goes with --export, without --client\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if (options.skip_invalid && options.import_csv == NULL)
    {
      g_printerr (_("--skip-invalid goes with --import-csv\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if ((options.from != NULL || options.to != NULL) && options.export_statistics == NULL && options.report == NULL)
    {
      g_printerr (_("--from and --to go with --export-statistics or --report\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if (options.yes && options.restore_path == NULL)
    {
      g_printerr (_("--yes goes with --restore\n"));
      return SPORTELLO_EXIT_USAGE;
    }
  if ((options.export_path != NULL) + (options.import_path != NULL) + (options.validate_path != NULL) +
      (options.demo != 0) + (options.backup_path != NULL) + (options.restore_path != NULL) +
      options.list_backups + (options.attendance != NULL) + (options.certificates != NULL) +
      (options.export_ics != NULL) + (options.export_vcard != NULL) +
      (options.import_csv != NULL) + (options.export_csv != NULL) +
      (options.export_statistics != NULL) + (options.report != NULL) > 1)
    {
      g_printerr (_("Give only one of --demo, --export, --import, --validate, --backup, --restore, "
                    "--list-backups, --attendance, --certificates, --export-ics, --export-vcard, "
                    "--import-csv, --export-csv, --export-statistics and --report\n"));
      return SPORTELLO_EXIT_USAGE;
    }

  if (options.network_report != NULL)
    {
      /* alone: it reads no database */
      if (options.demo != 0 || options.export_path != NULL || options.import_path != NULL ||
          options.validate_path != NULL || options.backup_path != NULL || options.restore_path != NULL ||
          options.list_backups || options.attendance != NULL || options.certificates != NULL ||
          options.export_ics != NULL || options.export_vcard != NULL || options.import_csv != NULL ||
          options.export_csv != NULL || options.export_statistics != NULL || options.report != NULL ||
          options.from != NULL || options.to != NULL)
        {
          g_printerr (_("--network-report goes alone, with the statistics files after the PDF\n"));
          return SPORTELLO_EXIT_USAGE;
        }
      return sportello_cli_network_report (options.network_report, (const char * const *) options.remaining);
    }

  if (options.demo != 0)
    return run_demo (&options);
  if (options.export_path != NULL)
    return run_export (&options);
  if (options.import_path != NULL)
    return run_import (&options);
  if (options.validate_path != NULL)
    return run_validate (&options);
  if (options.backup_path != NULL)
    return run_backup (&options);
  if (options.restore_path != NULL)
    return run_restore (&options);
  if (options.list_backups)
    return run_list_backups (&options);
  if (options.attendance != NULL || options.certificates != NULL)
    return run_events (&options);
  if (options.export_ics != NULL || options.export_vcard != NULL)
    return run_exports (&options);
  if (options.import_csv != NULL || options.export_csv != NULL)
    return run_csv (&options);
  if (options.export_statistics != NULL || options.report != NULL)
    return run_report (&options);

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
