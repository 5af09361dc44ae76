/* sportello-assessment-answer.h: one checklist item of an assessment, with its answer
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sportello-assessment.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_ASSESSMENT_ANSWER (sportello_assessment_answer_get_type ())

G_DECLARE_FINAL_TYPE (SportelloAssessmentAnswer, sportello_assessment_answer, SPORTELLO, ASSESSMENT_ANSWER, GObject)

SportelloAssessmentAnswer *sportello_assessment_answer_new        (SportelloAssessment       *assessment,
                                                                   SportelloChecklist        *checklist,
                                                                   guint                      index);
SportelloChecklistItem    *sportello_assessment_answer_get_checklist_item (SportelloAssessmentAnswer *self);
const char                *sportello_assessment_answer_get_title  (SportelloAssessmentAnswer *self);
gboolean                   sportello_assessment_answer_get_na_allowed (SportelloAssessmentAnswer *self);
int                        sportello_assessment_answer_get_answer (SportelloAssessmentAnswer *self);
void                       sportello_assessment_answer_set_answer (SportelloAssessmentAnswer *self,
                                                                   int                        answer);
const char                *sportello_assessment_answer_get_note   (SportelloAssessmentAnswer *self);
void                       sportello_assessment_answer_set_note   (SportelloAssessmentAnswer *self,
                                                                   const char                *note);
void                       sportello_assessment_answer_set        (SportelloAssessmentAnswer *self,
                                                                   SportelloAnswer            answer,
                                                                   const char                *note);
gboolean                   sportello_assessment_answer_get_reason_missing (SportelloAssessmentAnswer *self);

G_END_DECLS
