/* sportello-file-toast.h: a toast that names a written file and opens it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *sportello_file_toast_new (const char *title,
                                    GFile      *file);

G_END_DECLS
