/* sportello-follow-up-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-follow-up.h"

G_BEGIN_DECLS

/* A follow-up's columns, described once, in the order a bundle gives them
 * (the five every record has, SPORTELLO_RECORD_COLUMNS, then its own):
 * the follow-up's own SQL (sportello-follow-up.c) and the bundle's
 * (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name) or REF (field, column, member, alias), as for the
 * contacts (sportello-contact-private.h). application_id and reminder,
 * which tie a follow-up to a grant application's deadline, are no
 * columns of a bundle: sportello-grant-application.c makes those again. */
#define SPORTELLO_FOLLOW_UP_OWN_COLUMNS(TEXT, REF)                          \
  REF (SPORTELLO_FOLLOW_UP_MEETING_UUID, "meeting_id", "meeting_uuid", "m") \
  TEXT (SPORTELLO_FOLLOW_UP_TEXT, "text")                                   \
  TEXT (SPORTELLO_FOLLOW_UP_ASSIGNEE, "assignee")                           \
  TEXT (SPORTELLO_FOLLOW_UP_DUE_DATE, "due_date")                           \
  TEXT (SPORTELLO_FOLLOW_UP_DONE_AT, "done_at")
#define SPORTELLO_FOLLOW_UP_COLUMNS(TEXT, REF) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_FOLLOW_UP) \
  SPORTELLO_FOLLOW_UP_OWN_COLUMNS (TEXT, REF)

G_END_DECLS
