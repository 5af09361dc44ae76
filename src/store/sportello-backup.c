/* sportello-backup.c: copies of the database, rotated and restorable
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup is made with SQLite's online backup API into “NAME.part”,
 * turned into a single self-contained file (rollback journal, no WAL),
 * checked with PRAGMA integrity_check and only then renamed to its name:
 * a file with a backup's name is always a whole, checked backup.
 *
 * The automatic set lives in one folder (by default “backups” next to the
 * database) and every file of it carries its local time in its name:
 * “sportello-2026-12-01T101500.db” for the daily one, with the reason
 * appended for the others (“…-import.db”, “…-migration.db”,
 * “…-restore.db”, “…-manual.db”). All of them belong to the same set and
 * the rotation treats them alike: the newest per day for the last N days
 * that have backups, the newest per ISO week for M weeks and the newest per
 * month for K months are kept, the others deleted; so is every backup of
 * the current day, so that one made by hand never takes the place of the
 * day's others until the day is over. Files of other names in the folder
 * are never touched.
 *
 * A restore copies a checked backup into the live database with the same
 * API, in one write transaction: the connections that stay open see the
 * old database or the new one, never a mix, and no file is swapped under
 * them (so there is no WAL file to get wrong).
 */

#define G_LOG_DOMAIN "sportello-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sportello-attachment-private.h"
#include "sportello-backup.h"
#include "sportello-database-private.h"

#define NAME_PREFIX "sportello-"
#define NAME_SUFFIX ".db"
#define PART_SUFFIX ".part"
#define STAMP_LENGTH 17   /* 2026-12-01T101500 */
#define SQLITE_MAGIC "SQLite format 3"

static const char * const reason_tags[] = {
  [SPORTELLO_BACKUP_DAILY] = NULL,
  [SPORTELLO_BACKUP_MANUAL] = "manual",
  [SPORTELLO_BACKUP_IMPORT] = "import",
  [SPORTELLO_BACKUP_MIGRATION] = "migration",
  [SPORTELLO_BACKUP_RESTORE] = "restore",
};

/* The preferences of the user, for the process: where the set lives and
 * how much of it is kept. The store's own automatic backups (before an
 * import, before a migration) follow them too. */
static struct
{
  GMutex  lock;
  char   *folder;
  guint   keep_daily;
  guint   keep_weekly;
  guint   keep_monthly;
} config = { .keep_daily = 7, .keep_weekly = 4, .keep_monthly = 12 };

void
sportello_backup_info_free (SportelloBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->date, g_date_time_unref);
  g_free (info);
}

/**
 * sportello_backup_configure:
 * @folder: (nullable): where the automatic backups go; %NULL or "" for
 *   “backups” in the database's folder
 *
 * Sets, for the whole process, where the set of backups lives and how many
 * of them the rotation keeps (at least one daily).
 */
void
sportello_backup_configure (const char *folder,
                            guint       keep_daily,
                            guint       keep_weekly,
                            guint       keep_monthly)
{
  g_mutex_lock (&config.lock);
  g_set_str (&config.folder, folder != NULL && *folder != '\0' ? folder : NULL);
  config.keep_daily = MAX (keep_daily, 1);
  config.keep_weekly = keep_weekly;
  config.keep_monthly = keep_monthly;
  g_mutex_unlock (&config.lock);
}

/* The folder of the set of backups of @db */
char *
sportello_backup_get_folder (SportelloDatabase *db)
{
  g_autofree char *data_dir = NULL;
  char *folder;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  g_mutex_lock (&config.lock);
  folder = g_strdup (config.folder);
  g_mutex_unlock (&config.lock);
  if (folder != NULL)
    return folder;

  data_dir = g_path_get_dirname (sportello_database_get_path (db));
  return g_build_filename (data_dir, "backups", NULL);
}

const char *
sportello_backup_reason_label (SportelloBackupReason reason)
{
  switch (reason)
    {
    case SPORTELLO_BACKUP_MANUAL:
      /* Translators: why a backup was made, shown under its date */
      return _("Made by hand");
    case SPORTELLO_BACKUP_IMPORT:
      return _("Before an import");
    case SPORTELLO_BACKUP_MIGRATION:
      return _("Before a database upgrade");
    case SPORTELLO_BACKUP_RESTORE:
      return _("Before a restore");
    case SPORTELLO_BACKUP_DAILY:
    default:
      return _("Daily");
    }
}

/* ------------------------------------------------------------ names ---- */

/* “sportello-2026-12-01T101500[-reason][-N].db”: its time and reason */
static GDateTime *
parse_name (const char            *name,
            SportelloBackupReason *reason,
            guint                 *number)
{
  g_autofree char *rest = NULL;
  g_auto(GStrv) words = NULL;
  int y, mo, d, h, mi, s;
  gsize len = strlen (name);
  char stamp[STAMP_LENGTH + 1];
  char check[STAMP_LENGTH + 1];

  if (!g_str_has_prefix (name, NAME_PREFIX) || !g_str_has_suffix (name, NAME_SUFFIX) ||
      len < strlen (NAME_PREFIX) + STAMP_LENGTH + strlen (NAME_SUFFIX))
    return NULL;

  memcpy (stamp, name + strlen (NAME_PREFIX), STAMP_LENGTH);
  stamp[STAMP_LENGTH] = '\0';
  if (sscanf (stamp, "%4d-%2d-%2dT%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  g_snprintf (check, sizeof check, "%04d-%02d-%02dT%02d%02d%02d", y, mo, d, h, mi, s);
  if (!g_str_equal (check, stamp))
    return NULL;

  rest = g_strndup (name + strlen (NAME_PREFIX) + STAMP_LENGTH,
                    len - strlen (NAME_PREFIX) - STAMP_LENGTH - strlen (NAME_SUFFIX));
  *reason = SPORTELLO_BACKUP_DAILY;
  *number = 1;
  if (*rest != '\0')
    {
      if (rest[0] != '-')
        return NULL;
      words = g_strsplit (rest + 1, "-", -1);
      for (guint i = 0; words[i] != NULL; i++)
        {
          gboolean known = FALSE;

          for (guint r = 0; r < G_N_ELEMENTS (reason_tags); r++)
            if (i == 0 && reason_tags[r] != NULL && g_str_equal (words[i], reason_tags[r]))
              {
                *reason = r;
                known = TRUE;
              }
          if (!known && (words[i][0] == '\0' || strspn (words[i], "0123456789") != strlen (words[i])))
            return NULL;
          if (!known)
            *number = (guint) g_ascii_strtoull (words[i], NULL, 10);
        }
    }

  return g_date_time_new_local (y, mo, d, h, mi, s);
}

typedef struct
{
  char                  *name;
  GDateTime             *date;
  SportelloBackupReason  reason;
  guint                  number;   /* “-2” for the second in the same second */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_date_time_unref (entry->date);
  g_free (entry);
}

/* newest first; in the same second, the one made later first */
static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = *(const Entry **) a, *y = *(const Entry **) b;
  int by_date = g_date_time_compare (y->date, x->date);

  if (by_date != 0)
    return by_date;
  if (x->number != y->number)
    return x->number < y->number ? 1 : -1;
  return strcmp (y->name, x->name);
}

/* The set in @folder, newest first; a folder not made yet holds none */
static GPtrArray *
read_set (const char  *folder,
          GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!(dir = g_dir_open (folder, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot read the backup folder “%s”: %s"), folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      SportelloBackupReason reason;
      guint number;
      GDateTime *date = parse_name (name, &reason, &number);
      Entry *entry;

      if (date == NULL)
        continue;
      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (name);
      entry->date = date;
      entry->reason = reason;
      entry->number = number;
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, entry_compare);

  return g_steal_pointer (&entries);
}

/* A free name in @folder for a backup made at @now */
static char *
new_backup_path (const char            *folder,
                 SportelloBackupReason  reason,
                 GDateTime             *now)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%S");

  for (guint n = 1; ; n++)
    {
      g_autofree char *number = n > 1 ? g_strdup_printf ("-%u", n) : NULL;
      g_autofree char *name = g_strconcat (NAME_PREFIX, stamp,
                                           reason_tags[reason] ? "-" : "", reason_tags[reason] ? reason_tags[reason] : "",
                                           number ? number : "", NAME_SUFFIX, NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *part = g_strconcat (path, PART_SUFFIX, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (part, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

/* ----------------------------------------------------------- reading ---- */

static void set_sqlite_error (GError     **error,
                              int          code,
                              sqlite3     *db,
                              const char  *format,
                              ...) G_GNUC_PRINTF (4, 5);

static void
set_sqlite_error (GError     **error,
                  int          code,
                  sqlite3     *db,
                  const char  *format,
                  ...)
{
  g_autofree char *prefix = NULL;
  va_list args;

  va_start (args, format);
  prefix = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SPORTELLO_STORE_ERROR, code, "%s: %s", prefix,
               db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
}

/* Opens @path read-only without ever writing next to it: no journal, no
 * WAL or shared-memory file, whatever the file's header says. */
static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  char header[16] = { 0 };
  sqlite3 *db = NULL;
  FILE *file;
  gsize n;

  if (!(file = g_fopen (path, "rb")))
    {
      int saved_errno = errno;

      g_set_error (error, SPORTELLO_STORE_ERROR,
                   saved_errno == ENOENT ? SPORTELLO_STORE_ERROR_NOT_FOUND : SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);
  if (n < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Sportello database"), path);
      return NULL;
    }

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, SPORTELLO_STORE_ERROR_NOT_A_DATABASE, db, _("Cannot open “%s”"), path);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* One number from @sql, or -1 when it cannot be read (no such table) */
static gint64
query_number (sqlite3    *db,
              const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;

  /* no memory map here: mapping the whole copy made the check of a 290 MB
   * database a few seconds faster on an idle machine, but every page it
   * touched stayed in the process's resident memory (peak RSS 160 → 450 MB
   * after the start-up backup), for a check that runs in the background */
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (error, SPORTELLO_STORE_ERROR_NOT_A_DATABASE, db, _("Cannot check “%s”"), path);
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is SQLite's own (English) report */
                   _("“%s” is damaged: %s"), path, result ? result : "?");
      return FALSE;
    }

  return TRUE;
}

/* What @db holds, and whether it is a Sportello database this version can open */
static gboolean
describe (sqlite3              *db,
          const char           *path,
          SportelloBackupInfo  *info,
          GError              **error)
{
  gint64 version = query_number (db, "PRAGMA user_version");

  if (version < 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Sportello database"), path);
      return FALSE;
    }
  if (version > sportello_database_latest_schema_version ())
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer Sportello (schema %d, this version knows up to %d)"),
                   path, (int) version, sportello_database_latest_schema_version ());
      return FALSE;
    }
  /* every Sportello database has its creation date since the first schema,
   * and its clients since the second */
  if (version < 1 || query_number (db, "SELECT count(*) FROM info WHERE key = 'created_at'") != 1 ||
      (version >= 2 && query_number (db, "SELECT count(*) FROM clients") < 0))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Sportello database"), path);
      return FALSE;
    }

  info->schema_version = (int) version;
  info->clients = (guint) MAX (query_number (db, "SELECT count(*) FROM clients WHERE deleted_at IS NULL"), 0);
  info->meetings = (guint) MAX (query_number (db, "SELECT count(*) FROM meetings"), 0);
  info->documents = (guint) MAX (query_number (db, "SELECT count(*) FROM documents"), 0);
  /* -1, so none, before the schema had attachments */
  info->attachments = (guint) MAX (query_number (db, "SELECT count(*) FROM attachments WHERE deleted_at IS NULL"), 0);

  return TRUE;
}

/**
 * sportello_backup_inspect:
 * @check: also run PRAGMA integrity_check (slow on a large file)
 *
 * What the backup at @path holds; an error when it is not a Sportello
 * database this version can open (%SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
 * %SPORTELLO_STORE_ERROR_TOO_NEW). The file is only read.
 */
SportelloBackupInfo *
sportello_backup_inspect (const char  *path,
                          gboolean     check,
                          GError     **error)
{
  g_autoptr(SportelloBackupInfo) info = g_new0 (SportelloBackupInfo, 1);
  g_autofree char *name = g_path_get_basename (path);
  GStatBuf st;
  sqlite3 *db;
  gboolean ok;
  guint number;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = open_read_only (path, error)))
    return NULL;
  ok = describe (db, path, info, error) && (!check || check_integrity (db, path, error));
  sqlite3_close (db);
  if (!ok)
    return NULL;

  info->path = g_strdup (path);
  if (g_stat (path, &st) == 0)
    info->size = (guint64) st.st_size;
  if (!(info->date = parse_name (name, &info->reason, &number)))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
      g_autoptr(GDateTime) modified = file_info ? g_file_info_get_modification_date_time (file_info) : NULL;

      info->reason = SPORTELLO_BACKUP_MANUAL;
      info->date = modified ? g_date_time_to_local (modified) : g_date_time_new_now_local ();
    }

  return g_steal_pointer (&info);
}

/* The same facts about the live database, to set against a backup's */
SportelloBackupInfo *
sportello_backup_inspect_database (SportelloDatabase  *db,
                                   GError            **error)
{
  g_autoptr(SportelloBackupInfo) info = g_new0 (SportelloBackupInfo, 1);
  GStatBuf st;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  if (!describe (_sportello_database_get_handle (db), sportello_database_get_path (db), info, error))
    return NULL;
  info->path = g_strdup (sportello_database_get_path (db));
  info->date = g_date_time_new_now_local ();
  if (g_stat (info->path, &st) == 0)
    info->size = (guint64) st.st_size;

  return g_steal_pointer (&info);
}

/**
 * sportello_backup_list:
 *
 * The set of backups in @folder, newest first, as #SportelloBackupInfo;
 * one that cannot be read is listed with a schema version of -1.
 */
GPtrArray *
sportello_backup_list (const char  *folder,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *infos;

  if (!(entries = read_set (folder, error)))
    return NULL;

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) sportello_backup_info_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *path = g_build_filename (folder, entry->name, NULL);
      SportelloBackupInfo *info = sportello_backup_inspect (path, FALSE, NULL);

      if (info == NULL)
        {
          GStatBuf st;

          info = g_new0 (SportelloBackupInfo, 1);
          info->path = g_steal_pointer (&path);
          info->schema_version = -1;
          info->reason = entry->reason;
          info->date = g_date_time_ref (entry->date);
          if (g_stat (info->path, &st) == 0)
            info->size = (guint64) st.st_size;
        }
      g_ptr_array_add (infos, info);
    }

  return infos;
}

/* ----------------------------------------------------------- writing ---- */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copies @from into @to with the backup API, all pages in one step */
static int
copy_pages (sqlite3 *to,
            sqlite3 *from)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (to);

  for (guint tries = 0; ; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= 100)
        break;
      g_usleep (50 * 1000);
    }
  sqlite3_backup_finish (backup);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
write_copy (sqlite3     *source,
            const char  *path,
            GError     **error)
{
  g_autofree char *part = g_strconcat (path, PART_SUFFIX, NULL);
  g_autofree char *journal = g_strconcat (part, "-journal", NULL);
  sqlite3 *dest = NULL;
  gboolean ok = FALSE;
  int rc;

  g_unlink (part);
  if (sqlite3_open_v2 (part, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, SPORTELLO_STORE_ERROR_NOT_WRITABLE, dest, _("Cannot write the backup “%s”"), path);
      goto out;
    }

  /* a half-written .part is thrown away anyway: no journal while copying;
   * and a small page cache: the copy and its check read each page about
   * once, and the day's backup runs while the window is in use (SQLite's
   * 2 MiB were 2–3 MB more at the window's peak) */
  sqlite3_exec (dest, "PRAGMA journal_mode=OFF; PRAGMA cache_size=-256", NULL, NULL, NULL);
  if ((rc = copy_pages (dest, source)) != SQLITE_OK)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot write the backup “%s”: %s"), path, sqlite3_errstr (rc));
      goto out;
    }

  /* the copy read every page through the source's cache once, and none is
   * read again here: the cache is given back before the long check (the
   * day's backup runs while the window is in use) */
  sqlite3_db_release_memory (source);

  /* the attachments' bytes too, so the file alone can bring them back */
  {
    const char *source_path = sqlite3_db_filename (source, "main");
    g_autofree char *dir = g_path_get_dirname (source_path != NULL && *source_path ? source_path : ".");
    g_autofree char *folder = g_build_filename (dir, "attachments", NULL);

    if (!_sportello_attachment_pack (dest, folder, error))
      goto out;
  }

  /* one self-contained file, whatever the live database's journal */
  if (sqlite3_exec (dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, SPORTELLO_STORE_ERROR_NOT_WRITABLE, dest, _("Cannot write the backup “%s”"), path);
      goto out;
    }
  if (!check_integrity (dest, path, error))
    goto out;
  if (sqlite3_close (dest) != SQLITE_OK)
    {
      set_sqlite_error (error, SPORTELLO_STORE_ERROR_NOT_WRITABLE, dest, _("Cannot write the backup “%s”"), path);
      goto out;
    }
  dest = NULL;

  if (g_rename (part, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot write the backup “%s”: %s"), path, g_strerror (saved_errno));
      goto out;
    }
  ok = TRUE;

out:
  if (dest != NULL)
    sqlite3_close (dest);
  if (!ok)
    {
      g_unlink (part);
      g_unlink (journal);
    }
  return ok;
}

/**
 * sportello_backup_write:
 *
 * Writes a checked copy of @db to @path, replacing what is there (but never
 * the database itself); a file with that name is whole or not there.
 */
gboolean
sportello_backup_write (SportelloDatabase  *db,
                        const char         *path,
                        GError            **error)
{
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (same_file (path, sportello_database_get_path (db)))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("“%s” is the database itself, not a place for its backup"), path);
      return FALSE;
    }

  return write_copy (_sportello_database_get_handle (db), path, error);
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot create the backup folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static char *
make_in_set (SportelloDatabase      *db,
             SportelloBackupReason   reason,
             GDateTime              *now,
             gboolean                rotate,
             GError                **error)
{
  g_autofree char *folder = sportello_backup_get_folder (db);
  g_autofree char *path = NULL;
  g_autoptr(GError) rotate_error = NULL;
  guint daily, weekly, monthly;

  if (!make_folder (folder, error))
    return NULL;
  path = new_backup_path (folder, reason, now);
  if (!sportello_backup_write (db, path, error))
    return NULL;
  g_debug ("Backed up the database to %s", path);

  if (!rotate)
    return g_steal_pointer (&path);

  g_mutex_lock (&config.lock);
  daily = config.keep_daily;
  weekly = config.keep_weekly;
  monthly = config.keep_monthly;
  g_mutex_unlock (&config.lock);
  /* the new backup is made and checked; an old one left over is no failure */
  if (!sportello_backup_rotate (folder, now, daily, weekly, monthly, &rotate_error))
    g_message ("Cannot delete old backups: %s", rotate_error->message);

  return g_steal_pointer (&path);
}

/**
 * sportello_backup_make:
 * @now: the time the backup is made at (its name)
 *
 * Makes a backup of @db into the set, then rotates the set.
 *
 * Returns: (transfer full): the path of the new backup
 */
char *
sportello_backup_make (SportelloDatabase      *db,
                       SportelloBackupReason   reason,
                       GDateTime              *now,
                       GError                **error)
{
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return make_in_set (db, reason, now, TRUE, error);
}

/* Nothing worth a backup: no client and no template of one's own */
static gboolean
is_empty (sqlite3 *db)
{
  /* an older schema may have neither table yet */
  return query_number (db, "SELECT EXISTS (SELECT 1 FROM clients)") <= 0 &&
         query_number (db, "SELECT EXISTS (SELECT 1 FROM user_templates)") <= 0;
}

/**
 * sportello_backup_daily:
 * @now: the time of the start-up
 * @made: (out) (optional): the new backup's path, or %NULL if none was due
 *
 * The backup of the day: made (and the set rotated) unless the set already
 * has a backup of @now's day or the database holds nothing yet.
 */
gboolean
sportello_backup_daily (SportelloDatabase  *db,
                        GDateTime          *now,
                        char              **made,
                        GError            **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  char *path;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (made != NULL)
    *made = NULL;
  if (is_empty (_sportello_database_get_handle (db)))
    return TRUE;

  folder = sportello_backup_get_folder (db);
  if (!(entries = read_set (folder, error)))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_date_time_get_year (entry->date) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (entry->date) == g_date_time_get_day_of_year (now))
        return TRUE;
    }

  if (!(path = make_in_set (db, SPORTELLO_BACKUP_DAILY, now, TRUE, error)))
    return FALSE;
  if (made != NULL)
    *made = path;
  else
    g_free (path);

  return TRUE;
}

/**
 * sportello_backup_rotate:
 *
 * Keeps, of the set in @folder, the newest backup of each of the last
 * @keep_daily days that have backups, of each of the last @keep_weekly ISO
 * weeks and of the last @keep_monthly months, and every backup of @now's
 * day; deletes the others.
 */
gboolean
sportello_backup_rotate (const char  *folder,
                         GDateTime   *now,
                         guint        keep_daily,
                         guint        keep_weekly,
                         guint        keep_monthly,
                         GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree gboolean *keep = NULL;
  const guint limits[3] = { MAX (keep_daily, 1), keep_weekly, keep_monthly };

  if (!(entries = read_set (folder, error)))
    return FALSE;

  keep = g_new0 (gboolean, MAX (entries->len, 1));
  for (guint i = 0; i < entries->len; i++)
    {
      GDateTime *date = ((Entry *) g_ptr_array_index (entries, i))->date;

      keep[i] = g_date_time_get_year (date) == g_date_time_get_year (now) &&
                g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now);
    }
  for (guint rule = 0; rule < G_N_ELEMENTS (limits); rule++)
    {
      int last = -1;
      guint periods = 0;

      for (guint i = 0; i < entries->len; i++)
        {
          GDateTime *date = ((Entry *) g_ptr_array_index (entries, i))->date;
          int period;

          if (rule == 0)
            period = g_date_time_get_year (date) * 1000 + g_date_time_get_day_of_year (date);
          else if (rule == 1)
            period = g_date_time_get_week_numbering_year (date) * 100 + g_date_time_get_week_of_year (date);
          else
            period = g_date_time_get_year (date) * 100 + g_date_time_get_month (date);

          if (period == last)
            continue;
          if (periods == limits[rule])
            break;
          /* newest first: the first of a period is its newest */
          keep[i] = TRUE;
          last = period;
          periods++;
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *path = NULL;

      if (keep[i])
        continue;
      path = g_build_filename (folder, entry->name, NULL);
      g_debug ("Rotating away the backup %s", entry->name);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                       _("Cannot delete the old backup “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* ---------------------------------------------------------- restoring ---- */

/**
 * sportello_backup_restore:
 * @now: the time of the restore (the name of the backup made first)
 * @safety_copy: (out) (optional): where the database was backed up first
 *
 * Replaces the contents of @db with the backup at @path, in one
 * transaction. The backup is checked first, and refused, with nothing
 * changed, when it is not a Sportello database this version can open;
 * then @db is backed up into the set. A backup of an older schema is
 * brought up to date.
 */
gboolean
sportello_backup_restore (SportelloDatabase  *db,
                          const char         *path,
                          GDateTime          *now,
                          char              **safety_copy,
                          GError            **error)
{
  g_autoptr(SportelloBackupInfo) info = NULL;
  g_autofree char *safety = NULL;
  sqlite3 *source;
  int rc;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (safety_copy != NULL)
    *safety_copy = NULL;

  if (same_file (path, sportello_database_get_path (db)))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup of it"), path);
      return FALSE;
    }
  if (!(info = sportello_backup_inspect (path, TRUE, error)))
    return FALSE;

  /* not rotated: the backup being restored may be the day's only other one */
  if (!(safety = make_in_set (db, SPORTELLO_BACKUP_RESTORE, now, FALSE, error)))
    return FALSE;

  if (!(source = open_read_only (path, error)))
    return FALSE;
  rc = copy_pages (_sportello_database_get_handle (db), source);
  sqlite3_close (source);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_SQL,
                   _("Cannot restore “%s”: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }

  if (info->schema_version < sportello_database_latest_schema_version () &&
      !_sportello_database_migrate (db, error))
    return FALSE;

  /* the attachments' bytes back in their files */
  if (!_sportello_attachment_unpack (db, error))
    return FALSE;

  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&safety);

  return TRUE;
}

/* ---------------------------------------------------------- automatic ---- */

/**
 * _sportello_backup_before:
 *
 * The backup the store makes before it changes much at once (an import, a
 * schema upgrade). A database with nothing in it needs none; a backup that
 * fails is an error, and the change must not go ahead.
 */
gboolean
_sportello_backup_before (SportelloDatabase      *db,
                          SportelloBackupReason   reason,
                          GError                **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  if (is_empty (_sportello_database_get_handle (db)))
    return TRUE;

  if (!(path = make_in_set (db, reason, now, TRUE, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   reason == SPORTELLO_BACKUP_MIGRATION
                   ? _("The database was not upgraded, because no backup of it could be made first: %s")
                   : _("Nothing was imported, because no backup of the database could be made first: %s"),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}
