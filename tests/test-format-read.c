/* test-format-read.c: reading file format v1 (SPEC §3).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-test-utils.h"

/* The example of SPEC §3, word for word. */
static const char spec_example[] =
  "{\n"
  "  \"format\": \"journeys\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Hotel guest experience\",\n"
  "  \"personas\": [ { \"id\": \"leisure\", \"name\": \"Leisure traveller\", \"description\": \"Books online, stays 2-3 nights\" } ],\n"
  "  \"channels\": [ { \"id\": \"web\", \"name\": \"Website\" }, { \"id\": \"desk\", \"name\": \"Front desk\" } ],\n"
  "  \"maps\": [ {\n"
  "    \"id\": \"stay\",\n"
  "    \"title\": \"Weekend stay\",\n"
  "    \"persona\": \"leisure\",\n"
  "    \"objective\": \"Find out why repeat bookings dropped\",\n"
  "    \"scale\": { \"min\": 1, \"max\": 5, \"labels\": [ \"Very dissatisfied\", \"Dissatisfied\", \"Neutral\", \"Satisfied\", \"Very satisfied\" ] },\n"
  "    \"scope\": \"From first visit of the website to the post-stay e-mail\",\n"
  "    \"stages\": [ { \"id\": \"discover\", \"name\": \"Discover\", \"length\": 2, \"color\": \"#3584e4\" },\n"
  "                { \"id\": \"stay\", \"name\": \"Stay\", \"length\": 3 } ],\n"
  "    \"lanes\": [ { \"id\": \"customer\", \"name\": \"Customer\", \"kind\": \"customer\", \"color\": \"#ffffff\" },\n"
  "               { \"id\": \"back\", \"name\": \"Backstage\", \"kind\": \"offstage\" } ],\n"
  "    \"touchpoints\": [ {\n"
  "      \"id\": \"website\",\n"
  "      \"title\": \"Visits the hotel website\",\n"
  "      \"lane\": \"customer\",\n"
  "      \"channel\": \"web\",\n"
  "      \"time\": 0.5,\n"
  "      \"satisfaction\": 4.0,\n"
  "      \"target\": 4.5,\n"
  "      \"weight\": \"major\",\n"
  "      \"when\": \"Day -14\",\n"
  "      \"description\": \"\", \"thoughts\": \"Is it close to the beach?\", \"feelings\": \"curious\",\n"
  "      \"pain_points\": [ \"Prices shown without taxes\" ],\n"
  "      \"opportunities\": [ \"Show the total price up front\" ],\n"
  "      \"actions\": [ { \"text\": \"Show taxes in the first price\", \"owner\": \"Web team\", \"status\": \"open\" } ],\n"
  "      \"comments\": [ { \"author\": \"Ana\", \"role\": \"Front desk\", \"text\": \"Guests ask about parking\", \"created\": \"2026-11-20T10:00:00Z\" } ],\n"
  "      \"votes\": 3,\n"
  "      \"evidence\": { \"source\": \"Post-stay survey\", \"responses\": 128, \"mean\": 3.4,\n"
  "                    \"histogram\": [ 5, 10, 30, 50, 33 ], \"updated\": \"2026-11-20T10:00:00Z\" }\n"
  "    } ]\n"
  "  } ]\n"
  "}\n";

static void
test_spec_example (void)
{
  g_autoptr(JourneyProject) project = test_load_string (spec_example);
  JourneyMap *map;
  JourneyTouchpoint *tp;
  JourneyStage *stage;
  JourneyLane *lane;
  JourneyAction *action;
  JourneyComment *comment;
  JourneyPersona *persona;

  g_assert_cmpstr (project->format, ==, "journeys");
  g_assert_cmpint (project->version, ==, 1);
  g_assert_cmpstr (project->title, ==, "Hotel guest experience");

  persona = journey_list_peek (project->personas, 0);
  g_assert_cmpstr (persona->id, ==, "leisure");
  g_assert_cmpstr (persona->description, ==, "Books online, stays 2-3 nights");
  g_assert_cmpuint (journey_list_get_length (project->channels), ==, 2);
  g_assert_cmpstr (journey_project_find_channel (project, "desk")->name, ==, "Front desk");

  map = test_first_map (project);
  g_assert_cmpstr (map->id, ==, "stay");
  g_assert_cmpstr (map->title, ==, "Weekend stay");
  g_assert_cmpstr (map->persona, ==, "leisure");
  g_assert_cmpstr (map->objective, ==, "Find out why repeat bookings dropped");
  g_assert_cmpstr (map->scope, ==, "From first visit of the website to the post-stay e-mail");
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 5);
  g_assert_cmpstr (map->scale->labels[4], ==, "Very satisfied");

  stage = journey_list_peek (map->stages, 0);
  g_assert_cmpstr (stage->name, ==, "Discover");
  g_assert_cmpfloat (stage->length, ==, 2.0);
  g_assert_cmpstr (stage->color, ==, "#3584e4");
  g_assert_null (((JourneyStage *) journey_list_peek (map->stages, 1))->color);

  lane = journey_list_peek (map->lanes, 1);
  g_assert_cmpint (lane->kind, ==, JOURNEY_LANE_OFFSTAGE);
  g_assert_cmpstr (((JourneyLane *) journey_list_peek (map->lanes, 0))->color, ==, "#ffffff");

  tp = journey_list_peek (map->touchpoints, 0);
  g_assert_cmpstr (tp->id, ==, "website");
  g_assert_cmpstr (tp->title, ==, "Visits the hotel website");
  g_assert_cmpstr (tp->lane, ==, "customer");
  g_assert_cmpstr (tp->channel, ==, "web");
  g_assert_cmpfloat (tp->time, ==, 0.5);
  g_assert_cmpfloat (tp->satisfaction, ==, 4.0);
  g_assert_cmpfloat (tp->target, ==, 4.5);
  g_assert_cmpint (tp->weight, ==, JOURNEY_WEIGHT_MAJOR);
  g_assert_cmpstr (tp->when, ==, "Day -14");
  g_assert_cmpstr (tp->description, ==, "");
  g_assert_cmpstr (tp->thoughts, ==, "Is it close to the beach?");
  g_assert_cmpstr (tp->feelings, ==, "curious");
  g_assert_cmpstr (tp->pain_points[0], ==, "Prices shown without taxes");
  g_assert_null (tp->pain_points[1]);
  g_assert_cmpstr (tp->opportunities[0], ==, "Show the total price up front");
  g_assert_cmpint (tp->votes, ==, 3);

  action = journey_list_peek (tp->actions, 0);
  g_assert_cmpstr (action->text, ==, "Show taxes in the first price");
  g_assert_cmpstr (action->owner, ==, "Web team");
  g_assert_cmpint (action->status, ==, JOURNEY_STATUS_OPEN);

  comment = journey_list_peek (tp->comments, 0);
  g_assert_cmpstr (comment->author, ==, "Ana");
  g_assert_cmpstr (comment->role, ==, "Front desk");
  g_assert_cmpstr (comment->created, ==, "2026-11-20T10:00:00Z");

  g_assert_nonnull (tp->evidence);
  g_assert_cmpstr (tp->evidence->source, ==, "Post-stay survey");
  g_assert_cmpint (tp->evidence->responses, ==, 128);
  g_assert_cmpfloat (tp->evidence->mean, ==, 3.4);
  g_assert_cmpuint (tp->evidence->histogram->len, ==, 5);
  g_assert_cmpint (g_array_index (tp->evidence->histogram, int, 3), ==, 50);
}

static void
test_defaults (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"\","
    "  \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
    "  \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": 1 } ] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (text);
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, 0);
  JourneyStage *stage = journey_list_peek (map->stages, 0);
  JourneyLane *lane = journey_list_peek (map->lanes, 0);

  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 5);
  g_assert_true (map->show_notes);
  g_assert_cmpstr (journey_scale_get_label (map->scale, 1), ==, "Very dissatisfied");
  g_assert_cmpfloat (stage->length, ==, 1.0);
  g_assert_cmpint (lane->kind, ==, JOURNEY_LANE_CUSTOMER);
  g_assert_cmpfloat (tp->satisfaction, ==, 3.0);
  g_assert_false (journey_touchpoint_has_target (tp));
  g_assert_cmpint (tp->weight, ==, JOURNEY_WEIGHT_MINOR);
  g_assert_cmpint (tp->votes, ==, 0);
  g_assert_null (tp->channel);
  g_assert_null (tp->evidence);
  g_assert_null (tp->pain_points[0]);
  g_assert_cmpuint (journey_list_get_length (tp->comments), ==, 0);
  g_assert_cmpuint (journey_list_get_length (project->personas), ==, 0);
}

static void
test_satisfaction_default_follows_scale (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
    "  \"scale\": { \"min\": 0, \"max\": 10 },"
    "  \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
    "  \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": 0, \"target\": 9 } ] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (text);
  JourneyTouchpoint *tp = journey_list_peek (test_first_map (project)->touchpoints, 0);

  g_assert_cmpfloat (tp->satisfaction, ==, 5.0);
  g_assert_cmpfloat (tp->target, ==, 9.0);
  /* No default labels for a scale other than 1–5. */
  g_assert_null (journey_scale_get_label (test_first_map (project)->scale, 3));
}

static void
test_unknown_keys_kept (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"x-top\": { \"a\": [1, 2] },"
    "  \"maps\": [ { \"id\": \"m\", \"title\": \"M\", \"x-map\": true,"
    "  \"stages\": [ { \"id\": \"s\", \"x-stage\": null } ], \"lanes\": [ { \"id\": \"l\", \"swimlane\": 3 } ],"
    "  \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": 0, \"emoji\": \"🙂\","
    "     \"evidence\": { \"mean\": 3, \"nps\": 42 } } ] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (text);
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, 0);
  JsonObject *extra;

  extra = journey_item_get_extra (JOURNEY_ITEM (project));
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, "x-top"));
  g_assert_cmpuint (json_object_get_size (extra), ==, 1);
  g_assert_true (json_object_get_boolean_member (journey_item_get_extra (JOURNEY_ITEM (map)), "x-map"));
  g_assert_true (json_object_has_member (journey_item_get_extra (journey_list_peek (map->stages, 0)), "x-stage"));
  g_assert_cmpint (json_object_get_int_member (journey_item_get_extra (journey_list_peek (map->lanes, 0)), "swimlane"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (journey_item_get_extra (JOURNEY_ITEM (tp)), "emoji"), ==, "🙂");
  g_assert_cmpint (json_object_get_int_member (journey_item_get_extra (JOURNEY_ITEM (tp->evidence)), "nps"), ==, 42);
  g_assert_null (journey_item_get_extra (JOURNEY_ITEM (map->scale)));
}

static void
test_every_problem_reported (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\", \"show_notes\": \"no\","
    "  \"stages\": [ { \"id\": \"s\", \"length\": 9 } ], \"lanes\": [ { \"id\": \"l\", \"kind\": \"backstage\" } ],"
    "  \"touchpoints\": ["
    "    { \"id\": \"a\", \"title\": \"A\", \"lane\": \"l\", \"time\": 1, \"satisfaction\": 6 },"
    "    { \"id\": \"b\", \"title\": \"B\", \"lane\": \"nowhere\", \"time\": 2 },"
    "    { \"id\": \"c\", \"title\": \"C\", \"lane\": \"l\", \"time\": 10, \"channel\": \"fax\" },"
    "    { \"id\": \"d\", \"title\": 7, \"lane\": \"l\", \"time\": \"soon\" } ] } ] }";
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = journey_format_read_data (text, strlen (text), problems, &error);

  g_assert_null (project);
  g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
  g_assert_true (test_has_problem (problems, "maps[0].lanes[0].kind", "\"customer\"") ||
                 test_has_problem (problems, "maps[0].lanes[0].kind", "customer"));
  g_assert_true (test_has_problem (problems, "maps[0].touchpoints[0].satisfaction", "between 1 and 5"));
  g_assert_true (test_has_problem (problems, "maps[0].touchpoints[1].lane", "nowhere"));
  g_assert_true (test_has_problem (problems, "maps[0].touchpoints[2].time", "between 0 and 9"));
  g_assert_true (test_has_problem (problems, "maps[0].touchpoints[2].channel", "fax"));
  g_assert_true (test_has_problem (problems, "maps[0].touchpoints[3].title", "must be a string"));
  g_assert_true (test_has_problem (problems, "maps[0].touchpoints[3].time", "must be a number"));
  g_assert_true (test_has_problem (problems, "maps[0].show_notes", "true or false"));
  g_assert_cmpuint (problems->len, ==, 8);
  g_assert_nonnull (strstr (error->message, "8 problems"));
}

static void
test_examples_load (void)
{
  g_autoptr(GPtrArray) examples = test_examples_list ();
  guint n_examples = 0;

  for (guint e = 0; e < examples->len; e++)
    {
      const char *path = g_ptr_array_index (examples, e);
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneyProject) project = NULL;
      JourneyMap *map;
      gboolean has_offstage = FALSE;

      g_test_message ("example %s", name);
      project = journey_format_read_file (file, problems, &error);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s: %s: %s\n", name, ((JourneyProblem *) problems->pdata[i])->path,
                    ((JourneyProblem *) problems->pdata[i])->message);
      g_assert_no_error (error);
      g_assert_nonnull (project);

      /* What the issue asks of an example map. */
      map = test_first_map (project);
      g_assert_cmpuint (journey_list_get_length (map->stages), >=, 2);
      g_assert_cmpuint (journey_list_get_length (map->lanes), >=, 3);
      g_assert_cmpuint (journey_list_get_length (map->touchpoints), >=, 10);
      for (guint i = 0; i < journey_list_get_length (map->lanes); i++)
        has_offstage |= ((JourneyLane *) journey_list_peek (map->lanes, i))->kind == JOURNEY_LANE_OFFSTAGE;
      g_assert_true (has_offstage);
      n_examples++;
    }

  g_assert_cmpuint (n_examples, >=, 3);
}

static void
test_read_file_errors (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/folder/x.journey");
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) a = NULL;
  g_autoptr(JourneyProject) b = NULL;

  a = journey_format_read_file (missing, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  b = journey_format_read_file (folder, NULL, &error);
  g_assert_null (b);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-read/spec-example", test_spec_example);
  g_test_add_func ("/format-read/defaults", test_defaults);
  g_test_add_func ("/format-read/satisfaction-default-follows-scale", test_satisfaction_default_follows_scale);
  g_test_add_func ("/format-read/unknown-keys-kept", test_unknown_keys_kept);
  g_test_add_func ("/format-read/every-problem-reported", test_every_problem_reported);
  g_test_add_func ("/format-read/examples", test_examples_load);
  g_test_add_func ("/format-read/file-errors", test_read_file_errors);

  return g_test_run ();
}
