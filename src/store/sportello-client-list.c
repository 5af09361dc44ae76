/* sportello-client-list.c: the clients as a lazily loaded list model
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filtering and sorting happen in SQL: the model holds only the row ids of
 * the matching clients, in order, and loads a client when a list view asks
 * for it. 50,000 clients cost 400 KB of ids.
 *
 * Searching while typing keeps the filtered, sorted ids (the base) and
 * asks FTS5 only for the set of matching ids, then keeps the base's ids
 * that are in the set: no sort of thousands of rows on every keystroke.
 *
 * The queries are in sportello-client-list-search.c (with the second try
 * that forgives a typo), why a client matched in -list-match.c, and what
 * the model tells its views when the ids change in -list-diff.c: only
 * what changed, and the same object for a client while it lives, so that
 * a list view keeps the rows of the clients that stay.
 *
 * Once filled, the list follows the database by itself: a committed write
 * to clients (from this connection or another on the same file) reads it
 * again, and while a search is on, so do writes to the notes it searches.
 *
 * A list for the window loads in the background: the queries run on a
 * worker with a connection of its own, a newer request cancels the one
 * still running (SQLite's progress handler stops it mid-query), and only
 * the newest result reaches the model, in the main loop. The window's
 * first frame and typing never wait for them.
 */

#define G_LOG_DOMAIN "sportello-client-list"

#include "config.h"

#include <string.h>

#include "sportello-client-list-private.h"
#include "sportello-client-private.h"
#include "sportello-thread.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloClientList, sportello_client_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
sportello_client_list_get_item_type (GListModel *model)
{
  return SPORTELLO_TYPE_CLIENT;
}

static guint
n_shown (SportelloClientList *self)
{
  if (self->old != NULL)
    return self->split_new + self->old->len - self->split_old;

  return self->ids->len;
}

/* The id at @position, as the model lists it now */
static gint64
id_at (SportelloClientList *self,
       guint                position)
{
  if (self->old != NULL && position >= self->split_new)
    return g_array_index (self->old, gint64, self->split_old + position - self->split_new);

  return g_array_index (self->ids, gint64, position);
}

static guint
sportello_client_list_get_n_items (GListModel *model)
{
  return n_shown (SPORTELLO_CLIENT_LIST (model));
}

/* The clients given out and still alive, by id: asked again for one, the
 * list gives the same object, so that a list view finds the row it has
 * for it (GTK matches rows to items by identity) */
typedef struct
{
  SportelloClientList *list;
  gint64               id;
} Given;

static void
given_gone_cb (gpointer  data,
               GObject  *client)
{
  Given *given = data;

  g_hash_table_remove (given->list->given, &given->id);
  g_free (given);
}

static gboolean
forget_given (gpointer key,
              gpointer value,
              gpointer data)
{
  /* the key is the id in the record */
  g_object_weak_unref (value, given_gone_cb, (Given *) ((char *) key - G_STRUCT_OFFSET (Given, id)));
  g_free ((char *) key - G_STRUCT_OFFSET (Given, id));
  return TRUE;
}

/* After a write the clients given out may be out of date: the next ask
 * reads them again */
static void
forget_all_given (SportelloClientList *self)
{
  g_hash_table_foreach_remove (self->given, forget_given, NULL);
}

static gpointer
sportello_client_list_get_item (GListModel *model,
                                guint       position)
{
  SportelloClientList *self = SPORTELLO_CLIENT_LIST (model);
  SportelloClient *client = NULL;
  gint64 id;

  if (position >= n_shown (self))
    return NULL;

  id = id_at (self, position);
  if ((client = g_hash_table_lookup (self->given, &id)) != NULL)
    return g_object_ref (client);

  if (self->item_stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE id = ?",
                                              _sportello_client_columns ());

      self->item_stmt = _sportello_database_prepare (self->db, sql, NULL);
      g_return_val_if_fail (self->item_stmt != NULL, NULL);
    }

  sqlite3_reset (self->item_stmt);
  sqlite3_bind_int64 (self->item_stmt, 1, id);
  if (sqlite3_step (self->item_stmt) == SQLITE_ROW)
    client = _sportello_client_new_from_row (self->item_stmt);
  sqlite3_reset (self->item_stmt);

  if (client != NULL)
    {
      Given *given = g_new (Given, 1);

      *given = (Given) { self, id };
      g_hash_table_insert (self->given, &given->id, client);
      g_object_weak_ref (G_OBJECT (client), given_gone_cb, given);
      /* while a change is told, a list view asks for an added client to
       * look for its row, lets it go, and asks again to bind it: the
       * list keeps it meanwhile, so that it is read once */
      if (self->old != NULL)
        g_ptr_array_add (self->held, g_object_ref (client));
    }

  /* A row deleted behind the model's back: give an empty client rather
   * than NULL, which list views do not expect before items-changed. */
  if (client == NULL)
    client = sportello_client_new ();

  return client;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sportello_client_list_get_item_type;
  iface->get_n_items = sportello_client_list_get_n_items;
  iface->get_item = sportello_client_list_get_item;
}

/* The list's filter, borrowed from it */
static Filter
filter_of (SportelloClientList *self)
{
  return (Filter) { self->search, self->status, self->category, self->tag, self->sort };
}

/* Shows @ids, a subsequence of the list's base; the model says what
 * changed, as @changes (the diff from what it shows to @ids) or, if NULL,
 * as it finds. After a write (@reloaded) any client may have changed:
 * all are told anew */
static void
show_ids (SportelloClientList *self,
          GArray              *ids,
          GArray              *changes,
          gboolean             reloaded)
{
  g_autoptr(GArray) found = NULL;
  guint old_len = self->ids->len;

  /* A list view keeps the rows whose items stay and reuses the others'
   * widgets for those added in the same items-changed: told the minimal
   * change at the top of the list (what it can show), it binds only the
   * rows whose client is not the same as before. */
  if (reloaded)
    {
      forget_all_given (self);
      changes = found = _sportello_client_list_replace_all (self->ids->len, ids->len);
    }
  else if (changes == NULL)
    changes = found = _sportello_client_list_diff (self->base, self->ids, ids, SPORTELLO_CLIENT_LIST_DIFF_WINDOW, SPORTELLO_CLIENT_LIST_DIFF_MAX);

  self->old = g_steal_pointer (&self->ids);
  self->ids = g_array_ref (ids);
  self->split_new = self->split_old = 0;
  for (guint i = 0; i < changes->len; i++)
    {
      const SportelloListChange *change = &g_array_index (changes, SportelloListChange, i);

      /* the items between two changes stay */
      self->split_old += change->position - self->split_new;
      self->split_old += change->removed;
      self->split_new = change->position + change->added;
      g_list_model_items_changed (G_LIST_MODEL (self), change->position, change->removed, change->added);
    }
  g_warn_if_fail (n_shown (self) == ids->len);
  g_clear_pointer (&self->old, g_array_unref);
  g_ptr_array_set_size (self->held, 0);

  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* ------------------------------------------------------- background ---- */

typedef struct
{
  Worker  *worker;
  Filter   filter;     /* copies */
  GArray  *base;       /* NULL: read it again */
  GArray  *new_base;   /* results */
  GArray  *ids;
  GArray  *shown;      /* what the list showed when asked */
  GArray  *changes;    /* from shown to ids */
  guint    generation;
} Request;

static void
worker_clear (Worker *worker)
{
  g_clear_object (&worker->db);
  g_free (worker->data_dir);
  g_mutex_clear (&worker->lock);
}

void
_sportello_client_list_worker_unref (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, (GDestroyNotify) worker_clear);
}

static void
request_free (Request *request)
{
  _sportello_client_list_worker_unref (request->worker);
  g_free (request->filter.search);
  g_free (request->filter.status);
  g_free (request->filter.category);
  g_free (request->filter.tag);
  g_clear_pointer (&request->base, g_array_unref);
  g_clear_pointer (&request->new_base, g_array_unref);
  g_clear_pointer (&request->ids, g_array_unref);
  g_clear_pointer (&request->shown, g_array_unref);
  g_clear_pointer (&request->changes, g_array_unref);
  g_free (request);
}

/* SQLite asks now and then whether to go on: not once the request is stale */
int
_sportello_client_list_progress_cb (void *data)
{
  Worker *worker = data;

  return worker->running != NULL && g_cancellable_is_cancelled (worker->running);
}

static void
request_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Request *request = data;
  Worker *worker = request->worker;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&worker->lock);
  sqlite3 *handle;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (worker->db == NULL && !(worker->db = sportello_database_open (worker->data_dir, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  handle = _sportello_database_get_handle (worker->db);
  worker->running = cancellable;
  sqlite3_progress_handler (handle, 2000, _sportello_client_list_progress_cb, worker);

  if (request->base == NULL)
    request->new_base = _sportello_client_list_query_base (worker->db, &request->filter, 0, &error);
  if (error == NULL)
    request->ids = _sportello_client_list_query_search (worker->db, request->base ? request->base : request->new_base,
                                 request->filter.search, &error);
  /* what the model will say, found here too */
  if (error == NULL && request->base != NULL && !g_cancellable_is_cancelled (cancellable))
    request->changes = _sportello_client_list_diff (request->base ? request->base : request->new_base,
                                                    request->shown, request->ids,
                                                    SPORTELLO_CLIENT_LIST_DIFF_WINDOW, SPORTELLO_CLIENT_LIST_DIFF_MAX);

  sqlite3_progress_handler (handle, 0, NULL, NULL);
  worker->running = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
request_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SportelloClientList *self = SPORTELLO_CLIENT_LIST (object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean reloaded;

  /* a newer request is on its way: this one is forgotten */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && request->generation == self->generation)
        g_warning ("Cannot list the clients: %s", error->message);
      if (request->generation == self->generation)
        {
          g_clear_object (&self->pending);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
        }
      return;
    }
  if (request->generation != self->generation)
    return;

  reloaded = request->new_base != NULL;
  if (reloaded)
    {
      g_clear_pointer (&self->base, g_array_unref);
      self->base = g_steal_pointer (&request->new_base);
      self->base_stale = FALSE;
    }
  g_clear_object (&self->pending);
  show_ids (self, request->ids, request->shown == self->ids ? request->changes : NULL, reloaded);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Asks the worker; the answer comes in the main loop */
static void
request (SportelloClientList *self,
         gboolean             reload_base)
{
  g_autoptr(GTask) task = NULL;
  Request *request = g_new0 (Request, 1);
  gboolean was_loading = self->pending != NULL;

  if (self->pending != NULL)
    g_cancellable_cancel (self->pending);
  g_clear_object (&self->pending);
  self->pending = g_cancellable_new ();

  /* the rows' lookups are for results about to go: the worker is for
   * the new ones first */
  if (self->matches != NULL)
    g_cancellable_cancel (self->matches);
  g_clear_object (&self->matches);

  if (reload_base || self->base == NULL)
    self->base_stale = TRUE;
  request->worker = g_atomic_rc_box_acquire (self->worker);
  request->filter = (Filter) { g_strdup (self->search), g_strdup (self->status), g_strdup (self->category),
                               g_strdup (self->tag), self->sort };
  request->base = self->base_stale ? NULL : g_array_ref (self->base);
  request->shown = g_array_ref (self->ids);
  request->generation = ++self->generation;

  task = g_task_new (self, self->pending, request_done_cb, NULL);
  g_task_set_source_tag (task, request);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  /* on the threads that give way to the window (sportello-thread.c);
   * requests on one list's connection take turns anyway (the worker's lock) */
  sportello_thread_run_task (task, request_thread, SPORTELLO_THREADS_SEARCH);

  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
update (SportelloClientList  *self,
        gboolean              reload_base,
        GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  Filter filter = filter_of (self);

  if (self->worker != NULL)
    {
      request (self, reload_base);
      return TRUE;
    }

  if (reload_base || self->base == NULL)
    {
      GArray *base = _sportello_client_list_query_base (self->db, &filter, self->ids->len, error);

      if (base == NULL)
        return FALSE;
      g_clear_pointer (&self->base, g_array_unref);
      self->base = base;
    }

  if (!(ids = _sportello_client_list_query_search (self->db, self->base, self->search, error)))
    return FALSE;

  show_ids (self, ids, NULL, reload_base);
  return TRUE;
}

/**
 * sportello_client_list_set_background:
 *
 * From now on the list reads the database on a worker thread, with a
 * connection of its own: a search, a filter or a change answers in the
 * main loop later, and #SportelloClientList:loading says it is waited for.
 */
void
sportello_client_list_set_background (SportelloClientList *self)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_LIST (self));

  if (self->worker != NULL)
    return;

  self->worker = g_atomic_rc_box_new0 (Worker);
  g_mutex_init (&self->worker->lock);
  self->worker->data_dir = g_path_get_dirname (sportello_database_get_path (self->db));
}

gboolean
sportello_client_list_get_loading (SportelloClientList *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), FALSE);

  return self->pending != NULL;
}

/**
 * sportello_client_list_refresh:
 *
 * Reads the list again from the database (once to fill it: it follows the
 * database after that). In the background, it only asks, and says %TRUE.
 */
gboolean
sportello_client_list_refresh (SportelloClientList  *self,
                               GError              **error)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), FALSE);

  return update (self, TRUE, error);
}

static void
refresh_or_warn (SportelloClientList *self)
{
  g_autoptr(GError) error = NULL;

  if (!sportello_client_list_refresh (self, &error))
    g_warning ("Cannot list the clients: %s", error->message);
}

static void
set_filter (SportelloClientList  *self,
            char                **field,
            const char           *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_set_str (field, value))
    refresh_or_warn (self);
}

void
sportello_client_list_set_search (SportelloClientList *self,
                                  const char          *search)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SPORTELLO_IS_CLIENT_LIST (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  /* The base stays: only the search changed */
  if (g_set_str (&self->search, search) && !update (self, FALSE, &error))
    g_warning ("Cannot search the clients: %s", error->message);
}

const char *
sportello_client_list_get_search (SportelloClientList *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), NULL);

  return self->search;
}

void
sportello_client_list_set_status (SportelloClientList *self,
                                  const char          *status)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_LIST (self));

  set_filter (self, &self->status, status);
}

void
sportello_client_list_set_category (SportelloClientList *self,
                                    const char          *category)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_LIST (self));

  set_filter (self, &self->category, category);
}

void
sportello_client_list_set_tag (SportelloClientList *self,
                               const char          *tag)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_LIST (self));

  set_filter (self, &self->tag, tag);
}

void
sportello_client_list_set_sort (SportelloClientList *self,
                                SportelloClientSort  sort)
{
  g_return_if_fail (SPORTELLO_IS_CLIENT_LIST (self));

  if (self->sort != sort)
    {
      self->sort = sort;
      refresh_or_warn (self);
    }
}

gboolean
sportello_client_list_is_filtered (SportelloClientList *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), FALSE);

  return self->search != NULL || self->status != NULL || self->category != NULL || self->tag != NULL;
}

/* How many clients there are at all, archived included: tells an empty
 * database from a search with no results. */
guint
sportello_client_list_count_all (SportelloClientList *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), 0);

  stmt = _sportello_database_prepare (self->db, "SELECT count(*) FROM clients WHERE deleted_at IS NULL", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return (guint) sqlite3_column_int64 (stmt, 0);

  return 0;
}

/* Returns the position of the client, or -1 */
int
sportello_client_list_find (SportelloClientList *self,
                            const char          *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), -1);

  stmt = _sportello_database_prepare (self->db, "SELECT id FROM clients WHERE uuid = ?", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  id = sqlite3_column_int64 (stmt, 0);

  for (guint i = 0; i < n_shown (self); i++)
    if (id_at (self, i) == id)
      return (int) i;

  return -1;
}

/**
 * sportello_client_list_dup_ids:
 *
 * What the list shows, as the clients' row ids in its order: for a worker
 * that reads them with a connection of its own (an export).
 *
 * Returns: (transfer full) (element-type gint64): the ids
 */
GArray *
sportello_client_list_dup_ids (SportelloClientList *self)
{
  GArray *ids;
  guint n;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), NULL);

  n = n_shown (self);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = id_at (self, i);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
sportello_client_list_finalize (GObject *object)
{
  SportelloClientList *self = (SportelloClientList *)object;

  g_clear_pointer (&self->item_stmt, sqlite3_finalize);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  forget_all_given (self);
  g_clear_pointer (&self->given, g_hash_table_unref);
  if (self->pending != NULL)
    g_cancellable_cancel (self->pending);
  g_clear_object (&self->pending);
  if (self->matches != NULL)
    g_cancellable_cancel (self->matches);
  g_clear_object (&self->matches);
  g_clear_pointer (&self->worker, _sportello_client_list_worker_unref);
  g_clear_object (&self->db);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (sportello_client_list_parent_class)->finalize (object);
}

static void
sportello_client_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SportelloClientList *self = SPORTELLO_CLIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, n_shown (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->pending != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_client_list_class_init (SportelloClientListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sportello_client_list_finalize;
  object_class->get_property = sportello_client_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * SportelloClientList:loading:
   *
   * A background read is waited for: what is listed is not its answer yet.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_client_list_init (SportelloClientList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->given = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
database_changed_cb (SportelloClientList *self,
                     const char          *kind,
                     GArray              *ids)
{
  g_autoptr(GError) error = NULL;

  /* never filled: it stays empty until asked */
  if (self->base == NULL && self->pending == NULL)
    return;

  if (g_str_equal (kind, SPORTELLO_CHANGE_CLIENT))
    refresh_or_warn (self);
  else if (self->search != NULL && !update (self, FALSE, &error))
    g_warning ("Cannot search the clients: %s", error->message);
}

/* The list starts empty; call sportello_client_list_refresh() to fill it.
 * From then on it follows the database's changes. */
SportelloClientList *
sportello_client_list_new (SportelloDatabase *db)
{
  SportelloClientList *self;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);

  self = g_object_new (SPORTELLO_TYPE_CLIENT_LIST, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed::" SPORTELLO_CHANGE_CLIENT, G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (db, "changed::" SPORTELLO_CHANGE_MEETING, G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (db, "changed::" SPORTELLO_CHANGE_FOLLOW_UP, G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
