/* sportello-changes.c: SportelloDatabase::changed, after every commit
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite itself says what is written: its update hook names the table and
 * rowid of every row inserted, updated or deleted (by our statements, by
 * triggers and by foreign-key cascades alike), the commit hook says the
 * transaction is about to commit, the rollback hook that it was undone,
 * and the WAL hook that a commit is done (the database is in WAL mode):
 * only then may another connection read what was written.
 * So no write of the store, present or future, can forget to announce
 * itself, and nothing has to be called by hand after a save.
 *
 * What a transaction touched is collected per kind of record and, when it
 * commits, announced to every open SportelloDatabase on the same file — the
 * import's worker has a connection of its own, and the window must hear of
 * its writes too. Each database is told in the main context of the thread
 * that opened it, from an idle callback: never from inside sqlite3_step()
 * (where a handler could not run SQL on the connection) and never on a
 * worker thread.
 *
 * Hooks give rowids, not UUIDs; a UUID would need a query the hooks may
 * not run, and a deleted row has none left to read. The ids are those of
 * the record's own table (sportello_client_get_id() for clients).
 */

#define G_LOG_DOMAIN "sportello-changes"

#include "config.h"

#include "sportello-database-private.h"

/* more rows than this in one commit are announced as “many” (no ids) */
#define MAX_IDS 256

/* what sqlite3_wal_autocheckpoint() does by default, which our WAL hook
 * replaces: a passive checkpoint once the log has this many pages */
#define AUTOCHECKPOINT_PAGES 1000

static const struct
{
  const char *table;
  const char *kind;
} kinds[] = {
  { "clients",        SPORTELLO_CHANGE_CLIENT },
  { "contacts",       SPORTELLO_CHANGE_CONTACT },
  { "meetings",       SPORTELLO_CHANGE_MEETING },
  { "follow_ups",     SPORTELLO_CHANGE_FOLLOW_UP },
  { "documents",      SPORTELLO_CHANGE_DOCUMENT },
  { "user_templates", SPORTELLO_CHANGE_TEMPLATE },
  { "checklists",     SPORTELLO_CHANGE_CHECKLIST },
  { "assessments",    SPORTELLO_CHANGE_ASSESSMENT },
  { "events",         SPORTELLO_CHANGE_EVENT },
  { "registrations",  SPORTELLO_CHANGE_REGISTRATION },
  { "grant_calls",    SPORTELLO_CHANGE_GRANT_CALL },
  { "grant_applications", SPORTELLO_CHANGE_GRANT_APPLICATION },
  { "attachments",    SPORTELLO_CHANGE_ATTACHMENT },
};

#define N_KINDS G_N_ELEMENTS (kinds)

/* What one commit changed: shared by every database it is announced to */
typedef struct _Change
{
  guint   mask;              /* a bit per kind */
  GArray *ids[N_KINDS];      /* gint64 rowids; NULL when too many */
} Change;

/* One open database: what its connection has written since the last commit */
typedef struct
{
  GWeakRef      ref;
  char         *path;
  GMainContext *context;     /* where it hears of changes */
  guint         mask;
  GArray       *ids[N_KINDS];
  gboolean      overflow[N_KINDS];
  struct _Change *committing; /* between the commit hook and the WAL hook */
} Watch;

typedef struct
{
  GWeakRef  db;        /* not a reference: a database nobody keeps is closed */
  Change   *change;
} Delivery;

static GMutex     registry_lock;
static GPtrArray *registry;   /* Watch, every open database */

static void
change_clear (Change *change)
{
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&change->ids[i], g_array_unref);
}

static void
change_unref (Change *change)
{
  g_atomic_rc_box_release_full (change, (GDestroyNotify) change_clear);
}

static void
watch_reset (Watch *watch)
{
  watch->mask = 0;
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&watch->ids[i], g_array_unref);
      watch->overflow[i] = FALSE;
    }
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_mutex_lock (&registry_lock);
  g_ptr_array_remove_fast (registry, watch);
  g_mutex_unlock (&registry_lock);

  watch_reset (watch);
  g_clear_pointer (&watch->committing, change_unref);
  g_weak_ref_clear (&watch->ref);
  g_main_context_unref (watch->context);
  g_free (watch->path);
  g_free (watch);
}

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  g_weak_ref_clear (&delivery->db);
  change_unref (delivery->change);
  g_free (delivery);
}

static gboolean
deliver_cb (gpointer data)
{
  Delivery *delivery = data;
  g_autoptr(SportelloDatabase) db = g_weak_ref_get (&delivery->db);
  guint signal_id = g_signal_lookup ("changed", SPORTELLO_TYPE_DATABASE);

  if (db == NULL)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < N_KINDS; i++)
    if (delivery->change->mask & (1u << i))
      g_signal_emit (db, signal_id, g_quark_from_static_string (kinds[i].kind),
                     kinds[i].kind, delivery->change->ids[i]);

  return G_SOURCE_REMOVE;
}

/* Whether anybody listens to @db for one of the kinds of @change: the
 * command line and the workers' own connections have nobody, and are
 * told nothing (a delivery waiting in a main loop that never runs would
 * keep nothing alive, but would pile up) */
static gboolean
listened (SportelloDatabase *db,
          Change            *change)
{
  guint signal_id = g_signal_lookup ("changed", SPORTELLO_TYPE_DATABASE);

  if (g_signal_has_handler_pending (db, signal_id, 0, TRUE))
    return TRUE;
  for (guint i = 0; i < N_KINDS; i++)
    if ((change->mask & (1u << i)) &&
        g_signal_has_handler_pending (db, signal_id, g_quark_from_static_string (kinds[i].kind), TRUE))
      return TRUE;

  return FALSE;
}

static void
update_hook (void          *data,
             int            op,
             const char    *db_name,
             const char    *table,
             sqlite3_int64  rowid)
{
  Watch *watch = data;

  for (guint i = 0; i < N_KINDS; i++)
    if (g_str_equal (table, kinds[i].table))
      {
        gint64 id = rowid;

        watch->mask |= 1u << i;
        if (watch->overflow[i])
          return;
        if (watch->ids[i] == NULL)
          watch->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
        if (watch->ids[i]->len >= MAX_IDS)
          {
            watch->overflow[i] = TRUE;
            g_clear_pointer (&watch->ids[i], g_array_unref);
            return;
          }
        g_array_append_val (watch->ids[i], id);
        return;
      }
}

/* About to commit: what the transaction wrote is set aside until the
 * commit is done (this returns 0: the commit goes on) */
static int
commit_hook (void *data)
{
  Watch *watch = data;
  Change *change = watch->committing;

  if (watch->mask == 0)
    return 0;

  if (change == NULL)
    {
      change = watch->committing = g_atomic_rc_box_new0 (Change);
      for (guint i = 0; i < N_KINDS; i++)
        change->ids[i] = g_steal_pointer (&watch->ids[i]);
    }
  else
    /* an earlier commit failed and this one takes it in: which rows, no
     * longer known */
    for (guint i = 0; i < N_KINDS; i++)
      if (watch->mask & (1u << i))
        g_clear_pointer (&change->ids[i], g_array_unref);
  change->mask |= watch->mask;
  watch_reset (watch);

  return 0;
}

/* Every database on this file hears of @change, each in its own main
 * context */
static void
announce (Watch  *watch,
          Change *change)
{
  g_autoptr(GPtrArray) dbs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_main_context_unref);

  /* the references taken here are dropped after the lock: dropping the
   * last one closes a database, which takes the lock */
  g_mutex_lock (&registry_lock);
  for (guint i = 0; i < registry->len; i++)
    {
      Watch *peer = g_ptr_array_index (registry, i);
      SportelloDatabase *db;

      if (!g_str_equal (peer->path, watch->path) || !(db = g_weak_ref_get (&peer->ref)))
        continue;
      g_ptr_array_add (dbs, db);
      g_ptr_array_add (contexts, g_main_context_ref (peer->context));
    }
  g_mutex_unlock (&registry_lock);

  for (guint i = 0; i < dbs->len; i++)
    {
      SportelloDatabase *db = g_ptr_array_index (dbs, i);
      g_autoptr(GSource) source = NULL;
      Delivery *delivery;

      if (!listened (db, change))
        continue;

      delivery = g_new0 (Delivery, 1);
      g_weak_ref_init (&delivery->db, db);
      delivery->change = g_atomic_rc_box_acquire (change);
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_static_name (source, "[sportello] database changed");
      g_source_set_callback (source, deliver_cb, delivery, delivery_free);
      g_source_attach (source, g_ptr_array_index (contexts, i));
    }
}

/* A commit is done: now the others can read it */
static int
wal_hook (void       *data,
          sqlite3    *handle,
          const char *db_name,
          int         n_pages)
{
  Watch *watch = data;
  Change *change = g_steal_pointer (&watch->committing);

  if (change != NULL)
    {
      announce (watch, change);
      change_unref (change);
    }

  if (n_pages >= AUTOCHECKPOINT_PAGES)
    sqlite3_wal_checkpoint_v2 (handle, db_name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  return SQLITE_OK;
}

static void
rollback_hook (void *data)
{
  Watch *watch = data;

  watch_reset (watch);
  g_clear_pointer (&watch->committing, change_unref);
}

/*
 * Starts announcing the commits of @self's connection (and hearing those
 * of the others on the same file), in the thread-default main context of
 * the caller. Called once, when the database is open.
 */
static GQuark
watch_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("sportello-database-watch");
  return quark;
}

void
_sportello_database_watch (SportelloDatabase *self)
{
  GQuark quark = watch_quark ();
  sqlite3 *handle = _sportello_database_get_handle (self);
  Watch *watch = g_new0 (Watch, 1);

  g_weak_ref_init (&watch->ref, self);
  watch->path = g_strdup (sportello_database_get_path (self));
  watch->context = g_main_context_ref_thread_default ();

  g_mutex_lock (&registry_lock);
  if (registry == NULL)
    registry = g_ptr_array_new ();
  g_ptr_array_add (registry, watch);
  g_mutex_unlock (&registry_lock);

  /* freed after the connection is closed, so the hooks never outlive it */
  g_object_set_qdata_full (G_OBJECT (self), quark, watch, watch_free);
  sqlite3_update_hook (handle, update_hook, watch);
  sqlite3_commit_hook (handle, commit_hook, watch);
  sqlite3_rollback_hook (handle, rollback_hook, watch);
  sqlite3_wal_hook (handle, wal_hook, watch);
}

/**
 * sportello_database_notify_changed:
 * @kind: (nullable): one of the SPORTELLO_CHANGE_* names, or %NULL for all
 *
 * Announces that records of @kind changed in a way SQLite's hooks do not
 * see: a database restored under the open connection with the backup API,
 * a file replaced. Every database open on the same file hears it, as it
 * hears a commit (in its own main context, without the rows' ids).
 */
void
sportello_database_notify_changed (SportelloDatabase *self,
                                   const char        *kind)
{
  Watch *watch;
  Change *change;

  g_return_if_fail (SPORTELLO_IS_DATABASE (self));

  if (!(watch = g_object_get_qdata (G_OBJECT (self), watch_quark ())))
    return;

  change = g_atomic_rc_box_new0 (Change);
  for (guint i = 0; i < N_KINDS; i++)
    if (kind == NULL || g_str_equal (kind, kinds[i].kind))
      change->mask |= 1u << i;
  if (change->mask != 0)
    announce (watch, change);
  change_unref (change);
}
