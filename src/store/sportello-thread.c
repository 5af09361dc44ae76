/* sportello-thread.c: worker threads that give way to the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a laptop with two cores the window's thread, the display server that
 * shows its frames and a worker's query all want a core at once while the
 * user types. A worker that gives way lets the window's frame go first: on
 * Linux each thread has a nice value of its own. A thread cannot take back
 * the priority it gave (that needs a privilege), so only threads of our
 * own give way, never GTask's shared ones: a task is run on them as
 * g_task_run_in_thread() would run it on GTask's.
 */

#define G_LOG_DOMAIN "sportello-thread"

#include "config.h"

#include <errno.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "sportello-thread.h"

static const struct
{
  int   nice;
  guint n_threads;
} kinds[] = {
  [SPORTELLO_THREADS_SEARCH] = { SPORTELLO_THREAD_NICE_SEARCH, 2 },
  [SPORTELLO_THREADS_BACKGROUND] = { SPORTELLO_THREAD_NICE_BACKGROUND, 1 },
};

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} Work;

/* Lowers the calling thread's priority to @nice, where the system lets a
 * thread have a priority of its own (Linux); elsewhere does nothing */
static void
give_way (int nice)
{
#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), nice) != 0)
    g_debug ("Cannot lower the thread's priority: %s", g_strerror (errno));
#endif
}

/* On a pool's thread: @nice is the pool's */
static void
work_cb (gpointer data,
         gpointer nice)
{
  static GPrivate gave_way;
  g_autofree Work *work = data;
  g_autoptr(GTask) task = work->task;

  if (g_private_get (&gave_way) == NULL)
    {
      give_way (GPOINTER_TO_INT (nice));
      g_private_set (&gave_way, GINT_TO_POINTER (TRUE));
    }
  work->func (task, g_task_get_source_object (task), g_task_get_task_data (task), g_task_get_cancellable (task));
}

/**
 * sportello_thread_run_task:
 * @task: the task @func returns its value through
 * @func: the work
 * @threads: which of our threads run it
 *
 * Runs @func for @task, as g_task_run_in_thread() would, on one of the
 * @threads, which give way to the window; the work run on the same
 * threads takes turns.
 */
void
sportello_thread_run_task (GTask           *task,
                           GTaskThreadFunc  func,
                           SportelloThreads threads)
{
  static GThreadPool *pools[G_N_ELEMENTS (kinds)];
  Work *work;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (threads < G_N_ELEMENTS (kinds));

  if (g_once_init_enter_pointer (&pools[threads]))
    g_once_init_leave_pointer (&pools[threads],
                               g_thread_pool_new (work_cb, GINT_TO_POINTER (kinds[threads].nice),
                                                  kinds[threads].n_threads, TRUE, NULL));

  work = g_new0 (Work, 1);
  work->task = g_object_ref (task);
  work->func = func;
  g_thread_pool_push (pools[threads], work, NULL);
}
