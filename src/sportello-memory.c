/* sportello-memory.c: what the window frees goes back to the system
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glibc's malloc keeps what is freed for the next allocation, in the
 * middle of its heap, still resident. A window with 50,000 clients frees
 * a lot in bursts (a search's ids and rows, a client page closed): left
 * resident, those holes add up, and the next burst's high-water mark is
 * on top of them. Two things keep them low:
 *
 *  - a fixed threshold for allocations of their own mapping: by default
 *    glibc raises it to the size of the largest block freed (up to 32 MB),
 *    so that after the first large array is freed, every later one is cut
 *    from the heap and leaves a hole there; fixed, a large block is mapped
 *    and unmapped, and never stays behind;
 *  - once the main loop is idle after such a burst, malloc_trim() hands
 *    the whole free pages in the heaps back (they are faulted in again,
 *    zeroed, if used again).
 */

#define G_LOG_DOMAIN "sportello-memory"

#include "config.h"

#include "sportello-memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* blocks from this size on are mapped on their own (glibc's starting value) */
#define MMAP_THRESHOLD (128 * 1024)

static guint release_id;

/**
 * sportello_memory_init:
 *
 * Sets how the process's allocator gives memory back; once, early.
 */
void
sportello_memory_init (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD);
#endif
}

static gboolean
release_cb (gpointer data)
{
#ifdef __GLIBC__
  gint64 start = g_get_monotonic_time ();

  malloc_trim (0);
  g_debug ("Free memory given back in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
#endif
  release_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * sportello_memory_release_soon:
 *
 * After a burst of work that freed much (a search shown, a page closed):
 * once the main loop has nothing else to do, the free pages go back to
 * the system. Calls before that are one.
 */
void
sportello_memory_release_soon (void)
{
  if (release_id == 0)
    release_id = g_idle_add_full (G_PRIORITY_LOW, release_cb, NULL, NULL);
}
