/* sportello-meetings-section.c: the Meetings section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All meetings, newest first, in sections (upcoming, this week, this
 * month, earlier) of a GtkListView: only the visible rows are widgets.
 */

#define G_LOG_DOMAIN "sportello-meetings-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-agenda.h"
#include "sportello-format.h"
#include "sportello-meeting.h"
#include "sportello-meeting-page.h"
#include "sportello-meetings-section.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

struct _SportelloMeetingsSection
{
  GtkWidget           parent_instance;

  GListStore         *store;
  GtkSortListModel   *sections;

  AdwNavigationView  *navigation_view;
  GtkDropDown        *kind_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

static void section_iface_init (SportelloSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloMeetingsSection, sportello_meetings_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

static void
kind_changed_cb (SportelloMeetingsSection *self)
{
  sportello_section_queue_reload (SPORTELLO_SECTION (self));
}

static void
activate_cb (SportelloMeetingsSection *self,
             guint                  position)
{
  g_autoptr(SportelloMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->sections), position);

  if (meeting != NULL)
    sportello_meetings_section_open (self, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *excerpt = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  for (GtkWidget *l = title; l; l = l == title ? details : l == details ? excerpt : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_ellipsize (GTK_LABEL (l), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (excerpt, "caption");
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  SportelloMeeting *meeting = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  GtkWidget *excerpt = gtk_widget_get_next_sibling (details);
  g_autofree char *date = sportello_format_date_long (sportello_meeting_get (meeting, SPORTELLO_MEETING_STARTS_AT));
  g_autofree char *text = sportello_meeting_dup_excerpt (meeting, 140);
  g_autofree char *line = NULL;
  g_autofree char *a11y = NULL;

  /* Translators: date and kind of a meeting, as in “25 novembre 2026 · Videochiamata” */
  line = g_strdup_printf (_("%s · %s"), date ? date : "",
                          sportello_vocabulary_label (SPORTELLO_VOCABULARY_MEETING_KIND,
                                                      sportello_meeting_get (meeting, SPORTELLO_MEETING_KIND)));
  gtk_label_set_label (GTK_LABEL (title), sportello_meeting_get (meeting, SPORTELLO_MEETING_CLIENT_NAME));
  gtk_label_set_label (GTK_LABEL (details), line);
  gtk_label_set_label (GTK_LABEL (excerpt), text[0] ? text : _("No notes yet"));

  a11y = g_strdup_printf ("%s, %s", sportello_meeting_get (meeting, SPORTELLO_MEETING_CLIENT_NAME), line);
  gtk_list_item_set_accessible_label (item, a11y);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header)
{
  SportelloMeeting *meeting = gtk_list_header_get_item (header);

  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)),
                       sportello_period_label (sportello_meeting_get_period (meeting)));
}

static void
sportello_meetings_section_dispose (GObject *object)
{
  SportelloMeetingsSection *self = (SportelloMeetingsSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_MEETINGS_SECTION);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  g_clear_object (&self->sections);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sportello_meetings_section_parent_class)->dispose (object);
}

static void
sportello_meetings_section_class_init (SportelloMeetingsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_meetings_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-meetings-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingsSection, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingsSection, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingsSection, list_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloMeetingsSection, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sportello_meetings_section_init (SportelloMeetingsSection *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  GtkSorter *section_sorter;
  const SportelloTerm *terms;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All kinds"));
  terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_MEETING_KIND, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, sportello_vocabulary_label (SPORTELLO_VOCABULARY_MEETING_KIND, terms[i].id));
  g_signal_handlers_block_by_func (self->kind_dropdown, kind_changed_cb, self);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  g_signal_handlers_unblock_by_func (self->kind_dropdown, kind_changed_cb, self);

  self->store = g_list_store_new (SPORTELLO_TYPE_MEETING);
  /* the store is newest first already; the sort only groups, and it is stable */
  section_sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (SPORTELLO_TYPE_MEETING, NULL, "period")));
  self->sections = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), NULL);
  gtk_sort_list_model_set_section_sorter (self->sections, section_sorter);
  g_object_unref (section_sorter);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), NULL);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_header_factory (self->list_view, header_factory);

  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sections)))));
}

static void
reload (SportelloSection *section)
{
  SportelloMeetingsSection *self = SPORTELLO_MEETINGS_SECTION (section);
  SportelloDatabase *db = sportello_section_get_database (section);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  const SportelloTerm *terms;
  guint n;

  terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_MEETING_KIND, &n);
  meetings = sportello_meeting_list (db, NULL, selected > 0 && selected <= n ? terms[selected - 1].id : NULL, &error);
  if (meetings == NULL)
    {
      g_warning ("Cannot list the meetings: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    g_ptr_array_add (items, g_list_model_get_item (meetings, i));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata, items->len);

  adw_status_page_set_title (self->empty_page, selected > 0 ? _("No Results") : _("No Meetings"));
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  /* the meetings, with their clients' names */
  static const char * const follows[] = { SPORTELLO_CHANGE_MEETING, SPORTELLO_CHANGE_CLIENT, NULL };

  iface->follows = follows;
  iface->reload = reload;
}

GListModel *
sportello_meetings_section_get_model (SportelloMeetingsSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_MEETINGS_SECTION (self), NULL);

  return G_LIST_MODEL (self->sections);
}

void
sportello_meetings_section_open (SportelloMeetingsSection *self,
                              const char            *uuid)
{
  g_autoptr(GError) error = NULL;
  SportelloMeetingPage *page;

  g_return_if_fail (SPORTELLO_IS_MEETINGS_SECTION (self));

  page = sportello_meeting_page_new (sportello_section_get_context (SPORTELLO_SECTION (self)), uuid, &error);
  if (page == NULL)
    {
      sportello_context_toast_error (sportello_section_get_context (SPORTELLO_SECTION (self)), error);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}
