/* sportello-thread.h: worker threads that give way to the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * SPORTELLO_THREAD_NICE_SEARCH:
 *
 * The nice value of the threads that answer what the user types: below the
 * window's thread, so that the window draws first on a busy machine.
 */
#define SPORTELLO_THREAD_NICE_SEARCH 5

/**
 * SPORTELLO_THREAD_NICE_BACKGROUND:
 *
 * The nice value of work nobody waits on (the backup of the day).
 */
#define SPORTELLO_THREAD_NICE_BACKGROUND 19

/**
 * SportelloThreads:
 * @SPORTELLO_THREADS_SEARCH: two threads at %SPORTELLO_THREAD_NICE_SEARCH,
 *   for the searches and lookups the user types
 * @SPORTELLO_THREADS_BACKGROUND: one thread at
 *   %SPORTELLO_THREAD_NICE_BACKGROUND, for work nobody waits on
 *
 * The worker threads of our own that give way to the window.
 */
typedef enum
{
  SPORTELLO_THREADS_SEARCH,
  SPORTELLO_THREADS_BACKGROUND,
} SportelloThreads;

void sportello_thread_run_task (GTask           *task,
                                GTaskThreadFunc  func,
                                SportelloThreads threads);

G_END_DECLS
