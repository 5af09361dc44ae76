/* sportello-template-preview-page.h: a built-in template, to read before using it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-template.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TEMPLATE_PREVIEW_PAGE (sportello_template_preview_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTemplatePreviewPage, sportello_template_preview_page, SPORTELLO, TEMPLATE_PREVIEW_PAGE, AdwNavigationPage)

SportelloTemplatePreviewPage *sportello_template_preview_page_new (const SportelloTemplate *template);

G_END_DECLS
