/* bench-evidence.c: a survey export of 1,000,000 and 10,000,000 generated
 * rows (long format: id, touchpoint, score, time, a comment with quotes
 * and commas) imported from a file into the aggregates of a map.  Prints
 *
 *   evidence rows=N seconds=… rows_per_s=… peak_mb=…
 *
 * for each, each import in a process of its own so that its peak memory
 * (the resident high-water mark) is its own.  Run by `meson test
 * --benchmark`.
 *
 * Targets (issue 17): at least 2,000,000 rows a second; the 10,000,000-row
 * peak within 1.2× of the 1,000,000-row one (streaming: memory does not
 * grow with the file).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "journey-survey-import.h"

#define N_TOUCHPOINTS 12

static JourneyMap *
make_map (void)
{
  JourneyMap *map = g_object_new (JOURNEY_TYPE_MAP, "id", "m", "title", "Bench", NULL);

  for (guint i = 0; i < N_TOUCHPOINTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("tp%u", i);
      g_autofree char *title = g_strdup_printf ("Touchpoint %u", i);
      g_autoptr(JourneyTouchpoint) tp = g_object_new (JOURNEY_TYPE_TOUCHPOINT, "id", id, "title", title,
                                                      "lane", "l", NULL);

      journey_list_append (map->touchpoints, tp);
    }
  return map;
}

static void
generate (const char *path,
          guint64     rows)
{
  FILE *out = g_fopen (path, "wb");
  GRand *rand = g_rand_new_with_seed (17);

  g_assert_nonnull (out);
  fputs ("id,touchpoint,score,time,comment\n", out);
  for (guint64 i = 0; i < rows; i++)
    {
      guint tp = g_rand_int_range (rand, 0, N_TOUCHPOINTS);
      guint day = (guint) (i * 365 / rows);

      fprintf (out, "%" G_GUINT64_FORMAT ",tp%u,%d,2026-%02u-%02uT%02u:%02u:00Z,\"said \"\"ok\"\", then, more\"\n",
               i, tp, g_rand_int_range (rand, 1, 6), 1 + day / 31 % 12, 1 + day % 28,
               (guint) (i % 24), (guint) (i % 60));
    }
  fclose (out);
  g_rand_free (rand);
}

static int
import (const char *path,
        guint64     rows)
{
  g_autoptr(JourneyMap) map = make_map ();
  JourneySurveyOptions options = { .format = -1 };
  g_autoptr(JourneySurveyImport) import = journey_survey_import_new (map, &options);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!journey_survey_import_read_file (import, file, NULL, &error))
    {
      g_printerr ("bench-evidence: %s\n", error->message);
      return 1;
    }
  results = journey_survey_import_get_results (import, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (journey_survey_import_get_n_used (import), ==, rows);
  g_assert_cmpuint (results->len, ==, N_TOUCHPOINTS);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("evidence rows=%" G_GUINT64_FORMAT " seconds=%.3f rows_per_s=%.0f peak_mb=%.1f\n",
           rows, seconds, rows / seconds, usage.ru_maxrss / 1024.0);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const guint64 sizes[] = { 1000000, 10000000 };
  g_autofree char *dir = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--import"))
    return import (argv[2], g_ascii_strtoull (argv[3], NULL, 10));

  dir = g_dir_make_tmp ("bench-evidence-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_build_filename (dir, "survey.csv", NULL);
      g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, sizes[i]);
      const char *args[] = { argv[0], "--import", path, rows, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      generate (path, sizes[i]);
      if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("bench-evidence: %s\n", error->message);
          return 1;
        }
      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
