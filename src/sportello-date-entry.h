/* sportello-date-entry.h: a calendar next to a date typed in an entry row
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *sportello_date_entry_format       (GDateTime   *dt,
                                         gboolean     with_time);
char *sportello_date_entry_format_utc  (const char  *iso8601);
char *sportello_date_entry_format_day  (const char  *day);
char *sportello_date_entry_parse_utc   (const char  *text,
                                         int          default_hour);
void  sportello_date_entry_add_calendar (AdwEntryRow *row,
                                         gboolean     with_time);

G_END_DECLS
