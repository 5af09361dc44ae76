/* sportello-context.c: what the sections and pages work with
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window makes one context and hands it down to its sections, which
 * hand it to the pages and rows they make: the database, the settings and
 * the consultant's origin (kept by the database). Nothing below the window
 * looks up the application or the window for them, and a toast goes up as
 * the context's “toast” signal, which the window shows.
 */

#define G_LOG_DOMAIN "sportello-context"

#include "config.h"

#include "sportello-context.h"

struct _SportelloContext
{
  GObject            parent_instance;

  SportelloDatabase *database;
  GSettings         *settings;
  GHashTable        *made;   /* uuids of records just made for a page */
};

G_DEFINE_FINAL_TYPE (SportelloContext, sportello_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sportello_context_dispose (GObject *object)
{
  SportelloContext *self = SPORTELLO_CONTEXT (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->made, g_hash_table_unref);

  G_OBJECT_CLASS (sportello_context_parent_class)->dispose (object);
}

static void
sportello_context_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SportelloContext *self = SPORTELLO_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_context_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SportelloContext *self = SPORTELLO_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_context_class_init (SportelloContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sportello_context_dispose;
  object_class->get_property = sportello_context_get_property;
  object_class->set_property = sportello_context_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SPORTELLO_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SportelloContext::toast:
   * @toast: the message to show
   *
   * Something below the window has a message for the consultant; the
   * window shows it.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
sportello_context_init (SportelloContext *self)
{
  self->made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SportelloContext *
sportello_context_new (SportelloDatabase *database,
                       GSettings         *settings)
{
  g_return_val_if_fail (SPORTELLO_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SPORTELLO_TYPE_CONTEXT, "database", database, "settings", settings, NULL);
}

SportelloDatabase *
sportello_context_get_database (SportelloContext *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (self), NULL);

  return self->database;
}

GSettings *
sportello_context_get_settings (SportelloContext *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (self), NULL);

  return self->settings;
}

/* Who is working, as records are stamped with it */
const char *
sportello_context_get_consultant (SportelloContext *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (self), NULL);

  return sportello_database_get_consultant (self->database);
}

const char *
sportello_context_get_hub (SportelloContext *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (self), NULL);

  return sportello_database_get_hub (self->database);
}

/**
 * sportello_context_toast:
 * @toast: (transfer full): the message
 *
 * Shows @toast in the window the context belongs to (its handler of
 * “toast” takes a reference); dropped if none listens.
 */
void
sportello_context_toast (SportelloContext *self,
                         AdwToast         *toast)
{
  g_return_if_fail (SPORTELLO_IS_CONTEXT (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

/* A failure the consultant should know of, as a toast */
void
sportello_context_toast_error (SportelloContext *self,
                               const GError     *error)
{
  sportello_context_toast (self, adw_toast_new (error->message));
}

/**
 * sportello_context_mark_made:
 * @uuid: a record made a moment ago, to be opened in a page
 *
 * The page that opens it (sportello_context_take_made()) drops the record
 * again if nothing is written in it.
 */
void
sportello_context_mark_made (SportelloContext *self,
                             const char       *uuid)
{
  g_return_if_fail (SPORTELLO_IS_CONTEXT (self));
  g_return_if_fail (uuid != NULL);

  g_hash_table_add (self->made, g_strdup (uuid));
}

/**
 * sportello_context_take_made:
 *
 * Returns: whether @uuid was just made (sportello_context_mark_made());
 * it is so only for the first page that asks
 */
gboolean
sportello_context_take_made (SportelloContext *self,
                             const char       *uuid)
{
  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (self), FALSE);

  return uuid != NULL && self->made != NULL && g_hash_table_remove (self->made, uuid);
}
