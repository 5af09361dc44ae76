/* sportello-retention.h: how long a client no longer followed is kept
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

/* The retention periods offered, in years; 0 is “keep for ever” */
#define SPORTELLO_RETENTION_NEVER 0

/* A client past the retention period, as the review lists it */
typedef struct
{
  char *uuid;
  char *name;
  char *municipality;
  char *province;
  char *last_activity;   /* UTC ISO 8601: the latest change or meeting */
  char *kept_at;         /* (nullable): when a review last kept it */
} SportelloRetentionCandidate;

void       sportello_retention_candidate_free (SportelloRetentionCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloRetentionCandidate, sportello_retention_candidate_free)

char      *sportello_retention_cutoff         (guint               years,
                                               GDateTime          *now);
gboolean   sportello_retention_count          (SportelloDatabase  *db,
                                               guint               years,
                                               GDateTime          *now,
                                               guint              *n_clients,
                                               GError            **error);
GPtrArray *sportello_retention_list           (SportelloDatabase  *db,
                                               guint               years,
                                               GDateTime          *now,
                                               guint               limit,
                                               GError            **error);
gboolean   sportello_retention_keep           (SportelloDatabase  *db,
                                               const char         *uuid,
                                               GDateTime          *now,
                                               GError            **error);
gboolean   sportello_retention_anonymise      (SportelloDatabase  *db,
                                               const char         *uuid,
                                               GError            **error);
gboolean   sportello_retention_erase          (SportelloDatabase  *db,
                                               const char         *uuid,
                                               GError            **error);
gboolean   sportello_retention_is_anonymised  (SportelloDatabase  *db,
                                               const char         *uuid);

G_END_DECLS
