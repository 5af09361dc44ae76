/* sportello-client-row.h: one client in the list
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sportello-client.h"
#include "sportello-client-slots.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENT_ROW (sportello_client_row_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientRow, sportello_client_row, SPORTELLO, CLIENT_ROW, GtkWidget)

SportelloClient *sportello_client_row_get_client       (SportelloClientRow *self);
void             sportello_client_row_set_client       (SportelloClientRow *self,
                                                        SportelloClient    *client);
char            *sportello_client_row_describe         (SportelloClient    *client);
void             sportello_client_rows_let_go          (GtkWidget          *view,
                                                        SportelloClientRow *row);
void             sportello_client_rows_hold            (GtkWidget          *view,
                                                        gboolean            hold);
void             sportello_client_row_set_slot         (SportelloClientRow  *self,
                                                        SportelloClientSlot *slot);

void             sportello_client_row_set_match_pending (SportelloClientRow *self,
                                                         gboolean            pending);
void             sportello_client_row_set_match      (SportelloClientRow *self,
                                                      const char         *match);
char            *sportello_client_row_describe_match (const char         *match);

G_END_DECLS
