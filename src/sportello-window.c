/* sportello-window.c
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-application.h"
#include "sportello-backups.h"
#include "sportello-calendar-export.h"
#include "sportello-checklists-section.h"
#include "sportello-grants-section.h"
#include "sportello-clients-section.h"
#include "sportello-content-bin.h"
#include "sportello-context.h"
#include "sportello-database.h"
#include "sportello-handoff.h"
#include "sportello-events-section.h"
#include "sportello-report-section.h"
#include "sportello-meetings-section.h"
#include "sportello-section.h"
#include "sportello-templates-section.h"
#include "sportello-todo-section.h"
#include "sportello-window.h"
#include "sportello-window-private.h"

struct _SportelloWindow
{
  AdwApplicationWindow   parent_instance;

  char                  *section;
  SportelloContext      *context;   /* what the sections work with */
  gboolean               mapped_once;
  guint                  preload_idle;   /* makes the sections that preload */

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwBanner             *busy_banner;
  GCancellable          *busy_cancellable;
  GtkStack              *main_stack;
  AdwStatusPage         *error_page;
  AdwNavigationSplitView *split_view;
  GtkListBox            *sidebar_list;
  AdwNavigationPage     *content_page;
  GtkStack              *section_stack;   /* of SportelloSection, by name */
  GtkProgressBar          *busy_progress;

  GPtrArray             *undo_toasts;   /* shown or queued toasts with Undo, newest last */
};

G_DEFINE_FINAL_TYPE (SportelloWindow, sportello_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sections, as the sidebar lists them. Each is made the first time it
 * is needed: shown, or asked for by an action. A section that preloads
 * (SportelloSectionInterface.preload) is made after the window's first
 * frame, so that it is ready before it is first shown; the others cost
 * nothing until then. */
static const struct {
  const char *name;
  const char *title;             /* in the "section" context */
  GType     (*get_type) (void);
} sections[] = {
  { "clients", NC_("section", "Clients"), sportello_clients_section_get_type },
  { "meetings", NC_("section", "Meetings"), sportello_meetings_section_get_type },
  { "todo", NC_("section", "To Do"), sportello_todo_section_get_type },
  { "templates", NC_("section", "Templates"), sportello_templates_section_get_type },
  { "checklists", NC_("section", "Checklists"), sportello_checklists_section_get_type },
  { "grants", NC_("section", "Grant Calls"), sportello_grants_section_get_type },
  { "events", NC_("section", "Events"), sportello_events_section_get_type },
  { "report", NC_("section", "Report"), sportello_report_section_get_type },
};

static int
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return i;

  return -1;
}

/* The section named @name, made now if it was not yet; NULL for a name
 * that is no section */
static GtkWidget *
ensure_section (SportelloWindow *self,
                const char      *name)
{
  GtkWidget *section;
  int i;

  if (name == NULL)
    return NULL;
  if ((section = gtk_stack_get_child_by_name (self->section_stack, name)) != NULL)
    return section;
  if ((i = find_section (name)) < 0)
    return NULL;

  section = g_object_new (sections[i].get_type (), NULL);
  gtk_stack_add_titled (self->section_stack, section, name,
                        g_dpgettext2 (GETTEXT_PACKAGE, "section", sections[i].title));
  if (self->context != NULL)
    sportello_section_set_context (SPORTELLO_SECTION (section), self->context);

  return section;
}

/* One section that preloads a step, until all are made */
static gboolean
preload_idle_cb (gpointer data)
{
  SportelloWindow *self = SPORTELLO_WINDOW (data);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (gtk_stack_get_child_by_name (self->section_stack, sections[i].name) == NULL &&
        sportello_section_type_preloads (sections[i].get_type ()))
      {
        gint64 start = g_get_monotonic_time ();

        ensure_section (self, sections[i].name);
        g_debug ("The %s section made in %.1f ms", sections[i].name, (g_get_monotonic_time () - start) / 1000.0);
        return G_SOURCE_CONTINUE;
      }

  self->preload_idle = 0;
  return G_SOURCE_REMOVE;
}

/* The window's first frame is drawn: the sections that preload are made */
static void
first_frame_cb (GdkFrameClock   *clock,
                SportelloWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (self->preload_idle == 0)
    self->preload_idle = g_idle_add_full (G_PRIORITY_LOW, preload_idle_cb, self, NULL);
}

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (SportelloWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return sportello_application_get_settings (SPORTELLO_APPLICATION (app));
}

static void
sidebar_row_activated_cb (SportelloWindow *self,
                          GtkListBoxRow   *row,
                          GtkListBox      *list)
{
  sportello_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* Arrows and Tab select a row: the section shown follows at once, so the
 * highlight never drifts from what is on screen. */
static void
sidebar_row_selected_cb (SportelloWindow *self,
                         GtkListBoxRow   *row,
                         GtkListBox      *list)
{
  if (row != NULL)
    sportello_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Typing in the sidebar goes to the section shown: in Clients it starts
 * a search, as it does at start-up. */
static gboolean
sidebar_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        SportelloWindow       *self)
{
  GtkWidget *section = gtk_stack_get_visible_child (self->section_stack);

  if (section == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      gdk_keyval_to_unicode (keyval) == 0 || g_unichar_isspace (gdk_keyval_to_unicode (keyval)))
    return GDK_EVENT_PROPAGATE;

  /* collapsed, the section is not on screen: show it, or its search bar
   * (which only captures keys when mapped) would ignore the typing */
  if (adw_navigation_split_view_get_collapsed (self->split_view))
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  return gtk_event_controller_key_forward (controller, section);
}

/* Shows the section named @name and activates @action there */
static void
section_action (SportelloWindow *self,
                const char      *name,
                const char      *action)
{
  sportello_window_set_section (self, name);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  gtk_widget_activate_action (ensure_section (self, name), action, NULL);
}

static void
new_client_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  section_action (SPORTELLO_WINDOW (widget), "clients", "clients.new");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  section_action (SPORTELLO_WINDOW (widget), "clients", "clients.search");
}

static void
export_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sportello_handoff_choose_export (SPORTELLO_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* a call opened from elsewhere (a client's page) shows in its section */
static void
open_grant_call_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SportelloWindow *self = SPORTELLO_WINDOW (widget);

  g_object_set (self, "section", "grants", NULL);
  sportello_grants_section_open (_sportello_window_get_grants_section (self), g_variant_get_string (param, NULL));
}

/* a To Do row: its client, in Clients */
static void
open_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SportelloWindow *self = SPORTELLO_WINDOW (widget);

  sportello_window_set_section (self, "clients");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  sportello_clients_section_open_client (_sportello_window_get_clients_section (self), g_variant_get_string (param, NULL));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sportello_handoff_choose_import (SPORTELLO_WINDOW (widget));
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  sportello_handoff_choose_export (SPORTELLO_WINDOW (widget), NULL);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  sportello_calendar_export_choose (SPORTELLO_WINDOW (widget));
}

static void
export_templates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  sportello_handoff_choose_export_templates (SPORTELLO_WINDOW (widget));
}

/* a bundle dropped on the window is imported (after its preview) */
static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         SportelloWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self->split_view)))
    return FALSE;

  sportello_handoff_import (self, files->data);
  return TRUE;
}

static gboolean
sportello_window_close_request (GtkWindow *window)
{
  SportelloWindow *self = SPORTELLO_WINDOW (window);
  GSettings *settings = get_settings (self);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (settings);

  /* Deletes waiting for their Undo toast become final when the window closes. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->section_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SPORTELLO_IS_SECTION (child))
      sportello_section_finish (SPORTELLO_SECTION (child));

  return GTK_WINDOW_CLASS (sportello_window_parent_class)->close_request (window);
}

static void
undo_toast_dismissed_cb (SportelloWindow *self,
                         AdwToast        *toast)
{
  g_ptr_array_remove (self->undo_toasts, toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->undo_toasts->len > 0);
}

/* Every toast goes up here: those that offer Undo are remembered until
 * they go, for Ctrl+Z */
static void
show_toast (SportelloWindow *self,
            AdwToast        *toast)
{
  if (g_strcmp0 (adw_toast_get_button_label (toast), _("_Undo")) == 0)
    {
      /* repeated deletes share one toast, shown again */
      if (!g_ptr_array_remove (self->undo_toasts, toast))
        g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->undo_toasts, g_object_ref (toast));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast_cb (SportelloWindow *self,
          AdwToast        *toast)
{
  show_toast (self, g_object_ref (toast));
}

/* win.undo: the Undo of the last deletion whose toast is still up */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SportelloWindow *self = SPORTELLO_WINDOW (widget);
  g_autoptr(AdwToast) toast = NULL;

  if (self->undo_toasts->len == 0)
    return;

  toast = g_object_ref (g_ptr_array_index (self->undo_toasts, self->undo_toasts->len - 1));
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
}

/**
 * _sportello_window_undo_key:
 *
 * What Ctrl+Z does in the window: where the focus is in text, whose own
 * Ctrl+Z undoes typing, nothing; elsewhere the Undo of the last deletion
 * whose toast is shown.
 *
 * Returns: whether Ctrl+Z was used
 */
gboolean
_sportello_window_undo_key (SportelloWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  if (self->undo_toasts->len == 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
  return TRUE;
}

static gboolean
undo_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return _sportello_window_undo_key (SPORTELLO_WINDOW (widget));
}

/* The application is set after construction, so what needs it happens here. */
static void
sportello_window_setup (SportelloWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = get_settings (self);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  SportelloDatabase *db;

  if ((db = sportello_application_get_database (SPORTELLO_APPLICATION (app), &error)) != NULL)
    {
      self->context = sportello_context_new (db, settings);
      g_signal_connect_object (self->context, "toast", G_CALLBACK (toast_cb), self, G_CONNECT_SWAPPED);

      /* the sections get it as they are made (ensure_section) */
      sportello_backups_start_daily (self);
    }
  else
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.section", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-client", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-all", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-templates", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-client", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-client", FALSE);
    }

  sportello_window_set_section (self, "clients");
}

/* At start-up the focus is in Clients, not in the header or the sidebar:
 * typing starts a search there, and Tab does not walk the sections first.
 * GtkWindow picks its first focus after mapping, hence the idle. */
static gboolean
initial_focus_cb (gpointer data)
{
  SportelloWindow *self = SPORTELLO_WINDOW (data);
  GtkWidget *section = gtk_stack_get_visible_child (self->section_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* a dialog shown at start-up (the first start's) keeps the focus */
  if (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self)) != NULL)
    return G_SOURCE_REMOVE;

  if (section != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, section)) &&
      !gtk_widget_child_focus (section, GTK_DIR_TAB_FORWARD))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

      /* the sidebar passes typing on to the section (sidebar_key_pressed_cb) */
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  return G_SOURCE_REMOVE;
}

static void
sportello_window_map (GtkWidget *widget)
{
  SportelloWindow *self = SPORTELLO_WINDOW (widget);

  GTK_WIDGET_CLASS (sportello_window_parent_class)->map (widget);

  if (!self->mapped_once && self->context != NULL)
    {
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, initial_focus_cb, g_object_ref (self), g_object_unref);
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_frame_cb), self, 0);
    }
  self->mapped_once = TRUE;
}

static void
sportello_window_finalize (GObject *object)
{
  SportelloWindow *self = (SportelloWindow *)object;

  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->undo_toasts, g_ptr_array_unref);

  G_OBJECT_CLASS (sportello_window_parent_class)->finalize (object);
}

static void
sportello_window_dispose (GObject *object)
{
  SportelloWindow *self = SPORTELLO_WINDOW (object);

  /* work still running stops with the window */
  if (self->busy_cancellable != NULL)
    g_cancellable_cancel (self->busy_cancellable);
  g_clear_object (&self->busy_cancellable);
  g_clear_handle_id (&self->preload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), SPORTELLO_TYPE_WINDOW);

  G_OBJECT_CLASS (sportello_window_parent_class)->dispose (object);
  g_clear_object (&self->context);
}

static void
sportello_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SportelloWindow *self = SPORTELLO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SportelloWindow *self = SPORTELLO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      sportello_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_window_class_init (SportelloWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sportello_window_dispose;
  object_class->finalize = sportello_window_finalize;
  object_class->get_property = sportello_window_get_property;
  object_class->set_property = sportello_window_set_property;

  window_class->close_request = sportello_window_close_request;
  widget_class->map = sportello_window_map;

  /**
   * SportelloWindow:section:
   *
   * The name of the section shown: clients, meetings, todo, templates or
   * checklists. Also the stateful action `win.section`.
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, busy_banner);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SportelloWindow, busy_progress);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "cancel_busy_cb", G_CALLBACK (_sportello_window_cancel_busy));

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_all_action);
  gtk_widget_class_install_action (widget_class, "win.export-templates", NULL, export_templates_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  /* a client page's client.export */
  gtk_widget_class_install_action (widget_class, "win.export-client", "s", export_client_action);
  gtk_widget_class_install_action (widget_class, "win.open-grant-call", "s", open_grant_call_action);
  gtk_widget_class_install_action (widget_class, "win.open-client", "s", open_client_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  /* in the bubble phase, after entries and text views had their own Ctrl+Z */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_key_cb, NULL);

  g_type_ensure (SPORTELLO_TYPE_CONTENT_BIN);
}

static void
sportello_window_init (SportelloWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* a screen reader says each section's name */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      int i = find_section (gtk_widget_get_name (row));

      if (i >= 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        g_dpgettext2 (GETTEXT_PACKAGE, "section", sections[i].title),
                                        -1);
    }

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), keys);
  }

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
}

SportelloClientsSection *
_sportello_window_get_clients_section (SportelloWindow *self)
{
  return SPORTELLO_CLIENTS_SECTION (ensure_section (self, "clients"));
}

SportelloMeetingsSection *
_sportello_window_get_meetings_section (SportelloWindow *self)
{
  return SPORTELLO_MEETINGS_SECTION (ensure_section (self, "meetings"));
}

SportelloTodoSection *
_sportello_window_get_todo_section (SportelloWindow *self)
{
  return SPORTELLO_TODO_SECTION (ensure_section (self, "todo"));
}

SportelloChecklistsSection *
_sportello_window_get_checklists_section (SportelloWindow *self)
{
  return SPORTELLO_CHECKLISTS_SECTION (ensure_section (self, "checklists"));
}

SportelloGrantsSection *
_sportello_window_get_grants_section (SportelloWindow *self)
{
  return SPORTELLO_GRANTS_SECTION (ensure_section (self, "grants"));
}

SportelloWindow *
sportello_window_new (SportelloApplication *application)
{
  SportelloWindow *self;

  self = g_object_new (SPORTELLO_TYPE_WINDOW,
                       "application", application,
                       NULL);
  sportello_window_setup (self);

  return self;
}

const char *
sportello_window_get_section (SportelloWindow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_WINDOW (self), NULL);

  return self->section;
}

void
sportello_window_set_section (SportelloWindow *self,
                              const char      *section)
{
  GtkWidget *child;
  GtkStackPage *page;

  g_return_if_fail (SPORTELLO_IS_WINDOW (self));

  if (!(child = ensure_section (self, section)))
    return;

  if (!g_set_str (&self->section, section))
    return;

  /* a section that missed changes while hidden reloads as it is shown */
  gtk_stack_set_visible_child (self->section_stack, child);
  page = gtk_stack_get_page (self->section_stack, child);
  adw_navigation_page_set_title (self->content_page, gtk_stack_page_get_title (page));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), section) == 0)
        {
          GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          /* Ctrl+1…n: a focus ring in the sidebar moves with the highlight */
          if (focus != NULL && focus != row &&
              gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_list)))
            gtk_widget_grab_focus (row);
          break;
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

void
sportello_window_add_toast (SportelloWindow *self,
                            AdwToast        *toast)
{
  g_return_if_fail (SPORTELLO_IS_WINDOW (self));

  show_toast (self, toast);
}

void
_sportello_window_cancel_busy (SportelloWindow *self)
{
  if (self->busy_cancellable != NULL)
    g_cancellable_cancel (self->busy_cancellable);
}

/**
 * sportello_window_set_busy:
 * @message: (nullable): what is going on, or %NULL when it is over
 * @cancellable: (nullable): cancelled by the banner's Cancel button
 *
 * Shows long work (import, export) in a banner, and keeps the window
 * from starting another meanwhile.
 */
void
sportello_window_set_busy (SportelloWindow *self,
                           const char      *message,
                           GCancellable    *cancellable)
{
  g_return_if_fail (SPORTELLO_IS_WINDOW (self));

  g_set_object (&self->busy_cancellable, cancellable);
  adw_banner_set_button_label (self->busy_banner, cancellable != NULL ? _("_Cancel") : NULL);
  if (message != NULL)
    adw_banner_set_title (self->busy_banner, message);
  adw_banner_set_revealed (self->busy_banner, message != NULL);
  if (message == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->busy_progress), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", message == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-all", message == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-templates", message == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-client", message == NULL);
}

/**
 * sportello_window_set_progress:
 * @fraction: how much of the long work is done, 0 to 1
 *
 * Shows a progress bar under the busy banner until the work is over.
 */
void
sportello_window_set_progress (SportelloWindow *self,
                               double           fraction)
{
  g_return_if_fail (SPORTELLO_IS_WINDOW (self));

  if (!adw_banner_get_revealed (self->busy_banner))
    return;
  gtk_progress_bar_set_fraction (self->busy_progress, CLAMP (fraction, 0, 1));
  gtk_widget_set_visible (GTK_WIDGET (self->busy_progress), TRUE);
}

GtkProgressBar *
_sportello_window_get_progress_bar (SportelloWindow *self)
{
  return self->busy_progress;
}

gboolean
sportello_window_is_busy (SportelloWindow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_WINDOW (self), FALSE);

  return adw_banner_get_revealed (self->busy_banner);
}
