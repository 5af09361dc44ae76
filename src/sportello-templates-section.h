/* sportello-templates-section.h: the Templates section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TEMPLATES_SECTION (sportello_templates_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTemplatesSection, sportello_templates_section, SPORTELLO, TEMPLATES_SECTION, GtkWidget)

void sportello_templates_section_open         (SportelloTemplatesSection *self,
                                            const char             *id);

G_END_DECLS
