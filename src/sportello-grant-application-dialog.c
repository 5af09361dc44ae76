/* sportello-grant-application-dialog.c: one client's application to a call
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's status, amounts, protocol number, dates, the call's
 * documents ticked off, notes, and every status it took, with its date.
 * What is changed is stored shortly after, and at once when it closes.
 *
 * The rows are bound to the application's fields (sportello-binding.h):
 * an edit reaches the application as it is typed, and a change of the
 * application is what starts the autosave. Filling the rows writes
 * nothing back, so opening an application stores nothing, and its status
 * history gains a status only when the status is changed.
 */

#define G_LOG_DOMAIN "sportello-grant-application-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-autosave.h"
#include "sportello-binding.h"
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
  gboolean                   saving;     /* what save () sets is no edit */
  gulong                     notify_id;
  GPtrArray                 *bindings;   /* GBinding, unbound when it goes */
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

/* An amount typed wrong does not reach the application (its binding
 * leaves it alone), so it is checked here; the store checks the rest (the
 * dates, the reminder days). Nothing is stored while something is wrong,
 * and the row says so */
static gboolean
save (GtkWidget  *widget,
      GError    **error)
{
  SportelloGrantApplicationDialog *self = SPORTELLO_GRANT_APPLICATION_DIALOG (widget);
  AdwEntryRow *amounts[] = { self->requested_row, self->granted_row };
  /* the status is already on the application: the save says whether it
   * made a new entry in the history */
  g_autofree char *before = g_strdup (sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY));
  g_autoptr(GError) local_error = NULL;
  gboolean saved;

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      gint64 value;

      if (!sportello_binding_parse_whole_number (gtk_editable_get_text (GTK_EDITABLE (amounts[i])), &value))
        {
          gtk_widget_add_css_class (GTK_WIDGET (amounts[i]), "error");
          return TRUE;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (amounts[i]), "error");
    }

  self->saving = TRUE;
  saved = sportello_grant_application_save (self->application, sportello_context_get_database (self->context), &local_error);
  self->saving = FALSE;
  if (!saved)
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
  if (g_strcmp0 (before, sportello_grant_application_get (self->application, SPORTELLO_GRANT_APPLICATION_STATUS_HISTORY)) != 0)
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
  sportello_autosave_schedule (&self->autosave);
}

/* A field of the application changed, typed in a row or set on it: it is
 * stored shortly; a status at once, so the history has it */
static void
application_notify_cb (SportelloGrantApplicationDialog *self,
                       GParamSpec                      *pspec)
{
  if (self->saving)
    return;
  sportello_autosave_schedule (&self->autosave);
  if (g_str_equal (g_param_spec_get_name (pspec),
                   sportello_binding_field_property (self->application, SPORTELLO_GRANT_APPLICATION_STATUS)))
    sportello_autosave_flush (&self->autosave);
}

static void
closed_cb (SportelloGrantApplicationDialog *self)
{
  sportello_autosave_flush (&self->autosave);
}

static void
bind (SportelloGrantApplicationDialog *self,
      GBinding                        *binding)
{
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static AdwEntryRow *
add_entry (SportelloGrantApplicationDialog *self,
           AdwPreferencesGroup             *group,
           const char                      *title,
           SportelloGrantApplicationField   field)
{
  AdwEntryRow *row = sportello_binding_add_entry_row (group, title);

  bind (self, sportello_bind_text (self->application, sportello_binding_field_property (self->application, field), row));
  return row;
}

/* amounts: -1, not given, is no text */
static gboolean
amount_to_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  gint64 value = g_value_get_int64 (from);
  g_autoptr(GObject) row = g_binding_dup_target (binding);
  gint64 shown;

  /* “1.000” typed is the 1000 stored: the row is not rewritten */
  if (row != NULL && sportello_binding_parse_whole_number (gtk_editable_get_text (GTK_EDITABLE (row)), &shown) && shown == value)
    return FALSE;
  g_value_take_string (to, value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup (""));
  return TRUE;
}

/* what is no whole number leaves the application alone (save () says so) */
static gboolean
amount_from_row (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  gint64 value;

  if (!sportello_binding_parse_whole_number (g_value_get_string (from), &value))
    return FALSE;
  g_value_set_int64 (to, value);
  return TRUE;
}

static AdwEntryRow *
add_amount (SportelloGrantApplicationDialog *self,
            AdwPreferencesGroup             *group,
            const char                      *title,
            const char                      *property)
{
  AdwEntryRow *row = sportello_binding_add_entry_row (group, title);

  bind (self, g_object_bind_property_full (self->application, property, row, "text", SPORTELLO_BINDING_FLAGS,
                                           amount_to_row, amount_from_row, NULL, NULL));
  /* after the binding filled it: a wrong amount, which does not reach the
   * application, still starts the save that marks it */
  g_signal_connect_object (row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static char *
without_spaces (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (clean, *p);
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* the stored days “14,3” show as “14, 3”; the row typed in is not
 * rewritten for its spaces */
static gboolean
days_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  const char *stored = g_value_get_string (from) ? g_value_get_string (from) : "";
  g_autoptr(GObject) row = g_binding_dup_target (binding);
  g_autofree char *value = without_spaces (stored);
  g_auto(GStrv) days = NULL;

  if (row != NULL)
    {
      g_autofree char *shown = without_spaces (gtk_editable_get_text (GTK_EDITABLE (row)));

      if (shown[0] != '\0' && g_str_equal (shown, value))
        return FALSE;
    }
  days = g_strsplit (stored, ",", -1);
  g_value_take_string (to, g_strjoinv (", ", days));
  return TRUE;
}

static gboolean
days_from_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_set_string (to, g_value_get_string (from));
  return TRUE;
}

/* a document ticked off: the switch follows the application's list */
static gboolean
document_to_row (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_autoptr(GObject) application = g_binding_dup_source (binding);

  if (application == NULL)
    return FALSE;
  g_value_set_boolean (to, sportello_grant_application_get_document_done (SPORTELLO_GRANT_APPLICATION (application), user_data));
  return TRUE;
}

/* the list with the document ticked on or off */
static gboolean
document_from_row (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_autoptr(GObject) application = g_binding_dup_source (binding);
  g_autoptr(SportelloGrantApplication) copy = NULL;

  if (application == NULL)
    return FALSE;
  /* the application's own setter says how the list is written */
  copy = sportello_grant_application_new ("", "");
  sportello_grant_application_set (copy, SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE,
                                   sportello_grant_application_get (SPORTELLO_GRANT_APPLICATION (application),
                                                                    SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE));
  sportello_grant_application_set_document_done (copy, user_data, g_value_get_boolean (from));
  g_value_set_string (to, sportello_grant_application_get (copy, SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE));
  return TRUE;
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
  /* the rows go: they write nothing more to the application, which an
   * Undo may still hold */
  if (self->bindings != NULL)
    for (guint i = 0; i < self->bindings->len; i++)
      g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_signal_handler (&self->notify_id, self->application);
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
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
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
  SportelloGrantApplicationDialog *self;
  GtkWidget *toolbar, *page, *row;
  AdwPreferencesGroup *group;

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
  sportello_binding_fill_terms (ADW_COMBO_ROW (row), SPORTELLO_VOCABULARY_GRANT_STATUS, NULL);
  bind (self, sportello_bind_term (self->application,
                                   sportello_binding_field_property (self->application, SPORTELLO_GRANT_APPLICATION_STATUS),
                                   ADW_COMBO_ROW (row), SPORTELLO_VOCABULARY_GRANT_STATUS, FALSE, NULL));
  adw_preferences_group_add (group, row);
  self->status_row = ADW_COMBO_ROW (row);

  self->requested_row = add_amount (self, group, _("Amount _requested in euros"), "amount-requested");
  self->granted_row = add_amount (self, group, _("Amount _granted in euros"), "amount-granted");
  self->protocol_row = add_entry (self, group, _("_Protocol number"), SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER);
  self->submitted_row = add_entry (self, group, _("Submitted _on, as 2026-12-01"), SPORTELLO_GRANT_APPLICATION_SUBMITTED_ON);
  self->outcome_row = add_entry (self, group, _("Out_come on, as 2027-02-15"), SPORTELLO_GRANT_APPLICATION_OUTCOME_ON);
  self->rejection_row = add_entry (self, group, _("Rejection _reason"), SPORTELLO_GRANT_APPLICATION_REJECTION_REASON);
  self->reporting_row = add_entry (self, group, _("Reporting _deadline, as 2027-12-31"), SPORTELLO_GRANT_APPLICATION_REPORTING_DEADLINE);
  self->notes_row = add_entry (self, group, _("_Notes"), SPORTELLO_GRANT_APPLICATION_NOTES);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Reminders"));
  adw_preferences_group_set_description (group, _("Follow-ups in To Do before the call’s deadline, and before the reporting deadline once funded"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  self->reminders_row = sportello_binding_add_entry_row (group, _("Days _before a deadline, as 14, 3"));
  bind (self, g_object_bind_property_full (self->application,
                                           sportello_binding_field_property (self->application, SPORTELLO_GRANT_APPLICATION_REMINDER_DAYS),
                                           self->reminders_row, "text", SPORTELLO_BINDING_FLAGS,
                                           days_to_row, days_from_row, NULL, NULL));

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
          bind (self, g_object_bind_property_full (self->application,
                                                   sportello_binding_field_property (self->application, SPORTELLO_GRANT_APPLICATION_DOCUMENTS_DONE),
                                                   row, "active", SPORTELLO_BINDING_FLAGS,
                                                   document_to_row, document_from_row, self->documents[i], NULL));
          adw_preferences_group_add (group, row);
          g_ptr_array_add (self->document_rows, row);
        }
    }

  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("Status History"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->history_group);
  fill_history (self);

  /* after the rows are filled: from now on a change is an edit */
  self->notify_id = g_signal_connect_swapped (self->application, "notify", G_CALLBACK (application_notify_cb), self);
  return self;
}

/**
 * sportello_grant_application_dialog_get_application:
 *
 * Returns: (transfer none): the application the dialog's rows are bound to
 */
SportelloGrantApplication *
sportello_grant_application_dialog_get_application (SportelloGrantApplicationDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_GRANT_APPLICATION_DIALOG (self), NULL);

  return self->application;
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
