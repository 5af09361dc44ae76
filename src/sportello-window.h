/* sportello-window.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-types.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_WINDOW (sportello_window_get_type ())

G_DECLARE_FINAL_TYPE (SportelloWindow, sportello_window, SPORTELLO, WINDOW, AdwApplicationWindow)

SportelloWindow *sportello_window_new         (SportelloApplication *application);
const char      *sportello_window_get_section (SportelloWindow      *self);
void             sportello_window_set_section (SportelloWindow      *self,
                                               const char           *section);
void             sportello_window_set_progress (SportelloWindow     *self,
                                                double               fraction);
void             sportello_window_add_toast   (SportelloWindow      *self,
                                               AdwToast             *toast);
void             sportello_window_set_busy    (SportelloWindow      *self,
                                               const char           *message,
                                               GCancellable         *cancellable);
gboolean         sportello_window_is_busy     (SportelloWindow      *self);

/* for the tests */
typedef struct _SportelloClientsPage SportelloClientsPage;
typedef struct _SportelloMeetingsPage SportelloMeetingsPage;
typedef struct _SportelloTodoPage SportelloTodoPage;
SportelloClientsPage  *_sportello_window_get_clients_page  (SportelloWindow *self);
SportelloMeetingsPage *_sportello_window_get_meetings_page (SportelloWindow *self);
SportelloTodoPage     *_sportello_window_get_todo_page     (SportelloWindow *self);
typedef struct _SportelloChecklistsPage SportelloChecklistsPage;
SportelloChecklistsPage *_sportello_window_get_checklists_page (SportelloWindow *self);
typedef struct _SportelloGrantsPage SportelloGrantsPage;
SportelloGrantsPage *_sportello_window_get_grants_page (SportelloWindow *self);
GtkProgressBar        *_sportello_window_get_progress_bar  (SportelloWindow *self);
/* what Ctrl+Z does */
gboolean               _sportello_window_undo_key          (SportelloWindow *self);
/* what the busy banner's Cancel button does */
void                   _sportello_window_cancel_busy       (SportelloWindow *self);

G_END_DECLS
