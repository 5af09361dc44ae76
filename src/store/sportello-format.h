/* sportello-format.h: dates and numbers as the locale writes them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SPORTELLO_DATE_LONG,
  SPORTELLO_DATE_SHORT,
} SportelloDateLength;

GDateTime *sportello_parse_timestamp  (const char *iso8601);
char      *sportello_format_date_long (const char *iso8601);
char      *sportello_format_date_short (const char *iso8601);
char      *sportello_format_date_time  (const char *iso8601);
char      *sportello_format_date_on   (const char         *iso8601,
                                        SportelloDateLength length);
char      *sportello_format_month     (const char *year_month);
char      *sportello_capitalize       (const char *text);
GDateTime *sportello_parse_date_input (const char *text,
                                       GTimeZone  *tz,
                                       gboolean   *has_time);

G_END_DECLS
