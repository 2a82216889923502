/* journey-canvas-drag.c: what the canvas's drags change (SPEC §9): cards
 * moved in time and across lanes, a handle's satisfaction or target, a
 * stage's length, and the cards a rubber band selects.  Each drag is one
 * step of the history; journey-canvas-input.c holds the gestures that
 * call these.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include "journey-canvas-private.h"
#include "journey-edit.h"

/* Pixels a card may stray sideways on its way to another lane and keep
 * its time. */
#define SAME_TIME_SLOP 12

/* The step's label for moving the cards of the drag. */
static char *
move_label (JourneyCanvas *self)
{
  return journey_edit_label_move (g_ptr_array_index (self->drag_touchpoints, 0), self->drag_touchpoints->len);
}

static void
begin_group (JourneyCanvas *self,
             const char    *label)
{
  if (!self->drag_grouped)
    {
      journey_history_begin_group (self->history, label);
      self->drag_grouped = TRUE;
    }
}

/* Remembers where the selected cards started. */
void
journey_canvas_start_moving_cards (JourneyCanvas *self)
{
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);

  g_ptr_array_set_size (self->drag_touchpoints, 0);
  g_array_set_size (self->drag_times, 0);
  g_array_set_size (self->drag_lanes, 0);
  g_array_set_size (self->drag_centres, 0);

  /* Every card stays in the row it has, unless a dragged one needs it;
   * the cards dropped before are pinned no longer. */
  g_hash_table_remove_all (self->row_hints);
  for (guint c = 0; c < self->layout->n_cards; c++)
    g_hash_table_insert (self->row_hints, self->layout->cards[c].touchpoint,
                         JOURNEY_ROW_HINT (self->layout->cards[c].lane, self->layout->cards[c].row, FALSE));

  for (guint i = 0; i < selection->len; i++)
    {
      JourneyTouchpoint *tp = g_ptr_array_index (selection, i);
      int lane = tp->lane ? journey_map_find_lane_index (self->map, tp->lane) : -1;
      int card = journey_canvas_card_of (self, tp);
      double centre = card >= 0 ? self->layout->cards[card].rect.y + self->layout->cards[card].rect.height / 2 : NAN;

      g_ptr_array_add (self->drag_touchpoints, tp);
      g_array_append_val (self->drag_times, tp->time);
      g_array_append_val (self->drag_lanes, lane);
      g_array_append_val (self->drag_centres, centre);
      if (tp == self->drag_touchpoint)
        self->drag_left = card >= 0 ? self->layout->cards[card].rect.x : NAN;
    }
}

/* The frame after cards moved: the map keeps its size (the scrolled
 * window need not measure it again) but when a lane needs another row. */
static gboolean
check_size (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  self->size_tick = 0;
  journey_canvas_update_layout (self);
  if (self->layout == NULL || self->layout->width != self->moved_width
      || self->layout->height != self->moved_height)
    gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

/* Only the time, lane or values of the touchpoints in self->changed
 * changed (a drag): the layout can follow them without starting again. */
void
journey_canvas_cards_moved (JourneyCanvas *self)
{
  gboolean only = !self->layout_dirty || self->cards_moved_only;

  if (!only || self->layout == NULL)
    {
      journey_canvas_map_changed (self);
      self->cards_moved_only = only;
      return;
    }

  /* Measuring the map, which a resize would, is most of a drag step on a
   * large one: the canvas is allocated again (its accessible cards move),
   * and before the frame's layout the map's size is checked. */
  if (self->size_tick == 0)
    {
      self->moved_width = self->layout->width;
      self->moved_height = self->layout->height;
      self->size_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), check_size, NULL, NULL);
    }
  self->layout_dirty = TRUE;
  self->cards_moved_only = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A dragged card goes into the row of @lane under its middle, @y, and
 * stays there after the drop: the point of the card that was taken stays
 * under the pointer, and the other cards make room around it. */
static void
pin_to_row (JourneyCanvas     *self,
            JourneyTouchpoint *tp,
            int                lane,
            double             y)
{
  if (lane < 0 || (guint) lane >= self->layout->n_lanes || !isfinite (y))
    return;
  g_hash_table_insert (self->row_hints, tp,
                       JOURNEY_ROW_HINT (lane, journey_layout_row_at (self->layout, (guint) lane, y, tp), TRUE));
}

void
journey_canvas_update_card_drag (JourneyCanvas   *self,
                                 double           map_x,
                                 double           map_y,
                                 GdkModifierType  state)
{
  JourneyTouchpoint *lead = self->drag_touchpoint;
  guint n_lanes = journey_list_get_length (self->map->lanes);
  double lead_time = 0, new_time, dt;
  int lead_lane = -1, pointer_lane, dlane;
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->drag_touchpoints->len; i++)
    if (g_ptr_array_index (self->drag_touchpoints, i) == lead)
      {
        lead_time = g_array_index (self->drag_times, double, i);
        lead_lane = g_array_index (self->drag_lanes, int, i);
      }

  /* In time with the pointer, at the scale the drag began with: the
   * card's edge as far from where it was as the pointer is, even near
   * the ends of the timeline, where cards are squeezed in; a card taken
   * straight up or down to another lane keeps its time, on the grid or
   * not. */
  if (fabs (map_x - self->drag_x) * self->zoom < SAME_TIME_SLOP)
    dt = 0;
  else
    {
      int card = journey_canvas_card_of (self, lead);

      new_time = card >= 0 && isfinite (self->drag_left)
                 ? journey_layout_time_for_card_left (self->layout, &self->layout->cards[card],
                                                      self->drag_left + map_x - self->drag_x)
                 : lead_time + (map_x - self->drag_x) / self->drag_px_per_unit;
      new_time = journey_canvas_snap (self, new_time, journey_canvas_snapping (self, state));
      dt = new_time - lead_time;
    }

  /* To the lane under the pointer. */
  pointer_lane = CLAMP (journey_canvas_lane_at (self, map_y), 0, (int) n_lanes - 1);
  dlane = lead_lane >= 0 ? pointer_lane - lead_lane : 0;
  self->drop_lane = lead_lane >= 0 && dlane != 0 ? pointer_lane : -1;

  label = move_label (self);
  begin_group (self, label);
  for (guint i = 0; i < self->drag_touchpoints->len; i++)
    {
      JourneyTouchpoint *tp = g_ptr_array_index (self->drag_touchpoints, i);
      int lane = g_array_index (self->drag_lanes, int, i);
      JourneyLane *to = NULL;

      if (lane >= 0)
        to = journey_list_peek (self->map->lanes, (guint) CLAMP (lane + dlane, 0, (int) n_lanes - 1));
      journey_edit_place (self->history, self->map, tp, g_array_index (self->drag_times, double, i) + dt, to, NULL);
      pin_to_row (self, tp, lane >= 0 ? CLAMP (lane + dlane, 0, (int) n_lanes - 1) : -1,
                  g_array_index (self->drag_centres, double, i) + self->drag_dy);
      g_ptr_array_add (self->changed, tp);
    }
}

void
journey_canvas_update_value_drag (JourneyCanvas *self,
                                  double         map_y)
{
  JourneyTouchpoint *tp = self->drag_touchpoint;
  double value = journey_layout_value_for_y (self->layout, map_y);
  g_autofree char *label = NULL;

  /* Tenths of a step: as fine as a hand on a projector can aim. */
  value = journey_map_clamp_to_scale (self->map, round (value * 10) / 10);
  self->drag_value = value;

  label = journey_edit_label_set_on_scale (tp, self->drag == DRAG_TARGET);
  begin_group (self, label);
  if (self->drag == DRAG_SATISFACTION)
    journey_edit_set_satisfaction (self->history, self->map, tp, value, NULL);
  else
    journey_edit_set_target (self->history, self->map, tp, value, NULL);
  g_ptr_array_add (self->changed, tp);
}

void
journey_canvas_update_stage_drag (JourneyCanvas   *self,
                                  double           map_x,
                                  GdkModifierType  state)
{
  JourneyStage *stage = journey_list_peek (self->map->stages, self->drag_stage);
  double length = self->drag_length + (map_x - self->drag_x) / self->drag_px_per_unit;
  double step = journey_canvas_snap_step (self);
  g_autofree char *label = NULL;

  if (journey_canvas_snapping (self, state) && step > 0)
    length = round (length / step) * step;
  length = MAX (length, step > 0 ? step : 0.05);

  label = journey_edit_label_resize (stage);
  begin_group (self, label);
  journey_edit_set_stage_length (self->history, self->map, stage, length, NULL);
  self->frame_dirty = TRUE;
}

void
journey_canvas_update_band (JourneyCanvas *self,
                            double         map_x,
                            double         map_y,
                            gboolean       add)
{
  JourneyLayout *layout = self->layout;

  self->band.x = MIN (self->drag_x, map_x);
  self->band.y = MIN (self->drag_y, map_y);
  self->band.width = fabs (map_x - self->drag_x);
  self->band.height = fabs (map_y - self->drag_y);

  /* The cards the band touches, and those selected before when adding:
   * the selection tells only if that is another set. */
  g_ptr_array_set_size (self->band_touchpoints, 0);
  for (guint c = 0; c < layout->n_cards; c++)
    {
      JourneyTouchpoint *tp = layout->cards[c].touchpoint;

      if (journey_rect_intersects (&layout->cards[c].rect, &self->band)
          || (add && g_hash_table_contains (self->band_before, tp)))
        g_ptr_array_add (self->band_touchpoints, tp);
    }
  journey_selection_set_touchpoints (self->selection, (JourneyTouchpoint *const *) self->band_touchpoints->pdata,
                                     self->band_touchpoints->len);
}
