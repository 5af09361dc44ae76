/* sportello-ics.h: the agenda as an iCalendar file (RFC 5545)
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sportello-database.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_follow_ups;  /* VTODO */
  guint n_meetings;    /* VEVENT */
  guint n_events;      /* VEVENT */
  guint n_deadlines;   /* all-day VEVENT */
} SportelloIcsCounts;

char     *sportello_ics_export_to_string (SportelloDatabase   *db,
                                          GDateTime           *now,
                                          SportelloIcsCounts  *counts,
                                          GError             **error);
gboolean  sportello_ics_export           (SportelloDatabase   *db,
                                          const char          *path,
                                          SportelloIcsCounts  *counts,
                                          GError             **error);

G_END_DECLS
