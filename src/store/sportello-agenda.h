/* sportello-agenda.h: which group a date falls in, seen from today
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In display order */
typedef enum
{
  SPORTELLO_DUE_OVERDUE,
  SPORTELLO_DUE_TODAY,
  SPORTELLO_DUE_THIS_WEEK,
  SPORTELLO_DUE_LATER,
  SPORTELLO_DUE_NO_DATE,
} SportelloDueGroup;

typedef enum
{
  SPORTELLO_PERIOD_UPCOMING,
  SPORTELLO_PERIOD_THIS_WEEK,
  SPORTELLO_PERIOD_THIS_MONTH,
  SPORTELLO_PERIOD_EARLIER,
} SportelloPeriod;

GDate            *sportello_date_parse        (const char *iso_date);
GDate            *sportello_today             (void);
SportelloDueGroup sportello_due_group         (const char *due_date,
                                               const GDate *today);
SportelloPeriod   sportello_meeting_period    (const char *starts_at,
                                               GDateTime  *now);
const char       *sportello_due_group_label   (SportelloDueGroup group);
const char       *sportello_period_label      (SportelloPeriod   period);

G_END_DECLS
