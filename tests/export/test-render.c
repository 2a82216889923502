/* test-render.c: the cairo painter draws what the SVG shows.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each map is drawn twice: by the cairo painter from its scene (as PNG, PDF
 * and the screen draw it), and by librsvg from its exported SVG (as a
 * browser or Inkscape would).  The two images must be the same size and
 * differ by little: a small root mean square error over every channel.
 */

#include "config.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "export-test-utils.h"
#include "journey-painter.h"
#include "journey-scene.h"
#include "journey-svg.h"

/* What is left after averaging: the examples differ by 1.3 to 1.6 levels,
 * the hostile map (scripts without a font here) by about 2.2; one card out
 * of place costs more than 5 (see /render/detects-difference). */
#define MAX_RMSE 3.0

static cairo_surface_t *
white_surface (int width,
               int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static cairo_surface_t *
draw_with_painter (JourneyScene *scene)
{
  int width = (int) ceil (journey_scene_get_width (scene));
  int height = (int) ceil (journey_scene_get_height (scene));
  cairo_surface_t *surface = white_surface (width, height);
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (journey_painter_draw (painter, scene, cr, NULL), >, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
draw_with_librsvg (JourneyScene *scene)
{
  int width = (int) ceil (journey_scene_get_width (scene));
  int height = (int) ceil (journey_scene_get_height (scene));
  cairo_surface_t *surface = white_surface (width, height);
  gsize length = 0;
  g_autofree char *svg = journey_svg_scene_to_string (scene, &length);
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = rsvg_handle_new_from_data ((const guint8 *) svg, length, &error);
  RsvgRectangle viewport = { 0, 0, journey_scene_get_width (scene), journey_scene_get_height (scene) };
  cairo_t *cr;

  g_assert_no_error (error);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_object_unref (handle);
  cairo_surface_flush (surface);
  return surface;
}

/* Root mean square difference of the RGB channels, in levels of 255, of
 * the two images averaged over blocks of BLOCK × BLOCK pixels: the
 * renderers antialias glyph edges differently (librsvg fills glyph
 * outlines, cairo draws them from its glyph cache), which the averaging
 * evens out, while a misplaced card or a wrong colour stays. */
#define BLOCK 4

static double
rmse (cairo_surface_t *a,
      cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  double sum = 0;
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);

  for (int by = 0; by + BLOCK <= height; by += BLOCK)
    for (int bx = 0; bx + BLOCK <= width; bx += BLOCK)
      for (int shift = 0; shift <= 16; shift += 8)
        {
          double d = 0;

          for (int y = by; y < by + BLOCK; y++)
            {
              const guint32 *ra = (const guint32 *) (gconstpointer) (da + (gsize) y * sa);
              const guint32 *rb = (const guint32 *) (gconstpointer) (db + (gsize) y * sb);

              for (int x = bx; x < bx + BLOCK; x++)
                d += (double) ((ra[x] >> shift) & 0xff) - (double) ((rb[x] >> shift) & 0xff);
            }
          d /= BLOCK * BLOCK;
          sum += d * d;
          n++;
        }
  return n > 0 ? sqrt (sum / n) : 0;
}

static double
compare_map (JourneyProject *project,
             JourneyMap     *map,
             const char     *name)
{
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autoptr(JourneyScene) scene = journey_scene_new (layout);
  cairo_surface_t *painted = draw_with_painter (scene);
  cairo_surface_t *rendered = draw_with_librsvg (scene);
  double error = rmse (painted, rendered);

  g_test_message ("%s, map %s: %d × %d px, RMSE %.2f", name, map->id,
                  cairo_image_surface_get_width (painted), cairo_image_surface_get_height (painted), error);
  if (error > MAX_RMSE && g_getenv ("JOURNEYS_RENDER_DIFF_DIR") != NULL)
    {
      g_autofree char *a = g_strdup_printf ("%s/%s-%s-cairo.png", g_getenv ("JOURNEYS_RENDER_DIFF_DIR"), name, map->id);
      g_autofree char *b = g_strdup_printf ("%s/%s-%s-rsvg.png", g_getenv ("JOURNEYS_RENDER_DIFF_DIR"), name, map->id);

      cairo_surface_write_to_png (painted, a);
      cairo_surface_write_to_png (rendered, b);
    }

  cairo_surface_destroy (painted);
  cairo_surface_destroy (rendered);
  return error;
}

static void
compare_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = journey_format_read_file (file, NULL, &error);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_no_error (error);
  for (guint m = 0; m < journey_list_get_length (project->maps); m++)
    g_assert_cmpfloat (compare_map (project, journey_list_peek (project->maps, m), name), <, MAX_RMSE);
}

static void
test_examples (void)
{
  g_autoptr(GPtrArray) examples = test_examples_list ();

  for (guint i = 0; i < examples->len; i++)
    compare_file (g_ptr_array_index (examples, i));
}

static void
test_hostile (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JOURNEYS_TEST_FILES_DIR"), "valid", "hostile.journey", NULL);

  compare_file (path);
}

static void
test_test_map (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);

  g_assert_cmpfloat (compare_map (project, test_first_map (project), "test-map"), <, MAX_RMSE);
}

/* The comparison sees a real difference: one card moved by its width. */
static void
test_detects_difference (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autoptr(JourneyScene) scene = journey_scene_new (layout);
  g_autoptr(JourneyScene) moved = NULL;
  cairo_surface_t *a, *b;

  a = draw_with_painter (scene);
  layout->cards[0].rect.y += layout->cards[0].rect.height + 40;
  layout->cards[0].title.baseline += layout->cards[0].rect.height + 40;
  moved = journey_scene_new (layout);
  b = draw_with_librsvg (moved);
  g_assert_cmpfloat (rmse (a, b), >, MAX_RMSE);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* @scene drawn node by node, quickly, as the canvas draws, where it meets
 * @area, onto a surface of @clip's size at @clip's place. */
static cairo_surface_t *
draw_quickly (JourneyScene      *scene,
              const JourneyRect *area,
              const JourneyRect *clip)
{
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  cairo_surface_t *surface = white_surface (clip->width, clip->height);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, -clip->x, -clip->y);
  export_test_draw_quickly (painter, scene, cr, area);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Drawing only what meets @clip draws fewer nodes, and the same pixels
 * inside it: with journey_painter_draw() as the whole map drawn at once;
 * node by node, quickly, as the canvas draws its tiles, as a larger area
 * drawn so. */
static void
assert_clip_draws_the_same (JourneyScene      *scene,
                            const JourneyRect *clip)
{
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  cairo_surface_t *whole = draw_with_painter (scene);
  cairo_surface_t *part = white_surface (clip->width, clip->height);
  cairo_surface_t *expected = white_surface (clip->width, clip->height);
  JourneyRect larger = { clip->x - 700, clip->y - 100, clip->width + 1400, clip->height + 200 };
  guint drawn, all;
  double error;
  cairo_t *cr;

  cr = cairo_create (part);
  cairo_translate (cr, -clip->x, -clip->y);
  drawn = journey_painter_draw (painter, scene, cr, clip);
  cairo_destroy (cr);

  cr = cairo_create (expected);
  cairo_set_source_surface (cr, whole, -clip->x, -clip->y);
  cairo_paint (cr);
  cairo_destroy (cr);

  cr = cairo_create (whole);
  all = journey_painter_draw (painter, scene, cr, NULL);
  cairo_destroy (cr);

  cairo_surface_flush (part);
  cairo_surface_flush (expected);
  error = rmse (part, expected);
  g_test_message ("%u of %u nodes drawn, RMSE %.3f", drawn, all, error);
  g_assert_cmpuint (drawn, <, all / 4);
  g_assert_cmpfloat (error, <, 0.5);
  cairo_surface_destroy (part);
  cairo_surface_destroy (expected);

  part = draw_quickly (scene, clip, clip);
  expected = draw_quickly (scene, &larger, clip);
  error = rmse (part, expected);
  g_test_message ("node by node: RMSE %.3f", error);
  g_assert_cmpfloat (error, <, 0.5);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (part);
  cairo_surface_destroy (expected);
}

static void
test_clip (void)
{
  g_autofree char *json = export_test_generate (200, 7);
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autoptr(JourneyLayout) layout = journey_layout_new (test_first_map (project), project, NULL);
  g_autoptr(JourneyScene) scene = journey_scene_new (layout);
  JourneyRect band = layout->band.rect;

  /* Cards in the lanes. */
  assert_clip_draws_the_same (scene, &(JourneyRect) { layout->timeline_x + 100, layout->lanes_rect.y, 640, 400 });
  /* The middle of the long dashed and dotted curves: only the part in
   * view is drawn, its dashes where the whole curve has them. */
  assert_clip_draws_the_same (scene, &(JourneyRect) { floor (band.x + band.width * 0.6), band.y, 640, band.height });
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/examples", test_examples);
  g_test_add_func ("/render/hostile", test_hostile);
  g_test_add_func ("/render/test-map", test_test_map);
  g_test_add_func ("/render/detects-difference", test_detects_difference);
  g_test_add_func ("/render/clip", test_clip);

  return g_test_run ();
}
