/* sportello-meeting.h: a meeting at the desk, with its notes
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"
#include "sportello-record.h"

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_MEETING_UUID,
  SPORTELLO_MEETING_CLIENT_UUID,
  SPORTELLO_MEETING_CLIENT_NAME,      /* read from the client, not stored here */
  SPORTELLO_MEETING_STARTS_AT,        /* UTC, ISO 8601 */
  SPORTELLO_MEETING_KIND,
  SPORTELLO_MEETING_PARTICIPANTS,
  SPORTELLO_MEETING_TOPICS,
  SPORTELLO_MEETING_NOTES,
  SPORTELLO_MEETING_CREATED_AT,
  SPORTELLO_MEETING_UPDATED_AT,
  SPORTELLO_MEETING_ORIGIN_CONSULTANT,
  SPORTELLO_MEETING_ORIGIN_HUB,
  SPORTELLO_MEETING_N_TEXT_FIELDS
} SportelloMeetingField;

#define SPORTELLO_TYPE_MEETING (sportello_meeting_get_type ())

G_DECLARE_FINAL_TYPE (SportelloMeeting, sportello_meeting, SPORTELLO, MEETING, SportelloRecord)

SportelloMeeting *sportello_meeting_new            (const char         *client_uuid);
const char       *sportello_meeting_get            (SportelloMeeting   *self,
                                                    SportelloMeetingField field);
void              sportello_meeting_set            (SportelloMeeting   *self,
                                                    SportelloMeetingField field,
                                                    const char         *value);
int               sportello_meeting_get_duration   (SportelloMeeting   *self);
void              sportello_meeting_set_duration   (SportelloMeeting   *self,
                                                    int                 minutes);
char             *sportello_meeting_dup_excerpt    (SportelloMeeting   *self,
                                                    guint               max_chars);
int               sportello_meeting_get_period     (SportelloMeeting   *self);

gboolean          sportello_meeting_save           (SportelloMeeting   *self,
                                                    SportelloDatabase  *db,
                                                    GError            **error);
gboolean          sportello_meeting_save_notes     (SportelloDatabase  *db,
                                                    const char         *uuid,
                                                    const char         *notes,
                                                    GError            **error);
SportelloMeeting *sportello_meeting_load           (SportelloDatabase  *db,
                                                    const char         *uuid,
                                                    GError            **error);
gboolean          sportello_meeting_delete         (SportelloDatabase  *db,
                                                    const char         *uuid,
                                                    GError            **error);
GListModel       *sportello_meeting_list           (SportelloDatabase  *db,
                                                    const char         *client_uuid,
                                                    const char         *kind,
                                                    GError            **error);

G_END_DECLS
