/* journey-edit.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "journey-edit.h"

G_DEFINE_QUARK (journey-edit-error-quark, journey_edit_error)

/* What an undo label calls a touchpoint: its title, or its id without one. */
static const char *
touchpoint_name (JourneyTouchpoint *touchpoint)
{
  if (touchpoint->title != NULL && touchpoint->title[0] != '\0')
    return touchpoint->title;
  return touchpoint->id != NULL ? touchpoint->id : "";
}

double
journey_map_clamp_to_scale (JourneyMap *map,
                            double      value)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), value);

  if (isnan (value))
    return journey_scale_get_middle (map->scale);
  return CLAMP (value, (double) map->scale->min, (double) map->scale->max);
}

double
journey_map_clamp_to_timeline (JourneyMap *map,
                               double      time)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), time);

  if (isnan (time))
    return 0.0;
  return CLAMP (time, 0.0, journey_map_get_duration (map));
}

static gboolean
check_on_scale (JourneyMap  *map,
                double       value,
                GError     **error)
{
  if (journey_scale_contains (map->scale, value))
    return TRUE;

  g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_SCALE,
               _("%g is not on the map’s scale, from %d to %d"), value, map->scale->min, map->scale->max);
  return FALSE;
}

/* One undo step that sets a double property. */
static gboolean
set_double (JourneyHistory *history,
            gpointer        object,
            const char     *property,
            double          value,
            const char     *label)
{
  journey_history_begin_group (history, label);
  journey_history_set (history, object, property, value, NULL);
  journey_history_end_group (history);
  return TRUE;
}

/* The satisfaction and the target: a value on the map's scale, one step;
 * the target may also be NAN, for none. */
static gboolean
set_on_scale (JourneyHistory     *history,
              JourneyMap         *map,
              JourneyTouchpoint  *touchpoint,
              const char         *property,
              double              value,
              gboolean            none_allowed,
              const char         *label,
              GError            **error)
{
  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  if (!(none_allowed && isnan (value)) && !check_on_scale (map, value, error))
    return FALSE;

  return set_double (history, touchpoint, property, value, label);
}

/**
 * journey_edit_set_satisfaction:
 *
 * Sets how satisfied the customer is at @touchpoint, which must lie on the
 * map's scale.
 */
gboolean
journey_edit_set_satisfaction (JourneyHistory     *history,
                               JourneyMap         *map,
                               JourneyTouchpoint  *touchpoint,
                               double              value,
                               GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set Satisfaction of “%s”"), touchpoint_name (touchpoint));
  return set_on_scale (history, map, touchpoint, "satisfaction", value, FALSE, label, error);
}

/**
 * journey_edit_set_target:
 * @value: the to-be satisfaction on the map's scale, or NAN for none
 */
gboolean
journey_edit_set_target (JourneyHistory     *history,
                         JourneyMap         *map,
                         JourneyTouchpoint  *touchpoint,
                         double              value,
                         GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Set Target of “%s”"), touchpoint_name (touchpoint));
  return set_on_scale (history, map, touchpoint, "target", value, TRUE, label, error);
}

/**
 * journey_edit_set_time:
 *
 * Moves @touchpoint along the timeline; its stage follows from its time.
 */
gboolean
journey_edit_set_time (JourneyHistory     *history,
                       JourneyMap         *map,
                       JourneyTouchpoint  *touchpoint,
                       double              time,
                       GError            **error)
{
  g_autofree char *label = NULL;
  double duration;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);

  duration = journey_map_get_duration (map);
  if (!isfinite (time) || time < 0 || time > duration)
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_TIMELINE,
                   _("%g is not on the timeline, from 0 to %g"), time, duration);
      return FALSE;
    }

  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Move “%s”"), touchpoint_name (touchpoint));
  return set_double (history, touchpoint, "time", time, label);
}

static double
map_linearly (JourneyScale *from,
              JourneyScale *to,
              double        value)
{
  double f = journey_scale_fraction (from, value);

  return to->min + f * (to->max - to->min);
}

/**
 * journey_edit_set_scale:
 * @scale: the new scale; the map keeps a reference
 *
 * Changes the map's satisfaction scale, and maps every satisfaction, target
 * and evidence mean onto it linearly (SPEC §2), as one step.
 */
gboolean
journey_edit_set_scale (JourneyHistory  *history,
                        JourneyMap      *map,
                        JourneyScale    *scale,
                        GError         **error)
{
  JourneyScale *old;
  guint n_labels;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_SCALE (scale), FALSE);

  n_labels = g_strv_length (scale->labels);
  if (scale->min >= scale->max ||
      (gint64) scale->max - scale->min + 1 > JOURNEY_SCALE_MAX_STEPS ||
      (n_labels != 0 && n_labels != journey_scale_get_n_steps (scale)))
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("A scale needs a minimum below its maximum, at most %d steps and one label per step"),
                   JOURNEY_SCALE_MAX_STEPS);
      return FALSE;
    }

  old = g_object_ref (map->scale);

  journey_history_begin_group (history, _("Change Scale"));
  journey_history_set (history, map, "scale", scale, NULL);

  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (!isnan (tp->satisfaction))
        journey_history_set (history, tp, "satisfaction", map_linearly (old, scale, tp->satisfaction), NULL);
      if (!isnan (tp->target))
        journey_history_set (history, tp, "target", map_linearly (old, scale, tp->target), NULL);

      if (tp->evidence != NULL)
        {
          g_autoptr(JourneyEvidence) evidence = g_object_new (JOURNEY_TYPE_EVIDENCE,
                                                              "source", tp->evidence->source,
                                                              "responses", tp->evidence->responses,
                                                              "mean", map_linearly (old, scale, tp->evidence->mean),
                                                              "updated", tp->evidence->updated,
                                                              NULL);

          /* A histogram counts the old scale's steps; it no longer fits. */
          if (journey_scale_get_n_steps (old) == journey_scale_get_n_steps (scale))
            g_object_set (evidence, "histogram", tp->evidence->histogram, NULL);
          journey_item_set_extra (JOURNEY_ITEM (evidence), journey_item_get_extra (JOURNEY_ITEM (tp->evidence)));
          journey_history_set (history, tp, "evidence", evidence, NULL);
        }
    }

  journey_history_end_group (history);
  g_object_unref (old);
  return TRUE;
}
