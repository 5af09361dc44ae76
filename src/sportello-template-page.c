/* sportello-template-page.c: writing one of the consultant's own templates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text on the left, what it will look like on the right.  Placeholders come
 * from a menu, so they are spelled right; one that is not known is shown in
 * a banner with its line.  Like everything else it is stored as it is typed.
 */

#define G_LOG_DOMAIN "sportello-template-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-document-print.h"
#include "sportello-markdown.h"
#include "sportello-template-page.h"
#include "sportello-text-editor.h"

#define AUTOSAVE_DELAY_MS 400

struct _SportelloTemplatePage
{
  SportelloRecordPage        parent_instance;

  SportelloTemplate         *template;

  AdwBanner                 *problems_banner;
  GtkMenuButton             *placeholder_button;
  AdwEntryRow               *title_row;
  AdwEntryRow               *description_row;
  AdwEntryRow               *category_row;
  SportelloTextEditor       *body_view;
  GtkBox                    *preview_box;
};

G_DEFINE_FINAL_TYPE (SportelloTemplatePage, sportello_template_page, SPORTELLO_TYPE_RECORD_PAGE)

#define DATABASE(self) (sportello_record_page_get_database (SPORTELLO_RECORD_PAGE (self)))

/* ---------------------------------------------------------- preview ---- */

static GtkWidget *
preview_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
update_preview (SportelloTemplatePage *self,
                const char              *rendered)
{
  g_autofree char *link_color = sportello_document_link_color (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_autoptr(GPtrArray) blocks = sportello_markdown_to_blocks_full (rendered, link_color);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_box))))
    gtk_box_remove (self->preview_box, child);

  for (guint i = 0; i < blocks->len; i++)
    {
      SportelloBlock *block = g_ptr_array_index (blocks, i);
      GtkWidget *widget;

      switch (block->kind)
        {
        case SPORTELLO_BLOCK_HEADING:
          {
            g_autofree char *markup = g_strdup_printf ("<span weight=\"bold\" size=\"%s\">%s</span>",
                                                       block->level == 1 ? "x-large" : "large", block->markup);
            widget = preview_label (markup);
          }
          break;

        case SPORTELLO_BLOCK_RULE:
          widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
          break;

        case SPORTELLO_BLOCK_CODE:
          {
            g_autofree char *markup = g_strdup_printf ("<tt>%s</tt>", block->markup);
            widget = preview_label (markup);
          }
          break;

        case SPORTELLO_BLOCK_ITEM:
        case SPORTELLO_BLOCK_PARAGRAPH:
        default:
          widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_widget_set_margin_start (widget, 18 * (block->level > 0 ? block->level - 1 : 0));
          if (block->bullet != NULL)
            gtk_box_append (GTK_BOX (widget), gtk_label_new (block->bullet));
          gtk_box_append (GTK_BOX (widget), preview_label (block->markup));
          gtk_widget_set_valign (gtk_widget_get_first_child (widget), GTK_ALIGN_START);
          break;
        }

      gtk_box_append (self->preview_box, widget);
    }
}

/* ------------------------------------------------------------- save ---- */

static void
refresh (SportelloTemplatePage *self)
{
  g_autofree char *body = sportello_text_editor_get_text (self->body_view);
  g_autoptr(GPtrArray) problems = sportello_template_check (body, self->template->inputs);

  if (problems->len > 0)
    {
      SportelloTemplateProblem *p = g_ptr_array_index (problems, 0);
      g_autofree char *message = g_strdup_printf (_("Line %u: “%s” is not a known placeholder"), p->line, p->name);

      adw_banner_set_title (self->problems_banner, message);
      adw_banner_set_revealed (self->problems_banner, TRUE);
    }
  else
    {
      g_autoptr(GPtrArray) none = NULL;
      g_autofree char *rendered = sportello_template_render (body, self->template->inputs, NULL, &none);

      adw_banner_set_revealed (self->problems_banner, FALSE);
      if (rendered != NULL)
        update_preview (self, rendered);
    }

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), self->template->title);
}

/* A template without a title is not stored: the row says why, and that
 * is no failure to try again */
static gboolean
save (SportelloRecordPage  *page,
      GError              **error)
{
  SportelloTemplatePage *self = SPORTELLO_TEMPLATE_PAGE (page);
  g_autoptr(GError) local_error = NULL;

  g_free (self->template->title);
  self->template->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_free (self->template->description);
  self->template->description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  g_free (self->template->category);
  self->template->category = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_row)));
  g_free (self->template->body);
  self->template->body = sportello_text_editor_get_text (self->body_view);

  if (!sportello_user_template_save (DATABASE (self), self->template, &local_error))
    {
      if (!g_error_matches (local_error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), local_error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), NULL);
    }

  refresh (self);
  return TRUE;
}

static void
changed_cb (SportelloTemplatePage *self)
{
  sportello_record_page_changed (SPORTELLO_RECORD_PAGE (self));
}

/* ---------------------------------------------------------- actions ---- */

static void
insert_placeholder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  SportelloTemplatePage *self = SPORTELLO_TEMPLATE_PAGE (widget);
  g_autofree char *text = g_strdup_printf ("{{%s}}", g_variant_get_string (param, NULL));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view)), text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* the Templates section duplicates, as it does for a built-in template */
static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SportelloTemplatePage *self = SPORTELLO_TEMPLATE_PAGE (widget);

  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (self));
  gtk_widget_activate_action (widget, "templates.duplicate", "s", self->template->id);
}

/* the list of templates follows the database, so it shows it again */
static gboolean
restore (SportelloDatabase  *db,
         gpointer            kept,
         GError            **error)
{
  return sportello_user_template_save (db, kept, error);
}

static gboolean
delete_record (SportelloRecordPage  *page,
               gpointer             *kept,
               GError              **error)
{
  SportelloTemplatePage *self = SPORTELLO_TEMPLATE_PAGE (page);

  if (!sportello_user_template_delete (DATABASE (self), self->template->id, error))
    return FALSE;

  *kept = sportello_template_copy (self->template);
  return TRUE;
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_template_page_dispose (GObject *object)
{
  SportelloTemplatePage *self = (SportelloTemplatePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_TEMPLATE_PAGE);

  G_OBJECT_CLASS (sportello_template_page_parent_class)->dispose (object);
}

static void
sportello_template_page_finalize (GObject *object)
{
  SportelloTemplatePage *self = (SportelloTemplatePage *)object;

  g_clear_pointer (&self->template, sportello_template_free);

  G_OBJECT_CLASS (sportello_template_page_parent_class)->finalize (object);
}

static void
sportello_template_page_class_init (SportelloTemplatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SportelloRecordPageClass *page_class = SPORTELLO_RECORD_PAGE_CLASS (klass);

  object_class->dispose = sportello_template_page_dispose;
  object_class->finalize = sportello_template_page_finalize;
  page_class->autosave_delay_ms = AUTOSAVE_DELAY_MS;
  page_class->deleted_message = _("Template deleted");
  page_class->restore = restore;
  page_class->kept_free = (GDestroyNotify) sportello_template_free;
  page_class->save = save;
  page_class->delete_record = delete_record;

  g_type_ensure (SPORTELLO_TYPE_TEXT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-template-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePage, problems_banner);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePage, placeholder_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePage, description_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePage, category_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePage, body_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePage, preview_box);

  gtk_widget_class_install_action (widget_class, "template.insert-placeholder", "s", insert_placeholder_action);
  gtk_widget_class_install_action (widget_class, "template.duplicate", NULL, duplicate_action);
  sportello_record_page_class_install_delete (page_class, "template.delete");
}

static void
sportello_template_page_init (SportelloTemplatePage *self)
{
  const GPtrArray *placeholders = sportello_placeholders ();
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* every known placeholder, by what it means */
  for (guint i = 0; i < placeholders->len; i++)
    {
      SportelloPlaceholder *p = g_ptr_array_index (placeholders, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = g_strdup (p->label);

      if (label[0] != '\0')
        {
          char first[8] = { 0 };

          g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (label)), first);
          g_free (label);
          label = g_strconcat (first, g_utf8_next_char (p->label), NULL);
        }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "template.insert-placeholder", g_variant_new_string (p->name));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->placeholder_button, G_MENU_MODEL (menu));

  /* placeholder names are not Italian: the spell checker leaves their
   * words (“client”, “vat”, “sdi”…) alone */
  for (guint i = 0; i < placeholders->len; i++)
    {
      SportelloPlaceholder *p = g_ptr_array_index (placeholders, i);
      g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", p->name, 0, 0);

      for (guint w = 0; words[w] != NULL; w++)
        if (words[w][0] != '\0')
          spelling_checker_ignore_word (sportello_text_editor_get_checker (self->body_view), words[w]);
    }
}

/**
 * sportello_template_page_new:
 * @id: one of the user's templates
 */
SportelloTemplatePage *
sportello_template_page_new (SportelloContext  *context,
                               const char        *id,
                               GError           **error)
{
  g_autoptr(SportelloTemplate) template = NULL;
  SportelloTemplatePage *self;

  if (!(template = sportello_user_template_load (sportello_context_get_database (context), id, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_TEMPLATE_PAGE, "context", context, NULL);
  self->template = g_steal_pointer (&template);
  sportello_text_editor_set_settings (self->body_view, sportello_context_get_settings (context));

  /* A template is a plain struct of the store, no record with
   * properties to bind: the rows and the text are filled first, and what
   * is typed after that is an edit, stored shortly. Filling them stores
   * nothing. */
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->template->title);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), self->template->description);
  gtk_editable_set_text (GTK_EDITABLE (self->category_row), self->template->category);
  sportello_text_editor_load (self->body_view, self->template->body);
  {
    GObject *edited[] = {
      G_OBJECT (self->title_row), G_OBJECT (self->description_row), G_OBJECT (self->category_row),
      G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view))),
    };

    for (guint i = 0; i < G_N_ELEMENTS (edited); i++)
      g_signal_connect_object (edited[i], "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  }

  refresh (self);

  return self;
}

const SportelloTemplate *
sportello_template_page_get_template (SportelloTemplatePage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_TEMPLATE_PAGE (self), NULL);

  return self->template;
}

GtkTextView *
sportello_template_page_get_view (SportelloTemplatePage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_TEMPLATE_PAGE (self), NULL);

  return GTK_TEXT_VIEW (self->body_view);
}

GtkWidget *
sportello_template_page_get_preview (SportelloTemplatePage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_TEMPLATE_PAGE (self), NULL);

  return GTK_WIDGET (self->preview_box);
}
