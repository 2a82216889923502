/* test-export-raster.c: PNG and PDF, drawn by the cairo painter.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "export-test-utils.h"
#include "journey-export.h"
#include "journey-raster.h"
#include "journey-theme.h"

/* -- PNG, PDF ------------------------------------------------------------- */

static guint32
pixel_at (cairo_surface_t *surface,
          double           scale,
          double           x,
          double           y)
{
  int px = (int) (x * scale), py = (int) (y * scale);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  return *(guint32 *) (data + py * stride + px * 4) & 0xffffff;
}

static gboolean
close_color (guint32 a,
             guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;
  return TRUE;
}

/* Mean y of the dark (curve ink) pixels in columns [x0, x1] of the band. */
static double
dark_mean_y (cairo_surface_t *surface,
             double           scale,
             JourneyLayout   *layout,
             double           x0,
             double           x1)
{
  double sum = 0;
  guint n = 0;

  for (double x = x0; x <= x1; x += 1)
    for (double y = layout->band.rect.y + 1; y < layout->band.rect.y + layout->band.rect.height - 1; y += 0.5)
      {
        guint32 p = pixel_at (surface, scale, x, y);
        if (((p >> 16) & 0xff) < 0x60 && ((p >> 8) & 0xff) < 0x60 && (p & 0xff) < 0x70)
          {
            sum += y;
            n++;
          }
      }
  g_assert_cmpuint (n, >, 0);
  return sum / n;
}

static void
test_png_pixels (void)
{
  const char *json =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"Pixels\",\n"
    " \"stages\": [ { \"id\": \"s1\", \"name\": \"One\", \"length\": 4, \"color\": \"#3584e4\" },\n"
    "              { \"id\": \"s2\", \"name\": \"Two\", \"length\": 4, \"color\": \"#e66100\" } ],\n"
    " \"lanes\": [ { \"id\": \"c\", \"name\": \"Customer\", \"kind\": \"customer\" } ],\n"
    " \"touchpoints\": [\n"
    "  { \"id\": \"a\", \"title\": \"A\", \"lane\": \"c\", \"time\": 1, \"satisfaction\": 5 },\n"
    "  { \"id\": \"b\", \"title\": \"B\", \"lane\": \"c\", \"time\": 3, \"satisfaction\": 5 },\n"
    "  { \"id\": \"c\", \"title\": \"C\", \"lane\": \"c\", \"time\": 5, \"satisfaction\": 1 },\n"
    "  { \"id\": \"d\", \"title\": \"D\", \"lane\": \"c\", \"time\": 7, \"satisfaction\": 1 } ] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (json);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autoptr(GError) error = NULL;
  const double scales[] = { 1, 2 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double scale = scales[s];
      g_autofree char *path = g_build_filename (dir, "map.png", NULL);
      cairo_surface_t *surface;
      JourneyLayoutHandle *h = layout->handles;
      double neutral = layout->band.neutral_y;

      g_assert_true (export_test_write (project, map, path, scale, JOURNEY_NOTES_AS_MAP, &error));
      g_assert_no_error (error);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (layout->width * scale));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (layout->height * scale));

      /* The stage colours fill the header band (away from the names). */
      for (guint i = 0; i < layout->n_stages; i++)
        {
          JourneyRect *r = &layout->stages[i].header;
          guint32 color = journey_theme_stage_color (layout->stages[i].stage->color, i);

          g_assert_true (close_color (pixel_at (surface, scale, r->x + r->width - 12, r->y + r->height / 2), color));
          g_assert_true (close_color (pixel_at (surface, scale, r->x + r->width / 2, r->y + 4), color));
        }
      /* White around the map. */
      g_assert_cmphex (pixel_at (surface, scale, 2, 2), ==, 0xffffff);

      /* The curve runs above the neutral line between the two 5s and below
       * it between the two 1s. */
      g_assert_cmpfloat (dark_mean_y (surface, scale, layout, h[0].x + 20, h[1].x - 20), <, neutral - 20);
      g_assert_cmpfloat (dark_mean_y (surface, scale, layout, h[2].x + 20, h[3].x - 20), >, neutral + 20);

      cairo_surface_destroy (surface);
      g_unlink (path);
    }

  test_tmpdir_remove (dir);
}

static void
test_pdf (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint pages = 0;
  gsize len;

  g_assert_true (export_test_write (project, NULL, path, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);
  data = export_test_read_file (path, &len);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* Binary streams hold NUL bytes: memmem, not strstr. */
  for (const char *p = data; (p = memmem (p, len - (p - data), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, 1);

  test_tmpdir_remove (dir);
}

/* Width and height from a PNG's header. */
static void
png_size (const char *path,
          guint32    *width,
          guint32    *height)
{
  gsize len = 0;
  g_autofree char *data = export_test_read_file (path, &len);

  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = GUINT32_FROM_BE (*(guint32 *) (gpointer) (data + 16));
  *height = GUINT32_FROM_BE (*(guint32 *) (gpointer) (data + 20));
}

static void
test_png_huge_is_scaled (void)
{
  g_autofree char *json = export_test_generate (3000, 5);
  g_autoptr(JourneyProject) project = test_load_string (json);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "huge.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  guint32 width, height;
  double scale;

  g_assert_cmpfloat (journey_raster_clamp_scale (3000, 60000, 2), <=, JOURNEY_RASTER_MAX_SIDE / 60000.0);
  g_assert_cmpfloat (journey_raster_clamp_scale (1000, 800, 2), ==, 2);
  g_assert_cmpfloat (journey_raster_clamp_scale (1000, 800, NAN), ==, 1);
  g_assert_cmpfloat (journey_raster_clamp_scale (1000, 800, -3), ==, 1);

  /* A 3,000-touchpoint map at scale 4 would be far past cairo's limits
   * and memory: it is scaled down to fit, never refused or crashed. */
  g_assert_true (export_test_write (project, map, path, 4, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);
  png_size (path, &width, &height);
  scale = journey_raster_clamp_scale (layout->width, layout->height, 4);
  g_test_message ("map %.0f × %.0f px, PNG %u × %u px", layout->width, layout->height, width, height);
  g_assert_cmpfloat (scale, <, 4);
  g_assert_cmpuint (width, ==, (guint32) ceil (layout->width * scale));
  g_assert_cmpuint (height, ==, (guint32) ceil (layout->height * scale));
  g_assert_cmpuint (width, <=, JOURNEY_RASTER_MAX_SIDE);
  g_assert_cmpuint (height, <=, JOURNEY_RASTER_MAX_SIDE);
  g_assert_cmpfloat ((double) width * height, <=, JOURNEY_RASTER_MAX_PIXELS * 1.001);
  /* As large as a limit allows. */
  g_assert_true (width >= JOURNEY_RASTER_MAX_SIDE - 1 || height >= JOURNEY_RASTER_MAX_SIDE - 1
                 || (double) width * height >= JOURNEY_RASTER_MAX_PIXELS * 0.99);

  /* The whole map is in it: the paper's corner, and each stage's colour in
   * its header. */
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmphex (pixel_at (surface, scale, 2, 2), ==, 0xffffff);
  for (guint i = 0; i < layout->n_stages; i++)
    {
      JourneyRect *r = &layout->stages[i].header;

      g_assert_true (close_color (pixel_at (surface, scale, r->x + r->width - 12, r->y + r->height / 2),
                                  journey_theme_stage_color (layout->stages[i].stage->color, i)));
    }
  cairo_surface_destroy (surface);

  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/png/pixels", test_png_pixels);
  g_test_add_func ("/export/png/huge", test_png_huge_is_scaled);
  g_test_add_func ("/export/pdf", test_pdf);

  return g_test_run ();
}
