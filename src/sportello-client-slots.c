/* sportello-client-slots.c: the client list as fixed slots, for a list view
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkListView (GTK 4.18) keeps the row widgets of the items that stay and
 * of those that scroll out of its 200 rows, but destroys the row of every
 * item removed and builds a new one for every item added: the first letter
 * typed in the search took away most of the 200 clients on screen and
 * brought as many, which cost ~150 rows built and bound in one go.
 *
 * Here item i is a slot that stays item i while the list is long enough:
 * when the clients change, the slots whose client is another say so
 * (notify::client) and the rows follow; the model tells its view only
 * that it grew or shrank, at its end. A search makes no row, and destroys
 * only those past the end of fewer results.
 *
 * Slots are made when asked for and live while held (by the list view's
 * rows): 50,000 clients make no more slots than the view shows.
 */

#define G_LOG_DOMAIN "sportello-client-slots"

#include "config.h"

#include "sportello-client-slots.h"

struct _SportelloClientSlot
{
  GObject               parent_instance;

  SportelloClient      *client;
  SportelloClientSlots *owner;      /* NULL once past the end, or the model gone */
  guint                 position;
};

G_DEFINE_FINAL_TYPE (SportelloClientSlot, sportello_client_slot, G_TYPE_OBJECT)

enum {
  SLOT_PROP_0,
  SLOT_PROP_CLIENT,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

struct _SportelloClientSlots
{
  GObject              parent_instance;

  SportelloClientList *list;
  guint                n;          /* what the model says it has */
  GHashTable          *live;       /* position → slot, not held */

  /* the list changed from dirty_from on; the slots follow at the end of
   * its change, or in a moment if it does not say when that is */
  gboolean             dirty;
  guint                dirty_from;
  guint                flush_idle;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SportelloClientSlots, sportello_client_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* -------------------------------------------------------------- slot ---- */

static void
slot_set_client (SportelloClientSlot *self,
                 SportelloClient     *client)
{
  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_CLIENT]);
}

static void
sportello_client_slot_finalize (GObject *object)
{
  SportelloClientSlot *self = (SportelloClientSlot *)object;

  if (self->owner != NULL)
    g_hash_table_remove (self->owner->live, GUINT_TO_POINTER (self->position));
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sportello_client_slot_parent_class)->finalize (object);
}

static void
sportello_client_slot_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SportelloClientSlot *self = SPORTELLO_CLIENT_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sportello_client_slot_class_init (SportelloClientSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sportello_client_slot_finalize;
  object_class->get_property = sportello_client_slot_get_property;

  /**
   * SportelloClientSlot:client:
   *
   * The client at the slot's position, %NULL for a moment past the end
   * of a list that shrank.
   */
  slot_properties[SLOT_PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SPORTELLO_TYPE_CLIENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
sportello_client_slot_init (SportelloClientSlot *self)
{
}

SportelloClient *
sportello_client_slot_get_client (SportelloClientSlot *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_SLOT (self), NULL);

  return self->client;
}

/* ------------------------------------------------------------- model ---- */

static GType
sportello_client_slots_get_item_type (GListModel *model)
{
  return SPORTELLO_TYPE_CLIENT_SLOT;
}

static guint
sportello_client_slots_get_n_items (GListModel *model)
{
  return SPORTELLO_CLIENT_SLOTS (model)->n;
}

static gpointer
sportello_client_slots_get_item (GListModel *model,
                                 guint       position)
{
  SportelloClientSlots *self = SPORTELLO_CLIENT_SLOTS (model);
  SportelloClientSlot *slot;

  if (position >= self->n)
    return NULL;

  if ((slot = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position))) != NULL)
    return g_object_ref (slot);

  slot = g_object_new (SPORTELLO_TYPE_CLIENT_SLOT, NULL);
  slot->owner = self;
  slot->position = position;
  /* while the list's change is not followed yet, a slot past its new end
   * is empty until it goes */
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    slot->client = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), slot);

  return slot;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sportello_client_slots_get_item_type;
  iface->get_n_items = sportello_client_slots_get_n_items;
  iface->get_item = sportello_client_slots_get_item;
}

/**
 * sportello_client_slots_flush:
 *
 * Follows the list's change now: the live slots from where it changed
 * take their clients (those with another say so), then the model tells
 * how much longer or shorter it is, at its end. Called by itself at the
 * end of the list's change; does nothing if the list has not changed.
 */
void
sportello_client_slots_flush (SportelloClientSlots *self)
{
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  GHashTableIter iter;
  gpointer value;
  guint old_n, new_n;

  g_return_if_fail (SPORTELLO_IS_CLIENT_SLOTS (self));

  if (!self->dirty)
    return;
  self->dirty = FALSE;
  g_clear_handle_id (&self->flush_idle, g_source_remove);

  old_n = self->n;
  new_n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  slots = g_ptr_array_new_with_free_func (g_object_unref);
  clients = g_ptr_array_new_with_free_func (g_object_unref);

  /* all the new clients are asked for while the slots still hold the
   * old ones: the list gives the same object for a client while held,
   * so a client that moves is not read again */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SportelloClientSlot *slot = value;

      if (slot->position >= new_n)
        {
          /* past the new end: the view lets it go */
          slot->owner = NULL;
          g_hash_table_iter_remove (&iter);
        }
      else if (slot->position >= self->dirty_from)
        {
          g_ptr_array_add (slots, g_object_ref (slot));
          g_ptr_array_add (clients, g_list_model_get_item (G_LIST_MODEL (self->list), slot->position));
        }
    }

  for (guint i = 0; i < slots->len; i++)
    slot_set_client (g_ptr_array_index (slots, i), g_ptr_array_index (clients, i));

  self->n = new_n;
  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

static gboolean
flush_idle_cb (gpointer data)
{
  SportelloClientSlots *self = data;

  self->flush_idle = 0;
  sportello_client_slots_flush (self);
  return G_SOURCE_REMOVE;
}

/* The list tells a change in parts (consistent in between): the slots
 * wait for its end rather than follow each */
static void
list_items_changed_cb (SportelloClientSlots *self,
                       guint                 position,
                       guint                 removed,
                       guint                 added)
{
  self->dirty_from = self->dirty ? MIN (self->dirty_from, position) : position;
  self->dirty = TRUE;
  /* a list that changes and keeps its length says nothing more: in a
   * moment, before the next frame */
  if (self->flush_idle == 0)
    self->flush_idle = g_idle_add_full (G_PRIORITY_HIGH, flush_idle_cb, self, NULL);
}

/* notify::n-items comes after the last part of a change, and
 * notify::loading after a background answer is shown */
static void
list_change_told_cb (SportelloClientSlots *self)
{
  sportello_client_slots_flush (self);
}

static void
sportello_client_slots_dispose (GObject *object)
{
  SportelloClientSlots *self = (SportelloClientSlots *)object;
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->flush_idle, g_source_remove);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((SportelloClientSlot *) value)->owner = NULL;
  g_hash_table_remove_all (self->live);

  G_OBJECT_CLASS (sportello_client_slots_parent_class)->dispose (object);
}

static void
sportello_client_slots_finalize (GObject *object)
{
  SportelloClientSlots *self = (SportelloClientSlots *)object;

  g_clear_pointer (&self->live, g_hash_table_unref);

  G_OBJECT_CLASS (sportello_client_slots_parent_class)->finalize (object);
}

static void
sportello_client_slots_class_init (SportelloClientSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sportello_client_slots_dispose;
  object_class->finalize = sportello_client_slots_finalize;
}

static void
sportello_client_slots_init (SportelloClientSlots *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}

/**
 * sportello_client_slots_new:
 *
 * A model with a slot for each client of @list, which follows it.
 * Connect to @list's signals after making it, so that a change of the
 * list is followed by the slots before the others hear of it.
 */
SportelloClientSlots *
sportello_client_slots_new (SportelloClientList *list)
{
  SportelloClientSlots *self;

  g_return_val_if_fail (SPORTELLO_IS_CLIENT_LIST (list), NULL);

  self = g_object_new (SPORTELLO_TYPE_CLIENT_SLOTS, NULL);
  self->list = g_object_ref (list);
  self->n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (list_items_changed_cb), self);
  g_signal_connect_swapped (list, "notify::n-items", G_CALLBACK (list_change_told_cb), self);
  g_signal_connect_swapped (list, "notify::loading", G_CALLBACK (list_change_told_cb), self);

  return self;
}

SportelloClientList *
sportello_client_slots_get_list (SportelloClientSlots *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_SLOTS (self), NULL);

  return self->list;
}
