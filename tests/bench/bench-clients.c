/* bench-clients.c: the client list at 50,000 clients
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints numbers, asserts nothing about them:
 *   - time to fill the database with `sportello --demo N` (a child process)
 *   - time from this process's start to the first frame of the client list
 *   - p50 and p95 of a search query while typing
 *   - time to open a client page (to its first frame)
 *   - peak RSS of this process, which runs the real window
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "sportello-client-list.h"
#include "sportello-database.h"
#include "sportello-client-page.h"
#include "sportello-clients-page.h"
#include "sportello-test-ui.h"
#include "sportello-window.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Milliseconds since this process started, from /proc */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_comm;
  double start_ticks, up;

  g_assert_true (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL));
  g_assert_true (g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL));
  after_comm = strrchr (stat, ')') + 2;
  fields = g_strsplit (after_comm, " ", -1);
  start_ticks = g_ascii_strtod (fields[19], NULL);   /* field 22 of stat */
  up = g_ascii_strtod (uptime, NULL);

  return (up - start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint i;

  g_array_sort (values, compare_doubles);
  i = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, i);
}

static int measure (const char *data_dir, int argc, char **argv);

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("SPORTELLO_EXE");
  guint n_clients = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  g_autofree char *data_dir = NULL;
  g_autofree char *demo_arg = NULL;
  g_autoptr(GError) error = NULL;
  double t0;
  int status;

  /* The fill runs first, in a process of its own; then this program runs
   * again on the filled database, so that its start time and peak RSS are
   * those of the window alone. */
  if (argc > 2 && g_str_equal (argv[1], "--measure"))
    return measure (argv[2], argc, argv);

  data_dir = g_dir_make_tmp ("sportello-bench-XXXXXX", NULL);
  demo_arg = g_strdup_printf ("%u", n_clients);
  t0 = now_ms ();
  {
    const char *child_argv[] = { exe, "--data-dir", data_dir, "--demo", demo_arg, NULL };

    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
      g_error ("%s", error->message);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_print ("clients: %u\n", n_clients);
  g_print ("fill with sportello --demo: %.0f ms\n", now_ms () - t0);

  {
    const char *child_argv[] = { argv[0], "--measure", data_dir, NULL };

    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL, &status, &error))
      g_error ("%s", error->message);
  }

  {
    g_autofree char *db = g_build_filename (data_dir, "sportello.db", NULL);
    g_autofree char *wal = g_build_filename (data_dir, "sportello.db-wal", NULL);
    g_autofree char *shm = g_build_filename (data_dir, "sportello.db-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (data_dir);
  }

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static int
measure (const char  *data_dir,
         int          argc,
         char       **argv)
{
  static const char * const queries[] = {
    "rossi", "falegnameria", "como", "bar centrale", "00743", "cantu",
    "studio sala", "e-commerce", "caserta", "pasticceria", "marketplace", "novara",
  };
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  SportelloClientsPage *page;
  GListModel *model;
  GtkWindow *window;
  struct rusage usage;
  double first_frame;

  argc = 1;
  sportello_test_ui_init (&argc, &argv);
  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  page = _sportello_window_get_clients_page (SPORTELLO_WINDOW (window));
  model = sportello_clients_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  first_frame = ms_since_process_start ();
  g_print ("launch to first frame of the client list: %.0f ms (from process start, %u rows listed)\n",
           first_frame, g_list_model_get_n_items (model));
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS at the first frame: %.1f MB\n", usage.ru_maxrss / 1024.0);

  /* typing: each query one character at a time, like search-as-you-type;
   * once on a detached list (the query alone), once on the window's list
   * (the query plus the list view catching up) */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(SportelloClientList) detached = NULL;
      GListModel *target = model;

      g_array_set_size (times, 0);
      if (pass == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);

          g_assert_no_error (error);
          detached = sportello_client_list_new (db);
          target = G_LIST_MODEL (detached);
        }

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        for (gsize len = 1; len <= strlen (queries[q]); len++)
          {
            g_autofree char *prefix = g_strndup (queries[q], len);
            double start = now_ms (), elapsed;
            guint n;

            sportello_client_list_set_search (SPORTELLO_CLIENT_LIST (target), prefix);
            n = g_list_model_get_n_items (target);
            /* and the rows a list view shows first */
            for (guint i = 0; i < MIN (n, 20); i++)
              g_object_unref (g_list_model_get_item (target, i));
            elapsed = now_ms () - start;
            g_array_append_val (times, elapsed);
          }

      {
        double p50 = percentile (times, 0.50), p95 = percentile (times, 0.95), max = percentile (times, 1.0);

        g_print ("search while typing, %s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%u queries)\n",
                 pass == 0 ? "store query" : "with the window's list view",
                 p50, p95, max, times->len);
      }
    }
  sportello_client_list_set_search (SPORTELLO_CLIENT_LIST (model), NULL);

  for (guint i = 0; i < 15; i++)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (model, i * 997 % g_list_model_get_n_items (model));
      double start = now_ms (), elapsed;

      sportello_clients_page_open_client (page, sportello_client_get_uuid (client));
      sportello_test_wait_for_draw_quick (GTK_WIDGET (window));
      elapsed = now_ms () - start;
      g_array_append_val (opens, elapsed);
    }
  {
    double p50 = percentile (opens, 0.50), max = percentile (opens, 1.0);

    g_print ("open a client page: p50 %.1f ms, max %.1f ms\n", p50, max);
  }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);

  sportello_test_app_quit (app);

  return 0;
}
