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
#include "journey-canvas.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"

static JourneyWindow *
open_window (JourneyApplication *app,
             const char         *path,
             gboolean            expect_ok)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window = journey_window_new (app);

  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  g_assert_cmpint (journey_window_get_project (window) != NULL, ==, expect_ok);
  return window;
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
  return test_find_widget (widget, ADW_TYPE_WINDOW_TITLE);
}

/* Whether @action is enabled in @window: a button in its header bar for
 * that action is sensitive exactly when it is. */
static gboolean
action_enabled (JourneyWindow *window,
                const char    *action)
{
  AdwHeaderBar *bar = ADW_HEADER_BAR (test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
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
    GtkWidget *button = test_find_button_for_action (GTK_WIDGET (window), "win.undo");

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
  label = GTK_LABEL (test_find_widget (adw_status_page_get_child (page), GTK_TYPE_LABEL));
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "line 1"));
  g_assert_false (gtk_label_get_use_markup (label));
  /* Malformed JSON cannot be repaired: no copy is offered. */
  g_assert_false (gtk_widget_get_visible (test_find_button_for_action (GTK_WIDGET (page), "win.open-repaired-copy")));
  g_assert_false (journey_document_get_can_repair (journey_window_get_document (window)));

  /* Nothing can be saved over the broken file: the actions are off, and
   * saving anyway writes nothing. */
  g_assert_false (action_enabled (window, "win.save"));
  g_assert_false (action_enabled (window, "win.save-as"));
  g_assert_true (action_enabled (window, "win.open"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  test_wait_for_document (window);
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
  test_wait_for_document (window);
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
  test_wait_for_document (window);
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
  test_wait_for_document (window);
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (journey_document_get_dirty (journey_window_get_document (window)));

  /* Cancel: their file stays. */
  adw_message_dialog_response (dialog, "cancel");
  test_wait_for_document (window);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);

  /* Overwrite: ours replaces it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  test_wait_for_document (window);
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "overwrite");
  test_wait_for_document (window);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "\"votes\": 7"));
  g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

/* A double click on a note on the map selects its touchpoint and puts the
 * focus on the note's field in the inspector, which opens. */
static void
test_double_click_note (void)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  JourneyWindow *window = open_window (test_app, path, TRUE);
  JourneyCanvas *canvas = JOURNEY_CANVAS (test_find_widget (GTK_WIDGET (window), JOURNEY_TYPE_CANVAS));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  GtkGesture *click = NULL;
  JourneyLayout *layout;
  JourneyLayoutNote note = { 0, };
  JourneyTouchpoint *tp = NULL;
  JourneyAction *action = NULL;
  g_autoptr(GPtrArray) selection = NULL;
  GtkWidget *focus, *row;
  double wx, wy;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);

  /* The first action note of the map. */
  layout = journey_canvas_get_layout (canvas);
  g_assert_nonnull (layout);
  for (guint n = 0; n < layout->n_notes && action == NULL; n++)
    if (layout->notes[n].kind == JOURNEY_NOTE_ACTION)
      {
        note = layout->notes[n];
        tp = layout->cards[note.card].touchpoint;
        action = journey_list_peek (tp->actions, note.item);
      }
  g_assert_nonnull (action);

  journey_canvas_map_to_widget (canvas, note.rect.x + note.rect.width / 2, note.rect.y + note.rect.height / 2,
                                &wx, &wy);
  for (int n = 1; n <= 2; n++)
    {
      g_signal_emit_by_name (click, "pressed", n, wx, wy);
      g_signal_emit_by_name (click, "released", n, wx, wy);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  selection = journey_canvas_get_selection (canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection, 0) == tp);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  /* The inspector opens in the next frames: on a busy machine, later. */
  for (guint i = 0; i < 500 && !gtk_widget_get_mapped (row); i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, action->text);
  g_assert_false (journey_history_can_undo (journey_window_get_history (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file with one bad value is refused, but offers a repaired copy: an
 * unsaved, untitled journey with the value clamped, the change listed,
 * the file untouched. */
static void
test_repaired_copy (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "tests", "invalid",
                                                   "satisfaction-above-scale.journey", NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "workshop.journey", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JourneyWindow *window;
  JourneyDocument *document;
  AdwWindowTitle *title;
  AdwMessageDialog *dialog;
  GtkStack *stack;
  GtkWidget *button;
  GtkLabel *problems;
  GtkLabel *changes;

  g_assert_true (g_file_get_contents (source, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  window = open_window (test_app, path, FALSE);
  document = journey_window_get_document (window);

  /* Refused, as before, with the problem named, and the copy offered. */
  stack = find_pages (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "problems");
  problems = GTK_LABEL (test_find_widget (adw_status_page_get_child (ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack))),
                                          GTK_TYPE_LABEL));
  g_assert_nonnull (strstr (gtk_label_get_text (problems), "maps[0].touchpoints[0].satisfaction"));
  button = test_find_button_for_action (gtk_stack_get_visible_child (stack), "win.open-repaired-copy");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_null (journey_window_get_project (window));

  /* The button opens the copy. */
  g_signal_emit_by_name (button, "clicked");
  test_wait_for_document (window);
  g_assert_nonnull (journey_window_get_project (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "map");
  g_assert_cmpfloat (first_touchpoint (window)->satisfaction, ==, 5);
  g_assert_true (journey_window_get_map (window) == journey_list_peek (journey_window_get_project (window)->maps, 0));

  /* Untitled and unsaved: nothing is saved over the file. */
  g_assert_null (journey_document_get_file (document));
  g_assert_true (journey_document_get_dirty (document));
  title = ADW_WINDOW_TITLE (find_title (GTK_WIDGET (window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "• Unsaved Journey");
  g_assert_true (action_enabled (window, "win.save"));

  /* The change is listed, at its place, with the old and the new value. */
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "workshop.journey"));
  changes = GTK_LABEL (test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LABEL));
  g_assert_nonnull (changes);
  g_assert_false (gtk_label_get_use_markup (changes));
  g_assert_nonnull (strstr (gtk_label_get_text (changes), "maps[0].touchpoints[0].satisfaction: was 5.5"));
  g_assert_nonnull (strstr (gtk_label_get_text (changes), "now 5"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Closing it asks about the journey by its title: it has no file. */
  g_assert_nonnull (journey_window_get_map (window)->title);
  gtk_window_close (GTK_WINDOW (window));
  dialog = test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), journey_window_get_map (window)->title));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "Unsaved Journey"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  journey_document_discard_autosave (document);
  journey_history_mark_clean (journey_window_get_history (window));
  gtk_window_destroy (GTK_WINDOW (window));
  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add_func ("/window/open-example", test_open_example);
  g_test_add_func ("/window/broken-file", test_broken_file);
  g_test_add_func ("/window/autosave-and-recovery", test_autosave_and_recovery);
  g_test_add_func ("/window/save-with-backup", test_save_with_backup);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/double-click-note", test_double_click_note);
  g_test_add_func ("/window/repaired-copy", test_repaired_copy);

  return test_app_run ();
}
