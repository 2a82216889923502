/* test-edit.c: the canvas's edits, each one undo step: moving and placing
 * touchpoints, stage lengths, adding and deleting, snapping, and ids (the
 * clipboard's are in test-edit-clipboard.c).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-edit.h"
#include "journey-edit-test-utils.h"
#include "journey-history.h"

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
  g_test_add_func ("/edit/snap", test_snap);
  g_test_add_func ("/edit/new-id", test_new_id);
  g_test_add_func ("/edit/set-id", test_set_id);

  return g_test_run ();
}
