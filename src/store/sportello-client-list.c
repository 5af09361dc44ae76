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
 * Once filled, the list follows the database by itself: a committed write
 * to clients (from this connection or another on the same file) reads it
 * again, and while a search is on, so do writes to the notes it searches.
 */

#define G_LOG_DOMAIN "sportello-client-list"

#include "config.h"

#include "sportello-client-list.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"

struct _SportelloClientList
{
  GObject              parent_instance;

  SportelloDatabase   *db;
  GArray              *ids;       /* what the model lists */
  GArray              *base;      /* the same without the search, in order */
  sqlite3_stmt        *item_stmt;

  char                *search;
  char                *status;
  char                *category;
  char                *tag;
  SportelloClientSort  sort;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloClientList, sportello_client_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
sportello_client_list_get_item_type (GListModel *model)
{
  return SPORTELLO_TYPE_CLIENT;
}

static guint
sportello_client_list_get_n_items (GListModel *model)
{
  return SPORTELLO_CLIENT_LIST (model)->ids->len;
}

static gpointer
sportello_client_list_get_item (GListModel *model,
                                guint       position)
{
  SportelloClientList *self = SPORTELLO_CLIENT_LIST (model);
  SportelloClient *client = NULL;

  if (position >= self->ids->len)
    return NULL;

  if (self->item_stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM clients WHERE id = ?",
                                              _sportello_client_columns ());

      self->item_stmt = _sportello_database_prepare (self->db, sql, NULL);
      g_return_val_if_fail (self->item_stmt != NULL, NULL);
    }

  sqlite3_reset (self->item_stmt);
  sqlite3_bind_int64 (self->item_stmt, 1, g_array_index (self->ids, gint64, position));
  if (sqlite3_step (self->item_stmt) == SQLITE_ROW)
    client = _sportello_client_new_from_row (self->item_stmt);
  sqlite3_reset (self->item_stmt);

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

/**
 * sportello_fts_query_from_text:
 *
 * Turns what a person types into an FTS5 query: every word must match as a
 * prefix, and nothing typed can be taken as FTS5 syntax.
 * Returns %NULL when there is no word to search.
 */
char *
sportello_fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL)
    return NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c != (gunichar) -1 && c != (gunichar) -2 && c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0 || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
load_base (SportelloClientList  *self,
           GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM clients c WHERE c.deleted_at IS NULL");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int n = 0;
  int rc;

  /* Archived clients appear only when asked for. */
  if (self->status != NULL)
    g_string_append (sql, " AND c.status = ?");
  else
    g_string_append (sql, " AND c.status <> 'archived'");
  if (self->category != NULL)
    g_string_append (sql, " AND c.category = ?");
  if (self->tag != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag = ? COLLATE NOCASE)");

  switch (self->sort)
    {
    case SPORTELLO_CLIENT_SORT_UPDATED:
      g_string_append (sql, " ORDER BY c.updated_at DESC, c.id DESC");
      break;
    case SPORTELLO_CLIENT_SORT_MUNICIPALITY:
      g_string_append (sql, " ORDER BY c.municipality COLLATE NOCASE, c.name COLLATE NOCASE");
      break;
    case SPORTELLO_CLIENT_SORT_NAME:
    default:
      g_string_append (sql, " ORDER BY c.name COLLATE NOCASE");
      break;
    }

  if (!(stmt = _sportello_database_prepare (self->db, sql->str, error)))
    return FALSE;

  if (self->status != NULL)
    sqlite3_bind_text (stmt, ++n, self->status, -1, SQLITE_STATIC);
  if (self->category != NULL)
    sqlite3_bind_text (stmt, ++n, self->category, -1, SQLITE_STATIC);
  if (self->tag != NULL)
    sqlite3_bind_text (stmt, ++n, self->tag, -1, SQLITE_STATIC);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (self->ids->len, 64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (self->db, error);
      return FALSE;
    }

  g_clear_pointer (&self->base, g_array_unref);
  self->base = g_steal_pointer (&ids);

  return TRUE;
}

/* Has every word of @text at least @n characters? */
static gboolean
words_are_long (const char *text,
                glong       n)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && g_utf8_strlen (words[i], -1) < n)
      return FALSE;
  return TRUE;
}

/* The base's ids that match the search, in the base's order */
static GArray *
apply_search (SportelloClientList  *self,
              GError              **error)
{
  /* the clients' own fields; meeting notes and follow-ups find their
   * client too, once every word typed has three letters: one or two
   * letters match most of the notes and would only make typing slow,
   * while names still match at once. Each query sets bits in one bitmap,
   * which also merges them; the covering indexes lead from a note to its
   * client without reading the notes. */
  static const char * const queries[] = {
    "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?1",
    "SELECT client_id FROM meetings INDEXED BY meetings_client_by_id WHERE id IN "
    "(SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH ?1)",
    "SELECT m.client_id FROM follow_ups f INDEXED BY follow_ups_meeting_by_id "
    "JOIN meetings m INDEXED BY meetings_client_by_id ON m.id = f.meeting_id "
    "WHERE f.id IN (SELECT rowid FROM follow_ups_fts WHERE follow_ups_fts MATCH ?1)",
  };
  g_autofree char *fts = sportello_fts_query_from_text (self->search);
  g_autoptr(GArray) ids = NULL;
  g_autofree guint8 *matches = NULL;
  gint64 max_id = 0;

  if (fts == NULL)
    return g_array_ref (self->base);

  for (guint i = 0; i < self->base->len; i++)
    max_id = MAX (max_id, g_array_index (self->base, gint64, i));
  matches = g_malloc0 (max_id / 8 + 1);

  for (guint q = 0; q < (words_are_long (self->search, 3) ? G_N_ELEMENTS (queries) : 1); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (self->db, queries[q], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (id >= 0 && id <= max_id)
            matches[id / 8] |= 1 << (id % 8);
        }
      if (rc != SQLITE_DONE)
        {
          _sportello_database_set_error (self->db, error);
          return NULL;
        }
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->base->len; i++)
    {
      gint64 id = g_array_index (self->base, gint64, i);

      if (matches[id / 8] & (1 << (id % 8)))
        g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static gboolean
update (SportelloClientList  *self,
        gboolean              reload_base,
        GError              **error)
{
  g_autoptr(GArray) ids = NULL;
  guint old_len;

  if ((reload_base || self->base == NULL) && !load_base (self, error))
    return FALSE;

  if (!(ids = apply_search (self, error)))
    return FALSE;

  old_len = self->ids->len;

  /* Every item is a new object, so a list view can reuse none of its rows.
   * Saying so in two steps, all removed then all added, spares GTK's list
   * item manager a lookup of every added item for a row to reuse (with
   * 50,000 clients that lookup, not the query, was most of the time). */
  if (old_len > 0 && ids->len > 0)
    {
      g_array_unref (self->ids);
      self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&ids);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->ids->len);
    }
  else
    {
      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&ids);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
    }

  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * sportello_client_list_refresh:
 *
 * Reads the list again from the database: call it after changing clients.
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

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;

  return -1;
}

static void
sportello_client_list_finalize (GObject *object)
{
  SportelloClientList *self = (SportelloClientList *)object;

  g_clear_pointer (&self->item_stmt, sqlite3_finalize);
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
      g_value_set_uint (value, self->ids->len);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_client_list_init (SportelloClientList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
database_changed_cb (SportelloClientList *self,
                     const char          *kind,
                     GArray              *ids)
{
  g_autoptr(GError) error = NULL;

  /* never filled: it stays empty until asked */
  if (self->base == NULL)
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
