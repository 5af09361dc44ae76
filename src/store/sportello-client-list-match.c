/* sportello-client-list-match.c: why a client is in a search's results
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A client found by what its row does not show (its notes, its meetings'
 * and follow-ups' notes) says so: the words around those searched. The
 * rows on screen ask for theirs in one request on the list's worker.
 */

#define G_LOG_DOMAIN "sportello-client-list"

#include "config.h"

#include <string.h>

#include "sportello-client-list-private.h"
#include "sportello-client-private.h"
#include "sportello-thread.h"

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

      chars = _sportello_client_list_index_form (sportello_client_get (client, fields[f]), &len);
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
      chars = _sportello_client_list_index_form (words[w], &len);
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
    if (!_sportello_client_list_words_are_long (spaced, 3))
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
  _sportello_client_list_worker_unref (request->worker);
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
  sqlite3_progress_handler (handle, 2000, _sportello_client_list_progress_cb, worker);

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
      sportello_thread_run_task (task, match_thread, SPORTELLO_THREADS_SEARCH);
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
