/* sportello-follow-up-row.h: a follow-up as a row with a check box
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"
#include "sportello-follow-up.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_FOLLOW_UP_ROW (sportello_follow_up_row_get_type ())

G_DECLARE_FINAL_TYPE (SportelloFollowUpRow, sportello_follow_up_row, SPORTELLO, FOLLOW_UP_ROW, AdwActionRow)

GtkWidget         *sportello_follow_up_row_new           (SportelloContext     *context,
                                                          SportelloFollowUp    *follow_up,
                                                          gboolean              show_client);
SportelloFollowUp *sportello_follow_up_row_get_follow_up (SportelloFollowUpRow *self);
gboolean           sportello_follow_up_row_get_editable  (SportelloFollowUpRow *self);
AdwDialog         *sportello_follow_up_row_edit          (SportelloFollowUpRow *self);

G_END_DECLS
