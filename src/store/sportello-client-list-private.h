/* sportello-client-list-private.h: the client list's parts, shared by its files
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-client-list.h"
#include "sportello-database-private.h"

G_BEGIN_DECLS

/* What the list asks for */
typedef struct
{
  char                *search;
  char                *status;
  char                *category;
  char                *tag;
  SportelloClientSort  sort;
} Filter;

/* The background worker's connection, shared by the requests in turn */
typedef struct
{
  GMutex             lock;
  char              *data_dir;
  SportelloDatabase *db;
  GCancellable      *running;   /* of the request on the connection now */
} Worker;

struct _SportelloClientList
{
  GObject              parent_instance;

  SportelloDatabase   *db;
  GArray              *ids;       /* what the model lists */
  GArray              *base;      /* the same without the search, in order */
  sqlite3_stmt        *item_stmt;
  GHashTable          *given;     /* id → SportelloClient, weak */
  GPtrArray           *held;      /* clients read while a change is told */

  char                *search;
  char                *status;
  char                *category;
  char                *tag;
  SportelloClientSort  sort;

  /* while items-changed is told change by change: the list is the new
   * ids up to split_new, then the old ones from split_old */
  GArray              *old;
  guint                split_new;
  guint                split_old;

  Worker              *worker;    /* NULL: the list loads in the caller's thread */
  GCancellable        *pending;   /* the newest background request */
  guint                generation;
  gboolean             base_stale;   /* a background read of the base is pending */
  GCancellable        *matches;      /* the rows' lookups of why they match */
};

/* How many of the first positions a change of the list is told in detail:
 * more than a list view keeps rows for (GtkListView: 200 and 2) */
#define SPORTELLO_CLIENT_LIST_DIFF_WINDOW 256
/* and in how many changes at most */
#define SPORTELLO_CLIENT_LIST_DIFF_MAX 8

/* One items-changed: at @position, @removed items become @added others */
typedef struct
{
  guint position;
  guint removed;
  guint added;
} SportelloListChange;

/* sportello-client-list.c */
void    _sportello_client_list_worker_unref  (Worker             *worker);
int     _sportello_client_list_progress_cb   (void               *data);

/* sportello-client-list-search.c */
GArray *_sportello_client_list_query_base    (SportelloDatabase  *db,
                                              const Filter       *filter,
                                              guint               size_hint,
                                              GError            **error);
GArray *_sportello_client_list_query_search  (SportelloDatabase  *db,
                                              GArray             *base,
                                              const char         *search,
                                              GError            **error);
void    _sportello_client_list_set_note_owners (gboolean          enabled);
gunichar *_sportello_client_list_index_form  (const char         *word,
                                              glong              *len);
gboolean _sportello_client_list_words_are_long (const char       *text,
                                                glong             n);

/* sportello-client-list-diff.c */
GArray *_sportello_client_list_diff          (GArray             *base,
                                              GArray             *old_ids,
                                              GArray             *new_ids,
                                              guint               window,
                                              guint               max_changes);
GArray *_sportello_client_list_replace_all   (guint               old_len,
                                              guint               new_len);

G_END_DECLS
