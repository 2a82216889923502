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
        journey_canvas_start_moving_cards (self);
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
      journey_canvas_update_card_drag (self, map_x, map_y, state);
      journey_canvas_cards_moved (self);
      break;
    case DRAG_SATISFACTION:
    case DRAG_TARGET:
      journey_canvas_update_value_drag (self, map_y);
      journey_canvas_cards_moved (self);
      break;
    case DRAG_STAGE:
      journey_canvas_update_stage_drag (self, map_x, state);
      journey_canvas_map_changed (self);
      break;
    case DRAG_BAND:
      journey_canvas_update_band (self, map_x, map_y, (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0);
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
