/* test-edit-clipboard.c: the canvas's edits through the clipboard, each
 * one undo step: duplicate, copy, and paste into the same map, into another
 * project, and of what is no journey.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-edit.h"
#include "journey-edit-test-utils.h"
#include "journey-history.h"

#define RICH_TOUCHPOINT \
  "{ \"id\": \"site\", \"title\": \"Visits the website\", \"lane\": \"guest\", \"channel\": \"web\"," \
  "  \"time\": 0.5, \"satisfaction\": 4, \"target\": 5, \"weight\": \"major\", \"thoughts\": \"Close to the beach?\"," \
  "  \"pain_points\": [ \"Prices without taxes\" ], \"opportunities\": [ \"Total price\" ]," \
  "  \"actions\": [ { \"text\": \"Show taxes\", \"owner\": \"Web team\", \"status\": \"doing\" } ]," \
  "  \"comments\": [ { \"author\": \"Ana\", \"text\": \"Parking?\", \"created\": \"2026-11-20T10:00:00Z\" } ]," \
  "  \"votes\": 3, \"x-sticker\": { \"color\": \"pink\" }," \
  "  \"evidence\": { \"source\": \"Survey\", \"responses\": 10, \"mean\": 3.4, \"histogram\": [ 1, 1, 2, 3, 3 ] } }"

static JourneyProject *
load_rich_project (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = g_strsplit (TEST_PROJECT, "\"touchpoints\": [\n", 2);

  /* TEST_PROJECT with a touchpoint that holds everything a file can give. */
  text = g_strconcat (parts[0], "\"touchpoints\": [\n" RICH_TOUCHPOINT ",\n",
                      strstr (parts[1], "{ \"id\": \"invoice\""), NULL);
  return test_load_string (text);
}

/* @copy is @tp, but maybe for its id, and shares no part with it. */
static void
assert_same_but_id (JourneyTouchpoint *tp,
                    JourneyTouchpoint *copy)
{
  g_autoptr(JourneyProject) a = journey_project_new ();
  g_autoptr(JourneyProject) b = journey_project_new ();
  g_autoptr(JourneyMap) map_a = g_object_new (JOURNEY_TYPE_MAP, "id", "m", NULL);
  g_autoptr(JourneyMap) map_b = g_object_new (JOURNEY_TYPE_MAP, "id", "m", NULL);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *old_id = g_strdup (copy->id);

  g_assert_true (tp != copy);
  g_assert_true (tp->actions != copy->actions);
  g_assert_true (tp->comments != copy->comments);
  g_assert_true (tp->pain_points != copy->pain_points);
  if (tp->evidence != NULL)
    g_assert_true (tp->evidence != copy->evidence);
  if (journey_list_get_length (tp->actions) > 0)
    g_assert_true (journey_list_peek (tp->actions, 0) != journey_list_peek (copy->actions, 0));

  /* Written alike under the same id. */
  journey_list_append (map_a->touchpoints, tp);
  journey_list_append (a->maps, map_a);
  text_a = journey_format_write_data (a, NULL);
  g_object_set (copy, "id", tp->id, NULL);
  journey_list_append (map_b->touchpoints, copy);
  journey_list_append (b->maps, map_b);
  text_b = journey_format_write_data (b, NULL);
  g_object_set (copy, "id", old_id, NULL);
  g_assert_cmpstr (text_a, ==, text_b);
}

static void
test_duplicate (void)
{
  g_autoptr(JourneyProject) project = load_rich_project ();
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = find (map, "site");
  JourneyTouchpoint *desk = find (map, "desk");
  JourneyTouchpoint *pair[] = { desk, site };
  JourneyTouchpoint *copy;
  Step step;

  step_begin (&step, project, history);
  g_assert_true (journey_edit_duplicate (history, map, &site, 1, copies));
  g_assert_cmpuint (copies->len, ==, 1);
  copy = copies->pdata[0];
  g_assert_cmpstr (copy->id, ==, "site-2");
  g_assert_cmpstr (copy->lane, ==, "guest");
  g_assert_cmpfloat (copy->time, ==, 0.5);
  g_assert_cmpstr (copy->channel, ==, "web");
  g_assert_cmpfloat (copy->target, ==, 5);
  g_assert_true (journey_list_peek (map->touchpoints, 3) == copy);
  g_assert_cmpstr (site->id, ==, "site");
  assert_same_but_id (site, copy);
  step_check (&step, "Duplicate “Visits the website”");

  /* The copy is its own: changing it leaves the original alone. */
  journey_history_set (history, copy, "votes", 9, NULL);
  g_assert_cmpint (site->votes, ==, 3);
  journey_history_undo (history);

  step_begin (&step, project, history);
  g_assert_true (journey_edit_duplicate (history, map, pair, 2, copies));
  g_assert_cmpuint (copies->len, ==, 3);
  /* In the map's order: site first. */
  g_assert_cmpstr (((JourneyTouchpoint *) copies->pdata[1])->id, ==, "site-3");
  g_assert_cmpstr (((JourneyTouchpoint *) copies->pdata[2])->id, ==, "desk-2");
  g_assert_cmpstr (((JourneyTouchpoint *) copies->pdata[2])->lane, ==, "staff");
  g_assert_cmpfloat (((JourneyTouchpoint *) copies->pdata[2])->time, ==, 2.0);
  step_check (&step, "Duplicate 2 Touchpoints");

  saved = save_and_load (project);
  g_assert_cmpuint (journey_list_get_length (test_first_map (saved)->touchpoints), ==, 6);
  g_assert_cmpstr (saved_touchpoint (saved, "site-3")->pain_points[0], ==, "Prices without taxes");
  g_assert_cmpint (saved_touchpoint (saved, "site-3")->votes, ==, 3);
  g_assert_nonnull (journey_item_get_extra (JOURNEY_ITEM (saved_touchpoint (saved, "site-3"))));
  g_assert_cmpfloat (saved_touchpoint (saved, "desk-2")->satisfaction, ==, 2);

  /* Duplicating a copy makes the next number, not "site-2-2". */
  copy = find (map, "site-2");
  g_assert_true (journey_edit_duplicate (history, map, &copy, 1, NULL));
  g_assert_nonnull (journey_map_find_touchpoint (map, "site-4"));
}

static void
test_copy (void)
{
  g_autoptr(JourneyProject) project = load_rich_project ();
  g_autoptr(JourneyProject) clip = NULL;
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = save_json (project);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *data = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *selection[] = { find (map, "desk"), find (map, "site") };
  JourneyMap *clip_map;
  gsize length;

  data = journey_edit_copy (project, map, selection, 2, &length);
  g_assert_cmpuint (length, ==, strlen (data));

  /* A valid document, written as the writer writes. */
  clip = journey_format_read_data (data, length, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  again = save_json (clip);
  g_assert_cmpstr (again, ==, data);

  g_assert_cmpstr (clip->format, ==, "journeys");
  g_assert_cmpint (clip->version, ==, 1);
  g_assert_cmpuint (journey_list_get_length (clip->channels), ==, 1);
  g_assert_nonnull (journey_project_find_channel (clip, "web"));
  g_assert_nonnull (journey_project_find_persona (clip, "leisure"));
  g_assert_cmpuint (journey_list_get_length (clip->maps), ==, 1);
  clip_map = test_first_map (clip);
  g_assert_cmpstr (clip_map->id, ==, "stay");
  g_assert_cmpstr (clip_map->title, ==, "Weekend stay");
  g_assert_cmpstr (clip_map->persona, ==, "leisure");
  g_assert_cmpuint (journey_list_get_length (clip_map->stages), ==, 2);
  g_assert_cmpuint (journey_list_get_length (clip_map->lanes), ==, 3);
  g_assert_cmpuint (journey_list_get_length (clip_map->touchpoints), ==, 2);
  /* The map's order, everything the touchpoint holds. */
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (clip_map->touchpoints, 0))->id, ==, "site");
  assert_same_but_id (find (map, "site"), find (clip_map, "site"));
  g_assert_null (journey_map_find_touchpoint (clip_map, "invoice"));

  /* Copying changes nothing. */
  after = save_json (project);
  g_assert_cmpstr (after, ==, before);

  /* Without channels used, the document has none. */
  g_clear_pointer (&data, g_free);
  g_clear_object (&clip);
  selection[0] = find (map, "invoice");
  data = journey_edit_copy (project, map, selection, 1, NULL);
  clip = journey_format_read_data (data, strlen (data), problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (journey_list_get_length (clip->channels), ==, 0);
  g_assert_cmpuint (journey_list_get_length (test_first_map (clip)->touchpoints), ==, 1);
}

static void
test_paste_same_map (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *selection[] = { find (map, "site"), find (map, "desk") };
  JourneyTouchpoint *tp;
  gsize length;
  Step step;

  data = journey_edit_copy (project, map, selection, 2, &length);

  /* Where they were, under new ids. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_paste (history, project, map, data, length, NAN, NULL, pasted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 5);
  g_assert_cmpuint (journey_list_get_length (project->channels), ==, 1);
  tp = pasted->pdata[0];
  g_assert_true (journey_list_peek (map->touchpoints, 3) == tp);
  g_assert_cmpstr (tp->id, ==, "site-2");
  g_assert_cmpstr (tp->title, ==, "Visits the website");
  g_assert_cmpstr (tp->lane, ==, "guest");
  g_assert_cmpstr (tp->channel, ==, "web");
  g_assert_cmpfloat (tp->time, ==, 0.5);
  g_assert_cmpfloat (tp->satisfaction, ==, 4);
  tp = pasted->pdata[1];
  g_assert_cmpstr (tp->id, ==, "desk-2");
  g_assert_cmpstr (tp->lane, ==, "staff");
  g_assert_cmpfloat (tp->time, ==, 2);
  step_check (&step, "Paste 2 Touchpoints");

  saved = save_and_load (project);
  g_assert_cmpstr (saved_touchpoint (saved, "site-2")->lane, ==, "guest");
  g_assert_cmpfloat (saved_touchpoint (saved, "desk-2")->time, ==, 2);

  /* Again, at a time and into a lane: the earliest lands at the time. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_paste (history, project, map, data, length, 3.0,
                                     journey_map_find_lane (map, "back"), pasted, &error));
  g_assert_cmpuint (pasted->len, ==, 4);
  tp = pasted->pdata[2];
  g_assert_cmpstr (tp->id, ==, "site-3");
  g_assert_cmpstr (tp->lane, ==, "back");
  g_assert_cmpfloat (tp->time, ==, 3.0);
  tp = pasted->pdata[3];
  g_assert_cmpstr (tp->id, ==, "desk-3");
  g_assert_cmpstr (tp->lane, ==, "back");
  g_assert_cmpfloat (tp->time, ==, 4.5);
  g_assert_cmpstr (stage_of (map, tp), ==, "stay");
  step_check (&step, "Paste 2 Touchpoints");

  /* One touchpoint, late: its time stops at the end. */
  g_clear_pointer (&data, g_free);
  data = journey_edit_copy (project, map, selection, 1, &length);
  step_begin (&step, project, history);
  g_assert_true (journey_edit_paste (history, project, map, data, length, 9.0, NULL, NULL, &error));
  tp = journey_list_peek (map->touchpoints, journey_list_get_length (map->touchpoints) - 1);
  g_assert_cmpstr (tp->id, ==, "site-4");
  g_assert_cmpfloat (tp->time, ==, 5.0);
  step_check (&step, "Paste");
}

static void
test_paste_other_project (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyProject) other = test_load_string (OTHER_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *other_before = save_json (other);
  JourneyMap *map = test_first_map (project);
  JourneyMap *other_map = test_first_map (other);
  JourneyTouchpoint *selection[] = { find (map, "site"), find (map, "invoice"), find (map, "desk") };
  JourneyChannel *web;
  JourneyTouchpoint *tp;
  gsize length;
  Step step;

  data = journey_edit_copy (project, map, selection, 3, &length);

  step_begin (&step, other, history);
  g_assert_true (journey_edit_paste (history, other, other_map, data, length, NAN, NULL, pasted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 3);

  /* The channel came along. */
  g_assert_cmpuint (journey_list_get_length (other->channels), ==, 1);
  web = journey_project_find_channel (other, "web");
  g_assert_nonnull (web);
  g_assert_cmpstr (web->name, ==, "Website");

  /* Customer to customer; satisfaction 4 on 1–5 is 7.5 on 0–10. */
  tp = pasted->pdata[0];
  g_assert_cmpstr (tp->id, ==, "site-1");
  g_assert_cmpstr (tp->lane, ==, "people");
  g_assert_cmpstr (tp->channel, ==, "web");
  g_assert_cmpfloat (tp->time, ==, 0.5);
  g_assert_cmpfloat (tp->satisfaction, ==, 7.5);
  /* Offstage to offstage; 4.5 does not fit a timeline of 3. */
  tp = pasted->pdata[1];
  g_assert_cmpstr (tp->lane, ==, "ops");
  g_assert_cmpfloat (tp->time, ==, 3.0);
  g_assert_cmpfloat (tp->satisfaction, ==, 0.0);
  /* No onstage lane here: the first lane. */
  tp = pasted->pdata[2];
  g_assert_cmpstr (tp->lane, ==, "front");
  g_assert_cmpfloat (tp->satisfaction, ==, 2.5);

  /* One undo takes it all back, the channel too. */
  step_check (&step, "Paste 3 Touchpoints");
  journey_history_undo (history);
  {
    g_autofree char *undone = save_json (other);
    g_assert_cmpstr (undone, ==, other_before);
  }
  g_assert_cmpuint (journey_list_get_length (other->channels), ==, 0);
  journey_history_redo (history);

  saved = save_and_load (other);
  g_assert_nonnull (journey_project_find_channel (saved, "web"));
  g_assert_cmpstr (saved_touchpoint (saved, "site-1")->lane, ==, "people");
  g_assert_cmpfloat (saved_touchpoint (saved, "site-1")->satisfaction, ==, 7.5);
  g_assert_cmpuint (journey_list_get_length (test_first_map (saved)->touchpoints), ==, 4);

  /* Pasting again does not add the channel twice. */
  g_assert_true (journey_edit_paste (history, other, other_map, data, length, NAN, NULL, NULL, &error));
  g_assert_cmpuint (journey_list_get_length (other->channels), ==, 1);
  g_assert_nonnull (journey_map_find_touchpoint (other_map, "site-2"));

  /* And the source project is untouched by all this. */
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 3);
}

static void
test_paste_bad (void)
{
  static const char *bad[] = {
    "",
    "not a journey at all",
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [] }",
    "{ \"format\": \"journeys\", \"version\": 1 }",
    "{ \"format\": \"journeys\", \"version\": 99, \"maps\": [] }",
    "[ 1, 2, 3 ]",
    /* A touchpoint whose lane is not in its map. */
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"\","
    " \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"length\": 1 } ],"
    " \"lanes\": [ { \"id\": \"l\", \"name\": \"L\" } ],"
    " \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"x\", \"time\": 0 } ] } ] }",
  };
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      Step step;

      step_begin (&step, project, history);
      g_assert_false (journey_edit_paste (history, project, map, bad[i], strlen (bad[i]), NAN, NULL, pasted, &error));
      g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "The clipboard holds no touchpoints that can be pasted: "));
      g_assert_cmpuint (strlen (error->message), >, strlen ("The clipboard holds no touchpoints that can be pasted: "));
      g_test_message ("%s", error->message);
      g_assert_cmpuint (pasted->len, ==, 0);
      step_check_unchanged (&step);
    }

  /* A map without touchpoints pastes nothing, without an error. */
  {
    g_autofree char *data = journey_edit_copy (project, map, NULL, 0, NULL);
    g_autoptr(GError) error = NULL;
    Step step;

    step_begin (&step, project, history);
    g_assert_true (journey_edit_paste (history, project, map, data, strlen (data), 1.0, NULL, NULL, &error));
    g_assert_no_error (error);
    step_check_unchanged (&step);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/duplicate", test_duplicate);
  g_test_add_func ("/edit/copy", test_copy);
  g_test_add_func ("/edit/paste/same-map", test_paste_same_map);
  g_test_add_func ("/edit/paste/other-project", test_paste_other_project);
  g_test_add_func ("/edit/paste/bad", test_paste_bad);

  return g_test_run ();
}
