/* sportello-window-private.h: what the tests reach inside the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-window.h"

G_BEGIN_DECLS

/* for the tests */
SportelloClientsSection    *_sportello_window_get_clients_section    (SportelloWindow *self);
SportelloMeetingsSection   *_sportello_window_get_meetings_section   (SportelloWindow *self);
SportelloTodoSection       *_sportello_window_get_todo_section       (SportelloWindow *self);
SportelloChecklistsSection *_sportello_window_get_checklists_section (SportelloWindow *self);
SportelloGrantsSection     *_sportello_window_get_grants_section     (SportelloWindow *self);
GtkProgressBar          *_sportello_window_get_progress_bar    (SportelloWindow *self);
/* what Ctrl+Z does */
gboolean                 _sportello_window_undo_key            (SportelloWindow *self);
/* what the busy banner's Cancel button does */
void                     _sportello_window_cancel_busy         (SportelloWindow *self);

G_END_DECLS
