/* sportello-assessment-page.h: filling in and reading an assessment
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-record-page.h"

#include "sportello-assessment.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_ASSESSMENT_PAGE (sportello_assessment_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloAssessmentPage, sportello_assessment_page, SPORTELLO, ASSESSMENT_PAGE, SportelloRecordPage)

SportelloAssessmentPage *sportello_assessment_page_new        (SportelloContext        *context,
                                                               const char              *uuid,
                                                               GError                 **error);
void                     sportello_assessment_page_answer     (SportelloAssessmentPage *self,
                                                               const char              *item_id,
                                                               SportelloAnswer          answer,
                                                               const char              *note);
SportelloScore          *sportello_assessment_page_get_score  (SportelloAssessmentPage *self);
GListModel              *sportello_assessment_page_get_answers (SportelloAssessmentPage *self);

G_END_DECLS
