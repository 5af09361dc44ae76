/* sportello-import-choice.h: a record the consultant decides on in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sportello-bundle.h"

G_BEGIN_DECLS

#define SPORTELLO_TYPE_IMPORT_CHOICE (sportello_import_choice_get_type ())

G_DECLARE_FINAL_TYPE (SportelloImportChoice, sportello_import_choice, SPORTELLO, IMPORT_CHOICE, GObject)

SportelloImportChoice   *sportello_import_choice_new          (const SportelloConflict *conflict);
const SportelloConflict *sportello_import_choice_get_conflict (SportelloImportChoice   *self);
gboolean                 sportello_import_choice_get_accepted (SportelloImportChoice   *self);
void                     sportello_import_choice_set_accepted (SportelloImportChoice   *self,
                                                               gboolean                 accepted);

G_END_DECLS
