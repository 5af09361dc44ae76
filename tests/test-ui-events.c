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
#include "sportello-clients-page.h"
#include "sportello-contact.h"
#include "sportello-database.h"
#include "sportello-event.h"
#include "sportello-event-page.h"
#include "sportello-events-page.h"
#include "sportello-registration.h"
#include "sportello-test-ui.h"
#include "sportello-window.h"

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
  SportelloEventsPage *events;
  GtkWidget *page;
  GtkWidget *title_row, *capacity_row;
  guint n_toasts;
  char *shot;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "events");
  sportello_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (sportello_window_get_section (SPORTELLO_WINDOW (window)), ==, "events");
  events = SPORTELLO_EVENTS_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_PAGE));
  g_assert_nonnull (events);
  g_assert_cmpuint (sportello_events_page_get_n_events (events), ==, 0);
  g_assert_nonnull (sportello_test_find_label (GTK_WIDGET (events), "Nessun evento"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "events-empty");
  g_free (shot);

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
    label = sportello_test_find_label (dialog, "Anna Villa");
    g_assert_nonnull (label);
    g_assert_nonnull (sportello_test_find_label_containing (dialog, "anna@pasticceriavilla.it"));
    shot = sportello_test_screenshot (GTK_WIDGET (window), "event-add-registration");
    g_free (shot);
    row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    sportello_test_iterate (300);
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
  g_assert_cmpuint (sportello_events_page_get_n_events (events), ==, 1);
  g_assert_nonnull (sportello_test_find_label_containing (GTK_WIDGET (events), "Posti occupati: 2 su 2"));
  shot = sportello_test_screenshot (GTK_WIDGET (window), "events-section");
  g_free (shot);

  sportello_events_page_open (events, uuid);
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
    SportelloClientsPage *clients = _sportello_window_get_clients_page (SPORTELLO_WINDOW (window));
    GtkWidget *client_page, *group;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "clients");
    sportello_clients_page_open_client (clients, client_uuid);
    sportello_test_wait_for_draw (GTK_WIDGET (window));
    client_page = sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_CLIENT_PAGE);
    g_assert_nonnull (client_page);
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
  SportelloEventsPage *events;
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
  events = SPORTELLO_EVENTS_PAGE (sportello_test_find_type (GTK_WIDGET (window), SPORTELLO_TYPE_EVENTS_PAGE));
  sportello_events_page_open (events, sportello_event_get (event, SPORTELLO_EVENT_UUID));
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

int
main (int   argc,
      char *argv[])
{
  sportello_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/events/event", test_event);
  g_test_add_func ("/ui/events/attendance-csv", test_attendance_csv);

  return g_test_run ();
}
