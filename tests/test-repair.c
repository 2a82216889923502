/* test-repair.c: "Open a Repaired Copy": a file with bad values is still
 * refused, but a repaired copy of it mends each problem, lists each change
 * at its place, and validates clean; what has no sure mend (malformed
 * JSON, a newer version, not a journey) is not repaired.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-test-utils.h"

static char *
invalid_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "tests", "invalid", name, NULL);
}

/* Whether @project validates clean, and reads back clean once written. */
static void
assert_valid (JourneyProject *project)
{
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  journey_project_check (project, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("left: %s: %s\n", problem->path, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, 0);

  text = journey_format_write_data (project, &length);
  again = journey_format_read_data (text, length, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* Repairs the invalid test file @name: the file itself is still refused,
 * its repaired copy validates.  Returns the copy; @changes gets the
 * changes. */
static JourneyProject *
repair (const char  *name,
        GPtrArray  **changes)
{
  g_autofree char *path = invalid_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) refused = NULL;
  JourneyProject *project;

  refused = journey_format_read_file (file, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  *changes = test_problems_new ();
  project = journey_format_repair_file (file, *changes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  for (guint i = 0; i < (*changes)->len; i++)
    {
      JourneyProblem *change = g_ptr_array_index (*changes, i);

      g_test_message ("%s: %s: %s", name, change->path, change->message);
      g_assert_cmpstr (change->path, !=, "");
      g_assert_cmpstr (change->message, !=, "");
    }
  g_assert_cmpuint ((*changes)->len, >, 0);
  assert_valid (project);
  return project;
}

static JourneyTouchpoint *
first_touchpoint (JourneyProject *project)
{
  return journey_list_peek (test_first_map (project)->touchpoints, 0);
}

static void
test_clamped (void)
{
  struct {
    const char *file;
    const char *path;
    const char *fragment;
  } cases[] = {
    { "satisfaction-above-scale.journey", "maps[0].touchpoints[0].satisfaction", "was 5.5" },
    { "target-below-scale.journey", "maps[0].touchpoints[0].target", "now 1" },
    { "time-after-end.journey", "maps[0].touchpoints[0].time", "was 3.5" },
    { "time-negative.journey", "maps[0].touchpoints[0].time", "now 0" },
    { "evidence-mean.journey", "maps[0].touchpoints[0].evidence.mean", "now" },
    { "votes-negative.journey", "maps[0].touchpoints[0].votes", "negative" },
    { "histogram-negative.journey", "maps[0].touchpoints[0].evidence.histogram[2]", "negative" },
    { "length-zero.journey", "maps[0].stages[0].length", "now 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(JourneyProject) project = repair (cases[i].file, &changes);
      JourneyTouchpoint *tp = first_touchpoint (project);

      g_assert_true (test_has_problem (changes, cases[i].path, cases[i].fragment));
      g_assert_cmpuint (changes->len, ==, 1);
      if (i == 0)
        g_assert_cmpfloat (tp->satisfaction, ==, 5);
      else if (i == 1)
        g_assert_cmpfloat (tp->target, ==, 1);
      else if (i == 2)
        g_assert_cmpfloat (tp->time, ==, 3);
      else if (i == 3)
        g_assert_cmpfloat (tp->time, ==, 0);
      else if (i == 5)
        g_assert_cmpint (tp->votes, ==, 0);
    }
}

static void
test_dangling_lane (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
    "  \"stages\": [ { \"id\": \"s\", \"length\": 4 } ],"
    "  \"lanes\": [ { \"id\": \"p\", \"name\": \"Evidence\", \"kind\": \"physical\" },"
    "             { \"id\": \"g\", \"name\": \"Guest\", \"kind\": \"customer\" },"
    "             { \"id\": \"f\", \"name\": \"Front desk\", \"kind\": \"onstage\" },"
    "             { \"id\": \"r\", \"name\": \"Reception\", \"kind\": \"onstage\" } ],"
    "  \"touchpoints\": [ { \"id\": \"a\", \"title\": \"A\", \"lane\": \"onstage-old\", \"time\": 1 },"
    "                     { \"id\": \"b\", \"title\": \"B\", \"lane\": \"customer\", \"time\": 1 },"
    "                     { \"id\": \"c\", \"title\": \"C\", \"lane\": \"kitchen\", \"time\": 1 },"
    "                     { \"id\": \"d\", \"title\": \"D\", \"lane\": \"support\", \"time\": 1 },"
    "                     { \"id\": \"e\", \"title\": \"E\", \"lane\": \"r\", \"time\": 1 } ] } ] }";
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = NULL;
  JourneyMap *map;
  const char *expected[] = { "f", "g", "p", "p", "r" };

  /* The test file: the only lane. */
  project = repair ("dangling-lane.journey", &changes);
  g_assert_cmpstr (first_touchpoint (project)->lane, ==, "c");
  g_assert_true (test_has_problem (changes, "maps[0].touchpoints[0].lane", "“staff”"));
  g_assert_true (test_has_problem (changes, "maps[0].touchpoints[0].lane", "“Customer”"));
  g_clear_object (&project);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* The first lane of the kind the id names, else the first lane; a
   * touchpoint on a lane that exists stays. */
  changes = test_problems_new ();
  project = journey_format_repair_data (text, strlen (text), changes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  map = test_first_map (project);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->lane, ==, expected[i]);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_true (test_has_problem (changes, "maps[0].touchpoints[0].lane", "“Front desk”"));
  g_assert_true (test_has_problem (changes, "maps[0].touchpoints[2].lane", "“kitchen”"));
  assert_valid (project);
}

static void
test_dangling_references (void)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JourneyProject) project = NULL;

  project = repair ("dangling-channel.journey", &changes);
  g_assert_null (first_touchpoint (project)->channel);
  g_assert_true (test_has_problem (changes, "maps[0].touchpoints[0].channel", "left out"));
  g_assert_cmpuint (changes->len, ==, 1);
  g_clear_object (&project);
  g_clear_pointer (&changes, g_ptr_array_unref);

  project = repair ("dangling-persona.journey", &changes);
  g_assert_null (test_first_map (project)->persona);
  g_assert_true (test_has_problem (changes, "maps[0].persona", "left out"));
  g_assert_cmpuint (changes->len, ==, 1);
}

static void
test_duplicate_ids (void)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JourneyProject) project = NULL;
  JourneyMap *map;

  project = repair ("duplicate-lane.journey", &changes);
  map = test_first_map (project);
  g_assert_cmpstr (((JourneyLane *) journey_list_peek (map->lanes, 0))->id, ==, "c");
  g_assert_cmpstr (((JourneyLane *) journey_list_peek (map->lanes, 1))->id, ==, "c-2");
  /* The touchpoint stays on the lane it named first. */
  g_assert_cmpstr (first_touchpoint (project)->lane, ==, "c");
  g_assert_true (test_has_problem (changes, "maps[0].lanes[1].id", "“c-2”"));
  g_assert_cmpuint (changes->len, ==, 1);
  g_clear_object (&project);
  g_clear_pointer (&changes, g_ptr_array_unref);

  project = repair ("duplicate-touchpoint.journey", &changes);
  map = test_first_map (project);
  g_assert_cmpstr (journey_item_get_id (journey_list_peek (map->touchpoints, 0)), !=,
                   journey_item_get_id (journey_list_peek (map->touchpoints, 1)));
  g_assert_true (test_has_problem (changes, "maps[0].touchpoints[1].id", "already"));
  g_clear_object (&project);
  g_clear_pointer (&changes, g_ptr_array_unref);

  project = repair ("empty-id.journey", &changes);
  g_assert_cmpstr (first_touchpoint (project)->id, ==, "touchpoint-1");
  g_assert_true (test_has_problem (changes, "maps[0].touchpoints[0].id", "“touchpoint-1”"));
}

/* Values that cannot be read, or break a rule without a range, are left
 * out: the default stands in. */
static void
test_left_out (void)
{
  struct {
    const char *file;
    const char *path;
  } cases[] = {
    { "votes-string.journey", "maps[0].touchpoints[0].votes" },
    { "color.journey", NULL },
    { "timestamp.journey", NULL },
    { "labels-count.journey", "maps[0].scale.labels" },
    { "histogram-length.journey", "maps[0].touchpoints[0].evidence.histogram" },
    { "lane-kind.journey", "maps[0].lanes[0].kind" },
    { "status.journey", NULL },
    { "weight.journey", "maps[0].touchpoints[0].weight" },
    { "missing-time.journey", "maps[0].touchpoints[0].time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(JourneyProject) project = repair (cases[i].file, &changes);

      if (cases[i].path != NULL)
        g_assert_true (test_has_problem (changes, cases[i].path, ""));
    }
}

/* What has no sure mend is not repaired, and says so. */
static void
test_refused (void)
{
  const char *files[] = {
    "truncated.journey",       /* malformed JSON */
    "not-a-number.journey",    /* NaN is not JSON */
    "future-version.journey",  /* a newer program's */
    "not-utf8.journey",
    "empty-object.journey",    /* not a journey */
    "wrong-format.journey",
    "scale-reversed.journey",
    "scale-too-many-steps.journey",
    "no-stages.journey",
    "no-maps.journey",
    "missing-maps.journey",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = invalid_path (files[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) changes = test_problems_new ();
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneyProject) project = NULL;
      g_autoptr(JourneyProject) repaired = NULL;

      g_test_message ("%s", files[i]);
      project = journey_format_repair_file (file, changes, &error);
      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_cmpuint (changes->len, ==, 0);
      g_clear_error (&error);

      /* Read once, refused, no copy offered. */
      project = journey_format_read_file_or_repair (file, problems, &repaired, changes, &error);
      g_assert_null (project);
      g_assert_null (repaired);
      g_assert_nonnull (error);
      g_assert_cmpuint (problems->len, >, 0);
      g_assert_cmpuint (changes->len, ==, 0);
    }
}

/* Every invalid test file is either repaired into a valid project, with
 * its changes listed, or not repaired at all; the file itself stays
 * refused either way. */
static void
test_every_invalid_file (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "tests", "invalid", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint repaired_count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(GPtrArray) changes = test_problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneyProject) project = NULL;
      g_autoptr(JourneyProject) repaired = NULL;

      project = journey_format_read_file_or_repair (file, problems, &repaired, changes, &error);
      g_assert_null (project);
      g_assert_nonnull (error);
      if (repaired == NULL)
        {
          g_assert_cmpuint (changes->len, ==, 0);
          continue;
        }
      g_test_message ("%s: repaired with %u changes", name, changes->len);
      g_assert_cmpuint (changes->len, >, 0);
      assert_valid (repaired);
      repaired_count++;
    }
  g_assert_cmpuint (repaired_count, >=, 20);
}

/* Thousands of ids given twice: each gets one of its own, in linear
 * time. */
static void
test_many_duplicates (void)
{
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\","
                                          " \"title\": \"M\", \"stages\": [ { \"id\": \"s\", \"length\": 1 } ],"
                                          " \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [");
  g_autoptr(GPtrArray) changes = test_problems_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = NULL;
  const guint n = 20000;
  JourneyMap *map;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{ \"id\": \"%s\", \"title\": \"T\", \"lane\": \"l\", \"time\": 0.5 }",
                            i ? ", " : "", i % 10 == 0 ? "" : (i % 2 ? "t" : "t-2"));
  g_string_append (text, "] } ] }");

  start = g_get_monotonic_time ();
  project = journey_format_repair_data (text->str, text->len, changes, &error);
  g_test_message ("repaired %u touchpoints in %.0f ms", n, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  /* The first "t" and the first "t-2" keep theirs. */
  g_assert_cmpuint (changes->len, ==, n - 2);
  map = test_first_map (project);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_hash_table_add (ids, ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->id));
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 0))->id, ==, "touchpoint-1");
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 1))->id, ==, "t");
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 2))->id, ==, "t-2");
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 3))->id, ==, "t-3");
  assert_valid (project);
}

/* A valid file needs no change. */
static void
test_valid_unchanged (void)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) changes = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = journey_format_repair_file (file, changes, &error);
  g_autoptr(JourneyProject) read = journey_format_read_file (file, NULL, NULL);
  g_autofree char *repaired_text = NULL;
  g_autofree char *read_text = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (changes->len, ==, 0);
  repaired_text = journey_format_write_data (project, &length);
  read_text = journey_format_write_data (read, &length);
  g_assert_cmpstr (repaired_text, ==, read_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/repair/clamped", test_clamped);
  g_test_add_func ("/repair/dangling-lane", test_dangling_lane);
  g_test_add_func ("/repair/dangling-references", test_dangling_references);
  g_test_add_func ("/repair/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/repair/left-out", test_left_out);
  g_test_add_func ("/repair/refused", test_refused);
  g_test_add_func ("/repair/every-invalid-file", test_every_invalid_file);
  g_test_add_func ("/repair/many-duplicates", test_many_duplicates);
  g_test_add_func ("/repair/valid-unchanged", test_valid_unchanged);

  return g_test_run ();
}
