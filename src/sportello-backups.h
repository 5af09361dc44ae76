/* sportello-backups.h: the automatic backups, as the app runs them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sportello-types.h"

G_BEGIN_DECLS

void sportello_backups_apply_settings  (GSettings       *settings);
void sportello_backups_follow_settings (GSettings       *settings);
void sportello_backups_start_daily     (SportelloWindow *window);

G_END_DECLS
