/* sportello-grant-call.h: a call for grants (“bando”) firms may apply to
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
  SPORTELLO_GRANT_CALL_UUID,
  SPORTELLO_GRANT_CALL_TITLE,
  SPORTELLO_GRANT_CALL_FUNDER,          /* SPORTELLO_VOCABULARY_GRANT_FUNDER */
  SPORTELLO_GRANT_CALL_KIND,            /* SPORTELLO_VOCABULARY_GRANT_KIND */
  SPORTELLO_GRANT_CALL_URL,             /* the official page */
  SPORTELLO_GRANT_CALL_OPENS_AT,        /* UTC, ISO 8601, or "" */
  SPORTELLO_GRANT_CALL_DEADLINE,        /* UTC, ISO 8601, or "" (e.g. “a sportello”) */
  SPORTELLO_GRANT_CALL_SIZES,           /* comma-separated SPORTELLO_VOCABULARY_GRANT_SIZE ids, "" for any */
  SPORTELLO_GRANT_CALL_ATECO_SECTIONS,  /* comma-separated section letters, "" for any */
  SPORTELLO_GRANT_CALL_REGIONS,         /* comma-separated region ids, "" for anywhere */
  SPORTELLO_GRANT_CALL_PROVINCES,       /* comma-separated province codes, "" for anywhere */
  SPORTELLO_GRANT_CALL_EXPENSES,        /* eligible expenses, Markdown */
  SPORTELLO_GRANT_CALL_DOCUMENTS,       /* documents to prepare, one a line */
  SPORTELLO_GRANT_CALL_NOTES,           /* Markdown */
  SPORTELLO_GRANT_CALL_CREATED_AT,
  SPORTELLO_GRANT_CALL_UPDATED_AT,
  SPORTELLO_GRANT_CALL_ORIGIN_CONSULTANT,
  SPORTELLO_GRANT_CALL_ORIGIN_HUB,
  SPORTELLO_GRANT_CALL_N_TEXT_FIELDS
} SportelloGrantCallField;

/* Whole numbers; -1 where not given (properties of the same names) */
typedef enum
{
  SPORTELLO_GRANT_CALL_BUDGET,                /* euros */
  SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT,  /* 0–100 */
  SPORTELLO_GRANT_CALL_CONTRIBUTION_MIN,      /* euros */
  SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX,      /* euros */
  SPORTELLO_GRANT_CALL_MIN_YEARS,             /* of activity */
  SPORTELLO_GRANT_CALL_N_NUMBERS
} SportelloGrantCallNumber;

/* Yes or no (boolean properties of the same names) */
typedef enum
{
  SPORTELLO_GRANT_CALL_FIRST_COME,       /* “a sportello”: until the funds run out */
  SPORTELLO_GRANT_CALL_FUNDS_EXHAUSTED,  /* closed early: the funds ran out */
  SPORTELLO_GRANT_CALL_STARTUPS_ONLY,
  SPORTELLO_GRANT_CALL_DE_MINIMIS,
  SPORTELLO_GRANT_CALL_N_FLAGS
} SportelloGrantCallFlag;

/* In the order the list shows them */
typedef enum
{
  SPORTELLO_GRANT_CALL_STATUS_CLOSING_SOON,   /* open, deadline within 14 days */
  SPORTELLO_GRANT_CALL_STATUS_OPEN,
  SPORTELLO_GRANT_CALL_STATUS_FORTHCOMING,
  SPORTELLO_GRANT_CALL_STATUS_CLOSED,
} SportelloGrantCallStatus;

#define SPORTELLO_GRANT_CALL_CLOSING_SOON_DAYS 14

#define SPORTELLO_TYPE_GRANT_CALL (sportello_grant_call_get_type ())

G_DECLARE_FINAL_TYPE (SportelloGrantCall, sportello_grant_call, SPORTELLO, GRANT_CALL, SportelloRecord)

SportelloGrantCall *sportello_grant_call_new          (const char             *title);
const char         *sportello_grant_call_get          (SportelloGrantCall     *self,
                                                       SportelloGrantCallField field);
void                sportello_grant_call_set          (SportelloGrantCall     *self,
                                                       SportelloGrantCallField field,
                                                       const char             *value);
gint64              sportello_grant_call_get_number   (SportelloGrantCall     *self,
                                                       SportelloGrantCallNumber number);
void                sportello_grant_call_set_number   (SportelloGrantCall     *self,
                                                       SportelloGrantCallNumber number,
                                                       gint64                  value);
gboolean            sportello_grant_call_get_flag     (SportelloGrantCall     *self,
                                                       SportelloGrantCallFlag  flag);
void                sportello_grant_call_set_flag     (SportelloGrantCall     *self,
                                                       SportelloGrantCallFlag  flag,
                                                       gboolean                value);
SportelloGrantCallStatus sportello_grant_call_get_status (SportelloGrantCall  *self);
SportelloGrantCallStatus sportello_grant_call_status_at (SportelloGrantCall   *self,
                                                       GDateTime              *now);
GDate              *sportello_grant_call_dup_deadline_date (SportelloGrantCall *self);
GStrv               sportello_grant_call_dup_documents (SportelloGrantCall    *self);

gboolean            sportello_grant_call_save         (SportelloGrantCall     *self,
                                                       SportelloDatabase      *db,
                                                       GError                **error);
SportelloGrantCall *sportello_grant_call_load         (SportelloDatabase      *db,
                                                       const char             *uuid,
                                                       GError                **error);
gboolean            sportello_grant_call_delete       (SportelloDatabase      *db,
                                                       const char             *uuid,
                                                       GError                **error);
GListModel         *sportello_grant_call_list         (SportelloDatabase      *db,
                                                       const char             *search,
                                                       GDateTime              *now,
                                                       GError                **error);

const char         *sportello_grant_call_status_id    (SportelloGrantCallStatus status);
const char         *sportello_grant_call_status_label (SportelloGrantCallStatus status);

/* Italian regions: stable ids (e.g. "lombardia") and their names */
const char * const *sportello_grant_region_ids        (void);
const char         *sportello_grant_region_name       (const char             *region_id);
const char         *sportello_grant_region_of_province (const char            *province);
/* its province codes, space-separated, as "CO LC"; NULL for no region */
const char         *sportello_grant_region_provinces  (const char             *region_id);

/* ATECO 2007 sections, "A" to "U", and their translated names */
const char * const *sportello_grant_ateco_section_ids (void);
const char         *sportello_grant_ateco_section_label (const char           *section);

G_END_DECLS
