/* sportello-contact-dialog.h: add or edit a person at a client
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-contact.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CONTACT_DIALOG (sportello_contact_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SportelloContactDialog, sportello_contact_dialog, SPORTELLO, CONTACT_DIALOG, AdwDialog)

SportelloContactDialog *sportello_contact_dialog_new (SportelloDatabase *db,
                                                      SportelloContact  *contact);

G_END_DECLS
