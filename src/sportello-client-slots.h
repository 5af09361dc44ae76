/* sportello-client-slots.h: the client list as fixed slots, for a list view
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sportello-client-list.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_SLOT (sportello_client_slot_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientSlot, sportello_client_slot, SPORTELLO, CLIENT_SLOT, GObject)

SportelloClient *sportello_client_slot_get_client (SportelloClientSlot *self);

#define SPORTELLO_TYPE_CLIENT_SLOTS (sportello_client_slots_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientSlots, sportello_client_slots, SPORTELLO, CLIENT_SLOTS, GObject)

SportelloClientSlots *sportello_client_slots_new      (SportelloClientList  *list);
SportelloClientList  *sportello_client_slots_get_list (SportelloClientSlots *self);
void                  sportello_client_slots_flush    (SportelloClientSlots *self);

G_END_DECLS
