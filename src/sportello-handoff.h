/* sportello-handoff.h: export and import of bundles, from the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-types.h"

G_BEGIN_DECLS

void sportello_handoff_choose_export (SportelloWindow *window,
                                      const char      *client_uuid);
void sportello_handoff_export        (SportelloWindow *window,
                                      const char      *client_uuid,
                                      GFile           *file);
void sportello_handoff_confirm_export (SportelloWindow *window,
                                       const char      *client_uuid,
                                       GFile           *file);
void sportello_handoff_choose_import (SportelloWindow *window);
void sportello_handoff_choose_export_templates (SportelloWindow *window);
void sportello_handoff_export_templates        (SportelloWindow *window,
                                                GFile           *file);
void sportello_handoff_import        (SportelloWindow *window,
                                      GFile           *file);

G_END_DECLS
