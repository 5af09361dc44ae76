/* sportello-follow-up-row.c: a follow-up as a row with a check box
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checking the box marks the follow-up done at once, with an Undo toast.
 * The lists that show follow-ups follow the database, so nobody needs to
 * be told.
 */

#define G_LOG_DOMAIN "sportello-follow-up-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-follow-up-row.h"
#include "sportello-format.h"
#include "sportello-vocabulary.h"

struct _SportelloFollowUpRow
{
  AdwActionRow       parent_instance;

  SportelloContext  *context;
  SportelloFollowUp *follow_up;
  GtkCheckButton    *check;
};

G_DEFINE_FINAL_TYPE (SportelloFollowUpRow, sportello_follow_up_row, ADW_TYPE_ACTION_ROW)

/* What Undo needs after the row is gone */
typedef struct
{
  SportelloContext *context;
  char             *uuid;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_object_unref (undo->context);
  g_free (undo->uuid);
  g_free (undo);
}

static gboolean
set_done (SportelloContext *context,
          const char       *uuid,
          gboolean          done)
{
  g_autoptr(GError) error = NULL;

  if (!sportello_follow_up_set_done (sportello_context_get_database (context), uuid, done, &error))
    {
      sportello_context_toast_error (context, error);
      return FALSE;
    }

  return TRUE;
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  set_done (undo->context, undo->uuid, FALSE);
}

static void
toggled_cb (SportelloFollowUpRow *self)
{
  gboolean done = gtk_check_button_get_active (self->check);
  const char *uuid = sportello_follow_up_get (self->follow_up, SPORTELLO_FOLLOW_UP_UUID);
  AdwToast *toast;
  Undo *undo;

  if (!set_done (self->context, uuid, done) || !done)
    return;

  undo = g_new0 (Undo, 1);
  undo->context = g_object_ref (self->context);
  undo->uuid = g_strdup (uuid);
  toast = adw_toast_new (_("Follow-up done"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  sportello_context_toast (self->context, toast);
}

static void
activated_cb (SportelloFollowUpRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-client", "s",
                              sportello_follow_up_get (self->follow_up, SPORTELLO_FOLLOW_UP_CLIENT_UUID));
}

static void
sportello_follow_up_row_dispose (GObject *object)
{
  SportelloFollowUpRow *self = SPORTELLO_FOLLOW_UP_ROW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->follow_up);

  G_OBJECT_CLASS (sportello_follow_up_row_parent_class)->dispose (object);
}

static void
sportello_follow_up_row_class_init (SportelloFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sportello_follow_up_row_dispose;
}

static void
sportello_follow_up_row_init (SportelloFollowUpRow *self)
{
  self->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->check), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
  /* only the check box ticks: a click on the row is no accidental “done” */
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->check));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
sportello_follow_up_row_new (SportelloContext  *context,
                             SportelloFollowUp *follow_up,
                             gboolean           show_client)
{
  g_autofree char *due = sportello_format_date_on (sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DUE_DATE),
                                                  SPORTELLO_DATE_LONG);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *by = NULL;
  gboolean done = sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DONE_AT)[0] != '\0';
  SportelloFollowUpRow *self;

  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (context), NULL);

  self = g_object_new (SPORTELLO_TYPE_FOLLOW_UP_ROW, NULL);
  self->context = g_object_ref (context);
  self->follow_up = g_object_ref (follow_up);

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
  {
    /* a screen reader says the task with whose it is and when it is due */
    g_autofree char *details = g_strjoinv (", ", strv);
    g_autofree char *name = NULL;

    /* Translators: a follow-up for a screen reader: its text, then the
     * client, who does it and the due date, e.g. “Send the quote, Villa
     * bakery, Consultant, by 8 December 2026” */
    name = g_strdup_printf (C_("follow-up", "%s, %s"),
                            sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_TEXT), details);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_TEXT));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_check_button_set_active (self->check, done);
  g_signal_connect_object (self->check, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);

  /* in To Do, the row opens its client */
  if (show_client && sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_CLIENT_UUID)[0] != '\0')
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (self, "activated", G_CALLBACK (activated_cb), NULL);
    }

  if (sportello_follow_up_get_group (follow_up) == 0 /* SPORTELLO_DUE_OVERDUE */ && !done)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");

  return GTK_WIDGET (self);
}

SportelloFollowUp *
sportello_follow_up_row_get_follow_up (SportelloFollowUpRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_FOLLOW_UP_ROW (self), NULL);

  return self->follow_up;
}
