/* sportello-assessment.h: a client's e-commerce readiness assessment
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-checklist.h"
#include "sportello-database.h"
#include "sportello-record.h"

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_ASSESSMENT_UUID,
  SPORTELLO_ASSESSMENT_CLIENT_UUID,
  SPORTELLO_ASSESSMENT_CHECKLIST_UUID,
  SPORTELLO_ASSESSMENT_ASSESSED_ON,     /* YYYY-MM-DD */
  SPORTELLO_ASSESSMENT_CONSULTANT,
  SPORTELLO_ASSESSMENT_CREATED_AT,
  SPORTELLO_ASSESSMENT_UPDATED_AT,
  SPORTELLO_ASSESSMENT_ORIGIN_CONSULTANT,
  SPORTELLO_ASSESSMENT_ORIGIN_HUB,
  SPORTELLO_ASSESSMENT_N_TEXT_FIELDS
} SportelloAssessmentField;

#define SPORTELLO_TYPE_ASSESSMENT (sportello_assessment_get_type ())

G_DECLARE_FINAL_TYPE (SportelloAssessment, sportello_assessment, SPORTELLO, ASSESSMENT, SportelloRecord)

typedef struct
{
  int     area;          /* index */
  int     delta_tenths;  /* later minus earlier */
  gboolean both;         /* applicable in both */
} SportelloAreaChange;

char                *sportello_checklist_store          (SportelloDatabase   *db,
                                                         SportelloChecklist  *checklist,
                                                         GError             **error);
SportelloChecklist  *sportello_checklist_load_version   (SportelloDatabase   *db,
                                                         const char          *checklist_uuid,
                                                         GError             **error);
char                *sportello_checklist_save_version   (SportelloDatabase   *db,
                                                         SportelloChecklist  *checklist,
                                                         GError             **error);
SportelloChecklist  *sportello_checklist_duplicate      (SportelloChecklist  *checklist);
GPtrArray           *sportello_checklist_list_latest    (SportelloDatabase   *db,
                                                         GError             **error);
char                *sportello_checklist_latest_uuid    (SportelloDatabase   *db,
                                                         const char          *checklist_id);

/* One row of sportello_checklist_list_latest() */
typedef struct
{
  char  *uuid;
  char  *checklist_id;
  char  *version;
  char  *title;
  guint  n_assessments;
} SportelloChecklistSummary;

void                 sportello_checklist_summary_free   (SportelloChecklistSummary *summary);

SportelloAssessment *sportello_assessment_new           (const char          *client_uuid,
                                                         const char          *checklist_uuid);
const char          *sportello_assessment_get           (SportelloAssessment *self,
                                                         SportelloAssessmentField field);
void                 sportello_assessment_set           (SportelloAssessment *self,
                                                         SportelloAssessmentField field,
                                                         const char          *value);
gboolean             sportello_assessment_get_answer    (SportelloAssessment *self,
                                                         const char          *item_id,
                                                         SportelloAnswer     *answer,
                                                         const char         **note);
void                 sportello_assessment_set_answer    (SportelloAssessment *self,
                                                         const char          *item_id,
                                                         SportelloAnswer      answer,
                                                         const char          *note);
void                 sportello_assessment_clear_answer  (SportelloAssessment *self,
                                                         const char          *item_id);
guint                sportello_assessment_count_answers (SportelloAssessment *self,
                                                         SportelloChecklist  *checklist);
SportelloScore      *sportello_assessment_score         (SportelloAssessment *self,
                                                         SportelloChecklist  *checklist);
GPtrArray           *sportello_assessment_missing_reasons (SportelloAssessment *self,
                                                         SportelloChecklist  *checklist);
gboolean             sportello_assessment_save          (SportelloAssessment *self,
                                                         SportelloDatabase   *db,
                                                         GError             **error);
SportelloAssessment *sportello_assessment_load          (SportelloDatabase   *db,
                                                         const char          *uuid,
                                                         GError             **error);
gboolean             sportello_assessment_delete        (SportelloDatabase   *db,
                                                         const char          *uuid,
                                                         GError             **error);
GListModel          *sportello_assessment_list          (SportelloDatabase   *db,
                                                         const char          *client_uuid,
                                                         GError             **error);
GHashTable          *sportello_assessment_placeholders  (SportelloAssessment *self,
                                                         SportelloChecklist  *checklist);
GArray              *sportello_assessment_compare       (SportelloScore      *earlier,
                                                         SportelloScore      *later,
                                                         guint                n_areas);

G_END_DECLS
