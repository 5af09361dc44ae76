/* sportello-checklist-page.h: one checklist, to read or to edit
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-assessment.h"

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLIST_PAGE (sportello_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistPage, sportello_checklist_page, SPORTELLO, CHECKLIST_PAGE, AdwNavigationPage)

SportelloChecklistPage *sportello_checklist_page_new          (SportelloContext       *context,
                                                               const char             *uuid,
                                                               GError                **error);
SportelloChecklist     *sportello_checklist_page_get_checklist (SportelloChecklistPage *self);
gboolean                sportello_checklist_page_get_editable  (SportelloChecklistPage *self);
gboolean                sportello_checklist_page_can_save      (SportelloChecklistPage *self);
void                    sportello_checklist_page_changed       (SportelloChecklistPage *self);
GListModel             *sportello_checklist_page_get_items     (SportelloChecklistPage *self);

G_END_DECLS
