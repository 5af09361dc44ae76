/* sportello-template-editor.h: writing one of the consultant's own templates
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

#define SPORTELLO_TYPE_TEMPLATE_EDITOR (sportello_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTemplateEditor, sportello_template_editor, SPORTELLO, TEMPLATE_EDITOR, SportelloRecordPage)

SportelloTemplateEditor *sportello_template_editor_new          (SportelloContext        *context,
                                                                 const char              *id,
                                                                 GError                 **error);
const SportelloTemplate *sportello_template_editor_get_template (SportelloTemplateEditor *self);
GtkTextView             *sportello_template_editor_get_view     (SportelloTemplateEditor *self);
GtkWidget               *sportello_template_editor_get_preview  (SportelloTemplateEditor *self);

G_END_DECLS
