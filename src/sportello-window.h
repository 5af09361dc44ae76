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

G_END_DECLS
