/* journey-edit-room.c: the facilitator's edits of the room's rating (SPEC
 * §10): adopting it as the satisfaction, and clearing it.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "journey-edit-private.h"

/**
 * journey_room_disagrees:
 *
 * Returns: whether the room disagrees on @room: a spread of a fifth of
 *   @scale or more (SPEC §10), the same rule as a gap of evidence
 */
gboolean
journey_room_disagrees (JourneyRoom  *room,
                        JourneyScale *scale)
{
  g_return_val_if_fail (JOURNEY_IS_ROOM (room), FALSE);
  g_return_val_if_fail (JOURNEY_IS_SCALE (scale), FALSE);

  return journey_room_get_spread (room, scale) >= (scale->max - scale->min) / 5.0;
}

/**
 * journey_edit_adopt_room:
 * @touchpoints: (array length=n): touchpoints of @map
 *
 * Sets the satisfaction of each of @touchpoints that has a room's rating
 * to the room's mean: one step, "Adopt the Room's Rating".
 *
 * Returns: whether a satisfaction changed
 */
gboolean
journey_edit_adopt_room (JourneyHistory           *history,
                         JourneyMap               *map,
                         JourneyTouchpoint *const *touchpoints,
                         guint                     n)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);

  journey_history_begin_group (history, _("Adopt the Room’s Rating"));
  for (guint i = 0; i < n; i++)
    if (journey_touchpoint_has_room (touchpoints[i]))
      changed |= journey_history_set (history, touchpoints[i], "satisfaction",
                                      journey_map_clamp_to_scale (map, touchpoints[i]->room->mean), NULL);
  journey_history_end_group (history);
  return changed;
}

/**
 * journey_edit_clear_room:
 *
 * Clears the room's rating of every touchpoint of @map: one step, "Clear
 * the Room's Ratings".
 *
 * Returns: whether there was any
 */
gboolean
journey_edit_clear_room (JourneyHistory *history,
                         JourneyMap     *map)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);

  journey_history_begin_group (history, _("Clear the Room’s Ratings"));
  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      if (tp->room != NULL)
        changed |= journey_history_set (history, tp, "room", NULL, NULL);
    }
  journey_history_end_group (history);
  return changed;
}
