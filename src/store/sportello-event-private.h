/* sportello-event-private.h: what events and registrations share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-event.h"

G_BEGIN_DECLS

/* An event's columns, described once, in the order a bundle gives them
 * (the five every record has, SPORTELLO_RECORD_COLUMNS, then its own):
 * the event's own SQL (sportello-event.c) and the bundle's
 * (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name) or INT (member, name). */
#define SPORTELLO_EVENT_OWN_COLUMNS(TEXT, INT)      \
  TEXT (SPORTELLO_EVENT_TITLE, "title")             \
  TEXT (SPORTELLO_EVENT_KIND, "kind")               \
  TEXT (SPORTELLO_EVENT_STARTS_AT, "starts_at")     \
  INT (duration, "duration_minutes")                \
  TEXT (SPORTELLO_EVENT_PLACE, "place")             \
  TEXT (SPORTELLO_EVENT_SPEAKERS, "speakers")       \
  TEXT (SPORTELLO_EVENT_TOPICS, "topics")           \
  INT (capacity, "capacity")                        \
  TEXT (SPORTELLO_EVENT_DESCRIPTION, "description") \
  TEXT (SPORTELLO_EVENT_HUB, "hub")                 \
  TEXT (SPORTELLO_EVENT_SIGNER, "signer")
#define SPORTELLO_EVENT_COLUMNS(TEXT, INT) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_EVENT) \
  SPORTELLO_EVENT_OWN_COLUMNS (TEXT, INT)

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
