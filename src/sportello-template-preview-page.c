/* sportello-template-preview-page.c: a built-in template, to read before using it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the template is for, when its facts were last checked, what it asks
 * the consultant to write in by hand, and its text, read-only; the header
 * bar duplicates it into one of the consultant's own templates.
 */

#define G_LOG_DOMAIN "sportello-template-preview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sportello-format.h"
#include "sportello-template-preview-page.h"
#include "sportello-text-editor.h"

struct _SportelloTemplatePreviewPage
{
  AdwNavigationPage    parent_instance;

  GtkButton           *duplicate_button;
  GtkLabel            *description_label;
  GtkLabel            *verified_label;
  GtkLabel            *inputs_label;
  SportelloTextEditor *text_view;
};

G_DEFINE_FINAL_TYPE (SportelloTemplatePreviewPage, sportello_template_preview_page, ADW_TYPE_NAVIGATION_PAGE)

static void
sportello_template_preview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPORTELLO_TYPE_TEMPLATE_PREVIEW_PAGE);

  G_OBJECT_CLASS (sportello_template_preview_page_parent_class)->dispose (object);
}

static void
sportello_template_preview_page_class_init (SportelloTemplatePreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_template_preview_page_dispose;

  g_type_ensure (SPORTELLO_TYPE_TEXT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-template-preview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePreviewPage, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePreviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePreviewPage, verified_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePreviewPage, inputs_label);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatePreviewPage, text_view);
}

static void
sportello_template_preview_page_init (SportelloTemplatePreviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* a text nobody types in needs no spell checking */
  sportello_text_editor_set_spell_checking (self->text_view, FALSE);
}

SportelloTemplatePreviewPage *
sportello_template_preview_page_new (const SportelloTemplate *template)
{
  SportelloTemplatePreviewPage *self;
  g_autoptr(GString) inputs = g_string_new (NULL);
  g_autofree char *verified = NULL;

  self = g_object_new (SPORTELLO_TYPE_TEMPLATE_PREVIEW_PAGE,
                       "title", sportello_template_display_title (template),
                       "tag", template->id,
                       NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->duplicate_button), "s", template->id);
  gtk_label_set_label (self->description_label, sportello_template_display_description (template));

  /* “2026-11” is shown as “novembre 2026”; a template never checked has no row */
  verified = sportello_format_month (template->verified_on);
  if (verified != NULL)
    {
      /* Translators: when the facts in a template (prices, rules, grants) were last checked: a month and year */
      g_autofree char *verified_text = g_strdup_printf (_("Facts checked in %s"), verified);

      gtk_label_set_label (self->verified_label, verified_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->verified_label), verified != NULL);

  for (guint i = 0; i < template->inputs->len; i++)
    {
      SportelloPlaceholder *input = g_ptr_array_index (template->inputs, i);

      if (inputs->len > 0)
        g_string_append (inputs, ", ");
      g_string_append (inputs, input->label);
    }
  if (inputs->len > 0)
    {
      /* Translators: what the consultant writes in by hand, as a list */
      g_autofree char *asks = g_strdup_printf (_("To write in by hand: %s"), inputs->str);

      gtk_label_set_label (self->inputs_label, asks);
      gtk_widget_set_visible (GTK_WIDGET (self->inputs_label), TRUE);
    }

  sportello_text_editor_load (self->text_view, template->body);

  return self;
}
