/* sportello-text-editor.c: how every Markdown editor of the app is set up
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meeting notes and advice documents are written in the same kind of
 * editor: Markdown highlighting in the Adwaita scheme that follows the
 * dark style, and Italian spell checking that the preferences can turn off.
 */

#define G_LOG_DOMAIN "sportello-text-editor"

#include "config.h"

#include <adwaita.h>

#include "sportello-application.h"
#include "sportello-text-editor.h"

static void
update_style_scheme (GtkSourceBuffer *buffer)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (buffer, scheme);
}

/**
 * sportello_text_editor_setup:
 * @view: a view whose buffer will hold Markdown
 *
 * Returns: (transfer full): the spell checker of @view, to keep while the
 *   view lives
 */
SpellingTextBufferAdapter *
sportello_text_editor_setup (GtkSourceView *view)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_autoptr(SpellingChecker) checker = NULL;
  SpellingTextBufferAdapter *spelling;
  GApplication *app = g_application_get_default ();

  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
  update_style_scheme (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), buffer, G_CONNECT_SWAPPED);

  /* Italian spell checking, with suggestions in the context menu */
  checker = spelling_checker_new (spelling_provider_get_default (), "it_IT");
  spelling = spelling_text_buffer_adapter_new (buffer, checker);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (view), spelling_text_buffer_adapter_get_menu_model (spelling));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (spelling));
  if (SPORTELLO_IS_APPLICATION (app))
    g_settings_bind (sportello_application_get_settings (SPORTELLO_APPLICATION (app)),
                     "spell-check", spelling, "enabled", G_SETTINGS_BIND_GET);
  else
    spelling_text_buffer_adapter_set_enabled (spelling, TRUE);

  return spelling;
}

char *
sportello_text_editor_get_text (GtkSourceView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Loading a text is not something to undo */
void
sportello_text_editor_load (GtkSourceView *view,
                            const char    *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

gboolean
sportello_text_editor_checks_italian (SpellingTextBufferAdapter *spelling)
{
  return spelling_text_buffer_adapter_get_enabled (spelling) &&
         g_strcmp0 (spelling_checker_get_language (spelling_text_buffer_adapter_get_checker (spelling)), "it_IT") == 0;
}
