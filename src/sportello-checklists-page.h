/* sportello-checklists-page.h: the Checklists section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLISTS_PAGE (sportello_checklists_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistsPage, sportello_checklists_page, SPORTELLO, CHECKLISTS_PAGE, GtkWidget)

void  sportello_checklists_page_open         (SportelloChecklistsPage *self,
                                              const char              *uuid);
guint sportello_checklists_page_get_n_checklists (SportelloChecklistsPage *self);

G_END_DECLS
