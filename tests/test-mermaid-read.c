/* test-mermaid-read.c: Mermaid journeys read as maps (issue 19), built
 * from the constructs of Mermaid's grammar (journey.jison), and hostile
 * input.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-document.h"
#include "journey-mermaid-read.h"
#include "journey-test-utils.h"

static JourneyProject *
read_ok (const char *text,
         GPtrArray  *warnings)
{
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  JourneyProject *project;

  project = journey_mermaid_read_data (text, strlen (text), problems, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (project);
  return project;
}

/* Refused, with one problem at @place that mentions @words. */
static void
assert_refused (const char *text,
                gssize      length,
                const char *place,
                const char *words)
{
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = NULL;
  JourneyProblem *problem;

  project = journey_mermaid_read_data (text, length < 0 ? strlen (text) : (gsize) length, problems, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, place);
  if (strstr (problem->message, words) == NULL)
    g_error ("“%s” does not say “%s”", problem->message, words);
  g_assert_nonnull (strstr (error->message, place));
}

static JourneyMap *
first_map (JourneyProject *project)
{
  return journey_list_peek (project->maps, 0);
}

static JourneyTouchpoint *
touchpoint_at (JourneyMap *map,
               guint       i)
{
  return journey_list_peek (map->touchpoints, i);
}

#define DOCS_EXAMPLE \
  "journey\n" \
  "    title My working day\n" \
  "    section Go to work\n" \
  "      Make tea: 5: Me\n" \
  "      Go upstairs: 3: Me\n" \
  "      Do work: 1: Me, Cat\n" \
  "    section Go home\n" \
  "      Go downstairs: 5: Me\n" \
  "      Sit down: 5: Me\n"

/* Mermaid's documented example: every rule of the mapping. */
static void
test_docs_example (void)
{
  g_autoptr(GPtrArray) warnings = test_problems_new ();
  g_autoptr(JourneyProject) project = read_ok (DOCS_EXAMPLE, warnings);
  JourneyMap *map = first_map (project);
  JourneyStage *stage;
  JourneyLane *lane;
  JourneyTouchpoint *tp;

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (journey_list_get_length (project->maps), ==, 1);
  g_assert_cmpstr (map->title, ==, "My working day");
  g_assert_cmpstr (project->title, ==, "My working day");
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 5);

  /* Sections: stages in order, as long as their number of tasks. */
  g_assert_cmpuint (journey_list_get_length (map->stages), ==, 2);
  stage = journey_list_peek (map->stages, 0);
  g_assert_cmpstr (stage->name, ==, "Go to work");
  g_assert_cmpstr (stage->id, ==, "go-to-work");
  g_assert_cmpfloat (stage->length, ==, 3);
  stage = journey_list_peek (map->stages, 1);
  g_assert_cmpstr (stage->name, ==, "Go home");
  g_assert_cmpfloat (stage->length, ==, 2);

  /* Actors: lanes in order of first appearance. */
  g_assert_cmpuint (journey_list_get_length (map->lanes), ==, 2);
  lane = journey_list_peek (map->lanes, 0);
  g_assert_cmpstr (lane->name, ==, "Me");
  g_assert_cmpstr (lane->id, ==, "me");
  g_assert_cmpint (lane->kind, ==, JOURNEY_LANE_CUSTOMER);
  lane = journey_list_peek (map->lanes, 1);
  g_assert_cmpstr (lane->name, ==, "Cat");
  g_assert_cmpint (lane->kind, ==, JOURNEY_LANE_ONSTAGE);

  /* Tasks: touchpoints at evenly spaced times, ids from their titles. */
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 5);
  tp = touchpoint_at (map, 0);
  g_assert_cmpstr (tp->id, ==, "make-tea");
  g_assert_cmpstr (tp->title, ==, "Make tea");
  g_assert_cmpfloat (tp->time, ==, 0.5);
  g_assert_cmpfloat (tp->satisfaction, ==, 5);
  g_assert_cmpstr (tp->lane, ==, "me");
  g_assert_cmpfloat (touchpoint_at (map, 1)->time, ==, 1.5);
  tp = touchpoint_at (map, 2);
  g_assert_cmpfloat (tp->time, ==, 2.5);
  g_assert_cmpfloat (tp->satisfaction, ==, 1);
  g_assert_cmpstr (tp->lane, ==, "me");
  g_assert_nonnull (strstr (tp->description, "Cat"));
  tp = touchpoint_at (map, 3);
  g_assert_cmpstr (tp->title, ==, "Go downstairs");
  g_assert_cmpfloat (tp->time, ==, 3.5);
  g_assert_cmpfloat (touchpoint_at (map, 4)->time, ==, 4.5);
  g_assert_true (journey_map_get_touchpoint_stage (map, tp) == journey_list_peek (map->stages, 1));

  /* The result is a valid project. */
  {
    g_autoptr(GPtrArray) problems = test_problems_new ();

    g_assert_true (journey_project_check (project, problems));
  }
}

/* Keywords in any case (but `journey` first, which Mermaid's detector
 * wants in lower case), blank lines, indentation, comments, CRLF. */
static void
test_case_and_comments (void)
{
  const char *text =
    "%% a comment before the diagram\r\n"
    "\r\n"
    "journey\r\n"
    "\t%% a comment\r\n"
    "  # another comment\r\n"
    "TITLE Shop visit\r\n"
    "\r\n"
    "      SECTION Enter   \r\n"
    "   Opens door  :  4  :  Shopper  \r\n"
    "Pays: 2: Shopper # the rest is a comment\r\n";
  g_autoptr(JourneyProject) project = read_ok (text, NULL);
  JourneyMap *map = first_map (project);

  g_assert_cmpstr (map->title, ==, "Shop visit");
  g_assert_cmpstr (((JourneyStage *) journey_list_peek (map->stages, 0))->name, ==, "Enter");
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 2);
  g_assert_cmpstr (touchpoint_at (map, 0)->title, ==, "Opens door");
  g_assert_cmpfloat (touchpoint_at (map, 0)->satisfaction, ==, 4);
  g_assert_cmpstr (touchpoint_at (map, 0)->lane, ==, "shopper");
  g_assert_cmpfloat (touchpoint_at (map, 1)->satisfaction, ==, 2);
  g_assert_cmpuint (journey_list_get_length (map->lanes), ==, 1);
}

/* accTitle, accDescr on one line and in a block; the objective. */
static void
test_accessibility (void)
{
  const char *one_line =
    "journey\n"
    "accTitle: Accessible title\n"
    "accDescr: Why we map this; really\n"
    "section A\n"
    "t: 3\n";
  const char *block =
    "journey\n"
    "title Shown title\n"
    "accDescr {\n"
    "  First line\n"
    "  second line\n"
    "}\n"
    "section A\n"
    "t: 3\n";
  g_autoptr(JourneyProject) a = read_ok (one_line, NULL);
  g_autoptr(JourneyProject) b = read_ok (block, NULL);

  /* Without a title, accTitle names the map. */
  g_assert_cmpstr (first_map (a)->title, ==, "Accessible title");
  g_assert_cmpstr (first_map (a)->objective, ==, "Why we map this; really");
  g_assert_cmpstr (first_map (b)->title, ==, "Shown title");
  g_assert_cmpstr (first_map (b)->objective, ==, "First line\nsecond line");
}

/* <br> in a section's name is a line break; a title may hold ":". */
static void
test_line_breaks (void)
{
  const char *text =
    "journey\n"
    "title Day: one\n"
    "section Go<br>to work\n"
    "t: 3\n"
    "section Go<BR/>home<br />now\n"
    "u: 3\n";
  g_autoptr(JourneyProject) project = read_ok (text, NULL);
  JourneyMap *map = first_map (project);

  g_assert_cmpstr (map->title, ==, "Day: one");
  g_assert_cmpstr (((JourneyStage *) journey_list_peek (map->stages, 0))->name, ==, "Go\nto work");
  g_assert_cmpstr (((JourneyStage *) journey_list_peek (map->stages, 1))->name, ==, "Go\nhome\nnow");
}

/* A missing score, an empty actor list, no actors at all. */
static void
test_missing_parts (void)
{
  const char *text =
    "journey\n"
    "section S\n"
    "No score: : Anna\n"
    "No actors: 4:\n"
    "Blank: 2\n"
    "Empty actors: 3: ,  , Ben\n";
  g_autoptr(GPtrArray) warnings = test_problems_new ();
  g_autoptr(JourneyProject) project = read_ok (text, warnings);
  JourneyMap *map = first_map (project);
  JourneyProblem *warning;

  g_assert_cmpfloat (touchpoint_at (map, 0)->satisfaction, ==, 3);
  g_assert_cmpstr (touchpoint_at (map, 0)->lane, ==, "anna");
  /* No actor: the customer lane, which is the first actor's. */
  g_assert_cmpstr (touchpoint_at (map, 1)->lane, ==, "anna");
  g_assert_cmpfloat (touchpoint_at (map, 1)->satisfaction, ==, 4);
  g_assert_cmpstr (touchpoint_at (map, 2)->lane, ==, "anna");
  g_assert_cmpstr (touchpoint_at (map, 3)->lane, ==, "ben");
  g_assert_cmpuint (journey_list_get_length (map->lanes), ==, 2);

  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpstr (warning->path, ==, "line 3, column 10");
  g_assert_nonnull (strstr (warning->message, "No score"));
}

/* Without any actor, one customer lane. */
static void
test_no_actors (void)
{
  g_autoptr(JourneyProject) project = read_ok ("journey\nsection A\nt: 1\nu: 2\n", NULL);
  JourneyMap *map = first_map (project);
  JourneyLane *lane = journey_list_peek (map->lanes, 0);

  g_assert_cmpuint (journey_list_get_length (map->lanes), ==, 1);
  g_assert_cmpint (lane->kind, ==, JOURNEY_LANE_CUSTOMER);
  g_assert_cmpstr (touchpoint_at (map, 1)->lane, ==, lane->id);
  /* No title: a name all the same. */
  g_assert_nonnull (map->title);
  g_assert_cmpstr (map->title, !=, "");
}

/* Scores: 1–5 when they fit, else the smallest preset that holds them. */
static void
test_scales (void)
{
  struct { const char *scores[3]; int min, max; } cases[] = {
    { { "1", "5", "3" }, 1, 5 },
    { { "-2", "2", "0" }, -2, 2 },
    { { "1", "7", "6.5" }, 1, 7 },
    { { "0", "10", "4" }, 0, 10 },
    { { "0", "3", "1" }, 0, 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("journey\nsection A\na: %s\nb: %s\nc: %s\n",
                                               cases[i].scores[0], cases[i].scores[1], cases[i].scores[2]);
      g_autoptr(JourneyProject) project = read_ok (text, NULL);
      JourneyMap *map = first_map (project);

      g_assert_cmpint (map->scale->min, ==, cases[i].min);
      g_assert_cmpint (map->scale->max, ==, cases[i].max);
      g_assert_cmpfloat (touchpoint_at (map, 2)->satisfaction, ==, g_ascii_strtod (cases[i].scores[2], NULL));
    }

  /* Beyond every scale: the widest, the score clamped, a warning. */
  {
    g_autoptr(GPtrArray) warnings = test_problems_new ();
    g_autoptr(JourneyProject) project = read_ok ("journey\nsection A\na: 100\nb: 1\n", warnings);

    g_assert_cmpint (first_map (project)->scale->max, ==, 10);
    g_assert_cmpfloat (touchpoint_at (first_map (project), 0)->satisfaction, ==, 10);
    g_assert_cmpuint (warnings->len, ==, 1);
  }
}

/* Scores that are not numbers: the middle of the scale, a warning each. */
static void
test_non_numeric_scores (void)
{
  const char *text =
    "journey\n"
    "section A\n"
    "a: high: Me\n"
    "b: 5 %% inline comments are part of the score in Mermaid\n"
    "c: NaN\n"
    "d: 4\n";
  g_autoptr(GPtrArray) warnings = test_problems_new ();
  g_autoptr(JourneyProject) project = read_ok (text, warnings);
  JourneyMap *map = first_map (project);

  g_assert_cmpfloat (touchpoint_at (map, 0)->satisfaction, ==, 3);
  g_assert_cmpfloat (touchpoint_at (map, 1)->satisfaction, ==, 3);
  g_assert_cmpfloat (touchpoint_at (map, 2)->satisfaction, ==, 3);
  g_assert_cmpfloat (touchpoint_at (map, 3)->satisfaction, ==, 4);
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_cmpstr (((JourneyProblem *) g_ptr_array_index (warnings, 0))->path, ==, "line 3, column 3");
  g_assert_nonnull (strstr (((JourneyProblem *) g_ptr_array_index (warnings, 0))->message, "high"));
}

/* A section with no tasks: a stage of length 1.  A task before any
 * section: a first stage without a name. */
static void
test_sections_and_tasks (void)
{
  g_autoptr(JourneyProject) empty = read_ok ("journey\nsection Empty\nsection Full\nt: 2\nu: 2\n", NULL);
  g_autoptr(JourneyProject) early = read_ok ("journey\nEarly: 2\nsection Later\nt: 4\n", NULL);
  g_autoptr(JourneyProject) bare = read_ok ("journey\ntitle Nothing yet\n", NULL);
  JourneyMap *map = first_map (empty);

  g_assert_cmpuint (journey_list_get_length (map->stages), ==, 2);
  g_assert_cmpfloat (((JourneyStage *) journey_list_peek (map->stages, 0))->length, ==, 1);
  g_assert_cmpfloat (((JourneyStage *) journey_list_peek (map->stages, 1))->length, ==, 2);
  g_assert_cmpfloat (touchpoint_at (map, 0)->time, ==, 1.5);
  g_assert_cmpfloat (touchpoint_at (map, 1)->time, ==, 2.5);

  map = first_map (early);
  g_assert_cmpuint (journey_list_get_length (map->stages), ==, 2);
  g_assert_null (((JourneyStage *) journey_list_peek (map->stages, 0))->name);
  g_assert_cmpfloat (touchpoint_at (map, 0)->time, ==, 0.5);
  g_assert_cmpstr (touchpoint_at (map, 1)->title, ==, "t");
  g_assert_cmpfloat (touchpoint_at (map, 1)->time, ==, 1.5);

  map = first_map (bare);
  g_assert_cmpuint (journey_list_get_length (map->stages), ==, 1);
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 0);
}

/* Ids made from titles are unique; the writer's keyword mark is dropped. */
static void
test_ids (void)
{
  const char *text =
    "journey\n"
    "section Café!\n"
    "Pay: 3\n"
    "Pay: 4\n"
    "Journeyman: 1\n"
    "!!!: 2\n"
    "\xE2\x80\x8BTitle page: 2\n";
  g_autoptr(JourneyProject) project = read_ok (text, NULL);
  JourneyMap *map = first_map (project);

  g_assert_cmpstr (((JourneyStage *) journey_list_peek (map->stages, 0))->id, ==, "cafe");
  g_assert_cmpstr (touchpoint_at (map, 0)->id, ==, "pay");
  g_assert_cmpstr (touchpoint_at (map, 1)->id, ==, "pay-2");
  g_assert_cmpstr (touchpoint_at (map, 2)->title, ==, "Journeyman");
  g_assert_cmpstr (touchpoint_at (map, 3)->id, ==, "touchpoint");
  g_assert_cmpstr (touchpoint_at (map, 4)->title, ==, "Title page");
  g_assert_cmpstr (touchpoint_at (map, 4)->id, ==, "title-page");
}

/* Front matter and directives are skipped. */
static void
test_front_matter (void)
{
  const char *text =
    "---\n"
    "title: Front matter title\n"
    "config:\n"
    "  theme: forest\n"
    "---\n"
    "%%{init: { 'theme': 'dark',\n"
    "  'journey': { 'useMaxWidth': true } } }%%\n"
    "journey\n"
    "  %%{ wrap }%%\n"
    "  section A\n"
    "    t: 2\n";
  g_autoptr(JourneyProject) project = read_ok (text, NULL);
  JourneyMap *map = first_map (project);

  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 1);
  g_assert_cmpstr (((JourneyStage *) journey_list_peek (map->stages, 0))->name, ==, "A");
  g_assert_cmpint (journey_mermaid_detect (text, strlen (text)), ==, JOURNEY_MERMAID_DIAGRAM);
}

/* Markdown: one map per ```mermaid block that starts with journey. */
static void
test_markdown (void)
{
  const char *text =
    "# Our journeys\n"
    "\n"
    "Some prose with `code`.\n"
    "\n"
    "```mermaid\n"
    "flowchart LR\n"
    "  A --> B\n"
    "```\n"
    "\n"
    "```mermaid\n"
    "journey\n"
    "  title First\n"
    "  section S\n"
    "    a: 5: Me\n"
    "```\n"
    "\n"
    "- a list item:\n"
    "\n"
    "    ~~~~ Mermaid\n"
    "    journey\n"
    "      title First\n"
    "      section T\n"
    "        b: 1\n"
    "    ~~~~\n";
  g_autoptr(JourneyProject) project = NULL;
  JourneyMap *second;

  g_assert_cmpint (journey_mermaid_detect (text, strlen (text)), ==, JOURNEY_MERMAID_MARKDOWN);
  project = read_ok (text, NULL);
  g_assert_cmpuint (journey_list_get_length (project->maps), ==, 2);
  g_assert_cmpstr (first_map (project)->id, ==, "first");
  second = journey_list_peek (project->maps, 1);
  g_assert_cmpstr (second->id, ==, "first-2");
  g_assert_cmpstr (touchpoint_at (second, 0)->title, ==, "b");

  /* A problem is placed in the Markdown file's own lines. */
  assert_refused ("Text\n\n```mermaid\njourney\n  section A\n  bad line\n```\n", -1,
                  "line 6, column 11", "“:”");
  assert_refused ("Text\n```mermaid\ngraph TD\n```\n", -1, "line 1, column 1", "journey");
}

/* Detection: a project, Mermaid, or neither. */
static void
test_detect (void)
{
  g_assert_cmpint (journey_mermaid_detect (TEST_PROJECT, strlen (TEST_PROJECT)), ==, JOURNEY_MERMAID_NONE);
  g_assert_cmpint (journey_mermaid_detect ("", 0), ==, JOURNEY_MERMAID_NONE);
  g_assert_cmpint (journey_mermaid_detect ("flowchart LR\n", 13), ==, JOURNEY_MERMAID_NONE);
  g_assert_cmpint (journey_mermaid_detect ("Journey\n", 8), ==, JOURNEY_MERMAID_NONE);
  g_assert_cmpint (journey_mermaid_detect ("\xEF\xBB\xBF  journey\n", 14), ==, JOURNEY_MERMAID_DIAGRAM);
  g_assert_cmpint (journey_mermaid_detect (DOCS_EXAMPLE, strlen (DOCS_EXAMPLE)), ==, JOURNEY_MERMAID_DIAGRAM);
}

/* What Mermaid refuses is refused, at its line and column. */
static void
test_refused (void)
{
  struct { const char *text; const char *place; const char *words; } cases[] = {
    { "section A\nt: 1\n", "line 1, column 1", "journey" },
    { "journey\nsection A\nTask without score\n", "line 3, column 19", "“:”" },
    { "journey\nsection A\nTask:# comment\n", "line 3, column 6", "“:”" },
    { "journey\nsection A\n: 5\n", "line 3, column 1", "name" },
    { "journey\nsection A: 5\n", "line 2, column 10", "“:”" },
    { "journey\nsection A\nTask: 5; Me\n", "line 3, column 8", "“;”" },
    { "journey\ntitle A; B\n", "line 2, column 8", "“;”" },
    { "journey\n  ;\n", "line 2, column 3", "“;”" },
    { "journey\nsection A\njourney planning: 3\n", "line 3, column 1", "journey" },
    { "journey\nsection A\nJourney planning: 3\n", "line 3, column 1", "journey" },
    { "JOURNEY\nsection A\nt: 3\n", "line 1, column 1", "journey" },
    { "journeyfoo: 3\n", "line 1, column 1", "journey" },
    { "journey\ntitle\n", "line 2, column 6", "“:”" },
    { "journey\naccDescr {\n  never closed\n", "line 2, column 1", "accDescr" },
    { "%%{init: {}\njourney\n", "line 1, column 1", "%%{" },
    { "---\ntitle: x\njourney\n", "line 1, column 1", "---" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].text, -1, cases[i].place, cases[i].words);
}

/* Invalid UTF-8, NUL bytes, a line of 1 MB, many tasks. */
static void
test_hostile (void)
{
  const char bad_utf8[] = "journey\nsection A\nT\xC3\x28: 3\n";
  const char with_nul[] = "journey\nsection A\nT\0x: 3\n";
  g_autoptr(GString) long_line = g_string_new ("journey\nsection A\n");
  g_autoptr(GString) long_bad = g_string_new ("journey\nsection A\n");
  g_autoptr(GString) many = g_string_new ("journey\nsection A\n");
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(JourneyProject) project_many = NULL;

  assert_refused (bad_utf8, sizeof bad_utf8 - 1, "line 3, column 2", "UTF-8");
  {
    g_autoptr(GPtrArray) problems = test_problems_new ();
    g_autoptr(JourneyProject) p = journey_mermaid_read_data (with_nul, sizeof with_nul - 1, problems, NULL, NULL);

    /* A NUL is not valid text either. */
    g_assert_null (p);
    g_assert_cmpuint (problems->len, ==, 1);
  }

  /* A task named with a million characters. */
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (long_line, 'a' + i % 26);
  g_string_append (long_line, ": 4: Someone\n");
  project = read_ok (long_line->str, NULL);
  g_assert_cmpuint (strlen (touchpoint_at (first_map (project), 0)->title), ==, 1024 * 1024);
  g_assert_cmpuint (strlen (touchpoint_at (first_map (project), 0)->id), <=, 48);

  /* The same line with no ":": refused at its end. */
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (long_bad, 'b');
  g_string_append_c (long_bad, '\n');
  assert_refused (long_bad->str, long_bad->len, "line 3, column 1048577", "“:”");

  /* 20000 tasks of the same name. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (many, "Same: 2\n");
  project_many = read_ok (many->str, NULL);
  g_assert_cmpuint (journey_list_get_length (first_map (project_many)->touchpoints), ==, 20000);
  g_assert_cmpstr (touchpoint_at (first_map (project_many), 19999)->id, ==, "same-20000");
}

/* Opened as a document: a new, unsaved one without a file, so nothing is
 * ever written over the Mermaid file; the guesses kept for the window. */
static void
test_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mermaid-read-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "day.mmd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyDocument) document = journey_document_new (NULL, NULL);
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings;

  g_assert_true (g_file_set_contents (path, "journey\nsection A\nTea: 5: Me\nWork: : Me\n", -1, NULL));
  g_assert_true (journey_document_load (document, file, problems, &error));
  g_assert_no_error (error);
  g_assert_null (journey_document_get_file (document));
  g_assert_true (journey_document_get_dirty (document));
  g_assert_cmpuint (journey_list_get_length (first_map (journey_document_get_project (document))->touchpoints), ==, 2);
  warnings = journey_document_get_import_warnings (document);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid-read/docs-example", test_docs_example);
  g_test_add_func ("/mermaid-read/case-and-comments", test_case_and_comments);
  g_test_add_func ("/mermaid-read/accessibility", test_accessibility);
  g_test_add_func ("/mermaid-read/line-breaks", test_line_breaks);
  g_test_add_func ("/mermaid-read/missing-parts", test_missing_parts);
  g_test_add_func ("/mermaid-read/no-actors", test_no_actors);
  g_test_add_func ("/mermaid-read/scales", test_scales);
  g_test_add_func ("/mermaid-read/non-numeric-scores", test_non_numeric_scores);
  g_test_add_func ("/mermaid-read/sections-and-tasks", test_sections_and_tasks);
  g_test_add_func ("/mermaid-read/ids", test_ids);
  g_test_add_func ("/mermaid-read/front-matter", test_front_matter);
  g_test_add_func ("/mermaid-read/markdown", test_markdown);
  g_test_add_func ("/mermaid-read/detect", test_detect);
  g_test_add_func ("/mermaid-read/refused", test_refused);
  g_test_add_func ("/mermaid-read/hostile", test_hostile);
  g_test_add_func ("/mermaid-read/document", test_document);

  return g_test_run ();
}
