/* sportello-property-row.h: a read-only field, its name over its value
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPORTELLO_TYPE_PROPERTY_ROW (sportello_property_row_get_type ())

G_DECLARE_FINAL_TYPE (SportelloPropertyRow, sportello_property_row, SPORTELLO, PROPERTY_ROW, AdwPreferencesRow)

GtkWidget  *sportello_property_row_new        (const char           *title,
                                               const char           *value);
const char *sportello_property_row_get_value  (SportelloPropertyRow *self);
void        sportello_property_row_set_value  (SportelloPropertyRow *self,
                                               const char           *value);
GtkWidget  *sportello_property_row_get_suffix (SportelloPropertyRow *self);
void        sportello_property_row_set_suffix (SportelloPropertyRow *self,
                                               GtkWidget            *suffix);

G_END_DECLS
