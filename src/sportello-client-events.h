/* sportello-client-events.h: the events a client's people attended
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_EVENTS (sportello_client_events_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientEvents, sportello_client_events, SPORTELLO, CLIENT_EVENTS, AdwPreferencesGroup)

GtkWidget *sportello_client_events_new         (SportelloDatabase     *database,
                                                const char            *client_uuid);
guint      sportello_client_events_get_n_items (SportelloClientEvents *self);

G_END_DECLS
