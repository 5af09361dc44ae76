/* sportello-import-duplicate-row.c: a new client with a P.IVA of ours, in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names their client and the one of ours it would join; its switch is
 * :merge, bound both ways to the item's :accepted, which the apply step
 * reads (see SportelloImportChoiceRow). Off by default: a merge is
 * offered, not done unasked.
 */

#define G_LOG_DOMAIN "sportello-import-duplicate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-import-duplicate-row.h"

struct _SportelloImportDuplicateRow
{
  SportelloImportChoiceRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloImportDuplicateRow, sportello_import_duplicate_row, SPORTELLO_TYPE_IMPORT_CHOICE_ROW)

static void
sportello_import_duplicate_row_update (SportelloImportChoiceRow *row,
                                       SportelloImportChoice    *item)
{
  const SportelloConflict *match = sportello_import_choice_get_conflict (item);
  /* Translators: merging a client of a bundle into one of ours, named */
  g_autofree char *subtitle = g_strdup_printf (_("Merge into “%s”"), match->existing_description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
sportello_import_duplicate_row_class_init (SportelloImportDuplicateRowClass *klass)
{
  SportelloImportChoiceRowClass *row_class = SPORTELLO_IMPORT_CHOICE_ROW_CLASS (klass);

  row_class->update = sportello_import_duplicate_row_update;

  /**
   * SportelloImportDuplicateRow:merge:
   *
   * Whether their client joins ours (its records added to ours) rather
   * than coming in as a new client: the row's switch.
   */
  sportello_import_choice_row_class_install_active (row_class, "merge");
}

static void
sportello_import_duplicate_row_init (SportelloImportDuplicateRow *self)
{
}

GtkWidget *
sportello_import_duplicate_row_new (SportelloImportChoice *item)
{
  return g_object_new (SPORTELLO_TYPE_IMPORT_DUPLICATE_ROW, "item", item, NULL);
}

SportelloImportChoice *
sportello_import_duplicate_row_get_item (SportelloImportDuplicateRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_DUPLICATE_ROW (self), NULL);

  return sportello_import_choice_row_get_item (SPORTELLO_IMPORT_CHOICE_ROW (self));
}

gboolean
sportello_import_duplicate_row_get_merge (SportelloImportDuplicateRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_DUPLICATE_ROW (self), FALSE);

  return sportello_import_choice_row_get_active (SPORTELLO_IMPORT_CHOICE_ROW (self));
}

void
sportello_import_duplicate_row_set_merge (SportelloImportDuplicateRow *self,
                                          gboolean                     merge)
{
  g_return_if_fail (SPORTELLO_IS_IMPORT_DUPLICATE_ROW (self));

  sportello_import_choice_row_set_active (SPORTELLO_IMPORT_CHOICE_ROW (self), merge);
}
