/* test-format-write.c: writing format v1, round trips and safe saving.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <sys/mount.h>
#include <unistd.h>

#include "journey-history.h"
#include "journey-test-utils.h"

static char *
write_string (JourneyProject *project)
{
  gsize length = 0;
  char *data = journey_format_write_data (project, &length);

  g_assert_cmpuint (strlen (data), ==, length);
  return data;
}

static void
test_stable_output (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autofree char *first = write_string (project);
  g_autofree char *second = write_string (project);
  g_autoptr(JourneyProject) again = test_load_string (first);
  g_autofree char *third = write_string (again);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, ==, third);

  /* Two-space indent, keys in the order of SPEC §3, one trailing newline. */
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"journeys\",\n  \"version\": 1,\n  \"title\": \"Hotel\",\n"));
  g_assert_true (g_str_has_suffix (first, "\n}\n"));
  g_assert_false (g_str_has_suffix (first, "\n\n"));
  g_assert_nonnull (strstr (first,
                            "      \"id\": \"stay\",\n"
                            "      \"title\": \"Weekend stay\",\n"
                            "      \"persona\": \"leisure\",\n"
                            "      \"scale\": {\n"
                            "        \"min\": 1,\n"
                            "        \"max\": 5\n"
                            "      },\n"
                            "      \"stages\": ["));
  g_assert_nonnull (strstr (first,
                            "          \"id\": \"site\",\n"
                            "          \"title\": \"Visits the website\",\n"
                            "          \"lane\": \"guest\",\n"
                            "          \"channel\": \"web\",\n"
                            "          \"time\": 0.5,\n"
                            "          \"satisfaction\": 4,\n"
                            "          \"weight\": \"minor\"\n"
                            "        }"));
}

static void
test_spec_round_trip (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"title\": \"T\", \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
    "  \"objective\": \"O\", \"scope\": \"S\","
    "  \"scale\": { \"min\": -2, \"max\": 2, \"labels\": [\"a\", \"b\", \"c\", \"d\", \"e\"] },"
    "  \"stages\": [ { \"id\": \"s\", \"name\": \"S\", \"length\": 0.1, \"color\": \"#e01b24\" } ],"
    "  \"lanes\": [ { \"id\": \"l\", \"name\": \"L\", \"kind\": \"support\" } ],"
    "  \"touchpoints\": [ { \"id\": \"t\", \"title\": \"Line\\nbreak \\\"quoted\\\" \\u0001 \\\\ é 🙂\","
    "     \"lane\": \"l\", \"time\": 0.1, \"satisfaction\": -1.25, \"target\": 1.9999999999999998,"
    "     \"weight\": \"major\", \"when\": \"w\", \"description\": \"d\", \"thoughts\": \"t\", \"feelings\": \"f\","
    "     \"pain_points\": [\"p1\", \"p2\"], \"opportunities\": [\"o\"],"
    "     \"actions\": [ { \"text\": \"a\", \"owner\": \"o\", \"status\": \"done\" } ],"
    "     \"comments\": [ { \"author\": \"A\", \"role\": \"R\", \"text\": \"T\", \"created\": \"2026-11-20T10:00:00+01:00\" } ],"
    "     \"votes\": 12, \"evidence\": { \"source\": \"s\", \"responses\": 7, \"mean\": 0.3,"
    "       \"histogram\": [1, 2, 3, 0, 1], \"updated\": \"2026-11-21T10:00:00Z\" } } ] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (text);
  g_autofree char *written = write_string (project);
  g_autoptr(JourneyProject) again = test_load_string (written);
  g_autofree char *rewritten = write_string (again);
  JourneyTouchpoint *tp = journey_list_peek (test_first_map (again)->touchpoints, 0);

  g_assert_cmpstr (written, ==, rewritten);
  g_assert_cmpstr (tp->title, ==, "Line\nbreak \"quoted\" \001 \\ é 🙂");
  g_assert_cmpfloat (tp->satisfaction, ==, -1.25);
  g_assert_cmpfloat (tp->target, ==, 1.9999999999999998);
  g_assert_cmpfloat (test_first_map (again)->scale->min, ==, -2);
  g_assert_cmpint (((JourneyAction *) journey_list_peek (tp->actions, 0))->status, ==, JOURNEY_STATUS_DONE);
  g_assert_cmpint (g_array_index (tp->evidence->histogram, int, 2), ==, 3);
  g_assert_nonnull (strstr (written, "\"histogram\": [ 1, 2, 3, 0, 1 ]"));
  g_assert_nonnull (strstr (written, "\\u0001"));
  g_assert_nonnull (strstr (written, "\"time\": 0.1,"));
}

/* "show_notes": written only when the map hides its notes, after "scope",
 * read back as it was; an edit of it is one step, undone exactly. */
static void
test_show_notes (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"M\","
    "  \"scope\": \"S\", \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
    "  \"touchpoints\": [] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (text);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  g_autofree char *shown = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(JourneyProject) again = NULL;
  g_autofree char *rewritten = NULL;

  g_assert_true (map->show_notes);
  shown = write_string (project);
  g_assert_null (strstr (shown, "show_notes"));

  g_assert_true (journey_history_set (history, map, "show-notes", FALSE, NULL));
  g_assert_false (map->show_notes);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  hidden = write_string (project);
  g_assert_nonnull (strstr (hidden, "      \"scope\": \"S\",\n      \"show_notes\": false,\n      \"stages\": ["));

  again = test_load_string (hidden);
  g_assert_false (test_first_map (again)->show_notes);
  rewritten = write_string (again);
  g_assert_cmpstr (rewritten, ==, hidden);

  g_assert_true (journey_history_undo (history));
  g_assert_true (map->show_notes);
  undone = write_string (project);
  g_assert_cmpstr (undone, ==, shown);
}

static void
test_unknown_keys_written_back (void)
{
  static const char text[] =
    "{ \"format\": \"journeys\", \"version\": 1, \"zz-future\": { \"b\": [ 1, 2.5, \"x\", null, false ] },"
    "  \"maps\": [ { \"id\": \"m\", \"title\": \"M\", \"layers\": [ ],"
    "  \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"l\" } ],"
    "  \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"l\", \"time\": 0, \"mood\": { } } ] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (text);
  g_autofree char *written = write_string (project);
  g_autoptr(JourneyProject) again = test_load_string (written);
  g_autofree char *rewritten = write_string (again);

  g_assert_nonnull (strstr (written,
                            "  \"zz-future\": {\n"
                            "    \"b\": [\n"
                            "      1,\n"
                            "      2.5,\n"
                            "      \"x\",\n"
                            "      null,\n"
                            "      false\n"
                            "    ]\n"
                            "  }\n"
                            "}\n"));
  g_assert_nonnull (strstr (written, "\"layers\": []"));
  g_assert_nonnull (strstr (written, "\"mood\": {}"));
  g_assert_cmpstr (written, ==, rewritten);
}

static void
test_examples_are_saved_as_the_app_saves (void)
{
  g_autoptr(GPtrArray) examples = test_examples_list ();

  for (guint e = 0; e < examples->len; e++)
    {
      const char *path = g_ptr_array_index (examples, e);
      g_autofree char *contents = NULL;
      g_autofree char *written = NULL;
      g_autoptr(JourneyProject) project = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      project = test_load_string (contents);
      written = write_string (project);
      /* An example in git is byte for byte what saving it writes. */
      g_assert_cmpstr (written, ==, contents);
    }
}

static void
test_save_and_backup (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *saved_backup = NULL;

  g_assert_true (journey_format_write_file (project, file, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Without the backup setting no backup appears. */
  g_object_set (journey_map_find_touchpoint (test_first_map (project), "site"), "votes", 5, NULL);
  g_assert_true (journey_format_write_file (project, file, JOURNEY_SAVE_NONE, &error));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* With it, the previous file is kept as FILE~. */
  g_object_set (journey_map_find_touchpoint (test_first_map (project), "site"), "votes", 6, NULL);
  g_assert_true (journey_format_write_file (project, file, JOURNEY_SAVE_BACKUP, &error));
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_true (g_file_get_contents (backup, &saved_backup, NULL, NULL));
  g_assert_nonnull (strstr (second, "\"votes\": 6"));
  g_assert_nonnull (strstr (saved_backup, "\"votes\": 5"));

  /* No temporary file is left behind. */
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 2);
  test_tmpdir_remove (dir);
}

static void
test_failed_save_keeps_the_file (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));

  /* A save that cannot write its temporary file (no such folder; or, when
   * not root, a read-only folder) fails and leaves the target alone. */
  if (getuid () == 0)
    {
      g_assert_false (journey_write_file_atomically ("/nonexistent-folder/map.journey", "x", 1, FALSE, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      g_assert_nonnull (strstr (error->message, "/nonexistent-folder/map.journey"));
    }
  else
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (journey_write_file_atomically (path, "new", 3, FALSE, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
    }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
  test_tmpdir_remove (dir);
}

static void
test_unwritable_place (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_malloc0 (1 << 20);

  /* /proc takes no new files, even from root: the save fails cleanly and
   * the message names the file. */
  g_assert_false (journey_write_file_atomically ("/proc/journeys-cannot-write", big, 1 << 20, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "journeys-cannot-write"));
  g_assert_false (g_file_test ("/proc/journeys-cannot-write", G_FILE_TEST_EXISTS));
}

/* A real full disk: a 64 KiB tmpfs (needs root; skipped otherwise). */
static void
test_full_disk (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);

  if (getuid () != 0 || mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    {
      g_rmdir (dir);
      g_test_skip ("cannot mount a small tmpfs here (needs root)");
      return;
    }

  g_assert_true (journey_format_write_file (project, file, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* Grow the project past what the disk holds, and save again. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, "A long description. ");
  g_object_set (journey_map_find_touchpoint (test_first_map (project), "site"),
                "description", long_text->str, NULL);
  g_assert_false (journey_format_write_file (project, file, JOURNEY_SAVE_NONE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_nonnull (strstr (error->message, "map.journey"));

  /* The previous file is whole, and no temporary file is left. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-write/stable-output", test_stable_output);
  g_test_add_func ("/format-write/round-trip", test_spec_round_trip);
  g_test_add_func ("/format-write/unknown-keys", test_unknown_keys_written_back);
  g_test_add_func ("/format-write/show-notes", test_show_notes);
  g_test_add_func ("/format-write/examples", test_examples_are_saved_as_the_app_saves);
  g_test_add_func ("/format-write/save-and-backup", test_save_and_backup);
  g_test_add_func ("/format-write/failed-save", test_failed_save_keeps_the_file);
  g_test_add_func ("/format-write/unwritable", test_unwritable_place);
  g_test_add_func ("/format-write/full-disk", test_full_disk);

  return g_test_run ();
}
