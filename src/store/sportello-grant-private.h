/* sportello-grant-private.h: what the grant files share with the rest of the store
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-grant-call.h"

G_BEGIN_DECLS

/* Brings the follow-ups made from deadlines in line with the applications'
 * and calls' dates: of one application (@application_uuid), of every
 * application to one call (@call_uuid), or of all (both %NULL). @today
 * (nullable) is the day reminders are placed from. */
gboolean _sportello_grant_sync_follow_ups (SportelloDatabase  *db,
                                           const char         *application_uuid,
                                           const char         *call_uuid,
                                           const GDate        *today,
                                           GError            **error);

/* The open calls (and closing soon), loaded for matching */
GPtrArray *_sportello_grant_call_list_open (SportelloDatabase  *db,
                                            GDateTime          *now,
                                            GError            **error);

/* Splits a comma-separated list into its items, empty ones dropped */
GStrv      _sportello_grant_split_list     (const char         *list);

/* Whether @json is a status history as applications keep it */
gboolean   _sportello_grant_history_is_valid (const char       *json);

/* The province codes of a region, space-separated, or NULL */
const char *_sportello_grant_region_provinces (const char      *region_id);

/* Whether one of a call's comma-separated lists holds known values only */
gboolean _sportello_grant_call_check_list (SportelloGrantCallField   field,
                                           const char               *value,
                                           GError                  **error);

/* Whether @text is a list of reminder days, as in "14,3" */
gboolean _sportello_grant_reminder_days_are_valid (const char *text);

/* The demo's calls and applications (sportello-grant-demo.c), after its clients */
gboolean _sportello_grant_demo_fill (SportelloDatabase  *db,
                                     guint               n_clients,
                                     GDateTime          *base,
                                     GError            **error);

/* An ATECO code that fits a demo client's category, or "" */
const char *_sportello_grant_demo_ateco (const char *category,
                                         guint       i);

G_END_DECLS
