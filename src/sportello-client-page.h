/* sportello-client-page.h: one client's file
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-client.h"
#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_PAGE (sportello_client_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientPage, sportello_client_page, SPORTELLO, CLIENT_PAGE, AdwNavigationPage)

SportelloClientPage *sportello_client_page_new_spare  (void);
SportelloClientPage *sportello_client_page_new        (SportelloContext    *context,
                                                       const char          *uuid,
                                                       SportelloClientPage *spare,
                                                       GError             **error);
const char          *sportello_client_page_get_uuid   (SportelloClientPage *self);
SportelloClient     *sportello_client_page_get_client (SportelloClientPage *self);
gboolean             sportello_client_page_reload     (SportelloClientPage *self);

G_END_DECLS
