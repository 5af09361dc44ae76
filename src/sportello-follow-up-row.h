/* sportello-follow-up-row.h: a follow-up as a row with a check box
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-follow-up.h"

G_BEGIN_DECLS

/* Called on @owner after the follow-up changed in the database */
typedef void (*SportelloFollowUpChanged) (GObject *owner);

GtkWidget *sportello_follow_up_row_new (SportelloDatabase        *db,
                                        SportelloFollowUp        *follow_up,
                                        gboolean                  show_client,
                                        GObject                  *owner,
                                        SportelloFollowUpChanged  changed);

G_END_DECLS
