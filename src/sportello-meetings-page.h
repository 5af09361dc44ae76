/* sportello-meetings-page.h: the Meetings section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_MEETINGS_PAGE (sportello_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloMeetingsPage, sportello_meetings_page, SPORTELLO, MEETINGS_PAGE, GtkWidget)

GListModel *sportello_meetings_page_get_model    (SportelloMeetingsPage *self);
void        sportello_meetings_page_open         (SportelloMeetingsPage *self,
                                                  const char            *uuid);

G_END_DECLS
