/* sportello-format.c: dates and numbers as the locale writes them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-format"

#include "config.h"

#include <glib/gi18n-lib.h>

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
