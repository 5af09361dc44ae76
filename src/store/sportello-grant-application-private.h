/* sportello-grant-application-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-grant-application.h"

G_BEGIN_DECLS

/* A grant application's columns, described once, in the order a bundle
 * gives them (the five every record has, SPORTELLO_RECORD_COLUMNS, then
 * its own): the application's own SQL (sportello-grant-application.c)
 * and the bundle's (sportello-bundle.c) are both made from this list.
 * Each is TEXT (field, name), INT (number, name) or REF (field, column,
 * member, alias), as for the contacts (sportello-contact-private.h). The
 * call is named by its UUID, a text column. */
#define SPORTELLO_GRANT_APPLICATION_OWN_COLUMNS(TEXT, INT, REF)                  \
  REF (SPORTELLO_GRANT_APPLICATION_CLIENT_UUID, "client_id", "client_uuid", "c") \
  TEXT (SPORTELLO_GRANT_APPLICATION_CALL_UUID, "call_uuid")                      \
  TEXT (SPORTELLO_GRANT_APPLICATION_STATUS, "status")                            \
  INT (SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED, "amount_requested")         \
  INT (SPORTELLO_GRANT_APPLICATION_AMOUNT_GRANTED, "amount_granted")             \
  TEXT (SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER, "protocol_number")          \
  TEXT (SPORTELLO_GRANT_APPLICATION_SUBMITTED_ON, "submitted_on")                \
  TEXT (SPORTELLO_GRANT_APPLICATION_OUTCOME_ON, "outcome_on")                    \
  TEXT (SPORTELLO_GRANT_APPLICATION_REJECTION_REASON, "rejection_reason")        \
  TEXT (SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE, "reporting_deadline")    \
  TEXT (SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE, "documents_done")            \
  TEXT (SPORTELLO_GRANT_APPLICATION_NOTES, "notes")                              \
  TEXT (SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS, "reminder_days")              \
  TEXT (SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY, "status_history")
#define SPORTELLO_GRANT_APPLICATION_COLUMNS(TEXT, INT, REF) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_GRANT_APPLICATION) \
  SPORTELLO_GRANT_APPLICATION_OWN_COLUMNS (TEXT, INT, REF)

G_END_DECLS
