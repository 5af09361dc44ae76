/* test-ui-bindings.c: record fields bound to the rows that edit them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page and the client dialog show their record's fields through
 * bindings: a field set on the record shows in its row, a row edited
 * reaches the record and is stored once, and opening a record stores
 * nothing. The stores are counted with SportelloDatabase::changed, on a
 * connection of the test's own.
 */

#include "config.h"

#include <string.h>

#include "sportello-client.h"
#include "sportello-client-dialog.h"
#include "sportello-database.h"
#include "sportello-document.h"
#include "sportello-document-page.h"
#include "sportello-event.h"
#include "sportello-follow-up-row.h"
#include "sportello-event-page.h"
#include "sportello-events-section.h"
#include "sportello-context.h"
#include "sportello-grant-application.h"
#include "sportello-grant-application-dialog.h"
#include "sportello-grant-call.h"
#include "sportello-grant-call-page.h"
#include "sportello-grants-section.h"
#include "sportello-meeting.h"
#include "sportello-meeting-page.h"
#include "sportello-meetings-section.h"
#include "sportello-registration.h"
#include "sportello-registration-dialog.h"
#include "sportello-template-page.h"
#include "sportello-user-template.h"
#include "sportello-test-ui.h"
#include "sportello-vocabulary.h"
#include "sportello-window-private.h"

static void
count_cb (SportelloDatabase *db,
          const char        *kind,
          GArray            *ids,
          guint             *n)
{
  (*n)++;
}

/* a store that waits shows within this */
#define SETTLE_MS 1200

static const char *
row_text (GtkWidget *page,
          const char *title)
{
  GtkWidget *row = sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (GtkWidget  *page,
              const char *title,
              const char *text)
{
  GtkWidget *row = sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* ------------------------------------------------------ client dialog ---- */

static void
test_client_dialog (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bindings-client", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  SportelloClientDialog *dialog;
  SportelloClient *copy;
  GtkWidget *vat, *status, *consent_date;

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Falegnameria Rossi");
  sportello_client_set (client, SPORTELLO_CLIENT_MUNICIPALITY, "Cantù");
  sportello_client_set (client, SPORTELLO_CLIENT_STATUS, "consulting");
  sportello_client_set (client, SPORTELLO_CLIENT_CONSENT_DATE, "2026-02-01");
  sportello_client_set_employees (client, -1);

  dialog = g_object_ref_sink (sportello_client_dialog_new (db, client));
  copy = sportello_client_dialog_get_client (dialog);
  vat = sportello_client_dialog_get_row (dialog, SPORTELLO_CLIENT_VAT_NUMBER);
  status = sportello_client_dialog_get_row (dialog, SPORTELLO_CLIENT_STATUS);
  consent_date = sportello_client_dialog_get_row (dialog, SPORTELLO_CLIENT_CONSENT_DATE);

  /* the rows show the record; filling them wrote nothing back */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sportello_client_dialog_get_row (dialog, SPORTELLO_CLIENT_MUNICIPALITY))),
                   ==, "Cantù");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (consent_date)), ==, "01/02/2026");
  g_assert_cmpstr (sportello_client_get (copy, SPORTELLO_CLIENT_CONSENT_DATE), ==, "2026-02-01");
  g_assert_cmpint (sportello_client_get_employees (copy), ==, -1);
  g_assert_cmpstr (sportello_client_get (copy, SPORTELLO_CLIENT_STATUS), ==, "consulting");
  g_assert_true (sportello_client_dialog_can_save (dialog));

  /* the record set from outside shows in its rows */
  sportello_client_set (copy, SPORTELLO_CLIENT_MUNICIPALITY, "Como");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sportello_client_dialog_get_row (dialog, SPORTELLO_CLIENT_MUNICIPALITY))),
                   ==, "Como");
  sportello_client_set (copy, SPORTELLO_CLIENT_STATUS, "followed");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status)), ==,
                    (guint) sportello_vocabulary_index (SPORTELLO_VOCABULARY_STATUS, "followed"));

  /* a row edited reaches the dialog's copy, not the original */
  gtk_editable_set_text (GTK_EDITABLE (consent_date), "15/03/2026");
  g_assert_cmpstr (sportello_client_get (copy, SPORTELLO_CLIENT_CONSENT_DATE), ==, "2026-03-15");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), (guint) sportello_vocabulary_index (SPORTELLO_VOCABULARY_STATUS, "consulting"));
  g_assert_cmpstr (sportello_client_get (copy, SPORTELLO_CLIENT_STATUS), ==, "consulting");
  g_assert_cmpstr (sportello_client_get (client, SPORTELLO_CLIENT_CONSENT_DATE), ==, "2026-02-01");

  /* and is checked at once: a wrong check digit turns Save off, and a
   * save tried marks the row */
  gtk_editable_set_text (GTK_EDITABLE (vat), "00743110158");
  g_assert_cmpstr (sportello_client_get (copy, SPORTELLO_CLIENT_VAT_NUMBER), ==, "00743110158");
  g_assert_false (sportello_client_dialog_can_save (dialog));
  sportello_client_dialog_save (dialog);
  g_assert_true (gtk_widget_has_css_class (vat, "error"));
  /* set on the record, it is checked the same */
  sportello_client_set (copy, SPORTELLO_CLIENT_VAT_NUMBER, "");
  g_assert_true (sportello_client_dialog_can_save (dialog));
  g_assert_false (gtk_widget_has_css_class (vat, "error"));

  g_assert_finalize_object (dialog);
}

/* ------------------------------------------------------- meeting page ---- */

static void
test_meeting_page (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bindings-meeting", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloMeeting) meeting = NULL;
  g_autoptr(SportelloMeeting) stored = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  g_autofree char *updated_at = NULL;
  SportelloMeeting *record;
  GtkWindow *window;
  GtkWidget *page;
  guint n_saves = 0;

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Pasticceria Villa");
  g_assert_true (sportello_client_save (client, db, &error));
  meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  sportello_meeting_set (meeting, SPORTELLO_MEETING_TOPICS, "vendita online");
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  updated_at = g_strdup (sportello_meeting_get (meeting, SPORTELLO_MEETING_UPDATED_AT));
  sportello_test_iterate (100);
  g_signal_connect (db, "changed::meeting", G_CALLBACK (count_cb), &n_saves);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "meetings");
  sportello_meetings_section_open (_sportello_window_get_meetings_section (SPORTELLO_WINDOW (window)),
                                   sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_MEETING_PAGE);
  g_assert_nonnull (page);
  record = sportello_meeting_page_get_meeting (SPORTELLO_MEETING_PAGE (page));

  /* opening shows the meeting and stores nothing */
  g_assert_cmpstr (row_text (page, "_Argomenti, separati da virgole"), ==, "vendita online");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 0);

  /* the record set from outside shows in its row */
  sportello_meeting_set (record, SPORTELLO_MEETING_PARTICIPANTS, "Anna Villa");
  g_assert_cmpstr (row_text (page, "_Partecipanti"), ==, "Anna Villa");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 1);

  /* a row edited reaches the record at once, and is stored once */
  set_row_text (page, "_Argomenti, separati da virgole", "vendita online, catalogo");
  g_assert_cmpstr (sportello_meeting_get (record, SPORTELLO_MEETING_TOPICS), ==, "vendita online, catalogo");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 2);
  stored = sportello_meeting_load (db, sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_meeting_get (stored, SPORTELLO_MEETING_TOPICS), ==, "vendita online, catalogo");
  g_assert_cmpstr (sportello_meeting_get (stored, SPORTELLO_MEETING_PARTICIPANTS), ==, "Anna Villa");
  g_assert_cmpstr (sportello_meeting_get (stored, SPORTELLO_MEETING_UPDATED_AT), >=, updated_at);

  /* a start that is no date stays off the record, and the row says so */
  {
    g_autofree char *starts_at = g_strdup (sportello_meeting_get (record, SPORTELLO_MEETING_STARTS_AT));
    GtkWidget *row = sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "_Data e ora, per esempio 25/11/2026 14:30");

    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), "non so");
    g_assert_cmpstr (sportello_meeting_get (record, SPORTELLO_MEETING_STARTS_AT), ==, starts_at);
    sportello_test_iterate (SETTLE_MS);
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpuint (n_saves, ==, 2);
  }

  sportello_test_app_quit (app);
}

/* --------------------------------------------------------- event page ---- */

static void
test_event_page (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bindings-event", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloEvent) event = sportello_event_new ();
  g_autoptr(SportelloEvent) stored = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  SportelloEventsSection *events;
  SportelloEvent *record;
  GtkTextBuffer *description;
  GtkWindow *window;
  GtkWidget *page;
  guint n_saves = 0;

  g_assert_no_error (error);
  sportello_event_set (event, SPORTELLO_EVENT_TITLE, "Fatturazione elettronica");
  sportello_event_set (event, SPORTELLO_EVENT_STARTS_AT, "2026-12-08T09:00:00Z");
  sportello_event_set (event, SPORTELLO_EVENT_SPEAKERS, "Anna Villa\nBruno Neri");
  sportello_event_set_capacity (event, 20);
  g_assert_true (sportello_event_save (event, db, &error));
  sportello_test_iterate (100);
  g_signal_connect (db, "changed::event", G_CALLBACK (count_cb), &n_saves);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "events");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  events = SPORTELLO_EVENTS_SECTION (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_SECTION));
  sportello_events_section_open (events, sportello_event_get (event, SPORTELLO_EVENT_UUID));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE);
  g_assert_nonnull (page);
  record = sportello_event_page_get_event (SPORTELLO_EVENT_PAGE (page));
  description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sportello_test_find_type (page, GTK_TYPE_TEXT_VIEW)));

  /* opening shows the event, the speakers on one line, and stores nothing */
  g_assert_cmpstr (row_text (page, "_Relatori, separati da virgole"), ==, "Anna Villa, Bruno Neri");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 0);

  /* the record set from outside shows in its rows */
  sportello_event_set (record, SPORTELLO_EVENT_PLACE, "Sala Volta");
  sportello_event_set (record, SPORTELLO_EVENT_DESCRIPTION, "Le novità del 2027");
  g_assert_cmpstr (row_text (page, "_Luogo o collegamento"), ==, "Sala Volta");
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (description, &start, &end);
    text = gtk_text_buffer_get_text (description, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Le novità del 2027");
  }

  /* rows edited reach the record at once, all stored in one go */
  set_row_text (page, "_Relatori, separati da virgole", "Anna Villa, Carla Bianchi,");
  g_assert_cmpstr (sportello_event_get (record, SPORTELLO_EVENT_SPEAKERS), ==, "Anna Villa\nCarla Bianchi");
  /* the row is not rewritten while it is typed in */
  g_assert_cmpstr (row_text (page, "_Relatori, separati da virgole"), ==, "Anna Villa, Carla Bianchi,");
  gtk_text_buffer_set_text (description, "Le novità del 2027, in pratica", -1);
  g_assert_cmpstr (sportello_event_get (record, SPORTELLO_EVENT_DESCRIPTION), ==, "Le novità del 2027, in pratica");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 1);
  stored = sportello_event_load (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_event_get (stored, SPORTELLO_EVENT_PLACE), ==, "Sala Volta");
  g_assert_cmpstr (sportello_event_get (stored, SPORTELLO_EVENT_SPEAKERS), ==, "Anna Villa\nCarla Bianchi");
  g_assert_cmpstr (sportello_event_get (stored, SPORTELLO_EVENT_DESCRIPTION), ==, "Le novità del 2027, in pratica");
  g_assert_cmpint (sportello_event_get_capacity (stored), ==, 20);
  g_assert_cmpstr (sportello_event_get (stored, SPORTELLO_EVENT_STARTS_AT), ==, "2026-12-08T09:00:00Z");

  /* a registration's dialog: opening it stores nothing, a row edited is
   * stored once, a consent date that is no day stays off it */
  {
    g_autoptr(SportelloRegistration) r = sportello_registration_new (sportello_event_get (event, SPORTELLO_EVENT_UUID));
    g_autoptr(SportelloRegistration) r_stored = NULL;
    SportelloRegistrationDialog *dialog;
    const char *r_uuid;
    guint n_registrations = 0;

    sportello_registration_set (r, SPORTELLO_REGISTRATION_NAME, "Bruno Neri");
    sportello_registration_set (r, SPORTELLO_REGISTRATION_EMAIL, "bruno@ferramentaneri.it");
    sportello_registration_set (r, SPORTELLO_REGISTRATION_CONSENT_DATE, "2026-11-20");
    g_assert_true (sportello_registration_save (r, db, &error));
    r_uuid = sportello_registration_get (r, SPORTELLO_REGISTRATION_UUID);
    sportello_test_iterate (300);
    g_signal_connect (db, "changed::registration", G_CALLBACK (count_cb), &n_registrations);

    dialog = sportello_event_page_open_registration (SPORTELLO_EVENT_PAGE (page), r_uuid);
    g_assert_nonnull (dialog);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "_Nome"), ==, "Bruno Neri");
    g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "Data del consenso, per esempio 25/11/2026"), ==, "20/11/2026");
    sportello_test_iterate (SETTLE_MS);
    g_assert_cmpuint (n_registrations, ==, 0);

    set_row_text (GTK_WIDGET (dialog), "_Impresa", "Ferramenta Neri");
    sportello_test_iterate (SETTLE_MS);
    g_assert_cmpuint (n_registrations, ==, 1);
    r_stored = sportello_registration_load (db, r_uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sportello_registration_get (r_stored, SPORTELLO_REGISTRATION_FIRM), ==, "Ferramenta Neri");

    set_row_text (GTK_WIDGET (dialog), "Data del consenso, per esempio 25/11/2026", "ieri l'altro");
    sportello_test_iterate (SETTLE_MS);
    g_assert_true (gtk_widget_has_css_class (sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                                                      "Data del consenso, per esempio 25/11/2026"), "error"));
    g_assert_cmpuint (n_registrations, ==, 1);
    adw_dialog_force_close (ADW_DIALOG (dialog));
    sportello_test_iterate (100);
    g_clear_object (&r_stored);
    r_stored = sportello_registration_load (db, r_uuid, &error);
    g_assert_cmpstr (sportello_registration_get (r_stored, SPORTELLO_REGISTRATION_CONSENT_DATE), ==, "2026-11-20");
  }

  sportello_test_app_quit (app);
}

/* ---------------------------------------------------- grant call page ---- */

static void
test_grant_call_page (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bindings-grant", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("Voucher digitalizzazione Como");
  g_autoptr(SportelloGrantCall) stored = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  SportelloGrantCall *record;
  GtkWindow *window;
  GtkWidget *page, *budget;
  guint n_saves = 0;

  g_assert_no_error (error);
  sportello_grant_call_set_number (call, SPORTELLO_GRANT_CALL_BUDGET, 500000);
  g_assert_true (sportello_grant_call_save (call, db, &error));
  sportello_test_iterate (100);
  g_signal_connect (db, "changed::grant-call", G_CALLBACK (count_cb), &n_saves);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "grants");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  sportello_grants_section_open (_sportello_window_get_grants_section (SPORTELLO_WINDOW (window)),
                                 sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_GRANT_CALL_PAGE);
  g_assert_nonnull (page);
  record = sportello_grant_call_page_get_call (SPORTELLO_GRANT_CALL_PAGE (page));
  budget = sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "_Dotazione complessiva in euro");
  g_assert_nonnull (budget);

  /* opening shows the call and stores nothing */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "500000");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 0);

  /* the record set from outside shows in its row */
  sportello_grant_call_set_number (record, SPORTELLO_GRANT_CALL_BUDGET, 750000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "750000");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 1);

  /* a number typed the Italian way reaches the record, stored once */
  gtk_editable_set_text (GTK_EDITABLE (budget), "1.000.000");
  g_assert_cmpint (sportello_grant_call_get_number (record, SPORTELLO_GRANT_CALL_BUDGET), ==, 1000000);
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 2);
  stored = sportello_grant_call_load (db, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sportello_grant_call_get_number (stored, SPORTELLO_GRANT_CALL_BUDGET), ==, 1000000);

  /* a save tidies what was typed, and the row keeps it as typed: the
   * spaces at the end of a title, a time on a deadline */
  set_row_text (page, "_Titolo", "Voucher digitale ");
  set_row_text (page, "_Scadenza", "31/12/2026 12:00");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 3);
  g_assert_cmpstr (row_text (page, "_Titolo"), ==, "Voucher digitale ");
  g_assert_cmpstr (row_text (page, "_Scadenza"), ==, "31/12/2026 12:00");
  g_clear_object (&stored);
  stored = sportello_grant_call_load (db, sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_TITLE), ==, "Voucher digitale");
  g_assert_cmpstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_DEADLINE), ==,
                   sportello_grant_call_get (record, SPORTELLO_GRANT_CALL_DEADLINE));
  g_assert_nonnull (strstr (sportello_grant_call_get (stored, SPORTELLO_GRANT_CALL_DEADLINE), "2026-12-31T"));
  /* nothing more is stored after */
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 3);

  /* what is no number stays off the record; the row says so, nothing is stored */
  gtk_editable_set_text (GTK_EDITABLE (budget), "molti");
  g_assert_cmpint (sportello_grant_call_get_number (record, SPORTELLO_GRANT_CALL_BUDGET), ==, 1000000);
  sportello_test_iterate (SETTLE_MS);
  g_assert_true (gtk_widget_has_css_class (budget, "error"));
  g_assert_cmpuint (n_saves, ==, 3);

  sportello_test_app_quit (app);
}

/* ------------------------------------------------- application dialog ---- */

static guint
history_length (SportelloDatabase *db,
                const char        *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloGrantApplication) stored = sportello_grant_application_load (db, uuid, &error);
  g_autoptr(GPtrArray) history = NULL;

  g_assert_no_error (error);
  history = sportello_grant_application_dup_history (stored);
  return history->len;
}

static void
test_application_dialog (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bindings-application", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloGrantCall) call = sportello_grant_call_new ("Voucher digitalizzazione Como");
  g_autoptr(SportelloGrantApplication) application = NULL;
  g_autoptr(SportelloGrantApplication) stored = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(SportelloContext) context = NULL;
  SportelloGrantApplicationDialog *dialog;
  SportelloGrantApplication *record;
  const char *uuid;
  GtkWindow *window;
  GtkWidget *requested, *document;
  AdwComboRow *status;
  guint n_saves = 0;

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Tessitura Lariana");
  g_assert_true (sportello_client_save (client, db, &error));
  sportello_grant_call_set (call, SPORTELLO_GRANT_CALL_DOCUMENTS, "Preventivi\nVisura camerale");
  g_assert_true (sportello_grant_call_save (call, db, &error));
  application = sportello_grant_application_new (sportello_client_get_uuid (client), sportello_grant_call_get (call, SPORTELLO_GRANT_CALL_UUID));
  sportello_grant_application_set (application, SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER, "PR-1");
  sportello_grant_application_set_number (application, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED, 5000);
  g_assert_true (sportello_grant_application_save (application, db, &error));
  g_assert_no_error (error);
  uuid = sportello_grant_application_get (application, SPORTELLO_GRANT_APPLICATION_UUID);
  g_assert_cmpuint (history_length (db, uuid), ==, 1);
  sportello_test_iterate (100);
  g_signal_connect (db, "changed::" SPORTELLO_CHANGE_GRANT_APPLICATION, G_CALLBACK (count_cb), &n_saves);

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  settings = g_settings_new (BASE_APP_ID);
  context = sportello_context_new (db, settings);
  dialog = sportello_grant_application_dialog_new (context, uuid, &error);
  g_assert_no_error (error);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  record = sportello_grant_application_dialog_get_application (dialog);
  status = sportello_grant_application_dialog_get_status_row (dialog);
  requested = sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "Importo _richiesto in euro");
  document = sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "Visura camerale");
  g_assert_nonnull (requested);
  g_assert_nonnull (document);

  /* opening shows the application and stores nothing */
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "Numero di _protocollo"), ==, "PR-1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (requested)), ==, "5000");
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "_Giorni prima di una scadenza, per esempio 14, 3"), ==, "14, 3");
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==,
                    (guint) sportello_vocabulary_index (SPORTELLO_VOCABULARY_GRANT_STATUS, "interested"));
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (document)));
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 0);
  g_assert_cmpuint (history_length (db, uuid), ==, 1);

  /* the application changed shows in its rows, stored once */
  sportello_grant_application_set (record, SPORTELLO_GRANT_APPLICATION_PROTOCOL_NUMBER, "PR-2");
  sportello_grant_application_set_number (record, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED, 7000);
  sportello_grant_application_set_document_done (record, "Preventivi", TRUE);
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "Numero di _protocollo"), ==, "PR-2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (requested)), ==, "7000");
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                                                                     "Preventivi"))));
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 1);

  /* rows edited reach the application at once, stored once */
  set_row_text (GTK_WIDGET (dialog), "_Note", "Da richiamare");
  gtk_editable_set_text (GTK_EDITABLE (requested), "12.000");
  adw_switch_row_set_active (ADW_SWITCH_ROW (document), TRUE);
  g_assert_cmpstr (sportello_grant_application_get (record, SPORTELLO_GRANT_APPLICATION_NOTES), ==, "Da richiamare");
  g_assert_cmpint (sportello_grant_application_get_number (record, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED), ==, 12000);
  g_assert_true (sportello_grant_application_get_document_done (record, "Visura camerale"));
  g_assert_true (sportello_grant_application_get_document_done (record, "Preventivi"));
  /* the amount as typed is not rewritten */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (requested)), ==, "12.000");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 2);
  stored = sportello_grant_application_load (db, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_grant_application_get (stored, SPORTELLO_GRANT_APPLICATION_NOTES), ==, "Da richiamare");
  g_assert_cmpint (sportello_grant_application_get_number (stored, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED), ==, 12000);
  g_assert_true (sportello_grant_application_get_document_done (stored, "Visura camerale"));
  g_assert_cmpuint (history_length (db, uuid), ==, 1);

  /* a status chosen is stored at once and recorded once in the history */
  adw_combo_row_set_selected (status, (guint) sportello_vocabulary_index (SPORTELLO_VOCABULARY_GRANT_STATUS, "submitted"));
  /* stored before the autosave's delay, which is longer */
  g_assert_cmpuint (history_length (db, uuid), ==, 2);
  sportello_test_iterate (100);
  g_assert_cmpuint (n_saves, ==, 3);
  g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                             sportello_grant_application_status_label ("submitted")));
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 3);
  g_assert_cmpuint (history_length (db, uuid), ==, 2);
  /* another edit is no status change */
  set_row_text (GTK_WIDGET (dialog), "_Note", "Inviata");
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 4);
  g_assert_cmpuint (history_length (db, uuid), ==, 2);

  /* what is no amount stays off the application; the row says so, nothing is stored */
  gtk_editable_set_text (GTK_EDITABLE (requested), "molti");
  g_assert_cmpint (sportello_grant_application_get_number (record, SPORTELLO_GRANT_APPLICATION_AMOUNT_REQUESTED), ==, 12000);
  sportello_test_iterate (SETTLE_MS);
  g_assert_true (gtk_widget_has_css_class (requested, "error"));
  g_assert_cmpuint (n_saves, ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (requested), "12000");
  sportello_test_iterate (SETTLE_MS);
  g_assert_false (gtk_widget_has_css_class (requested, "error"));

  /* closing stores nothing more and the history stays */
  n_saves = 0;
  adw_dialog_force_close (ADW_DIALOG (dialog));
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_saves, ==, 0);
  g_assert_cmpuint (history_length (db, uuid), ==, 2);

  sportello_test_app_quit (app);
}

/* ------------------------------------------- document and template pages ---- */

static void
test_document_template_pages (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bindings-documents", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloTemplate) builtin = NULL;
  g_autoptr(SportelloTemplate) mine = NULL;
  g_autoptr(SportelloTemplate) stored_template = NULL;
  g_autoptr(SportelloDocument) document = NULL;
  g_autoptr(SportelloDocument) stored = NULL;
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(SportelloContext) context = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *uuid = NULL;
  SportelloDocumentPage *page;
  SportelloTemplatePage *editor;
  GtkTextBuffer *buffer;
  GtkWindow *window;
  GtkWidget *pages;
  GtkTextIter end;
  guint n_documents = 0, n_templates = 0;

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Officina Gallo");
  g_assert_true (sportello_client_save (client, db, &error));
  builtin = sportello_template_lookup (db, "orientamento-bandi", &error);
  g_assert_no_error (error);
  mine = sportello_user_template_duplicate (builtin);
  g_assert_true (sportello_user_template_save (db, mine, &error));
  g_assert_no_error (error);
  template_id = g_strdup (mine->id);
  document = sportello_document_new_from_template (db, sportello_client_get_uuid (client), builtin, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sportello_document_save (document, db, &error));
  uuid = g_strdup (sportello_document_get (document, SPORTELLO_DOCUMENT_UUID));
  sportello_test_iterate (100);
  g_signal_connect (db, "changed::" SPORTELLO_CHANGE_DOCUMENT, G_CALLBACK (count_cb), &n_documents);
  g_signal_connect (db, "changed::" SPORTELLO_CHANGE_TEMPLATE, G_CALLBACK (count_cb), &n_templates);

  app = sportello_test_app_new (data_dir);
  settings = g_settings_new (BASE_APP_ID);
  context = sportello_context_new (db, settings);
  window = GTK_WINDOW (gtk_window_new ());
  pages = adw_navigation_view_new ();
  gtk_window_set_child (window, pages);
  gtk_window_present (window);

  /* the document page: opening stores nothing; the title follows the record */
  page = g_object_ref_sink (sportello_document_page_new (context, uuid, &error));
  g_assert_no_error (error);
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (pages), ADW_NAVIGATION_PAGE (page));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)), ==,
                   sportello_document_get (document, SPORTELLO_DOCUMENT_TITLE));
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_documents, ==, 0);
  sportello_document_set (sportello_document_page_get_document (page), SPORTELLO_DOCUMENT_TITLE, "Bandi 2027");
  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)), ==, "Bandi 2027");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (page), "Bandi 2027"));
  /* the text typed is stored once */
  buffer = gtk_text_view_get_buffer (sportello_document_page_get_view (page));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nRiga aggiunta.", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " Ancora.", -1);
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_documents, ==, 1);
  stored = sportello_document_load (db, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (sportello_document_get (stored, SPORTELLO_DOCUMENT_BODY), "\nRiga aggiunta. Ancora."));
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_documents, ==, 1);
  g_object_unref (page);

  /* the template page: opening stores nothing, an edit is stored once */
  editor = g_object_ref_sink (sportello_template_page_new (context, template_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (row_text (GTK_WIDGET (editor), "_Titolo"), ==, mine->title);
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_templates, ==, 0);
  set_row_text (GTK_WIDGET (editor), "_Titolo", "Bandi, la mia versione");
  buffer = gtk_text_view_get_buffer (sportello_template_page_get_view (editor));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nFine.", -1);
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_templates, ==, 1);
  stored_template = sportello_user_template_load (db, template_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored_template->title, ==, "Bandi, la mia versione");
  g_assert_true (g_str_has_suffix (stored_template->body, "\nFine."));
  sportello_test_iterate (SETTLE_MS);
  g_assert_cmpuint (n_templates, ==, 1);
  g_object_unref (editor);

  gtk_window_destroy (window);
  sportello_test_app_quit (app);
}

/* ---------------------------------------------------- follow-up row ---- */

static void
test_follow_up_row (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-bindings-follow-up", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloFollowUp) follow_up = sportello_follow_up_new ("meeting-uuid", "Inviare il preventivo");
  g_autoptr(SportelloFollowUp) from_grant = sportello_follow_up_new ("", "Presentare la rendicontazione");
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(SportelloContext) context = NULL;
  GtkWidget *list, *row, *plain, *check, *button;
  GtkWindow *window;

  g_assert_no_error (error);
  sportello_follow_up_set (follow_up, SPORTELLO_FOLLOW_UP_CLIENT_UUID, "client-uuid");
  sportello_follow_up_set (follow_up, SPORTELLO_FOLLOW_UP_CLIENT_NAME, "Officina Gallo");
  sportello_follow_up_set (follow_up, SPORTELLO_FOLLOW_UP_ASSIGNEE, "consultant");
  sportello_follow_up_set (from_grant, SPORTELLO_FOLLOW_UP_ASSIGNEE, "client");

  app = sportello_test_app_new (data_dir);
  settings = g_settings_new (BASE_APP_ID);
  context = sportello_context_new (db, settings);
  /* an AdwWindow, where a dialog shows inside */
  window = GTK_WINDOW (adw_window_new ());
  list = gtk_list_box_new ();
  adw_window_set_content (ADW_WINDOW (window), list);
  row = sportello_follow_up_row_new (context, follow_up, TRUE);
  plain = sportello_follow_up_row_new (context, from_grant, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_append (GTK_LIST_BOX (list), plain);
  gtk_window_present (window);
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* the row from its template shows the record */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Inviare il preventivo");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Officina Gallo"));
  check = sportello_test_find_type (row, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* one of a meeting can be edited, and in To Do opens its client */
  button = sportello_test_find_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Modifica attività");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  /* one a grant made is not edited; out of To Do it opens nothing */
  g_assert_null (sportello_test_find_type (plain, GTK_TYPE_BUTTON));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (plain)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (plain)), ==, "Presentare la rendicontazione");

  /* and follows the record */
  sportello_follow_up_set (follow_up, SPORTELLO_FOLLOW_UP_TEXT, "Chiamare il cliente");
  sportello_follow_up_set (follow_up, SPORTELLO_FOLLOW_UP_CLIENT_NAME, "Forno Villa");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Chiamare il cliente");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Forno Villa"));

  /* its edit button opens the edit dialog, with the record's text */
  g_signal_emit_by_name (button, "clicked");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_ALERT_DIALOG));
  g_assert_cmpstr (row_text (sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_ALERT_DIALOG), "_Attività"), ==,
                   "Chiamare il cliente");

  gtk_window_destroy (window);
  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/bindings/client-dialog", test_client_dialog);
  g_test_add_func ("/ui/bindings/meeting-page", test_meeting_page);
  g_test_add_func ("/ui/bindings/event-page", test_event_page);
  g_test_add_func ("/ui/bindings/grant-call-page", test_grant_call_page);
  g_test_add_func ("/ui/bindings/application-dialog", test_application_dialog);
  g_test_add_func ("/ui/bindings/document-template-pages", test_document_template_pages);
  g_test_add_func ("/ui/bindings/follow-up-row", test_follow_up_row);

  return g_test_run ();
}
