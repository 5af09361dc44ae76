/* sportello-clients-section.h: the Clients section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_CLIENTS_SECTION (sportello_clients_section_get_type ())

G_DECLARE_FINAL_TYPE (SportelloClientsSection, sportello_clients_section, SPORTELLO, CLIENTS_SECTION, GtkWidget)

GListModel *sportello_clients_section_get_model     (SportelloClientsSection *self);
void        sportello_clients_section_new_client    (SportelloClientsSection *self);
void        sportello_clients_section_start_search  (SportelloClientsSection *self);
void        sportello_clients_section_open_client   (SportelloClientsSection *self,
                                                  const char           *uuid);
void        sportello_clients_section_flush_deletes (SportelloClientsSection *self);
AdwDialog  *sportello_clients_section_import_csv    (SportelloClientsSection *self,
                                                  GFile                *file);
gboolean    sportello_clients_section_export_csv    (SportelloClientsSection *self,
                                                  GFile                *file);

G_END_DECLS
