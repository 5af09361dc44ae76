/* sportello-checklist-page.c: one checklist, to read or to edit
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in checklist is read-only: duplicate it to make your own.
 * An own checklist is edited in place (areas, weights, items, blockers)
 * and saved as a new version, so the assessments made with the earlier
 * ones keep theirs. Weights must add up to 100 before saving.
 */

#define G_LOG_DOMAIN "sportello-checklist-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-agenda.h"
#include "sportello-checklist-area-object.h"
#include "sportello-checklist-item-row.h"
#include "sportello-checklist-page.h"
#include "sportello-format.h"

#define BUILTIN_ID SPORTELLO_CHECKLIST_BUILTIN_ID

struct _SportelloChecklistPage
{
  AdwNavigationPage   parent_instance;

  SportelloContext   *context;
  SportelloChecklist *checklist;   /* the copy shown and edited */
  gboolean            editable;
  gboolean            dirty;
  GListStore         *items;       /* SportelloChecklistItemObject, in the checklist's order */
  GListStore         *areas;       /* SportelloChecklistAreaObject */
  GtkWidget          *problems_label;

  AdwWindowTitle     *window_title;
  GtkBox             *box;
  GtkButton          *save_button;
};

G_DEFINE_FINAL_TYPE (SportelloChecklistPage, sportello_checklist_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (SportelloChecklistPage *self);

static void
toast (SportelloChecklistPage *self,
       const char             *message)
{
  sportello_context_toast (self->context, adw_toast_new (message));
}

/* Re-checks after an edit: the problems are listed, Save waits for none */
void
sportello_checklist_page_changed (SportelloChecklistPage *self)
{
  g_autoptr(GPtrArray) problems = sportello_checklist_check (self->checklist);
  g_autoptr(GString) text = g_string_new (NULL);

  self->dirty = TRUE;
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (problems, i));
  gtk_label_set_label (GTK_LABEL (self->problems_label), text->str);
  gtk_widget_set_visible (self->problems_label, problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.save", self->editable && problems->len == 0);
}

gboolean
sportello_checklist_page_can_save (SportelloChecklistPage *self)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)) && gtk_widget_get_visible (GTK_WIDGET (self->save_button));
}

/* --------------------------------------------------- editing rows ---- */

static void
part_changed_cb (GObject                *part,
                 GParamSpec             *pspec,
                 SportelloChecklistPage *self)
{
  sportello_checklist_page_changed (self);
}

/* the objects that show the checklist by place: made again when the
 * places move, the old ones reading as empty */
static void
detach_store (SportelloChecklistPage *self,
              GListStore             *store)
{
  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(SportelloChecklistPartObject) part = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_signal_handlers_disconnect_by_data (part, self);
      sportello_checklist_part_object_detach (part);
    }
}

static void
detach_parts (SportelloChecklistPage *self)
{
  detach_store (self, self->items);
  detach_store (self, self->areas);
  if (self->items != NULL)
    g_list_store_remove_all (self->items);
  if (self->areas != NULL)
    g_list_store_remove_all (self->areas);
}

static GPtrArray *
new_parts (SportelloChecklistPage *self,
           GType                   type,
           guint                   n_parts)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_parts; i++)
    {
      SportelloChecklistPartObject *part = sportello_checklist_part_object_new (type, self->checklist, i);

      g_signal_connect (part, "notify", G_CALLBACK (part_changed_cb), self);
      g_ptr_array_add (parts, part);
    }
  return parts;
}

static void
make_parts (SportelloChecklistPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  detach_parts (self);
  items = new_parts (self, SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT, self->checklist->items->len);
  areas = new_parts (self, SPORTELLO_TYPE_CHECKLIST_AREA_OBJECT, self->checklist->areas->len);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  g_list_store_splice (self->areas, 0, 0, areas->pdata, areas->len);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SportelloChecklistPage *self = SPORTELLO_CHECKLIST_PAGE (widget);

  sportello_checklist_remove_item (self->checklist, g_variant_get_uint32 (param));
  rebuild (self);
  sportello_checklist_page_changed (self);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SportelloChecklistPage *self = SPORTELLO_CHECKLIST_PAGE (widget);

  sportello_checklist_add_item (self->checklist, g_variant_get_uint32 (param));
  rebuild (self);
  sportello_checklist_page_changed (self);
}

static void
rebuild (SportelloChecklistPage *self)
{
  make_parts (self);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->box)));)
    gtk_box_remove (self->box, child);

  self->problems_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problems_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problems_label), 0);
  gtk_widget_add_css_class (self->problems_label, "error");
  gtk_widget_set_visible (self->problems_label, FALSE);
  gtk_box_append (self->box, self->problems_label);

  if (!self->editable)
    {
      GtkWidget *banner = gtk_label_new (_("The built-in checklist is kept as published. Duplicate it to make a version of your own."));

      gtk_label_set_wrap (GTK_LABEL (banner), TRUE);
      gtk_label_set_xalign (GTK_LABEL (banner), 0);
      gtk_widget_add_css_class (banner, "dim-label");
      gtk_box_append (self->box, banner);
    }

  for (guint a = 0; a < self->checklist->areas->len; a++)
    {
      SportelloChecklistArea *area = &g_array_index (self->checklist->areas, SportelloChecklistArea, a);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *weight = g_strdup_printf (_("Weight %u of 100"), area->weight);

      adw_preferences_group_set_title (group, area->title);
      adw_preferences_group_set_description (group, weight);

      if (self->editable)
        {
          g_autoptr(SportelloChecklistAreaObject) part = g_list_model_get_item (G_LIST_MODEL (self->areas), a);
          GtkWidget *title_row = adw_entry_row_new ();
          GtkWidget *weight_row = adw_spin_row_new_with_range (0, 100, 1);
          GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Area name"));
          g_object_bind_property (part, "title", title_row, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
          adw_preferences_group_add (group, title_row);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weight_row), _("Weight"));
          g_object_bind_property (part, "weight", weight_row, "value", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
          adw_preferences_group_add (group, weight_row);

          gtk_widget_set_tooltip_text (add, _("Add Item"));
          gtk_widget_add_css_class (add, "flat");
          gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "checklist.add-item");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "u", a);
          adw_preferences_group_set_header_suffix (group, add);
        }

      for (guint i = 0; i < area->n_items; i++)
        {
          g_autoptr(SportelloChecklistItemObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), area->first_item + i);

          adw_preferences_group_add (group, sportello_checklist_item_row_new (item, self->editable));
        }
      gtk_box_append (self->box, GTK_WIDGET (group));
    }
}

/* --------------------------------------------------------- actions ---- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SportelloChecklistPage *self = SPORTELLO_CHECKLIST_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *message = NULL;

  if (!(uuid = sportello_checklist_save_version (sportello_context_get_database (self->context), self->checklist, &error)))
    {
      toast (self, error->message);
      return;
    }

  self->dirty = FALSE;
  /* Translators: %s is a version number */
  message = g_strdup_printf (_("Saved as version %s"), self->checklist->version);
  toast (self, message);
  adw_window_title_set_subtitle (self->window_title, message);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SportelloChecklistPage *self = SPORTELLO_CHECKLIST_PAGE (widget);
  g_autoptr(SportelloChecklist) copy = sportello_checklist_duplicate (self->checklist);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (!(uuid = sportello_checklist_save_version (sportello_context_get_database (self->context), copy, &error)))
    {
      toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[OPEN], 0, uuid);
}

static void
use_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SportelloChecklistPage *self = SPORTELLO_CHECKLIST_PAGE (widget);

  /* the Checklists section follows the setting */
  g_settings_set_string (sportello_context_get_settings (self->context), "assessment-checklist", self->checklist->id);
  toast (self, _("New assessments will use this checklist"));
}

static void
sportello_checklist_page_dispose (GObject *object)
{
  SportelloChecklistPage *self = (SportelloChecklistPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CHECKLIST_PAGE);
  detach_parts (self);
  g_clear_object (&self->items);
  g_clear_object (&self->areas);
  g_clear_pointer (&self->checklist, sportello_checklist_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sportello_checklist_page_parent_class)->dispose (object);
}

static void
sportello_checklist_page_class_init (SportelloChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_checklist_page_dispose;

  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistPage, box);
  gtk_widget_class_bind_template_child (widget_class, SportelloChecklistPage, save_button);

  gtk_widget_class_install_action (widget_class, "checklist.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "checklist.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "checklist.use", NULL, use_action);
  gtk_widget_class_install_action (widget_class, "checklist.add-item", "u", add_item_action);
  gtk_widget_class_install_action (widget_class, "checklist.remove-item", "u", remove_item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "checklist.save", NULL);
}

static void
sportello_checklist_page_init (SportelloChecklistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (SPORTELLO_TYPE_CHECKLIST_ITEM_OBJECT);
  self->areas = g_list_store_new (SPORTELLO_TYPE_CHECKLIST_AREA_OBJECT);
}

SportelloChecklistPage *
sportello_checklist_page_new (SportelloContext  *context,
                              const char        *uuid,
                              GError           **error)
{
  g_autoptr(SportelloChecklist) checklist = sportello_checklist_load_version (sportello_context_get_database (context), uuid, error);
  SportelloChecklistPage *self;
  g_autofree char *subtitle = NULL;

  if (checklist == NULL)
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_CHECKLIST_PAGE, NULL);
  self->context = g_object_ref (context);
  self->checklist = g_steal_pointer (&checklist);
  self->editable = !g_str_equal (self->checklist->id, BUILTIN_ID);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), sportello_checklist_display_title (self->checklist->id, self->checklist->title));
  adw_window_title_set_title (self->window_title, sportello_checklist_display_title (self->checklist->id, self->checklist->title));
  /* Translators: %s is a version, as in “Version 2026.11” */
  subtitle = g_strdup_printf (_("Version %s"), self->checklist->version);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.save", FALSE);

  rebuild (self);

  return self;
}

SportelloChecklist *
sportello_checklist_page_get_checklist (SportelloChecklistPage *self)
{
  return self->checklist;
}

gboolean
sportello_checklist_page_get_editable (SportelloChecklistPage *self)
{
  return self->editable;
}

/**
 * sportello_checklist_page_get_items:
 *
 * Returns: (transfer none): the items, #SportelloChecklistItemObject, in
 *   the checklist's order
 */
GListModel *
sportello_checklist_page_get_items (SportelloChecklistPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CHECKLIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}
