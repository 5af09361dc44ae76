/* sportello-types.h: forward declarations of the app's types
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SportelloApplication       SportelloApplication;
typedef struct _SportelloChecklistsSection    SportelloChecklistsSection;
typedef struct _SportelloClientsSection       SportelloClientsSection;
typedef struct _SportelloDatabase          SportelloDatabase;
typedef struct _SportelloGrantsSection        SportelloGrantsSection;
typedef struct _SportelloMeetingsSection      SportelloMeetingsSection;
typedef struct _SportelloPreferencesDialog SportelloPreferencesDialog;
typedef struct _SportelloTodoSection          SportelloTodoSection;
typedef struct _SportelloWindow            SportelloWindow;

G_END_DECLS
