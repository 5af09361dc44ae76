/* sportello-registration-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-registration.h"

G_BEGIN_DECLS

/* A registration's columns, described once, in the order a bundle gives
 * them: the registration's own SQL (sportello-registration.c) and the
 * bundle's (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name), BOOL (member, name), REF (field, column, member,
 * alias), as for the contacts (sportello-contact-private.h), or
 * CONTACT (field, column, member): the person's contact, which may be
 * none (a bundle says null, the table NULL). */
#define SPORTELLO_REGISTRATION_OWN_COLUMNS(TEXT, BOOL, REF, CONTACT)          \
  REF (SPORTELLO_REGISTRATION_EVENT_UUID, "event_id", "event_uuid", "e")      \
  CONTACT (SPORTELLO_REGISTRATION_CONTACT_UUID, "contact_id", "contact_uuid") \
  TEXT (SPORTELLO_REGISTRATION_NAME, "name")                                  \
  TEXT (SPORTELLO_REGISTRATION_EMAIL, "email")                                \
  TEXT (SPORTELLO_REGISTRATION_FIRM, "firm")                                  \
  TEXT (SPORTELLO_REGISTRATION_STATUS, "status")                              \
  BOOL (consent_given, "consent_given")                                       \
  TEXT (SPORTELLO_REGISTRATION_CONSENT_DATE, "consent_date")                  \
  TEXT (SPORTELLO_REGISTRATION_CONSENT_BASIS, "consent_basis")                \
  TEXT (SPORTELLO_REGISTRATION_CONSENT_NOTE, "consent_note")                  \
  TEXT (SPORTELLO_REGISTRATION_NOTES, "notes")
#define SPORTELLO_REGISTRATION_COLUMNS(TEXT, BOOL, REF, CONTACT) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_REGISTRATION) \
  SPORTELLO_REGISTRATION_OWN_COLUMNS (TEXT, BOOL, REF, CONTACT)

G_END_DECLS
