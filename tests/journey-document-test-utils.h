/* journey-document-test-utils.h: what the tests of JourneyDocument share:
 * a document loaded from a new file, an edit through its history, a
 * file's text, and the state of a save or a load in the background.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <utime.h>

#include "journey-document.h"
#include "journey-test-utils.h"

/* A document loaded from a new file holding TEST_PROJECT, at @path in a
 * new temporary folder. */
static inline JourneyDocument *
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

static inline JourneyTouchpoint *
touchpoint (JourneyDocument *document,
            const char      *id)
{
  return journey_map_find_touchpoint (test_first_map (journey_document_get_project (document)), id);
}

static inline void
edit_votes (JourneyDocument *document,
            int              votes)
{
  journey_history_set (journey_document_get_history (document), touchpoint (document, "site"), "votes", votes, NULL);
}

static inline char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Ends an asynchronous save: @user_data is a GError ** that holds the
 * error, or G_IO_ERROR_EXISTS "saved" when it succeeded. */
static inline void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  journey_document_save_finish (JOURNEY_DOCUMENT (source_object), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
}

/* A load or a reload in the background, and the main loop meanwhile. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  guint     ticks;
  GError   *error;
} LoadState;

/* Removes @path and everything under it. */
static inline void
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

/* A state folder of the test program's own, for the autosaves and drafts
 * it makes and looks for; removed by document_test_run (). */
static char *document_test_state;

static inline void
document_test_init (int    *argc,
                    char ***argv)
{
  g_test_init (argc, argv, NULL);
  document_test_state = g_dir_make_tmp ("journeys-test-document-XXXXXX", NULL);
  g_assert_nonnull (document_test_state);
  g_setenv ("XDG_STATE_HOME", document_test_state, TRUE);
}

static inline int
document_test_run (void)
{
  int status = g_test_run ();

  remove_tree (document_test_state);
  g_clear_pointer (&document_test_state, g_free);
  return status;
}
