/* sportello-preferences-dialog.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-types.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_PREFERENCES_DIALOG (sportello_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloPreferencesDialog, sportello_preferences_dialog, SPORTELLO, PREFERENCES_DIALOG, AdwPreferencesDialog)

SportelloPreferencesDialog *sportello_preferences_dialog_new (SportelloApplication *application);

G_END_DECLS
