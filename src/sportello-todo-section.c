/* sportello-todo-section.c: the To Do section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open follow-ups of every client, grouped as overdue, today, this week,
 * later and without a date. Checking one marks it done, with Undo.
 */

#define G_LOG_DOMAIN "sportello-todo-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-agenda.h"
#include "sportello-follow-up.h"
#include "sportello-follow-up-row.h"
#include "sportello-section.h"
#include "sportello-todo-section.h"

struct _SportelloTodoSection
{
  GtkWidget          parent_instance;

  guint              n_open;

  GtkStack          *stack;
  GtkBox            *groups_box;
};

static void section_iface_init (SportelloSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloTodoSection, sportello_todo_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

static void
reload (SportelloSection *section)
{
  SportelloTodoSection *self = SPORTELLO_TODO_SECTION (section);
  SportelloContext *context = sportello_section_get_context (section);
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *groups[SPORTELLO_DUE_NO_DATE + 1] = { NULL, };

  open = sportello_follow_up_list_open (sportello_context_get_database (context), NULL, NULL, &error);
  if (open == NULL)
    {
      g_warning ("Cannot list the follow-ups: %s", error->message);
      return;
    }

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)));)
    gtk_box_remove (self->groups_box, child);

  for (guint i = 0; i <= SPORTELLO_DUE_NO_DATE; i++)
    {
      groups[i] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[i], sportello_due_group_label (i));
      gtk_widget_set_visible (GTK_WIDGET (groups[i]), FALSE);
      gtk_box_append (self->groups_box, GTK_WIDGET (groups[i]));
    }
  gtk_widget_add_css_class (GTK_WIDGET (groups[SPORTELLO_DUE_OVERDUE]), "overdue");

  self->n_open = g_list_model_get_n_items (open);
  for (guint i = 0; i < self->n_open; i++)
    {
      g_autoptr(SportelloFollowUp) f = g_list_model_get_item (open, i);
      int group = CLAMP (sportello_follow_up_get_group (f), 0, SPORTELLO_DUE_NO_DATE);

      adw_preferences_group_add (groups[group], sportello_follow_up_row_new (context, f, TRUE));
      gtk_widget_set_visible (GTK_WIDGET (groups[group]), TRUE);
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_open > 0 ? "list" : "empty");
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  /* the follow-ups, with their clients' names */
  static const char * const follows[] = {
    SPORTELLO_CHANGE_FOLLOW_UP, SPORTELLO_CHANGE_MEETING, SPORTELLO_CHANGE_CLIENT, NULL
  };

  iface->follows = follows;
  iface->reload = reload;
}

static void
sportello_todo_section_dispose (GObject *object)
{
  SportelloTodoSection *self = (SportelloTodoSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_TODO_SECTION);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sportello_todo_section_parent_class)->dispose (object);
}

static void
sportello_todo_section_class_init (SportelloTodoSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_todo_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-todo-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloTodoSection, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloTodoSection, groups_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sportello_todo_section_init (SportelloTodoSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
sportello_todo_section_get_n_open (SportelloTodoSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_TODO_SECTION (self), 0);

  return self->n_open;
}
