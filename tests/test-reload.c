/* test-reload.c: a journey's file changed by another program.  The window
 * offers to reload it: with no unsaved changes Reload or Ignore, with some
 * Reload (after asking) or Keep Mine; its own saves are not changes; a
 * deleted file is said to be deleted, and saving writes it again.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include <utime.h>

#include "journey-application.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"

static GtkWidget *
find_title (GtkWidget *widget)
{
  return test_find_widget (widget, ADW_TYPE_WINDOW_TITLE);
}

static GtkRevealer *
disk_banner (JourneyWindow *window)
{
  return GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), JOURNEY_TYPE_WINDOW, "disk_banner"));
}

static GtkButton *
banner_button (JourneyWindow *window,
               const char    *name)
{
  return GTK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), JOURNEY_TYPE_WINDOW, name));
}

/* Clicks the banner's button @name, as a person would: only a sensitive
 * button can be clicked. */
static void
click (JourneyWindow *window,
       const char    *name)
{
  GtkButton *button = banner_button (window, name);

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
banner_text (JourneyWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), JOURNEY_TYPE_WINDOW,
                                                                       "disk_label")));
}

/* Runs the main loop until the banner is shown (or hidden), for ten
 * seconds at most. */
static void
wait_for_banner (JourneyWindow *window,
                 gboolean       shown)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_revealer_get_reveal_child (disk_banner (window)) != shown && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_revealer_get_reveal_child (disk_banner (window)), ==, shown);

  /* Really on screen, not only asked for: the transition is over. */
  while (gtk_revealer_get_child_revealed (disk_banner (window)) != shown && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_revealer_get_child_revealed (disk_banner (window)), ==, shown);
  g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (banner_button (window, "disk_primary_button"))), ==, shown);
}

/* Another program writes a new version beside the file and renames it
 * over it, as editors, git and synced folders do. */
static void
replace_from_outside (const char *path,
                      const char *contents)
{
  g_autofree char *temp = g_strconcat (path, ".tmp", NULL);

  g_assert_true (g_file_set_contents (temp, contents, -1, NULL));
  g_assert_cmpint (g_rename (temp, path), ==, 0);
}

static char *
their_version (const char *contents,
               const char *new_title)
{
  g_autoptr(GString) text = g_string_new (contents);

  g_assert_cmpuint (g_string_replace (text, "\"Visits the hotel website\"", new_title, 1), ==, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JourneyTouchpoint *
website (JourneyWindow *window)
{
  JourneyProject *project = journey_window_get_project (window);

  return journey_map_find_touchpoint (journey_list_peek (project->maps, 0), "website");
}

/* A small journey (the window is slow to draw a large one under the
 * sanitizers, and these tests open several), saved as hotel.journey in a
 * new folder, older than anything written during the test, open in a
 * window. */
static const char small_journey[] =
  "{\n"
  "  \"format\": \"journeys\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Hotel\",\n"
  "  \"maps\": [ {\n"
  "    \"id\": \"stay\", \"title\": \"Weekend stay\",\n"
  "    \"stages\": [ { \"id\": \"discover\", \"name\": \"Discover\", \"length\": 2 } ],\n"
  "    \"lanes\": [ { \"id\": \"guest\", \"name\": \"Guest\", \"kind\": \"customer\" } ],\n"
  "    \"touchpoints\": [\n"
  "      { \"id\": \"website\", \"title\": \"Visits the hotel website\", \"lane\": \"guest\", \"time\": 0.5, \"satisfaction\": 4 },\n"
  "      { \"id\": \"desk\", \"title\": \"Checks in\", \"lane\": \"guest\", \"time\": 1.5, \"satisfaction\": 3 }\n"
  "    ]\n"
  "  } ]\n"
  "}\n";

static JourneyWindow *
open_copy (const char  *dir,
           char       **path,
           char       **contents)
{
  g_autoptr(GFile) file = NULL;
  JourneyWindow *window;

  *path = g_build_filename (dir, "hotel.journey", NULL);
  *contents = g_strdup (small_journey);
  g_assert_true (g_file_set_contents (*path, *contents, -1, NULL));
  g_assert_cmpint (g_utime (*path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);

  file = g_file_new_for_path (*path);
  window = journey_window_new (test_app);
  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  g_assert_nonnull (journey_window_get_project (window));
  return window;
}

/* With no unsaved changes: the window offers to reload, and reloading
 * shows the version on disk. */
static void
test_reload_clean (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *theirs = NULL;
  JourneyWindow *window;
  JourneyDocument *document;
  AdwWindowTitle *title;

  window = open_copy (dir, &path, &contents);
  document = journey_window_get_document (window);
  title = ADW_WINDOW_TITLE (find_title (GTK_WIDGET (window)));
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));

  theirs = their_version (contents, "\"Visits the hotel website before booking\"");
  replace_from_outside (path, theirs);
  wait_for_banner (window, TRUE);
  g_assert_cmpstr (banner_text (window), ==, "“hotel.journey” was changed by another program.");
  g_assert_cmpstr (gtk_button_get_label (banner_button (window, "disk_primary_button")), ==, "_Reload");
  g_assert_cmpstr (gtk_button_get_label (banner_button (window, "disk_secondary_button")), ==, "_Ignore");
  /* Nothing changed yet: the window shows what it showed. */
  g_assert_cmpstr (website (window)->title, ==, "Visits the hotel website");
  g_assert_false (journey_document_get_dirty (document));

  click (window, "disk_primary_button");
  test_wait_for_document (window);
  g_assert_cmpstr (website (window)->title, ==, "Visits the hotel website before booking");
  g_assert_false (journey_document_get_dirty (document));
  g_assert_false (journey_history_can_undo (journey_window_get_history (window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "hotel.journey");
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));
  g_assert_cmpint (journey_document_get_disk_state (document), ==, JOURNEY_DISK_STATE_SAME);
  /* The canvas shows the reloaded project. */
  g_assert_true (journey_window_get_map (window) == journey_list_peek (journey_window_get_project (window)->maps, 0));

  /* Ignore: the banner goes, and the journey stays as it is. */
  g_clear_pointer (&theirs, g_free);
  theirs = their_version (contents, "\"Visits the website\"");
  replace_from_outside (path, theirs);
  wait_for_banner (window, TRUE);
  click (window, "disk_secondary_button");
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));
  g_assert_cmpstr (website (window)->title, ==, "Visits the hotel website before booking");

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

/* With unsaved changes: the user chooses.  Keep Mine keeps the edit (and
 * a save asks before overwriting theirs); Reload asks first, then shows
 * the version on disk. */
static void
test_reload_dirty (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  JourneyWindow *window;
  JourneyDocument *document;
  AdwMessageDialog *dialog;

  window = open_copy (dir, &path, &contents);
  document = journey_window_get_document (window);
  journey_history_set (journey_window_get_history (window), website (window), "votes", 7, NULL);

  theirs = their_version (contents, "\"Visits the website\"");
  replace_from_outside (path, theirs);
  wait_for_banner (window, TRUE);
  g_assert_cmpstr (banner_text (window), ==,
                   "“hotel.journey” was changed by another program, and you have unsaved changes.");
  g_assert_cmpstr (gtk_button_get_label (banner_button (window, "disk_primary_button")), ==, "_Reload…");
  g_assert_cmpstr (gtk_button_get_label (banner_button (window, "disk_secondary_button")), ==, "_Keep Mine");

  /* Keep Mine: the edit stays, unsaved, and theirs stays on disk. */
  click (window, "disk_secondary_button");
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));
  g_assert_cmpint (website (window)->votes, ==, 7);
  g_assert_cmpstr (website (window)->title, ==, "Visits the hotel website");
  g_assert_true (journey_document_get_dirty (document));
  test_run_for (500);
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));

  /* Saving then asks before overwriting theirs; Cancel keeps theirs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  test_wait_for_document (window);
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  adw_message_dialog_response (dialog, "cancel");
  test_wait_for_document (window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);

  /* Another change shows the banner again.  Reload asks first: Cancel
   * keeps the edit. */
  g_clear_pointer (&theirs, g_free);
  theirs = their_version (contents, "\"Visits the website again\"");
  replace_from_outside (path, theirs);
  wait_for_banner (window, TRUE);
  click (window, "disk_primary_button");
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reload and Lose Your Changes?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  test_wait_for_document (window);
  g_assert_cmpint (website (window)->votes, ==, 7);
  g_assert_true (journey_document_get_dirty (document));

  /* Reload, confirmed: the version on disk, clean. */
  click (window, "disk_primary_button");
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "reload");
  test_wait_for_document (window);
  g_assert_cmpstr (website (window)->title, ==, "Visits the website again");
  g_assert_cmpint (website (window)->votes, !=, 7);
  g_assert_false (journey_document_get_dirty (document));
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* The window's own saves are not changes by another program. */
static void
test_own_save_not_offered (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  JourneyWindow *window;
  guint changes = 0;

  window = open_copy (dir, &path, &contents);
  g_signal_connect_swapped (journey_window_get_document (window), "changed-on-disk",
                            G_CALLBACK (count_signal), &changes);

  for (int votes = 1; votes <= 3; votes++)
    {
      journey_history_set (journey_window_get_history (window), website (window), "votes", votes, NULL);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
      test_wait_for_document (window);
      g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));
      test_run_for (700);
      g_assert_cmpuint (changes, ==, 0);
      g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));
      g_assert_null (test_find_message_dialog ());
    }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "\"votes\": 3"));

  g_signal_handlers_disconnect_by_func (journey_window_get_document (window), count_signal, &changes);
  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

/* A deleted file is noticed, the journey counts as unsaved, and saving
 * writes the file again. */
static void
test_file_deleted (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  JourneyWindow *window;

  window = open_copy (dir, &path, &contents);
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for_banner (window, TRUE);
  g_assert_cmpstr (banner_text (window), ==, "“hotel.journey” was deleted by another program. Saving writes it again.");
  g_assert_true (journey_document_get_dirty (journey_window_get_document (window)));
  g_assert_cmpstr (gtk_button_get_label (banner_button (window, "disk_primary_button")), ==, "_Save");

  click (window, "disk_primary_button");
  test_wait_for_document (window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "Visits the hotel website"));
  g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

/* A file that another program left broken (a merge half done): reloading
 * says what is wrong and keeps the journey shown. */
static void
test_reload_broken (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  JourneyWindow *window;

  window = open_copy (dir, &path, &contents);
  replace_from_outside (path, "<<<<<<< HEAD\n{ \"format\": \"journeys\" }\n");
  wait_for_banner (window, TRUE);
  click (window, "disk_primary_button");
  test_wait_for_document (window);
  g_assert_cmpstr (website (window)->title, ==, "Visits the hotel website");
  g_assert_cmpint (journey_document_get_disk_state (journey_window_get_document (window)), ==,
                   JOURNEY_DISK_STATE_CHANGED);
  /* The banner is back, to try again once the file is mended, and a
   * toast says what is wrong, the file's text shown as text. */
  wait_for_banner (window, TRUE);
  g_assert_nonnull (test_find_label (GTK_WIDGET (window), "“hotel.journey” cannot be reloaded: line 1, column 1: ", TRUE));

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add_func ("/reload/clean", test_reload_clean);
  g_test_add_func ("/reload/dirty", test_reload_dirty);
  g_test_add_func ("/reload/own-save-not-offered", test_own_save_not_offered);
  g_test_add_func ("/reload/file-deleted", test_file_deleted);
  g_test_add_func ("/reload/broken", test_reload_broken);

  return test_app_run ();
}
