/* sportello-import-conflict-row.c: a record changed on both sides, in an import
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names the record and when each side changed it; its switch is
 * :take-theirs, bound both ways to the item's :accepted, which the
 * apply step reads (see SportelloImportChoiceRow).
 */

#define G_LOG_DOMAIN "sportello-import-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-format.h"
#include "sportello-import-conflict-row.h"

struct _SportelloImportConflictRow
{
  SportelloImportChoiceRow parent_instance;
};

G_DEFINE_FINAL_TYPE (SportelloImportConflictRow, sportello_import_conflict_row, SPORTELLO_TYPE_IMPORT_CHOICE_ROW)

static void
sportello_import_conflict_row_update (SportelloImportChoiceRow *row,
                                      SportelloImportChoice    *item)
{
  const SportelloConflict *conflict = sportello_import_choice_get_conflict (item);
  g_autofree char *ours = sportello_format_date_long (conflict->ours_updated_at);
  g_autofree char *theirs = sportello_format_date_long (conflict->theirs_updated_at);
  g_autofree char *subtitle = NULL;

  /* changed on the same day: the time tells them apart */
  if (g_strcmp0 (ours, theirs) == 0)
    {
      g_free (ours);
      g_free (theirs);
      ours = sportello_format_date_time (conflict->ours_updated_at);
      theirs = sportello_format_date_time (conflict->theirs_updated_at);
    }
  /* Translators: a conflict in an import: the kind of record, when each side changed it */
  subtitle = g_strdup_printf (_("%s · theirs changed on %s, ours on %s"),
                              sportello_record_kind_label (conflict->kind),
                              theirs ? theirs : "", ours ? ours : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 conflict->description && *conflict->description ? conflict->description
                                                                                 : sportello_record_kind_label (conflict->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
sportello_import_conflict_row_class_init (SportelloImportConflictRowClass *klass)
{
  SportelloImportChoiceRowClass *row_class = SPORTELLO_IMPORT_CHOICE_ROW_CLASS (klass);

  row_class->update = sportello_import_conflict_row_update;

  /**
   * SportelloImportConflictRow:take-theirs:
   *
   * Whether their version replaces ours: the row's switch.
   */
  sportello_import_choice_row_class_install_active (row_class, "take-theirs");
}

static void
sportello_import_conflict_row_init (SportelloImportConflictRow *self)
{
}

GtkWidget *
sportello_import_conflict_row_new (SportelloImportChoice *item)
{
  return g_object_new (SPORTELLO_TYPE_IMPORT_CONFLICT_ROW, "item", item, NULL);
}

SportelloImportChoice *
sportello_import_conflict_row_get_item (SportelloImportConflictRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CONFLICT_ROW (self), NULL);

  return sportello_import_choice_row_get_item (SPORTELLO_IMPORT_CHOICE_ROW (self));
}

gboolean
sportello_import_conflict_row_get_take_theirs (SportelloImportConflictRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_CONFLICT_ROW (self), FALSE);

  return sportello_import_choice_row_get_active (SPORTELLO_IMPORT_CHOICE_ROW (self));
}

void
sportello_import_conflict_row_set_take_theirs (SportelloImportConflictRow *self,
                                               gboolean                    take_theirs)
{
  g_return_if_fail (SPORTELLO_IS_IMPORT_CONFLICT_ROW (self));

  sportello_import_choice_row_set_active (SPORTELLO_IMPORT_CHOICE_ROW (self), take_theirs);
}
