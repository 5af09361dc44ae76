/* sportello-grant-match.h: which firms fit a call, and which calls fit a firm
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"
#include "sportello-grant-call.h"

G_BEGIN_DECLS

/* What a call may ask of a firm; ids as in sportello_grant_criterion_id() */
typedef enum
{
  SPORTELLO_GRANT_CRITERION_AREA,      /* region or province */
  SPORTELLO_GRANT_CRITERION_SIZE,      /* from the employees */
  SPORTELLO_GRANT_CRITERION_SECTOR,    /* ATECO section */
  SPORTELLO_GRANT_CRITERION_STARTUP,   /* innovative startups only */
  SPORTELLO_GRANT_CRITERION_YEARS,     /* minimum years of activity */
  SPORTELLO_GRANT_N_CRITERIA
} SportelloGrantCriterion;

typedef enum
{
  SPORTELLO_GRANT_CRITERION_NOT_ASKED,  /* the call does not ask it */
  SPORTELLO_GRANT_CRITERION_MET,
  SPORTELLO_GRANT_CRITERION_MISSED,
  SPORTELLO_GRANT_CRITERION_UNKNOWN,    /* the client's data do not say */
} SportelloGrantCriterionResult;

/* How well a firm fits, in the order results are listed */
typedef enum
{
  SPORTELLO_GRANT_FIT_YES,      /* every criterion the call asks is met */
  SPORTELLO_GRANT_FIT_MAYBE,    /* none missed, some unknown */
  SPORTELLO_GRANT_FIT_NO,       /* at least one missed */
} SportelloGrantFit;

#define SPORTELLO_TYPE_GRANT_MATCH (sportello_grant_match_get_type ())

G_DECLARE_FINAL_TYPE (SportelloGrantMatch, sportello_grant_match, SPORTELLO, GRANT_MATCH, GObject)

/* Properties: "client-uuid", "client-name", "call-uuid", "call-title" (strings),
 * "fit" (a SportelloGrantFit), "met", "missed", "unknown" (GStrv of criterion ids) */
const char                   *sportello_grant_match_get_client_uuid (SportelloGrantMatch *self);
const char                   *sportello_grant_match_get_client_name (SportelloGrantMatch *self);
const char                   *sportello_grant_match_get_call_uuid   (SportelloGrantMatch *self);
const char                   *sportello_grant_match_get_call_title  (SportelloGrantMatch *self);
SportelloGrantFit             sportello_grant_match_get_fit         (SportelloGrantMatch *self);
SportelloGrantCriterionResult sportello_grant_match_get_result      (SportelloGrantMatch *self,
                                                                     SportelloGrantCriterion criterion);
GStrv                         sportello_grant_match_dup_criteria    (SportelloGrantMatch *self,
                                                                     SportelloGrantCriterionResult result);

GListModel *sportello_grant_match_clients     (SportelloDatabase  *db,
                                               const char         *call_uuid,
                                               gboolean            include_misfits,
                                               GError            **error);
GListModel *sportello_grant_match_calls       (SportelloDatabase  *db,
                                               const char         *client_uuid,
                                               GDateTime          *now,
                                               GError            **error);

const char *sportello_grant_criterion_id      (SportelloGrantCriterion criterion);
const char *sportello_grant_criterion_label   (SportelloGrantCriterion criterion);
const char *sportello_grant_fit_label         (SportelloGrantFit       fit);
const char *sportello_grant_size_of_employees (gint64                  employees);
char        sportello_grant_ateco_section     (const char             *ateco_code);

G_END_DECLS
