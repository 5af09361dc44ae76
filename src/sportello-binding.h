/* sportello-binding.h: a record's fields bound to the rows that edit them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-vocabulary.h"

G_BEGIN_DECLS

/* The flags of every binding here: both ways, the widget filled at once */
#define SPORTELLO_BINDING_FLAGS (G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE)

const char *sportello_binding_field_property (gpointer             record,
                                              guint                field);
GBinding   *sportello_bind_text              (gpointer             record,
                                              const char          *property,
                                              gpointer             widget);
GBinding   *sportello_bind_term              (gpointer             record,
                                              const char          *property,
                                              AdwComboRow         *row,
                                              SportelloVocabulary  vocabulary,
                                              gboolean             optional,
                                              const char          *fallback);
void        sportello_binding_fill_terms     (AdwComboRow         *row,
                                              SportelloVocabulary  vocabulary,
                                              const char          *not_set);
GBinding   *sportello_bind_day               (gpointer             record,
                                              const char          *property,
                                              AdwEntryRow         *row,
                                              gboolean             strict);
GBinding   *sportello_bind_start             (gpointer             record,
                                              const char          *property,
                                              AdwEntryRow         *row,
                                              int                  default_hour);
gboolean    sportello_binding_parse_whole_number (const char      *text,
                                                  gint64          *value);
AdwEntryRow *sportello_binding_add_entry_row (AdwPreferencesGroup *group,
                                              const char          *title);

G_END_DECLS
