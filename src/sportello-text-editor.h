/* sportello-text-editor.h: how every Markdown editor of the app is set up
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>
#include <libspelling.h>

G_BEGIN_DECLS

SpellingTextBufferAdapter *sportello_text_editor_setup     (GtkSourceView *view);
char                      *sportello_text_editor_get_text  (GtkSourceView *view);
void                       sportello_text_editor_load      (GtkSourceView *view,
                                                            const char    *text);
gboolean                   sportello_text_editor_checks_italian (SpellingTextBufferAdapter *spelling);

G_END_DECLS
