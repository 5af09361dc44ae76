/* bench-csv.c: a spreadsheet of 50,000 clients imported
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints numbers, asserts nothing about them. Writes a CSV of N clients
 * (50,000) the way an Italian office's spreadsheet has them (';', a header
 * in Italian, valid VAT numbers, a person each, some fields quoted with a
 * ';' or a line break inside), then times, in turns, each into a fresh
 * data folder and as its own process:
 *
 *   sportello --data-dir DIR --import-csv FILE
 *     (reads, maps, checks every row like the editor, looks for
 *     duplicates, writes clients and people in one transaction, builds the
 *     full-text index and the tags)
 *   sqlite3 -cmd ".mode csv" -cmd ".separator ;" DB ".import FILE t"
 *     (the same file into one plain table of text columns)
 *   the same, then SQL that copies it into Sportello's own schema
 *     (clients and contacts with their UUIDs, indexes, full-text triggers
 *     and foreign keys; nothing checked, no duplicates looked for): the
 *     cost of the schema alone, for where the rest of the time goes
 *
 * and, in this process, the store alone (no process start, no schema
 * creation) and the file's reading alone, for where the time goes.
 *
 * Then the export of the 50,000 clients back to a CSV file ("Esporta
 * elenco…"): as it was, on the main thread through the list model (the
 * window frozen throughout), and as the Clients section runs it now, on a
 * worker with its own connection from the list's row ids, its progress
 * coming back to the main loop; with the main loop's longest stall while
 * it runs (a 1 ms timeout notes each turn), and both files compared byte
 * for byte.
 *
 * Then the schema's cost taken apart: the same SQL copy without the
 * full-text index, without seven of the eight secondary indexes (not the
 * VAT number's, which the copy joins on), with UUIDs that increase with
 * the rows instead of random ones, with a rollback journal instead of
 * the WAL, and without the trigger that guards people of anonymised
 * clients (a large import of new clients sets it aside; each run in turn
 * with the others).
 *
 * Each figure is the median of five runs, as wall-clock time and as CPU
 * time (user and system, of the process): on a machine shared with other
 * work the CPU time is the steadier one. The load average is printed
 * with them.
 *
 *   bench-csv [N]
 */

/* RUSAGE_THREAD: the main thread's own CPU time */
#define _GNU_SOURCE

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sportello-client-csv.h"
#include "sportello-client-list.h"
#include "sportello-database.h"
#include "sportello-identifiers.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

#define RUNS 5

static double
median (const double values[RUNS])
{
  double sorted[RUNS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, RUNS, sizeof (double), compare_doubles);
  return sorted[RUNS / 2];
}

/* CPU time used so far, in ms: of this process or of its waited-for children */
static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
load_average (void)
{
  double load = 0;

  return getloadavg (&load, 1) == 1 ? load : -1;
}

static const char * const towns[][2] = {
  { "Cantù", "CO" }, { "Forlì", "FC" }, { "Nardò", "LE" }, { "Como", "CO" },
  { "Lomazzo", "CO" }, { "Cesena", "FC" }, { "Lecce", "LE" }, { "Erba", "CO" },
};
static const char * const kinds[] = {
  "Pasticceria", "Ferramenta", "Bar", "Ottica", "Panificio", "Studio", "Officina", "Tipografia",
};
static const char * const first_names[] = { "Anna", "Luca", "Marta", "Paolo", "Giulia", "Marco" };
static const char * const surnames[] = { "Rossi", "Bianchi", "Villa", "Neri", "Colombo", "Ferrari" };

static char *
write_csv (const char *dir,
           guint       n)
{
  g_autofree char *path = g_build_filename (dir, "clienti.csv", NULL);
  g_autoptr(GString) s = g_string_new ("Ragione sociale;Partita IVA;Indirizzo;CAP;Comune;Prov.;Telefono;"
                                       "E-mail;Categoria;Note;Referente;E-mail referente;Telefono referente\r\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char * const *town = towns[i % G_N_ELEMENTS (towns)];
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *surname = surnames[(i / 7) % G_N_ELEMENTS (surnames)];
      char vat[12];

      /* serial number i + 1, office 013 (Como), the check digit */
      g_snprintf (vat, sizeof vat, "%07u013", i + 1);
      vat[10] = '0' + sportello_vat_check_digit (vat);
      vat[11] = '\0';

      g_string_append_printf (s, "%s %s %u;%s;Via Roma %u;%05u;%s;%s;031 %06u;info%u@impresa.example;%s;",
                              kinds[i % G_N_ELEMENTS (kinds)], surname, i, vat, i % 200 + 1,
                              22063 + i % 30, town[0], town[1], i, i,
                              i % 3 == 0 ? "Artigiano" : i % 3 == 1 ? "Commercio al dettaglio" : "PMI");
      if (i % 10 == 0)
        g_string_append (s, "\"Cliente storico; segnalato\r\ndalla Camera di commercio\"");
      g_string_append_printf (s, ";%s %s;%s.%s%u@impresa.example;333 %07u\r\n",
                              first, surname, first, surname, i, i);
    }

  g_assert_true (g_file_set_contents (path, s->str, s->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Runs @argv; its wall-clock time, and its CPU time in @cpu */
static double
time_process (const char * const *argv,
              double             *cpu)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  double cpu_start = cpu_ms (RUSAGE_CHILDREN);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  *cpu = cpu_ms (RUSAGE_CHILDREN) - cpu_start;
  return now_ms () - start;
}

/* The copy into Sportello's schema, the variants that take its cost apart */
typedef enum
{
  COPY_SCHEMA,          /* as it is */
  COPY_NO_FTS,          /* without the full-text trigger */
  COPY_NO_INDEXES,      /* without the secondary indexes but the one the copy joins on */
  COPY_ORDERED_UUIDS,   /* UUIDs increasing with the rows */
  COPY_ROLLBACK,        /* a rollback journal, not the WAL */
  COPY_NO_GUARD,        /* without the guard on people of anonymised clients */
  N_COPIES
} Copy;

static const char * const copy_labels[N_COPIES] = {
  "Sportello's schema, as it is",
  "  without the full-text index",
  "  without 7 secondary indexes (the VAT one is the join's)",
  "  with increasing UUIDs, not random",
  "  with a rollback journal, not the WAL",
  "  without the people's anonymised-client guard",
};

static char *
copy_sql (Copy copy)
{
  gboolean ordered = copy == COPY_ORDERED_UUIDS;
  const char *client_uuid = ordered ? "printf ('%016x', raw.rowid) || lower (hex (randomblob (8)))"
                                    : "lower (hex (randomblob (16)))";
  const char *contact_uuid = ordered ? "printf ('%016x', r.rowid) || lower (hex (randomblob (8)))"
                                     : "lower (hex (randomblob (16)))";

  return g_strdup_printf (
    "%s PRAGMA foreign_keys = ON; BEGIN; %s"
    "INSERT INTO clients (uuid, name, vat_number, street, postal_code, municipality, province, phone, email,"
    "                     notes, created_at, updated_at)"
    "  SELECT %s, \"Ragione sociale\", \"Partita IVA\", Indirizzo, CAP, Comune,"
    "         \"Prov.\", Telefono, \"E-mail\", Note, strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ'), strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ')"
    "  FROM raw;"
    "INSERT INTO contacts (uuid, client_id, name, email, phone, is_primary, created_at, updated_at)"
    "  SELECT %s, c.id, r.Referente, r.\"E-mail referente\", r.\"Telefono referente\", 1,"
    "         c.created_at, c.created_at FROM raw r JOIN clients c ON c.vat_number = r.\"Partita IVA\";"
    "DROP TABLE raw; COMMIT;",
    copy == COPY_ROLLBACK ? "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;" : "",
    copy == COPY_NO_FTS ? "DROP TRIGGER clients_fts_insert;" :
    copy == COPY_NO_GUARD ? "DROP TRIGGER contacts_anonymised_guard_insert;" :
    copy == COPY_NO_INDEXES ? "DROP INDEX clients_by_name; DROP INDEX clients_by_municipality; DROP INDEX clients_by_updated;"
                              "DROP INDEX clients_by_activity; DROP INDEX clients_in_bin; DROP INDEX clients_by_tax_code;"
                              "DROP INDEX contacts_by_client;" : "",
    client_uuid, contact_uuid);
}

/* ------------------------------------------------------- the export ---- */

typedef struct
{
  GMainLoop *loop;
  char      *data_dir;
  char      *path;
  GArray    *ids;
  guint      n;
  guint      shown;      /* progress updates the main loop got */
  gint64     last_turn;  /* µs */
  gint64     longest;    /* µs between two turns of the main loop */
} Export;

static void
note_turn (Export *export)
{
  gint64 now = g_get_monotonic_time ();

  export->longest = MAX (export->longest, now - export->last_turn);
  export->last_turn = now;
}

static gboolean
turn_cb (gpointer data)
{
  note_turn (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
shown_cb (gpointer data)
{
  Export *export = data;

  note_turn (export);
  export->shown++;
  return G_SOURCE_REMOVE;
}

static gboolean
quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

/* on the worker, as the section's job does: the progress goes to the main loop */
static gboolean
export_progress_cb (guint    done,
                    guint    total,
                    gpointer data)
{
  g_idle_add (shown_cb, data);
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Export *export = data;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = sportello_database_open (export->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (sportello_client_csv_export_ids (db, export->ids, export->path, export_progress_cb, export,
                                                  &export->n, &error));
  g_assert_no_error (error);
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  Export *export = data;

  note_turn (export);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
  g_main_loop_quit (export->loop);
}

/* The export of @data_dir's @n clients, both ways, RUNS times each */
static void
bench_export (const char *data_dir,
              guint       n)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_path = g_build_filename (data_dir, "elenco-sync.csv", NULL);
  g_autofree char *worker_path = g_build_filename (data_dir, "elenco-worker.csv", NULL);
  g_autofree char *sync_bytes = NULL;
  g_autofree char *worker_bytes = NULL;
  double sync[RUNS], sync_cpu[RUNS], worker[RUNS], worker_cpu[RUNS], stall[RUNS], main_cpu[RUNS], idle[RUNS];
  gsize sync_len = 0, worker_len = 0;
  double worst = 0;
  guint shown = 0;

  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  list = sportello_client_list_new (db);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      g_autoptr(GTask) task = NULL;
      Export export = { loop, (char *) data_dir, worker_path };
      double start = now_ms ();
      double start_cpu = cpu_ms (RUSAGE_SELF);
      double start_main_cpu;
      guint written = 0;
      guint turn;

      /* as it was: on the main thread, from the list model */
      g_assert_true (sportello_client_csv_export (db, G_LIST_MODEL (list), sync_path, &written, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (written, ==, n);
      sync[i] = now_ms () - start;
      sync_cpu[i] = cpu_ms (RUSAGE_SELF) - start_cpu;

      /* as the section does now: the ids on the main thread, the rest on a worker */
      start = now_ms ();
      start_cpu = cpu_ms (RUSAGE_SELF);
      start_main_cpu = cpu_ms (RUSAGE_THREAD);
      export.last_turn = g_get_monotonic_time ();
      export.ids = sportello_client_list_dup_ids (list);
      task = g_task_new (NULL, NULL, export_done_cb, &export);
      g_task_set_task_data (task, &export, NULL);
      g_task_run_in_thread (task, export_thread);
      turn = g_timeout_add (1, turn_cb, &export);
      g_main_loop_run (loop);
      g_source_remove (turn);
      /* the progress updates still queued */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      worker[i] = now_ms () - start;
      worker_cpu[i] = cpu_ms (RUSAGE_SELF) - start_cpu;
      main_cpu[i] = cpu_ms (RUSAGE_THREAD) - start_main_cpu;
      stall[i] = export.longest / 1000.0;
      worst = MAX (worst, stall[i]);
      g_assert_cmpuint (export.n, ==, n);
      shown = export.shown;
      g_array_unref (export.ids);

      /* the same main loop with nothing to do, as long: what the machine
       * alone costs it (on a loaded one, turns come late anyway) */
      {
        Export nothing = { g_main_loop_ref (loop) };
        guint quit = g_timeout_add ((guint) worker[i], (GSourceFunc) quit_loop_cb, loop);

        nothing.last_turn = g_get_monotonic_time ();
        turn = g_timeout_add (1, turn_cb, &nothing);
        g_main_loop_run (loop);
        g_source_remove (turn);
        g_source_remove (quit);
        idle[i] = nothing.longest / 1000.0;
        g_main_loop_unref (nothing.loop);
      }
    }

  g_assert_true (g_file_get_contents (sync_path, &sync_bytes, &sync_len, NULL));
  g_assert_true (g_file_get_contents (worker_path, &worker_bytes, &worker_len, NULL));
  g_assert_true (sync_len == worker_len && memcmp (sync_bytes, worker_bytes, sync_len) == 0);

  g_print ("export %u clients to CSV (%.1f MB, the same bytes both ways), median of %d runs:\n",
           n, sync_len / 1e6, RUNS);
  g_print ("  on the main thread, as it was: %.0f ms (CPU %.0f ms), the main loop stalled throughout\n",
           median (sync), median (sync_cpu));
  g_print ("  on a worker, as now: %.0f ms (CPU %.0f ms); the main loop's longest stall %.1f ms "
           "(worst run %.1f ms), %u progress updates\n",
           median (worker), median (worker_cpu), median (stall), worst, shown);
  g_print ("    of which the main thread's CPU %.1f ms; the main loop idle as long stalls %.1f ms at most\n",
           median (main_cpu), median (idle));
}

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("SPORTELLO_EXE");
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  g_autofree char *sqlite3_exe = g_find_program_in_path ("sqlite3");
  g_autofree char *dir = g_dir_make_tmp ("sportello-bench-csv-XXXXXX", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *raw = NULL;
  double ours[RUNS], theirs[RUNS], copies[N_COPIES][RUNS], store[RUNS], parse[RUNS];
  double ours_cpu[RUNS], theirs_cpu[RUNS], copies_cpu[N_COPIES][RUNS], store_cpu[RUNS];
  double load_start, load_end;
  GStatBuf st;

  g_assert_nonnull (exe);
  csv = write_csv (dir, n);
  raw = g_strdup_printf (".import '%s' raw", csv);
  g_stat (csv, &st);
  g_print ("CSV of %u clients with a person each: %.1f MB\n", n, st.st_size / 1e6);
  load_start = load_average ();

  for (guint i = 0; i < RUNS; i++)
    {
      g_autofree char *data = g_strdup_printf ("%s/ours-%u", dir, i);
      g_autofree char *plain = g_strdup_printf ("%s/plain-%u.db", dir, i);
      g_autofree char *store_dir = g_strdup_printf ("%s/store-%u", dir, i);
      g_autofree char *command = g_strdup_printf (".import '%s' clienti", csv);
      const char *ours_argv[] = { exe, "--data-dir", data, "--import-csv", csv, NULL };
      const char *theirs_argv[] = { sqlite3_exe, "-cmd", ".mode csv", "-cmd", ".separator ;", plain, command, NULL };
      g_autoptr(SportelloDatabase) db = NULL;
      g_autoptr(SportelloClientCsv) table = NULL;
      g_autoptr(SportelloClientCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      double start, start_cpu;

      ours[i] = time_process (ours_argv, &ours_cpu[i]);
      theirs[i] = sqlite3_exe != NULL ? time_process (theirs_argv, &theirs_cpu[i]) : 0;
      for (Copy copy = 0; sqlite3_exe != NULL && copy < N_COPIES; copy++)
        {
          g_autofree char *schema_dir = g_strdup_printf ("%s/schema-%u-%d", dir, i, copy);
          g_autofree char *schema_db = g_build_filename (schema_dir, "sportello.db", NULL);
          g_autofree char *sql = copy_sql (copy);
          const char *schema_argv[] = { sqlite3_exe, "-cmd", ".mode csv", "-cmd", ".separator ;", schema_db, raw, sql, NULL };
          sqlite3 *check = NULL;
          sqlite3_stmt *stmt = NULL;

          /* an empty database of ours, its schema made beforehand, not timed */
          db = sportello_database_open (schema_dir, &error);
          g_assert_no_error (error);
          g_clear_object (&db);
          copies[copy][i] = time_process (schema_argv, &copies_cpu[copy][i]);

          /* it did copy every row and person */
          g_assert_cmpint (sqlite3_open (schema_db, &check), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_prepare_v2 (check, "SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM contacts)",
                                               -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2 * n);
          sqlite3_finalize (stmt);
          sqlite3_close (check);
        }

      /* the store alone: the schema made beforehand, not timed */
      db = sportello_database_open (store_dir, &error);
      g_assert_no_error (error);
      start = now_ms ();
      start_cpu = cpu_ms (RUSAGE_SELF);
      table = sportello_client_csv_load (csv, &error);
      g_assert_no_error (error);
      parse[i] = now_ms () - start;
      report = sportello_client_csv_run (table, db, 0, "clienti.csv", NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->added, ==, n);
      g_assert_cmpuint (report->contacts, ==, n);
      g_clear_pointer (&report, sportello_client_csv_report_free);
      g_clear_pointer (&table, sportello_client_csv_free);
      store[i] = now_ms () - start;
      store_cpu[i] = cpu_ms (RUSAGE_SELF) - start_cpu;
    }
  load_end = load_average ();

  g_print ("median of %d runs; load average %.1f before, %.1f after (%d CPUs)\n",
           RUNS, load_start, load_end, g_get_num_processors ());
  if (sqlite3_exe != NULL)
    {
      g_print ("import %u rows: %.0f ms (sqlite3 .import into a plain table: %.0f ms, ratio %.2f)\n",
               n, median (ours), median (theirs), median (ours) / median (theirs));
      g_print ("  CPU time: %.0f ms (sqlite3 .import: %.0f ms, ratio %.2f)\n",
               median (ours_cpu), median (theirs_cpu), median (ours_cpu) / median (theirs_cpu));
      g_print ("sqlite3 .import, then SQL into Sportello's schema (nothing checked): %.0f ms, ratio to ours %.2f\n",
               median (copies[COPY_SCHEMA]), median (ours) / median (copies[COPY_SCHEMA]));
      g_print ("  CPU time: %.0f ms, ratio to ours %.2f, to the plain .import %.2f\n",
               median (copies_cpu[COPY_SCHEMA]), median (ours_cpu) / median (copies_cpu[COPY_SCHEMA]),
               median (copies_cpu[COPY_SCHEMA]) / median (theirs_cpu));
      g_print ("where the schema's time goes (CPU ms, and less than as it is):\n");
      for (Copy copy = 0; copy < N_COPIES; copy++)
        g_print ("  %-58s %5.0f  %+5.0f\n", copy_labels[copy], median (copies_cpu[copy]),
                 median (copies_cpu[copy]) - median (copies_cpu[COPY_SCHEMA]));
    }
  else
    g_print ("import %u rows: %.0f ms, CPU %.0f ms (sqlite3 not found, no comparison)\n",
             n, median (ours), median (ours_cpu));
  g_print ("the store alone, in this process: %.0f ms (CPU %.0f ms), of which reading the file %.0f ms\n",
           median (store), median (store_cpu), median (parse));

  {
    g_autofree char *store_dir = g_strdup_printf ("%s/store-0", dir);

    bench_export (store_dir, n);
  }

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (rm) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
