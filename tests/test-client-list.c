/* test-client-list.c: what the client list tells its views when it changes
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>


#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-client-list-private.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-thread.h"

#include "store-test-util.h"

static SportelloDatabase *
open_db (void)
{
  return store_test_open_db ("client-list-test", "Giulia Frigerio", "ComoNext – Lomazzo");
}

static GArray *
ids_of (const gint64 *ids,
        guint         n)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (array, ids, n);
  return array;
}

/* Applies @changes to a copy of @old, checking each fits */
static GArray *
apply (GArray *old,
       GArray *new,
       GArray *changes)
{
  GArray *mirror = g_array_copy (old);
  guint done_new = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      SportelloListChange *change = &g_array_index (changes, SportelloListChange, i);

      /* front to back */
      g_assert_cmpuint (change->position, >=, done_new);
      g_assert_cmpuint (change->position + change->removed, <=, mirror->len);
      g_array_remove_range (mirror, change->position, change->removed);
      g_array_insert_vals (mirror, change->position,
                           &g_array_index (new, gint64, change->position), change->added);
      done_new = change->position + change->added;
    }

  return mirror;
}

static void
assert_same (GArray *a,
             GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* A narrowing search only removes, a wider one only adds, each run at once */
static void
test_diff_minimal (void)
{
  const gint64 base_ids[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  const gint64 narrow_ids[] = { 2, 3, 5, 8 };
  const gint64 narrower_ids[] = { 3, 8 };
  g_autoptr(GArray) base = ids_of (base_ids, G_N_ELEMENTS (base_ids));
  g_autoptr(GArray) narrow = ids_of (narrow_ids, G_N_ELEMENTS (narrow_ids));
  g_autoptr(GArray) narrower = ids_of (narrower_ids, G_N_ELEMENTS (narrower_ids));
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) applied = NULL;
  SportelloListChange *c;

  /* 1 2 3 4 5 6 7 8 → 2 3 5 8: 1, 4, 6 7 go */
  changes = _sportello_client_list_diff (base, base, narrow, 64, 8);
  g_assert_cmpuint (changes->len, ==, 3);
  c = (SportelloListChange *) changes->data;
  g_assert_cmpuint (c[0].position, ==, 0); g_assert_cmpuint (c[0].removed, ==, 1); g_assert_cmpuint (c[0].added, ==, 0);
  g_assert_cmpuint (c[1].position, ==, 2); g_assert_cmpuint (c[1].removed, ==, 1); g_assert_cmpuint (c[1].added, ==, 0);
  g_assert_cmpuint (c[2].position, ==, 3); g_assert_cmpuint (c[2].removed, ==, 2); g_assert_cmpuint (c[2].added, ==, 0);
  applied = apply (base, narrow, changes);
  assert_same (applied, narrow);
  g_clear_pointer (&applied, g_array_unref);
  g_clear_pointer (&changes, g_array_unref);

  /* and back: only additions */
  changes = _sportello_client_list_diff (base, narrower, base, 64, 8);
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpuint (g_array_index (changes, SportelloListChange, i).removed, ==, 0);
  g_assert_cmpuint (changes->len, ==, 2);   /* 1 2 before 3; 4 5 6 7 before 8 */
  applied = apply (narrower, base, changes);
  assert_same (applied, base);
  g_clear_pointer (&applied, g_array_unref);
  g_clear_pointer (&changes, g_array_unref);

  /* nothing changed: nothing told */
  changes = _sportello_client_list_diff (base, narrow, narrow, 64, 8);
  g_assert_cmpuint (changes->len, ==, 0);
}

/* Any two subsets of a base, in and past the window, and a change of
 * order: the changes always lead from one to the other; within the window
 * they touch only what differs */
static void
test_diff_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 id = 1; id <= 300; id++)
    g_array_append_val (base, id);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) new = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) changes = NULL;
      g_autoptr(GArray) applied = NULL;
      guint keep_old = g_rand_int_range (rand, 0, 101), keep_new = g_rand_int_range (rand, 0, 101);
      guint window = round % 2 ? 1000 : 16;
      guint touched = 0, differ = 0;

      for (guint i = 0; i < base->len; i++)
        {
          if ((guint) g_rand_int_range (rand, 0, 100) < keep_old)
            g_array_append_val (old, g_array_index (base, gint64, i));
          if ((guint) g_rand_int_range (rand, 0, 100) < keep_new)
            g_array_append_val (new, g_array_index (base, gint64, i));
        }
      /* some rounds, the old list in another order (as after a new sort) */
      if (round % 5 == 0 && old->len > 2)
        {
          gint64 first = g_array_index (old, gint64, 0);

          g_array_index (old, gint64, 0) = g_array_index (old, gint64, old->len - 1);
          g_array_index (old, gint64, old->len - 1) = first;
        }

      changes = _sportello_client_list_diff (base, old, new, window, round % 3 ? G_MAXUINT : 4);
      applied = apply (old, new, changes);
      assert_same (applied, new);
      /* too many changes in the window make one */
      if (round % 3 == 0)
        g_assert_cmpuint (changes->len, <=, 4 + 3);

      if (window < 1000 || round % 5 == 0 || round % 3 == 0)
        continue;
      /* the whole list in the window, in order: removed and added are the
       * ids in one only */
      for (guint i = 0; i < changes->len; i++)
        touched += g_array_index (changes, SportelloListChange, i).removed + g_array_index (changes, SportelloListChange, i).added;
      for (guint i = 0; i < old->len; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < new->len && !found; j++)
            found = g_array_index (old, gint64, i) == g_array_index (new, gint64, j);
          differ += !found;
        }
      for (guint j = 0; j < new->len; j++)
        {
          gboolean found = FALSE;

          for (guint i = 0; i < old->len && !found; i++)
            found = g_array_index (old, gint64, i) == g_array_index (new, gint64, j);
          differ += !found;
        }
      g_assert_cmpuint (touched, ==, differ);
    }
}

/* What a view of the list sees, signal by signal: the names it lists */
typedef struct
{
  GPtrArray *names;
  guint      n_signals;
  guint      removed;
  guint      added;
  gboolean   saw_stale;   /* listed only “Bar Centrale” at some point */
} Mirror;

static char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(SportelloClient) client = g_list_model_get_item (model, position);

  return g_strdup (sportello_client_get_name (client));
}

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  mirror->n_signals++;
  mirror->removed += removed;
  mirror->added += added;

  /* the model is as the signal says, already */
  g_ptr_array_remove_range (mirror->names, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->names, position + i, name_at (model, position + i));
  g_assert_cmpuint (mirror->names->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->names->len; i++)
    {
      g_autofree char *name = name_at (model, i);

      g_assert_cmpstr (name, ==, g_ptr_array_index (mirror->names, i));
    }

  if (mirror->names->len == 1 && g_str_equal (g_ptr_array_index (mirror->names, 0), "Bar Centrale"))
    mirror->saw_stale = TRUE;
}

static void
mirror_reset (Mirror *mirror)
{
  mirror->n_signals = mirror->removed = mirror->added = 0;
}

/* Typing a letter more removes from the list the clients no longer found,
 * and nothing else: the rows of the others stay as they are */
static void
test_narrowing_search (void)
{
  static const char * const names[] = { "Bianchi Arredi", "Rossi Infissi", "Rossini Viaggi", "Rosso Vivo", "Verdi Ottica" };
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(GError) error = NULL;
  Mirror mirror = { g_ptr_array_new_with_free_func (g_free) };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (store_test_new_client (db, names[i]));
  g_signal_connect (list, "items-changed", G_CALLBACK (mirror_changed_cb), &mirror);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (mirror.n_signals, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 5);

  /* “ross”: Bianchi and Verdi go, one signal each */
  mirror_reset (&mirror);
  sportello_client_list_set_search (list, "ross");
  g_assert_cmpuint (mirror.n_signals, ==, 2);
  g_assert_cmpuint (mirror.removed, ==, 2);
  g_assert_cmpuint (mirror.added, ==, 0);

  /* “rossi”: Rosso Vivo goes */
  mirror_reset (&mirror);
  sportello_client_list_set_search (list, "rossi");
  g_assert_cmpuint (mirror.n_signals, ==, 1);
  g_assert_cmpuint (mirror.removed, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 0);
  g_assert_cmpuint (mirror.names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (mirror.names, 0), ==, "Rossi Infissi");
  g_assert_cmpstr (g_ptr_array_index (mirror.names, 1), ==, "Rossini Viaggi");

  /* back to all: only additions, in their places */
  mirror_reset (&mirror);
  sportello_client_list_set_search (list, NULL);
  g_assert_cmpuint (mirror.removed, ==, 0);
  g_assert_cmpuint (mirror.added, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (g_ptr_array_index (mirror.names, i), ==, names[i]);

  /* a client asked for twice is the same object, which is how a list
   * view knows the row it has for it; after a write, any client may have
   * changed: all are read and told anew */
  {
    g_autoptr(SportelloClient) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(SportelloClient) again = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(SportelloClient) fresh = NULL;

    g_assert_true (first == again);
    mirror_reset (&mirror);
    g_assert_true (sportello_client_list_refresh (list, &error));
    g_assert_cmpuint (mirror.removed, ==, 5);
    g_assert_cmpuint (mirror.added, ==, 5);
    fresh = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (fresh != first);
  }

  g_ptr_array_unref (mirror.names);
}

/* In the background, a search typed over by the next one never reaches
 * the list, not even for a moment: the views see the newest results only,
 * reached from what they showed */
static void
test_stale_search (void)
{
  static const char * const names[] = { "Bar Centrale", "Falegnameria Rossi", "Studio Sala" };
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(GError) error = NULL;
  Mirror mirror = { g_ptr_array_new_with_free_func (g_free) };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (store_test_new_client (db, names[i]));
  sportello_client_list_set_background (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (mirror_changed_cb), &mirror);
  g_assert_true (sportello_client_list_refresh (list, &error));
  store_test_wait_loaded (list);
  g_assert_cmpuint (mirror.names->len, ==, 3);

  for (guint round = 0; round < 20; round++)
    {
      mirror_reset (&mirror);
      sportello_client_list_set_search (list, "centrale");
      sportello_client_list_set_search (list, round % 2 ? "rossi" : "studio");
      store_test_wait_loaded (list);
      g_assert_false (mirror.saw_stale);
      g_assert_cmpuint (mirror.names->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (mirror.names, 0), ==, round % 2 ? "Falegnameria Rossi" : "Studio Sala");

      sportello_client_list_set_search (list, NULL);
      store_test_wait_loaded (list);
      g_assert_cmpuint (mirror.names->len, ==, 3);
    }

  g_ptr_array_unref (mirror.names);
}

/* The nice values of this process's threads but the calling one */
static GArray *
other_threads_nice (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  g_autofree char *self = g_strdup_printf ("%ld", (long) syscall (SYS_gettid));
  GArray *nices = g_array_new (FALSE, FALSE, sizeof (int));
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", name, "stat", NULL);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      int nice;

      if (g_str_equal (name, self) || !g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      /* after the command's name in brackets: state, then field 19 (nice) is the 17th */
      fields = g_strsplit (strrchr (stat, ')') + 2, " ", 0);
      g_assert_cmpuint (g_strv_length (fields), >, 16);
      nice = atoi (fields[16]);
      g_array_append_val (nices, nice);
    }
  return nices;
}

/* The background list's searches run on threads that give way to the
 * window's (sportello-thread.c), and the calling thread keeps its priority */
static void
test_worker_gives_way (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(GArray) nices = NULL;
  g_autoptr(GError) error = NULL;
  int main_nice = getpriority (PRIO_PROCESS, 0);
  gboolean found = FALSE;

  g_object_unref (store_test_new_client (db, "Bar Centrale"));
  g_object_unref (store_test_new_client (db, "Studio Sala"));
  sportello_client_list_set_background (list);
  g_assert_true (sportello_client_list_refresh (list, &error));
  store_test_wait_loaded (list);
  sportello_client_list_set_search (list, "centrale");
  store_test_wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  nices = other_threads_nice ();
  for (guint i = 0; i < nices->len; i++)
    found |= g_array_index (nices, int, i) == SPORTELLO_THREAD_NICE_SEARCH;
  g_assert_true (found);
  g_assert_cmpint (getpriority (PRIO_PROCESS, 0), ==, main_nice);
}

/* The base's ids that match @search, with the notes' owners read from
 * the arrays kept with the connection (@arrays) or joined in SQL */
static GArray *
search_ids (SportelloDatabase *db,
            const char        *search,
            gboolean           arrays)
{
  Filter filter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) base = _sportello_client_list_query_base (db, &filter, 0, &error);
  GArray *ids;

  g_assert_no_error (error);
  _sportello_client_list_set_note_owners (arrays);
  ids = _sportello_client_list_query_search (db, base, search, &error);
  _sportello_client_list_set_note_owners (TRUE);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

/* Both ways find the same clients, in the same order */
static GArray *
assert_search_same (SportelloDatabase *db,
                    const char        *search)
{
  g_autoptr(GArray) joined = search_ids (db, search, FALSE);
  GArray *kept = search_ids (db, search, TRUE);

  if (g_test_verbose ())
    g_test_message ("“%s”: %u clients", search, joined->len);
  assert_same (kept, joined);
  return kept;
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gint64
query_id (SportelloDatabase *db,
          const char        *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* How many clients a search finds by their own fields */
static guint
count_by_fields (SportelloDatabase *db,
                 const char        *search)
{
  g_autofree char *fts = sportello_fts_query_from_text (search);
  g_autoptr(sqlite3_stmt) stmt = _sportello_database_prepare (db, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH ?", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* @meeting moved to @client by the connection @writer: the search on @db
 * finds the client it has now, and that one only */
static void
move_meeting (SportelloDatabase *db,
              SportelloDatabase *writer,
              gint64             meeting,
              gint64             client)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE meetings SET client_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                                          client, meeting);
  g_autoptr(GArray) ids = NULL;

  store_test_exec (writer, sql);
  ids = assert_search_same (db, "zibal");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, client);
}

/* The clients whose meetings or follow-ups a search finds are the same
 * whether their owners come from the arrays kept with the connection or
 * from the join, for every prefix typed (accents and typos too), and a
 * write between two searches, on this connection or another, is seen */
static void
test_note_owners (void)
{
  static const char * const words[] = {
    "marketplace", "e-commerce", "pasticceria", "falegnameria", "bar centrale",
    "fatturazione elettronica", "caffè", "perché", "qualità", "Città", "CAFFE",
    "moltenni", "pasticeria", "shopify", "sito web", "00743", "qzxwvk",
  };
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gboolean by_notes = FALSE;
  gint64 meeting, first, second, third;

  g_assert_true (sportello_demo_fill (db, 300, &error));
  g_assert_no_error (error);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    for (const char *end = words[w]; ; end = g_utf8_next_char (end))
      {
        g_autofree char *prefix = g_strndup (words[w], end - words[w]);
        g_autoptr(GArray) ids = NULL;

        if (prefix[0] != '\0')
          {
            ids = assert_search_same (db, prefix);
            /* some are found by their notes only */
            if (!by_notes && _sportello_client_list_words_are_long (prefix, 3))
              by_notes = ids->len > count_by_fields (db, prefix);
          }
        if (*end == '\0')
          break;
      }
  g_assert_true (by_notes);
  /* the arrays were kept */
  g_assert_nonnull (g_object_get_data (G_OBJECT (db), "sportello-client-list-note-owners"));

  /* a meeting's notes changed on this connection: found by the new word */
  meeting = query_id (db, "SELECT min(id) FROM meetings");
  first = query_id (db, "SELECT client_id FROM meetings WHERE id = (SELECT min(id) FROM meetings)");
  second = query_id (db, "SELECT max(id) FROM clients WHERE id <> (SELECT client_id FROM meetings WHERE id = (SELECT min(id) FROM meetings)) AND status <> 'archived' AND deleted_at IS NULL");
  third = query_id (db, "SELECT min(id) FROM clients WHERE id <> (SELECT client_id FROM meetings WHERE id = (SELECT min(id) FROM meetings)) AND status <> 'archived' AND deleted_at IS NULL");
  g_assert_cmpint (second, !=, third);
  store_test_exec (db, "UPDATE meetings SET notes = 'zibaldone' WHERE id = (SELECT min(id) FROM meetings)");
  {
    g_autoptr(GArray) ids = assert_search_same (db, "zibal");

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, first);
  }

  /* the meeting moved to another client, on this connection: the owners
   * are read again */
  move_meeting (db, db, meeting, second);

  /* and again, by another connection on the same file */
  dir = g_path_get_dirname (sportello_database_get_path (db));
  other = sportello_database_open (dir, &error);
  g_assert_no_error (error);
  move_meeting (db, other, meeting, third);

  /* a follow-up added by the other connection finds the meeting's client */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO follow_ups (uuid, meeting_id, text, created_at, updated_at) "
                                            "VALUES ('7a1c0000-0000-4000-8000-000000000001', %" G_GINT64_FORMAT ", "
                                            "'quadrifoglio', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", meeting);
    g_autoptr(GArray) ids = NULL;

    store_test_exec (other, sql);
    ids = assert_search_same (db, "quadrif");
    g_assert_true (has_id (ids, third));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/client-list/diff-minimal", test_diff_minimal);
  g_test_add_func ("/store/client-list/diff-random", test_diff_random);
  g_test_add_func ("/store/client-list/narrowing-search", test_narrowing_search);
  g_test_add_func ("/store/client-list/stale-search", test_stale_search);
  g_test_add_func ("/store/client-list/worker-gives-way", test_worker_gives_way);
  g_test_add_func ("/store/client-list/note-owners", test_note_owners);

  return g_test_run ();
}
