/* test-cli.c: the command line of SPEC §5, run as a subprocess without a
 * display.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sys/mount.h>
#include <unistd.h>

#include "journey-test-utils.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_journeys (Run *run,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("JOURNEYS_BIN"));
  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* No display: validate and export must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* The folder of a file made by test_tmpfile_new(), with all it holds. */
static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  test_tmpdir_remove (dir);
}

static void
test_version_and_help (void)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };

  run_journeys (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "journeys "));

  run_journeys (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--validate=FILE"));
  g_assert_nonnull (strstr (help.out, "--export=OUT"));
  g_assert_nonnull (strstr (help.out, "--map=ID"));
}

static void
test_validate (void)
{
  g_autofree char *good = test_tmpfile_new ("good.journey", TEST_PROJECT);
  g_autofree char *bad = NULL;
  g_autofree char *text = g_strdup (TEST_PROJECT);
  g_auto(Run) ok = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) missing = { 0 };
  char *at;

  run_journeys (&ok, "--validate", good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "valid"));
  g_assert_cmpstr (ok.err, ==, "");

  /* Move "invoice" to time 9, outside the 5 units of the map's timeline. */
  at = strstr (text, "\"time\": 4.5");
  g_assert_nonnull (at);
  memcpy (at, "\"time\": 9.5", 11);
  bad = test_tmpfile_new ("bad.journey", text);
  run_journeys (&invalid, "--validate", bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_true (g_str_has_prefix (invalid.err, bad));
  g_assert_nonnull (strstr (invalid.err, ": maps[0].touchpoints[1].time: must be a number between 0 and 5"));
  g_assert_cmpstr (invalid.out, ==, "");

  run_journeys (&missing, "--validate", "/nonexistent/x.journey", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "/nonexistent/x.journey: "));

  remove_temp (good);
  remove_temp (bad);
}

static void
test_usage_errors (void)
{
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_file = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) scale = { 0 };

  run_journeys (&unknown, "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));

  run_journeys (&no_file, "--export", "out.svg", NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  run_journeys (&both, "--validate", "a.journey", "--export", "b.svg", "a.journey", NULL);
  g_assert_cmpint (both.status, ==, 2);

  run_journeys (&format, "--export", "out.docx", "in.journey", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "out.docx"));

  run_journeys (&scale, "--export", "out.png", "in.journey", "--scale", "-1", NULL);
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
  g_auto(Run) run1 = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) bad_map = { 0 };
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autofree char *expected = journey_format_write_data (project, NULL);

  run_journeys (&run1, "--export", out, in, NULL);
  g_assert_cmpint (run1.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &first, NULL, NULL));
  /* Saved exactly as the app saves it. */
  g_assert_cmpstr (first, ==, expected);

  run_journeys (&run2, "--export", again, out, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  run_journeys (&bad_map, "--export", out, in, "--map", "nope", NULL);
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
  g_auto(Run) broken = { 0 };
  g_auto(Run) broken_svg = { 0 };
  g_auto(Run) nowhere = { 0 };

  run_journeys (&broken, "--export", out, in, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "in.journey: line 1, column"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_journeys (&broken_svg, "--export", svg, in, NULL);
  g_assert_cmpint (broken_svg.status, ==, 1);
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (good, TEST_PROJECT, -1, NULL));
  run_journeys (&nowhere, "--export", unwritable, good, NULL);
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
      g_auto(Run) run = { 0 };

      if (g_str_equal (names[i], "map@2.png"))
        run_journeys (&run, "--export", out, in, "--scale", "2", "--map", "stay", NULL);
      else
        run_journeys (&run, "--export", out, in, NULL);
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
      g_auto(Run) run = { 0 };

      run_journeys (&run, "--export", out, in, NULL);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export-journey", test_export_journey);
  g_test_add_func ("/cli/no-partial-output", test_export_never_leaves_partial_output);
  g_test_add_func ("/cli/export-formats", test_export_formats);
  g_test_add_func ("/cli/export-to-full-disk", test_export_to_full_disk);

  return g_test_run ();
}
