/* test-window.c: the window opens a journey, shows its title and its
 * unsaved state, and refuses a broken file without losing anything.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include <utime.h>

#include "journey-application.h"
#include "journey-autosave.h"
#include "journey-test-utils.h"
#include "journey-window.h"

/* One application for the tests, not shared over D-Bus. */
static JourneyApplication *test_app;

/* Runs the main loop until @window's document has finished loading or
 * saving, and what it queued is done. */
static void
wait_for_document (JourneyWindow *window)
{
  JourneyDocument *document = journey_window_get_document (window);

  while (journey_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static JourneyWindow *
open_window (JourneyApplication *app,
             const char         *path,
             gboolean            expect_ok)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window = journey_window_new (app);

  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_document (window);
  g_assert_cmpint (journey_window_get_project (window) != NULL, ==, expect_ok);
  return window;
}

static GtkWidget *
find_button_for_action (GtkWidget  *widget,
                        const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for_action (child, action);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The window's stack of pages: the one with a "problems" page. */
static GtkStack *
find_pages (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "problems") != NULL)
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_pages (child);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_title (GtkWidget *widget)
{
  return find_widget (widget, ADW_TYPE_WINDOW_TITLE);
}

/* Whether @action is enabled in @window: a button in its header bar for
 * that action is sensitive exactly when it is. */
static gboolean
action_enabled (JourneyWindow *window,
                const char    *action)
{
  AdwHeaderBar *bar = ADW_HEADER_BAR (find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  adw_header_bar_pack_end (bar, button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  enabled = gtk_widget_get_sensitive (button);
  adw_header_bar_remove (bar, button);
  return enabled;
}

static JourneyTouchpoint *
first_touchpoint (JourneyWindow *window)
{
  JourneyProject *project = journey_window_get_project (window);

  return journey_list_peek (((JourneyMap *) journey_list_peek (project->maps, 0))->touchpoints, 0);
}

static void
test_open_example (void)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  JourneyWindow *window;
  AdwWindowTitle *title;
  JourneyProject *project;
  JourneyHistory *history;
  JourneyTouchpoint *tp;
  g_autofree char *original = NULL;

  window = open_window (test_app, path, TRUE);

  project = journey_window_get_project (window);
  history = journey_window_get_history (window);
  g_assert_nonnull (project);
  title = ADW_WINDOW_TITLE (find_title (GTK_WIDGET (window)));
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, ((JourneyMap *) journey_list_peek (project->maps, 0))->title);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "hotel.journey");
  g_assert_true (action_enabled (window, "win.save"));
  /* Nothing to undo yet: undo changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (journey_history_can_redo (history));
  g_assert_false (journey_history_is_dirty (history));

  /* An edit marks the window as unsaved; undo takes the mark away. */
  tp = first_touchpoint (window);
  original = g_strdup (tp->title);
  journey_history_begin_group (history, "Rename It");
  journey_history_set (history, tp, "title", "Changed", NULL);
  journey_history_end_group (history);
  g_assert_cmpstr (tp->title, ==, "Changed");
  /* The undo button says what it would undo. */
  {
    GtkWidget *button = find_button_for_action (GTK_WIDGET (window), "win.undo");

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Undo Rename It (Ctrl+Z)");
  }
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "• hotel.journey");
  g_assert_true (journey_document_get_dirty (journey_window_get_document (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  /* The model is back as the file has it, and clean again. */
  g_assert_cmpstr (tp->title, ==, original);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "hotel.journey");
  g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));
  g_assert_true (journey_history_can_redo (history));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (tp->title, ==, "Changed");

  journey_history_mark_clean (history);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_file (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "broken.journey", NULL);
  static const char broken[] = "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ <b>bold</b> ] }";
  g_autofree char *after = NULL;
  JourneyWindow *window;
  GtkStack *stack;
  AdwStatusPage *page;
  GtkLabel *label;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  window = open_window (test_app, path, FALSE);

  g_assert_null (journey_window_get_project (window));

  /* The window shows the problems page, which names the place, and the
   * file's text as plain text, never as markup. */
  stack = find_pages (GTK_WIDGET (window));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "problems");
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "broken.journey"));
  label = GTK_LABEL (adw_status_page_get_child (page));
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "line 1"));
  g_assert_false (gtk_label_get_use_markup (label));

  /* Nothing can be saved over the broken file: the actions are off, and
   * saving anyway writes nothing. */
  g_assert_false (action_enabled (window, "win.save"));
  g_assert_false (action_enabled (window, "win.save-as"));
  g_assert_true (action_enabled (window, "win.open"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_document (window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

static void
test_autosave_and_recovery (void)
{
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *source = g_build_filename (examples, "online-shop.journey", NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "shop.journey", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *autosave = journey_autosave_path_for (file);
  JourneyWindow *window;
  JourneyTouchpoint *tp;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  /* The file is older than any autosave written now. */
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);

  window = open_window (test_app, path, TRUE);
  g_assert_false (journey_window_autosave (window));  /* nothing unsaved */
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));

  tp = journey_list_peek (((JourneyMap *) journey_list_peek (journey_window_get_project (window)->maps, 0))->touchpoints, 0);
  journey_history_set (journey_window_get_history (window), tp, "title", "Edited before the crash", NULL);
  g_assert_true (journey_window_autosave (window));
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* The autosave never touches the document's own file. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);

  /* "Crash": drop the window without closing it, and open the file again. */
  journey_history_mark_clean (journey_window_get_history (window));
  gtk_window_destroy (GTK_WINDOW (window));
  window = open_window (test_app, path, TRUE);
  tp = journey_list_peek (((JourneyMap *) journey_list_peek (journey_window_get_project (window)->maps, 0))->touchpoints, 0);
  g_assert_cmpstr (tp->title, ==, "Edited before the crash");
  g_assert_true (journey_history_is_dirty (journey_window_get_history (window)));

  /* Discarding what was recovered goes back to the file. */
  g_assert_true (journey_document_get_recovered (journey_window_get_document (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.discard-recovered", NULL));
  wait_for_document (window);
  tp = journey_list_peek (((JourneyMap *) journey_list_peek (journey_window_get_project (window)->maps, 0))->touchpoints, 0);
  g_assert_cmpstr (tp->title, !=, "Edited before the crash");
  g_assert_false (journey_history_is_dirty (journey_window_get_history (window)));
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

static void
test_save_with_backup (void)
{
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *source = g_build_filename (examples, "hotel.journey", NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeys.Journeys");
  JourneyWindow *window;
  JourneyTouchpoint *tp;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_settings_set_boolean (settings, "make-backup", TRUE);

  window = open_window (test_app, path, TRUE);
  tp = journey_list_peek (((JourneyMap *) journey_list_peek (journey_window_get_project (window)->maps, 0))->touchpoints, 0);
  journey_history_set (journey_window_get_history (window), tp, "votes", 42, NULL);
  g_assert_true (journey_history_is_dirty (journey_window_get_history (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_document (window);
  g_assert_false (journey_history_is_dirty (journey_window_get_history (window)));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"votes\": 42"));
  /* The backup holds the file as it was before the save. */
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, contents);

  g_settings_reset (settings, "make-backup");
  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A file changed by another program since it was opened is not
 * overwritten without asking: the window asks, Cancel keeps the other
 * program's file, Overwrite saves. */
static void
test_changed_on_disk (void)
{
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *source = g_build_filename (examples, "hotel.journey", NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  JourneyWindow *window;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);

  window = open_window (test_app, path, TRUE);
  journey_history_set (journey_window_get_history (window), first_touchpoint (window), "votes", 7, NULL);

  /* Another program writes the file. */
  theirs = g_strconcat (contents, " ", NULL);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_document (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (journey_document_get_dirty (journey_window_get_document (window)));

  /* Cancel: their file stays. */
  adw_message_dialog_response (dialog, "cancel");
  wait_for_document (window);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);

  /* Overwrite: ours replaces it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_document (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "overwrite");
  wait_for_document (window);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "\"votes\": 7"));
  g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

/* -- the file changed by another program ---------------------------------- */

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

/* Whether a label under @widget starts with @prefix. */
static gboolean
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, prefix))
      return TRUE;
  return FALSE;
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

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
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

/* A copy of hotel.journey in a new folder, older than anything written
 * during the test, open in a window. */
static JourneyWindow *
open_copy (const char  *dir,
           char       **path,
           char       **contents)
{
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *source = g_build_filename (examples, "hotel.journey", NULL);

  *path = g_build_filename (dir, "hotel.journey", NULL);
  g_assert_true (g_file_get_contents (source, contents, NULL, NULL));
  g_assert_true (g_file_set_contents (*path, *contents, -1, NULL));
  g_assert_cmpint (g_utime (*path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  return open_window (test_app, *path, TRUE);
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
  wait_for_document (window);
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
  spin (500);
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));

  /* Saving then asks before overwriting theirs; Cancel keeps theirs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_document (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  adw_message_dialog_response (dialog, "cancel");
  wait_for_document (window);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);

  /* Another change shows the banner again.  Reload asks first: Cancel
   * keeps the edit. */
  g_clear_pointer (&theirs, g_free);
  theirs = their_version (contents, "\"Visits the website again\"");
  replace_from_outside (path, theirs);
  wait_for_banner (window, TRUE);
  click (window, "disk_primary_button");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reload and Lose Your Changes?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  wait_for_document (window);
  g_assert_cmpint (website (window)->votes, ==, 7);
  g_assert_true (journey_document_get_dirty (document));

  /* Reload, confirmed: the version on disk, clean. */
  click (window, "disk_primary_button");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "reload");
  wait_for_document (window);
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
      wait_for_document (window);
      g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));
      spin (700);
      g_assert_cmpuint (changes, ==, 0);
      g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));
      g_assert_null (find_message_dialog ());
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
  wait_for_document (window);
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
  wait_for_document (window);
  g_assert_cmpstr (website (window)->title, ==, "Visits the hotel website");
  g_assert_cmpint (journey_document_get_disk_state (journey_window_get_document (window)), ==,
                   JOURNEY_DISK_STATE_CHANGED);
  /* The banner is back, to try again once the file is mended, and a
   * toast says what is wrong, the file's text shown as text. */
  wait_for_banner (window, TRUE);
  g_assert_true (find_label (GTK_WIDGET (window), "“hotel.journey” cannot be reloaded: line 1, column 1: "));

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  test_app = journey_application_new ();
  g_application_set_flags (G_APPLICATION (test_app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/open-example", test_open_example);
  g_test_add_func ("/window/broken-file", test_broken_file);
  g_test_add_func ("/window/autosave-and-recovery", test_autosave_and_recovery);
  g_test_add_func ("/window/save-with-backup", test_save_with_backup);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/reload-clean", test_reload_clean);
  g_test_add_func ("/window/reload-dirty", test_reload_dirty);
  g_test_add_func ("/window/own-save-not-offered", test_own_save_not_offered);
  g_test_add_func ("/window/file-deleted", test_file_deleted);
  g_test_add_func ("/window/reload-broken", test_reload_broken);

  status = g_test_run ();
  g_clear_object (&test_app);
  return status;
}
