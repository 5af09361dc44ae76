/* sportello-agenda.c: which group a date falls in, seen from today
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Due dates are calendar dates (“2026-11-25”), compared as GDates, so
 * month and year ends and daylight-saving changes cannot shift them.
 * Meetings are stored in UTC and placed by their local date. Weeks start
 * on Monday, as in Italy.
 */

#define G_LOG_DOMAIN "sportello-agenda"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sportello-agenda.h"

GDate *
sportello_date_parse (const char *iso_date)
{
  unsigned int y, m, d;
  char extra;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &extra) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;

  return g_date_new_dmy (d, m, y);
}

GDate *
sportello_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

static GDate *
end_of_week (const GDate *day)
{
  GDate *sunday = g_date_copy (day);

  /* g_date_get_weekday: Monday = 1 … Sunday = 7 */
  g_date_add_days (sunday, G_DATE_SUNDAY - g_date_get_weekday (day));
  return sunday;
}

SportelloDueGroup
sportello_due_group (const char  *due_date,
                     const GDate *today)
{
  g_autoptr(GDate) due = sportello_date_parse (due_date);
  g_autoptr(GDate) sunday = NULL;
  int cmp;

  if (due == NULL)
    return SPORTELLO_DUE_NO_DATE;

  cmp = g_date_compare (due, today);
  if (cmp < 0)
    return SPORTELLO_DUE_OVERDUE;
  if (cmp == 0)
    return SPORTELLO_DUE_TODAY;

  sunday = end_of_week (today);
  if (g_date_compare (due, sunday) <= 0)
    return SPORTELLO_DUE_THIS_WEEK;

  return SPORTELLO_DUE_LATER;
}

SportelloPeriod
sportello_meeting_period (const char *starts_at,
                          GDateTime  *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDate) day = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) monday = NULL;

  if (starts_at == NULL || !(utc = g_date_time_new_from_iso8601 (starts_at, NULL)))
    return SPORTELLO_PERIOD_EARLIER;

  local = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
  if (g_date_time_compare (local, now) > 0)
    return SPORTELLO_PERIOD_UPCOMING;

  day = g_date_new_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                        g_date_time_get_year (local));
  today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                          g_date_time_get_year (now));
  monday = g_date_copy (today);
  g_date_subtract_days (monday, g_date_get_weekday (today) - G_DATE_MONDAY);

  if (g_date_compare (day, monday) >= 0)
    return SPORTELLO_PERIOD_THIS_WEEK;
  if (g_date_get_month (day) == g_date_get_month (today) && g_date_get_year (day) == g_date_get_year (today))
    return SPORTELLO_PERIOD_THIS_MONTH;

  return SPORTELLO_PERIOD_EARLIER;
}

const char *
sportello_due_group_label (SportelloDueGroup group)
{
  switch (group)
    {
    case SPORTELLO_DUE_OVERDUE:
      return _("Overdue");
    case SPORTELLO_DUE_TODAY:
      return _("Today");
    case SPORTELLO_DUE_THIS_WEEK:
      return _("This Week");
    case SPORTELLO_DUE_LATER:
      return _("Later");
    case SPORTELLO_DUE_NO_DATE:
    default:
      return _("No Due Date");
    }
}

const char *
sportello_period_label (SportelloPeriod period)
{
  switch (period)
    {
    case SPORTELLO_PERIOD_UPCOMING:
      return _("Upcoming");
    case SPORTELLO_PERIOD_THIS_WEEK:
      return _("This Week");
    case SPORTELLO_PERIOD_THIS_MONTH:
      return _("This Month");
    case SPORTELLO_PERIOD_EARLIER:
    default:
      return _("Earlier");
    }
}
