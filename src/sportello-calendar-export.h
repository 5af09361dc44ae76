/* sportello-calendar-export.h: the agenda to a calendar file, from the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-types.h"

G_BEGIN_DECLS

void sportello_calendar_export_choose (SportelloWindow *window);
void sportello_calendar_export        (SportelloWindow *window,
                                       GFile           *file);

G_END_DECLS
