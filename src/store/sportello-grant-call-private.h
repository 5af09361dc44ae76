/* sportello-grant-call-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database-private.h"
#include "sportello-grant-call.h"

G_BEGIN_DECLS

/* A grant call's columns, described once, in the order a bundle gives
 * them: the call's own SQL (sportello-grant-call.c) and the bundle's
 * (sportello-bundle.c) are both made from this list. Each is
 * TEXT (field, name), INT (number, name) or BOOL (flag, name), with the
 * call's field, number or flag. */
#define SPORTELLO_GRANT_CALL_OWN_COLUMNS(TEXT, INT, BOOL)                 \
  TEXT (SPORTELLO_GRANT_CALL_TITLE, "title")                              \
  TEXT (SPORTELLO_GRANT_CALL_FUNDER, "funder")                            \
  TEXT (SPORTELLO_GRANT_CALL_KIND, "kind")                                \
  TEXT (SPORTELLO_GRANT_CALL_URL, "url")                                  \
  TEXT (SPORTELLO_GRANT_CALL_OPENS_AT, "opens_at")                        \
  TEXT (SPORTELLO_GRANT_CALL_DEADLINE, "deadline")                        \
  BOOL (SPORTELLO_GRANT_CALL_FIRST_COME, "first_come")                    \
  BOOL (SPORTELLO_GRANT_CALL_FUNDS_EXHAUSTED, "funds_exhausted")          \
  INT (SPORTELLO_GRANT_CALL_BUDGET, "budget")                             \
  INT (SPORTELLO_GRANT_CALL_CONTRIBUTION_PERCENT, "contribution_percent") \
  INT (SPORTELLO_GRANT_CALL_CONTRIBUTION_MIN, "contribution_min")         \
  INT (SPORTELLO_GRANT_CALL_CONTRIBUTION_MAX, "contribution_max")         \
  TEXT (SPORTELLO_GRANT_CALL_SIZES, "sizes")                              \
  TEXT (SPORTELLO_GRANT_CALL_ATECO_SECTIONS, "ateco_sections")            \
  TEXT (SPORTELLO_GRANT_CALL_REGIONS, "regions")                          \
  TEXT (SPORTELLO_GRANT_CALL_PROVINCES, "provinces")                      \
  BOOL (SPORTELLO_GRANT_CALL_STARTUPS_ONLY, "startups_only")              \
  INT (SPORTELLO_GRANT_CALL_MIN_YEARS, "min_years")                       \
  TEXT (SPORTELLO_GRANT_CALL_EXPENSES, "expenses")                        \
  TEXT (SPORTELLO_GRANT_CALL_DOCUMENTS, "documents")                      \
  BOOL (SPORTELLO_GRANT_CALL_DE_MINIMIS, "de_minimis")                    \
  TEXT (SPORTELLO_GRANT_CALL_NOTES, "notes")
#define SPORTELLO_GRANT_CALL_COLUMNS(TEXT, INT, BOOL) \
  SPORTELLO_RECORD_COLUMNS (TEXT, SPORTELLO_GRANT_CALL) \
  SPORTELLO_GRANT_CALL_OWN_COLUMNS (TEXT, INT, BOOL)

G_END_DECLS
