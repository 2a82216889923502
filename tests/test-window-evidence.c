/* test-window-evidence.c: survey evidence in the window (SPEC §11): the
 * Import Survey dialog proposes a mapping, lets a wide survey without
 * touchpoint names be mapped, reads in a worker thread that can be
 * cancelled, and lands as one undo step; a project
 * with a followed source follows it while it is open, its updates marking
 * the document changed but not on the undo history.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "journey-evidence.h"
#include "journey-format.h"
#include "journey-window-evidence.h"
#include "journey-window-test-utils.h"


/* A folder with a copy of hotel.journey and @survey_text as survey.csv. */
static char *
make_folder (const char *survey_text)
{
  g_autofree char *dir = g_dir_make_tmp ("journeys-window-evidence-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("JOURNEYS_TEST_FILES_DIR"), "evidence", "hotel.journey", NULL);
  g_autofree char *project = g_build_filename (dir, "hotel.journey", NULL);
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (project, text, -1, NULL));
  g_assert_true (g_file_set_contents (survey, survey_text, -1, NULL));
  return g_steal_pointer (&dir);
}

static void
remove_folder (const char *dir)
{
  const char *names[] = { "hotel.journey", "survey.csv", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static JourneyWindow *
open_window (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);

  return test_open_window (test_app, path);
}

/* -- The Import Survey dialog ----------------------------------------------- */

static JourneyImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (JOURNEY_IS_IMPORT_DIALOG (window))
        return JOURNEY_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gpointer
child (JourneyImportDialog *dialog,
       const char          *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), JOURNEY_TYPE_IMPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
summary (JourneyImportDialog *dialog)
{
  return gtk_label_get_text (child (dialog, "summary_label"));
}

static gboolean
can_import (JourneyImportDialog *dialog)
{
  return gtk_widget_get_sensitive (child (dialog, "import_button"));
}

/* Import, and wait for the dialog to close. */
static void
import_and_wait (JourneyImportDialog *dialog)
{
  g_assert_true (can_import (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_true (journey_import_dialog_get_running (dialog));
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_import (void)
{
  g_autofree char *dir = make_folder ("touchpoint,score\nwebsite,5\nroom,2\nroom,4\nlobby,3\n");
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (survey);
  JourneyWindow *window = open_window (dir);
  JourneyHistory *history = journey_window_get_history (window);
  JourneyMap *map = journey_window_get_map (window);
  JourneyTouchpoint *room = journey_map_find_touchpoint (map, "room");
  JourneyImportDialog *dialog = journey_window_show_import_dialog (window, file);
  JourneyEvidenceSource *source;

  /* Enter imports: the button is the dialog's default. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == child (dialog, "import_button"));

  /* Long: the columns named touchpoint and score, proposed. */
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "layout_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "touchpoint_column_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "score_column_row")), ==, 2);
  g_assert_cmpstr (summary (dialog), ==,
                   "3 rows will be used; 1 skipped (line 5: the map has no touchpoint “lobby”).");
  import_and_wait (dialog);

  g_assert_cmpint (room->evidence->responses, ==, 2);
  g_assert_cmpfloat (room->evidence->mean, ==, 3);
  source = journey_list_peek (map->evidence_sources, 0);
  g_assert_cmpstr (source->path, ==, "survey.csv");
  g_assert_cmpint (source->skipped, ==, 1);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Import “survey.csv”");
  g_assert_true (journey_document_get_dirty (journey_window_get_document (window)));

  /* The same source again, a row longer: its aggregates replaced, not
   * added. */
  g_assert_true (g_file_set_contents (survey, "touchpoint,score\nwebsite,5\nroom,2\nroom,4\nlobby,3\nroom,3\n",
                                      -1, NULL));
  dialog = journey_window_show_import_dialog (window, file);
  import_and_wait (dialog);
  g_assert_cmpint (room->evidence->responses, ==, 3);
  g_assert_cmpuint (journey_list_get_length (map->evidence_sources), ==, 1);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 2);

  g_assert_true (journey_history_undo (history));
  g_assert_true (journey_history_undo (history));
  g_assert_null (room->evidence);
  g_assert_cmpuint (journey_list_get_length (map->evidence_sources), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

/* A wide survey whose questions name no touchpoint: its columns are
 * given touchpoints in the dialog; the separator changed and changed
 * back reads the file again. */
static void
test_wide_without_names (void)
{
  g_autofree char *dir = make_folder ("id;How was it?;And then?\n1;4;5\n2;2;\n3;x;3\n");
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (survey);
  JourneyWindow *window = open_window (dir);
  JourneyHistory *history = journey_window_get_history (window);
  JourneyMap *map = journey_window_get_map (window);
  JourneyTouchpoint *room = journey_map_find_touchpoint (map, "room");
  JourneyTouchpoint *website = journey_map_find_touchpoint (map, "website");
  JourneyImportDialog *dialog = journey_window_show_import_dialog (window, file);
  JourneyEvidenceSource *source;

  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "separator_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "layout_row")), ==, 0);
  g_assert_cmpstr (summary (dialog), ==, "Choose the touchpoint that at least one column of scores rates.");
  g_assert_false (can_import (dialog));
  /* The first column holds ids 1 to 3: offered, as they might be scores. */
  g_assert_nonnull (journey_import_dialog_get_column_row (dialog, 0));

  /* A comma: one column, the whole line. */
  adw_combo_row_set_selected (child (dialog, "separator_row"), 0);
  g_assert_null (journey_import_dialog_get_column_row (dialog, 1));
  adw_combo_row_set_selected (child (dialog, "separator_row"), 1);

  adw_combo_row_set_selected (journey_import_dialog_get_column_row (dialog, 1), 3);  /* Room */
  adw_combo_row_set_selected (journey_import_dialog_get_column_row (dialog, 2), 1);  /* Website */
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "scale_row")), ==, 0);  /* 1–5 */
  g_assert_cmpstr (summary (dialog), ==,
                   "2 rows will be used; 1 skipped (line 4: the score “x” is neither a number nor a label "
                   "of the scale).");
  import_and_wait (dialog);

  g_assert_cmpint (room->evidence->responses, ==, 2);
  g_assert_cmpfloat (room->evidence->mean, ==, 3);
  g_assert_cmpint (website->evidence->responses, ==, 1);
  g_assert_cmpfloat (website->evidence->mean, ==, 5);
  source = journey_list_peek (map->evidence_sources, 0);
  g_assert_cmpstr (source->separator, ==, ";");
  g_assert_cmpstr (source->mapping[0], ==, "How was it?=room");
  g_assert_cmpstr (source->mapping[1], ==, "And then?=website");
  g_assert_null (source->mapping[2]);

  /* The file again: shown as it was imported, the same source. */
  g_assert_true (g_file_set_contents (survey, "id;How was it?;And then?\n1;4;5\n2;2;\n3;x;3\n4;1;1\n", -1, NULL));
  dialog = journey_window_show_import_dialog (window, file);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "separator_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (journey_import_dialog_get_column_row (dialog, 1)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (journey_import_dialog_get_column_row (dialog, 2)), ==, 1);
  import_and_wait (dialog);
  g_assert_cmpint (room->evidence->responses, ==, 3);
  g_assert_cmpuint (journey_list_get_length (map->evidence_sources), ==, 1);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 2);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpint (room->evidence->responses, ==, 2);

  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  g_assert_true (journey_history_undo (history));
  g_assert_null (room->evidence);
  g_assert_null (website->evidence);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

/* A big import cancelled mid-way: nothing changed, the dialog stays. */
static void
test_cancel (void)
{
  g_autofree char *dir = make_folder ("");
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autoptr(GString) text = g_string_new ("touchpoint,score\n");
  g_autoptr(GFile) file = g_file_new_for_path (survey);
  JourneyWindow *window;
  JourneyImportDialog *dialog;
  GtkProgressBar *progress;
  JourneyTouchpoint *room;

  while (text->len < 60 * 1024 * 1024)
    g_string_append (text, "room,4\nwebsite,2\n");
  g_assert_true (g_file_set_contents (survey, text->str, text->len, NULL));
  window = open_window (dir);
  room = journey_map_find_touchpoint (journey_window_get_map (window), "room");
  dialog = journey_window_show_import_dialog (window, file);
  g_assert_true (g_str_has_prefix (summary (dialog), "In the first "));
  progress = child (dialog, "progress_bar");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  while (gtk_progress_bar_get_fraction (progress) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), <, 1);
  g_assert_true (journey_import_dialog_get_running (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  while (journey_import_dialog_get_running (dialog))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (summary (dialog), ==, "The import was cancelled; nothing was changed.");
  g_assert_true (can_import (dialog));
  g_assert_null (room->evidence);
  g_assert_cmpuint (journey_history_get_n_steps (journey_window_get_history (window)), ==, 0);
  g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

/* A survey export dropped on the window opens Import Survey for it. */
static void
test_drop (void)
{
  g_autofree char *dir = make_folder ("touchpoint,score\nwebsite,5\nwebsite,3\n");
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (survey);
  JourneyWindow *window = open_window (dir);
  JourneyTouchpoint *website = journey_map_find_touchpoint (journey_window_get_map (window), "website");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean accepted = FALSE;
  JourneyImportDialog *dialog;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_file_equal (journey_import_dialog_get_file (dialog), file));
  import_and_wait (dialog);
  g_assert_cmpint (website->evidence->responses, ==, 2);
  g_assert_cmpfloat (website->evidence->mean, ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_follow (void)
{
  g_autofree char *dir = make_folder ("touchpoint,score\nroom,4\n");
  g_autofree char *project_path = g_build_filename (dir, "hotel.journey", NULL);
  g_autofree char *survey = g_build_filename (dir, "survey.csv", NULL);
  JourneyWindow *window;
  JourneyTouchpoint *room;
  gboolean timed_out = FALSE;
  guint timeout;
  FILE *out;

  /* The project remembers the survey as followed (journeys --follow). */
  {
    g_autoptr(GFile) project_file = g_file_new_for_path (project_path);
    g_autoptr(GFile) survey_file = g_file_new_for_path (survey);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
    g_autoptr(JourneyProject) project = journey_format_read_file (project_file, problems, NULL);
    JourneySurveyOptions options = { .format = -1 };
    g_autoptr(GError) error = NULL;

    g_assert_true (journey_evidence_import_file (NULL, journey_list_peek (project->maps, 0), survey_file, folder,
                                                 &options, "Live", TRUE, NULL, NULL, &error));
    g_assert_true (journey_format_write_file (project, project_file, JOURNEY_SAVE_NONE, &error));
    g_assert_no_error (error);
  }

  window = open_window (dir);
  room = journey_map_find_touchpoint (journey_window_get_map (window), "room");
  g_assert_cmpuint (journey_window_get_n_followed (window), ==, 1);
  g_assert_cmpint (room->evidence->responses, ==, 1);
  g_assert_false (journey_document_get_dirty (journey_window_get_document (window)));

  out = g_fopen (survey, "ab");
  fputs ("room,2\n", out);
  fclose (out);
  timeout = g_timeout_add (1000, on_timeout, &timed_out);
  while (!timed_out && room->evidence->responses != 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_assert_cmpfloat (room->evidence->mean, ==, 3);
  g_assert_true (journey_document_get_dirty (journey_window_get_document (window)));
  g_assert_false (journey_history_can_undo (journey_window_get_history (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add_func ("/window-evidence/import", test_import);
  g_test_add_func ("/window-evidence/wide-without-names", test_wide_without_names);
  g_test_add_func ("/window-evidence/cancel", test_cancel);
  g_test_add_func ("/window-evidence/drop", test_drop);
  g_test_add_func ("/window-evidence/follow", test_follow);

  return test_app_run ();
}
