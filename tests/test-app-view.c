/* test-app-view.c: the map on a workshop's screen: presenting it stage
 * by stage, at the text size the preferences choose; a journey opened
 * showing all of itself, a large one its lanes; and the zoom keys
 * pressed on the real keyboard.
 *
 * With JOURNEYS_SCREENSHOT_DIR set, each test also saves a picture of the
 * window or dialog it drives there.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <math.h>

#include "export/export-test-utils.h"
#include "journey-application.h"
#include "journey-edit.h"
#include "journey-inspector.h"
#include "journey-presentation.h"
#include "journey-app-test-utils.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"
#include "journey-window-files.h"

/* Runs the main loop until @window's map has a size and shows in it
 * (at most ten seconds: slow under the sanitizers). */
static void
wait_for_canvas (JourneyWindow *window)
{
  GtkWidget *canvas = GTK_WIDGET (journey_window_get_canvas (window));

  for (guint i = 0; i < 1000 && (gtk_widget_get_width (canvas) == 0 || !gtk_widget_get_mapped (canvas)); i++)
    test_run_for (10);
  g_assert_cmpint (gtk_widget_get_width (canvas), >, 0);
  test_run_for (200);
}

/* Opens @file in a new window of a workshop's screen: maximised on
 * 1920 × 1080.  Xvfb has no window manager to maximise it, and GTK keeps
 * a default size within the screen: the window asks for the size. */
static JourneyWindow *
open_file_full_screen (GFile *file)
{
  JourneyWindow *window = journey_window_new (test_app);

  gtk_widget_set_size_request (GTK_WIDGET (window), 1920, 1080);
  gtk_window_maximize (GTK_WINDOW (window));
  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  g_assert_nonnull (journey_window_get_project (window));
  wait_for_canvas (window);
  return window;
}

static JourneyWindow *
open_example_full_screen (const char *name)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return open_file_full_screen (file);
}

/* -- Presenting -------------------------------------------------------------- */

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  return NULL;
}

static void
press (JourneyWindow *window,
       guint          keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (window), "journey-presentation");
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
  test_run_for (50);
}

/* The part of the map the canvas shows, in map coordinates. */
static JourneyRect
visible_map_rect (JourneyCanvas *canvas)
{
  double x0, y0, x1, y1;

  journey_canvas_widget_to_map (canvas, 0, 0, &x0, &y0);
  journey_canvas_widget_to_map (canvas, gtk_widget_get_width (GTK_WIDGET (canvas)),
                                gtk_widget_get_height (GTK_WIDGET (canvas)), &x1, &y1);
  return (JourneyRect) { x0, y0, x1 - x0, y1 - y0 };
}

static gboolean
contains (const JourneyRect *outer,
          const JourneyRect *inner)
{
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5
         && inner->x + inner->width <= outer->x + outer->width + 0.5
         && inner->y + inner->height <= outer->y + outer->height + 0.5;
}

/* The zoom that shows the whole map in the canvas as it is now. */
static double
fit_zoom_now (JourneyCanvas *canvas)
{
  JourneyLayout *layout = journey_canvas_get_layout (canvas);

  return MIN (gtk_widget_get_width (GTK_WIDGET (canvas)) / layout->width,
              gtk_widget_get_height (GTK_WIDGET (canvas)) / layout->height);
}

/* Runs frames until the canvas shows the whole map, as presenting does
 * after each change of the canvas's size (at most five seconds). */
static void
wait_for_fit (JourneyCanvas *canvas)
{
  for (guint i = 0; i < 100 && fabs (journey_canvas_get_zoom (canvas) - fit_zoom_now (canvas)) > 1e-6; i++)
    test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-6);
}

/* Stage @i shows whole: its name, its part of the emotion curve, its
 * column and the part of every lane under it, in the middle of the
 * screen, no smaller than in the overview. */
static void
assert_stage_shown (JourneyCanvas *canvas,
                    guint          i)
{
  JourneyLayout *layout = journey_canvas_get_layout (canvas);
  const JourneyLayoutStage *stage = &layout->stages[i];
  JourneyRect shown = visible_map_rect (canvas);
  JourneyRect curve = { stage->column.x, layout->band.rect.y, stage->column.width, layout->band.rect.height };
  double left, right, top, bottom, width = gtk_widget_get_width (GTK_WIDGET (canvas));

  JourneyRect column = stage->column;

  /* With its notes too tall to read whole: down to the blueprint's last
   * lane, readable. */
  if (layout->n_note_lanes > 0 && !contains (&shown, &column))
    {
      column.height = layout->lanes_rect.y + layout->lanes_rect.height - column.y;
      g_assert_cmpfloat (journey_canvas_get_zoom (canvas) * layout->style.body_size, >=,
                         JOURNEY_CANVAS_READABLE_TEXT);
    }
  g_assert_true (contains (&shown, &stage->header));
  g_assert_true (contains (&shown, &curve));
  g_assert_true (contains (&shown, &column));
  g_assert_cmpuint (layout->n_lanes, >=, 3);
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyRect lane = { stage->column.x, layout->lanes[l].rect.y, stage->column.width,
                           layout->lanes[l].rect.height };

      g_assert_true (contains (&shown, &lane));
    }
  /* Centred across, the first and the last stage too. */
  journey_canvas_map_to_widget (canvas, stage->column.x, stage->header.y, &left, &top);
  journey_canvas_map_to_widget (canvas, stage->column.x + stage->column.width,
                                stage->column.y + stage->column.height, &right, &bottom);
  g_assert_cmpfloat (fabs ((left + right) / 2 - width / 2), <, 1.0);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), >=, fit_zoom_now (canvas) - 1e-9);
}

/* Runs frames until the map fills the window, without header bar and
 * inspector, and the view has followed (at most five seconds). */
static void
wait_for_presenting (JourneyWindow *window)
{
  GtkWidget *canvas = GTK_WIDGET (journey_window_get_canvas (window));

  for (guint i = 0; i < 100 && (gtk_widget_get_width (canvas) != gtk_widget_get_width (GTK_WIDGET (window))
                                || gtk_widget_get_height (canvas) != gtk_widget_get_height (GTK_WIDGET (window))); i++)
    test_run_for (50);
  g_assert_cmpint (gtk_widget_get_width (canvas), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_height (canvas), ==, gtk_widget_get_height (GTK_WIDGET (window)));
  test_run_for (100);
}

/* While presenting, the facilitator can still edit: a satisfaction drag
 * of the first handle is one step; Escape during a drag puts the handle
 * back and goes on presenting. */
static void
assert_drag_while_presenting (JourneyWindow  *window,
                              JourneyCanvas  *canvas,
                              JourneyHistory *history)
{
  JourneyLayout *layout;
  JourneyLayoutHandle *handle;
  GtkGesture *drag = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  JourneyTouchpoint *touchpoint;
  double wx, wy, dy, before;
  guint steps = journey_history_get_n_steps (history);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        drag = GTK_GESTURE (controller);
    }
  g_assert_nonnull (drag);
  layout = journey_canvas_get_layout (canvas);
  g_assert_cmpuint (layout->n_handles, >, 0);
  handle = &layout->handles[0];
  touchpoint = handle->touchpoint;
  before = touchpoint->satisfaction;
  /* One step of the scale down, or up from the bottom. */
  dy = (journey_layout_y_for_value (layout, before > layout->band.min ? before - 1 : before + 1) - handle->y)
       * journey_canvas_get_zoom (canvas);
  journey_canvas_map_to_widget (canvas, handle->x, handle->y, &wx, &wy);
  g_signal_emit_by_name (drag, "drag-begin", wx, wy);
  g_signal_emit_by_name (drag, "drag-update", 0.0, dy / 2);
  g_signal_emit_by_name (drag, "drag-update", 0.0, dy);
  g_signal_emit_by_name (drag, "drag-end", 0.0, dy);
  test_iterate ();
  g_assert_cmpfloat (touchpoint->satisfaction, !=, before);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpfloat (touchpoint->satisfaction, ==, before);
  g_assert_true (journey_presentation_is_active (window));

  /* Escape during a drag puts the handle back and goes on presenting. */
  g_signal_emit_by_name (drag, "drag-begin", wx, wy);
  g_signal_emit_by_name (drag, "drag-update", 0.0, dy / 2);
  g_signal_emit_by_name (drag, "drag-update", 0.0, dy);
  g_assert_cmpfloat (touchpoint->satisfaction, !=, before);
  press (window, GDK_KEY_Escape);
  g_signal_emit_by_name (drag, "drag-end", 0.0, dy);
  test_iterate ();
  g_assert_cmpfloat (touchpoint->satisfaction, ==, before);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps);
  g_assert_true (journey_presentation_is_active (window));
}

static void
test_presentation (void)
{
  JourneyWindow *window = open_example_full_screen ("hotel.journey");
  JourneyCanvas *canvas = journey_window_get_canvas (window);
  JourneyHistory *history = journey_window_get_history (window);
  GtkWidget *header = nth_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, 0);
  GtkWidget *inspector = nth_widget (GTK_WIDGET (window), JOURNEY_TYPE_INSPECTOR, 0);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  JourneyLayout *layout;
  guint n_stages;
  double zoom_before, x_before, y_before;

  test_run_for (100);
  /* With the inspector shown beside the map. */
  if (!gtk_widget_get_visible (inspector))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL);
  test_run_for (50);
  g_assert_true (gtk_widget_get_visible (inspector));
  layout = journey_canvas_get_layout (canvas);
  n_stages = layout->n_stages;
  g_assert_cmpuint (n_stages, >=, 3);

  /* The person's own view, and a card selected. */
  journey_canvas_zoom_at (canvas, 1.5, NAN, NAN);
  gtk_adjustment_set_value (hadjustment, 700);
  gtk_adjustment_set_value (vadjustment, 300);
  journey_canvas_select (canvas, layout->cards[0].touchpoint, FALSE);
  test_run_for (100);
  zoom_before = journey_canvas_get_zoom (canvas);
  x_before = gtk_adjustment_get_value (hadjustment);
  y_before = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (zoom_before, ==, 1.5);
  g_assert_cmpfloat (x_before, ==, 700);
  g_assert_cmpfloat (y_before, ==, 300);

  /* F5: no chrome, the whole map in view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_for_presenting (window);
  g_assert_true (journey_presentation_is_active (window));
  g_assert_false (gtk_widget_get_visible (header));
  g_assert_false (gtk_widget_get_visible (inspector));
  g_assert_cmpint (journey_presentation_get_stage (window), ==, -1);
  wait_for_fit (canvas);
  {
    JourneyRect whole = { 0, 0, layout->width, layout->height };
    JourneyRect shown = visible_map_rect (canvas);

    layout = journey_canvas_get_layout (canvas);
    whole = (JourneyRect) { 0, 0, layout->width, layout->height };
    g_assert_true (contains (&shown, &whole));
  }
  screenshot (GTK_WIDGET (window), "present-overview");

  /* Right and Page Down walk the stages, each with its name, its emotion
   * curve and all its lanes in view, in the middle of the screen. */
  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *name = g_strdup_printf ("present-stage-%u", i + 1);

      press (window, i % 2 ? GDK_KEY_Page_Down : GDK_KEY_Right);
      g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) i);
      g_test_message ("stage %u: zoom %.3f, overview %.3f", i, journey_canvas_get_zoom (canvas),
                      fit_zoom_now (canvas));
      assert_stage_shown (canvas, i);
      screenshot (GTK_WIDGET (window), name);
    }
  /* At the last stage, next stays there. */
  press (window, GDK_KEY_Right);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 1);
  press (window, GDK_KEY_Left);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 2);
  press (window, GDK_KEY_Page_Up);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 3);
  press (window, GDK_KEY_Home);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, -1);
  wait_for_fit (canvas);

  /* The facilitator can still edit: a satisfaction drag is one step. */
  press (window, GDK_KEY_Right);
  assert_drag_while_presenting (window, canvas, history);

  /* Escape leaves: the header bar is back, and the view the person had,
   * the selection with it. */
  press (window, GDK_KEY_Escape);
  g_assert_false (journey_presentation_is_active (window));
  g_assert_true (gtk_widget_get_visible (header));
  g_assert_true (gtk_widget_get_visible (inspector));
  g_assert_null (find_controller (GTK_WIDGET (window), "journey-presentation"));
  for (guint i = 0; i < 100 && (gtk_adjustment_get_value (hadjustment) != x_before
                                || gtk_adjustment_get_value (vadjustment) != y_before); i++)
    test_run_for (50);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, zoom_before);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, x_before);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, y_before);
  {
    g_autoptr(GPtrArray) selection = journey_canvas_get_selection (canvas);

    g_assert_cmpuint (selection->len, ==, 1);
  }

  /* A window closed while it presents leaves nothing behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_for_presenting (window);
  press (window, GDK_KEY_End);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 1);
  assert_stage_shown (canvas, n_stages - 1);
  journey_history_mark_clean (history);
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* The presentation's text size: the cards' text on the screen, in pixels,
 * is the canvas's zoom times the layout's body size. */
static double
shown_text_size (JourneyCanvas *canvas)
{
  return journey_canvas_get_zoom (canvas) * journey_canvas_get_layout (canvas)->style.body_size;
}

static void
test_presentation_text_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeys.Journeys");
  JourneyWindow *window;
  JourneyCanvas *canvas;
  JourneyLayout *layout;
  double normal, large, huge, overview;

  g_settings_reset (settings, "presentation-text-size");
  window = open_example ("hotel.journey");
  canvas = journey_window_get_canvas (window);
  test_run_for (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  test_run_for (100);
  wait_for_fit (canvas);
  overview = shown_text_size (canvas);

  /* Normal: the stage fitted to the screen, as always. */
  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_Right);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, 1);
  normal = shown_text_size (canvas);

  /* Larger sizes zoom in on the same stage at once, its name in view. */
  g_settings_set_string (settings, "presentation-text-size", "large");
  test_run_for (50);
  large = shown_text_size (canvas);
  g_settings_set_string (settings, "presentation-text-size", "huge");
  test_run_for (50);
  huge = shown_text_size (canvas);
  g_test_message ("text on the screen: overview %.1f px, stage: normal %.1f, large %.1f, huge %.1f px",
                  overview, normal, large, huge);
  g_assert_cmpfloat (normal, <, 32);
  g_assert_cmpfloat (large, >=, 32 - 1e-6);
  g_assert_cmpfloat (huge, >=, 44 - 1e-6);
  g_assert_cmpfloat (huge, >, large);
  layout = journey_canvas_get_layout (canvas);
  {
    JourneyRect shown = visible_map_rect (canvas);
    JourneyRect name = layout->stages[1].header;

    /* The stage's start and its name's first line show. */
    g_assert_cmpfloat (shown.x, <=, name.x + 0.5);
    g_assert_cmpfloat (shown.y, <=, name.y + 0.5);
    g_assert_cmpfloat (shown.x + shown.width, >, name.x);
    g_assert_cmpfloat (shown.y + shown.height, >=, name.y + name.height - 0.5);
  }
  screenshot (GTK_WIDGET (window), "present-stage-huge");

  /* The overview still fits the whole map. */
  press (window, GDK_KEY_Home);
  wait_for_fit (canvas);
  g_assert_cmpfloat_with_epsilon (shown_text_size (canvas), overview, 1e-6);

  /* Back to normal: the stage fits again. */
  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_Right);
  g_settings_set_string (settings, "presentation-text-size", "normal");
  test_run_for (50);
  g_assert_cmpfloat_with_epsilon (shown_text_size (canvas), normal, 1e-6);

  press (window, GDK_KEY_Escape);
  g_settings_reset (settings, "presentation-text-size");
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* -- Orientation and zoom keys ---------------------------------------------- */

/* Runs frames until the canvas's zoom is @zoom (at most five seconds). */
static void
wait_for_zoom (JourneyCanvas *canvas,
               double         zoom)
{
  for (guint i = 0; i < 100 && fabs (journey_canvas_get_zoom (canvas) - zoom) > 1e-6; i++)
    test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), zoom, 1e-6);
}

/* The hotel example on a workshop's screen opens showing all of itself,
 * its text readable; so does a new map from a template. */
static void
test_open_at_fit (void)
{
  JourneyWindow *window = open_example_full_screen ("hotel.journey");
  JourneyCanvas *canvas = journey_window_get_canvas (window);
  JourneyLayout *layout = journey_canvas_get_layout (canvas);
  JourneyWindow *from_template;
  g_autoptr(GError) error = NULL;
  JourneyRect whole = { 0, 0, layout->width, layout->height };
  JourneyRect shown;

  g_test_message ("canvas %d × %d, zoom %.3f, text %.1f px", gtk_widget_get_width (GTK_WIDGET (canvas)),
                  gtk_widget_get_height (GTK_WIDGET (canvas)), journey_canvas_get_zoom (canvas),
                  journey_canvas_get_zoom (canvas) * layout->style.body_size);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >, 1000);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), <, 1);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas) * layout->style.body_size, >=, 9);
  shown = visible_map_rect (canvas);
  if (fit_zoom_now (canvas) * layout->style.body_size >= 9)
    {
      g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-9);
      g_assert_true (contains (&shown, &whole));
    }
  else
    {
      /* With its notes on the map, too tall to read whole: every lane of
       * the blueprint in view, from the top. */
      g_assert_cmpuint (layout->n_note_lanes, >, 0);
      g_assert_cmpfloat (shown.x, <=, 0.5);
      g_assert_cmpfloat (shown.y, <=, 0.5);
      g_assert_cmpfloat (shown.y + shown.height, >=, layout->lanes_rect.y + layout->lanes_rect.height - 0.5);
    }
  screenshot (GTK_WIDGET (window), "open-at-fit");

  /* An edit does not change the view; the window's size then does not
   * either: the fit was a one-time view. */
  {
    JourneyTouchpoint *tp = layout->cards[0].touchpoint;
    double zoom = journey_canvas_get_zoom (canvas);
    int width = gtk_widget_get_width (GTK_WIDGET (canvas));

    g_assert_true (journey_edit_set_satisfaction (journey_window_get_history (window),
                                                  journey_window_get_map (window), tp,
                                                  tp->satisfaction > 1 ? 1 : 2, NULL));
    test_run_for (100);
    g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, zoom);

    /* The inspector, shown or hidden, changes the canvas's size. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL));
    for (guint i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (canvas)) == width; i++)
      test_run_for (50);
    test_run_for (100);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), !=, width);
    g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, zoom);
    journey_history_mark_clean (journey_window_get_history (window));
  }

  /* A new map from a template, in an empty window of a workshop's
   * screen. */
  from_template = journey_window_new (test_app);
  gtk_widget_set_size_request (GTK_WIDGET (from_template), 1920, 1080);
  gtk_window_present (GTK_WINDOW (from_template));
  test_run_for (100);
  g_assert_true (journey_window_new_from_template (from_template, "blueprint", &error) == from_template);
  g_assert_no_error (error);
  wait_for_canvas (from_template);
  canvas = journey_window_get_canvas (from_template);
  layout = journey_canvas_get_layout (canvas);
  whole = (JourneyRect) { 0, 0, layout->width, layout->height };
  shown = visible_map_rect (canvas);
  g_test_message ("template: canvas %d × %d, zoom %.3f, fit %.3f", gtk_widget_get_width (GTK_WIDGET (canvas)),
                  gtk_widget_get_height (GTK_WIDGET (canvas)), journey_canvas_get_zoom (canvas), fit_zoom_now (canvas));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >, 0);
  g_assert_true (contains (&shown, &whole));
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, MIN (1, fit_zoom_now (canvas)));
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas) * layout->style.body_size, >=, 9);

  gtk_window_destroy (GTK_WINDOW (from_template));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* A map too large to read whole opens at the zoom that shows all its
 * lanes, at its first stage; zooming out reaches the whole of it. */
static void
test_open_large_map (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "large.journey", NULL);
  g_autofree char *text = export_test_generate (5000, 7);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window;
  JourneyCanvas *canvas;
  JourneyLayout *layout;
  JourneyRect shown, start;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = open_file_full_screen (file);
  canvas = journey_window_get_canvas (window);
  layout = journey_canvas_get_layout (canvas);
  g_assert_cmpuint (layout->n_cards, ==, 5000);
  g_test_message ("map %.0f × %.0f, canvas %d × %d, zoom %.3f, fit %.4f", layout->width, layout->height,
                  gtk_widget_get_width (GTK_WIDGET (canvas)), gtk_widget_get_height (GTK_WIDGET (canvas)),
                  journey_canvas_get_zoom (canvas), fit_zoom_now (canvas));
  /* Whole, its text would be too small to read. */
  g_assert_cmpfloat (fit_zoom_now (canvas) * layout->style.body_size, <, 9);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), >, fit_zoom_now (canvas));
  shown = visible_map_rect (canvas);
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyRect lane = { shown.x, layout->lanes[l].rect.y, 1, layout->lanes[l].rect.height };

      g_assert_true (contains (&shown, &lane));
    }
  /* Its start: the lane names and the first stage's name. */
  start = (JourneyRect) { 0, layout->stages[0].header.y, layout->stages[0].header.x + 1,
                          layout->stages[0].header.height };
  g_assert_true (contains (&shown, &start));
  screenshot (GTK_WIDGET (window), "open-large");

  /* Ctrl+0 shows all of it, and zooming out goes no further. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
  test_tmpdir_remove (dir);
}

#ifdef GDK_WINDOWING_X11
/* Runs xdotool with @args (the real pointer and keyboard). */
static void
xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Presses @keys on the real keyboard, in window @xid. */
static void
press_keys (gulong      xid,
            const char *keys)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu key %s", xid, keys);

  xdotool (args);
}
#endif

/* The zoom keys are the window's: after a click on a header button,
 * which takes the focus from the map, Ctrl+0 fits, Ctrl+1 is 100 %,
 * Ctrl+= and Ctrl+− zoom in and out.  Pressed on the real keyboard
 * (XTest, through xdotool). */
static void
test_zoom_keys (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  JourneyWindow *window;
  JourneyCanvas *canvas;
  GtkWidget *button;
  graphene_point_t centre;
  double sx, sy, zoom;
  g_autofree char *args = NULL;
  gulong xid;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool_path == NULL)
    {
      g_test_skip ("needs X11 and xdotool");
      return;
    }

  window = open_example ("hotel.journey");
  canvas = journey_window_get_canvas (window);
  wait_for_canvas (window);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  args = g_strdup_printf ("windowmove --sync %lu 0 0", xid);
  xdotool (args);
  g_free (args);
  args = g_strdup_printf ("windowfocus --sync %lu", xid);
  xdotool (args);
  g_free (args);
  test_run_for (200);

  /* A click on the header's zoom-in button. */
  button = test_find_button_for_action (GTK_WIDGET (window), "win.zoom-in");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0,
                                                                 gtk_widget_get_height (button) / 2.0),
                                           &centre));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  zoom = journey_canvas_get_zoom (canvas);
  args = g_strdup_printf ("mousemove --sync %d %d click 1", (int) (centre.x + sx), (int) (centre.y + sy));
  xdotool (args);
  wait_for_zoom (canvas, zoom * 1.2);
  /* The focus is on the header bar, not on the map. */
  gtk_widget_grab_focus (button);
  test_run_for (50);
  g_assert_true (gtk_widget_has_focus (button));
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (canvas)));

  press_keys (xid, "ctrl+1");
  wait_for_zoom (canvas, 1);
  press_keys (xid, "ctrl+0");
  wait_for_zoom (canvas, fit_zoom_now (canvas));
  press_keys (xid, "ctrl+1");
  wait_for_zoom (canvas, 1);
  press_keys (xid, "ctrl+equal");
  wait_for_zoom (canvas, 1.2);
  press_keys (xid, "ctrl+minus");
  wait_for_zoom (canvas, 1);
  press_keys (xid, "ctrl+KP_0");
  wait_for_zoom (canvas, fit_zoom_now (canvas));
  g_assert_true (gtk_widget_has_focus (button));

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
#else
  g_test_skip ("needs X11");
#endif
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add_func ("/app/presentation", test_presentation);
  g_test_add_func ("/app/presentation-text-size", test_presentation_text_size);
  g_test_add_func ("/app/open-at-fit", test_open_at_fit);
  g_test_add_func ("/app/open-large-map", test_open_large_map);
  g_test_add_func ("/app/zoom-keys", test_zoom_keys);

  return test_app_run ();
}
