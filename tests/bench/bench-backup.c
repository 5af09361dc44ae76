/* bench-backup.c: a backup of the 50,000-client database
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints numbers, asserts nothing about them: the store's backup (online
 * backup API, then one file without WAL, then PRAGMA integrity_check),
 * next to `sqlite3 DB .backup FILE` on the same file in the same run, each
 * the median of three, taken in turns so the page cache favours neither;
 * and the backup API alone, in this process, for what the check costs.
 *
 *   bench-backup [N]               fills a database of N clients (50,000)
 *   bench-backup --data-dir DIR    uses the database already in DIR
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sportello-backup.h"
#include "sportello-database.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The backup API alone, as sqlite3's .backup runs it, in this process */
static double
time_raw_backup (const char *from,
                 const char *to)
{
  sqlite3 *source = NULL, *dest = NULL;
  sqlite3_backup *backup;
  double start = now_ms ();

  g_assert_cmpint (sqlite3_open_v2 (from, &source, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (to, &dest), ==, SQLITE_OK);
  backup = sqlite3_backup_init (dest, "main", source, "main");
  g_assert_nonnull (backup);
  while (sqlite3_backup_step (backup, 100) == SQLITE_OK)
    ;
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
  sqlite3_close (dest);
  sqlite3_close (source);
  return now_ms () - start;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double values[3])
{
  qsort (values, 3, sizeof (double), compare_doubles);
  return values[1];
}

static void
remove_file (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (journal);
  g_unlink (wal);
  g_unlink (shm);
}

static double
time_integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  double start = now_ms ();

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* as the store runs it */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA integrity_check", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("SPORTELLO_EXE");
  gboolean given = argc > 2 && g_str_equal (argv[1], "--data-dir");
  guint n_clients = argc > 1 && !given ? (guint) atoi (argv[1]) : 50000;
  g_autofree char *sqlite3_exe = g_find_program_in_path ("sqlite3");
  g_autofree char *data_dir = given ? g_strdup (argv[2]) : g_dir_make_tmp ("sportello-bench-backup-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (data_dir, "sportello.db", NULL);
  g_autofree char *ours = g_build_filename (data_dir, "ours.db", NULL);
  g_autofree char *theirs = g_build_filename (data_dir, "theirs.db", NULL);
  g_autofree char *demo_arg = g_strdup_printf ("%u", n_clients);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  double ours_ms[3], theirs_ms[3], check_ms[3], raw_ms[3];
  GStatBuf st;
  double t0;
  int status;

  t0 = now_ms ();
  if (!given)
    {
      const char *child_argv[] = { exe, "--data-dir", data_dir, "--demo", demo_arg, NULL };

      g_assert_nonnull (exe);
      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
        g_error ("%s", error->message);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_print ("fill %u clients with sportello --demo: %.0f ms\n", n_clients, now_ms () - t0);
    }

  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SportelloBackupInfo) info = sportello_backup_inspect_database (db, &error);

    g_assert_no_error (error);
    n_clients = info->clients;
  }
  /* as a window finds it: the WAL checkpointed by the filling process */
  g_assert_true (g_stat (db_path, &st) == 0);
  g_print ("database: %.1f MB\n", st.st_size / 1e6);

  for (guint run = 0; run < 3; run++)
    {
      double start;

      remove_file (ours);
      start = now_ms ();
      if (!sportello_backup_write (db, ours, &error))
        g_error ("%s", error->message);
      ours_ms[run] = now_ms () - start;
      check_ms[run] = time_integrity_check (ours);
      remove_file (theirs);
      raw_ms[run] = time_raw_backup (db_path, theirs);

      if (sqlite3_exe != NULL)
        {
          g_autofree char *command = g_strdup_printf (".backup '%s'", theirs);
          const char *child_argv[] = { sqlite3_exe, db_path, command, NULL };

          remove_file (theirs);
          start = now_ms ();
          if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error))
            g_error ("%s", error->message);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          theirs_ms[run] = now_ms () - start;
        }
    }

  g_assert_true (g_stat (ours, &st) == 0);
  if (sqlite3_exe != NULL)
    {
      double a = median (ours_ms), b = median (theirs_ms);

      g_print ("backup %u clients: %.0f ms (sqlite3 .backup: %.0f ms, ratio %.2f)\n", n_clients, a, b, a / b);
    }
  else
    g_print ("backup %u clients: %.0f ms (sqlite3 not found, no comparison)\n", n_clients, median (ours_ms));
  g_print ("of which PRAGMA integrity_check of the copy, alone: about %.0f ms; backup file %.1f MB\n",
           median (check_ms), st.st_size / 1e6);
  g_print ("the backup API alone, in this process: %.0f ms (ratio to sqlite3 .backup %.2f)\n",
           median (raw_ms), sqlite3_exe != NULL ? median (raw_ms) / median (theirs_ms) : 0);

  g_clear_object (&db);
  remove_file (ours);
  remove_file (theirs);
  if (!given)
    {
      remove_file (db_path);
      g_rmdir (data_dir);
    }

  return 0;
}
