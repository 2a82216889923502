/* test-app.c: the parts of the application around the map: preferences,
 * export, printing, the menu and presenting.
 *
 * With JOURNEYS_SCREENSHOT_DIR set, each test also saves a picture of the
 * window or dialog it drives there.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <math.h>
#include <utime.h>

#include "export/export-test-utils.h"
#include "journey-application.h"
#include "journey-edit.h"
#include "journey-autosave.h"
#include "journey-export-dialog.h"
#include "journey-preferences.h"
#include "journey-inspector.h"
#include "journey-presentation.h"
#include "journey-print-operation.h"
#include "journey-start-page.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"
#include "journey-window-export.h"
#include "journey-window-files.h"

static JourneyApplication *test_app;

static JourneyWindow *
open_example (const char *name)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window = journey_window_new (test_app);

  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  g_assert_nonnull (journey_window_get_project (window));
  return window;
}

/* Runs the main loop until @window's map has a size and shows in it
 * (at most ten seconds: slow under the sanitizers). */
static void
wait_for_canvas (JourneyWindow *window)
{
  GtkWidget *canvas = GTK_WIDGET (journey_window_get_canvas (window));

  for (guint i = 0; i < 1000 && (gtk_widget_get_width (canvas) == 0 || !gtk_widget_get_mapped (canvas)); i++)
    test_run_for (10);
  g_assert_cmpint (gtk_widget_get_width (canvas), >, 0);
  test_run_for (200);
}

/* Opens @file in a new window of a workshop's screen: maximised on
 * 1920 × 1080.  Xvfb has no window manager to maximise it, and GTK keeps
 * a default size within the screen: the window asks for the size. */
static JourneyWindow *
open_file_full_screen (GFile *file)
{
  JourneyWindow *window = journey_window_new (test_app);

  gtk_widget_set_size_request (GTK_WIDGET (window), 1920, 1080);
  gtk_window_maximize (GTK_WINDOW (window));
  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  g_assert_nonnull (journey_window_get_project (window));
  wait_for_canvas (window);
  return window;
}

static JourneyWindow *
open_example_full_screen (const char *name)
{
  g_autofree char *dir = test_examples_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return open_file_full_screen (file);
}

/* The @n-th widget of @type under @widget, depth first. */
static GtkWidget *
find_nth_widget (GtkWidget *widget,
                 GType      type,
                 guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*n == 0)
        return widget;
      (*n)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth_widget (child, type, n);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_widget (GtkWidget *widget,
            GType      type,
            guint      n)
{
  return find_nth_widget (widget, type, &n);
}

/* Saves a picture of @window as NAME.png in $JOURNEYS_SCREENSHOT_DIR. */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("JOURNEYS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  test_run_for (600);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strdup_printf ("%s%s.png", name, g_getenv ("ADW_DEBUG_COLOR_SCHEME") ? "-dark" : "");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* -- Preferences ---------------------------------------------------------- */

static gboolean
setting_is (GSettings  *settings,
            const char *key,
            const char *value)
{
  g_autofree char *now = g_settings_get_string (settings, key);

  return g_str_equal (now, value);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeys.Journeys");
  JourneyWindow *window = open_example ("hotel.journey");
  GtkWidget *preferences;
  GtkSwitch *snap, *backup, *autosave;
  GtkSpinButton *step, *minutes;
  AdwComboRow *scale_row, *text_size_row;
  GListModel *names;

  g_settings_reset (settings, "default-scale");
  g_settings_reset (settings, "presentation-text-size");
  g_settings_reset (settings, "snap-to-grid");
  g_settings_reset (settings, "snap-step");
  g_settings_reset (settings, "make-backup");
  g_settings_reset (settings, "autosave-interval");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (test_app), "preferences"));
  preferences = journey_preferences_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  test_iterate ();

  snap = GTK_SWITCH (nth_widget (preferences, GTK_TYPE_SWITCH, 0));
  backup = GTK_SWITCH (nth_widget (preferences, GTK_TYPE_SWITCH, 1));
  autosave = GTK_SWITCH (nth_widget (preferences, GTK_TYPE_SWITCH, 2));
  step = GTK_SPIN_BUTTON (nth_widget (preferences, GTK_TYPE_SPIN_BUTTON, 0));
  minutes = GTK_SPIN_BUTTON (nth_widget (preferences, GTK_TYPE_SPIN_BUTTON, 1));
  scale_row = ADW_COMBO_ROW (nth_widget (preferences, ADW_TYPE_COMBO_ROW, 0));
  text_size_row = ADW_COMBO_ROW (nth_widget (preferences, ADW_TYPE_COMBO_ROW, 1));

  /* The rows show the settings... */
  g_assert_true (gtk_switch_get_active (snap));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (step), 0.25, 1e-9);
  g_assert_false (gtk_switch_get_active (backup));
  g_assert_true (gtk_switch_get_active (autosave));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minutes), ==, 1);
  /* The scales the inspector offers, CSAT first and chosen. */
  names = adw_combo_row_get_model (scale_row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "CSAT, 1 to 5");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 3), ==, "NPS, 0 to 10");
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 0);
  names = adw_combo_row_get_model (text_size_row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Normal");
  g_assert_cmpuint (adw_combo_row_get_selected (text_size_row), ==, 0);
  screenshot (preferences, "preferences");

  /* ...and change them. */
  gtk_switch_set_active (snap, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "snap-to-grid"));
  gtk_spin_button_set_value (step, 0.5);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "snap-step"), 0.5, 1e-9);
  gtk_switch_set_active (backup, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "make-backup"));
  gtk_spin_button_set_value (minutes, 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 300);
  /* The document follows at once. */
  g_assert_cmpuint (journey_document_get_autosave_interval (journey_window_get_document (window)), ==, 300);
  gtk_switch_set_active (autosave, FALSE);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 0);
  gtk_switch_set_active (autosave, TRUE);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 300);

  adw_combo_row_set_selected (scale_row, 3);
  g_assert_true (setting_is (settings, "default-scale", "nps"));
  adw_combo_row_set_selected (text_size_row, 2);
  g_assert_true (setting_is (settings, "presentation-text-size", "huge"));

  /* A change made elsewhere shows. */
  g_settings_set_double (settings, "snap-step", 1.0);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (step), 1.0, 1e-9);
  g_settings_set_string (settings, "default-scale", "plus-minus");
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 1);
  g_settings_set_string (settings, "presentation-text-size", "large");
  g_assert_cmpuint (adw_combo_row_get_selected (text_size_row), ==, 1);

  g_settings_reset (settings, "snap-to-grid");
  g_settings_reset (settings, "snap-step");
  g_settings_reset (settings, "make-backup");
  g_settings_reset (settings, "autosave-interval");
  g_settings_reset (settings, "default-scale");
  g_settings_reset (settings, "presentation-text-size");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* -- Export ---------------------------------------------------------------- */

/* Whether a label under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* The toplevel of @type transient for @parent, or NULL. */
static GtkWindow *
find_dialog (GtkWindow *parent,
             GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

static guint32
png_width (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  const guchar *b;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  b = (const guchar *) data;
  g_assert_cmpmem (b, 8, "\x89PNG\r\n\x1a\n", 8);
  return (guint32) b[16] << 24 | (guint32) b[17] << 16 | (guint32) b[18] << 8 | b[19];
}

static gboolean
file_starts_with (const char *path,
                  const char *prefix)
{
  g_autofree char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return FALSE;
  return g_str_has_prefix (data, prefix);
}

/* Opens the export dialog of @window, chooses @format (and @scale) and
 * exports to @path as if the file chooser had answered. */
static void
export_through_dialog (JourneyWindow *window,
                       const char    *format_id,
                       double         scale,
                       const char    *path,
                       const char    *shot)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const JourneyExportFormat *format = journey_export_format_from_id (format_id);
  JourneyExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  test_iterate ();
  dialog = JOURNEY_EXPORT_DIALOG (find_dialog (GTK_WINDOW (window), JOURNEY_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  journey_export_dialog_set_format (dialog, format);
  if (format->flags & JOURNEY_EXPORT_USES_CSV_FLAVOUR)
    journey_export_dialog_set_csv_flavour (dialog, JOURNEY_CSV_PLAIN);
  if (scale > 0)
    journey_export_dialog_set_scale (dialog, scale);
  if (shot != NULL)
    screenshot (GTK_WIDGET (dialog), shot);
  journey_export_dialog_export_to (dialog, file);
  test_iterate ();
  g_assert_null (find_dialog (GTK_WINDOW (window), JOURNEY_TYPE_EXPORT_DIALOG));
}

static void
test_export (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *png1 = g_build_filename (dir, "small.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *csv_no_ext = g_build_filename (dir, "actions", NULL);
  g_autofree char *csv = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *marked_up = g_build_filename (dir, "R&D <draft>.svg", NULL);
  g_autofree char *csv_text = NULL;
  JourneyWindow *window = open_example ("hotel.journey");
  JourneyWindow *other = open_example ("online-shop.journey");
  const JourneyExportTarget *target;
  JourneyExportDialog *dialog;
  guint32 width2, width1;

  g_assert_null (journey_window_get_export_target (window));

  export_through_dialog (window, "svg", 0, svg, NULL);
  g_assert_true (file_starts_with (svg, "<?xml"));

  /* The toast says so and offers to open it. */
  {
    GtkWidget *button = test_find_button_for_action (GTK_WIDGET (window), "win.open-exported");

    g_assert_nonnull (button);
    screenshot (GTK_WIDGET (window), "exported-toast");
  }

  export_through_dialog (window, "png", 2, png, "export-dialog");
  width2 = png_width (png);

  /* The dialog comes back with the last format and scale. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  test_iterate ();
  dialog = JOURNEY_EXPORT_DIALOG (find_dialog (GTK_WINDOW (window), JOURNEY_TYPE_EXPORT_DIALOG));
  g_assert_cmpstr (journey_export_dialog_get_format (dialog)->id, ==, "png");
  gtk_window_close (GTK_WINDOW (dialog));
  test_iterate ();
  g_assert_null (find_dialog (GTK_WINDOW (window), JOURNEY_TYPE_EXPORT_DIALOG));

  export_through_dialog (window, "png", 1, png1, NULL);
  width1 = png_width (png1);
  g_assert_cmpuint (width1, >, 100);
  g_assert_cmpint (ABS ((int) width2 - 2 * (int) width1), <=, 1);

  export_through_dialog (window, "pdf", 0, pdf, NULL);
  g_assert_true (file_starts_with (pdf, "%PDF-"));

  /* The format's extension is added to a bare name. */
  export_through_dialog (window, "csv", 0, csv_no_ext, NULL);
  g_assert_false (g_file_test (csv_no_ext, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "\"map\",\"stage\",\"touchpoint\",\"kind\",\"text\",\"owner\",\"status\",\"votes\"\r\n"));

  /* The columns that Jira's importer takes, chosen in the dialog. */
  {
    g_autofree char *jira = g_build_filename (dir, "jira.csv", NULL);
    g_autofree char *jira_text = NULL;
    g_autoptr(GFile) jira_file = g_file_new_for_path (jira);
    JourneyExportDialog *jira_dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
    test_iterate ();
    jira_dialog = JOURNEY_EXPORT_DIALOG (find_dialog (GTK_WINDOW (window), JOURNEY_TYPE_EXPORT_DIALOG));
    journey_export_dialog_set_format (jira_dialog, journey_export_format_from_id ("csv"));
    journey_export_dialog_set_csv_flavour (jira_dialog, JOURNEY_CSV_JIRA);
    journey_export_dialog_export_to (jira_dialog, jira_file);
    test_iterate ();
    g_assert_true (g_file_get_contents (jira, &jira_text, NULL, NULL));
    g_assert_true (g_str_has_prefix (jira_text, "\"Summary\",\"Description\",\"Issue Type\",\"Status\","));
    g_assert_cmpint (journey_window_get_export_target (window)->options.csv_flavour, ==, JOURNEY_CSV_JIRA);
    g_unlink (jira);
  }

  /* Plain again; then Ctrl+E writes the last target again. */
  export_through_dialog (window, "csv", 0, csv_no_ext, NULL);
  g_clear_pointer (&csv_text, g_free);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "\"map\",\"stage\""));
  target = journey_window_get_export_target (window);
  g_assert_nonnull (target);
  g_assert_cmpstr (target->format->id, ==, "csv");
  g_assert_cmpint (g_unlink (csv), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-again", NULL));
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  g_assert_null (find_dialog (GTK_WINDOW (window), JOURNEY_TYPE_EXPORT_DIALOG));

  /* Each document remembers its own: the other one has none, and Ctrl+E
   * asks where. */
  g_assert_null (journey_window_get_export_target (other));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "win.export-again", NULL));
  test_iterate ();
  dialog = JOURNEY_EXPORT_DIALOG (find_dialog (GTK_WINDOW (other), JOURNEY_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A file name is shown as it is, never read as markup. */
  export_through_dialog (other, "svg", 0, marked_up, NULL);
  g_assert_true (file_starts_with (marked_up, "<?xml"));
  g_assert_true (shows_text (GTK_WIDGET (other), "Exported “R&D <draft>.svg”"));

  /* Every format the dialog offers is written as chosen, whatever the name
   * says: a name with another format's extension gets this one's. */
  for (guint i = 0; i < journey_export_get_n_formats (); i++)
    {
      const JourneyExportFormat *format = journey_export_get_format (i);
      static const char *magic[] = { "<?xml", "\x89PNG", "%PDF-", "\"map\"", "journey\n", "# " };
      g_autofree char *named = g_build_filename (dir, i == 0 ? "every.png" : "every.svg", NULL);
      g_autofree char *written = g_strconcat (named, ".", journey_export_format_get_extension (format), NULL);

      if (format->flags & JOURNEY_EXPORT_PROJECT)
        continue;
      g_assert_cmpuint (i, <, G_N_ELEMENTS (magic));
      export_through_dialog (other, format->id, 0, named, NULL);
      g_assert_false (g_file_test (named, G_FILE_TEST_EXISTS));
      g_assert_true (file_starts_with (written, magic[i]));
      g_assert_cmpstr (journey_window_get_export_target (other)->format->id, ==, format->id);
    }

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
  test_tmpdir_remove (dir);
}

/* -- Printing -------------------------------------------------------------- */

/* The pages of a PDF that cairo wrote, and the size of its first one. */
static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  g_autofree char *data = NULL;
  g_autoptr(GRegex) page = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) box = g_regex_new ("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gsize length = 0;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_regex_match_full (page, data, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      n++;
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_unref);
  g_assert_true (g_regex_match_full (box, data, length, 0, 0, &match, NULL));
  {
    g_autofree char *w = g_match_info_fetch (match, 1);
    g_autofree char *h = g_match_info_fetch (match, 2);

    *width = g_ascii_strtod (w, NULL);
    *height = g_ascii_strtod (h, NULL);
  }
  return n;
}

static void
print_to_pdf (JourneyWindow      *window,
              JourneyPrintLayout  layout,
              const char         *path,
              guint              *expected_pages)
{
  g_autoptr(JourneyPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GtkPageSetup *setup;

  operation = journey_print_operation_new (journey_window_get_project (window), journey_window_get_map (window));
  journey_print_operation_set_layout (operation, layout);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  *expected_pages = journey_print_operation_count_pages (operation,
                                                         gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                                                         gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS),
                                                         NULL);
}

static void
test_print (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *fit = g_build_filename (dir, "fit.pdf", NULL);
  g_autofree char *tiles = g_build_filename (dir, "tiles.pdf", NULL);
  JourneyWindow *window = open_example ("hotel.journey");
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  double paper_long = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  double paper_short = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  double width, height;
  guint expected;

  /* Fitted: one page of the default paper, landscape. */
  print_to_pdf (window, JOURNEY_PRINT_FIT, fit, &expected);
  g_assert_cmpuint (expected, ==, 1);
  g_assert_cmpuint (pdf_pages (fit, &width, &height), ==, 1);
  g_assert_cmpfloat_with_epsilon (width, paper_long, 1.0);
  g_assert_cmpfloat_with_epsilon (height, paper_short, 1.0);

  /* Tiled at full size: the map is larger than a page, so it takes
   * several, all of the same paper. */
  print_to_pdf (window, JOURNEY_PRINT_TILE, tiles, &expected);
  g_assert_cmpuint (expected, >, 1);
  g_assert_cmpuint (pdf_pages (tiles, &width, &height), ==, expected);
  g_assert_cmpfloat_with_epsilon (width, paper_long, 1.0);
  g_assert_cmpfloat_with_epsilon (height, paper_short, 1.0);

  if (g_getenv ("JOURNEYS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *fit_copy = g_build_filename (g_getenv ("JOURNEYS_SCREENSHOT_DIR"), "print-fit.pdf", NULL);
      g_autofree char *tiles_copy = g_build_filename (g_getenv ("JOURNEYS_SCREENSHOT_DIR"), "print-tiles.pdf", NULL);

      g_assert_cmpint (g_rename (fit, fit_copy), ==, 0);
      g_assert_cmpint (g_rename (tiles, tiles_copy), ==, 0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
  test_tmpdir_remove (dir);
}

/* Draws page @page of @operation onto a white image of @width × @height
 * points, one pixel a point. */
static cairo_surface_t *
draw_tile (JourneyPrintOperation *operation,
           int                    page,
           double                 width,
           double                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  journey_print_operation_draw_page_on (operation, cr, page, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

/* Tiles overlap: the strip at the right of a page is the strip at the left
 * of the next one, dashed mark included; fitted, the map fills one page. */
static void
test_print_tiles (void)
{
  JourneyWindow *window = open_example ("hotel.journey");
  g_autoptr(JourneyPrintOperation) operation = NULL;
  /* A page whose step (its width less the overlap) is a whole number of
   * points, so that both strips fall on the same pixel grid. */
  const double width = 400 + JOURNEY_PRINT_OVERLAP;
  const double height = 300;
  cairo_surface_t *first, *second;
  guint n_columns = 0, n_pages, differing = 0, shifted = 0, inked = 0;

  operation = journey_print_operation_new (journey_window_get_project (window), journey_window_get_map (window));
  journey_print_operation_set_layout (operation, JOURNEY_PRINT_TILE);
  n_pages = journey_print_operation_count_pages (operation, width, height, &n_columns);
  g_assert_cmpuint (n_columns, >=, 2);
  g_assert_cmpuint (n_pages % n_columns, ==, 0);
  g_assert_cmpuint (n_pages / n_columns, >=, 2);

  first = draw_tile (operation, 0, width, height);
  second = draw_tile (operation, 1, width, height);
  for (int y = 0; y < (int) height; y++)
    for (int x = 0; x < (int) JOURNEY_PRINT_OVERLAP; x++)
      {
        guint32 a = pixel (first, 400 + x, y);
        guint32 b = pixel (second, x, y);

        if (a != b)
          differing++;
        /* Two points off, as a tiling that did not line up would be. */
        if (pixel (first, 398 + x, y) != b)
          shifted++;
        if (b != 0xffffff)
          inked++;
      }
  /* Equal, but for the antialiasing of a few glyphs and edges. */
  g_assert_cmpuint (differing, <, (guint) (height * JOURNEY_PRINT_OVERLAP * 3 / 100));
  g_assert_cmpuint (differing * 4, <, shifted);
  /* The strip is not blank: at least the dashed mark is there. */
  g_assert_cmpuint (inked, >, height / 4);
  /* The first page has no mark on its left, the second one has. */
  {
    guint left_first = 0, left_second = 0;
    int mark = (int) (JOURNEY_PRINT_OVERLAP / 2);

    for (int y = 0; y < (int) height; y++)
      {
        left_first += pixel (first, mark, y) != pixel (first, mark - 3, y);
        left_second += pixel (second, mark, y) != pixel (second, mark - 3, y);
      }
    g_assert_cmpuint (left_second, >, left_first);
  }
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);

  /* Fitted: the map, centred, fills the page across or down (its own
   * white margin aside). */
  journey_print_operation_set_layout (operation, JOURNEY_PRINT_FIT);
  g_assert_cmpuint (journey_print_operation_count_pages (operation, width, height, NULL), ==, 1);
  first = draw_tile (operation, 0, width, height);
  {
    int x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;

    for (int y = 0; y < (int) height; y++)
      for (int x = 0; x < (int) width; x++)
        if (pixel (first, x, y) != 0xffffff)
          {
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = MAX (y1, y);
          }
    g_assert_cmpint (x1, >, x0);
    g_assert_true (x1 - x0 > 0.85 * width || y1 - y0 > 0.85 * height);
    g_assert_cmpint (ABS (x0 - ((int) width - 1 - x1)), <=, 0.05 * width);
    g_assert_cmpint (ABS (y0 - ((int) height - 1 - y1)), <=, 0.05 * height);
  }
  if (g_getenv ("JOURNEYS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("JOURNEYS_SCREENSHOT_DIR"), "print-fit.png", NULL);
      cairo_surface_t *tile = draw_tile (operation, 0, width, height);

      cairo_surface_write_to_png (tile, path);
      cairo_surface_destroy (tile);
      journey_print_operation_set_layout (operation, JOURNEY_PRINT_TILE);
      for (int page = 0; page < 2; page++)
        {
          g_autofree char *name = g_strdup_printf ("print-tile-%d.png", page);
          g_autofree char *tile_path = g_build_filename (g_getenv ("JOURNEYS_SCREENSHOT_DIR"), name, NULL);

          tile = draw_tile (operation, page, width, height);
          cairo_surface_write_to_png (tile, tile_path);
          cairo_surface_destroy (tile);
        }
    }
  cairo_surface_destroy (first);

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  *(GtkPrintOperationResult *) user_data = result;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  (*(guint *) user_data)++;
}

/* The print dialog has the "Layout" tab, which shows the operation's
 * layout and gives it the one chosen; cancelling prints nothing. */
static void
test_print_dialog (void)
{
  JourneyWindow *window = open_example ("hotel.journey");
  g_autoptr(JourneyPrintOperation) operation = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_ERROR;
  GtkPrintOperationResult done = GTK_PRINT_OPERATION_RESULT_ERROR;
  GtkWindow *dialog = NULL;
  GtkWidget *fit = NULL, *tile = NULL, *page;
  GtkNotebook *notebook;
  guint drawn = 0;

  operation = journey_print_operation_new (journey_window_get_project (window), journey_window_get_map (window));
  journey_print_operation_set_layout (operation, JOURNEY_PRINT_TILE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), &done);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), &drawn);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (window), NULL);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS);
  for (guint i = 0; i < 200 && dialog == NULL; i++)
    {
      test_run_for (10);
      dialog = find_dialog (GTK_WINDOW (window), GTK_TYPE_DIALOG);
    }
  g_assert_nonnull (dialog);

  /* The tab named "Layout" holds the two choices, the operation's own
   * (tiles) chosen. */
  for (guint n = 0;; n++)
    {
      GtkWidget *button = nth_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, n);
      const char *label;

      if (button == NULL)
        break;
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (button));
      if (g_strcmp0 (label, "_Tile the map at full size across pages") == 0)
        tile = button;
      else if (g_strcmp0 (label, "_Fit the map to one page") == 0)
        fit = button;
    }
  g_assert_nonnull (tile);
  g_assert_nonnull (fit);
  notebook = GTK_NOTEBOOK (gtk_widget_get_ancestor (tile, GTK_TYPE_NOTEBOOK));
  g_assert_nonnull (notebook);
  for (page = tile; gtk_widget_get_parent (page) != NULL
                    && gtk_notebook_page_num (notebook, page) < 0; page = gtk_widget_get_parent (page))
    ;
  g_assert_cmpint (gtk_notebook_page_num (notebook, page), >=, 0);
  g_assert_cmpstr (gtk_notebook_get_tab_label_text (notebook, page), ==, "Layout");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (tile)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (fit)));
  if (g_getenv ("JOURNEYS_SCREENSHOT_DIR") != NULL)
    {
      gtk_notebook_set_current_page (notebook, gtk_notebook_page_num (notebook, page));
      screenshot (GTK_WIDGET (dialog), "print-dialog");
    }

  /* Choosing is not applying: the choice reaches the operation when the
   * dialog applies its custom tab. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fit), TRUE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (tile)));
  g_assert_cmpint (journey_print_operation_get_layout (operation), ==, JOURNEY_PRINT_TILE);
  g_signal_emit_by_name (operation, "custom-widget-apply", gtk_widget_get_parent (fit));
  g_assert_cmpint (journey_print_operation_get_layout (operation), ==, JOURNEY_PRINT_FIT);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  while (done == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (done, ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_cmpuint (drawn, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* -- Menu, shortcuts, About ---------------------------------------------------- */

static gboolean
has_action (JourneyWindow *window,
            const char    *detailed)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const char *name;
  const char *property;
  const GVariantType *type;
  GType owner;

  if (g_str_has_prefix (detailed, "app."))
    return g_action_group_has_action (G_ACTION_GROUP (test_app), detailed + 4);
  if (g_str_has_prefix (detailed, "win.") &&
      g_action_group_has_action (G_ACTION_GROUP (window), detailed + 4))
    return TRUE;
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    if (g_str_equal (name, detailed))
      return TRUE;
  return FALSE;
}

static void
collect_menu (GMenuModel *model,
              GPtrArray  *labels,
              GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *label = NULL;
      char *action = NULL;

      if (section != NULL)
        {
          collect_menu (section, labels, actions);
          continue;
        }
      g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_ptr_array_add (labels, label);
      g_ptr_array_add (actions, action);
    }
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *actions,
                   guint     *n_shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *action = NULL;
      char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      /* Each row shows keys: an accelerator, or an action that has one. */
      g_assert_true (action != NULL || (accelerator != NULL && accelerator[0] != '\0'));
      if (action != NULL)
        g_ptr_array_add (actions, action);
      g_free (accelerator);
      (*n_shortcuts)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, actions, n_shortcuts);
}

/* The keys that the shortcuts window shows for @action. */
static char *
shown_keys (GtkWidget  *widget,
            const char *action)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *name = NULL;

      g_object_get (widget, "action-name", &name, NULL);
      if (g_strcmp0 (name, action) == 0)
        {
          GtkWidget *label = nth_widget (widget, GTK_TYPE_SHORTCUT_LABEL, 0);

          return label != NULL ? g_strdup (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label))) : NULL;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      char *keys = shown_keys (child, action);

      if (keys != NULL)
        return keys;
    }
  return NULL;
}

static void
test_menu_and_shortcuts (void)
{
  static const char *const hig_order[] = {
    "_New Window", "_Open…", "_Save", "Save _As…", "_Import Survey…", "_Compare With Evidence", "_Export…", "Copy as _Mermaid", "_Print…",
    "P_resent", "Start _Workshop Session…",
    "_Preferences", "_Keyboard Shortcuts", "_Help", "_About Journeys", NULL,
  };
  JourneyWindow *window = open_example ("hotel.journey");
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shortcut_actions = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) with_accels = NULL;
  GtkShortcutsWindow *overlay;
  GtkMenuButton *menu_button = NULL;
  guint n_shortcuts = 0;

  /* The primary menu, in the order of the HIG, every item working. */
  for (guint n = 0; (menu_button = GTK_MENU_BUTTON (nth_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, n))); n++)
    if (gtk_menu_button_get_primary (menu_button))
      break;
  g_assert_nonnull (menu_button);
  collect_menu (gtk_menu_button_get_menu_model (menu_button), labels, actions);
  g_ptr_array_add (labels, NULL);
  g_assert_cmpstrv ((char **) labels->pdata, hig_order);
  for (guint i = 0; i < actions->len; i++)
    {
      if (!has_action (window, g_ptr_array_index (actions, i)))
        g_error ("menu item for %s: no such action", (char *) g_ptr_array_index (actions, i));
    }

  /* The shortcuts window names real actions, and every action that has
   * keys is in it. */
  overlay = GTK_SHORTCUTS_WINDOW (journey_window_get_shortcuts_window (window));
  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (overlay), shortcut_actions, &n_shortcuts);
  g_assert_cmpuint (n_shortcuts, >=, 40);
  for (guint i = 0; i < shortcut_actions->len; i++)
    g_assert_true (has_action (window, g_ptr_array_index (shortcut_actions, i)));
  with_accels = gtk_application_list_action_descriptions (GTK_APPLICATION (test_app));
  for (guint i = 0; with_accels[i] != NULL; i++)
    {
      gboolean listed = FALSE;

      for (guint j = 0; j < shortcut_actions->len && !listed; j++)
        listed = g_str_equal (with_accels[i], g_ptr_array_index (shortcut_actions, j));
      /* Shortcuts lists itself by its keys. */
      if (!listed && !g_str_equal (with_accels[i], "win.show-help-overlay"))
        g_error ("%s has keys but is not in the shortcuts window", with_accels[i]);
    }
  /* Ctrl+? and the menu item show it, over the window. */
  {
    g_auto(GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (test_app), "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char *const *) keys, "<Control>question"));
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (journey_window_get_shortcuts_window (window) == GTK_WINDOW (overlay));
  {
    g_autofree char *keys = shown_keys (GTK_WIDGET (overlay), "win.save");

    g_assert_cmpstr (keys, ==, "<Control>s");
  }
  /* Ctrl+0 shows the whole map, Ctrl+1 is 100 %. */
  {
    g_autofree char *fit = shown_keys (GTK_WIDGET (overlay), "win.zoom-fit");
    g_autofree char *actual = shown_keys (GTK_WIDGET (overlay), "win.zoom-reset");

    g_assert_true (g_str_has_prefix (fit, "<Control>0"));
    g_assert_true (g_str_has_prefix (actual, "<Control>1"));
  }
  screenshot (GTK_WIDGET (overlay), "shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  /* About names the website, the tracker and the translators. */
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "about", NULL);
  test_iterate ();
  {
    AdwAboutWindow *about = ADW_ABOUT_WINDOW (find_dialog (GTK_WINDOW (window), ADW_TYPE_ABOUT_WINDOW));

    g_assert_nonnull (about);
    g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
    g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about), "https://"));
    g_assert_nonnull (strstr (adw_about_window_get_copyright (about), "2026"));
    g_assert_nonnull (adw_about_window_get_translator_credits (about));
    screenshot (GTK_WIDGET (about), "about");
    gtk_window_destroy (GTK_WINDOW (about));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* The labels that read @text in @window, and whether each is the title of
 * a toast of the window's toast overlay. */
static guint
count_labels (JourneyWindow *window,
              const char    *text,
              guint         *in_toasts)
{
  guint count = 0;

  *in_toasts = 0;
  for (guint n = 0;; n++)
    {
      GtkWidget *label = nth_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, n);
      GtkWidget *toast;

      if (label == NULL)
        break;
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
        continue;
      count++;
      for (toast = label; toast != NULL; toast = gtk_widget_get_parent (toast))
        if (g_str_equal (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget"))
          break;
      if (toast != NULL && gtk_widget_get_ancestor (toast, ADW_TYPE_TOAST_OVERLAY) != NULL)
        (*in_toasts)++;
    }
  return count;
}

/* Saving writes the edit, clears the unsaved mark, and says so in a
 * toast, which was not there before. */
static void
test_saved_toast (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *source = g_build_filename (examples, "hotel.journey", NULL);
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window = journey_window_new (test_app);
  JourneyDocument *document;
  guint in_toasts;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  document = journey_window_get_document (window);

  g_assert_true (journey_edit_set_string (journey_window_get_history (window), journey_window_get_project (window),
                                          "title", "Saved by the toast test", "Rename", 0));
  g_assert_true (journey_document_get_dirty (document));
  g_assert_cmpuint (count_labels (window, "Saved", &in_toasts), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  test_wait_for_document (window);
  test_iterate ();
  g_assert_false (journey_document_get_dirty (document));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"title\": \"Saved by the toast test\""));
  g_assert_cmpuint (count_labels (window, "Saved", &in_toasts), ==, 1);
  g_assert_cmpuint (in_toasts, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
  test_tmpdir_remove (dir);
}

/* -- Presenting -------------------------------------------------------------- */

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  return NULL;
}

static void
press (JourneyWindow *window,
       guint          keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (window), "journey-presentation");
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
  test_run_for (50);
}

/* The part of the map the canvas shows, in map coordinates. */
static JourneyRect
visible_map_rect (JourneyCanvas *canvas)
{
  double x0, y0, x1, y1;

  journey_canvas_widget_to_map (canvas, 0, 0, &x0, &y0);
  journey_canvas_widget_to_map (canvas, gtk_widget_get_width (GTK_WIDGET (canvas)),
                                gtk_widget_get_height (GTK_WIDGET (canvas)), &x1, &y1);
  return (JourneyRect) { x0, y0, x1 - x0, y1 - y0 };
}

static gboolean
contains (const JourneyRect *outer,
          const JourneyRect *inner)
{
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5
         && inner->x + inner->width <= outer->x + outer->width + 0.5
         && inner->y + inner->height <= outer->y + outer->height + 0.5;
}

/* The zoom that shows the whole map in the canvas as it is now. */
static double
fit_zoom_now (JourneyCanvas *canvas)
{
  JourneyLayout *layout = journey_canvas_get_layout (canvas);

  return MIN (gtk_widget_get_width (GTK_WIDGET (canvas)) / layout->width,
              gtk_widget_get_height (GTK_WIDGET (canvas)) / layout->height);
}

/* Runs frames until the canvas shows the whole map, as presenting does
 * after each change of the canvas's size (at most five seconds). */
static void
wait_for_fit (JourneyCanvas *canvas)
{
  for (guint i = 0; i < 100 && fabs (journey_canvas_get_zoom (canvas) - fit_zoom_now (canvas)) > 1e-6; i++)
    test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-6);
}

/* Stage @i shows whole: its name, its part of the emotion curve, its
 * column and the part of every lane under it, in the middle of the
 * screen, no smaller than in the overview. */
static void
assert_stage_shown (JourneyCanvas *canvas,
                    guint          i)
{
  JourneyLayout *layout = journey_canvas_get_layout (canvas);
  const JourneyLayoutStage *stage = &layout->stages[i];
  JourneyRect shown = visible_map_rect (canvas);
  JourneyRect curve = { stage->column.x, layout->band.rect.y, stage->column.width, layout->band.rect.height };
  double left, right, top, bottom, width = gtk_widget_get_width (GTK_WIDGET (canvas));

  JourneyRect column = stage->column;

  /* With its notes too tall to read whole: down to the blueprint's last
   * lane, readable. */
  if (layout->n_note_lanes > 0 && !contains (&shown, &column))
    {
      column.height = layout->lanes_rect.y + layout->lanes_rect.height - column.y;
      g_assert_cmpfloat (journey_canvas_get_zoom (canvas) * layout->style.body_size, >=,
                         JOURNEY_CANVAS_READABLE_TEXT);
    }
  g_assert_true (contains (&shown, &stage->header));
  g_assert_true (contains (&shown, &curve));
  g_assert_true (contains (&shown, &column));
  g_assert_cmpuint (layout->n_lanes, >=, 3);
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyRect lane = { stage->column.x, layout->lanes[l].rect.y, stage->column.width,
                           layout->lanes[l].rect.height };

      g_assert_true (contains (&shown, &lane));
    }
  /* Centred across, the first and the last stage too. */
  journey_canvas_map_to_widget (canvas, stage->column.x, stage->header.y, &left, &top);
  journey_canvas_map_to_widget (canvas, stage->column.x + stage->column.width,
                                stage->column.y + stage->column.height, &right, &bottom);
  g_assert_cmpfloat (fabs ((left + right) / 2 - width / 2), <, 1.0);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), >=, fit_zoom_now (canvas) - 1e-9);
}

/* Runs frames until the map fills the window, without header bar and
 * inspector, and the view has followed (at most five seconds). */
static void
wait_for_presenting (JourneyWindow *window)
{
  GtkWidget *canvas = GTK_WIDGET (journey_window_get_canvas (window));

  for (guint i = 0; i < 100 && (gtk_widget_get_width (canvas) != gtk_widget_get_width (GTK_WIDGET (window))
                                || gtk_widget_get_height (canvas) != gtk_widget_get_height (GTK_WIDGET (window))); i++)
    test_run_for (50);
  g_assert_cmpint (gtk_widget_get_width (canvas), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_height (canvas), ==, gtk_widget_get_height (GTK_WIDGET (window)));
  test_run_for (100);
}

static void
test_presentation (void)
{
  JourneyWindow *window = open_example_full_screen ("hotel.journey");
  JourneyCanvas *canvas = journey_window_get_canvas (window);
  JourneyHistory *history = journey_window_get_history (window);
  GtkWidget *header = nth_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, 0);
  GtkWidget *inspector = nth_widget (GTK_WIDGET (window), JOURNEY_TYPE_INSPECTOR, 0);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  JourneyLayout *layout;
  guint n_stages;
  double zoom_before, x_before, y_before;

  test_run_for (100);
  /* With the inspector shown beside the map. */
  if (!gtk_widget_get_visible (inspector))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL);
  test_run_for (50);
  g_assert_true (gtk_widget_get_visible (inspector));
  layout = journey_canvas_get_layout (canvas);
  n_stages = layout->n_stages;
  g_assert_cmpuint (n_stages, >=, 3);

  /* The person's own view, and a card selected. */
  journey_canvas_zoom_at (canvas, 1.5, NAN, NAN);
  gtk_adjustment_set_value (hadjustment, 700);
  gtk_adjustment_set_value (vadjustment, 300);
  journey_canvas_select (canvas, layout->cards[0].touchpoint, FALSE);
  test_run_for (100);
  zoom_before = journey_canvas_get_zoom (canvas);
  x_before = gtk_adjustment_get_value (hadjustment);
  y_before = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (zoom_before, ==, 1.5);
  g_assert_cmpfloat (x_before, ==, 700);
  g_assert_cmpfloat (y_before, ==, 300);

  /* F5: no chrome, the whole map in view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_for_presenting (window);
  g_assert_true (journey_presentation_is_active (window));
  g_assert_false (gtk_widget_get_visible (header));
  g_assert_false (gtk_widget_get_visible (inspector));
  g_assert_cmpint (journey_presentation_get_stage (window), ==, -1);
  wait_for_fit (canvas);
  {
    JourneyRect whole = { 0, 0, layout->width, layout->height };
    JourneyRect shown = visible_map_rect (canvas);

    layout = journey_canvas_get_layout (canvas);
    whole = (JourneyRect) { 0, 0, layout->width, layout->height };
    g_assert_true (contains (&shown, &whole));
  }
  screenshot (GTK_WIDGET (window), "present-overview");

  /* Right and Page Down walk the stages, each with its name, its emotion
   * curve and all its lanes in view, in the middle of the screen. */
  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *name = g_strdup_printf ("present-stage-%u", i + 1);

      press (window, i % 2 ? GDK_KEY_Page_Down : GDK_KEY_Right);
      g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) i);
      g_test_message ("stage %u: zoom %.3f, overview %.3f", i, journey_canvas_get_zoom (canvas),
                      fit_zoom_now (canvas));
      assert_stage_shown (canvas, i);
      screenshot (GTK_WIDGET (window), name);
    }
  /* At the last stage, next stays there. */
  press (window, GDK_KEY_Right);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 1);
  press (window, GDK_KEY_Left);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 2);
  press (window, GDK_KEY_Page_Up);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 3);
  press (window, GDK_KEY_Home);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, -1);
  wait_for_fit (canvas);

  /* The facilitator can still edit: a satisfaction drag is one step. */
  press (window, GDK_KEY_Right);
  {
    JourneyLayoutHandle *handle;
    GtkGesture *drag = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
    JourneyTouchpoint *touchpoint;
    double wx, wy, dy, before;
    guint steps = journey_history_get_n_steps (history);

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_DRAG (controller)
            && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
          drag = GTK_GESTURE (controller);
      }
    g_assert_nonnull (drag);
    layout = journey_canvas_get_layout (canvas);
    g_assert_cmpuint (layout->n_handles, >, 0);
    handle = &layout->handles[0];
    touchpoint = handle->touchpoint;
    before = touchpoint->satisfaction;
    /* One step of the scale down, or up from the bottom. */
    dy = (journey_layout_y_for_value (layout, before > layout->band.min ? before - 1 : before + 1) - handle->y)
         * journey_canvas_get_zoom (canvas);
    journey_canvas_map_to_widget (canvas, handle->x, handle->y, &wx, &wy);
    g_signal_emit_by_name (drag, "drag-begin", wx, wy);
    g_signal_emit_by_name (drag, "drag-update", 0.0, dy / 2);
    g_signal_emit_by_name (drag, "drag-update", 0.0, dy);
    g_signal_emit_by_name (drag, "drag-end", 0.0, dy);
    test_iterate ();
    g_assert_cmpfloat (touchpoint->satisfaction, !=, before);
    g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
    g_assert_true (journey_history_undo (history));
    g_assert_cmpfloat (touchpoint->satisfaction, ==, before);
    g_assert_true (journey_presentation_is_active (window));

    /* Escape during a drag puts the handle back and goes on presenting. */
    g_signal_emit_by_name (drag, "drag-begin", wx, wy);
    g_signal_emit_by_name (drag, "drag-update", 0.0, dy / 2);
    g_signal_emit_by_name (drag, "drag-update", 0.0, dy);
    g_assert_cmpfloat (touchpoint->satisfaction, !=, before);
    press (window, GDK_KEY_Escape);
    g_signal_emit_by_name (drag, "drag-end", 0.0, dy);
    test_iterate ();
    g_assert_cmpfloat (touchpoint->satisfaction, ==, before);
    g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps);
    g_assert_true (journey_presentation_is_active (window));
  }

  /* Escape leaves: the header bar is back, and the view the person had,
   * the selection with it. */
  press (window, GDK_KEY_Escape);
  g_assert_false (journey_presentation_is_active (window));
  g_assert_true (gtk_widget_get_visible (header));
  g_assert_true (gtk_widget_get_visible (inspector));
  g_assert_null (find_controller (GTK_WIDGET (window), "journey-presentation"));
  for (guint i = 0; i < 100 && (gtk_adjustment_get_value (hadjustment) != x_before
                                || gtk_adjustment_get_value (vadjustment) != y_before); i++)
    test_run_for (50);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, zoom_before);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, x_before);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, y_before);
  {
    g_autoptr(GPtrArray) selection = journey_canvas_get_selection (canvas);

    g_assert_cmpuint (selection->len, ==, 1);
  }

  /* A window closed while it presents leaves nothing behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  wait_for_presenting (window);
  press (window, GDK_KEY_End);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, (int) n_stages - 1);
  assert_stage_shown (canvas, n_stages - 1);
  journey_history_mark_clean (history);
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* The presentation's text size: the cards' text on the screen, in pixels,
 * is the canvas's zoom times the layout's body size. */
static double
shown_text_size (JourneyCanvas *canvas)
{
  return journey_canvas_get_zoom (canvas) * journey_canvas_get_layout (canvas)->style.body_size;
}

static void
test_presentation_text_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeys.Journeys");
  JourneyWindow *window;
  JourneyCanvas *canvas;
  JourneyLayout *layout;
  double normal, large, huge, overview;

  g_settings_reset (settings, "presentation-text-size");
  window = open_example ("hotel.journey");
  canvas = journey_window_get_canvas (window);
  test_run_for (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  test_run_for (100);
  wait_for_fit (canvas);
  overview = shown_text_size (canvas);

  /* Normal: the stage fitted to the screen, as always. */
  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_Right);
  g_assert_cmpint (journey_presentation_get_stage (window), ==, 1);
  normal = shown_text_size (canvas);

  /* Larger sizes zoom in on the same stage at once, its name in view. */
  g_settings_set_string (settings, "presentation-text-size", "large");
  test_run_for (50);
  large = shown_text_size (canvas);
  g_settings_set_string (settings, "presentation-text-size", "huge");
  test_run_for (50);
  huge = shown_text_size (canvas);
  g_test_message ("text on the screen: overview %.1f px, stage: normal %.1f, large %.1f, huge %.1f px",
                  overview, normal, large, huge);
  g_assert_cmpfloat (normal, <, 32);
  g_assert_cmpfloat (large, >=, 32 - 1e-6);
  g_assert_cmpfloat (huge, >=, 44 - 1e-6);
  g_assert_cmpfloat (huge, >, large);
  layout = journey_canvas_get_layout (canvas);
  {
    JourneyRect shown = visible_map_rect (canvas);
    JourneyRect name = layout->stages[1].header;

    /* The stage's start and its name's first line show. */
    g_assert_cmpfloat (shown.x, <=, name.x + 0.5);
    g_assert_cmpfloat (shown.y, <=, name.y + 0.5);
    g_assert_cmpfloat (shown.x + shown.width, >, name.x);
    g_assert_cmpfloat (shown.y + shown.height, >=, name.y + name.height - 0.5);
  }
  screenshot (GTK_WIDGET (window), "present-stage-huge");

  /* The overview still fits the whole map. */
  press (window, GDK_KEY_Home);
  wait_for_fit (canvas);
  g_assert_cmpfloat_with_epsilon (shown_text_size (canvas), overview, 1e-6);

  /* Back to normal: the stage fits again. */
  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_Right);
  g_settings_set_string (settings, "presentation-text-size", "normal");
  test_run_for (50);
  g_assert_cmpfloat_with_epsilon (shown_text_size (canvas), normal, 1e-6);

  press (window, GDK_KEY_Escape);
  g_settings_reset (settings, "presentation-text-size");
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* -- Orientation and zoom keys ---------------------------------------------- */

/* Runs frames until the canvas's zoom is @zoom (at most five seconds). */
static void
wait_for_zoom (JourneyCanvas *canvas,
               double         zoom)
{
  for (guint i = 0; i < 100 && fabs (journey_canvas_get_zoom (canvas) - zoom) > 1e-6; i++)
    test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), zoom, 1e-6);
}

/* The hotel example on a workshop's screen opens showing all of itself,
 * its text readable; so does a new map from a template. */
static void
test_open_at_fit (void)
{
  JourneyWindow *window = open_example_full_screen ("hotel.journey");
  JourneyCanvas *canvas = journey_window_get_canvas (window);
  JourneyLayout *layout = journey_canvas_get_layout (canvas);
  JourneyWindow *from_template;
  g_autoptr(GError) error = NULL;
  JourneyRect whole = { 0, 0, layout->width, layout->height };
  JourneyRect shown;

  g_test_message ("canvas %d × %d, zoom %.3f, text %.1f px", gtk_widget_get_width (GTK_WIDGET (canvas)),
                  gtk_widget_get_height (GTK_WIDGET (canvas)), journey_canvas_get_zoom (canvas),
                  journey_canvas_get_zoom (canvas) * layout->style.body_size);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >, 1000);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), <, 1);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas) * layout->style.body_size, >=, 9);
  shown = visible_map_rect (canvas);
  if (fit_zoom_now (canvas) * layout->style.body_size >= 9)
    {
      g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-9);
      g_assert_true (contains (&shown, &whole));
    }
  else
    {
      /* With its notes on the map, too tall to read whole: every lane of
       * the blueprint in view, from the top. */
      g_assert_cmpuint (layout->n_note_lanes, >, 0);
      g_assert_cmpfloat (shown.x, <=, 0.5);
      g_assert_cmpfloat (shown.y, <=, 0.5);
      g_assert_cmpfloat (shown.y + shown.height, >=, layout->lanes_rect.y + layout->lanes_rect.height - 0.5);
    }
  screenshot (GTK_WIDGET (window), "open-at-fit");

  /* An edit does not change the view; the window's size then does not
   * either: the fit was a one-time view. */
  {
    JourneyTouchpoint *tp = layout->cards[0].touchpoint;
    double zoom = journey_canvas_get_zoom (canvas);
    int width = gtk_widget_get_width (GTK_WIDGET (canvas));

    g_assert_true (journey_edit_set_satisfaction (journey_window_get_history (window),
                                                  journey_window_get_map (window), tp,
                                                  tp->satisfaction > 1 ? 1 : 2, NULL));
    test_run_for (100);
    g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, zoom);

    /* The inspector, shown or hidden, changes the canvas's size. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL));
    for (guint i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (canvas)) == width; i++)
      test_run_for (50);
    test_run_for (100);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), !=, width);
    g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, zoom);
    journey_history_mark_clean (journey_window_get_history (window));
  }

  /* A new map from a template, in an empty window of a workshop's
   * screen. */
  from_template = journey_window_new (test_app);
  gtk_widget_set_size_request (GTK_WIDGET (from_template), 1920, 1080);
  gtk_window_present (GTK_WINDOW (from_template));
  test_run_for (100);
  g_assert_true (journey_window_new_from_template (from_template, "blueprint", &error) == from_template);
  g_assert_no_error (error);
  wait_for_canvas (from_template);
  canvas = journey_window_get_canvas (from_template);
  layout = journey_canvas_get_layout (canvas);
  whole = (JourneyRect) { 0, 0, layout->width, layout->height };
  shown = visible_map_rect (canvas);
  g_test_message ("template: canvas %d × %d, zoom %.3f, fit %.3f", gtk_widget_get_width (GTK_WIDGET (canvas)),
                  gtk_widget_get_height (GTK_WIDGET (canvas)), journey_canvas_get_zoom (canvas), fit_zoom_now (canvas));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >, 0);
  g_assert_true (contains (&shown, &whole));
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), ==, MIN (1, fit_zoom_now (canvas)));
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas) * layout->style.body_size, >=, 9);

  gtk_window_destroy (GTK_WINDOW (from_template));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* A map too large to read whole opens at the zoom that shows all its
 * lanes, at its first stage; zooming out reaches the whole of it. */
static void
test_open_large_map (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "large.journey", NULL);
  g_autofree char *text = export_test_generate (5000, 7);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window;
  JourneyCanvas *canvas;
  JourneyLayout *layout;
  JourneyRect shown, start;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = open_file_full_screen (file);
  canvas = journey_window_get_canvas (window);
  layout = journey_canvas_get_layout (canvas);
  g_assert_cmpuint (layout->n_cards, ==, 5000);
  g_test_message ("map %.0f × %.0f, canvas %d × %d, zoom %.3f, fit %.4f", layout->width, layout->height,
                  gtk_widget_get_width (GTK_WIDGET (canvas)), gtk_widget_get_height (GTK_WIDGET (canvas)),
                  journey_canvas_get_zoom (canvas), fit_zoom_now (canvas));
  /* Whole, its text would be too small to read. */
  g_assert_cmpfloat (fit_zoom_now (canvas) * layout->style.body_size, <, 9);
  g_assert_cmpfloat (journey_canvas_get_zoom (canvas), >, fit_zoom_now (canvas));
  shown = visible_map_rect (canvas);
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyRect lane = { shown.x, layout->lanes[l].rect.y, 1, layout->lanes[l].rect.height };

      g_assert_true (contains (&shown, &lane));
    }
  /* Its start: the lane names and the first stage's name. */
  start = (JourneyRect) { 0, layout->stages[0].header.y, layout->stages[0].header.x + 1,
                          layout->stages[0].header.height };
  g_assert_true (contains (&shown, &start));
  screenshot (GTK_WIDGET (window), "open-large");

  /* Ctrl+0 shows all of it, and zooming out goes no further. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  test_run_for (50);
  g_assert_cmpfloat_with_epsilon (journey_canvas_get_zoom (canvas), fit_zoom_now (canvas), 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
  test_tmpdir_remove (dir);
}

#ifdef GDK_WINDOWING_X11
/* Runs xdotool with @args (the real pointer and keyboard). */
static void
xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Presses @keys on the real keyboard, in window @xid. */
static void
press_keys (gulong      xid,
            const char *keys)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu key %s", xid, keys);

  xdotool (args);
}
#endif

/* The zoom keys are the window's: after a click on a header button,
 * which takes the focus from the map, Ctrl+0 fits, Ctrl+1 is 100 %,
 * Ctrl+= and Ctrl+− zoom in and out.  Pressed on the real keyboard
 * (XTest, through xdotool). */
static void
test_zoom_keys (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  JourneyWindow *window;
  JourneyCanvas *canvas;
  GtkWidget *button;
  graphene_point_t centre;
  double sx, sy, zoom;
  g_autofree char *args = NULL;
  gulong xid;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool_path == NULL)
    {
      g_test_skip ("needs X11 and xdotool");
      return;
    }

  window = open_example ("hotel.journey");
  canvas = journey_window_get_canvas (window);
  wait_for_canvas (window);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  args = g_strdup_printf ("windowmove --sync %lu 0 0", xid);
  xdotool (args);
  g_free (args);
  args = g_strdup_printf ("windowfocus --sync %lu", xid);
  xdotool (args);
  g_free (args);
  test_run_for (200);

  /* A click on the header's zoom-in button. */
  button = test_find_button_for_action (GTK_WIDGET (window), "win.zoom-in");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0,
                                                                 gtk_widget_get_height (button) / 2.0),
                                           &centre));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  zoom = journey_canvas_get_zoom (canvas);
  args = g_strdup_printf ("mousemove --sync %d %d click 1", (int) (centre.x + sx), (int) (centre.y + sy));
  xdotool (args);
  wait_for_zoom (canvas, zoom * 1.2);
  /* The focus is on the header bar, not on the map. */
  gtk_widget_grab_focus (button);
  test_run_for (50);
  g_assert_true (gtk_widget_has_focus (button));
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (canvas)));

  press_keys (xid, "ctrl+1");
  wait_for_zoom (canvas, 1);
  press_keys (xid, "ctrl+0");
  wait_for_zoom (canvas, fit_zoom_now (canvas));
  press_keys (xid, "ctrl+1");
  wait_for_zoom (canvas, 1);
  press_keys (xid, "ctrl+equal");
  wait_for_zoom (canvas, 1.2);
  press_keys (xid, "ctrl+minus");
  wait_for_zoom (canvas, 1);
  press_keys (xid, "ctrl+KP_0");
  wait_for_zoom (canvas, fit_zoom_now (canvas));
  g_assert_true (gtk_widget_has_focus (button));

  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
#else
  g_test_skip ("needs X11");
#endif
}

/* -- Start page, templates, opening ----------------------------------------------- */

static guint
count_windows_with (GFile *file)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    {
      GFile *open = journey_document_get_file (journey_window_get_document (l->data));

      if (open != NULL && g_file_equal (open, file))
        n++;
    }
  return n;
}

static void
test_start_page (void)
{
  JourneyWindow *window = journey_window_new (test_app);
  const char *const *templates = journey_start_page_get_templates ();
  JourneyStartPage *page;
  GtkStack *stack;
  guint n_template_rows = 0;

  gtk_window_present (GTK_WINDOW (window));
  test_run_for (100);
  page = JOURNEY_START_PAGE (test_find_widget (GTK_WIDGET (window), JOURNEY_TYPE_START_PAGE));
  g_assert_nonnull (page);
  stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_STACK));
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (page));
  /* A row for each template, and Open. */
  for (guint n = 0; ; n++)
    {
      GtkWidget *row = nth_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, n);

      if (row == NULL)
        break;
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), "win.new-from-template") == 0)
        n_template_rows++;
    }
  g_assert_cmpuint (n_template_rows, ==, g_strv_length ((char **) templates));
  g_assert_nonnull (test_find_button_for_action (GTK_WIDGET (page), "win.open"));
  screenshot (GTK_WIDGET (window), "start-page");

  /* Every template makes a valid, unsaved map. */
  for (guint i = 0; templates[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JourneyWindow *made = journey_window_new_from_template (window, templates[i], &error);
      JourneyProject *project;

      g_assert_no_error (error);
      g_assert_nonnull (made);
      /* The empty window takes the first; the others get windows of
       * their own. */
      g_assert_true ((i == 0) == (made == window));
      project = journey_window_get_project (made);
      g_assert_nonnull (project);
      g_assert_cmpuint (journey_list_get_length (project->maps), >=, 1);
      g_assert_null (journey_document_get_file (journey_window_get_document (made)));
      g_assert_false (journey_document_get_dirty (journey_window_get_document (made)));

      if (g_str_equal (templates[i], "blueprint"))
        {
          JourneyMap *map = journey_list_peek (project->maps, 0);
          gboolean kinds[5] = { FALSE };

          for (guint l = 0; l < journey_list_get_length (map->lanes); l++)
            {
              JourneyLane *lane = journey_list_peek (map->lanes, l);

              g_assert_cmpint (lane->kind, <, 5);
              kinds[lane->kind] = TRUE;
            }
          for (guint k = 0; k < 5; k++)
            g_assert_true (kinds[k]);
        }
      if (made != window)
        gtk_window_destroy (GTK_WINDOW (made));
    }
  test_iterate ();

  /* The action does the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", "s", "blank"));
  test_iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))), ==, 2);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l; l = l->next)
    if (l->data != window)
      {
        gtk_window_destroy (l->data);
        break;
      }
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

/* New maps start on the scale the preferences choose; the examples keep
 * their own. */
static void
test_new_map_scale (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeys.Journeys");
  g_autoptr(GError) error = NULL;
  JourneyWindow *window = journey_window_new (test_app);
  JourneyWindow *made;
  JourneyMap *map;
  JourneyHistory *history;
  GtkWidget *inspector;
  guint steps;

  gtk_window_present (GTK_WINDOW (window));
  test_run_for (50);

  /* The default: CSAT, 1 to 5. */
  g_settings_reset (settings, "default-scale");
  made = journey_window_new_from_template (window, "blank", &error);
  g_assert_no_error (error);
  g_assert_true (made == window);
  map = journey_list_peek (journey_window_get_project (window)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 5);
  g_assert_cmpstr (journey_scale_get_label (map->scale, 1), ==, "Very dissatisfied");

  /* −2 to +2 for a blank map... */
  g_settings_set_string (settings, "default-scale", "plus-minus");
  made = journey_window_new_from_template (window, "blank", &error);
  g_assert_no_error (error);
  g_assert_true (made != window);
  map = journey_list_peek (journey_window_get_project (made)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, -2);
  g_assert_cmpint (map->scale->max, ==, 2);
  g_assert_cmpstr (journey_scale_get_label (map->scale, -2), ==, "Very negative");
  g_assert_cmpstr (journey_scale_get_label (map->scale, 2), ==, "Very positive");
  g_assert_false (journey_document_get_dirty (journey_window_get_document (made)));
  gtk_window_destroy (GTK_WINDOW (made));

  /* ...but an example keeps its scale (SaaS onboarding: NPS, 0 to 10). */
  made = journey_window_new_from_template (window, "saas-onboarding", &error);
  g_assert_no_error (error);
  map = journey_list_peek (journey_window_get_project (made)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, 0);
  g_assert_cmpint (map->scale->max, ==, 10);
  gtk_window_destroy (GTK_WINDOW (made));
  made = journey_window_new_from_template (window, "hotel", &error);
  g_assert_no_error (error);
  map = journey_list_peek (journey_window_get_project (made)->maps, 0);
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 5);

  /* A blank map added in the inspector: 1 to 7, in one undo step. */
  g_settings_set_string (settings, "default-scale", "seven");
  test_run_for (50);
  history = journey_window_get_history (made);
  steps = journey_history_get_n_steps (history);
  inspector = nth_widget (GTK_WIDGET (made), JOURNEY_TYPE_INSPECTOR, 0);
  g_assert_true (gtk_widget_activate_action (inspector, "inspector.add-map", "s", "blank"));
  test_iterate ();
  g_assert_cmpuint (journey_list_get_length (journey_window_get_project (made)->maps), ==, 2);
  map = journey_list_peek (journey_window_get_project (made)->maps, 1);
  g_assert_cmpint (map->scale->min, ==, 1);
  g_assert_cmpint (map->scale->max, ==, 7);
  g_assert_cmpstr (journey_scale_get_label (map->scale, 3), ==, "Somewhat dissatisfied");
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, steps + 1);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpuint (journey_list_get_length (journey_window_get_project (made)->maps), ==, 1);
  journey_history_mark_clean (history);

  g_settings_reset (settings, "default-scale");
  gtk_window_destroy (GTK_WINDOW (made));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate ();
}

static void
test_open_twice_and_recent (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *source = g_build_filename (examples, "hotel.journey", NULL);
  g_autofree char *path = g_build_filename (dir, "workshop.journey", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  JourneyWindow *first, *empty, *found;
  JourneyStartPage *page;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);

  g_application_open (G_APPLICATION (test_app), &file, 1, "");
  first = journey_application_find_window (test_app, file);
  g_assert_null (first);  /* still loading: the file is set when it is read */
  while (count_windows_with (file) == 0)
    g_main_context_iteration (NULL, TRUE);
  first = journey_application_find_window (test_app, file);
  g_assert_nonnull (first);
  test_wait_for_document (first);

  /* Again: the same window, no second one. */
  g_application_open (G_APPLICATION (test_app), &file, 1, "");
  test_iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))), ==, 1);

  /* The journey is in the recent files: a new window's start page lists
   * it, and opening it from there shows the window it is open in. */
  test_run_for (100);
  empty = journey_window_new (test_app);
  gtk_window_present (GTK_WINDOW (empty));
  test_iterate ();
  page = JOURNEY_START_PAGE (test_find_widget (GTK_WIDGET (empty), JOURNEY_TYPE_START_PAGE));
  g_assert_cmpuint (journey_start_page_get_n_recent (page), ==, 1);
  screenshot (GTK_WIDGET (empty), "start-page-recent");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (empty), "win.open-recent", "s", uri));
  test_iterate ();
  g_assert_null (journey_window_get_project (empty));
  g_assert_cmpuint (count_windows_with (file), ==, 1);

  /* A journey dropped on the empty window opens there; other files are
   * left alone. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (empty));
    GtkDropTarget *target = NULL;
    g_autofree char *other = g_build_filename (dir, "other.journey", NULL);
    g_autofree char *picture = g_build_filename (dir, "picture.png", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);
    g_autoptr(GFile) picture_file = g_file_new_for_path (picture);
    g_auto(GValue) value = G_VALUE_INIT;
    GSList *list = NULL;
    gboolean accepted = FALSE;

    g_assert_true (g_file_set_contents (other, text, -1, NULL));
    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);

    list = g_slist_append (list, picture_file);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_false (accepted);
    g_value_unset (&value);

    list = g_slist_append (list, other_file);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_slist_free (list);
    test_wait_for_document (empty);
    found = journey_application_find_window (test_app, other_file);
    g_assert_true (found == empty);
  }

  gtk_window_destroy (GTK_WINDOW (empty));
  gtk_window_destroy (GTK_WINDOW (first));
  test_iterate ();
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  test_tmpdir_remove (dir);
}


/* -- Drafts ------------------------------------------------------------------ */

static gboolean
window_has_label (JourneyWindow *window,
                  const char    *text)
{
  for (guint n = 0; ; n++)
    {
      GtkWidget *label = nth_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, n);

      if (label == NULL)
        return FALSE;
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }
}

/* Journeys never saved, left as drafts by a session that crashed: the
 * start opens each in a window of its own, unsaved, without a file, with
 * the toast; discarding one removes its draft and its window, and the
 * last one leaves the start page. */
static void
test_drafts_at_start (void)
{
  g_autofree char *examples = test_examples_dir ();
  g_autofree char *hotel_path = g_build_filename (examples, "hotel.journey", NULL);
  g_autofree char *shop_path = g_build_filename (examples, "online-shop.journey", NULL);
  g_autoptr(GFile) hotel_file = g_file_new_for_path (hotel_path);
  g_autoptr(GFile) shop_file = g_file_new_for_path (shop_path);
  g_autoptr(JourneyProject) hotel = journey_format_read_file (hotel_file, NULL, NULL);
  g_autoptr(JourneyProject) shop = journey_format_read_file (shop_file, NULL, NULL);
  g_autoptr(GPtrArray) left = journey_draft_list ();
  g_autofree char *first = journey_draft_new_id ();
  g_autofree char *second = journey_draft_new_id ();
  g_autofree char *first_path = journey_draft_path_for (first);
  g_autofree char *second_path = journey_draft_path_for (second);
  g_autoptr(GError) error = NULL;
  JourneyWindow *windows[2] = { NULL, NULL };
  GList *list;

  /* Only this test's drafts; the shop's is the newer. */
  for (guint i = 0; i < left->len; i++)
    journey_draft_remove (g_ptr_array_index (left, i));
  g_assert_true (journey_draft_write (hotel, first, &error));
  g_assert_cmpint (g_utime (first_path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  g_assert_true (journey_draft_write (shop, second, &error));
  g_assert_no_error (error);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (test_app)));

  g_application_activate (G_APPLICATION (test_app));
  test_iterate ();
  list = gtk_application_get_windows (GTK_APPLICATION (test_app));
  g_assert_cmpuint (g_list_length (list), ==, 2);
  for (GList *l = list; l != NULL; l = l->next)
    {
      JourneyDocument *document = journey_window_get_document (l->data);
      const char *id = journey_document_get_draft_id (document);

      g_assert_nonnull (id);
      windows[g_str_equal (id, first) ? 0 : 1] = l->data;
      g_assert_null (journey_document_get_file (document));
      g_assert_true (journey_document_get_dirty (document));
      g_assert_true (window_has_label (l->data, "An unsaved journey from the last session was recovered"));
    }
  g_assert_nonnull (windows[0]);
  g_assert_nonnull (windows[1]);
  g_assert_cmpstr (journey_window_get_project (windows[0])->title, ==, hotel->title);
  g_assert_cmpstr (journey_window_get_project (windows[1])->title, ==, shop->title);
  screenshot (GTK_WIDGET (windows[1]), "draft-recovered");

  /* A second activation opens no draft twice. */
  g_application_activate (G_APPLICATION (test_app));
  test_iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (test_app))), ==, 2);

  /* Discarded: the draft and its window go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (windows[0]), "win.discard-draft", NULL));
  test_iterate ();
  g_assert_false (g_file_test (first_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second_path, G_FILE_TEST_EXISTS));
  list = gtk_application_get_windows (GTK_APPLICATION (test_app));
  g_assert_cmpuint (g_list_length (list), ==, 1);
  g_assert_true (list->data == windows[1]);

  /* The last one leaves an empty window behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (windows[1]), "win.discard-draft", NULL));
  test_iterate ();
  g_assert_false (g_file_test (second_path, G_FILE_TEST_EXISTS));
  list = gtk_application_get_windows (GTK_APPLICATION (test_app));
  g_assert_cmpuint (g_list_length (list), ==, 1);
  g_assert_null (journey_window_get_project (list->data));
  gtk_window_destroy (list->data);
  test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (g_getenv ("JOURNEYS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);

      gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
    }

  test_app = test_app_new ();

  g_test_add_func ("/app/preferences", test_preferences);
  g_test_add_func ("/app/export", test_export);
  g_test_add_func ("/app/print", test_print);
  g_test_add_func ("/app/print-tiles", test_print_tiles);
  g_test_add_func ("/app/print-dialog", test_print_dialog);
  g_test_add_func ("/app/menu-and-shortcuts", test_menu_and_shortcuts);
  g_test_add_func ("/app/saved-toast", test_saved_toast);
  g_test_add_func ("/app/presentation", test_presentation);
  g_test_add_func ("/app/presentation-text-size", test_presentation_text_size);
  g_test_add_func ("/app/open-at-fit", test_open_at_fit);
  g_test_add_func ("/app/open-large-map", test_open_large_map);
  g_test_add_func ("/app/zoom-keys", test_zoom_keys);
  g_test_add_func ("/app/start-page", test_start_page);
  g_test_add_func ("/app/new-map-scale", test_new_map_scale);
  /* Before any other activates or opens: the drafts are offered at the
   * first. */
  g_test_add_func ("/app/drafts-at-start", test_drafts_at_start);
  g_test_add_func ("/app/open-twice-and-recent", test_open_twice_and_recent);

  status = g_test_run ();
  g_clear_object (&test_app);
  return status;
}
