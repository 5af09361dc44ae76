/* sportello-memory.h
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void sportello_memory_init         (void);
void sportello_memory_release_soon (void);

G_END_DECLS
