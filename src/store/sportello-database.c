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

#include "sportello-database-private.h"

#define DATABASE_FILE_NAME "sportello.db"
#define SQLITE_MAGIC "SQLite format 3"

struct _SportelloDatabase
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  char    *consultant;
  char    *hub;
};

G_DEFINE_FINAL_TYPE (SportelloDatabase, sportello_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sportello-store-error-quark, sportello_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_sportello_database_set_error (SportelloDatabase  *self,
                               GError            **error)
{
  g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_SQL,
               /* Translators: %s is SQLite's own (English) message */
               _("Database error: %s"), sqlite3_errmsg (self->db));
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

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_SQL,
                   _("Database error: %s"), errmsg ? errmsg : sqlite3_errmsg (self->db));
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

static int
read_user_version (SportelloDatabase *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sportello_database_prepare (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);

  return -1;
}

int
sportello_database_latest_schema_version (void)
{
  guint n;

  _sportello_migrations (&n);
  return (int) n;
}

static gboolean
migrate (SportelloDatabase  *self,
         GError            **error)
{
  const SportelloMigration *migrations;
  guint n_migrations;
  int version;

  migrations = _sportello_migrations (&n_migrations);
  version = read_user_version (self);

  for (guint i = (guint) version; i < n_migrations; i++)
    {
      g_autofree char *bump = NULL;

      g_debug ("Migrating the database to schema version %u", i + 1);

      if (!sportello_database_begin (self, error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!sportello_database_exec (self, migrations[i].sql, error) ||
          !sportello_database_exec (self, bump, error) ||
          !sportello_database_commit (self, error))
        {
          sportello_database_rollback (self);
          return FALSE;
        }
    }

  return TRUE;
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
  sqlite3_busy_timeout (self->db, 5000);

  version = read_user_version (self);
  if (version < 0)
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Sportello database; it was left untouched"), self->path);
      return NULL;
    }

  if (version > sportello_database_latest_schema_version ())
    {
      g_set_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was made by a newer Sportello (schema %d, this version knows up to %d); update Sportello to open it"),
                   self->path, version, sportello_database_latest_schema_version ());
      return NULL;
    }

  if (!sportello_database_exec (self, "PRAGMA journal_mode=WAL", error) ||
      !sportello_database_exec (self, "PRAGMA foreign_keys=ON", error) ||
      !sportello_database_exec (self, "PRAGMA synchronous=NORMAL", error) ||
      /* freed pages are zeroed: an erased client is gone from the file too */
      !sportello_database_exec (self, "PRAGMA secure_delete=ON", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  /* from here on every commit is announced (sportello-changes.c) */
  _sportello_database_watch (self);

  return g_steal_pointer (&self);
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
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (self), -1);

  return read_user_version (self);
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
