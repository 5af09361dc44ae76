/* sportello-add-registration-dialog.h: someone to register for an event
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_ADD_REGISTRATION_DIALOG (sportello_add_registration_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloAddRegistrationDialog, sportello_add_registration_dialog,
                      SPORTELLO, ADD_REGISTRATION_DIALOG, AdwDialog)

SportelloAddRegistrationDialog *sportello_add_registration_dialog_new (SportelloDatabase *db);

G_END_DECLS
