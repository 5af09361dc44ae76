/* sportello-grant-application.h: a client's application to a grant call
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
  SPORTELLO_GRANT_APPLICATION_UUID,
  SPORTELLO_GRANT_APPLICATION_CLIENT_UUID,
  SPORTELLO_GRANT_APPLICATION_CLIENT_NAME,       /* read from the client, not stored here */
  SPORTELLO_GRANT_APPLICATION_CALL_UUID,
  SPORTELLO_GRANT_APPLICATION_CALL_TITLE,        /* read from the call, not stored here */
  SPORTELLO_GRANT_APPLICATION_STATUS,            /* SPORTELLO_VOCABULARY_GRANT_STATUS */
  SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER,
  SPORTELLO_GRANT_APPLICATION_SUBMITTED_ON,      /* YYYY-MM-DD or "" */
  SPORTELLO_GRANT_APPLICATION_OUTCOME_ON,        /* YYYY-MM-DD or "" */
  SPORTELLO_GRANT_APPLICATION_REJECTION_REASON,
  SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE,/* rendicontazione, YYYY-MM-DD or "" */
  SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE,    /* the call's documents ticked off, one a line */
  SPORTELLO_GRANT_APPLICATION_NOTES,             /* Markdown */
  SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS,     /* days before a deadline for follow-ups, "14,3" */
  SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY,    /* JSON, kept by save(): see dup_history() */
  SPORTELLO_GRANT_APPLICATION_CREATED_AT,
  SPORTELLO_GRANT_APPLICATION_UPDATED_AT,
  SPORTELLO_GRANT_APPLICATION_ORIGIN_CONSULTANT,
  SPORTELLO_GRANT_APPLICATION_ORIGIN_HUB,
  SPORTELLO_GRANT_APPLICATION_N_TEXT_FIELDS
} SportelloGrantApplicationField;

/* Euros; -1 where not known (properties of the same names) */
typedef enum
{
  SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED,
  SPORTELLO_GRANT_APPLICATION_AMOUNT_GRANTED,
  SPORTELLO_GRANT_APPLICATION_N_NUMBERS
} SportelloGrantApplicationNumber;

#define SPORTELLO_GRANT_DEFAULT_REMINDER_DAYS "14,3"

/* One status an application took, and when (UTC, ISO 8601) */
typedef struct
{
  char *status;
  char *changed_at;
} SportelloGrantStatusChange;

void sportello_grant_status_change_free (SportelloGrantStatusChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SportelloGrantStatusChange, sportello_grant_status_change_free)

#define SPORTELLO_TYPE_GRANT_APPLICATION (sportello_grant_application_get_type ())

G_DECLARE_FINAL_TYPE (SportelloGrantApplication, sportello_grant_application, SPORTELLO, GRANT_APPLICATION, SportelloRecord)

SportelloGrantApplication *sportello_grant_application_new (const char *client_uuid,
                                                            const char *call_uuid);
const char  *sportello_grant_application_get          (SportelloGrantApplication      *self,
                                                       SportelloGrantApplicationField  field);
void         sportello_grant_application_set          (SportelloGrantApplication      *self,
                                                       SportelloGrantApplicationField  field,
                                                       const char                     *value);
gint64       sportello_grant_application_get_number   (SportelloGrantApplication      *self,
                                                       SportelloGrantApplicationNumber number);
void         sportello_grant_application_set_number   (SportelloGrantApplication      *self,
                                                       SportelloGrantApplicationNumber number,
                                                       gint64                          value);
GPtrArray   *sportello_grant_application_dup_history  (SportelloGrantApplication      *self);
gboolean     sportello_grant_application_get_document_done (SportelloGrantApplication *self,
                                                       const char                     *document);
void         sportello_grant_application_set_document_done (SportelloGrantApplication *self,
                                                       const char                     *document,
                                                       gboolean                        done);

gboolean     sportello_grant_application_save         (SportelloGrantApplication      *self,
                                                       SportelloDatabase              *db,
                                                       GError                        **error);
SportelloGrantApplication *sportello_grant_application_load (SportelloDatabase       *db,
                                                       const char                     *uuid,
                                                       GError                        **error);
gboolean     sportello_grant_application_delete       (SportelloDatabase              *db,
                                                       const char                     *uuid,
                                                       GError                        **error);
GListModel  *sportello_grant_application_list         (SportelloDatabase              *db,
                                                       const char                     *client_uuid,
                                                       const char                     *call_uuid,
                                                       GError                        **error);
gboolean     sportello_grant_application_sync_follow_ups (SportelloDatabase           *db,
                                                       const char                     *uuid,
                                                       const GDate                    *today,
                                                       GError                        **error);

gboolean     sportello_grant_reminder_days_are_valid  (const char                     *text);
const char  *sportello_grant_application_status_label (const char                     *status);

GHashTable  *sportello_grant_document_values          (SportelloDatabase              *db,
                                                       const char                     *call_uuid,
                                                       const char                     *application_uuid,
                                                       GError                        **error);

G_END_DECLS
