/* sportello-checklist-private.h: what the store's own files share of checklists
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-checklist.h"

G_BEGIN_DECLS

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
