/* sportello-follow-up.h: an action that came out of a meeting
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
  SPORTELLO_FOLLOW_UP_UUID,
  SPORTELLO_FOLLOW_UP_MEETING_UUID,   /* "" for one made from a grant application */
  SPORTELLO_FOLLOW_UP_CLIENT_UUID,    /* read through the meeting */
  SPORTELLO_FOLLOW_UP_CLIENT_NAME,    /* read through the meeting */
  SPORTELLO_FOLLOW_UP_TEXT,
  SPORTELLO_FOLLOW_UP_ASSIGNEE,       /* "consultant" or "client" */
  SPORTELLO_FOLLOW_UP_DUE_DATE,       /* YYYY-MM-DD or "" */
  SPORTELLO_FOLLOW_UP_DONE_AT,        /* UTC, or "" while open */
  SPORTELLO_FOLLOW_UP_CREATED_AT,
  SPORTELLO_FOLLOW_UP_UPDATED_AT,
  SPORTELLO_FOLLOW_UP_ORIGIN_CONSULTANT,
  SPORTELLO_FOLLOW_UP_ORIGIN_HUB,
  SPORTELLO_FOLLOW_UP_APPLICATION_UUID, /* a grant application's deadline made it, or "" */
  SPORTELLO_FOLLOW_UP_N_TEXT_FIELDS
} SportelloFollowUpField;

#define SPORTELLO_TYPE_FOLLOW_UP (sportello_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (SportelloFollowUp, sportello_follow_up, SPORTELLO, FOLLOW_UP, SportelloRecord)

SportelloFollowUp *sportello_follow_up_new        (const char         *meeting_uuid,
                                                   const char         *text);
const char        *sportello_follow_up_get        (SportelloFollowUp  *self,
                                                   SportelloFollowUpField field);
void               sportello_follow_up_set        (SportelloFollowUp  *self,
                                                   SportelloFollowUpField field,
                                                   const char         *value);
int                sportello_follow_up_get_group  (SportelloFollowUp  *self);
gboolean           sportello_follow_up_save       (SportelloFollowUp  *self,
                                                   SportelloDatabase  *db,
                                                   GError            **error);
gboolean           sportello_follow_up_set_done   (SportelloDatabase  *db,
                                                   const char         *uuid,
                                                   gboolean            done,
                                                   GError            **error);
gboolean           sportello_follow_up_delete     (SportelloDatabase  *db,
                                                   const char         *uuid,
                                                   GError            **error);
GListModel        *sportello_follow_up_list_open  (SportelloDatabase  *db,
                                                   const char         *client_uuid,
                                                   const GDate        *today,
                                                   GError            **error);
GListModel        *sportello_follow_up_list_for_meeting (SportelloDatabase *db,
                                                   const char         *meeting_uuid,
                                                   GError            **error);
GPtrArray         *sportello_follow_up_due_today  (SportelloDatabase  *db,
                                                   const GDate        *today,
                                                   GError            **error);

G_END_DECLS
