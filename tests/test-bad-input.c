/* test-bad-input.c: every class of bad input of SPEC §7 is refused with a
 * clear error that names the place; none crashes, hangs or leaks.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <unistd.h>

#include "journey-test-utils.h"

/* A valid project with one touchpoint; "%s" is spliced into the touchpoint. */
#define ONE_TOUCHPOINT(extra) \
  "{ \"format\": \"journeys\", \"version\": 1, \"channels\": [ { \"id\": \"web\" } ]," \
  "  \"maps\": [ { \"id\": \"m\", \"title\": \"M\"," \
  "  \"stages\": [ { \"id\": \"s\", \"length\": 9 } ], \"lanes\": [ { \"id\": \"l\" } ]," \
  "  \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": 1" extra " } ] } ] }"

#define VALID_MAPS \
  "\"maps\": [ { \"id\": \"m\", \"title\": \"M\", \"stages\": [ { \"id\": \"s\" } ]," \
  " \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ]"

static GPtrArray *
read_bad_with_length (const char *text,
                      gsize       length,
                      GQuark      domain,
                      int         code)
{
  GPtrArray *problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = journey_format_read_data (text, length, problems, &error);

  g_assert_null (project);
  g_assert_error (error, domain, code);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      JourneyProblem *p = g_ptr_array_index (problems, i);
      g_assert_nonnull (p->message);
      g_assert_cmpstr (p->message, !=, "");
      g_test_message ("%s: %s", p->path, p->message);
    }
  return problems;
}

static GPtrArray *
read_bad (const char *text)
{
  return read_bad_with_length (text, strlen (text), JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
}

static void
assert_only_problem (const char *text,
                     const char *path,
                     const char *fragment)
{
  g_autoptr(GPtrArray) problems = read_bad (text);

  if (!test_has_problem (problems, path, fragment))
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("got %s: %s\n", ((JourneyProblem *) problems->pdata[i])->path,
                    ((JourneyProblem *) problems->pdata[i])->message);
      g_error ("expected a problem at “%s” saying “%s”", path, fragment);
    }
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_malformed_json (void)
{
  assert_only_problem ("{ \"format\": \"journeys\",\n  \"version\": 1,\n  \"maps\": [ }", "line 3, column 13", "expected");
  assert_only_problem ("{ \"format\": 'journeys' }", "line 1, column 13", "expected a value");
  assert_only_problem ("{ \"format\": \"journeys\" } trailing", "line 1, column 26", "end of the text");
  assert_only_problem ("{ \"format\": \"journeys\",\n  \"maps\": [ 1, ] }", "line 2, column 16", "expected a value");
}

static void
test_empty_and_top_level (void)
{
  assert_only_problem ("", "", "empty");
  assert_only_problem (" \n\t ", "", "empty");
  assert_only_problem ("[ 1, 2 ]", "", "not an array");
  assert_only_problem ("\"journeys\"", "", "not a string");
  assert_only_problem ("42", "", "not a number");
  assert_only_problem ("null", "", "null");
  /* Empty containers (a UBSan report in the JSON reader once). */
  assert_only_problem ("[]", "", "not an array");
  {
    g_autoptr(GPtrArray) problems = read_bad ("{}");
    g_assert_true (test_has_problem (problems, "format", "required"));
  }
  {
    g_autoptr(GPtrArray) problems = read_bad ("{\"maps\":[]}");
    g_assert_true (test_has_problem (problems, "format", "required"));
  }
  assert_only_problem ("{ \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\", \"stages\": [ { \"id\": \"s\" } ],"
                       " \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }", "format", "required");
}

static void
test_wrong_types (void)
{
  assert_only_problem (ONE_TOUCHPOINT (", \"satisfaction\": \"high\""),
                       "maps[0].touchpoints[0].satisfaction", "must be a number, not a string");
  assert_only_problem (ONE_TOUCHPOINT (", \"pain_points\": \"slow\""),
                       "maps[0].touchpoints[0].pain_points", "array of strings");
  assert_only_problem (ONE_TOUCHPOINT (", \"pain_points\": [ \"slow\", 3 ]"),
                       "maps[0].touchpoints[0].pain_points[1]", "must be a string, not a number");
  assert_only_problem (ONE_TOUCHPOINT (", \"votes\": 2.5"),
                       "maps[0].touchpoints[0].votes", "whole number");
  assert_only_problem (ONE_TOUCHPOINT (", \"votes\": -1"),
                       "maps[0].touchpoints[0].votes", "negative");
  assert_only_problem (ONE_TOUCHPOINT (", \"weight\": \"heavy\""),
                       "maps[0].touchpoints[0].weight", "“major”");
  assert_only_problem (ONE_TOUCHPOINT (", \"actions\": [ { \"text\": \"x\", \"status\": \"blocked\" } ]"),
                       "maps[0].touchpoints[0].actions[0].status", "“doing”");
  assert_only_problem (ONE_TOUCHPOINT (", \"actions\": [ \"call them\" ]"),
                       "maps[0].touchpoints[0].actions[0]", "must be an object, not a string");
  assert_only_problem (ONE_TOUCHPOINT (", \"evidence\": [ ]"),
                       "maps[0].touchpoints[0].evidence", "must be an object, not an array");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": \"1\", " VALID_MAPS " }",
                       "version", "whole number");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": { } }",
                       "maps", "must be an array, not an object");
  assert_only_problem ("{ \"format\": \"json\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "format", "“journeys”");
}

static void
test_missing_fields (void)
{
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\" } ] } ] }",
                       "maps[0].touchpoints[0].time", "required");
  assert_only_problem ("{ \"format\": \"journeys\", \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "version", "required");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ ] }", "maps", "at least one");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "maps[0].stages", "at least one");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "maps[0].id", "empty");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ] } ] }",
                       "maps[0].touchpoints", "required");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": null,"
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "maps[0].title", "required");
}

static void
test_dangling_references (void)
{
  assert_only_problem (ONE_TOUCHPOINT (", \"channel\": \"phone\""),
                       "maps[0].touchpoints[0].channel", "“phone”");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"persona\": \"ghost\", \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [] } ] }",
                       "maps[0].persona", "“ghost”");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"L\", \"time\": 0 } ] } ] }",
                       "maps[0].touchpoints[0].lane", "“L”");
}

static void
test_duplicate_ids (void)
{
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": 0 },"
                       "                    { \"id\": \"t\", \"title\": \"U\", \"lane\": \"l\", \"time\": 1 } ] } ] }",
                       "maps[0].touchpoints[1].id", "maps[0].touchpoints[0]");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" }, { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [] } ] }",
                       "maps[0].stages[1].id", "“s”");
  /* The same id in different kinds, or in different maps, is fine. */
  {
    g_autoptr(JourneyProject) project =
      test_load_string ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": ["
                        " { \"id\": \"a\", \"title\": \"A\", \"stages\": [ { \"id\": \"x\" } ], \"lanes\": [ { \"id\": \"x\" } ],"
                        "   \"touchpoints\": [ { \"id\": \"x\", \"title\": \"T\", \"lane\": \"x\", \"time\": 0 } ] },"
                        " { \"id\": \"b\", \"title\": \"B\", \"stages\": [ { \"id\": \"x\" } ], \"lanes\": [ { \"id\": \"x\" } ],"
                        "   \"touchpoints\": [ { \"id\": \"x\", \"title\": \"T\", \"lane\": \"x\", \"time\": 0 } ] } ] }");
    g_assert_cmpuint (journey_list_get_length (project->maps), ==, 2);
  }
}

static void
test_numbers (void)
{
  assert_only_problem (ONE_TOUCHPOINT (", \"satisfaction\": NaN"), "line 1, column 266", "expected a value, not “N”");
  assert_only_problem (ONE_TOUCHPOINT (", \"satisfaction\": 1e999"),
                       "maps[0].touchpoints[0].satisfaction", "finite");
  assert_only_problem (ONE_TOUCHPOINT (", \"target\": -1e999"),
                       "maps[0].touchpoints[0].target", "finite");
  assert_only_problem (ONE_TOUCHPOINT (", \"votes\": 99999999999999999999"), "maps[0].touchpoints[0].votes", "too large");
  assert_only_problem (ONE_TOUCHPOINT (", \"votes\": 0x10"), "line 1, column 260", "expected “,” or “}”, not “x”");
  assert_only_problem (ONE_TOUCHPOINT (", \"votes\": 01"), "line 1, column 259", "start with 0");
  assert_only_problem (ONE_TOUCHPOINT (", \"votes\": 1e300"), "maps[0].touchpoints[0].votes", "too large");
  assert_only_problem (ONE_TOUCHPOINT (", \"votes\": 3000000000"), "maps[0].touchpoints[0].votes", "too large");
  assert_only_problem (ONE_TOUCHPOINT (", \"satisfaction\": 5.5"),
                       "maps[0].touchpoints[0].satisfaction", "between 1 and 5");
  assert_only_problem (ONE_TOUCHPOINT (", \"target\": 0"), "maps[0].touchpoints[0].target", "between 1 and 5");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\", \"length\": 2 } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": 3 } ] } ] }",
                       "maps[0].touchpoints[0].time", "between 0 and 2");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\", \"length\": 9 } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": -0.5 } ] } ] }",
                       "maps[0].touchpoints[0].time", "between 0 and 9");
  /* A key given twice is refused rather than one of its values dropped. */
  assert_only_problem (ONE_TOUCHPOINT (", \"time\": 2"), "maps[0].touchpoints[0].time", "twice");
  assert_only_problem (ONE_TOUCHPOINT (", \"x-mine\": 1, \"x-mine\": 2"), "maps[0].touchpoints[0].x-mine", "twice");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\", \"length\": 0 } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [] } ] }",
                       "maps[0].stages[0].length", "greater than 0");
}

static void
test_scale_rules (void)
{
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"scale\": { \"min\": 5, \"max\": 5 },"
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "maps[0].scale.min", "less than max");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"scale\": { \"min\": 0, \"max\": 100 },"
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "maps[0].scale", "at most 11");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"scale\": { \"min\": 1, \"max\": 3, \"labels\": [ \"bad\", \"good\" ] },"
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "maps[0].scale.labels", "3 steps");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"scale\": { \"min\": 1.5, \"max\": 3 },"
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "maps[0].scale.min", "whole number");
  assert_only_problem (ONE_TOUCHPOINT (", \"evidence\": { \"mean\": 3, \"histogram\": [ 1, 2, 3 ] }"),
                       "maps[0].touchpoints[0].evidence.histogram", "5 steps");
  assert_only_problem (ONE_TOUCHPOINT (", \"evidence\": { \"mean\": 7 }"),
                       "maps[0].touchpoints[0].evidence.mean", "between 1 and 5");
  assert_only_problem (ONE_TOUCHPOINT (", \"evidence\": { \"mean\": 3, \"histogram\": [ 1, 2, -3, 0, 0 ] }"),
                       "maps[0].touchpoints[0].evidence.histogram[2]", "negative");
  assert_only_problem (ONE_TOUCHPOINT (", \"evidence\": { \"mean\": 3, \"updated\": \"yesterday\" }"),
                       "maps[0].touchpoints[0].evidence.updated", "ISO 8601");
}

static void
test_colours (void)
{
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\", \"color\": \"blue\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
                       " \"touchpoints\": [] } ] }",
                       "maps[0].stages[0].color", "#rrggbb");
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\", \"color\": \"#12345g\" } ],"
                       " \"touchpoints\": [] } ] }",
                       "maps[0].lanes[0].color", "#rrggbb");
}

static void
test_invalid_utf8 (void)
{
  assert_only_problem ("{ \"format\": \"journeys\",\n \"title\": \"caf\xe9\" }", "line 2, column 15", "UTF-8");
  /* A NUL byte inside the text. */
  {
    static const char text[] = "{ \"format\": \"jour\0neys\" }";
    g_autoptr(GPtrArray) problems = read_bad_with_length (text, sizeof text - 1,
                                                          JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
    g_assert_true (test_has_problem (problems, "line 1, column 18", "UTF-8"));
  }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"journeys\", \"version\": 1, \"x\": ");
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  problems = read_bad (text->str);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (test_has_problem (problems, "line 1, column 107", "nested deeper than 64"));

  /* Nesting that is deep but allowed, inside an unknown key, is kept. */
  g_string_assign (text, "{ \"format\": \"journeys\", \"version\": 1, \"x\": ");
  for (guint i = 0; i < 60; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 60; i++)
    g_string_append_c (text, ']');
  g_string_append (text, ", \"maps\": [ { \"id\": \"m\", \"title\": \"M\", \"stages\": [ { \"id\": \"s\" } ],"
                         " \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }");
  {
    g_autoptr(JourneyProject) project = test_load_string (text->str);
    g_assert_nonnull (journey_item_get_extra (JOURNEY_ITEM (project)));
  }
}

static void
test_future_version (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 2, \"maps\": [ { \"hologram\": true } ] }";
  g_autoptr(GPtrArray) problems = read_bad_with_length (text, strlen (text),
                                                        JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_VERSION);

  /* Refused as a whole: the maps of version 2 are not half-read. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (test_has_problem (problems, "version", "newer"));
  assert_only_problem ("{ \"format\": \"journeys\", \"version\": 0, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
                       " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ], \"touchpoints\": [] } ] }",
                       "version", "must be 1");
}

static void
test_huge_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(JourneyProject) project = NULL;
  int fd;

  /* A sparse file larger than the limit: refused before it is read. */
  fd = g_file_open_tmp ("journeys-huge-XXXXXX.journey", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) JOURNEY_FORMAT_MAX_SIZE + 1), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  project = journey_format_read_file (file, problems, &error);
  g_assert_null (project);
  g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_TOO_LARGE);
  g_assert_true (test_has_problem (problems, "", "larger than 512 MiB"));
  g_remove (path);
}

/* The size that stat reports is not trusted: a device (size 0, endless) is
 * refused unread, and a regular file that claims 0 bytes (procfs) is read
 * all the same. */
static void
test_special_files (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) proc = g_file_new_for_path ("/proc/self/status");
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) a = NULL;
  g_autoptr(JourneyProject) b = NULL;

  a = journey_format_read_file (zero, problems, &error);
  g_assert_null (a);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "It is a device, not a file");
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_error (&error);

  if (!g_file_query_exists (proc, NULL))
    return;
  b = journey_format_read_file (proc, problems, &error);
  g_assert_null (b);
  g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
  /* Read, so the JSON is wrong at its first character; not "empty". */
  g_assert_true (test_has_problem (problems, "line 1, column 1", "expected"));
}

/* Every prefix of a valid file, and many files with a byte changed: each
 * is read or refused, never a crash. */
static void
test_truncations_and_mutations (void)
{
  const char *text = TEST_PROJECT;
  gsize length = strlen (text);
  GRand *rand = g_rand_new_with_seed (20261123);
  g_autoptr(JourneyProject) valid = test_load_string (text);
  g_autofree char *original = journey_format_write_data (valid, NULL);
  guint read = 0, refused = 0;

  for (gsize cut = 0; cut < length - 2; cut++)
    {
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(JourneyProject) project = journey_format_read_data (text, cut, problems, NULL);

      g_assert_null (project);
      g_assert_cmpuint (problems->len, >, 0);
    }

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *copy = g_strdup (text);
      g_autoptr(GPtrArray) problems = test_problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneyProject) project = NULL;
      gsize at = g_rand_int_range (rand, 0, (gint32) length);

      copy[at] = (char) g_rand_int_range (rand, 1, 256);
      project = journey_format_read_data (copy, length, problems, &error);
      g_assert_true ((project == NULL) == (problems->len > 0));
      if (project == NULL)
        {
          /* Refused: an error of the format, and each problem says what
           * is wrong. */
          g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
          for (guint p = 0; p < problems->len; p++)
            {
              JourneyProblem *problem = g_ptr_array_index (problems, p);

              g_assert_nonnull (problem->path);
              g_assert_nonnull (problem->message);
              g_assert_cmpstr (problem->message, !=, "");
            }
          refused++;
        }
      else
        {
          g_autoptr(GPtrArray) checked = test_problems_new ();
          g_autoptr(GPtrArray) again_problems = test_problems_new ();
          g_autoptr(JourneyProject) again = NULL;
          g_autofree char *written = NULL;
          g_autofree char *rewritten = NULL;
          gsize written_length;

          /* Read: it keeps every rule, and it is written and read back
           * unchanged. */
          g_assert_no_error (error);
          g_assert_true (journey_project_check (project, checked));
          g_assert_cmpuint (checked->len, ==, 0);
          written = journey_format_write_data (project, &written_length);
          again = journey_format_read_data (written, written_length, again_problems, NULL);
          g_assert_nonnull (again);
          rewritten = journey_format_write_data (again, NULL);
          g_assert_cmpstr (rewritten, ==, written);
          if (g_str_equal (copy, text))
            g_assert_cmpstr (written, ==, original);
          read++;
        }
    }

  /* Both ways were taken, many times. */
  g_assert_cmpuint (read, >, 100);
  g_assert_cmpuint (refused, >, 100);
  g_rand_free (rand);
}

/* The files that the JSON Schema check refuses, one broken rule each, are
 * refused by the loader too, with a problem; the valid ones load. */
static void
test_schema_cases (void)
{
  const char *root = g_getenv ("JOURNEYS_TEST_FILES_DIR");
  const char *kinds[] = { "invalid", "valid" };
  guint counts[2] = { 0, 0 };

  g_assert_nonnull (root);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir_path = g_build_filename (root, kinds[k], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GPtrArray) problems = test_problems_new ();
          g_autoptr(GError) error = NULL;
          g_autoptr(JourneyProject) project = journey_format_read_file (file, problems, &error);

          g_test_message ("%s/%s: %s", kinds[k], name, error ? error->message : "loads");
          if (k == 0)
            {
              g_assert_null (project);
              g_assert_nonnull (error);
              g_assert_cmpuint (problems->len, >, 0);
            }
          else
            {
              g_assert_no_error (error);
              g_assert_nonnull (project);
            }
          counts[k]++;
        }
    }

  g_assert_cmpuint (counts[0], >=, 30);
  g_assert_cmpuint (counts[1], >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bad-input/malformed-json", test_malformed_json);
  g_test_add_func ("/bad-input/empty-and-top-level", test_empty_and_top_level);
  g_test_add_func ("/bad-input/wrong-types", test_wrong_types);
  g_test_add_func ("/bad-input/missing-fields", test_missing_fields);
  g_test_add_func ("/bad-input/dangling-references", test_dangling_references);
  g_test_add_func ("/bad-input/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/bad-input/numbers", test_numbers);
  g_test_add_func ("/bad-input/scale", test_scale_rules);
  g_test_add_func ("/bad-input/colours", test_colours);
  g_test_add_func ("/bad-input/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bad-input/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bad-input/future-version", test_future_version);
  g_test_add_func ("/bad-input/huge-file", test_huge_file);
  g_test_add_func ("/bad-input/special-files", test_special_files);
  g_test_add_func ("/bad-input/truncations-and-mutations", test_truncations_and_mutations);
  g_test_add_func ("/bad-input/schema-cases", test_schema_cases);

  return g_test_run ();
}
