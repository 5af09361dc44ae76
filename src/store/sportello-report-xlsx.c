/* sportello-report-xlsx.c: the report as a spreadsheet
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sheet per table of the report, Italian headers, the figures as
 * numbers (so they can be worked on), next to those of the previous
 * period when given. The desk's own report: the figures are exact, as
 * the report view shows them (the statistics file is what leaves the
 * desk, with the small groups null). Written with libxlsxwriter into
 * memory, then to the file whole or not at all.
 */

#define G_LOG_DOMAIN "sportello-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sportello-atomic-file.h"
#include "sportello-report-xlsx.h"
#include "sportello-vocabulary.h"

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *integer;
  lxw_format   *decimal;
  lxw_format   *hours;
  lxw_format   *percent;
  lxw_format   *euro;
} Writer;

/* The rows of the summary: the figure's path and its label */
typedef struct
{
  const char *path;
  const char *label;
} Row;

static const Row summary_rows[] = {
  { "firms_served", N_("Firms served") },
  { "firms_new", N_("New firms") },
  { "meetings.total", N_("Meetings") },
  { "consulting_hours", N_("Consulting hours") },
  { "documents_sent", N_("Advice documents sent") },
  { "follow_ups_done", N_("Follow-ups done") },
  { "assessments.total", N_("Assessments") },
  { "assessments.firms", N_("Firms assessed") },
  { "assessments.mean_score", N_("Mean score") },
  { "assessments.firms_compared", N_("Firms assessed twice or more") },
  { "assessments.mean_change", N_("Mean change of score, first to latest") },
  { "events.total", N_("Events") },
  { "events.registrations", N_("Registrations") },
  { "events.attended", N_("Attended") },
  { "events.attendance_rate", N_("Attendance rate") },
  { "grant_applications.submitted", N_("Grant applications submitted") },
  { "grant_applications.funded", N_("Grant applications funded") },
  { "grant_applications.rejected", N_("Grant applications rejected") },
  { "grant_applications.amount_requested", N_("Amount requested (€)") },
  { "grant_applications.amount_granted", N_("Amount granted (€)") },
};

static lxw_format *
format_for (Writer     *w,
            const char *path)
{
  if (g_str_equal (path, "consulting_hours"))
    return w->hours;
  if (g_str_equal (path, "events.attendance_rate"))
    return w->percent;
  if (g_str_has_prefix (path, "grant_applications.amount_"))
    return w->euro;
  if (g_str_has_suffix (path, "mean_score") || g_str_has_suffix (path, "mean_change") ||
      g_str_has_suffix (path, ".p25") || g_str_has_suffix (path, ".p50") || g_str_has_suffix (path, ".p75"))
    return w->decimal;
  return w->integer;
}

static void
write_figure (Writer              *w,
              lxw_worksheet       *sheet,
              lxw_row_t            row,
              lxw_col_t            col,
              SportelloStatistics *stats,
              const char          *path)
{
  SportelloFigure figure;

  sportello_statistics_get_figure (stats, path, &figure);
  switch (figure.state)
    {
    case SPORTELLO_FIGURE_UNKNOWN:
      worksheet_write_string (sheet, row, col, "—", NULL);
      break;
    case SPORTELLO_FIGURE_AT_LEAST:
      {
        /* Translators: a lower bound in the report, “almeno 12” */
        g_autofree char *text = g_strdup_printf (_("at least %.0f"), figure.value);

        worksheet_write_string (sheet, row, col, text, NULL);
      }
      break;
    case SPORTELLO_FIGURE_EXACT:
    case SPORTELLO_FIGURE_PARTIAL:
    default:
      worksheet_write_number (sheet, row, col, figure.value, format_for (w, path));
      break;
    }
}

static lxw_worksheet *
add_sheet (Writer     *w,
           const char *name,
           const char *first,
           const char *second,
           const char *third)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->workbook, name);

  worksheet_set_column (sheet, 0, 0, 44, NULL);
  worksheet_set_column (sheet, 1, 4, 18, NULL);
  worksheet_write_string (sheet, 0, 0, first, w->header);
  worksheet_write_string (sheet, 0, 1, second, w->header);
  if (third != NULL)
    worksheet_write_string (sheet, 0, 2, third, w->header);
  worksheet_freeze_panes (sheet, 1, 0);
  return sheet;
}

static char *
format_day (const char *iso)
{
  if (iso == NULL || strlen (iso) != 10)
    return g_strdup (iso ? iso : "");
  /* 25/11/2026 */
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

static char *
period_text (SportelloStatistics *stats)
{
  g_autofree char *from = format_day (sportello_statistics_get_from (stats));
  g_autofree char *to = format_day (sportello_statistics_get_to (stats));

  /* Translators: a period of the report, “01/01/2026 – 31/12/2026” */
  return g_strdup_printf (_("%s – %s"), from, to);
}

char *
sportello_report_member_label (const char *group,
                               const char *member)
{
  const char *label = "";

  if (g_str_equal (member, "unknown"))
    return g_strdup (C_("report group", "Not known"));
  if (g_str_equal (group, "meetings.by_kind"))
    label = sportello_vocabulary_label (SPORTELLO_VOCABULARY_MEETING_KIND, member);
  else if (g_str_equal (group, "firms_by_category") || g_str_equal (group, "assessments.by_category"))
    label = sportello_vocabulary_label (SPORTELLO_VOCABULARY_CATEGORY, member);
  else if (g_str_equal (group, "firms_by_source"))
    label = sportello_vocabulary_label (SPORTELLO_VOCABULARY_SOURCE, member);
  else if (g_str_equal (group, "firms_by_size"))
    {
      if (g_str_equal (member, "micro"))
        label = C_("firm size", "Micro (fewer than 10 employees)");
      else if (g_str_equal (member, "piccola"))
        label = C_("firm size", "Small (10 to 49 employees)");
      else if (g_str_equal (member, "media"))
        label = C_("firm size", "Medium (50 to 249 employees)");
      else if (g_str_equal (member, "grande"))
        label = C_("firm size", "Large (250 employees or more)");
    }
  return g_strdup (label[0] != '\0' ? label : member);
}

static void
write_group (Writer              *w,
             SportelloStatistics *stats,
             SportelloStatistics *previous,
             const char          *group,
             const char          *sheet_name,
             const char          *first_header,
             const char          *second_header)
{
  g_auto(GStrv) members = sportello_statistics_dup_members (stats, group);
  lxw_worksheet *sheet = add_sheet (w, sheet_name, first_header, second_header,
                                    previous ? _("Previous period") : NULL);

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (group, ".", members[i], NULL);
      g_autofree char *label = sportello_report_member_label (group, members[i]);

      worksheet_write_string (sheet, i + 1, 0, label, NULL);
      write_figure (w, sheet, i + 1, 1, stats, path);
      if (previous != NULL)
        write_figure (w, sheet, i + 1, 2, previous, path);
    }
}

static void
write_workbook (Writer              *w,
                SportelloStatistics *stats,
                SportelloStatistics *previous)
{
  lxw_worksheet *sheet;
  g_autofree char *period = period_text (stats);
  g_auto(GStrv) months = NULL;
  g_auto(GStrv) categories = NULL;
  lxw_row_t row;

  /* the summary, with the hub and the period on top */
  sheet = add_sheet (w, _("Summary"), _("Figure"), _("This period"), previous ? _("Previous period") : NULL);
  worksheet_write_string (sheet, 1, 0, _("Hub"), NULL);
  worksheet_write_string (sheet, 1, 1, sportello_statistics_get_hub (stats) ? sportello_statistics_get_hub (stats) : "",
                          NULL);
  worksheet_write_string (sheet, 2, 0, _("Period"), NULL);
  worksheet_write_string (sheet, 2, 1, period, NULL);
  if (previous != NULL)
    {
      g_autofree char *previous_period = period_text (previous);

      worksheet_write_string (sheet, 2, 2, previous_period, NULL);
    }
  row = 3;
  for (guint i = 0; i < G_N_ELEMENTS (summary_rows); i++, row++)
    {
      worksheet_write_string (sheet, row, 0, _(summary_rows[i].label), NULL);
      write_figure (w, sheet, row, 1, stats, summary_rows[i].path);
      if (previous != NULL)
        write_figure (w, sheet, row, 2, previous, summary_rows[i].path);
    }

  write_group (w, stats, previous, "meetings.by_kind", _("Meetings by kind"), _("Kind of meeting"), _("Meetings"));
  write_group (w, stats, previous, "firms_by_category", _("Firms by category"), _("Category"), _("Firms served"));
  write_group (w, stats, previous, "firms_by_province", _("Firms by province"), _("Province"), _("Firms served"));
  write_group (w, stats, previous, "firms_by_size", _("Firms by size"), _("Size"), _("Firms served"));
  write_group (w, stats, previous, "firms_by_source", _("Firms by source"), _("How they reached the desk"),
               _("Firms served"));

  /* month by month */
  sheet = add_sheet (w, _("Month by month"), _("Month"), _("Meetings"), _("Firms served"));
  months = sportello_statistics_dup_members (stats, "monthly");
  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autofree char *meetings = g_strconcat ("monthly.", months[i], ".meetings", NULL);
      g_autofree char *firms = g_strconcat ("monthly.", months[i], ".firms_served", NULL);
      g_autofree char *label = g_strdup_printf ("%.2s/%.4s", months[i] + 5, months[i]);

      worksheet_write_string (sheet, i + 1, 0, label, NULL);
      write_figure (w, sheet, i + 1, 1, stats, meetings);
      write_figure (w, sheet, i + 1, 2, stats, firms);
    }

  /* the scores of the firms assessed, by category */
  sheet = add_sheet (w, _("Scores by category"), _("Category"), _("Firms assessed"), _("First quartile"));
  worksheet_write_string (sheet, 0, 3, _("Median"), w->header);
  worksheet_write_string (sheet, 0, 4, _("Third quartile"), w->header);
  categories = sportello_statistics_dup_members (stats, "assessments.by_category");
  for (guint i = 0; categories[i] != NULL; i++)
    {
      const char *names[] = { "count", "p25", "p50", "p75" };
      g_autofree char *label = sportello_report_member_label ("assessments.by_category", categories[i]);

      worksheet_write_string (sheet, i + 1, 0, label, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *path = g_strdup_printf ("assessments.by_category.%s.%s", categories[i], names[k]);

          write_figure (w, sheet, i + 1, k + 1, stats, path);
        }
    }
}

/**
 * sportello_report_write_xlsx:
 * @statistics: the period's figures
 * @previous: (nullable): those of the previous period, for comparison
 *
 * Writes the report as a spreadsheet (.xlsx), whole or not at all.
 */
gboolean
sportello_report_write_xlsx (SportelloStatistics  *statistics,
                             SportelloStatistics  *previous,
                             const char           *path,
                             GError              **error)
{
  const char *buffer = NULL;
  size_t size = 0;
  lxw_workbook_options options = { 0 };
  Writer w = { 0 };
  lxw_error rc;
  gboolean ok;

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (statistics), FALSE);

  options.output_buffer = &buffer;
  options.output_buffer_size = &size;
  if (!(w.workbook = workbook_new_opt (NULL, &options)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the spreadsheet"));
      return FALSE;
    }

  w.header = workbook_add_format (w.workbook);
  format_set_bold (w.header);
  format_set_bottom (w.header, LXW_BORDER_THIN);
  w.integer = workbook_add_format (w.workbook);
  format_set_num_format (w.integer, "#,##0");
  w.decimal = workbook_add_format (w.workbook);
  format_set_num_format (w.decimal, "0.0");
  w.hours = workbook_add_format (w.workbook);
  format_set_num_format (w.hours, "#,##0.00");
  w.percent = workbook_add_format (w.workbook);
  format_set_num_format (w.percent, "0.0%");
  w.euro = workbook_add_format (w.workbook);
  format_set_num_format (w.euro, "#,##0 \"€\"");

  workbook_set_properties (w.workbook, &(lxw_doc_properties) {
    .title = _("Report of the consulting desk"),
    .company = (char *) (sportello_statistics_get_hub (statistics) ? sportello_statistics_get_hub (statistics) : ""),
  });

  write_workbook (&w, statistics, previous);

  if ((rc = workbook_close (w.workbook)) != LXW_NO_ERROR || buffer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the spreadsheet: %s"),
                   lxw_strerror (rc));
      free ((void *) buffer);
      return FALSE;
    }

  ok = sportello_atomic_file_write (path, buffer, (gssize) size, error);
  free ((void *) buffer);
  return ok;
}
