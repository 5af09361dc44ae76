/* sportello-assessment-item-row.c: a checklist item to answer in an assessment
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row shows its SportelloAssessmentAnswer through bindings: the texts
 * one way, the answer (the drop-down) and the note both ways, so a choice
 * made here reaches the assessment and an answer given elsewhere shows
 * here. A note missing for “not applicable” is marked as an error.
 */

#define G_LOG_DOMAIN "sportello-assessment-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-assessment-item-row.h"
#include "sportello-format.h"
#include "sportello-item-text.h"

struct _SportelloAssessmentItemRow
{
  AdwExpanderRow             parent_instance;

  SportelloAssessmentAnswer *item;
  GBinding                  *answer_binding;
  GBinding                  *note_binding;

  GtkDropDown               *dropdown;
  GtkStringList             *choices;
  AdwActionRow              *legal_row;
  AdwEntryRow               *note_row;
};

G_DEFINE_FINAL_TYPE (SportelloAssessmentItemRow, sportello_assessment_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------- closures ---- */

static char *
capitalized (SportelloAssessmentItemRow *self,
             const char                 *text)
{
  return sportello_capitalize (text ? text : "");
}

static gboolean
has_text (SportelloAssessmentItemRow *self,
          const char                 *text)
{
  return text != NULL && text[0] != '\0';
}

static char *
legal_text (SportelloAssessmentItemRow *self,
            const char                 *legal_basis,
            const char                 *verified_on)
{
  return sportello_item_text_legal_basis (legal_basis, verified_on);
}

static char *
note_title (SportelloAssessmentItemRow *self,
            gboolean                    na_allowed)
{
  return g_strdup (na_allowed ? _("Note (the reason, when not applicable)") : _("Note"));
}

/* ----------------------------------------------------- the answer ---- */

/* A drop-down takes the focus on the toggle button inside it, so that is
 * what a screen reader reads: named by its own text, every one of them said
 * “No answer”. The button is named after the question and described by the
 * answer chosen; the drop-down itself keeps the question as its label. */
static GtkWidget *
answer_button (GtkWidget *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

static void
describe_answer (SportelloAssessmentItemRow *self)
{
  GtkWidget *button = answer_button (GTK_WIDGET (self->dropdown));
  GtkStringObject *answer = gtk_drop_down_get_selected_item (self->dropdown);

  if (button != NULL && answer != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    gtk_string_object_get_string (answer), -1);
}

/* the drop-down's first choice is “No answer” */
static gboolean
answer_to_selected (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  g_value_set_uint (to, (guint) (g_value_get_int (from) + 1));
  return TRUE;
}

static gboolean
selected_to_answer (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION || selected > SPORTELLO_ANSWER_NA + 1)
    return FALSE;
  g_value_set_int (to, (int) selected - 1);
  return TRUE;
}

static void
mark_reason (SportelloAssessmentItemRow *self)
{
  if (self->item != NULL && sportello_assessment_answer_get_reason_missing (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self->note_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
}

static void
set_item (SportelloAssessmentItemRow *self,
          SportelloAssessmentAnswer  *item)
{
  const char *title;
  GtkWidget *button;

  g_return_if_fail (self->item == NULL);

  if (item == NULL)
    return;

  self->item = g_object_ref (item);
  title = sportello_assessment_answer_get_title (item);

  if (sportello_assessment_answer_get_checklist_item (item)->blocker)
    adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), sportello_item_text_blocking_badge ());
  if (sportello_item_text_needs_review (sportello_assessment_answer_get_checklist_item (item)->verified_on))
    adw_action_row_add_suffix (self->legal_row, sportello_item_text_review_warning (TRUE));
  if (sportello_assessment_answer_get_na_allowed (item))
    gtk_string_list_append (self->choices, C_("assessment answer", "Not applicable"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if ((button = answer_button (GTK_WIDGET (self->dropdown))) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  self->answer_binding = g_object_bind_property_full (item, "answer", self->dropdown, "selected",
                                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                      answer_to_selected, selected_to_answer, NULL, NULL);
  self->note_binding = g_object_bind_property (item, "note", self->note_row, "text",
                                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (item, "notify::reason-missing", G_CALLBACK (mark_reason), self, G_CONNECT_SWAPPED);
  describe_answer (self);
  mark_reason (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* -------------------------------------------------------- GObject ---- */

static void
sportello_assessment_item_row_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  SportelloAssessmentItemRow *self = SPORTELLO_ASSESSMENT_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_assessment_item_row_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  SportelloAssessmentItemRow *self = SPORTELLO_ASSESSMENT_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_assessment_item_row_dispose (GObject *object)
{
  SportelloAssessmentItemRow *self = SPORTELLO_ASSESSMENT_ITEM_ROW (object);

  g_clear_pointer (&self->answer_binding, g_binding_unbind);
  g_clear_pointer (&self->note_binding, g_binding_unbind);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_ASSESSMENT_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (sportello_assessment_item_row_parent_class)->dispose (object);
}

static void
sportello_assessment_item_row_class_init (SportelloAssessmentItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_assessment_item_row_dispose;
  object_class->get_property = sportello_assessment_item_row_get_property;
  object_class->set_property = sportello_assessment_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SPORTELLO_TYPE_ASSESSMENT_ANSWER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SPORTELLO_TYPE_ASSESSMENT_ANSWER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-assessment-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentItemRow, dropdown);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentItemRow, choices);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentItemRow, legal_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloAssessmentItemRow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, capitalized);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, legal_text);
  gtk_widget_class_bind_template_callback (widget_class, note_title);
  gtk_widget_class_bind_template_callback (widget_class, describe_answer);
}

static void
sportello_assessment_item_row_init (SportelloAssessmentItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sportello_assessment_item_row_new (SportelloAssessmentAnswer *item)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (item), NULL);

  return g_object_new (SPORTELLO_TYPE_ASSESSMENT_ITEM_ROW, "item", item, NULL);
}

/**
 * sportello_assessment_item_row_get_item:
 *
 * Returns: (transfer none): the item the row shows
 */
SportelloAssessmentAnswer *
sportello_assessment_item_row_get_item (SportelloAssessmentItemRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ITEM_ROW (self), NULL);

  return self->item;
}

/**
 * sportello_assessment_item_row_get_dropdown:
 *
 * Returns: (transfer none): the drop-down with the answer
 */
GtkDropDown *
sportello_assessment_item_row_get_dropdown (SportelloAssessmentItemRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ITEM_ROW (self), NULL);

  return self->dropdown;
}

/**
 * sportello_assessment_item_row_get_note_row:
 *
 * Returns: (transfer none): the row with the note
 */
AdwEntryRow *
sportello_assessment_item_row_get_note_row (SportelloAssessmentItemRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ITEM_ROW (self), NULL);

  return self->note_row;
}
