/* sportello-client-list-diff.c: what changed between two lists of ids
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list view keeps the rows of the items a change leaves where they are,
 * and recycles the widgets of those it takes away for those it adds, in
 * the same items-changed. Every search result is a subsequence of the same
 * base (the filtered, sorted clients), so typing a letter only removes
 * clients and deleting one only adds them back: walking both lists in the
 * base's order finds exactly which, in one pass.
 *
 * Only the top of the list is told in detail, the part a list view can
 * show (the window); past it the rest is one change. A change that both
 * removes and adds many items is told in parts: GTK looks up every added
 * item of a change that removes the row it keeps its scroll position on,
 * and each lookup is a query here.
 */

#define G_LOG_DOMAIN "sportello-client-list"

#include "config.h"

#include <string.h>

#include "sportello-client-list-private.h"

/* no more items than this are added together with removed ones */
#define REPLACE_MAX SPORTELLO_CLIENT_LIST_DIFF_WINDOW

#define ABSENT G_MAXUINT32

static void
add_change (GArray *changes,
            guint   position,
            guint   removed,
            guint   added)
{
  SportelloListChange change = { position, removed, added };

  if (removed > 0 || added > 0)
    g_array_append_val (changes, change);
}

/* @removed items at @position become @added others: a replacement of the
 * first few (their widgets are reused), then the rest removed, then added */
static void
add_coalesced (GArray *changes,
               guint   position,
               guint   removed,
               guint   added)
{
  guint replaced_removed = removed, replaced_added = added;

  if (removed > 0 && added > REPLACE_MAX)
    {
      replaced_removed = MIN (removed, REPLACE_MAX);
      replaced_added = REPLACE_MAX;
    }
  add_change (changes, position, replaced_removed, replaced_added);
  add_change (changes, position + replaced_added, removed - replaced_removed, 0);
  add_change (changes, position + replaced_added, 0, added - replaced_added);
}

/* The position of each id in the base: an array indexed by id while the
 * ids are dense (as SQLite's rowids are), a hash table otherwise */
typedef struct
{
  guint32    *by_id;
  gint64      max_id;
  GHashTable *table;   /* id → position + 1 */
} Ranks;

static gboolean
ranks_init (Ranks  *ranks,
            GArray *base)
{
  *ranks = (Ranks) { NULL, -1, NULL };

  for (guint i = 0; i < base->len; i++)
    {
      gint64 id = g_array_index (base, gint64, i);

      if (id < 0)
        return FALSE;
      ranks->max_id = MAX (ranks->max_id, id);
    }

  if (ranks->max_id < (gint64) base->len * 8 + 65536)
    {
      ranks->by_id = g_new (guint32, ranks->max_id + 1);
      memset (ranks->by_id, 0xff, sizeof (guint32) * (ranks->max_id + 1));
      for (guint i = 0; i < base->len; i++)
        ranks->by_id[g_array_index (base, gint64, i)] = i;
    }
  else
    {
      ranks->table = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < base->len; i++)
        g_hash_table_insert (ranks->table, &g_array_index (base, gint64, i), GUINT_TO_POINTER (i + 1));
    }

  return TRUE;
}

static void
ranks_clear (Ranks *ranks)
{
  g_clear_pointer (&ranks->by_id, g_free);
  g_clear_pointer (&ranks->table, g_hash_table_unref);
}

static inline guint32
rank_at (const Ranks *ranks,
         GArray      *ids,
         guint        i)
{
  gint64 id = g_array_index (ids, gint64, i);

  if (ranks->by_id != NULL)
    return id >= 0 && id <= ranks->max_id ? ranks->by_id[id] : ABSENT;

  return GPOINTER_TO_UINT (g_hash_table_lookup (ranks->table, &id)) - 1;
}

/**
 * _sportello_client_list_diff:
 * @base: (nullable): the ids that @new_ids is a subsequence of, in order
 * @old_ids: what a list shows
 * @new_ids: what it is to show
 * @window: how many of the first positions are told in detail
 * @max_changes: at most this many changes within @window, or one
 *
 * The changes that turn @old_ids into @new_ids, to be told one after the
 * other, front to back (each position counts the changes before it).
 * Within @window they are minimal when @old_ids too is in @base's order.
 *
 * Returns: (transfer full) (element-type SportelloListChange): the changes
 */
GArray *
_sportello_client_list_diff (GArray *base,
                             GArray *old_ids,
                             GArray *new_ids,
                             guint   window,
                             guint   max_changes)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (SportelloListChange));
  Ranks ranks = { NULL, -1, NULL };
  GArray *exact;
  guint old_len = old_ids->len, new_len = new_ids->len;
  guint prefix = 0, suffix = 0;
  guint i, j;
  gboolean ordered = base != NULL;

  if (old_len == 0 || new_len == 0)
    {
      add_change (changes, 0, old_len, new_len);
      return changes;
    }

  /* what has not moved at either end */
  while (prefix < old_len && prefix < new_len &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (new_ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old_ids, gint64, old_len - 1 - suffix) == g_array_index (new_ids, gint64, new_len - 1 - suffix))
    suffix++;
  old_len -= suffix;
  new_len -= suffix;

  /* the old ids that are in the base must be in its order too */
  if (ordered && prefix < window && ranks_init (&ranks, base))
    {
      guint32 last = 0;
      gboolean first = TRUE;

      for (i = prefix; i < old_len && ordered; i++)
        {
          guint32 r = rank_at (&ranks, old_ids, i);

          if (r == ABSENT)
            continue;
          ordered = first || r > last;
          last = r;
          first = FALSE;
        }
      for (j = prefix; j < new_len && ordered; j++)
        ordered = rank_at (&ranks, new_ids, j) != ABSENT;
    }
  else
    ordered = FALSE;

  i = j = prefix;
  exact = g_array_new (FALSE, FALSE, sizeof (SportelloListChange));
  if (ordered)
    while ((i < old_len || j < new_len) && j < window)
      {
        guint from_i = i, from_j = j;

        if (i < old_len && j < new_len &&
            g_array_index (old_ids, gint64, i) == g_array_index (new_ids, gint64, j))
          {
            i++, j++;
            continue;
          }

        /* the old ones before the next new one are gone */
        while (i < old_len &&
               (j == new_len || rank_at (&ranks, old_ids, i) == ABSENT ||
                rank_at (&ranks, old_ids, i) < rank_at (&ranks, new_ids, j)))
          i++;
        /* the new ones before the next old one come */
        while (j < new_len && j < window &&
               (i == old_len || rank_at (&ranks, new_ids, j) < rank_at (&ranks, old_ids, i)))
          j++;

        add_coalesced (exact, from_j, i - from_i, j - from_j);
      }

  /* each change costs a list view a pass over its rows: many small ones
   * make one, which the list view sorts out by the items' identity */
  if (exact->len <= max_changes)
    g_array_append_vals (changes, exact->data, exact->len);
  else
    add_change (changes, prefix, i - prefix, j - prefix);
  g_array_unref (exact);

  /* the rest, past the window (or all of it, out of order) */
  add_coalesced (changes, j, old_len - i, new_len - j);
  ranks_clear (&ranks);

  return changes;
}

/**
 * _sportello_client_list_replace_all:
 *
 * The changes that replace all @old_len items with @new_len others (any
 * of them may have changed), the first few in place.
 *
 * Returns: (transfer full) (element-type SportelloListChange): the changes
 */
GArray *
_sportello_client_list_replace_all (guint old_len,
                                    guint new_len)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (SportelloListChange));

  add_coalesced (changes, 0, old_len, new_len);
  return changes;
}
