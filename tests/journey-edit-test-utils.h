/* journey-edit-test-utils.h: what the tests of the canvas's edits share:
 * a second project to paste into, and an edit checked as one undo step.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

static inline char *
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

static inline void
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
static inline void
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
static inline void
step_check_unchanged (Step *step)
{
  g_autofree char *now = save_json (step->project);

  g_assert_cmpstr (now, ==, step->before);
  g_assert_cmpuint (journey_history_get_n_steps (step->history), ==, step->steps);
  g_clear_pointer (&step->before, g_free);
}

/* Saves @project to a file and reads it back, as a user's save and open
 * would: the file must be valid. */
static inline JourneyProject *
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

static inline JourneyTouchpoint *
find (JourneyMap *map,
      const char *id)
{
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, id);

  g_assert_nonnull (tp);
  return tp;
}

static inline const char *
stage_of (JourneyMap        *map,
          JourneyTouchpoint *tp)
{
  return journey_map_get_touchpoint_stage (map, tp)->id;
}

static inline JourneyTouchpoint *
saved_touchpoint (JourneyProject *saved,
                  const char     *id)
{
  return find (test_first_map (saved), id);
}
