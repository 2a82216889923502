/* test-cli.c: the command line of SPEC §5, run as a subprocess without a
 * display: --version and --help, --validate, usage errors, --export to
 * every format, CSV flavours and --notes.  Hostile sources and outputs
 * (SPEC §7) are in test-cli-hostile.c.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include "journey-cli-test-utils.h"
#include "journey-test-utils.h"

static void
test_version_and_help (void)
{
  g_auto(TestRun) version = { 0 };
  g_auto(TestRun) help = { 0 };

  test_run_journeys (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "journeys "));

  test_run_journeys (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--validate=FILE"));
  g_assert_nonnull (strstr (help.out, "--export=OUT"));
  g_assert_nonnull (strstr (help.out, "--map=ID"));
  g_assert_nonnull (strstr (help.out, "--csv=FLAVOUR"));
  g_assert_nonnull (strstr (help.out, "--notes=on|off"));
  g_assert_nonnull (strstr (help.out, "jira"));
  g_assert_nonnull (strstr (help.out, "rally"));
}

static void
test_validate (void)
{
  g_autofree char *good = test_tmpfile_new ("good.journey", TEST_PROJECT);
  g_autofree char *bad = NULL;
  g_autofree char *text = g_strdup (TEST_PROJECT);
  g_auto(TestRun) ok = { 0 };
  g_auto(TestRun) invalid = { 0 };
  g_auto(TestRun) missing = { 0 };
  char *at;

  test_run_journeys (&ok, "--validate", good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "valid"));
  g_assert_cmpstr (ok.err, ==, "");

  /* Move "invoice" to time 9, outside the 5 units of the map's timeline. */
  at = strstr (text, "\"time\": 4.5");
  g_assert_nonnull (at);
  memcpy (at, "\"time\": 9.5", 11);
  bad = test_tmpfile_new ("bad.journey", text);
  test_run_journeys (&invalid, "--validate", bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_true (g_str_has_prefix (invalid.err, bad));
  g_assert_nonnull (strstr (invalid.err, ": maps[0].touchpoints[1].time: must be a number between 0 and 5"));
  g_assert_cmpstr (invalid.out, ==, "");

  test_run_journeys (&missing, "--validate", "/nonexistent/x.journey", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "/nonexistent/x.journey: "));

  remove_temp (good);
  remove_temp (bad);
}

/* SPEC §5: --validate FILE… checks every file, each line naming its file;
 * exit 1 when any is invalid, 0 when all are valid. */
static void
test_validate_several (void)
{
  g_autofree char *good = test_tmpfile_new ("good.journey", TEST_PROJECT);
  g_autofree char *other = test_tmpfile_new ("other.journey", TEST_PROJECT);
  g_autofree char *bad = NULL;
  g_autofree char *text = g_strdup (TEST_PROJECT);
  g_auto(TestRun) all_good = { 0 };
  g_auto(TestRun) one_bad = { 0 };
  g_auto(TestRun) bad_first = { 0 };
  g_auto(TestRun) no_file = { 0 };
  g_auto(GStrv) lines = NULL;
  char *at;

  test_run_journeys (&all_good, "--validate", good, other, NULL);
  g_assert_cmpint (all_good.status, ==, 0);
  g_assert_cmpstr (all_good.err, ==, "");
  lines = g_strsplit (all_good.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], good));
  g_assert_true (g_str_has_prefix (lines[1], other));
  g_assert_cmpstr (lines[2], ==, "");
  g_clear_pointer (&lines, g_strfreev);

  at = strstr (text, "\"time\": 4.5");
  g_assert_nonnull (at);
  memcpy (at, "\"time\": 9.5", 11);
  bad = test_tmpfile_new ("bad.journey", text);

  /* An invalid file in the middle: the files after it are checked too. */
  test_run_journeys (&one_bad, "--validate", good, bad, "/nonexistent/x.journey", other, NULL);
  g_assert_cmpint (one_bad.status, ==, 1);
  lines = g_strsplit (one_bad.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], good));
  g_assert_true (g_str_has_prefix (lines[1], other));
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (one_bad.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  for (guint i = 0; lines[i + 1] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], bad) ||
                   g_str_has_prefix (lines[i], "/nonexistent/x.journey: "));
  g_assert_nonnull (strstr (one_bad.err, ": maps[0].touchpoints[1].time: must be a number between 0 and 5"));
  g_assert_nonnull (strstr (one_bad.err, "/nonexistent/x.journey: "));

  /* The first file invalid, the last valid: still 1. */
  test_run_journeys (&bad_first, "--validate", bad, good, NULL);
  g_assert_cmpint (bad_first.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_first.out, good));

  test_run_journeys (&no_file, "--validate", NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  remove_temp (good);
  remove_temp (other);
  remove_temp (bad);
}

static void
test_usage_errors (void)
{
  g_auto(TestRun) unknown = { 0 };
  g_auto(TestRun) no_file = { 0 };
  g_auto(TestRun) both = { 0 };
  g_auto(TestRun) format = { 0 };
  g_auto(TestRun) scale = { 0 };

  test_run_journeys (&unknown, "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));

  test_run_journeys (&no_file, "--export", "out.svg", NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  test_run_journeys (&both, "--validate", "a.journey", "--export", "b.svg", "a.journey", NULL);
  g_assert_cmpint (both.status, ==, 2);

  test_run_journeys (&format, "--export", "out.docx", "in.journey", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "out.docx"));

  test_run_journeys (&scale, "--export", "out.png", "in.journey", "--scale", "-1", NULL);
  g_assert_cmpint (scale.status, ==, 2);
}

static void
test_export_journey (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *out = g_build_filename (dir, "out.journey", NULL);
  g_autofree char *again = g_build_filename (dir, "again.journey", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(TestRun) run1 = { 0 };
  g_auto(TestRun) run2 = { 0 };
  g_auto(TestRun) bad_map = { 0 };
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autofree char *expected = journey_format_write_data (project, NULL);

  test_run_journeys (&run1, "--export", out, in, NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &first, NULL, NULL));
  /* Saved exactly as the app saves it. */
  g_assert_cmpstr (first, ==, expected);

  test_run_journeys (&run2, "--export", again, out, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  test_run_journeys (&bad_map, "--export", out, in, "--map", "nope", NULL);
  g_assert_cmpint (bad_map.status, ==, 1);
  g_assert_nonnull (strstr (bad_map.err, "nope"));

  remove_temp (in);
}

static void
test_export_never_leaves_partial_output (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ ");
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *out = g_build_filename (dir, "out.journey", NULL);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "no-such-folder", "out.journey", NULL);
  g_autofree char *good = g_build_filename (dir, "good.journey", NULL);
  g_auto(TestRun) broken = { 0 };
  g_auto(TestRun) broken_svg = { 0 };
  g_auto(TestRun) nowhere = { 0 };

  test_run_journeys (&broken, "--export", out, in, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "in.journey: line 1, column"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  test_run_journeys (&broken_svg, "--export", svg, in, NULL);
  g_assert_cmpint (broken_svg.status, ==, 1);
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (good, TEST_PROJECT, -1, NULL));
  test_run_journeys (&nowhere, "--export", unwritable, good, NULL);
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "no-such-folder"));

  remove_temp (in);
}

static void
test_export_formats (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  const char *names[] = { "map.svg", "map.png", "map@2.png", "map.pdf", "map.csv", "MAP.SVG" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_auto(TestRun) run = { 0 };

      if (g_str_equal (names[i], "map@2.png"))
        test_run_journeys (&run, "--export", out, in, "--scale", "2", "--map", "stay", NULL);
      else
        test_run_journeys (&run, "--export", out, in, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_file_get_contents (out, &contents, &length, NULL));

      if (g_str_has_suffix (names[i], ".svg") || g_str_has_suffix (names[i], ".SVG"))
        g_assert_nonnull (strstr (contents, "<svg"));
      else if (g_str_has_suffix (names[i], ".png"))
        {
          g_assert_cmpint (memcmp (contents, "\x89PNG", 4), ==, 0);
          if (i == 2)
            {
              g_autofree char *single_path = g_build_filename (dir, "map.png", NULL);
              g_autofree char *single = NULL;
              gsize single_length = 0;
              guint32 w1, w2;

              /* The width of the PNG, from its IHDR: twice as wide at --scale 2. */
              g_assert_true (g_file_get_contents (single_path, &single, &single_length, NULL));
              w1 = GUINT32_FROM_BE (*(guint32 *) (single + 16));
              w2 = GUINT32_FROM_BE (*(guint32 *) (contents + 16));
              g_assert_cmpuint (w2, ==, 2 * w1);
            }
        }
      else if (g_str_has_suffix (names[i], ".pdf"))
        g_assert_true (g_str_has_prefix (contents, "%PDF"));
      else
        g_assert_true (g_str_has_prefix (contents, "\"map\",\"stage\",\"touchpoint\",\"kind\",\"text\""));
    }

  remove_temp (in);
}

/* An export onto a full disk (a 64 KiB tmpfs; needs root) fails with
 * exit status 1 and leaves no file, whole or partial. */
static void
test_export_to_full_disk (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *disk = test_tmpdir_new ();
  const char *names[] = { "map.png", "map.svg", "map.pdf", "map.journey" };
  g_autofree char *filler_path = g_build_filename (disk, "filler", NULL);
  g_autoptr(GDir) dir = NULL;

  if (getuid () != 0 || mount ("tmpfs", disk, "tmpfs", 0, "size=64k") != 0)
    {
      g_rmdir (disk);
      remove_temp (in);
      g_test_skip ("cannot mount a small tmpfs here (needs root)");
      return;
    }

  /* Fill the disk to the last byte: no room even for a small file. */
  {
    FILE *f = fopen (filler_path, "w");
    char block[1024];

    g_assert_nonnull (f);
    memset (block, 'x', sizeof block);
    while (fwrite (block, 1, sizeof block, f) == sizeof block && fflush (f) == 0)
      ;
    fclose (f);
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (disk, names[i], NULL);
      g_auto(TestRun) run = { 0 };

      test_run_journeys (&run, "--export", out, in, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, names[i]));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  /* Only the filler is there: no temporary file was left behind. */
  dir = g_dir_open (disk, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "filler");
  g_assert_null (g_dir_read_name (dir));
  g_clear_pointer (&dir, g_dir_close);

  g_remove (filler_path);
  g_assert_cmpint (umount (disk), ==, 0);
  g_rmdir (disk);
  remove_temp (in);
}

static void
test_csv_flavours (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *out = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  JourneyMap *map = journey_list_peek (project->maps, 0);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "site");
  g_autoptr(JourneyAction) action = g_object_new (JOURNEY_TYPE_ACTION, "text", "=1+1", "owner", "Web", NULL);
  g_autofree char *text = NULL;
  const struct { const char *flavour; const char *header; const char *row; } cases[] = {
    { "plain", "\"map\",\"stage\",\"touchpoint\",\"kind\",\"text\",\"owner\",\"status\",\"votes\"\r\n",
      "\"'=1+1\"" },
    { "jira", "\"Summary\",\"Description\",\"Issue Type\",\"Status\",\"Labels\",\"Labels\",\"Priority\"\r\n",
      "\r\n\"=1+1\",\"Touchpoint: Visits the website\n" },
    { "rally", "\"Name\",\"Description\",\"Schedule State\",\"Tags\"\r\n",
      "\r\n\"=1+1\",\"Touchpoint: Visits the website\n" },
  };
  g_auto(TestRun) unknown = { 0 };
  g_auto(TestRun) not_csv = { 0 };
  g_auto(TestRun) no_export = { 0 };

  journey_list_append (tp->actions, action);
  text = journey_format_write_data (project, NULL);
  g_assert_true (g_file_set_contents (in, text, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TestRun) run = { 0 };
      g_autofree char *csv = NULL;

      test_run_journeys (&run, "--export", out, in, "--csv", cases[i].flavour, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
      g_assert_true (g_str_has_prefix (csv, cases[i].header));
      g_assert_nonnull (strstr (csv, cases[i].row));
    }

  test_run_journeys (&unknown, "--export", out, in, "--csv", "excel", NULL);
  assert_refused (&unknown, 2, "journeys: ", "unknown CSV flavour “excel”");

  test_run_journeys (&not_csv, "--export", svg, in, "--csv", "jira", NULL);
  assert_refused (&not_csv, 2, "journeys: ", "--csv goes with an OUT that ends in .csv");
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));

  test_run_journeys (&no_export, in, "--csv", "jira", NULL);
  assert_refused (&no_export, 2, "journeys: ", "go with --export");

  remove_temp (in);
}

/* The height of the PNG at @path, from its header. */
static guint
png_height (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  return ((guint) (guchar) data[20] << 24) | ((guint) (guchar) data[21] << 16)
       | ((guint) (guchar) data[22] << 8) | (guint) (guchar) data[23];
}

static char *
read_text (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* --notes on|off shows or hides the note lanes whatever the map says. */
static void
test_notes (void)
{
  g_autofree char *hotel = g_build_filename (g_getenv ("JOURNEYS_EXAMPLES_DIR"), "hotel.journey", NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *png_on = g_build_filename (dir, "on.png", NULL);
  g_autofree char *png_off = g_build_filename (dir, "off.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *hidden = g_build_filename (dir, "hidden.journey", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (hotel);
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = journey_format_read_file (file, NULL, &error);
  g_autofree char *hidden_text = NULL;
  g_auto(TestRun) shown = { 0 };
  g_auto(TestRun) off = { 0 };
  g_auto(TestRun) as_hidden = { 0 };
  g_auto(TestRun) on = { 0 };
  g_auto(TestRun) bad = { 0 };
  g_auto(TestRun) with_csv = { 0 };
  g_auto(TestRun) alone = { 0 };
  g_auto(TestRun) png1 = { 0 };
  g_auto(TestRun) png2 = { 0 };

  g_assert_no_error (error);

  /* The map's setting: shown. */
  test_run_journeys (&shown, "--export", svg, hotel, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  text = read_text (svg);
  g_assert_nonnull (strstr (text, "<g class=\"note pain-points\">"));
  g_assert_nonnull (strstr (text, "<g class=\"note-lane actions\">"));
  g_assert_nonnull (strstr (text, "Prices shown without taxes</title>"));
  g_clear_pointer (&text, g_free);

  test_run_journeys (&off, "--export", svg, hotel, "--notes", "off", NULL);
  g_assert_cmpint (off.status, ==, 0);
  text = read_text (svg);
  g_assert_null (strstr (text, "class=\"note"));
  g_assert_nonnull (strstr (text, "class=\"touchpoint"));
  g_clear_pointer (&text, g_free);

  /* A map that hides its notes, and --notes on. */
  g_object_set (journey_list_peek (project->maps, 0), "show-notes", FALSE, NULL);
  hidden_text = journey_format_write_data (project, NULL);
  g_assert_true (g_file_set_contents (hidden, hidden_text, -1, NULL));
  test_run_journeys (&as_hidden, "--export", svg, hidden, NULL);
  g_assert_cmpint (as_hidden.status, ==, 0);
  text = read_text (svg);
  g_assert_null (strstr (text, "class=\"note"));
  g_clear_pointer (&text, g_free);
  test_run_journeys (&on, "--export", svg, hidden, "--notes", "on", NULL);
  g_assert_cmpint (on.status, ==, 0);
  text = read_text (svg);
  g_assert_nonnull (strstr (text, "<g class=\"note opportunities\">"));
  g_clear_pointer (&text, g_free);

  /* The lanes take room in images too. */
  test_run_journeys (&png1, "--export", png_on, hidden, "--notes", "on", NULL);
  test_run_journeys (&png2, "--export", png_off, hidden, "--notes", "off", NULL);
  g_assert_cmpint (png1.status, ==, 0);
  g_assert_cmpint (png2.status, ==, 0);
  g_assert_cmpuint (png_height (png_on), >, png_height (png_off) + 200);

  /* Usage errors, and no output. */
  g_assert_cmpint (g_unlink (svg), ==, 0);
  test_run_journeys (&bad, "--export", svg, hotel, "--notes", "maybe", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "maybe"));
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  test_run_journeys (&with_csv, "--export", csv, hotel, "--notes", "on", NULL);
  g_assert_cmpint (with_csv.status, ==, 2);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  test_run_journeys (&alone, "--notes", "on", NULL);
  g_assert_cmpint (alone.status, ==, 2);
  g_assert_nonnull (strstr (alone.err, "--notes"));

  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A pipe's writer learns that the reader went away from EPIPE. */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-several", test_validate_several);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export-journey", test_export_journey);
  g_test_add_func ("/cli/no-partial-output", test_export_never_leaves_partial_output);
  g_test_add_func ("/cli/export-formats", test_export_formats);
  g_test_add_func ("/cli/export-to-full-disk", test_export_to_full_disk);
  g_test_add_func ("/cli/csv-flavours", test_csv_flavours);
  g_test_add_func ("/cli/notes", test_notes);

  return g_test_run ();
}
