/* bench-bundle.c: export, validate and import of a large bundle
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds 20,000 clients with 10 meetings each, then times each step of the
 * handoff as its own `sportello` process (so each peak RSS is that step's
 * alone), next to the sqlite3 command-line tool loading the same bundle
 * with json_each into equivalent tables with an FTS5 index, in the same
 * run. Prints numbers; asserts nothing about them.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sportello-database.h"
#include "sportello-demo.h"

typedef struct
{
  double seconds;
  double peak_mb;
  int    status;
} Run;

static Run
run (const char * const *argv)
{
  Run result = { 0, 0, -1 };
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();

  if (pid == 0)
    {
      int devnull = open ("/dev/null", O_WRONLY);

      dup2 (devnull, STDOUT_FILENO);
      execvp (argv[0], (char * const *) argv);
      _exit (127);
    }

  wait4 (pid, &result.status, 0, &usage);
  result.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  result.peak_mb = usage.ru_maxrss / 1024.0;
  return result;
}

static void
report (const char *what,
        Run         r,
        double      bundle_mb)
{
  g_print ("%-34s %7.2f s   peak RSS %7.1f MB (%.1fx the bundle)%s\n", what, r.seconds, r.peak_mb,
           r.peak_mb / bundle_mb, r.status == 0 ? "" : "   FAILED");
}

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("SPORTELLO_EXE");
  guint n_clients = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  g_autofree char *dir = g_dir_make_tmp ("sportello-bundle-bench-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "source", NULL);
  g_autofree char *target = g_build_filename (dir, "target", NULL);
  g_autofree char *bundle = g_build_filename (dir, "all.sportello", NULL);
  g_autofree char *sqlite_db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  double bundle_mb;
  Run r;

  /* 20,000 clients, then meetings up to 10 each */
  {
    g_autoptr(SportelloDatabase) db = sportello_database_open (source, &error);

    g_assert_no_error (error);
    g_assert_true (sportello_demo_fill (db, n_clients, &error));
    g_assert_true (sportello_database_exec (db,
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) "
      "INSERT INTO meetings (uuid, client_id, starts_at, duration_minutes, kind, participants, topics, notes, "
      "created_at, updated_at, origin_consultant, origin_hub) "
      "SELECT lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' || substr (hex (randomblob (2)), 2) || '-a' "
      "|| substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))), c.id, "
      "strftime ('%Y-%m-%dT%H:%M:00Z', '2026-11-20', '-' || (n.i * 17) || ' days'), 60, 'desk', '', 'e-commerce', "
      "'## Situazione\nIl negozio vende solo al banco e vuole provare la vendita online prima dell''estate.\n\n"
      "## Cosa abbiamo visto\n- Sito vetrina fermo al 2019, senza HTTPS\n- Catalogo di circa 300 articoli, foto da rifare\n"
      "- Nessun gestionale: il magazzino è su un foglio di calcolo\n\n## Prossimi passi\n- Confronto tra piattaforme\n"
      "- Stima dei costi di spedizione e dei resi\n- Verificare i requisiti del bando regionale per la digitalizzazione\n', "
      "c.created_at, c.created_at, c.origin_consultant, c.origin_hub "
      "FROM clients c, n WHERE (SELECT count (*) FROM meetings m WHERE m.client_id = c.id) < n.i",
      &error));
    g_assert_no_error (error);
  }

  r = run ((const char *[]) { exe, "--data-dir", source, "--export", bundle, NULL });
  g_assert_cmpint (g_stat (bundle, &st), ==, 0);
  bundle_mb = st.st_size / (1024.0 * 1024.0);
  g_print ("bundle: %u clients, 10 meetings each, %.1f MB\n", n_clients, bundle_mb);
  report ("export", r, bundle_mb);

  r = run ((const char *[]) { exe, "--validate", bundle, NULL });
  report ("validate", r, bundle_mb);

  r = run ((const char *[]) { exe, "--data-dir", target, "--import", bundle, NULL });
  report ("import into an empty database", r, bundle_mb);

  /* the same load with the sqlite3 tool, into equivalent tables */
  sql = g_strdup_printf (
    "CREATE TABLE clients (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, name TEXT, municipality TEXT, vat_number TEXT, tags TEXT, notes TEXT, data TEXT);"
    "CREATE TABLE meetings (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, client_id INTEGER REFERENCES clients (id), starts_at TEXT, notes TEXT, data TEXT);"
    "CREATE VIRTUAL TABLE clients_fts USING fts5 (name, municipality, vat_number, tags, notes, content='clients', content_rowid='id');"
    "CREATE VIRTUAL TABLE meetings_fts USING fts5 (notes, content='meetings', content_rowid='id');"
    "BEGIN;"
    "INSERT INTO clients (uuid, name, municipality, vat_number, tags, notes, data) "
    "SELECT value ->> 'uuid', value ->> 'name', value ->> 'municipality', value ->> 'vat_number', value ->> 'tags', value ->> 'notes', value "
    "FROM json_each (readfile ('%s'), '$.clients');"
    "INSERT INTO meetings (uuid, client_id, starts_at, notes, data) "
    "SELECT value ->> 'uuid', (SELECT id FROM clients WHERE uuid = value ->> 'client_uuid'), value ->> 'starts_at', value ->> 'notes', value "
    "FROM json_each (readfile ('%s'), '$.meetings');"
    "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild');"
    "INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');"
    "COMMIT;", bundle, bundle);
  r = run ((const char *[]) { "sqlite3", sqlite_db, sql, NULL });
  report ("sqlite3 CLI with json_each", r, bundle_mb);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }

  return 0;
}
