/* sportello-meeting-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-meeting.h"

G_BEGIN_DECLS

/* A meeting's columns, described once, in the order a bundle gives them
 * (the five every record has, SPORTELLO_RECORD_COLUMNS, then its own):
 * the meeting's own SQL (sportello-meeting.c) and the bundle's
 * (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name), INT (member, name) or REF (field, column, member,
 * alias), as for the contacts (sportello-contact-private.h). The
 * participants are a text column, one name a line. */
#define SPORTELLO_MEETING_OWN_COLUMNS(TEXT, INT, REF)                  \
  REF (SPORTELLO_MEETING_CLIENT_UUID, "client_id", "client_uuid", "c") \
  TEXT (SPORTELLO_MEETING_STARTS_AT, "starts_at")                      \
  INT (duration, "duration_minutes")                                   \
  TEXT (SPORTELLO_MEETING_KIND, "kind")                                \
  TEXT (SPORTELLO_MEETING_PARTICIPANTS, "participants")                \
  TEXT (SPORTELLO_MEETING_TOPICS, "topics")                            \
  TEXT (SPORTELLO_MEETING_NOTES, "notes")
#define SPORTELLO_MEETING_COLUMNS(TEXT, INT, REF) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_MEETING) \
  SPORTELLO_MEETING_OWN_COLUMNS (TEXT, INT, REF)

G_END_DECLS
