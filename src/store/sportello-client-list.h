/* sportello-client-list.h: the clients as a lazily loaded list model
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-client.h"

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_CLIENT_SORT_NAME,
  SPORTELLO_CLIENT_SORT_UPDATED,
  SPORTELLO_CLIENT_SORT_MUNICIPALITY,
} SportelloClientSort;

#define SPORTELLO_TYPE_CLIENT_LIST (sportello_client_list_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientList, sportello_client_list, SPORTELLO, CLIENT_LIST, GObject)

SportelloClientList *sportello_client_list_new          (SportelloDatabase   *db);
void                 sportello_client_list_set_background (SportelloClientList *self);
gboolean             sportello_client_list_get_loading  (SportelloClientList *self);
gboolean             sportello_client_list_refresh      (SportelloClientList *self,
                                                         GError             **error);
void                 sportello_client_list_set_search   (SportelloClientList *self,
                                                         const char          *search);
const char          *sportello_client_list_get_search   (SportelloClientList *self);
void                 sportello_client_list_set_status   (SportelloClientList *self,
                                                         const char          *status);
void                 sportello_client_list_set_category (SportelloClientList *self,
                                                         const char          *category);
void                 sportello_client_list_set_tag      (SportelloClientList *self,
                                                         const char          *tag);
void                 sportello_client_list_set_sort     (SportelloClientList *self,
                                                         SportelloClientSort  sort);
gboolean             sportello_client_list_is_filtered  (SportelloClientList *self);
guint                sportello_client_list_count_all    (SportelloClientList *self);
int                  sportello_client_list_find         (SportelloClientList *self,
                                                         const char          *uuid);
GArray              *sportello_client_list_dup_ids      (SportelloClientList *self);

gboolean             sportello_client_list_needs_match  (SportelloClientList *self,
                                                         SportelloClient     *client);
char                *sportello_client_list_dup_match    (SportelloClientList *self,
                                                         SportelloClient     *client);
void                 sportello_client_list_dup_matches_async  (SportelloClientList *self,
                                                               GPtrArray           *clients,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GHashTable          *sportello_client_list_dup_matches_finish (SportelloClientList *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

char                *sportello_fts_query_from_text      (const char          *text);

G_END_DECLS
