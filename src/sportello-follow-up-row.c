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

#include "sportello-date-entry.h"
#include "sportello-follow-up-row.h"
#include "sportello-format.h"
#include "sportello-vocabulary.h"

struct _SportelloFollowUpRow
{
  AdwActionRow       parent_instance;

  SportelloContext  *context;
  SportelloFollowUp *follow_up;
  gboolean           show_client;
  GtkCheckButton    *check;
  GtkWidget         *edit_button;   /* a suffix where the follow-up may be edited */
  GtkWidget         *open_icon;     /* a suffix where the row opens its client */
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

/* ------------------------------------------------------------ editing ---- */

typedef struct
{
  SportelloFollowUpRow *row;
  GtkEditable          *text;
  GtkEditable          *due;
  AdwComboRow          *assignee;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_object_unref (edit->row);
  g_free (edit);
}

static void
edit_response_cb (AdwAlertDialog *dialog,
                  const char     *response,
                  Edit           *edit)
{
  SportelloFollowUpRow *self = edit->row;
  SportelloFollowUp *f = self->follow_up;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_iso = NULL;
  g_autoptr(GError) error = NULL;
  const char *due_text = gtk_editable_get_text (edit->due);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (edit->text)));
  const SportelloTerm *terms;
  guint n, selected;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (text[0] == '\0')
    {
      sportello_context_toast (self->context, adw_toast_new (_("A follow-up needs a text: nothing was changed")));
      return;
    }
  if (due_text[0] != '\0')
    {
      if (!(due = sportello_parse_date_input (due_text, NULL, NULL)))
        {
          sportello_context_toast (self->context, adw_toast_new (_("The due date is not a date: nothing was changed")));
          return;
        }
      due_iso = g_date_time_format (due, "%Y-%m-%d");
    }

  terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_ASSIGNEE, &n);
  selected = adw_combo_row_get_selected (edit->assignee);

  /* the lists that show it follow the database */
  sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_TEXT, text);
  sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_DUE_DATE, due_iso != NULL ? due_iso : "");
  if (selected < n)
    sportello_follow_up_set (f, SPORTELLO_FOLLOW_UP_ASSIGNEE, terms[selected].id);
  if (!sportello_follow_up_save (f, sportello_context_get_database (self->context), &error))
    sportello_context_toast_error (self->context, error);
}

/**
 * sportello_follow_up_row_edit:
 *
 * Asks for the follow-up's text, due date and who does it, and stores
 * them. Those a grant application's deadline made are not edited.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL
 */
AdwDialog *
sportello_follow_up_row_edit (SportelloFollowUpRow *self)
{
  AdwDialog *dialog;
  GtkWidget *list;
  GtkWidget *text, *due, *assignee;
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  const SportelloTerm *terms;
  guint n;
  int index;
  Edit *edit;

  g_return_val_if_fail (SPORTELLO_IS_FOLLOW_UP_ROW (self), NULL);

  if (!sportello_follow_up_row_get_editable (self))
    return NULL;

  dialog = adw_alert_dialog_new (_("Edit Follow-up"), NULL);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  text = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text), _("_Task"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (text), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (text), sportello_follow_up_get (self->follow_up, SPORTELLO_FOLLOW_UP_TEXT));
  gtk_list_box_append (GTK_LIST_BOX (list), text);

  due = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due), _("_Due date, as 2026-11-25"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (due), TRUE);
  {
    g_autofree char *shown = sportello_date_entry_format_day (sportello_follow_up_get (self->follow_up, SPORTELLO_FOLLOW_UP_DUE_DATE));

    gtk_editable_set_text (GTK_EDITABLE (due), shown);
  }
  sportello_date_entry_add_calendar (ADW_ENTRY_ROW (due), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), due);

  terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_ASSIGNEE, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (people, sportello_vocabulary_label (SPORTELLO_VOCABULARY_ASSIGNEE, terms[i].id));
  assignee = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (assignee), _("Who Does It"));
  adw_combo_row_set_model (ADW_COMBO_ROW (assignee), G_LIST_MODEL (people));
  index = sportello_vocabulary_index (SPORTELLO_VOCABULARY_ASSIGNEE, sportello_follow_up_get (self->follow_up, SPORTELLO_FOLLOW_UP_ASSIGNEE));
  adw_combo_row_set_selected (ADW_COMBO_ROW (assignee), MAX (index, 0));
  gtk_list_box_append (GTK_LIST_BOX (list), assignee);

  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);

  edit = g_new0 (Edit, 1);
  edit->row = g_object_ref (self);
  edit->text = GTK_EDITABLE (text);
  edit->due = GTK_EDITABLE (due);
  edit->assignee = ADW_COMBO_ROW (assignee);
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), edit,
                         (GClosureNotify) (void (*) (void)) edit_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));

  return dialog;
}

/* made from a grant application's deadline: the store keeps it as it is */
gboolean
sportello_follow_up_row_get_editable (SportelloFollowUpRow *self)
{
  g_return_val_if_fail (SPORTELLO_IS_FOLLOW_UP_ROW (self), FALSE);

  return sportello_follow_up_get (self->follow_up, SPORTELLO_FOLLOW_UP_MEETING_UUID)[0] != '\0';
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

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_FOLLOW_UP_ROW);

  G_OBJECT_CLASS (sportello_follow_up_row_parent_class)->dispose (object);
}

static void
sportello_follow_up_row_class_init (SportelloFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_follow_up_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-follow-up-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloFollowUpRow, check);
  gtk_widget_class_bind_template_child (widget_class, SportelloFollowUpRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SportelloFollowUpRow, open_icon);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sportello_follow_up_row_edit);
}

static void
sportello_follow_up_row_init (SportelloFollowUpRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* the subtitle and the name a screen reader says follow the record */
static void
describe (SportelloFollowUpRow *self)
{
  SportelloFollowUp *follow_up = self->follow_up;
  g_autofree char *due = sportello_format_date_on (sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DUE_DATE),
                                                  SPORTELLO_DATE_LONG);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *by = NULL;

  if (self->show_client)
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

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

GtkWidget *
sportello_follow_up_row_new (SportelloContext  *context,
                             SportelloFollowUp *follow_up,
                             gboolean           show_client)
{
  static const char * const shown[] = { "notify::text", "notify::client-name", "notify::assignee", "notify::due-date" };
  gboolean done = sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DONE_AT)[0] != '\0';
  SportelloFollowUpRow *self;

  g_return_val_if_fail (SPORTELLO_IS_CONTEXT (context), NULL);

  self = g_object_new (SPORTELLO_TYPE_FOLLOW_UP_ROW, NULL);
  self->context = g_object_ref (context);
  self->follow_up = g_object_ref (follow_up);
  self->show_client = show_client;

  /* an edit shows at once, before the lists that show it reload */
  g_object_bind_property (follow_up, "text", self, "title", G_BINDING_SYNC_CREATE);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_signal_connect_object (follow_up, shown[i], G_CALLBACK (describe), self, G_CONNECT_SWAPPED);
  describe (self);

  gtk_check_button_set_active (self->check, done);
  g_signal_connect_object (self->check, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);

  if (sportello_follow_up_row_get_editable (self))
    adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->edit_button);

  /* in To Do, the row opens its client */
  if (show_client && sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_CLIENT_UUID)[0] != '\0')
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->open_icon);
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
