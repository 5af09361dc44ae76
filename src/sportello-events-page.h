/* sportello-events-page.h: the Events section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPORTELLO_TYPE_EVENTS_PAGE (sportello_events_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloEventsPage, sportello_events_page, SPORTELLO, EVENTS_PAGE, GtkWidget)

guint sportello_events_page_get_n_events (SportelloEventsPage *self);
void  sportello_events_page_open         (SportelloEventsPage *self,
                                          const char          *uuid);

G_END_DECLS
