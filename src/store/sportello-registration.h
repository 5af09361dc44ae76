/* sportello-registration.h: a person registered for an event
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
  SPORTELLO_REGISTRATION_UUID,
  SPORTELLO_REGISTRATION_EVENT_UUID,
  SPORTELLO_REGISTRATION_CONTACT_UUID,   /* "" for someone who is not a contact of ours */
  SPORTELLO_REGISTRATION_CLIENT_UUID,    /* read from the contact, not stored here */
  SPORTELLO_REGISTRATION_CLIENT_NAME,    /* read from the contact's client, not stored here */
  SPORTELLO_REGISTRATION_NAME,
  SPORTELLO_REGISTRATION_EMAIL,
  SPORTELLO_REGISTRATION_FIRM,           /* as the person wrote it */
  SPORTELLO_REGISTRATION_STATUS,         /* registered, waitlisted, attended, absent, cancelled */
  SPORTELLO_REGISTRATION_CONSENT_DATE,
  SPORTELLO_REGISTRATION_CONSENT_BASIS,  /* as for clients: SPORTELLO_VOCABULARY_CONSENT_BASIS */
  SPORTELLO_REGISTRATION_CONSENT_NOTE,
  SPORTELLO_REGISTRATION_NOTES,
  SPORTELLO_REGISTRATION_CREATED_AT,     /* also the order of the waiting list */
  SPORTELLO_REGISTRATION_UPDATED_AT,
  SPORTELLO_REGISTRATION_ORIGIN_CONSULTANT,
  SPORTELLO_REGISTRATION_ORIGIN_HUB,
  SPORTELLO_REGISTRATION_N_TEXT_FIELDS
} SportelloRegistrationField;

#define SPORTELLO_TYPE_REGISTRATION (sportello_registration_get_type ())

G_DECLARE_FINAL_TYPE (SportelloRegistration, sportello_registration, SPORTELLO, REGISTRATION, SportelloRecord)

SportelloRegistration *sportello_registration_new          (const char            *event_uuid);
const char   *sportello_registration_get                   (SportelloRegistration *self,
                                                            SportelloRegistrationField field);
void          sportello_registration_set                   (SportelloRegistration *self,
                                                            SportelloRegistrationField field,
                                                            const char            *value);
gboolean      sportello_registration_get_consent_given     (SportelloRegistration *self);
void          sportello_registration_set_consent_given     (SportelloRegistration *self,
                                                            gboolean               consent_given);
guint         sportello_registration_get_waiting_position  (SportelloRegistration *self);
const char   *sportello_registration_status_label          (const char            *status);
gboolean      sportello_registration_status_takes_place    (const char            *status);
char         *sportello_registration_check                 (SportelloRegistration *self);

gboolean      sportello_registration_save                  (SportelloRegistration *self,
                                                            SportelloDatabase     *db,
                                                            GError               **error);
SportelloRegistration *sportello_registration_load         (SportelloDatabase     *db,
                                                            const char            *uuid,
                                                            GError               **error);
gboolean      sportello_registration_set_status            (SportelloDatabase     *db,
                                                            const char            *uuid,
                                                            const char            *status,
                                                            GStrv                 *promoted,
                                                            GError               **error);
gboolean      sportello_registration_delete                (SportelloDatabase     *db,
                                                            const char            *uuid,
                                                            GError               **error);
gboolean      sportello_registration_link_contact          (SportelloDatabase     *db,
                                                            const char            *uuid,
                                                            const char            *contact_uuid,
                                                            GError               **error);
char         *sportello_registration_make_client           (SportelloDatabase     *db,
                                                            const char            *uuid,
                                                            GError               **error);
GListModel   *sportello_registration_list                  (SportelloDatabase     *db,
                                                            const char            *event_uuid,
                                                            const char            *status,
                                                            GError               **error);
GListModel   *sportello_registration_list_for_client       (SportelloDatabase     *db,
                                                            const char            *client_uuid,
                                                            GError               **error);

G_END_DECLS
