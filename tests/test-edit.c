/* test-edit.c: the canvas's edits, each one undo step.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-edit.h"
#include "journey-history.h"
#include "journey-test-utils.h"

/* A second project for pasting into: no channels, no persona, a 0–10 scale,
 * a timeline of 3, and lanes whose ids differ from TEST_PROJECT's: a
 * physical lane first, a customer lane, an offstage lane, no onstage lane. */
#define OTHER_PROJECT \
  "{\n" \
  "  \"format\": \"journeys\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Clinic\",\n" \
  "  \"maps\": [ {\n" \
  "    \"id\": \"visit\", \"title\": \"A visit\",\n" \
  "    \"scale\": { \"min\": 0, \"max\": 10 },\n" \
  "    \"stages\": [ { \"id\": \"arrive\", \"name\": \"Arrive\", \"length\": 1 },\n" \
  "                { \"id\": \"treat\", \"name\": \"Treat\", \"length\": 2 } ],\n" \
  "    \"lanes\": [ { \"id\": \"front\", \"name\": \"Front\", \"kind\": \"physical\" },\n" \
  "               { \"id\": \"people\", \"name\": \"Patient\", \"kind\": \"customer\" },\n" \
  "               { \"id\": \"ops\", \"name\": \"Operations\", \"kind\": \"offstage\" } ],\n" \
  "    \"touchpoints\": [\n" \
  "      { \"id\": \"wait\", \"title\": \"Waits\", \"lane\": \"people\", \"time\": 0.5, \"satisfaction\": 3 }\n" \
  "    ]\n" \
  "  } ]\n" \
  "}\n"

/* -- Helpers --------------------------------------------------------------- */

static char *
save_json (JourneyProject *project)
{
  return journey_format_write_data (project, NULL);
}

/* One edit under test: what the project was before it. */
typedef struct
{
  JourneyProject *project;
  JourneyHistory *history;
  char           *before;
  guint           steps;
} Step;

static void
step_begin (Step           *step,
            JourneyProject *project,
            JourneyHistory *history)
{
  step->project = project;
  step->history = history;
  step->before = save_json (project);
  step->steps = journey_history_get_n_steps (history);
}

/* The edit made one step named @label; one undo restores the saved JSON
 * exactly, one redo gives the edited JSON again. */
static void
step_check (Step       *step,
            const char *label)
{
  g_autofree char *after = save_json (step->project);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (after, !=, step->before);
  g_assert_cmpuint (journey_history_get_n_steps (step->history), ==, step->steps + 1);
  g_assert_cmpstr (journey_history_get_undo_label (step->history), ==, label);
  g_assert_true (journey_history_is_dirty (step->history));

  g_assert_true (journey_history_undo (step->history));
  undone = save_json (step->project);
  g_assert_cmpstr (undone, ==, step->before);
  g_assert_cmpstr (journey_history_get_redo_label (step->history), ==, label);

  g_assert_true (journey_history_redo (step->history));
  redone = save_json (step->project);
  g_assert_cmpstr (redone, ==, after);

  g_clear_pointer (&step->before, g_free);
}

/* The edit was refused: nothing changed and no step was made. */
static void
step_check_unchanged (Step *step)
{
  g_autofree char *now = save_json (step->project);

  g_assert_cmpstr (now, ==, step->before);
  g_assert_cmpuint (journey_history_get_n_steps (step->history), ==, step->steps);
  g_clear_pointer (&step->before, g_free);
}

/* Saves @project to a file and reads it back, as a user's save and open
 * would: the file must be valid. */
static JourneyProject *
save_and_load (JourneyProject *project)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "saved.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  JourneyProject *loaded;

  g_assert_true (journey_format_write_file (project, file, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  loaded = journey_format_read_file (file, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (problems->len, ==, 0);
  test_tmpdir_remove (dir);
  return loaded;
}

static JourneyTouchpoint *
find (JourneyMap *map,
      const char *id)
{
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, id);

  g_assert_nonnull (tp);
  return tp;
}

static const char *
stage_of (JourneyMap        *map,
          JourneyTouchpoint *tp)
{
  return journey_map_get_touchpoint_stage (map, tp)->id;
}

static JourneyTouchpoint *
saved_touchpoint (JourneyProject *saved,
                  const char     *id)
{
  return find (test_first_map (saved), id);
}

/* -- Tests ----------------------------------------------------------------- */

static void
test_setter_labels (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = find (map, "site");
  Step step;

  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_satisfaction (history, map, site, 2.5, NULL));
  step_check (&step, "Set Satisfaction of “Visits the website”");

  /* From none to a target and back: undo and redo set NAN too. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_target (history, map, site, 5, NULL));
  g_assert_cmpfloat (site->target, ==, 5);
  step_check (&step, "Set Target of “Visits the website”");
  journey_history_undo (history);
  g_assert_false (journey_touchpoint_has_target (site));
  journey_history_redo (history);

  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_target (history, map, site, NAN, NULL));
  g_assert_false (journey_touchpoint_has_target (site));
  step_check (&step, "Set Target of “Visits the website”");

  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_time (history, map, site, 1.5, NULL));
  step_check (&step, "Move “Visits the website”");
}

static void
test_move_one (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = find (map, "site");
  JourneyTouchpoint *invoice = find (map, "invoice");
  Step step;

  /* Right across the boundary of "book" (0–2) into "stay", one lane down. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, &site, 1, 1.75, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (site->time, ==, 2.25);
  g_assert_cmpstr (site->lane, ==, "staff");
  g_assert_cmpstr (stage_of (map, site), ==, "stay");
  step_check (&step, "Move “Visits the website”");
  g_assert_cmpfloat (site->time, ==, 2.25);

  saved = save_and_load (project);
  g_assert_cmpfloat (saved_touchpoint (saved, "site")->time, ==, 2.25);
  g_assert_cmpstr (saved_touchpoint (saved, "site")->lane, ==, "staff");
  g_clear_object (&saved);

  /* Far left and far up: the start of the timeline, the first lane. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, &site, 1, -40, -7, &error));
  g_assert_cmpfloat (site->time, ==, 0.0);
  g_assert_cmpstr (site->lane, ==, "guest");
  g_assert_cmpstr (stage_of (map, site), ==, "book");
  step_check (&step, "Move “Visits the website”");

  /* Far right and down from the last lane: the end, the last lane. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, &invoice, 1, 40, 3, &error));
  g_assert_cmpfloat (invoice->time, ==, 5.0);
  g_assert_cmpstr (invoice->lane, ==, "back");
  step_check (&step, "Move “Invoice prepared”");

  saved = save_and_load (project);
  g_assert_cmpfloat (saved_touchpoint (saved, "site")->time, ==, 0.0);
  g_assert_cmpstr (saved_touchpoint (saved, "site")->lane, ==, "guest");
  g_assert_cmpfloat (saved_touchpoint (saved, "invoice")->time, ==, 5.0);

  /* A move that changes nothing is no step. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, &invoice, 1, 1, 1, &error));
  step_check_unchanged (&step);

  /* A time that is not a number is refused. */
  step_begin (&step, project, history);
  g_assert_false (journey_edit_move (history, map, &invoice, 1, NAN, 0, &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID);
  step_check_unchanged (&step);
  g_clear_error (&error);

  /* The rule a typed time is checked by, and its reason. */
  g_assert_true (journey_map_check_time (map, 0, NULL));
  g_assert_true (journey_map_check_time (map, journey_map_get_duration (map), NULL));
  g_assert_false (journey_map_check_time (map, NAN, NULL));
  g_assert_false (journey_map_check_time (map, -0.5, &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_TIMELINE);
  g_assert_nonnull (strstr (error->message, "-0.5 is not on the timeline, from 0 to "));
}

static void
test_move_several (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyProject) other = test_load_string (OTHER_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = find (map, "site");
  JourneyTouchpoint *desk = find (map, "desk");
  JourneyTouchpoint *invoice = find (map, "invoice");
  /* One twice and one of another map: each moves once, the stranger not. */
  JourneyTouchpoint *selection[] = { invoice, site, desk, site,
                                     find (test_first_map (other), "wait") };
  Step step;

  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, selection, G_N_ELEMENTS (selection), 1.0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (site->time, ==, 1.5);
  g_assert_cmpstr (site->lane, ==, "staff");
  g_assert_cmpfloat (desk->time, ==, 3.0);
  g_assert_cmpstr (desk->lane, ==, "back");
  g_assert_cmpfloat (invoice->time, ==, 5.0);   /* 5.5, clamped */
  g_assert_cmpstr (invoice->lane, ==, "back");  /* already the last lane */
  g_assert_cmpfloat (find (test_first_map (other), "wait")->time, ==, 0.5);
  step_check (&step, "Move 3 Touchpoints");

  saved = save_and_load (project);
  g_assert_cmpfloat (saved_touchpoint (saved, "site")->time, ==, 1.5);
  g_assert_cmpstr (saved_touchpoint (saved, "desk")->lane, ==, "back");
  g_assert_cmpfloat (saved_touchpoint (saved, "invoice")->time, ==, 5.0);

  /* Up: each stops at the first lane on its own. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, selection, 3, 0.0, -2, &error));
  g_assert_cmpstr (site->lane, ==, "guest");
  g_assert_cmpstr (desk->lane, ==, "guest");
  g_assert_cmpstr (invoice->lane, ==, "guest");
  g_assert_cmpfloat (site->time, ==, 1.5);
  step_check (&step, "Move 3 Touchpoints");

  /* Nothing to move is no step and no error. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, NULL, 0, 1.0, 1, &error));
  g_assert_no_error (error);
  step_check_unchanged (&step);
}

static void
test_move_unknown_lane (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = find (map, "site");
  Step step;

  journey_history_set (history, site, "lane", "nowhere", NULL);

  step_begin (&step, project, history);
  g_assert_true (journey_edit_move (history, map, &site, 1, 0.5, 1, NULL));
  g_assert_cmpstr (site->lane, ==, "nowhere");
  g_assert_cmpfloat (site->time, ==, 1.0);
  step_check (&step, "Move “Visits the website”");
}

static void
test_place (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyProject) other = test_load_string (OTHER_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *desk = find (map, "desk");
  JourneyLane *guest = journey_map_find_lane (map, "guest");
  Step step;

  step_begin (&step, project, history);
  g_assert_true (journey_edit_place (history, map, desk, 1.25, guest, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (desk->time, ==, 1.25);
  g_assert_cmpstr (desk->lane, ==, "guest");
  g_assert_cmpstr (stage_of (map, desk), ==, "book");
  step_check (&step, "Move “Checks in”");

  saved = save_and_load (project);
  g_assert_cmpfloat (saved_touchpoint (saved, "desk")->time, ==, 1.25);
  g_assert_cmpstr (saved_touchpoint (saved, "desk")->lane, ==, "guest");

  /* Clamped to the timeline; no lane keeps the lane. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_place (history, map, desk, 12, NULL, &error));
  g_assert_cmpfloat (desk->time, ==, 5.0);
  g_assert_cmpstr (desk->lane, ==, "guest");
  g_assert_cmpstr (stage_of (map, desk), ==, "stay");
  step_check (&step, "Move “Checks in”");

  /* A lane of another map, or no time, is refused. */
  step_begin (&step, project, history);
  g_assert_false (journey_edit_place (history, map, desk, 1,
                                      journey_map_find_lane (test_first_map (other), "people"), &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (journey_edit_place (history, map, desk, NAN, NULL, &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID);
  step_check_unchanged (&step);
}

static void
test_stage_length (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyStage *book = journey_list_peek (map->stages, 0);
  JourneyStage *stay = journey_list_peek (map->stages, 1);
  JourneyTouchpoint *site = find (map, "site");
  JourneyTouchpoint *desk = find (map, "desk");
  JourneyTouchpoint *invoice = find (map, "invoice");
  const double bad[] = { 0, -1, NAN, INFINITY, -INFINITY };
  Step step;

  /* "book" 0–2 becomes 0–4: site (0.5) scales with it, desk (2, the start
   * of "stay") and invoice (4.5) move with "stay". */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_stage_length (history, map, book, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (book->length, ==, 4);
  g_assert_cmpfloat (journey_map_get_duration (map), ==, 7);
  g_assert_cmpfloat (site->time, ==, 1.0);
  g_assert_cmpfloat (desk->time, ==, 4.0);
  g_assert_cmpfloat (invoice->time, ==, 6.5);
  g_assert_cmpstr (stage_of (map, site), ==, "book");
  g_assert_cmpstr (stage_of (map, desk), ==, "stay");
  g_assert_cmpstr (stage_of (map, invoice), ==, "stay");
  step_check (&step, "Resize “Book”");

  saved = save_and_load (project);
  g_assert_cmpfloat (((JourneyStage *) journey_list_peek (test_first_map (saved)->stages, 0))->length, ==, 4);
  g_assert_cmpfloat (saved_touchpoint (saved, "site")->time, ==, 1.0);
  g_assert_cmpfloat (saved_touchpoint (saved, "invoice")->time, ==, 6.5);
  g_clear_object (&saved);

  /* The last stage, shorter: 4–7 becomes 4–5.5; invoice 2.5 into it is
   * now 1.25 into it, desk at its start stays, site before it stays. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_stage_length (history, map, stay, 1.5, &error));
  g_assert_cmpfloat (journey_map_get_duration (map), ==, 5.5);
  g_assert_cmpfloat (site->time, ==, 1.0);
  g_assert_cmpfloat (desk->time, ==, 4.0);
  g_assert_cmpfloat (invoice->time, ==, 5.25);
  step_check (&step, "Resize “Stay”");

  /* The first stage, shorter than it was at the start: 0–4 becomes 0–0.5. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_stage_length (history, map, book, 0.5, &error));
  g_assert_cmpfloat (site->time, ==, 0.125);
  g_assert_cmpfloat (desk->time, ==, 0.5);
  g_assert_cmpfloat (invoice->time, ==, 1.75);
  g_assert_cmpstr (stage_of (map, desk), ==, "stay");
  step_check (&step, "Resize “Book”");

  saved = save_and_load (project);
  g_assert_cmpfloat (saved_touchpoint (saved, "site")->time, ==, 0.125);
  g_assert_cmpfloat (saved_touchpoint (saved, "invoice")->time, ==, 1.75);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      step_begin (&step, project, history);
      g_assert_false (journey_edit_set_stage_length (history, map, book, bad[i], &error));
      g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID);
      g_clear_error (&error);
      step_check_unchanged (&step);
    }
}

/* Many touchpoints spread over a stage keep their stages and order when it
 * is resized to odd lengths, rounding or not. */
static void
test_stage_length_keeps_stages (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyStage *book = journey_list_peek (map->stages, 0);
  const double lengths[] = { 0.1, 1.0 / 3, 7.77, 1e-3, 2 };
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GArray) stages = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i <= 50; i++)
    g_ptr_array_add (added, journey_edit_add_touchpoint (history, map, NULL, i * 0.1, NULL));
  for (guint i = 0; i < added->len; i++)
    {
      int stage = journey_map_get_stage_at (map, ((JourneyTouchpoint *) added->pdata[i])->time);
      g_array_append_val (stages, stage);
    }

  for (guint k = 0; k < G_N_ELEMENTS (lengths); k++)
    {
      g_assert_true (journey_edit_set_stage_length (history, map, book, lengths[k], NULL));
      for (guint i = 0; i < added->len; i++)
        {
          JourneyTouchpoint *tp = added->pdata[i];

          g_assert_cmpint (journey_map_get_stage_at (map, tp->time), ==, g_array_index (stages, int, i));
          if (i > 0)
            g_assert_cmpfloat (tp->time, >=, ((JourneyTouchpoint *) added->pdata[i - 1])->time);
          g_assert_cmpfloat (tp->time, <=, journey_map_get_duration (map));
        }
    }
}

static void
test_add (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JourneyMap *map = test_first_map (project);
  JourneyLane *staff = journey_map_find_lane (map, "staff");
  JourneyTouchpoint *tp;
  JourneyTouchpoint *two[2];
  guint n;
  Step step;

  step_begin (&step, project, history);
  tp = journey_edit_add_touchpoint (history, map, staff, 1.0, NULL);
  g_assert_nonnull (tp);
  g_assert_cmpstr (tp->id, ==, "touchpoint-1");
  g_assert_cmpstr (tp->title, ==, "New touchpoint");
  g_assert_cmpstr (tp->lane, ==, "staff");
  g_assert_cmpfloat (tp->time, ==, 1.0);
  g_assert_cmpfloat (tp->satisfaction, ==, 3.0);
  g_assert_false (journey_touchpoint_has_target (tp));
  g_assert_cmpint (tp->weight, ==, JOURNEY_WEIGHT_MINOR);
  g_assert_true (journey_list_peek (map->touchpoints, 3) == tp);
  step_check (&step, "Add Touchpoint");
  g_assert_true (journey_map_find_touchpoint (map, "touchpoint-1") == tp);

  saved = save_and_load (project);
  g_assert_cmpstr (saved_touchpoint (saved, "touchpoint-1")->title, ==, "New touchpoint");
  g_assert_cmpstr (saved_touchpoint (saved, "touchpoint-1")->lane, ==, "staff");
  g_assert_cmpfloat (saved_touchpoint (saved, "touchpoint-1")->satisfaction, ==, 3.0);

  /* No lane: the first; the time clamped; the title given. */
  tp = journey_edit_add_touchpoint (history, map, NULL, 99, "Asks for a late checkout");
  g_assert_cmpstr (tp->id, ==, "touchpoint-2");
  g_assert_cmpstr (tp->lane, ==, "guest");
  g_assert_cmpfloat (tp->time, ==, 5.0);
  g_assert_cmpstr (tp->title, ==, "Asks for a late checkout");
  tp = journey_edit_add_touchpoint (history, map, NULL, -1, NULL);
  g_assert_cmpstr (tp->id, ==, "touchpoint-3");
  g_assert_cmpfloat (tp->time, ==, 0.0);

  /* After deletions, and after their undo, ids stay unique. */
  two[0] = find (map, "touchpoint-1");
  two[1] = find (map, "touchpoint-3");
  g_assert_true (journey_edit_delete (history, map, two, 2));
  tp = journey_edit_add_touchpoint (history, map, NULL, 1, NULL);
  g_assert_cmpstr (tp->id, ==, "touchpoint-3");
  journey_history_undo (history);
  journey_history_undo (history);      /* the deletion */
  tp = journey_edit_add_touchpoint (history, map, NULL, 1, NULL);
  g_assert_cmpstr (tp->id, ==, "touchpoint-4");
  for (guint i = 0; i < 20; i++)
    journey_edit_add_touchpoint (history, map, NULL, i * 0.25, NULL);

  n = journey_list_get_length (map->touchpoints);
  g_assert_cmpuint (n, ==, 3 + 4 + 20);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_hash_table_add (ids, ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->id));

  g_clear_object (&saved);
  saved = save_and_load (project);
  g_assert_cmpuint (journey_list_get_length (test_first_map (saved)->touchpoints), ==, n);
}

static void
test_delete (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = find (map, "site");
  JourneyTouchpoint *invoice = find (map, "invoice");
  JourneyTouchpoint *pair[] = { invoice, site, invoice };
  Step step;

  step_begin (&step, project, history);
  g_assert_true (journey_edit_delete (history, map, &site, 1));
  g_assert_null (journey_map_find_touchpoint (map, "site"));
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 2);
  step_check (&step, "Delete “Visits the website”");

  /* Undone, it is back in its place, the same object. */
  journey_history_undo (history);
  g_assert_true (journey_list_peek (map->touchpoints, 0) == site);
  journey_history_redo (history);
  journey_history_undo (history);

  step_begin (&step, project, history);
  g_assert_true (journey_edit_delete (history, map, pair, G_N_ELEMENTS (pair)));
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 1);
  g_assert_nonnull (journey_map_find_touchpoint (map, "desk"));
  step_check (&step, "Delete 2 Touchpoints");

  saved = save_and_load (project);
  g_assert_cmpuint (journey_list_get_length (test_first_map (saved)->touchpoints), ==, 1);
  g_assert_nonnull (journey_map_find_touchpoint (test_first_map (saved), "desk"));

  /* Touchpoints no longer in the map: nothing to delete. */
  step_begin (&step, project, history);
  g_assert_false (journey_edit_delete (history, map, pair, 2));
  g_assert_false (journey_edit_delete (history, map, NULL, 0));
  step_check_unchanged (&step);
}

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

static void
test_snap (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  JourneyMap *map = test_first_map (project);

  g_assert_cmpfloat (journey_map_snap_time (map, 1.26, 0.25), ==, 1.25);
  g_assert_cmpfloat (journey_map_snap_time (map, 1.38, 0.25), ==, 1.5);
  g_assert_cmpfloat (journey_map_snap_time (map, 1.38, 0.5), ==, 1.5);
  g_assert_cmpfloat (journey_map_snap_time (map, 1.2, 0.5), ==, 1.0);
  /* Times on a decimal grid are the numbers a person would type. */
  g_assert_cmpfloat (journey_map_snap_time (map, 2.93, 0.1), ==, 2.9);
  g_assert_cmpfloat (journey_map_snap_time (map, 0.71, 0.1), ==, 0.7);
  g_assert_cmpfloat (journey_map_snap_time (map, 4.449, 0.01), ==, 4.45);
  g_assert_cmpfloat (journey_map_snap_time (map, 1.1, 1.0 / 3), ==, 1.0);
  g_assert_cmpfloat (journey_map_snap_time (map, 3.9, 1.5), ==, 4.5);
  g_assert_cmpfloat (journey_map_snap_time (map, 1.38, 0), ==, 1.38);
  g_assert_cmpfloat (journey_map_snap_time (map, 1.38, -1), ==, 1.38);
  g_assert_cmpfloat (journey_map_snap_time (map, 1.38, NAN), ==, 1.38);
  /* Clamped, snapped or not. */
  g_assert_cmpfloat (journey_map_snap_time (map, -0.4, 1), ==, 0.0);
  g_assert_cmpfloat (journey_map_snap_time (map, 7, 0), ==, 5.0);
  g_assert_cmpfloat (journey_map_snap_time (map, 4.9, 3), ==, 5.0);   /* 6, past the end */
  g_assert_cmpfloat (journey_map_snap_time (map, 4.9, 2), ==, 4.0);
  g_assert_cmpfloat (journey_map_snap_time (map, NAN, 1), ==, 0.0);
}

static void
test_new_id (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  const char *odd[] = { "a-01", "b-", "-7", "c-99999999999999999999", "d-3-x" };
  g_autofree char *id = NULL;

  id = journey_map_new_touchpoint_id (map, NULL);
  g_assert_cmpstr (id, ==, "touchpoint-1");
  g_clear_pointer (&id, g_free);
  id = journey_map_new_touchpoint_id (map, "");
  g_assert_cmpstr (id, ==, "touchpoint-1");
  g_clear_pointer (&id, g_free);
  id = journey_map_new_touchpoint_id (map, "site");
  g_assert_cmpstr (id, ==, "site-2");
  g_clear_pointer (&id, g_free);
  id = journey_map_new_touchpoint_id (map, "site-7");
  g_assert_cmpstr (id, ==, "site-2");
  g_clear_pointer (&id, g_free);
  id = journey_map_new_touchpoint_id (map, "meal");
  g_assert_cmpstr (id, ==, "meal-1");
  g_clear_pointer (&id, g_free);

  /* Ids that only look numbered are never met again. */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      JourneyTouchpoint *tp = journey_edit_add_touchpoint (history, map, NULL, 0, NULL);

      journey_history_set (history, tp, "id", odd[i], NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *fresh = journey_map_new_touchpoint_id (map, odd[i]);

      g_assert_null (journey_map_find_touchpoint (map, fresh));
    }
  id = journey_map_new_touchpoint_id (map, "a");
  g_assert_cmpstr (id, ==, "a-1");
  g_clear_pointer (&id, g_free);
  id = journey_map_new_touchpoint_id (map, "d-3");
  g_assert_cmpstr (id, ==, "d-1");
}

static void
test_set_id (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneyProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = find (map, "site");
  JourneyLane *guest = journey_list_peek (map->lanes, 0);
  JourneyChannel *web = journey_list_peek (project->channels, 0);
  JourneyPersona *leisure = journey_list_peek (project->personas, 0);
  Step step;

  /* Empty, or another's: refused with the reason, nothing changed. */
  step_begin (&step, project, history);
  g_assert_false (journey_edit_set_id (history, project, map, site, "", &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "An id cannot be empty");
  g_clear_error (&error);
  g_assert_false (journey_edit_set_id (history, project, map, site, "desk", &error));
  g_assert_cmpstr (error->message, ==, "“desk” is already the id of “Checks in”");
  g_clear_error (&error);
  g_assert_false (journey_list_check_id (map->lanes, NULL, "staff", &error));
  g_assert_cmpstr (error->message, ==, "“staff” is already the id of “Staff”");
  g_clear_error (&error);
  /* Its own id, or one of another kind, is fine: no step for the same. */
  g_assert_true (journey_list_check_id (map->touchpoints, site, "site", NULL));
  g_assert_true (journey_edit_set_id (history, project, map, site, "site", NULL));
  g_assert_true (journey_list_check_id (map->touchpoints, site, "guest", NULL));
  step_check_unchanged (&step);

  /* A touchpoint. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_id (history, project, map, site, "website", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (site->id, ==, "website");
  step_check (&step, "Change the Id of “Visits the website”");

  /* A lane: its touchpoints follow, in the same step. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_id (history, project, map, guest, "customer", NULL));
  g_assert_cmpstr (site->lane, ==, "customer");
  step_check (&step, "Change the Id of “Guest”");

  /* A channel and a persona: their references follow. */
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_id (history, project, map, web, "site", NULL));
  g_assert_cmpstr (site->channel, ==, "site");
  step_check (&step, "Change the Id of “Website”");
  step_begin (&step, project, history);
  g_assert_true (journey_edit_set_id (history, project, map, leisure, "tourist", NULL));
  g_assert_cmpstr (map->persona, ==, "tourist");
  step_check (&step, "Change the Id of “Leisure traveller”");

  /* The file is valid: every reference resolves. */
  saved = save_and_load (project);
  g_assert_cmpstr (find (test_first_map (saved), "website")->lane, ==, "customer");
  g_assert_cmpstr (find (test_first_map (saved), "website")->channel, ==, "site");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/setter-labels", test_setter_labels);
  g_test_add_func ("/edit/move/one", test_move_one);
  g_test_add_func ("/edit/move/several", test_move_several);
  g_test_add_func ("/edit/move/unknown-lane", test_move_unknown_lane);
  g_test_add_func ("/edit/place", test_place);
  g_test_add_func ("/edit/stage-length", test_stage_length);
  g_test_add_func ("/edit/stage-length/keeps-stages", test_stage_length_keeps_stages);
  g_test_add_func ("/edit/add", test_add);
  g_test_add_func ("/edit/delete", test_delete);
  g_test_add_func ("/edit/duplicate", test_duplicate);
  g_test_add_func ("/edit/copy", test_copy);
  g_test_add_func ("/edit/paste/same-map", test_paste_same_map);
  g_test_add_func ("/edit/paste/other-project", test_paste_other_project);
  g_test_add_func ("/edit/paste/bad", test_paste_bad);
  g_test_add_func ("/edit/snap", test_snap);
  g_test_add_func ("/edit/new-id", test_new_id);
  g_test_add_func ("/edit/set-id", test_set_id);

  return g_test_run ();
}
