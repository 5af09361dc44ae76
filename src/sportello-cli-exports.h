/* sportello-cli-exports.h: the command line for calendars and address books
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

int sportello_cli_export_ics   (SportelloDatabase  *db,
                                const char         *path);
int sportello_cli_export_vcard (SportelloDatabase  *db,
                                const char         *path,
                                const char * const *client_uuids);

G_END_DECLS
