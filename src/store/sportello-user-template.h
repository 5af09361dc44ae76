/* sportello-user-template.h: the consultant's own advice templates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"
#include "sportello-template.h"

G_BEGIN_DECLS

SportelloTemplate *sportello_template_copy            (const SportelloTemplate *template);
void               sportello_template_free            (SportelloTemplate       *template);

GPtrArray         *sportello_user_templates_list      (SportelloDatabase       *db,
                                                       GError                 **error);
SportelloTemplate *sportello_user_template_load       (SportelloDatabase       *db,
                                                       const char              *id,
                                                       GError                 **error);
SportelloTemplate *sportello_template_lookup          (SportelloDatabase       *db,
                                                       const char              *id,
                                                       GError                 **error);
SportelloTemplate *sportello_user_template_duplicate  (const SportelloTemplate *template);
gboolean           sportello_user_template_save       (SportelloDatabase       *db,
                                                       SportelloTemplate       *template,
                                                       GError                 **error);
gboolean           sportello_user_template_delete     (SportelloDatabase       *db,
                                                       const char              *id,
                                                       GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloTemplate, sportello_template_free)

G_END_DECLS
