/* sportello-demo-private.h: what the demo data's files share
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One element of @array, drawn by @rand */
#define SPORTELLO_DEMO_PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* A version 4 UUID drawn by @rand: the same seed makes the same demo */
char *_sportello_demo_uuid (GRand *rand);

G_END_DECLS
