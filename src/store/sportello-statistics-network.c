/* sportello-statistics-network.c: the network's figures: the hubs' files summed, a score against them
 *
 * Copyright 2026 The Sportello authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sportello-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sportello-statistics-private.h"

static gboolean
is_mean (const char *path)
{
  return g_str_equal (path, "assessments.mean_score") || g_str_equal (path, "assessments.mean_change") ||
         _sportello_statistics_is_quartile (path);
}

/* The count a mean is weighted by in the network's sum */
static char *
sum_weight_of (const char *path)
{
  if (g_str_equal (path, "assessments.mean_score"))
    return g_strdup ("assessments.total");
  return _sportello_statistics_weight_of (path);
}

static void
sum_mean (SportelloStatistics  *self,
          const char           *path,
          SportelloStatistics **hubs,
          guint                 n_hubs)
{
  g_autofree char *weight = sum_weight_of (path);
  double num = 0, den = 0;
  gboolean partial = FALSE;

  for (guint i = 0; i < n_hubs; i++)
    {
      SportelloFigure *w = g_hash_table_lookup (hubs[i]->figures, weight);
      SportelloFigure *v = g_hash_table_lookup (hubs[i]->figures, path);

      if (w == NULL || (w->state != SPORTELLO_FIGURE_UNKNOWN && w->value == 0))
        continue;
      if (w->state == SPORTELLO_FIGURE_UNKNOWN || v == NULL || v->state == SPORTELLO_FIGURE_UNKNOWN)
        {
          partial = TRUE;
          continue;
        }
      partial |= v->state != SPORTELLO_FIGURE_EXACT || w->state != SPORTELLO_FIGURE_EXACT;
      num += v->value * w->value;
      den += w->value;
    }

  if (den == 0)
    _sportello_statistics_put_unknown (self, path);
  else
    _sportello_statistics_put_figure (self, path, partial ? SPORTELLO_FIGURE_PARTIAL : SPORTELLO_FIGURE_EXACT,
                                      round (num / den * 10) / 10);
}

/**
 * sportello_statistics_sum:
 * @hubs: (array length=n_hubs): the statistics of each hub
 *
 * The network's figures: counts and sums added up. Where a hub wrote
 * null the sum is a lower bound (%SPORTELLO_FIGURE_AT_LEAST, “almeno”);
 * means and quartiles are weighted by their counts over the hubs that
 * give them (%SPORTELLO_FIGURE_PARTIAL when some did not); the network's
 * quartiles are so an estimate, not the quartiles of every firm. The
 * period runs from the earliest start to the latest end.
 *
 * Returns: (transfer full): the sum
 */
SportelloStatistics *
sportello_statistics_sum (SportelloStatistics **hubs,
                          guint                 n_hubs)
{
  SportelloStatistics *self = g_object_new (SPORTELLO_TYPE_STATISTICS, NULL);

  for (guint i = 0; i < n_hubs; i++)
    {
      SportelloStatistics *hub = hubs[i];

      g_return_val_if_fail (SPORTELLO_IS_STATISTICS (hub), self);

      if (self->from == NULL || strcmp (hub->from, self->from) < 0)
        g_set_str (&self->from, hub->from);
      if (self->to == NULL || strcmp (hub->to, self->to) > 0)
        g_set_str (&self->to, hub->to);
      for (guint h = 0; h < hub->hub_names->len; h++)
        g_ptr_array_add (self->hub_names, g_strdup (g_ptr_array_index (hub->hub_names, h)));

      /* every path, in the order it first appears */
      for (guint p = 0; p < hub->paths->len; p++)
        {
          const char *path = g_ptr_array_index (hub->paths, p);
          SportelloFigure *figure = g_hash_table_lookup (hub->figures, path);
          SportelloFigure *sum = g_hash_table_lookup (self->figures, path);
          SportelloFigureState state;

          if (sum == NULL)
            {
              _sportello_statistics_put (self, path, 0);
              sum = g_hash_table_lookup (self->figures, path);
            }
          state = sum->state;
          if (figure->state != SPORTELLO_FIGURE_EXACT)
            state = SPORTELLO_FIGURE_AT_LEAST;
          _sportello_statistics_put_figure (self, path, state, sum->value + figure->value);
        }
    }
  if (self->from == NULL)
    {
      sportello_statistics_this_year (&self->from, &self->to);
    }

  /* a figure nobody knows stays unknown; means and the rate are made again */
  for (guint p = 0; p < self->paths->len; p++)
    {
      const char *path = g_ptr_array_index (self->paths, p);
      SportelloFigure *sum = g_hash_table_lookup (self->figures, path);

      if (is_mean (path))
        sum_mean (self, path, hubs, n_hubs);
      else if (g_str_equal (path, "events.attendance_rate"))
        {
          SportelloFigure *attended = g_hash_table_lookup (self->figures, "events.attended");
          SportelloFigure *registrations = g_hash_table_lookup (self->figures, "events.registrations");

          if (attended == NULL || registrations == NULL || registrations->value == 0)
            _sportello_statistics_put_unknown (self, path);
          else
            _sportello_statistics_put_figure (self, path,
                                              attended->state == SPORTELLO_FIGURE_EXACT && registrations->state == SPORTELLO_FIGURE_EXACT
                                                ? SPORTELLO_FIGURE_EXACT : SPORTELLO_FIGURE_PARTIAL,
                                              round (attended->value / registrations->value * 10000) / 10000);
        }
      else if (sum->state == SPORTELLO_FIGURE_AT_LEAST)
        {
          gboolean any_known = FALSE;

          for (guint i = 0; i < n_hubs && !any_known; i++)
            {
              SportelloFigure *f = g_hash_table_lookup (hubs[i]->figures, path);

              any_known = f == NULL || f->state != SPORTELLO_FIGURE_UNKNOWN;
            }
          if (!any_known)
            _sportello_statistics_put_unknown (self, path);
        }
    }

  return self;
}

/**
 * sportello_statistics_score_band:
 * @self: the network's statistics (or one hub's)
 * @category: the firm's category id
 * @score: its score, 0 to 100
 *
 * Where @score stands against the quartiles of the firms of @category:
 * a band, never the other firms' scores.
 */
SportelloScoreBand
sportello_statistics_score_band (SportelloStatistics *self,
                                 const char          *category,
                                 double               score)
{
  double q[3];
  const char *names[] = { "p25", "p50", "p75" };

  g_return_val_if_fail (SPORTELLO_IS_STATISTICS (self), SPORTELLO_SCORE_BAND_UNKNOWN);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("assessments.by_category.%s.%s",
                                               _sportello_statistics_member_key (category), names[i]);
      SportelloFigure *figure = g_hash_table_lookup (self->figures, path);

      if (figure == NULL || figure->state == SPORTELLO_FIGURE_UNKNOWN)
        return SPORTELLO_SCORE_BAND_UNKNOWN;
      q[i] = figure->value;
    }

  if (score < q[0])
    return SPORTELLO_SCORE_BAND_BOTTOM;
  if (score < q[1])
    return SPORTELLO_SCORE_BAND_LOWER_MIDDLE;
  if (score < q[2])
    return SPORTELLO_SCORE_BAND_UPPER_MIDDLE;
  return SPORTELLO_SCORE_BAND_TOP;
}

const char *
sportello_score_band_label (SportelloScoreBand band)
{
  switch (band)
    {
    case SPORTELLO_SCORE_BAND_BOTTOM:
      return _("In the lowest quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_LOWER_MIDDLE:
      return _("In the second quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_UPPER_MIDDLE:
      return _("In the third quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_TOP:
      return _("In the highest quarter of the firms of its category in the network");
    case SPORTELLO_SCORE_BAND_UNKNOWN:
    default:
      return _("Too few firms of its category in the network to compare");
    }
}
