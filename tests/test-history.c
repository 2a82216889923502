/* test-history.c: the undo/redo stack of a document.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-edit.h"
#include "journey-history.h"
#include "journey-test-utils.h"

static void
test_set_undo_redo (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "site");

  g_assert_false (journey_history_can_undo (history));
  g_assert_false (journey_history_is_dirty (history));

  g_assert_true (journey_history_set (history, tp, "title", "Finds the website", NULL));
  g_assert_cmpstr (tp->title, ==, "Finds the website");
  g_assert_true (journey_history_can_undo (history));
  g_assert_false (journey_history_can_redo (history));
  g_assert_true (journey_history_is_dirty (history));

  /* Setting the same value again is not a step. */
  g_assert_false (journey_history_set (history, tp, "title", "Finds the website", NULL));
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);

  g_assert_true (journey_history_undo (history));
  g_assert_cmpstr (tp->title, ==, "Visits the website");
  g_assert_false (journey_history_can_undo (history));
  g_assert_true (journey_history_can_redo (history));
  g_assert_false (journey_history_is_dirty (history));

  g_assert_true (journey_history_redo (history));
  g_assert_cmpstr (tp->title, ==, "Finds the website");
  g_assert_false (journey_history_redo (history));

  /* Several properties in one call are one step. */
  journey_history_set (history, tp, "votes", 4, "weight", JOURNEY_WEIGHT_MAJOR, NULL);
  g_assert_cmpint (tp->votes, ==, 4);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 2);
  journey_history_undo (history);
  g_assert_cmpint (tp->votes, ==, 0);
  g_assert_cmpint (tp->weight, ==, JOURNEY_WEIGHT_MINOR);
}

static void
test_list_commands (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyTouchpoint) tp = g_object_new (JOURNEY_TYPE_TOUCHPOINT,
                                                  "id", "pay", "title", "Pays", "lane", "guest",
                                                  "time", 4.8, NULL);
  JourneyTouchpoint *first = journey_list_peek (map->touchpoints, 0);

  journey_history_insert (history, map->touchpoints, 3, tp);
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 4);
  g_assert_true (journey_list_peek (map->touchpoints, 3) == tp);

  journey_history_remove (history, map->touchpoints, 0);
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 3);
  g_assert_cmpstr (((JourneyTouchpoint *) journey_list_peek (map->touchpoints, 0))->id, ==, "invoice");

  journey_history_move (history, map->lanes, 0, 2);
  g_assert_cmpstr (((JourneyLane *) journey_list_peek (map->lanes, 2))->id, ==, "guest");

  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Reorder");
  journey_history_undo (history);
  g_assert_cmpstr (((JourneyLane *) journey_list_peek (map->lanes, 0))->id, ==, "guest");
  journey_history_undo (history);
  g_assert_true (journey_list_peek (map->touchpoints, 0) == first);
  journey_history_undo (history);
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 3);
  g_assert_null (journey_map_find_touchpoint (map, "pay"));

  journey_history_redo (history);
  journey_history_redo (history);
  journey_history_redo (history);
  g_assert_nonnull (journey_map_find_touchpoint (map, "pay"));
  g_assert_null (journey_map_find_touchpoint (map, "site"));
  g_assert_cmpstr (((JourneyLane *) journey_list_peek (map->lanes, 2))->id, ==, "guest");
}

static void
test_drag_is_one_step (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "site");
  guint changed = 0;

  g_signal_connect_swapped (history, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  journey_history_begin_group (history, "Drag Touchpoint");
  for (guint i = 1; i <= 50; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (journey_edit_set_time (history, map, tp, 0.5 + i * 0.05, &error));
      g_assert_no_error (error);
      g_assert_true (journey_edit_set_satisfaction (history, map, tp, 4.0 - i * 0.02, &error));
    }
  /* Nothing is undoable while the drag goes on. */
  g_assert_false (journey_history_can_undo (history));
  journey_history_end_group (history);

  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Drag Touchpoint");
  g_assert_cmpfloat_with_epsilon (tp->time, 3.0, 1e-9);
  g_assert_cmpstr (journey_map_get_touchpoint_stage (map, tp)->id, ==, "stay");

  journey_history_undo (history);
  g_assert_cmpfloat (tp->time, ==, 0.5);
  g_assert_cmpfloat (tp->satisfaction, ==, 4.0);
  g_assert_cmpstr (journey_map_get_touchpoint_stage (map, tp)->id, ==, "book");

  journey_history_redo (history);
  g_assert_cmpfloat_with_epsilon (tp->satisfaction, 3.0, 1e-9);

  /* An empty group leaves no step. */
  journey_history_begin_group (history, "Nothing");
  journey_history_end_group (history);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
}

static void
test_clean_state (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyTouchpoint *tp = journey_map_find_touchpoint (test_first_map (project), "site");
  guint dirty_notifications = 0;
  guint changes = 0;

  g_signal_connect_swapped (history, "notify::dirty", G_CALLBACK (g_atomic_int_inc), &dirty_notifications);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  journey_history_set (history, tp, "votes", 1, NULL);
  journey_history_set (history, tp, "votes", 2, NULL);
  g_assert_true (journey_history_is_dirty (history));
  g_assert_cmpuint (dirty_notifications, ==, 1);

  g_assert_cmpuint (changes, ==, 2);
  journey_history_mark_clean (history);   /* saved with votes = 2 */
  g_assert_false (journey_history_is_dirty (history));
  /* A save changes "dirty" only: nothing that shows the map redraws. */
  g_assert_cmpuint (dirty_notifications, ==, 2);
  g_assert_cmpuint (changes, ==, 2);

  journey_history_set (history, tp, "votes", 3, NULL);
  g_assert_true (journey_history_is_dirty (history));
  journey_history_undo (history);          /* back to the save */
  g_assert_false (journey_history_is_dirty (history));
  journey_history_undo (history);          /* before the save */
  g_assert_true (journey_history_is_dirty (history));
  journey_history_redo (history);
  g_assert_false (journey_history_is_dirty (history));

  /* Undo before the save, then a new edit: the saved state is gone from
   * the history, and the document stays dirty whatever is undone. */
  journey_history_undo (history);
  journey_history_set (history, tp, "votes", 7, NULL);
  g_assert_true (journey_history_is_dirty (history));
  journey_history_undo (history);
  g_assert_true (journey_history_is_dirty (history));
  g_assert_cmpint (tp->votes, ==, 1);

  journey_history_clear (history);
  g_assert_false (journey_history_is_dirty (history));
  g_assert_false (journey_history_can_undo (history));
}

/* The history holds JOURNEY_HISTORY_MAX_STEPS steps, the oldest dropped;
 * the saved state goes with the step after it. */
static void
test_step_limit (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyTouchpoint *tp = journey_map_find_touchpoint (test_first_map (project), "site");
  guint n;

  g_assert_cmpuint (JOURNEY_HISTORY_MAX_STEPS, ==, 1000);

  /* Saved at step 500, then 1,000 steps more: the saved state is the
   * oldest that the history can still get back to. */
  for (guint i = 1; i <= 500; i++)
    journey_history_set (history, tp, "votes", (int) i, NULL);
  journey_history_mark_clean (history);
  for (guint i = 501; i <= 1500; i++)
    journey_history_set (history, tp, "votes", (int) i, NULL);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, JOURNEY_HISTORY_MAX_STEPS);
  g_assert_true (journey_history_is_dirty (history));

  for (n = 0; journey_history_undo (history); n++)
    ;
  g_assert_cmpuint (n, ==, JOURNEY_HISTORY_MAX_STEPS);
  g_assert_cmpint (tp->votes, ==, 500);
  g_assert_false (journey_history_is_dirty (history));

  /* Back to the newest; one step more drops the step after the save. */
  while (journey_history_redo (history))
    ;
  g_assert_cmpint (tp->votes, ==, 1500);
  journey_history_set (history, tp, "votes", 1501, NULL);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, JOURNEY_HISTORY_MAX_STEPS);
  for (n = 0; journey_history_undo (history); n++)
    g_assert_true (journey_history_is_dirty (history));
  g_assert_cmpuint (n, ==, JOURNEY_HISTORY_MAX_STEPS);
  g_assert_cmpint (tp->votes, ==, 501);
  g_assert_true (journey_history_is_dirty (history));

  /* A save now counts again. */
  journey_history_mark_clean (history);
  g_assert_false (journey_history_is_dirty (history));
  journey_history_redo (history);
  journey_history_undo (history);
  g_assert_false (journey_history_is_dirty (history));
}

static void
test_scale_rules (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "site");
  g_autoptr(JourneyScale) bad = journey_scale_new (5, 1, NULL);
  g_autoptr(JourneyScale) wide = journey_scale_new (0, 10, NULL);
  g_autoptr(GError) error = NULL;
  JourneyScale *old_scale = map->scale;

  g_assert_false (journey_edit_set_satisfaction (history, map, tp, 5.5, &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_SCALE);
  g_clear_error (&error);
  g_assert_false (journey_edit_set_target (history, map, tp, 0.0, &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_SCALE);
  g_clear_error (&error);
  g_assert_false (journey_edit_set_time (history, map, tp, 5.01, &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_OUT_OF_TIMELINE);
  g_clear_error (&error);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 0);

  g_assert_cmpfloat (journey_map_clamp_to_scale (map, 9), ==, 5.0);
  g_assert_cmpfloat (journey_map_clamp_to_scale (map, -9), ==, 1.0);
  g_assert_cmpfloat (journey_map_clamp_to_timeline (map, 99), ==, 5.0);

  g_assert_true (journey_edit_set_target (history, map, tp, 5.0, &error));
  g_assert_true (journey_touchpoint_has_target (tp));

  g_assert_false (journey_edit_set_scale (history, map, bad, &error));
  g_assert_error (error, JOURNEY_EDIT_ERROR, JOURNEY_EDIT_ERROR_INVALID);
  g_clear_error (&error);

  /* A new scale maps every value onto it linearly, in one step. */
  g_assert_true (journey_edit_set_scale (history, map, wide, &error));
  g_assert_true (map->scale == wide);
  g_assert_cmpfloat (tp->satisfaction, ==, 7.5);  /* 4 on 1–5 */
  g_assert_cmpfloat (tp->target, ==, 10.0);      /* 5 on 1–5 */
  g_assert_cmpfloat (journey_map_find_touchpoint (map, "invoice")->satisfaction, ==, 0.0);
  {
    g_autoptr(GPtrArray) problems = test_problems_new ();

    /* The project is still valid on its new scale. */
    g_assert_true (journey_project_check (project, problems));
    g_assert_cmpuint (problems->len, ==, 0);
  }

  journey_history_undo (history);
  g_assert_true (map->scale == old_scale);
  g_assert_cmpfloat (tp->satisfaction, ==, 4.0);
  g_assert_cmpfloat (tp->target, ==, 5.0);
}

/* An aborted group takes back its commands and leaves the stacks as they
 * were: nothing recorded undoes nothing, and a redo stays. */
static void
test_abort_group (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "site");
  guint changed = 0;

  g_signal_connect_swapped (history, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  g_assert_true (journey_edit_set_satisfaction (history, map, tp, 2.0, NULL));
  g_assert_cmpuint (changed, ==, 1);

  /* Nothing recorded: the step before stays done. */
  journey_history_begin_group (history, "Drag");
  journey_history_begin_group (history, NULL);
  journey_history_abort_group (history);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpfloat (tp->satisfaction, ==, 2.0);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  g_assert_true (journey_history_can_undo (history));

  /* Undone, then a group of moves aborted: the redo stays. */
  g_assert_true (journey_history_undo (history));
  g_assert_cmpfloat (tp->satisfaction, ==, 4.0);
  journey_history_begin_group (history, "Drag");
  for (guint i = 1; i <= 5; i++)
    {
      g_assert_true (journey_edit_set_time (history, map, tp, 0.5 + i * 0.1, NULL));
      g_assert_true (journey_edit_set_satisfaction (history, map, tp, 4.0 - i * 0.2, NULL));
    }
  journey_history_abort_group (history);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpfloat (tp->time, ==, 0.5);
  g_assert_cmpfloat (tp->satisfaction, ==, 4.0);
  g_assert_false (journey_history_can_undo (history));
  g_assert_true (journey_history_can_redo (history));
  g_assert_true (journey_history_redo (history));
  g_assert_cmpfloat (tp->satisfaction, ==, 2.0);
  g_assert_cmpfloat (tp->time, ==, 0.5);
}

static const char *
id_at (JourneyList *list,
       guint        position)
{
  return journey_item_get_id (journey_list_peek (list, position));
}

static JourneyTouchpoint *
new_touchpoint (const char *id)
{
  return g_object_new (JOURNEY_TYPE_TOUCHPOINT, "id", id, "title", id, "lane", "guest", "time", 1.0, NULL);
}

/* Participants' changes come between the facilitator's steps: undo and
 * redo still find their items, wherever they are now. */
static void
test_outside_between_list_steps (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyTouchpoint) mine = new_touchpoint ("mine");
  g_autoptr(JourneyTouchpoint) theirs = new_touchpoint ("theirs");
  g_autoptr(JourneyLane) extra = g_object_new (JOURNEY_TYPE_LANE, "id", "extra", "name", "Extra", NULL);

  /* site, invoice, desk + mine at the end */
  journey_history_insert (history, map->touchpoints, 3, mine);
  journey_history_insert_outside (history, map->touchpoints, 0, theirs);
  g_assert_cmpstr (id_at (map->touchpoints, 0), ==, "theirs");
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);

  /* Undo takes back the facilitator's touchpoint, not the participant's. */
  g_assert_true (journey_history_undo (history));
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 4);
  g_assert_null (journey_map_find_touchpoint (map, "mine"));
  g_assert_nonnull (journey_map_find_touchpoint (map, "theirs"));
  g_assert_true (journey_history_redo (history));
  g_assert_cmpstr (id_at (map->touchpoints, 4), ==, "mine");

  /* A removed item comes back after the item it followed. */
  journey_history_remove (history, map->touchpoints, 2); /* invoice */
  journey_history_remove_outside (history, map->touchpoints, theirs);
  g_assert_cmpstr (id_at (map->touchpoints, 0), ==, "site");
  g_assert_true (journey_history_undo (history));
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 4);
  g_assert_cmpstr (id_at (map->touchpoints, 0), ==, "site");
  g_assert_cmpstr (id_at (map->touchpoints, 1), ==, "invoice");
  g_assert_cmpstr (id_at (map->touchpoints, 2), ==, "desk");
  g_assert_true (journey_history_redo (history));
  g_assert_null (journey_map_find_touchpoint (map, "invoice"));
  g_assert_nonnull (journey_map_find_touchpoint (map, "desk"));

  /* A move: guest goes to the end, then a lane arrives at the start. */
  journey_history_move (history, map->lanes, 0, 2);
  journey_history_insert_outside (history, map->lanes, 0, extra);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpstr (id_at (map->lanes, 0), ==, "guest");
  g_assert_cmpstr (id_at (map->lanes, 1), ==, "extra");
  g_assert_cmpstr (id_at (map->lanes, 2), ==, "staff");
  g_assert_cmpstr (id_at (map->lanes, 3), ==, "back");
  g_assert_true (journey_history_redo (history));
  g_assert_cmpstr (id_at (map->lanes, 0), ==, "extra");
  g_assert_cmpstr (id_at (map->lanes, 3), ==, "guest");
}

/* Outside changes never join the open step, and Escape does not take
 * them back. */
static void
test_outside_during_drag (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "site");
  JourneyTouchpoint *desk = journey_map_find_touchpoint (map, "desk");
  g_autoptr(JourneyComment) comment = g_object_new (JOURNEY_TYPE_COMMENT, "author", "Ana", "text", "Slow", NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  guint changed = 0;

  g_signal_connect_swapped (history, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_value_init (&value, G_TYPE_INT);

  journey_history_begin_group (history, "Drag Touchpoint");
  g_assert_true (journey_edit_set_satisfaction (history, map, tp, 2.5, NULL));
  g_value_set_int (&value, 2);
  g_assert_true (journey_history_set_outside (history, tp, "votes", &value));
  journey_history_insert_outside (history, desk->comments, 0, comment);
  g_assert_true (journey_edit_set_satisfaction (history, map, tp, 2.0, NULL));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (journey_history_is_dirty (history));

  journey_history_abort_group (history);
  g_assert_cmpfloat (tp->satisfaction, ==, 4.0);
  g_assert_cmpint (tp->votes, ==, 2);
  g_assert_cmpuint (journey_list_get_length (desk->comments), ==, 1);
  g_assert_false (journey_history_can_undo (history));
  g_assert_true (journey_history_is_dirty (history));

  /* A finished drag with outside changes inside: undo takes back the
   * drag only. */
  journey_history_begin_group (history, "Drag Touchpoint");
  g_assert_true (journey_edit_set_satisfaction (history, map, tp, 3.0, NULL));
  g_value_set_int (&value, 3);
  journey_history_set_outside (history, tp, "votes", &value);
  journey_history_end_group (history);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpfloat (tp->satisfaction, ==, 4.0);
  g_assert_cmpint (tp->votes, ==, 3);
  g_assert_cmpuint (journey_list_get_length (desk->comments), ==, 1);

  /* The document stays changed until it is saved. */
  journey_history_mark_clean (history);
  g_assert_false (journey_history_is_dirty (history));
  g_value_set_int (&value, 4);
  journey_history_set_outside (history, tp, "votes", &value);
  g_assert_true (journey_history_is_dirty (history));
}

/* A count the facilitator changed and participants add to: undo takes
 * back the facilitator's part only. */
static void
test_outside_shifts_counts (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "site");
  g_auto(GValue) value = G_VALUE_INIT;
  guint changed = 0;

  g_signal_connect_swapped (history, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_value_init (&value, G_TYPE_INT);

  g_assert_true (journey_edit_vote (history, tp, 1));
  g_assert_cmpint (tp->votes, ==, 1);

  /* One batch, one "changed". */
  changed = 0;
  journey_history_begin_outside (history);
  g_value_set_int (&value, tp->votes + 3);
  journey_history_set_outside (history, tp, "votes", &value);
  journey_history_set (history, tp, "title", "Mine", NULL);
  journey_history_end_outside (history);
  g_assert_cmpint (tp->votes, ==, 4);
  g_assert_cmpuint (changed, ==, 2); /* the title step, then the batch */

  g_assert_true (journey_history_undo (history));
  g_assert_true (journey_history_undo (history));
  g_assert_cmpint (tp->votes, ==, 3);
  g_assert_true (journey_history_redo (history));
  g_assert_cmpint (tp->votes, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/set-undo-redo", test_set_undo_redo);
  g_test_add_func ("/history/list-commands", test_list_commands);
  g_test_add_func ("/history/drag-is-one-step", test_drag_is_one_step);
  g_test_add_func ("/history/abort-group", test_abort_group);
  g_test_add_func ("/history/clean-state", test_clean_state);
  g_test_add_func ("/history/step-limit", test_step_limit);
  g_test_add_func ("/history/scale-rules", test_scale_rules);
  g_test_add_func ("/history/outside-between-list-steps", test_outside_between_list_steps);
  g_test_add_func ("/history/outside-during-drag", test_outside_during_drag);
  g_test_add_func ("/history/outside-shifts-counts", test_outside_shifts_counts);

  return g_test_run ();
}
