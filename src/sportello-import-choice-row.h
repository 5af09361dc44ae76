/* sportello-import-choice-row.h: a row whose switch accepts an import choice
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sportello-import-choice.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_IMPORT_CHOICE_ROW (sportello_import_choice_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (SportelloImportChoiceRow, sportello_import_choice_row, SPORTELLO, IMPORT_CHOICE_ROW, AdwActionRow)

struct _SportelloImportChoiceRowClass
{
  AdwActionRowClass parent_class;

  /* names the item: sets the row's title and subtitle */
  void        (*update)        (SportelloImportChoiceRow *self,
                                SportelloImportChoice    *item);

  /*< private >*/
  GParamSpec   *active_pspec;
};

void                   sportello_import_choice_row_class_install_active (SportelloImportChoiceRowClass *klass,
                                                                         const char                    *name);
SportelloImportChoice *sportello_import_choice_row_get_item             (SportelloImportChoiceRow      *self);
void                   sportello_import_choice_row_set_item             (SportelloImportChoiceRow      *self,
                                                                         SportelloImportChoice         *item);
gboolean               sportello_import_choice_row_get_active           (SportelloImportChoiceRow      *self);
void                   sportello_import_choice_row_set_active           (SportelloImportChoiceRow      *self,
                                                                         gboolean                       active);

G_END_DECLS
