/* journey-canvas-test-utils.h: what the tests of the canvas share: a
 * canvas in a window on a project, its gestures and key bindings driven
 * without fake input, and its frame against the painter's drawing.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include <gtk/gtk.h>

#include "export/export-test-utils.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-canvas.h"
#include "journey-painter.h"
#include "journey-scene.h"

typedef struct
{
  GtkWidget      *window;
  JourneyCanvas  *canvas;
  JourneyProject *project;
  JourneyMap     *map;
  JourneyHistory *history;
  char           *before;   /* the project as saved before the test's edits */
} Fixture;

static inline char *
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

static inline void
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

static inline void
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
static inline GtkGesture *
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
static inline void
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

static inline void
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
static inline void
press_key (Fixture         *f,
           guint            keyval,
           GdkModifierType  modifiers)
{
  test_press_key (GTK_WIDGET (f->canvas), keyval, modifiers);
}

static inline JourneyLayoutCard *
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

static inline JourneyTouchpoint *
tp (Fixture    *f,
    const char *id)
{
  return journey_map_find_touchpoint (f->map, id);
}

/* The canvas's own frame, rendered as the window renders it: @width ×
 * @height pixels of 4 bytes. */
static inline guchar *
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
static inline double
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
static inline double
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

/* One undo brings the project back exactly; one redo brings @after; and
 * the canvas draws the map as the painter does, at the zoom it has. */
static inline void
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

/* Adds @func at 100 % as /canvas/@name and at fit zoom as
 * /canvas/fit/@name, as every row of SPEC §9's table runs. */
static inline void
test_canvas_add_row (const char *name,
                     void      (*func) (Fixture *, gconstpointer))
{
  static const Case at_100 = { NULL, FALSE }, at_fit = { NULL, TRUE };
  g_autofree char *path = g_strconcat ("/canvas/", name, NULL);
  g_autofree char *fit_path = g_strconcat ("/canvas/fit/", name, NULL);

  g_test_add (path, Fixture, &at_100, fixture_set_up, func, fixture_tear_down);
  g_test_add (fit_path, Fixture, &at_fit, fixture_set_up, func, fixture_tear_down);
}
