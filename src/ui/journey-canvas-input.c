/* journey-canvas-input.c: gestures and keys of the canvas (SPEC §9).
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
#define ZOOM_STEP      1.2

/* -- helpers -------------------------------------------------------------- */

static gboolean
snapping (JourneyCanvas   *self,
          GdkModifierType  state)
{
  return g_settings_get_boolean (self->settings, "snap-to-grid") && !(state & GDK_ALT_MASK);
}

static double
snap_step (JourneyCanvas *self)
{
  return g_settings_get_double (self->settings, "snap-step");
}

static double
snap (JourneyCanvas *self,
      double         time,
      gboolean       on)
{
  return on ? journey_map_snap_time (self->map, time, snap_step (self))
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
  if (self->layout != NULL)
    journey_layout_hit_test (self->layout, mx, my, &hit);
  if (map_x)
    *map_x = mx;
  if (map_y)
    *map_y = my;
  return hit;
}

/* The lane at @map_y, or -1 above the lanes, n_lanes below them. */
static int
lane_at (JourneyCanvas *self,
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

static const char *
title_of (JourneyTouchpoint *tp)
{
  return tp->title && tp->title[0] ? tp->title : tp->id;
}

/* The step's label for moving the cards of the drag. */
static char *
move_label (JourneyCanvas *self)
{
  guint n = self->drag_touchpoints->len;

  if (n == 1)
    return g_strdup_printf (_("Move “%s”"), title_of (g_ptr_array_index (self->drag_touchpoints, 0)));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Touchpoint", "Move %u Touchpoints", n), n);
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
  for (guint i = 0; i < selection->len; i++)
    {
      JourneyTouchpoint *tp = g_ptr_array_index (selection, i);
      int lane = tp->lane ? journey_map_find_lane_index (self->map, tp->lane) : -1;

      g_ptr_array_add (self->drag_touchpoints, tp);
      g_array_append_val (self->drag_times, tp->time);
      g_array_append_val (self->drag_lanes, lane);
    }
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

  /* In time with the pointer, at the scale the drag began with. */
  new_time = snap (self, lead_time + (map_x - self->drag_x) / self->drag_px_per_unit, snapping (self, state));
  dt = new_time - lead_time;

  /* To the lane under the pointer. */
  pointer_lane = CLAMP (lane_at (self, map_y), 0, (int) n_lanes - 1);
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

  if (self->drag == DRAG_SATISFACTION)
    {
      label = g_strdup_printf (_("Set Satisfaction of “%s”"), title_of (tp));
      begin_group (self, label);
      journey_edit_set_satisfaction (self->history, self->map, tp, value, NULL);
    }
  else
    {
      label = g_strdup_printf (_("Set Target of “%s”"), title_of (tp));
      begin_group (self, label);
      journey_edit_set_target (self->history, self->map, tp, value, NULL);
    }
  g_ptr_array_add (self->changed, tp);
}

static void
update_stage_drag (JourneyCanvas   *self,
                   double           map_x,
                   GdkModifierType  state)
{
  JourneyStage *stage = journey_list_peek (self->map->stages, self->drag_stage);
  double length = self->drag_length + (map_x - self->drag_x) / self->drag_px_per_unit;
  double step = snap_step (self);
  g_autofree char *label = NULL;

  if (snapping (self, state) && step > 0)
    length = round (length / step) * step;
  length = MAX (length, step > 0 ? step : 0.05);

  label = g_strdup_printf (_("Resize “%s”"), stage->name ? stage->name : stage->id);
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

  /* The cards the band touches, and those selected before when adding. */
  for (guint c = 0; c < layout->n_cards; c++)
    {
      JourneyTouchpoint *tp = layout->cards[c].touchpoint;
      gboolean inside = journey_rect_intersects (&layout->cards[c].rect, &self->band);
      gboolean keep = inside || (add && g_hash_table_contains (self->band_before, tp));

      if (keep != g_hash_table_contains (self->selected, tp))
        {
          if (keep)
            g_hash_table_add (self->selected, tp);
          else
            g_hash_table_remove (self->selected, tp);
          g_ptr_array_add (self->changed, tp);
        }
    }
  g_signal_emit_by_name (self, "selection-changed");
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

  gtk_widget_grab_focus (GTK_WIDGET (self));
  hit = hit_at (self, x, y, &self->drag_x, &self->drag_y);
  self->drag = DRAG_PENDING;
  self->drag_grouped = FALSE;
  self->drag_dx = self->drag_dy = 0;
  self->drag_touchpoint = NULL;
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
        if (!g_hash_table_contains (self->selected, tp))
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
        g_hash_table_iter_init (&iter, self->selected);
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
      journey_canvas_map_changed (self);
      break;
    case DRAG_SATISFACTION:
    case DRAG_TARGET:
      update_value_drag (self, map_y);
      journey_canvas_map_changed (self);
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
  /* The whole drag is one step of the history.  The timeline may take
   * another scale now. */
  if (self->drag == DRAG_BAND)
    self->band = (JourneyRect) { 0, 0, 0, 0 };
  else if (self->drag == DRAG_CARDS || self->drag == DRAG_STAGE)
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

static void add_touchpoint_at (JourneyCanvas *self,
                               double         map_x,
                               double         map_y);
static void popup_context_menu (JourneyCanvas *self,
                                double         x,
                                double         y);

static void
on_click_pressed (JourneyCanvas   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double map_x, map_y;
  JourneyHit hit;

  if (self->map == NULL)
    return;

  hit = hit_at (self, x, y, &map_x, &map_y);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (hit.kind == JOURNEY_HIT_CARD)
        {
          JourneyTouchpoint *tp = self->layout->cards[hit.index].touchpoint;

          if (!g_hash_table_contains (self->selected, tp))
            journey_canvas_select (self, tp, FALSE);
          journey_canvas_set_focus_touchpoint (self, tp);
        }
      popup_context_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (n_press == 2)
    {
      if (hit.kind == JOURNEY_HIT_CARD)
        g_signal_emit_by_name (self, "activate-touchpoint", self->layout->cards[hit.index].touchpoint);
      else if (hit.kind == JOURNEY_HIT_LANE && map_x >= self->layout->timeline_x)
        add_touchpoint_at (self, map_x, map_y);
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
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  JourneyHit hit;

  /* Button 0: a click made by a test, or by an accessibility tool. */
  if (self->map == NULL || (button != GDK_BUTTON_PRIMARY && button != 0) || n_press != 1 || self->drag > DRAG_PENDING)
    return;

  hit = hit_at (self, x, y, NULL, NULL);
  if (hit.kind == JOURNEY_HIT_CARD)
    {
      JourneyTouchpoint *tp = self->layout->cards[hit.index].touchpoint;

      if (state & GDK_CONTROL_MASK)
        {
          /* Ctrl-click on a selected card that was not just selected by
           * the press: it leaves the selection. */
          if (g_hash_table_contains (self->selected, tp) && self->drag_touchpoint == tp
              && g_hash_table_size (self->selected) > 1 && self->drag_dx == 0)
            {
              g_hash_table_remove (self->selected, tp);
              journey_canvas_touchpoint_changed (self, tp);
              g_signal_emit_by_name (self, "selection-changed");
            }
        }
      else if (!(state & GDK_SHIFT_MASK))
        journey_canvas_select (self, tp, FALSE);
    }
  else if (hit.kind != JOURNEY_HIT_HANDLE && hit.kind != JOURNEY_HIT_TARGET
           && !(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
    journey_canvas_unselect_all (self);
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
    add_touchpoint_at (self, map_x, map_y);
  else
    {
      if (hit.kind == JOURNEY_HIT_CARD)
        {
          JourneyTouchpoint *tp = self->layout->cards[hit.index].touchpoint;

          if (!g_hash_table_contains (self->selected, tp))
            journey_canvas_select (self, tp, FALSE);
        }
      popup_context_menu (self, x, y);
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

/* -- overlays ------------------------------------------------------------- */

static void
snapshot_overlay_rect (JourneyCanvas     *self,
                       GtkSnapshot       *snapshot,
                       JourneySceneRole   role,
                       const JourneyRect *rect,
                       double             radius)
{
  JourneySceneNode node = { 0 };

  node.kind = JOURNEY_SCENE_RECT;
  node.role = role;
  node.rect.rect = *rect;
  node.rect.radius = radius;
  node.bounds = *rect;
  journey_theme_paint (role, NULL, &node.paint);
  journey_canvas_snapshot_node (self, snapshot, &node);
}

/* The scale's label of the value a handle is dragged to, beside it. */
static void
snapshot_value_label (JourneyCanvas *self,
                      GtkSnapshot   *snapshot)
{
  JourneyLayout *layout = self->layout;
  int card = journey_canvas_card_of (self, self->drag_touchpoint);
  const JourneyStyle *style = &layout->style;
  JourneySceneNode node = { 0 };
  g_autofree char *text = NULL;
  const char *label = NULL;
  double value = self->drag_value;
  double x, y, width;
  JourneyRect pill;

  if (card < 0)
    return;

  if (self->map->scale != NULL && fabs (value - round (value)) < 0.05)
    label = journey_scale_get_label (self->map->scale, (int) round (value));
  if (label != NULL && *label)
    text = g_strdup_printf ("%s · %.1f", label, value);
  else
    text = g_strdup_printf ("%.1f", value);

  x = layout->cards[card].rect.x + layout->cards[card].rect.width / 2 + style->handle_radius + 12;
  y = journey_layout_y_for_value (layout, value);
  width = g_utf8_strlen (text, -1) * style->body_size * 0.6 + 20;
  pill = (JourneyRect) { x, y - style->body_size, width, style->body_size * 2 };
  snapshot_overlay_rect (self, snapshot, JOURNEY_ROLE_VALUE_LABEL_BACKGROUND, &pill, style->body_size);

  node.kind = JOURNEY_SCENE_TEXT;
  node.role = JOURNEY_ROLE_VALUE_LABEL;
  journey_theme_paint (node.role, NULL, &node.paint);
  journey_theme_font (node.role, NULL, style, &node.text.font);
  node.text.text = text;
  node.text.n_lines = 1;
  node.text.x = x + 10;
  node.text.baseline = y + style->body_size * 0.35;
  journey_canvas_snapshot_node (self, snapshot, &node);
}

/* What a gesture under way shows: the rubber band, the lane a card goes
 * to, the value a handle is set to.  Map coordinates. */
void
journey_canvas_snapshot_overlays (JourneyCanvas *self,
                                  GtkSnapshot   *snapshot)
{
  switch (self->drag)
    {
    case DRAG_BAND:
      snapshot_overlay_rect (self, snapshot, JOURNEY_ROLE_RUBBER_BAND, &self->band, 0);
      break;
    case DRAG_CARDS:
      if (self->drop_lane >= 0 && (guint) self->drop_lane < self->layout->n_lanes)
        snapshot_overlay_rect (self, snapshot, JOURNEY_ROLE_DROP_TARGET,
                               &self->layout->lanes[self->drop_lane].rect, 0);
      break;
    case DRAG_SATISFACTION:
    case DRAG_TARGET:
      snapshot_value_label (self, snapshot);
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_STAGE:
    case DRAG_PAN:
    default:
      break;
    }
}

/* -- keyboard ------------------------------------------------------------- */

/* Touchpoints on the canvas in time order (their cards'), for Tab. */
static GPtrArray *
cards_in_time_order (JourneyCanvas *self)
{
  GPtrArray *order = g_ptr_array_new ();
  JourneyLayout *layout = journey_canvas_get_layout (self);

  if (layout == NULL)
    return order;
  for (guint c = 0; c < layout->n_cards; c++)
    g_ptr_array_add (order, &layout->cards[c]);
  return order;
}

static int
compare_cards_by_time (gconstpointer a,
                       gconstpointer b)
{
  const JourneyLayoutCard *ca = *(JourneyLayoutCard * const *) a, *cb = *(JourneyLayoutCard * const *) b;
  double ta = ca->touchpoint->time, tb = cb->touchpoint->time;

  if (ta != tb)
    return ta < tb ? -1 : 1;
  if (ca->lane != cb->lane)
    return ca->lane < cb->lane ? -1 : 1;
  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

static void
focus_and_select (JourneyCanvas     *self,
                  JourneyTouchpoint *tp)
{
  journey_canvas_set_focus_touchpoint (self, tp);
  journey_canvas_select (self, tp, FALSE);
}

static gboolean
focus_step (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  int step = g_variant_get_int32 (args);
  g_autoptr(GPtrArray) order = cards_in_time_order (self);
  int at = -1, next;

  if (order->len == 0)
    return FALSE;
  g_ptr_array_sort (order, compare_cards_by_time);
  for (guint i = 0; i < order->len; i++)
    if (((JourneyLayoutCard *) g_ptr_array_index (order, i))->touchpoint == self->state.focused)
      at = (int) i;

  next = at < 0 ? (step > 0 ? 0 : (int) order->len - 1) : at + step;
  /* Past either end, Tab leaves the canvas. */
  if (next < 0 || next >= (int) order->len)
    return FALSE;
  focus_and_select (self, ((JourneyLayoutCard *) g_ptr_array_index (order, next))->touchpoint);
  return TRUE;
}

/* Arrows: to the nearest card in that direction. */
static gboolean
focus_direction (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyLayout *layout = journey_canvas_get_layout (self);
  GtkDirectionType direction = g_variant_get_int32 (args);
  int from = self->state.focused ? journey_canvas_card_of (self, self->state.focused) : -1;
  double fx, fy, best = G_MAXDOUBLE;
  int found = -1;

  if (layout == NULL || layout->n_cards == 0)
    return FALSE;
  if (from < 0)
    {
      focus_step (widget, g_variant_new_int32 (1), NULL);
      return TRUE;
    }

  fx = layout->cards[from].rect.x + layout->cards[from].rect.width / 2;
  fy = layout->cards[from].rect.y + layout->cards[from].rect.height / 2;
  for (guint c = 0; c < layout->n_cards; c++)
    {
      double cx = layout->cards[c].rect.x + layout->cards[c].rect.width / 2;
      double cy = layout->cards[c].rect.y + layout->cards[c].rect.height / 2;
      double dx = cx - fx, dy = cy - fy, along, across, score;

      if ((int) c == from)
        continue;
      switch (direction)
        {
        case GTK_DIR_LEFT:  along = -dx; across = dy; break;
        case GTK_DIR_RIGHT: along = dx;  across = dy; break;
        case GTK_DIR_UP:    along = -dy; across = dx; break;
        case GTK_DIR_DOWN:  along = dy;  across = dx; break;
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:            return FALSE;
        }
      if (along <= 1)
        continue;
      /* Straight ahead counts more than off to the side. */
      score = along + 2 * fabs (across);
      if (score < best)
        {
          best = score;
          found = (int) c;
        }
    }
  if (found >= 0)
    focus_and_select (self, layout->cards[found].touchpoint);
  return TRUE;
}

static JourneyTouchpoint *
focused (JourneyCanvas *self)
{
  if (self->state.focused == NULL || self->history == NULL)
    return NULL;
  return self->state.focused;
}

/* Shift+Left/Right: one snap step in time; Shift+Up/Down: a lane. */
static gboolean
move_focused (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyTouchpoint *tp = focused (self);
  int dtime, dlane;

  if (tp == NULL)
    return FALSE;
  g_variant_get (args, "(ii)", &dtime, &dlane);
  journey_edit_move (self->history, self->map, &tp, 1, dtime * snap_step (self), dlane, NULL);
  journey_canvas_touchpoint_changed (self, tp);
  {
    int card = journey_canvas_card_of (self, tp);

    if (card >= 0)
      journey_canvas_scroll_to_map_rect (self, &self->layout->cards[card].rect);
  }
  return TRUE;
}

static gboolean
step_satisfaction (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyTouchpoint *tp = focused (self);
  double value;

  if (tp == NULL)
    return FALSE;
  value = journey_map_get_satisfaction (self->map, tp) + g_variant_get_int32 (args);
  journey_edit_set_satisfaction (self->history, self->map, tp, journey_map_clamp_to_scale (self->map, value), NULL);
  journey_canvas_touchpoint_changed (self, tp);
  return TRUE;
}

static gboolean
activate_focused (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  if (self->state.focused == NULL)
    return FALSE;
  g_signal_emit_by_name (self, "activate-touchpoint", self->state.focused);
  return TRUE;
}

static gboolean
escape (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  if (self->drag > DRAG_PENDING)
    {
      /* Back to where the drag began: undo what it did so far. */
      gboolean grouped = self->drag_grouped;

      journey_canvas_cancel_drag (self);
      if (grouped)
        journey_history_undo (self->history);
      return TRUE;
    }
  if (g_hash_table_size (self->selected) == 0)
    return FALSE;
  journey_canvas_unselect_all (self);
  return TRUE;
}

/* -- actions -------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    journey_canvas_zoom_at (self, self->zoom * ZOOM_STEP, NAN, NAN);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    journey_canvas_zoom_at (self, self->zoom / ZOOM_STEP, NAN, NAN);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    journey_canvas_zoom_at (self, 1, NAN, NAN);
  else
    journey_canvas_zoom_to_fit (self);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);

  if (self->map == NULL)
    return;
  for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
    if (g_hash_table_add (self->selected, journey_list_peek (self->map->touchpoints, i)))
      g_ptr_array_add (self->changed, journey_list_peek (self->map->touchpoints, i));
  journey_canvas_state_changed (self);
  g_signal_emit_by_name (self, "selection-changed");
}

/* The title of a new touchpoint, typed where its card is. */
static void
on_title_activate (JourneyCanvas *self,
                   GtkEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  JourneyTouchpoint *tp = self->title_touchpoint;

  if (tp != NULL && text[0] != '\0' && g_strcmp0 (text, tp->title) != 0)
    {
      g_autofree char *label = g_strdup_printf (_("Rename “%s”"), title_of (tp));

      journey_history_begin_group (self->history, label);
      journey_history_set (self->history, tp, "title", text, NULL);
      journey_history_end_group (self->history);
      journey_canvas_touchpoint_changed (self, tp);
    }
  gtk_popover_popdown (GTK_POPOVER (self->title_popover));
}

static void
on_title_closed (JourneyCanvas *self,
                 GtkPopover    *popover)
{
  self->title_touchpoint = NULL;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
edit_title (JourneyCanvas     *self,
            JourneyTouchpoint *tp)
{
  int card = journey_canvas_card_of (self, tp);
  JourneyRect *r;
  double x, y;

  if (card < 0)
    return;

  if (self->title_popover == NULL)
    {
      self->title_popover = gtk_popover_new ();
      self->title_entry = gtk_entry_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of the touchpoint"), -1);
      gtk_popover_set_child (GTK_POPOVER (self->title_popover), self->title_entry);
      gtk_widget_set_parent (self->title_popover, GTK_WIDGET (self));
      g_signal_connect_object (self->title_entry, "activate", G_CALLBACK (on_title_activate), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->title_popover, "closed", G_CALLBACK (on_title_closed), self,
                               G_CONNECT_SWAPPED);
    }

  r = &self->layout->cards[card].rect;
  journey_canvas_scroll_to_map_rect (self, r);
  journey_canvas_map_to_widget (self, r->x, r->y, &x, &y);
  self->title_touchpoint = tp;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), tp->title ? tp->title : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->title_popover),
                               &(GdkRectangle) { (int) x, (int) y, (int) (r->width * self->zoom),
                                                 (int) (r->height * self->zoom) });
  gtk_popover_popup (GTK_POPOVER (self->title_popover));
  gtk_widget_grab_focus (self->title_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

static void
add_touchpoint_at (JourneyCanvas *self,
                   double         map_x,
                   double         map_y)
{
  int lane = lane_at (self, map_y);
  double time;
  JourneyTouchpoint *tp;

  if (self->history == NULL || lane < 0 || (guint) lane >= self->layout->n_lanes)
    return;

  time = snap (self, journey_layout_time_for_x (self->layout, map_x), g_settings_get_boolean (self->settings, "snap-to-grid"));
  tp = journey_edit_add_touchpoint (self->history, self->map, self->layout->lanes[lane].lane, time, NULL);
  if (tp == NULL)
    return;
  focus_and_select (self, tp);
  edit_title (self, tp);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  JourneyLayout *layout = journey_canvas_get_layout (self);
  JourneyTouchpoint *near = self->state.focused;
  double x, y;

  if (layout == NULL || layout->n_lanes == 0)
    return;

  /* Beside the focused card, or in the middle of the first lane in view. */
  if (near != NULL && journey_canvas_card_of (self, near) >= 0)
    {
      JourneyLayoutCard *card = &layout->cards[journey_canvas_card_of (self, near)];

      x = card->rect.x + card->rect.width + layout->style.card_gap + 1;
      y = card->rect.y + card->rect.height / 2;
      if (x > layout->timeline_x + layout->timeline_width)
        x = card->rect.x + card->rect.width / 2;
    }
  else
    {
      journey_canvas_widget_to_map (self, gtk_widget_get_width (widget) / 2.0, 0, &x, &y);
      x = CLAMP (x, layout->timeline_x, layout->timeline_x + layout->timeline_width);
      y = layout->lanes[0].rect.y + layout->lanes[0].rect.height / 2;
    }
  add_touchpoint_at (self, x, y);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);

  if (selection->len == 0 || self->history == NULL)
    return;
  journey_edit_delete (self->history, self->map, (JourneyTouchpoint *const *) selection->pdata, selection->len);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (selection->len == 0 || self->history == NULL)
    return;
  journey_edit_duplicate (self->history, self->map, (JourneyTouchpoint *const *) selection->pdata, selection->len,
                          copies);
  journey_canvas_unselect_all (self);
  for (guint i = 0; i < copies->len; i++)
    journey_canvas_select (self, g_ptr_array_index (copies, i), TRUE);
  if (copies->len > 0)
    journey_canvas_set_focus_touchpoint (self, g_ptr_array_index (copies, 0));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (self);
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  gsize length = 0;
  char *data;

  if (selection->len == 0)
    return;

  /* As a .journey document: another window, or a text editor, takes it. */
  data = journey_edit_copy (self->project, self->map, (JourneyTouchpoint *const *) selection->pdata,
                            selection->len, &length);
  bytes = g_bytes_new_take (data, length);
  providers[0] = gdk_content_provider_new_for_bytes ("application/x-journey", bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);

  if (g_str_equal (action_name, "canvas.cut"))
    delete_action (widget, "canvas.delete", NULL);
}

static void
on_paste_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JourneyCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);

  if (text == NULL || self->history == NULL || self->map == NULL)
    return;

  if (!journey_edit_paste (self->history, self->project, self->map, text, strlen (text), NAN, NULL, pasted, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_debug ("Nothing to paste: %s", error->message);
      return;
    }
  journey_canvas_unselect_all (self);
  for (guint i = 0; i < pasted->len; i++)
    journey_canvas_select (self, g_ptr_array_index (pasted, i), TRUE);
  if (pasted->len > 0)
    journey_canvas_set_focus_touchpoint (self, g_ptr_array_index (pasted, 0));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_paste_read, g_object_ref (widget));
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JourneyCanvas *self = JOURNEY_CANVAS (widget);
  int card = self->state.focused ? journey_canvas_card_of (self, self->state.focused) : -1;
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;

  if (card >= 0)
    journey_canvas_map_to_widget (self, self->layout->cards[card].rect.x + 20, self->layout->cards[card].rect.y + 20,
                                  &x, &y);
  popup_context_menu (self, x, y);
}

static void
popup_context_menu (JourneyCanvas *self,
                    double         x,
                    double         y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) edit = g_menu_new ();
      g_autoptr(GMenu) clip = g_menu_new ();

      g_menu_append (edit, _("_Add Touchpoint"), "canvas.add-touchpoint");
      g_menu_append (edit, _("_Duplicate"), "canvas.duplicate");
      g_menu_append (edit, _("_Delete"), "canvas.delete");
      g_menu_append (clip, _("Cu_t"), "canvas.cut");
      g_menu_append (clip, _("_Copy"), "canvas.copy");
      g_menu_append (clip, _("_Paste"), "canvas.paste");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (clip));

      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Actions that need a selection are enabled only with one. */
static void
on_selection_changed (JourneyCanvas *self)
{
  gboolean any = g_hash_table_size (self->selected) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.duplicate", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.copy", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cut", any);
}

/* -- set-up --------------------------------------------------------------- */

void
journey_canvas_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-touchpoint", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.add-touchpoint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, focus_step, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, focus_step, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, focus_step, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, focus_direction, "i", GTK_DIR_LEFT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, focus_direction, "i", GTK_DIR_RIGHT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, focus_direction, "i", GTK_DIR_UP);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, focus_direction, "i", GTK_DIR_DOWN);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, move_focused, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, move_focused, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, move_focused, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, move_focused, "(ii)", 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, step_satisfaction, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, step_satisfaction, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, step_satisfaction, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, step_satisfaction, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, step_satisfaction, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, step_satisfaction, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_focused, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_focused, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape, NULL);
}

void
journey_canvas_init_input (JourneyCanvas *self)
{
  GtkGesture *drag, *pan, *click, *long_press, *zoom;
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

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

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

  g_signal_connect (self, "selection-changed", G_CALLBACK (on_selection_changed), NULL);
  on_selection_changed (self);
}
