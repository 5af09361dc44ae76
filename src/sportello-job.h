/* sportello-job.h: work on a worker thread, for the window and its pages
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SportelloJobFunc:
 * @data: the job's data
 * @cancellable: (nullable): the job's cancellable
 * @error: where a failure goes
 *
 * The work itself, on the worker thread.
 *
 * Returns: %TRUE on success, else %FALSE with @error set
 */
typedef gboolean (*SportelloJobFunc) (gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

/**
 * SportelloJobShowFunc:
 * @target: the object that shows the progress
 * @fraction: how much is done, from 0 to 1
 *
 * Shows a job's progress, in the main loop.
 */
typedef void (*SportelloJobShowFunc) (gpointer target,
                                      double   fraction);

void     sportello_job_run      (gpointer             source,
                                 GCancellable        *cancellable,
                                 gpointer             data,
                                 GDestroyNotify       data_free,
                                 SportelloJobFunc     func,
                                 GAsyncReadyCallback  done);
void     sportello_job_run_in_background
                                (gpointer             source,
                                 GCancellable        *cancellable,
                                 gpointer             data,
                                 GDestroyNotify       data_free,
                                 SportelloJobFunc     func,
                                 GAsyncReadyCallback  done);
gpointer sportello_job_get_data (GAsyncResult        *result);
gboolean sportello_job_finish   (GAsyncResult        *result,
                                 GError             **error);
void     sportello_job_progress (gpointer             target,
                                 SportelloJobShowFunc show,
                                 guint                done,
                                 guint                total);

G_END_DECLS
