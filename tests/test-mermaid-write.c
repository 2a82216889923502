/* test-mermaid-write.c: maps written as Mermaid journeys (issue 19): the
 * text, the names altered, the Markdown variant, the round trip, and
 * every example map.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "journey-export.h"
#include "journey-mermaid-read.h"
#include "journey-mermaid-write.h"
#include "journey-test-utils.h"

static JourneyProject *
read_mermaid (const char *text)
{
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  JourneyProject *project;

  project = journey_mermaid_read_data (text, strlen (text), problems, NULL, &error);
  if (project == NULL)
    g_error ("%s\n%s", error->message, text);
  return project;
}

static char *
write_first (JourneyProject      *project,
             JourneyMermaidStyle  style,
             GPtrArray           *alterations)
{
  return journey_mermaid_write_data (project, journey_list_peek (project->maps, 0), style, alterations);
}

/* The hotel map of TEST_PROJECT: stages as sections, the customer and
 * onstage touchpoints in time order (the offstage one left out), the lane
 * as the actor. */
static void
test_text (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(GPtrArray) alterations = test_problems_new ();
  g_autofree char *text = write_first (project, JOURNEY_MERMAID_PLAIN, alterations);

  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Weekend stay\n"
                   "  section Book\n"
                   "    Visits the website: 4: Guest\n"
                   "  section Stay\n"
                   "    Checks in: 2: Staff\n");
  g_assert_cmpuint (alterations->len, ==, 0);
}

/* The satisfaction mapped onto 1–5 and rounded; the objective. */
static void
test_scale (void)
{
  g_autoptr(JourneyProject) project =
    read_mermaid ("journey\naccDescr: Why\nsection A\na: 0\nb: 10\nc: 4\nd: 6\ne: 5\n");
  g_autofree char *text = write_first (project, JOURNEY_MERMAID_PLAIN, NULL);

  /* 0..10 onto 1..5: 1 + 4 × value / 10, rounded (half away from 0). */
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Mermaid journey\n"
                   "  accDescr: Why\n"
                   "  section A\n"
                   "    a: 1: Customer\n"
                   "    b: 5: Customer\n"
                   "    c: 3: Customer\n"
                   "    d: 3: Customer\n"
                   "    e: 3: Customer\n");
}

/* Names Mermaid would read otherwise are altered, and said so. */
static void
test_altered_names (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(GPtrArray) alterations = test_problems_new ();
  g_autoptr(JourneyProject) back = NULL;
  g_autofree char *text = NULL;
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyTouchpoint *site = journey_map_find_touchpoint (map, "site");
  JourneyTouchpoint *desk = journey_map_find_touchpoint (map, "desk");
  JourneyMap *read_map;

  g_object_set (map, "title", "Stay #2; <b>&", "objective", "Line one\nline } two", NULL);
  g_object_set (journey_list_peek (map->stages, 0), "name", "Book: online\nor by phone", NULL);
  g_object_set (journey_list_peek (map->lanes, 1), "name", "Staff, front desk", NULL);
  g_object_set (site, "title", "Journey: 50% %% done", NULL);
  g_object_set (desk, "title", "Title\tpage", NULL);

  text = write_first (project, JOURNEY_MERMAID_PLAIN, alterations);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Stay ＃2； ＜b>＆\n"
                   "  accDescr {\n"
                   "    Line one\n"
                   "    line ｝ two\n"
                   "  }\n"
                   "  section Book∶ online<br>or by phone\n"
                   "    \xE2\x80\x8BJourney∶ 50% %\xE2\x80\x8B% done: 4: Guest\n"
                   "  section Stay\n"
                   "    \xE2\x80\x8BTitle page: 2: Staff‚ front desk\n");

  /* Title, objective, stage, two touchpoints and one lane. */
  g_assert_cmpuint (alterations->len, ==, 6);
  g_assert_cmpstr (((JourneyProblem *) g_ptr_array_index (alterations, 0))->path, ==, "maps[0].title");
  g_assert_cmpstr (((JourneyProblem *) g_ptr_array_index (alterations, 2))->path, ==, "maps[0].stages[0].name");
  g_assert_cmpstr (((JourneyProblem *) g_ptr_array_index (alterations, 3))->path, ==, "maps[0].touchpoints[0].title");
  g_assert_cmpstr (((JourneyProblem *) g_ptr_array_index (alterations, 5))->path, ==, "maps[0].lanes[1].name");

  /* Read back, the visible text is there. */
  back = read_mermaid (text);
  read_map = journey_list_peek (back->maps, 0);
  g_assert_cmpstr (read_map->title, ==, "Stay ＃2； ＜b>＆");
  g_assert_cmpstr (((JourneyStage *) journey_list_peek (read_map->stages, 0))->name, ==, "Book∶ online\nor by phone");
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (read_map->touchpoints, 1))->title, ==, "Title page");
  g_assert_cmpstr (((JourneyLane *) journey_list_peek (read_map->lanes, 1))->name, ==, "Staff‚ front desk");
}

/* The Markdown variant: a heading and a fenced block, read back. */
static void
test_markdown (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autofree char *text = write_first (project, JOURNEY_MERMAID_FENCED, NULL);
  g_autoptr(JourneyProject) back = NULL;

  g_assert_true (g_str_has_prefix (text, "# Weekend stay\n\n```mermaid\njourney\n"));
  g_assert_true (g_str_has_suffix (text, "    Checks in: 2: Staff\n```\n"));
  g_assert_cmpint (journey_mermaid_detect (text, strlen (text)), ==, JOURNEY_MERMAID_MARKDOWN);
  back = read_mermaid (text);
  g_assert_cmpuint (journey_list_get_length (((JourneyMap *) journey_list_peek (back->maps, 0))->touchpoints), ==, 2);

  /* An objective with a line of ``` does not close the fence. */
  {
    g_autofree char *with_fence = NULL;
    g_autoptr(JourneyProject) fenced = NULL;

    g_object_set (journey_list_peek (project->maps, 0), "objective", "Before\n```\nafter", NULL);
    with_fence = write_first (project, JOURNEY_MERMAID_FENCED, NULL);
    fenced = read_mermaid (with_fence);
    g_assert_cmpstr (((JourneyMap *) journey_list_peek (fenced->maps, 0))->objective, ==, "Before\n```\nafter");
  }

  /* The export table knows both, by their extensions. */
  g_assert_cmpstr (journey_export_format_for_path ("/tmp/README.MD", NULL)->id, ==, "md");
  g_assert_cmpstr (journey_export_format_for_path ("a.mmd", NULL)->id, ==, "mmd");
}

/* A 1–5 diagram read and written again keeps its sections, task names and
 * order, scores and each task's first actor: the same text. */
static void
test_round_trip (void)
{
  const char *diagram =
    "journey\n"
    "  title My working day\n"
    "    Wakes up: 2: Me\n"
    "  section Go to work\n"
    "    Make tea: 5: Me\n"
    "    Go upstairs: 3: Me\n"
    "    Do work: 1: Cat\n"
    "  section Nothing here\n"
    "  section Go home\n"
    "    Go downstairs: 5: Me\n"
    "    Sit down: 2: Dog\n";
  g_autoptr(JourneyProject) project = read_mermaid (diagram);
  g_autofree char *text = write_first (project, JOURNEY_MERMAID_PLAIN, NULL);

  g_assert_cmpstr (text, ==, diagram);
}

/* Every example map: written, read back, one task per touchpoint on the
 * curve, in the same order, and the file written to disk. */
static void
test_examples (void)
{
  const char *dir = g_getenv ("JOURNEYS_EXAMPLES_DIR");
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *tmp = g_dir_make_tmp ("mermaid-XXXXXX", NULL);
  const char *name;
  guint n_maps = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(JourneyProject) project = journey_format_read_file (file, NULL, NULL);

      g_assert_nonnull (project);
      for (guint m = 0; m < journey_list_get_length (project->maps); m++, n_maps++)
        {
          JourneyMap *map = journey_list_peek (project->maps, m);
          g_autoptr(GPtrArray) curve = journey_map_get_curve_touchpoints (map);
          g_autofree char *out = g_strdup_printf ("%s/%s-%u.md", tmp, name, m);
          g_autoptr(GFile) out_file = g_file_new_for_path (out);
          g_autofree char *text = NULL;
          g_autoptr(JourneyProject) back = NULL;
          g_autoptr(GError) error = NULL;
          JourneyMap *back_map;

          /* Through the export table, as --export and the dialog write it. */
          g_assert_true (journey_export_write (project, map, NULL, NULL, out_file, &error));
          g_assert_no_error (error);
          g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
          back = read_mermaid (text);
          back_map = journey_list_peek (back->maps, 0);
          g_assert_cmpstr (back_map->title, ==, map->title);
          g_assert_cmpuint (journey_list_get_length (back_map->stages), ==, journey_list_get_length (map->stages));
          g_assert_cmpuint (journey_list_get_length (back_map->touchpoints), ==, curve->len);
          for (guint i = 0; i < curve->len; i++)
            g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (back_map->touchpoints, i))->title, ==,
                             ((JourneyTouchpoint *) g_ptr_array_index (curve, i))->title);
          g_unlink (out);
        }
    }
  g_assert_cmpuint (n_maps, >=, 3);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid-write/text", test_text);
  g_test_add_func ("/mermaid-write/scale", test_scale);
  g_test_add_func ("/mermaid-write/altered-names", test_altered_names);
  g_test_add_func ("/mermaid-write/markdown", test_markdown);
  g_test_add_func ("/mermaid-write/round-trip", test_round_trip);
  g_test_add_func ("/mermaid-write/examples", test_examples);

  return g_test_run ();
}
