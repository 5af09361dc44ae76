/* sportello-cli-events.h: the command line for events
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

int sportello_cli_attendance   (SportelloDatabase *db,
                                const char        *event_uuid,
                                const char        *path,
                                gboolean           dry_run);
int sportello_cli_certificates (SportelloDatabase *db,
                                const char        *event_uuid,
                                const char        *path);

G_END_DECLS
