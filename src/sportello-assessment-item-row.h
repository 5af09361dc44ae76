/* sportello-assessment-item-row.h: a checklist item to answer in an assessment
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-assessment-answer.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_ASSESSMENT_ITEM_ROW (sportello_assessment_item_row_get_type ())

G_DECLARE_FINAL_TYPE (SportelloAssessmentItemRow, sportello_assessment_item_row, SPORTELLO, ASSESSMENT_ITEM_ROW, AdwExpanderRow)

GtkWidget                 *sportello_assessment_item_row_new      (SportelloAssessmentAnswer  *item);
SportelloAssessmentAnswer *sportello_assessment_item_row_get_item (SportelloAssessmentItemRow *self);
GtkDropDown               *sportello_assessment_item_row_get_dropdown (SportelloAssessmentItemRow *self);
AdwEntryRow               *sportello_assessment_item_row_get_note_row (SportelloAssessmentItemRow *self);

G_END_DECLS
