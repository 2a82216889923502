/* bench-format.c: load, validate and save times of generated maps, beside
 * json-glib's bare parse of the same text.  Run by `meson test --benchmark`.
 *
 * Target (issue 2): load + validate within 1.5× the bare parse, growing
 * linearly with the size of the map.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "journey-format.h"

static char *
generate (guint  n_touchpoints,
          gsize *length)
{
  static const char *kinds[] = { "physical", "customer", "onstage", "offstage", "support" };
  GString *s = g_string_new (NULL);
  guint n_stages = 8;
  GRand *rand = g_rand_new_with_seed (n_touchpoints);

  g_string_append (s, "{\n  \"format\": \"journeys\",\n  \"version\": 1,\n  \"title\": \"Benchmark\",\n"
                      "  \"personas\": [ { \"id\": \"p\", \"name\": \"Persona\" } ],\n"
                      "  \"channels\": [ { \"id\": \"web\", \"name\": \"Website\" }, { \"id\": \"desk\", \"name\": \"Desk\" } ],\n"
                      "  \"maps\": [ {\n    \"id\": \"m\", \"title\": \"Generated map\", \"persona\": \"p\",\n"
                      "    \"objective\": \"Measure\", \"stages\": [\n");
  for (guint i = 0; i < n_stages; i++)
    g_string_append_printf (s, "      { \"id\": \"s%u\", \"name\": \"Stage %u\", \"length\": 10, \"color\": \"#3584e4\" }%s\n",
                            i, i, i + 1 < n_stages ? "," : "");
  g_string_append (s, "    ],\n    \"lanes\": [\n");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (s, "      { \"id\": \"l%u\", \"name\": \"Lane %u\", \"kind\": \"%s\" }%s\n",
                            i, i, kinds[i], i < 4 ? "," : "");
  g_string_append (s, "    ],\n    \"touchpoints\": [\n");
  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_string_append_printf (s,
                              "      { \"id\": \"t%u\", \"title\": \"Touchpoint number %u of the journey\", \"lane\": \"l%u\","
                              " \"channel\": \"%s\", \"time\": %.3f, \"satisfaction\": %.2f, \"weight\": \"%s\",",
                              i, i, g_rand_int_range (rand, 0, 5), i % 2 ? "web" : "desk",
                              g_rand_double_range (rand, 0, n_stages * 10), g_rand_double_range (rand, 1, 5),
                              i % 7 ? "minor" : "major");
      if (i % 3 == 0)
        g_string_append (s, " \"target\": 4.5, \"pain_points\": [ \"Slow\", \"Hard to find\" ],"
                            " \"opportunities\": [ \"Faster\" ],"
                            " \"actions\": [ { \"text\": \"Fix it\", \"owner\": \"Team\", \"status\": \"open\" } ],");
      if (i % 10 == 0)
        g_string_append (s, " \"evidence\": { \"source\": \"Survey\", \"responses\": 100, \"mean\": 3.5,"
                            " \"histogram\": [ 5, 10, 30, 40, 15 ], \"updated\": \"2026-11-20T10:00:00Z\" },");
      g_string_append_printf (s, " \"thoughts\": \"Thinking about step %u\", \"votes\": %u }%s\n",
                              i, i % 5, i + 1 < n_touchpoints ? "," : "");
    }
  g_string_append (s, "    ]\n  } ]\n}\n");

  g_rand_free (rand);
  *length = s->len;
  return g_string_free (s, FALSE);
}

/* The bare parse: json-glib building its tree from the text (freeing the
 * tree is not counted, which only makes the comparison harder for us). */
static double
time_bare_parse (const char *data,
                 gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gint64 start = g_get_monotonic_time ();

  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    g_error ("the generated file does not parse");
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_load (const char      *data,
           gsize            length,
           JourneyProject **project)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  *project = journey_format_read_data (data, length, NULL, &error);
  if (*project == NULL)
    g_error ("the generated file does not load: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Validation alone: the check that loading ends with, run again on the
 * loaded project. */
static double
time_check (JourneyProject *project)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  gint64 start = g_get_monotonic_time ();

  if (!journey_project_check (project, problems))
    g_error ("the generated project has problems");
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_save (JourneyProject *project,
           const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!journey_format_write_file (project, file, JOURNEY_SAVE_NONE, &error))
    g_error ("cannot save: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 1000, 10000, 100000 };
  g_autofree char *dir = g_dir_make_tmp ("journeys-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.journey", NULL);
  double first_per_tp = 0;

  g_print ("%12s %8s %10s %13s %10s %10s %8s %14s\n",
           "touchpoints", "MiB", "parse s", "load+check s", "check s", "save s", "ratio", "us/touchpoint");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gsize length;
      g_autofree char *data = generate (sizes[i], &length);
      double parse = G_MAXDOUBLE, load = G_MAXDOUBLE, check = G_MAXDOUBLE, save = G_MAXDOUBLE;
      guint rounds = sizes[i] >= 100000 ? 3 : 5;

      /* The best of several rounds: the least disturbed by the machine. */
      for (guint r = 0; r < rounds; r++)
        {
          g_autoptr(JourneyProject) project = NULL;

          parse = MIN (parse, time_bare_parse (data, length));
          load = MIN (load, time_load (data, length, &project));
          check = MIN (check, time_check (project));
          save = MIN (save, time_save (project, path));
        }

      if (i == 0)
        first_per_tp = load / sizes[i];

      g_print ("%12u %8.1f %10.4f %13.4f %10.4f %10.4f %7.2fx %14.2f\n",
               sizes[i], length / 1048576.0, parse, load, check, save, load / parse, load / sizes[i] * 1e6);
    }

  g_print ("# load+check = reading the file into the model and validating it; check s = the validation alone\n");
  g_print ("# ratio = (load + validate) / bare json-glib parse (building its tree); target <= 1.5x\n");
  g_print ("# growth: us per touchpoint should stay flat (first size: %.2f)\n", first_per_tp * 1e6);

  g_remove (path);
  g_rmdir (dir);
  return 0;
}
