/* sportello-window-private.h: what the tests reach inside the window
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-window.h"

G_BEGIN_DECLS

/* for the tests */
SportelloClientsPage    *_sportello_window_get_clients_page    (SportelloWindow *self);
SportelloMeetingsPage   *_sportello_window_get_meetings_page   (SportelloWindow *self);
SportelloTodoPage       *_sportello_window_get_todo_page       (SportelloWindow *self);
SportelloChecklistsPage *_sportello_window_get_checklists_page (SportelloWindow *self);
SportelloGrantsPage     *_sportello_window_get_grants_page     (SportelloWindow *self);
GtkProgressBar          *_sportello_window_get_progress_bar    (SportelloWindow *self);
/* what Ctrl+Z does */
gboolean                 _sportello_window_undo_key            (SportelloWindow *self);
/* what the busy banner's Cancel button does */
void                     _sportello_window_cancel_busy         (SportelloWindow *self);

G_END_DECLS
