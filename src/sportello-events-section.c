/* sportello-events-section.c: the Events section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Webinars and training sessions: upcoming ones first, soonest first,
 * then past ones, most recent first (sportello_event_list). Each row says
 * the kind, the day and time, and how many places are taken.
 *
 * The section preloads (SportelloSectionInterface.preload): its rows are
 * built after the window's first frame, and after a change while it is
 * hidden, so showing it does not wait for them. Hidden, it builds them
 * LOAD_STEP at a time, one step an idle, so a hub with years of events
 * never holds the main loop for long; shown before the steps are done,
 * it builds the rest at once.
 */

#define G_LOG_DOMAIN "sportello-events-section"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-event.h"
#include "sportello-event-page.h"
#include "sportello-events-section.h"
#include "sportello-format.h"
#include "sportello-section.h"
#include "sportello-vocabulary.h"

#define LOAD_STEP 20   /* rows built in one step while hidden */

struct _SportelloEventsSection
{
  GtkWidget          parent_instance;

  guint              n_events;
  GPtrArray         *loading;     /* the events listed, while their rows are built */
  guint              loaded;      /* how many of them have their row */
  guint              n_upcoming;  /* of those, how many are to come */
  guint              load_idle;

  AdwNavigationView *navigation_view;
  GtkStack          *stack;
  AdwPreferencesGroup *upcoming_group;
  AdwPreferencesGroup *past_group;
  GtkListBox        *upcoming_list;
  GtkListBox        *past_list;
};

static void section_iface_init (SportelloSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloEventsSection, sportello_events_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SPORTELLO_TYPE_SECTION, section_iface_init))

/* “Webinar · il 25 novembre 2026 alle 10:00 · 3 posti su 20” */
static char *
event_summary (SportelloEvent *event)
{
  const char *starts_at = sportello_event_get (event, SPORTELLO_EVENT_STARTS_AT);
  g_autoptr(GDateTime) dt = sportello_parse_timestamp (starts_at);
  g_autoptr(GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;
  g_autofree char *date = sportello_format_date_on (starts_at, SPORTELLO_DATE_LONG);
  g_autofree char *time = local ? g_date_time_format (local, "%H:%M") : NULL;
  g_autofree char *when = NULL;
  g_autofree char *places = NULL;
  const char *kind = sportello_vocabulary_label (SPORTELLO_VOCABULARY_EVENT_KIND,
                                                 sportello_event_get (event, SPORTELLO_EVENT_KIND));
  guint taken = sportello_event_get_n_taken (event);
  int capacity = sportello_event_get_capacity (event);

  /* Translators: when an event starts, as in “il 25 novembre 2026 alle 10:00” */
  when = date ? g_strdup_printf (_("%s at %s"), date, time) : g_strdup ("");
  if (capacity > 0)
    /* Translators: places taken at an event with a limit, as in “Posti occupati: 3 su 20” */
    places = g_strdup_printf (_("Places taken: %u of %d"), taken, capacity);
  else
    /* Translators: people registered for an event with no limit, as in “Iscritti: 3” */
    places = g_strdup_printf (_("Registered: %u"), taken);

  /* Translators: kind, date and places of an event, as in “Webinar · il 25 novembre 2026 alle 10:00 · 3 posti su 20” */
  return g_strdup_printf (_("%s · %s · %s"), kind, when, places);
}

static void
row_activated_cb (SportelloEventsSection *self,
                  GtkListBoxRow       *row)
{
  sportello_events_section_open (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static GtkWidget *
event_row_new (SportelloEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *summary = event_summary (event);
  const char *title = sportello_event_get (event, SPORTELLO_EVENT_TITLE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title[0] ? title : _("Untitled Event"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, sportello_event_get (event, SPORTELLO_EVENT_UUID));

  return row;
}

/* Builds the rows of the next @n events listed */
static void
add_rows (SportelloEventsSection *self,
          guint                   n)
{
  for (; n > 0 && self->loaded < self->loading->len; n--, self->loaded++)
    {
      SportelloEvent *event = g_ptr_array_index (self->loading, self->loaded);
      gboolean upcoming = sportello_event_get_upcoming (event);

      self->n_upcoming += upcoming;
      gtk_list_box_append (upcoming ? self->upcoming_list : self->past_list, event_row_new (event));
    }
}

/* The rest of the rows at once, then the groups and the count */
static void
load_finish (SportelloEventsSection *self)
{
  if (self->loading == NULL)
    return;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  add_rows (self, G_MAXUINT);
  self->n_events = self->loading->len;
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_group), self->n_upcoming > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->past_group), self->n_events > self->n_upcoming);
  gtk_stack_set_visible_child_name (self->stack, self->n_events > 0 ? "list" : "empty");
  g_clear_pointer (&self->loading, g_ptr_array_unref);
}

static gboolean
load_idle_cb (gpointer data)
{
  SportelloEventsSection *self = data;

  add_rows (self, LOAD_STEP);
  if (self->loaded < self->loading->len)
    return G_SOURCE_CONTINUE;

  self->load_idle = 0;
  load_finish (self);
  return G_SOURCE_REMOVE;
}

static void
reload (SportelloSection *section)
{
  SportelloEventsSection *self = SPORTELLO_EVENTS_SECTION (section);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  events = sportello_event_list (sportello_section_get_database (section), &error);
  if (events == NULL)
    {
      g_warning ("Cannot list the events: %s", error->message);
      return;
    }

  /* a newer list takes the place of one still being built */
  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_pointer (&self->loading, g_ptr_array_unref);
  gtk_list_box_remove_all (self->upcoming_list);
  gtk_list_box_remove_all (self->past_list);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    g_ptr_array_add (items, g_list_model_get_item (events, i));
  self->loading = items;
  self->loaded = 0;
  self->n_upcoming = 0;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_finish (self);
  else
    self->load_idle = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

static void
section_iface_init (SportelloSectionInterface *iface)
{
  /* the events, with their places taken */
  static const char * const follows[] = { SPORTELLO_CHANGE_EVENT, SPORTELLO_CHANGE_REGISTRATION, NULL };

  iface->follows = follows;
  iface->preload = TRUE;
  iface->reload = reload;
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SportelloEventsSection *self = SPORTELLO_EVENTS_SECTION (widget);
  SportelloContext *context = sportello_section_get_context (SPORTELLO_SECTION (self));
  g_autoptr(SportelloEvent) event = sportello_event_new ();
  g_autoptr(GError) error = NULL;

  if (context == NULL)
    return;

  sportello_event_set (event, SPORTELLO_EVENT_TITLE, _("New Event"));
  if (!sportello_event_save (event, sportello_context_get_database (context), &error))
    {
      sportello_context_toast_error (context, error);
      return;
    }

  /* gone again if the page closes with nothing written */
  sportello_context_mark_made (context, sportello_event_get (event, SPORTELLO_EVENT_UUID));
  sportello_events_section_open (self, sportello_event_get (event, SPORTELLO_EVENT_UUID));
}

static void
sportello_events_section_dispose (GObject *object)
{
  SportelloEventsSection *self = (SportelloEventsSection *)object;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_pointer (&self->loading, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_EVENTS_SECTION);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sportello_events_section_parent_class)->dispose (object);
}

/* shown before its rows are all built: the rest at once */
static void
sportello_events_section_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sportello_events_section_parent_class)->map (widget);

  load_finish (SPORTELLO_EVENTS_SECTION (widget));
}

static void
sportello_events_section_class_init (SportelloEventsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_events_section_dispose;
  widget_class->map = sportello_events_section_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-events-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloEventsSection, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventsSection, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventsSection, past_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventsSection, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventsSection, past_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "events.new", NULL, new_event_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sportello_events_section_init (SportelloEventsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
sportello_events_section_get_n_events (SportelloEventsSection *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENTS_SECTION (self), 0);

  return self->n_events;
}

void
sportello_events_section_open (SportelloEventsSection *self,
                            const char          *uuid)
{
  SportelloContext *context;
  g_autoptr(GError) error = NULL;
  SportelloEventPage *page;

  g_return_if_fail (SPORTELLO_IS_EVENTS_SECTION (self));

  context = sportello_section_get_context (SPORTELLO_SECTION (self));
  page = sportello_event_page_new (context, uuid, &error);
  if (page == NULL)
    {
      sportello_context_toast_error (context, error);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation_view, "list");
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}
