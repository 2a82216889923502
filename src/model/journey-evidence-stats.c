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
 * journey_evidence_summarize:
 *
 * The interval is the normal one, mean ± 1.96 standard errors, from the
 * responses at the values of their steps.  The metric comes from the
 * survey's own histograms when every part has the same survey scale, else
 * from the histogram on the map's scale (as CSAT).
 *
 * Returns: FALSE when @evidence has no histogram to summarize
 */
gboolean
journey_evidence_summarize (JourneyEvidence        *evidence,
                            JourneyScale           *map_scale,
                            JourneyEvidenceSummary *summary)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GArray) survey_total = NULL;
  JourneyScale *survey = NULL;
  gboolean same_survey = TRUE;
  double n = 0, sum = 0, squares = 0, half;

  g_return_val_if_fail (JOURNEY_IS_EVIDENCE (evidence), FALSE);

  parts = journey_evidence_get_parts (evidence);
  for (guint i = 0; i < parts->len; i++)
    {
      JourneyEvidencePart *part = g_ptr_array_index (parts, i);
      JourneyScale *scale = part->survey_scale != NULL ? part->survey_scale : map_scale;
      GArray *histogram = part->survey_scale != NULL ? part->survey_histogram : part->histogram;

      if (histogram->len != journey_scale_get_n_steps (scale))
        return FALSE;
      accumulate (histogram, scale, map_scale, &n, &sum, &squares);
      if (survey == NULL)
        {
          survey = scale;
          survey_total = g_array_copy (histogram);
        }
      else if (scale->min == survey->min && scale->max == survey->max)
        for (guint s = 0; s < histogram->len; s++)
          g_array_index (survey_total, int, s) += g_array_index (histogram, int, s);
      else
        same_survey = FALSE;
    }
  if (n == 0)
    return FALSE;

  summary->responses = evidence->responses;
  summary->mean = evidence->mean;
  half = n > 1 ? 1.96 * sqrt (MAX (0, (squares - sum * sum / n) / (n - 1)) / n) : 0;
  summary->low = MAX (map_scale->min, evidence->mean - half);
  summary->high = MIN (map_scale->max, evidence->mean + half);
  summary->thin = evidence->responses < JOURNEY_EVIDENCE_THIN;
  if (same_survey)
    {
      summary->metric = metric_of (survey);
      summary->score = metric_score (summary->metric, survey, survey_total);
    }
  else
    {
      summary->metric = JOURNEY_EVIDENCE_METRIC_CSAT;
      summary->score = metric_score (summary->metric, map_scale, evidence->histogram);
    }
  return TRUE;
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  JourneyMap *map = user_data;
  JourneyTouchpoint *x = *(JourneyTouchpoint **) a;
  JourneyTouchpoint *y = *(JourneyTouchpoint **) b;
  double gx = fabs (journey_map_get_satisfaction (map, x) - x->evidence->mean);
  double gy = fabs (journey_map_get_satisfaction (map, y) - y->evidence->mean);

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
