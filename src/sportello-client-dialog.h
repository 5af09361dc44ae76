/* sportello-client-dialog.h: create or edit a client's file
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-client.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_DIALOG (sportello_client_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientDialog, sportello_client_dialog, SPORTELLO, CLIENT_DIALOG, AdwDialog)

SportelloClientDialog *sportello_client_dialog_new         (SportelloDatabase     *db,
                                                            SportelloClient       *client);
SportelloClient       *sportello_client_dialog_get_client  (SportelloClientDialog *self);
gboolean               sportello_client_dialog_can_save    (SportelloClientDialog *self);
void                   sportello_client_dialog_save        (SportelloClientDialog *self);
GtkWidget             *sportello_client_dialog_get_row     (SportelloClientDialog *self,
                                                            SportelloClientField   field);

G_END_DECLS
