/* sportello-assessment-answer.c: one checklist item of an assessment, with its answer
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an assessment item row shows and edits: the item's texts, read
 * from its checklist, and the answer and note, kept in the assessment.
 * Setting the answer or the note writes them into the assessment at
 * once and emits “changed”, once per edit, for the page to rescore and
 * save. A note typed before any answer is held here and goes in with
 * the answer, as the row shows it.
 */

#define G_LOG_DOMAIN "sportello-assessment-answer"

#include "config.h"

#include "sportello-assessment-answer.h"

struct _SportelloAssessmentAnswer
{
  GObject                 parent_instance;

  SportelloAssessment    *assessment;
  SportelloChecklistItem  item;    /* a copy: the strings are ours */
  int                     answer;  /* a SportelloAnswer, or -1 for none */
  char                   *note;
};

G_DEFINE_FINAL_TYPE (SportelloAssessmentAnswer, sportello_assessment_answer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_TITLE,
  PROP_WHY,
  PROP_HOW,
  PROP_BLOCKER,
  PROP_NA_ALLOWED,
  PROP_LEGAL_BASIS,
  PROP_VERIFIED_ON,
  PROP_ANSWER,
  PROP_NOTE,
  PROP_REASON_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
store (SportelloAssessmentAnswer *self)
{
  if (self->answer < 0)
    sportello_assessment_clear_answer (self->assessment, self->item.id);
  else
    sportello_assessment_set_answer (self->assessment, self->item.id, (SportelloAnswer) self->answer, self->note);
}

static gboolean
set_answer (SportelloAssessmentAnswer *self,
            int                        answer)
{
  gboolean missing = sportello_assessment_answer_get_reason_missing (self);

  if (self->answer == answer)
    return FALSE;

  self->answer = answer;
  store (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
  if (missing != sportello_assessment_answer_get_reason_missing (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON_MISSING]);
  return TRUE;
}

static gboolean
set_note (SportelloAssessmentAnswer *self,
          const char                *note)
{
  gboolean missing = sportello_assessment_answer_get_reason_missing (self);

  if (!g_set_str (&self->note, note ? note : ""))
    return FALSE;

  /* with no answer, the note waits for one */
  if (self->answer >= 0)
    store (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  if (missing != sportello_assessment_answer_get_reason_missing (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON_MISSING]);
  return self->answer >= 0;
}

static void
sportello_assessment_answer_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SportelloAssessmentAnswer *self = SPORTELLO_ASSESSMENT_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item.id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->item.title);
      break;
    case PROP_WHY:
      g_value_set_string (value, self->item.why);
      break;
    case PROP_HOW:
      g_value_set_string (value, self->item.how);
      break;
    case PROP_BLOCKER:
      g_value_set_boolean (value, self->item.blocker);
      break;
    case PROP_NA_ALLOWED:
      g_value_set_boolean (value, self->item.na_allowed);
      break;
    case PROP_LEGAL_BASIS:
      g_value_set_string (value, self->item.legal_basis);
      break;
    case PROP_VERIFIED_ON:
      g_value_set_string (value, self->item.verified_on);
      break;
    case PROP_ANSWER:
      g_value_set_int (value, self->answer);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_REASON_MISSING:
      g_value_set_boolean (value, sportello_assessment_answer_get_reason_missing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_assessment_answer_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  SportelloAssessmentAnswer *self = SPORTELLO_ASSESSMENT_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ANSWER:
      sportello_assessment_answer_set_answer (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      sportello_assessment_answer_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_assessment_answer_finalize (GObject *object)
{
  SportelloAssessmentAnswer *self = SPORTELLO_ASSESSMENT_ANSWER (object);

  g_clear_object (&self->assessment);
  g_free (self->item.id);
  g_free (self->item.title);
  g_free (self->item.why);
  g_free (self->item.how);
  g_free (self->item.na_hint);
  g_free (self->item.legal_basis);
  g_free (self->item.verified_on);
  g_free (self->note);

  G_OBJECT_CLASS (sportello_assessment_answer_parent_class)->finalize (object);
}

static void
sportello_assessment_answer_class_init (SportelloAssessmentAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sportello_assessment_answer_finalize;
  object_class->get_property = sportello_assessment_answer_get_property;
  object_class->set_property = sportello_assessment_answer_set_property;

  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_WHY] = g_param_spec_string ("why", NULL, NULL, NULL, ro);
  properties[PROP_HOW] = g_param_spec_string ("how", NULL, NULL, NULL, ro);
  properties[PROP_BLOCKER] = g_param_spec_boolean ("blocker", NULL, NULL, FALSE, ro);
  properties[PROP_NA_ALLOWED] = g_param_spec_boolean ("na-allowed", NULL, NULL, FALSE, ro);
  properties[PROP_LEGAL_BASIS] = g_param_spec_string ("legal-basis", NULL, NULL, NULL, ro);
  properties[PROP_VERIFIED_ON] = g_param_spec_string ("verified-on", NULL, NULL, NULL, ro);
  /**
   * SportelloAssessmentAnswer:answer:
   *
   * A #SportelloAnswer, or -1 when the item has no answer yet.
   */
  properties[PROP_ANSWER] = g_param_spec_int ("answer", NULL, NULL, -1, SPORTELLO_ANSWER_NA, -1, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  /**
   * SportelloAssessmentAnswer:reason-missing:
   *
   * Answered “not applicable” without saying why.
   */
  properties[PROP_REASON_MISSING] = g_param_spec_boolean ("reason-missing", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SportelloAssessmentAnswer::changed:
   *
   * The answer or its note changed in the assessment.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sportello_assessment_answer_init (SportelloAssessmentAnswer *self)
{
  self->answer = -1;
  self->note = g_strdup ("");
}

/**
 * sportello_assessment_answer_new:
 * @assessment: where the answer is kept
 * @checklist: the assessment's checklist
 * @index: the item's place in @checklist
 *
 * Returns: (transfer full): the item of @assessment at @index
 */
SportelloAssessmentAnswer *
sportello_assessment_answer_new (SportelloAssessment *assessment,
                                 SportelloChecklist  *checklist,
                                 guint                index)
{
  SportelloAssessmentAnswer *self;
  SportelloChecklistItem *item;
  SportelloAnswer value;
  const char *note = NULL;

  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (index < checklist->items->len, NULL);

  item = &g_array_index (checklist->items, SportelloChecklistItem, index);
  self = g_object_new (SPORTELLO_TYPE_ASSESSMENT_ANSWER, NULL);
  self->assessment = g_object_ref (assessment);
  self->item = *item;
  self->item.id = g_strdup (item->id);
  self->item.title = g_strdup (item->title);
  self->item.why = g_strdup (item->why);
  self->item.how = g_strdup (item->how);
  self->item.na_hint = g_strdup (item->na_hint);
  self->item.legal_basis = g_strdup (item->legal_basis);
  self->item.verified_on = g_strdup (item->verified_on);
  if (sportello_assessment_get_answer (assessment, item->id, &value, &note))
    {
      self->answer = value;
      g_set_str (&self->note, note ? note : "");
    }

  return self;
}

/**
 * sportello_assessment_answer_get_checklist_item:
 *
 * Returns: (transfer none): the item's texts, as in its checklist
 */
SportelloChecklistItem *
sportello_assessment_answer_get_checklist_item (SportelloAssessmentAnswer *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self), NULL);

  return &self->item;
}

const char *
sportello_assessment_answer_get_title (SportelloAssessmentAnswer *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self), NULL);

  return self->item.title;
}

gboolean
sportello_assessment_answer_get_na_allowed (SportelloAssessmentAnswer *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self), FALSE);

  return self->item.na_allowed;
}

int
sportello_assessment_answer_get_answer (SportelloAssessmentAnswer *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self), -1);

  return self->answer;
}

void
sportello_assessment_answer_set_answer (SportelloAssessmentAnswer *self,
                                        int                        answer)
{
  g_return_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self));
  g_return_if_fail (answer >= -1 && answer <= SPORTELLO_ANSWER_NA);

  if (set_answer (self, answer))
    g_signal_emit (self, signals[CHANGED], 0);
}

const char *
sportello_assessment_answer_get_note (SportelloAssessmentAnswer *self)
{
  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self), NULL);

  return self->note;
}

void
sportello_assessment_answer_set_note (SportelloAssessmentAnswer *self,
                                      const char                *note)
{
  g_return_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self));

  if (set_note (self, note))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sportello_assessment_answer_set:
 *
 * Gives the item @answer and @note together: one “changed”, always.
 */
void
sportello_assessment_answer_set (SportelloAssessmentAnswer *self,
                                 SportelloAnswer            answer,
                                 const char                *note)
{
  g_return_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_note (self, note);
  set_answer (self, answer);
  /* stored even when nothing changed, as it was asked */
  store (self);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
sportello_assessment_answer_get_reason_missing (SportelloAssessmentAnswer *self)
{
  SportelloAnswer value;
  const char *note = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (SPORTELLO_IS_ASSESSMENT_ANSWER (self), FALSE);

  if (!sportello_assessment_get_answer (self->assessment, self->item.id, &value, &note) || value != SPORTELLO_ANSWER_NA)
    return FALSE;
  reason = g_strstrip (g_strdup (note ? note : ""));
  return reason[0] == '\0';
}
