/* sportello-meeting-page.h: one meeting, its notes and follow-ups
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-meeting.h"
#include "sportello-record-page.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_MEETING_PAGE (sportello_meeting_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloMeetingPage, sportello_meeting_page, SPORTELLO, MEETING_PAGE, SportelloRecordPage)

SportelloMeetingPage *sportello_meeting_page_new          (SportelloContext     *context,
                                                           const char           *uuid,
                                                           GError              **error);
SportelloMeeting     *sportello_meeting_page_get_meeting  (SportelloMeetingPage *self);
GtkTextView          *sportello_meeting_page_get_view     (SportelloMeetingPage *self);
gboolean              sportello_meeting_page_get_spell_checking (SportelloMeetingPage *self);

G_END_DECLS
