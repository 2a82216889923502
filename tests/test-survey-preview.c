/* test-survey-preview.c: what the Import Survey dialog shows before an
 * import (SPEC §11): the detected encoding, separator and format, the
 * first rows, the proposed mapping and survey scale, and a trial of the
 * import on those rows, with its skipped lines and reasons.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "journey-evidence.h"
#include "journey-survey-preview.h"
#include "journey-evidence-test-utils.h"

static JourneySurveyPreview *
preview_text (const char                 *text,
              const JourneySurveyOptions *options)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  JourneySurveyOptions detect = { .format = -1 };
  g_autoptr(GError) error = NULL;
  JourneySurveyPreview *preview = journey_survey_preview_new_from_bytes (bytes, TRUE, options != NULL ? options : &detect,
                                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

static void
check_scale (const char * const *cells,
             gboolean            expected_ok,
             int                 expected_min,
             int                 expected_max)
{
  int min = G_MININT, max = G_MININT;
  gboolean ok = journey_survey_propose_scale (cells, g_strv_length ((char **) cells), &min, &max);

  g_assert_cmpint (ok, ==, expected_ok);
  if (ok)
    {
      g_assert_cmpint (min, ==, expected_min);
      g_assert_cmpint (max, ==, expected_max);
    }
}

#define CELLS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
test_scale (void)
{
  check_scale (CELLS ("1", "5", "3", ""), TRUE, 1, 5);
  check_scale (CELLS ("2", "7"), TRUE, 1, 7);
  check_scale (CELLS ("0", "9", "10 - Extremely likely"), TRUE, 0, 10);
  check_scale (CELLS ("6", "8"), TRUE, 0, 10);
  check_scale (CELLS ("-2", "+2", "0"), TRUE, -2, 2);
  check_scale (CELLS ("-1", "1"), TRUE, -2, 2);
  check_scale (CELLS ("Very satisfied", "neutral", "Dissatisfied"), TRUE, 1, 5);
  check_scale (CELLS ("Somewhat agree", "Agree", "Strongly disagree"), TRUE, 1, 7);
  check_scale (CELLS ("Very satisfied", "4", "1"), TRUE, 1, 5);
  check_scale (CELLS ("0", "100", "55"), TRUE, 0, 100);
  check_scale (CELLS ("0", "3"), TRUE, 0, 3);
  check_scale (CELLS ("4,5", "2"), TRUE, 1, 5);
  check_scale (CELLS ("", "n/a", "maybe"), FALSE, 0, 0);
}

/* A wide survey whose questions name no touchpoint: nothing proposed, the
 * import refused until a column is given one; then used and skipped rows
 * with their lines. */
static void
test_wide_without_names (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  g_autoptr(JourneySurveyPreview) preview =
    preview_text ("id,How was it?,And then?\n1,4,5\n2,2,\n3,x,3\n4,,\n", NULL);
  JourneySurveyOptions options = { .format = -1 };
  char *columns[] = { "#2=room", "#3=website", NULL };
  g_autoptr(JourneySurveyTrial) refused = NULL;
  g_autoptr(JourneySurveyTrial) trial = NULL;
  JourneySurveySkip *skip;

  g_assert_cmpint (preview->encoding, ==, JOURNEY_SURVEY_ENCODING_UTF8);
  g_assert_cmpint (preview->separator, ==, ',');
  g_assert_cmpint (preview->format, ==, JOURNEY_SURVEY_PLAIN);
  g_assert_true (preview->complete);
  g_assert_cmpuint (preview->header->columns->len, ==, 3);
  g_assert_cmpuint (preview->rows->len, ==, 4);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 2))[1], ==, "x");
  g_assert_cmpuint (g_array_index (preview->lines, guint64, 2), ==, 4);

  journey_survey_preview_propose (preview, map, &options);
  g_assert_nonnull (options.evidence_columns);
  g_assert_cmpuint (g_strv_length (options.evidence_columns), ==, 0);
  g_assert_false (options.has_survey_scale);
  refused = journey_survey_preview_try (preview, map, &options);
  g_assert_error (refused->error, JOURNEY_SURVEY_MAPPING_ERROR, 0);

  g_strfreev (options.evidence_columns);
  options.evidence_columns = g_strdupv (columns);
  trial = journey_survey_preview_try (preview, map, &options);
  g_assert_no_error (trial->error);
  g_assert_cmpuint (trial->n_used, ==, 2);
  /* Line 4 holds "x"; line 5 no score at all. */
  g_assert_cmpuint (trial->n_skipped, ==, 2);
  skip = g_ptr_array_index (trial->skipped, 0);
  g_assert_cmpuint (skip->line, ==, 4);
  g_assert_nonnull (strstr (skip->reason, "“x”"));
  skip = g_ptr_array_index (trial->skipped, 1);
  g_assert_cmpuint (skip->line, ==, 5);
  journey_survey_options_clear (&options);
}

/* The separator as detected, or as the user says: read again. */
static void
test_separator (void)
{
  const char *text = "touchpoint;score\nroom;4\nWebsite;2\n";
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  g_autoptr(JourneySurveyPreview) detected = preview_text (text, NULL);
  JourneySurveyOptions comma = { .format = -1, .separator = ',' };
  g_autoptr(JourneySurveyPreview) forced = preview_text (text, &comma);
  JourneySurveyOptions options = { .format = -1 };
  g_autoptr(JourneySurveyTrial) trial = NULL;

  g_assert_cmpint (detected->separator, ==, ';');
  g_assert_cmpuint (detected->header->columns->len, ==, 2);
  journey_survey_preview_propose (detected, map, &options);
  g_assert_null (options.evidence_columns);
  g_assert_cmpstr (options.touchpoint_column, ==, "#1");
  g_assert_cmpstr (options.score_column, ==, "#2");
  g_assert_true (options.has_survey_scale);
  g_assert_cmpint (options.survey_min, ==, 1);
  g_assert_cmpint (options.survey_max, ==, 5);
  trial = journey_survey_preview_try (detected, map, &options);
  g_assert_no_error (trial->error);
  g_assert_cmpuint (trial->n_used, ==, 2);
  journey_survey_options_clear (&options);

  g_assert_cmpint (forced->separator, ==, ',');
  g_assert_cmpuint (forced->header->columns->len, ==, 1);
  g_assert_cmpstr (((JourneySurveyColumn *) g_ptr_array_index (forced->header->columns, 0))->question, ==,
                   "touchpoint;score");
}

/* A fixture: the proposal is what the import takes by itself, and the
 * trial counts what the import counts. */
static void
test_qualtrics (void)
{
  g_autofree char *path = fixture ("qualtrics.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneySurveyOptions detect = { .format = -1 };
  JourneySurveyOptions options = { .format = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneySurveyPreview) preview = journey_survey_preview_new (file, &detect, NULL, &error);
  g_autoptr(JourneySurveyTrial) trial = NULL;
  g_autoptr(JourneySurveyImport) import = journey_survey_import_new (map, &detect);

  g_assert_no_error (error);
  g_assert_cmpint (preview->format, ==, JOURNEY_SURVEY_QUALTRICS);
  g_assert_cmpuint (preview->header->n_header_rows, ==, 3);
  g_assert_cmpuint (g_array_index (preview->lines, guint64, 0), ==, 4);

  journey_survey_preview_propose (preview, map, &options);
  g_assert_cmpstr (options.evidence_columns[0], ==, "#9=website");
  g_assert_cmpstr (options.evidence_columns[1], ==, "#10=checkin");
  g_assert_cmpstr (options.evidence_columns[2], ==, "#11=room");
  g_assert_null (options.evidence_columns[3]);
  g_assert_cmpstr (options.time_column, ==, "#7");  /* RecordedDate */
  g_assert_cmpint (options.survey_min, ==, 1);
  g_assert_cmpint (options.survey_max, ==, 5);

  trial = journey_survey_preview_try (preview, map, &options);
  g_assert_no_error (trial->error);
  g_assert_true (journey_survey_import_read_file (import, file, NULL, &error));
  g_assert_cmpuint (trial->n_used, ==, journey_survey_import_get_n_used (import));
  g_assert_cmpuint (trial->n_skipped, ==, journey_survey_import_get_n_skipped (import));
  g_clear_pointer (&trial, journey_survey_trial_free);

  /* A date keeps the later rows; without a time column, all of them. */
  options.since = g_strdup ("2026-02-10");
  trial = journey_survey_preview_try (preview, map, &options);
  g_assert_cmpuint (trial->n_outside, >, 0);
  g_assert_cmpuint (trial->n_used + trial->n_outside, ==, journey_survey_import_get_n_used (import));
  g_clear_pointer (&trial, journey_survey_trial_free);
  g_free (options.time_column);
  options.time_column = g_strdup ("");
  trial = journey_survey_preview_try (preview, map, &options);
  g_assert_cmpuint (trial->n_outside, ==, 0);
  g_assert_cmpuint (trial->n_used, ==, journey_survey_import_get_n_used (import));
  journey_survey_options_clear (&options);
}

/* A file larger than the sample: only its beginning is read, the last
 * row cut by the sample is not counted. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("touchpoint,score,comment\n");
  g_autofree char *dir = g_dir_make_tmp ("journeys-preview-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneySurveyOptions detect = { .format = -1 };
  JourneySurveyOptions options = { .format = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneySurveyPreview) preview = NULL;
  g_autoptr(JourneySurveyTrial) trial = NULL;
  guint rows = 0;

  while (text->len < 2 * JOURNEY_SURVEY_PREVIEW_BYTES)
    {
      g_string_append_printf (text, "room,%u,\"a comment, with a comma\"\n", 1 + rows % 5);
      rows++;
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  preview = journey_survey_preview_new (file, &detect, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (preview->complete);
  g_assert_cmpuint (preview->rows->len, ==, 2000 - 1);
  journey_survey_preview_propose (preview, map, &options);
  trial = journey_survey_preview_try (preview, map, &options);
  g_assert_no_error (trial->error);
  /* Each row is 33 bytes: the whole ones within the sample. */
  g_assert_cmpuint (trial->n_used, ==, (JOURNEY_SURVEY_PREVIEW_BYTES - 25) / 33);
  g_assert_cmpuint (trial->n_skipped, ==, 0);
  journey_survey_options_clear (&options);

  g_unlink (path);
  g_rmdir (dir);
}

/* Not a CSV file: a clear error, no preview. */
static void
test_not_csv (void)
{
  g_autofree char *path = fixture ("not-csv.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneySurveyOptions detect = { .format = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneySurveyPreview) preview = journey_survey_preview_new (file, &detect, NULL, &error);

  g_assert_null (preview);
  g_assert_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NOT_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey-preview/scale", test_scale);
  g_test_add_func ("/survey-preview/wide-without-names", test_wide_without_names);
  g_test_add_func ("/survey-preview/separator", test_separator);
  g_test_add_func ("/survey-preview/qualtrics", test_qualtrics);
  g_test_add_func ("/survey-preview/large", test_large);
  g_test_add_func ("/survey-preview/not-csv", test_not_csv);

  return g_test_run ();
}
