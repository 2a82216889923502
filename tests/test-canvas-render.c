/* test-canvas-render.c: what the canvas shows: its frame against the
 * painter's drawing at every zoom, long curves drawn in tiles, the pill of
 * a dragged value, frozen headers over a scrolled map, and the selection
 * hidden while presenting.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <gtk/gtk.h>

#include "export/export-test-utils.h"
#include "journey-canvas-test-utils.h"
#include "journey-canvas.h"
#include "journey-edit.h"
#include "journey-painter.h"
#include "journey-scene.h"
#include "journey-text.h"
#include "journey-theme.h"

/* -- what the canvas shows ------------------------------------------------ */

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

/* -- frozen headers ------------------------------------------------------- */

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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *long_map = export_test_generate (400, 5);

  static const Case at_100 = { NULL, FALSE };
  Case long_curves = { NULL, FALSE };

  gtk_test_init (&argc, &argv, NULL);
  long_curves.json = long_map;

  g_test_add ("/canvas/value-pill-fits-cjk", Fixture, &at_100, fixture_set_up, test_value_pill_fits_cjk,
              fixture_tear_down);
  g_test_add ("/canvas/render-matches-painter", Fixture, &at_100, fixture_set_up, test_render_matches_painter,
              fixture_tear_down);
  g_test_add ("/canvas/long-curves", Fixture, &long_curves, fixture_set_up, test_long_curves, fixture_tear_down);
  g_test_add ("/canvas/frozen-headers", Fixture, &long_curves, fixture_set_up, test_frozen_headers, fixture_tear_down);
  g_test_add ("/canvas/hide-selection", Fixture, &at_100, fixture_set_up, test_hide_selection, fixture_tear_down);

  return g_test_run ();
}
