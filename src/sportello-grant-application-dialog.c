/* sportello-grant-application-dialog.c: one client's application to a call
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's status, amounts, protocol number, dates, the call's
 * documents ticked off, notes, and every status it took, with its date.
 * What is changed is stored shortly after, and at once when it closes.
 */

#define G_LOG_DOMAIN "sportello-grant-application-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-autosave.h"
#include "sportello-format.h"
#include "sportello-grant-application-dialog.h"
#include "sportello-grant-call.h"
#include "sportello-vocabulary.h"

#define AUTOSAVE_DELAY_MS 500

struct _SportelloGrantApplicationDialog
{
  AdwDialog                  parent_instance;

  SportelloContext          *context;
  SportelloGrantApplication *application;
  SportelloAutosave          autosave;
  gboolean                   loading;
  GStrv                      documents;

  AdwComboRow               *status_row;
  AdwEntryRow               *requested_row;
  AdwEntryRow               *granted_row;
  AdwEntryRow               *protocol_row;
  AdwEntryRow               *submitted_row;
  AdwEntryRow               *outcome_row;
  AdwEntryRow               *rejection_row;
  AdwEntryRow               *reporting_row;
  AdwEntryRow               *notes_row;
  AdwEntryRow               *reminders_row;
  GPtrArray                 *document_rows;   /* AdwSwitchRow, as the call's documents */
  AdwPreferencesGroup       *history_group;
  GtkWidget                 *history_rows;
};

G_DEFINE_FINAL_TYPE (SportelloGrantApplicationDialog, sportello_grant_application_dialog, ADW_TYPE_DIALOG)

static gboolean
parse_amount (const char *text,
              gint64     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  guint64 n;

  for (const char *p = text; *p; p++)
    if (*p != '.' && *p != ' ')
      g_string_append_c (clean, *p);
  if (clean->len == 0)
    {
      *value = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (clean->str, 10, 0, G_MAXINT64, &n, NULL))
    return FALSE;
  *value = (gint64) n;
  return TRUE;
}

static void
fill_history (SportelloGrantApplicationDialog *self)
{
  g_autoptr(GPtrArray) history = sportello_grant_application_dup_history (self->application);

  if (self->history_rows != NULL)
    adw_preferences_group_remove (self->history_group, self->history_rows);
  self->history_rows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->history_rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->history_rows, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_rows),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status history"), -1);

  /* newest first */
  for (guint i = history->len; i > 0; i--)
    {
      SportelloGrantStatusChange *change = g_ptr_array_index (history, i - 1);
      g_autofree char *when = sportello_format_date_time (change->changed_at);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_grant_application_status_label (change->status));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when ? when : "");
      gtk_list_box_append (GTK_LIST_BOX (self->history_rows), row);
    }
  adw_preferences_group_add (self->history_group, self->history_rows);
}

static gboolean
save (GtkWidget  *widget,
      GError    **error)
{
  SportelloGrantApplicationDialog *self = SPORTELLO_GRANT_APPLICATION_DIALOG (widget);
  struct { AdwEntryRow *row; SportelloGrantApplicationField field; } texts[] = {
    { self->protocol_row, SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER },
    { self->submitted_row, SPORTELLO_GRANT_APPLICATION_SUBMITTED_ON },
    { self->outcome_row, SPORTELLO_GRANT_APPLICATION_OUTCOME_ON },
    { self->rejection_row, SPORTELLO_GRANT_APPLICATION_REJECTION_REASON },
    { self->reporting_row, SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE },
    { self->notes_row, SPORTELLO_GRANT_APPLICATION_NOTES },
    { self->reminders_row, SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS },
  };
  struct { AdwEntryRow *row; SportelloGrantApplicationNumber number; } numbers[] = {
    { self->requested_row, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED },
    { self->granted_row, SPORTELLO_GRANT_APPLICATION_AMOUNT_GRANTED },
  };
  const char *old_status = sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_STATUS);
  g_autofree char *before = g_strdup (old_status);
  g_autoptr(GError) local_error = NULL;
  const SportelloTerm *terms;
  guint n, selected;

  terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_GRANT_STATUS, &n);
  selected = adw_combo_row_get_selected (self->status_row);
  if (selected < n)
    sportello_grant_application_set (self->application, SPORTELLO_GRANT_APPLICATION_STATUS, terms[selected].id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    sportello_grant_application_set (self->application, texts[i].field, gtk_editable_get_text (GTK_EDITABLE (texts[i].row)));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gint64 value;

      if (!parse_amount (gtk_editable_get_text (GTK_EDITABLE (numbers[i].row)), &value))
        {
          gtk_widget_add_css_class (GTK_WIDGET (numbers[i].row), "error");
          return TRUE;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (numbers[i].row), "error");
      sportello_grant_application_set_number (self->application, numbers[i].number, value);
    }
  for (guint i = 0; i < self->document_rows->len; i++)
    sportello_grant_application_set_document_done (self->application, self->documents[i],
                                                   adw_switch_row_get_active (g_ptr_array_index (self->document_rows, i)));

  if (!sportello_grant_application_save (self->application, sportello_context_get_database (self->context), &local_error))
    {
      /* a half-typed date is no failure to retry: the next change tries again */
      if (g_error_matches (local_error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID))
        {
          adw_dialog_set_title (ADW_DIALOG (self), local_error->message);
          if (!sportello_grant_reminder_days_are_valid (gtk_editable_get_text (GTK_EDITABLE (self->reminders_row))))
            gtk_widget_add_css_class (GTK_WIDGET (self->reminders_row), "error");
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->reminders_row), "error");
  adw_dialog_set_title (ADW_DIALOG (self), sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_CLIENT_NAME));
  if (g_strcmp0 (before, sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_STATUS)) != 0)
    fill_history (self);
  return TRUE;
}

static void
toast_cb (GtkWidget *owner,
          AdwToast  *toast)
{
  SportelloGrantApplicationDialog *self = SPORTELLO_GRANT_APPLICATION_DIALOG (owner);

  sportello_context_toast (self->context, toast);
}

static void
changed_cb (SportelloGrantApplicationDialog *self)
{
  if (!self->loading)
    sportello_autosave_schedule (&self->autosave);
}

/* a status is stored at once, so the history has it */
static void
status_changed_cb (SportelloGrantApplicationDialog *self)
{
  if (!self->loading)
    {
      sportello_autosave_schedule (&self->autosave);
      sportello_autosave_flush (&self->autosave);
    }
}

static void
closed_cb (SportelloGrantApplicationDialog *self)
{
  sportello_autosave_flush (&self->autosave);
}

static AdwEntryRow *
add_entry (SportelloGrantApplicationDialog *self,
           AdwPreferencesGroup             *group,
           const char                      *title,
           const char                      *text)
{
  return sportello_autosave_add_entry (group, title, text, G_CALLBACK (changed_cb), self);
}

static AdwEntryRow *
add_amount (SportelloGrantApplicationDialog *self,
            AdwPreferencesGroup             *group,
            const char                      *title,
            SportelloGrantApplicationNumber  number)
{
  gint64 value = sportello_grant_application_get_number (self->application, number);
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("");

  return add_entry (self, group, title, text);
}

/* What Undo of a deleted application needs after the dialog is gone */
typedef struct
{
  SportelloContext          *context;
  SportelloGrantApplication *application;
} ApplicationUndo;

static void
application_undo_free (gpointer data)
{
  ApplicationUndo *undo = data;

  g_object_unref (undo->context);
  g_object_unref (undo->application);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast        *toast,
                ApplicationUndo *undo)
{
  g_autoptr(GError) error = NULL;

  /* saved again with the history it had; its follow-ups are made again */
  if (!sportello_grant_application_save (undo->application, sportello_context_get_database (undo->context), &error))
    sportello_context_toast_error (undo->context, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sportello_grant_application_dialog_delete (SPORTELLO_GRANT_APPLICATION_DIALOG (widget));
}

static void
sportello_grant_application_dialog_dispose (GObject *object)
{
  SportelloGrantApplicationDialog *self = (SportelloGrantApplicationDialog *)object;

  sportello_autosave_flush (&self->autosave);
  sportello_autosave_cancel (&self->autosave);
  g_clear_pointer (&self->document_rows, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_strfreev);
  g_clear_object (&self->application);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sportello_grant_application_dialog_parent_class)->dispose (object);
}

static void
sportello_grant_application_dialog_class_init (SportelloGrantApplicationDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sportello_grant_application_dialog_dispose;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "application.delete", NULL, delete_action);
}

static void
sportello_grant_application_dialog_init (SportelloGrantApplicationDialog *self)
{
  self->document_rows = g_ptr_array_new ();
  sportello_autosave_init (&self->autosave, GTK_WIDGET (self), AUTOSAVE_DELAY_MS, save, toast_cb);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}

SportelloGrantApplicationDialog *
sportello_grant_application_dialog_new (SportelloContext  *context,
                                        const char        *uuid,
                                        GError           **error)
{
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(SportelloGrantApplication) application = NULL;
  g_autoptr(SportelloGrantCall) call = NULL;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  SportelloGrantApplicationDialog *self;
  GtkWidget *toolbar, *page, *row;
  AdwPreferencesGroup *group;
  const SportelloTerm *terms;
  guint n;

  if (!(application = sportello_grant_application_load (db, uuid, error)))
    return NULL;
  if (!(call = sportello_grant_call_load (db, sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_CALL_UUID), error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_GRANT_APPLICATION_DIALOG,
                       "title", sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_CLIENT_NAME),
                       "content-width", 560, "content-height", 640, NULL);
  self->context = g_object_ref (context);
  self->application = g_steal_pointer (&application);
  self->documents = sportello_grant_call_dup_documents (call);
  self->loading = TRUE;

  toolbar = adw_toolbar_view_new ();
  {
    GtkWidget *header = adw_header_bar_new ();
    GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

    gtk_widget_set_tooltip_text (button, _("Delete Application"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "application.delete");
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
    adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);
  }
  page = adw_preferences_page_new ();
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), page);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  /* the call's title is text, never markup */
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_TITLE));
  /* Translators: under the call's title in an application's dialog */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Application to this call"));
  adw_preferences_group_add (group, row);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Status"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  terms = sportello_vocabulary_terms (SPORTELLO_VOCABULARY_GRANT_STATUS, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (statuses, sportello_vocabulary_label (SPORTELLO_VOCABULARY_GRANT_STATUS, terms[i].id));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              MAX (sportello_vocabulary_index (SPORTELLO_VOCABULARY_GRANT_STATUS,
                                                               sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_STATUS)), 0));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (status_changed_cb), self);
  adw_preferences_group_add (group, row);
  self->status_row = ADW_COMBO_ROW (row);

  self->requested_row = add_amount (self, group, _("Amount _requested in euros"), SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED);
  self->granted_row = add_amount (self, group, _("Amount _granted in euros"), SPORTELLO_GRANT_APPLICATION_AMOUNT_GRANTED);
  self->protocol_row = add_entry (self, group, _("_Protocol number"),
                                  sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER));
  self->submitted_row = add_entry (self, group, _("Submitted _on, as 2026-12-01"),
                                   sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_SUBMITTED_ON));
  self->outcome_row = add_entry (self, group, _("Out_come on, as 2027-02-15"),
                                 sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_OUTCOME_ON));
  self->rejection_row = add_entry (self, group, _("Rejection _reason"),
                                   sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_REJECTION_REASON));
  self->reporting_row = add_entry (self, group, _("Reporting _deadline, as 2027-12-31"),
                                   sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE));
  self->notes_row = add_entry (self, group, _("_Notes"),
                               sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_NOTES));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Reminders"));
  adw_preferences_group_set_description (group, _("Follow-ups in To Do before the call’s deadline, and before the reporting deadline once funded"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  {
    g_auto(GStrv) days = g_strsplit (sportello_grant_application_get (self->application,
                                                                      SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS), ",", -1);
    g_autofree char *text = g_strjoinv (", ", days);

    self->reminders_row = add_entry (self, group, _("Days _before a deadline, as 14, 3"), text);
  }

  if (self->documents != NULL && self->documents[0] != NULL)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _("Documents"));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
      for (guint i = 0; self->documents[i] != NULL; i++)
        {
          row = adw_switch_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->documents[i]);
          adw_switch_row_set_active (ADW_SWITCH_ROW (row),
                                     sportello_grant_application_get_document_done (self->application, self->documents[i]));
          g_signal_connect_swapped (row, "notify::active", G_CALLBACK (changed_cb), self);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (self->document_rows, row);
        }
    }

  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("Status History"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->history_group);
  fill_history (self);

  self->loading = FALSE;
  return self;
}

AdwComboRow *
sportello_grant_application_dialog_get_status_row (SportelloGrantApplicationDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_APPLICATION_DIALOG (self), NULL);

  return self->status_row;
}

void
sportello_grant_application_dialog_flush (SportelloGrantApplicationDialog *self)
{
  g_return_if_fail (SPORTELLO_IS_GRANT_APPLICATION_DIALOG (self));

  sportello_autosave_flush (&self->autosave);
}

gboolean
sportello_grant_application_open (GtkWidget         *parent,
                                  SportelloContext  *context,
                                  const char        *client_uuid,
                                  const char        *call_uuid,
                                  GError           **error)
{
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(SportelloGrantApplication) application = NULL;
  SportelloGrantApplicationDialog *dialog;

  if (!(existing = sportello_grant_application_list (db, client_uuid, call_uuid, error)))
    return FALSE;
  if (g_list_model_get_n_items (existing) > 0)
    application = g_list_model_get_item (existing, 0);
  else
    {
      application = sportello_grant_application_new (client_uuid, call_uuid);
      if (!sportello_grant_application_save (application, db, error))
        return FALSE;
    }

  dialog = sportello_grant_application_dialog_new (context, sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_UUID), error);
  if (dialog == NULL)
    return FALSE;
  adw_dialog_present (ADW_DIALOG (dialog), parent);
  return TRUE;
}

/**
 * sportello_grant_application_dialog_delete:
 *
 * Deletes the application (its follow-ups go with it), closes the dialog
 * and offers Undo in a toast.
 */
void
sportello_grant_application_dialog_delete (SportelloGrantApplicationDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  ApplicationUndo *undo;
  AdwToast *toast;

  g_return_if_fail (SPORTELLO_IS_GRANT_APPLICATION_DIALOG (self));

  sportello_autosave_flush (&self->autosave);
  if (!sportello_grant_application_delete (sportello_context_get_database (self->context),
                                           sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_UUID),
                                           &error))
    {
      sportello_context_toast_error (self->context, error);
      return;
    }
  /* nothing is stored after it is gone */
  sportello_autosave_cancel (&self->autosave);

  /* Translators: %s is a firm's name */
  title = g_strdup_printf (_("Application of “%s” deleted"),
                           sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_CLIENT_NAME));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (ApplicationUndo, 1);
  undo->context = g_object_ref (self->context);
  undo->application = g_object_ref (self->application);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo,
                         (GClosureNotify) (void (*) (void)) application_undo_free, 0);
  sportello_context_toast (self->context, toast);

  adw_dialog_force_close (ADW_DIALOG (self));
}
