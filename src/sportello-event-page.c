/* sportello-event-page.c: one event, its registrations and attendance
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The details are stored half a second after the last change, as on
 * every record page. Registrations and attendance are stored at once: the
 * store decides who gets a place and who waits, and says who moved up
 * when somebody gives a place back. Certificates are drawn on a worker
 * thread, by the same code as `sportello --certificates`.
 */

#define G_LOG_DOMAIN "sportello-event-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sportello-add-registration-dialog.h"
#include "sportello-binding.h"
#include "sportello-certificate.h"
#include "sportello-certificate-pdf.h"
#include "sportello-certificate-template-dialog.h"
#include "sportello-client-list.h"
#include "sportello-client.h"
#include "sportello-contact-search.h"
#include "sportello-contact.h"
#include "sportello-csv.h"
#include "sportello-date-entry.h"
#include "sportello-event-page.h"
#include "sportello-file-toast.h"
#include "sportello-format.h"
#include "sportello-registration-dialog.h"
#include "sportello-registration.h"
#include "sportello-section.h"
#include "sportello-template.h"
#include "sportello-vocabulary.h"

#define AUTOSAVE_DELAY_MS 500
/* how long without a meeting makes a firm worth contacting after an event */
#define FOLLOW_UP_DAYS 60

struct _SportelloEventPage
{
  SportelloRecordPage  parent_instance;

  SportelloEvent      *event;   /* the page's record */
  GListModel          *registrations;

  AdwEntryRow         *title_row;
  AdwExpanderRow      *details_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *starts_at_row;
  AdwSpinRow          *duration_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *speakers_row;
  AdwEntryRow         *topics_row;
  AdwSpinRow          *capacity_row;
  GtkTextView         *description_view;
  AdwPreferencesGroup *registrations_group;
  GtkListBox          *registrations_list;
  AdwPreferencesGroup *attendance_group;
  GtkListBox          *attendance_list;
  AdwPreferencesGroup *follow_ups_group;
  GtkListBox          *follow_ups_list;
  AdwPreferencesGroup *certificates_group;
  AdwEntryRow         *signer_row;
  AdwEntryRow         *hub_row;
  AdwActionRow        *template_row;
};

G_DEFINE_FINAL_TYPE (SportelloEventPage, sportello_event_page, SPORTELLO_TYPE_RECORD_PAGE)

#define DATABASE(self) (sportello_record_page_get_database (SPORTELLO_RECORD_PAGE (self)))
#define TOAST(self, t) (sportello_record_page_toast (SPORTELLO_RECORD_PAGE (self), (t)))
#define TOAST_ERROR(self, e) (sportello_record_page_toast_error (SPORTELLO_RECORD_PAGE (self), (e)))

static const char *
event_uuid (SportelloEventPage *self)
{
  return sportello_event_get (self->event, SPORTELLO_EVENT_UUID);
}

/* speakers are stored one per line and edited on one line, by commas */
static char *
speakers_to_line (const char *stored)
{
  g_auto(GStrv) lines = g_strsplit (stored, "\n", -1);

  return g_strjoinv (", ", lines);
}

static char *
speakers_from_line (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]))
      g_strv_builder_add (builder, parts[i]);
  kept = g_strv_builder_end (builder);
  return g_strjoinv ("\n", kept);
}

static void
update_title (SportelloEventPage *self)
{
  const char *title = sportello_event_get (self->event, SPORTELLO_EVENT_TITLE);
  const char *starts_at = sportello_event_get (self->event, SPORTELLO_EVENT_STARTS_AT);
  g_autoptr(GDateTime) dt = sportello_parse_timestamp (starts_at);
  g_autoptr(GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;
  g_autofree char *date = sportello_format_date_on (starts_at, SPORTELLO_DATE_LONG);
  g_autofree char *time = local ? g_date_time_format (local, "%H:%M") : NULL;
  g_autofree char *when = date ? g_strdup_printf (_("%s at %s"), date, time) : g_strdup ("");
  g_autofree char *summary = NULL;

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), title[0] ? title : _("Untitled Event"));
  /* Translators: kind and start of an event, as in “Webinar · l'8 dicembre 2026 alle 10:00” */
  summary = g_strdup_printf (_("%s · %s"),
                             sportello_vocabulary_label (SPORTELLO_VOCABULARY_EVENT_KIND,
                                                         sportello_event_get (self->event, SPORTELLO_EVENT_KIND)),
                             when);
  adw_expander_row_set_subtitle (self->details_row, summary);
}

/* The details reach the event through their bindings as they are typed.
 * A start that is no date is not stored: the row says so */
static gboolean
save (SportelloRecordPage  *page,
      GError              **error)
{
  SportelloEventPage *self = SPORTELLO_EVENT_PAGE (page);
  g_autofree char *starts_at = sportello_date_entry_parse_utc (gtk_editable_get_text (GTK_EDITABLE (self->starts_at_row)), 10);

  if (starts_at == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->starts_at_row), "error");
      return TRUE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->starts_at_row), "error");

  if (!sportello_event_save (self->event, DATABASE (self), error))
    return FALSE;

  update_title (self);
  return TRUE;
}

/* a start typed that is no date does not reach the event, but the save
 * that says so is due all the same */
static void
starts_at_changed_cb (SportelloEventPage *self)
{
  sportello_record_page_changed (SPORTELLO_RECORD_PAGE (self));
}

static gboolean
speakers_to_row (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_take_string (to, speakers_to_line (g_value_get_string (from)));
  return TRUE;
}

static gboolean
speakers_from_row (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_take_string (to, speakers_from_line (g_value_get_string (from)));
  return TRUE;
}

/* The details are bound to the event: a change of one is stored shortly
 * (SportelloRecordPage); making the bindings fills the rows and changes
 * nothing */
static void
bind_details (SportelloEventPage *self)
{
  SportelloRecordPage *page = SPORTELLO_RECORD_PAGE (self);
  SportelloEvent *event = self->event;

#define FIELD(f) sportello_binding_field_property (event, SPORTELLO_EVENT_##f)
  sportello_record_page_bind (page, sportello_bind_text (event, FIELD (TITLE), self->title_row));
  sportello_record_page_bind (page, sportello_bind_term (event, FIELD (KIND), self->kind_row,
                                                         SPORTELLO_VOCABULARY_EVENT_KIND, FALSE, "webinar"));
  sportello_record_page_bind (page, sportello_bind_start (event, FIELD (STARTS_AT), self->starts_at_row, 10));
  sportello_record_page_bind (page, g_object_bind_property (event, "duration", self->duration_row, "value",
                                                            SPORTELLO_BINDING_FLAGS));
  sportello_record_page_bind (page, sportello_bind_text (event, FIELD (PLACE), self->place_row));
  sportello_record_page_bind (page, g_object_bind_property_full (event, FIELD (SPEAKERS), self->speakers_row, "text",
                                                                 SPORTELLO_BINDING_FLAGS,
                                                                 speakers_to_row, speakers_from_row, NULL, NULL));
  sportello_record_page_bind (page, sportello_bind_text (event, FIELD (TOPICS), self->topics_row));
  sportello_record_page_bind (page, g_object_bind_property (event, "capacity", self->capacity_row, "value",
                                                            SPORTELLO_BINDING_FLAGS));
  sportello_record_page_bind (page, sportello_bind_text (event, FIELD (DESCRIPTION),
                                                         gtk_text_view_get_buffer (self->description_view)));
  sportello_record_page_bind (page, sportello_bind_text (event, FIELD (SIGNER), self->signer_row));
  sportello_record_page_bind (page, sportello_bind_text (event, FIELD (HUB), self->hub_row));
#undef FIELD
  g_signal_connect_object (self->starts_at_row, "changed", G_CALLBACK (starts_at_changed_cb), self, G_CONNECT_SWAPPED);
}

/* -------------------------------------------------- registrations ---- */

static void
toast_promoted (SportelloEventPage *self,
                GStrv               promoted)
{
  g_autofree char *message = NULL;
  guint n = promoted ? g_strv_length (promoted) : 0;

  if (n == 0)
    return;

  if (n == 1)
    {
      g_autoptr(SportelloRegistration) r = sportello_registration_load (DATABASE (self), promoted[0], NULL);

      /* Translators: someone on the waiting list got a place */
      message = g_strdup_printf (_("%s moved up from the waiting list"),
                                 r ? sportello_registration_get (r, SPORTELLO_REGISTRATION_NAME) : "");
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person moved up from the waiting list",
                                            "%u people moved up from the waiting list", n), n);

  TOAST (self, adw_toast_new (message));
}

static void
set_status (SportelloEventPage *self,
            const char         *uuid,
            const char         *status)
{
  g_auto(GStrv) promoted = NULL;
  g_autoptr(GError) error = NULL;

  if (!sportello_registration_set_status (DATABASE (self), uuid, status, &promoted, &error))
    {
      TOAST_ERROR (self, error);
      return;
    }
  toast_promoted (self, promoted);
}

static void
cancel_clicked_cb (GtkButton          *button,
                   SportelloEventPage *self)
{
  set_status (self, gtk_widget_get_name (GTK_WIDGET (button)), "cancelled");
}

static void
attended_cb (AdwSwitchRow       *row,
             GParamSpec         *pspec,
             SportelloEventPage *self)
{
  set_status (self, gtk_widget_get_name (GTK_WIDGET (row)),
              adw_switch_row_get_active (row) ? "attended" : "absent");
}

static void
registration_activated_cb (AdwActionRow       *row,
                           SportelloEventPage *self)
{
  sportello_event_page_open_registration (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/**
 * sportello_event_page_open_registration:
 *
 * Returns: (transfer none) (nullable): the dialog of one registration, shown
 */
SportelloRegistrationDialog *
sportello_event_page_open_registration (SportelloEventPage *self,
                                        const char         *uuid)
{
  SportelloRegistrationDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SPORTELLO_IS_EVENT_PAGE (self), NULL);

  dialog = sportello_registration_dialog_new (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (self)), uuid, &error);
  if (dialog == NULL)
    {
      TOAST_ERROR (self, error);
      return NULL;
    }
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
  return dialog;
}

/* After the event: the firms to contact again */
static void
reload_follow_ups (SportelloEventPage *self,
                   SportelloEvent     *fresh)
{
  g_autoptr(GListModel) firms = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  gtk_list_box_remove_all (self->follow_ups_list);
  if (fresh == NULL || sportello_event_get_upcoming (fresh) ||
      !(firms = sportello_event_list_follow_ups (DATABASE (self), event_uuid (self), FOLLOW_UP_DAYS, &error)))
    {
      if (error != NULL)
        g_warning ("Cannot list the firms to contact again: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->follow_ups_group), FALSE);
      return;
    }

  n = g_list_model_get_n_items (firms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SportelloClient) client = g_list_model_get_item (firms, i);
      const char *last = sportello_client_get (client, SPORTELLO_CLIENT_LAST_MEETING_AT);
      g_autofree char *date = last && last[0] ? sportello_format_date_on (last, SPORTELLO_DATE_LONG) : NULL;
      /* Translators: under a firm to contact again after an event, as in “Ultimo incontro: 3 marzo 2026” */
      g_autofree char *subtitle = date ? g_strdup_printf (_("Last meeting: %s"), date) : g_strdup (_("No meetings yet"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sportello_client_get (client, SPORTELLO_CLIENT_NAME));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->follow_ups_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->follow_ups_group), n > 0);
}

/* Left empty, the hub and the signer are those of Preferences */
static void
update_certificate_defaults (SportelloEventPage *self)
{
  const char *hub = sportello_database_get_hub (DATABASE (self));
  const char *signer = sportello_database_get_consultant (DATABASE (self));
  g_autofree char *text = NULL;
  g_autofree char *template = sportello_certificate_get_template (DATABASE (self), NULL);

  if (hub && hub[0] && signer && signer[0])
    /* Translators: the defaults of an event's certificates, from Preferences */
    text = g_strdup_printf (_("Left empty, certificates are signed by %s for %s, as in Preferences"), signer, hub);
  else
    text = g_strdup (_("Left empty, the signer and the hub are the consultant and hub names of Preferences"));
  adw_preferences_group_set_description (self->certificates_group, text);

  adw_action_row_set_subtitle (self->template_row,
                               g_strcmp0 (template, sportello_certificate_builtin_template ()) == 0
                               ? _("The built-in one, for every event")
                               : _("The hub’s own, for every event"));
}

static char *
registration_subtitle (SportelloRegistration *r)
{
  const char *firm = sportello_registration_get (r, SPORTELLO_REGISTRATION_FIRM);
  const char *status = sportello_registration_get (r, SPORTELLO_REGISTRATION_STATUS);
  guint position = sportello_registration_get_waiting_position (r);
  g_autofree char *state = NULL;

  if (position > 0)
    /* Translators: a registration's status on the waiting list, as in “In lista d'attesa (2º)” */
    state = g_strdup_printf (_("Waiting list, number %u"), position);
  else
    state = g_strdup (sportello_registration_status_label (status));
  if (sportello_registration_get_consent_given (r))
    {
      /* Translators: after a registration's status, as in “Iscritto · consenso ai contatti” */
      g_autofree char *with_consent = g_strdup_printf (_("%s · consents to be contacted"), state);

      g_free (state);
      state = g_steal_pointer (&with_consent);
    }

  if (firm[0] == '\0')
    return g_steal_pointer (&state);
  /* Translators: a registered person's firm and status, as in “Pasticceria Villa · Iscritto” */
  return g_strdup_printf (_("%s · %s"), firm, state);
}

static void
reload_registrations (SportelloEventPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloEvent) fresh = NULL;
  guint n, n_places = 0;

  g_clear_object (&self->registrations);
  self->registrations = sportello_registration_list (DATABASE (self), event_uuid (self), NULL, &error);
  if (self->registrations == NULL)
    {
      TOAST_ERROR (self, error);
      self->registrations = G_LIST_MODEL (g_list_store_new (SPORTELLO_TYPE_REGISTRATION));
    }

  gtk_list_box_remove_all (self->registrations_list);
  gtk_list_box_remove_all (self->attendance_list);

  n = g_list_model_get_n_items (self->registrations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SportelloRegistration) r = g_list_model_get_item (self->registrations, i);
      const char *uuid = sportello_registration_get (r, SPORTELLO_REGISTRATION_UUID);
      const char *name = sportello_registration_get (r, SPORTELLO_REGISTRATION_NAME);
      const char *status = sportello_registration_get (r, SPORTELLO_REGISTRATION_STATUS);
      g_autofree char *subtitle = registration_subtitle (r);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, uuid);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (registration_activated_cb), self);
      if (g_strcmp0 (status, "cancelled") != 0)
        {
          GtkWidget *cancel = gtk_button_new_from_icon_name ("edit-delete-symbolic");
          g_autofree char *label = g_strdup_printf (_("Cancel the registration of %s"), name);

          gtk_widget_set_name (cancel, uuid);
          gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (cancel, _("Cancel Registration"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_widget_add_css_class (cancel, "flat");
          g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);
        }
      else
        gtk_widget_add_css_class (row, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->registrations_list, row);

      if (sportello_registration_status_takes_place (status))
        {
          GtkWidget *sw = adw_switch_row_new ();

          n_places++;
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (sw), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sw), name);
          if (sportello_registration_get (r, SPORTELLO_REGISTRATION_FIRM)[0])
            adw_action_row_set_subtitle (ADW_ACTION_ROW (sw), sportello_registration_get (r, SPORTELLO_REGISTRATION_FIRM));
          gtk_widget_set_name (sw, uuid);
          adw_switch_row_set_active (ADW_SWITCH_ROW (sw), g_str_equal (status, "attended"));
          g_signal_connect (sw, "notify::active", G_CALLBACK (attended_cb), self);
          gtk_list_box_append (self->attendance_list, sw);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->registrations_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), n_places > 0);

  /* places taken, as the store counts them */
  if ((fresh = sportello_event_load (DATABASE (self), event_uuid (self), NULL)))
    {
      int capacity = sportello_event_get_capacity (fresh);
      g_autofree char *description = NULL;

      if (capacity > 0)
        /* Translators: as in “Posti occupati: 2 su 20; in lista d'attesa: 1” */
        description = g_strdup_printf (_("Places taken: %u of %d; on the waiting list: %u"),
                                       sportello_event_get_n_taken (fresh), capacity,
                                       sportello_event_get_n_waitlisted (fresh));
      else
        /* Translators: as in “Iscritti: 3, senza limite di posti” */
        description = g_strdup_printf (_("Registered: %u, with no limit on places"),
                                       sportello_event_get_n_taken (fresh));
      adw_preferences_group_set_description (self->registrations_group, description);
    }
  reload_follow_ups (self, fresh);
}

static void
reload_registrations_cb (GtkWidget *widget)
{
  reload_registrations (SPORTELLO_EVENT_PAGE (widget));
}

gboolean
sportello_event_page_register (SportelloEventPage *self,
                               const char         *contact_uuid,
                               const char         *name,
                               const char         *email,
                               const char         *firm)
{
  g_autoptr(SportelloRegistration) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (SPORTELLO_IS_EVENT_PAGE (self), FALSE);

  r = sportello_registration_new (event_uuid (self));
  if (contact_uuid != NULL)
    sportello_registration_set (r, SPORTELLO_REGISTRATION_CONTACT_UUID, contact_uuid);
  sportello_registration_set (r, SPORTELLO_REGISTRATION_NAME, name ? name : "");
  sportello_registration_set (r, SPORTELLO_REGISTRATION_EMAIL, email ? email : "");
  sportello_registration_set (r, SPORTELLO_REGISTRATION_FIRM, firm ? firm : "");

  if (contact_uuid == NULL && (problem = sportello_registration_check (r)))
    {
      TOAST (self, adw_toast_new (problem));
      return FALSE;
    }
  if (!sportello_registration_save (r, DATABASE (self), &error))
    {
      TOAST_ERROR (self, error);
      return FALSE;
    }
  /* someone registered for a new event keeps it */
  sportello_record_page_touched (SPORTELLO_RECORD_PAGE (self));

  if (g_strcmp0 (sportello_registration_get (r, SPORTELLO_REGISTRATION_STATUS), "waitlisted") == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The event is full: %s is on the waiting list"),
                                                  sportello_registration_get (r, SPORTELLO_REGISTRATION_NAME));

      TOAST (self, adw_toast_new (message));
    }
  return TRUE;
}

static gboolean
register_cb (SportelloEventPage *self,
             const char         *contact_uuid,
             const char         *name,
             const char         *email,
             const char         *firm)
{
  return sportello_event_page_register (self, contact_uuid, name, email, firm);
}

static void
add_registration_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SportelloEventPage *self = SPORTELLO_EVENT_PAGE (widget);
  SportelloAddRegistrationDialog *dialog = sportello_add_registration_dialog_new (DATABASE (self));

  g_signal_connect_object (dialog, "register", G_CALLBACK (register_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* ------------------------------------------------------ attendance ---- */

static void
show_attendance_report (SportelloEventPage        *self,
                        SportelloAttendanceReport *report)
{
  AdwDialog *dialog = adw_alert_dialog_new (_("Attendance Imported"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *groups[2] = { adw_preferences_group_new (), adw_preferences_group_new () };
  GtkWidget *lists[2] = { sportello_boxed_list_new (), sportello_boxed_list_new () };
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autofree char *matched = g_strdup_printf (_("Matched (%u)"), report->n_matched);
  g_autofree char *unmatched = g_strdup_printf (_("Not Matched (%u)"), report->n_unmatched);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[0]), matched);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[1]), unmatched);
  for (guint i = 0; i < report->rows->len; i++)
    {
      SportelloAttendanceRow *row = g_ptr_array_index (report->rows, i);
      GtkWidget *item = adw_action_row_new ();
      /* Translators: a row of a spreadsheet, as in “Riga 4: Anna Villa <anna@example.it>” */
      g_autofree char *title = g_strdup_printf (_("Row %u: %s"), row->line, row->name && row->name[0] ? row->name : row->email);
      g_autofree char *why = sportello_capitalize (sportello_attendance_match_label (row->match));
      guint which = SPORTELLO_ATTENDANCE_MATCHED (row) ? 0 : 1;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), why);
      gtk_list_box_append (GTK_LIST_BOX (lists[which]), item);
    }
  for (guint i = 0; i < 2; i++)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[i]), lists[i]);
      gtk_widget_set_visible (groups[i], gtk_widget_get_first_child (lists[i]) != NULL);
      gtk_box_append (GTK_BOX (box), groups[i]);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scrolled);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
sportello_event_page_import_attendance (SportelloEventPage *self,
                                        GFile              *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(SportelloCsv) csv = NULL;
  g_autoptr(SportelloAttendanceReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SPORTELLO_IS_EVENT_PAGE (self));

  if (!(csv = sportello_csv_load (path, &error)) ||
      !(report = sportello_event_mark_attendance (DATABASE (self), event_uuid (self), csv, FALSE, &error)))
    {
      TOAST_ERROR (self, error);
      return;
    }
  show_attendance_report (self, report);
}

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SportelloEventPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    sportello_event_page_import_attendance (self, file);
}

static void
import_attendance_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Import Attendance"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, import_chosen_cb, g_object_ref (widget));
}

/* ---------------------------------------------------- certificates ---- */

typedef struct
{
  char  *data_dir;
  char  *consultant;
  char  *hub;
  char  *event_uuid;
  char  *path;
  guint  n_pages;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *export = data;

  g_free (export->data_dir);
  g_free (export->consultant);
  g_free (export->hub);
  g_free (export->event_uuid);
  g_free (export->path);
  g_free (export);
}

/* on a worker, with a connection of its own */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *export = task_data;
  g_autoptr(SportelloDatabase) db = NULL;
  GError *error = NULL;

  if ((db = sportello_database_open (export->data_dir, &error)) != NULL)
    /* the signer and hub left empty on the event are those of Preferences */
    sportello_database_set_origin (db, export->consultant, export->hub);
  if (db == NULL ||
      !sportello_certificate_export (db, export->event_uuid, export->path, &export->n_pages, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void exported_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

void
sportello_event_page_export_certificates (SportelloEventPage *self,
                                          GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *export;

  g_return_if_fail (SPORTELLO_IS_EVENT_PAGE (self));

  sportello_record_page_flush (SPORTELLO_RECORD_PAGE (self));

  export = g_new0 (ExportTask, 1);
  export->data_dir = g_path_get_dirname (sportello_database_get_path (DATABASE (self)));
  export->consultant = g_strdup (sportello_database_get_consultant (DATABASE (self)));
  export->hub = g_strdup (sportello_database_get_hub (DATABASE (self)));
  export->event_uuid = g_strdup (event_uuid (self));
  export->path = g_file_get_path (file);

  task = g_task_new (self, NULL, exported_cb, NULL);
  g_task_set_source_tag (task, sportello_event_page_export_certificates);
  g_task_set_task_data (task, export, export_task_free);
  g_task_run_in_thread (task, export_thread);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SportelloEventPage *self = SPORTELLO_EVENT_PAGE (source);
  ExportTask *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      TOAST_ERROR (self, error);
      return;
    }

  file = g_file_new_for_path (export->path);
  basename = g_file_get_basename (file);
  /* Translators: certificates written to a PDF file, as in “3 attestati salvati in attestati.pdf” */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate saved in %s", "%u certificates saved in %s",
                                          export->n_pages), export->n_pages, basename);
  TOAST (self, sportello_file_toast_new (message, file));
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SportelloEventPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    sportello_event_page_export_certificates (self, file);
}

static void
export_certificates_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  SportelloEventPage *self = SPORTELLO_EVENT_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  /* Translators: the file name offered for an event's certificates; keep it short, no slashes */
  g_autofree char *name = g_strdup_printf ("%s - %s.pdf", _("Certificates"),
                                           sportello_event_get (self->event, SPORTELLO_EVENT_TITLE));

  g_strdelimit (name, "/\\:", '-');
  gtk_file_dialog_set_title (dialog, _("Export Certificates"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, export_chosen_cb, g_object_ref (self));
}

/* ------------------------------------------------------ follow-ups ---- */

void
sportello_event_page_make_follow_ups (SportelloEventPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  g_return_if_fail (SPORTELLO_IS_EVENT_PAGE (self));

  if (!sportello_event_make_follow_ups (DATABASE (self), event_uuid (self), FOLLOW_UP_DAYS, NULL, &n, &error))
    {
      TOAST_ERROR (self, error);
      return;
    }
  /* Translators: after an event, as in “2 attività aggiunte a Da fare” */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up added to To Do", "%u follow-ups added to To Do", n), n);
  TOAST (self, adw_toast_new (message));
  reload_registrations (self);
}

static void
make_follow_ups_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  sportello_event_page_make_follow_ups (SPORTELLO_EVENT_PAGE (widget));
}

/* --------------------------------------------- certificate template ---- */

/**
 * sportello_event_page_edit_certificate_template:
 *
 * Returns: (transfer none): the template's editor, shown
 */
AdwDialog *
sportello_event_page_edit_certificate_template (SportelloEventPage *self)
{
  SportelloCertificateTemplateDialog *dialog;

  g_return_val_if_fail (SPORTELLO_IS_EVENT_PAGE (self), NULL);

  dialog = sportello_certificate_template_dialog_new (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (self)));
  /* after the dialog's own: what waits is stored first */
  g_signal_connect_object (dialog, "stored", G_CALLBACK (update_certificate_defaults), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (update_certificate_defaults), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
  return ADW_DIALOG (dialog);
}

void
sportello_event_page_flush_certificate_template (AdwDialog *dialog)
{
  g_return_if_fail (SPORTELLO_IS_CERTIFICATE_TEMPLATE_DIALOG (dialog));

  sportello_certificate_template_dialog_flush (SPORTELLO_CERTIFICATE_TEMPLATE_DIALOG (dialog));
}

static void
edit_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sportello_event_page_edit_certificate_template (SPORTELLO_EVENT_PAGE (widget));
}

/* ----------------------------------------------------------- delete ---- */

static gboolean
delete_record (SportelloRecordPage  *page,
               gpointer             *kept,
               GError              **error)
{
  SportelloEventPage *self = SPORTELLO_EVENT_PAGE (page);

  if (!sportello_event_delete (DATABASE (self), event_uuid (self), error))
    return FALSE;

  /* what brings it back: itself and its registrations */
  *kept = sportello_record_page_keep (self->event, (SportelloRecordSaveFunc) sportello_event_save,
                                      self->registrations, (SportelloRecordSaveFunc) sportello_registration_save);
  return TRUE;
}

/* ---------------------------------------------------------- GObject ---- */

static void
sportello_event_page_dispose (GObject *object)
{
  SportelloEventPage *self = (SportelloEventPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SPORTELLO_TYPE_EVENT_PAGE);

  g_clear_object (&self->registrations);
  self->event = NULL;

  G_OBJECT_CLASS (sportello_event_page_parent_class)->dispose (object);
}

static void
sportello_event_page_class_init (SportelloEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SportelloRecordPageClass *page_class = SPORTELLO_RECORD_PAGE_CLASS (klass);

  object_class->dispose = sportello_event_page_dispose;
  page_class->autosave_delay_ms = AUTOSAVE_DELAY_MS;
  page_class->deleted_message = _("Event deleted");
  page_class->restore = sportello_record_page_restore_kept;
  page_class->kept_free = sportello_record_page_kept_free;
  page_class->save = save;
  page_class->delete_record = delete_record;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sportello-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, details_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, starts_at_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, speakers_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, topics_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, registrations_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, registrations_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, attendance_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, follow_ups_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, certificates_group);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, signer_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, hub_row);
  gtk_widget_class_bind_template_child (widget_class, SportelloEventPage, template_row);

  gtk_widget_class_install_action (widget_class, "event.add-registration", NULL, add_registration_action);
  gtk_widget_class_install_action (widget_class, "event.import-attendance", NULL, import_attendance_action);
  gtk_widget_class_install_action (widget_class, "event.export-certificates", NULL, export_certificates_action);
  sportello_record_page_class_install_delete (page_class, "event.delete");
  gtk_widget_class_install_action (widget_class, "event.make-follow-ups", NULL, make_follow_ups_action);
  gtk_widget_class_install_action (widget_class, "event.edit-certificate-template", NULL, edit_template_action);
}

static void
sportello_event_page_init (SportelloEventPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sportello_date_entry_add_calendar (self->starts_at_row, TRUE);
  sportello_binding_fill_terms (self->kind_row, SPORTELLO_VOCABULARY_EVENT_KIND, NULL);
}

SportelloEventPage *
sportello_event_page_new (SportelloContext  *context,
                          const char        *uuid,
                          GError           **error)
{
  /* the firms to contact again follow their meetings and people too */
  static const char * const follows[] = {
    SPORTELLO_CHANGE_REGISTRATION, SPORTELLO_CHANGE_MEETING, SPORTELLO_CHANGE_CLIENT, SPORTELLO_CHANGE_CONTACT, NULL
  };
  SportelloDatabase *db = sportello_context_get_database (context);
  g_autoptr(SportelloEvent) event = NULL;
  SportelloEventPage *self;

  if (!(event = sportello_event_load (db, uuid, error)))
    return NULL;

  self = g_object_new (SPORTELLO_TYPE_EVENT_PAGE, "context", context, "record", event, NULL);
  self->event = SPORTELLO_EVENT (sportello_record_page_get_record (SPORTELLO_RECORD_PAGE (self)));

  bind_details (self);

  update_certificate_defaults (self);

  update_title (self);
  reload_registrations (self);
  /* a new event is filled in first; then its people matter most */
  adw_expander_row_set_expanded (self->details_row, g_list_model_get_n_items (self->registrations) == 0);
  sportello_widget_follow (GTK_WIDGET (self), db, follows, reload_registrations_cb);
  sportello_record_page_set_untouched (SPORTELLO_RECORD_PAGE (self), sportello_context_take_made (context, uuid));

  return self;
}

SportelloEvent *
sportello_event_page_get_event (SportelloEventPage *self)
{
  g_return_val_if_fail (SPORTELLO_IS_EVENT_PAGE (self), NULL);

  return self->event;
}
