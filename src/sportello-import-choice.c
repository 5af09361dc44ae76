/* sportello-import-choice.c: a record the consultant decides on in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import preview lists two kinds of record the consultant decides
 * on: one changed on both sides (a conflict: take their version or keep
 * ours) and a new client with a P.IVA of ours (a duplicate: merge it
 * into ours or import it as new). Both are a SportelloConflict of the
 * store; this item holds a copy of it and the consultant's answer, which
 * the preview's rows bind to and the apply step reads.
 */

#define G_LOG_DOMAIN "sportello-import-choice"

#include "config.h"

#include "sportello-import-choice.h"

struct _SportelloImportChoice
{
  GObject            parent_instance;

  SportelloConflict  conflict;
  gboolean           accepted;
};

G_DEFINE_FINAL_TYPE (SportelloImportChoice, sportello_import_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sportello_import_choice_finalize (GObject *object)
{
  SportelloImportChoice *self = (SportelloImportChoice *)object;

  g_free (self->conflict.uuid);
  g_free (self->conflict.description);
  g_free (self->conflict.ours_updated_at);
  g_free (self->conflict.theirs_updated_at);
  g_free (self->conflict.existing_uuid);
  g_free (self->conflict.existing_description);

  G_OBJECT_CLASS (sportello_import_choice_parent_class)->finalize (object);
}

static void
sportello_import_choice_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SportelloImportChoice *self = SPORTELLO_IMPORT_CHOICE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->conflict.uuid);
      break;

    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_choice_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SportelloImportChoice *self = SPORTELLO_IMPORT_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED:
      sportello_import_choice_set_accepted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_import_choice_class_init (SportelloImportChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sportello_import_choice_finalize;
  object_class->get_property = sportello_import_choice_get_property;
  object_class->set_property = sportello_import_choice_set_property;

  /**
   * SportelloImportChoice:uuid:
   *
   * The UUID of the record in the bundle.
   */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SportelloImportChoice:accepted:
   *
   * Whether their side wins: for a conflict, their version replaces
   * ours; for a duplicate, their client is merged into ours.
   */
  properties[PROP_ACCEPTED] =
    g_param_spec_boolean ("accepted", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sportello_import_choice_init (SportelloImportChoice *self)
{
}

/**
 * sportello_import_choice_new:
 * @conflict: a conflict or a duplicate, as the store lists them; copied
 *
 * Returns: (transfer full): a choice, not accepted
 */
SportelloImportChoice *
sportello_import_choice_new (const SportelloConflict *conflict)
{
  SportelloImportChoice *self;

  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (SPORTELLO_TYPE_IMPORT_CHOICE, NULL);
  self->conflict.kind = conflict->kind;
  self->conflict.uuid = g_strdup (conflict->uuid);
  self->conflict.description = g_strdup (conflict->description);
  self->conflict.ours_updated_at = g_strdup (conflict->ours_updated_at);
  self->conflict.theirs_updated_at = g_strdup (conflict->theirs_updated_at);
  self->conflict.existing_uuid = g_strdup (conflict->existing_uuid);
  self->conflict.existing_description = g_strdup (conflict->existing_description);

  return self;
}

/**
 * sportello_import_choice_get_conflict:
 *
 * Returns: (transfer none): the record and, for a duplicate, the client of
 *   ours it matches
 */
const SportelloConflict *
sportello_import_choice_get_conflict (SportelloImportChoice *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CHOICE (self), NULL);

  return &self->conflict;
}

gboolean
sportello_import_choice_get_accepted (SportelloImportChoice *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CHOICE (self), FALSE);

  return self->accepted;
}

void
sportello_import_choice_set_accepted (SportelloImportChoice *self,
                                      gboolean               accepted)
{
  g_return_if_fail (SPORTELLO_IS_IMPORT_CHOICE (self));

  accepted = !!accepted;
  if (self->accepted == accepted)
    return;

  self->accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTED]);
}
