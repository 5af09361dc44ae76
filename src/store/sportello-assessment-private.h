/* sportello-assessment-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-assessment.h"

G_BEGIN_DECLS

/* An assessment's columns, described once, in the order a bundle gives
 * them: the assessment's own SQL (sportello-assessment.c) and the
 * bundle's (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name), REF (field, column, member, alias), as for the
 * contacts (sportello-contact-private.h), or ANSWERS (name): the answers,
 * a JSON object of item id to answer, kept as text. */
#define SPORTELLO_ASSESSMENT_OWN_COLUMNS(TEXT, REF, ANSWERS)              \
  REF (SPORTELLO_ASSESSMENT_CLIENT_UUID, "client_id", "client_uuid", "c") \
  TEXT (SPORTELLO_ASSESSMENT_CHECKLIST_UUID, "checklist_uuid")            \
  TEXT (SPORTELLO_ASSESSMENT_ASSESSED_ON, "assessed_on")                  \
  TEXT (SPORTELLO_ASSESSMENT_CONSULTANT, "consultant")                    \
  ANSWERS ("answers")
#define SPORTELLO_ASSESSMENT_COLUMNS(TEXT, REF, ANSWERS) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_ASSESSMENT) \
  SPORTELLO_ASSESSMENT_OWN_COLUMNS (TEXT, REF, ANSWERS)

G_END_DECLS
