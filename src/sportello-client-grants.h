/* sportello-client-grants.h: a client's grant applications and the open calls that fit it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-context.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_GRANTS (sportello_client_grants_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientGrants, sportello_client_grants, SPORTELLO, CLIENT_GRANTS, AdwPreferencesGroup)

void sportello_client_grants_set_client (SportelloClientGrants *self,
                                         SportelloContext      *context,
                                         const char            *client_uuid);

G_END_DECLS
