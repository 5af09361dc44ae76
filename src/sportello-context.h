/* sportello-context.h: what the sections and pages work with
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"
#include "sportello-types.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CONTEXT (sportello_context_get_type ())

G_DECLARE_FINAL_TYPE (SportelloContext, sportello_context, SPORTELLO, CONTEXT, GObject)

SportelloContext  *sportello_context_new            (SportelloDatabase *database,
                                                     GSettings         *settings);
SportelloDatabase *sportello_context_get_database   (SportelloContext  *self);
GSettings         *sportello_context_get_settings   (SportelloContext  *self);
const char        *sportello_context_get_consultant (SportelloContext  *self);
const char        *sportello_context_get_hub        (SportelloContext  *self);
void               sportello_context_toast          (SportelloContext  *self,
                                                     AdwToast          *toast);
void               sportello_context_toast_error    (SportelloContext  *self,
                                                     const GError      *error);
void               sportello_context_mark_made      (SportelloContext  *self,
                                                     const char        *uuid);
gboolean           sportello_context_take_made      (SportelloContext  *self,
                                                     const char        *uuid);

G_END_DECLS
