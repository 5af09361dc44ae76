/* sportello-application.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-types.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_APPLICATION (sportello_application_get_type ())

G_DECLARE_FINAL_TYPE (SportelloApplication, sportello_application, SPORTELLO, APPLICATION, AdwApplication)

SportelloApplication *sportello_application_new          (const char           *data_dir);
SportelloDatabase    *sportello_application_get_database (SportelloApplication *self,
                                                          GError              **error);
GSettings            *sportello_application_get_settings (SportelloApplication *self);
GNotification        *sportello_application_due_notification (SportelloApplication *self,
                                                              guint                *n_due);

G_END_DECLS
