/* sportello-contact-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-contact.h"

G_BEGIN_DECLS

/* A contact's columns, described once, in the order a bundle gives them
 * (the five every record has, SPORTELLO_RECORD_COLUMNS, then its own):
 * the contact's own SQL (sportello-contact.c) and the bundle's
 * (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name), BOOL (member, name) or REF (field, column, member,
 * alias): the client's UUID, the field, is client_id in the table,
 * client_uuid in a bundle, read from the clients joined as alias. */
#define SPORTELLO_CONTACT_OWN_COLUMNS(TEXT, BOOL, REF)                 \
  REF (SPORTELLO_CONTACT_CLIENT_UUID, "client_id", "client_uuid", "c") \
  TEXT (SPORTELLO_CONTACT_NAME, "name")                                \
  TEXT (SPORTELLO_CONTACT_ROLE, "role")                                \
  TEXT (SPORTELLO_CONTACT_EMAIL, "email")                              \
  TEXT (SPORTELLO_CONTACT_PHONE, "phone")                              \
  BOOL (is_primary, "is_primary")
#define SPORTELLO_CONTACT_COLUMNS(TEXT, BOOL, REF) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_CONTACT) \
  SPORTELLO_CONTACT_OWN_COLUMNS (TEXT, BOOL, REF)

G_END_DECLS
