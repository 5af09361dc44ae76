/* sportello-import-dialog.c: what importing a bundle would change
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a checked bundle's preview, as the store computed it: one row per
 * kind of record with what would happen to it, then the records the
 * consultant decides on. A few conflicts are listed one by one, each a
 * SportelloImportConflictRow whose switch takes their version; many get
 * one choice for all. Likewise a few new clients with a P.IVA of ours are
 * SportelloImportDuplicateRows, merged one by one; many get one switch.
 * The choices live in SportelloImportChoice items, which
 * sportello_import_dialog_apply_choices() hands to the bundle.
 */

#define G_LOG_DOMAIN "sportello-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-import-choice.h"
#include "sportello-import-conflict-row.h"
#include "sportello-import-dialog.h"
#include "sportello-import-duplicate-row.h"

struct _SportelloImportDialog
{
  AdwAlertDialog  parent_instance;

  GListStore     *conflicts;       /* SportelloImportChoice, when few enough to list */
  GListStore     *duplicates;      /* SportelloImportChoice: new clients with a P.IVA of ours */

  GtkListBox     *counts_list;
  GtkWidget      *conflicts_box;
  GtkListBox     *conflicts_list;
  GtkWidget      *policy_list;
  AdwComboRow    *policy_row;
  GtkWidget      *merge_all_list;
  AdwSwitchRow   *merge_all_row;
  GtkWidget      *duplicates_box;
  GtkListBox     *duplicates_list;
};

G_DEFINE_FINAL_TYPE (SportelloImportDialog, sportello_import_dialog, ADW_TYPE_ALERT_DIALOG)

/* “200.000 to add, 3 possible duplicates”: what is not zero, in the
 * locale's digits */
static char *
describe_counts (const SportelloImportCounts *c)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (c->new_records > 0)
    /* Translators: part of an import preview, after the kind of record (“Clients”);
     * the numbers have the locale's thousands separator (%'u) */
    g_strv_builder_take (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u to add", "%'u to add",
                                                              c->new_records), c->new_records));
  if (c->updated > 0)
    /* Translators: part of an import preview, after the kind of record (“Clients”) */
    g_strv_builder_take (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u to update", "%'u to update",
                                                              c->updated), c->updated));
  if (c->unchanged > 0)
    /* Translators: part of an import preview, after the kind of record (“Clients”) */
    g_strv_builder_take (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u unchanged", "%'u unchanged",
                                                              c->unchanged), c->unchanged));
  if (c->conflicts > 0)
    /* Translators: part of an import preview, after the kind of record (“Clients”) */
    g_strv_builder_take (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u changed on both sides",
                                                              "%'u changed on both sides", c->conflicts),
                                                 c->conflicts));
  if (c->duplicates > 0)
    /* Translators: part of an import preview, after the kind of record (“Clients”) */
    g_strv_builder_take (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u possible duplicate",
                                                              "%'u possible duplicates", c->duplicates),
                                                 c->duplicates));
  strv = g_strv_builder_end (parts);
  return g_strjoinv (", ", strv);
}

/* One row per kind of record in the bundle, with what would happen to it */
static void
show_counts (SportelloImportDialog       *self,
             const SportelloImportCounts  counts[SPORTELLO_N_RECORD_KINDS])
{
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    {
      const SportelloImportCounts *c = &counts[kind];
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (c->new_records + c->updated + c->unchanged + c->conflicts == 0)
        continue;

      subtitle = describe_counts (c);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_record_kind_label (kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->counts_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->counts_list)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The bundle holds no records"));
      gtk_list_box_append (self->counts_list, row);
    }
}

static GtkWidget *
create_conflict_row_cb (gpointer item,
                        gpointer user_data)
{
  return sportello_import_conflict_row_new (item);
}

static GtkWidget *
create_duplicate_row_cb (gpointer item,
                         gpointer user_data)
{
  return sportello_import_duplicate_row_new (item);
}

static void
sportello_import_dialog_dispose (GObject *object)
{
  SportelloImportDialog *self = (SportelloImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->duplicates);

  G_OBJECT_CLASS (sportello_import_dialog_parent_class)->dispose (object);
}

static void
sportello_import_dialog_class_init (SportelloImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, counts_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, policy_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, merge_all_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, merge_all_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, duplicates_box);
  gtk_widget_class_bind_template_child (widget_class, SportelloImportDialog, duplicates_list);
}

static void
sportello_import_dialog_init (SportelloImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->conflicts = g_list_store_new (SPORTELLO_TYPE_IMPORT_CHOICE);
  self->duplicates = g_list_store_new (SPORTELLO_TYPE_IMPORT_CHOICE);
}

/**
 * sportello_import_dialog_new:
 * @name: the bundle's file name
 * @bundle: the checked bundle, without problems; not kept
 * @counts: what sportello_bundle_preview() counted
 * @conflicts: (nullable) (element-type SportelloConflict): the records
 *   changed on both sides, if few enough to list; %NULL otherwise
 * @duplicates: (nullable) (element-type SportelloConflict): the new
 *   clients with a P.IVA of ours
 *
 * Returns: (transfer floating): the preview, with the responses “cancel”
 *   and “import”
 */
SportelloImportDialog *
sportello_import_dialog_new (const char                  *name,
                             SportelloBundle             *bundle,
                             const SportelloImportCounts  counts[SPORTELLO_N_RECORD_KINDS],
                             GPtrArray                   *conflicts,
                             GPtrArray                   *duplicates)
{
  SportelloImportDialog *self = g_object_new (SPORTELLO_TYPE_IMPORT_DIALOG, NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  const char *hub = NULL;
  const char *by = sportello_bundle_get_exported_by (bundle, &hub);
  guint n_conflicts = 0;

  if (by != NULL && *by)
    /* Translators: who exported a bundle: consultant, hub */
    g_string_append_printf (body, _("Exported by %s, %s."), by, hub ? hub : "");
  /* a long file name would not fit a heading: it goes in the body */
  g_string_prepend_c (body, '\n');
  g_string_prepend (body, name);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self), body->str);

  show_counts (self, counts);
  for (guint kind = 0; kind < SPORTELLO_N_RECORD_KINDS; kind++)
    n_conflicts += counts[kind].conflicts;

  if (conflicts != NULL)
    {
      for (guint i = 0; i < conflicts->len; i++)
        {
          SportelloConflict *conflict = g_ptr_array_index (conflicts, i);
          g_autoptr(SportelloImportChoice) item = sportello_import_choice_new (conflict);

          /* “take theirs” starts where the newer version is */
          sportello_import_choice_set_accepted (item, g_strcmp0 (conflict->theirs_updated_at,
                                                                 conflict->ours_updated_at) > 0);
          g_list_store_append (self->conflicts, item);
        }
      gtk_list_box_bind_model (self->conflicts_list, G_LIST_MODEL (self->conflicts),
                               create_conflict_row_cb, NULL, NULL);
      gtk_widget_set_visible (self->conflicts_box, TRUE);
    }
  else if (n_conflicts > 0)
    {
      /* Translators: title of the one choice for many conflicts at once */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u conflict", "%'u conflicts",
                                                             n_conflicts), n_conflicts);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->policy_row), title);
      gtk_widget_set_visible (self->policy_list, TRUE);
    }

  /* a new client with a P.IVA of ours can join our client instead */
  for (guint i = 0; duplicates != NULL && i < duplicates->len; i++)
    {
      g_autoptr(SportelloImportChoice) item = sportello_import_choice_new (g_ptr_array_index (duplicates, i));

      g_list_store_append (self->duplicates, item);
    }
  if (duplicates != NULL && duplicates->len > SPORTELLO_IMPORT_DIALOG_MAX_LISTED)
    {
      /* Translators: many new clients with a P.IVA of ours, merged or not with one switch */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merge %'u client into ours with the same P.IVA",
                                                             "Merge %'u clients into ours with the same P.IVA",
                                                             duplicates->len),
                                                duplicates->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->merge_all_row), title);
      gtk_widget_set_visible (self->merge_all_list, TRUE);
    }
  else if (duplicates != NULL && duplicates->len > 0)
    {
      gtk_list_box_bind_model (self->duplicates_list, G_LIST_MODEL (self->duplicates),
                               create_duplicate_row_cb, NULL, NULL);
      gtk_widget_set_visible (self->duplicates_box, TRUE);
    }

  return self;
}

/**
 * sportello_import_dialog_get_conflicts:
 *
 * Returns: (transfer none): the conflicts listed one by one, as
 *   #SportelloImportChoice items: accepted takes their version
 */
GListModel *
sportello_import_dialog_get_conflicts (SportelloImportDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->conflicts);
}

/**
 * sportello_import_dialog_get_duplicates:
 *
 * Returns: (transfer none): the possible duplicates, as
 *   #SportelloImportChoice items: accepted merges their client into ours
 */
GListModel *
sportello_import_dialog_get_duplicates (SportelloImportDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->duplicates);
}

/**
 * sportello_import_dialog_get_policy:
 *
 * Returns: the one choice for conflicts not listed one by one
 */
SportelloConflictPolicy
sportello_import_dialog_get_policy (SportelloImportDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_DIALOG (self), SPORTELLO_CONFLICT_NEWER);

  if (!gtk_widget_get_visible (self->policy_list))
    return SPORTELLO_CONFLICT_NEWER;
  return adw_combo_row_get_selected (self->policy_row);
}

/**
 * sportello_import_dialog_apply_choices:
 * @bundle: the bundle the preview shows, about to be applied
 *
 * Merges into ours the duplicates the consultant chose to merge, and
 * settles each listed conflict as the consultant chose.
 */
void
sportello_import_dialog_apply_choices (SportelloImportDialog *self,
                                       SportelloBundle       *bundle)
{
  gboolean merge_all;

  g_return_if_fail (SPORTELLO_IS_IMPORT_DIALOG (self));
  g_return_if_fail (bundle != NULL);

  merge_all = gtk_widget_get_visible (self->merge_all_list) && adw_switch_row_get_active (self->merge_all_row);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->duplicates)); i++)
    {
      g_autoptr(SportelloImportChoice) item = g_list_model_get_item (G_LIST_MODEL (self->duplicates), i);
      const SportelloConflict *match = sportello_import_choice_get_conflict (item);

      if (merge_all || (!gtk_widget_get_visible (self->merge_all_list) && sportello_import_choice_get_accepted (item)))
        sportello_bundle_merge (bundle, match->uuid, match->existing_uuid);
    }

  /* one choice per conflict, where they were listed */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)); i++)
    {
      g_autoptr(SportelloImportChoice) item = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);

      sportello_bundle_choose (bundle, sportello_import_choice_get_conflict (item)->uuid,
                               sportello_import_choice_get_accepted (item) ? SPORTELLO_CONFLICT_THEIRS
                                                                           : SPORTELLO_CONFLICT_OURS);
    }
}
