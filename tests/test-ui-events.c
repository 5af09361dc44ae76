/* test-ui-events.c: the Events section, registrations, attendance, certificates
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sportello-client.h"
#include "sportello-client-events.h"
#include "sportello-client-page.h"
#include "sportello-clients-section.h"
#include "sportello-contact.h"
#include "sportello-database.h"
#include "sportello-event.h"
#include "sportello-event-page.h"
#include "sportello-events-section.h"
#include "sportello-certificate.h"
#include "sportello-follow-up.h"
#include "sportello-registration.h"
#include "sportello-registration-dialog.h"
#include "sportello-section.h"
#include "sportello-test-ui.h"
#include "sportello-window-private.h"

/* a client with one contact, who registers from a search */
static char *
make_contact (const char  *data_dir,
              char       **client_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloDatabase) db = sportello_database_open (data_dir, &error);
  g_autoptr(SportelloClient) client = sportello_client_new ();
  g_autoptr(SportelloContact) contact = NULL;

  g_assert_no_error (error);
  sportello_client_set (client, SPORTELLO_CLIENT_NAME, "Pasticceria Villa");
  g_assert_true (sportello_client_save (client, db, &error));
  contact = sportello_contact_new (sportello_client_get_uuid (client));
  sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, "Anna Villa");
  sportello_contact_set (contact, SPORTELLO_CONTACT_EMAIL, "anna@pasticceriavilla.it");
  g_assert_true (sportello_contact_save (contact, db, &error));
  g_assert_no_error (error);

  *client_uuid = g_strdup (sportello_client_get_uuid (client));
  return g_strdup (sportello_contact_get (contact, SPORTELLO_CONTACT_UUID));
}

/* the @n-th widget of @type under @root, depth first */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (*n)-- == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, type, n);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth (GtkWidget *root,
     GType      type,
     guint      n)
{
  return find_nth (root, type, &n);
}

/* the switch row of the person named @name */
static AdwSwitchRow *
attendance_switch (GtkWidget  *page,
                   const char *name)
{
  GtkWidget *row;

  for (guint i = 0; (row = nth (page, ADW_TYPE_SWITCH_ROW, i)); i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return ADW_SWITCH_ROW (row);
  return NULL;
}

static void
toast_cb (SportelloContext *context,
          AdwToast         *toast,
          GPtrArray        *toasts)
{
  g_ptr_array_add (toasts, g_strdup (adw_toast_get_title (toast)));
}

static gboolean
toasts_contain (GPtrArray  *toasts,
                const char *text)
{
  for (guint i = 0; i < toasts->len; i++)
    if (strstr (g_ptr_array_index (toasts, i), text))
      return TRUE;
  return FALSE;
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", first, "-l", first, "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *pages;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, &error));
  g_assert_no_error (error);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
test_event (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-events", NULL);
  g_autofree char *client_uuid = NULL;
  g_autofree char *contact_uuid = make_contact (data_dir, &client_uuid);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(GPtrArray) toasts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloEvent) stored = NULL;
  g_autoptr(GListModel) registrations = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = sportello_test_app_window (app);
  SportelloEventsSection *events;
  GtkWidget *page;
  GtkWidget *title_row, *capacity_row;
  guint n_toasts;
  char *shot;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "events");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "events");
  events = SPORTELLO_EVENTS_SECTION (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_SECTION));
  g_assert_nonnull (events);
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, 0);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (events), "Nessun evento"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "events-empty");
  g_free (shot);

  /* “Nuovo evento” by mistake, then back: nothing is left behind */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (events), "events.new", NULL));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, 1);
  sportello_test_iterate (300);
  gtk_widget_activate_action (GTK_WIDGET (page), "navigation.pop", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  SPORTELLO_TEST_WAIT_UNTIL (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE) == NULL);
  g_assert_null (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE));
  {
    g_autoptr(GError) list_error = NULL;
    g_autoptr(SportelloDatabase) list_db = sportello_database_open (data_dir, &list_error);
    g_autoptr(GListModel) list = sportello_event_list (list_db, &list_error);

    g_assert_no_error (list_error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
  /* the list follows the database from an idle */
  SPORTELLO_TEST_WAIT_UNTIL (sportello_events_section_get_n_events (events) == 0);
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, 0);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (events), "Nessun evento"));

  /* “Nuovo evento” makes one and opens its page */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (events), "events.new", NULL));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE);
  g_assert_nonnull (page);
  uuid = g_strdup (sportello_event_get (sportello_event_page_get_event (SPORTELLO_EVENT_PAGE (page)), SPORTELLO_EVENT_UUID));
  g_signal_connect (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (page)), "toast",
                    G_CALLBACK (toast_cb), toasts);

  /* the details are stored with no Save button */
  title_row = nth (page, ADW_TYPE_ENTRY_ROW, 0);
  capacity_row = nth (page, ADW_TYPE_SPIN_ROW, 1);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Vendere online: i primi passi");
  adw_spin_row_set_value (ADW_SPIN_ROW (capacity_row), 2);
  sportello_test_iterate (1000);
  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  stored = sportello_event_load (db, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_event_get (stored, SPORTELLO_EVENT_TITLE), ==, "Vendere online: i primi passi");
  g_assert_cmpint (sportello_event_get_capacity (stored), ==, 2);

  /* three people for two places: a client's contact and two new people */
  /* a client's contact, picked from a search in the dialog */
  {
    GtkWidget *search, *label, *row, *dialog;

    g_assert_true (gtk_widget_activate_action (page, "event.add-registration", NULL));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    dialog = sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_DIALOG);
    g_assert_nonnull (dialog);
    search = sportello_test_find_type (dialog, GTK_TYPE_SEARCH_ENTRY);
    g_assert_nonnull (search);
    gtk_editable_set_text (GTK_EDITABLE (search), "Villa");
    sportello_test_iterate (500);
    SPORTELLO_TEST_WAIT_UNTIL (sportello_test_find_label (dialog, "Anna Villa") != NULL);
    label = sportello_test_find_label (dialog, "Anna Villa");
    g_assert_nonnull (label);
    g_assert_nonnull (sportello_test_find_label_containing (dialog, "anna@pasticceriavilla.it"));
    shot = sportello_test_screenshot (GTK_WIDGET (window), "event-add-registration");
    g_free (shot);
    row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    /* the dialog closes with its animation, which a busy machine draws slowly */
    for (guint i = 0; i < 100 && sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_DIALOG); i++)
      sportello_test_iterate (50);
    g_assert_null (sportello_test_find_type (GTK_WIDGET (window), ADW_TYPE_DIALOG));
    g_assert_nonnull (contact_uuid);
  }
  g_assert_true (sportello_event_page_register (SPORTELLO_EVENT_PAGE (page), NULL, "Bruno Neri", "bruno@ferramentaneri.it", "Ferramenta Neri"));
  g_assert_true (sportello_event_page_register (SPORTELLO_EVENT_PAGE (page), NULL, "Carla Bianchi", "carla@example.it", ""));
  g_assert_true (toasts_contain (toasts, "Carla Bianchi"));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  /* the contact's name and firm come from the client */
  g_assert_nonnull (sportello_test_find_label (page, "Anna Villa"));
  g_assert_nonnull (sportello_test_find_label_containing (page, "Pasticceria Villa"));
  g_assert_nonnull (sportello_test_find_label_containing (page, "lista d'attesa"));
  /* only people with a place have a switch */
  g_assert_nonnull (attendance_switch (page, "Anna Villa"));
  g_assert_nonnull (attendance_switch (page, "Bruno Neri"));
  g_assert_null (attendance_switch (page, "Carla Bianchi"));

  /* the section counts the places */
  gtk_widget_activate_action (GTK_WIDGET (page), "navigation.pop", NULL);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  SPORTELLO_TEST_WAIT_UNTIL (sportello_test_find_label_containing (GTK_WIDGET (events), "Posti occupati: 2 su 2") != NULL);
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, 1);
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (events), "Posti occupati: 2 su 2"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "events-section");
  g_free (shot);

  sportello_events_section_open (events, uuid);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE);
  g_signal_connect (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (page)), "toast",
                    G_CALLBACK (toast_cb), toasts);

  /* Bruno gives his place back: Carla moves up, and a toast says so */
  {
    g_autoptr(SportelloRegistration) bruno = NULL;
    GtkWidget *button;

    registrations = sportello_registration_list (db, uuid, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 3);
    bruno = g_list_model_get_item (registrations, 1);
    g_assert_cmpstr (sportello_registration_get (bruno, SPORTELLO_REGISTRATION_NAME), ==, "Bruno Neri");
    for (guint i = 0; (button = nth (page, GTK_TYPE_BUTTON, i)); i++)
      if (g_strcmp0 (gtk_widget_get_name (button), sportello_registration_get (bruno, SPORTELLO_REGISTRATION_UUID)) == 0)
        break;
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_true (toasts_contain (toasts, "Carla Bianchi ha ottenuto un posto"));
    sportello_test_iterate (200);
    g_assert_null (attendance_switch (page, "Bruno Neri"));
    g_assert_nonnull (attendance_switch (page, "Carla Bianchi"));
  }

  /* on the day: Anna and Carla came */
  adw_switch_row_set_active (attendance_switch (page, "Anna Villa"), TRUE);
  sportello_test_iterate (200);
  adw_switch_row_set_active (attendance_switch (page, "Carla Bianchi"), TRUE);
  sportello_test_iterate (200);
  g_assert_true (adw_switch_row_get_active (attendance_switch (page, "Anna Villa")));
  g_assert_true (adw_switch_row_get_active (attendance_switch (page, "Carla Bianchi")));
  g_clear_object (&registrations);
  registrations = sportello_registration_list (db, uuid, "attended", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 2);
  shot = sportello_test_screenshot (GTK_WIDGET (window), "event-page");
  g_free (shot);

  /* the certificates: one page each, drawn off the main thread */
  pdf = g_build_filename (g_get_user_data_dir (), "attestati.pdf", NULL);
  pdf_file = g_file_new_for_path (pdf);
  n_toasts = toasts->len;
  sportello_event_page_export_certificates (SPORTELLO_EVENT_PAGE (page), pdf_file);
  while (toasts->len == n_toasts)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (toasts_contain (toasts, "2 attestati salvati in attestati.pdf"));

  g_assert_cmpuint (pdf_n_pages (pdf), ==, 2);
  sportello_test_assert_pdf_tagged (pdf, "Attestati di partecipazione", NULL, NULL);
  {
    /* sorted by name: Anna, then Carla */
    g_autofree char *first = pdf_page_text (pdf, 1);
    g_autofree char *second = pdf_page_text (pdf, 2);

    g_assert_nonnull (strstr (first, "Anna Villa"));
    g_assert_null (strstr (first, "Carla Bianchi"));
    g_assert_nonnull (strstr (second, "Carla Bianchi"));
    g_assert_null (strstr (second, "Anna Villa"));
    g_assert_nonnull (strstr (first, "Vendere online"));
  }

  /* the client page lists the event its person attended */
  {
    GtkWidget *client_page, *group;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients");
    client_page = sportello_test_open_client (window, client_uuid);
    group = sportello_test_find_type (client_page, SPORTELLO_TYPE_CLIENT_EVENTS);
    g_assert_nonnull (group);
    g_assert_true (gtk_widget_get_visible (group));
    g_assert_cmpuint (sportello_client_events_get_n_items (SPORTELLO_CLIENT_EVENTS (group)), ==, 1);
    g_assert_nonnull (sportello_test_find_label (group, "Vendere online: i primi passi"));
    g_assert_nonnull (sportello_test_find_label (group, "Eventi frequentati"));
    shot = sportello_test_screenshot (GTK_WIDGET (window), "client-events");
    g_free (shot);
  }

  sportello_test_app_quit (app);
}

/* A CSV of the webinar platform marks who came; a dialog lists the rows */
static void
test_attendance_csv (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-events-csv", NULL);
  g_autofree char *client_uuid = NULL;
  g_autofree char *contact_uuid = make_contact (data_dir, &client_uuid);
  g_autofree char *csv_path = g_build_filename (g_get_user_data_dir (), "presenze.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(SportelloApplication) app = sportello_test_app_new (data_dir);
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloEvent) event = sportello_event_new ();
  g_autoptr(GListModel) attended = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = sportello_test_app_window (app);
  SportelloEventsSection *events;
  GtkWidget *page;
  char *shot;

  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  sportello_event_set (event, SPORTELLO_EVENT_TITLE, "Fatturazione elettronica");
  g_assert_true (sportello_event_save (event, db, &error));
  g_assert_true (g_file_set_contents (csv_path,
                                      "Nome;Cognome;Email\n"
                                      "Bruno;Neri;BRUNO@ferramentaneri.it\n"
                                      "Anna;Villa;anna@pasticceriavilla.it\n"
                                      "Dario;Rossi;dario@example.it\n"
                                      "Elena;Gialli;\n", -1, &error));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "events");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  events = SPORTELLO_EVENTS_SECTION (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_SECTION));
  sportello_events_section_open (events, sportello_event_get (event, SPORTELLO_EVENT_UUID));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE);
  g_assert_nonnull (page);
  g_assert_true (sportello_event_page_register (SPORTELLO_EVENT_PAGE (page), NULL, "Bruno Neri", "bruno@ferramentaneri.it", "Ferramenta Neri"));

  sportello_event_page_import_attendance (SPORTELLO_EVENT_PAGE (page), csv_file);
  sportello_test_wait_for_draw (GTK_WIDGET (window));

  /* Bruno by his registration, Anna as a client's contact; Dario and Elena not */
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Riconosciute (2)"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Non riconosciute (2)"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Riga 2: Bruno Neri"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Riga 3: Anna Villa"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Riga 4: Dario Rossi"));
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (window), "Riga 5: Elena Gialli"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "event-attendance-csv");
  g_free (shot);

  attended = sportello_registration_list (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), "attended", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attended), ==, 2);
  /* and the switches say so */
  sportello_test_iterate (200);
  g_assert_true (adw_switch_row_get_active (attendance_switch (page, "Bruno Neri")));
  g_assert_true (adw_switch_row_get_active (attendance_switch (page, "Anna Villa")));

  sportello_test_app_quit (app);
}

static char *
register_new (SportelloDatabase *db,
              const char        *event_uuid,
              const char        *contact_uuid,
              const char        *name,
              const char        *email,
              const char        *firm,
              const char        *status)
{
  g_autoptr(SportelloRegistration) r = sportello_registration_new (event_uuid);
  g_autoptr(GError) error = NULL;

  if (contact_uuid)
    sportello_registration_set (r, SPORTELLO_REGISTRATION_CONTACT_UUID, contact_uuid);
  sportello_registration_set (r, SPORTELLO_REGISTRATION_NAME, name);
  sportello_registration_set (r, SPORTELLO_REGISTRATION_EMAIL, email);
  sportello_registration_set (r, SPORTELLO_REGISTRATION_FIRM, firm);
  g_assert_true (sportello_registration_save (r, db, &error));
  g_assert_no_error (error);
  if (status)
    g_assert_true (sportello_registration_set_status (db, sportello_registration_get (r, SPORTELLO_REGISTRATION_UUID),
                                                      status, NULL, &error));
  return g_strdup (sportello_registration_get (r, SPORTELLO_REGISTRATION_UUID));
}

/* After a past webinar: the firms to contact again, a registration's
 * consent, someone new made a client or linked to a contact, and the
 * certificates' signer, hub and template */
static void
test_after_event (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-events-after", NULL);
  g_autofree char *client_uuid = NULL;
  g_autofree char *contact_uuid = make_contact (data_dir, &client_uuid);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(SportelloDatabase) db = NULL;
  g_autoptr(SportelloEvent) event = sportello_event_new ();
  g_autoptr(SportelloContact) carla = NULL;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -10);
  g_autofree char *starts_at = g_date_time_format (past, "%Y-%m-%dT10:00:00Z");
  g_autofree char *anna_r = NULL;
  g_autofree char *bruno_r = NULL;
  g_autofree char *carla_r = NULL;
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "attestati-dopo.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  SportelloEventsSection *events;
  GtkWidget *page, *row;
  guint n_toasts;

  g_settings_set_string (settings, "consultant-name", "Giulia Frigerio");
  g_settings_set_string (settings, "hub-name", "ComoNext – Lomazzo");

  db = sportello_database_open (data_dir, &error);
  g_assert_no_error (error);
  sportello_event_set (event, SPORTELLO_EVENT_TITLE, "Fatturazione elettronica");
  sportello_event_set (event, SPORTELLO_EVENT_STARTS_AT, starts_at);
  sportello_event_set_duration (event, 90);
  g_assert_true (sportello_event_save (event, db, &error));
  carla = sportello_contact_new (client_uuid);
  sportello_contact_set (carla, SPORTELLO_CONTACT_NAME, "Carla Villa");
  sportello_contact_set (carla, SPORTELLO_CONTACT_EMAIL, "carla@pasticceriavilla.it");
  g_assert_true (sportello_contact_save (carla, db, &error));
  anna_r = register_new (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), contact_uuid, "", "", "", "attended");
  bruno_r = register_new (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), NULL, "Bruno Neri",
                          "bruno@ferramentaneri.it", "Ferramenta Neri", "attended");
  carla_r = register_new (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), NULL, "Carla V.",
                          "carla.v@example.it", "", "attended");

  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  gtk_window_set_default_size (window, 1100, 860);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "events");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  events = SPORTELLO_EVENTS_SECTION (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_SECTION));
  sportello_events_section_open (events, sportello_event_get (event, SPORTELLO_EVENT_UUID));
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENT_PAGE);
  g_assert_nonnull (page);
  g_signal_connect (sportello_record_page_get_context (SPORTELLO_RECORD_PAGE (page)), "toast",
                    G_CALLBACK (toast_cb), toasts);

  /* the firm whose person came and that had no meeting is offered */
  row = sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Pasticceria Villa");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Ancora nessun incontro");
  /* the certificates' defaults come from Preferences */
  g_assert_nonnull (sportello_test_find_label_containing (page, "Giulia Frigerio"));
  {
    GtkWidget *scrolled = sportello_test_find_type (page, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "event-after"));
  }

  /* the follow-ups: one in To Do for the firm, which is offered no more */
  g_assert_true (gtk_widget_activate_action (page, "event.make-follow-ups", NULL));
  sportello_test_iterate (200);
  g_assert_true (toasts_contain (toasts, "1 attività aggiunta a Da fare"));
  g_assert_null (sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Pasticceria Villa"));
  {
    g_autoptr(GListModel) open = sportello_follow_up_list_open (db, client_uuid, NULL, &error);
    g_autoptr(SportelloFollowUp) f = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
    f = g_list_model_get_item (open, 0);
    g_assert_nonnull (strstr (sportello_follow_up_get (f, SPORTELLO_FOLLOW_UP_TEXT), "Fatturazione elettronica"));
  }

  /* someone new: their consent, then a new client in one step */
  {
    SportelloRegistrationDialog *dialog = sportello_event_page_open_registration (SPORTELLO_EVENT_PAGE (page), bruno_r);
    g_autoptr(SportelloRegistration) stored = NULL;
    GtkWidget *consent, *date, *basis;

    g_assert_nonnull (dialog);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    consent = sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "Consenso _dato");
    date = sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "Data del consenso, per esempio 25/11/2026");
    basis = sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "_Base giuridica");
    g_assert_nonnull (consent);
    g_assert_nonnull (date);
    g_assert_nonnull (basis);
    adw_switch_row_set_active (ADW_SWITCH_ROW (consent), TRUE);
    gtk_editable_set_text (GTK_EDITABLE (date), "25/11/2026");
    adw_combo_row_set_selected (ADW_COMBO_ROW (basis), 1);
    sportello_registration_dialog_flush (dialog);
    stored = sportello_registration_load (db, bruno_r, &error);
    g_assert_no_error (error);
    g_assert_true (sportello_registration_get_consent_given (stored));
    g_assert_cmpstr (sportello_registration_get (stored, SPORTELLO_REGISTRATION_CONSENT_DATE), ==, "2026-11-25");
    g_assert_cmpstr (sportello_registration_get (stored, SPORTELLO_REGISTRATION_CONSENT_BASIS), ==, "consent");
    /* and the event page says so, once it reloads */
    for (guint i = 0; i < 100 && !sportello_test_find_label (page, "Ferramenta Neri · Presente · consenso ai contatti"); i++)
      sportello_test_iterate (50);
    g_assert_nonnull (sportello_test_find_label (page, "Ferramenta Neri · Presente · consenso ai contatti"));
    g_assert_nonnull (sportello_test_find_button (GTK_WIDGET (dialog), "Crea un _nuovo cliente"));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "event-registration"));

    g_assert_true (sportello_registration_dialog_make_client (dialog));
    g_clear_object (&stored);
    stored = sportello_registration_load (db, bruno_r, &error);
    g_assert_cmpstr (sportello_registration_get (stored, SPORTELLO_REGISTRATION_CONTACT_UUID), !=, "");
    g_assert_cmpstr (sportello_registration_get (stored, SPORTELLO_REGISTRATION_CLIENT_NAME), ==, "Ferramenta Neri");
    g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "Ferramenta Neri"));
    g_assert_null (sportello_test_find_button (GTK_WIDGET (dialog), "Crea un _nuovo cliente"));
    g_assert_true (toasts_contain (toasts, "Ferramenta Neri"));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "event-registration-client"));
    adw_dialog_force_close (ADW_DIALOG (dialog));
    sportello_test_iterate (100);
  }

  /* someone who is a contact already: linked from a search */
  {
    SportelloRegistrationDialog *dialog = sportello_event_page_open_registration (SPORTELLO_EVENT_PAGE (page), carla_r);
    g_autoptr(SportelloRegistration) stored = NULL;
    GtkListBox *results;
    GtkWidget *label, *found;

    gtk_editable_set_text (sportello_registration_dialog_get_search (dialog), "Villa");
    sportello_test_iterate (300);
    results = sportello_registration_dialog_get_results (dialog);
    label = sportello_test_find_label (GTK_WIDGET (results), "Carla Villa");
    g_assert_nonnull (label);
    found = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
    g_signal_emit_by_name (results, "row-activated", found);
    sportello_test_iterate (100);
    stored = sportello_registration_load (db, carla_r, &error);
    g_assert_cmpstr (sportello_registration_get (stored, SPORTELLO_REGISTRATION_CONTACT_UUID), ==,
                     sportello_contact_get (carla, SPORTELLO_CONTACT_UUID));
    g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW, "Pasticceria Villa"));
    adw_dialog_force_close (ADW_DIALOG (dialog));
    sportello_test_iterate (100);
  }

  /* the signer on the event, and the hub's own template */
  {
    GtkWidget *signer = sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "_Firmato da");
    AdwDialog *editor;
    GtkTextBuffer *buffer;
    g_autofree char *text = NULL;
    g_autofree char *page_text = NULL;

    g_assert_nonnull (signer);
    gtk_editable_set_text (GTK_EDITABLE (signer), "Marco Rossi");
    sportello_record_page_flush (SPORTELLO_RECORD_PAGE (page));

    editor = sportello_event_page_edit_certificate_template (SPORTELLO_EVENT_PAGE (page));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sportello_test_find_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW)));
    g_free (sportello_test_screenshot (GTK_WIDGET (window), "certificate-template"));
    /* an unknown placeholder is said, and not stored */
    gtk_text_buffer_set_text (buffer, "# Attestato\n\n{{participant.nome}}", -1);
    sportello_event_page_flush_certificate_template (editor);
    g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (editor), "participant.nome"));
    text = sportello_certificate_get_template (db, &error);
    g_assert_cmpstr (text, ==, sportello_certificate_builtin_template ());
    g_clear_pointer (&text, g_free);
    gtk_text_buffer_set_text (buffer, "# Attestato\n\n{{participant.name}} firmato da {{consultant.name}} per {{hub.name}}", -1);
    sportello_event_page_flush_certificate_template (editor);
    text = sportello_certificate_get_template (db, &error);
    g_assert_nonnull (strstr (text, "firmato da {{consultant.name}}"));
    adw_dialog_force_close (editor);
    sportello_test_iterate (100);
    g_assert_nonnull (sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "_Modello"));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sportello_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "_Modello"))), ==,
                     "Quello del polo, per ogni evento");

    n_toasts = toasts->len;
    sportello_event_page_export_certificates (SPORTELLO_EVENT_PAGE (page), pdf_file);
    while (toasts->len == n_toasts)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (pdf_n_pages (pdf), ==, 3);
    page_text = pdf_page_text (pdf, 1);
    /* the signer of the event, the hub of Preferences */
    g_assert_nonnull (strstr (page_text, "Anna Villa firmato da Marco Rossi per"));
    g_assert_nonnull (strstr (page_text, "ComoNext – Lomazzo"));

    /* and back to the built-in one */
    editor = sportello_event_page_edit_certificate_template (SPORTELLO_EVENT_PAGE (page));
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    g_signal_emit_by_name (sportello_test_find_button (GTK_WIDGET (editor), "_Ripristina predefinito"), "clicked");
    g_clear_pointer (&text, g_free);
    text = sportello_certificate_get_template (db, &error);
    g_assert_cmpstr (text, ==, sportello_certificate_builtin_template ());
    adw_dialog_force_close (editor);
    sportello_test_iterate (100);
  }

  sportello_test_app_quit (app);
}

/* The first widget of @type below @root, shown or not */
static GtkWidget *
find_any_of_type (GtkWidget *root,
                  GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_any_of_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* Waits, within a bound, until @events lists @n events */
static void
wait_for_n_events (SportelloEventsSection *events,
                   guint                n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sportello_events_section_get_n_events (events) != n && g_get_monotonic_time () < deadline)
    sportello_test_iterate (20);
}

/* The section builds its rows after the window's first frame and follows
 * changes while hidden: it is populated before it is first shown */
static void
test_preloaded (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-events-preloaded", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  g_autoptr(SportelloEvent) event = sportello_event_new ();
  g_autoptr(SportelloEvent) added = sportello_event_new ();
  g_autoptr(GError) error = NULL;
  SportelloDatabase *db;
  SportelloEventsSection *events;
  GtkWindow *window;

  {
    g_autoptr(SportelloDatabase) setup_db = sportello_database_open (data_dir, &error);

    g_assert_no_error (error);
    sportello_event_set (event, SPORTELLO_EVENT_TITLE, "Fatturazione elettronica");
    g_assert_true (sportello_event_save (event, setup_db, &error));
    g_assert_no_error (error);
  }
  app = sportello_test_app_new (data_dir);
  window = sportello_test_app_window (app);
  /* the window makes it after its first frame, unasked */
  SPORTELLO_TEST_WAIT_UNTIL ((events = SPORTELLO_EVENTS_SECTION (find_any_of_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_SECTION))) != NULL);
  g_assert_nonnull (events);

  /* never shown, yet listed */
  wait_for_n_events (events, 1);
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "clients");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (events)));
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, 1);
  g_assert_false (sportello_widget_get_stale (GTK_WIDGET (events)));
  g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (events), ADW_TYPE_PREFERENCES_ROW, "Fatturazione elettronica"));

  /* an event added while it is hidden joins the list before it is shown */
  db = sportello_application_get_database (app, &error);
  g_assert_no_error (error);
  sportello_event_set (added, SPORTELLO_EVENT_TITLE, "Bandi per le PMI");
  g_assert_true (sportello_event_save (added, db, &error));
  g_assert_no_error (error);
  wait_for_n_events (events, 2);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (events)));
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, 2);
  g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (events), ADW_TYPE_PREFERENCES_ROW, "Bandi per le PMI"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "events");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, 2);

  sportello_test_app_quit (app);
}

/* How many events' rows are below @events */
static guint
count_event_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_event_rows (c);
  return n;
}

/* Hidden, a long list of events is built a few rows a step, so no step
 * holds the main loop for all of them; shown, it has them all */
static void
test_preloaded_in_steps (void)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "ui-events-steps", NULL);
  g_autoptr(SportelloApplication) app = NULL;
  SportelloEventsSection *events = NULL;
  GtkWindow *window;
  gint64 deadline;
  guint n_rows = 0, most_in_a_step = 0;
  const guint n = 75;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloDatabase) setup_db = sportello_database_open (data_dir, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SportelloEvent) event = sportello_event_new ();
        g_autofree char *title = g_strdup_printf ("Webinar %u", i + 1);

        sportello_event_set (event, SPORTELLO_EVENT_TITLE, title);
        g_assert_true (sportello_event_save (event, setup_db, &error));
        g_assert_no_error (error);
      }
  }
  app = sportello_test_app_new (data_dir);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* from the window's start on, each main-loop step adds some of the
   * rows, never all */
  while ((events == NULL || sportello_events_section_get_n_events (events) != n) &&
         g_get_monotonic_time () < deadline)
    {
      guint now;

      g_main_context_iteration (NULL, TRUE);
      if (events == NULL &&
          (events = SPORTELLO_EVENTS_SECTION (find_any_of_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_SECTION))) == NULL)
        continue;
      now = count_event_rows (GTK_WIDGET (events));
      if (now > n_rows)
        most_in_a_step = MAX (most_in_a_step, now - n_rows);
      n_rows = now;
    }
  g_assert_nonnull (events);
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, n);
  g_assert_cmpuint (count_event_rows (GTK_WIDGET (events)), ==, n);
  g_assert_cmpuint (most_in_a_step, >, 0);
  g_assert_cmpuint (most_in_a_step, <, n);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (events)));
  g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (events), ADW_TYPE_PREFERENCES_ROW, "Webinar 75"));

  /* shown while its rows are being built again: all of them at once */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SportelloEvent) added = sportello_event_new ();
    SportelloDatabase *db = sportello_application_get_database (app, &error);

    g_assert_no_error (error);
    sportello_event_set (added, SPORTELLO_EVENT_TITLE, "Webinar in più");
    g_assert_true (sportello_event_save (added, db, &error));
    g_assert_no_error (error);
  }
  /* until the list is being built again, a step at a time */
  while (count_event_rows (GTK_WIDGET (events)) >= n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_event_rows (GTK_WIDGET (events)), <, n);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "events");
  g_assert_cmpuint (count_event_rows (GTK_WIDGET (events)), ==, n + 1);
  g_assert_cmpuint (sportello_events_section_get_n_events (events), ==, n + 1);
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (sportello_test_find_row (GTK_WIDGET (events), ADW_TYPE_PREFERENCES_ROW, "Webinar in più"));

  sportello_test_app_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/events/event", test_event);
  g_test_add_func ("/ui/events/attendance-csv", test_attendance_csv);
  g_test_add_func ("/ui/events/after-event", test_after_event);
  g_test_add_func ("/ui/events/preloaded", test_preloaded);
  g_test_add_func ("/ui/events/preloaded-in-steps", test_preloaded_in_steps);

  return g_test_run ();
}
