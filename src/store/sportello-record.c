/* sportello-record.c: what every stored record has in common
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-record"

#include "config.h"

#include "sportello-record.h"

#include <string.h>

typedef struct
{
  char **text;
} SportelloRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SportelloRecord, sportello_record, G_TYPE_OBJECT)

/* What every empty field points to, never freed: most fields of a record
 * are empty, and an import makes tens of thousands of records */
static char empty_text[1] = "";

static char **
texts (SportelloRecord *self)
{
  SportelloRecordPrivate *priv = sportello_record_get_instance_private (self);

  /* made on first use, when the subclass's class is complete */
  if (priv->text == NULL)
    {
      guint n = SPORTELLO_RECORD_GET_CLASS (self)->n_fields;

      priv->text = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        priv->text[i] = empty_text;
    }

  return priv->text;
}

static void
text_free (char *text)
{
  if (text != empty_text)
    g_free (text);
}

static void
sportello_record_finalize (GObject *object)
{
  SportelloRecordPrivate *priv = sportello_record_get_instance_private (SPORTELLO_RECORD (object));

  if (priv->text != NULL)
    {
      for (guint i = 0; priv->text[i] != NULL; i++)
        text_free (priv->text[i]);
      g_clear_pointer (&priv->text, g_free);
    }

  G_OBJECT_CLASS (sportello_record_parent_class)->finalize (object);
}

static void
sportello_record_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SportelloRecord *self = SPORTELLO_RECORD (object);

  if (prop_id >= 1 && prop_id <= SPORTELLO_RECORD_GET_CLASS (self)->n_fields)
    g_value_set_string (value, texts (self)[prop_id - 1]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sportello_record_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SportelloRecord *self = SPORTELLO_RECORD (object);

  if (prop_id >= 1 && prop_id <= SPORTELLO_RECORD_GET_CLASS (self)->n_fields)
    sportello_record_set (self, prop_id - 1, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sportello_record_class_init (SportelloRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sportello_record_finalize;
  object_class->get_property = sportello_record_get_property;
  object_class->set_property = sportello_record_set_property;
}

static void
sportello_record_init (SportelloRecord *self)
{
}

void
sportello_record_class_install_fields (SportelloRecordClass *klass,
                                       const char * const   *field_names,
                                       guint                 n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit get/set_property: a subclass without
   * properties of its own uses the record's */
  if (object_class->get_property == NULL)
    object_class->get_property = sportello_record_get_property;
  if (object_class->set_property == NULL)
    object_class->set_property = sportello_record_set_property;

  klass->field_names = field_names;
  klass->n_fields = n_fields;
  klass->field_pspecs = g_new0 (GParamSpec *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (field_names[i]), "_", '-');

      /* interned, so the param spec may keep it */
      klass->field_pspecs[i] =
        g_param_spec_string (g_intern_string (name), NULL, NULL, "",
                             (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
      g_object_class_install_property (object_class, i + 1, klass->field_pspecs[i]);
    }
}

guint
sportello_record_get_n_fields (SportelloRecord *self)
{
  g_return_val_if_fail (SPORTELLO_IS_RECORD (self), 0);

  return SPORTELLO_RECORD_GET_CLASS (self)->n_fields;
}

/* The field's name as written in the database and in bundles (with '_') */
const char *
sportello_record_get_field_name (SportelloRecord *self,
                                 guint            field)
{
  g_return_val_if_fail (SPORTELLO_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < SPORTELLO_RECORD_GET_CLASS (self)->n_fields, NULL);

  return SPORTELLO_RECORD_GET_CLASS (self)->field_names[field];
}

const char *
sportello_record_get (SportelloRecord *self,
                      guint            field)
{
  g_return_val_if_fail (SPORTELLO_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < SPORTELLO_RECORD_GET_CLASS (self)->n_fields, NULL);

  return texts (self)[field];
}

void
sportello_record_set (SportelloRecord *self,
                      guint            field,
                      const char      *value)
{
  char **text;

  g_return_if_fail (SPORTELLO_IS_RECORD (self));
  g_return_if_fail (field < SPORTELLO_RECORD_GET_CLASS (self)->n_fields);

  text = texts (self);
  if (value == NULL)
    value = "";
  /* as g_set_str (), an empty value shared */
  if (text[field] != value && strcmp (text[field], value) != 0)
    {
      char *old = text[field];

      text[field] = value[0] == '\0' ? empty_text : g_strdup (value);
      text_free (old);
      g_object_notify_by_pspec (G_OBJECT (self), SPORTELLO_RECORD_GET_CLASS (self)->field_pspecs[field]);
    }
}

static guint
field_by_name (SportelloRecord *self,
               const char      *name)
{
  SportelloRecordClass *klass = SPORTELLO_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->field_names[i], name))
      return i;

  g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);
  return G_MAXUINT;
}

static void
set_by_name (SportelloRecord *self,
             const char      *name,
             const char      *value)
{
  guint field = field_by_name (self, name);

  if (field != G_MAXUINT)
    sportello_record_set (self, field, value);
}

/**
 * sportello_record_stamp:
 * @db: where the record is about to be saved
 * @now: the time of the save, as sportello_now_utc() gives it
 *
 * What every save does first: a record without a UUID gets a new one; a
 * record never saved (no created_at) is created @now, by @db's
 * consultant and hub; and it is updated @now. The record needs the
 * fields uuid, created_at, updated_at, origin_consultant and origin_hub.
 *
 * Returns: %TRUE when the record is new (it had no created_at)
 */
gboolean
sportello_record_stamp (SportelloRecord   *self,
                        SportelloDatabase *db,
                        const char        *now)
{
  guint created_at;
  gboolean created = FALSE;

  g_return_val_if_fail (SPORTELLO_IS_RECORD (self), FALSE);
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), FALSE);

  if (sportello_record_get (self, field_by_name (self, "uuid"))[0] == '\0')
    {
      g_autofree char *uuid = sportello_new_uuid ();

      set_by_name (self, "uuid", uuid);
    }
  created_at = field_by_name (self, "created_at");
  if (sportello_record_get (self, created_at)[0] == '\0')
    {
      sportello_record_set (self, created_at, now);
      set_by_name (self, "origin_consultant", sportello_database_get_consultant (db));
      set_by_name (self, "origin_hub", sportello_database_get_hub (db));
      created = TRUE;
    }
  set_by_name (self, "updated_at", now);

  return created;
}
