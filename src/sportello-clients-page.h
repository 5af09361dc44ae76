/* sportello-clients-page.h: the Clients section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENTS_PAGE (sportello_clients_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientsPage, sportello_clients_page, SPORTELLO, CLIENTS_PAGE, GtkWidget)

GListModel *sportello_clients_page_get_model     (SportelloClientsPage *self);
void        sportello_clients_page_new_client    (SportelloClientsPage *self);
void        sportello_clients_page_start_search  (SportelloClientsPage *self);
void        sportello_clients_page_open_client   (SportelloClientsPage *self,
                                                  const char           *uuid);
void        sportello_clients_page_flush_deletes (SportelloClientsPage *self);
AdwDialog  *sportello_clients_page_import_csv    (SportelloClientsPage *self,
                                                  GFile                *file);
gboolean    sportello_clients_page_export_csv    (SportelloClientsPage *self,
                                                  GFile                *file);

G_END_DECLS
