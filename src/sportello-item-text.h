/* sportello-item-text.h: how the rows show a checklist item's texts
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char     *sportello_item_text_legal_basis  (const char *legal_basis,
                                            const char *verified_on);
gboolean   sportello_item_text_needs_review  (const char *verified_on);
GtkWidget *sportello_item_text_blocking_badge (void);
GtkWidget *sportello_item_text_review_warning (gboolean    labelled);

G_END_DECLS
