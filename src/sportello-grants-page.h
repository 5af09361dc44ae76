/* sportello-grants-page.h: the Grant Calls section
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-database.h"
#include "sportello-grant-call.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_GRANTS_PAGE (sportello_grants_page_get_type ())

G_DECLARE_FINAL_TYPE (SportelloGrantsPage, sportello_grants_page, SPORTELLO, GRANTS_PAGE, GtkWidget)

GListModel *sportello_grants_page_get_model (SportelloGrantsPage *self);
void        sportello_grants_page_open      (SportelloGrantsPage *self,
                                             const char          *uuid);

char       *sportello_grant_call_when_text  (SportelloGrantCall  *call);

G_END_DECLS
