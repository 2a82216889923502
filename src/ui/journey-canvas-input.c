/* journey-canvas-input.c: the canvas's pointer and touch gestures (SPEC
 * §9): drags of cards, handles and stages, the rubber band, clicks, long
 * presses, hover, panning and pinching.  Its keys are in
 * journey-canvas-commands.c.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "journey-canvas-private.h"
#include "journey-edit.h"
#include "journey-theme.h"

/* How far a press moves before it is a drag, in widget pixels. */
#define DRAG_THRESHOLD 4

/* -- helpers -------------------------------------------------------------- */

gboolean
journey_canvas_snapping (JourneyCanvas   *self,
                         GdkModifierType  state)
{
  return g_settings_get_boolean (self->settings, "snap-to-grid") && !(state & GDK_ALT_MASK);
}

double
journey_canvas_snap_step (JourneyCanvas *self)
{
  return g_settings_get_double (self->settings, "snap-step");
}

double
journey_canvas_snap (JourneyCanvas *self,
                     double         time,
                     gboolean       on)
{
  return on ? journey_map_snap_time (self->map, time, journey_canvas_snap_step (self))
            : journey_map_clamp_to_timeline (self->map, time);
}

/* Pixels a card may stray sideways on its way to another lane and keep
 * its time. */
#define SAME_TIME_SLOP 12

static JourneyHit
hit_at (JourneyCanvas *self,
        double         x,
        double         y,
        double        *map_x,
        double        *map_y)
{
  JourneyHit hit = { JOURNEY_HIT_NONE, 0 };
  double mx, my;

  journey_canvas_update_layout (self);
  journey_canvas_widget_to_map (self, x, y, &mx, &my);
  journey_canvas_hit_test (self, mx, my, &hit);
  if (map_x)
    *map_x = mx;
  if (map_y)
    *map_y = my;
  return hit;
}

/* The lane at @map_y, or -1 above the lanes, n_lanes below them. */
int
journey_canvas_lane_at (JourneyCanvas *self,
                        double         map_y)
{
  JourneyLayout *layout = self->layout;

  if (map_y < layout->lanes_rect.y)
    return -1;
  for (guint i = 0; i < layout->n_lanes; i++)
    if (map_y < layout->lanes[i].rect.y + layout->lanes[i].rect.height)
      return (int) i;
  return (int) layout->n_lanes;
}

static void
set_cursor (JourneyCanvas *self,
            const char    *name)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* The step's label for moving the cards of the drag. */
static char *
move_label (JourneyCanvas *self)
{
  return journey_edit_label_move (g_ptr_array_index (self->drag_touchpoints, 0), self->drag_touchpoints->len);
}

/* -- dragging ------------------------------------------------------------- */

void
journey_canvas_cancel_drag (JourneyCanvas *self)
{
  if (self->drag_grouped && self->history != NULL)
    journey_history_end_group (self->history);
  self->drag_grouped = FALSE;
  self->drag = DRAG_NONE;
  self->drop_lane = -1;
  if (self->drag_touchpoints)
    g_ptr_array_set_size (self->drag_touchpoints, 0);
  set_cursor (self, NULL);
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
static void
start_moving_cards (JourneyCanvas *self)
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

/* Only the time, lane or values of the touchpoints in self->changed
 * changed (a drag): the layout can follow them without starting again. */
static void
cards_moved (JourneyCanvas *self)
{
  gboolean only = !self->layout_dirty || self->cards_moved_only;

  journey_canvas_map_changed (self);
  self->cards_moved_only = only;
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

static void
update_card_drag (JourneyCanvas   *self,
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

static void
update_value_drag (JourneyCanvas *self,
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

static void
update_stage_drag (JourneyCanvas   *self,
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

static void
update_band (JourneyCanvas *self,
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

static void
on_drag_begin (JourneyCanvas  *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  JourneyHit hit;

  if (self->map == NULL || self->history == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* The press that completes a double click may come here after the
   * popover for a new card's title took the focus: it keeps it. */
  if (self->title_popover == NULL || !gtk_widget_get_visible (self->title_popover))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  hit = hit_at (self, x, y, &self->drag_x, &self->drag_y);
  self->drag = DRAG_PENDING;
  self->drag_grouped = FALSE;
  self->drag_dx = self->drag_dy = 0;
  self->drag_touchpoint = NULL;
  self->drag_left = NAN;
  self->drag_px_per_unit = MAX (self->layout->px_per_unit, 1e-6);

  switch (hit.kind)
    {
    case JOURNEY_HIT_HANDLE:
      self->drag_intent = DRAG_SATISFACTION;
      self->drag_touchpoint = self->layout->handles[hit.index].touchpoint;
      break;

    case JOURNEY_HIT_TARGET:
      self->drag_intent = DRAG_TARGET;
      self->drag_touchpoint = self->layout->cards[hit.index].touchpoint;
      break;

    case JOURNEY_HIT_CARD:
      {
        JourneyTouchpoint *tp = self->layout->cards[hit.index].touchpoint;

        self->drag_intent = DRAG_CARDS;
        self->drag_touchpoint = tp;
        /* A card that is pressed takes the selection (Ctrl and Shift
         * add to it; see on_click_released for a Ctrl-click that
         * unselects) and the focus. */
        self->pressed_selected = journey_selection_contains (self->selection, tp);
        if (!self->pressed_selected)
          journey_canvas_select (self, tp, (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0);
        journey_canvas_set_focus_touchpoint (self, tp);
      }
      break;

    case JOURNEY_HIT_STAGE_BOUNDARY:
      self->drag_intent = DRAG_STAGE;
      self->drag_stage = hit.index;
      self->drag_length = ((JourneyStage *) journey_list_peek (self->map->stages, hit.index))->length;
      break;

    case JOURNEY_HIT_NONE:
    case JOURNEY_HIT_STAGE:
    case JOURNEY_HIT_LANE:
    default:
      self->drag_intent = DRAG_BAND;
      {
        /* Shift or Ctrl add the band to what was selected. */
        GHashTableIter iter;
        gpointer key;

        g_hash_table_remove_all (self->band_before);
        g_hash_table_iter_init (&iter, journey_selection_get_set (self->selection));
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_hash_table_add (self->band_before, key);
      }
      break;
    }
}

static void
on_drag_update (JourneyCanvas  *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double map_x, map_y;

  if (self->drag == DRAG_NONE)
    return;

  if (self->drag == DRAG_PENDING)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      self->drag = self->drag_intent;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (self->drag == DRAG_CARDS)
        start_moving_cards (self);
      set_cursor (self, self->drag == DRAG_BAND ? "crosshair"
                        : self->drag == DRAG_STAGE ? "col-resize" : "grabbing");
    }

  self->drag_dx = dx / self->zoom;
  self->drag_dy = dy / self->zoom;
  map_x = self->drag_x + self->drag_dx;
  map_y = self->drag_y + self->drag_dy;

  switch (self->drag)
    {
    /* Inside the drag's open step the history says nothing yet: the
     * canvas follows the model it changed itself. */
    case DRAG_CARDS:
      update_card_drag (self, map_x, map_y, state);
      cards_moved (self);
      break;
    case DRAG_SATISFACTION:
    case DRAG_TARGET:
      update_value_drag (self, map_y);
      cards_moved (self);
      break;
    case DRAG_STAGE:
      update_stage_drag (self, map_x, state);
      journey_canvas_map_changed (self);
      break;
    case DRAG_BAND:
      update_band (self, map_x, map_y, (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0);
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_PAN:
    default:
      break;
    }
  journey_canvas_state_changed (self);
}

static void
on_drag_end (JourneyCanvas  *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  if (self->drag == DRAG_PENDING || self->drag == DRAG_NONE)
    {
      self->drag = DRAG_NONE;
      return;
    }

  on_drag_update (self, dx, dy, gesture);
  /* The whole drag is one step of the history.  Cards dropped stay as the
   * drag showed them (the layout is brought up to date, not made anew);
   * a stage's new length changes the frame. */
  if (self->drag == DRAG_BAND)
    self->band = (JourneyRect) { 0, 0, 0, 0 };
  else if (self->drag == DRAG_STAGE)
    self->frame_dirty = TRUE;
  journey_canvas_cancel_drag (self);
  journey_canvas_state_changed (self);
}

static void
on_drag_cancel (JourneyCanvas    *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  self->band = (JourneyRect) { 0, 0, 0, 0 };
  journey_canvas_cancel_drag (self);
  journey_canvas_state_changed (self);
}

/* -- panning with the middle button --------------------------------------- */

static void
on_pan_begin (JourneyCanvas  *self,
              double          x,
              double          y,
              GtkGestureDrag *gesture)
{
  self->drag_x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  self->drag_y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  set_cursor (self, "grabbing");
}

static void
on_pan_update (JourneyCanvas  *self,
               double          dx,
               double          dy,
               GtkGestureDrag *gesture)
{
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, self->drag_x - dx);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, self->drag_y - dy);
}

static void
on_pan_end (JourneyCanvas  *self,
            double          dx,
            double          dy,
            GtkGestureDrag *gesture)
{
  set_cursor (self, NULL);
}

/* -- clicks --------------------------------------------------------------- */


static void
on_click_pressed (JourneyCanvas   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  double map_x, map_y;
  JourneyHit hit;

  if (self->map == NULL)
    return;

  hit = hit_at (self, x, y, &map_x, &map_y);
  if (n_press == 2)
    {
      guint note;

      /* A note: its touchpoint, and the note's field in the inspector. */
      if (hit.kind == JOURNEY_HIT_NONE && journey_layout_hit_note (self->layout, map_x, map_y, &note))
        {
          const JourneyLayoutNote *ln = &self->layout->notes[note];
          JourneyTouchpoint *tp = self->layout->cards[ln->card].touchpoint;

          journey_canvas_select (self, tp, FALSE);
          journey_canvas_set_focus_touchpoint (self, tp);
          g_signal_emit_by_name (self, "activate-note", tp, (guint) ln->kind, ln->item);
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          return;
        }
      if (hit.kind == JOURNEY_HIT_CARD)
        g_signal_emit_by_name (self, "activate-touchpoint", self->layout->cards[hit.index].touchpoint);
      else if (hit.kind == JOURNEY_HIT_LANE && map_x >= self->layout->timeline_x)
        {
          /* The press is the double click's: no drag or band follows. */
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          journey_canvas_add_touchpoint_at (self, map_x, map_y);
        }
    }
}

static void
on_click_released (JourneyCanvas   *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  JourneyHit hit;

  if (self->map == NULL || n_press != 1 || self->drag > DRAG_PENDING)
    return;

  hit = hit_at (self, x, y, NULL, NULL);
  if (hit.kind == JOURNEY_HIT_CARD)
    {
      JourneyTouchpoint *tp = self->layout->cards[hit.index].touchpoint;

      if (state & GDK_CONTROL_MASK)
        {
          /* Ctrl-click on a card that was selected before the press: it
           * leaves the selection. */
          if (self->pressed_selected && journey_selection_get_n_selected (self->selection) > 1
              && self->drag_dx == 0 && self->drag_dy == 0)
            journey_selection_unselect (self->selection, tp);
        }
      else if (!(state & GDK_SHIFT_MASK))
        journey_canvas_select (self, tp, FALSE);
    }
  else if (hit.kind != JOURNEY_HIT_HANDLE && hit.kind != JOURNEY_HIT_TARGET
           && !(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
    journey_canvas_unselect_all (self);
}

/* A right click: the context menu, of the card under it if any. */
static void
on_context_pressed (JourneyCanvas   *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  JourneyHit hit;

  if (self->map == NULL)
    return;

  hit = hit_at (self, x, y, NULL, NULL);
  if (hit.kind == JOURNEY_HIT_CARD)
    {
      JourneyTouchpoint *tp = self->layout->cards[hit.index].touchpoint;

      if (!journey_selection_contains (self->selection, tp))
        journey_canvas_select (self, tp, FALSE);
      journey_canvas_set_focus_touchpoint (self, tp);
    }
  journey_canvas_popup_context_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_press (JourneyCanvas       *self,
               double               x,
               double               y,
               GtkGestureLongPress *gesture)
{
  double map_x, map_y;
  JourneyHit hit = hit_at (self, x, y, &map_x, &map_y);

  /* On an empty spot of a lane: a new touchpoint there.  Anywhere else:
   * the context menu, as a right click. */
  if (hit.kind == JOURNEY_HIT_LANE && map_x >= self->layout->timeline_x)
    journey_canvas_add_touchpoint_at (self, map_x, map_y);
  else
    {
      if (hit.kind == JOURNEY_HIT_CARD)
        {
          JourneyTouchpoint *tp = self->layout->cards[hit.index].touchpoint;

          if (!journey_selection_contains (self->selection, tp))
            journey_canvas_select (self, tp, FALSE);
        }
      journey_canvas_popup_context_menu (self, x, y);
    }
  journey_canvas_cancel_drag (self);
}

/* -- hover, scroll and zoom ----------------------------------------------- */

static void
set_hovered (JourneyCanvas     *self,
             JourneyTouchpoint *tp)
{
  if (self->state.hovered == tp)
    return;
  if (self->state.hovered != NULL)
    g_ptr_array_add (self->changed, self->state.hovered);
  self->state.hovered = tp;
  journey_canvas_touchpoint_changed (self, tp);
}

static void
on_motion (JourneyCanvas            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  JourneyHit hit;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->map == NULL || self->drag > DRAG_PENDING)
    return;

  hit = hit_at (self, x, y, NULL, NULL);
  set_hovered (self, hit.kind == JOURNEY_HIT_CARD ? self->layout->cards[hit.index].touchpoint : NULL);
  switch (hit.kind)
    {
    case JOURNEY_HIT_CARD:
      set_cursor (self, "grab");
      break;
    case JOURNEY_HIT_HANDLE:
    case JOURNEY_HIT_TARGET:
      set_cursor (self, "ns-resize");
      break;
    case JOURNEY_HIT_STAGE_BOUNDARY:
      set_cursor (self, "col-resize");
      break;
    case JOURNEY_HIT_NONE:
    case JOURNEY_HIT_STAGE:
    case JOURNEY_HIT_LANE:
    default:
      set_cursor (self, NULL);
      break;
    }
}

static void
on_leave (JourneyCanvas            *self,
          GtkEventControllerMotion *controller)
{
  self->pointer_x = self->pointer_y = NAN;
  set_hovered (self, NULL);
}

static gboolean
on_scroll (JourneyCanvas            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  /* Zoom around the pointer. */
  journey_canvas_zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_zoom_begin (JourneyCanvas    *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->zoom_at_gesture = self->zoom;
  journey_canvas_cancel_drag (self);
}

static void
on_zoom_scale_changed (JourneyCanvas  *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = y = NAN;
  journey_canvas_zoom_at (self, self->zoom_at_gesture * scale, x, y);
}

/* -- set-up --------------------------------------------------------------- */

void
journey_canvas_init_input (JourneyCanvas *self)
{
  GtkGesture *drag, *pan, *click, *context, *long_press, *zoom;
  GtkEventController *motion, *scroll;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect_object (pan, "drag-begin", G_CALLBACK (on_pan_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pan, "drag-update", G_CALLBACK (on_pan_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pan, "drag-end", G_CALLBACK (on_pan_end), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  /* One click gesture a button: its handlers need not ask which button
   * made the click (a click emitted without an event has none). */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  context = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (context, "pressed", G_CALLBACK (on_context_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (context));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (on_long_press), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (on_zoom_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  journey_canvas_update_actions (self);
}
