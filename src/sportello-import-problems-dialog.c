/* sportello-import-problems-dialog.c: why a bundle cannot be imported
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A checked bundle with problems is not imported: this says so, and lists
 * every problem the store found, what is wrong and, under it, where (its
 * JSON path, which can be selected and copied).
 */

#define G_LOG_DOMAIN "sportello-import-problems-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sportello-format.h"
#include "sportello-import-problems-dialog.h"

struct _SportelloImportProblemsDialog
{
  AdwAlertDialog  parent_instance;

  GtkListBox     *problems_list;
};

G_DEFINE_FINAL_TYPE (SportelloImportProblemsDialog, sportello_import_problems_dialog, ADW_TYPE_ALERT_DIALOG)

/* “$.clients[3].vat_number: check digit…” as a row: the reason, and under
 * it the path, which can be selected and copied */
static GtkWidget *
problem_row_new (const char *problem)
{
  GtkWidget *row = adw_action_row_new ();
  const char *colon = strstr (problem, ": ");
  g_autofree char *path = colon ? g_strndup (problem, colon - problem) : NULL;
  g_autofree char *reason = sportello_capitalize (colon ? colon + 2 : problem);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reason);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (path != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
    }
  return row;
}

static void
sportello_import_problems_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPORTELLO_TYPE_IMPORT_PROBLEMS_DIALOG);

  G_OBJECT_CLASS (sportello_import_problems_dialog_parent_class)->dispose (object);
}

static void
sportello_import_problems_dialog_class_init (SportelloImportProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_import_problems_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-import-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloImportProblemsDialog, problems_list);
}

static void
sportello_import_problems_dialog_init (SportelloImportProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sportello_import_problems_dialog_new:
 * @name: the bundle's file name
 * @problems: (element-type utf8): sportello_bundle_get_problems()
 */
SportelloImportProblemsDialog *
sportello_import_problems_dialog_new (const char *name,
                                      GPtrArray  *problems)
{
  SportelloImportProblemsDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  /* Translators: %s is a file name */
  intro = g_strdup_printf (_("Nothing was changed. “%s” has these problems:"), name);
  self = g_object_new (SPORTELLO_TYPE_IMPORT_PROBLEMS_DIALOG, "body", intro, NULL);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (self->problems_list, problem_row_new (g_ptr_array_index (problems, i)));

  return self;
}

GtkListBox *
sportello_import_problems_dialog_get_list (SportelloImportProblemsDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_IMPORT_PROBLEMS_DIALOG (self), NULL);

  return self->problems_list;
}
