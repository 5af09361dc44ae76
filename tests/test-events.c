/* test-events.c: events, registrations, the waiting list and attendance
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sportello-certificate.h"
#include "sportello-client.h"
#include "sportello-contact.h"
#include "sportello-csv.h"
#include "sportello-database.h"
#include "sportello-demo.h"
#include "sportello-event.h"
#include "sportello-follow-up.h"
#include "sportello-meeting.h"
#include "sportello-registration.h"

#include "store-test-util.h"

static SportelloDatabase *
open_db (void)
{
  return store_test_open_db ("events-test", "Luca Sala", "Polo di Novara");
}

static SportelloEvent *
new_event (SportelloDatabase *db,
           const char        *title,
           const char        *starts_at,
           int                capacity)
{
  SportelloEvent *event = sportello_event_new ();
  g_autoptr(GError) error = NULL;

  sportello_event_set (event, SPORTELLO_EVENT_TITLE, title);
  if (starts_at != NULL)
    sportello_event_set (event, SPORTELLO_EVENT_STARTS_AT, starts_at);
  sportello_event_set_capacity (event, capacity);
  g_assert_true (sportello_event_save (event, db, &error));
  g_assert_no_error (error);
  return event;
}

static SportelloRegistration *
register_person (SportelloDatabase *db,
                 SportelloEvent    *event,
                 const char        *name,
                 const char        *email,
                 const char        *contact_uuid)
{
  SportelloRegistration *registration = sportello_registration_new (sportello_event_get (event, SPORTELLO_EVENT_UUID));
  g_autoptr(GError) error = NULL;

  sportello_registration_set (registration, SPORTELLO_REGISTRATION_NAME, name);
  sportello_registration_set (registration, SPORTELLO_REGISTRATION_EMAIL, email);
  if (contact_uuid != NULL)
    sportello_registration_set (registration, SPORTELLO_REGISTRATION_CONTACT_UUID, contact_uuid);
  g_assert_true (sportello_registration_save (registration, db, &error));
  g_assert_no_error (error);
  return registration;
}

static const char *
status_of (SportelloDatabase     *db,
           SportelloRegistration *registration)
{
  g_autoptr(GError) error = NULL;
  SportelloRegistration *loaded = sportello_registration_load (db, sportello_registration_get (registration, SPORTELLO_REGISTRATION_UUID), &error);
  static char status[32];

  g_assert_no_error (error);
  g_strlcpy (status, sportello_registration_get (loaded, SPORTELLO_REGISTRATION_STATUS), sizeof status);
  g_object_unref (loaded);
  return status;
}

static SportelloContact *
new_contact (SportelloDatabase *db,
             SportelloClient   *client,
             const char        *name,
             const char        *email)
{
  SportelloContact *contact = sportello_contact_new (sportello_client_get_uuid (client));
  g_autoptr(GError) error = NULL;

  sportello_contact_set (contact, SPORTELLO_CONTACT_NAME, name);
  sportello_contact_set (contact, SPORTELLO_CONTACT_EMAIL, email);
  g_assert_true (sportello_contact_save (contact, db, &error));
  g_assert_no_error (error);
  return contact;
}

static void
test_event_save_load (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloEvent) event = sportello_event_new ();
  g_autoptr(SportelloEvent) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* no title, an unknown kind: refused */
  g_assert_false (sportello_event_save (event, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_event_set (event, SPORTELLO_EVENT_TITLE, "Vendere online");
  sportello_event_set (event, SPORTELLO_EVENT_KIND, "party");
  g_assert_false (sportello_event_save (event, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  sportello_event_set (event, SPORTELLO_EVENT_KIND, "workshop");
  sportello_event_set (event, SPORTELLO_EVENT_STARTS_AT, "2099-03-04T09:30:00Z");
  sportello_event_set (event, SPORTELLO_EVENT_PLACE, "https://meet.example.it/x");
  sportello_event_set (event, SPORTELLO_EVENT_SPEAKERS, "Giulia Colombo\nAndrea Frigerio");
  sportello_event_set (event, SPORTELLO_EVENT_DESCRIPTION, "**Marketplace** e negozio\n\n- uno\n");
  sportello_event_set_duration (event, 150);
  sportello_event_set_capacity (event, 20);
  g_assert_true (sportello_event_save (event, db, &error));
  g_assert_no_error (error);
  /* the hub that runs it, by default the database's */
  g_assert_cmpstr (sportello_event_get (event, SPORTELLO_EVENT_HUB), ==, "Polo di Novara");

  loaded = sportello_event_load (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_event_get (loaded, SPORTELLO_EVENT_TITLE), ==, "Vendere online");
  g_assert_cmpstr (sportello_event_get (loaded, SPORTELLO_EVENT_KIND), ==, "workshop");
  g_assert_cmpstr (sportello_event_get (loaded, SPORTELLO_EVENT_SPEAKERS), ==, "Giulia Colombo\nAndrea Frigerio");
  g_assert_cmpstr (sportello_event_get (loaded, SPORTELLO_EVENT_DESCRIPTION), ==, "**Marketplace** e negozio\n\n- uno\n");
  g_assert_cmpint (sportello_event_get_duration (loaded), ==, 150);
  g_assert_cmpint (sportello_event_get_capacity (loaded), ==, 20);
  g_assert_true (sportello_event_get_upcoming (loaded));

  {
    g_autofree char *title = NULL;
    int capacity;

    g_object_get (loaded, "title", &title, "capacity", &capacity, NULL);
    g_assert_cmpstr (title, ==, "Vendere online");
    g_assert_cmpint (capacity, ==, 20);
  }

  g_assert_true (sportello_event_delete (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), &error));
  g_assert_null (sportello_event_load (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

static void
test_event_list_order (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloEvent) past_old = new_event (db, "Passato lontano", "2020-01-10T09:00:00Z", 0);
  g_autoptr(SportelloEvent) later = new_event (db, "Più avanti", "2099-06-01T09:00:00Z", 0);
  g_autoptr(SportelloEvent) past_recent = new_event (db, "Passato recente", "2024-05-10T09:00:00Z", 0);
  g_autoptr(SportelloEvent) soon = new_event (db, "Presto", "2098-01-01T09:00:00Z", 0);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "Presto", "Più avanti", "Passato recente", "Passato lontano" };

  list = sportello_event_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(SportelloEvent) event = g_list_model_get_item (list, i);

      g_assert_cmpstr (sportello_event_get (event, SPORTELLO_EVENT_TITLE), ==, expected[i]);
      g_assert_cmpint (sportello_event_get_upcoming (event), ==, i < 2);
    }
}

static void
test_capacity_and_waiting_list (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloEvent) event = new_event (db, "Laboratorio", "2099-02-02T14:00:00Z", 2);
  const char *event_uuid = sportello_event_get (event, SPORTELLO_EVENT_UUID);
  g_autoptr(SportelloRegistration) a = register_person (db, event, "Anna Rossi", "anna@example.it", NULL);
  g_autoptr(SportelloRegistration) b = register_person (db, event, "Bruno Galli", "bruno@example.it", NULL);
  g_autoptr(SportelloRegistration) c = register_person (db, event, "Carla Villa", "carla@example.it", NULL);
  g_autoptr(SportelloRegistration) d = register_person (db, event, "Dario Conti", "dario@example.it", NULL);
  g_autoptr(SportelloRegistration) twice = sportello_registration_new (event_uuid);
  g_autoptr(SportelloEvent) loaded = NULL;
  g_autoptr(GListModel) waiting = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) promoted = NULL;

  g_assert_cmpstr (sportello_registration_get (a, SPORTELLO_REGISTRATION_STATUS), ==, "registered");
  g_assert_cmpstr (sportello_registration_get (b, SPORTELLO_REGISTRATION_STATUS), ==, "registered");
  /* past the capacity: the waiting list, in order */
  g_assert_cmpstr (sportello_registration_get (c, SPORTELLO_REGISTRATION_STATUS), ==, "waitlisted");
  g_assert_cmpstr (sportello_registration_get (d, SPORTELLO_REGISTRATION_STATUS), ==, "waitlisted");

  waiting = sportello_registration_list (db, event_uuid, "waitlisted", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (waiting), ==, 2);
  {
    g_autoptr(SportelloRegistration) first = g_list_model_get_item (waiting, 0);
    g_autoptr(SportelloRegistration) second = g_list_model_get_item (waiting, 1);

    g_assert_cmpstr (sportello_registration_get (first, SPORTELLO_REGISTRATION_NAME), ==, "Carla Villa");
    g_assert_cmpuint (sportello_registration_get_waiting_position (first), ==, 1);
    g_assert_cmpuint (sportello_registration_get_waiting_position (second), ==, 2);
  }

  loaded = sportello_event_load (db, event_uuid, &error);
  g_assert_cmpuint (sportello_event_get_n_taken (loaded), ==, 2);
  g_assert_cmpuint (sportello_event_get_n_waitlisted (loaded), ==, 2);
  g_clear_object (&loaded);

  /* the same e-mail twice, in another case: refused */
  sportello_registration_set (twice, SPORTELLO_REGISTRATION_NAME, "Anna R.");
  sportello_registration_set (twice, SPORTELLO_REGISTRATION_EMAIL, " ANNA@example.it");
  g_assert_false (sportello_registration_save (twice, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* a cancellation moves the first waiting person up, and only her */
  g_assert_true (sportello_registration_set_status (db, sportello_registration_get (b, SPORTELLO_REGISTRATION_UUID),
                                                    "cancelled", &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (promoted), ==, 1);
  g_assert_cmpstr (promoted[0], ==, sportello_registration_get (c, SPORTELLO_REGISTRATION_UUID));
  g_assert_cmpstr (status_of (db, b), ==, "cancelled");
  g_assert_cmpstr (status_of (db, c), ==, "registered");
  g_assert_cmpstr (status_of (db, d), ==, "waitlisted");

  /* attended and absent keep their place: nobody moves */
  g_clear_pointer (&promoted, g_strfreev);
  g_assert_true (sportello_registration_set_status (db, sportello_registration_get (a, SPORTELLO_REGISTRATION_UUID),
                                                    "absent", &promoted, &error));
  g_assert_cmpuint (g_strv_length (promoted), ==, 0);
  g_assert_true (sportello_registration_set_status (db, sportello_registration_get (a, SPORTELLO_REGISTRATION_UUID),
                                                    "attended", NULL, &error));
  g_assert_cmpstr (status_of (db, d), ==, "waitlisted");

  /* an unknown status id is refused */
  g_assert_false (sportello_registration_set_status (db, sportello_registration_get (a, SPORTELLO_REGISTRATION_UUID),
                                                     "maybe", NULL, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (status_of (db, a), ==, "attended");

  /* more places: the waiting list empties */
  loaded = sportello_event_load (db, event_uuid, &error);
  sportello_event_set_capacity (loaded, 3);
  g_assert_true (sportello_event_save (loaded, db, &error));
  g_assert_cmpstr (status_of (db, d), ==, "registered");

  /* a cancelled person may register again */
  {
    g_autoptr(SportelloRegistration) again = register_person (db, event, "Bruno Galli", "bruno@example.it", NULL);

    g_assert_cmpstr (sportello_registration_get (again, SPORTELLO_REGISTRATION_STATUS), ==, "waitlisted");
    /* deleting a registration with a place frees it too */
    g_assert_true (sportello_registration_delete (db, sportello_registration_get (d, SPORTELLO_REGISTRATION_UUID), &error));
    g_assert_no_error (error);
    g_assert_cmpstr (status_of (db, again), ==, "registered");
  }
}

static void
test_status_labels (void)
{
  const char *ids[] = { "registered", "waitlisted", "attended", "absent", "cancelled" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (sportello_registration_status_label (ids[i]), !=, "");
  g_assert_cmpstr (sportello_registration_status_label ("bogus"), ==, "");
  g_assert_true (sportello_registration_status_takes_place ("absent"));
  g_assert_false (sportello_registration_status_takes_place ("waitlisted"));
}

static void
test_contacts_and_new_clients (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloEvent) event = new_event (db, "Webinar", "2020-02-02T14:00:00Z", 0);
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Falegnameria Rossi");
  g_autoptr(SportelloContact) contact = new_contact (db, client, "Marco Rossi", "marco@rossi.it");
  g_autoptr(SportelloRegistration) linked = NULL;
  g_autoptr(SportelloRegistration) stranger = NULL;
  g_autoptr(SportelloRegistration) loaded = NULL;
  g_autoptr(SportelloClient) made = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) attended = NULL;
  g_autoptr(GListModel) of_client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_uuid = NULL;

  /* a contact's registration takes the name, e-mail and firm from it */
  linked = register_person (db, event, "", "", sportello_contact_get (contact, SPORTELLO_CONTACT_UUID));
  g_assert_cmpstr (sportello_registration_get (linked, SPORTELLO_REGISTRATION_NAME), ==, "Marco Rossi");
  g_assert_cmpstr (sportello_registration_get (linked, SPORTELLO_REGISTRATION_FIRM), ==, "Falegnameria Rossi");
  g_assert_cmpstr (sportello_registration_get (linked, SPORTELLO_REGISTRATION_CLIENT_UUID), ==, sportello_client_get_uuid (client));

  /* someone new, with consent recorded as for clients */
  stranger = sportello_registration_new (sportello_event_get (event, SPORTELLO_EVENT_UUID));
  sportello_registration_set (stranger, SPORTELLO_REGISTRATION_NAME, "Irene Piras");
  sportello_registration_set (stranger, SPORTELLO_REGISTRATION_EMAIL, "irene@forno-aurora.it");
  sportello_registration_set (stranger, SPORTELLO_REGISTRATION_FIRM, "Forno Aurora");
  sportello_registration_set_consent_given (stranger, TRUE);
  sportello_registration_set (stranger, SPORTELLO_REGISTRATION_CONSENT_BASIS, "bogus");
  g_assert_false (sportello_registration_save (stranger, db, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sportello_registration_set (stranger, SPORTELLO_REGISTRATION_CONSENT_BASIS, "consent");
  {
    /* given today, the day as it is here (not UTC's), on either side of a midnight */
    g_autoptr(GDateTime) before = g_date_time_new_now_local ();
    g_autofree char *day_before = g_date_time_format (before, "%Y-%m-%d");
    g_autoptr(GDateTime) after = NULL;
    g_autofree char *day_after = NULL;
    const char *consent_date;

    g_assert_true (sportello_registration_save (stranger, db, &error));
    g_assert_no_error (error);
    after = g_date_time_new_now_local ();
    day_after = g_date_time_format (after, "%Y-%m-%d");
    consent_date = sportello_registration_get (stranger, SPORTELLO_REGISTRATION_CONSENT_DATE);
    g_assert_cmpuint (strlen (consent_date), ==, 10);
    g_assert_true (g_str_equal (consent_date, day_before) || g_str_equal (consent_date, day_after));
  }

  /* made into a client in one step, with the person as its contact */
  client_uuid = sportello_registration_make_client (db, sportello_registration_get (stranger, SPORTELLO_REGISTRATION_UUID), &error);
  g_assert_no_error (error);
  g_assert_nonnull (client_uuid);
  made = sportello_client_load (db, client_uuid, &error);
  g_assert_cmpstr (sportello_client_get_name (made), ==, "Forno Aurora");
  g_assert_cmpstr (sportello_client_get (made, SPORTELLO_CLIENT_SOURCE), ==, "webinar");
  g_assert_true (sportello_client_get_consent_given (made));
  g_assert_cmpstr (sportello_client_get (made, SPORTELLO_CLIENT_CONSENT_BASIS), ==, "consent");
  contacts = sportello_contact_list_for_client (db, client_uuid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  loaded = sportello_registration_load (db, sportello_registration_get (stranger, SPORTELLO_REGISTRATION_UUID), &error);
  g_assert_cmpstr (sportello_registration_get (loaded, SPORTELLO_REGISTRATION_CLIENT_UUID), ==, client_uuid);
  /* twice: no */
  g_assert_null (sportello_registration_make_client (db, sportello_registration_get (stranger, SPORTELLO_REGISTRATION_UUID), &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* the client page: the events its people attended */
  attended = sportello_event_list_attended_by_client (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (attended), ==, 0);
  g_clear_object (&attended);
  g_assert_true (sportello_registration_set_status (db, sportello_registration_get (linked, SPORTELLO_REGISTRATION_UUID),
                                                    "attended", NULL, &error));
  attended = sportello_event_list_attended_by_client (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (attended), ==, 1);
  of_client = sportello_registration_list_for_client (db, sportello_client_get_uuid (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (of_client), ==, 1);

  /* a deleted contact leaves the registration, unlinked */
  g_assert_true (sportello_contact_delete (db, sportello_contact_get (contact, SPORTELLO_CONTACT_UUID), &error));
  g_clear_object (&loaded);
  loaded = sportello_registration_load (db, sportello_registration_get (linked, SPORTELLO_REGISTRATION_UUID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sportello_registration_get (loaded, SPORTELLO_REGISTRATION_CONTACT_UUID), ==, "");
  g_assert_cmpstr (sportello_registration_get (loaded, SPORTELLO_REGISTRATION_NAME), ==, "Marco Rossi");

  /* a client erased for good takes its people's registrations along */
  g_assert_true (sportello_client_erase (db, client_uuid, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  g_assert_null (sportello_registration_load (db, sportello_registration_get (stranger, SPORTELLO_REGISTRATION_UUID), &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

static void
test_certificates (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloEvent) event = sportello_event_new ();
  g_autoptr(SportelloRegistration) zeno = NULL;
  g_autoptr(SportelloRegistration) anna = NULL;
  g_autoptr(SportelloRegistration) absent = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *uuid;
  SportelloCertificate *first;

  sportello_event_set (event, SPORTELLO_EVENT_TITLE, "Vendere online *davvero*");
  sportello_event_set (event, SPORTELLO_EVENT_STARTS_AT, "2026-03-03T14:00:00Z");
  sportello_event_set (event, SPORTELLO_EVENT_SIGNER, "Giulia Colombo");
  sportello_event_set_duration (event, 90);
  g_assert_true (sportello_event_save (event, db, &error));
  uuid = sportello_event_get (event, SPORTELLO_EVENT_UUID);

  /* nobody attended: nothing to make */
  g_assert_null (sportello_certificate_render (db, uuid, NULL, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  zeno = register_person (db, event, "Zeno Villa", "zeno@example.it", NULL);
  anna = register_person (db, event, "Anna Forlì", "anna@example.it", NULL);
  absent = register_person (db, event, "Assente Sempre", "assente@example.it", NULL);
  sportello_registration_set (zeno, SPORTELLO_REGISTRATION_FIRM, "Ceramiche Nardò");
  sportello_registration_set (zeno, SPORTELLO_REGISTRATION_STATUS, "attended");
  g_assert_true (sportello_registration_save (zeno, db, &error));
  g_assert_true (sportello_registration_set_status (db, sportello_registration_get (anna, SPORTELLO_REGISTRATION_UUID), "attended", NULL, &error));
  g_assert_true (sportello_registration_set_status (db, sportello_registration_get (absent, SPORTELLO_REGISTRATION_UUID), "absent", NULL, &error));

  /* the built-in template, one page per attendee, by name */
  certificates = sportello_certificate_render (db, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (certificates->len, ==, 2);
  first = g_ptr_array_index (certificates, 0);
  g_assert_cmpstr (first->name, ==, "Anna Forlì");
  g_assert_nonnull (strstr (first->markdown, "Anna Forlì"));
  g_assert_nonnull (strstr (first->markdown, "Attestato di partecipazione"));
  g_assert_nonnull (strstr (first->markdown, "Vendere online \\*davvero\\*"));
  g_assert_nonnull (strstr (first->markdown, "Polo di Novara"));
  g_assert_nonnull (strstr (first->markdown, "Giulia Colombo"));
  /* no firm, no place: never «to complete» on a certificate */
  g_assert_null (strstr (first->markdown, "«"));
  g_assert_nonnull (strstr (((SportelloCertificate *) g_ptr_array_index (certificates, 1))->markdown, "Ceramiche Nardò"));
  g_clear_pointer (&certificates, g_ptr_array_unref);

  /* a template of the database's own */
  g_assert_false (sportello_certificate_set_template (db, "Ciao\n{{participant.nome}}\n", &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_true (sportello_certificate_set_template (db, "# {{participant.name}}\n\n{{event.duration}}, {{event.time}}\n", &error));
  text = sportello_certificate_get_template (db, &error);
  g_assert_cmpstr (text, ==, "# {{participant.name}}\n\n{{event.duration}}, {{event.time}}\n");
  certificates = sportello_certificate_render (db, uuid, NULL, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (certificates, 0);
  /* TZ=Europe/Rome in the tests */
  g_assert_cmpstr (first->markdown, ==, "# Anna Forlì\n\n1 ora e 30 minuti, 15:00\n");
  g_assert_true (sportello_certificate_set_template (db, NULL, &error));
  g_clear_pointer (&text, g_free);
  text = sportello_certificate_get_template (db, &error);
  g_assert_cmpstr (text, ==, sportello_certificate_builtin_template ());
}

static void
test_follow_ups (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloEvent) event = new_event (db, "Webinar", "2020-02-02T14:00:00Z", 0);
  g_autoptr(SportelloClient) quiet = store_test_new_client (db, "Bottega Quieta");
  g_autoptr(SportelloClient) busy = store_test_new_client (db, "Impresa Seguita");
  g_autoptr(SportelloClient) old = store_test_new_client (db, "Ditta Dimenticata");
  g_autoptr(SportelloClient) absent = store_test_new_client (db, "Assente S.r.l.");
  g_autoptr(SportelloContact) c1 = new_contact (db, quiet, "Uno", "uno@example.it");
  g_autoptr(SportelloContact) c2 = new_contact (db, busy, "Due", "due@example.it");
  g_autoptr(SportelloContact) c3 = new_contact (db, old, "Tre", "tre@example.it");
  g_autoptr(SportelloContact) c4 = new_contact (db, absent, "Quattro", "quattro@example.it");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) recent = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -100);
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(GError) error = NULL;
  SportelloContact *contacts[] = { c1, c2, c3, c4 };

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autoptr(SportelloRegistration) r = register_person (db, event, "", "", sportello_contact_get (contacts[i], SPORTELLO_CONTACT_UUID));

      g_assert_true (sportello_registration_set_status (db, sportello_registration_get (r, SPORTELLO_REGISTRATION_UUID),
                                                        i == 3 ? "absent" : "attended", NULL, &error));
    }

  {
    g_autoptr(SportelloMeeting) m1 = sportello_meeting_new (sportello_client_get_uuid (busy));
    g_autoptr(SportelloMeeting) m2 = sportello_meeting_new (sportello_client_get_uuid (old));
    g_autofree char *recent_text = g_date_time_format_iso8601 (recent);
    g_autofree char *old_text = g_date_time_format_iso8601 (long_ago);

    sportello_meeting_set (m1, SPORTELLO_MEETING_STARTS_AT, recent_text);
    sportello_meeting_set (m2, SPORTELLO_MEETING_STARTS_AT, old_text);
    g_assert_true (sportello_meeting_save (m1, db, &error));
    g_assert_true (sportello_meeting_save (m2, db, &error));
  }

  /* attended, and no meeting for 60 days: the quiet one and the old one */
  follow_ups = sportello_event_list_follow_ups (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 2);
  {
    g_autoptr(SportelloClient) first = g_list_model_get_item (follow_ups, 0);
    g_autoptr(SportelloClient) second = g_list_model_get_item (follow_ups, 1);

    g_assert_cmpstr (sportello_client_get_name (first), ==, "Bottega Quieta");
    g_assert_cmpstr (sportello_client_get_name (second), ==, "Ditta Dimenticata");
  }

  /* made into follow-ups: the event on each firm's record, a follow-up
   * to contact it again, and it is offered no more */
  {
    g_autoptr(GDate) due = g_date_new_dmy (15, 3, 2020);
    g_autoptr(GListModel) meetings = NULL;
    g_autoptr(GListModel) open = NULL;
    g_autoptr(GListModel) again = NULL;
    g_autoptr(SportelloMeeting) meeting = NULL;
    g_autoptr(SportelloFollowUp) follow_up = NULL;
    guint n_made = 0;

    g_assert_true (sportello_event_make_follow_ups (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), 60, due, &n_made, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_made, ==, 2);

    meetings = sportello_meeting_list (db, sportello_client_get_uuid (quiet), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
    meeting = g_list_model_get_item (meetings, 0);
    g_assert_cmpstr (sportello_meeting_get (meeting, SPORTELLO_MEETING_STARTS_AT), ==, "2020-02-02T14:00:00Z");
    g_assert_cmpstr (sportello_meeting_get (meeting, SPORTELLO_MEETING_KIND), ==, "webinar");
    g_assert_cmpstr (sportello_meeting_get (meeting, SPORTELLO_MEETING_PARTICIPANTS), ==, "Uno");

    open = sportello_follow_up_list_open (db, sportello_client_get_uuid (quiet), NULL, &error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
    follow_up = g_list_model_get_item (open, 0);
    g_assert_cmpstr (sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_DUE_DATE), ==, "2020-03-15");
    g_assert_nonnull (strstr (sportello_follow_up_get (follow_up, SPORTELLO_FOLLOW_UP_TEXT), "Webinar"));
    g_clear_object (&open);
    /* nothing for the firm that was seen recently, nor the absent one */
    open = sportello_follow_up_list_open (db, sportello_client_get_uuid (busy), NULL, &error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
    g_clear_object (&open);
    open = sportello_follow_up_list_open (db, sportello_client_get_uuid (absent), NULL, &error);
    g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);

    again = sportello_event_list_follow_ups (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), 60, &error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 0);
    /* and making them again makes nothing twice */
    g_assert_true (sportello_event_make_follow_ups (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), 60, due, &n_made, &error));
    g_assert_cmpuint (n_made, ==, 0);
  }
}

/* ------------------------------------------------------------ CSV ---- */

static SportelloCsv *
parse (const char  *text,
       GError     **error)
{
  return sportello_csv_parse (text, strlen (text), error);
}

static void
test_csv_basics (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloCsv) csv = NULL;
  SportelloCsvRow *row;

  csv = parse ("Nome,E-mail\r\nAnna,anna@example.it\r\n\"Rossi, Marco\",\"m\"\"r\"\"@x.it\"\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpint (csv->separator, ==, ',');
  g_assert_cmpstr (csv->encoding, ==, "UTF-8");
  g_assert_false (csv->had_bom);
  g_assert_cmpuint (csv->n_columns, ==, 2);
  g_assert_cmpstr (csv->header[1], ==, "E-mail");
  g_assert_cmpuint (csv->rows->len, ==, 2);
  row = g_ptr_array_index (csv->rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->fields[0], ==, "Rossi, Marco");
  g_assert_cmpstr (row->fields[1], ==, "m\"r\"@x.it");
  g_clear_pointer (&csv, sportello_csv_free);

  /* tabs; no final line break; an empty last field */
  csv = parse ("a\tb\tc\n1\t2\t", &error);
  g_assert_no_error (error);
  g_assert_cmpint (csv->separator, ==, '\t');
  row = g_ptr_array_index (csv->rows, 0);
  g_assert_cmpstr (row->fields[2], ==, "");
  g_clear_pointer (&csv, sportello_csv_free);

  /* one column: no separator at all */
  csv = parse ("email\nx@y.it\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (csv->n_columns, ==, 1);
  g_clear_pointer (&csv, sportello_csv_free);

  /* line numbers as a spreadsheet shows them: a line break inside quotes
   * is one row, a blank line is a row */
  csv = parse ("a;b\n\"uno\ndue\";x\n\n3;y\r4;z\n", &error);
  g_assert_no_error (error);
  g_assert_cmpint (csv->separator, ==, ';');
  g_assert_cmpuint (csv->rows->len, ==, 3);
  g_assert_cmpstr (((SportelloCsvRow *) g_ptr_array_index (csv->rows, 0))->fields[0], ==, "uno\ndue");
  g_assert_cmpuint (((SportelloCsvRow *) g_ptr_array_index (csv->rows, 0))->line, ==, 2);
  g_assert_cmpuint (((SportelloCsvRow *) g_ptr_array_index (csv->rows, 1))->line, ==, 4);
  g_assert_cmpuint (((SportelloCsvRow *) g_ptr_array_index (csv->rows, 2))->line, ==, 5);
  g_clear_pointer (&csv, sportello_csv_free);

  /* a separator inside quotes in the header does not count */
  csv = parse ("\"a;b\",c\n1,2\n", &error);
  g_assert_no_error (error);
  g_assert_cmpint (csv->separator, ==, ',');
  g_assert_cmpstr (csv->header[0], ==, "a;b");
}

static void
test_csv_errors (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *row;
  } bad[] = {
    { "", SPORTELLO_CSV_ERROR_EMPTY, NULL },
    { "\n\r\n", SPORTELLO_CSV_ERROR_EMPTY, NULL },
    { "a,b\n1,2,3\n", SPORTELLO_CSV_ERROR_FIELDS, "2" },
    { "a,b\n1,2\n3\n", SPORTELLO_CSV_ERROR_FIELDS, "3" },
    { "a,b\n1,x\"y\n", SPORTELLO_CSV_ERROR_SYNTAX, "2" },
    { "a,b\n1,\"open\n", SPORTELLO_CSV_ERROR_SYNTAX, "2" },
    { "a,b\n\n\n1,\"x\"y\n", SPORTELLO_CSV_ERROR_SYNTAX, "4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SportelloCsv) csv = parse (bad[i].text, &error);

      g_assert_null (csv);
      g_assert_error (error, SPORTELLO_CSV_ERROR, bad[i].code);
      if (bad[i].row != NULL)
        g_assert_nonnull (strstr (error->message, bad[i].row));
    }

  /* a NUL byte, and bytes that are no text in any of the encodings */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sportello_csv_parse ("a,b\n1\0,2\n", 9, &error));
    g_assert_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_ENCODING);
    g_clear_error (&error);
    /* 0x81 is undefined in Windows-1252 */
    g_assert_null (sportello_csv_parse ("a,b\n\x81,2\n", 8, &error));
    g_assert_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_ENCODING);
    g_clear_error (&error);
    /* a BOM that lies */
    g_assert_null (sportello_csv_parse ("\xef\xbb\xbf" "a,\xe8\n", 7, &error));
    g_assert_error (error, SPORTELLO_CSV_ERROR, SPORTELLO_CSV_ERROR_ENCODING);
  }
}

static void
test_csv_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloCsv) csv = NULL;
  SportelloCsvRow *row;
  /* Windows-1252: Cantù, Forlì, Nardò */
  const char cp1252[] = "Citt\xe0;Nota\r\nCant\xf9;\"a;b\r\nForl\xec\"\r\nNard\xf2;\x80 5\r\n";
  /* UTF-16LE with its BOM: "a,b\nè,1\n" */
  const char utf16[] = "\xff\xfe" "a\0,\0b\0\n\0\xe8\0,\0" "1\0\n\0";

  csv = sportello_csv_parse (cp1252, sizeof cp1252 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv->encoding, ==, "Windows-1252");
  g_assert_cmpint (csv->separator, ==, ';');
  g_assert_cmpstr (csv->header[0], ==, "Città");
  row = g_ptr_array_index (csv->rows, 0);
  g_assert_cmpstr (row->fields[0], ==, "Cantù");
  g_assert_cmpstr (row->fields[1], ==, "a;b\nForlì");
  row = g_ptr_array_index (csv->rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->fields[0], ==, "Nardò");
  g_assert_cmpstr (row->fields[1], ==, "€ 5");
  g_clear_pointer (&csv, sportello_csv_free);

  csv = parse ("\xef\xbb\xbf" "Città,x\nCantù,1\n", &error);
  g_assert_no_error (error);
  g_assert_true (csv->had_bom);
  g_assert_cmpstr (csv->encoding, ==, "UTF-8");
  g_assert_cmpstr (csv->header[0], ==, "Città");
  g_clear_pointer (&csv, sportello_csv_free);

  csv = sportello_csv_parse (utf16, sizeof utf16 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv->encoding, ==, "UTF-16");
  g_assert_cmpstr (((SportelloCsvRow *) g_ptr_array_index (csv->rows, 0))->fields[0], ==, "è");
}

static void
test_csv_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SportelloCsv) csv = parse ("Nome (nome originale);  E-mail  Utente ;Durata (minuti)\n", &error);
  const char * const mail[] = { "mail", NULL };
  const char * const durata[] = { "durata (minuti)", NULL };
  const char * const nothing[] = { "cognome", NULL };
  g_autofree char *normalized = sportello_csv_normalize_header ("  Città_Sede  ");

  g_assert_no_error (error);
  g_assert_cmpuint (csv->rows->len, ==, 0);
  g_assert_cmpint (sportello_csv_find_column_containing (csv, mail, NULL), ==, 1);
  g_assert_cmpint (sportello_csv_find_column_containing (csv, mail, mail), ==, -1);
  g_assert_cmpint (sportello_csv_find_column (csv, durata), ==, 2);
  g_assert_cmpint (sportello_csv_find_column (csv, nothing), ==, -1);
  g_assert_cmpstr (normalized, ==, "citta sede");
}

/* ----------------------------------------------------- attendance ---- */

static SportelloAttendanceRow *
report_row (SportelloAttendanceReport *report,
            guint                      i)
{
  return g_ptr_array_index (report->rows, i);
}

static void
test_attendance (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloEvent) event = new_event (db, "Webinar e-commerce", "2020-03-03T15:00:00Z", 0);
  const char *event_uuid = sportello_event_get (event, SPORTELLO_EVENT_UUID);
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Ceramiche Cantù");
  g_autoptr(SportelloContact) walk_in = new_contact (db, client, "Silvia Nava", "silvia@ceramiche.it");
  g_autoptr(SportelloRegistration) anna = register_person (db, event, "Anna Rossi", "Anna.Rossi@Example.it", NULL);
  g_autoptr(SportelloRegistration) bruno = register_person (db, event, "Bruno Galli", "bruno@example.it", NULL);
  g_autoptr(SportelloAttendanceReport) report = NULL;
  g_autoptr(SportelloCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) registrations = NULL;
  /* as a platform exports it: UTF-8 with a BOM, e-mails in other cases
   * and with spaces, a person twice, a guest with no e-mail */
  const char *utf8 =
    "\xef\xbb\xbf" "Nome (nome originale),E-mail utente,Durata (minuti)\r\n"
    "Anna Rossi,  ANNA.ROSSI@example.IT ,55\r\n"
    "\"Nava, Silvia (Cantù)\",silvia@CERAMICHE.it,60\r\n"
    "Ospite,,12\r\n"
    "Anna Rossi,anna.rossi@example.it,3\r\n"
    ",,\r\n"
    "Giorgio Sconosciuto,giorgio@altrove.it,40\r\n";

  csv = parse (utf8, &error);
  g_assert_no_error (error);

  /* a dry run reports and changes nothing */
  report = sportello_event_mark_attendance (db, event_uuid, csv, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_matched, ==, 3);
  g_assert_cmpuint (report->n_unmatched, ==, 2);
  g_assert_cmpstr (status_of (db, anna), ==, "registered");
  registrations = sportello_registration_list (db, event_uuid, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 2);
  g_clear_object (&registrations);
  g_clear_pointer (&report, sportello_attendance_report_free);

  report = sportello_event_mark_attendance (db, event_uuid, csv, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows->len, ==, 5);   /* the blank row left out */
  g_assert_cmpuint (report_row (report, 0)->line, ==, 2);
  g_assert_cmpint (report_row (report, 0)->match, ==, SPORTELLO_ATTENDANCE_MARKED);
  g_assert_cmpstr (report_row (report, 0)->registration_uuid, ==, sportello_registration_get (anna, SPORTELLO_REGISTRATION_UUID));
  g_assert_cmpint (report_row (report, 1)->match, ==, SPORTELLO_ATTENDANCE_ADDED);
  g_assert_cmpstr (report_row (report, 1)->name, ==, "Nava, Silvia (Cantù)");
  g_assert_cmpint (report_row (report, 2)->match, ==, SPORTELLO_ATTENDANCE_NO_EMAIL);
  g_assert_cmpint (report_row (report, 3)->match, ==, SPORTELLO_ATTENDANCE_ALREADY_MARKED);
  g_assert_cmpuint (report_row (report, 4)->line, ==, 7);
  g_assert_cmpint (report_row (report, 4)->match, ==, SPORTELLO_ATTENDANCE_UNKNOWN);
  g_assert_cmpstr (report_row (report, 4)->email, ==, "giorgio@altrove.it");
  g_assert_false (SPORTELLO_ATTENDANCE_MATCHED (report_row (report, 4)));
  g_assert_cmpstr (sportello_attendance_match_label (SPORTELLO_ATTENDANCE_UNKNOWN), !=, "");

  g_assert_cmpstr (status_of (db, anna), ==, "attended");
  g_assert_cmpstr (status_of (db, bruno), ==, "registered");
  registrations = sportello_registration_list (db, event_uuid, "attended", &error);
  g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 2);
  {
    g_autoptr(SportelloRegistration) added = g_list_model_get_item (registrations, 1);

    g_assert_cmpstr (sportello_registration_get (added, SPORTELLO_REGISTRATION_CONTACT_UUID), ==,
                     sportello_contact_get (walk_in, SPORTELLO_CONTACT_UUID));
    g_assert_cmpstr (sportello_registration_get (added, SPORTELLO_REGISTRATION_FIRM), ==, "Ceramiche Cantù");
  }
  g_clear_object (&registrations);
  g_clear_pointer (&report, sportello_attendance_report_free);
  g_clear_pointer (&csv, sportello_csv_free);

  /* Windows-1252 with ';', first and last name apart, a quoted field with
   * a line break and accents */
  {
    const char cp1252[] =
      "Cognome;Nome;Email;Citt\xe0\r\n"
      "Galli;Bruno;BRUNO@example.it;\"Forl\xec\r\n(FC)\"\r\n"
      "Bianchi;Nicol\xf2;nicolo@nardo.it;Nard\xf2\r\n";

    csv = sportello_csv_parse (cp1252, sizeof cp1252 - 1, &error);
    g_assert_no_error (error);
    report = sportello_event_mark_attendance (db, event_uuid, csv, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->n_matched, ==, 1);
    g_assert_cmpuint (report->n_unmatched, ==, 1);
    g_assert_cmpstr (report_row (report, 0)->name, ==, "Bruno Galli");
    g_assert_cmpint (report_row (report, 0)->match, ==, SPORTELLO_ATTENDANCE_MARKED);
    g_assert_cmpstr (report_row (report, 1)->name, ==, "Nicolò Bianchi");
    g_assert_cmpuint (report_row (report, 1)->line, ==, 3);
    g_assert_cmpstr (status_of (db, bruno), ==, "attended");
    g_clear_pointer (&report, sportello_attendance_report_free);
    g_clear_pointer (&csv, sportello_csv_free);
  }

  /* no e-mail column: refused, naming the columns */
  csv = parse ("Nome;Durata\nAnna;3\n", &error);
  g_assert_null (sportello_event_mark_attendance (db, event_uuid, csv, FALSE, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Durata"));
  g_clear_error (&error);

  /* an event that is not there */
  g_assert_null (sportello_event_mark_attendance (db, "2b8e5b2e-0000-4000-8000-000000000000", csv, FALSE, &error));
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
}

static void
test_demo (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  /* the demo's own today (sportello-demo.c): its events are upcoming or
   * past against it, whatever the day the test runs */
  g_autoptr(GDateTime) demo_today = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  guint n_upcoming = 0;
  guint n_from_contacts = 0;
  guint n_registrations = 0;

  g_assert_true (sportello_demo_fill (db, 30, &error));
  g_assert_no_error (error);

  events = sportello_event_list (db, &error);
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 6);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SportelloEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GListModel) registrations = sportello_registration_list (db, sportello_event_get (event, SPORTELLO_EVENT_UUID), NULL, &error);

      g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (sportello_event_get (event, SPORTELLO_EVENT_STARTS_AT), NULL);

      g_assert_nonnull (starts);
      n_upcoming += g_date_time_compare (starts, demo_today) > 0;
      for (guint r = 0; r < g_list_model_get_n_items (registrations); r++)
        {
          g_autoptr(SportelloRegistration) registration = g_list_model_get_item (registrations, r);

          g_hash_table_add (statuses, (gpointer) g_intern_string (sportello_registration_get (registration, SPORTELLO_REGISTRATION_STATUS)));
          n_from_contacts += sportello_registration_get (registration, SPORTELLO_REGISTRATION_CONTACT_UUID)[0] != '\0';
          n_registrations++;
        }
    }
  g_assert_cmpuint (n_upcoming, >=, 1);
  g_assert_cmpuint (n_upcoming, <, g_list_model_get_n_items (events));
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 5);
  g_assert_cmpuint (n_from_contacts * 2, >, n_registrations);
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/store/event/save-load", test_event_save_load);
  g_test_add_func ("/store/event/list-order", test_event_list_order);
  g_test_add_func ("/store/event/capacity-waiting-list", test_capacity_and_waiting_list);
  g_test_add_func ("/store/event/status-labels", test_status_labels);
  g_test_add_func ("/store/event/contacts-new-clients", test_contacts_and_new_clients);
  g_test_add_func ("/store/event/follow-ups", test_follow_ups);
  g_test_add_func ("/store/event/attendance", test_attendance);
  g_test_add_func ("/store/event/certificates", test_certificates);
  g_test_add_func ("/store/event/demo", test_demo);
  g_test_add_func ("/store/csv/basics", test_csv_basics);
  g_test_add_func ("/store/csv/errors", test_csv_errors);
  g_test_add_func ("/store/csv/encodings", test_csv_encodings);
  g_test_add_func ("/store/csv/columns", test_csv_columns);

  return g_test_run ();
}
