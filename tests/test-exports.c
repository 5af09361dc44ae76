/* test-exports.c: the calendar (.ics) and address book (.vcf) exports
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-cli.py reads the files back with python3-icalendar and
 * python3-vobject; these check what those parsers forgive: the exact
 * folding and escaping, and that the same data gives the same bytes.
 */

#include "config.h"

#include <string.h>

#include "sportello-contact.h"
#include "sportello-follow-up.h"
#include "sportello-ics.h"
#include "sportello-meeting.h"
#include "sportello-vcard.h"
#include "store-test-util.h"

static SportelloDatabase *
open_db (void)
{
  return store_test_open_db ("exports-test", "Luca Sala", "Polo di Nardò");
}

static void
test_vcard_escape (void)
{
  g_autofree char *escaped = sportello_vcard_escape ("Rossi, Bianchi; soci\\eredi\r\nsecondo rigo\nterzo");

  g_assert_cmpstr (escaped, ==, "Rossi\\, Bianchi\\; soci\\\\eredi\\nsecondo rigo\\nterzo");
}

static void
test_vcard_fold (void)
{
  g_autoptr(GString) line = g_string_new ("TITLE:");
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  /* two-octet characters from an odd offset: a naive fold would cut one */
  for (guint i = 0; i < 100; i++)
    g_string_append (line, "ò");
  folded = sportello_vcard_fold_line (line->str);
  g_assert_true (g_str_has_suffix (folded, "\r\n"));
  lines = g_strsplit (folded, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, ==, 4);          /* three physical lines, then "" */
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (i > 0)
        {
          g_assert_true (lines[i][0] == ' ');
          g_string_append (joined, lines[i] + 1);
        }
      else
        g_string_append (joined, lines[i]);
    }
  /* the first line is as full as it can be without cutting a character */
  g_assert_cmpuint (strlen (lines[0]), ==, 74);
  g_assert_cmpstr (joined->str, ==, line->str);

  /* a short line is left alone */
  g_free (folded);
  folded = sportello_vcard_fold_line ("FN:Zoë");
  g_assert_cmpstr (folded, ==, "FN:Zoë\r\n");
}

static void
test_vcard_export (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Caffè Nardò; Figli, S.n.c.");
  g_autoptr(SportelloClient) other = store_test_new_client (db, "Officina Cantù");
  g_autoptr(SportelloContact) anna = sportello_contact_new (sportello_client_get_uuid (client));
  g_autoptr(SportelloContact) piero = sportello_contact_new (sportello_client_get_uuid (other));
  const char *only[] = { sportello_client_get_uuid (client), NULL };
  const char *unknown[] = { sportello_client_get_uuid (client), "00000000-0000-4000-8000-000000000000", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint n = 0;

  sportello_contact_set (anna, SPORTELLO_CONTACT_NAME, "Anna Maria De Luca");
  sportello_contact_set (anna, SPORTELLO_CONTACT_ROLE, "Socia, amministratrice");
  sportello_contact_set (anna, SPORTELLO_CONTACT_EMAIL, "anna@caffenardo.it");
  sportello_contact_set (anna, SPORTELLO_CONTACT_PHONE, "0833 123456");
  g_assert_true (sportello_contact_save (anna, db, &error));
  sportello_contact_set (piero, SPORTELLO_CONTACT_NAME, "Piero");
  g_assert_true (sportello_contact_save (piero, db, &error));
  g_assert_no_error (error);

  text = sportello_vcard_export_to_string (db, only, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  expected = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:4.0\r\n"
                              "PRODID:-//Sportello//Sportello " PACKAGE_VERSION "//IT\r\n"
                              "UID:urn:uuid:%s\r\n"
                              "KIND:individual\r\n"
                              "FN:Anna Maria De Luca\r\n"
                              "N:De Luca;Anna Maria;;;\r\n"
                              "TITLE:Socia\\, amministratrice\r\n"
                              "ORG:Caffè Nardò\\; Figli\\, S.n.c.\r\n"
                              "EMAIL;TYPE=work:anna@caffenardo.it\r\n"
                              "TEL;TYPE=work:0833 123456\r\n",
                              sportello_contact_get (anna, SPORTELLO_CONTACT_UUID));
  g_assert_true (g_str_has_prefix (text, expected));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));

  /* everybody: both firms; a one-word name is the family name */
  g_free (text);
  text = sportello_vcard_export_to_string (db, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (strstr (text, "N:Piero;;;;\r\n"));
  g_assert_null (strstr (text, "TITLE:\r\n"));   /* no empty properties */

  /* one unknown client: nothing at all */
  g_free (text);
  text = sportello_vcard_export_to_string (db, unknown, &n, &error);
  g_assert_error (error, SPORTELLO_STORE_ERROR, SPORTELLO_STORE_ERROR_NOT_FOUND);
  g_assert_null (text);
}

static void
test_ics_export (void)
{
  g_autoptr(SportelloDatabase) db = open_db ();
  g_autoptr(SportelloClient) client = store_test_new_client (db, "Pasticceria Nardò");
  g_autoptr(SportelloMeeting) meeting = sportello_meeting_new (sportello_client_get_uuid (client));
  g_autoptr(SportelloFollowUp) due = NULL;
  g_autoptr(SportelloFollowUp) undated = NULL;
  g_autoptr(GDateTime) now = store_test_utc ("2026-12-01T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *uid = NULL;
  SportelloIcsCounts counts = { 0 };

  sportello_meeting_set (meeting, SPORTELLO_MEETING_STARTS_AT, "2026-12-03T08:30:00Z");
  sportello_meeting_set_duration (meeting, 90);
  g_assert_true (sportello_meeting_save (meeting, db, &error));
  due = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Mandare il preventivo");
  sportello_follow_up_set (due, SPORTELLO_FOLLOW_UP_DUE_DATE, "2026-12-15");
  g_assert_true (sportello_follow_up_save (due, db, &error));
  undated = sportello_follow_up_new (sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID), "Un giorno o l'altro");
  g_assert_true (sportello_follow_up_save (undated, db, &error));
  g_assert_no_error (error);

  first = sportello_ics_export_to_string (db, now, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_follow_ups, ==, 1);   /* not the one without a date */
  g_assert_cmpuint (counts.n_meetings, ==, 1);
  g_assert_true (g_str_has_prefix (first, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (first, "DTSTAMP:20261201T100000Z\r\n"));
  uid = g_strdup_printf ("UID:meeting-%s@sportello\r\n", sportello_meeting_get (meeting, SPORTELLO_MEETING_UUID));
  g_assert_nonnull (strstr (first, uid));
  g_assert_nonnull (strstr (first, "DTSTART:20261203T083000Z\r\nDTEND:20261203T100000Z\r\n"));
  g_assert_nonnull (strstr (first, "SUMMARY:Incontro con Pasticceria Nardò\r\n"));
  g_assert_nonnull (strstr (first, "DUE;VALUE=DATE:20261215\r\n"));
  g_assert_null (strstr (first, "l'altro"));

  /* the same data, the same moment: the same bytes */
  second = sportello_ics_export_to_string (db, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);

  /* done: out of the calendar */
  g_assert_true (sportello_follow_up_set_done (db, sportello_follow_up_get (due, SPORTELLO_FOLLOW_UP_UUID), TRUE, &error));
  g_free (second);
  second = sportello_ics_export_to_string (db, now, &counts, &error);
  g_assert_cmpuint (counts.n_follow_ups, ==, 0);
  g_assert_null (strstr (second, "BEGIN:VTODO"));
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);

  g_test_add_func ("/store/vcard/escape", test_vcard_escape);
  g_test_add_func ("/store/vcard/fold", test_vcard_fold);
  g_test_add_func ("/store/vcard/export", test_vcard_export);
  g_test_add_func ("/store/ics/export", test_ics_export);

  return g_test_run ();
}
