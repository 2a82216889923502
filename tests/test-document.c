/* test-document.c: a document loads in the background, saves without
 * losing a file's permissions, its link or someone else's changes, follows
 * its history, and autosaves.
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

#include "journey-autosave.h"
#include "journey-document.h"
#include "journey-test-utils.h"

/* A document loaded from a new file holding TEST_PROJECT, at @path in a
 * new temporary folder. */
static JourneyDocument *
load_new (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyDocument) document = journey_document_new (NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, TEST_PROJECT, -1, NULL));
  /* Older than anything written during the test: no autosave is newer by
   * accident, and a rewrite always changes the time. */
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  g_assert_true (journey_document_load (document, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&document);
}

static JourneyTouchpoint *
touchpoint (JourneyDocument *document,
            const char      *id)
{
  return journey_map_find_touchpoint (test_first_map (journey_document_get_project (document)), id);
}

static void
edit_votes (JourneyDocument *document,
            int              votes)
{
  journey_history_set (journey_document_get_history (document), touchpoint (document, "site"), "votes", votes, NULL);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

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

static void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  journey_document_save_finish (JOURNEY_DOCUMENT (source_object), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
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

typedef struct
{
  gboolean  done;
  gboolean  ok;
  guint     ticks;
  GError   *error;
} LoadState;

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

static void
test_autosave (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "crash.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *autosave = journey_autosave_path_for (file);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(JourneyDocument) reopened = journey_document_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gint64 deadline;

  document = load_new (path);
  g_assert_cmpuint (journey_document_get_autosave_interval (document), ==, 0);
  g_assert_false (journey_document_autosave (document, &error));  /* nothing unsaved */
  g_assert_no_error (error);
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* The timer writes the unsaved changes, never over the file. */
  g_object_set (document, "autosave-interval", 1, NULL);
  edit_votes (document, 8);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (autosave, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));
  after = read_file (path);
  g_assert_cmpstr (after, ==, TEST_PROJECT);
  journey_document_set_autosave_interval (document, 0);

  /* "Crash", and open the file again: the changes come back. */
  g_assert_true (journey_document_load (reopened, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (journey_document_get_recovered (reopened));
  g_assert_true (journey_document_get_dirty (reopened));
  g_assert_cmpint (touchpoint (reopened, "site")->votes, ==, 8);

  /* Saving removes the autosave. */
  g_assert_true (journey_document_save (reopened, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  g_assert_false (journey_document_get_recovered (reopened));

  /* And discarding does too. */
  edit_votes (document, 9);
  g_assert_true (journey_document_autosave (document, &error));
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));
  journey_document_discard_autosave (document);
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));

  test_tmpdir_remove (dir);
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until *@count reaches @n, for ten seconds at most. */
static void
wait_for_count (guint *count,
                guint  n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*count < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (*count, ==, n);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Another program replaces the file as editors and git do: a new version
 * written beside it and renamed over it. */
static void
replace_from_outside (const char *path,
                      const char *contents)
{
  g_autofree char *temp = g_strconcat (path, ".new", NULL);

  g_assert_true (g_file_set_contents (temp, contents, -1, NULL));
  g_assert_cmpint (g_rename (temp, path), ==, 0);
}

static void
on_reloaded (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LoadState *state = user_data;

  state->ok = journey_document_reload_finish (JOURNEY_DOCUMENT (source_object), result, NULL, &state->error);
  state->done = TRUE;
}

static void
reload (JourneyDocument *document)
{
  LoadState state = { 0 };

  journey_document_reload_async (document, NULL, on_reloaded, &state);
  g_assert_true (journey_document_get_busy (document));
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
}

/* The document notices another program's changes to its file, once each,
 * and not its own saves; reloading gives the file as it is on disk. */
static void
test_watch_and_reload (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "watched.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *autosave = journey_autosave_path_for (file);
  g_autoptr(JourneyDocument) document = NULL;
  g_autoptr(GString) theirs = g_string_new (TEST_PROJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  GError *async_error = NULL;
  guint changes = 0;
  FILE *out;

  document = load_new (path);
  g_signal_connect_swapped (document, "changed-on-disk", G_CALLBACK (count_signal), &changes);
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_SAME);

  /* Our own saves, on this thread and in a worker, are not changes. */
  edit_votes (document, 1);
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  spin (800);
  edit_votes (document, 2);
  journey_document_save_async (document, NULL, JOURNEY_SAVE_NONE, NULL, on_saved, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* saved */
  g_clear_error (&async_error);
  spin (800);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_SAME);

  /* A colleague's version replaces the file while we edit: noticed once,
   * and the document keeps our edit until we choose. */
  edit_votes (document, 3);
  g_string_replace (theirs, "\"satisfaction\": 4", "\"satisfaction\": 2", 1);
  replace_from_outside (path, theirs->str);
  wait_for_count (&changes, 1);
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_CHANGED);
  spin (600);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (touchpoint (document, "site")->votes, ==, 3);
  g_assert_cmpfloat (touchpoint (document, "site")->satisfaction, ==, 4);
  g_assert_true (journey_document_get_dirty (document));

  /* A save would overwrite their version: it asks (fails) instead. */
  g_assert_false (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_error (error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);

  /* Reloading: theirs, clean, a fresh history, and our autosave (newer
   * than their file) is not taken back. */
  g_assert_true (journey_document_autosave (document, &error));
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));
  reload (document);
  g_assert_cmpfloat (touchpoint (document, "site")->satisfaction, ==, 2);
  g_assert_cmpint (touchpoint (document, "site")->votes, ==, 0);
  g_assert_false (journey_document_get_dirty (document));
  g_assert_false (journey_document_get_recovered (document));
  g_assert_false (journey_history_can_undo (journey_document_get_history (document)));
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_SAME);
  spin (600);
  g_assert_cmpuint (changes, ==, 1);

  /* A file written in place is noticed too. */
  out = g_fopen (path, "w");
  g_assert_nonnull (out);
  g_assert_cmpint (fputs (TEST_PROJECT, out), >=, 0);
  g_assert_cmpint (fclose (out), ==, 0);
  wait_for_count (&changes, 2);
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_CHANGED);
  reload (document);
  g_assert_cmpfloat (touchpoint (document, "site")->satisfaction, ==, 4);

  /* Deleted: noticed, the project is unsaved now (closing asks), and a
   * save writes the file again. */
  g_assert_false (journey_document_get_dirty (document));
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for_count (&changes, 3);
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_DELETED);
  g_assert_true (journey_document_get_dirty (document));
  g_assert_true (journey_document_save (document, NULL, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (journey_document_get_dirty (document));
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_SAME);
  after = read_file (path);
  g_assert_nonnull (strstr (after, "Visits the website"));
  spin (600);
  g_assert_cmpuint (changes, ==, 3);

  test_tmpdir_remove (dir);
}

/* A new document has no file to reload. */
static void
test_reload_without_file (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyDocument) document = journey_document_new (project, NULL);
  LoadState state = { 0 };

  journey_document_reload_async (document, NULL, on_reloaded, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (state.ok);
  g_assert_error (state.error, JOURNEY_DOCUMENT_ERROR, JOURNEY_DOCUMENT_ERROR_NO_FILE);
  g_clear_error (&state.error);
  g_assert_true (journey_document_get_project (document) == project);
}


/* Drafts, the files: written atomically under the state folder, listed
 * oldest first, removed; a name that is not a draft id is never one. */
static void
test_draft_files (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyProject) read = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = journey_draft_new_id ();
  g_autofree char *second = journey_draft_new_id ();
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stray = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  g_assert_true (journey_draft_id_is_valid (first));
  g_assert_cmpstr (first, !=, second);
  g_assert_false (journey_draft_id_is_valid (""));
  g_assert_false (journey_draft_id_is_valid ("../escape"));
  g_assert_false (journey_draft_id_is_valid ("a/b"));
  g_assert_false (journey_draft_id_is_valid (NULL));

  ids = journey_draft_list ();
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Written where the user's state goes, as a save would write it. */
  path = journey_draft_path_for (first);
  folder = g_build_filename (g_get_user_state_dir (), "journeys", "drafts", NULL);
  g_assert_true (g_str_has_prefix (path, folder));
  g_assert_true (journey_draft_write (project, first, &error));
  g_assert_no_error (error);
  text = read_file (path);
  expected = journey_format_write_data (project, &length);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (test_tmpdir_count (folder), ==, 1);  /* no temporary file left */

  /* The second is newer; a stray file is no draft. */
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  g_assert_true (journey_draft_write (project, second, &error));
  stray = g_build_filename (folder, ".stray.journey.XYZ123", NULL);
  g_assert_true (g_file_set_contents (stray, "{", -1, NULL));
  ids = journey_draft_list ();
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, second);
  g_clear_pointer (&ids, g_ptr_array_unref);

  read = journey_draft_read (first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpstr (test_first_map (read)->title, ==, test_first_map (project)->title);

  /* Removing one leaves the other. */
  journey_draft_remove (first);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ids = journey_draft_list ();
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, second);
  g_clear_pointer (&ids, g_ptr_array_unref);
  journey_draft_remove (second);
  journey_draft_remove (second);  /* gone already: nothing happens */
  g_remove (stray);
  ids = journey_draft_list ();
  g_assert_cmpuint (ids->len, ==, 0);
}

/* A document that was never saved autosaves to a draft; saving removes
 * it; a draft loaded back is an unsaved document without a file. */
static void
test_draft_document (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "saved.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyDocument) document = journey_document_new (NULL, NULL);
  g_autoptr(JourneyDocument) recovered = journey_document_new (NULL, NULL);
  g_autoptr(JourneyDocument) other = journey_document_new (NULL, NULL);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *draft = NULL;
  gint64 deadline;

  /* From a template: nothing to keep until it changes. */
  journey_document_reset (document, project);
  g_assert_false (journey_document_autosave (document, &error));
  g_assert_no_error (error);
  g_assert_null (journey_document_get_draft_id (document));

  /* The timer writes the draft. */
  g_object_set (document, "autosave-interval", 1, NULL);
  edit_votes (document, 7);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (journey_document_get_draft_id (document) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  journey_document_set_autosave_interval (document, 0);
  id = g_strdup (journey_document_get_draft_id (document));
  g_assert_nonnull (id);
  draft = journey_draft_path_for (id);
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  ids = journey_draft_list ();
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Another edit goes to the same draft. */
  edit_votes (document, 8);
  g_assert_true (journey_document_autosave (document, &error));
  g_assert_cmpstr (journey_document_get_draft_id (document), ==, id);

  /* "Crash": the draft comes back as a new, unsaved document. */
  g_assert_true (journey_document_load_draft (recovered, id, &error));
  g_assert_no_error (error);
  g_assert_null (journey_document_get_file (recovered));
  g_assert_true (journey_document_get_dirty (recovered));
  g_assert_true (journey_document_get_recovered (recovered));
  g_assert_cmpstr (journey_document_get_draft_id (recovered), ==, id);
  g_assert_cmpint (touchpoint (recovered, "site")->votes, ==, 8);
  g_assert_false (journey_history_can_undo (journey_document_get_history (recovered)));

  /* Saved to a file: the draft goes, and the document has its file. */
  g_assert_true (journey_document_save (recovered, file, JOURNEY_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_null (journey_document_get_draft_id (recovered));
  g_assert_false (journey_document_get_dirty (recovered));
  g_assert_false (journey_document_get_recovered (recovered));
  /* Its later autosaves go beside its file, not to a draft. */
  edit_votes (recovered, 9);
  g_assert_true (journey_document_autosave (recovered, &error));
  g_assert_null (journey_document_get_draft_id (recovered));
  ids = journey_draft_list ();
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_ptr_array_unref);
  journey_document_discard_autosave (recovered);

  /* Closed without saving: the draft goes too. */
  g_assert_true (journey_document_autosave (document, &error));
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  journey_document_discard_autosave (document);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_assert_null (journey_document_get_draft_id (document));

  /* A document made new again leaves no draft of what it held. */
  g_assert_true (journey_document_autosave (document, &error));
  g_clear_pointer (&id, g_free);
  id = g_strdup (journey_document_get_draft_id (document));
  g_clear_pointer (&draft, g_free);
  draft = journey_draft_path_for (id);
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  journey_document_reset (document, project);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  /* A draft that is not there cannot be loaded, and changes nothing. */
  g_assert_false (journey_document_load_draft (other, id, &error));
  g_assert_nonnull (error);
  g_assert_null (journey_document_get_project (other));

  test_tmpdir_remove (dir);
}

/* A file with a bad value is refused; its repaired copy opens as a new,
 * unsaved document, and the file is left as it is. */
static void
test_repaired_copy (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "tests", "invalid",
                                                   "satisfaction-above-scale.journey", NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "bad.journey", NULL);
  g_autofree char *before = read_file (source);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JourneyDocument) document = journey_document_new (NULL, NULL);
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  JourneyProblem *change;

  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  g_assert_false (journey_document_load (document, file, problems, &error));
  g_assert_error (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (journey_document_get_project (document));
  g_assert_true (journey_document_get_can_repair (document));

  changes = journey_document_open_repaired_copy (document);
  g_assert_nonnull (changes);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->path, ==, "maps[0].touchpoints[0].satisfaction");
  g_assert_false (journey_document_get_can_repair (document));
  g_assert_nonnull (journey_document_get_project (document));
  g_assert_null (journey_document_get_file (document));
  g_assert_true (journey_document_get_dirty (document));
  g_assert_cmpfloat (((JourneyTouchpoint *) journey_list_peek (
                       test_first_map (journey_document_get_project (document))->touchpoints, 0))->satisfaction, ==, 5);
  /* Its autosave is a draft; the file is untouched. */
  g_assert_true (journey_document_autosave (document, &error));
  g_assert_no_error (error);
  g_assert_nonnull (journey_document_get_draft_id (document));
  journey_document_discard_autosave (document);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (journey_document_open_repaired_copy (document));

  /* Malformed JSON: nothing to repair. */
  g_assert_true (g_file_set_contents (path, "{ \"format\": ", -1, NULL));
  g_clear_object (&document);
  document = journey_document_new (NULL, NULL);
  g_assert_false (journey_document_load (document, file, NULL, &error));
  g_assert_false (journey_document_get_can_repair (document));
  g_assert_null (journey_document_open_repaired_copy (document));

  test_tmpdir_remove (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A state folder of its own: the drafts listed are this test's. */
  state = g_dir_make_tmp ("journeys-test-document-XXXXXX", NULL);
  g_assert_nonnull (state);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_add_func ("/document/keeps-mode", test_keeps_mode);
  g_test_add_func ("/document/keeps-owner", test_keeps_owner);
  g_test_add_func ("/document/symlink", test_symlink);
  g_test_add_func ("/document/backup-only-when-asked", test_backup_only_when_asked);
  g_test_add_func ("/document/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/document/save-async", test_save_async);
  g_test_add_func ("/document/load-async-large", test_load_async_large);
  g_test_add_func ("/document/load-failure", test_load_failure);
  g_test_add_func ("/document/dirty-follows-history", test_dirty_follows_history);
  g_test_add_func ("/document/autosave", test_autosave);
  g_test_add_func ("/document/watch-and-reload", test_watch_and_reload);
  g_test_add_func ("/document/reload-without-file", test_reload_without_file);
  g_test_add_func ("/document/draft-files", test_draft_files);
  g_test_add_func ("/document/draft-document", test_draft_document);
  g_test_add_func ("/document/repaired-copy", test_repaired_copy);

  status = g_test_run ();
  remove_tree (state);
  return status;
}
