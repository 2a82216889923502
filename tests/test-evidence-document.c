/* test-evidence-document.c: survey evidence in the document (SPEC §5,
 * §11): sources, replacing, combining, renaming, removing and undo; a
 * change of scale; Save As; following a source live; the command line.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "journey-evidence.h"
#include "journey-evidence-follow.h"
#include "journey-evidence-stats.h"
#include "journey-document.h"
#include "journey-edit.h"
#include "journey-format.h"
#include "journey-evidence-test-utils.h"

/* -- The document --------------------------------------------------------- */

static gboolean
import_into (JourneyHistory *history,
             JourneyMap     *map,
             const char     *name,
             const char     *source)
{
  JourneySurveyOptions options = { .format = -1 };
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;
  gboolean ok = journey_evidence_import_file (history, map, file, dir, &options, source, FALSE, NULL, NULL, &error);

  g_assert_no_error (error);
  return ok;
}

static void
test_document_import (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyTouchpoint *website = journey_map_find_touchpoint (map, "website");
  JourneyTouchpoint *checkout = journey_map_find_touchpoint (map, "checkout");
  JourneyEvidence *handwritten = checkout->evidence;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  JourneyEvidenceSource *source;

  g_assert_true (import_into (history, map, "qualtrics.csv", NULL));
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Import “qualtrics.csv”");
  g_assert_cmpint (website->evidence->responses, ==, 3);
  g_assert_cmpfloat (website->evidence->mean, ==, 4);
  g_assert_true (checkout->evidence == handwritten);
  source = journey_list_peek (map->evidence_sources, 0);
  g_assert_cmpstr (source->path, ==, "qualtrics.csv");
  g_assert_cmpstr (source->format, ==, "qualtrics");
  g_assert_cmpstr (source->mapping[0], ==, "Q1=website");
  g_assert_cmpint (source->rows, ==, 3);
  g_assert_cmpint (source->skipped, ==, 3);

  /* The same file and mapping again: replaced, never added twice. */
  g_assert_true (import_into (history, map, "qualtrics.csv", NULL));
  g_assert_cmpint (website->evidence->responses, ==, 3);
  g_assert_cmpuint (journey_list_get_length (map->evidence_sources), ==, 1);
  /* Nothing changed: no step to undo. */
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);

  /* A second source: combined; evidence.source lists both. */
  g_assert_true (import_into (history, map, "google-forms.csv", "Forms"));
  g_assert_cmpint (website->evidence->responses, ==, 6);
  g_assert_cmpfloat (website->evidence->mean, ==, 3.8334); /* the parts’ means, kept to four decimals, weighted */
  g_assert_cmpstr (website->evidence->source, ==, "qualtrics.csv, Forms");
  g_assert_cmpuint (website->evidence->histogram->len, ==, 5);
  g_assert_cmpint (g_array_index (website->evidence->histogram, int, 4), ==, 2);
  g_assert_true (journey_project_check (project, problems));

  /* Rename, remove, undo. */
  g_assert_true (journey_edit_rename_evidence_source (history, map, "Forms", "Google"));
  g_assert_cmpstr (website->evidence->source, ==, "qualtrics.csv, Google");
  journey_edit_remove_evidence_source (history, map, "qualtrics.csv");
  g_assert_cmpint (website->evidence->responses, ==, 3);
  g_assert_cmpstr (website->evidence->source, ==, "Google");
  g_assert_true (journey_history_undo (history));
  g_assert_cmpint (website->evidence->responses, ==, 6);
  g_assert_true (journey_history_undo (history));
  g_assert_true (journey_history_undo (history));
  g_assert_cmpint (website->evidence->responses, ==, 3);
  g_assert_true (journey_history_undo (history));
  g_assert_null (website->evidence);
  g_assert_false (journey_history_can_undo (history));
  g_assert_cmpuint (journey_list_get_length (map->evidence_sources), ==, 0);
}

static void
test_document_scale (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyTouchpoint *website = journey_map_find_touchpoint (map, "website");
  g_autoptr(JourneyScale) nps = journey_scale_new (0, 10, NULL);
  g_autoptr(GError) error = NULL;
  JourneyEvidencePart *part;

  import_into (history, map, "qualtrics.csv", NULL);
  /* 3, 4, 5 of 1–5 on 0–10: 5, 7.5, 10 → steps 5, 8, 10. */
  g_assert_true (journey_edit_set_scale (history, map, nps, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (website->evidence->mean, ==, 7.5);
  part = journey_list_peek (website->evidence->sources, 0);
  g_assert_cmpuint (part->histogram->len, ==, 11);
  g_assert_cmpint (g_array_index (part->histogram, int, 5), ==, 1);
  g_assert_cmpint (g_array_index (part->histogram, int, 8), ==, 1);
  g_assert_cmpint (g_array_index (part->histogram, int, 10), ==, 1);
  g_assert_cmpuint (website->evidence->histogram->len, ==, 11);
  g_assert_cmpuint (part->survey_histogram->len, ==, 5);
  g_assert_true (journey_project_check (project, problems));
}

/* Save As in another folder: the source's path follows, relative to it. */
static void
test_document_save_as (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  g_autofree char *dir = g_dir_make_tmp ("journeys-save-as-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *first = g_build_filename (dir, "a.journey", NULL);
  g_autofree char *second = g_build_filename (sub, "b.journey", NULL);
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  g_autoptr(GFile) survey_file = g_file_new_for_path (survey);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JourneySurveyOptions options = { .format = -1 };
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyEvidenceSource *source;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (survey, "touchpoint,score\nroom,4\n", -1, NULL));
  document = journey_document_new (project, first_file);
  g_assert_true (journey_evidence_import_file (journey_document_get_history (document), map, survey_file, folder,
                                               &options, NULL, FALSE, NULL, NULL, &error));
  source = journey_list_peek (map->evidence_sources, 0);
  g_assert_cmpstr (source->path, ==, "survey.csv");

  g_assert_true (journey_document_save (document, second_file, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (second, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"path\": \"../survey.csv\""));
  source = journey_list_peek (map->evidence_sources, 0);
  g_assert_cmpstr (source->path, ==, "../survey.csv");

  g_unlink (second);
  g_unlink (survey);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* The comparison: interval, metric, thin evidence, ranking, adopting. */
static void
test_document_compare (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyTouchpoint *website = journey_map_find_touchpoint (map, "website");
  JourneyTouchpoint *room = journey_map_find_touchpoint (map, "room");
  g_autoptr(GPtrArray) ranked = NULL;
  JourneyEvidenceSummary summary;
  const char *order[] = { "room", "checkout", "website", "checkin" };

  import_into (history, map, "qualtrics.csv", NULL);

  /* 3, 4 and 5: mean 4, standard deviation 1, ± 1.96/√3. */
  g_assert_true (journey_evidence_summarize (website->evidence, map->scale, &summary));
  g_assert_cmpint (summary.responses, ==, 3);
  g_assert_cmpfloat_with_epsilon (summary.low, 4 - 1.96 / sqrt (3), 1e-9);
  g_assert_cmpfloat (summary.high, ==, 5);  /* clamped to the scale */
  g_assert_true (summary.thin);
  g_assert_cmpint (summary.metric, ==, JOURNEY_EVIDENCE_METRIC_CSAT);
  g_assert_cmpfloat_with_epsilon (summary.score, 200.0 / 3, 1e-9);

  /* Gaps of 0.5 (room, then the hand-typed check-out), then none. */
  ranked = journey_evidence_rank_gaps (map);
  g_assert_cmpuint (ranked->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < ranked->len; i++)
    g_assert_cmpstr (((JourneyTouchpoint *) g_ptr_array_index (ranked, i))->id, ==, order[i]);

  journey_edit_adopt_evidence (history, map, &room, 1);
  g_assert_cmpfloat (room->satisfaction, ==, 4.5);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Set satisfaction of “Room” to its measurement");
  g_assert_true (journey_history_undo (history));
  g_assert_cmpfloat (room->satisfaction, ==, 4);
}

/* An NPS question: promoters (9, 10) minus detractors (6) of four. */
static void
test_document_nps (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyTouchpoint *room = journey_map_find_touchpoint (map, "room");
  char *columns[] = { "QID4=room", NULL };
  JourneySurveyOptions options = { .format = -1, .evidence_columns = columns,
                                   .has_survey_scale = TRUE, .survey_min = 0, .survey_max = 10 };
  g_autofree char *path = fixture ("qualtrics.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  JourneyEvidenceSummary summary;

  g_assert_true (journey_evidence_import_file (NULL, map, file, dir, &options, "NPS", FALSE, NULL, NULL, NULL));
  g_assert_true (journey_evidence_summarize (room->evidence, map->scale, &summary));
  g_assert_cmpint (summary.metric, ==, JOURNEY_EVIDENCE_METRIC_NPS);
  g_assert_cmpfloat (summary.score, ==, 25);
  g_assert_cmpfloat (summary.mean, ==, 4.2);
}

/* -- Following a source --------------------------------------------------- */

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @touchpoint has @responses, or one second. */
static gboolean
wait_for_responses (JourneyTouchpoint *touchpoint,
                    int                responses)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (1000, on_timeout, &timed_out);

  while (!timed_out && (touchpoint->evidence == NULL || touchpoint->evidence->responses != responses))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
append (const char *path,
        const char *text)
{
  FILE *out = g_fopen (path, "ab");

  g_assert_nonnull (out);
  fputs (text, out);
  fclose (out);
}

static void
test_follow (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyTouchpoint *room = journey_map_find_touchpoint (map, "room");
  g_autofree char *dir = g_dir_make_tmp ("journeys-follow-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "live.csv", NULL);
  g_autofree char *moved = g_build_filename (dir, "new.csv", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyEvidenceFollow) follow = NULL;
  g_autoptr(GError) error = NULL;
  JourneySurveyOptions options = { .format = -1 };
  guint steps;

  g_assert_true (g_file_set_contents (path, "touchpoint,score\nroom,4\n", -1, NULL));
  g_assert_true (journey_evidence_import_file (history, map, file, folder, &options, "Live", TRUE,
                                               NULL, NULL, &error));
  g_assert_no_error (error);
  steps = journey_history_get_n_steps (history);
  follow = journey_evidence_follow_new (map, "Live", folder, &error);
  g_assert_no_error (error);
  g_assert_cmpint (room->evidence->responses, ==, 1);

  /* Appended rows, a line cut in two writes: only the new bytes are read. */
  append (path, "room,2\nroom,");
  g_assert_true (wait_for_responses (room, 2));
  append (path, "3\n");
  g_assert_true (wait_for_responses (room, 3));
  g_assert_cmpfloat (room->evidence->mean, ==, 3);

  /* Truncated and written again: read from the start. */
  g_assert_true (g_file_set_contents (path, "touchpoint,score\nroom,5\n", -1, NULL));
  g_assert_true (wait_for_responses (room, 1));
  g_assert_cmpfloat (room->evidence->mean, ==, 5);

  /* Replaced by another file (a nightly export renamed over it). */
  g_assert_true (g_file_set_contents (moved, "touchpoint,score\nroom,1\nroom,1\nroom,1\nroom,1\n", -1, NULL));
  g_assert_cmpint (g_rename (moved, path), ==, 0);
  g_assert_true (wait_for_responses (room, 4));
  g_assert_cmpfloat (room->evidence->mean, ==, 1);

  /* None of it on the undo stack; the import stays one step. */
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps);
  g_assert_true (journey_history_undo (history));
  g_assert_null (room->evidence);

  g_clear_object (&follow);
  g_unlink (path);
  g_rmdir (dir);
}

/* -- The command line ----------------------------------------------------- */

static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("JOURNEYS_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("journeys-evidence-XXXXXX", NULL);
  g_autofree char *project = fixture ("hotel.journey");
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.journey", NULL);
  g_autofree char *again = g_build_filename (dir, "again.journey", NULL);
  g_autofree char *qualtrics = fixture ("qualtrics.csv");
  g_autofree char *text = NULL, *first = NULL, *second = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_get_contents (qualtrics, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (survey, text, -1, NULL));

  {
    const char *args[] = { "--import-evidence", survey, project, "--export", out, "--follow", NULL };

    g_autofree char *expected = g_strdup_printf ("%s:5: skipped: the row is a survey preview\n"
                                                 "%s:9: skipped: the row is spam\n"
                                                 "%s:11: skipped: the score “maybe” is neither a number nor a label of the scale\n",
                                                 survey, survey, survey);

    g_assert_cmpint (run (args, NULL, &err), ==, 0);
    g_assert_cmpstr (err, ==, expected);
    g_clear_pointer (&err, g_free);
  }
  g_assert_true (g_file_get_contents (out, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "\"path\": \"survey.csv\""));
  g_assert_nonnull (strstr (first, "\"follow\": true"));

  /* A refresh of unchanged data writes the same bytes. */
  {
    const char *args[] = { "--refresh-evidence", out, "--export", again, NULL };

    g_assert_cmpint (run (args, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
    g_assert_cmpstr (first, ==, second);
  }

  /* The same survey again, by the command line: replaced, not added. */
  {
    g_autofree char *twice = NULL;
    const char *args[] = { "--import-evidence", survey, out, "--export", again, "--follow", NULL };

    g_assert_cmpint (run (args, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (again, &twice, NULL, NULL));
    g_assert_cmpstr (twice, ==, first);
  }

  /* Rows without times: a refresh in place keeps the time of the import
   * while the survey is unchanged. */
  {
    g_autofree char *untimed = g_build_filename (dir, "untimed.csv", NULL);
    g_autofree char *before = NULL, *after = NULL;
    const char *import_args[] = { "--import-evidence", untimed, project, "--export", again, NULL };
    const char *refresh_args[] = { "--refresh-evidence", again, NULL };

    g_assert_true (g_file_set_contents (untimed, "touchpoint,score\nroom,4\nroom,5\n", -1, NULL));
    g_assert_cmpint (run (import_args, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (again, &before, NULL, NULL));
    g_usleep (1100 * 1000);
    g_assert_cmpint (run (refresh_args, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (again, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
    g_unlink (untimed);
  }

  /* Usage errors: exit 2; bad input: exit 1, no output. */
  {
    const char *ambiguous[] = { "--import-evidence", survey, project, "--export", again,
                                "--evidence-column", "Q9=room", NULL };
    const char *missing[] = { "--import-evidence", "/nonexistent/survey.csv", project, "--export", again, NULL };
    const char *alone[] = { "--follow", project, NULL };
    g_autofree char *not_csv = fixture ("not-csv.png");
    const char *binary[] = { "--import-evidence", not_csv, project, "--export", again, NULL };

    g_assert_cmpint (run (ambiguous, NULL, NULL), ==, 2);
    g_assert_cmpint (run (alone, NULL, NULL), ==, 2);
    g_unlink (again);
    g_assert_cmpint (run (missing, NULL, NULL), ==, 1);
    g_assert_cmpint (run (binary, NULL, NULL), ==, 1);
    g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
  }

  g_unlink (survey);
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/document/import", test_document_import);
  g_test_add_func ("/evidence/document/scale", test_document_scale);
  g_test_add_func ("/evidence/document/save-as", test_document_save_as);
  g_test_add_func ("/evidence/document/compare", test_document_compare);
  g_test_add_func ("/evidence/document/nps", test_document_nps);
  g_test_add_func ("/evidence/follow", test_follow);
  g_test_add_func ("/evidence/cli", test_cli);

  return g_test_run ();
}
