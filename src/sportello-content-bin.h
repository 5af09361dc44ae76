/* sportello-content-bin.h: the window's content, measured by the window alone
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CONTENT_BIN (sportello_content_bin_get_type ())

G_DECLARE_FINAL_TYPE (SportelloContentBin, sportello_content_bin, SPORTELLO, CONTENT_BIN, AdwBin)

G_END_DECLS
