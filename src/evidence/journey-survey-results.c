/* journey-survey-results.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The aggregates of a survey import, in its time window: per touchpoint,
 * the counts per survey step, the time span and the weekly trend. */

#define G_LOG_DOMAIN "journey-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-survey-import-private.h"

/* -- Results -------------------------------------------------------------- */

static void
add_bin (JourneySurveyResult *result,
         Bin                 *bin,
         guint                n_steps)
{
  result->responses += bin->responses;
  result->sum += bin->sum;
  for (guint s = 0; s < n_steps; s++)
    g_array_index (result->histogram, double, s) += bin->counts[s];
  if (bin->last != G_MININT64)
    {
      result->first = result->first == G_MININT64 ? bin->first : MIN (result->first, bin->first);
      result->last = MAX (result->last, bin->last);
    }
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = **(gint64 **) a;
  gint64 y = **(gint64 **) b;

  return x < y ? -1 : x > y;
}

static JourneySurveyResult *
collect (JourneySurveyImport *self,
         guint                index,
         gint64               from_day)
{
  Aggregate *aggregate = &self->aggregates[index];
  JourneySurveyResult *result = g_new0 (JourneySurveyResult, 1);
  g_autoptr(GPtrArray) days = g_ptr_array_new ();

  result->touchpoint = journey_list_peek (self->map->touchpoints, index);
  result->histogram = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (result->histogram, self->n_steps);
  result->weeks = g_array_new (FALSE, FALSE, sizeof (JourneySurveyWeek));
  result->first = result->last = G_MININT64;

  if (aggregate->untimed != NULL)
    add_bin (result, aggregate->untimed, self->n_steps);
  if (aggregate->days != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, aggregate->days);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (*(gint64 *) key >= from_day)
          g_ptr_array_add (days, key);
      g_ptr_array_sort (days, compare_days);
    }
  for (guint i = 0; i < days->len; i++)
    {
      gint64 day = *(gint64 *) g_ptr_array_index (days, i);
      Bin *bin = g_hash_table_lookup (aggregate->days, &day);
      /* Weeks begin on Monday; 1970-01-01 was a Thursday. */
      gint64 monday = day - ((day % 7 + 7 + 3) % 7);
      JourneySurveyWeek *week = result->weeks->len > 0
                                ? &g_array_index (result->weeks, JourneySurveyWeek, result->weeks->len - 1) : NULL;

      add_bin (result, bin, self->n_steps);
      if (week == NULL || week->day != monday)
        {
          g_array_append_val (result->weeks, ((JourneySurveyWeek) { monday, 0, 0 }));
          week = &g_array_index (result->weeks, JourneySurveyWeek, result->weeks->len - 1);
        }
      week->responses += bin->responses;
      week->sum += bin->sum;
    }
  return result;
}

void
journey_survey_result_free (JourneySurveyResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->histogram);
  g_array_unref (result->weeks);
  g_free (result);
}

/**
 * journey_survey_import_get_results:
 * @newest: (out) (optional): the newest response's time, or G_MININT64
 *
 * The aggregates so far, in the time window, one per touchpoint that has
 * responses.
 *
 * Returns: (transfer container) (element-type JourneySurveyResult)
 */
GPtrArray *
journey_survey_import_get_results (JourneySurveyImport *self,
                                   gint64              *newest)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_survey_result_free);
  gint64 last = G_MININT64;
  gint64 from_day = G_MININT64;

  for (guint i = 0; i < self->n_touchpoints; i++)
    if (self->aggregates[i].days != NULL)
      {
        GHashTableIter iter;
        gpointer value;

        g_hash_table_iter_init (&iter, self->aggregates[i].days);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          last = MAX (last, ((Bin *) value)->last);
      }
  /* --last-days N: the N days up to the newest response in the file. */
  if (self->options.last_days > 0 && last != G_MININT64)
    from_day = last / 86400 - self->options.last_days + 1;

  for (guint i = 0; i < self->n_touchpoints; i++)
    {
      JourneySurveyResult *result = collect (self, i, from_day);

      if (result->responses > 0)
        g_ptr_array_add (results, result);
      else
        journey_survey_result_free (result);
    }
  if (newest != NULL)
    *newest = last;
  return results;
}
