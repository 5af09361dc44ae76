/* sportello-format.c: dates and numbers as the locale writes them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sportello-format.h"

/**
 * sportello_parse_timestamp:
 *
 * Reads a stored UTC timestamp, or a plain date (“2026-11-25”), into local
 * time. Returns %NULL for anything else.
 */
GDateTime *
sportello_parse_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;

  if (iso8601 == NULL || iso8601[0] == '\0')
    return NULL;

  if (strlen (iso8601) == 10)
    {
      g_autofree char *midday = g_strconcat (iso8601, "T12:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      return g_date_time_new_from_iso8601 (midday, local);
    }

  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_local (utc);
}

static char *
format_local (const char *iso8601,
              const char *format)
{
  g_autoptr(GDateTime) dt = sportello_parse_timestamp (iso8601);

  return dt != NULL ? g_date_time_format (dt, format) : NULL;
}

/* “25 novembre 2026” in Italian, “25 November 2026” in English */
char *
sportello_format_date_long (const char *iso8601)
{
  /* Translators: a long date, see the strftime() manual; Italian: “%-d %B %Y” */
  return format_local (iso8601, _("%-d %B %Y"));
}

/* “25 novembre 2026, 10:32”, for two changes on the same day */
char *
sportello_format_date_time (const char *iso8601)
{
  /* Translators: a long date with the time, see the strftime() manual; Italian: “%-d %B %Y, %H:%M” */
  return format_local (iso8601, _("%-d %B %Y, %H:%M"));
}

/* “25 nov 2026” */
char *
sportello_format_date_short (const char *iso8601)
{
  /* Translators: a short date, see the strftime() manual; Italian: “%-d %b %Y” */
  return format_local (iso8601, _("%-d %b %Y"));
}

/**
 * sportello_format_date_on:
 * @iso8601: a stored timestamp or a plain date
 * @length: the long (“8 dicembre 2026”) or short (“8 dic 2026”) form
 *
 * The date as it follows a preposition or a verb, in every message that
 * says when something happened or is due (“Sent on %s”, “by %s”, “Last
 * meeting %s”). Italian puts the article in the date itself: “l'8 dicembre”,
 * “l'11 novembre”, “il 1º dicembre”, “il 2 dicembre”; English has no
 * article: “8 December 2026”. The day decides which translated format is
 * used, so each language can write its own form of days 1, 8 and 11.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if @iso8601 is
 *   empty or not a date
 */
char *
sportello_format_date_on (const char         *iso8601,
                          SportelloDateLength length)
{
  g_autoptr(GDateTime) dt = sportello_parse_timestamp (iso8601);
  const char *format;
  int day;

  if (dt == NULL)
    return NULL;

  day = g_date_time_get_day_of_month (dt);
  if (length == SPORTELLO_DATE_SHORT)
    {
      if (day == 1)
        /* Translators: a short date after a preposition, for the 1st of a month; see the strftime() manual. Italian: “il %-dº %b %Y” (il 1º dic 2026) */
        format = C_("date after a preposition, day 1", "%-d %b %Y");
      else if (day == 8 || day == 11)
        /* Translators: a short date after a preposition, for the 8th and the 11th; Italian elides the article: “l'%-d %b %Y” (l'8 dic 2026) */
        format = C_("date after a preposition, day 8 or 11", "%-d %b %Y");
      else
        /* Translators: a short date after a preposition, any other day; Italian: “il %-d %b %Y” (il 2 dic 2026) */
        format = C_("date after a preposition", "%-d %b %Y");
    }
  else
    {
      if (day == 1)
        /* Translators: a long date after a preposition, for the 1st of a month; see the strftime() manual. Italian: “il %-dº %B %Y” (il 1º dicembre 2026) */
        format = C_("date after a preposition, day 1", "%-d %B %Y");
      else if (day == 8 || day == 11)
        /* Translators: a long date after a preposition, for the 8th and the 11th; Italian elides the article: “l'%-d %B %Y” (l'8 dicembre 2026) */
        format = C_("date after a preposition, day 8 or 11", "%-d %B %Y");
      else
        /* Translators: a long date after a preposition, any other day; Italian: “il %-d %B %Y” (il 2 dicembre 2026) */
        format = C_("date after a preposition", "%-d %B %Y");
    }

  return g_date_time_format (dt, format);
}

/**
 * sportello_format_month:
 * @year_month: a month as “2026-11”, the form of every “verified_on”
 *
 * A month known without its day, as “novembre 2026”: the date a fact was
 * checked must not look more precise than it is.
 *
 * Returns: (transfer full) (nullable): the month, or %NULL if @year_month
 *   is empty or not a month
 */
char *
sportello_format_month (const char *year_month)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month;
  char end;

  if (year_month == NULL ||
      sscanf (year_month, "%4d-%2d%c", &year, &month, &end) != 2 ||
      month < 1 || month > 12)
    return NULL;

  dt = g_date_time_new_local (year, month, 1, 12, 0, 0);
  if (dt == NULL)
    return NULL;

  /* Translators: a month and its year, as in “novembre 2026”; see the strftime() manual */
  return g_date_time_format (dt, C_("month and year", "%B %Y"));
}

/* “nessun riferimento…” → “Nessun riferimento…”, for texts shown alone */
char *
sportello_capitalize (const char *text)
{
  g_autofree char *first = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* “25”, “11”, “2026”: digits only, at most @max of them; how many, or 0 */
static guint
take_number (const char **p,
             guint        max,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return g_ascii_isdigit (**p) ? 0 : n;
}

/**
 * sportello_parse_date_input:
 * @text: what the user typed: “25/11/2026”, “25/11/2026 14:30”, or ISO
 *   (“2026-11-25”, “2026-11-25 14:30”, “2026-11-25T14:30”)
 * @tz: (nullable): the time zone the text is in; local when %NULL
 * @has_time: (out) (optional): whether a time was given
 *
 * Reads a date, with or without a time, the Italian way (day/month/year;
 * also with “-” or “.” between them) or as ISO 8601 (year first). Spaces
 * around are ignored; anything else makes it no date. Without a time the
 * result is at midnight.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when @text is
 *   not one, or names a day that does not exist (31/02/2026)
 */
GDateTime *
sportello_parse_date_input (const char *text,
                            GTimeZone  *tz,
                            gboolean   *has_time)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *copy = NULL;
  const char *p;
  int a, b, c, y, mo, d, h = 0, mi = 0;
  guint n_a, n_c;
  char sep;

  if (has_time != NULL)
    *has_time = FALSE;
  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  /* a first number of four digits is a year: ISO */
  if (!(n_a = take_number (&p, 4, &a)))
    return NULL;
  sep = *p;
  if (sep != '/' && sep != '-' && sep != '.')
    return NULL;
  p++;
  if (!take_number (&p, 2, &b) || *p != sep)
    return NULL;
  p++;
  if (!(n_c = take_number (&p, 4, &c)))
    return NULL;

  if (n_a == 4 && sep == '-' && n_c <= 2)
    y = a, mo = b, d = c;   /* 2026-11-25 */
  else if (n_a <= 2 && n_c == 4)
    d = a, mo = b, y = c;   /* 25/11/2026 */
  else
    return NULL;

  if (*p == ' ' || *p == 'T')
    {
      while (*p == ' ')
        p++;
      if (*p == 'T')
        p++;
      if (!take_number (&p, 2, &h) || (*p != ':' && *p != '.'))
        return NULL;
      p++;
      if (!take_number (&p, 2, &mi) || h > 23 || mi > 59)
        return NULL;
      if (has_time != NULL)
        *has_time = TRUE;
    }
  if (*p != '\0')
    return NULL;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}
