/* bench-clients.c: the client list at 50,000 clients
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints numbers, asserts nothing about them:
 *   - time to fill the database with `sportello --demo N` (a child process)
 *   - time from process start to the window's first frame, with 1 client
 *     and with N (each in a process of its own)
 *   - the store's search query while typing, alone
 *   - 100 keystrokes in the window's search entry: the longest the main
 *     loop is blocked per keystroke (p99: the longest iteration's wall time
 *     less the time it waited in poll() for something to do, when the loop
 *     would have answered at once), and the time until the results are
 *     listed and painted (p95)
 *   - time to open a client page (to its first frame), p95 of 20 opens
 *     (SPORTELLO_BENCH_OPENS=N for more; then also p95 of the first 20)
 *   - peak RSS of the process that runs the real window with N clients
 *   - where the time of a keystroke goes: waiting for the query, the
 *     model's items-changed (and how many, and how many rows were made or
 *     bound), the frame's layout and its paint (snapshot and render)
 *   - where the memory is after each step (resident and its high-water
 *     mark, malloc's heaps, SQLite's own); with BENCH_MEMORY_DIR set, also
 *     /proc/self/smaps and malloc_info() after each step, in that folder
 * The last lines sum these up in a fixed form, to compare run to run.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "sportello-client-list.h"
#include "sportello-database.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The main thread's CPU time: on a machine busy with other work, what a
 * step costs apart from the time spent waiting for a core */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The time the main thread has been ready to run but waiting for a
 * core (the kernel's run-queue time, /proc/thread-self/schedstat): what of
 * a stall is the machine's load rather than the loop's own work or waits */
static double
queued_ms (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL))
    return 0;
  fields = g_strsplit (text, " ", 0);
  return g_strv_length (fields) >= 2 ? g_ascii_strtod (fields[1], NULL) / 1e6 : 0;
}

/* The time the main loop has spent in poll(), waiting for something to
 * do: an iteration's wall time less this is the time it was blocked */
static double polled;

static int
timed_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  double start = now_ms ();
  int ret = g_poll (fds, n_fds, timeout);

  polled += now_ms () - start;
  return ret;
}

/* Of a keystroke's main-loop iterations: the longest in CPU time; the
 * longest blocked, that is in wall time less its wait in poll() (the time
 * the loop could not have answered the user); and of that one, the time
 * the main thread waited for a core */
static double stall_cpu;
static double stall_blocked;
static double stall_queued;

static void
note_blocked (double blocked,
              double queued)
{
  if (blocked <= stall_blocked)
    return;
  stall_blocked = blocked;
  stall_queued = queued;
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

/* A figure of /proc/self/status in MB (its lines are in kB), or -1 */
static double
status_mb (const char *status,
           const char *key)
{
  const char *at = status ? strstr (status, key) : NULL;

  return at ? g_ascii_strtod (at + strlen (key), NULL) / 1024.0 : -1;
}

/* The process's resident memory now (anonymous, file, shared) and its
 * high-water mark, in words */
static char *
dup_resident (void)
{
  g_autofree char *status = NULL;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  return g_strdup_printf ("RSS %.1f MB (anonymous %.1f, files %.1f, shared %.1f), its peak %.1f MB",
                          status_mb (status, "VmRSS:"), status_mb (status, "RssAnon:"), status_mb (status, "RssFile:"),
                          status_mb (status, "RssShmem:"), status_mb (status, "VmHWM:"));
}

/* Where the memory is at @when: resident (anonymous, file, shared) and
 * its high-water mark, malloc's heap (in use, free), SQLite's own */
static void
print_memory (const char *when)
{
  g_autofree char *resident = dup_resident ();
  struct mallinfo2 info = mallinfo2 ();
  sqlite3_int64 sql_now = 0, sql_peak = 0;

  sqlite3_status64 (SQLITE_STATUS_MEMORY_USED, &sql_now, &sql_peak, FALSE);
  g_print ("memory at %s: %s; "
           "malloc in use %.1f MB, free %.1f MB (heap %.1f MB, mapped %.1f MB); SQLite %.1f MB, its peak %.1f MB\n",
           when, resident,
           (info.uordblks + info.hblkhd) / 1048576.0, info.fordblks / 1048576.0,
           info.arena / 1048576.0, info.hblkhd / 1048576.0,
           sql_now / 1048576.0, sql_peak / 1048576.0);
  if (g_getenv ("BENCH_MEMORY_DIR") != NULL && g_getenv ("BENCH_MEMORY_DIR")[0] != '\0')
    {
      g_autofree char *smaps = NULL;
      g_autofree char *name = g_strdup_printf ("%s/smaps-%s", g_getenv ("BENCH_MEMORY_DIR"), when);
      g_autofree char *info_name = g_strdup_printf ("%s/malloc-%s.xml", g_getenv ("BENCH_MEMORY_DIR"), when);
      FILE *out;

      if (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
        g_file_set_contents (name, smaps, -1, NULL);
      if ((out = fopen (info_name, "w")) != NULL)
        {
          malloc_info (0, out);
          fclose (out);
        }
    }
}

static int measure (const char *data_dir, gboolean startup_only, int argc, char **argv);

/* Fills a fresh folder with `sportello --demo N`; returns the folder */
static char *
fill (const char *exe,
      guint       n_clients)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_arg = g_strdup_printf ("%u", n_clients);
  char *data_dir = g_dir_make_tmp ("sportello-bench-XXXXXX", NULL);
  const char *child_argv[] = { exe, "--data-dir", data_dir, "--demo", demo_arg, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    g_error ("%s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return data_dir;
}

static void
remove_data (const char *data_dir)
{
  static const char * const names[] = { "sportello.db", "sportello.db-wal", "sportello.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (data_dir);
}

/* Runs this program again on @data_dir; its output, printed through */
static gboolean
run_child (const char  *self_exe,
           const char  *mode,
           const char  *data_dir,
           char       **out)
{
  g_autoptr(GError) error = NULL;
  const char *child_argv[] = { self_exe, mode, data_dir, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, out, NULL, &status, &error))
    g_error ("%s", error->message);
  g_print ("%s", *out);

  return g_spawn_check_wait_status (status, NULL);
}

/* The number after @key in @text, or -1 */
static double
read_figure (const char *text,
             const char *key)
{
  const char *at = text ? strstr (text, key) : NULL;

  return at ? g_ascii_strtod (at + strlen (key), NULL) : -1;
}

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("SPORTELLO_EXE");
  guint n_clients = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  g_autofree char *data_dir = NULL;
  g_autofree char *one_dir = NULL;
  g_autofree char *out_one = NULL;
  g_autofree char *out_all = NULL;
  gboolean ok;
  double t0;

  /* The fills run first, in processes of their own; then this program
   * runs again on each filled database, so that its start time and peak
   * RSS are those of the window alone. */
  if (argc > 2 && g_str_equal (argv[1], "--measure"))
    return measure (argv[2], FALSE, argc, argv);
  if (argc > 2 && g_str_equal (argv[1], "--startup"))
    return measure (argv[2], TRUE, argc, argv);

  t0 = now_ms ();
  data_dir = fill (exe, n_clients);
  g_print ("clients: %u\n", n_clients);
  g_print ("fill with sportello --demo: %.0f ms\n", now_ms () - t0);
  one_dir = fill (exe, 1);

  ok = run_child (argv[0], "--startup", one_dir, &out_one) &&
       run_child (argv[0], "--measure", data_dir, &out_all);

  g_print ("start-up to first frame: %.0f ms (1 client) / %.0f ms (%u clients)\n",
           read_figure (out_one, "first frame: "), read_figure (out_all, "first frame: "), n_clients);
  g_print ("typing, longest main-loop stall: p99 %.0f ms\n", read_figure (out_all, "stall p99: "));
  g_print ("typing, results on screen: p95 %.0f ms\n", read_figure (out_all, "on screen p95: "));
  g_print ("open a client page: p95 %.0f ms\n", read_figure (out_all, "open p95: "));
  g_print ("peak RSS: %.0f MB\n", read_figure (out_all, "peak RSS: "));

  remove_data (data_dir);
  remove_data (one_dir);

  return ok ? 0 : 1;
}

/* How many widgets are below @widget, and how many of them drawn */
static void
count_widgets (GtkWidget *widget,
               guint     *n,
               guint     *n_drawn)
{
  (*n)++;
  if (gtk_widget_is_drawable (widget))
    (*n_drawn)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, n, n_drawn);
}

/* The client page last pushed below @root (the one just opened), or NULL */
static GtkWidget *
last_client_page (GtkWidget *root)
{
  GtkWidget *found = NULL;

  if (SPORTELLO_IS_CLIENT_PAGE (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *page = last_client_page (child);

      if (page != NULL)
        found = page;
    }
  return found;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static void iteration_begin (void);
static void iteration_end (double cpu);

/* Runs the main loop until @widget paints a frame; the longest single
 * iteration meanwhile (the longest the loop could not answer) in @stall */
static void
wait_for_frame (GtkWidget *widget,
                double    *stall)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    {
      double start = now_ms (), start_cpu = cpu_ms (), start_queued = queued_ms (), start_polled = polled;

      iteration_begin ();
      g_main_context_iteration (NULL, TRUE);
      if (stall != NULL)
        {
          note_blocked (now_ms () - start - (polled - start_polled), queued_ms () - start_queued);
          *stall = MAX (*stall, now_ms () - start);
          iteration_end (cpu_ms () - start_cpu);
          stall_cpu = MAX (stall_cpu, cpu_ms () - start_cpu);
        }
    }
  g_signal_handler_disconnect (clock, id);
}

/* Where the time of one keystroke goes, summed over its main-loop
 * iterations: filled by signal hooks, read and reset per keystroke */
typedef struct
{
  GListModel *model;
  double      changed_start;
  double      first_change;   /* since the keystroke, -1 before */
  double      changed;        /* in the model's items-changed */
  guint       n_changed;
  guint       n_setup;        /* row widgets made */
  guint       n_bind;         /* rows bound */
  guint       n_teardown;     /* row widgets destroyed */
  double      update_start;
  double      update;         /* the frame's update phase (tick callbacks) */
  double      cpu_start;      /* main thread's CPU at a phase's start */
  double      cpu_update;     /* CPU time of the update, layout, paint phases */
  double      cpu_layout;
  double      cpu_paint;
  double      layout_start;
  double      layout;
  double      paint_start;
  double      paint;
  double      keystroke;
} Phases;

static Phases phases;

/* what ran in the longest iteration (CPU) of a keystroke: the phases'
 * growth over it */
static Phases iter_before;
static Phases longest;
static double longest_cpu;

static void
iteration_begin (void)
{
  iter_before = phases;
}

static void
iteration_end (double cpu)
{
  if (cpu <= longest_cpu)
    return;
  longest_cpu = cpu;
  longest = (Phases) {
    .first_change = (iter_before.first_change < 0 && phases.first_change >= 0) ? 1 : 0,
    .changed = phases.changed - iter_before.changed,
    .n_changed = phases.n_changed - iter_before.n_changed,
    .n_setup = phases.n_setup - iter_before.n_setup,
    .n_bind = phases.n_bind - iter_before.n_bind,
    .n_teardown = phases.n_teardown - iter_before.n_teardown,
    .update = phases.update - iter_before.update,
    .layout = phases.layout - iter_before.layout,
    .paint = phases.paint - iter_before.paint,
    .cpu_update = phases.cpu_update - iter_before.cpu_update,
    .cpu_layout = phases.cpu_layout - iter_before.cpu_layout,
    .cpu_paint = phases.cpu_paint - iter_before.cpu_paint,
  };
}

static gboolean
changed_hook (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               data)
{
  if (g_value_get_object (&values[0]) == (gpointer) phases.model)
    {
      phases.changed_start = now_ms ();
      if (phases.first_change < 0)
        phases.first_change = phases.changed_start - phases.keystroke;
    }
  return TRUE;
}

static void
changed_after_cb (GListModel *model)
{
  phases.changed += now_ms () - phases.changed_start;
  phases.n_changed++;
}

static gboolean
count_hook (GSignalInvocationHint *hint,
            guint                  n_values,
            const GValue          *values,
            gpointer               data)
{
  (*(guint *) data)++;
  return TRUE;
}

/* a frame's phases: an emission hook runs before every handler (GTK's
 * own were connected first), a handler connected after, after them */
static gboolean
phase_start_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  *(double *) data = now_ms ();
  phases.cpu_start = cpu_ms ();
  return TRUE;
}

static void
update_after_cb (GdkFrameClock *clock)
{
  phases.update += now_ms () - phases.update_start;
  phases.cpu_update += cpu_ms () - phases.cpu_start;
}

static void
layout_after_cb (GdkFrameClock *clock)
{
  phases.layout += now_ms () - phases.layout_start;
  phases.cpu_layout += cpu_ms () - phases.cpu_start;
}

static void
paint_after_cb (GdkFrameClock *clock)
{
  phases.paint += now_ms () - phases.paint_start;
  phases.cpu_paint += cpu_ms () - phases.cpu_start;
}

static void
phases_reset (void)
{
  GListModel *model = phases.model;

  phases = (Phases) { .model = model, .first_change = -1, .keystroke = now_ms () };
  longest_cpu = -1;
  longest = (Phases) { 0 };
}

static void
phases_watch (GListModel *model,
              GtkWidget  *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  phases.model = model;
  g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                              changed_hook, NULL, NULL);
  g_signal_connect_after (model, "items-changed", G_CALLBACK (changed_after_cb), NULL);
  g_signal_add_emission_hook (g_signal_lookup ("bind", GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY), 0,
                              count_hook, &phases.n_bind, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("teardown", GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY), 0,
                              count_hook, &phases.n_teardown, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("update", GDK_TYPE_FRAME_CLOCK), 0,
                              phase_start_hook, &phases.update_start, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("layout", GDK_TYPE_FRAME_CLOCK), 0,
                              phase_start_hook, &phases.layout_start, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK), 0,
                              phase_start_hook, &phases.paint_start, NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (update_after_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_after_cb), NULL);
  g_signal_connect_after (clock, "paint", G_CALLBACK (paint_after_cb), NULL);
}

/* Where one open of a client page goes in the main thread's CPU time,
 * from the push to its first frame: before the frame (other sources),
 * and in the frame its flush and update phases (the navigation view's
 * slide ticks there), layout and paint; and the client pages disposed
 * meanwhile (the one popped) */
typedef struct
{
  gboolean active;
  double   mark;         /* CPU at the last phase boundary */
  double   before_frame;
  double   flush;        /* flush-events to before-paint */
  double   update;       /* before-paint to layout */
  double   layout;
  double   paint;
  double   after_paint;
  double   dispose;
  double   dispose_start;
  guint    n_disposed;
  /* the same phases in wall time, each ending where its CPU time ends */
  double   wall_mark;
  double   wall[6];      /* before the frame, flush, update, layout, paint, after-paint */
} OpenPhases;

static OpenPhases open_phases;

/* each at the end of its phase (connected after GTK's own handlers) */
static void
open_phase_end (double *phase,
                guint   wall_index)
{
  double now = cpu_ms (), wall_now = now_ms ();

  if (!open_phases.active)
    return;
  *phase += now - open_phases.mark;
  open_phases.mark = now;
  open_phases.wall[wall_index] += wall_now - open_phases.wall_mark;
  open_phases.wall_mark = wall_now;
}

static void
open_flush_cb (GdkFrameClock *clock)
{
  open_phase_end (&open_phases.before_frame, 0);
}

static void
open_before_paint_cb (GdkFrameClock *clock)
{
  open_phase_end (&open_phases.flush, 1);
}

static void
open_update_cb (GdkFrameClock *clock)
{
  open_phase_end (&open_phases.update, 2);
}

static void
open_layout_cb (GdkFrameClock *clock)
{
  open_phase_end (&open_phases.layout, 3);
}

static void
open_paint_cb (GdkFrameClock *clock)
{
  open_phase_end (&open_phases.paint, 4);
}

/* when the window last drew a frame (wait_until_still) */
static double last_after_paint;

static void
open_after_paint_cb (GdkFrameClock *clock)
{
  open_phase_end (&open_phases.after_paint, 5);
  open_phases.active = FALSE;
  last_after_paint = now_ms ();
}

static void
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* A person clicks the next client once the window is still: what the
 * loop has yet to do (its idle work) runs first, and the last frame is a
 * frame's time old (20 ms, 60 Hz), as the frame clock starts a frame
 * that soon after the last one at its next slot, not at once */
#define STILL_MS 20

/* the client pages opened, unless SPORTELLO_BENCH_OPENS says otherwise */
#define N_OPENS 20

static void
wait_until_still (void)
{
  for (;;)
    {
      gboolean done = FALSE;
      double since;

      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      since = now_ms () - last_after_paint;
      if (since >= STILL_MS)
        return;
      g_timeout_add_once ((guint) ceil (STILL_MS - since), set_flag_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
page_destroy_cb (GtkWidget *page)
{
  open_phases.dispose_start = cpu_ms ();
}

static void
page_finalized_cb (gpointer  data,
                   GObject  *where)
{
  if (open_phases.active)
    {
      open_phases.dispose += cpu_ms () - open_phases.dispose_start;
      open_phases.n_disposed++;
    }
}

static void
open_phases_watch (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_after (clock, "flush-events", G_CALLBACK (open_flush_cb), NULL);
  g_signal_connect_after (clock, "before-paint", G_CALLBACK (open_before_paint_cb), NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (open_update_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (open_layout_cb), NULL);
  g_signal_connect_after (clock, "paint", G_CALLBACK (open_paint_cb), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (open_after_paint_cb), NULL);
}

static void
open_phases_start (void)
{
  open_phases = (OpenPhases) { .active = TRUE, .mark = cpu_ms (), .wall_mark = now_ms () };
}

/* Whether the list shows the results of @search: its search is @search
 * and, if it loads in the background, it has finished */
static gboolean
shows_search (GListModel *model,
              const char *search)
{
  gboolean loading = FALSE;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (model), "loading") != NULL)
    g_object_get (model, "loading", &loading, NULL);

  return !loading && g_strcmp0 (sportello_client_list_get_search (SPORTELLO_CLIENT_LIST (model)), search) == 0;
}

static int
measure (const char  *data_dir,
         gboolean     startup_only,
         int          argc,
         char       **argv)
{
  static const char * const queries[] = {
    "rossi", "falegnameria", "como", "bar centrale", "00743", "cantu",
    "studio sala", "e-commerce", "caserta", "pasticceria", "marketplace", "novara",
  };
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_opens;
  g_autoptr(GArray) p_wait = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p_stall_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p_stall_queued = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p_blocked = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) builds_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fills_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fills_longest = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p_changed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) o_before = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) o_flush = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) o_update = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) o_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) o_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) o_after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) o_dispose = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_disposed = 0;
  guint n_changed = 0, n_setup = 0, n_bind = 0;
  SportelloClientsSection *page;
  GtkEditable *entry;
  GListModel *model;
  GtkWindow *window;
  struct rusage usage;
  double first_frame;
  guint keystrokes = 0;
  guint n_rows = 0;

  argc = 1;
  sportello_test_ui_init (&argc, &argv);
  g_main_context_set_poll_func (NULL, timed_poll);
  /* the rows made before the first frame */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY));
  g_signal_add_emission_hook (g_signal_lookup ("setup", GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY), 0,
                              count_hook, &phases.n_setup, NULL);
  app = sportello_test_app_new (data_dir);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  wait_for_frame (GTK_WIDGET (window), NULL);
  first_frame = ms_since_process_start ();
  g_print ("main thread's CPU time to the first frame: %.0f ms; list rows made before it: %u\n",
           cpu_ms (), phases.n_setup);
  g_print ("launch to first frame: %.0f ms (from process start)\n", first_frame);
  g_print ("# first frame: %.0f\n", first_frame);
  print_memory ("first-frame");
  if (startup_only)
    {
      sportello_test_app_quit (app);
      return 0;
    }

  page = _sportello_window_get_clients_section (SPORTELLO_WINDOW (window));
  model = sportello_clients_section_get_model (page);
  /* the list may fill in behind the first frame */
  while (g_list_model_get_n_items (model) == 0)
    g_main_context_iteration (NULL, TRUE);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_print ("rows listed: %u\n", g_list_model_get_n_items (model));
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS at the first frame: %.1f MB\n", usage.ru_maxrss / 1024.0);
  print_memory ("listed");

  /* the store query alone, on a detached list: each query one character
   * at a time, like search-as-you-type */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
    g_autoptr(SportelloClientList) detached = NULL;

    g_assert_no_error (error);
    detached = sportello_client_list_new (db);
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      for (gsize len = 1; len <= strlen (queries[q]); len++)
        {
          g_autofree char *prefix = g_strndup (queries[q], len);
          double start = now_ms (), elapsed;
          guint n;

          sportello_client_list_set_search (detached, prefix);
          n = g_list_model_get_n_items (G_LIST_MODEL (detached));
          for (guint i = 0; i < MIN (n, 20); i++)
            g_object_unref (g_list_model_get_item (G_LIST_MODEL (detached), i));
          elapsed = now_ms () - start;
          g_array_append_val (times, elapsed);
          g_printerr ("# # store query %-14s %6u: %6.2f ms\n", prefix, n, elapsed);
        }
    g_print ("search while typing, store query: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%u queries)\n",
             percentile (times, 0.50), percentile (times, 0.95), percentile (times, 1.0), times->len);

    /* words with a typo, which the exact query misses: the second try
     * over the names' vocabulary; and a word that matches nothing at all */
    {
      static const char * const typos[] = { "moltenni", "pasticeria", "falegnamerai", "brambila", "qzxwvk" };
      g_autoptr(GArray) typo_times = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint round = 0; round < 4; round++)
        for (guint q = 0; q < G_N_ELEMENTS (typos); q++)
          {
            double start = now_ms (), elapsed;

            sportello_client_list_set_search (detached, NULL);
            start = now_ms ();
            sportello_client_list_set_search (detached, typos[q]);
            elapsed = now_ms () - start;
            if (round == 0)
              g_print ("  “%s”: %u clients\n", typos[q], g_list_model_get_n_items (G_LIST_MODEL (detached)));
            g_array_append_val (typo_times, elapsed);
          }
      g_print ("search with a typo, store query: p50 %.2f ms, max %.2f ms (%u queries)\n",
               percentile (typo_times, 0.50), percentile (typo_times, 1.0), typo_times->len);
    }

    /* why each of the first 20 rows matched, as the rows ask when bound */
    {
      g_autoptr(GArray) match_times = g_array_new (FALSE, FALSE, sizeof (double));

      sportello_client_list_set_search (detached, "marketplace");
      for (guint i = 0; i < MIN (g_list_model_get_n_items (G_LIST_MODEL (detached)), 20); i++)
        {
          g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (detached), i);
          double start = now_ms (), elapsed;
          g_autofree char *match = sportello_client_list_dup_match (detached, client);

          elapsed = now_ms () - start;
          g_array_append_val (match_times, elapsed);
        }
      g_print ("why a row matched (“marketplace”, 20 rows): p50 %.2f ms, max %.2f ms\n",
               percentile (match_times, 0.50), percentile (match_times, 1.0));
    }
  }

  print_memory ("store-queries");

  /* typing in the window's search entry, 100 keystrokes: how long the main
   * loop is blocked at most per keystroke, and how long until the results
   * are in the list and painted */
  sportello_clients_section_start_search (page);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  entry = GTK_EDITABLE (sportello_test_find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);
  phases_watch (model, GTK_WIDGET (window));
  for (guint q = 0; keystrokes < 100; q = (q + 1) % G_N_ELEMENTS (queries))
    {
      gtk_editable_set_text (entry, "");
      while (!shows_search (model, NULL))
        g_main_context_iteration (NULL, TRUE);
      wait_for_frame (GTK_WIDGET (window), NULL);

      for (gsize len = 1; len <= strlen (queries[q]) && keystrokes < 100; len++, keystrokes++)
        {
          g_autofree char *prefix = g_strndup (queries[q], len);
          double start, start_cpu, start_queued, start_polled, stall, elapsed;
          int pos;

          phases_reset ();
          start = now_ms ();
          start_cpu = cpu_ms ();
          start_queued = queued_ms ();
          start_polled = polled;
          /* a keystroke is one edit, the new character at the end (setting
           * the whole text would empty the entry first, for an instant
           * search of everything the results wait behind) */
          pos = len - 1;
          gtk_editable_insert_text (entry, prefix + len - 1, 1, &pos);
          stall = now_ms () - start;
          stall_cpu = cpu_ms () - start_cpu;
          stall_blocked = 0;
          note_blocked (stall - (polled - start_polled), queued_ms () - start_queued);
          iteration_end (stall_cpu);
          while (!shows_search (model, prefix))
            {
              double before = now_ms (), before_cpu = cpu_ms (), before_queued = queued_ms (), before_polled = polled;

              iteration_begin ();
              g_main_context_iteration (NULL, TRUE);
              iteration_end (cpu_ms () - before_cpu);
              note_blocked (now_ms () - before - (polled - before_polled), queued_ms () - before_queued);
              stall = MAX (stall, now_ms () - before);
              stall_cpu = MAX (stall_cpu, cpu_ms () - before_cpu);
            }
          wait_for_frame (GTK_WIDGET (window), &stall);
          elapsed = now_ms () - start;
          g_array_append_val (stalls, stall);
          g_array_append_val (shown, elapsed);
          g_array_append_val (p_stall_cpu, stall_cpu);
          g_array_append_val (p_stall_queued, stall_queued);
          g_array_append_val (p_blocked, stall_blocked);
          elapsed = cpu_ms () - start_cpu;
          g_array_append_val (p_cpu, elapsed);
          g_array_append_val (p_wait, phases.first_change);
          g_array_append_val (p_changed, phases.changed);
          g_array_append_val (p_layout, phases.layout);
          g_array_append_val (p_paint, phases.paint);
          n_changed += phases.n_changed;
          n_setup += phases.n_setup;
          n_bind += phases.n_bind;
          /* one line a keystroke, for reading where the long ones went */
          {
            GtkWidget *view = sportello_test_find_type (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);

            n_rows = 0;
            for (GtkWidget *child = view ? gtk_widget_get_first_child (view) : NULL; child != NULL;
                 child = gtk_widget_get_next_sibling (child))
              n_rows++;
          }
          g_printerr ("# # keystroke %-14s %6u listed, %3u rows; on screen %5.1f, wait %5.1f, longest iteration %5.1f, blocked %5.1f (waiting for a core %4.1f), cpu %5.1f, longest cpu %5.1f: "
                      "%s changed %4.1f (%u), update %4.1f, layout %4.1f, paint %4.1f (CPU %4.1f, %4.1f, %4.1f), made %u, bound %u, destroyed %u\n",
                      prefix, g_list_model_get_n_items (model), n_rows,
                      g_array_index (shown, double, shown->len - 1), phases.first_change, stall, stall_blocked, stall_queued, elapsed, longest_cpu,
                      longest.first_change > 0 ? "answer," : "", longest.changed, longest.n_changed,
                      longest.update, longest.layout, longest.paint,
                      longest.cpu_update, longest.cpu_layout, longest.cpu_paint, longest.n_setup, longest.n_bind, longest.n_teardown);
        }
    }
  g_print ("typing in the window (%u keystrokes): longest main-loop stall (an iteration's time less its wait in "
           "poll) p50 %.1f ms, p99 %.1f ms; results on screen p50 %.1f ms, p95 %.1f ms\n",
           stalls->len, percentile (p_blocked, 0.50), percentile (p_blocked, 0.99),
           percentile (shown, 0.50), percentile (shown, 0.95));
  g_print ("typing, of the longest stall the time the main thread waited for a core: p50 %.1f ms, p99 %.1f ms\n",
           percentile (p_stall_queued, 0.50), percentile (p_stall_queued, 0.99));
  g_print ("typing, the longest main-loop iteration with its wait in poll (the stall of earlier benches): "
           "p50 %.1f ms, p99 %.1f ms\n", percentile (stalls, 0.50), percentile (stalls, 0.99));
  g_print ("typing, where a keystroke's time goes (p50 / p95 ms): until the model changes %.1f / %.1f, "
           "its items-changed %.1f / %.1f, layout %.1f / %.1f, paint %.1f / %.1f; "
           "per keystroke %.1f items-changed, %.1f rows made, %.1f rows bound\n",
           percentile (p_wait, 0.50), percentile (p_wait, 0.95),
           percentile (p_changed, 0.50), percentile (p_changed, 0.95),
           percentile (p_layout, 0.50), percentile (p_layout, 0.95),
           percentile (p_paint, 0.50), percentile (p_paint, 0.95),
           n_changed / (double) stalls->len, n_setup / (double) stalls->len, n_bind / (double) stalls->len);
  g_print ("typing, main thread's CPU time: longest iteration p50 %.1f ms, p99 %.1f ms; "
           "per keystroke until painted p50 %.1f ms, p95 %.1f ms\n",
           percentile (p_stall_cpu, 0.50), percentile (p_stall_cpu, 0.99),
           percentile (p_cpu, 0.50), percentile (p_cpu, 0.95));
  g_print ("# stall p99: %.1f\n# on screen p95: %.1f\n", percentile (p_blocked, 0.99), percentile (shown, 0.95));
  gtk_editable_set_text (entry, "");
  while (!shows_search (model, NULL))
    g_main_context_iteration (NULL, TRUE);
  print_memory ("typed");

  open_phases_watch (GTK_WIDGET (window));
  /* an experiment: how much of an open the navigation view's slide is */
  if (g_getenv ("SPORTELLO_BENCH_NO_ANIMATIONS") != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  n_opens = g_getenv ("SPORTELLO_BENCH_OPENS") ? (guint) MAX (g_ascii_strtoull (g_getenv ("SPORTELLO_BENCH_OPENS"), NULL, 10), 1) : N_OPENS;
  for (guint i = 0; i < n_opens; i++)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (model, i * 997 % g_list_model_get_n_items (model));
      double start, start_cpu, elapsed;

      wait_until_still ();
      start = now_ms ();
      start_cpu = cpu_ms ();

      phases_reset ();
      sportello_clients_section_open_client (page, sportello_client_get_uuid (client));
      elapsed = cpu_ms () - start_cpu;
      g_array_append_val (builds_cpu, elapsed);
      open_phases_start ();
      sportello_test_wait_for_draw_quick (GTK_WIDGET (window));
      open_phases.active = FALSE;
      g_array_append_val (o_before, open_phases.before_frame);
      g_array_append_val (o_flush, open_phases.flush);
      g_array_append_val (o_update, open_phases.update);
      g_array_append_val (o_layout, open_phases.layout);
      g_array_append_val (o_paint, open_phases.paint);
      g_array_append_val (o_after, open_phases.after_paint);
      g_array_append_val (o_dispose, open_phases.dispose);
      n_disposed += open_phases.n_disposed;
      g_array_append_val (opens_layout, phases.layout);
      g_array_append_val (opens_paint, phases.paint);
      elapsed = now_ms () - start;
      g_array_append_val (opens, elapsed);
      elapsed = cpu_ms () - start_cpu;
      g_array_append_val (opens_cpu, elapsed);
      g_printerr ("# # open %2u: %5.1f ms, CPU %5.1f ms (made and pushed %4.1f, before the frame %4.1f, update %4.1f, "
                  "layout %4.1f, paint %4.1f); wall after the push: to flush-events %4.1f, before-paint %4.1f, "
                  "update %4.1f, layout %4.1f, paint %4.1f, after-paint %4.1f\n", i, g_array_index (opens, double, i), elapsed,
                  g_array_index (builds_cpu, double, i), open_phases.flush, open_phases.update,
                  open_phases.layout, open_phases.paint, open_phases.wall[0], open_phases.wall[1],
                  open_phases.wall[2], open_phases.wall[3], open_phases.wall[4], open_phases.wall[5]);
      {
        g_autofree char *resident = dup_resident ();

        g_printerr ("# # open %2u: %s\n", i, resident);
      }
      /* the page is found in the window's tree (a walk over its thousands
       * of widgets) once its open is timed, and once only */
      {
        GtkWidget *client_page = last_client_page (GTK_WIDGET (window));
        guint n = 0, n_drawn = 0;
        gboolean loaded = TRUE;
        double longest_fill = 0;

        if (client_page != NULL)
          {
            g_signal_connect (client_page, "destroy", G_CALLBACK (page_destroy_cb), NULL);
            g_object_weak_ref (G_OBJECT (client_page), page_finalized_cb, NULL);
            count_widgets (client_page, &n, &n_drawn);
            g_printerr ("# # open %2u: “%s”, %u widgets at its first frame, %u drawn\n", i,
                        sportello_client_get_name (client), n, n_drawn);
          }
        if (i == 0)
          g_print ("open a client page, widgets in it at its first frame: %u, %u of them drawn\n", n, n_drawn);

        /* then until the page has filled the groups under the client's
         * fields, where it does that after its first frame (before the
         * next page is opened, so that each open starts from a quiet loop) */
        if (client_page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (client_page), "loaded"))
          for (g_object_get (client_page, "loaded", &loaded, NULL); !loaded;
               g_object_get (client_page, "loaded", &loaded, NULL))
            {
              double before_cpu = cpu_ms ();

              g_main_context_iteration (NULL, TRUE);
              longest_fill = MAX (longest_fill, cpu_ms () - before_cpu);
            }
        g_array_append_val (fills_longest, longest_fill);
        elapsed = now_ms () - start;
        g_array_append_val (fills, elapsed);
        elapsed = cpu_ms () - start_cpu;
        g_array_append_val (fills_cpu, elapsed);
      }
    }
  g_print ("open a client page, main thread's CPU time until it is made and pushed: p50 %.1f ms, p95 %.1f ms\n",
           percentile (builds_cpu, 0.50), percentile (builds_cpu, 0.95));
  g_print ("open a client page, its first frame (p50 / p95 ms): layout %.1f / %.1f, paint %.1f / %.1f\n",
           percentile (opens_layout, 0.50), percentile (opens_layout, 0.95),
           percentile (opens_paint, 0.50), percentile (opens_paint, 0.95));
  g_print ("open a client page, main thread's CPU time from the push to its first frame (p50 / p95 ms): "
           "to the end of flush-events %.1f / %.1f, then to the end of before-paint (the sources run before "
           "the frame, the window's size computed on X11) %.1f / %.1f, update %.1f / %.1f, "
           "layout %.1f / %.1f, paint %.1f / %.1f, after-paint %.1f / %.1f; client pages disposed meanwhile %u in %.1f / %.1f\n",
           percentile (o_before, 0.50), percentile (o_before, 0.95),
           percentile (o_flush, 0.50), percentile (o_flush, 0.95),
           percentile (o_update, 0.50), percentile (o_update, 0.95),
           percentile (o_layout, 0.50), percentile (o_layout, 0.95),
           percentile (o_paint, 0.50), percentile (o_paint, 0.95),
           percentile (o_after, 0.50), percentile (o_after, 0.95),
           n_disposed, percentile (o_dispose, 0.50), percentile (o_dispose, 0.95));
  g_print ("open a client page until its groups are filled: p50 %.1f ms, p95 %.1f ms; "
           "main thread's CPU time p50 %.1f ms, p95 %.1f ms\n",
           percentile (fills, 0.50), percentile (fills, 0.95),
           percentile (fills_cpu, 0.50), percentile (fills_cpu, 0.95));
  g_print ("open a client page, from its first frame until its groups are filled, the longest main-loop "
           "iteration in CPU time: p50 %.1f ms, p95 %.1f ms\n",
           percentile (fills_longest, 0.50), percentile (fills_longest, 0.95));
  g_print ("open a client page, main thread's CPU time: p50 %.1f ms, p95 %.1f ms\n",
           percentile (opens_cpu, 0.50), percentile (opens_cpu, 0.95));
  if (opens->len > N_OPENS)
    {
      /* before percentile() sorts them */
      g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));

      g_array_append_vals (first, opens->data, N_OPENS);
      g_print ("open a client page, the first %u opens only: p95 %.1f ms\n", N_OPENS, percentile (first, 0.95));
    }
  g_print ("open a client page: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%u opens)\n",
           percentile (opens, 0.50), percentile (opens, 0.95), percentile (opens, 1.0), opens->len);
  g_print ("# open p95: %.1f\n", percentile (opens, 0.95));

  print_memory ("pages");
  getrusage (RUSAGE_SELF, &usage);
  g_print ("# peak RSS: %.1f\n", usage.ru_maxrss / 1024.0);

  sportello_test_app_quit (app);

  return 0;
}
