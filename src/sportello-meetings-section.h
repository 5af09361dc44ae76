/* sportello-meetings-section.h: the Meetings section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_MEETINGS_SECTION (sportello_meetings_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloMeetingsSection, sportello_meetings_section, SPORTELLO, MEETINGS_SECTION, GtkWidget)

GListModel *sportello_meetings_section_get_model    (SportelloMeetingsSection *self);
void        sportello_meetings_section_open         (SportelloMeetingsSection *self,
                                                  const char            *uuid);

G_END_DECLS
