/* sportello-grants-section.h: the Grant Calls section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"
#include "sportello-grant-call.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_GRANTS_SECTION (sportello_grants_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloGrantsSection, sportello_grants_section, SPORTELLO, GRANTS_SECTION, GtkWidget)

GListModel *sportello_grants_section_get_model (SportelloGrantsSection *self);
void        sportello_grants_section_open      (SportelloGrantsSection *self,
                                             const char          *uuid);

char       *sportello_grant_call_when_text  (SportelloGrantCall  *call);

G_END_DECLS
