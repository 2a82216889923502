/* test-cli-hostile.c: the command line of SPEC §5 given hostile sources
 * and outputs (SPEC §7): devices, folders, sockets and named pipes as
 * FILE, OUT that is FILE itself, and scales out of range; run as a
 * subprocess without a display.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "journey-cli-test-utils.h"
#include "journey-layout.h"
#include "journey-test-utils.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A pipe's writer learns that the reader went away from EPIPE. */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/cli/hostile/device", test_device);
  g_test_add_func ("/cli/hostile/folder-and-socket", test_folder_and_socket);
  g_test_add_func ("/cli/hostile/fifo", test_fifo);
  g_test_add_func ("/cli/hostile/out-is-file", test_out_is_file);
  g_test_add_func ("/cli/hostile/scales", test_scales);

  return g_test_run ();
}
