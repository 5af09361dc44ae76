/* sportello-checklists-section.c: the Checklists section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-checklists-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-assessment.h"
#include "sportello-checklist-page.h"
#include "sportello-checklists-section.h"
#include "sportello-section.h"

struct _SportelloChecklistsSection
{
  GtkWidget          parent_instance;

  guint              n_checklists;

  AdwNavigationView *navigation_view;
  GtkListBox        *list;
};

static void section_iface_init (SportelloSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloChecklistsSection, sportello_checklists_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

static void
row_activated_cb (SportelloChecklistsSection *self,
                  GtkListBoxRow           *row)
{
  sportello_checklists_section_open (self, g_object_get_data (G_OBJECT (row), "uuid"));
}

static void
reload (SportelloSection *section)
{
  SportelloChecklistsSection *self = SPORTELLO_CHECKLISTS_SECTION (section);
  SportelloContext *context = sportello_section_get_context (section);
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_use = NULL;

  /* the built-in checklist is always there (stored once: no change after) */
  g_free (sportello_checklist_store (db, sportello_checklist_get_builtin (), NULL));

  if (!(latest = sportello_checklist_list_latest (db, &error)))
    {
      g_warning ("Cannot list the checklists: %s", error->message);
      return;
    }

  in_use = g_settings_get_string (sportello_context_get_settings (context), "assessment-checklist");

  gtk_list_box_remove_all (self->list);
  for (guint i = 0; i < latest->len; i++)
    {
      SportelloChecklistSummary *s = g_ptr_array_index (latest, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: version and use of a checklist, as in “Versione 2 · 3 valutazioni” */
      subtitle = g_strdup_printf (ngettext ("Version %s · %u assessment", "Version %s · %u assessments", s->n_assessments),
                                  s->version, s->n_assessments);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_checklist_display_title (s->checklist_id, s->title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (g_strcmp0 (s->checklist_id, in_use) == 0)
        {
          GtkWidget *badge = gtk_label_new (_("In use"));

          gtk_widget_add_css_class (badge, "status-pill");
          gtk_widget_add_css_class (badge, "status-followed");
          gtk_widget_add_css_class (badge, "caption");
          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (s->uuid), g_free);
      gtk_list_box_append (self->list, row);
    }
  self->n_checklists = latest->len;
}

static void
context_set (SportelloSection *section,
             SportelloContext *context)
{
  /* which checklist is in use is a setting, not a record */
  g_signal_connect_object (sportello_context_get_settings (context), "changed::assessment-checklist",
                           G_CALLBACK (sportello_section_queue_reload), section, G_CONNECT_SWAPPED);
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  /* the checklists, with how many assessments use each */
  static const char * const follows[] = { SPORTELLO_CHANGE_CHECKLIST, SPORTELLO_CHANGE_ASSESSMENT, NULL };

  iface->follows = follows;
  iface->reload = reload;
  iface->context_set = context_set;
}

static void
open_cb (SportelloChecklistsSection *self,
         const char              *uuid)
{
  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  sportello_checklists_section_open (self, uuid);
}

void
sportello_checklists_section_open (SportelloChecklistsSection *self,
                                const char              *uuid)
{
  SportelloContext *context = sportello_section_get_context (SPORTELLO_SECTION (self));
  g_autoptr(GError) error = NULL;
  SportelloChecklistPage *page = sportello_checklist_page_new (context, uuid, &error);

  if (page == NULL)
    {
      sportello_context_toast_error (context, error);
      return;
    }

  g_signal_connect_object (page, "open", G_CALLBACK (open_cb), self, G_CONNECT_SWAPPED);
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

guint
sportello_checklists_section_get_n_checklists (SportelloChecklistsSection *self)
{
  return self->n_checklists;
}

static void
sportello_checklists_section_dispose (GObject *object)
{
  SportelloChecklistsSection *self = (SportelloChecklistsSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CHECKLISTS_SECTION);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sportello_checklists_section_parent_class)->dispose (object);
}

static void
sportello_checklists_section_class_init (SportelloChecklistsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_checklists_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-checklists-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistsSection, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistsSection, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sportello_checklists_section_init (SportelloChecklistsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}
