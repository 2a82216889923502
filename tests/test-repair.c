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

#include "journey-format-private.h"
#include "journey-test-utils.h"

static char *
invalid_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "tests", "invalid", name, NULL);
}

/* The paths of every invalid test file. */
static GPtrArray *
invalid_paths (void)
{
  g_autofree char *dir_path = invalid_path ("");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  return paths;
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
      project = journey_format_open_file (file, problems, &repaired, changes, NULL, NULL, &error);
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
  g_autoptr(GPtrArray) paths = invalid_paths ();
  guint repaired_count = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(GPtrArray) changes = test_problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneyProject) project = NULL;
      g_autoptr(JourneyProject) repaired = NULL;

      project = journey_format_open_file (file, problems, &repaired, changes, NULL, NULL, &error);
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

/* -- Every problem the check reports, the repair mends ---------------------- */

/* The rules a project can break, each broken once in a copy of the hotel
 * example: where the check names the problem, and whether it has a
 * mend. */
static const struct {
  const char *path;
  gboolean    mended;
} broken_rules[] = {
  { "maps[0].touchpoints[0].title", TRUE },                     /* required */
  { "maps[0].touchpoints[0].channel", TRUE },                   /* not empty */
  { "maps[0].touchpoints[0].comments[0].created", TRUE },       /* a time stamp */
  { "maps[0].lanes[1].color", TRUE },                           /* a colour */
  { "maps[0].touchpoints[0].time", TRUE },                      /* a finite number */
  { "maps[0].touchpoints[0].target", TRUE },                    /* finite, or none */
  { "maps[0].touchpoints[0].votes", TRUE },                     /* not negative */
  { "maps[0].touchpoints[0].evidence.histogram[1]", TRUE },     /* not negative */
  { "maps[0].stages[0].id", TRUE },                             /* an id, given */
  { "maps[0].lanes[0].id", TRUE },                              /* an id, not empty */
  { "maps[0].touchpoints[1].id", TRUE },                        /* an id, once */
  { "channels[1].id", TRUE },                                   /* an id, once */
  { "maps[0].touchpoints[0].satisfaction", TRUE },              /* on the scale */
  { "maps[0].touchpoints[1].target", TRUE },                    /* on the scale */
  { "maps[0].scale.labels", TRUE },                             /* one per step */
  { "maps[0].touchpoints[0].evidence.mean", TRUE },             /* on the scale */
  { "maps[0].touchpoints[1].room.histogram", TRUE },            /* one per step */
  { "maps[0].touchpoints[2].lane", TRUE },                      /* given */
  { "maps[0].touchpoints[3].lane", TRUE },                      /* not empty */
  { "maps[0].touchpoints[4].lane", TRUE },                      /* a lane of the map */
  { "maps[0].touchpoints[5].channel", TRUE },                   /* a channel */
  { "maps[0].touchpoints[6].time", TRUE },                      /* on the timeline */
  { "maps[0].stages[1].length", TRUE },                         /* greater than 0 */
  { "maps[0].persona", TRUE },                                  /* a persona */
  { "maps[0].scale.min", FALSE },                               /* min below max */
  { "maps[0].scale", FALSE },                                   /* not too many steps */
  { "maps[0].stages", FALSE },                                  /* at least one */
  { "maps[0].lanes", FALSE },                                   /* at least one */
  { "maps", FALSE },                                            /* at least one */
  { "format", FALSE },                                          /* "journeys" */
  { "version", FALSE },                                         /* known */
};

static void
replace (char       **s,
         const char  *value)
{
  g_free (*s);
  *s = g_strdup (value);
}

static void
empty (JourneyList *list)
{
  while (journey_list_get_length (list) > 0)
    g_object_unref (journey_list_steal (list, 0));
}

/* Breaks the rule broken_rules[@rule] in @project, the hotel example. */
static void
break_rule (JourneyProject *project,
            guint           rule)
{
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, 0);
  JourneyTouchpoint *second = journey_list_peek (map->touchpoints, 1);
  JourneyComment *comment = journey_list_peek (tp->comments, 0);
  g_autoptr(GArray) histogram = g_array_new (FALSE, TRUE, sizeof (int));

  switch (rule)
    {
    case 0: g_clear_pointer (&tp->title, g_free); break;
    case 1: replace (&tp->channel, ""); break;
    case 2: replace (&comment->created, "yesterday"); break;
    case 3: replace (&((JourneyLane *) journey_list_peek (map->lanes, 1))->color, "red"); break;
    case 4: tp->time = INFINITY; break;
    case 5: tp->target = -INFINITY; break;
    case 6: tp->votes = -3; break;
    case 7: g_array_index (tp->evidence->histogram, int, 1) = -1; break;
    case 8: g_clear_pointer (&((JourneyStage *) journey_list_peek (map->stages, 0))->id, g_free); break;
    case 9: replace (&((JourneyLane *) journey_list_peek (map->lanes, 0))->id, ""); break;
    case 10: replace (&second->id, tp->id); break;
    case 11: replace (&((JourneyChannel *) journey_list_peek (project->channels, 1))->id, "web"); break;
    case 12: tp->satisfaction = 5.5; break;
    case 13: second->target = 0; break;
    case 14: g_strfreev (map->scale->labels); map->scale->labels = g_strsplit ("Bad,Good", ",", -1); break;
    case 15: tp->evidence->mean = 9; break;
    case 16:
      g_array_set_size (histogram, 5);
      g_array_index (histogram, int, 2) = 4;
      second->room = journey_room_new_from_histogram (map->scale, histogram);
      g_array_set_size (second->room->histogram, 3);
      break;
    case 17: g_clear_pointer (&((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 2))->lane, g_free); break;
    case 18: replace (&((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 3))->lane, ""); break;
    case 19: replace (&((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 4))->lane, "kitchen"); break;
    case 20: replace (&((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 5))->channel, "fax"); break;
    case 21: ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 6))->time = -2; break;
    case 22: ((JourneyStage *) journey_list_peek (map->stages, 1))->length = 0; break;
    case 23: replace (&map->persona, "student"); break;
    case 24: map->scale->max = map->scale->min; break;
    case 25: map->scale->max = map->scale->min + 1000000; break;
    case 26: empty (map->stages); break;
    case 27: empty (map->lanes); break;
    case 28: empty (project->maps); break;
    case 29: replace (&project->format, "other"); break;
    case 30: project->version = JOURNEY_FORMAT_VERSION + 1; break;
    default: g_assert_not_reached ();
    }
}

static JourneyProject *
hotel (void)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JourneyProject *project = journey_format_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

/* Checks @project, repairs it, and checks it again: each place the first
 * check names, the repair changes, or the second check names again; and
 * nothing the repair does breaks a rule that was kept. */
static gboolean
check_repair_check (JourneyProject *project,
                    GPtrArray      *problems,
                    GPtrArray      *changes,
                    GPtrArray      *left)
{
  gboolean repaired;

  journey_project_check (project, problems);
  repaired = journey_project_repair (project, changes);
  journey_project_check (project, left);
  g_assert_cmpint (repaired, ==, left->len == 0);

  for (guint i = 0; i < problems->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s: %s", problem->path, problem->message);
      g_assert_true (test_has_problem (changes, problem->path, NULL) ||
                     test_has_problem (left, problem->path, NULL));
    }
  for (guint i = 0; i < left->len; i++)
    g_assert_true (test_has_problem (problems, ((JourneyProblem *) g_ptr_array_index (left, i))->path, NULL));
  return repaired;
}

/* Each rule broken alone: the check names its place, and the repair
 * mends it there, or, for a rule without a mend, leaves it and says the
 * project is not repaired. */
static void
test_every_problem_mended (void)
{
  g_autoptr(JourneyProject) all = hotel ();

  for (guint i = 0; i < G_N_ELEMENTS (broken_rules); i++)
    {
      g_autoptr(JourneyProject) project = hotel ();
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(GPtrArray) changes = test_problems_new ();
      g_autoptr(GPtrArray) left = test_problems_new ();
      gboolean repaired;

      g_test_message ("rule %u: %s", i, broken_rules[i].path);
      break_rule (project, i);
      repaired = check_repair_check (project, problems, changes, left);
      g_assert_true (test_has_problem (problems, broken_rules[i].path, NULL));
      g_assert_cmpint (repaired, ==, broken_rules[i].mended);
      if (broken_rules[i].mended)
        {
          /* A mend may change more (a stage's new length moves the end
           * of the timeline, and the touchpoints after it), never less. */
          for (guint j = 0; j < problems->len; j++)
            g_assert_true (test_has_problem (changes, ((JourneyProblem *) g_ptr_array_index (problems, j))->path, NULL));
          assert_valid (project);
        }
      else
        g_assert_true (test_has_problem (left, broken_rules[i].path, NULL));

      if (broken_rules[i].mended)
        break_rule (all, i);
    }

  /* All the rules with a mend broken at once. */
  {
    g_autoptr(GPtrArray) problems = test_problems_new ();
    g_autoptr(GPtrArray) changes = test_problems_new ();
    g_autoptr(GPtrArray) left = test_problems_new ();

    g_assert_true (check_repair_check (all, problems, changes, left));
    assert_valid (all);
  }
}

/* The same for every invalid test file that can be read. */
static void
test_every_file_problem_mended (void)
{
  g_autoptr(GPtrArray) paths = invalid_paths ();
  guint n_read = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) unread = test_problems_new ();
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(GPtrArray) changes = test_problems_new ();
      g_autoptr(GPtrArray) left = test_problems_new ();
      g_autoptr(JourneyProject) project = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      project = journey_format_read_data_leniently (data, length, unread, NULL);
      if (project == NULL)
        continue;
      g_test_message ("%s", path);
      check_repair_check (project, problems, changes, left);
      n_read++;
    }
  g_assert_cmpuint (n_read, >=, 25);
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
  g_test_add_func ("/repair/every-problem-mended", test_every_problem_mended);
  g_test_add_func ("/repair/every-file-problem-mended", test_every_file_problem_mended);

  return g_test_run ();
}
