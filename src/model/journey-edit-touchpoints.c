/* journey-edit-touchpoints.c: the canvas's edits of touchpoints.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "journey-edit-private.h"
#include "journey-format.h"

static gboolean
check_time (double   time,
            GError **error)
{
  if (!isnan (time))
    return TRUE;

  g_set_error_literal (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                       _("A time must be a number"));
  return FALSE;
}

/* Starts the step that edits those of @touchpoints that @map holds, named
 * by @verb ("Delete “title”", "Delete 3 Touchpoints"), and returns their
 * positions in the map's order; NULL, with no step, when it holds none. */
static GArray *
begin_edit (JourneyHistory           *history,
            JourneyMap               *map,
            JourneyTouchpoint *const *touchpoints,
            guint                     n,
            JourneyEditVerb           verb)
{
  g_autoptr(GArray) positions = journey_edit_find_positions (map, touchpoints, n);
  g_autofree char *label = NULL;

  if (positions->len == 0)
    return NULL;

  label = journey_edit_label_touchpoints (verb, journey_edit_touchpoint_at (map, positions, 0), positions->len);
  journey_history_begin_group (history, label);
  return g_steal_pointer (&positions);
}

/**
 * journey_edit_move:
 * @touchpoints: (array length=n): touchpoints of @map; others are left alone
 * @dt: how far to move them in time
 * @dlane: how many lanes to move them down (up when negative)
 *
 * Moves touchpoints together, as one step "Move “title”" or "Move N
 * Touchpoints".  Each stops at the ends of the timeline and at the first
 * and last lane on its own; their stages follow their times.
 */
gboolean
journey_edit_move (JourneyHistory           *history,
                   JourneyMap               *map,
                   JourneyTouchpoint *const *touchpoints,
                   guint                     n,
                   double                    dt,
                   int                       dlane,
                   GError                  **error)
{
  g_autoptr(GArray) positions = NULL;
  gint64 last_lane;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (touchpoints != NULL || n == 0, FALSE);

  if (!check_time (dt, error))
    return FALSE;

  positions = begin_edit (history, map, touchpoints, n, JOURNEY_EDIT_MOVE);
  if (positions == NULL)
    return TRUE;

  last_lane = (gint64) journey_list_get_length (map->lanes) - 1;
  for (guint i = 0; i < positions->len; i++)
    {
      JourneyTouchpoint *tp = journey_edit_touchpoint_at (map, positions, i);
      int lane = journey_map_find_lane_index (map, tp->lane);

      journey_history_set (history, tp, "time", journey_map_clamp_to_timeline (map, tp->time + dt), NULL);
      if (dlane != 0 && lane >= 0)
        {
          gint64 to = CLAMP ((gint64) lane + dlane, 0, last_lane);
          JourneyLane *to_lane = journey_list_peek (map->lanes, (guint) to);

          journey_history_set (history, tp, "lane", to_lane->id, NULL);
        }
    }
  journey_history_end_group (history);
  return TRUE;
}

gboolean
journey_edit_check_lane (JourneyMap  *map,
                         JourneyLane *lane,
                         GError     **error)
{
  if (lane == NULL || journey_list_find (map->lanes, lane, NULL))
    return TRUE;

  g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
               _("The lane “%s” is not in the map “%s”"), journey_lane_get_display_name (lane),
               journey_map_get_display_name (map));
  return FALSE;
}

/**
 * journey_edit_place:
 * @lane: (nullable): a lane of @map, or %NULL to keep the touchpoint's lane
 *
 * Puts @touchpoint at @time (clamped to the timeline) in @lane, as one
 * step "Move “title”".
 */
gboolean
journey_edit_place (JourneyHistory     *history,
                    JourneyMap         *map,
                    JourneyTouchpoint  *touchpoint,
                    double              time,
                    JourneyLane        *lane,
                    GError            **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);
  g_return_val_if_fail (lane == NULL || JOURNEY_IS_LANE (lane), FALSE);

  if (!check_time (time, error) || !journey_edit_check_lane (map, lane, error))
    return FALSE;

  label = journey_edit_label_move (touchpoint, 1);

  journey_history_begin_group (history, label);
  journey_history_set (history, touchpoint, "time", journey_map_clamp_to_timeline (map, time), NULL);
  if (lane != NULL)
    journey_history_set (history, touchpoint, "lane", lane->id, NULL);
  journey_history_end_group (history);
  return TRUE;
}

/* The stage whose span holds @time, from the stages' starts (@starts has
 * @n + 1 entries, the last the end): as journey_map_get_stage_at(). */
static guint
stage_at (const double *starts,
          guint         n,
          double        time)
{
  for (guint i = 0; i < n; i++)
    if (time < starts[i + 1])
      return i;
  return n - 1;
}

/**
 * journey_edit_set_stage_length:
 * @length: a finite number greater than 0
 *
 * Changes how long @stage is, as one step "Resize “name”".  A touchpoint in
 * the stage keeps its place relative to it (the stage stretches or shrinks
 * under it); one in a later stage keeps its place in that stage, which
 * moves; one in an earlier stage stays.  So every touchpoint keeps its stage.
 */
gboolean
journey_edit_set_stage_length (JourneyHistory  *history,
                               JourneyMap      *map,
                               JourneyStage    *stage,
                               double           length,
                               GError         **error)
{
  g_autofree double *old_starts = NULL;
  g_autofree double *new_starts = NULL;
  g_autofree char *label = NULL;
  double old_length;
  guint index;
  guint n_stages;
  guint n;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (JOURNEY_IS_STAGE (stage), FALSE);

  if (!isfinite (length) || length <= 0)
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("A stage’s length must be a number greater than 0, not %g"), length);
      return FALSE;
    }
  if (!journey_list_find (map->stages, stage, &index))
    {
      g_set_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID,
                   _("The stage “%s” is not in the map “%s”"), journey_stage_get_display_name (stage),
                   journey_map_get_display_name (map));
      return FALSE;
    }

  /* Where each stage starts, before and after, summed as the map sums them
   * so that a touchpoint's stage comes out the same. */
  n_stages = journey_list_get_length (map->stages);
  old_starts = g_new (double, n_stages + 1);
  new_starts = g_new (double, n_stages + 1);
  old_starts[0] = new_starts[0] = 0.0;
  for (guint i = 0; i < n_stages; i++)
    {
      double span = journey_stage_get_span (journey_list_peek (map->stages, i));

      old_starts[i + 1] = old_starts[i] + span;
      new_starts[i + 1] = new_starts[i] + (i == index ? length : span);
    }
  old_length = journey_stage_get_span (stage);

  label = journey_edit_label_resize (stage);

  journey_history_begin_group (history, label);
  journey_history_set (history, stage, "length", length, NULL);

  n = journey_list_get_length (map->touchpoints);
  for (guint i = 0; i < n; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      guint j;
      double offset;
      double time;

      if (isnan (tp->time))
        continue;
      j = stage_at (old_starts, n_stages, tp->time);
      if (j < index)
        continue;

      offset = tp->time - old_starts[j];
      if (j == index)
        offset = offset * length / old_length;
      time = new_starts[j] + offset;

      /* Rounding must not carry it out of its stage. */
      if (j + 1 < n_stages)
        time = MIN (time, nextafter (new_starts[j + 1], -INFINITY));
      else
        time = MIN (time, new_starts[n_stages]);
      time = MAX (time, new_starts[j]);

      journey_history_set (history, tp, "time", time, NULL);
    }
  journey_history_end_group (history);
  return TRUE;
}

/**
 * journey_edit_add_touchpoint:
 * @lane: (nullable): a lane of @map; %NULL for the first lane
 * @title: (nullable): its title; %NULL for "New touchpoint"
 *
 * Adds a touchpoint at @time (clamped to the timeline), at the end of the
 * map's list, with a new id ("touchpoint-N"), satisfaction the middle of
 * the scale and weight minor, as one step "Add Touchpoint".
 *
 * Returns: (transfer none) (nullable): the new touchpoint, owned by @map;
 *   %NULL when @map has no lane
 */
JourneyTouchpoint *
journey_edit_add_touchpoint (JourneyHistory *history,
                             JourneyMap     *map,
                             JourneyLane    *lane,
                             double          time,
                             const char     *title)
{
  g_autoptr(JourneyTouchpoint) touchpoint = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);
  g_return_val_if_fail (lane == NULL || journey_list_find (map->lanes, lane, NULL), NULL);

  if (lane == NULL)
    {
      if (journey_list_get_length (map->lanes) == 0)
        return NULL;
      lane = journey_list_peek (map->lanes, 0);
    }

  id = journey_map_new_touchpoint_id (map, "touchpoint");
  touchpoint = g_object_new (JOURNEY_TYPE_TOUCHPOINT,
                             "id", id,
                             "title", title != NULL ? title : _("New touchpoint"),
                             "lane", lane->id,
                             "time", journey_map_clamp_to_timeline (map, time),
                             "satisfaction", journey_scale_get_middle (map->scale),
                             "weight", JOURNEY_WEIGHT_MINOR,
                             NULL);

  journey_edit_append (history, map->touchpoints, touchpoint, _("Add Touchpoint"));

  /* The map holds it now. */
  return touchpoint;
}

/**
 * journey_edit_delete:
 * @touchpoints: (array length=n): touchpoints of @map; others are left alone
 *
 * Deletes touchpoints, as one step "Delete “title”" or "Delete N
 * Touchpoints"; undo puts them back where they were in the map's list.
 *
 * Returns: %TRUE when a touchpoint was deleted
 */
gboolean
journey_edit_delete (JourneyHistory           *history,
                     JourneyMap               *map,
                     JourneyTouchpoint *const *touchpoints,
                     guint                     n)
{
  g_autoptr(GArray) positions = NULL;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (touchpoints != NULL || n == 0, FALSE);

  positions = begin_edit (history, map, touchpoints, n, JOURNEY_EDIT_DELETE);
  if (positions == NULL)
    return FALSE;

  /* From the last, so that the positions before stay true. */
  for (guint i = positions->len; i > 0; i--)
    journey_history_remove (history, map->touchpoints, g_array_index (positions, guint, i - 1));
  journey_history_end_group (history);
  return TRUE;
}

/**
 * journey_edit_duplicate:
 * @touchpoints: (array length=n): touchpoints of @map; others are left alone
 * @copies: (nullable) (element-type JourneyTouchpoint) (transfer full): where
 *   to append the copies, each with a reference of its own (give an array
 *   that frees with g_object_unref())
 *
 * Copies touchpoints with everything they hold, each with a new id made
 * from its own ("site" gives "site-2"), in the same lane at the same time,
 * at the end of the map's list, as one step "Duplicate “title”" or
 * "Duplicate N Touchpoints".
 *
 * Returns: %TRUE when a touchpoint was copied
 */
gboolean
journey_edit_duplicate (JourneyHistory           *history,
                        JourneyMap               *map,
                        JourneyTouchpoint *const *touchpoints,
                        guint                     n,
                        GPtrArray                *copies)
{
  g_autoptr(GArray) positions = NULL;
  JourneyIdAllocator ids;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);
  g_return_val_if_fail (touchpoints != NULL || n == 0, FALSE);

  positions = begin_edit (history, map, touchpoints, n, JOURNEY_EDIT_DUPLICATE);
  if (positions == NULL)
    return FALSE;

  journey_edit_id_allocator_init (&ids, map);
  for (guint i = 0; i < positions->len; i++)
    {
      JourneyTouchpoint *tp = journey_edit_touchpoint_at (map, positions, i);
      g_autoptr(JourneyTouchpoint) copy = journey_edit_item_copy (JOURNEY_ITEM (tp));
      g_autofree char *id = journey_edit_id_allocator_next (&ids, tp->id);

      g_object_set (copy, "id", id, NULL);
      journey_history_insert (history, map->touchpoints, journey_list_get_length (map->touchpoints), copy);
      if (copies != NULL)
        g_ptr_array_add (copies, g_object_ref (copy));
    }
  journey_history_end_group (history);
  journey_edit_id_allocator_clear (&ids);
  return TRUE;
}
