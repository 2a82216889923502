/* test-mermaid-cli.c: Mermaid journeys on the command line (SPEC §5,
 * issue 19): `--export OUT.mmd FILE`, `--export OUT.md FILE` and
 * `--export OUT.journey IN.mmd`, run as a subprocess without a display.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sys/wait.h>

#include "journey-test-utils.h"

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A Mermaid diagram in, a project out; the guesses on stderr. */
static void
test_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mermaid-cli-XXXXXX", NULL);
  g_autofree char *in = write_temp (dir, "day.mmd",
                                    "journey\n  title Day\n  section A\n    Tea: 5: Me\n    Work: x: Me, Cat\n");
  g_autofree char *out = g_build_filename (dir, "day.journey", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: line 5, column 10: ", in);
  const char *args[] = { "--export", out, in, NULL };
  g_auto(TestRun) run = { 0 };
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(JourneyProject) project = NULL;
  JourneyMap *map;

  test_run_journeys_argv (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_nonnull (strstr (run.err, "“x”"));

  project = journey_format_read_file (file, NULL, NULL);
  g_assert_nonnull (project);
  map = journey_list_peek (project->maps, 0);
  g_assert_cmpstr (map->title, ==, "Day");
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 2);
  g_assert_cmpuint (journey_list_get_length (map->lanes), ==, 2);

  g_unlink (out);
  g_unlink (in);
  g_rmdir (dir);
}

/* What Mermaid refuses: exit 1, the place on stderr, no output file. */
static void
test_import_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mermaid-cli-XXXXXX", NULL);
  g_autofree char *in = write_temp (dir, "notes.md",
                                    "# Notes\n\n```mermaid\njourney\n  section A\n    no colon here\n```\n");
  g_autofree char *out = g_build_filename (dir, "notes.journey", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: line 6, column 18: ", in);
  const char *args[] = { "--export", out, in, NULL };
  g_auto(TestRun) run = { 0 };

  test_run_journeys_argv (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_unlink (in);
  g_rmdir (dir);
}

/* A map out as .mmd and .md; altered names on stderr; --map. */
static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mermaid-cli-XXXXXX", NULL);
  g_autofree char *project_text = NULL;
  g_autofree char *in = NULL;
  g_autofree char *mmd = g_build_filename (dir, "stay.mmd", NULL);
  g_autofree char *md = g_build_filename (dir, "stay.MD", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_auto(TestRun) plain = { 0 };
  g_auto(TestRun) fenced = { 0 };
  g_auto(TestRun) notes = { 0 };
  g_auto(TestRun) missing = { 0 };
  const char *plain_args[] = { "--export", mmd, NULL, "--map", "stay", NULL };
  const char *fenced_args[] = { "--export", md, NULL, NULL };
  const char *notes_args[] = { "--export", mmd, NULL, "--notes", "on", NULL };
  const char *missing_args[] = { "--export", mmd, NULL, "--map", "nope", NULL };
  GString *edited = g_string_new (TEST_PROJECT);

  g_string_replace (edited, "\"Checks in\"", "\"Checks in: late\"", 1);
  project_text = g_string_free (edited, FALSE);
  in = write_temp (dir, "hotel.journey", project_text);
  plain_args[2] = fenced_args[2] = notes_args[2] = missing_args[2] = in;

  test_run_journeys_argv (&plain, plain_args);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_true (g_file_get_contents (mmd, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Weekend stay\n"
                   "  section Book\n"
                   "    Visits the website: 4: Guest\n"
                   "  section Stay\n"
                   "    Checks in∶ late: 2: Staff\n");
  expected = g_strdup_printf ("%s: maps[0].touchpoints[2].title: ", mmd);
  g_assert_nonnull (strstr (plain.err, expected));

  test_run_journeys_argv (&fenced, fenced_args);
  g_assert_cmpint (fenced.status, ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Weekend stay\n\n```mermaid\njourney\n"));

  test_run_journeys_argv (&notes, notes_args);
  g_assert_cmpint (notes.status, ==, 2);
  test_run_journeys_argv (&missing, missing_args);
  g_assert_cmpint (missing.status, ==, 1);

  g_unlink (mmd);
  g_unlink (md);
  g_unlink (in);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid-cli/import", test_import);
  g_test_add_func ("/mermaid-cli/import-refused", test_import_refused);
  g_test_add_func ("/mermaid-cli/export", test_export);

  return g_test_run ();
}
