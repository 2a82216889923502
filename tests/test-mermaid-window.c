/* test-mermaid-window.c: Mermaid journeys in the window (issue 19): a
 * .mmd opened as a new, unsaved journey; Copy as Mermaid; Mermaid text
 * pasted opens a new window.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "journey-canvas.h"
#include "journey-mermaid-write.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"


#define DIAGRAM \
  "journey\n" \
  "  title My working day\n" \
  "  section Go to work\n" \
  "    Make tea: 5: Me\n" \
  "    Do work: 1: Cat\n" \
  "  section Go home\n" \
  "    Sit down: 4: Me\n"

static JourneyWindow *
open_diagram (const char  *dir,
              char       **path)
{
  *path = g_build_filename (dir, "day.mmd", NULL);
  g_assert_true (g_file_set_contents (*path, DIAGRAM, -1, NULL));
  return test_open_window (test_app, *path);
}

/* Closes @window without leaving a draft of its unsaved journey. */
static void
close_window (JourneyWindow *window)
{
  journey_document_discard_autosave (journey_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Opened: a new journey that no file holds, not saved, the diagram's
 * file untouched. */
static void
test_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mermaid-window-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  JourneyWindow *window = open_diagram (dir, &path);
  JourneyDocument *document = journey_window_get_document (window);
  JourneyMap *map = journey_window_get_map (window);

  g_assert_null (journey_document_get_file (document));
  g_assert_true (journey_document_get_dirty (document));
  g_assert_cmpstr (map->title, ==, "My working day");
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 3);

  /* An autosave writes a draft, never over the diagram. */
  journey_window_autosave (window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, DIAGRAM);
  g_assert_nonnull (journey_document_get_draft_id (document));

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* win.copy-mermaid: the shown map as Mermaid text on the clipboard. */
static void
test_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mermaid-window-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JourneyWindow *window = open_diagram (dir, &path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-mermaid", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, on_text_read, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (text, ==, DIAGRAM);

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app)));
}

/* Mermaid text pasted on the canvas opens it as a new journey in a new
 * window; the journey shown is not changed. */
static void
test_paste (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mermaid-window-XXXXXX", NULL);
  g_autofree char *path = NULL;
  JourneyWindow *window = open_diagram (dir, &path);
  JourneyMap *map = journey_window_get_map (window);
  guint before = count_windows ();
  const char *pasted = "journey\n  title Pasted\n  section A\n    One: 2: You\n";
  JourneyWindow *other;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), pasted);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (journey_window_get_canvas (window)), "canvas.paste", NULL));
  while (count_windows () == before)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, 3);
  other = JOURNEY_WINDOW (gtk_application_get_windows (GTK_APPLICATION (test_app))->data);
  g_assert_true (other != window);
  g_assert_cmpstr (journey_window_get_map (other)->title, ==, "Pasted");
  g_assert_null (journey_document_get_file (journey_window_get_document (other)));
  g_assert_true (journey_document_get_dirty (journey_window_get_document (other)));

  /* Text that is not a journey: refused, no window. */
  before = count_windows ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-mermaid-text", "s",
                                             "journey\n  section A\n    no score\n"));
  g_assert_cmpuint (count_windows (), ==, before);

  close_window (other);
  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  g_autofree char *journeys = NULL;
  g_autofree char *drafts = NULL;
  int status;

  /* Drafts of the unsaved journeys of these tests go to a folder of
   * their own, not to the state folder that the other tests share (where
   * the next start of the app would offer them). */
  state_dir = g_dir_make_tmp ("mermaid-window-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  journeys = g_build_filename (state_dir, "journeys", NULL);
  drafts = g_build_filename (journeys, "drafts", NULL);

  test_app_init (&argc, &argv);

  g_test_add_func ("/mermaid-window/open", test_open);
  g_test_add_func ("/mermaid-window/copy", test_copy);
  g_test_add_func ("/mermaid-window/paste", test_paste);

  status = test_app_run ();
  /* Every unsaved journey's draft was discarded: none is left. */
  g_assert_cmpuint (test_tmpdir_count (drafts), ==, 0);
  g_rmdir (drafts);
  test_tmpdir_remove (journeys);
  g_rmdir (state_dir);
  return status;
}
