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

typedef enum { EDIT_TITLE, EDIT_WHY, EDIT_HOW, EDIT_AREA_TITLE } EditField;

static void
text_changed_cb (GtkEditable            *editable,
                 SportelloChecklistPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "index"));
  EditField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "field"));
  char **target;

  if (field == EDIT_AREA_TITLE)
    target = &g_array_index (self->checklist->areas, SportelloChecklistArea, index).title;
  else
    {
      SportelloChecklistItem *item = &g_array_index (self->checklist->items, SportelloChecklistItem, index);

      target = field == EDIT_TITLE ? &item->title : field == EDIT_WHY ? &item->why : &item->how;
    }

  g_set_str (target, gtk_editable_get_text (editable));
  sportello_checklist_page_changed (self);
}

static GtkWidget *
edit_row (SportelloChecklistPage *self,
          const char             *title,
          const char             *text,
          guint                   index,
          EditField               field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
  g_signal_connect (row, "changed", G_CALLBACK (text_changed_cb), self);
  return row;
}

static void
weight_changed_cb (AdwSpinRow             *row,
                   GParamSpec             *pspec,
                   SportelloChecklistPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  g_array_index (self->checklist->areas, SportelloChecklistArea, index).weight = (guint) adw_spin_row_get_value (row);
  sportello_checklist_page_changed (self);
}

static void
flag_changed_cb (AdwSwitchRow           *row,
                 GParamSpec             *pspec,
                 SportelloChecklistPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  SportelloChecklistItem *item = &g_array_index (self->checklist->items, SportelloChecklistItem, index);

  if (g_object_get_data (G_OBJECT (row), "blocker"))
    item->blocker = adw_switch_row_get_active (row);
  else
    item->na_allowed = adw_switch_row_get_active (row);
  sportello_checklist_page_changed (self);
}

static GtkWidget *
flag_row (SportelloChecklistPage *self,
          const char             *title,
          gboolean                active,
          guint                   index,
          gboolean                blocker)
{
  GtkWidget *row = adw_switch_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_switch_row_set_active (ADW_SWITCH_ROW (row), active);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "blocker", GUINT_TO_POINTER (blocker));
  g_signal_connect (row, "notify::active", G_CALLBACK (flag_changed_cb), self);
  return row;
}

static void
remove_item_cb (GtkButton              *button,
                SportelloChecklistPage *self)
{
  sportello_checklist_remove_item (self->checklist, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
  rebuild (self);
  sportello_checklist_page_changed (self);
}

static void
add_item_cb (GtkButton              *button,
             SportelloChecklistPage *self)
{
  sportello_checklist_add_item (self->checklist, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "area")));
  rebuild (self);
  sportello_checklist_page_changed (self);
}

static GtkWidget *
read_row (const char *title,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *capitalized = sportello_capitalize (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), capitalized);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
item_row (SportelloChecklistPage *self,
          guint                   index)
{
  SportelloChecklistItem *item = &g_array_index (self->checklist->items, SportelloChecklistItem, index);
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GDate) today = sportello_today ();
  g_autofree char *subtitle = NULL;

  subtitle = item->blocker ? g_strdup_printf ("%s · %s", item->id, _("Blocking")) : g_strdup (item->id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title[0] ? item->title : _("New item"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (self->editable)
    {
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Item"));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), edit_row (self, _("Title"), item->title, index, EDIT_TITLE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), edit_row (self, _("Why it matters"), item->why, index, EDIT_WHY));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), edit_row (self, _("How to check it"), item->how, index, EDIT_HOW));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), flag_row (self, _("Blocking: not ready to sell online without it"), item->blocker, index, TRUE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), flag_row (self, _("May be not applicable"), item->na_allowed, index, FALSE));

      gtk_widget_add_css_class (remove, "destructive-action");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (index));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_item_cb), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), item->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
      return row;
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), read_row (_("Why it matters"), item->why));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), read_row (_("How to check it"), item->how));
  if (item->na_allowed)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), read_row (_("When it does not apply"), item->na_hint));
  if (item->legal_basis[0] != '\0')
    {
      g_autofree char *month = sportello_format_month (item->verified_on);
      /* Translators: a legal reference and the month it was last checked, as in “… · checked in November 2026” */
      g_autofree char *text = g_strdup_printf (_("%s · checked in %s"), item->legal_basis, month ? month : item->verified_on);
      /* Translators: the laws a checklist item rests on (Italian: “Riferimento normativo”) */
      GtkWidget *norm = read_row (C_("checklist item", "Legal basis"), text);

      if (sportello_item_needs_review (item, today))
        {
          GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (warning, "warning");
          gtk_widget_set_tooltip_text (warning, _("Checked more than 12 months ago: check for changes in the law before relying on it"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (norm), warning);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), norm);
    }

  return row;
}

static void
rebuild (SportelloChecklistPage *self)
{
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
          GtkWidget *weight_row = adw_spin_row_new_with_range (0, 100, 1);
          GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

          adw_preferences_group_add (group, edit_row (self, _("Area name"), area->title, a, EDIT_AREA_TITLE));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weight_row), _("Weight"));
          adw_spin_row_set_value (ADW_SPIN_ROW (weight_row), area->weight);
          g_object_set_data (G_OBJECT (weight_row), "index", GUINT_TO_POINTER (a));
          g_signal_connect (weight_row, "notify::value", G_CALLBACK (weight_changed_cb), self);
          adw_preferences_group_add (group, weight_row);

          gtk_widget_set_tooltip_text (add, _("Add Item"));
          gtk_widget_add_css_class (add, "flat");
          gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (add), "area", GUINT_TO_POINTER (a));
          g_signal_connect (add, "clicked", G_CALLBACK (add_item_cb), self);
          adw_preferences_group_set_header_suffix (group, add);
        }

      for (guint i = 0; i < area->n_items; i++)
        adw_preferences_group_add (group, item_row (self, area->first_item + i));
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "checklist.save", NULL);
}

static void
sportello_checklist_page_init (SportelloChecklistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
