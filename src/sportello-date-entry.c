/* sportello-date-entry.c: a calendar next to a date typed in an entry row
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are typed the Italian way (25/11/2026, 25/11/2026 14:30) or as
 * ISO, and read with sportello_parse_date_input(); the calendar popover
 * sets the day and keeps the time typed.
 */

#define G_LOG_DOMAIN "sportello-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "sportello-date-entry.h"
#include "sportello-format.h"

/**
 * sportello_date_entry_format:
 * @dt: a date, shown in local time
 * @with_time: whether the time goes with it
 *
 * Returns: (transfer full): the date as a date entry shows it, in Italian
 *   “25/11/2026 14:30”
 */
char *
sportello_date_entry_format (GDateTime *dt,
                             gboolean   with_time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);

  if (with_time)
    /* Translators: a date and time in an entry, which takes it back as typed:
     * day/month/year (25/11/2026 14:30) or year-month-day (2026-11-25 14:30);
     * see the strftime() manual */
    return g_date_time_format (local, C_("date entry", "%Y-%m-%d %H:%M"));
  /* Translators: a date in an entry, which takes it back as typed:
   * day/month/year (25/11/2026) or year-month-day (2026-11-25); see
   * the strftime() manual */
  return g_date_time_format (local, C_("date entry", "%Y-%m-%d"));
}

/**
 * sportello_date_entry_format_day:
 * @day: (nullable): a day as the store keeps it, “2026-11-25”
 *
 * Returns: (transfer full): the day as a date entry shows it, in Italian
 *   “25/11/2026”; anything that is no day as it is
 */
char *
sportello_date_entry_format_day (const char *day)
{
  g_autoptr(GDateTime) dt = sportello_parse_date_input (day != NULL ? day : "", NULL, NULL);

  return dt != NULL ? sportello_date_entry_format (dt, FALSE) : g_strdup (day != NULL ? day : "");
}

/**
 * sportello_date_entry_format_utc:
 * @iso8601: a timestamp as the store keeps it (UTC)
 *
 * Returns: (transfer full): the timestamp with its time, in local time, as
 *   a date entry shows it; "" if it is not one
 */
char *
sportello_date_entry_format_utc (const char *iso8601)
{
  g_autoptr(GDateTime) dt = sportello_parse_timestamp (iso8601);

  return dt ? sportello_date_entry_format (dt, TRUE) : g_strdup ("");
}

/**
 * sportello_date_entry_parse_utc:
 * @text: what was typed: “25/11/2026 14:30”, or ISO, in local time
 * @default_hour: the hour when only a day is typed
 *
 * Returns: (transfer full) (nullable): the timestamp in UTC as the store
 *   keeps it, or %NULL if @text is not a date
 */
char *
sportello_date_entry_parse_utc (const char *text,
                                int         default_hour)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) utc = NULL;
  gboolean has_time;

  if (!(dt = sportello_parse_date_input (text, NULL, &has_time)))
    return NULL;
  if (!has_time)
    {
      GDateTime *at = g_date_time_add_hours (dt, default_hour);

      g_date_time_unref (dt);
      dt = at;
    }

  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:00Z");
}

static void
day_picked_cb (GtkCalendar *calendar,
               AdwEntryRow *row)
{
  gboolean with_time = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (calendar), "with-time"));
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) typed = sportello_parse_date_input (gtk_editable_get_text (GTK_EDITABLE (row)), NULL, NULL);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  dt = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                              typed ? g_date_time_get_hour (typed) : 9, typed ? g_date_time_get_minute (typed) : 0, 0);
  text = sportello_date_entry_format (dt, with_time);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* the calendar opens on the day typed */
static void
calendar_shown_cb (GtkPopover  *popover,
                   AdwEntryRow *row)
{
  g_autoptr(GDateTime) typed = sportello_parse_date_input (gtk_editable_get_text (GTK_EDITABLE (row)), NULL, NULL);
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));

  if (typed != NULL)
    {
      g_signal_handlers_block_by_func (calendar, day_picked_cb, row);
      gtk_calendar_select_day (calendar, typed);
      g_signal_handlers_unblock_by_func (calendar, day_picked_cb, row);
    }
}

/* The calendar is made the first time the button opens it: a GtkCalendar
 * is some eighty widgets, and most date rows are never opened */
static void
create_calendar_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  AdwEntryRow *row = user_data;
  GtkWidget *popover;
  GtkWidget *calendar;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = gtk_popover_new ();
  calendar = gtk_calendar_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_object_set_data (G_OBJECT (calendar), "with-time", g_object_get_data (G_OBJECT (button), "with-time"));
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_picked_cb), row, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_shown_cb), row, 0);
  gtk_menu_button_set_popover (button, popover);
}

/**
 * sportello_date_entry_add_calendar:
 * @row: where a date is typed
 * @with_time: whether the row holds a time too, which the calendar keeps
 *
 * Adds a button with a calendar popover at the end of @row.
 */
void
sportello_date_entry_add_calendar (AdwEntryRow *row,
                                   gboolean     with_time)
{
  GtkWidget *button = gtk_menu_button_new ();

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "with-time", GINT_TO_POINTER (with_time));
  /* the button is the row's: it never outlives it */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_calendar_cb, row, NULL);
  adw_entry_row_add_suffix (row, button);
}
