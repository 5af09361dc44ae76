/* sportello-checklists-section.h: the Checklists section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CHECKLISTS_SECTION (sportello_checklists_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloChecklistsSection, sportello_checklists_section, SPORTELLO, CHECKLISTS_SECTION, GtkWidget)

void  sportello_checklists_section_open         (SportelloChecklistsSection *self,
                                              const char              *uuid);
guint sportello_checklists_section_get_n_checklists (SportelloChecklistsSection *self);

G_END_DECLS
