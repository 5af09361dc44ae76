/* test-database.c: opening, migrating and refusing databases
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sportello-database.h"
#include "sportello-database-private.h"

static char *
make_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "sportello-test", NULL);
}

static char *
pragma_text (const char *path,
             const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_open_creates (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *version = NULL;

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_true (g_file_test (sportello_database_get_path (db), G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (sportello_database_get_path (db), dir));
  g_assert_cmpint (sportello_database_get_schema_version (db), ==,
                   sportello_database_latest_schema_version ());
  g_assert_cmpint (sportello_database_latest_schema_version (), >=, 1);

  journal = pragma_text (sportello_database_get_path (db), "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  version = pragma_text (sportello_database_get_path (db), "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, sportello_database_latest_schema_version ());
}

static void
test_default_dir (void)
{
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "sportello", "sportello.db", NULL);

  db = sportello_database_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_database_get_path (db), ==, expected);
}

static void
test_reopen (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SportelloDatabase) db = sportello_database_open (dir, &error);

      g_assert_no_error (error);
      g_assert_cmpint (sportello_database_get_schema_version (db), ==,
                       sportello_database_latest_schema_version ());
      /* foreign keys are on for every connection */
      g_assert_true (sportello_database_exec (db, "SELECT 1", &error));
    }
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  const char *contents = "Appunti del cliente: non un database, da non toccare\n";
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  gsize len;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  db = sportello_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpstr (after, ==, contents);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_too_new (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *raw = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE future (x); PRAGMA user_version = 9999; PRAGMA application_id = 1397772884;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  db = sportello_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_TOO_NEW);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* Makes @path a SQLite file with @sql run in it, by another program */
static void
make_foreign (const char *path,
              const char *sql)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *raw = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
}

/* Another program's SQLite file of the same name is refused, byte for byte
 * untouched: it is not migrated, nor switched to WAL */
static void
test_foreign (gconstpointer data)
{
  const char *sql = data;
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  make_foreign (path, sql);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  db = sportello_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static int
application_id (const char *path)
{
  g_autofree char *id = pragma_text (path, "PRAGMA application_id");

  return atoi (id);
}

/* A database made by an earlier Sportello (its tables, no application id)
 * is recognised, migrated, and gets the id */
static void
test_earlier_sportello (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  const SportelloMigration *migrations;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  migrations = _sportello_migrations (&n);
  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (sql, "%s;", migrations[i].sql);
  g_string_append (sql, "PRAGMA user_version = 5;");
  make_foreign (path, sql->str);
  g_assert_cmpint (application_id (path), ==, 0);

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
  g_assert_cmpint (application_id (path), ==, SPORTELLO_DATABASE_APPLICATION_ID);
  g_clear_object (&db);

  /* the last schema before the id (the first 9 steps), without it:
   * migrated, and it gets the id */
  g_clear_object (&db);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_unlink (file);
    }
  g_string_truncate (sql, 0);
  g_assert_cmpuint (n, >=, 9);
  for (guint i = 0; i < 9; i++)
    g_string_append_printf (sql, "%s;", migrations[i].sql);
  g_string_append (sql, "PRAGMA user_version = 9;");
  make_foreign (path, sql->str);
  g_assert_cmpint (application_id (path), ==, 0);
  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
  g_assert_cmpint (application_id (path), ==, SPORTELLO_DATABASE_APPLICATION_ID);
}

/* An empty file and a new folder both become a database with the id */
static void
test_application_id (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (application_id (path), ==, SPORTELLO_DATABASE_APPLICATION_ID);
  g_clear_object (&db);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
  g_assert_cmpint (application_id (path), ==, SPORTELLO_DATABASE_APPLICATION_ID);
}

/* Another program holding an exclusive lock: said so, not “not a database” */
static void
test_locked (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                      "INSERT INTO info (key, value) VALUES ('held', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  db = sportello_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  sqlite3_close (raw);
  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);

  /* open already: a write that waits too long says the database is busy */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "BEGIN IMMEDIATE; INSERT INTO info (key, value) VALUES ('held', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (sportello_database_exec (db, "INSERT INTO info (key, value) VALUES ('mine', 'y')", &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_LOCKED);
  sqlite3_close (raw);
}

/* A VFS over the default one whose disk fills up on demand: writes and
 * the growth of the shared-memory index fail as they do with ENOSPC */
typedef struct
{
  sqlite3_file         base;
  sqlite3_file        *real;
} FullFile;

static sqlite3_vfs *real_vfs;
static gboolean disk_full;

#define REAL(f) (((FullFile *) (f))->real)

static int full_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;

  g_free (REAL (f));
  return rc;
}
static int full_read (sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL (f)->pMethods->xRead (REAL (f), b, n, o); }
static int full_write (sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
  if (disk_full)
    return SQLITE_FULL;
  return REAL (f)->pMethods->xWrite (REAL (f), b, n, o);
}
static int full_truncate (sqlite3_file *f, sqlite3_int64 s) { return REAL (f)->pMethods->xTruncate (REAL (f), s); }
static int full_sync (sqlite3_file *f, int flags) { return REAL (f)->pMethods->xSync (REAL (f), flags); }
static int full_size (sqlite3_file *f, sqlite3_int64 *s) { return REAL (f)->pMethods->xFileSize (REAL (f), s); }
static int full_lock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xLock (REAL (f), l); }
static int full_unlock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xUnlock (REAL (f), l); }
static int full_reserved (sqlite3_file *f, int *r) { return REAL (f)->pMethods->xCheckReservedLock (REAL (f), r); }
static int full_control (sqlite3_file *f, int op, void *a) { return REAL (f)->pMethods->xFileControl (REAL (f), op, a); }
static int full_sector (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int full_device (sqlite3_file *f) { return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }
static int full_shm_map (sqlite3_file *f, int pg, int sz, int extend, void volatile **p)
{
  if (disk_full)
    return SQLITE_IOERR_SHMSIZE;
  return REAL (f)->pMethods->xShmMap (REAL (f), pg, sz, extend, p);
}
static int full_shm_lock (sqlite3_file *f, int o, int n, int flags) { return REAL (f)->pMethods->xShmLock (REAL (f), o, n, flags); }
static void full_shm_barrier (sqlite3_file *f) { REAL (f)->pMethods->xShmBarrier (REAL (f)); }
static int full_shm_unmap (sqlite3_file *f, int del) { return REAL (f)->pMethods->xShmUnmap (REAL (f), del); }

static const sqlite3_io_methods full_methods = {
  2, full_close, full_read, full_write, full_truncate, full_sync, full_size, full_lock, full_unlock,
  full_reserved, full_control, full_sector, full_device, full_shm_map, full_shm_lock, full_shm_barrier,
  full_shm_unmap, NULL, NULL,
};

static int
full_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  FullFile *file = (FullFile *) f;
  int rc;

  file->real = g_malloc0 (real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  file->base.pMethods = &full_methods;
  return rc;
}

static int full_delete (sqlite3_vfs *v, const char *n, int s) { return real_vfs->xDelete (real_vfs, n, s); }
static int full_access (sqlite3_vfs *v, const char *n, int f, int *r) { return real_vfs->xAccess (real_vfs, n, f, r); }
static int full_pathname (sqlite3_vfs *v, const char *n, int sz, char *out) { return real_vfs->xFullPathname (real_vfs, n, sz, out); }
static int full_random (sqlite3_vfs *v, int n, char *out) { return real_vfs->xRandomness (real_vfs, n, out); }
static int full_sleep (sqlite3_vfs *v, int us) { return real_vfs->xSleep (real_vfs, us); }
static int full_time (sqlite3_vfs *v, double *t) { return real_vfs->xCurrentTime (real_vfs, t); }
static int full_last_error (sqlite3_vfs *v, int n, char *out) { return disk_full ? ENOSPC : real_vfs->xGetLastError (real_vfs, n, out); }

static sqlite3_vfs full_vfs = {
  1, 0, 1024, NULL, "sportello-test-full", NULL,
  full_open, full_delete, full_access, full_pathname, NULL, NULL, NULL, NULL,
  full_random, full_sleep, full_time, full_last_error,
};

/* A full disk: an intact database is not called “not a Sportello database” */
static void
test_disk_full (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autofree char *fresh = g_build_filename (g_get_user_data_dir (), "sportello-new", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  real_vfs = sqlite3_vfs_find (NULL);
  full_vfs.szOsFile = sizeof (FullFile);
  full_vfs.mxPathname = real_vfs->mxPathname;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);
  disk_full = TRUE;

  /* the index of the write-ahead log cannot grow */
  db = sportello_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* a new folder cannot take its first schema */
  db = sportello_database_open (fresh, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_DISK_FULL);
  g_clear_error (&error);

  disk_full = FALSE;
  sqlite3_vfs_unregister (&full_vfs);

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
}

/* Several processes opening one new data folder at once: every one of
 * them succeeds, and the schema is made once */
static void
test_concurrent_open (void)
{
  g_autofree char *dir = make_data_dir ();
  pid_t children[8];

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *folder = g_strdup_printf ("%s-%u", dir, round);

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          children[i] = fork ();
          g_assert_cmpint (children[i], >=, 0);
          if (children[i] == 0)
            {
              g_autoptr(GError) error = NULL;
              SportelloDatabase *db = sportello_database_open (folder, &error);

              if (db == NULL)
                g_printerr ("# child %u: %s\n", i, error->message);
              _exit (db != NULL ? 0 : 1);
            }
        }

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          int status = 0;

          g_assert_cmpint (waitpid (children[i], &status, 0), ==, children[i]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }

      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SportelloDatabase) db = sportello_database_open (folder, &error);

        g_assert_no_error (error);
        g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
      }
    }
}

static void
test_not_writable (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *blocker = g_build_filename (dir, "a-file", NULL);
  g_autofree char *inside = g_build_filename (blocker, "data", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* A data folder below a regular file can never be created, even as root. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));

  db = sportello_database_open (inside, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE);
}

static void
test_transaction_rollback (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);

  g_assert_true (sportello_database_begin (db, &error));
  g_assert_true (sportello_database_exec (db, "INSERT INTO info (key, value) VALUES ('t', 'v')", &error));
  sportello_database_rollback (db);

  g_assert_true (sportello_database_exec (db, "INSERT INTO info (key, value) VALUES ('t', 'v2')", &error));
  g_assert_no_error (error);

  g_assert_false (sportello_database_exec (db, "THIS IS NOT SQL", &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_SQL);
}

static void
test_uuid_and_time (void)
{
  g_autofree char *uuid = sportello_new_uuid ();
  g_autofree char *now = sportello_now_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_true (g_str_has_suffix (now, "Z"));
  parsed = g_date_time_new_from_iso8601 (now, NULL);
  g_assert_nonnull (parsed);
}

/* A connection keeps a small page cache of its own (the window has
 * several, each in the process's memory) */
static void
test_cache_size (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloDatabase) again = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  /* a second connection, on a file already made */
  again = sportello_database_open (dir, &error);
  g_assert_no_error (error);

  for (SportelloDatabase **each = (SportelloDatabase *[]) { db, again, NULL }; *each != NULL; each++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (_sportello_database_get_handle (*each), "PRAGMA cache_size", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      /* negative: KiB */
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, -512);
      sqlite3_finalize (stmt);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/database/open-creates", test_open_creates);
  g_test_add_func ("/store/database/default-dir", test_default_dir);
  g_test_add_func ("/store/database/reopen", test_reopen);
  g_test_add_func ("/store/database/not-a-database", test_not_a_database);
  g_test_add_func ("/store/database/too-new", test_too_new);
  g_test_add_data_func ("/store/database/foreign/version-0", "CREATE TABLE notes (text); INSERT INTO notes VALUES ('mine')", test_foreign);
  g_test_add_data_func ("/store/database/foreign/version-5", "CREATE TABLE notes (text); PRAGMA user_version = 5", test_foreign);
  g_test_add_data_func ("/store/database/foreign/other-id", "PRAGMA application_id = 1196444487; CREATE TABLE t (x)", test_foreign);
  g_test_add_func ("/store/database/earlier-sportello", test_earlier_sportello);
  g_test_add_func ("/store/database/application-id", test_application_id);
  g_test_add_func ("/store/database/locked", test_locked);
  g_test_add_func ("/store/database/disk-full", test_disk_full);
  g_test_add_func ("/store/database/concurrent-open", test_concurrent_open);
  g_test_add_func ("/store/database/not-writable", test_not_writable);
  g_test_add_func ("/store/database/transaction-rollback", test_transaction_rollback);
  g_test_add_func ("/store/database/uuid-and-time", test_uuid_and_time);
  g_test_add_func ("/store/database/cache-size", test_cache_size);

  return g_test_run ();
}
