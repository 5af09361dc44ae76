/* sportello-template-preview.h: a built-in template, to read before using it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-template.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TEMPLATE_PREVIEW (sportello_template_preview_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTemplatePreview, sportello_template_preview, SPORTELLO, TEMPLATE_PREVIEW, AdwNavigationPage)

SportelloTemplatePreview *sportello_template_preview_new (const SportelloTemplate *template);

G_END_DECLS
