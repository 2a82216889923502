/* test-evidence.c: survey evidence (SPEC §5, §11): the reader's lines and
 * encodings, every fixture of data/tests/evidence with its exact
 * responses, means, histograms and skipped lines, the hostile files, the
 * mapping's errors.  test-evidence-document.c: the document, following,
 * the command line.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "journey-evidence.h"
#include "journey-format.h"
#include "journey-evidence-test-utils.h"

/* -- The reader ----------------------------------------------------------- */

typedef struct
{
  GPtrArray *rows;  /* "LINE: cell|cell|…" */
} Collected;

static gboolean
collect_row (const JourneySurveyRow *row,
             gpointer                user_data,
             GError                **error)
{
  Collected *collected = user_data;
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_printf (text, "%" G_GUINT64_FORMAT ":", row->line);
  if (row->invalid != NULL)
    g_string_append_printf (text, " !%s", row->invalid);
  else
    for (guint i = 0; i < row->n_cells; i++)
      g_string_append_printf (text, "%s%s", i > 0 ? "|" : " ", row->cells[i]);
  g_ptr_array_add (collected->rows, g_string_free (g_steal_pointer (&text), FALSE));
  return TRUE;
}

/* Reads @bytes in blocks of @block bytes. */
static char *
read_rows (const char            *bytes,
           gsize                  length,
           gsize                  block,
           JourneySurveyEncoding *encoding,
           char                  *separator)
{
  Collected collected = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(JourneySurveyReader) reader = journey_survey_reader_new (JOURNEY_SURVEY_ENCODING_AUTO, 0, collect_row, &collected);
  g_autoptr(GError) error = NULL;

  for (gsize at = 0; at < length; at += block)
    g_assert_true (journey_survey_reader_feed (reader, bytes + at, MIN (block, length - at), &error));
  g_assert_true (journey_survey_reader_finish (reader, &error));
  g_assert_no_error (error);
  if (encoding != NULL)
    *encoding = journey_survey_reader_get_encoding (reader);
  if (separator != NULL)
    *separator = journey_survey_reader_get_separator (reader);
  g_ptr_array_add (collected.rows, NULL);
  {
    g_auto(GStrv) rows = (char **) g_ptr_array_free (collected.rows, FALSE);

    return g_strjoinv ("\n", rows);
  }
}

static void
test_reader_lines (void)
{
  /* CR, LF and CRLF each end a line, inside quotes too; blank lines count. */
  const char text[] = "a,b\r\n\"x\r\ny\",1\r\r\n\"p\rq\",2\nlast,3";
  const char *expected = "1: a|b\n2: x\r\ny|1\n5: p\rq|2\n7: last|3";

  for (gsize block = 1; block <= sizeof text; block++)
    {
      g_autofree char *rows = read_rows (text, sizeof text - 1, block, NULL, NULL);

      g_assert_cmpstr (rows, ==, expected);
    }
}

static void
test_reader_encodings (void)
{
  /* UTF-16LE with a BOM, cut between the bytes of a character and of a
   * surrogate pair. */
  const char utf16[] = "\xff\xfe" "a\0\t\0\xe9\0\n\0" "=\xd8\x00\xde\t\0" "1\0";
  const char cp1252[] = "caf\xe9;\x80\n";
  const char sep[] = "sep=|\nx|y\n";
  JourneySurveyEncoding encoding;
  char separator;

  for (gsize block = 1; block < 6; block++)
    {
      g_autofree char *rows = read_rows (utf16, sizeof utf16 - 1, block, &encoding, &separator);

      g_assert_cmpstr (rows, ==, "1: a|é\n2: 😀|1");
      g_assert_cmpint (encoding, ==, JOURNEY_SURVEY_ENCODING_UTF16LE);
      g_assert_cmpint (separator, ==, '\t');
    }
  {
    g_autofree char *rows = read_rows (cp1252, sizeof cp1252 - 1, 64, &encoding, &separator);

    g_assert_cmpstr (rows, ==, "1: café|€");
    g_assert_cmpint (encoding, ==, JOURNEY_SURVEY_ENCODING_WINDOWS_1252);
    g_assert_cmpint (separator, ==, ';');
  }
  {
    g_autofree char *rows = read_rows (sep, sizeof sep - 1, 3, NULL, &separator);

    g_assert_cmpstr (rows, ==, "2: x|y");
    g_assert_cmpint (separator, ==, '|');
  }
}

/* Invalid UTF-8 after the first 64 KiB: that row is skipped, not the file. */
static void
test_reader_late_invalid (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autofree char *rows = NULL;

  while (text->len < 70000)
    g_string_append (text, "ü,1\n");
  g_string_append (text, "\xff,2\nend,3\n");
  rows = read_rows (text->str, text->len, 4096, NULL, NULL);
  g_assert_true (g_str_has_suffix (rows, "\n14002: !text that is not valid in its encoding\n14003: end|3"));
}

/* -- Fixtures ------------------------------------------------------------- */

typedef struct
{
  const char *touchpoint;
  int         responses;
  double      mean;         /* on the map's scale */
  const char *histogram;    /* on the survey's steps */
} Expected;

static JourneySurveyImport *
import_fixture (JourneyMap                 *map,
                const char                 *name,
                const JourneySurveyOptions *options,
                GError                    **error)
{
  JourneySurveyOptions defaults = { .format = -1 };
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneySurveyImport *import = journey_survey_import_new (map, options != NULL ? options : &defaults);

  journey_survey_import_read_file (import, file, NULL, error);
  return import;
}

static char *
histogram_string (GArray *histogram)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < histogram->len; i++)
    g_string_append_printf (text, "%s%g", i > 0 ? " " : "", g_array_index (histogram, double, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
skipped_lines (JourneySurveyImport *import)
{
  GPtrArray *skipped = journey_survey_import_get_skipped (import);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < skipped->len; i++)
    g_string_append_printf (text, "%s%" G_GUINT64_FORMAT, i > 0 ? " " : "",
                            ((JourneySurveySkip *) g_ptr_array_index (skipped, i))->line);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_import (const char                 *name,
              const JourneySurveyOptions *options,
              JourneySurveyFormat         format,
              JourneySurveyEncoding       encoding,
              char                        separator,
              guint64                     used,
              const char                 *skipped,
              const Expected             *expected,
              guint                       n_expected)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneySurveyImport) import = import_fixture (map, name, options, &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *lines = NULL;
  g_autoptr(JourneyScale) survey = NULL;
  int min, max;

  g_assert_no_error (error);
  g_assert_cmpint (journey_survey_import_get_header (import)->format, ==, format);
  g_assert_cmpint (journey_survey_reader_get_encoding (journey_survey_import_get_reader (import)), ==, encoding);
  g_assert_cmpint (journey_survey_reader_get_separator (journey_survey_import_get_reader (import)), ==, separator);
  g_assert_cmpuint (journey_survey_import_get_n_used (import), ==, used);
  lines = skipped_lines (import);
  g_assert_cmpstr (lines, ==, skipped);

  journey_survey_import_get_scale (import, &min, &max);
  survey = journey_scale_new (min, max, NULL);
  results = journey_survey_import_get_results (import, NULL);
  g_assert_cmpuint (results->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      JourneySurveyResult *result = g_ptr_array_index (results, i);
      g_autofree char *histogram = histogram_string (result->histogram);

      g_assert_cmpstr (result->touchpoint->id, ==, expected[i].touchpoint);
      g_assert_cmpfloat (result->responses, ==, expected[i].responses);
      g_assert_cmpfloat_with_epsilon (journey_evidence_map_value (survey, map->scale, result->sum / result->responses),
                                      expected[i].mean, 1e-9);
      g_assert_cmpstr (histogram, ==, expected[i].histogram);
    }
}

static void
test_qualtrics (void)
{
  /* Lines 1–3 the header; 5 a preview, 6–8 one response with a comment
   * over three lines, 9 spam, 11 a label no scale has. */
  const Expected expected[] = {
    { "website", 3, 4, "0 0 1 1 1" },
    { "checkin", 3, 3, "0 1 1 1 0" },
    { "room", 2, 4.5, "0 0 0 1 1" },
  };

  check_import ("qualtrics.csv", NULL, JOURNEY_SURVEY_QUALTRICS, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                3, "5 9 11", expected, G_N_ELEMENTS (expected));
}

static void
test_qualtrics_nps (void)
{
  char *columns[] = { "QID4=room", NULL };
  JourneySurveyOptions options = { .format = -1, .evidence_columns = columns,
                                   .has_survey_scale = TRUE, .survey_min = 0, .survey_max = 10 };
  /* 10, 7, 6 and 9 of 0–10 on 1–5: 8 → 4.2. */
  const Expected expected[] = { { "room", 4, 4.2, "0 0 0 0 0 0 1 1 0 1 1" } };

  check_import ("qualtrics.csv", &options, JOURNEY_SURVEY_QUALTRICS, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                4, "5 9", expected, G_N_ELEMENTS (expected));
}

static void
test_qualtrics_legacy (void)
{
  const Expected expected[] = {
    { "website", 2, 4, "0 0 1 0 1" },
    { "room", 2, 3, "0 1 0 1 0" },
  };

  check_import ("qualtrics-legacy.csv", NULL, JOURNEY_SURVEY_QUALTRICS_LEGACY, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                2, "4", expected, G_N_ELEMENTS (expected));
}

static void
test_surveymonkey (void)
{
  const Expected expected[] = {
    { "website", 2, 3.5, "0 1 0 0 1" },
    { "checkin", 2, 4.5, "0 0 0 1 1" },
    { "room", 2, 3.5, "0 0 1 1 0" },
  };

  check_import ("surveymonkey.csv", NULL, JOURNEY_SURVEY_SURVEYMONKEY, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                2, "5", expected, G_N_ELEMENTS (expected));
}

static void
test_google_forms (void)
{
  const Expected expected[] = {
    { "website", 3, 11.0 / 3, "0 1 0 1 1" },
    { "room", 3, 4, "0 0 1 1 1" },
  };
  g_autoptr(JourneyProject) project = load_hotel ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneySurveyImport) import = import_fixture (journey_list_peek (project->maps, 0), "google-forms.csv", NULL, &error);
  g_autoptr(GPtrArray) results = NULL;
  JourneySurveyResult *website;
  gint64 newest;

  check_import ("google-forms.csv", NULL, JOURNEY_SURVEY_GOOGLE_FORMS, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                3, "", expected, G_N_ELEMENTS (expected));

  /* 2026/02/05 10:54:08 PM GMT+5:30 is 17:24:08 UTC; two weeks. */
  results = journey_survey_import_get_results (import, &newest);
  website = g_ptr_array_index (results, 0);
  g_assert_cmpint (website->first, ==, 1770312248);
  g_assert_cmpint (newest, ==, 1771227000);
  g_assert_cmpuint (website->weeks->len, ==, 2);
  g_assert_cmpfloat (g_array_index (website->weeks, JourneySurveyWeek, 0).responses, ==, 2);
  g_assert_cmpfloat (g_array_index (website->weeks, JourneySurveyWeek, 1).sum, ==, 5);
}

static void
test_typeform (void)
{
  const Expected expected[] = {
    { "checkin", 3, 3, "1 0 1 0 1" },
    { "room", 2, 3, "0 1 0 1 0" },
  };

  check_import ("typeform.csv", NULL, JOURNEY_SURVEY_TYPEFORM, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                3, "", expected, G_N_ELEMENTS (expected));
}

static void
test_microsoft_forms_german (void)
{
  const Expected expected[] = {
    { "checkin", 3, 10.0 / 3, "0 1 1 0 1" },
    { "room", 3, 3, "0 1 1 1 0" },
  };

  check_import ("microsoft-forms-de.csv", NULL, JOURNEY_SURVEY_MICROSOFT_FORMS, JOURNEY_SURVEY_ENCODING_WINDOWS_1252, ';',
                3, "", expected, G_N_ELEMENTS (expected));
}

static void
test_excel_unicode (void)
{
  const Expected expected[] = {
    { "website", 1, 5, "0 0 0 0 1" },
    { "room", 2, 3, "0 1 0 1 0" },
  };

  check_import ("excel-unicode.txt", NULL, JOURNEY_SURVEY_PLAIN, JOURNEY_SURVEY_ENCODING_UTF16LE, '\t',
                3, "5", expected, G_N_ELEMENTS (expected));
}

static void
test_warehouse (void)
{
  JourneySurveyOptions options = { .format = -1, .time_column = "day", .count_column = "responses" };
  const Expected expected[] = {
    { "website", 250, 4.12, "0 0 50 120 80" },
    { "checkin", 10, 2, "0 10 0 0 0" },
  };

  check_import ("warehouse.csv", &options, JOURNEY_SURVEY_PLAIN, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                5, "6", expected, G_N_ELEMENTS (expected));
}

static void
test_warehouse_last_days (void)
{
  /* The 7 days up to the newest response (2026-02-09): 2026-02-03 on. */
  JourneySurveyOptions options = { .format = -1, .time_column = "day", .count_column = "responses", .last_days = 7 };
  const Expected expected[] = {
    { "website", 50, 3, "0 0 50 0 0" },
    { "checkin", 10, 2, "0 10 0 0 0" },
  };

  check_import ("warehouse.csv", &options, JOURNEY_SURVEY_PLAIN, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                5, "6", expected, G_N_ELEMENTS (expected));
}

static void
test_long_sep (void)
{
  const Expected expected[] = {
    { "website", 1, 4, "0 0 0 1 0" },
    { "room", 1, 5, "0 0 0 0 1" },
  };

  check_import ("long-sep.csv", NULL, JOURNEY_SURVEY_PLAIN, JOURNEY_SURVEY_ENCODING_UTF8, ';',
                2, "5", expected, G_N_ELEMENTS (expected));
}

/* -- Hostile files -------------------------------------------------------- */

static void
test_hostile_rows (void)
{
  const Expected invalid[] = { { "website", 1, 4, "0 0 0 1 0" }, { "room", 1, 5, "0 0 0 0 1" } };
  const Expected nul[] = { { "website", 1, 4, "0 0 0 1 0" }, { "room", 1, 3, "0 0 1 0 0" } };
  const Expected formula[] = { { "website", 1, 5, "0 0 0 0 1" }, { "room", 1, 1, "1 0 0 0 0" } };

  /* Not UTF-8: read as Windows-1252, the rows that make no sense skipped. */
  check_import ("invalid-utf8.csv", NULL, JOURNEY_SURVEY_PLAIN, JOURNEY_SURVEY_ENCODING_WINDOWS_1252, ',',
                2, "3 4", invalid, G_N_ELEMENTS (invalid));
  check_import ("nul-bytes.csv", NULL, JOURNEY_SURVEY_PLAIN, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                2, "3", nul, G_N_ELEMENTS (nul));
  check_import ("formula.csv", NULL, JOURNEY_SURVEY_PLAIN, JOURNEY_SURVEY_ENCODING_UTF8, ',',
                2, "", formula, G_N_ELEMENTS (formula));
}

static void
test_hostile_files (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JourneySurveyImport) import = import_fixture (map, "not-csv.png", NULL, &error);

    g_assert_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NOT_TEXT);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JourneySurveyImport) import = import_fixture (map, "open-quote.csv", NULL, &error);
    g_autofree char *lines = skipped_lines (import);

    g_assert_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NO_ROWS);
    g_assert_cmpstr (lines, ==, "2");
  }
  /* An empty file (found by the fuzzer): no header, no crash. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JourneySurveyImport) import = import_fixture (map, "empty.csv", NULL, &error);

    g_assert_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_NO_HEADER);
  }
  /* A 10 MB cell: refused at 1 MiB, naming the line it begins on. */
  {
    JourneySurveyOptions options = { .format = -1 };
    g_autoptr(JourneySurveyImport) import = journey_survey_import_new (map, &options);
    g_autoptr(GError) error = NULL;
    g_autofree char *cell = g_malloc (1024 * 1024);
    gboolean ok = TRUE;

    memset (cell, 'x', 1024 * 1024);
    ok = journey_survey_import_feed (import, "touchpoint,score\nroom,4\nroom,\"", 30, &error);
    for (guint i = 0; ok && i < 10; i++)
      ok = journey_survey_import_feed (import, cell, 1024 * 1024, &error);
    g_assert_false (ok);
    g_assert_error (error, JOURNEY_SURVEY_ERROR, JOURNEY_SURVEY_ERROR_TOO_LONG);
    g_assert_nonnull (strstr (error->message, "line 3"));
  }
}

static void
test_mapping_errors (void)
{
  g_autoptr(JourneyProject) project = load_hotel ();
  JourneyMap *map = journey_list_peek (project->maps, 0);
  char *ambiguous[] = { "How satisfied were you with each part of your stay?=room", NULL };
  char *unknown[] = { "Q1=lobby", NULL };
  struct { const char *file; char **columns; const char *message; } cases[] = {
    { "surveymonkey.csv", ambiguous, "names several columns: #10" },
    { "qualtrics.csv", unknown, "no touchpoint “lobby”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JourneySurveyOptions options = { .format = -1, .evidence_columns = cases[i].columns };
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneySurveyImport) import = import_fixture (map, cases[i].file, &options, &error);

      g_assert_error (error, JOURNEY_SURVEY_MAPPING_ERROR, 0);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/reader/lines", test_reader_lines);
  g_test_add_func ("/evidence/reader/encodings", test_reader_encodings);
  g_test_add_func ("/evidence/reader/late-invalid", test_reader_late_invalid);
  g_test_add_func ("/evidence/format/qualtrics", test_qualtrics);
  g_test_add_func ("/evidence/format/qualtrics-nps", test_qualtrics_nps);
  g_test_add_func ("/evidence/format/qualtrics-legacy", test_qualtrics_legacy);
  g_test_add_func ("/evidence/format/surveymonkey", test_surveymonkey);
  g_test_add_func ("/evidence/format/google-forms", test_google_forms);
  g_test_add_func ("/evidence/format/typeform", test_typeform);
  g_test_add_func ("/evidence/format/microsoft-forms-german", test_microsoft_forms_german);
  g_test_add_func ("/evidence/format/excel-unicode", test_excel_unicode);
  g_test_add_func ("/evidence/format/warehouse", test_warehouse);
  g_test_add_func ("/evidence/format/warehouse-last-days", test_warehouse_last_days);
  g_test_add_func ("/evidence/format/long-sep", test_long_sep);
  g_test_add_func ("/evidence/hostile/rows", test_hostile_rows);
  g_test_add_func ("/evidence/hostile/files", test_hostile_files);
  g_test_add_func ("/evidence/mapping-errors", test_mapping_errors);

  return g_test_run ();
}
