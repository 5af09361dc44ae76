/* sportello-contact.h: a person the consultant talks to at a client
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
  SPORTELLO_CONTACT_UUID,
  SPORTELLO_CONTACT_CLIENT_UUID,
  SPORTELLO_CONTACT_NAME,
  SPORTELLO_CONTACT_ROLE,
  SPORTELLO_CONTACT_EMAIL,
  SPORTELLO_CONTACT_PHONE,
  SPORTELLO_CONTACT_CREATED_AT,
  SPORTELLO_CONTACT_UPDATED_AT,
  SPORTELLO_CONTACT_ORIGIN_CONSULTANT,
  SPORTELLO_CONTACT_ORIGIN_HUB,
  SPORTELLO_CONTACT_N_TEXT_FIELDS
} SportelloContactField;

#define SPORTELLO_TYPE_CONTACT (sportello_contact_get_type ())

G_DECLARE_FINAL_TYPE (SportelloContact, sportello_contact, SPORTELLO, CONTACT, SportelloRecord)

SportelloContact *sportello_contact_new             (const char         *client_uuid);
const char       *sportello_contact_get             (SportelloContact   *self,
                                                     SportelloContactField field);
void              sportello_contact_set             (SportelloContact   *self,
                                                     SportelloContactField field,
                                                     const char         *value);
gboolean          sportello_contact_get_is_primary  (SportelloContact   *self);
void              sportello_contact_set_is_primary  (SportelloContact   *self,
                                                     gboolean            is_primary);
char             *sportello_contact_check           (SportelloContact   *self);
gboolean          sportello_contact_save            (SportelloContact   *self,
                                                     SportelloDatabase  *db,
                                                     GError            **error);
gboolean          sportello_contact_delete          (SportelloDatabase  *db,
                                                     const char         *uuid,
                                                     GError            **error);
GListModel       *sportello_contact_list_for_client (SportelloDatabase  *db,
                                                     const char         *client_uuid,
                                                     GError            **error);

G_END_DECLS
