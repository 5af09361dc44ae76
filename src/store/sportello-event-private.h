/* sportello-event-private.h: what events and registrations share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-event.h"

G_BEGIN_DECLS

/* The statuses of the people who have a place: the rest are waiting or gone */
#define SPORTELLO_TAKES_PLACE_SQL "('registered', 'attended', 'absent')"

gboolean _sportello_event_fill_places (SportelloDatabase  *db,
                                       const char         *event_uuid,
                                       GStrvBuilder       *promoted,
                                       GError            **error);

/* for sportello-demo.c: events and registrations from the demo's
 * contacts (those with an id above @first_contact_id) */
gboolean _sportello_event_demo_fill   (SportelloDatabase  *db,
                                       guint               seed,
                                       gint64              first_contact_id,
                                       GError            **error);

G_END_DECLS
