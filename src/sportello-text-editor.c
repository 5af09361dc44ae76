/* sportello-text-editor.c: the Markdown editor of notes, documents and templates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meeting notes and advice documents are written in the same kind of
 * editor: Markdown highlighting in the Adwaita scheme that follows the
 * dark style, and Italian spell checking that the preferences can turn off.
 * The editor owns its spell checker, so a page only places it in its
 * template and hands it the settings.
 */

#define G_LOG_DOMAIN "sportello-text-editor"

#include "config.h"

#include <adwaita.h>

#include "sportello-text-editor.h"

struct _SportelloTextEditor
{
  GtkSourceView              parent_instance;

  SpellingTextBufferAdapter *spelling;
};

G_DEFINE_FINAL_TYPE (SportelloTextEditor, sportello_text_editor, GTK_SOURCE_TYPE_VIEW)

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

static void
sportello_text_editor_dispose (GObject *object)
{
  SportelloTextEditor *self = SPORTELLO_TEXT_EDITOR (object);

  /* The action group and the menu keep the adapter alive after the view
   * lets its buffer go, and libspelling 0.4.8's next check then reads a
   * buffer that is gone (“code should not be reached”). Turned off while
   * the buffer is still here, it stops checking and never starts again:
   * nothing may turn it back on. */
  if (self->spelling != NULL)
    {
      g_settings_unbind (self->spelling, "enabled");
      spelling_text_buffer_adapter_set_enabled (self->spelling, FALSE);
      gtk_widget_insert_action_group (GTK_WIDGET (self), "spelling", NULL);
      gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), NULL);
    }
  g_clear_object (&self->spelling);

  G_OBJECT_CLASS (sportello_text_editor_parent_class)->dispose (object);
}

static void
sportello_text_editor_class_init (SportelloTextEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sportello_text_editor_dispose;
}

static void
sportello_text_editor_init (SportelloTextEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
  g_autoptr(SpellingChecker) checker = NULL;

  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
  update_style_scheme (buffer);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), buffer, G_CONNECT_SWAPPED);

  /* Italian spell checking, with suggestions in the context menu */
  checker = spelling_checker_new (spelling_provider_get_default (), "it_IT");
  self->spelling = spelling_text_buffer_adapter_new (buffer, checker);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), spelling_text_buffer_adapter_get_menu_model (self->spelling));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "spelling", G_ACTION_GROUP (self->spelling));
  spelling_text_buffer_adapter_set_enabled (self->spelling, TRUE);
}

GtkWidget *
sportello_text_editor_new (void)
{
  return g_object_new (SPORTELLO_TYPE_TEXT_EDITOR, NULL);
}

/**
 * sportello_text_editor_set_settings:
 *
 * Spell checking follows the “spell-check” key of @settings from now on.
 */
void
sportello_text_editor_set_settings (SportelloTextEditor *self,
                                    GSettings           *settings)
{
  g_return_if_fail (SPORTELLO_IS_TEXT_EDITOR (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "spell-check", self->spelling, "enabled", G_SETTINGS_BIND_GET);
}

char *
sportello_text_editor_get_text (SportelloTextEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Loading a text is not something to undo */
void
sportello_text_editor_load (SportelloTextEditor *self,
                            const char          *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

void
sportello_text_editor_set_spell_checking (SportelloTextEditor *self,
                                          gboolean             enabled)
{
  g_return_if_fail (SPORTELLO_IS_TEXT_EDITOR (self));

  spelling_text_buffer_adapter_set_enabled (self->spelling, enabled);
}

gboolean
sportello_text_editor_checks_italian (SportelloTextEditor *self)
{
  g_return_val_if_fail (SPORTELLO_IS_TEXT_EDITOR (self), FALSE);

  return spelling_text_buffer_adapter_get_enabled (self->spelling) &&
         g_strcmp0 (spelling_checker_get_language (spelling_text_buffer_adapter_get_checker (self->spelling)), "it_IT") == 0;
}

SpellingChecker *
sportello_text_editor_get_checker (SportelloTextEditor *self)
{
  g_return_val_if_fail (SPORTELLO_IS_TEXT_EDITOR (self), NULL);

  return spelling_text_buffer_adapter_get_checker (self->spelling);
}
