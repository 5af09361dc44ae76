/* sportello-welcome-dialog.h: who the consultant is, asked at the first start
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPORTELLO_TYPE_WELCOME_DIALOG (sportello_welcome_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloWelcomeDialog, sportello_welcome_dialog, SPORTELLO, WELCOME_DIALOG, AdwDialog)

gboolean                sportello_welcome_dialog_is_due (GSettings              *settings);
SportelloWelcomeDialog *sportello_welcome_dialog_new    (GSettings              *settings);
void                    sportello_welcome_dialog_save   (SportelloWelcomeDialog *self);

G_END_DECLS
