/* test-database.c: opening, migrating and refusing databases
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sportello-database.h"

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
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE future (x); PRAGMA user_version = 9999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  db = sportello_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_TOO_NEW);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
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
  g_test_add_func ("/store/database/not-writable", test_not_writable);
  g_test_add_func ("/store/database/transaction-rollback", test_transaction_rollback);
  g_test_add_func ("/store/database/uuid-and-time", test_uuid_and_time);

  return g_test_run ();
}
