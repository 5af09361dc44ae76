/* sportello-contact-search.h: clients' people found by a search, as rows
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

void sportello_contact_search_show (GtkListBox        *results,
                                    SportelloDatabase *db,
                                    const char        *text,
                                    const char        *icon_name);

G_END_DECLS
