/* test-changes.c: SportelloDatabase::changed and the lists that follow it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-database.h"
#include "sportello-meeting.h"

#include "store-test-util.h"

typedef struct
{
  GThread *thread;       /* where the signal was emitted */
  guint    n_client;
  guint    n_meeting;
  guint    n_other;
  gint64   last_client_id;
} Heard;

static void
changed_cb (SportelloDatabase *db,
            const char        *kind,
            GArray            *ids,
            Heard             *heard)
{
  heard->thread = g_thread_self ();
  if (g_str_equal (kind, SPORTELLO_CHANGE_CLIENT))
    {
      heard->n_client++;
      g_assert_nonnull (ids);
      g_assert_cmpuint (ids->len, >, 0);
      heard->last_client_id = g_array_index (ids, gint64, ids->len - 1);
    }
  else if (g_str_equal (kind, SPORTELLO_CHANGE_MEETING))
    heard->n_meeting++;
  else
    heard->n_other++;
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("%s did not happen", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@counter reaches @n; a hang fails the test,
 * since what is awaited is announced at once, not after some time */
static void
wait_for (guint       *counter,
          guint        n,
          const char  *what)
{
  guint guard = g_timeout_add_seconds (30, give_up_cb, (gpointer) what);

  while (*counter < n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static SportelloClient *
new_client (const char *name)
{
  SportelloClient *client = sportello_client_new ();

  sportello_client_set (client, SPORTELLO_CLIENT_NAME, name);
  return client;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n)
{
  (*n)++;
}

/* a save is announced after it commits, with the client's id, and a list
 * of clients shows it without being told to */
static void
test_list_follows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (g_get_user_data_dir (), &error);
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(SportelloClient) client = new_client ("Falegnameria Rossi");
  Heard heard = { 0 };
  guint n_changes = 0;

  g_assert_no_error (error);
  list = sportello_client_list_new (db);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &heard);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &n_changes);

  g_assert_true (sportello_client_save (client, db, &error));
  /* never from inside the write: the main loop delivers it */
  g_assert_cmpuint (heard.n_client, ==, 0);
  wait_for (&heard.n_client, 1, "the client's change");
  g_assert_cmpint (heard.last_client_id, ==, sportello_client_get_id (client));
  g_assert_cmpuint (heard.n_meeting, ==, 0);
  g_assert_true (heard.thread == g_thread_self ());
  g_assert_cmpuint (n_changes, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* a trashed client leaves the list, a restored one comes back */
  g_assert_true (sportello_client_trash (db, sportello_client_get_uuid (client), &error));
  wait_for (&heard.n_client, 2, "the trashing");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (sportello_client_restore (db, sportello_client_get_uuid (client), &error));
  wait_for (&heard.n_client, 3, "the restoring");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* the detail selects a kind; what is rolled back is never announced */
static void
test_detail_and_rollback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (g_get_user_data_dir (), &error);
  g_autoptr(SportelloClient) client = new_client ("Bar Centrale");
  g_autoptr(SportelloMeeting) meeting = NULL;
  Heard all = { 0 };
  Heard meetings = { 0 };

  g_assert_no_error (error);
  g_assert_true (sportello_client_save (client, db, &error));
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &all);
  g_signal_connect (db, "changed::" SPORTELLO_CHANGE_MEETING, G_CALLBACK (changed_cb), &meetings);
  /* the save above came before anybody listened: nobody is told of it */

  g_assert_true (sportello_database_begin (db, &error));
  g_assert_true (sportello_database_exec (db, "UPDATE clients SET name = 'Altro nome'", &error));
  sportello_database_rollback (db);

  meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  wait_for (&meetings.n_meeting, 1, "the meeting's change");

  /* the meeting's trigger stamps its client: one client change, the
   * meeting's; none from the rolled back rename */
  g_assert_cmpuint (meetings.n_client, ==, 0);
  g_assert_cmpuint (all.n_meeting, ==, 1);
  g_assert_cmpuint (all.n_client, ==, 1);
}

typedef struct
{
  char *data_dir;
  char *name;
} Job;

static gpointer
write_in_thread (gpointer data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (job->data_dir, &error);
  g_autoptr(SportelloClient) client = new_client (job->name);

  g_assert_no_error (error);
  g_assert_true (sportello_client_save (client, db, &error));
  g_assert_no_error (error);

  return NULL;
}

/* a write on a worker's own connection (as an import makes) reaches the
 * window's database and its list, in the main context */
static void
test_worker_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (g_get_user_data_dir (), &error);
  g_autoptr(SportelloClientList) list = NULL;
  Job job = { g_strdup (g_get_user_data_dir ()), g_strdup ("Pasticceria Sala") };
  Heard heard = { 0 };
  GThread *worker;

  g_assert_no_error (error);
  list = sportello_client_list_new (db);
  g_assert_true (sportello_client_list_refresh (list, &error));
  g_signal_connect (db, "changed::" SPORTELLO_CHANGE_CLIENT, G_CALLBACK (changed_cb), &heard);

  worker = g_thread_new ("import", write_in_thread, &job);
  g_thread_join (worker);
  wait_for (&heard.n_client, 1, "the worker's change");

  g_assert_true (heard.thread == g_thread_self ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (sportello_client_get_name (client), ==, "Pasticceria Sala");
  }

  g_free (job.data_dir);
  g_free (job.name);
}

/* a database on another file hears nothing */
static void
test_other_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *here_dir = g_build_filename (g_get_user_data_dir (), "here", NULL);
  g_autofree char *there_dir = g_build_filename (g_get_user_data_dir (), "there", NULL);
  g_autoptr(SportelloDatabase) here = NULL;
  g_autoptr(SportelloDatabase) there = NULL;
  g_autoptr(SportelloDatabase) there_too = NULL;
  g_autoptr(SportelloClient) client = new_client ("Studio Sala");
  Heard heard_here = { 0 };
  Heard heard_there = { 0 };

  g_mkdir_with_parents (here_dir, 0700);
  g_mkdir_with_parents (there_dir, 0700);
  here = sportello_database_open (here_dir, &error);
  g_assert_no_error (error);
  there = sportello_database_open (there_dir, &error);
  g_assert_no_error (error);
  there_too = sportello_database_open (there_dir, &error);
  g_assert_no_error (error);
  g_signal_connect (here, "changed", G_CALLBACK (changed_cb), &heard_here);
  g_signal_connect (there_too, "changed", G_CALLBACK (changed_cb), &heard_there);

  g_assert_true (sportello_client_save (client, there, &error));
  wait_for (&heard_there.n_client, 1, "the change on the same file");
  g_assert_cmpuint (heard_here.n_client, ==, 0);
}

/* A list that reads on a worker answers in the main loop; of two searches
 * typed one after the other only the second is shown; it follows changes
 * in the background too */
static void
test_background_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (g_get_user_data_dir (), &error);
  g_autoptr(SportelloClientList) list = NULL;
  g_autoptr(SportelloClient) more = new_client ("Rossi Serramenti");
  Heard heard = { 0 };

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "Falegnameria Rossi", "Bar Centrale", "Studio Sala" };
      g_autoptr(SportelloClient) client = new_client (names[i]);

      g_assert_true (sportello_client_save (client, db, &error));
    }

  list = sportello_client_list_new (db);
  sportello_client_list_set_background (list);
  g_assert_true (sportello_client_list_refresh (list, &error));
  /* asked, not answered yet */
  g_assert_true (sportello_client_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  store_test_wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  sportello_client_list_set_search (list, "centrale");
  sportello_client_list_set_search (list, "rossi");
  store_test_wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(SportelloClient) shown = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (sportello_client_get_name (shown), ==, "Falegnameria Rossi");
  }

  g_signal_connect (db, "changed::" SPORTELLO_CHANGE_CLIENT, G_CALLBACK (changed_cb), &heard);
  g_assert_true (sportello_client_save (more, db, &error));
  wait_for (&heard.n_client, 1, "the new client's change");
  store_test_wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

/* What the hooks cannot see (a restore under the connection) is announced
 * by hand, to every database on the file */
static void
test_notify_by_hand (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (g_get_user_data_dir (), &error);
  g_autoptr(SportelloDatabase) other = NULL;
  Heard heard = { 0 };

  g_assert_no_error (error);
  other = sportello_database_open (g_get_user_data_dir (), &error);
  g_assert_no_error (error);
  g_signal_connect (other, "changed", G_CALLBACK (changed_cb), &heard);

  sportello_database_notify_changed (db, SPORTELLO_CHANGE_MEETING);
  wait_for (&heard.n_meeting, 1, "the meeting kind");
  g_assert_cmpuint (heard.n_client, ==, 0);

  /* all kinds: the client's comes with no ids, which changed_cb would not
   * take, so a detail of its own counts it */
  g_signal_handlers_disconnect_by_data (other, &heard);
  g_signal_connect (other, "changed::" SPORTELLO_CHANGE_MEETING, G_CALLBACK (changed_cb), &heard);
  sportello_database_notify_changed (db, NULL);
  wait_for (&heard.n_meeting, 2, "every kind");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/changes/list-follows", test_list_follows);
  g_test_add_func ("/store/changes/detail-and-rollback", test_detail_and_rollback);
  g_test_add_func ("/store/changes/worker-thread", test_worker_thread);
  g_test_add_func ("/store/changes/other-file", test_other_file);
  g_test_add_func ("/store/changes/background-list", test_background_list);
  g_test_add_func ("/store/changes/notify-by-hand", test_notify_by_hand);

  return g_test_run ();
}
