/* sportello-templates-page.h: the Templates section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TEMPLATES_PAGE (sportello_templates_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTemplatesPage, sportello_templates_page, SPORTELLO, TEMPLATES_PAGE, GtkWidget)

void sportello_templates_page_open         (SportelloTemplatesPage *self,
                                            const char             *id);

G_END_DECLS
