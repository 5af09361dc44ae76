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
 * own give way, never GTask's shared ones.
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

/**
 * sportello_thread_give_way:
 * @nice: the calling thread's new nice value (0 to 19)
 *
 * Lowers the calling thread's priority to @nice, where the system lets a
 * thread have a priority of its own (Linux); elsewhere does nothing.
 */
void
sportello_thread_give_way (int nice)
{
  g_return_if_fail (nice >= 0 && nice <= 19);

#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), nice) != 0)
    g_debug ("Cannot lower the thread's priority: %s", g_strerror (errno));
#endif
}
