/* journey-layout-update.c: a layout brought up to date with the cards that
 * moved, without laying the whole map out again: what a drag on a large
 * map needs on every motion of the pointer.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-layout-private.h"

/* Whether everything a layout is made of but its cards' places and values
 * is as the map has it: the touchpoints (by number and card), the stages
 * and their lengths, the lanes and the scale. */
static gboolean
frame_unchanged (JourneyLayout *self,
                 JourneyMap    *map)
{
  double start = 0;
  int min, max;

  if (journey_list_get_length (map->touchpoints) != self->n_touchpoints
      || journey_list_get_length (map->lanes) != self->n_lanes
      || journey_list_get_length (map->stages) != self->n_stages
      || self->n_stages == 0
      || journey_map_get_duration (map) != self->duration)
    return FALSE;

  journey_layout_band_range (map, &min, &max);
  if (min != self->band.min || max != self->band.max)
    return FALSE;

  for (guint l = 0; l < self->n_lanes; l++)
    if (self->lanes[l].lane != journey_list_peek (map->lanes, l))
      return FALSE;

  for (guint i = 0; i < self->n_stages; i++)
    {
      JourneyStage *stage = journey_list_peek (map->stages, i);

      if (self->stages[i].stage != stage || self->stages[i].start != start)
        return FALSE;
      start += journey_stage_get_span (stage);
    }

  /* The same touchpoints in the same order: the cards are theirs. */
  return journey_list_get_stamp (map->touchpoints) == self->touchpoints_stamp;
}

/**
 * journey_layout_find_card:
 * @touchpoint: (nullable): a touchpoint of the layout's map
 *
 * Returns: the index of @touchpoint's card, or -1 when it has none
 */
int
journey_layout_find_card (JourneyLayout     *self,
                          JourneyTouchpoint *touchpoint)
{
  /* Touchpoint → its card + 1, made when first asked. */
  if (self->card_of == NULL)
    {
      self->card_of = g_hash_table_new (NULL, NULL);
      for (guint c = 0; c < self->n_cards; c++)
        g_hash_table_insert (self->card_of, self->cards[c].touchpoint, GUINT_TO_POINTER (c + 1));
    }
  return touchpoint != NULL ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->card_of, touchpoint)) - 1 : -1;
}

/* Nothing changed yet by the update that begins. */
static void
begin_changes (JourneyLayoutChanges *changes)
{
  changes->generation++;
  changes->known = TRUE;
  if (changes->cards == NULL)
    {
      changes->cards = g_array_new (FALSE, FALSE, sizeof (guint));
      changes->handles = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  g_array_set_size (changes->cards, 0);
  g_array_set_size (changes->handles, 0);
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      changes->point_from[k] = G_MAXUINT;
      changes->point_to[k] = 0;
    }
  changes->flags = FALSE;
}

/* The layout's lane for a lane id: the first of that id, as the model has
 * it; -1 for none. */
static int
find_lane (JourneyLayout *self,
           const char    *id)
{
  if (id == NULL)
    return -1;
  for (guint l = 0; l < self->n_lanes; l++)
    if (g_strcmp0 (self->lanes[l].lane->id, id) == 0)
      return (int) l;
  return -1;
}

/**
 * journey_layout_update:
 * @self: a layout of its map
 * @project: (nullable): the map's project, for the names of channels
 * @changed: (array length=n_changed): touchpoints of the map
 * @n_changed: their number
 *
 * Brings @self up to date with its map when only the time, lane,
 * satisfaction or target of the touchpoints in @changed (or the rows the
 * style's hints ask for them) changed since it was made: their cards go
 * to their new places, the lanes they left and joined are packed into
 * rows again, so are the note lanes of their notes, the touchpoints are
 * numbered again, and the curves, handles and flags are
 * placed again.  Anything else (a title, a stage's length, the scale, a
 * touchpoint added) needs a new layout: journey_layout_update() notices
 * the changes to the frame it can see cheaply (stages, lanes, scale, the
 * number of touchpoints) but not a changed title or channel.
 *
 * Without a fixed scale of time in the style, a card that moved in time or
 * lane would change the scale: the update gives up.  So it does when a
 * lane or note lane would need another height, or the legend other
 * entries.
 *
 * Returns: %TRUE when @self is up to date; %FALSE when the map must be laid
 *   out anew, @self then being only fit to be freed
 */
gboolean
journey_layout_update (JourneyLayout            *self,
                       JourneyProject           *project,
                       JourneyTouchpoint *const *changed,
                       guint                     n_changed)
{
  JourneyMap *map = self->map;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GArray) cards = NULL;
  g_autofree gboolean *lanes = NULL;
  g_autofree JourneyRect *before = NULL;
  gboolean moved = FALSE;
  gboolean had_flags = self->n_flags > 0;
  gboolean had_rooms = self->n_rooms > 0;
  gboolean rooms_disagreed = journey_layout_rooms_disagree (self);
  guint had_points[JOURNEY_N_CURVES];

  g_return_val_if_fail (self != NULL, FALSE);

  if (!frame_unchanged (self, map))
    return FALSE;
  begin_changes (&self->changes);
  if (n_changed == 0)
    return TRUE;

  /* Touchpoint → its card + 1, made once for the updates of a drag. */
  journey_layout_find_card (self, NULL);

  /* First what cannot be done here; nothing has changed yet.  A
   * touchpoint without a card that now has a lane would get one. */
  seen = g_hash_table_new (NULL, NULL);
  cards = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_changed; i++)
    {
      JourneyTouchpoint *tp = changed[i];
      guint c;

      if (!g_hash_table_add (seen, tp))
        continue;
      c = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_of, tp));
      if (c == 0)
        {
          if (find_lane (self, tp->lane) >= 0)
            return FALSE;
          continue;
        }
      c--;
      if (find_lane (self, tp->lane) < 0 || (tp->weight == JOURNEY_WEIGHT_MAJOR) != self->cards[c].major)
        return FALSE;
      g_array_append_val (cards, c);
    }

  /* The cards to their times and lanes. */
  lanes = g_new0 (gboolean, MAX (self->n_lanes, 1));
  for (guint i = 0; i < cards->len; i++)
    {
      JourneyLayoutCard *card = &self->cards[g_array_index (cards, guint, i)];
      JourneyTouchpoint *tp = card->touchpoint;
      int lane = find_lane (self, tp->lane);
      double left = journey_layout_card_left (self, card);

      if (lane != card->lane || left != card->rect.x || journey_layout_card_pin_moved (self, card))
        {
          if (!(self->style.fixed_px_per_unit > 0))
            return FALSE;
          if (before == NULL)
            {
              before = g_new (JourneyRect, MAX (self->n_cards, 1));
              for (guint k = 0; k < self->n_cards; k++)
                before[k] = self->cards[k].rect;
            }
          lanes[card->lane] = lanes[lane] = TRUE;
          card->rect.x = left;
          card->lane = lane;
          moved = TRUE;
          self->changes.known = FALSE;
        }
      card->stage = journey_map_get_stage_at (map, clampd (tp->time, 0, self->duration));
    }

  /* The rows of the lanes they left and joined, each lane where it is. */
  /* What the cards that moved show, where they are now. */
  if (moved)
    {
      g_autoptr(GHashTable) channels = NULL;
      JourneyText *text = journey_text_get_for_thread (self->style.font_family);

      g_autofree gboolean *shifted = g_new0 (gboolean, MAX (self->n_cards, 1));

      if (!journey_layout_restack_lanes (self, lanes))
        return FALSE;
      channels = journey_layout_index_channels (project);
      for (guint c = 0; c < self->n_cards; c++)
        if (memcmp (&self->cards[c].rect, &before[c], sizeof (JourneyRect)) != 0)
          {
            journey_layout_fill_card (self, text, &self->cards[c], channels);
            shifted[c] = self->cards[c].rect.x != before[c].x;
          }
      /* Their notes follow them along the timeline. */
      if (!journey_layout_move_notes (self, shifted))
        return FALSE;
    }

  /* Numbers follow the order in time. */
  g_array_append_vals (self->changes.cards, cards->data, cards->len);
  journey_layout_renumber_cards (self, map, changed, n_changed);

  /* The curves through the cards where they are now. */
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    had_points[k] = self->curves[k].n_points;
  if (moved)
    {
      GArray *order = journey_map_update_curve_indices (map, self->curve_order, changed, n_changed);

      g_array_unref (self->curve_order);
      self->curve_order = order;
    }
  if (moved || !journey_layout_patch_curves (self, (const guint *) (gpointer) cards->data, cards->len))
    {
      journey_layout_place_curves (self, map);
      self->changes.known = FALSE;
    }
  journey_layout_place_rooms (self);

  /* The legend lists the curves drawn, whether a gap is flagged, and
   * the room's rating. */
  if ((self->n_flags > 0) != had_flags || (self->n_rooms > 0) != had_rooms
      || journey_layout_rooms_disagree (self) != rooms_disagreed)
    return FALSE;
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    if ((self->curves[k].n_points > 0) != (had_points[k] > 0))
      return FALSE;

  return TRUE;
}
