/* sportello-client-editor.h: create or edit a client's file
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-client.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_EDITOR (sportello_client_editor_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientEditor, sportello_client_editor, SPORTELLO, CLIENT_EDITOR, AdwDialog)

SportelloClientEditor *sportello_client_editor_new         (SportelloDatabase     *db,
                                                            SportelloClient       *client);
SportelloClient       *sportello_client_editor_get_client  (SportelloClientEditor *self);
gboolean               sportello_client_editor_can_save    (SportelloClientEditor *self);
void                   sportello_client_editor_save        (SportelloClientEditor *self);
GtkWidget             *sportello_client_editor_get_row     (SportelloClientEditor *self,
                                                            SportelloClientField   field);

G_END_DECLS
