/* sportello-templates-section.c: the Templates section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in advice templates (each opens in a SportelloTemplatePreviewPage)
 * and the consultant's own (each opens in a SportelloTemplatePage).
 */

#define G_LOG_DOMAIN "sportello-templates-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-section.h"
#include "sportello-template.h"
#include "sportello-template-page.h"
#include "sportello-template-preview-page.h"
#include "sportello-templates-section.h"
#include "sportello-user-template.h"

struct _SportelloTemplatesSection
{
  GtkWidget            parent_instance;

  AdwNavigationView   *navigation_view;
  GtkListBox          *list;
  AdwPreferencesGroup *user_group;
  GtkListBox          *user_list;
};

static void section_iface_init (SportelloSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloTemplatesSection, sportello_templates_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

#define CONTEXT(self) (sportello_section_get_context (SPORTELLO_SECTION (self)))

/**
 * sportello_templates_section_open:
 * @id: a built-in template
 *
 * Shows the template, its placeholders and its text.
 */
void
sportello_templates_section_open (SportelloTemplatesSection *self,
                               const char             *id)
{
  const SportelloTemplate *template = sportello_templates_find (id);

  g_return_if_fail (SPORTELLO_IS_TEMPLATES_SECTION (self));

  if (template == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (sportello_template_preview_page_new (template)));
}

static void
row_activated_cb (SportelloTemplatesSection *self,
                  GtkListBoxRow          *row)
{
  sportello_templates_section_open (self, g_object_get_data (G_OBJECT (row), "id"));
}

static void
open_editor (SportelloTemplatesSection *self,
             const char             *id)
{
  g_autoptr(GError) error = NULL;
  SportelloTemplatePage *editor = sportello_template_page_new (CONTEXT (self), id, &error);

  if (editor == NULL)
    {
      sportello_context_toast_error (CONTEXT (self), error);
      return;
    }

  /* the list, then the editor: also when another editor is on screen */
  adw_navigation_view_replace (self->navigation_view,
                               (AdwNavigationPage *[]) { adw_navigation_view_find_page (self->navigation_view, "list"),
                                                         ADW_NAVIGATION_PAGE (editor) }, 2);
}

static void
user_row_activated_cb (SportelloTemplatesSection *self,
                       GtkListBoxRow          *row)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "id"));
}

static GtkWidget *
template_row_new (const SportelloTemplate *template)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_template_display_title (template));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sportello_template_display_description (template));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (template->id), g_free);

  return row;
}

/* Lists the user's templates as the database has them now */
static void
reload (SportelloSection *section)
{
  SportelloTemplatesSection *self = SPORTELLO_TEMPLATES_SECTION (section);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  gtk_list_box_remove_all (self->user_list);
  if (!(templates = sportello_user_templates_list (sportello_section_get_database (section), &error)))
    {
      g_warning ("Cannot list the templates: %s", error->message);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    gtk_list_box_append (self->user_list, template_row_new (g_ptr_array_index (templates, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->user_list), templates->len > 0);
  adw_preferences_group_set_description (self->user_group,
                                         templates->len == 0
                                           ? _("Duplicate a built-in template to change its wording, or start from a blank one")
                                           : NULL);
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  static const char * const follows[] = { SPORTELLO_CHANGE_TEMPLATE, NULL };

  iface->follows = follows;
  iface->reload = reload;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SportelloTemplatesSection *self = SPORTELLO_TEMPLATES_SECTION (widget);
  g_autoptr(SportelloTemplate) template = g_new0 (SportelloTemplate, 1);
  g_autoptr(GError) error = NULL;

  template->id = g_strdup ("");
  template->title = g_strdup (_("New template"));
  template->description = g_strdup ("");
  template->category = g_strdup ("");
  template->verified_on = g_strdup ("");
  template->body = g_strdup ("");
  template->inputs = g_ptr_array_new ();
  if (!sportello_user_template_save (sportello_section_get_database (SPORTELLO_SECTION (self)), template, &error))
    {
      g_warning ("Cannot create a template: %s", error->message);
      return;
    }

  open_editor (self, template->id);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SportelloTemplatesSection *self = SPORTELLO_TEMPLATES_SECTION (widget);
  g_autoptr(SportelloTemplate) original = NULL;
  g_autoptr(SportelloTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;

  SportelloDatabase *db = sportello_section_get_database (SPORTELLO_SECTION (self));

  if ((original = sportello_template_lookup (db, g_variant_get_string (param, NULL), &error)) != NULL)
    copy = sportello_user_template_duplicate (original);
  if (copy == NULL || !sportello_user_template_save (db, copy, &error))
    {
      sportello_context_toast_error (CONTEXT (self), error);
      return;
    }

  open_editor (self, copy->id);
}

static void
sportello_templates_section_dispose (GObject *object)
{
  SportelloTemplatesSection *self = (SportelloTemplatesSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_TEMPLATES_SECTION);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sportello_templates_section_parent_class)->dispose (object);
}

static void
sportello_templates_section_class_init (SportelloTemplatesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_templates_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-templates-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatesSection, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatesSection, list);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatesSection, user_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloTemplatesSection, user_list);

  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "templates.duplicate", "s", duplicate_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sportello_templates_section_init (SportelloTemplatesSection *self)
{
  const GPtrArray *templates = sportello_templates_builtin ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < templates->len; i++)
    gtk_list_box_append (self->list, template_row_new (g_ptr_array_index (templates, i)));

  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_list, "row-activated", G_CALLBACK (user_row_activated_cb), self, G_CONNECT_SWAPPED);
}
