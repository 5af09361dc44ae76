/* sportello-client.h: a firm that comes to the desk
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"
#include "sportello-record.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT (sportello_client_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClient, sportello_client, SPORTELLO, CLIENT, SportelloRecord)

/* The text fields of a client, in the order of their columns. Each is also
 * a string property of the same name with '_' written as '-'. */
typedef enum
{
  SPORTELLO_CLIENT_UUID,
  SPORTELLO_CLIENT_NAME,
  SPORTELLO_CLIENT_LEGAL_FORM,
  SPORTELLO_CLIENT_VAT_NUMBER,
  SPORTELLO_CLIENT_TAX_CODE,
  SPORTELLO_CLIENT_ATECO_CODE,
  SPORTELLO_CLIENT_CATEGORY,
  SPORTELLO_CLIENT_STREET,
  SPORTELLO_CLIENT_POSTAL_CODE,
  SPORTELLO_CLIENT_MUNICIPALITY,
  SPORTELLO_CLIENT_PROVINCE,
  SPORTELLO_CLIENT_WEBSITE,
  SPORTELLO_CLIENT_EMAIL,
  SPORTELLO_CLIENT_PEC,
  SPORTELLO_CLIENT_SDI_CODE,
  SPORTELLO_CLIENT_PHONE,
  SPORTELLO_CLIENT_STATUS,
  SPORTELLO_CLIENT_TAGS,
  SPORTELLO_CLIENT_SOURCE,
  SPORTELLO_CLIENT_CONSENT_DATE,
  SPORTELLO_CLIENT_CONSENT_BASIS,
  SPORTELLO_CLIENT_CONSENT_NOTE,
  SPORTELLO_CLIENT_NOTES,
  SPORTELLO_CLIENT_OWNER_HUB,
  SPORTELLO_CLIENT_OWNER_CONSULTANT,
  SPORTELLO_CLIENT_CREATED_AT,
  SPORTELLO_CLIENT_UPDATED_AT,
  SPORTELLO_CLIENT_ORIGIN_CONSULTANT,
  SPORTELLO_CLIENT_ORIGIN_HUB,
  SPORTELLO_CLIENT_LAST_MEETING_AT,
  SPORTELLO_CLIENT_N_TEXT_FIELDS
} SportelloClientField;

/* A problem found by sportello_client_check() */
typedef struct
{
  SportelloClientField field;
  gboolean             blocking;   /* an error; otherwise a warning */
  char                *message;
} SportelloClientProblem;

void                sportello_client_problem_free     (SportelloClientProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloClientProblem, sportello_client_problem_free)

SportelloClient    *sportello_client_new              (void);
SportelloClient    *sportello_client_copy             (SportelloClient    *self);
const char         *sportello_client_get              (SportelloClient    *self,
                                                       SportelloClientField field);
void                sportello_client_set              (SportelloClient    *self,
                                                       SportelloClientField field,
                                                       const char         *value);
const char         *sportello_client_field_name       (SportelloClientField field);
const char         *sportello_client_field_label      (SportelloClientField field);
int                 sportello_client_get_employees    (SportelloClient    *self);
void                sportello_client_set_employees    (SportelloClient    *self,
                                                       int                 employees);
gboolean            sportello_client_get_consent_given (SportelloClient   *self);
void                sportello_client_set_consent_given (SportelloClient   *self,
                                                        gboolean           consent_given);
gint64              sportello_client_get_id           (SportelloClient    *self);

/* Shortcuts for the fields used everywhere */
const char         *sportello_client_get_uuid         (SportelloClient    *self);
const char         *sportello_client_get_name         (SportelloClient    *self);

GPtrArray          *sportello_client_check            (SportelloClient    *self);
gboolean            sportello_client_normalize        (SportelloClient    *self);

/* Storage */
SportelloClient    *sportello_client_load             (SportelloDatabase  *db,
                                                       const char         *uuid,
                                                       GError            **error);
SportelloClient    *sportello_client_load_by_id       (SportelloDatabase  *db,
                                                       gint64              id,
                                                       GError            **error);
gboolean            sportello_client_save             (SportelloClient    *self,
                                                       SportelloDatabase  *db,
                                                       GError            **error);
SportelloClient    *sportello_client_find_duplicate   (SportelloClient    *self,
                                                       SportelloDatabase  *db,
                                                       SportelloClientField *field,
                                                       GError            **error);
gboolean            sportello_client_trash            (SportelloDatabase  *db,
                                                       const char         *uuid,
                                                       GError            **error);
gboolean            sportello_client_restore          (SportelloDatabase  *db,
                                                       const char         *uuid,
                                                       GError            **error);
gboolean            sportello_client_purge_trashed    (SportelloDatabase  *db,
                                                       const char         *uuid,
                                                       GError            **error);
gboolean            sportello_client_erase            (SportelloDatabase  *db,
                                                       const char         *uuid,
                                                       GError            **error);
GStrv               sportello_client_list_tags        (SportelloDatabase  *db,
                                                       GError            **error);

G_END_DECLS
