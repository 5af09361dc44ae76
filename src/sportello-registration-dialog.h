/* sportello-registration-dialog.h: one person registered for an event
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_REGISTRATION_DIALOG (sportello_registration_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloRegistrationDialog, sportello_registration_dialog, SPORTELLO, REGISTRATION_DIALOG, AdwDialog)

SportelloRegistrationDialog *sportello_registration_dialog_new (SportelloContext  *context,
                                                                const char        *uuid,
                                                                GError           **error);
void         sportello_registration_dialog_flush       (SportelloRegistrationDialog *self);
gboolean     sportello_registration_dialog_make_client (SportelloRegistrationDialog *self);
gboolean     sportello_registration_dialog_link_contact (SportelloRegistrationDialog *self,
                                                         const char                  *contact_uuid);
GtkEditable *sportello_registration_dialog_get_search  (SportelloRegistrationDialog *self);
GtkListBox  *sportello_registration_dialog_get_results (SportelloRegistrationDialog *self);

G_END_DECLS
