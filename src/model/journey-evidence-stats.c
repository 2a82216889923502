/* journey-evidence-stats.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the evidence of a touchpoint says: the mean and its interval, the
 * survey's own metric, the ranking of gaps, adopting the measurement. */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-edit-evidence.h"
#include "journey-evidence-stats.h"

/* Adds the responses of a histogram on @scale, each at its value on @map. */
static void
accumulate (GArray       *histogram,
            JourneyScale *scale,
            JourneyScale *map,
            double       *n,
            double       *sum,
            double       *squares)
{
  for (guint s = 0; s < histogram->len; s++)
    {
      double count = g_array_index (histogram, int, s);
      double value = journey_evidence_map_value (scale, map, scale->min + (double) s);

      *n += count;
      *sum += count * value;
      *squares += count * value * value;
    }
}

static JourneyEvidenceMetric
metric_of (JourneyScale *scale)
{
  if (scale->min == 0 && scale->max == 10)
    return JOURNEY_EVIDENCE_METRIC_NPS;
  if (scale->min == 1 && scale->max == 7)
    return JOURNEY_EVIDENCE_METRIC_CES;
  if (journey_scale_get_n_steps (scale) > JOURNEY_SCALE_MAX_STEPS)
    return JOURNEY_EVIDENCE_METRIC_NONE;
  return JOURNEY_EVIDENCE_METRIC_CSAT;
}

static double
metric_score (JourneyEvidenceMetric metric,
              JourneyScale         *scale,
              GArray               *histogram)
{
  double n = 0, top = 0, bottom = 0, sum = 0;
  guint steps = histogram->len;

  for (guint s = 0; s < steps; s++)
    {
      double count = g_array_index (histogram, int, s);
      int value = scale->min + (int) s;

      n += count;
      sum += count * value;
      if (metric == JOURNEY_EVIDENCE_METRIC_NPS)
        {
          top += value >= 9 ? count : 0;
          bottom += value <= 6 ? count : 0;
        }
      else if (s + 2 >= steps)
        top += count;
    }
  if (n == 0)
    return NAN;
  switch (metric)
    {
    case JOURNEY_EVIDENCE_METRIC_NONE:
      return NAN;
    case JOURNEY_EVIDENCE_METRIC_NPS:
      return 100 * (top - bottom) / n;
    case JOURNEY_EVIDENCE_METRIC_CES:
      return sum / n;
    case JOURNEY_EVIDENCE_METRIC_CSAT:
    default:
      return 100 * top / n;
    }
}

/**
 * journey_evidence_get_survey_histogram:
 * @scale: (out) (transfer none): the scale of the histogram
 *
 * The survey's own histogram of @evidence: the sum of its parts' survey
 * histograms when every part has the same survey scale (a part without
 * one is on the map's), else the histogram on the map's scale.
 *
 * Returns: (transfer full) (nullable): a new array of int, one per step
 *   of *@scale, or %NULL when a part's histogram does not fit its scale
 */
GArray *
journey_evidence_get_survey_histogram (JourneyEvidence *evidence,
                                       JourneyScale    *map_scale,
                                       JourneyScale   **scale)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) total = NULL;
  JourneyScale *survey = NULL;

  g_return_val_if_fail (JOURNEY_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (JOURNEY_IS_SCALE (map_scale), NULL);

  parts = journey_evidence_get_parts (evidence);
  for (guint i = 0; i < parts->len; i++)
    {
      JourneyEvidencePart *part = g_ptr_array_index (parts, i);
      JourneyScale *own = part->survey_scale != NULL ? part->survey_scale : map_scale;
      GArray *histogram = part->survey_scale != NULL ? part->survey_histogram : part->histogram;

      if (histogram->len != journey_scale_get_n_steps (own))
        return NULL;
      if (survey == NULL)
        {
          survey = own;
          total = g_array_copy (histogram);
        }
      else if (own->min == survey->min && own->max == survey->max)
        for (guint s = 0; s < histogram->len; s++)
          g_array_index (total, int, s) += g_array_index (histogram, int, s);
      else
        {
          /* Surveys of different scales meet on the map's. */
          if (evidence->histogram->len != journey_scale_get_n_steps (map_scale))
            return NULL;
          g_clear_pointer (&total, g_array_unref);
          total = g_array_copy (evidence->histogram);
          survey = map_scale;
          break;
        }
    }
  if (survey == NULL)
    return NULL;
  *scale = survey;
  return g_steal_pointer (&total);
}

/**
 * journey_evidence_summarize:
 *
 * The interval is the normal one, mean ± 1.96 standard errors, from the
 * responses at the values of their steps.  The metric is the one that
 * fits the scale of journey_evidence_get_survey_histogram(), computed
 * from that histogram.
 *
 * Returns: FALSE when @evidence has no histogram to summarize
 */
gboolean
journey_evidence_summarize (JourneyEvidence        *evidence,
                            JourneyScale           *map_scale,
                            JourneyEvidenceSummary *summary)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) survey_histogram = NULL;
  JourneyScale *survey = NULL;
  double n = 0, sum = 0, squares = 0, half;

  g_return_val_if_fail (JOURNEY_IS_EVIDENCE (evidence), FALSE);

  survey_histogram = journey_evidence_get_survey_histogram (evidence, map_scale, &survey);
  if (survey_histogram == NULL)
    return FALSE;
  parts = journey_evidence_get_parts (evidence);
  for (guint i = 0; i < parts->len; i++)
    {
      JourneyEvidencePart *part = g_ptr_array_index (parts, i);
      JourneyScale *scale = part->survey_scale != NULL ? part->survey_scale : map_scale;
      GArray *histogram = part->survey_scale != NULL ? part->survey_histogram : part->histogram;

      accumulate (histogram, scale, map_scale, &n, &sum, &squares);
    }
  if (n == 0)
    return FALSE;

  summary->responses = evidence->responses;
  summary->mean = evidence->mean;
  half = n > 1 ? 1.96 * sqrt (MAX (0, (squares - sum * sum / n) / (n - 1)) / n) : 0;
  summary->low = MAX (map_scale->min, evidence->mean - half);
  summary->high = MIN (map_scale->max, evidence->mean + half);
  summary->thin = journey_evidence_is_thin (evidence);
  summary->metric = metric_of (survey);
  summary->score = metric_score (summary->metric, survey, survey_histogram);
  return TRUE;
}

static int
compare_weeks (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(JourneyEvidenceWeek **) a)->week, (*(JourneyEvidenceWeek **) b)->week);
}

/**
 * journey_evidence_get_trend:
 *
 * The weekly trend of @evidence: the weeks of all its parts, a week that
 * several parts have once, with their responses and the mean of them all.
 *
 * Returns: (transfer container) (element-type JourneyEvidenceWeek): new
 *   weeks, the oldest first; empty when no part has times
 */
GPtrArray *
journey_evidence_get_trend (JourneyEvidence *evidence)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GHashTable) by_week = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *trend = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (JOURNEY_IS_EVIDENCE (evidence), trend);

  parts = journey_evidence_get_parts (evidence);
  for (guint i = 0; i < parts->len; i++)
    {
      JourneyEvidencePart *part = g_ptr_array_index (parts, i);

      for (guint w = 0; w < journey_list_get_length (part->weeks); w++)
        {
          JourneyEvidenceWeek *week = journey_list_peek (part->weeks, w);
          JourneyEvidenceWeek *sum = g_hash_table_lookup (by_week, week->week);

          if (week->responses <= 0)
            continue;
          if (sum == NULL)
            {
              sum = g_object_new (JOURNEY_TYPE_EVIDENCE_WEEK, "week", week->week, NULL);
              g_ptr_array_add (trend, sum);
              g_hash_table_insert (by_week, sum->week, sum);
            }
          /* The mean summed by weight here, divided below. */
          sum->mean += week->mean * week->responses;
          sum->responses = (int) MIN ((gint64) sum->responses + week->responses, G_MAXINT);
        }
    }
  for (guint i = 0; i < trend->len; i++)
    {
      JourneyEvidenceWeek *week = g_ptr_array_index (trend, i);

      week->mean /= week->responses;
    }
  g_ptr_array_sort (trend, compare_weeks);
  return trend;
}

double
journey_evidence_get_gap (JourneyMap        *map,
                          JourneyTouchpoint *touchpoint)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NAN);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), NAN);

  if (touchpoint->evidence == NULL)
    return NAN;
  return touchpoint->evidence->mean - journey_map_get_satisfaction (map, touchpoint);
}

char *
journey_evidence_format_gap (double gap)
{
  g_autofree char *number = journey_scale_format_number (fabs (gap));

  if (g_str_equal (number, "0") || !isfinite (gap))
    return g_steal_pointer (&number);
  return g_strconcat (gap > 0 ? "+" : "\u2212", number, NULL);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  JourneyMap *map = user_data;
  JourneyTouchpoint *x = *(JourneyTouchpoint **) a;
  JourneyTouchpoint *y = *(JourneyTouchpoint **) b;
  double gx = fabs (journey_evidence_get_gap (map, x));
  double gy = fabs (journey_evidence_get_gap (map, y));

  return gx < gy ? 1 : gx > gy ? -1 : 0;
}

GPtrArray *
journey_evidence_rank_gaps (JourneyMap *map)
{
  GPtrArray *ranked = g_ptr_array_new ();

  g_return_val_if_fail (JOURNEY_IS_MAP (map), ranked);

  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (tp->evidence != NULL)
        g_ptr_array_add (ranked, tp);
    }
  /* Stable: equal gaps keep the map's order. */
  g_ptr_array_sort_with_data (ranked, compare_gaps, map);
  return ranked;
}

void
journey_edit_adopt_evidence (JourneyHistory     *history,
                             JourneyMap         *map,
                             JourneyTouchpoint **touchpoints,
                             guint               n_touchpoints)
{
  g_autofree char *label = NULL;

  g_return_if_fail (JOURNEY_IS_HISTORY (history));

  if (n_touchpoints == 1)
    label = g_strdup_printf (_("Set satisfaction of “%s” to its measurement"),
                             journey_touchpoint_get_display_name (touchpoints[0]));
  else
    label = g_strdup (_("Set satisfaction to the measurements"));
  journey_history_begin_group (history, label);
  for (guint i = 0; i < n_touchpoints; i++)
    if (touchpoints[i]->evidence != NULL)
      journey_history_set (history, touchpoints[i], "satisfaction",
                           CLAMP (touchpoints[i]->evidence->mean, map->scale->min, map->scale->max), NULL);
  journey_history_end_group (history);
}

/**
 * journey_edit_follow_evidence_source:
 *
 * Follows the source @name of @map live, or stops following it: one undo
 * step (the window starts or stops watching its file as the source says).
 *
 * Returns: FALSE when @map has no such source, or it follows already so
 */
gboolean
journey_edit_follow_evidence_source (JourneyHistory *history,
                                     JourneyMap     *map,
                                     const char     *name,
                                     gboolean        follow)
{
  JourneyEvidenceSource *source;
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);

  source = journey_map_find_evidence_source (map, name, NULL);
  if (source == NULL || !source->follow == !follow)
    return FALSE;
  label = g_strdup_printf (follow ? _("Follow the source “%s”") : _("Stop following the source “%s”"), name);
  journey_history_begin_group (history, label);
  journey_history_set (history, source, "follow", follow, NULL);
  journey_history_end_group (history);
  return TRUE;
}
