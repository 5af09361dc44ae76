/* sportello-events-section.h: the Events section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPORTELLO_TYPE_EVENTS_SECTION (sportello_events_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloEventsSection, sportello_events_section, SPORTELLO, EVENTS_SECTION, GtkWidget)

guint sportello_events_section_get_n_events (SportelloEventsSection *self);
void  sportello_events_section_open         (SportelloEventsSection *self,
                                          const char          *uuid);

G_END_DECLS
