/* test-document-recovery.c: a document autosaves, notices another
 * program's changes to its file and reloads it, keeps a journey never
 * saved as a draft, and opens a repaired copy of a broken file.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <utime.h>

#include "journey-autosave.h"
#include "journey-document.h"
#include "journey-document-test-utils.h"
#include "journey-test-utils.h"

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
  test_run_for (800);
  edit_votes (document, 2);
  journey_document_save_async (document, NULL, JOURNEY_SAVE_NONE, NULL, on_saved, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* saved */
  g_clear_error (&async_error);
  test_run_for (800);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_SAME);

  /* A colleague's version replaces the file while we edit: noticed once,
   * and the document keeps our edit until we choose. */
  edit_votes (document, 3);
  g_string_replace (theirs, "\"satisfaction\": 4", "\"satisfaction\": 2", 1);
  replace_from_outside (path, theirs->str);
  wait_for_count (&changes, 1);
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_CHANGED);
  test_run_for (600);
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
  test_run_for (600);
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
  test_run_for (600);
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

int
main (int   argc,
      char *argv[])
{
  /* Its own state folder: the drafts listed are this test's. */
  document_test_init (&argc, &argv);

  g_test_add_func ("/document/autosave", test_autosave);
  g_test_add_func ("/document/watch-and-reload", test_watch_and_reload);
  g_test_add_func ("/document/reload-without-file", test_reload_without_file);
  g_test_add_func ("/document/draft-files", test_draft_files);
  g_test_add_func ("/document/draft-document", test_draft_document);
  g_test_add_func ("/document/repaired-copy", test_repaired_copy);

  return document_test_run ();
}
