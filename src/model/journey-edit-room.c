/* journey-edit-room.c: the facilitator's edits of what a workshop session
 * brought in (SPEC §10): adopting the room's rating as the satisfaction,
 * clearing it, and hiding or deleting a participant's comment.
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

/**
 * journey_edit_hide_comment:
 *
 * Hides @comment of @touchpoint from the participants of a session, or
 * shows it to them again: one step.  The comment stays in the document.
 *
 * Returns: whether it changed
 */
gboolean
journey_edit_hide_comment (JourneyHistory    *history,
                           JourneyTouchpoint *touchpoint,
                           JourneyComment    *comment,
                           gboolean           hidden)
{
  g_autofree char *label = NULL;
  gboolean changed;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);
  g_return_val_if_fail (JOURNEY_IS_COMMENT (comment), FALSE);

  if (!comment->hidden == !hidden)
    return FALSE;
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (hidden ? _("Hide a Comment on “%s”") : _("Show a Comment on “%s”"),
                           journey_touchpoint_get_display_name (touchpoint));
  journey_history_begin_group (history, label);
  changed = journey_history_set (history, comment, "hidden", hidden, NULL);
  journey_history_end_group (history);
  return changed;
}

/**
 * journey_edit_delete_comment:
 *
 * Deletes @comment of @touchpoint from the document: one step.
 *
 * Returns: whether it was one of @touchpoint's comments
 */
gboolean
journey_edit_delete_comment (JourneyHistory    *history,
                             JourneyTouchpoint *touchpoint,
                             JourneyComment    *comment)
{
  g_autofree char *label = NULL;
  guint position;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (touchpoint), FALSE);
  g_return_val_if_fail (JOURNEY_IS_COMMENT (comment), FALSE);

  if (!journey_list_find (touchpoint->comments, comment, &position))
    return FALSE;
  /* Translators: an undo step; %s is a touchpoint's title */
  label = g_strdup_printf (_("Delete a Comment on “%s”"), journey_touchpoint_get_display_name (touchpoint));
  journey_edit_list_remove (history, touchpoint->comments, position, label);
  return TRUE;
}
