/* sportello-statistics.c: the figures of a period, kept by their path in the file
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions are those of docs/statistics-format.md. The figures are
 * kept by their path in the file ("meetings.by_kind.desk"), in the order
 * they were made, so the file, the network's sum and the report read the
 * same table. This file keeps that table and the format's rules by path;
 * the others fill it or read it (sportello-statistics-private.h):
 * sportello-statistics-period.c the periods, sportello-statistics-compute.c
 * and sportello-statistics-assessments.c the desk's own figures,
 * sportello-statistics-file.c the statistics file, written and read,
 * sportello-statistics-network.c the network's sum.
 */

#define G_LOG_DOMAIN "sportello-statistics"

#include "config.h"

#include <string.h>

#include "sportello-statistics-private.h"

G_DEFINE_FINAL_TYPE (SportelloStatistics, sportello_statistics, G_TYPE_OBJECT)

G_DEFINE_QUARK (sportello-statistics-error-quark, sportello_statistics_error)

static void
sportello_statistics_finalize (GObject *object)
{
  SportelloStatistics *self = SPORTELLO_STATISTICS (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->hub);
  g_ptr_array_unref (self->hub_names);
  g_hash_table_unref (self->figures);
  g_ptr_array_unref (self->paths);

  G_OBJECT_CLASS (sportello_statistics_parent_class)->finalize (object);
}

static void
sportello_statistics_class_init (SportelloStatisticsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sportello_statistics_finalize;
}

static void
sportello_statistics_init (SportelloStatistics *self)
{
  self->hub_names = g_ptr_array_new_with_free_func (g_free);
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->paths = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------ the figures ---- */

void
_sportello_statistics_put_figure (SportelloStatistics  *self,
                                  const char           *path,
                                  SportelloFigureState  state,
                                  double                value)
{
  SportelloFigure *figure = g_hash_table_lookup (self->figures, path);

  if (figure == NULL)
    {
      char *key = g_strdup (path);

      figure = g_new0 (SportelloFigure, 1);
      g_ptr_array_add (self->paths, key);
      g_hash_table_insert (self->figures, key, figure);
    }
  figure->state = state;
  figure->value = state == SPORTELLO_FIGURE_UNKNOWN ? 0 : value;
}

void
_sportello_statistics_put (SportelloStatistics *self,
                           const char          *path,
                           double               value)
{
  _sportello_statistics_put_figure (self, path, SPORTELLO_FIGURE_EXACT, value);
}

void
_sportello_statistics_put_unknown (SportelloStatistics *self,
                                   const char          *path)
{
  _sportello_statistics_put_figure (self, path, SPORTELLO_FIGURE_UNKNOWN, 0);
}

void
_sportello_statistics_putf (SportelloStatistics *self,
                            double               value,
                            const char          *format,
                            ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  _sportello_statistics_put (self, path, value);
}

void
_sportello_statistics_add_to (SportelloStatistics *self,
                              const char          *path,
                              double               value)
{
  SportelloFigure *figure = g_hash_table_lookup (self->figures, path);

  _sportello_statistics_put (self, path, (figure != NULL ? figure->value : 0) + value);
}

/* The rules of the format, by path: how many decimals a figure has, and
 * which figures count firms (or are made from a count of firms) and so
 * are null in the file when fewer than SPORTELLO_STATISTICS_MIN_GROUP */

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  return g_str_has_suffix (path, suffix);
}

gboolean
_sportello_statistics_is_quartile (const char *path)
{
  return g_str_has_prefix (path, "assessments.by_category.") &&
         (has_suffix (path, ".p25") || has_suffix (path, ".p50") || has_suffix (path, ".p75"));
}

guint
_sportello_statistics_decimals_for (const char *path)
{
  if (g_str_equal (path, "consulting_hours"))
    return 2;
  if (g_str_equal (path, "events.attendance_rate"))
    return 4;
  if (g_str_equal (path, "assessments.mean_score") || g_str_equal (path, "assessments.mean_change") ||
      _sportello_statistics_is_quartile (path))
    return 1;
  return 0;
}

gboolean
_sportello_statistics_counts_firms (const char *path)
{
  return g_str_equal (path, "firms_served") || g_str_equal (path, "firms_new") ||
         g_str_has_prefix (path, "firms_by_") ||
         (g_str_has_prefix (path, "monthly.") && has_suffix (path, ".firms_served")) ||
         g_str_equal (path, "assessments.firms") || g_str_equal (path, "assessments.firms_compared") ||
         (g_str_has_prefix (path, "assessments.by_category.") && has_suffix (path, ".count"));
}

/* The count a mean, quartile or amount is made over; NULL for none */
char *
_sportello_statistics_weight_of (const char *path)
{
  if (g_str_equal (path, "assessments.mean_score"))
    return g_strdup ("assessments.firms");
  if (g_str_equal (path, "assessments.mean_change"))
    return g_strdup ("assessments.firms_compared");
  if (g_str_equal (path, "grant_applications.amount_requested"))
    return g_strdup ("grant_applications.submitted");
  if (g_str_equal (path, "grant_applications.amount_granted"))
    return g_strdup ("grant_applications.funded");
  if (_sportello_statistics_is_quartile (path))
    {
      g_autofree char *category = g_strndup (path, strlen (path) - 4);

      return g_strconcat (category, ".count", NULL);
    }
  return NULL;
}

gboolean
_sportello_statistics_too_few (double count)
{
  return count > 0 && count < SPORTELLO_STATISTICS_MIN_GROUP;
}

/* A group member's key: what the format allows ([A-Za-z0-9_-]), else "unknown" */
const char *
_sportello_statistics_member_key (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return "unknown";
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return "unknown";
  return id;
}

/* ---------------------------------------------------------- accessors ---- */

const char *
sportello_statistics_get_from (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);
  return self->from;
}

const char *
sportello_statistics_get_to (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);
  return self->to;
}

/* The hub's name ("" when not set); NULL for a network sum */
const char *
sportello_statistics_get_hub (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);
  return self->hub;
}

/**
 * sportello_statistics_get_figure:
 * @path: the figure's name in the file, "meetings.by_kind.desk"
 * @figure: (out) (optional): the figure
 *
 * Returns: whether there is such a figure (a group member that is not
 *   there counts no firm; the figure is then exact 0)
 */
gboolean
sportello_statistics_get_figure (SportelloStatistics *self,
                                 const char          *path,
                                 SportelloFigure     *figure)
{
  SportelloFigure *found;

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), FALSE);

  found = g_hash_table_lookup (self->figures, path);
  if (figure != NULL)
    {
      figure->state = found ? found->state : SPORTELLO_FIGURE_EXACT;
      figure->value = found ? found->value : 0;
    }
  return found != NULL;
}

/* The value of a figure; 0 when unknown or not there */
double
sportello_statistics_get_value (SportelloStatistics *self,
                                const char          *path)
{
  SportelloFigure figure;

  sportello_statistics_get_figure (self, path, &figure);
  return figure.value;
}

/**
 * sportello_statistics_dup_members:
 * @group: a group's path: "meetings.by_kind", "firms_by_province",
 *   "assessments.by_category", "monthly"
 *
 * Returns: (transfer full): the member names, in the file's order
 */
char **
sportello_statistics_dup_members (SportelloStatistics *self,
                                  const char          *group)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prefix = g_strconcat (group, ".", NULL);
  gsize length = strlen (prefix);

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);

  for (guint i = 0; i < self->paths->len; i++)
    {
      const char *path = g_ptr_array_index (self->paths, i);
      const char *dot;
      char *member;

      if (!g_str_has_prefix (path, prefix))
        continue;
      dot = strchr (path + length, '.');
      member = dot ? g_strndup (path + length, dot - (path + length)) : g_strdup (path + length);
      if (g_hash_table_add (seen, member))
        g_strv_builder_add (builder, member);
    }
  return g_strv_builder_end (builder);
}

/* How many hubs' figures these are: 1 for a hub's own */
guint
sportello_statistics_get_n_hubs (SportelloStatistics *self)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), 0);
  return MAX (self->hub_names->len, 1);
}

/* The name of the hub @index (as its file gives it, "" when it gives none) */
const char *
sportello_statistics_get_hub_name (SportelloStatistics *self,
                                   guint                index)
{
  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), NULL);

  if (self->hub_names->len == 0)
    return index == 0 ? self->hub : NULL;
  return index < self->hub_names->len ? g_ptr_array_index (self->hub_names, index) : NULL;
}
