/* test-document.c: a document loads in the background, saves without
 * losing a file's permissions, its link or someone else's changes, and
 * follows its history.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "journey-document.h"
#include "journey-document-test-utils.h"
#include "journey-test-utils.h"

static void
test_keeps_mode (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "private.journey", NULL);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  GStatBuf st;

  document = load_new (path);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  edit_votes (document, 3);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);

  saved = read_file (path);
  g_assert_nonnull (strstr (saved, "\"votes\": 3"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* Another mode is kept as well, whatever the umask says. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_clear_object (&document);
  document = journey_document_new (NULL, NULL);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_assert_true (journey_document_load (document, file, NULL, &error));
  }
  edit_votes (document, 4);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* No temporary file is left. */
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
  test_tmpdir_remove (dir);
}

/* Only root can give a file to someone else, so only root can test that
 * a save keeps it theirs. */
static void
test_keeps_owner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (getuid () != 0)
    {
      g_test_skip ("only root can give a file to another user");
      return;
    }

  dir = test_tmpdir_new ();
  path = g_build_filename (dir, "theirs.journey", NULL);
  document = load_new (path);
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);

  edit_votes (document, 3);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 65534);
  g_assert_cmpint (st.st_gid, ==, 65534);

  test_tmpdir_remove (dir);
}

static void
test_symlink (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *target = g_build_filename (dir, "real.journey", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.journey", NULL);
  g_autofree char *link_backup = g_strconcat (link_path, "~", NULL);
  g_autofree char *target_backup = g_strconcat (target, "~", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(JourneyDocument) document = journey_document_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *link_text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, TEST_PROJECT, -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.journey", link_path), ==, 0);

  g_assert_true (journey_document_load (document, link_file, NULL, &error));
  g_assert_no_error (error);
  edit_votes (document, 9);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_BACKUP, &error));
  g_assert_no_error (error);

  /* The link is still the same link ... */
  g_assert_cmpint (g_lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_text = g_file_read_link (link_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_text, ==, "real.journey");

  /* ... and the file it points to holds the save, with its mode. */
  saved = read_file (target);
  g_assert_nonnull (strstr (saved, "\"votes\": 9"));
  g_assert_cmpint (g_lstat (target, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* The backup sits beside the file written, with its mode. */
  kept = read_file (target_backup);
  g_assert_cmpstr (kept, ==, TEST_PROJECT);
  g_assert_cmpint (g_stat (target_backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_false (g_file_test (link_backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 3);

  test_tmpdir_remove (dir);
}

static void
test_backup_only_when_asked (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *kept = NULL;

  document = load_new (path);
  edit_votes (document, 5);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  before = read_file (path);
  edit_votes (document, 6);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_BACKUP, &error));
  g_assert_no_error (error);
  kept = read_file (backup);
  g_assert_cmpstr (kept, ==, before);
  g_assert_nonnull (strstr (kept, "\"votes\": 5"));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 2);

  test_tmpdir_remove (dir);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "shared.journey", NULL);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = g_strconcat (TEST_PROJECT, "\n", NULL);
  g_autofree char *after = NULL;
  g_autofree char *etag_before = NULL;

  document = load_new (path);
  g_assert_nonnull (journey_document_get_etag (document));
  etag_before = g_strdup (journey_document_get_etag (document));

  /* A save remembers the new etag: saving twice is no conflict. */
  edit_votes (document, 1);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (journey_document_get_etag (document), !=, etag_before);
  edit_votes (document, 2);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);

  /* Someone else writes the file, at another time. */
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1100000000, 1100000000 }), ==, 0);

  edit_votes (document, 3);
  g_assert_false (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_error (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "shared.journey"));
  g_clear_error (&error);
  after = read_file (path);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (journey_document_get_dirty (document));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  /* Asked to, the document overwrites it. */
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = read_file (path);
  g_assert_nonnull (strstr (after, "\"votes\": 3"));
  g_assert_false (journey_document_get_dirty (document));

  test_tmpdir_remove (dir);
}

/* The asynchronous save: the same refusal, and an edit made while the
 * file is written leaves the document dirty. */
static void
test_save_async (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "async.journey", NULL);
  g_autoptr(JourneyDocument) document = NULL;
  GError *error = NULL;
  g_autofree char *after = NULL;

  document = load_new (path);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  edit_votes (document, 4);
  journey_document_save_async (document, NULL, JOURNEY_SAVE_NONE, NULL, on_saved, &error);
  g_assert_true (journey_document_get_busy (document));
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_false (journey_document_get_busy (document));
  after = read_file (path);
  g_assert_cmpstr (after, ==, "{}");

  journey_document_save_async (document, NULL, JOURNEY_SAVE_OVERWRITE, NULL, on_saved, &error);
  edit_votes (document, 5);  /* after the text was made: not in this save */
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = read_file (path);
  g_assert_nonnull (strstr (after, "\"votes\": 4"));
  g_assert_true (journey_document_get_dirty (document));

  test_tmpdir_remove (dir);
}

static gboolean
count_tick (gpointer user_data)
{
  LoadState *state = user_data;

  state->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
on_loaded (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadState *state = user_data;

  state->ok = journey_document_load_finish (JOURNEY_DOCUMENT (source_object), result, NULL, &state->error);
  state->done = TRUE;
}

static char *
large_project (guint n_touchpoints)
{
  GString *text = g_string_new (NULL);

  g_string_append (text,
                   "{\n  \"format\": \"journeys\",\n  \"version\": 1,\n  \"title\": \"Large\",\n"
                   "  \"maps\": [ {\n    \"id\": \"big\", \"title\": \"Big\",\n"
                   "    \"stages\": [ { \"id\": \"s1\", \"name\": \"One\", \"length\": 100 },\n"
                   "                { \"id\": \"s2\", \"name\": \"Two\", \"length\": 100 } ],\n"
                   "    \"lanes\": [ { \"id\": \"guest\", \"name\": \"Guest\", \"kind\": \"customer\" },\n"
                   "               { \"id\": \"staff\", \"name\": \"Staff\", \"kind\": \"onstage\" } ],\n"
                   "    \"touchpoints\": [\n");
  for (guint i = 0; i < n_touchpoints; i++)
    g_string_append_printf (text,
                            "      { \"id\": \"tp%u\", \"title\": \"Touchpoint number %u, with a longer title\", "
                            "\"description\": \"What happens at touchpoint %u.\", "
                            "\"lane\": \"%s\", \"time\": %u.5, \"satisfaction\": %u, \"votes\": %u }%s\n",
                            i, i, i, i % 2 ? "staff" : "guest", i % 200, 1 + i % 5, i % 7,
                            i + 1 < n_touchpoints ? "," : "");
  g_string_append (text, "    ]\n  } ]\n}\n");
  return g_string_free (text, FALSE);
}

/* Loading a large file in the background lets the main loop run: a 1 ms
 * timer keeps firing until the document has the project. */
static void
test_load_async_large (void)
{
  const guint n = 20000;
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "large.journey", NULL);
  g_autofree char *text = large_project (n);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyDocument) document = journey_document_new (NULL, NULL);
  LoadState state = { 0 };
  gint64 start, elapsed;
  guint timer;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  timer = g_timeout_add (1, count_tick, &state);
  start = g_get_monotonic_time ();
  journey_document_load_async (document, file, NULL, on_loaded, &state);
  /* The call returns at once: nothing was read yet. */
  g_assert_true (journey_document_get_busy (document));
  g_assert_null (journey_document_get_project (document));
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  g_source_remove (timer);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_false (journey_document_get_busy (document));
  g_assert_cmpuint (journey_list_get_length (test_first_map (journey_document_get_project (document))->touchpoints),
                    ==, n);
  g_assert_false (journey_document_get_dirty (document));
  g_assert_true (g_file_equal (journey_document_get_file (document), file));

  g_test_message ("loaded %u touchpoints in %" G_GINT64_FORMAT " ms; the main loop ran %u timer ticks meanwhile",
                  n, elapsed / 1000, state.ticks);
  /* A blocked loop gets in at most one tick; a free one one a millisecond
   * or so (a loaded machine may run them later, not never). */
  g_assert_cmpuint (state.ticks, >=, MIN (5, elapsed / 1000 / 4));
  g_assert_cmpuint (state.ticks, >=, 3);

  test_tmpdir_remove (dir);
}

/* A broken file leaves the document as it was, and says why. */
static void
test_load_failure (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *good = g_build_filename (dir, "good.journey", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.journey", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyDocument) empty = journey_document_new (NULL, NULL);
  JourneyProject *project;
  LoadState state = { 0 };

  document = load_new (good);
  project = journey_document_get_project (document);
  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ x ] }", -1, NULL));

  g_assert_false (journey_document_load (document, bad_file, problems, &error));
  g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
  g_assert_true (test_has_problem (problems, "line 1, column 49", NULL));
  g_assert_true (journey_document_get_project (document) == project);
  g_assert_false (g_file_equal (journey_document_get_file (document), bad_file));

  /* The same in the background, with the problems handed back. */
  journey_document_load_async (empty, bad_file, NULL, on_loaded, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (state.ok);
  g_assert_error (state.error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
  g_clear_error (&state.error);
  g_assert_null (journey_document_get_project (empty));
  g_assert_null (journey_document_get_file (empty));

  /* Nothing to save yet, and nowhere to save a new document. */
  g_clear_error (&error);
  g_assert_false (journey_document_save (empty, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_error (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_NO_PROJECT);
  g_clear_error (&error);
  {
    g_autoptr(JourneyProject) fresh = test_load_string (TEST_PROJECT);
    g_autoptr(JourneyDocument) unsaved = journey_document_new (fresh, NULL);

    g_assert_false (journey_document_save (unsaved, NULL, JOURNEY_SAVE_NONE, &error));
    g_assert_error (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_NO_FILE);
  }

  test_tmpdir_remove (dir);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_dirty_follows_history (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "dirty.journey", NULL);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  JourneyHistory *history;
  guint notified = 0;
  gboolean dirty;

  document = load_new (path);
  history = journey_document_get_history (document);
  g_signal_connect_swapped (document, "notify::dirty", G_CALLBACK (count_notify), &notified);
  g_assert_false (journey_document_get_dirty (document));

  edit_votes (document, 2);
  g_object_get (document, "dirty", &dirty, NULL);
  g_assert_true (dirty);
  g_assert_cmpuint (notified, ==, 1);

  /* A second edit: still dirty, no news. */
  edit_votes (document, 3);
  g_assert_cmpuint (notified, ==, 1);

  journey_history_undo (history);
  journey_history_undo (history);
  g_assert_false (journey_document_get_dirty (document));
  g_assert_cmpint (touchpoint (document, "site")->votes, ==, 0);
  g_assert_cmpuint (notified, ==, 2);

  journey_history_redo (history);
  g_assert_true (journey_document_get_dirty (document));
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_false (journey_document_get_dirty (document));
  g_assert_cmpuint (notified, ==, 4);

  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Its own state folder: the autosaves that a load looks for are
   * this test's. */
  document_test_init (&argc, &argv);

  g_test_add_func ("/document/keeps-mode", test_keeps_mode);
  g_test_add_func ("/document/keeps-owner", test_keeps_owner);
  g_test_add_func ("/document/symlink", test_symlink);
  g_test_add_func ("/document/backup-only-when-asked", test_backup_only_when_asked);
  g_test_add_func ("/document/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/document/save-async", test_save_async);
  g_test_add_func ("/document/load-async-large", test_load_async_large);
  g_test_add_func ("/document/load-failure", test_load_failure);
  g_test_add_func ("/document/dirty-follows-history", test_dirty_follows_history);

  return document_test_run ();
}
