/* bench-export.c: how fast maps of 1,000 and 10,000 touchpoints export.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: it prints times and never fails on them.
 * Target: SVG export of 10,000 touchpoints within 3× json-glib's bare
 * parse of the same file, growing linearly.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "export-test-utils.h"
#include "journey-export.h"
#include "journey-raster.h"
#include "journey-svg.h"

#define RUNS 3

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
bare_parse (const char *data,
            gsize       len)
{
  double best = G_MAXDOUBLE;

  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      double t0 = now ();

      json_parser_load_from_data (parser, data, (gssize) len, &error);
      g_assert_no_error (error);
      best = MIN (best, now () - t0);
    }
  return best;
}

static void
bench (guint       n,
       const char *dir)
{
  g_autofree char *json = export_test_generate (n, 2026);
  gsize len = strlen (json);
  g_autofree char *svg_path = g_strdup_printf ("%s/map-%u.svg", dir, n);
  g_autofree char *png_path = g_strdup_printf ("%s/map-%u.png", dir, n);
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(GError) error = NULL;
  JourneyMap *map;
  double parse, load, layout_t = G_MAXDOUBLE, svg_t = G_MAXDOUBLE, export_t = G_MAXDOUBLE, png_t;
  double t0;
  GStatBuf st;
  double width = 0, height = 0;

  parse = bare_parse (json, len);

  t0 = now ();
  project = test_load_string (json);
  load = now () - t0;
  map = test_first_map (project);

  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(JourneyLayout) layout = NULL;
      g_autofree char *svg = NULL;
      double t1;

      t0 = now ();
      layout = journey_layout_new (map, project, NULL);
      t1 = now ();
      svg = journey_svg_to_string (layout, NULL);
      layout_t = MIN (layout_t, t1 - t0);
      svg_t = MIN (svg_t, now () - t1);
      width = layout->width;
      height = layout->height;

      t0 = now ();
      g_assert_true (journey_export_file (project, map, svg_path, 1, &error));
      g_assert_no_error (error);
      export_t = MIN (export_t, now () - t0);
    }

  t0 = now ();
  g_assert_true (journey_export_file (project, map, png_path, 1, &error));
  g_assert_no_error (error);
  png_t = now () - t0;

  g_stat (svg_path, &st);
  g_print ("%6u touchpoints  file %6.1f MB  map %.0fx%.0f px\n", n, len / 1e6, width, height);
  g_print ("        bare json-glib parse   %8.1f ms\n", parse * 1e3);
  g_print ("        load into the model    %8.1f ms\n", load * 1e3);
  g_print ("        layout                 %8.1f ms\n", layout_t * 1e3);
  g_print ("        SVG writing            %8.1f ms\n", svg_t * 1e3);
  g_print ("        SVG export (file)      %8.1f ms  = %.2fx bare parse  (%.1f MB, %.2f us per touchpoint)\n",
           export_t * 1e3, export_t / parse, st.st_size / 1e6, export_t * 1e6 / n);
  g_stat (png_path, &st);
  g_print ("        PNG export (scale %.2f) %8.1f ms  (%.1f MB)\n",
           journey_raster_clamp_scale (width, height, 1), png_t * 1e3, st.st_size / 1e6);

  g_unlink (svg_path);
  g_unlink (png_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("journeys-bench-XXXXXX", &error);

  g_assert_no_error (error);

  /* Warm the font caches so the first run is not charged for them. */
  bench (50, dir);
  g_print ("\n");
  bench (1000, dir);
  g_print ("\n");
  bench (10000, dir);

  g_rmdir (dir);
  return 0;
}
