/* test-app-export.c: the journey written out from its window: exported
 * through the export dialog, printed (to PDF, in tiles, and the print
 * dialog's Layout tab), and saved, with its toast.
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
#include <math.h>

#include "journey-application.h"
#include "journey-edit.h"
#include "journey-export-dialog.h"
#include "journey-print-operation.h"
#include "journey-app-test-utils.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"
#include "journey-window.h"
#include "journey-window-export.h"

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

/* -- Saving ----------------------------------------------------------------- */

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

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add_func ("/app/export", test_export);
  g_test_add_func ("/app/print", test_print);
  g_test_add_func ("/app/print-tiles", test_print_tiles);
  g_test_add_func ("/app/print-dialog", test_print_dialog);
  g_test_add_func ("/app/saved-toast", test_saved_toast);

  return test_app_run ();
}
