/* test-export-api.c: the table of export formats and the one entry point
 * that the dialog, the command line and printing go through.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "export-test-utils.h"
#include "journey-cli.h"
#include "journey-csv.h"
#include "journey-export.h"
#include "journey-svg.h"

/* What a file of each format starts with. */
static const struct
{
  const char *id;
  const char *extension;
  const char *magic;
  gsize       magic_len;
} expected[] = {
  { "svg", "svg", "<?xml", 5 },
  { "png", "png", "\x89PNG\r\n\x1a\n", 8 },
  { "pdf", "pdf", "%PDF-", 5 },
  { "csv", "csv", "\"map\",\"stage\",\"touchpoint\"", 26 },
  { "mmd", "mmd", "journey\n", 8 },
  { "md", "md", "# ", 2 },
  { "journey", "journey", "{", 1 },
};

static gboolean
write_format (JourneyProject             *project,
              JourneyMap                 *map,
              const char                 *id,
              const JourneyExportOptions *options,
              const char                 *path,
              GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return journey_export_write (project, map, id ? journey_export_format_from_id (id) : NULL, options, file, error);
}

static guint32
png_width (const char *data,
           gsize       length)
{
  g_assert_cmpuint (length, >, 24);
  return ((guint32) (guchar) data[16] << 24) | ((guint32) (guchar) data[17] << 16)
       | ((guint32) (guchar) data[18] << 8) | (guint32) (guchar) data[19];
}

/* Every format is in the table, found by its id and by its extension in
 * any case, and the table and the lookups agree. */
static void
test_table (void)
{
  g_assert_cmpuint (journey_export_get_n_formats (), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < journey_export_get_n_formats (); i++)
    {
      const JourneyExportFormat *format = journey_export_get_format (i);

      g_assert_cmpuint (journey_export_format_get_index (format), ==, i);
      g_assert_true (journey_export_format_from_id (format->id) == format);
      g_assert_nonnull (format->write);
      g_assert_nonnull (format->mime_type);
      g_assert_cmpstr (journey_export_format_get_name (format), !=, "");
      for (guint e = 0; format->extensions[e] != NULL; e++)
        {
          g_autofree char *path = g_strconcat ("/some/folder/My map.", format->extensions[e], NULL);
          g_autofree char *shouting = g_ascii_strup (path, -1);

          g_assert_true (journey_export_format_for_path (path, NULL) == format);
          g_assert_true (journey_export_format_for_path (shouting, NULL) == format);
        }
      g_assert_cmpstr (journey_export_format_get_extension (format), ==, format->extensions[0]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const JourneyExportFormat *format = journey_export_format_from_id (expected[i].id);
      g_autofree char *path = g_strconcat ("map.", expected[i].extension, NULL);

      g_assert_nonnull (format);
      g_assert_true (journey_export_format_for_path (path, NULL) == format);
    }

  g_assert_null (journey_export_format_from_id ("docx"));
  g_assert_null (journey_export_format_from_id ("SVG"));

  /* The options each applies. */
  g_assert_cmpuint (journey_export_format_from_id ("png")->flags & JOURNEY_EXPORT_USES_SCALE, !=, 0);
  g_assert_cmpuint (journey_export_format_from_id ("svg")->flags & JOURNEY_EXPORT_USES_SCALE, ==, 0);
  g_assert_cmpuint (journey_export_format_from_id ("csv")->flags & JOURNEY_EXPORT_USES_CSV_FLAVOUR, !=, 0);
  g_assert_cmpuint (journey_export_format_from_id ("csv")->flags & JOURNEY_EXPORT_USES_NOTES, ==, 0);
  g_assert_cmpuint (journey_export_format_from_id ("pdf")->flags & JOURNEY_EXPORT_USES_NOTES, !=, 0);
  g_assert_cmpuint (journey_export_format_from_id ("journey")->flags & JOURNEY_EXPORT_PROJECT, !=, 0);
}

/* A name without a known extension is refused with an error that names
 * it and says which extensions are known. */
static void
test_unknown (void)
{
  const char *bad[] = { "/tmp/map.docx", "/tmp/map", "/tmp/.svg", "/tmp/map.svg.bak", "/tmp/svg" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (journey_export_format_for_path (bad[i], &error));
      g_assert_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_nonnull (strstr (error->message, ".svg, .png, .pdf, .csv, .mmd, .md or .journey"));
    }

  /* The lists that messages give. */
  {
    g_autofree char *all = journey_export_describe_extensions (0);
    g_autofree char *notes = journey_export_describe_extensions (JOURNEY_EXPORT_USES_NOTES);
    g_autofree char *csv = journey_export_describe_extensions (JOURNEY_EXPORT_USES_CSV_FLAVOUR);

    g_assert_cmpstr (all, ==, ".svg, .png, .pdf, .csv, .mmd, .md or .journey");
    g_assert_cmpstr (notes, ==, ".svg, .png or .pdf");
    g_assert_cmpstr (csv, ==, ".csv");
  }
}

/* Each format writes its own kind of file, from its extension or by id
 * whatever the name says; an unknown extension writes nothing. */
static void
test_write (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autofree char *dir = test_tmpdir_new ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *by_extension = g_strdup_printf ("%s/map.%s", dir, expected[i].extension);
      g_autofree char *by_id = g_strdup_printf ("%s/%s.data", dir, expected[i].id);
      g_autofree char *a = NULL, *b = NULL;
      g_autoptr(GError) error = NULL;
      gsize a_len, b_len;

      g_test_message ("%s", expected[i].id);
      g_assert_true (write_format (project, NULL, NULL, NULL, by_extension, &error));
      g_assert_no_error (error);
      g_assert_true (write_format (project, NULL, expected[i].id, NULL, by_id, &error));
      g_assert_no_error (error);
      a = export_test_read_file (by_extension, &a_len);
      b = export_test_read_file (by_id, &b_len);
      g_assert_cmpuint (a_len, >=, expected[i].magic_len);
      g_assert_cmpmem (a, expected[i].magic_len, expected[i].magic, expected[i].magic_len);
      g_assert_cmpmem (b, expected[i].magic_len, expected[i].magic, expected[i].magic_len);
      /* A PDF has its time of making in it; the others are the same bytes. */
      if (!g_str_equal (expected[i].id, "pdf"))
        g_assert_cmpmem (a, a_len, b, b_len);
    }

  {
    g_autofree char *docx = g_build_filename (dir, "map.docx", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (write_format (project, NULL, NULL, NULL, docx, &error));
    g_assert_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, docx));
    g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
  }

  /* A file that is not on this computer. */
  {
    g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.com/map.svg");
    g_autoptr(GError) error = NULL;

    g_assert_false (journey_export_write (project, NULL, NULL, NULL, remote, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_nonnull (strstr (error->message, "http://example.com/map.svg"));
  }

  test_tmpdir_remove (dir);
}

/* Each option reaches the formats it applies to, and no other. */
static void
test_options (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  JourneyExportOptions options = JOURNEY_EXPORT_OPTIONS_INIT;
  g_autofree char *png1 = NULL, *png2 = NULL, *shown = NULL, *hidden = NULL;
  g_autofree char *jira = NULL, *csv_hidden = NULL, *plain = NULL;
  gsize png1_len, png2_len, shown_len, hidden_len, jira_len, csv_hidden_len, plain_len;

  g_assert_true (write_format (project, map, "png", &options, path, NULL));
  png1 = export_test_read_file (path, &png1_len);
  options.scale = 2;
  g_assert_true (write_format (project, map, "png", &options, path, NULL));
  png2 = export_test_read_file (path, &png2_len);
  g_assert_cmpint (ABS ((int) png_width (png2, png2_len) - 2 * (int) png_width (png1, png1_len)), <=, 1);

  options.notes = JOURNEY_NOTES_SHOWN;
  g_assert_true (write_format (project, map, "svg", &options, path, NULL));
  shown = export_test_read_file (path, &shown_len);
  options.notes = JOURNEY_NOTES_HIDDEN;
  g_assert_true (write_format (project, map, "svg", &options, path, NULL));
  hidden = export_test_read_file (path, &hidden_len);
  g_assert_nonnull (strstr (shown, "class=\"note"));
  g_assert_null (strstr (hidden, "class=\"note"));

  /* The CSV takes its flavour, and ignores the notes. */
  options.csv_flavour = JOURNEY_CSV_JIRA;
  g_assert_true (write_format (project, map, "csv", &options, path, NULL));
  jira = export_test_read_file (path, &jira_len);
  g_assert_true (g_str_has_prefix (jira, "\"Summary\",\"Description\""));
  options.csv_flavour = JOURNEY_CSV_PLAIN;
  g_assert_true (write_format (project, map, "csv", &options, path, NULL));
  csv_hidden = export_test_read_file (path, &csv_hidden_len);
  options.notes = JOURNEY_NOTES_AS_MAP;
  g_assert_true (write_format (project, map, "csv", &options, path, NULL));
  plain = export_test_read_file (path, &plain_len);
  g_assert_cmpmem (plain, plain_len, csv_hidden, csv_hidden_len);
  {
    gsize expected_len = 0;
    g_autofree char *direct = journey_csv_write (project, map, &expected_len);

    g_assert_cmpmem (plain, plain_len, direct, expected_len);
  }

  test_tmpdir_remove (dir);
}

/* Without a map: the CSV lists every map, an image shows the first; a
 * project without maps has no image. */
#define TWO_MAPS \
  "{ \"format\": \"journeys\", \"version\": 1, \"title\": \"Two\",\n" \
  "  \"maps\": [\n" \
  "    { \"id\": \"one\", \"title\": \"First map\", \"stages\": [ { \"id\": \"s\", \"name\": \"Book\" } ],\n" \
  "      \"lanes\": [ { \"id\": \"l\", \"name\": \"Guest\", \"kind\": \"customer\" } ],\n" \
  "      \"touchpoints\": [ { \"id\": \"a\", \"title\": \"Books\", \"lane\": \"l\", \"time\": 0.5,\n" \
  "                         \"satisfaction\": 2, \"pain_points\": [ \"Slow site\" ] } ] },\n" \
  "    { \"id\": \"two\", \"title\": \"Second map\", \"stages\": [ { \"id\": \"s\", \"name\": \"Pay\" } ],\n" \
  "      \"lanes\": [ { \"id\": \"l\", \"name\": \"Guest\", \"kind\": \"customer\" } ],\n" \
  "      \"touchpoints\": [ { \"id\": \"b\", \"title\": \"Pays\", \"lane\": \"l\", \"time\": 0.5,\n" \
  "                         \"satisfaction\": 4, \"pain_points\": [ \"Hidden fees\" ] } ] } ] }\n"

static void
test_which_map (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TWO_MAPS);
  g_autoptr(JourneyProject) empty = journey_project_new ();
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *csv = g_build_filename (dir, "all.csv", NULL);
  g_autofree char *svg = g_build_filename (dir, "first.svg", NULL);
  g_autofree char *first = g_build_filename (dir, "named.svg", NULL);
  g_autofree char *data = NULL, *a = NULL, *b = NULL;
  g_autofree char *all = NULL;
  gsize len, all_len, a_len, b_len;
  g_autoptr(GError) error = NULL;

  g_assert_true (write_format (project, NULL, NULL, NULL, csv, NULL));
  data = export_test_read_file (csv, &len);
  all = journey_csv_write (project, NULL, &all_len);
  g_assert_cmpmem (data, len, all, all_len);
  g_assert_nonnull (strstr (data, "Slow site"));
  g_assert_nonnull (strstr (data, "Hidden fees"));

  g_assert_true (write_format (project, NULL, NULL, NULL, svg, NULL));
  g_assert_true (write_format (project, test_first_map (project), NULL, NULL, first, NULL));
  a = export_test_read_file (svg, &a_len);
  b = export_test_read_file (first, &b_len);
  g_assert_cmpmem (a, a_len, b, b_len);
  g_assert_nonnull (strstr (a, "First map"));
  g_assert_null (strstr (a, "Second map"));

  g_assert_false (write_format (empty, NULL, NULL, NULL, svg, &error));
  g_assert_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_FAILED);

  test_tmpdir_remove (dir);
}

/* An SVG file is written in pieces, from the scene built in parts, never
 * whole in memory: the same bytes as the document of the scene made
 * whole, for a map of many pieces. */
static void
test_svg_in_pieces (void)
{
  g_autofree char *json = export_test_generate (500, 7);
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "pieces.svg", NULL);
  g_autoptr(JourneyLayout) layout = NULL;
  g_autoptr(JourneyScene) scene = journey_export_scene_new (project, test_first_map (project), NULL, &layout);
  g_autofree char *whole = NULL, *written = NULL;
  gsize whole_len = 0, written_len = 0;
  g_autoptr(GError) error = NULL;

  whole = journey_svg_scene_to_string (scene, &whole_len);
  g_assert_cmpuint (whole_len, >, 4 * 64 * 1024);
  g_assert_true (journey_svg_write_file (layout, path, &error));
  g_assert_no_error (error);
  written = export_test_read_file (path, &written_len);
  g_assert_cmpmem (written, written_len, whole, whole_len);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  /* A folder that is not there: an error, and no file. */
  {
    g_autofree char *missing = g_build_filename (dir, "no", "map.svg", NULL);

    g_assert_false (journey_svg_write_file (layout, missing, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  test_tmpdir_remove (dir);
}

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **args;
  va_list ap;
  int status;

  g_strv_builder_add (builder, "journeys");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (builder, arg);
  va_end (ap);
  args = g_strv_builder_end (builder);
  status = journey_cli_run (&args);
  g_strfreev (args);
  return status;
}

/* journeys --export writes every format of the table, the same bytes as
 * the entry point, and refuses an unknown one as wrong usage. */
static void
test_cli (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *in = g_build_filename (dir, "in.journey", NULL);

  g_assert_true (g_file_set_contents (in, EXPORT_TEST_PROJECT, -1, NULL));

  for (guint i = 0; i < journey_export_get_n_formats (); i++)
    {
      const JourneyExportFormat *format = journey_export_get_format (i);
      g_autofree char *out = g_strdup_printf ("%s/cli.%s", dir, journey_export_format_get_extension (format));
      g_autofree char *api = g_strdup_printf ("%s/api.%s", dir, journey_export_format_get_extension (format));
      g_autofree char *a = NULL, *b = NULL;
      gsize a_len, b_len;

      g_test_message ("%s", format->id);
      g_assert_cmpint (run_cli ("--export", out, in, NULL), ==, JOURNEY_EXIT_OK);
      g_assert_true (write_format (project, NULL, format->id, NULL, api, NULL));
      a = export_test_read_file (out, &a_len);
      b = export_test_read_file (api, &b_len);
      if (g_str_equal (format->id, "pdf"))
        g_assert_cmpmem (a, 5, b, 5);
      else
        g_assert_cmpmem (a, a_len, b, b_len);
    }

  /* FILE is read as what its content is, whatever its extension: a
   * .journey here (Mermaid journeys: tests/test-mermaid-read.c). */
  {
    g_autofree char *other = g_build_filename (dir, "in.data", NULL);
    g_autoptr(GFile) journey = g_file_new_for_path (in);
    g_autoptr(GFile) data = g_file_new_for_path (other);
    g_autoptr(JourneyProject) a = NULL;
    g_autoptr(JourneyProject) b = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_set_contents (other, EXPORT_TEST_PROJECT, -1, NULL));
    a = journey_format_open_file (journey, NULL, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    b = journey_format_open_file (data, NULL, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (test_first_map (a)->title, ==, "Weekend stay");
    g_assert_cmpstr (test_first_map (b)->title, ==, "Weekend stay");
  }

  {
    g_autofree char *docx = g_build_filename (dir, "out.docx", NULL);

    g_assert_cmpint (run_cli ("--export", docx, in, NULL), ==, JOURNEY_EXIT_USAGE);
    g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
  }

  test_tmpdir_remove (dir);
}

/* A big map exported by the command line, as a process: its heap
 * reserved for a file of a megabyte or more, its scene written in many
 * parts; the same document as the scene made whole. */
static void
test_cli_big_map (void)
{
  g_autofree char *json = export_test_generate (8000, 3);
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autoptr(JourneyLayout) layout = journey_export_layout_new (project, test_first_map (project), NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *in = g_build_filename (dir, "big.journey", NULL);
  g_autofree char *out = g_build_filename (dir, "big.svg", NULL);
  g_autofree char *whole = NULL, *written = NULL;
  gsize whole_len = 0, written_len = 0;
  g_auto(TestRun) run = { 0 };

  g_assert_cmpuint (strlen (json), >=, 1 << 20);
  g_assert_true (g_file_set_contents (in, json, -1, NULL));
  test_run_journeys (&run, "--export", out, in, NULL);
  g_assert_cmpint (run.status, ==, JOURNEY_EXIT_OK);
  g_assert_cmpstr (run.err, ==, "");
  whole = journey_svg_to_string (layout, &whole_len);
  written = export_test_read_file (out, &written_len);
  g_assert_cmpmem (written, written_len, whole, whole_len);

  g_unlink (in);
  g_unlink (out);
  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/api/table", test_table);
  g_test_add_func ("/export/api/unknown", test_unknown);
  g_test_add_func ("/export/api/write", test_write);
  g_test_add_func ("/export/api/options", test_options);
  g_test_add_func ("/export/api/which-map", test_which_map);
  g_test_add_func ("/export/api/svg-in-pieces", test_svg_in_pieces);
  g_test_add_func ("/export/api/cli", test_cli);
  g_test_add_func ("/export/api/cli-big-map", test_cli_big_map);

  return g_test_run ();
}
