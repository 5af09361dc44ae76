/* sportello-statistics-period.c: the periods of the figures, days in Europe/Rome
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period is a range of days in Europe/Rome; timestamps (meetings,
 * follow-ups, events) are stored in UTC, so the period's ends become the
 * UTC instants of local midnight, which moves across the DST changes.
 */

#define G_LOG_DOMAIN "sportello-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sportello-format.h"
#include "sportello-statistics-private.h"

static GTimeZone *
rome (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Rome");

  return tz != NULL ? tz : g_time_zone_new_local ();
}

gboolean
_sportello_statistics_read_iso_date (const char *text,
                                     GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
_sportello_statistics_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * sportello_statistics_parse_date:
 * @text: a date as typed: “2026-11-25” or “25/11/2026”
 *
 * Returns: (transfer full) (nullable): the day as "YYYY-MM-DD", or %NULL
 *   with a translated error when @text is no day
 */
char *
sportello_statistics_parse_date (const char  *text,
                                 GError     **error)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(GDateTime) date = NULL;
  gboolean has_time = FALSE;

  if (!(date = sportello_parse_date_input (text, tz, &has_time)) || has_time)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD,
                   _("“%s” is not a date: write it as 25/11/2026 or 2026-11-25"), text ? text : "");
      return NULL;
    }
  return g_date_time_format (date, "%Y-%m-%d");
}

/**
 * sportello_statistics_check_period:
 *
 * Whether @from and @to are days ("YYYY-MM-DD") with @from not after @to.
 */
gboolean
sportello_statistics_check_period (const char  *from,
                                   const char  *to,
                                   GError     **error)
{
  GDate a, b;

  if (!_sportello_statistics_read_iso_date (from, &a) || !_sportello_statistics_read_iso_date (to, &b))
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD,
                   _("“%s” is not a date: write it as 25/11/2026 or 2026-11-25"),
                   !_sportello_statistics_read_iso_date (from, &a) ? (from ? from : "") : (to ? to : ""));
      return FALSE;
    }
  if (g_date_compare (&a, &b) > 0)
    {
      g_set_error (error, SPORTELLO_STATISTICS_ERROR, SPORTELLO_STATISTICS_ERROR_PERIOD,
                   _("The period starts on %s, after its end on %s"), from, to);
      return FALSE;
    }
  return TRUE;
}

/* This calendar year, in Europe/Rome */
void
sportello_statistics_this_year (char **from,
                                char **to)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  *from = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now));
  *to = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now));
}

/* Quarter 1 to 4 of @year */
void
sportello_statistics_quarter (int    year,
                              int    quarter,
                              char **from,
                              char **to)
{
  GDate last;
  int first_month;

  quarter = CLAMP (quarter, 1, 4);
  first_month = (quarter - 1) * 3 + 1;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_get_days_in_month (first_month + 2, year), first_month + 2, year);
  *from = g_strdup_printf ("%04d-%02d-01", year, first_month);
  *to = _sportello_statistics_date_to_iso (&last);
}

/**
 * sportello_statistics_previous_period:
 *
 * The period of the same length just before @from…@to. A period of whole
 * calendar months (from a 1st to a month's last day) gives the same
 * number of whole months before it: a year gives the year before, a
 * quarter the quarter before. Any other gives the same number of days.
 */
void
sportello_statistics_previous_period (const char  *from,
                                      const char  *to,
                                      char       **previous_from,
                                      char       **previous_to)
{
  GDate a, b, pa, pb;

  if (!_sportello_statistics_read_iso_date (from, &a) || !_sportello_statistics_read_iso_date (to, &b))
    {
      *previous_from = g_strdup (from);
      *previous_to = g_strdup (to);
      return;
    }

  pb = a;
  g_date_subtract_days (&pb, 1);
  if (g_date_get_day (&a) == 1 && g_date_is_last_of_month (&b))
    {
      int months = (g_date_get_year (&b) - g_date_get_year (&a)) * 12 +
                   (int) g_date_get_month (&b) - (int) g_date_get_month (&a) + 1;

      pa = a;
      g_date_subtract_months (&pa, months);
    }
  else
    {
      pa = pb;
      g_date_subtract_days (&pa, g_date_days_between (&a, &b));
    }

  *previous_from = _sportello_statistics_date_to_iso (&pa);
  *previous_to = _sportello_statistics_date_to_iso (&pb);
}

/* The UTC instant of local midnight at the start of @date (plus @days),
 * as the stored timestamps begin ("2026-03-28T23:00:00"): without the
 * “Z” and the fraction it sorts before every timestamp of that second */
char *
_sportello_statistics_utc_start_of (const char *date,
                                    int         days)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDate d;

  _sportello_statistics_read_iso_date (date, &d);
  if (days > 0)
    g_date_add_days (&d, days);
  local = g_date_time_new (tz, g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

char *
_sportello_statistics_day_after (const char *date)
{
  GDate d;

  _sportello_statistics_read_iso_date (date, &d);
  g_date_add_days (&d, 1);
  return _sportello_statistics_date_to_iso (&d);
}
