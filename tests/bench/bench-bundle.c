/* bench-bundle.c: export, validate and import of a large bundle
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds 20,000 clients with 10 meetings each, then times each step of the
 * handoff as its own `sportello` process (so each peak RSS is that step's
 * alone), next to the sqlite3 command-line tool loading the same bundle
 * with json_each, in the same run: once into plain tables (clients and
 * meetings, one FTS5 index each), once into Sportello's own schema (every
 * record type, its indexes, FTS5 tables with prefix indexes, WAL), set up
 * the way the import does a large load. Prints numbers; asserts nothing
 * about them.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sportello-bundle-private.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"
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
  gint64 start;
  pid_t pid;

  /* each step starts with the previous one's writes on disk */
  sync ();
  start = g_get_monotonic_time ();
  pid = fork ();

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

/* The kinds the sqlite3 tool loads; their tables, bundle arrays, columns
 * and references are the bundle's own (sportello-bundle.c) */
static const SportelloRecordKind kinds[] = {
  SPORTELLO_RECORD_KIND_CLIENT,
  SPORTELLO_RECORD_KIND_CONTACT,
  SPORTELLO_RECORD_KIND_MEETING,
  SPORTELLO_RECORD_KIND_FOLLOW_UP,
  SPORTELLO_RECORD_KIND_CHECKLIST,
  SPORTELLO_RECORD_KIND_ASSESSMENT,
  SPORTELLO_RECORD_KIND_DOCUMENT,
  SPORTELLO_RECORD_KIND_TEMPLATE,
};

static const char * const fts_indexes[] = { SPORTELLO_FTS_INDEXES };

/* Adds to @sql the drop of each of what @select names (type, name, SQL),
 * keeping the SQL that makes it again in @kept */
static void
set_aside (SportelloDatabase *db,
           const char        *select,
           GString           *sql,
           GPtrArray         *kept)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (_sportello_database_get_handle (db), select, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (sql, "DROP %s %s;", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
      g_ptr_array_add (kept, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_finalize (stmt);
}

/* SQL for the sqlite3 tool that loads @bundle into the empty Sportello
 * database in @dir: the bundle parsed once (JSONB), rows with json_each,
 * triggers and secondary indexes set aside, then the indexes, tag index,
 * last meetings and FTS5 indexes built once and the triggers put back, in
 * one transaction */
static char *
own_schema_sql (const char *dir,
                const char *bundle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (dir, &error);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_string_append_printf (sql,
    "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA cache_size = -65536;"
    "CREATE TEMP TABLE bundle AS SELECT jsonb (readfile ('%s')) AS j;"
    "BEGIN;", bundle);

  set_aside (db, SPORTELLO_BULK_TRIGGERS_SQL, sql, triggers);
  set_aside (db, SPORTELLO_BULK_INDEXES_SQL, sql, indexes);

  for (guint t = 0; t < G_N_ELEMENTS (kinds); t++)
    {
      const RecordSpec *spec = &_sportello_bundle_specs[kinds[t]];
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);

      for (guint i = 0; i < spec->n_columns; i++)
        {
          const Column *column = &spec->columns[i];

          g_assert_true (column->type != COL_CONTENT && column->type != COL_CONTACT);
          g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", column->column);
          if (column->type == COL_REF)
            g_string_append_printf (values, "%s(SELECT id FROM %s WHERE uuid = value ->> '%s')",
                                    values->len ? ", " : "", _sportello_bundle_specs[spec->parent].table, column->key);
          else
            g_string_append_printf (values, "%svalue ->> '%s'", values->len ? ", " : "", column->key);
        }

      g_string_append_printf (sql,
        "INSERT INTO %1$s (%2$s) SELECT %3$s FROM json_each ((SELECT j FROM bundle), '$.%4$s');"
        "INSERT INTO exchanges (uuid, updated_at) SELECT value ->> 'uuid', value ->> 'updated_at' "
        "FROM json_each ((SELECT j FROM bundle), '$.%4$s');",
        spec->table, columns->str, values->str, spec->array);
    }

  for (guint i = 0; i < indexes->len; i++)
    g_string_append_printf (sql, "%s;", (char *) g_ptr_array_index (indexes, i));
  g_string_append (sql, SPORTELLO_CLIENT_INDEX_TAGS_SQL ("1") ";" SPORTELLO_LAST_MEETINGS_SQL ";");
  for (guint i = 0; i < G_N_ELEMENTS (fts_indexes); i++)
    g_string_append_printf (sql, SPORTELLO_FTS_BULK_REBUILD_SQL, fts_indexes[i]);
  for (guint i = 0; i < triggers->len; i++)
    g_string_append_printf (sql, "%s;", (char *) g_ptr_array_index (triggers, i));
  g_string_append (sql,
    "INSERT INTO imports (file_name, exported_by_consultant, exported_by_hub, exported_at, imported_at, records) "
    "VALUES ('all.sportello', '', '', '', strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 0);"
    "COMMIT;");

  return g_string_free (g_steal_pointer (&sql), FALSE);
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
  g_autofree char *own_dir = g_build_filename (dir, "cli-own", NULL);
  g_autofree char *own_db = g_build_filename (own_dir, "sportello.db", NULL);
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
  report ("sqlite3 CLI, plain tables", r, bundle_mb);

  g_free (sql);
  sql = own_schema_sql (own_dir, bundle);
  r = run ((const char *[]) { "sqlite3", own_db, sql, NULL });
  report ("sqlite3 CLI, Sportello's schema", r, bundle_mb);
  {
    /* the same rows as the import */
    g_autoptr(SportelloDatabase) a = sportello_database_open (target, &error);
    g_autoptr(SportelloDatabase) b = sportello_database_open (own_dir, &error);
    const char *count = "SELECT (SELECT count (*) FROM clients) || ' ' || (SELECT count (*) FROM meetings) || ' ' || "
                        "(SELECT count (*) FROM follow_ups) || ' ' || (SELECT count (*) FROM client_tags) || ' ' || "
                        "(SELECT count (*) FROM exchanges)";
    sqlite3_stmt *sa, *sb;

    g_assert_cmpint (sqlite3_prepare_v2 (_sportello_database_get_handle (a), count, -1, &sa, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (_sportello_database_get_handle (b), count, -1, &sb, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (sa), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_step (sb), ==, SQLITE_ROW);
    g_print ("rows (clients meetings follow-ups tags exchanges): import %s, sqlite3 %s\n",
             sqlite3_column_text (sa, 0), sqlite3_column_text (sb, 0));
    sqlite3_finalize (sa);
    sqlite3_finalize (sb);
  }

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }

  return 0;
}
