/* sportello-client-dialog.c: create or edit a client's file
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is checked at once with the store's rules, and Save stays
 * off while a value breaks one. What is wrong with a field is said once
 * the consultant leaves it (or tries to save), marked on its row and
 * explained at the top of the page; from then on it follows the typing.
 * The form never opens with an error showing. Warnings do not block.
 */

#define G_LOG_DOMAIN "sportello-client-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-binding.h"
#include "sportello-client-dialog.h"
#include "sportello-date-entry.h"
#include "sportello-format.h"
#include "sportello-vocabulary.h"

struct _SportelloClientDialog
{
  AdwDialog            parent_instance;

  SportelloDatabase   *db;
  SportelloClient     *client;    /* a copy: Cancel leaves the original alone */
  GPtrArray           *problem_rows;
  GtkWidget           *rows[SPORTELLO_CLIENT_N_TEXT_FIELDS];  /* by field; NULL: none */
  gboolean             visited[SPORTELLO_CLIENT_N_TEXT_FIELDS];   /* left once: its checks show */
  gboolean             show_all;                                  /* a save was tried */

  AdwPreferencesPage  *page;
  AdwPreferencesGroup *problems_group;
  GtkButton           *save_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *legal_form_row;
  AdwComboRow         *category_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *vat_row;
  AdwEntryRow         *tax_code_row;
  AdwEntryRow         *ateco_row;
  AdwSpinRow          *employees_row;
  AdwEntryRow         *street_row;
  AdwEntryRow         *postal_code_row;
  AdwEntryRow         *municipality_row;
  AdwEntryRow         *province_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *pec_row;
  AdwEntryRow         *sdi_row;
  AdwEntryRow         *website_row;
  AdwComboRow         *source_row;
  AdwEntryRow         *tags_row;
  AdwSwitchRow        *consent_row;
  AdwEntryRow         *consent_date_row;
  AdwComboRow         *consent_basis_row;
  AdwEntryRow         *consent_note_row;
  GtkTextView         *notes_view;
};

G_DEFINE_FINAL_TYPE (SportelloClientDialog, sportello_client_dialog, ADW_TYPE_DIALOG)

enum {
  SAVED,
  OPEN_EXISTING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* the combos and the vocabularies of their terms */
static const struct {
  SportelloClientField field;
  SportelloVocabulary  vocabulary;
  gboolean             optional;   /* first item: “Not set” */
} combo_rows[] = {
  { SPORTELLO_CLIENT_LEGAL_FORM, SPORTELLO_VOCABULARY_LEGAL_FORM, FALSE },
  { SPORTELLO_CLIENT_CATEGORY, SPORTELLO_VOCABULARY_CATEGORY, FALSE },
  { SPORTELLO_CLIENT_STATUS, SPORTELLO_VOCABULARY_STATUS, FALSE },
  { SPORTELLO_CLIENT_SOURCE, SPORTELLO_VOCABULARY_SOURCE, FALSE },
  { SPORTELLO_CLIENT_CONSENT_BASIS, SPORTELLO_VOCABULARY_CONSENT_BASIS, TRUE },
};

static gboolean
is_entry (GtkWidget *row)
{
  return ADW_IS_ENTRY_ROW (row);
}

/* employees: none known is -1 in the record and 0 on the row */
static gboolean
employees_to_row (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, MAX (g_value_get_int (from), 0));
  return TRUE;
}

static gboolean
employees_from_row (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  int employees = (int) g_value_get_double (from);

  g_value_set_int (to, employees > 0 ? employees : -1);
  return TRUE;
}

/* Every field reaches its row through a binding: the rows show the
 * dialog's copy, and what is typed reaches it as it is typed */
static void
bind_rows (SportelloClientDialog *self)
{
  SportelloClient *client = self->client;

  for (guint field = 0; field < SPORTELLO_CLIENT_N_TEXT_FIELDS; field++)
    if (self->rows[field] != NULL && is_entry (self->rows[field]) && field != SPORTELLO_CLIENT_CONSENT_DATE)
      sportello_bind_text (client, sportello_binding_field_property (client, field), self->rows[field]);

  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    sportello_bind_term (client, sportello_binding_field_property (client, combo_rows[i].field),
                         ADW_COMBO_ROW (self->rows[combo_rows[i].field]),
                         combo_rows[i].vocabulary, combo_rows[i].optional, "");

  /* the consent date is typed the Italian way (or ISO) and stored as ISO */
  sportello_bind_day (client, sportello_binding_field_property (client, SPORTELLO_CLIENT_CONSENT_DATE),
                      self->consent_date_row, FALSE);

  g_object_bind_property_full (client, "employees", self->employees_row, "value", SPORTELLO_BINDING_FLAGS,
                               employees_to_row, employees_from_row, NULL, NULL);
  g_object_bind_property (client, "consent-given", self->consent_row, "active", SPORTELLO_BINDING_FLAGS);
  sportello_bind_text (client, sportello_binding_field_property (client, SPORTELLO_CLIENT_NOTES),
                       gtk_text_view_get_buffer (self->notes_view));
}

GtkWidget *
sportello_client_dialog_get_row (SportelloClientDialog *self,
                                 SportelloClientField   field)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_DIALOG (self), NULL);

  if ((guint) field < SPORTELLO_CLIENT_N_TEXT_FIELDS)
    return self->rows[field];

  return NULL;
}

static void
problem_row_activated_cb (AdwActionRow *row,
                          GtkWidget    *target)
{
  gtk_widget_grab_focus (target);
}

/* The title of a problem's row: what is wrong, not only where */
static const char *
problem_title (SportelloClientProblem *problem)
{
  if (problem->blocking)
    switch ((int) problem->field)
      {
      case SPORTELLO_CLIENT_VAT_NUMBER:
        return _("Invalid VAT number");
      case SPORTELLO_CLIENT_TAX_CODE:
        return _("Invalid tax code");
      default:
        break;
      }

  return sportello_client_field_label (problem->field);
}

static gboolean
problem_shown (SportelloClientDialog  *self,
               SportelloClientProblem *problem)
{
  if (self->show_all)
    return TRUE;
  return (guint) problem->field < SPORTELLO_CLIENT_N_TEXT_FIELDS && self->visited[problem->field];
}

static GtkWidget *
update_problems (SportelloClientDialog *self)
{
  g_autoptr(GPtrArray) problems = sportello_client_check (self->client);
  gboolean blocked = FALSE;
  GtkWidget *first_error = NULL;

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  for (guint field = 0; field < SPORTELLO_CLIENT_N_TEXT_FIELDS; field++)
    if (self->rows[field] != NULL && is_entry (self->rows[field]))
      {
        gtk_widget_remove_css_class (self->rows[field], "error");
        gtk_widget_remove_css_class (self->rows[field], "warning");
      }

  for (guint i = 0; i < problems->len; i++)
    {
      SportelloClientProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *target = sportello_client_dialog_get_row (self, problem->field);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      blocked |= problem->blocking;

      /* a field not left yet is not judged: the form does not scold
       * before the consultant has typed */
      if (!problem_shown (self, problem))
        {
          g_object_unref (g_object_ref_sink (row));
          continue;
        }
      if (problem->blocking && first_error == NULL)
        first_error = target;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem_title (problem));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      icon = gtk_image_new_from_icon_name (problem->blocking ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, problem->blocking ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      problem->blocking ? _("Error") : _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      if (target != NULL)
        {
          gtk_widget_add_css_class (target, problem->blocking ? "error" : "warning");
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect_object (row, "activated", G_CALLBACK (problem_row_activated_cb), target, 0);
        }

      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), self->problem_rows->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !blocked);
  return first_error;
}

/* The consultant left a field: its checks show from now on */
static void
field_left_cb (GtkEventControllerFocus *controller,
               SportelloClientDialog   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  SportelloClientField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sportello-field"));

  /* nothing to say while the dialog goes away */
  if (self->client == NULL || self->problems_group == NULL || self->visited[field] ||
      gtk_widget_get_root (row) == NULL)
    return;

  self->visited[field] = TRUE;
  update_problems (self);
}

/* a field of the dialog's copy changed: typed, or set from outside */
static void
client_notify_cb (SportelloClientDialog *self)
{
  if (self->problems_group != NULL)
    update_problems (self);
}

static void
duplicate_response_cb (SportelloClientDialog *self,
                       const char            *response,
                       AdwAlertDialog        *dialog)
{
  if (g_strcmp0 (response, "open") == 0)
    {
      g_signal_emit (self, signals[OPEN_EXISTING], 0, g_object_get_data (G_OBJECT (dialog), "uuid"));
      adw_dialog_close (ADW_DIALOG (self));
    }
}

gboolean
sportello_client_dialog_can_save (SportelloClientDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (GTK_WIDGET (self->save_button));
}

void
sportello_client_dialog_save (SportelloClientDialog *self)
{
  g_autoptr(SportelloClient) duplicate = NULL;
  g_autoptr(GError) error = NULL;
  SportelloClientField field = SPORTELLO_CLIENT_VAT_NUMBER;

  g_return_if_fail (SPORTELLO_IS_CLIENT_DIALOG (self));

  if (!sportello_client_dialog_can_save (self))
    {
      GtkWidget *first_error;

      /* Ctrl+S with something wrong: every check shows, and the focus
       * goes where the first error is */
      self->show_all = TRUE;
      first_error = update_problems (self);
      if (first_error != NULL)
        gtk_widget_grab_focus (first_error);
      return;
    }

  duplicate = sportello_client_find_duplicate (self->client, self->db, &field, &error);
  if (duplicate != NULL)
    {
      g_autofree char *body = NULL;
      AdwDialog *alert;

      body = g_strdup_printf (field == SPORTELLO_CLIENT_VAT_NUMBER
                                /* Translators: %s is the name of the client already in the database */
                                ? _("“%s” already has this VAT number. Open that file instead of making a second one?")
                                : _("“%s” already has this tax code. Open that file instead of making a second one?"),
                              sportello_client_get_name (duplicate));
      alert = adw_alert_dialog_new (_("Client Already Exists"), body);
      adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                      "cancel", _("_Cancel"),
                                      "open", _("_Open Existing Client"),
                                      NULL);
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "open", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "open");
      adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
      g_object_set_data_full (G_OBJECT (alert), "uuid", g_strdup (sportello_client_get_uuid (duplicate)), g_free);
      g_signal_connect_object (alert, "response", G_CALLBACK (duplicate_response_cb), self, G_CONNECT_SWAPPED);
      adw_dialog_present (alert, GTK_WIDGET (self));
      return;
    }
  if (error != NULL)
    g_warning ("Cannot look for duplicates: %s", error->message);
  g_clear_error (&error);

  if (!sportello_client_save (self->client, self->db, &error))
    {
      adw_preferences_group_set_description (self->problems_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->client);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
save_cb (SportelloClientDialog *self)
{
  sportello_client_dialog_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sportello_client_dialog_save (SPORTELLO_CLIENT_DIALOG (widget));
}

static void
sportello_client_dialog_dispose (GObject *object)
{
  SportelloClientDialog *self = (SportelloClientDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_CLIENT_DIALOG);
  g_clear_object (&self->client);
  g_clear_object (&self->db);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sportello_client_dialog_parent_class)->dispose (object);
}

static void
sportello_client_dialog_class_init (SportelloClientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sportello_client_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SPORTELLO_TYPE_CLIENT);
  signals[OPEN_EXISTING] = g_signal_new ("open-existing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-client-dialog.ui");
#define BIND(member) gtk_widget_class_bind_template_child (widget_class, SportelloClientDialog, member)
  BIND (page);
  BIND (problems_group);
  BIND (save_button);
  BIND (name_row);
  BIND (legal_form_row);
  BIND (category_row);
  BIND (status_row);
  BIND (vat_row);
  BIND (tax_code_row);
  BIND (ateco_row);
  BIND (employees_row);
  BIND (street_row);
  BIND (postal_code_row);
  BIND (municipality_row);
  BIND (province_row);
  BIND (phone_row);
  BIND (email_row);
  BIND (pec_row);
  BIND (sdi_row);
  BIND (website_row);
  BIND (source_row);
  BIND (tags_row);
  BIND (consent_row);
  BIND (consent_date_row);
  BIND (consent_basis_row);
  BIND (consent_note_row);
  BIND (notes_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
sportello_client_dialog_init (SportelloClientDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sportello_date_entry_add_calendar (self->consent_date_row, FALSE);

  self->problem_rows = g_ptr_array_new ();

#define ROW(field, row) self->rows[field] = GTK_WIDGET (self->row)
  ROW (SPORTELLO_CLIENT_NAME, name_row);
  ROW (SPORTELLO_CLIENT_LEGAL_FORM, legal_form_row);
  ROW (SPORTELLO_CLIENT_CATEGORY, category_row);
  ROW (SPORTELLO_CLIENT_STATUS, status_row);
  ROW (SPORTELLO_CLIENT_VAT_NUMBER, vat_row);
  ROW (SPORTELLO_CLIENT_TAX_CODE, tax_code_row);
  ROW (SPORTELLO_CLIENT_ATECO_CODE, ateco_row);
  ROW (SPORTELLO_CLIENT_STREET, street_row);
  ROW (SPORTELLO_CLIENT_POSTAL_CODE, postal_code_row);
  ROW (SPORTELLO_CLIENT_MUNICIPALITY, municipality_row);
  ROW (SPORTELLO_CLIENT_PROVINCE, province_row);
  ROW (SPORTELLO_CLIENT_PHONE, phone_row);
  ROW (SPORTELLO_CLIENT_EMAIL, email_row);
  ROW (SPORTELLO_CLIENT_PEC, pec_row);
  ROW (SPORTELLO_CLIENT_SDI_CODE, sdi_row);
  ROW (SPORTELLO_CLIENT_WEBSITE, website_row);
  ROW (SPORTELLO_CLIENT_SOURCE, source_row);
  ROW (SPORTELLO_CLIENT_TAGS, tags_row);
  ROW (SPORTELLO_CLIENT_CONSENT_DATE, consent_date_row);
  ROW (SPORTELLO_CLIENT_CONSENT_BASIS, consent_basis_row);
  ROW (SPORTELLO_CLIENT_CONSENT_NOTE, consent_note_row);
#undef ROW

  for (guint field = 0; field < SPORTELLO_CLIENT_N_TEXT_FIELDS; field++)
    if (self->rows[field] != NULL && is_entry (self->rows[field]))
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_object_set_data (G_OBJECT (self->rows[field]), "sportello-field", GINT_TO_POINTER (field));
        g_signal_connect_object (focus, "leave", G_CALLBACK (field_left_cb), self, 0);
        gtk_widget_add_controller (self->rows[field], focus);
      }

  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    sportello_binding_fill_terms (ADW_COMBO_ROW (self->rows[combo_rows[i].field]), combo_rows[i].vocabulary,
                                  combo_rows[i].optional ? C_("legal basis", "Not set") : NULL);
}

SportelloClientDialog *
sportello_client_dialog_new (SportelloDatabase *db,
                             SportelloClient   *client)
{
  SportelloClientDialog *self;

  g_return_val_if_fail (SPORTELLO_IS_DATABASE (db), NULL);
  g_return_val_if_fail (SPORTELLO_IS_CLIENT (client), NULL);

  self = g_object_new (SPORTELLO_TYPE_CLIENT_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->client = sportello_client_copy (client);

  adw_dialog_set_title (ADW_DIALOG (self),
                        sportello_client_get_uuid (client)[0] ? _("Edit Client") : _("New Client"));
  bind_rows (self);
  /* after the rows are filled: filling them changes nothing */
  g_signal_connect_object (self->client, "notify", G_CALLBACK (client_notify_cb), self, G_CONNECT_SWAPPED);
  update_problems (self);

  return self;
}

SportelloClient *
sportello_client_dialog_get_client (SportelloClientDialog *self)
{
  g_return_val_if_fail (SPORTELLO_IS_CLIENT_DIALOG (self), NULL);

  return self->client;
}
