/* sportello-database.c: the SQLite database of one consultant
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sportello-backup.h"
#include "sportello-database-private.h"

#define DATABASE_FILE_NAME "sportello.db"
#define SQLITE_MAGIC "SQLite format 3"
#define BUSY_TIMEOUT_MS 5000
/* what a connection keeps of the file in memory, in KiB */
#define CACHE_KIB 512

struct _SportelloDatabase
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  char    *consultant;
  char    *hub;
  gboolean opened;      /* past sportello_database_open() */
};

G_DEFINE_FINAL_TYPE (SportelloDatabase, sportello_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sportello-store-error-quark, sportello_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Says what an SQLite failure means for the person at the desk: a full
 * disk, a lock held by another program and a failing disk each have
 * their own code and words; anything else is SQLite's own message */
static void
set_sqlite_error (SportelloDatabase  *self,
                  int                 rc,
                  const char         *message,
                  GError            **error)
{
  int system_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      if (system_errno != ENOSPC)
        {
          g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_IO,
                       /* Translators: %s are the file and the reason */
                       _("Cannot read or write the database “%s”: %s"), self->path,
                       system_errno != 0 ? g_strerror (system_errno) : message);
          return;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_FULL:
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_DISK_FULL,
                   _("The disk that holds the database “%s” is full: free some space and try again"),
                   self->path);
      return;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      /* once open, the lock may be Sportello's own long work (an import) */
      if (!self->opened)
        g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_LOCKED,
                     _("The database “%s” is locked by another program: close it and try again"),
                     self->path);
      else
        g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_LOCKED,
                     _("The database “%s” is busy with other work (an import, or another program): try again when it is done"),
                     self->path);
      return;

    case SQLITE_NOTADB:
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Sportello database; it was left untouched"), self->path);
      return;

    default:
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_SQL,
                   /* Translators: %s is SQLite's own (English) message */
                   _("Database error: %s"), message);
    }
}

void
_sportello_database_set_error (SportelloDatabase  *self,
                               GError            **error)
{
  set_sqlite_error (self, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db), error);
}

/*
 * Runs one statement whose only parameter, if any, is a record's UUID:
 * “DELETE FROM meetings WHERE uuid = ?” and the like.
 */
gboolean
_sportello_database_run_on_uuid (SportelloDatabase  *self,
                                 const char         *sql,
                                 const char         *uuid,
                                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (self, sql, error)))
    return FALSE;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sportello_database_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
_sportello_database_get_handle (SportelloDatabase *self)
{
  return self->db;
}

sqlite3_stmt *
_sportello_database_prepare (SportelloDatabase  *self,
                             const char         *sql,
                             GError            **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sportello_database_set_error (self, error);
      return NULL;
    }

  return stmt;
}

gboolean
sportello_database_exec (SportelloDatabase  *self,
                         const char         *sql,
                         GError            **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (self), FALSE);

  if ((rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg)) != SQLITE_OK)
    {
      set_sqlite_error (self, sqlite3_extended_errcode (self->db) != SQLITE_OK ? sqlite3_extended_errcode (self->db) : rc,
                        errmsg ? errmsg : sqlite3_errmsg (self->db), error);
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

gboolean
sportello_database_begin (SportelloDatabase  *self,
                          GError            **error)
{
  return sportello_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
sportello_database_commit (SportelloDatabase  *self,
                           GError            **error)
{
  return sportello_database_exec (self, "COMMIT", error);
}

void
sportello_database_rollback (SportelloDatabase *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The schema version and the application id, from the file's header;
 * fails only when the file cannot be read (locked, a failing disk…) */
static gboolean
read_header (SportelloDatabase  *self,
             int                *version,
             gint32             *application_id,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sportello_database_prepare (self, "SELECT * FROM pragma_user_version, pragma_application_id", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sportello_database_set_error (self, error);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  *application_id = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* The tables the schema versions released before the application id
 * created: a database without the id is one of ours only if it has them */
static const struct {
  int         version;
  const char *table;
} earlier_tables[] = {
  { 1, "info" },
  { 2, "clients" },
  { 2, "contacts" },
  { 3, "meetings" },
  { 3, "follow_ups" },
  { 4, "exchanges" },
  { 4, "imports" },
  { 5, "checklists" },
  { 5, "assessments" },
  { 6, "documents" },
  { 7, "user_templates" },
};
#define LAST_VERSION_WITHOUT_ID 9

static gboolean
has_table (SportelloDatabase  *self,
           const char         *table,
           gboolean           *found,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sportello_database_prepare (self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sportello_database_set_error (self, error);
      return FALSE;
    }

  *found = rc == SQLITE_ROW;
  return TRUE;
}

/* Whether the file is ours to open (and migrate): it has Sportello's
 * application id, or it is empty, or an earlier Sportello made it (no id,
 * but its tables); another program's SQLite file is never changed */
static gboolean
check_ours (SportelloDatabase  *self,
            int                 version,
            gint32              application_id,
            GError            **error)
{
  gboolean found = FALSE;

  if (application_id == SPORTELLO_DATABASE_APPLICATION_ID)
    return TRUE;

  if (application_id == 0 && version == 0)
    {
      /* a new file: nothing in it at all */
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!(stmt = _sportello_database_prepare (self, "SELECT count(*) FROM sqlite_schema", error)))
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _sportello_database_set_error (self, error);
          return FALSE;
        }
      if (sqlite3_column_int (stmt, 0) == 0)
        return TRUE;
    }
  else if (application_id == 0 && version <= LAST_VERSION_WITHOUT_ID)
    {
      found = TRUE;
      for (guint i = 0; found && i < G_N_ELEMENTS (earlier_tables); i++)
        if (earlier_tables[i].version <= version &&
            !has_table (self, earlier_tables[i].table, &found, error))
          return FALSE;
      if (found)
        return TRUE;
    }

  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Sportello database; it was left untouched"), self->path);
  return FALSE;
}

int
sportello_database_latest_schema_version (void)
{
  guint n;

  _sportello_migrations (&n);
  return (int) n;
}

static gboolean
too_new (SportelloDatabase  *self,
         int                 version,
         GError            **error)
{
  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_TOO_NEW,
               _("The database “%s” was made by a newer Sportello (schema %d, this version knows up to %d); update Sportello to open it"),
               self->path, version, sportello_database_latest_schema_version ());
  return FALSE;
}

/* Switches a new file to WAL. Another process opening the same new file
 * at the same moment may hold the lock that makes SQLite give up at once
 * (it skips its busy handler where waiting could deadlock): try again for
 * as long as the busy timeout would have waited */
static gboolean
use_wal (SportelloDatabase  *self,
         GError            **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (sportello_database_exec (self, "PRAGMA journal_mode=WAL", &local_error))
        return TRUE;
      if (!g_error_matches (local_error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_LOCKED) ||
          attempt * 10 >= BUSY_TIMEOUT_MS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (10 * 1000);
    }
}

/* Each step reads the schema version again inside its own write
 * transaction: another process opening the same new folder at the same
 * time may have taken the step already */
static gboolean
migrate (SportelloDatabase  *self,
         GError            **error)
{
  const SportelloMigration *migrations;
  guint n_migrations;

  migrations = _sportello_migrations (&n_migrations);

  for (;;)
    {
      g_autofree char *step = NULL;
      int version;
      gint32 application_id;

      if (!read_header (self, &version, &application_id, error))
        return FALSE;
      if ((guint) version >= n_migrations && application_id == SPORTELLO_DATABASE_APPLICATION_ID)
        break;

      if (!sportello_database_begin (self, error))
        return FALSE;
      if (!read_header (self, &version, &application_id, error))
        goto failed;
      if (application_id != SPORTELLO_DATABASE_APPLICATION_ID && !check_ours (self, version, application_id, error))
        goto failed;
      if ((guint) version > n_migrations)
        {
          too_new (self, version, error);
          goto failed;
        }

      /* a database of an earlier Sportello gets the id with its next step */
      if ((guint) version < n_migrations)
        {
          g_debug ("Migrating the database to schema version %d", version + 1);
          step = g_strdup_printf ("%s;PRAGMA user_version = %d;PRAGMA application_id = %d",
                                  migrations[version].sql, version + 1, SPORTELLO_DATABASE_APPLICATION_ID);
        }
      else
        step = g_strdup_printf ("PRAGMA application_id = %d", SPORTELLO_DATABASE_APPLICATION_ID);

      if (!sportello_database_exec (self, step, error) ||
          !sportello_database_commit (self, error))
        goto failed;
    }

  return TRUE;

failed:
  sportello_database_rollback (self);
  return FALSE;
}

/* A file that exists but is not a SQLite database is never opened read-write:
 * SQLite would happily turn an empty file into a database, and a wrong path
 * must never damage somebody's document. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0 };
  gsize n_read = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read, NULL, &local_error))
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Sportello database; it was left untouched"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable_dir (const char  *dir,
                    GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot create the data folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (access (dir, W_OK | X_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot write to the data folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

char *
sportello_database_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "sportello", NULL);
}

SportelloDatabase *
sportello_database_open (const char  *data_dir,
                         GError     **error)
{
  g_autoptr(SportelloDatabase) self = NULL;
  g_autofree char *default_dir = NULL;
  gint32 application_id;
  gboolean ours;
  int version;

  if (data_dir == NULL)
    data_dir = default_dir = sportello_database_default_dir ();

  if (!check_writable_dir (data_dir, error))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_DATABASE, NULL);
  self->path = g_build_filename (data_dir, DATABASE_FILE_NAME, NULL);

  if (!check_existing_file (self->path, error))
    return NULL;

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_WRITABLE,
                   _("Cannot open the database “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (_sportello_migrations_register_functions (self->db) != SQLITE_OK)
    {
      _sportello_database_set_error (self, error);
      return NULL;
    }

  /* nothing is written before the file is known to be ours; the header
   * and the tables are read in one snapshot, as another process may be
   * taking the first migration step at this very moment */
  if (!sportello_database_exec (self, "BEGIN", error))
    return NULL;
  ours = read_header (self, &version, &application_id, error) &&
         check_ours (self, version, application_id, error);
  sportello_database_rollback (self);
  if (!ours)
    return NULL;

  if (version > sportello_database_latest_schema_version ())
    {
      too_new (self, version, error);
      return NULL;
    }

  if (!use_wal (self, error) ||
      !sportello_database_exec (self, "PRAGMA foreign_keys=ON", error) ||
      !sportello_database_exec (self, "PRAGMA synchronous=NORMAL", error) ||
      /* freed pages are zeroed: an erased client is gone from the file too */
      !sportello_database_exec (self, "PRAGMA secure_delete=ON", error))
    return NULL;

  /* an older database with data in it is backed up before its upgrade */
  if (version > 0 && version < sportello_database_latest_schema_version () &&
      !_sportello_backup_before (self, SPORTELLO_BACKUP_MIGRATION, error))
    return NULL;

  /* a smaller page cache than SQLite's 2 MiB, once the migrations are
   * done: the window has several connections (its own, the client
   * list's workers, a job's), each with a cache of its own in the
   * process's memory, and the file's pages are in the system's cache
   * all the same; a search or a scan of 50,000 clients fills any size */
  if (!migrate (self, error) ||
      !sportello_database_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KIB), error))
    return NULL;

  /* from here on every commit is announced (sportello-changes.c) */
  _sportello_database_watch (self);

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

/* for a restored backup of an older schema */
gboolean
_sportello_database_migrate (SportelloDatabase  *self,
                             GError            **error)
{
  return migrate (self, error);
}

const char *
sportello_database_get_path (SportelloDatabase *self)
{
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (self), NULL);

  return self->path;
}

int
sportello_database_get_schema_version (SportelloDatabase *self)
{
  int version;
  gint32 application_id;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (self), -1);

  if (!read_header (self, &version, &application_id, NULL))
    return -1;
  return version;
}

void
sportello_database_set_origin (SportelloDatabase *self,
                               const char        *consultant,
                               const char        *hub)
{
  g_return_if_fail (SPORTELLO_IS_DATABASE (self));

  g_set_str (&self->consultant, consultant ? consultant : "");
  g_set_str (&self->hub, hub ? hub : "");
}

const char *
sportello_database_get_consultant (SportelloDatabase *self)
{
  return self->consultant ? self->consultant : "";
}

const char *
sportello_database_get_hub (SportelloDatabase *self)
{
  return self->hub ? self->hub : "";
}

char *
sportello_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

char *
sportello_new_uuid (void)
{
  return g_uuid_string_random ();
}

static void
sportello_database_finalize (GObject *object)
{
  SportelloDatabase *self = (SportelloDatabase *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->consultant, g_free);
  g_clear_pointer (&self->hub, g_free);

  G_OBJECT_CLASS (sportello_database_parent_class)->finalize (object);
}

static void
sportello_database_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SportelloDatabase *self = SPORTELLO_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_database_class_init (SportelloDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sportello_database_finalize;
  object_class->get_property = sportello_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SportelloDatabase::changed:
   * @kind: the kind of record, one of the SPORTELLO_CHANGE_* names; also
   *   the signal's detail
   * @ids: (nullable) (element-type gint64): the rowids written in the
   *   record's table, or %NULL when there were too many to list
   *
   * Records of @kind were inserted, updated or deleted, through this
   * database or any other open on the same file (an import's worker),
   * and committed. Emitted in the main context of the thread that opened
   * the database, after the commit, once per kind and commit.
   */
  g_signal_new ("changed",
                G_TYPE_FROM_CLASS (klass),
                G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ARRAY);
}

static void
sportello_database_init (SportelloDatabase *self)
{
}
