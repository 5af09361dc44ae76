/* sportello-follow-up-row.c: a follow-up as a row with a check box
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checking the box marks the follow-up done at once, with an Undo toast;
 * the owner (the page showing the list) is told so it can reload.
 */

#define G_LOG_DOMAIN "sportello-follow-up-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-follow-up-row.h"
#include "sportello-format.h"
#include "sportello-vocabulary.h"
#include "sportello-window.h"

typedef struct
{
  SportelloDatabase        *db;
  SportelloFollowUp        *follow_up;
  GObject                  *owner;
  SportelloFollowUpChanged  changed;
} RowData;

static void
row_data_free (gpointer data)
{
  RowData *rd = data;

  g_object_unref (rd->db);
  g_object_unref (rd->follow_up);
  g_object_unref (rd->owner);
  g_free (rd);
}

static RowData *
row_data_copy (const RowData *rd)
{
  RowData *copy = g_new0 (RowData, 1);

  copy->db = g_object_ref (rd->db);
  copy->follow_up = g_object_ref (rd->follow_up);
  copy->owner = g_object_ref (rd->owner);
  copy->changed = rd->changed;
  return copy;
}

static void
set_done (RowData  *rd,
          gboolean  done)
{
  g_autoptr(GError) error = NULL;

  if (!sportello_follow_up_set_done (rd->db, sportello_follow_up_get (rd->follow_up, SPORTELLO_FOLLOW_UP_UUID),
                                     done, &error))
    g_warning ("Cannot change a follow-up: %s", error->message);

  rd->changed (rd->owner);
}

static void
undo_cb (AdwToast *toast,
         RowData  *rd)
{
  set_done (rd, FALSE);
}

static void
toggled_cb (GtkCheckButton *check,
            RowData        *rd)
{
  gboolean done = gtk_check_button_get_active (check);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (check));
  AdwToast *toast;

  set_done (rd, done);

  if (!done || !SPORTELLO_IS_WINDOW (root))
    return;

  toast = adw_toast_new (_("Follow-up done"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), row_data_copy (rd),
                         (GClosureNotify) (void (*) (void)) row_data_free, 0);
  sportello_window_add_toast (SPORTELLO_WINDOW (root), toast);
}

GtkWidget *
sportello_follow_up_row_new (SportelloDatabase        *db,
                             SportelloFollowUp        *follow_up,
                             gboolean                  show_client,
                             GObject                  *owner,
                             SportelloFollowUpChanged  changed)
{
  g_autofree char *due = sportello_format_date_on (sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DUE_DATE),
                                                  SPORTELLO_DATE_LONG);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *by = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  RowData *rd = g_new0 (RowData, 1);

  rd->db = g_object_ref (db);
  rd->follow_up = g_object_ref (follow_up);
  rd->owner = g_object_ref (owner);
  rd->changed = changed;

  if (show_client)
    g_strv_builder_add (parts, sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_CLIENT_NAME));
  g_strv_builder_add (parts, sportello_vocabulary_label (SPORTELLO_VOCABULARY_ASSIGNEE,
                                                         sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_ASSIGNEE)));
  if (due != NULL)
    {
      /* Translators: a due date, as in “by 2 December 2026”; %s comes with its
       * article where the language needs one (“entro l'8 dicembre 2026”) */
      by = g_strdup_printf (_("by %s"), due);
      g_strv_builder_add (parts, by);
    }
  strv = g_strv_builder_end (parts);
  subtitle = g_strjoinv (" · ", strv);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_TEXT));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DONE_AT)[0] != '\0');
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  g_signal_connect_data (check, "toggled", G_CALLBACK (toggled_cb), rd,
                         (GClosureNotify) (void (*) (void)) row_data_free, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  if (sportello_follow_up_get_group (follow_up) == 0 /* SPORTELLO_DUE_OVERDUE */ &&
      sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DONE_AT)[0] == '\0')
    gtk_widget_add_css_class (row, "overdue");

  return row;
}
