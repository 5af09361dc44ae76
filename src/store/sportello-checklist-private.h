/* sportello-checklist-private.h: what the store's own files share of checklists
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-checklist.h"

G_BEGIN_DECLS

/* A checklist version's columns, described once, in the order a bundle
 * gives them: the SQL that keeps a version (sportello-assessment.c) and
 * the bundle's (sportello-bundle.c) are both made from this list. A
 * version is written once and never changed; each column is
 * COLUMN (name), text; content is the checklist's JSON document. */
#define SPORTELLO_CHECKLIST_COLUMNS(COLUMN) \
  COLUMN ("uuid")              \
  COLUMN ("created_at")        \
  COLUMN ("updated_at")        \
  COLUMN ("origin_consultant") \
  COLUMN ("origin_hub")        \
  COLUMN ("checklist_id")      \
  COLUMN ("version")           \
  COLUMN ("title")             \
  COLUMN ("content")

SportelloScore *_sportello_checklist_score_full (SportelloChecklist    *checklist,
                                                 const SportelloAnswer *answers,
                                                 const gboolean        *answered,
                                                 gboolean               plan);

gboolean        _sportello_checklist_score_tenths (SportelloChecklist    *checklist,
                                                   const SportelloAnswer *answers,
                                                   const gboolean        *answered,
                                                   guint                 *scratch,
                                                   guint                 *tenths);

G_END_DECLS
