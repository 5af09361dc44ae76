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
  GtkWidget                 *placeholder;   /* a label over the empty text */
};

G_DEFINE_FINAL_TYPE (SportelloTextEditor, sportello_text_editor, GTK_SOURCE_TYPE_VIEW)

enum {
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_placeholder (SportelloTextEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (self->placeholder != NULL)
    gtk_widget_set_visible (self->placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
}

/* the placeholder starts where the text would: buffer coordinates start
 * below the top margin, but before the left one */
static void
place_placeholder (SportelloTextEditor *self)
{
  if (self->placeholder != NULL)
    gtk_text_view_move_overlay (GTK_TEXT_VIEW (self), self->placeholder,
                                gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self)), 0);
}

/* Tab moves the focus, as everywhere else: the text is no keyboard trap.
 * Where the user chose it, by selecting several lines, Tab indents them
 * and Shift+Tab takes the indent away (GNOME Text Editor does the same). */
gboolean
_sportello_text_editor_tab (SportelloTextEditor *self,
                            gboolean             backward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  GtkRoot *root;

  if (gtk_text_view_get_editable (GTK_TEXT_VIEW (self)) &&
      gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) != gtk_text_iter_get_line (&end))
    {
      if (backward)
        gtk_source_view_unindent_lines (GTK_SOURCE_VIEW (self), &start, &end);
      else
        gtk_source_view_indent_lines (GTK_SOURCE_VIEW (self), &start, &end);
      return TRUE;
    }

  if ((root = gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (root), backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SportelloTextEditor   *self)
{
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  return _sportello_text_editor_tab (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0);
}

/* Italian words that libspelling never sees whole. Pango ends a word at
 * an apostrophe, so “dell’impresa” and “dell'impresa” reach the dictionary
 * as “dell” and “impresa”, and the hyphen splits “e-commerce” into “e” and
 * “commerce”. The second half is checked as any word is; the elided first
 * half is a form the Italian dictionary knows only with its apostrophe, so
 * it is told to accept it alone. The consulting desk’s own vocabulary
 * (loanwords, acronyms, the platforms its templates name) is accepted too. */
static const char * const elided_forms[] = {
  "all", "anch", "bell", "brav", "ch", "coll", "com", "cos", "dall", "dell",
  "dov", "gl", "grand", "mezz", "nell", "nient", "pell", "quell", "quest",
  "sant", "senz", "sull", "tant", "tutt",
};

static const char * const desk_words[] = {
  /* the second half of hyphenated compounds, and loanwords */
  "commerce", "hub", "marketplace", "checkout", "horeca", "delivery", "social",
  "voucher", "startup", "minimis", "cookie", "policy", "webinar", "sitemap",
  "chargeback", "wallet", "app", "home", "banking", "dropshipping",
  /* Italian terms of the trade that the dictionary lacks */
  "microimpresa", "microimprese", "profilazione", "disiscrizione",
  "anonimizzati", "anonimizzata", "anonimizzano", "reindirizzamento",
  "iperammortamento",
  /* acronyms and names the templates and the checklist use */
  "ATECO", "B2B", "DAC7", "DURC", "EAA", "EAN", "EDIH", "FESR", "GDPR",
  "GPSR", "GTIN", "HTTPS", "IBAN", "MIMIT", "NIS2", "ODR", "PEC", "POS",
  "PPWR", "PSD2", "SCA", "SEO", "SKU", "SUAP", "WCAG", "AgID", "Invitalia",
  "Amazon", "Etsy", "PayPal", "PrestaShop", "Shopify", "WhatsApp",
  "WooCommerce", "WordPress", "Zalando",
};

/* each editor's checker: the ignore list lives with the dictionary, which
 * need not outlive the editors that used it */
static void
accept_desk_words (SpellingChecker *checker)
{
  for (guint i = 0; i < G_N_ELEMENTS (elided_forms); i++)
    spelling_checker_ignore_word (checker, elided_forms[i]);
  for (guint i = 0; i < G_N_ELEMENTS (desk_words); i++)
    spelling_checker_ignore_word (checker, desk_words[i]);
}

static void
sportello_text_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SportelloTextEditor *self = SPORTELLO_TEXT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, self->placeholder != NULL ? gtk_label_get_text (GTK_LABEL (self->placeholder)) : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_text_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SportelloTextEditor *self = SPORTELLO_TEXT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      sportello_text_editor_set_placeholder_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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

  g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), update_placeholder, self);
  self->placeholder = NULL;   /* the view's child, gone with it */

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
  object_class->get_property = sportello_text_editor_get_property;
  object_class->set_property = sportello_text_editor_set_property;

  /**
   * SportelloTextEditor:placeholder-text:
   *
   * Shown, dimmed, while there is no text; also the accessible placeholder.
   */
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  accept_desk_words (checker);
  self->spelling = spelling_text_buffer_adapter_new (buffer, checker);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), spelling_text_buffer_adapter_get_menu_model (self->spelling));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "spelling", G_ACTION_GROUP (self->spelling));
  spelling_text_buffer_adapter_set_enabled (self->spelling, TRUE);

  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  g_signal_connect_object (buffer, "changed", G_CALLBACK (update_placeholder), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::left-margin", G_CALLBACK (place_placeholder), NULL);
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

/**
 * sportello_text_editor_set_placeholder_text:
 * @text: (nullable): what to show over the empty text
 */
void
sportello_text_editor_set_placeholder_text (SportelloTextEditor *self,
                                            const char          *text)
{
  g_return_if_fail (SPORTELLO_IS_TEXT_EDITOR (self));

  if (text == NULL || text[0] == '\0')
    {
      if (self->placeholder != NULL)
        gtk_text_view_remove (GTK_TEXT_VIEW (self), self->placeholder);
      self->placeholder = NULL;
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER);
    }
  else
    {
      if (self->placeholder == NULL)
        {
          self->placeholder = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (self->placeholder), 0);
          gtk_widget_set_can_target (self->placeholder, FALSE);
          gtk_widget_set_focusable (self->placeholder, FALSE);
          gtk_accessible_update_state (GTK_ACCESSIBLE (self->placeholder),
                                       GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          gtk_widget_add_css_class (self->placeholder, "dim-label");
          gtk_text_view_add_overlay (GTK_TEXT_VIEW (self), self->placeholder, 0, 0);
          place_placeholder (self);
        }
      gtk_label_set_text (GTK_LABEL (self->placeholder), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, text, -1);
    }
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

/**
 * sportello_text_editor_get_placeholder_visible:
 *
 * Whether the placeholder shows, that is, whether there is one and no text.
 */
gboolean
sportello_text_editor_get_placeholder_visible (SportelloTextEditor *self)
{
  g_return_val_if_fail (SPORTELLO_IS_TEXT_EDITOR (self), FALSE);

  return self->placeholder != NULL && gtk_widget_get_visible (self->placeholder);
}
