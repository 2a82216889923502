/* bench-export.c: how fast maps of 1,000 and 10,000 touchpoints export.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: it prints times and never fails on them.
 * Targets: the scene of 10,000 touchpoints built within the time of
 * json-glib's bare parse of the same file; PNG export through the cairo
 * painter at least 5× faster than the old path (the SVG drawn by librsvg),
 * for the same image.  Times are the best of three runs (one for the slow
 * librsvg path at 10,000), in wall time: run it on an idle machine.
 *
 * With the paths of `journeys` and of `bare-parse` as arguments (meson
 * passes them), it also times whole processes side by side, as a user
 * meets them: `journeys --export OUT.svg FILE` against json-glib's bare
 * parse of the same FILE (bare-parse.c), each the best of RUNS_PROCESS
 * runs, in wall time and in CPU time (user + system, which a busy machine
 * disturbs less), with their page faults and peak memory (a big export's
 * time is much of it the kernel's).  Target: the export within 2× the
 * parse, 1.5× the goal.
 * `bench-export JOURNEYS BARE-PARSE --processes` times only those.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "export-test-utils.h"
#include "journey-export.h"
#include "journey-painter.h"
#include "journey-raster.h"
#include "journey-scene.h"
#include "journey-svg.h"

#define RUNS 3
#define RUNS_PROCESS 15

/* Wall time, as a person waits for it: a PNG export draws in one thread
 * while it encodes in another.  Take the best of the runs. */
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

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The old path: the SVG drawn by librsvg onto an image of the same size,
 * then encoded. */
static double
librsvg_png (const char *svg,
             gsize       length,
             double      width,
             double      height,
             double      scale)
{
  double t0 = now ();
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = rsvg_handle_new_from_data ((const guint8 *) svg, length, &error);
  int pw = MAX (1, (int) ceil (width * scale)), ph = MAX (1, (int) ceil (height * scale));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  RsvgRectangle viewport = { 0, 0, pw, ph };
  cairo_t *cr = cairo_create (surface);
  gsize size = 0;

  g_assert_no_error (error);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rsvg_handle_render_document (handle, cr, &viewport, NULL);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, discard, &size);
  cairo_surface_destroy (surface);
  g_object_unref (handle);
  return now () - t0;
}

static void
bench (guint    n,
       gboolean quiet)
{
  g_autofree char *json = export_test_generate (n, 2026);
  gsize len = strlen (json);
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(JourneyLayout) layout = NULL;
  g_autoptr(JourneyScene) scene = NULL;
  g_autoptr(JourneyPainter) painter = journey_painter_new ();
  g_autofree char *svg = NULL;
  gsize svg_len = 0;
  JourneyMap *map;
  double parse, load, layout_t = G_MAXDOUBLE, scene_t = G_MAXDOUBLE, svg_t = G_MAXDOUBLE;
  double draw_t = G_MAXDOUBLE, png_t = G_MAXDOUBLE, rsvg_t = G_MAXDOUBLE;
  double scale, t0;
  int pw, ph;

  parse = bare_parse (json, len);

  t0 = now ();
  project = test_load_string (json);
  load = now () - t0;
  map = test_first_map (project);

  for (int r = 0; r < RUNS; r++)
    {
      g_clear_pointer (&scene, journey_scene_free);
      g_clear_pointer (&layout, journey_layout_free);
      g_clear_pointer (&svg, g_free);

      t0 = now ();
      layout = journey_layout_new (map, project, NULL);
      layout_t = MIN (layout_t, now () - t0);

      t0 = now ();
      scene = journey_scene_new (layout);
      scene_t = MIN (scene_t, now () - t0);

      t0 = now ();
      svg = journey_svg_scene_to_string (scene, &svg_len);
      svg_t = MIN (svg_t, now () - t0);
    }

  scale = journey_raster_clamp_scale (layout->width, layout->height, 1);
  pw = MAX (1, (int) ceil (layout->width * scale));
  ph = MAX (1, (int) ceil (layout->height * scale));

  for (int r = 0; r < RUNS; r++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GError) error = NULL;

      cairo_scale (cr, scale, scale);
      t0 = now ();
      journey_painter_draw (painter, scene, cr, NULL);
      cairo_surface_flush (surface);
      draw_t = MIN (draw_t, now () - t0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      t0 = now ();
      png = journey_raster_png (scene, 1, &error);
      g_assert_no_error (error);
      png_t = MIN (png_t, now () - t0);
    }

  /* librsvg is slow on big maps: fewer runs. */
  for (int r = 0; r < (n > 5000 ? 1 : RUNS); r++)
    rsvg_t = MIN (rsvg_t, librsvg_png (svg, svg_len, layout->width, layout->height, scale));

  if (quiet)
    return;

  g_print ("%6u touchpoints  file %.1f MB  map %.0f×%.0f px  PNG %d×%d px (scale %.2f)  %u scene nodes\n",
           n, len / 1e6, layout->width, layout->height, pw, ph, scale, journey_scene_get_n_nodes (scene));
  g_print ("        bare json-glib parse     %8.1f ms\n", parse * 1e3);
  g_print ("        load into the model      %8.1f ms\n", load * 1e3);
  g_print ("        layout                   %8.1f ms\n", layout_t * 1e3);
  g_print ("        scene build              %8.1f ms  = %.2f× bare parse\n", scene_t * 1e3, scene_t / parse);
  g_print ("        SVG serialisation        %8.1f ms  (%.1f MB)\n", svg_t * 1e3, svg_len / 1e6);
  g_print ("        cairo draw, whole map    %8.1f ms\n", draw_t * 1e3);
  g_print ("        PNG export (painter)     %8.1f ms\n", png_t * 1e3);
  g_print ("        PNG through librsvg      %8.1f ms  = %.1f× the painter's time\n", rsvg_t * 1e3, rsvg_t / png_t);
}

typedef struct
{
  double wall;    /* seconds */
  double cpu;     /* seconds, user + system */
  long   faults;  /* page faults served without I/O */
  long   peak;    /* resident memory, KiB */
} Run;

/* Runs @argv to its end. */
static Run
run_process (const char * const *argv,
             char              **envp)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status = 0;
  double t0 = now ();
  Run run;

  g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  run.wall = now () - t0;
  run.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run.faults = usage.ru_minflt;
  run.peak = usage.ru_maxrss;
  return run;
}

/* The best of each figure. */
static void
keep_best (Run       *best,
           const Run *run)
{
  best->wall = MIN (best->wall, run->wall);
  best->cpu = MIN (best->cpu, run->cpu);
  best->faults = MIN (best->faults, run->faults);
  best->peak = MIN (best->peak, run->peak);
}

static void
bench_processes (guint       n,
                 const char *journeys,
                 const char *bare_parse)
{
  g_autofree char *json = export_test_generate (n, 2026);
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "map.journey", NULL);
  g_autofree char *out = g_build_filename (dir, "map.svg", NULL);
  const char *export_argv[] = { journeys, "--export", out, file, NULL };
  const char *parse_argv[] = { bare_parse, file, NULL };
  /* As a user runs them: without the tests' malloc checks and debugging. */
  g_auto(GStrv) envp = g_get_environ ();
  Run export = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXLONG, G_MAXLONG };
  Run parse = export;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "G_SLICE");

  /* Side by side, in turns, so that both meet the same load. */
  for (int r = 0; r < RUNS_PROCESS; r++)
    {
      Run run = run_process (parse_argv, envp);

      keep_best (&parse, &run);
      run = run_process (export_argv, envp);
      keep_best (&export, &run);
    }

  g_print ("%6u touchpoints, whole processes (best of %d)\n", n, RUNS_PROCESS);
  g_print ("        bare-parse FILE          %8.1f ms wall  %8.1f ms CPU  %6ld page faults  %6.1f MB peak\n",
           parse.wall * 1e3, parse.cpu * 1e3, parse.faults, parse.peak / 1024.0);
  g_print ("        journeys --export .svg   %8.1f ms wall  %8.1f ms CPU  %6ld page faults  %6.1f MB peak\n",
           export.wall * 1e3, export.cpu * 1e3, export.faults, export.peak / 1024.0);
  g_print ("        export / bare parse      %8.2f×  wall  %8.2f×  CPU   (target < 2×, goal 1.5×)\n",
           export.wall / parse.wall, export.cpu / parse.cpu);

  g_unlink (out);
  g_unlink (file);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gboolean processes_only = argc > 3 && g_str_equal (argv[3], "--processes");

  /* Whole processes first, while this one is small: a child's peak
   * memory counts what it had before it ran the program, this process's
   * own. */
  if (argc >= 3)
    {
      bench_processes (1000, argv[1], argv[2]);
      g_print ("\n");
      bench_processes (10000, argv[1], argv[2]);
      g_print ("\n");
    }
  if (processes_only)
    return 0;

  /* Warm the font caches so the first run is not charged for them. */
  bench (50, TRUE);
  bench (1000, FALSE);
  g_print ("\n");
  bench (10000, FALSE);

  if (argc < 3)
    g_print ("\n(Give the paths of journeys and bare-parse to time whole processes.)\n");
  return 0;
}
