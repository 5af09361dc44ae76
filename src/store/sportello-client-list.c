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
 * A search that finds nothing is tried once more with one typo forgiven
 * in names (“Moltenni” finds “Molteni”): each typed word of four letters
 * or more is compared with the words of the clients' names, read from the
 * full-text index's own vocabulary (fts5vocab), and those one edit away
 * (a letter added, dropped, changed or two swapped) join the query. Only
 * the terms starting as the word does (or with its second letter) are
 * read: a wrong first letter is not forgiven.
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

#include "sportello-client-list.h"
#include "sportello-client-private.h"
#include "sportello-database-private.h"

/* What the list asks for */
typedef struct
{
  char                *search;
  char                *status;
  char                *category;
  char                *tag;
  SportelloClientSort  sort;
} Filter;

/* The background worker's connection, shared by the requests in turn */
typedef struct
{
  GMutex             lock;
  char              *data_dir;
  SportelloDatabase *db;
  GCancellable      *running;   /* of the request on the connection now */
} Worker;

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

  Worker              *worker;    /* NULL: the list loads in the caller's thread */
  GCancellable        *pending;   /* the newest background request */
  guint                generation;
  gboolean             base_stale;   /* a background read of the base is pending */
  GCancellable        *matches;      /* the rows' lookups of why they match */
};

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

static GArray *
query_base (SportelloDatabase  *db,
            const Filter       *filter,
            guint               size_hint,
            GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM clients c WHERE c.deleted_at IS NULL");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  int n = 0;
  int rc;

  /* Archived clients appear only when asked for. */
  if (filter->status != NULL)
    g_string_append (sql, " AND c.status = ?");
  else
    g_string_append (sql, " AND c.status <> 'archived'");
  if (filter->category != NULL)
    g_string_append (sql, " AND c.category = ?");
  if (filter->tag != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag = ? COLLATE NOCASE)");

  switch (filter->sort)
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

  if (!(stmt = _sportello_database_prepare (db, sql->str, error)))
    return NULL;

  if (filter->status != NULL)
    sqlite3_bind_text (stmt, ++n, filter->status, -1, SQLITE_STATIC);
  if (filter->category != NULL)
    sqlite3_bind_text (stmt, ++n, filter->category, -1, SQLITE_STATIC);
  if (filter->tag != NULL)
    sqlite3_bind_text (stmt, ++n, filter->tag, -1, SQLITE_STATIC);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (size_hint, 64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* ------------------------------------------------------------ typos ---- */

/* A word as the index keeps it: lower case, without accents
 * (unicode61 remove_diacritics) */
static gunichar *
index_form (const char *word,
            glong      *len)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *nfd = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  gunichar *chars = g_new (gunichar, g_utf8_strlen (nfd, -1) + 1);
  glong n = 0;

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        chars[n++] = c;
    }
  chars[n] = 0;
  *len = n;
  return chars;
}

/* Whether @a and @b are at most one edit apart: a character added,
 * dropped or changed, or two neighbours swapped */
static gboolean
within_one_edit (const gunichar *a,
                 glong           la,
                 const gunichar *b,
                 glong           lb)
{
  glong i = 0;

  if (la > lb)
    return within_one_edit (b, lb, a, la);
  if (lb - la > 1)
    return FALSE;

  while (i < la && a[i] == b[i])
    i++;
  if (i == la)
    return TRUE;   /* equal, or one added at the end */

  if (la == lb)
    {
      /* changed, or swapped with the next */
      if (memcmp (a + i + 1, b + i + 1, (la - i - 1) * sizeof (gunichar)) == 0)
        return TRUE;
      return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
             memcmp (a + i + 2, b + i + 2, (la - i - 2) * sizeof (gunichar)) == 0;
    }

  /* one added in the longer */
  return memcmp (a + i, b + i + 1, (la - i) * sizeof (gunichar)) == 0;
}

#define MIN_TYPO_WORD 4
#define MAX_TYPO_TERMS 20

/* The typed words, each with what it could have meant */
typedef struct
{
  char      *word;      /* as typed, for the query */
  gunichar  *chars;     /* in the index's form */
  glong      len;
  GPtrArray *terms;     /* the names' words one edit away */
} TypoWord;

static void
typo_word_clear (TypoWord *w)
{
  g_free (w->word);
  g_free (w->chars);
  g_clear_pointer (&w->terms, g_ptr_array_unref);
}

/* Appends @text to @query as an FTS5 string */
static void
append_fts_string (GString    *query,
                   const char *text)
{
  g_string_append_c (query, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

/* The FTS5 query with one typo forgiven in each word that names a client,
 * or %NULL when no word comes one edit near a name */
static char *
typo_query (SportelloDatabase  *db,
            const char         *search,
            GError            **error)
{
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (TypoWord));
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  gboolean any_long = FALSE;
  gboolean any = FALSE;
  int rc;

  g_array_set_clear_func (words, (GDestroyNotify) typo_word_clear);

  /* the words as sportello_fts_query_from_text() cuts them */
  for (const char *p = search; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c != (gunichar) -1 && c != (gunichar) -2 && c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          TypoWord w = { g_strdup (word->str), NULL, 0, g_ptr_array_new_with_free_func (g_free) };

          w.chars = index_form (w.word, &w.len);
          any_long |= w.len >= MIN_TYPO_WORD;
          g_array_append_val (words, w);
          g_string_truncate (word, 0);
        }
      if (c == 0 || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }
  if (!any_long)
    return NULL;

  /* in this connection's temporary schema: nothing is written to the file */
  if (sqlite3_exec (_sportello_database_get_handle (db),
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sportello_clients_vocab "
                    "USING fts5vocab (main, clients_fts, col)", NULL, NULL, NULL) != SQLITE_OK)
    {
      _sportello_database_set_error (db, error);
      return NULL;
    }
  /* Only the terms that start with the word's first letter, or its
   * second (the first two swapped): fts5vocab reads a range of terms
   * without going through the others. A typo in the first letter itself
   * is not forgiven; it is the rarest, and the whole vocabulary would be
   * read for it. */
  stmt = _sportello_database_prepare (db, "SELECT term FROM temp.sportello_clients_vocab "
                                          "WHERE term >= ?1 AND term < ?2 AND col = 'name' "
                                          "AND length (term) BETWEEN ?3 AND ?4", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < words->len; i++)
    {
      TypoWord *w = &g_array_index (words, TypoWord, i);

      if (w->len < MIN_TYPO_WORD)
        continue;

      for (guint first = 0; first < 2; first++)
        {
          char from[8] = { 0 }, to[8] = { 0 };

          /* the second pass would read the same range again */
          if (first == 1 && w->chars[1] == w->chars[0])
            break;
          g_unichar_to_utf8 (w->chars[first], from);
          g_unichar_to_utf8 (w->chars[first] + 1, to);

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, w->len - 1);
          sqlite3_bind_int64 (stmt, 4, w->len + 1);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && w->terms->len < MAX_TYPO_TERMS)
            {
              const char *term = (const char *) sqlite3_column_text (stmt, 0);
              g_autofree gunichar *chars = NULL;
              glong len;

              if (term == NULL)
                continue;
              chars = g_utf8_to_ucs4_fast (term, -1, &len);
              if (within_one_edit (w->chars, w->len, chars, len))
                g_ptr_array_add (w->terms, g_strdup (term));
            }
          if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            {
              _sportello_database_set_error (db, error);
              return NULL;
            }
        }
    }

  /* every word as typed (a prefix, anywhere) or, in a name, what it
   * could have meant */
  for (guint i = 0; i < words->len; i++)
    {
      TypoWord *w = &g_array_index (words, TypoWord, i);

      /* FTS5 wants AND spelled out between groups */
      if (query->len > 0)
        g_string_append (query, " AND ");
      g_string_append_c (query, '(');
      append_fts_string (query, w->word);
      g_string_append_c (query, '*');
      if (w->terms->len > 0)
        {
          any = TRUE;
          g_string_append (query, " OR name : (");
          for (guint t = 0; t < w->terms->len; t++)
            {
              if (t > 0)
                g_string_append (query, " OR ");
              append_fts_string (query, g_ptr_array_index (w->terms, t));
            }
          g_string_append_c (query, ')');
        }
      g_string_append_c (query, ')');
    }

  return any ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
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
query_search (SportelloDatabase  *db,
              GArray             *base,
              const char         *search,
              GError            **error)
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
  g_autofree char *fts = sportello_fts_query_from_text (search);
  g_autofree char *typo = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree guint8 *matches = NULL;
  gint64 max_id = 0;
  guint n_queries;

  if (fts == NULL)
    return g_array_ref (base);

  for (guint i = 0; i < base->len; i++)
    max_id = MAX (max_id, g_array_index (base, gint64, i));
  matches = g_malloc0 (max_id / 8 + 1);
  n_queries = words_are_long (search, 3) ? G_N_ELEMENTS (queries) : 1;

again:
  for (guint q = 0; q < n_queries; q++)
    {
      g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, queries[q], error);
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
          _sportello_database_set_error (db, error);
          return NULL;
        }
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < base->len; i++)
    {
      gint64 id = g_array_index (base, gint64, i);

      if (matches[id / 8] & (1 << (id % 8)))
        g_array_append_val (ids, id);
    }

  /* nothing: once more, with a typo forgiven in names (the clients'
   * own fields only) */
  if (ids->len == 0 && typo == NULL && base->len > 0)
    {
      g_autoptr(GError) typo_error = NULL;

      typo = typo_query (db, search, &typo_error);
      if (typo_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&typo_error));
          return NULL;
        }
      if (typo != NULL)
        {
          g_clear_pointer (&ids, g_array_unref);
          g_free (fts);
          fts = g_strdup (typo);
          n_queries = 1;
          goto again;
        }
    }

  return g_steal_pointer (&ids);
}

/* The list's filter, borrowed from it */
static Filter
filter_of (SportelloClientList *self)
{
  return (Filter) { self->search, self->status, self->category, self->tag, self->sort };
}

/* Shows @ids; the model says so */
static void
show_ids (SportelloClientList *self,
          GArray              *ids)
{
  guint old_len = self->ids->len;

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
      self->ids = g_array_ref (ids);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->ids->len);
    }
  else
    {
      g_array_unref (self->ids);
      self->ids = g_array_ref (ids);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
    }

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
  guint    generation;
} Request;

static void
worker_clear (Worker *worker)
{
  g_clear_object (&worker->db);
  g_free (worker->data_dir);
  g_mutex_clear (&worker->lock);
}

static void
worker_unref (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, (GDestroyNotify) worker_clear);
}

static void
request_free (Request *request)
{
  worker_unref (request->worker);
  g_free (request->filter.search);
  g_free (request->filter.status);
  g_free (request->filter.category);
  g_free (request->filter.tag);
  g_clear_pointer (&request->base, g_array_unref);
  g_clear_pointer (&request->new_base, g_array_unref);
  g_clear_pointer (&request->ids, g_array_unref);
  g_free (request);
}

/* SQLite asks now and then whether to go on: not once the request is stale */
static int
progress_cb (void *data)
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
  sqlite3_progress_handler (handle, 2000, progress_cb, worker);

  if (request->base == NULL)
    request->new_base = query_base (worker->db, &request->filter, 0, &error);
  if (error == NULL)
    request->ids = query_search (worker->db, request->base ? request->base : request->new_base,
                                 request->filter.search, &error);

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

  if (request->new_base != NULL)
    {
      g_clear_pointer (&self->base, g_array_unref);
      self->base = g_steal_pointer (&request->new_base);
      self->base_stale = FALSE;
    }
  g_clear_object (&self->pending);
  show_ids (self, request->ids);
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
  request->generation = ++self->generation;

  task = g_task_new (self, self->pending, request_done_cb, NULL);
  g_task_set_source_tag (task, request);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, request_thread);

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
      GArray *base = query_base (self->db, &filter, self->ids->len, error);

      if (base == NULL)
        return FALSE;
      g_clear_pointer (&self->base, g_array_unref);
      self->base = base;
    }

  if (!(ids = query_search (self->db, self->base, self->search, error)))
    return FALSE;

  show_ids (self, ids);
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

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;

  return -1;
}

/* The first row of @sql (?1 the FTS5 query, ?2 an id), as text */
static char *
first_text (SportelloDatabase *db,
            const char        *sql,
            const char        *fts,
            gint64             id)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Whether every word of @search starts a word of @client's name,
 * municipality, VAT number or tags, as FTS5 would find it there: what a
 * row shows explains the match. Plain C on the record: no query. */
static gboolean
shown_fields_match (SportelloClient *client,
                    const char      *search)
{
  static const SportelloClientField fields[] = {
    SPORTELLO_CLIENT_NAME, SPORTELLO_CLIENT_MUNICIPALITY,
    SPORTELLO_CLIENT_VAT_NUMBER, SPORTELLO_CLIENT_TAGS,
  };
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (glong));
  g_auto(GStrv) words = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree gunichar *chars = NULL;
      glong len, start = 0;

      chars = index_form (sportello_client_get (client, fields[f]), &len);
      for (glong i = 0; i <= len; i++)
        if (i == len || !g_unichar_isalnum (chars[i]))
          {
            if (i > start)
              {
                glong n = i - start;

                g_ptr_array_add (tokens, g_memdup2 (chars + start, n * sizeof (gunichar)));
                g_array_append_val (lengths, n);
              }
            start = i + 1;
          }
    }

  words = g_strsplit_set (search, " \t\n", -1);
  for (guint w = 0; words[w] != NULL; w++)
    {
      g_autofree gunichar *chars = NULL;
      glong len, start = 0;

      /* a typed word may hold several, as “e-commerce” */
      chars = index_form (words[w], &len);
      for (glong i = 0; i <= len; i++)
        if (i == len || !g_unichar_isalnum (chars[i]))
          {
            glong n = i - start;
            gboolean found = n == 0;

            for (guint t = 0; t < tokens->len && !found; t++)
              found = g_array_index (lengths, glong, t) >= n &&
                      memcmp (g_ptr_array_index (tokens, t), chars + start, n * sizeof (gunichar)) == 0;
            if (!found)
              return FALSE;
            start = i + 1;
          }
    }

  return TRUE;
}

/* The words around the match in the notes of client @id (its own, its
 * meetings', its follow-ups'), or %NULL */
static char *
lookup_match (SportelloDatabase *db,
              const char        *search,
              gint64             id)
{
  g_autofree char *fts = sportello_fts_query_from_text (search);
  g_autoptr(sqlite3_stmt) meetings = NULL;
  char *text;

  if (fts == NULL)
    return NULL;

  /* its own notes */
  text = first_text (db, "SELECT snippet (clients_fts, 4, char (2), char (3), '…', 10) FROM clients_fts "
                         "WHERE clients_fts MATCH '{notes} : (' || ?1 || ')' AND rowid = ?2",
                     fts, id);
  if (text != NULL)
    return text;

  /* a meeting's notes or a follow-up, one meeting at a time: FTS5 goes
   * straight to a rowid */
  meetings = _sportello_database_prepare (db, "SELECT id FROM meetings WHERE client_id = ? "
                                              "ORDER BY starts_at DESC LIMIT 50", NULL);
  if (meetings == NULL)
    return NULL;
  sqlite3_bind_int64 (meetings, 1, id);
  while (sqlite3_step (meetings) == SQLITE_ROW)
    {
      gint64 meeting_id = sqlite3_column_int64 (meetings, 0);
      g_autoptr(sqlite3_stmt) follow_ups = NULL;

      text = first_text (db, "SELECT snippet (meetings_fts, -1, char (2), char (3), '…', 10) "
                             "FROM meetings_fts WHERE meetings_fts MATCH ?1 AND rowid = ?2",
                         fts, meeting_id);
      if (text != NULL)
        return text;

      follow_ups = _sportello_database_prepare (db, "SELECT id FROM follow_ups WHERE meeting_id = ?", NULL);
      if (follow_ups == NULL)
        return NULL;
      sqlite3_bind_int64 (follow_ups, 1, meeting_id);
      while (sqlite3_step (follow_ups) == SQLITE_ROW)
        {
          text = first_text (db, "SELECT snippet (follow_ups_fts, 0, char (2), char (3), '…', 10) "
                                 "FROM follow_ups_fts WHERE follow_ups_fts MATCH ?1 AND rowid = ?2",
                             fts, sqlite3_column_int64 (follow_ups, 0));
          if (text != NULL)
            return text;
        }
    }

  return NULL;
}

/**
 * sportello_client_list_needs_match:
 * @client: a client the list shows
 *
 * Whether @client may be among the results of the search for what a list
 * does not show of it (its notes): then sportello_client_list_dup_match()
 * has something to look for. Plain C on the record, no query: list rows
 * ask as they are bound.
 */
gboolean
sportello_client_list_needs_match (SportelloClientList *self,
                                   SportelloClient     *client)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), FALSE);
  g_return_val_if_fail (SPORTELLO_IS_CLIENT (client), FALSE);

  /* one or two letters match most notes, as the search knows: saying
   * where is no help, and a lookup for every row would keep the worker
   * from the next keystroke's search; so every word as FTS5 cuts it
   * (“e-commerce” is two) needs three */
  if (self->search == NULL)
    return FALSE;
  {
    g_autofree char *spaced = g_strdup (self->search);

    for (char *p = spaced; *p != '\0'; p = g_utf8_next_char (p))
      if (*p > 0 && !g_ascii_isalnum (*p))
        *p = ' ';
    if (!words_are_long (spaced, 3))
      return FALSE;
  }
  return !shown_fields_match (client, self->search);
}

/**
 * sportello_client_list_dup_match:
 * @client: a client the list shows
 *
 * Why @client is among the results of the search when what a list shows
 * of it does not say so: a few words of its own notes, of a meeting's
 * notes or topics, or of a follow-up, around the words searched, each of
 * those between U+0002 and U+0003, with “…” where the text goes on.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL when there is
 *   no search, or its name, municipality, VAT number or tags match
 */
char *
sportello_client_list_dup_match (SportelloClientList *self,
                                 SportelloClient     *client)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (self), NULL);
  g_return_val_if_fail (SPORTELLO_IS_CLIENT (client), NULL);

  if (!sportello_client_list_needs_match (self, client))
    return NULL;

  return lookup_match (self->db, self->search, sportello_client_get_id (client));
}

typedef struct
{
  Worker       *worker;
  char         *search;
  GArray       *ids;     /* gint64 */
  GCancellable *stale;   /* cancelled by the list's next search */
} MatchRequest;

static void
match_request_free (MatchRequest *request)
{
  worker_unref (request->worker);
  g_object_unref (request->stale);
  g_array_unref (request->ids);
  g_free (request->search);
  g_free (request);
}

static gboolean
match_is_stale (GTask        *task,
                MatchRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (request->stale, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return TRUE;
    }
  return FALSE;
}

static void
match_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  MatchRequest *request = data;
  Worker *worker = request->worker;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GHashTable) matches = NULL;
  sqlite3 *handle;

  if (match_is_stale (task, request))
    return;

  locker = g_mutex_locker_new (&worker->lock);
  if (match_is_stale (task, request))
    return;
  if (worker->db == NULL && !(worker->db = sportello_database_open (worker->data_dir, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* the next search stops a lookup half-way: SQLite's progress handler
   * sees the request stale, as for a stale search */
  handle = _sportello_database_get_handle (worker->db);
  worker->running = request->stale;
  sqlite3_progress_handler (handle, 2000, progress_cb, worker);

  matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < request->ids->len; i++)
    {
      gint64 id = g_array_index (request->ids, gint64, i);
      char *text;

      if (g_cancellable_is_cancelled (request->stale) || g_cancellable_is_cancelled (cancellable))
        break;
      text = lookup_match (worker->db, request->search, id);
      if (text != NULL)
        g_hash_table_insert (matches, g_memdup2 (&id, sizeof id), text);
    }

  sqlite3_progress_handler (handle, 0, NULL, NULL);
  worker->running = NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);

  if (!match_is_stale (task, request))
    g_task_return_pointer (task, g_steal_pointer (&matches), (GDestroyNotify) g_hash_table_unref);
}

/**
 * sportello_client_list_dup_matches_async:
 * @clients: (element-type SportelloClient): clients the list shows
 *
 * sportello_client_list_dup_match() for a few clients at once (as the
 * rows on screen), for a list that loads in the background: one request
 * on its worker for them all, and the main loop does not wait for it.
 * The list's next search makes it fail with %G_IO_ERROR_CANCELLED and
 * stops it at once. Without a worker the answers are looked up at once.
 */
void
sportello_client_list_dup_matches_async (SportelloClientList *self,
                                         GPtrArray           *clients,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (SPORTELLO_IS_CLIENT_LIST (self));
  g_return_if_fail (clients != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sportello_client_list_dup_matches_async);

  for (guint i = 0; i < clients->len; i++)
    if (sportello_client_list_needs_match (self, g_ptr_array_index (clients, i)))
      {
        gint64 id = sportello_client_get_id (g_ptr_array_index (clients, i));

        g_array_append_val (ids, id);
      }

  if (ids->len == 0 || self->worker == NULL)
    {
      GHashTable *matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          char *text = lookup_match (self->db, self->search, id);

          if (text != NULL)
            g_hash_table_insert (matches, g_memdup2 (&id, sizeof id), text);
        }
      g_task_return_pointer (task, matches, (GDestroyNotify) g_hash_table_unref);
    }
  else
    {
      MatchRequest *request = g_new0 (MatchRequest, 1);

      if (self->matches == NULL)
        self->matches = g_cancellable_new ();
      request->worker = g_atomic_rc_box_acquire (self->worker);
      request->stale = g_object_ref (self->matches);
      request->search = g_strdup (self->search);
      request->ids = g_steal_pointer (&ids);
      g_task_set_task_data (task, request, (GDestroyNotify) match_request_free);
      g_task_run_in_thread (task, match_thread);
    }
}

/**
 * sportello_client_list_dup_matches_finish:
 *
 * Returns: (transfer full) (element-type gint64 utf8): the clients' ids
 *   (pointers to #gint64) to what sportello_client_list_dup_match() says
 *   for them, for those it says something for
 */
GHashTable *
sportello_client_list_dup_matches_finish (SportelloClientList  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sportello_client_list_finalize (GObject *object)
{
  SportelloClientList *self = (SportelloClientList *)object;

  g_clear_pointer (&self->item_stmt, sqlite3_finalize);
  if (self->pending != NULL)
    g_cancellable_cancel (self->pending);
  g_clear_object (&self->pending);
  if (self->matches != NULL)
    g_cancellable_cancel (self->matches);
  g_clear_object (&self->matches);
  g_clear_pointer (&self->worker, worker_unref);
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
