/* sportello-event.h: a webinar, workshop or information session of the hub
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-csv.h"
#include "sportello-database.h"
#include "sportello-record.h"

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_EVENT_UUID,
  SPORTELLO_EVENT_TITLE,
  SPORTELLO_EVENT_KIND,               /* webinar, workshop, info_session, other */
  SPORTELLO_EVENT_STARTS_AT,          /* UTC, ISO 8601 */
  SPORTELLO_EVENT_PLACE,              /* an address or a link */
  SPORTELLO_EVENT_SPEAKERS,           /* one per line: consultants of the hub or from outside */
  SPORTELLO_EVENT_TOPICS,
  SPORTELLO_EVENT_DESCRIPTION,        /* Markdown */
  SPORTELLO_EVENT_HUB,                /* the hub that runs it */
  SPORTELLO_EVENT_SIGNER,             /* the consultant who signs the certificates */
  SPORTELLO_EVENT_CREATED_AT,
  SPORTELLO_EVENT_UPDATED_AT,
  SPORTELLO_EVENT_ORIGIN_CONSULTANT,
  SPORTELLO_EVENT_ORIGIN_HUB,
  SPORTELLO_EVENT_N_TEXT_FIELDS
} SportelloEventField;

#define SPORTELLO_TYPE_EVENT (sportello_event_get_type ())

G_DECLARE_FINAL_TYPE (SportelloEvent, sportello_event, SPORTELLO, EVENT, SportelloRecord)

SportelloEvent *sportello_event_new               (void);
const char     *sportello_event_get               (SportelloEvent     *self,
                                                   SportelloEventField field);
void            sportello_event_set               (SportelloEvent     *self,
                                                   SportelloEventField field,
                                                   const char         *value);
int             sportello_event_get_duration      (SportelloEvent     *self);
void            sportello_event_set_duration      (SportelloEvent     *self,
                                                   int                 minutes);
int             sportello_event_get_capacity      (SportelloEvent     *self);
void            sportello_event_set_capacity      (SportelloEvent     *self,
                                                   int                 capacity);
guint           sportello_event_get_n_taken       (SportelloEvent     *self);
guint           sportello_event_get_n_waitlisted  (SportelloEvent     *self);
guint           sportello_event_get_n_attended    (SportelloEvent     *self);
gboolean        sportello_event_get_upcoming      (SportelloEvent     *self);
char           *sportello_event_check             (SportelloEvent     *self);

gboolean        sportello_event_save              (SportelloEvent     *self,
                                                   SportelloDatabase  *db,
                                                   GError            **error);
SportelloEvent *sportello_event_load              (SportelloDatabase  *db,
                                                   const char         *uuid,
                                                   GError            **error);
gboolean        sportello_event_delete            (SportelloDatabase  *db,
                                                   const char         *uuid,
                                                   GError            **error);
GListModel     *sportello_event_list              (SportelloDatabase  *db,
                                                   GError            **error);
GListModel     *sportello_event_list_attended_by_client (SportelloDatabase *db,
                                                   const char         *client_uuid,
                                                   GError            **error);
GListModel     *sportello_event_list_follow_ups   (SportelloDatabase  *db,
                                                   const char         *event_uuid,
                                                   guint               days,
                                                   GError            **error);
gboolean        sportello_event_make_follow_ups   (SportelloDatabase  *db,
                                                   const char         *event_uuid,
                                                   guint               days,
                                                   const GDate        *due,
                                                   guint              *n_made,
                                                   GError            **error);

/* Attendance from a webinar platform's CSV export */
typedef enum
{
  SPORTELLO_ATTENDANCE_MARKED,          /* a registration, now attended */
  SPORTELLO_ATTENDANCE_ALREADY_MARKED,  /* attended already, or a row seen before */
  SPORTELLO_ATTENDANCE_ADDED,           /* a contact who had not registered: now registered, attended */
  SPORTELLO_ATTENDANCE_NO_EMAIL,        /* unmatched: the row has no e-mail */
  SPORTELLO_ATTENDANCE_UNKNOWN,         /* unmatched: nobody here has that e-mail */
} SportelloAttendanceMatch;

typedef struct
{
  guint                     line;     /* as in the spreadsheet */
  char                     *name;
  char                     *email;
  SportelloAttendanceMatch  match;
  char                     *registration_uuid;  /* matched rows */
} SportelloAttendanceRow;

typedef struct
{
  GPtrArray *rows;         /* SportelloAttendanceRow, in the file's order */
  guint      n_matched;
  guint      n_unmatched;
} SportelloAttendanceReport;

#define SPORTELLO_ATTENDANCE_MATCHED(row) ((row)->match <= SPORTELLO_ATTENDANCE_ADDED)

SportelloAttendanceReport *sportello_event_mark_attendance (SportelloDatabase  *db,
                                                            const char         *event_uuid,
                                                            SportelloCsv       *csv,
                                                            gboolean            dry_run,
                                                            GError            **error);
void            sportello_attendance_report_free  (SportelloAttendanceReport *report);
const char     *sportello_attendance_match_label  (SportelloAttendanceMatch match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloAttendanceReport, sportello_attendance_report_free)

G_END_DECLS
