/* test-cli.c: the command line of SPEC §5, run as a subprocess without a
 * display.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "journey-layout.h"
#include "journey-test-utils.h"

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

/* -- Hostile sources (SPEC §7) -------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: what a refused export must
 * leave behind (no output, no temporary file). */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_refused (TestRun    *run,
                int         status,
                const char *prefix,
                const char *fragment)
{
  g_test_message ("exit %d: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, prefix));
  g_assert_nonnull (strstr (run->err, fragment));
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_device (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);
  g_auto(TestRun) validate = { 0 };
  g_auto(TestRun) export = { 0 };
  g_auto(TestRun) null = { 0 };
  gint64 start = g_get_monotonic_time ();

  /* /dev/zero never ends: refused before a byte is read. */
  test_run_journeys (&validate, "--validate", "/dev/zero", NULL);
  assert_refused (&validate, 1, "/dev/zero: ", "It is a device, not a file");

  test_run_journeys (&export, "--export", out, "/dev/zero", NULL);
  assert_refused (&export, 1, "/dev/zero: ", "It is a device, not a file");

  test_run_journeys (&null, "--validate", "/dev/null", NULL);
  assert_refused (&null, 1, "/dev/null: ", "It is a device, not a file");

  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  {
    g_autofree char *left = list_dir (dir);
    g_assert_cmpstr (left, ==, "in.journey");
  }
  remove_temp (in);
}

static void
test_folder_and_socket (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *folder = g_build_filename (dir, "folder.journey", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket.journey", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  g_auto(TestRun) on_folder = { 0 };
  g_auto(TestRun) on_socket = { 0 };
  int fd;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  test_run_journeys (&on_folder, "--export", out, folder, NULL);
  assert_refused (&on_folder, 1, folder, "It is a folder, not a file");

  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (listen (fd, 1), ==, 0);

  test_run_journeys (&on_socket, "--export", out, socket_path, NULL);
  assert_refused (&on_socket, 1, socket_path, "It is a socket, not a file");
  close (fd);

  {
    g_autofree char *left = list_dir (dir);
    g_assert_cmpstr (left, ==, "folder.journey in.journey socket.journey");
  }
  g_rmdir (folder);
  remove_temp (in);
}

typedef struct
{
  const char *path;
  const char *data;   /* written once, or... */
  gsize       total;  /* ...bytes of spaces, when data is NULL */
  gsize       written;
  gboolean    broken; /* the reader went away before the end */
} Writer;

/* Writes into a named pipe as soon as a reader has opened it (the open
 * does not block, so that a reader that never comes cannot hang the test). */
static gpointer
write_pipe (gpointer user_data)
{
  Writer *writer = user_data;
  g_autofree char *block = NULL;
  int fd = -1;

  for (guint i = 0; i < 6000 && fd < 0; i++)
    {
      fd = open (writer->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        {
          g_assert_cmpint (errno, ==, ENXIO);
          g_usleep (10 * 1000);
        }
    }
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_SETFL, 0), ==, 0);

  if (writer->data != NULL)
    writer->total = strlen (writer->data);
  else
    block = g_strnfill (1024 * 1024, ' ');

  while (writer->written < writer->total)
    {
      const char *from = writer->data ? writer->data + writer->written : block;
      gsize size = writer->data ? writer->total - writer->written : MIN (1024 * 1024, writer->total - writer->written);
      gssize n = write (fd, from, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EPIPE);
          writer->broken = TRUE;
          break;
        }
      writer->written += n;
    }
  close (fd);
  return NULL;
}

static void
test_fifo (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *fifo = g_build_filename (dir, "pipe.journey", NULL);
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *contents = NULL;
  g_auto(TestRun) fed = { 0 };
  g_auto(TestRun) lonely = { 0 };
  g_auto(TestRun) flooded = { 0 };
  Writer small = { .path = fifo, .data = TEST_PROJECT };
  Writer huge = { .path = fifo, .total = (gsize) JOURNEY_FORMAT_MAX_SIZE + 64 * 1024 * 1024 };
  GThread *thread;
  gint64 start;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* With a writer: read like a file. */
  thread = g_thread_new ("writer", write_pipe, &small);
  test_run_journeys (&fed, "--export", out, fifo, NULL);
  g_thread_join (thread);
  g_assert_cmpint (fed.status, ==, 0);
  g_assert_cmpstr (fed.err, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_cmpint (g_remove (out), ==, 0);

  /* No writer: refused after a few seconds, with a message, no file. */
  start = g_get_monotonic_time ();
  test_run_journeys (&lonely, "--export", out, fifo, NULL);
  assert_refused (&lonely, 1, fifo, "no program wrote to it within 5 seconds");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Fed more than the limit: refused once the limit is passed, without
   * reading the rest. */
  thread = g_thread_new ("writer", write_pipe, &huge);
  test_run_journeys (&flooded, "--validate", fifo, NULL);
  g_thread_join (thread);
  assert_refused (&flooded, 1, fifo, "larger than 512 MiB");
  g_assert_true (huge.broken);
  g_assert_cmpuint (huge.written, >, JOURNEY_FORMAT_MAX_SIZE);
  g_assert_cmpuint (huge.written, <, huge.total);

  {
    g_autofree char *left = list_dir (dir);
    g_assert_cmpstr (left, ==, "in.journey pipe.journey");
  }
  remove_temp (in);
}

static void
assert_unchanged (const char *path,
                  const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* Exporting over the project itself is refused, unless OUT is a .journey
 * (which is saving it again). */
static void
test_out_is_file (void)
{
  g_autofree char *in = test_tmpfile_new ("project.svg", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *journey = g_build_filename (dir, "in.journey", NULL);
  g_autofree char *symlink_path = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *hardlink_path = g_build_filename (dir, "hard.png", NULL);
  g_autofree char *base = g_path_get_basename (dir);
  g_autofree char *other_spelling = g_build_filename (dir, ".", "..", base, "project.svg", NULL);
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autofree char *saved = NULL;
  g_auto(TestRun) same = { 0 };
  g_auto(TestRun) spelled = { 0 };
  g_auto(TestRun) through_symlink = { 0 };
  g_auto(TestRun) through_hardlink = { 0 };
  g_auto(TestRun) resave = { 0 };

  g_assert_true (g_file_set_contents (journey, TEST_PROJECT, -1, NULL));
  g_assert_cmpint (symlink ("in.journey", symlink_path), ==, 0);
  g_assert_cmpint (link (journey, hardlink_path), ==, 0);

  test_run_journeys (&same, "--export", in, in, NULL);
  assert_refused (&same, 2, "journeys: ", "is the project FILE itself");
  assert_unchanged (in, TEST_PROJECT);

  test_run_journeys (&spelled, "--export", other_spelling, in, NULL);
  assert_refused (&spelled, 2, "journeys: ", "is the project FILE itself");
  assert_unchanged (in, TEST_PROJECT);

  test_run_journeys (&through_symlink, "--export", symlink_path, journey, NULL);
  assert_refused (&through_symlink, 2, "journeys: ", "is the project FILE itself");
  assert_unchanged (journey, TEST_PROJECT);
  g_assert_true (g_file_test (symlink_path, G_FILE_TEST_IS_SYMLINK));

  test_run_journeys (&through_hardlink, "--export", hardlink_path, journey, "--scale", "2", NULL);
  assert_refused (&through_hardlink, 2, "journeys: ", "is the project FILE itself");
  assert_unchanged (journey, TEST_PROJECT);

  {
    g_autofree char *left = list_dir (dir);
    g_assert_cmpstr (left, ==, "hard.png in.journey link.csv project.svg");
  }

  /* A .journey OUT that is FILE: saved again, as the app saves it. */
  g_remove (hardlink_path);
  test_run_journeys (&resave, "--export", journey, journey, NULL);
  g_assert_cmpint (resave.status, ==, 0);
  g_assert_true (g_file_get_contents (journey, &saved, NULL, NULL));
  g_assert_true (g_str_has_prefix (saved, "{\n  \"format\": \"journeys\""));
  {
    g_autoptr(JourneyProject) again = test_load_string (saved);
    g_assert_cmpuint (journey_list_get_length (again->maps), ==, 1);
  }

  remove_temp (in);
}

static void
test_scales (void)
{
  g_autofree char *in = test_tmpfile_new ("in.journey", TEST_PROJECT);
  g_autofree char *dir = g_path_get_dirname (in);
  g_autofree char *out = g_build_filename (dir, "map.png", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.png", NULL);
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyLayout) layout = journey_layout_new (journey_list_peek (project->maps, 0), project, NULL);
  const char *refused[] = { "1e-300", "0.0001", "-1", "0", "nan", "inf", "17", "1e300" };
  char smallest_ok[G_ASCII_DTOSTR_BUF_SIZE];
  char too_small[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *png = NULL;
  gsize length = 0;

  g_ascii_dtostr (smallest_ok, sizeof smallest_ok, 17.0 / layout->width);
  g_ascii_dtostr (too_small, sizeof too_small, 15.0 / layout->width);

  /* An existing file is not touched by a refused export. */
  g_assert_true (g_file_set_contents (kept, "keep me", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(TestRun) run = { 0 };

      test_run_journeys (&run, "--export", out, in, "--scale", refused[i], NULL);
      g_test_message ("--scale %s: exit %d: %s", refused[i], run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "--scale"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      test_run_clear (&run);
      memset (&run, 0, sizeof run);
      test_run_journeys (&run, "--export", kept, in, "--scale", refused[i], NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_unchanged (kept, "keep me");
    }

  {
    g_auto(TestRun) run = { 0 };

    test_run_journeys (&run, "--export", out, in, "--scale", too_small, NULL);
    assert_refused (&run, 2, "journeys: ", "less than 16 pixels wide");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(TestRun) run = { 0 };

    test_run_journeys (&run, "--export", out, in, "--scale", smallest_ok, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &png, &length, NULL));
    g_assert_cmpuint (length, >, 24);
    g_assert_cmpint (memcmp (png, "\x89PNG", 4), ==, 0);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (png + 16)), >=, 16);
  }

  {
    g_autofree char *left = list_dir (dir);
    g_assert_cmpstr (left, ==, "in.journey kept.png map.png");
  }
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
  g_test_add_func ("/cli/hostile/device", test_device);
  g_test_add_func ("/cli/hostile/folder-and-socket", test_folder_and_socket);
  g_test_add_func ("/cli/hostile/fifo", test_fifo);
  g_test_add_func ("/cli/hostile/out-is-file", test_out_is_file);
  g_test_add_func ("/cli/hostile/scales", test_scales);
  g_test_add_func ("/cli/csv-flavours", test_csv_flavours);
  g_test_add_func ("/cli/notes", test_notes);

  return g_test_run ();
}
