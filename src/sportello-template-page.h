/* sportello-template-page.h: writing one of the consultant's own templates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"
#include "sportello-user-template.h"

#include "sportello-record-page.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TEMPLATE_PAGE (sportello_template_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTemplatePage, sportello_template_page, SPORTELLO, TEMPLATE_PAGE, SportelloRecordPage)

SportelloTemplatePage *sportello_template_page_new          (SportelloContext        *context,
                                                                 const char              *id,
                                                                 GError                 **error);
const SportelloTemplate *sportello_template_page_get_template (SportelloTemplatePage *self);
GtkTextView             *sportello_template_page_get_view     (SportelloTemplatePage *self);
GtkWidget               *sportello_template_page_get_preview  (SportelloTemplatePage *self);

G_END_DECLS
