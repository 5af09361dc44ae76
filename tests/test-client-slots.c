/* test-client-slots.c: the client list as fixed slots, as a list view sees it
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sportello-client.h"
#include "sportello-client-list.h"
#include "sportello-client-slots.h"
#include "sportello-database.h"

#include "store-test-util.h"

/* What a view of the slots sees: its signals, and the slots it holds
 * (as a list view's rows do) with how often each said its client changed */
typedef struct
{
  GArray    *signals;     /* guint triples: position, removed, added */
  GPtrArray *held;        /* SportelloClientSlot, by position */
  guint      notified[8];
} View;

static void
view_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 View       *view)
{
  guint signal[3] = { position, removed, added };

  g_array_append_vals (view->signals, signal, 3);
}

static void
slot_notify_cb (SportelloClientSlot *slot,
                GParamSpec          *pspec,
                View                *view)
{
  for (guint i = 0; i < view->held->len; i++)
    if (g_ptr_array_index (view->held, i) == slot)
      view->notified[i]++;
  g_test_message ("slot now shows %s", sportello_client_slot_get_client (slot)
                  ? sportello_client_get_name (sportello_client_slot_get_client (slot)) : "nothing");
}

/* The view takes the slots up to the model's length, keeps those it has */
static void
view_hold (View       *view,
           GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (view->notified));
  if (view->held->len > n)
    g_ptr_array_set_size (view->held, n);
  for (guint i = view->held->len; i < n; i++)
    {
      SportelloClientSlot *slot = g_list_model_get_item (model, i);

      g_signal_connect (slot, "notify::client", G_CALLBACK (slot_notify_cb), view);
      g_ptr_array_add (view->held, slot);
    }
}

static void
view_reset (View *view)
{
  g_array_set_size (view->signals, 0);
  memset (view->notified, 0, sizeof view->notified);
}

/* The slots show the list: the same clients, position by position, and
 * each slot the model gives is the one the view holds */
static void
assert_follows (GListModel          *slots,
                SportelloClientList *list,
                View                *view)
{
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_assert_cmpuint (view->held->len, ==, g_list_model_get_n_items (slots));
  for (guint i = 0; i < view->held->len; i++)
    {
      g_autoptr(SportelloClientSlot) slot = g_list_model_get_item (slots, i);
      g_autoptr(SportelloClient) client = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (slot == g_ptr_array_index (view->held, i));
      g_assert_cmpstr (sportello_client_get_name (sportello_client_slot_get_client (slot)), ==,
                       sportello_client_get_name (client));
    }
}

static void
assert_one_signal (View  *view,
                   guint  position,
                   guint  removed,
                   guint  added)
{
  g_assert_cmpuint (view->signals->len, ==, 3);
  g_assert_cmpuint (g_array_index (view->signals, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (view->signals, guint, 1), ==, removed);
  g_assert_cmpuint (g_array_index (view->signals, guint, 2), ==, added);
}

/* A search that narrows and widens the list keeps the slots of the
 * positions that stay; the model tells only the change of its length, at
 * its end, and a slot says its client changed only when it did */
static void
test_narrow_widen (void)
{
  /* in the list's order, by name */
  static const char * const names[] = { "Bianchi Arredi", "Rossi Infissi", "Rossini Viaggi", "Rosso Vivo", "Verdi Ottica" };
  g_autoptr(SportelloDatabase) db = store_test_open_db ("client-slots-test", "Giulia Frigerio", "ComoNext – Lomazzo");
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(SportelloClientSlots) slots = sportello_client_slots_new (list);
  GListModel *model = G_LIST_MODEL (slots);
  g_autoptr(GError) error = NULL;
  View view = { g_array_new (FALSE, FALSE, sizeof (guint)), g_ptr_array_new_with_free_func (g_object_unref) };
  SportelloClientSlot *first;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (store_test_new_client (db, names[i]));
  g_assert_true (g_list_model_get_item_type (model) == SPORTELLO_TYPE_CLIENT_SLOT);
  g_signal_connect (slots, "items-changed", G_CALLBACK (view_changed_cb), &view);

  /* the saves' changes reach the list first (in the main loop) */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* filled: five slots added at once */
  g_assert_true (sportello_client_list_refresh (list, &error));
  assert_one_signal (&view, 0, 0, 5);
  view_hold (&view, model);
  assert_follows (model, list, &view);
  first = g_ptr_array_index (view.held, 0);

  /* “ross”: Bianchi and Verdi go; the list tells it as two removals, the
   * slots as one at the end, and the first three slots show the rest */
  view_reset (&view);
  sportello_client_list_set_search (list, "ross");
  assert_one_signal (&view, 3, 2, 0);
  view_hold (&view, model);
  assert_follows (model, list, &view);
  g_assert_true (g_ptr_array_index (view.held, 0) == first);
  g_assert_cmpstr (sportello_client_get_name (sportello_client_slot_get_client (first)), ==, "Rossi Infissi");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (view.notified[i], ==, 1);

  /* “rossi”: Rosso Vivo goes; the first two keep their clients, quietly */
  view_reset (&view);
  sportello_client_list_set_search (list, "rossi");
  assert_one_signal (&view, 2, 1, 0);
  view_hold (&view, model);
  assert_follows (model, list, &view);
  g_assert_cmpuint (view.notified[0], ==, 0);
  g_assert_cmpuint (view.notified[1], ==, 0);

  /* back to all: three slots added at the end, the two kept show
   * Bianchi and Rossi Infissi */
  view_reset (&view);
  sportello_client_list_set_search (list, NULL);
  assert_one_signal (&view, 2, 0, 3);
  view_hold (&view, model);
  assert_follows (model, list, &view);
  g_assert_true (g_ptr_array_index (view.held, 0) == first);
  g_assert_cmpuint (view.notified[0], ==, 1);
  g_assert_cmpuint (view.notified[1], ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (sportello_client_get_name (sportello_client_slot_get_client (g_ptr_array_index (view.held, i))), ==, names[i]);

  /* a search as long as the last: the list says nothing of its length,
   * the slots follow in a moment, with no signal of their own */
  sportello_client_list_set_search (list, "bianchi");
  view_hold (&view, model);
  view_reset (&view);
  sportello_client_list_set_search (list, "verdi");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (view.signals->len, ==, 0);
  assert_follows (model, list, &view);
  g_assert_true (g_ptr_array_index (view.held, 0) == first);
  g_assert_cmpuint (view.notified[0], ==, 1);
  g_assert_cmpstr (sportello_client_get_name (sportello_client_slot_get_client (first)), ==, "Verdi Ottica");

  /* after a write any client may have changed: the slot stays, with the
   * client read anew */
  {
    g_autoptr(SportelloClient) before = g_object_ref (sportello_client_slot_get_client (first));

    view_reset (&view);
    g_assert_true (sportello_client_list_refresh (list, &error));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpuint (view.signals->len, ==, 0);
    assert_follows (model, list, &view);
    g_assert_true (sportello_client_slot_get_client (first) != before);
    g_assert_cmpuint (view.notified[0], ==, 1);
  }

  /* nothing found: the slot goes */
  view_reset (&view);
  sportello_client_list_set_search (list, "qzxwvk");
  assert_one_signal (&view, 0, 1, 0);
  view_hold (&view, model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));

  g_array_unref (view.signals);
  g_ptr_array_unref (view.held);
}

/* Slots the view lets go are forgotten; asked again, they are new and
 * show the client at their place */
static void
test_slots_let_go (void)
{
  g_autoptr(SportelloDatabase) db = store_test_open_db ("client-slots-test", "Giulia Frigerio", "ComoNext – Lomazzo");
  g_autoptr(SportelloClientList) list = sportello_client_list_new (db);
  g_autoptr(SportelloClientSlots) slots = sportello_client_slots_new (list);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloClientSlot) kept = NULL;

  g_object_unref (store_test_new_client (db, "Bar Centrale"));
  g_object_unref (store_test_new_client (db, "Studio Sala"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (sportello_client_list_refresh (list, &error));

  kept = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (slots), 0));
  sportello_client_list_set_search (list, "sala");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 1);
  {
    g_autoptr(SportelloClientSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), 0);

    g_assert_cmpstr (sportello_client_get_name (sportello_client_slot_get_client (slot)), ==, "Studio Sala");
  }
  /* a slot past the end is no slot of the model's any more, whatever it
   * comes to show: the list widening again makes a new one */
  sportello_client_list_set_search (list, NULL);
  {
    g_autoptr(SportelloClientSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), 1);

    g_assert_true (slot != kept);
    g_assert_cmpstr (sportello_client_get_name (sportello_client_slot_get_client (slot)), ==, "Studio Sala");
  }

  /* the model goes before a slot it gave */
  g_clear_object (&slots);
  g_clear_object (&kept);
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/ui/client-slots/narrow-widen", test_narrow_widen);
  g_test_add_func ("/ui/client-slots/let-go", test_slots_let_go);

  return g_test_run ();
}
