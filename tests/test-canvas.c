/* test-canvas.c: every row of SPEC §9's table, driven through the canvas's
 * own gestures and key bindings (no fake input: the gestures found with
 * gtk_widget_observe_controllers get their signals), checked in the
 * model, in one undo step, and in a saved file.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <gtk/gtk.h>

#include "export/export-test-utils.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-canvas.h"
#include "journey-edit.h"
#include "journey-painter.h"
#include "journey-scene.h"
#include "journey-text.h"
#include "journey-theme.h"

typedef struct
{
  GtkWidget      *window;
  JourneyCanvas  *canvas;
  JourneyProject *project;
  JourneyMap     *map;
  JourneyHistory *history;
  char           *before;   /* the project as saved before the test's edits */
} Fixture;

static char *
saved (JourneyProject *project)
{
  gsize length;

  return journey_format_write_data (project, &length);
}

/* What a test runs on: a project (NULL: EXPORT_TEST_PROJECT) and a zoom:
 * 100 % in a large window, or the whole map fitted into a window smaller
 * than it, as a facilitator shows it on a projector. */
typedef struct
{
  const char *json;
  gboolean    fit;
} Case;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const Case *c = data;
  GtkWidget *scrolled;

  f->project = test_load_string (c->json ? c->json : EXPORT_TEST_PROJECT);
  f->map = test_first_map (f->project);
  f->history = journey_history_new ();
  f->before = saved (f->project);

  f->window = gtk_window_new ();
  if (c->fit)
    gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 560);
  else
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 1400);
  scrolled = gtk_scrolled_window_new ();
  f->canvas = JOURNEY_CANVAS (journey_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->canvas));
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  journey_canvas_set_map (f->canvas, f->project, f->map, f->history);
  gtk_window_present (GTK_WINDOW (f->window));

  while (gtk_widget_get_width (GTK_WIDGET (f->canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  test_iterate_frames ();
  if (c->fit)
    {
      journey_canvas_zoom_to_fit (f->canvas);
      test_iterate_frames ();
      g_assert_cmpfloat (journey_canvas_get_zoom (f->canvas), <, 0.9);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_iterate_frames ();
  g_clear_object (&f->history);
  g_clear_object (&f->project);
  g_free (f->before);
}

/* The canvas's gesture of @type for @button (0: any). */
static GtkGesture *
find_gesture (JourneyCanvas *canvas,
              GType          type,
              guint          button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type)
          && (!GTK_IS_GESTURE_SINGLE (controller)
              || gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
  return NULL;
}

/* A drag from one map point to another, in three motions. */
static void
drag_map (Fixture *f,
          guint    button,
          double   x0,
          double   y0,
          double   x1,
          double   y1)
{
  GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, button);
  double wx0, wy0, wx1, wy1;

  journey_canvas_map_to_widget (f->canvas, x0, y0, &wx0, &wy0);
  journey_canvas_map_to_widget (f->canvas, x1, y1, &wx1, &wy1);
  g_signal_emit_by_name (drag, "drag-begin", wx0, wy0);
  g_signal_emit_by_name (drag, "drag-update", (wx1 - wx0) / 3, (wy1 - wy0) / 3);
  g_signal_emit_by_name (drag, "drag-update", 2 * (wx1 - wx0) / 3, 2 * (wy1 - wy0) / 3);
  g_signal_emit_by_name (drag, "drag-update", wx1 - wx0, wy1 - wy0);
  g_signal_emit_by_name (drag, "drag-end", wx1 - wx0, wy1 - wy0);
  test_iterate_frames ();
}

static void
click_map (Fixture *f,
           int      n_press,
           double   x,
           double   y)
{
  GtkGesture *click = find_gesture (f->canvas, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);
  double wx, wy;

  journey_canvas_map_to_widget (f->canvas, x, y, &wx, &wy);
  for (int n = 1; n <= n_press; n++)
    {
      g_signal_emit_by_name (click, "pressed", n, wx, wy);
      g_signal_emit_by_name (click, "released", n, wx, wy);
    }
  test_iterate_frames ();
}

/* Presses @keyval with @modifiers through the canvas's own bindings. */
static void
press_key (Fixture         *f,
           guint            keyval,
           GdkModifierType  modifiers)
{
  test_press_key (GTK_WIDGET (f->canvas), keyval, modifiers);
}

static JourneyLayoutCard *
card (Fixture    *f,
      const char *id)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);

  for (guint c = 0; c < layout->n_cards; c++)
    if (g_str_equal (layout->cards[c].touchpoint->id, id))
      return &layout->cards[c];
  g_assert_not_reached ();
  return NULL;
}

static JourneyTouchpoint *
tp (Fixture    *f,
    const char *id)
{
  return journey_map_find_touchpoint (f->map, id);
}

static const char *
stage_of (Fixture    *f,
          const char *id)
{
  return journey_map_get_touchpoint_stage (f->map, tp (f, id))->id;
}

static double compare_with_painter (Fixture *f,
                                    double   zoom);

/* One undo brings the project back exactly; one redo brings @after; and
 * the canvas draws the map as the painter does, at the zoom it has. */
static void
assert_one_step (Fixture    *f,
                 const char *label)
{
  g_autofree char *after = saved (f->project);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GPtrArray) selection = NULL;
  JourneyTouchpoint *focus;

  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, label);
  g_assert_true (journey_history_undo (f->history));
  undone = saved (f->project);
  g_assert_cmpstr (undone, ==, f->before);
  g_assert_false (journey_history_can_undo (f->history));
  g_assert_true (journey_history_redo (f->history));
  redone = saved (f->project);
  g_assert_cmpstr (redone, ==, after);
  test_iterate_frames ();
  /* The painter draws no selection nor focus: without them a while. */
  selection = journey_canvas_get_selection (f->canvas);
  focus = journey_canvas_get_focus_touchpoint (f->canvas);
  journey_canvas_unselect_all (f->canvas);
  journey_canvas_set_focus_touchpoint (f->canvas, NULL);
  g_assert_cmpfloat (compare_with_painter (f, journey_canvas_get_zoom (f->canvas)), <, 3.0);
  for (guint i = 0; i < selection->len; i++)
    journey_canvas_select (f->canvas, g_ptr_array_index (selection, i), TRUE);
  journey_canvas_set_focus_touchpoint (f->canvas, focus);
  test_iterate_frames ();
}

/* Saves the project to a file, reads it back, and returns the copy. */
static JourneyProject *
save_and_reload (Fixture *f)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JourneyProject *copy;

  g_assert_true (journey_format_write_file (f->project, file, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  copy = journey_format_read_file (file, NULL, &error);
  g_assert_no_error (error);
  test_tmpdir_remove (dir);
  return copy;
}

/* -- the table of SPEC §9 ------------------------------------------------- */

/* Drags a card left or right: its time follows the pointer; crossing a
 * stage boundary moves it to that stage. */
static void
test_drag_card_in_time (Fixture       *f,
                        gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutCard *b = card (f, "b");
  double x = b->rect.x + b->rect.width / 2, y = b->rect.y + b->rect.height / 2;
  double dx = journey_layout_x_for_time (layout, 2.5) - journey_layout_x_for_time (layout, 1.5);
  g_autoptr(JourneyProject) copy = NULL;

  g_assert_cmpstr (stage_of (f, "b"), ==, "s1");
  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x + dx, y);

  g_assert_cmpfloat_with_epsilon (tp (f, "b")->time, 2.5, 1e-9);
  g_assert_cmpstr (stage_of (f, "b"), ==, "s2");
  g_assert_cmpstr (tp (f, "b")->lane, ==, "cust");
  /* It is the selection and has the focus. */
  g_assert_true (journey_canvas_get_focus_touchpoint (f->canvas) == tp (f, "b"));

  copy = save_and_reload (f);
  g_assert_cmpfloat_with_epsilon (journey_map_find_touchpoint (test_first_map (copy), "b")->time, 2.5, 1e-9);
  assert_one_step (f, "Move “Books a room”");
}

/* Drags a card up or down: to the lane under the pointer. */
static void
test_drag_card_to_lane (Fixture       *f,
                        gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutCard *e = card (f, "e");
  double x = e->rect.x + e->rect.width / 2, y = e->rect.y + e->rect.height / 2;
  JourneyLayoutLane *on = &layout->lanes[2];
  g_autoptr(JourneyProject) copy = NULL;

  g_assert_cmpstr (tp (f, "e")->lane, ==, "off");
  g_assert_cmpstr (on->lane->id, ==, "on");
  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x, on->rect.y + on->rect.height / 2);

  g_assert_cmpstr (tp (f, "e")->lane, ==, "on");
  g_assert_cmpfloat_with_epsilon (tp (f, "e")->time, 4, 1e-9);
  copy = save_and_reload (f);
  g_assert_cmpstr (journey_map_find_touchpoint (test_first_map (copy), "e")->lane, ==, "on");
  assert_one_step (f, "Move “Room cleaned”");
}

/* Escape during a drag takes back what the drag did, and nothing else:
 * the step done before the drag stays done when the drag recorded
 * nothing, and a step undone stays to redo when it recorded moves. */
static void
test_escape_during_drag (Fixture       *f,
                         gconstpointer  data)
{
  GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
  JourneyLayoutCard *b = card (f, "b");
  double left = b->rect.x;
  double wx, wy;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  journey_canvas_map_to_widget (f->canvas, b->rect.x + b->rect.width / 2, b->rect.y + b->rect.height / 2,
                                &wx, &wy);

  /* A step of the user's own, then a drag too short to change the time. */
  g_assert_true (journey_history_set (f->history, tp (f, "a"), "title", "Looks at the website", NULL));
  edited = saved (f->project);
  g_signal_emit_by_name (drag, "drag-begin", wx, wy);
  g_signal_emit_by_name (drag, "drag-update", 6.0, 0.0);
  g_assert_cmpfloat (tp (f, "b")->time, ==, 1.5);
  press_key (f, GDK_KEY_Escape, 0);
  /* The rest of the gesture does nothing. */
  g_signal_emit_by_name (drag, "drag-update", 300.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 300.0, 0.0);
  test_iterate_frames ();
  after = saved (f->project);
  g_assert_cmpstr (after, ==, edited);
  g_assert_true (journey_history_can_undo (f->history));
  g_assert_false (journey_history_can_redo (f->history));

  /* The step undone, then a drag that moves the card, then Escape. */
  g_assert_true (journey_history_undo (f->history));
  undone = saved (f->project);
  g_assert_cmpstr (undone, ==, f->before);
  /* The first press scrolled the card into view: where is it now? */
  b = card (f, "b");
  journey_canvas_map_to_widget (f->canvas, b->rect.x + b->rect.width / 2, b->rect.y + b->rect.height / 2,
                                &wx, &wy);
  g_signal_emit_by_name (drag, "drag-begin", wx, wy);
  g_signal_emit_by_name (drag, "drag-update", 150.0, 0.0);
  g_signal_emit_by_name (drag, "drag-update", 300.0, 0.0);
  g_assert_cmpfloat (tp (f, "b")->time, >, 1.5);
  press_key (f, GDK_KEY_Escape, 0);
  g_signal_emit_by_name (drag, "drag-end", 300.0, 0.0);
  test_iterate_frames ();
  g_clear_pointer (&after, g_free);
  after = saved (f->project);
  g_assert_cmpstr (after, ==, f->before);
  g_assert_false (journey_history_can_undo (f->history));
  g_assert_true (journey_history_can_redo (f->history));
  g_assert_true (journey_history_redo (f->history));
  g_clear_pointer (&after, g_free);
  after = saved (f->project);
  g_assert_cmpstr (after, ==, edited);
  /* The canvas shows the card where it began. */
  g_assert_cmpfloat (card (f, "b")->rect.x, ==, left);
}

/* A card off the grid taken straight down to another lane keeps its
 * time: snapping only applies once it moves along the timeline. */
static void
test_drag_card_to_lane_keeps_time (Fixture       *f,
                                   gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutCard *e = card (f, "e");
  double x = e->rect.x + e->rect.width / 2, y = e->rect.y + e->rect.height / 2;
  JourneyLayoutLane *on = &layout->lanes[2];

  g_assert_cmpfloat (tp (f, "e")->time, ==, 4.13);
  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x + 3 / journey_canvas_get_zoom (f->canvas), on->rect.y + on->rect.height / 2);
  g_assert_cmpstr (tp (f, "e")->lane, ==, "on");
  g_assert_cmpfloat (tp (f, "e")->time, ==, 4.13);

  /* Along the timeline, it lands on the grid. */
  e = card (f, "e");
  x = e->rect.x + e->rect.width / 2;
  y = e->rect.y + e->rect.height / 2;
  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x + 40, y);
  g_assert_cmpfloat (fabs (remainder (tp (f, "e")->time, 0.25)), <, 1e-9);
  g_assert_cmpfloat (tp (f, "e")->time, >, 4.13);
}

/* Drags a satisfaction handle: the satisfaction follows within the scale. */
static void
test_drag_satisfaction (Fixture       *f,
                        gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutHandle *handle = &layout->handles[card (f, "d")->handle];
  double x = handle->x, y = handle->y;
  g_autoptr(JourneyProject) copy = NULL;

  g_assert_cmpfloat (tp (f, "d")->satisfaction, ==, 1);

  /* While the drag goes on, the canvas shows the handle where it is
   * dragged, and the history has no step yet. */
  {
    GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
    double wx, wy, dy = (journey_layout_y_for_value (layout, 3) - y) * journey_canvas_get_zoom (f->canvas);

    journey_canvas_map_to_widget (f->canvas, x, y, &wx, &wy);
    g_signal_emit_by_name (drag, "drag-begin", wx, wy);
    g_signal_emit_by_name (drag, "drag-update", 0.0, dy);
    test_iterate_frames ();
    layout = journey_canvas_get_layout (f->canvas);
    g_assert_cmpfloat_with_epsilon (layout->handles[card (f, "d")->handle].y, journey_layout_y_for_value (layout, 3), 0.5);
    g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);
    g_signal_emit_by_name (drag, "drag-end", 0.0, dy);
    test_iterate_frames ();
    g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 1);
    g_assert_true (journey_history_undo (f->history));
    layout = journey_canvas_get_layout (f->canvas);
  }

  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x, journey_layout_y_for_value (layout, 4));
  g_assert_cmpfloat_with_epsilon (tp (f, "d")->satisfaction, 4, 1e-9);

  /* Past the top of the scale: the top. */
  handle = &journey_canvas_get_layout (f->canvas)->handles[card (f, "d")->handle];
  drag_map (f, GDK_BUTTON_PRIMARY, handle->x, handle->y, handle->x, handle->y - 2000);
  g_assert_cmpfloat (tp (f, "d")->satisfaction, ==, 5);

  copy = save_and_reload (f);
  g_assert_cmpfloat (journey_map_find_touchpoint (test_first_map (copy), "d")->satisfaction, ==, 5);
  g_assert_true (journey_history_undo (f->history));
  assert_one_step (f, "Set Satisfaction of “Noise at night”");
}

/* Drags a to-be handle: the same, for the target. */
static void
test_drag_target (Fixture       *f,
                  gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutCurve *to_be = &layout->curves[JOURNEY_CURVE_TO_BE];
  int d = -1;

  for (guint i = 0; i < to_be->n_points; i++)
    if (layout->cards[to_be->cards[i]].touchpoint == tp (f, "d"))
      d = (int) i;
  g_assert_cmpint (d, >=, 0);
  g_assert_cmpfloat (tp (f, "d")->target, ==, 4);

  drag_map (f, GDK_BUTTON_PRIMARY, to_be->points[d].x, to_be->points[d].y,
            to_be->points[d].x, journey_layout_y_for_value (layout, 2));
  g_assert_cmpfloat_with_epsilon (tp (f, "d")->target, 2, 1e-9);
  g_assert_cmpfloat (tp (f, "d")->satisfaction, ==, 1);
  assert_one_step (f, "Set Target of “Noise at night”");
}

/* Drags a stage boundary: the stage's length changes, the touchpoints
 * after it move with their stages. */
static void
test_drag_stage_boundary (Fixture       *f,
                          gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutStage *first = &layout->stages[0];
  double x = first->header.x + first->header.width, y = first->header.y + first->header.height / 2;

  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x + layout->px_per_unit, y);

  g_assert_cmpfloat_with_epsilon (((JourneyStage *) journey_list_peek (f->map->stages, 0))->length, 3, 1e-9);
  /* After it: one unit later, in the same stage. */
  g_assert_cmpfloat_with_epsilon (tp (f, "c")->time, 4.5, 1e-9);
  g_assert_cmpstr (stage_of (f, "c"), ==, "s3");
  /* Inside it: the same place in the longer stage. */
  g_assert_cmpfloat_with_epsilon (tp (f, "a")->time, 0.75, 1e-9);
  g_assert_cmpstr (stage_of (f, "a"), ==, "s1");
  assert_one_step (f, "Resize “Book”");
}

/* Double-clicks an empty spot of a lane: a new touchpoint there, at that
 * time, its title ready to type. */
static void
test_add_by_double_click (Fixture       *f,
                          gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutLane *support = &layout->lanes[4];
  guint n = journey_list_get_length (f->map->touchpoints);
  JourneyTouchpoint *added;
  GtkWidget *entry;

  g_assert_cmpstr (support->lane->id, ==, "sup");
  /* Each press of a real double click reaches the drag gesture too, and
   * the second one may come there after the title's popover opened: it
   * must not take the focus back from the title. */
  {
    GtkGesture *click = find_gesture (f->canvas, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);
    GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
    double wx, wy;

    journey_canvas_map_to_widget (f->canvas, journey_layout_x_for_time (layout, 1), support->rect.y + 20, &wx, &wy);
    for (int press = 1; press <= 2; press++)
      {
        g_signal_emit_by_name (click, "pressed", press, wx, wy);
        g_signal_emit_by_name (drag, "drag-begin", wx, wy);
        g_signal_emit_by_name (click, "released", press, wx, wy);
        g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
      }
    test_iterate_frames ();
  }

  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  added = journey_list_peek (f->map->touchpoints, n);
  g_assert_cmpstr (added->lane, ==, "sup");
  g_assert_cmpfloat_with_epsilon (added->time, 1, 1e-9);
  g_assert_true (journey_canvas_get_focus_touchpoint (f->canvas) == added);

  /* The title is typed where the card is. */
  entry = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_TEXT (entry) || GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sends the invoice");
  g_signal_emit_by_name (GTK_IS_TEXT (entry) ? gtk_widget_get_ancestor (entry, GTK_TYPE_ENTRY) : entry, "activate");
  test_iterate_frames ();
  g_assert_cmpstr (added->title, ==, "Sends the invoice");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Rename “New touchpoint”");
  g_assert_true (journey_history_undo (f->history));
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Add Touchpoint");
  g_assert_true (journey_history_undo (f->history));
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n);
}

/* "+" (and Insert) with no card focused adds to the first customer lane,
 * or to the first lane when the map has none. */
static void
test_add_without_selection (Fixture       *f,
                            gconstpointer  data)
{
  guint n = journey_list_get_length (f->map->touchpoints);
  JourneyTouchpoint *added;
  JourneyLane *guest = journey_list_peek (f->map->lanes, 1);
  g_autoptr(GPtrArray) selection = journey_canvas_get_selection (f->canvas);

  g_assert_cmpuint (selection->len, ==, 0);
  g_assert_null (journey_canvas_get_focus_touchpoint (f->canvas));
  g_assert_cmpstr (guest->id, ==, "cust");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-touchpoint", NULL));
  test_iterate_frames ();
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  added = journey_list_peek (f->map->touchpoints, n);
  g_assert_cmpstr (added->lane, ==, "cust");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Add Touchpoint");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n);

  /* No customer lane: the first lane. */
  journey_history_set (f->history, guest, "kind", JOURNEY_LANE_ONSTAGE, NULL);
  test_iterate_frames ();
  journey_canvas_set_focus_touchpoint (f->canvas, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-touchpoint", NULL));
  test_iterate_frames ();
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  added = journey_list_peek (f->map->touchpoints, n);
  g_assert_cmpstr (added->lane, ==, "phys");
}

/* Clicks and a rubber band select; dragging one selected card moves them
 * all; a click on empty space clears the selection. */
static void
test_select_and_move_together (Fixture       *f,
                               gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutCard *a = card (f, "a"), *b = card (f, "b");
  g_autoptr(GPtrArray) selection = NULL;
  double x0 = MIN (a->rect.x, b->rect.x) - 8, y0 = MIN (a->rect.y, b->rect.y) - 8;
  double x1 = MAX (a->rect.x + a->rect.width, b->rect.x + b->rect.width) + 8;
  double y1 = MAX (a->rect.y + a->rect.height, b->rect.y + b->rect.height) + 8;
  double dx;

  /* A click selects one card. */
  click_map (f, 1, a->rect.x + 10, a->rect.y + 10);
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection, 0) == tp (f, "a"));
  g_clear_pointer (&selection, g_ptr_array_unref);

  /* A click on empty space clears it. */
  click_map (f, 1, layout->lanes[0].rect.x + layout->lanes[0].rect.width - 4, layout->lanes[0].rect.y + 4);
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 0);
  g_clear_pointer (&selection, g_ptr_array_unref);

  /* A band over both cards (from empty space) selects both. */
  layout = journey_canvas_get_layout (f->canvas);
  g_assert_cmpint (journey_layout_hit_test (layout, x0, y0, NULL), !=, JOURNEY_HIT_CARD);
  drag_map (f, GDK_BUTTON_PRIMARY, x0, y0, x1, y1);
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 2);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);

  /* Dragging one moves both by the same time; the point of the card
   * taken stays under the pointer, to half a snap step, though the card
   * began near the start of the timeline, where cards are squeezed in. */
  layout = journey_canvas_get_layout (f->canvas);
  a = card (f, "a");
  x0 = a->rect.x + 10;
  dx = journey_layout_x_for_time (layout, 1.5) - journey_layout_x_for_time (layout, 0.5);
  drag_map (f, GDK_BUTTON_PRIMARY, x0, a->rect.y + 10, x0 + dx, a->rect.y + 10);
  g_assert_cmpfloat (tp (f, "a")->time, >, 1.25);
  g_assert_cmpfloat_with_epsilon (tp (f, "b")->time - tp (f, "a")->time, 1, 1e-9);
  layout = journey_canvas_get_layout (f->canvas);
  g_test_message ("a at %g, pointer at %g, time %g, ppu %g", card (f, "a")->rect.x + 10, x0 + dx, tp (f, "a")->time, layout->px_per_unit);
  g_assert_cmpfloat (fabs (card (f, "a")->rect.x + 10 - (x0 + dx)), <=, 0.125 * layout->px_per_unit + 1e-6);
  assert_one_step (f, "Move 2 Touchpoints");
}

static void
count_changes (guint *changes)
{
  (*changes)++;
}

/* A rubber band tells the selection's observers only when the set of
 * cards it holds changes, not at every motion. */
static void
test_band_motion_quiet (Fixture       *f,
                        gconstpointer  data)
{
  JourneySelection *selection = journey_canvas_get_selection_model (f->canvas);
  GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  JourneyLayoutCard *a = card (f, "a");
  g_autoptr(GPtrArray) selected = NULL;
  double x0 = a->rect.x - 8, y0 = a->rect.y - 8, wx0, wy0, wx1, wy1;
  guint changes = 0;

  g_assert_cmpint (journey_layout_hit_test (layout, x0, y0, NULL), !=, JOURNEY_HIT_CARD);
  g_signal_connect_swapped (selection, "changed", G_CALLBACK (count_changes), &changes);
  journey_canvas_map_to_widget (f->canvas, x0, y0, &wx0, &wy0);
  journey_canvas_map_to_widget (f->canvas, a->rect.x + a->rect.width / 2, a->rect.y + a->rect.height / 2, &wx1, &wy1);

  /* Ten motions over a alone: one change. */
  g_signal_emit_by_name (drag, "drag-begin", wx0, wy0);
  for (int i = 0; i < 10; i++)
    g_signal_emit_by_name (drag, "drag-update", wx1 - wx0 + i * 0.3, wy1 - wy0 + i * 0.3);
  g_assert_cmpuint (changes, ==, 1);
  selected = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == tp (f, "a"));

  /* Back out of a: a second change, and none while it stays out. */
  g_signal_emit_by_name (drag, "drag-update", 2.0, 2.0);
  g_signal_emit_by_name (drag, "drag-update", 3.0, 2.5);
  g_signal_emit_by_name (drag, "drag-end", 3.0, 2.5);
  test_iterate ();
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (journey_selection_get_n_selected (selection), ==, 0);

  /* Selecting what is selected, or emptying an empty selection: nothing. */
  journey_canvas_unselect_all (f->canvas);
  journey_canvas_select (f->canvas, tp (f, "b"), FALSE);
  journey_canvas_select (f->canvas, tp (f, "b"), FALSE);
  journey_canvas_select (f->canvas, tp (f, "b"), TRUE);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);
  g_signal_handlers_disconnect_by_data (selection, &changes);
}

/* Zoom in, out and to fit; zoom around a point; pan with the middle
 * button. */
static void
test_zoom_and_pan (Fixture       *f,
                   gconstpointer  data)
{
  JourneyLayout *layout;
  GtkAdjustment *h, *v;
  double mx, my, mx2, my2, value;
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));

  double zoom = journey_canvas_get_zoom (f->canvas);

  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-in", NULL);
  test_iterate_frames ();
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), zoom * 1.2, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-reset", NULL);
  g_assert_cmpfloat (journey_canvas_get_zoom (f->canvas), ==, 1);

  /* Around the pointer: the map point under it stays under it. */
  journey_canvas_widget_to_map (f->canvas, 300, 200, &mx, &my);
  journey_canvas_zoom_at (f->canvas, 2, 300, 200);
  test_iterate_frames ();
  journey_canvas_widget_to_map (f->canvas, 300, 200, &mx2, &my2);
  g_assert_cmpfloat_with_epsilon (mx, mx2, 0.5);
  g_assert_cmpfloat_with_epsilon (my, my2, 0.5);

  /* Fit: the whole map in view. */
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-fit", NULL);
  test_iterate_frames ();
  layout = journey_canvas_get_layout (f->canvas);
  g_assert_cmpfloat (layout->width * journey_canvas_get_zoom (f->canvas), <=, width + 0.5);
  g_assert_cmpfloat (layout->height * journey_canvas_get_zoom (f->canvas), <=, height + 0.5);
  g_assert_true (layout->width * journey_canvas_get_zoom (f->canvas) >= width - 1
                 || layout->height * journey_canvas_get_zoom (f->canvas) >= height - 1);

  /* The middle button pans. */
  journey_canvas_zoom_at (f->canvas, 2, 0, 0);
  test_iterate_frames ();
  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  gtk_adjustment_set_value (h, 400);
  gtk_adjustment_set_value (v, 300);
  value = gtk_adjustment_get_value (h);
  drag_map (f, GDK_BUTTON_MIDDLE, 400, 400, 350, 380);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (h), value + 100, 1);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (v), 300 + 40, 1);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);
}

/* Tab walks the cards in time order, the arrows go to the nearest card. */
static void
test_keyboard_focus (Fixture       *f,
                     gconstpointer  data)
{
  press_key (f, GDK_KEY_Tab, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "a");
  press_key (f, GDK_KEY_Tab, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "b");
  press_key (f, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "a");

  /* a is left of b in the same lane. */
  press_key (f, GDK_KEY_Right, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "b");
  press_key (f, GDK_KEY_Left, 0);
  g_assert_cmpstr (journey_canvas_get_focus_touchpoint (f->canvas)->id, ==, "a");
  /* Down: a card below. */
  {
    double y = card (f, "a")->rect.y;

    press_key (f, GDK_KEY_Down, 0);
    g_assert_false (journey_canvas_get_focus_touchpoint (f->canvas) == tp (f, "a"));
    g_assert_cmpfloat (card (f, journey_canvas_get_focus_touchpoint (f->canvas)->id)->rect.y, >, y);
  }
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);
}

/* Shift+arrows move the focused card; Page Up/Down its satisfaction. */
static void
test_keyboard_edits (Fixture       *f,
                     gconstpointer  data)
{
  journey_canvas_set_focus_touchpoint (f->canvas, tp (f, "b"));

  press_key (f, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_cmpfloat_with_epsilon (tp (f, "b")->time, 1.75, 1e-9);
  assert_one_step (f, "Move “Books a room”");
  g_assert_true (journey_history_undo (f->history));

  press_key (f, GDK_KEY_Down, GDK_SHIFT_MASK);
  g_assert_cmpstr (tp (f, "b")->lane, ==, "on");
  assert_one_step (f, "Move “Books a room”");
  g_assert_true (journey_history_undo (f->history));

  press_key (f, GDK_KEY_Page_Down, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 4);
  assert_one_step (f, "Set Satisfaction of “Books a room”");
  press_key (f, GDK_KEY_minus, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 3);
  press_key (f, GDK_KEY_plus, 0);
  press_key (f, GDK_KEY_Page_Up, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 5);
  /* At the top of the scale: nothing more, and no empty step. */
  press_key (f, GDK_KEY_Page_Up, 0);
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 5);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 4);
}

static void
on_activate (JourneyCanvas     *canvas,
             JourneyTouchpoint *touchpoint,
             gpointer           user_data)
{
  *(JourneyTouchpoint **) user_data = touchpoint;
}

/* Enter opens, Delete deletes, Ctrl+D duplicates, Ctrl+C/X/V. */
static void
test_keyboard_commands (Fixture       *f,
                        gconstpointer  data)
{
  guint n = journey_list_get_length (f->map->touchpoints);
  JourneyTouchpoint *activated = NULL;
  g_autoptr(GPtrArray) selection = NULL;

  g_signal_connect (f->canvas, "activate-touchpoint", G_CALLBACK (on_activate), &activated);
  journey_canvas_set_focus_touchpoint (f->canvas, tp (f, "c"));
  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_Return, 0);
  g_assert_true (activated == tp (f, "c"));

  press_key (f, GDK_KEY_d, GDK_CONTROL_MASK);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpstr (((JourneyTouchpoint *) g_ptr_array_index (selection, 0))->title, ==, "Checks in");
  g_assert_false (g_ptr_array_index (selection, 0) == tp (f, "c"));
  assert_one_step (f, "Duplicate “Checks in”");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();

  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_Delete, 0);
  g_assert_null (tp (f, "c"));
  assert_one_step (f, "Delete “Checks in”");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();

  /* Copy, then paste: a new touchpoint like it, as one step. */
  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_c, GDK_CONTROL_MASK);
  press_key (f, GDK_KEY_v, GDK_CONTROL_MASK);
  for (int i = 0; i < 200 && journey_list_get_length (f->map->touchpoints) == n; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n + 1);
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (f->map->touchpoints, n))->title, ==, "Checks in");
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Paste");
  g_assert_true (journey_history_undo (f->history));
  test_iterate_frames ();

  /* Cut: gone, and back with a paste. */
  journey_canvas_select (f->canvas, tp (f, "c"), FALSE);
  press_key (f, GDK_KEY_x, GDK_CONTROL_MASK);
  g_assert_null (tp (f, "c"));
  press_key (f, GDK_KEY_v, GDK_CONTROL_MASK);
  for (int i = 0; i < 200 && journey_list_get_length (f->map->touchpoints) == n - 1; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n);

  /* Escape clears the selection. */
  g_clear_pointer (&selection, g_ptr_array_unref);
  press_key (f, GDK_KEY_Escape, 0);
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 0);
}

/* A channel filter veils the cards of every other channel, and only
 * changes what is drawn. */
static void
test_channel_filter (Fixture       *f,
                     gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  g_autoptr(JourneyScene) veiled = NULL;
  JourneySceneState state = { NULL, NULL, NULL, "web" };
  const JourneySceneNode *nodes;
  guint dimmed = 0, web = 0;

  journey_canvas_set_channel_filter (f->canvas, "web");
  g_assert_cmpstr (journey_canvas_get_channel_filter (f->canvas), ==, "web");
  test_iterate_frames ();
  layout = journey_canvas_get_layout (f->canvas);
  veiled = journey_scene_new_with_state (layout, &state);
  nodes = journey_scene_get_nodes (veiled);
  for (guint i = 0; i < journey_scene_get_n_nodes (veiled); i++)
    if (nodes[i].role == JOURNEY_ROLE_DIMMED)
      {
        dimmed++;
        g_assert_cmpstr (((JourneyTouchpoint *) nodes[i].item)->channel, !=, "web");
      }
  for (guint c = 0; c < layout->n_cards; c++)
    if (g_strcmp0 (layout->cards[c].touchpoint->channel, "web") == 0)
      web++;
  g_assert_cmpuint (web, ==, 1);
  g_assert_cmpuint (dimmed, ==, layout->n_cards - web);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);

  journey_canvas_set_channel_filter (f->canvas, NULL);
  g_assert_null (journey_canvas_get_channel_filter (f->canvas));
}

/* -- what the canvas shows ------------------------------------------------ */

/* The canvas's own frame, rendered as the window renders it: @width ×
 * @height pixels of 4 bytes. */
static guchar *
render_canvas (Fixture *f,
               int     *width,
               int     *height)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  for (int i = 0; i < 5; i++)
    test_iterate_frames ();
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  pixels = g_malloc ((gsize) *width * *height * 4);

  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  gsk_renderer_unrealize (renderer);
  return pixels;
}

/* The RMSE of @pixels (@width wide) against @expected over blocks of 4 × 4
 * pixels in [@x0, @x1) × [@y0, @y1): glyph edges may differ by a shade, a
 * card or a curve out of place may not. */
static double
block_rmse (const guchar    *pixels,
            int              width,
            cairo_surface_t *expected,
            int              x0,
            int              y0,
            int              x1,
            int              y1)
{
  const guchar *e = cairo_image_surface_get_data (expected);
  int stride = cairo_image_surface_get_stride (expected);
  double sum = 0;
  guint n = 0;

  cairo_surface_flush (expected);
  for (int by = MAX (0, y0); by + 4 <= y1; by += 4)
    for (int bx = MAX (0, x0); bx + 4 <= x1; bx += 4)
      for (int c = 0; c < 3; c++)
        {
          double d = 0;

          for (int y = by; y < by + 4; y++)
            for (int x = bx; x < bx + 4; x++)
              d += (double) pixels[(gsize) y * width * 4 + x * 4 + c] - e[(gsize) y * stride + x * 4 + c];
          d /= 16;
          sum += d * d;
          n++;
        }
  g_assert_cmpuint (n, >, 10000);
  return sqrt (sum / n);
}

/* The canvas at @zoom against the painter's image of the same map at the
 * same zoom, over the map in view. */
static double
compare_with_painter (Fixture *f,
                      double   zoom)
{
  g_autoptr(JourneyScene) scene = NULL;
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  g_autofree guchar *pixels = NULL;
  JourneyLayout *layout;
  cairo_surface_t *expected;
  double ox, oy, error;
  int width, height;
  cairo_t *cr;

  journey_canvas_zoom_at (f->canvas, zoom, 0, 0);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas)), 0);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas)), 0);
  pixels = render_canvas (f, &width, &height);

  /* The painter's, of the same scene at the same place. */
  layout = journey_canvas_get_layout (f->canvas);
  scene = journey_scene_new (layout);
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (expected);
  journey_canvas_map_to_widget (f->canvas, 0, 0, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, zoom, zoom);
  journey_painter_draw (painter, scene, cr, NULL);
  cairo_destroy (cr);

  error = block_rmse (pixels, width, expected, (int) ox, (int) oy,
                      MIN (width, (int) (ox + layout->width * zoom)), MIN (height, (int) (oy + layout->height * zoom)));
  cairo_surface_destroy (expected);
  g_test_message ("canvas against painter at %.0f %%: RMSE %.2f", zoom * 100, error);
  return error;
}

/* The canvas shows the same map as the cairo painter draws for PNG and
 * PDF, at every zoom: the same cards and curves in the same places. */
static void
test_render_matches_painter (Fixture       *f,
                             gconstpointer  data)
{
  journey_canvas_unselect_all (f->canvas);
  g_assert_cmpfloat (compare_with_painter (f, 1), <, 3.0);
  g_assert_cmpfloat (compare_with_painter (f, 0.5), <, 3.0);
  g_assert_cmpfloat (compare_with_painter (f, 2), <, 3.0);
}

/* SPEC §9, Stability, at fit zoom on the hotel example: a card dragged
 * along its lane stays under the pointer and in its row; the cards it does
 * not meet keep their rows and places; at the drop every card stays where
 * it was shown, the zoom and the timeline's scale do not change, and the
 * canvas draws the map; one undo restores it. */
static void
test_drag_is_stable (Fixture       *f,
                     gconstpointer  data)
{
  GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
  JourneyLayout *layout;
  JourneyLayoutCard *w;
  g_autofree JourneyLayoutCard *before = NULL;
  g_autofree JourneyLayoutCard *during = NULL;
  g_autofree JourneyRect *notes_during = NULL;
  double zoom, ppu, gx, gy, wx, wy, px, py, left, right;
  guint n, n_notes, moved = 0;

  journey_canvas_zoom_to_fit (f->canvas);
  test_iterate_frames ();
  zoom = journey_canvas_get_zoom (f->canvas);
  g_assert_cmpfloat (zoom, <, 1);
  layout = journey_canvas_get_layout (f->canvas);
  ppu = layout->px_per_unit;
  n = layout->n_cards;
  before = g_memdup2 (layout->cards, n * sizeof (JourneyLayoutCard));

  /* Taken at a point of its card, and moved 200 px along the lane. */
  w = card (f, "website");
  gx = w->rect.x + w->rect.width / 2;
  gy = w->rect.y + 10;
  journey_canvas_map_to_widget (f->canvas, gx, gy, &wx, &wy);
  g_signal_emit_by_name (drag, "drag-begin", wx, wy);
  for (int step = 1; step <= 4; step++)
    g_signal_emit_by_name (drag, "drag-update", 50.0 * step, 0.0);
  test_iterate_frames ();

  layout = journey_canvas_get_layout (f->canvas);
  g_assert_cmpfloat (layout->px_per_unit, ==, ppu);
  journey_canvas_widget_to_map (f->canvas, wx + 200, wy, &px, &py);
  w = card (f, "website");
  g_assert_cmpfloat (fabs (w->rect.x + w->rect.width / 2 - px), <=, 0.125 * ppu + 1e-6);
  g_assert_cmpfloat (w->rect.y + 10, ==, py);
  left = w->rect.x - layout->style.card_gap;
  right = w->rect.x + w->rect.width + layout->style.card_gap;
  g_assert_cmpuint (layout->n_cards, ==, n);
  for (guint c = 0; c < n; c++)
    {
      const JourneyLayoutCard *now = &layout->cards[c], *then = &before[c];

      g_assert_true (now->touchpoint == then->touchpoint);
      if (now == w || (now->row == then->row && now->rect.x == then->rect.x))
        continue;
      /* Only a card in the way of the dragged one made room. */
      g_assert_cmpint (now->lane, ==, w->lane);
      g_assert_cmpfloat (then->rect.x, <, right);
      g_assert_cmpfloat (then->rect.x + then->rect.width, >, left);
      moved++;
    }
  g_assert_cmpuint (moved, <=, 1);
  during = g_memdup2 (layout->cards, n * sizeof (JourneyLayoutCard));
  n_notes = layout->n_notes;
  notes_during = g_new (JourneyRect, MAX (n_notes, 1));
  for (guint k = 0; k < n_notes; k++)
    notes_during[k] = layout->notes[k].rect;

  g_signal_emit_by_name (drag, "drag-end", 200.0, 0.0);
  test_iterate_frames ();
  layout = journey_canvas_get_layout (f->canvas);
  g_assert_cmpfloat (journey_canvas_get_zoom (f->canvas), ==, zoom);
  g_assert_cmpfloat (layout->px_per_unit, ==, ppu);
  for (guint c = 0; c < n; c++)
    {
      g_assert_true (layout->cards[c].touchpoint == during[c].touchpoint);
      g_assert_cmpmem (&layout->cards[c].rect, sizeof (JourneyRect), &during[c].rect, sizeof (JourneyRect));
    }
  /* So do the notes on the map. */
  g_assert_cmpuint (n_notes, >, 0);
  g_assert_cmpuint (layout->n_notes, ==, n_notes);
  for (guint k = 0; k < n_notes; k++)
    g_assert_cmpmem (&layout->notes[k].rect, sizeof (JourneyRect), &notes_during[k], sizeof (JourneyRect));
  g_assert_cmpfloat (compare_with_painter (f, zoom), <, 3.0);
  assert_one_step (f, "Move “Visits the hotel website”");
}

/* The emotion band as the canvas shows it now, against the painter's
 * drawing of the same map node by node as the canvas draws. */
static double
compare_band_with_painter (Fixture *f)
{
  g_autofree guchar *pixels = NULL;
  JourneyLayout *layout;
  g_autoptr(JourneyScene) scene = NULL;
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  double zoom = journey_canvas_get_zoom (f->canvas);
  cairo_surface_t *expected;
  JourneyRect visible;
  double ox, oy, top, bottom, error;
  int width, height;
  cairo_t *cr;

  pixels = render_canvas (f, &width, &height);
  layout = journey_canvas_get_layout (f->canvas);
  scene = journey_scene_new (layout);

  journey_canvas_map_to_widget (f->canvas, 0, 0, &ox, &oy);
  journey_canvas_widget_to_map (f->canvas, 0, 0, &visible.x, &visible.y);
  visible.width = width / zoom;
  visible.height = height / zoom;
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (expected);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, zoom, zoom);
  export_test_draw_quickly (painter, scene, cr, &visible);
  cairo_destroy (cr);

  journey_canvas_map_to_widget (f->canvas, 0, layout->band.rect.y, &ox, &top);
  journey_canvas_map_to_widget (f->canvas, 0, layout->band.rect.y + layout->band.rect.height, &ox, &bottom);
  /* Right of the label column, which stays at the left of the view when
   * it scrolls (frozen headers). */
  error = block_rmse (pixels, width, expected, (int) ceil (layout->timeline_x * zoom) + 4, (int) top, width,
                      MIN (height, (int) bottom));
  cairo_surface_destroy (expected);
  g_test_message ("band against the painter: RMSE %.2f", error);
  return error;
}

/* A long curve is drawn in tiles kept between frames: what the canvas
 * shows is the painter's drawing, before and after a handle is dragged
 * (the tiles it changed are drawn again) and after a scroll. */
static void
test_long_curves (Fixture       *f,
                  gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  JourneyLayoutHandle *handle = NULL;
  JourneyTouchpoint *tp;
  double before, x, y;

  g_assert_cmpuint (layout->curves[JOURNEY_CURVE_AS_IS].n_points, >, 3 * JOURNEY_PAINTER_DASH_PIECE);
  journey_canvas_zoom_at (f->canvas, 1, 0, 0);
  test_iterate_frames ();
  layout = journey_canvas_get_layout (f->canvas);
  gtk_adjustment_set_value (hadjustment, layout->width / 2);
  gtk_adjustment_set_value (vadjustment, layout->stage_band.y);
  test_iterate_frames ();
  g_assert_cmpfloat (compare_band_with_painter (f), <, 1.5);

  /* A handle near the middle of the view, dragged up. */
  journey_canvas_widget_to_map (f->canvas, gtk_widget_get_width (GTK_WIDGET (f->canvas)) / 2.0, 0, &x, &y);
  for (guint i = 0; i < layout->n_handles; i++)
    if (handle == NULL || fabs (layout->handles[i].x - x) < fabs (handle->x - x))
      handle = &layout->handles[i];
  tp = handle->touchpoint;
  before = tp->satisfaction;
  x = handle->x;
  y = handle->y;
  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x, y + (before > 3 ? 120 : -120));
  g_assert_cmpfloat (fabs (tp->satisfaction - before), >, 1);
  g_assert_cmpfloat (compare_band_with_painter (f), <, 1.5);

  /* A little further along. */
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + 700);
  test_iterate_frames ();
  g_assert_cmpfloat (compare_band_with_painter (f), <, 1.5);
}

typedef struct
{
  JourneyTouchpoint *touchpoint;
  guint              kind;
  guint              item;
  guint              count;
} NoteActivation;

static void
on_activate_note (JourneyCanvas     *canvas,
                  JourneyTouchpoint *touchpoint,
                  guint              kind,
                  guint              item,
                  NoteActivation    *got)
{
  got->touchpoint = touchpoint;
  got->kind = kind;
  got->item = item;
  got->count++;
}

/* A double click on a note selects its touchpoint and asks for the
 * note's field ("activate-note"); one on an empty spot of a note lane
 * does nothing.  Neither is an edit. */
static void
test_double_click_note (Fixture       *f,
                        gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  NoteActivation got = { NULL, 0, 0, 0 };
  guint n_notes = layout->n_notes;
  guint n_touchpoints = journey_list_get_length (f->map->touchpoints);
  JourneyRect lanes;

  /* "a" has a pain point, an opportunity and an action. */
  g_assert_cmpuint (n_notes, ==, 3);
  lanes = layout->notes_rect;
  g_signal_connect (f->canvas, "activate-note", G_CALLBACK (on_activate_note), &got);

  for (guint n = 0; n < n_notes; n++)
    {
      JourneyLayoutNote note;
      g_autoptr(GPtrArray) selection = NULL;

      layout = journey_canvas_get_layout (f->canvas);
      note = layout->notes[n];
      journey_canvas_select (f->canvas, NULL, FALSE);
      click_map (f, 2, note.rect.x + note.rect.width - 12, note.rect.y + note.rect.height / 2);

      g_assert_cmpuint (got.count, ==, n + 1);
      g_assert_true (got.touchpoint == tp (f, "a"));
      g_assert_cmpuint (got.kind, ==, note.kind);
      g_assert_cmpuint (got.item, ==, note.item);
      selection = journey_canvas_get_selection (f->canvas);
      g_assert_cmpuint (selection->len, ==, 1);
      g_assert_true (g_ptr_array_index (selection, 0) == tp (f, "a"));
      g_assert_true (journey_canvas_get_focus_touchpoint (f->canvas) == tp (f, "a"));
    }
  g_assert_cmpuint (got.kind, !=, 0);

  click_map (f, 2, lanes.x + lanes.width - 8, lanes.y + 4);
  g_assert_cmpuint (got.count, ==, n_notes);
  g_assert_cmpuint (journey_list_get_length (f->map->touchpoints), ==, n_touchpoints);
  g_assert_false (journey_history_can_undo (f->history));
}

/* -- frozen headers and touch targets ------------------------------------- */

/* The colour at widget pixel (@x, @y) of @pixels (@width wide), 0xrrggbb. */
static guint32
pixel_at (const guchar *pixels,
          int           width,
          int           x,
          int           y)
{
  const guchar *p = pixels + ((gsize) y * width + x) * 4;

  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static gboolean
color_near (guint32 a,
            guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 4)
      return FALSE;
  return TRUE;
}

static gboolean
is_dark (guint32 pixel)
{
  return (pixel & 0xff) < 0x60 && ((pixel >> 8) & 0xff) < 0x60 && ((pixel >> 16) & 0xff) < 0x60;
}

/* The pill behind the value a handle is dragged to fits the label as it
 * is drawn, in any script: a CJK label is about 1 em a character, not the
 * 0.6 em that Latin text averages. */
static void
test_value_pill_fits_cjk (Fixture       *f,
                          gconstpointer  data)
{
  const char *labels[] = { "1", "2", "非常に満足している顧客", "4", "5", NULL };
  g_autoptr(JourneyScale) scale = journey_scale_new (1, 5, labels);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) context = NULL;
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoFontDescription) description = NULL;
  g_autofree guchar *pixels = NULL;
  GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
  JourneyLayout *layout;
  JourneyLayoutCard *b;
  JourneyLayoutHandle *handle;
  JourneyFont font;
  PangoRectangle logical;
  double wx, wy, left, row_y, dy, body;
  int width, height, x, run = 0;

  g_assert_true (journey_edit_set_scale (f->history, f->map, scale, &error));
  g_assert_no_error (error);
  test_iterate ();
  layout = journey_canvas_get_layout (f->canvas);
  b = card (f, "b");
  handle = &layout->handles[b->handle];
  body = layout->style.body_size;

  /* How wide the canvas draws the label: its own Pango context. */
  journey_theme_font (JOURNEY_ROLE_VALUE_LABEL, NULL, &layout->style, &font);
  context = G_OBJECT (gtk_widget_create_pango_context (GTK_WIDGET (f->canvas)));
  journey_text_configure_context (PANGO_CONTEXT (context));
  text = journey_text_layout_new (PANGO_CONTEXT (context));
  description = journey_text_font_description (layout->style.font_family, font.size, font.bold, FALSE);
  pango_layout_set_font_description (text, description);
  pango_layout_set_text (text, labels[2], -1);
  pango_layout_get_extents (text, NULL, &logical);
  /* (The pill guessed at 0.6 em a character would miss 10 pixels and more.) */
  g_assert_cmpfloat (logical.width / (double) PANGO_SCALE + 2 * 10, >, 11 * body * 0.6 + 20 + 10);

  /* Dragged to 3, held there. */
  journey_canvas_map_to_widget (f->canvas, handle->x, handle->y, &wx, &wy);
  dy = journey_layout_y_for_value (layout, 3) - handle->y;
  g_signal_emit_by_name (drag, "drag-begin", wx, wy);
  g_signal_emit_by_name (drag, "drag-update", 0.0, dy);
  test_iterate ();
  layout = journey_canvas_get_layout (f->canvas);
  b = card (f, "b");

  /* The pill's row above the glyphs: dark from its left end to its right
   * end (less what its round ends take there). */
  g_assert_cmpfloat (tp (f, "b")->satisfaction, ==, 3);
  pixels = render_canvas (f, &width, &height);
  left = b->rect.x + b->rect.width / 2 + layout->style.handle_radius + 12;
  journey_canvas_map_to_widget (f->canvas, left, journey_layout_y_for_value (layout, 3) - 0.75 * body, &wx, &row_y);
  for (x = (int) wx - 2; x < width && !is_dark (pixel_at (pixels, width, x, (int) row_y)); x++)
    ;
  for (; x < width && is_dark (pixel_at (pixels, width, x, (int) row_y)); x++)
    run++;
  g_test_message ("label %.1f px wide, pill row %d px", logical.width / (double) PANGO_SCALE, run);
  g_assert_cmpfloat (run, >=, logical.width / (double) PANGO_SCALE + 2 * 10 - 0.7 * body - 2);

  g_signal_emit_by_name (drag, "drag-end", 0.0, dy);
  test_iterate ();
}

/* Scrolls the map point (@x, @y) to the top left corner of the view. */
static void
scroll_to (Fixture *f,
           double   x,
           double   y)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  double wx, wy;

  journey_canvas_map_to_widget (f->canvas, x, y, &wx, &wy);
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + wx);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + wy);
  test_iterate_frames ();
}

/* A press and release at the widget point (@x, @y). */
static void
click_widget (Fixture *f,
              double   x,
              double   y)
{
  GtkGesture *click = find_gesture (f->canvas, GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);
  GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);

  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  g_signal_emit_by_name (click, "released", 1, x, y);
  test_iterate_frames ();
}

/* The node of @role of item @index in @scene. */
static const JourneySceneNode *
item_node (JourneyScene     *scene,
           JourneySceneRole  role,
           guint             index)
{
  const JourneySceneNode *nodes = journey_scene_get_nodes (scene);

  for (guint i = 0; i < journey_scene_get_n_nodes (scene); i++)
    if (nodes[i].role == role && nodes[i].item_index == index && nodes[i].kind != JOURNEY_SCENE_GROUP_END)
      return &nodes[i];
  g_assert_not_reached ();
  return NULL;
}

/* The card in the middle of the map's lanes, to hide under the headers. */
static guint
middle_card (JourneyLayout *layout)
{
  double mx = layout->timeline_x + layout->timeline_width / 2;
  double my = layout->lanes_rect.y + layout->lanes_rect.height / 2;
  guint best = 0;

  for (guint c = 1; c < layout->n_cards; c++)
    if (hypot (layout->cards[c].rect.x - mx, layout->cards[c].rect.y - my)
        < hypot (layout->cards[best].rect.x - mx, layout->cards[best].rect.y - my))
      best = c;
  return best;
}

/* SPEC §9 Orientation: scrolled down and right on a big map, the stage
 * band stays at the top of the view and the lane names at its left,
 * drawn over the map from the scene's nodes; the rest of the view is the
 * painter's map.  A press on them takes nothing hidden under them, and a
 * stage boundary can be dragged on the band. */
static void
test_frozen_headers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JourneyScene) scene = NULL;
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  g_autofree guchar *pixels = NULL;
  JourneyLayout *layout;
  JourneyLayoutCard *hidden;
  JourneyTouchpoint *hidden_tp;
  cairo_surface_t *expected;
  cairo_t *cr;
  double band, column, ox, oy, wx, wy, error;
  int width, height, checked = 0;
  guint c;

  journey_canvas_zoom_at (f->canvas, 1, 0, 0);
  test_iterate_frames ();
  layout = journey_canvas_get_layout (f->canvas);
  band = layout->stage_band.height;
  column = layout->timeline_x;

  /* A card half under the stage band, its left half under the label
   * column. */
  c = middle_card (layout);
  hidden = &layout->cards[c];
  hidden_tp = hidden->touchpoint;
  scroll_to (f, hidden->rect.x + hidden->rect.width / 2 - column, hidden->rect.y + hidden->rect.height / 2 - band);
  journey_canvas_unselect_all (f->canvas);
  pixels = render_canvas (f, &width, &height);
  layout = journey_canvas_get_layout (f->canvas);
  hidden = &layout->cards[c];
  scene = journey_scene_new (layout);

  /* The stage band at the top: the colour of the stage over each x. */
  for (int x = (int) column + 8; x < width; x += 16)
    {
      double mx, my;
      guint s = 0;

      journey_canvas_widget_to_map (f->canvas, x, 0, &mx, &my);
      while (s + 1 < layout->n_stages && mx > layout->stages[s].header.x + layout->stages[s].header.width)
        s++;
      if (fabs (mx - layout->stages[s].header.x) < 4
          || fabs (mx - layout->stages[s].header.x - layout->stages[s].header.width) < 4)
        continue;
      g_assert_cmphex (pixel_at (pixels, width, x, (int) band - 3), ==,
                       item_node (scene, JOURNEY_ROLE_STAGE_HEADER, s)->paint.fill);
      checked++;
    }
  g_assert_cmpint (checked, >, 20);

  /* The lane labels at the left, each beside its lane. */
  checked = 0;
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyLayoutLane *lane = &layout->lanes[l];

      journey_canvas_map_to_widget (f->canvas, 0, lane->rect.y + lane->rect.height - 4, &wx, &wy);
      if (wy < band + 4 || wy >= height)
        continue;
      g_assert_true (color_near (pixel_at (pixels, width, (int) (lane->label.x + lane->label.width) - 4, (int) wy),
                                 item_node (scene, JOURNEY_ROLE_LANE_LABEL, l)->paint.fill));
      checked++;
    }
  g_assert_cmpint (checked, >, 0);

  /* The corner: paper. */
  g_assert_cmphex (pixel_at (pixels, width, 4, 4), ==, 0xffffff);
  /* The card under them does not show through: where its title would
   * be, the stage's colour. */
  journey_canvas_map_to_widget (f->canvas, hidden->rect.x + hidden->rect.width / 2 + 6, hidden->rect.y + 2, &wx, &wy);
  g_assert_cmpfloat (wy, <, band - 4);
  g_assert_cmpfloat (wx, >, column);
  {
    double mx, my;
    guint s = 0;

    journey_canvas_widget_to_map (f->canvas, wx, 0, &mx, &my);
    while (s + 1 < layout->n_stages && mx > layout->stages[s].header.x + layout->stages[s].header.width)
      s++;
    g_assert_cmphex (pixel_at (pixels, width, (int) wx, (int) band - 3), ==,
                     item_node (scene, JOURNEY_ROLE_STAGE_HEADER, s)->paint.fill);
  }

  /* The rest of the view is the map as the painter draws it. */
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (expected);
  journey_canvas_map_to_widget (f->canvas, 0, 0, &ox, &oy);
  cairo_translate (cr, ox, oy);
  journey_painter_draw (painter, scene, cr, NULL);
  cairo_destroy (cr);
  error = block_rmse (pixels, width, expected, (int) column + 4, (int) band + 4, width, height);
  g_test_message ("scrolled canvas against the painter: RMSE %.2f", error);
  g_assert_cmpfloat (error, <, 3.0);
  /* And under the headers, it is not. */
  g_assert_cmpfloat (block_rmse (pixels, width, expected, (int) column + 4, 0, width, (int) band), >, 10);
  cairo_surface_destroy (expected);

  /* A press on the stage band over the card, or on the column over it:
   * the card is not taken.  On the card itself: it is. */
  click_widget (f, wx, band / 2);
  g_assert_false (journey_canvas_get_focus_touchpoint (f->canvas) == hidden_tp);
  journey_canvas_map_to_widget (f->canvas, hidden->rect.x + 6, hidden->rect.y + hidden->rect.height - 6, &wx, &wy);
  g_assert_cmpfloat (wx, <, column);
  g_assert_cmpfloat (wy, >, band);
  click_widget (f, wx, wy);
  g_assert_false (journey_canvas_get_focus_touchpoint (f->canvas) == hidden_tp);
  {
    g_autoptr(GPtrArray) selection = journey_canvas_get_selection (f->canvas);

    g_assert_cmpuint (selection->len, ==, 0);
  }
  journey_canvas_map_to_widget (f->canvas, hidden->rect.x + hidden->rect.width - 6,
                                hidden->rect.y + hidden->rect.height - 6, &wx, &wy);
  click_widget (f, wx, wy);
  g_assert_true (journey_canvas_get_focus_touchpoint (f->canvas) == hidden_tp);
  g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 0);
  /* The focused card is scrolled out from under the headers. */
  layout = journey_canvas_get_layout (f->canvas);
  hidden = &layout->cards[c];
  journey_canvas_map_to_widget (f->canvas, hidden->rect.x, hidden->rect.y, &wx, &wy);
  g_assert_cmpfloat (wx, >=, column);
  g_assert_cmpfloat (wy, >=, band);

  /* The end of a stage in view, dragged on the band at the top. */
  {
    GtkGesture *drag = find_gesture (f->canvas, GTK_TYPE_GESTURE_DRAG, GDK_BUTTON_PRIMARY);
    guint s = layout->n_stages / 2;
    JourneyStage *stage = journey_list_peek (f->map->stages, s);
    double before, mx, my;

    journey_canvas_widget_to_map (f->canvas, 0, 0, &mx, &my);
    scroll_to (f, layout->stages[s].header.x + layout->stages[s].header.width - column - 300, my);
    layout = journey_canvas_get_layout (f->canvas);
    journey_canvas_map_to_widget (f->canvas, layout->stages[s].header.x + layout->stages[s].header.width,
                                  layout->stages[s].header.y, &wx, &wy);
    g_assert_cmpfloat (wy, <, 0);
    before = stage->length;
    g_signal_emit_by_name (drag, "drag-begin", wx, band / 2);
    g_signal_emit_by_name (drag, "drag-update", 30.0, 0.0);
    g_signal_emit_by_name (drag, "drag-update", layout->px_per_unit, 0.0);
    g_signal_emit_by_name (drag, "drag-end", layout->px_per_unit, 0.0);
    test_iterate_frames ();
    g_assert_cmpfloat_with_epsilon (stage->length, before + 1, 1e-9);
    g_assert_cmpuint (journey_history_get_n_steps (f->history), ==, 1);
    g_assert_true (journey_history_undo (f->history));
    g_assert_cmpfloat (stage->length, ==, before);
  }
}

/* SPEC §9 Touch, at fit zoom on a big map: a handle drawn a few pixels
 * wide is taken by a press 20 px from its centre on screen, the nearest
 * handle winning; the drag sets its satisfaction in one step. */
static void
test_handle_at_fit (Fixture       *f,
                    gconstpointer  data)
{
  JourneyLayout *layout;
  JourneyLayoutHandle *handle = NULL;
  JourneyTouchpoint *touchpoint;
  double zoom, d, dir = 1, before, x, y;
  g_autofree char *label = NULL;

  /* Fitted, but no further out than 15 %: the 400 cards fit at a zoom
   * where no handle has room of 20 px to itself in the emotion band. */
  journey_canvas_zoom_to_fit (f->canvas);
  journey_canvas_zoom_at (f->canvas, MAX (journey_canvas_get_zoom (f->canvas), 0.15), NAN, NAN);
  test_iterate_frames ();
  zoom = journey_canvas_get_zoom (f->canvas);
  layout = journey_canvas_get_layout (f->canvas);
  g_assert_cmpfloat (zoom, <, 0.5);
  d = 20 / zoom;

  /* A handle with nothing else as near to the point 20 px above or below
   * it (away from the middle of the scale). */
  for (guint i = 0; i < layout->n_handles && handle == NULL; i++)
    {
      JourneyLayoutHandle *h = &layout->handles[i];
      const JourneyLayoutCurve *to_be = &layout->curves[JOURNEY_CURVE_TO_BE];
      gboolean alone = TRUE;

      g_assert_cmpfloat (h->radius * zoom, <, 5);
      dir = h->value > (layout->band.min + layout->band.max) / 2.0 ? 1 : -1;
      x = h->x;
      y = h->y + dir * d;
      if (y < layout->band.rect.y || y > layout->band.rect.y + layout->band.rect.height)
        alone = FALSE;
      for (guint k = 0; k < layout->n_handles && alone; k++)
        if (k != i && hypot (layout->handles[k].x - x, layout->handles[k].y - y) < 2 * d)
          alone = FALSE;
      for (guint k = 0; k < to_be->n_points && alone; k++)
        if (hypot (to_be->points[k].x - x, to_be->points[k].y - y) < 2 * d)
          alone = FALSE;
      if (alone)
        handle = h;
    }
  g_assert_nonnull (handle);
  touchpoint = handle->touchpoint;
  before = touchpoint->satisfaction;
  x = handle->x;
  y = handle->y + dir * d;
  label = g_strdup_printf ("Set Satisfaction of “%s”", touchpoint->title);

  /* 20 px away on screen, dragged 60 px towards the middle. */
  drag_map (f, GDK_BUTTON_PRIMARY, x, y, x, y - dir * 3 * d);
  g_assert_cmpfloat (fabs (touchpoint->satisfaction - before), >=, 0.5);
  g_assert_cmpfloat (journey_canvas_get_zoom (f->canvas), ==, zoom);
  /* The canvas draws the map the painter draws, the new value in it. */
  journey_canvas_unselect_all (f->canvas);
  g_assert_cmpfloat (compare_with_painter (f, zoom), <, 3.0);
  assert_one_step (f, label);
}

/* Presenting hides the selection's outline: the frame is the one of the
 * same map with nothing selected; shown again, the outline is back. */
static void
test_hide_selection (Fixture       *f,
                     gconstpointer  data)
{
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  g_autofree guchar *plain = NULL;
  g_autofree guchar *hidden = NULL;
  g_autofree guchar *shown = NULL;
  g_autoptr(GPtrArray) selection = NULL;
  int width, height;
  gsize differ = 0;

  journey_canvas_unselect_all (f->canvas);
  plain = render_canvas (f, &width, &height);
  journey_canvas_select (f->canvas, layout->cards[0].touchpoint, FALSE);
  journey_canvas_set_show_selection (f->canvas, FALSE);
  hidden = render_canvas (f, &width, &height);
  g_assert_cmpmem (hidden, (gsize) width * height * 4, plain, (gsize) width * height * 4);
  /* Still selected. */
  selection = journey_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 1);

  journey_canvas_set_show_selection (f->canvas, TRUE);
  shown = render_canvas (f, &width, &height);
  for (gsize i = 0; i < (gsize) width * height * 4; i++)
    differ += shown[i] != plain[i];
  g_assert_cmpuint (differ, >, 100);
}

/* Zooming out reaches the whole of a large map, far below a tenth, and
 * no further; "fit" shows all of it.  5,000 touchpoints fit at about
 * 0.02 (20,000 at about the same: the map grows in height as well); the
 * least zoom follows the map whatever its size. */
static void
test_zoom_reaches_whole_map (Fixture       *f,
                             gconstpointer  data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  JourneyLayout *layout = journey_canvas_get_layout (f->canvas);
  double fit = MIN (width / layout->width, height / layout->height);

  g_assert_cmpuint (layout->n_cards, ==, 5000);
  g_test_message ("map %.0f × %.0f in %d × %d: fit at %.4f", layout->width, layout->height, width, height, fit);
  g_assert_cmpfloat (fit, <, 0.1);

  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-fit", NULL);
  test_iterate_frames ();
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), fit, 1e-12);
  g_assert_cmpfloat (layout->width * journey_canvas_get_zoom (f->canvas), <=, width + 0.5);
  g_assert_cmpfloat (layout->height * journey_canvas_get_zoom (f->canvas), <=, height + 0.5);

  /* From 100 %, zooming out step by step ends at the fit. */
  journey_canvas_zoom_at (f->canvas, 1, NAN, NAN);
  for (guint i = 0; i < 100; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), fit, 1e-12);
  journey_canvas_zoom_at (f->canvas, fit / 10, NAN, NAN);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (f->canvas), fit, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *long_map = export_test_generate (400, 5);
  g_autofree char *huge_map = export_test_generate (5000, 11);
  g_autoptr(GString) off_grid = g_string_new (EXPORT_TEST_PROJECT);
  g_autofree char *hotel_path = g_build_filename (g_getenv ("JOURNEYS_EXAMPLES_DIR"), "hotel.journey", NULL);
  g_autofree char *hotel = NULL;

  static const Case at_100 = { NULL, FALSE }, at_fit = { NULL, TRUE };
  Case long_curves = { NULL, FALSE }, hotel_case = { NULL, FALSE }, off_grid_case = { NULL, FALSE };
  Case huge_case = { NULL, FALSE };

  gtk_test_init (&argc, &argv, NULL);
  g_assert_true (g_file_get_contents (hotel_path, &hotel, NULL, NULL));
  long_curves.json = long_map;
  hotel_case.json = hotel;
  huge_case.json = huge_map;

  /* Every row of SPEC §9's table at 100 % and at fit zoom. */
#define ADD(name, func)                                                                          \
  g_test_add ("/canvas/" name, Fixture, &at_100, fixture_set_up, func, fixture_tear_down);     \
  g_test_add ("/canvas/fit/" name, Fixture, &at_fit, fixture_set_up, func, fixture_tear_down)

  ADD ("drag-card-in-time", test_drag_card_in_time);
  ADD ("drag-card-to-lane", test_drag_card_to_lane);
  ADD ("drag-satisfaction", test_drag_satisfaction);
  ADD ("drag-target", test_drag_target);
  ADD ("drag-stage-boundary", test_drag_stage_boundary);
  ADD ("escape-during-drag", test_escape_during_drag);
  ADD ("add-by-double-click", test_add_by_double_click);
  ADD ("add-without-selection", test_add_without_selection);
  ADD ("double-click-note", test_double_click_note);
  ADD ("select-and-move-together", test_select_and_move_together);
  ADD ("zoom-and-pan", test_zoom_and_pan);
  ADD ("keyboard-focus", test_keyboard_focus);
  ADD ("keyboard-edits", test_keyboard_edits);
  ADD ("keyboard-commands", test_keyboard_commands);
  ADD ("channel-filter", test_channel_filter);
  ADD ("band-motion-quiet", test_band_motion_quiet);
  g_test_add ("/canvas/value-pill-fits-cjk", Fixture, &at_100, fixture_set_up, test_value_pill_fits_cjk,
              fixture_tear_down);
  g_test_add ("/canvas/render-matches-painter", Fixture, &at_100, fixture_set_up, test_render_matches_painter,
              fixture_tear_down);
  g_test_add ("/canvas/long-curves", Fixture, &long_curves, fixture_set_up, test_long_curves, fixture_tear_down);
  g_test_add ("/canvas/drag-is-stable", Fixture, &hotel_case, fixture_set_up, test_drag_is_stable, fixture_tear_down);
  g_test_add ("/canvas/frozen-headers", Fixture, &long_curves, fixture_set_up, test_frozen_headers, fixture_tear_down);
  g_test_add ("/canvas/handle-at-fit", Fixture, &long_curves, fixture_set_up, test_handle_at_fit, fixture_tear_down);
  g_test_add ("/canvas/hide-selection", Fixture, &at_100, fixture_set_up, test_hide_selection, fixture_tear_down);
  g_test_add ("/canvas/zoom-reaches-whole-map", Fixture, &huge_case, fixture_set_up, test_zoom_reaches_whole_map,
              fixture_tear_down);
  g_assert_cmpuint (g_string_replace (off_grid, "\"lane\": \"off\", \"time\": 4,", "\"lane\": \"off\", \"time\": 4.13,", 1), ==, 1);
  off_grid_case.json = off_grid->str;
  g_test_add ("/canvas/drag-card-to-lane-keeps-time", Fixture, &off_grid_case, fixture_set_up,
              test_drag_card_to_lane_keeps_time, fixture_tear_down);

  return g_test_run ();
}
