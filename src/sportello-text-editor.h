/* sportello-text-editor.h: the Markdown editor of notes, documents and templates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>
#include <libspelling.h>

G_BEGIN_DECLS

#define SPORTELLO_TYPE_TEXT_EDITOR (sportello_text_editor_get_type ())

G_DECLARE_FINAL_TYPE (SportelloTextEditor, sportello_text_editor, SPORTELLO, TEXT_EDITOR, GtkSourceView)

GtkWidget       *sportello_text_editor_new            (void);
void             sportello_text_editor_set_settings   (SportelloTextEditor *self,
                                                       GSettings           *settings);
char            *sportello_text_editor_get_text       (SportelloTextEditor *self);
void             sportello_text_editor_load           (SportelloTextEditor *self,
                                                       const char          *text);
void             sportello_text_editor_set_spell_checking (SportelloTextEditor *self,
                                                           gboolean             enabled);
gboolean         sportello_text_editor_checks_italian (SportelloTextEditor *self);
SpellingChecker *sportello_text_editor_get_checker    (SportelloTextEditor *self);
void             sportello_text_editor_set_placeholder_text (SportelloTextEditor *self,
                                                             const char          *text);
gboolean         sportello_text_editor_get_placeholder_visible (SportelloTextEditor *self);

/* what Tab does (for the tests): TRUE when it was handled */
gboolean         _sportello_text_editor_tab           (SportelloTextEditor *self,
                                                       gboolean             backward);

G_END_DECLS
