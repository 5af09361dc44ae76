/* sportello-grant-application-dialog.h: one client's application to a call
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"
#include "sportello-grant-application.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_GRANT_APPLICATION_DIALOG (sportello_grant_application_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloGrantApplicationDialog, sportello_grant_application_dialog, SPORTELLO, GRANT_APPLICATION_DIALOG, AdwDialog)

SportelloGrantApplicationDialog *sportello_grant_application_dialog_new (SportelloContext  *context,
                                                                         const char        *uuid,
                                                                         GError           **error);
SportelloGrantApplication *sportello_grant_application_dialog_get_application (SportelloGrantApplicationDialog *self);
AdwComboRow *sportello_grant_application_dialog_get_status_row (SportelloGrantApplicationDialog *self);
void         sportello_grant_application_dialog_flush (SportelloGrantApplicationDialog *self);
void         sportello_grant_application_dialog_delete (SportelloGrantApplicationDialog *self);

/* opens the application of @client_uuid to @call_uuid, made first if there is none */
gboolean     sportello_grant_application_open (GtkWidget         *parent,
                                               SportelloContext  *context,
                                               const char        *client_uuid,
                                               const char        *call_uuid,
                                               GError           **error);

G_END_DECLS
