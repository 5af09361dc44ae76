/* test-format.c: dates as the locale writes them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests run with LANGUAGE=it and LANG=it_IT.UTF-8 (tests/meson.build);
 * the last one switches to the C locale for the English forms.
 */

#include "config.h"

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sportello-format.h"

#include "store-test-util.h"

static void
check_date_on (const char          *iso8601,
               SportelloDateLength  length,
               const char          *expected)
{
  g_autofree char *text = sportello_format_date_on (iso8601, length);

  g_assert_cmpstr (text, ==, expected);
}

/* Italian puts the article in the date: l'8, l'11, il 1º, il 2 */
static void
test_date_on_italian (void)
{
  check_date_on ("2026-12-01", SPORTELLO_DATE_LONG, "il 1º dicembre 2026");
  check_date_on ("2026-12-02", SPORTELLO_DATE_LONG, "il 2 dicembre 2026");
  check_date_on ("2026-12-08", SPORTELLO_DATE_LONG, "l'8 dicembre 2026");
  check_date_on ("2026-11-11", SPORTELLO_DATE_LONG, "l'11 novembre 2026");
  /* only 8 and 11 elide: 18 is “diciotto”, 21 “ventuno” */
  check_date_on ("2026-11-18", SPORTELLO_DATE_LONG, "il 18 novembre 2026");
  check_date_on ("2026-11-21", SPORTELLO_DATE_LONG, "il 21 novembre 2026");
  check_date_on ("2026-12-01", SPORTELLO_DATE_SHORT, "il 1º dic 2026");
  check_date_on ("2026-12-08", SPORTELLO_DATE_SHORT, "l'8 dic 2026");
  check_date_on ("2026-11-11", SPORTELLO_DATE_SHORT, "l'11 nov 2026");
  check_date_on ("2026-12-02", SPORTELLO_DATE_SHORT, "il 2 dic 2026");
  /* a stored UTC timestamp is shown on its local day: 23:30 UTC on the
   * 7th is already the 8th in Rome (TZ=Europe/Rome) */
  check_date_on ("2026-12-07T23:30:00Z", SPORTELLO_DATE_LONG, "l'8 dicembre 2026");
  check_date_on ("", SPORTELLO_DATE_LONG, NULL);
  check_date_on (NULL, SPORTELLO_DATE_SHORT, NULL);
  check_date_on ("not a date", SPORTELLO_DATE_LONG, NULL);
}

/* the messages that take these dates read as Italian */
static void
test_date_on_in_messages (void)
{
  g_autofree char *due = sportello_format_date_on ("2026-12-08", SPORTELLO_DATE_LONG);
  g_autofree char *first = sportello_format_date_on ("2026-12-01", SPORTELLO_DATE_SHORT);
  g_autofree char *by = g_strdup_printf (_("by %s"), due);
  g_autofree char *last = g_strdup_printf (_("Last meeting %s"), first);
  g_autofree char *sent = g_strdup_printf (_("Sent on %s"), due);

  g_assert_cmpstr (by, ==, "entro l'8 dicembre 2026");
  g_assert_cmpstr (last, ==, "Ultimo incontro il 1º dic 2026");
  g_assert_cmpstr (sent, ==, "Inviato l'8 dicembre 2026");
}

/* a month known without its day stays a month */
static void
test_month (void)
{
  g_autofree char *november = sportello_format_month ("2026-11");
  g_autofree char *checked = g_strdup_printf (_("Facts checked in %s"), november);

  g_assert_cmpstr (november, ==, "novembre 2026");
  g_assert_cmpstr (checked, ==, "Informazioni verificate a novembre 2026");
  g_assert_null (sportello_format_month (""));
  g_assert_null (sportello_format_month (NULL));
  g_assert_null (sportello_format_month ("2026-13"));
  g_assert_null (sportello_format_month ("2026-11-01"));
}

/* English has no article and stays as it was */
static void
test_english (void)
{
  g_autofree char *first = NULL;
  g_autofree char *eighth = NULL;
  g_autofree char *eleventh = NULL;
  g_autofree char *second = NULL;
  g_autofree char *short_eighth = NULL;
  g_autofree char *month = NULL;
  g_autofree char *by = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  first = sportello_format_date_on ("2026-12-01", SPORTELLO_DATE_LONG);
  eighth = sportello_format_date_on ("2026-12-08", SPORTELLO_DATE_LONG);
  eleventh = sportello_format_date_on ("2026-11-11", SPORTELLO_DATE_LONG);
  second = sportello_format_date_on ("2026-12-02", SPORTELLO_DATE_LONG);
  short_eighth = sportello_format_date_on ("2026-12-08", SPORTELLO_DATE_SHORT);
  month = sportello_format_month ("2026-11");
  by = g_strdup_printf (_("by %s"), eighth);

  g_assert_cmpstr (first, ==, "1 December 2026");
  g_assert_cmpstr (eighth, ==, "8 December 2026");
  g_assert_cmpstr (eleventh, ==, "11 November 2026");
  g_assert_cmpstr (second, ==, "2 December 2026");
  g_assert_cmpstr (short_eighth, ==, "8 Dec 2026");
  g_assert_cmpstr (month, ==, "November 2026");
  g_assert_cmpstr (by, ==, "by 8 December 2026");
}

static void
check_input (const char *text,
             const char *expected,
             gboolean    expected_time)
{
  g_autoptr(GTimeZone) rome = g_time_zone_new_identifier ("Europe/Rome");
  g_autoptr(GDateTime) dt = sportello_parse_date_input (text, rome, NULL);
  g_autofree char *got = NULL;
  gboolean has_time = !expected_time;

  if (expected == NULL)
    {
      g_assert_null (dt);
      return;
    }
  g_assert_nonnull (dt);
  got = g_date_time_format (dt, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&dt, g_date_time_unref);
  dt = sportello_parse_date_input (text, rome, &has_time);
  g_assert_cmpint (has_time, ==, expected_time);
}

/* what a consultant types in a date entry: Italian first, ISO still */
static void
test_date_input (void)
{
  check_input ("25/11/2026", "2026-11-25 00:00", FALSE);
  check_input ("25/11/2026 14:30", "2026-11-25 14:30", TRUE);
  check_input ("  5/3/2026 9:05 ", "2026-03-05 09:05", TRUE);
  check_input ("25.11.2026", "2026-11-25 00:00", FALSE);
  check_input ("25-11-2026 14.30", "2026-11-25 14:30", TRUE);
  check_input ("2026-11-25", "2026-11-25 00:00", FALSE);
  check_input ("2026-11-25 14:30", "2026-11-25 14:30", TRUE);
  check_input ("2026-11-25T14:30", "2026-11-25 14:30", TRUE);

  /* days that do not exist, and what is no date */
  check_input ("31/02/2026", NULL, FALSE);
  check_input ("29/02/2028", "2028-02-29 00:00", FALSE);
  check_input ("29/02/2027", NULL, FALSE);
  check_input ("25/13/2026", NULL, FALSE);
  check_input ("25/11/2026 24:00", NULL, FALSE);
  check_input ("25/11/2026 14:60", NULL, FALSE);
  check_input ("25/11/26", NULL, FALSE);
  check_input ("2026/11/25", NULL, FALSE);
  check_input ("25/11-2026", NULL, FALSE);
  check_input ("25/11/2026 domani", NULL, FALSE);
  check_input ("11/25/2026", NULL, FALSE);
  check_input ("", NULL, FALSE);
  check_input ("oggi", NULL, FALSE);
  g_assert_null (sportello_parse_date_input (NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  store_test_init (&argc, &argv);
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/store/format/date-on-italian", test_date_on_italian);
  g_test_add_func ("/store/format/date-on-in-messages", test_date_on_in_messages);
  g_test_add_func ("/store/format/month", test_month);
  g_test_add_func ("/store/format/date-input", test_date_input);
  /* last: it leaves the Italian locale */
  g_test_add_func ("/store/format/english", test_english);

  return g_test_run ();
}
