/* sportello-job.c: work on a worker thread, for the window and its pages
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job is a function run on a GTask's thread with data of its own (a
 * worker opens its own database connection: a sqlite3 handle is never
 * shared across threads); the callback, back in the main loop, reads the
 * data and whether the function succeeded.
 *
 * Work the user did not ask for and is not waiting on (the backup of the
 * day, and the integrity check that ends it: seconds of CPU on a large
 * database) runs in the background instead: on a thread of ours at the
 * lowest priority (sportello-thread.c), so that it never takes a core from
 * the window, or from the search the user is typing, on a laptop with two
 * of them.
 */

#define G_LOG_DOMAIN "sportello-job"

#include "config.h"

#include "sportello-job.h"
#include "sportello-thread.h"

typedef struct
{
  SportelloJobFunc func;
  gpointer         data;
  GDestroyNotify   data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!job->func (job->data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static GTask *
job_task_new (gpointer             source,
              GCancellable        *cancellable,
              gpointer             data,
              GDestroyNotify       data_free,
              SportelloJobFunc     func,
              GAsyncReadyCallback  done)
{
  GTask *task = g_task_new (source, cancellable, done, NULL);
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  g_task_set_source_tag (task, sportello_job_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  return task;
}

/**
 * sportello_job_run:
 * @source: the object @done is called with
 * @cancellable: (nullable): cancels the job: then it ends with
 *   %G_IO_ERROR_CANCELLED
 * @data: (transfer full): the job's data, for @func and @done
 * @data_free: frees @data when the job is over
 * @func: the work, run on a worker thread
 * @done: called in the main loop when @func has returned
 *
 * Runs @func on a worker thread; @done gets its outcome from
 * sportello_job_finish().
 */
void
sportello_job_run (gpointer             source,
                   GCancellable        *cancellable,
                   gpointer             data,
                   GDestroyNotify       data_free,
                   SportelloJobFunc     func,
                   GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = job_task_new (source, cancellable, data, data_free, func, done);

  g_task_run_in_thread (task, job_thread);
}

/**
 * sportello_job_run_in_background:
 * @source: the object @done is called with
 * @cancellable: (nullable): cancels the job: then it ends with
 *   %G_IO_ERROR_CANCELLED
 * @data: (transfer full): the job's data, for @func and @done
 * @data_free: frees @data when the job is over
 * @func: the work, run on a thread of ours at the lowest priority
 * @done: called in the main loop when @func has returned
 *
 * As sportello_job_run(), for work nobody waits on: it gets what CPU the
 * window and the other work leave.
 */
void
sportello_job_run_in_background (gpointer             source,
                                 GCancellable        *cancellable,
                                 gpointer             data,
                                 GDestroyNotify       data_free,
                                 SportelloJobFunc     func,
                                 GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = job_task_new (source, cancellable, data, data_free, func, done);

  sportello_thread_run_task (task, job_thread, SPORTELLO_THREADS_BACKGROUND);
}

/**
 * sportello_job_get_data:
 * @result: what the job's callback got
 *
 * Returns: (transfer none): the data the job was run with
 */
gpointer
sportello_job_get_data (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return ((Job *) g_task_get_task_data (G_TASK (result)))->data;
}

/**
 * sportello_job_finish:
 * @result: what the job's callback got
 *
 * Returns: %TRUE when the job's function succeeded, else %FALSE with
 *   @error set (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
gboolean
sportello_job_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  gpointer             target;
  SportelloJobShowFunc show;
  double               fraction;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;

  progress->show (progress->target, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->target);
  g_free (progress);
}

/**
 * sportello_job_progress:
 * @target: (type GObject): what shows the progress: kept alive until shown
 * @show: shows it, in the main loop
 * @done: how much of the work is done
 * @total: how much there is (0: all is done)
 *
 * From a worker thread: has @show called with @target and @done / @total
 * in the main loop.
 */
void
sportello_job_progress (gpointer             target,
                        SportelloJobShowFunc show,
                        guint                done,
                        guint                total)
{
  Progress *progress = g_new0 (Progress, 1);

  g_return_if_fail (G_IS_OBJECT (target));

  progress->target = g_object_ref (target);
  progress->show = show;
  progress->fraction = total > 0 ? (double) done / total : 1;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress_cb, progress, progress_free);
}
