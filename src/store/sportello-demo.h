/* sportello-demo.h: realistic, fictitious data for trying the app
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

gboolean sportello_demo_fill (SportelloDatabase  *db,
                              guint               n_clients,
                              GError            **error);

G_END_DECLS
