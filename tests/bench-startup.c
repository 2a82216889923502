/* bench-startup.c: from starting `journeys FILE` (bench-startup-app, the
 * application with a watch for its first frame) to the first frame of its
 * window with the map drawn, for an example map and for a generated map of
 * 10,000 touchpoints.  Run by `meson test --benchmark`; prints
 *
 *   startup example_ms=… large_ms=…
 *
 * (the median of five runs each).  Targets (issue 10): under 300 ms and
 * under 600 ms.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#define RUNS 5

static char *
generate (guint n_touchpoints)
{
  static const char *kinds[] = { "physical", "customer", "onstage", "offstage", "support" };
  GString *s = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (n_touchpoints);
  guint n_stages = 8;

  g_string_append (s, "{ \"format\": \"journeys\", \"version\": 1, \"title\": \"Startup\",\n"
                      "  \"maps\": [ { \"id\": \"m\", \"title\": \"Generated map\", \"stages\": [\n");
  for (guint i = 0; i < n_stages; i++)
    g_string_append_printf (s, "    { \"id\": \"s%u\", \"name\": \"Stage %u\", \"length\": 10 }%s\n",
                            i, i, i + 1 < n_stages ? "," : "");
  g_string_append (s, "  ], \"lanes\": [\n");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (s, "    { \"id\": \"l%u\", \"name\": \"Lane %u\", \"kind\": \"%s\" }%s\n",
                            i, i, kinds[i], i < 4 ? "," : "");
  g_string_append (s, "  ], \"touchpoints\": [\n");
  for (guint i = 0; i < n_touchpoints; i++)
    g_string_append_printf (s, "    { \"id\": \"t%u\", \"title\": \"Touchpoint number %u\", \"lane\": \"l%u\","
                               " \"time\": %.3f, \"satisfaction\": %.2f%s }%s\n",
                            i, i, g_rand_int_range (rand, 0, 5), g_rand_double_range (rand, 0, n_stages * 10),
                            g_rand_double_range (rand, 1, 5),
                            i % 3 == 0 ? ", \"pain_points\": [ \"Slow\" ]" : "",
                            i + 1 < n_touchpoints ? "," : "");
  g_string_append (s, "  ] } ] }\n");
  g_rand_free (rand);
  return g_string_free (s, FALSE);
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Milliseconds from spawning the application to its "first-frame" line. */
static double
time_startup (const char *app,
              const char *path)
{
  const char *argv[] = { app, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  double times[RUNS];
  GPid pid;
  int out;

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      int status = 0;

      if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                     NULL, &out, NULL, &error))
        g_error ("cannot start %s: %s", argv[0], error->message);
      channel = g_io_channel_unix_new (out);
      g_io_channel_set_close_on_unref (channel, TRUE);
      do
        {
          g_clear_pointer (&line, g_free);
          if (g_io_channel_read_line (channel, &line, NULL, NULL, &error) != G_IO_STATUS_NORMAL)
            g_error ("%s ended before its first frame", path);
        }
      while (!g_str_has_prefix (line, "first-frame"));
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_pointer (&channel, g_io_channel_unref);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
    }
  qsort (times, RUNS, sizeof times[0], compare);
  return times[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *example = g_build_filename (g_getenv ("JOURNEYS_EXAMPLES_DIR"), "hotel.journey", NULL);
  g_autofree char *dir = g_dir_make_tmp ("journeys-bench-XXXXXX", NULL);
  g_autofree char *large = g_build_filename (dir, "large.journey", NULL);
  g_autofree char *text = generate (10000);
  double example_ms, large_ms;

  if (argc != 2)
    g_error ("usage: bench-startup BENCH-STARTUP-APP");
  g_assert_true (g_file_set_contents (large, text, -1, NULL));
  example_ms = time_startup (argv[1], example);
  large_ms = time_startup (argv[1], large);
  g_print ("startup example_ms=%.0f large_ms=%.0f\n", example_ms, large_ms);

  g_unlink (large);
  g_rmdir (dir);
  return 0;
}
