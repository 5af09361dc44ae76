/* sportello-application-private.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-application.h"

G_BEGIN_DECLS

void _sportello_application_actions_init (SportelloApplication *self);

G_END_DECLS
