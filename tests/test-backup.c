/* test-backup.c: backups that are whole, rotated and safely restored
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sportello-backup.h"
#include "sportello-bundle.h"
#include "sportello-client.h"
#include "sportello-database.h"
#include "sportello-database-private.h"
#include "sportello-demo.h"

static char *
data_dir (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static SportelloDatabase *
open_filled (const char *name,
             guint       n_clients)
{
  g_autofree char *dir = data_dir (name);
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db = sportello_database_open (dir, &error);

  g_assert_no_error (error);
  if (n_clients > 0)
    g_assert_true (sportello_demo_fill (db, n_clients, &error));
  g_assert_no_error (error);

  /* each test starts from the defaults */
  sportello_backup_configure (NULL, 7, 4, 12);
  return db;
}

/* The rows of @sql, one per line, from the database file at @path */
static char *
dump (const char *path,
      const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GDateTime *
at (int y, int mo, int d, int h, int mi)
{
  return g_date_time_new_local (y, mo, d, h, mi, 0);
}

/* The names in @folder, sorted, one per line */
static char *
names_in (const char *folder)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) strcmp);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("\n", (char **) names->pdata);
}

static guint
count_clients (SportelloDatabase *db)
{
  g_autoptr(SportelloBackupInfo) info = sportello_backup_inspect_database (db, NULL);

  g_assert_nonnull (info);
  return info->clients;
}

static void
test_write (void)
{
  g_autoptr(SportelloDatabase) db = open_filled ("backup-write", 20);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "copia.db", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr(SportelloBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "clients", "contacts", "meetings", "follow_ups", "documents", "assessments", "info" };

  g_assert_true (sportello_backup_write (db, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  /* a checked Sportello database of the same version and rows */
  info = sportello_backup_inspect (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->clients, ==, 20);
  g_assert_cmpuint (info->meetings, >, 0);
  g_assert_cmpint (info->schema_version, ==, sportello_database_latest_schema_version ());
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);
      g_autofree char *ours = dump (sportello_database_get_path (db), sql);
      g_autofree char *copy = dump (path, sql);

      g_assert_cmpstr (copy, ==, ours);
    }
  {
    g_autofree char *check = dump (path, "PRAGMA integrity_check");
    g_autofree char *journal = dump (path, "PRAGMA journal_mode");

    g_assert_cmpstr (check, ==, "ok|\n");
    /* one self-contained file, no WAL to go with it */
    g_assert_cmpstr (journal, ==, "delete|\n");
  }

  /* the backup opens as a database of its own */
  {
    g_autofree char *other = data_dir ("backup-write-other");
    g_autofree char *target = g_build_filename (other, "sportello.db", NULL);
    g_autoptr(SportelloDatabase) copy = NULL;
    g_autofree char *contents = NULL;
    gsize len;

    g_mkdir_with_parents (other, 0700);
    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (target, contents, len, NULL));
    copy = sportello_database_open (other, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_clients (copy), ==, 20);
  }

  /* never over the database itself */
  g_assert_false (sportello_backup_write (db, sportello_database_get_path (db), &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_assert_cmpuint (count_clients (db), ==, 20);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

/* A synthetic series: a backup every morning from September to December,
 * one before an import on the last afternoon, one a month back to August
 * 2025, and one from 2024 */
/* The copy reads every page of the database once through the source
 * connection's cache; the cache is given back before the check, so the
 * day's backup holds no more memory than it needs */
static void
test_cache_given_back (void)
{
  g_autoptr(SportelloDatabase) db = open_filled ("backup-cache", 400);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "copia-cache.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = _sportello_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  int used = 0, highest = 0;

  /* more pages than the cache holds, so a copy would fill it */
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), >, 2 * 512 * 1024);
  sqlite3_finalize (stmt);

  g_assert_true (sportello_backup_write (db, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_db_status (handle, SQLITE_DBSTATUS_CACHE_USED, &used, &highest, 0), ==, SQLITE_OK);
  g_assert_cmpint (used, <, 64 * 1024);

  /* the connection still reads what it had */
  g_assert_cmpuint (count_clients (db), ==, 400);
  g_unlink (path);
}

static void
test_rotation (void)
{
  g_autofree char *folder = data_dir ("backup-rotation");
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = at (2026, 9, 1, 10, 0);
  g_autoptr(GDateTime) now = at (2026, 12, 1, 16, 0);
  g_autoptr(GDateTime) tomorrow = at (2026, 12, 2, 9, 0);
  static const char expected[] =
    "appunti.txt\n"
    "sportello-2026-01-15T090500-manual.db\n"
    "sportello-2026-02-15T090500-manual.db\n"
    "sportello-2026-03-15T090500-manual.db\n"
    "sportello-2026-04-15T090500-manual.db\n"
    "sportello-2026-05-15T090500-manual.db\n"
    "sportello-2026-06-15T090500-manual.db\n"
    "sportello-2026-07-15T090500-manual.db\n"
    "sportello-2026-08-15T090500-manual.db\n"
    "sportello-2026-09-30T100000.db\n"
    "sportello-2026-10-31T100000.db\n"
    "sportello-2026-11-15T100000.db\n"
    "sportello-2026-11-22T100000.db\n"
    "sportello-2026-11-25T100000.db\n"
    "sportello-2026-11-26T100000.db\n"
    "sportello-2026-11-27T100000.db\n"
    "sportello-2026-11-28T100000.db\n"
    "sportello-2026-11-29T100000.db\n"
    "sportello-2026-11-30T100000.db\n"
    "sportello-2026-12-01T100000.db\n"
    "sportello-2026-12-01T153000-import-2.db\n"
    "sportello-2026-12-01T153000-import.db\n"
    "sportello-old.db";

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  while (g_date_time_get_month (day) != 12 || g_date_time_get_day_of_month (day) != 2)
    {
      g_autofree char *stamp = g_date_time_format (day, "sportello-%Y-%m-%dT%H%M%S.db");
      GDateTime *next = g_date_time_add_days (day, 1);

      touch (folder, stamp);
      g_date_time_unref (day);
      day = next;
    }
  touch (folder, "sportello-2026-12-01T153000-import.db");
  touch (folder, "sportello-2026-12-01T153000-import-2.db");
  for (int i = 0; i < 13; i++)
    {
      g_autofree char *name = g_strdup_printf ("sportello-%04d-%02d-15T090500-manual.db",
                                               2025 + (7 + i) / 12, (7 + i) % 12 + 1);
      touch (folder, name);
    }
  touch (folder, "sportello-2024-06-01T120000-restore.db");
  /* not ours: never touched */
  touch (folder, "appunti.txt");
  touch (folder, "sportello-old.db");

  g_assert_true (sportello_backup_rotate (folder, now, 7, 4, 12, &error));
  g_assert_no_error (error);
  kept = names_in (folder);
  g_assert_cmpstr (kept, ==, expected);

  /* again: nothing more goes */
  g_assert_true (sportello_backup_rotate (folder, now, 7, 4, 12, &error));
  g_clear_pointer (&kept, g_free);
  kept = names_in (folder);
  g_assert_cmpstr (kept, ==, expected);

  /* fewer kept: the newest per period still, and all of today */
  g_assert_true (sportello_backup_rotate (folder, now, 2, 0, 1, &error));
  g_clear_pointer (&kept, g_free);
  kept = names_in (folder);
  g_assert_cmpstr (kept, ==, "appunti.txt\n"
                             "sportello-2026-11-30T100000.db\n"
                             "sportello-2026-12-01T100000.db\n"
                             "sportello-2026-12-01T153000-import-2.db\n"
                             "sportello-2026-12-01T153000-import.db\n"
                             "sportello-old.db");

  /* the next day, only the newest of the day before stays */
  g_assert_true (sportello_backup_rotate (folder, tomorrow, 2, 0, 1, &error));
  g_clear_pointer (&kept, g_free);
  kept = names_in (folder);
  g_assert_cmpstr (kept, ==, "appunti.txt\n"
                             "sportello-2026-11-30T100000.db\n"
                             "sportello-2026-12-01T153000-import-2.db\n"
                             "sportello-old.db");
}

/* Once a day, on a clock of the test's own */
static void
test_daily (void)
{
  g_autoptr(SportelloDatabase) empty = open_filled ("backup-daily-empty", 0);
  g_autoptr(SportelloDatabase) db = open_filled ("backup-daily", 5);
  g_autofree char *folder = sportello_backup_get_folder (db);
  g_autofree char *expected_folder = data_dir ("backup-daily/backups");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  char *made = NULL;

  g_assert_cmpstr (folder, ==, expected_folder);

  {
    g_autoptr(GDateTime) now = at (2026, 12, 1, 9, 0);

    /* nothing to keep yet */
    g_assert_true (sportello_backup_daily (empty, now, &made, &error));
    g_assert_null (made);

    g_assert_true (sportello_backup_daily (db, now, &made, &error));
    g_assert_no_error (error);
    g_assert_nonnull (made);
    g_assert_true (g_str_has_suffix (made, "/sportello-2026-12-01T090000.db"));
    g_clear_pointer (&made, g_free);
  }
  {
    g_autoptr(GDateTime) later = at (2026, 12, 1, 18, 30);

    g_assert_true (sportello_backup_daily (db, later, &made, &error));
    g_assert_null (made);
  }

  /* thirty mornings: the rotation keeps 7 days, 4 weeks and the month */
  for (int i = 0; i < 30; i++)
    {
      g_autoptr(GDateTime) start = at (2026, 11, 2, 9, 0);
      g_autoptr(GDateTime) now = g_date_time_add_days (start, i);

      g_assert_true (sportello_backup_daily (db, now, NULL, &error));
      g_assert_no_error (error);
    }
  list = sportello_backup_list (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 9);
  {
    SportelloBackupInfo *newest = g_ptr_array_index (list, 0);
    SportelloBackupInfo *oldest = g_ptr_array_index (list, list->len - 1);

    g_assert_cmpint (g_date_time_get_day_of_month (newest->date), ==, 1);
    g_assert_cmpint (g_date_time_get_hour (newest->date), ==, 9);
    g_assert_cmpint (newest->reason, ==, SPORTELLO_BACKUP_DAILY);
    g_assert_cmpuint (newest->clients, ==, 5);
    g_assert_cmpuint (newest->size, >, 0);
    g_assert_cmpint (g_date_time_get_day_of_month (oldest->date), ==, 15);
  }

  /* another folder, as chosen in Preferences */
  {
    g_autofree char *chosen = data_dir ("backup-daily-chosen");
    g_autoptr(GDateTime) now = at (2026, 12, 3, 9, 0);

    sportello_backup_configure (chosen, 7, 4, 12);
    g_assert_true (sportello_backup_daily (db, now, &made, &error));
    g_assert_true (g_str_has_prefix (made, chosen));
    g_clear_pointer (&made, g_free);
    sportello_backup_configure (NULL, 7, 4, 12);
  }
}

static void
test_restore_refused (void)
{
  g_autoptr(SportelloDatabase) db = open_filled ("backup-refused", 8);
  g_autofree char *folder = sportello_backup_get_folder (db);
  g_autofree char *text = g_build_filename (g_get_user_data_dir (), "appunti.db", NULL);
  g_autofree char *other = g_build_filename (g_get_user_data_dir (), "altro.db", NULL);
  g_autofree char *future = g_build_filename (g_get_user_data_dir (), "futuro.db", NULL);
  g_autofree char *before = dump (sportello_database_get_path (db), "SELECT uuid, name FROM clients ORDER BY uuid");
  g_autoptr(GDateTime) now = at (2026, 12, 1, 11, 0);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  g_assert_true (g_file_set_contents (text, "Appunti, non un database\n", -1, NULL));
  g_assert_cmpint (sqlite3_open (other, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE clients (x); INSERT INTO clients VALUES (1); PRAGMA user_version = 3;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (sportello_backup_write (db, future, &error));
  g_assert_cmpint (sqlite3_open (future, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  g_assert_false (sportello_backup_restore (db, text, now, NULL, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_false (sportello_backup_restore (db, other, now, NULL, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_false (sportello_backup_restore (db, future, now, NULL, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_false (sportello_backup_restore (db, sportello_database_get_path (db), now, NULL, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* nothing changed, not even a backup was made */
  {
    g_autofree char *after = dump (sportello_database_get_path (db), "SELECT uuid, name FROM clients ORDER BY uuid");
    g_autofree char *names = names_in (folder);
    g_autofree char *contents = NULL;

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (names, ==, "");
    g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Appunti, non un database\n");
  }
}

static void
test_restore (void)
{
  g_autoptr(SportelloDatabase) db = open_filled ("backup-restore", 12);
  g_autofree char *dir = data_dir ("backup-restore");
  g_autoptr(SportelloDatabase) other = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *before = dump (sportello_database_get_path (db), "SELECT uuid, name FROM clients ORDER BY uuid");
  g_autoptr(GDateTime) morning = at (2026, 12, 1, 9, 0);
  g_autoptr(GDateTime) noon = at (2026, 12, 1, 12, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloBackupInfo) safety_info = NULL;
  g_autofree char *uuid = NULL;

  backup = sportello_backup_make (db, SPORTELLO_BACKUP_MANUAL, morning, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (backup, "sportello-2026-12-01T090000-manual.db"));

  /* a client is erased for good, seen by a second connection too */
  {
    g_autofree char *first = dump (sportello_database_get_path (db), "SELECT uuid FROM clients ORDER BY uuid LIMIT 1");

    uuid = g_strndup (first, strlen (first) - 2);
  }
  g_assert_true (sportello_client_erase (db, uuid, &error));
  g_assert_no_error (error);
  other = sportello_database_open (dir, &error);
  g_assert_cmpuint (count_clients (other), ==, 11);

  g_assert_true (sportello_backup_restore (db, backup, noon, &safety, &error));
  g_assert_no_error (error);

  /* back as it was, for every connection */
  {
    g_autofree char *after = dump (sportello_database_get_path (db), "SELECT uuid, name FROM clients ORDER BY uuid");
    g_autoptr(SportelloClient) client = sportello_client_load (other, uuid, &error);

    g_assert_cmpstr (after, ==, before);
    g_assert_no_error (error);
    g_assert_nonnull (client);
    g_assert_cmpuint (count_clients (db), ==, 12);
    g_assert_cmpuint (count_clients (other), ==, 12);
  }
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, sportello_database_latest_schema_version ());
  {
    g_autofree char *journal = dump (sportello_database_get_path (db), "PRAGMA journal_mode");

    g_assert_cmpstr (journal, ==, "wal|\n");
  }

  /* the database as it was before the restore was kept first */
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_suffix (safety, "sportello-2026-12-01T120000-restore.db"));
  safety_info = sportello_backup_inspect (safety, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (safety_info->clients, ==, 11);
  g_assert_cmpint (safety_info->reason, ==, SPORTELLO_BACKUP_RESTORE);
  /* and the backup restored is still there */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* no backup can be made first: nothing is restored */
  {
    g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "un-file", NULL);
    g_autofree char *inside = g_build_filename (blocker, "backups", NULL);

    g_assert_true (sportello_client_erase (db, uuid, &error));
    g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
    sportello_backup_configure (inside, 7, 4, 12);
    g_assert_false (sportello_backup_restore (db, backup, noon, NULL, &error));
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE);
    g_assert_cmpuint (count_clients (db), ==, 11);
    sportello_backup_configure (NULL, 7, 4, 12);
  }
}

/* An import is preceded by a backup, and does not run without one */
static void
test_before_import (void)
{
  g_autoptr(SportelloDatabase) source = open_filled ("backup-import-a", 6);
  g_autoptr(SportelloDatabase) target = open_filled ("backup-import-b", 3);
  g_autofree char *bundle_path = g_build_filename (g_get_user_data_dir (), "import.sportello", NULL);
  g_autofree char *folder = sportello_backup_get_folder (target);
  g_autoptr(SportelloBundle) bundle = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SportelloImportCounts counts[SPORTELLO_N_RECORD_KINDS];

  g_assert_true (sportello_bundle_export (source, NULL, bundle_path, &error));
  g_assert_no_error (error);
  bundle = sportello_bundle_load (bundle_path, &error);
  g_assert_no_error (error);

  /* the backup folder cannot be made: the import is refused, nothing changes */
  {
    g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "blocco", NULL);
    g_autofree char *inside = g_build_filename (blocker, "backups", NULL);

    g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
    sportello_backup_configure (inside, 7, 4, 12);
    g_assert_false (sportello_bundle_apply (bundle, target, SPORTELLO_CONFLICT_NEWER, "import.sportello", counts, &error));
    g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE);
    g_assert_nonnull (strstr (error->message, inside));
    g_clear_error (&error);
    g_assert_cmpuint (count_clients (target), ==, 3);
    sportello_backup_configure (NULL, 7, 4, 12);
  }

  g_assert_true (sportello_bundle_apply (bundle, target, SPORTELLO_CONFLICT_NEWER, "import.sportello", counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_clients (target), ==, 9);

  list = sportello_backup_list (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    SportelloBackupInfo *info = g_ptr_array_index (list, 0);

    g_assert_cmpint (info->reason, ==, SPORTELLO_BACKUP_IMPORT);
    g_assert_true (g_str_has_suffix (info->path, "-import.db"));
    g_assert_cmpuint (info->clients, ==, 3);
  }
}

/* An older database: backed up before its upgrade; its backup restores */
static void
test_before_migration (void)
{
  g_autofree char *dir = data_dir ("backup-migration");
  g_autofree char *path = g_build_filename (dir, "sportello.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const SportelloMigration *migrations;
  guint n;
  sqlite3 *raw = NULL;

  sportello_backup_configure (NULL, 7, 4, 12);
  migrations = _sportello_migrations (&n);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  /* schema 9, the last before the identifiers' step (which needs a
   * function the store registers) */
  g_assert_cmpuint (n, >, 9);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpint (sqlite3_exec (raw, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *bump = g_strdup ("PRAGMA user_version = 9");

    g_assert_cmpint (sqlite3_exec (raw, bump, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO clients (uuid, name, created_at, updated_at) "
                                      "VALUES ('6f1c1d2e-1111-4a4a-8b8b-000000000001', 'Vecchia Ditta', '2026-01-01', '2026-01-01')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_database_get_schema_version (db), ==, (int) n);

  list = sportello_backup_list (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    SportelloBackupInfo *info = g_ptr_array_index (list, 0);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_cmpint (info->reason, ==, SPORTELLO_BACKUP_MIGRATION);
    g_assert_cmpint (info->schema_version, ==, 9);
    g_assert_cmpuint (info->clients, ==, 1);

    /* restoring it brings the old schema up to date again */
    g_assert_true (sportello_database_exec (db, "DELETE FROM clients", &error));
    g_assert_true (sportello_backup_restore (db, info->path, now, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sportello_database_get_schema_version (db), ==, (int) n);
    g_assert_cmpuint (count_clients (db), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/backup/write", test_write);
  g_test_add_func ("/store/backup/cache-given-back", test_cache_given_back);
  g_test_add_func ("/store/backup/rotation", test_rotation);
  g_test_add_func ("/store/backup/daily", test_daily);
  g_test_add_func ("/store/backup/restore-refused", test_restore_refused);
  g_test_add_func ("/store/backup/restore", test_restore);
  g_test_add_func ("/store/backup/before-import", test_before_import);
  g_test_add_func ("/store/backup/before-migration", test_before_migration);

  return g_test_run ();
}
