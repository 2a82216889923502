/* test-export.c: SVG, PNG, PDF and CSV.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>

#include "export-test-utils.h"
#include "journey-csv.h"
#include "journey-export.h"
#include "journey-raster.h"
#include "journey-svg.h"
#include "journey-text.h"
#include "journey-theme.h"

/* -- helpers -------------------------------------------------------------- */

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* What the SVG holds, from a strict XML parse with GMarkup. */
typedef struct
{
  GPtrArray *stack;            /* element names */
  int        touchpoint_depth; /* depth of the open touchpoint group, or -1 */
  GString   *tp_title;
  GString   *tp_text;
  GPtrArray *titles;           /* each touchpoint group's <title> */
  GPtrArray *texts;            /* each touchpoint group's <text>s, joined */
  int        note_depth;       /* depth of the open note group, or -1 */
  GString   *note_title;
  GString   *note_text;
  GPtrArray *note_titles;      /* each note group's <title> */
  GPtrArray *note_texts;       /* each note group's <text>s, joined by '\n' */
  GPtrArray *note_kinds;       /* each note group's class */
  guint      n_note_lanes;
  GString   *doc_title;
  GString   *doc_desc;
  gboolean   in_text;
  gboolean   has_view_box;
  gboolean   has_xmlns;
  gboolean   has_script;
  gboolean   has_reference;
  guint      n_stages;
  guint      n_lanes;
  guint      n_curves[JOURNEY_N_CURVES];
  guint      n_style;
  double     width;
  double     height;
} SvgInfo;

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static gboolean
has_class (const char *classes,
           const char *klass)
{
  g_auto(GStrv) parts = NULL;

  if (classes == NULL)
    return FALSE;
  parts = g_strsplit (classes, " ", -1);
  return g_strv_contains ((const char * const *) parts, klass);
}

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;
  const char *klass = attr (names, values, "class");

  for (guint i = 0; names[i]; i++)
    if (g_str_has_suffix (names[i], "href") || strstr (values[i], "url(") != NULL)
      info->has_reference = TRUE;

  if (g_str_equal (element, "svg") && info->stack->len == 0)
    {
      info->has_view_box = attr (names, values, "viewBox") != NULL;
      info->has_xmlns = g_strcmp0 (attr (names, values, "xmlns"), "http://www.w3.org/2000/svg") == 0;
      info->width = g_ascii_strtod (attr (names, values, "width"), NULL);
      info->height = g_ascii_strtod (attr (names, values, "height"), NULL);
    }
  else if (g_str_equal (element, "script") || g_str_equal (element, "foreignObject"))
    info->has_script = TRUE;
  else if (g_str_equal (element, "style"))
    info->n_style++;
  else if (g_str_equal (element, "g") && has_class (klass, "touchpoint"))
    {
      g_assert_cmpint (info->touchpoint_depth, ==, -1);
      info->touchpoint_depth = (int) info->stack->len;
      g_string_truncate (info->tp_title, 0);
      g_string_truncate (info->tp_text, 0);
    }
  else if (g_str_equal (element, "g") && has_class (klass, "note"))
    {
      g_assert_cmpint (info->note_depth, ==, -1);
      g_assert_cmpint (info->touchpoint_depth, >=, 0);
      info->note_depth = (int) info->stack->len;
      g_string_truncate (info->note_title, 0);
      g_string_truncate (info->note_text, 0);
      g_ptr_array_add (info->note_kinds, g_strdup (klass));
    }
  else if (g_str_equal (element, "g") && has_class (klass, "note-lane"))
    info->n_note_lanes++;
  else if (g_str_equal (element, "g") && has_class (klass, "stage"))
    info->n_stages++;
  else if (g_str_equal (element, "g") && has_class (klass, "lane"))
    info->n_lanes++;
  else if (g_str_equal (element, "path") && has_class (klass, "curve"))
    {
      if (has_class (klass, "as-is"))
        info->n_curves[JOURNEY_CURVE_AS_IS]++;
      if (has_class (klass, "to-be"))
        info->n_curves[JOURNEY_CURVE_TO_BE]++;
      if (has_class (klass, "measured"))
        info->n_curves[JOURNEY_CURVE_MEASURED]++;
    }
  else if (g_str_equal (element, "text") && info->touchpoint_depth >= 0 && info->tp_text->len > 0)
    g_string_append_c (info->tp_text, '\n');
  if (g_str_equal (element, "text") && info->note_depth >= 0 && info->note_text->len > 0)
    g_string_append_c (info->note_text, '\n');

  g_ptr_array_add (info->stack, g_strdup (element));
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgInfo *info = user_data;

  g_ptr_array_remove_index (info->stack, info->stack->len - 1);
  if (g_str_equal (element, "g") && info->note_depth == (int) info->stack->len)
    {
      g_ptr_array_add (info->note_titles, g_strdup (info->note_title->str));
      g_ptr_array_add (info->note_texts, g_strdup (info->note_text->str));
      info->note_depth = -1;
    }
  else if (g_str_equal (element, "g") && info->touchpoint_depth == (int) info->stack->len)
    {
      g_ptr_array_add (info->titles, g_strdup (info->tp_title->str));
      g_ptr_array_add (info->texts, g_strdup (info->tp_text->str));
      info->touchpoint_depth = -1;
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  SvgInfo *info = user_data;
  const char *element = info->stack->len ? g_ptr_array_index (info->stack, info->stack->len - 1) : "";
  const char *parent = info->stack->len > 1 ? g_ptr_array_index (info->stack, info->stack->len - 2) : "";

  if (info->stack->len == 2 && g_str_equal (element, "title"))
    g_string_append_len (info->doc_title, text, len);
  else if (info->stack->len == 2 && g_str_equal (element, "desc"))
    g_string_append_len (info->doc_desc, text, len);
  if (info->note_depth >= 0)
    {
      if (g_str_equal (element, "title") && (int) info->stack->len == info->note_depth + 2)
        g_string_append_len (info->note_title, text, len);
      else if (g_str_equal (element, "text") || (g_str_equal (element, "tspan") && g_str_equal (parent, "text")))
        {
          if (g_str_equal (element, "tspan") && info->note_text->len > 0
              && info->note_text->str[info->note_text->len - 1] != '\n')
            g_string_append_c (info->note_text, ' ');
          g_string_append_len (info->note_text, text, len);
        }
    }
  if (info->touchpoint_depth >= 0)
    {
      if (g_str_equal (element, "title") && (int) info->stack->len == info->touchpoint_depth + 2)
        g_string_append_len (info->tp_title, text, len);
      else if (g_str_equal (element, "text") || (g_str_equal (element, "tspan") && g_str_equal (parent, "text")))
        {
          if (g_str_equal (element, "tspan") && info->tp_text->len > 0
              && info->tp_text->str[info->tp_text->len - 1] != '\n')
            g_string_append_c (info->tp_text, ' ');
          g_string_append_len (info->tp_text, text, len);
        }
    }
}

static void
svg_info_clear (SvgInfo *info)
{
  g_ptr_array_unref (info->stack);
  g_ptr_array_unref (info->titles);
  g_ptr_array_unref (info->texts);
  g_ptr_array_unref (info->note_titles);
  g_ptr_array_unref (info->note_texts);
  g_ptr_array_unref (info->note_kinds);
  g_string_free (info->note_title, TRUE);
  g_string_free (info->note_text, TRUE);
  g_string_free (info->tp_title, TRUE);
  g_string_free (info->tp_text, TRUE);
  g_string_free (info->doc_title, TRUE);
  g_string_free (info->doc_desc, TRUE);
}

static void
parse_svg (const char *data,
           gsize       length,
           SvgInfo    *info)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  memset (info, 0, sizeof *info);
  info->stack = g_ptr_array_new_with_free_func (g_free);
  info->titles = g_ptr_array_new_with_free_func (g_free);
  info->texts = g_ptr_array_new_with_free_func (g_free);
  info->note_titles = g_ptr_array_new_with_free_func (g_free);
  info->note_texts = g_ptr_array_new_with_free_func (g_free);
  info->note_kinds = g_ptr_array_new_with_free_func (g_free);
  info->note_title = g_string_new (NULL);
  info->note_text = g_string_new (NULL);
  info->note_depth = -1;
  info->tp_title = g_string_new (NULL);
  info->tp_text = g_string_new (NULL);
  info->doc_title = g_string_new (NULL);
  info->doc_desc = g_string_new (NULL);
  info->touchpoint_depth = -1;

  g_assert_true (g_utf8_validate (data, length, NULL));
  context = g_markup_parse_context_new (&parser, 0, info, NULL);
  g_markup_parse_context_parse (context, data, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->stack->len, ==, 0);
}

/* Loads @data with librsvg, checks its size and renders it. */
static void
check_rsvg (const char *data,
            gsize       length,
            double      width,
            double      height)
{
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  gboolean has_size;
  double w = 0, h = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport = { 0, 0, 0, 0 };

  handle = rsvg_handle_new_from_data ((const guint8 *) data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (handle);

  has_size = rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h);
  g_assert_true (has_size);
  g_assert_cmpfloat_with_epsilon (w, width, 0.01);
  g_assert_cmpfloat_with_epsilon (h, height, 0.01);

  viewport.width = MIN (w, 4000) / 4;
  viewport.height = MIN (h, 4000) / 4;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) viewport.width, (int) viewport.height);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (handle);
}

/* -- SVG ------------------------------------------------------------------ */

static void
check_map_svg (JourneyProject *project,
               JourneyMap     *map,
               const char     *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autofree char *data = NULL;
  gsize length;
  SvgInfo info;

  g_assert_true (export_test_write (project, map, path, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);
  data = read_file (path, &length);
  g_assert_true (g_str_has_prefix (data, "<?xml"));

  check_rsvg (data, length, layout->width, layout->height);
  parse_svg (data, length, &info);

  g_assert_true (info.has_xmlns);
  g_assert_true (info.has_view_box);
  g_assert_false (info.has_script);
  g_assert_false (info.has_reference);
  g_assert_cmpuint (info.n_style, ==, 1);
  g_assert_nonnull (strstr (data, "sans-serif"));
  g_assert_cmpfloat_with_epsilon (info.width, layout->width, 0.01);
  g_assert_cmpfloat_with_epsilon (info.height, layout->height, 0.01);
  g_assert_cmpstr (info.doc_title->str, ==, map->title ? map->title : "");
  g_assert_cmpuint (info.n_stages, ==, journey_list_get_length (map->stages));
  g_assert_cmpuint (info.n_lanes, ==, journey_list_get_length (map->lanes));
  g_assert_cmpuint (info.n_curves[JOURNEY_CURVE_AS_IS], ==, layout->curves[JOURNEY_CURVE_AS_IS].n_points > 1);

  /* One group per touchpoint, its full title as <title>, its shown
   * (wrapped) title as <text>. */
  g_assert_cmpuint (info.titles->len, ==, journey_list_get_length (map->touchpoints));
  for (guint i = 0; i < layout->n_cards; i++)
    {
      JourneyLayoutCard *card = &layout->cards[i];
      g_autofree char *shown = g_strjoinv (" ", card->title.lines);

      g_assert_cmpstr (g_ptr_array_index (info.titles, i), ==, card->touchpoint->title);
      g_assert_nonnull (strstr (g_ptr_array_index (info.texts, i), shown));
    }

  svg_info_clear (&info);
}

static void
test_svg_examples (void)
{
  g_autoptr(GPtrArray) examples = test_examples_list ();
  g_autofree char *dir = test_tmpdir_new ();

  for (guint i = 0; i < examples->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (examples, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneyProject) project = NULL;

      project = journey_format_read_file (file, NULL, &error);
      g_assert_no_error (error);
      for (guint m = 0; m < journey_list_get_length (project->maps); m++)
        check_map_svg (project, journey_list_peek (project->maps, m), dir);
    }

  test_tmpdir_remove (dir);
}

static void
test_svg_test_map (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autofree char *dir = test_tmpdir_new ();
  g_autoptr(JourneyLayout) layout = NULL;
  g_autofree char *svg = NULL;
  SvgInfo info;
  gsize len;

  check_map_svg (project, test_first_map (project), dir);

  layout = journey_layout_new (test_first_map (project), project, NULL);
  svg = journey_svg_to_string (layout, &len);
  parse_svg (svg, len, &info);
  g_assert_cmpuint (info.n_curves[JOURNEY_CURVE_AS_IS], ==, 1);
  g_assert_cmpuint (info.n_curves[JOURNEY_CURVE_TO_BE], ==, 1);
  g_assert_cmpuint (info.n_curves[JOURNEY_CURVE_MEASURED], ==, 1);
  g_assert_cmpstr (info.doc_desc->str, ==, "Find out why repeat bookings dropped");
  g_assert_nonnull (strstr (svg, "class=\"blueprint-line line-of-visibility\""));
  g_assert_nonnull (strstr (svg, "class=\"curve as-is\""));
  g_assert_nonnull (strstr (svg, "class=\"gap-flag\""));
  g_assert_nonnull (strstr (svg, "class=\"legend\""));
  svg_info_clear (&info);
  test_tmpdir_remove (dir);
}

/* The text of note @ln of @layout as the model has it. */
static const char *
note_source (JourneyLayout           *layout,
             const JourneyLayoutNote *ln)
{
  JourneyTouchpoint *tp = layout->cards[ln->card].touchpoint;

  switch (ln->kind)
    {
    case JOURNEY_NOTE_PAIN_POINT:
      return tp->pain_points[ln->item];
    case JOURNEY_NOTE_OPPORTUNITY:
      return tp->opportunities[ln->item];
    case JOURNEY_NOTE_ACTION:
    case JOURNEY_N_NOTE_KINDS:
    default:
      return ((JourneyAction *) journey_list_peek (tp->actions, ln->item))->text;
    }
}

/* Exports @map as SVG with @mode and checks its notes: none when
 * @shown is FALSE; else every pain point, opportunity and action as a
 * note group of its touchpoint, its text inside <text> after its
 * touchpoint's number, its whole text as the group's <title>. */
static void
check_notes_svg (JourneyProject   *project,
                 JourneyMap       *map,
                 const char       *dir,
                 JourneyNotesMode  mode,
                 gboolean          shown)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "notes.svg", NULL);
  JourneyStyle style = *journey_style_get_default ();
  g_autoptr(JourneyLayout) layout = NULL;
  g_autofree char *data = NULL;
  const char *classes[] = { "pain-points", "opportunities", "actions" };
  guint expected = 0;
  gsize length;
  SvgInfo info;

  g_assert_true (export_test_write (project, map, path, 1, mode, &error));
  g_assert_no_error (error);
  data = read_file (path, &length);
  style.notes = mode;
  layout = journey_layout_new (map, project, &style);
  check_rsvg (data, length, layout->width, layout->height);
  parse_svg (data, length, &info);

  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      expected += g_strv_length (tp->pain_points) + g_strv_length (tp->opportunities)
                + journey_list_get_length (tp->actions);
    }
  g_assert_cmpuint (expected, >, 0);

  if (!shown)
    {
      g_assert_cmpuint (info.note_titles->len, ==, 0);
      g_assert_cmpuint (info.n_note_lanes, ==, 0);
      g_assert_cmpuint (layout->n_notes, ==, 0);
      svg_info_clear (&info);
      return;
    }

  /* The examples have no empty notes: every one is on the map. */
  g_assert_cmpuint (layout->n_notes, ==, expected);
  g_assert_cmpuint (info.note_titles->len, ==, expected);
  g_assert_cmpuint (info.n_note_lanes, ==, layout->n_note_lanes);
  g_assert_cmpuint (layout->n_note_lanes, >=, 2);
  for (guint n = 0; n < layout->n_notes; n++)
    {
      JourneyLayoutNote *ln = &layout->notes[n];
      const char *source = note_source (layout, ln);
      const char *title = g_ptr_array_index (info.note_titles, n);
      const char *text = g_ptr_array_index (info.note_texts, n);
      g_autofree char *lines = g_strjoinv (" ", ln->text.lines);
      g_autofree char *caption = g_strjoinv (" ", ln->caption.lines);
      g_autofree char *shown_text = ln->caption.n_lines > 0
        ? g_strdup_printf ("%s\n%s\n%s", layout->cards[ln->card].number_label, lines, caption)
        : g_strdup_printf ("%s\n%s", layout->cards[ln->card].number_label, lines);

      g_assert_true (has_class (g_ptr_array_index (info.note_kinds, n), classes[ln->kind]));
      /* The whole note is the title; the text shows it, wrapped, and
       * all of it unless it had to be shortened. */
      g_assert_true (g_str_has_prefix (title, source));
      g_assert_cmpstr (text, ==, shown_text);
      if (!ln->text.truncated)
        g_assert_cmpstr (lines, ==, source);
      else
        g_assert_true (g_str_has_suffix (lines, "…"));
      if (ln->kind == JOURNEY_NOTE_ACTION)
        {
          JourneyAction *action = journey_list_peek (layout->cards[ln->card].touchpoint->actions, ln->item);

          g_assert_nonnull (strstr (title, action->owner));
        }
    }

  /* Each card shows its number, 1 … N in time order. */
  for (guint c = 0; c < layout->n_cards; c++)
    {
      JourneyLayoutCard *card = &layout->cards[c];
      g_auto(GStrv) texts = g_strsplit (g_ptr_array_index (info.texts, c), "\n", -1);
      guint before = 1;

      for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
        {
          JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

          if (tp->time < card->touchpoint->time || (tp->time == card->touchpoint->time && i < card->index))
            before++;
        }
      g_assert_cmpuint (card->number, ==, before);
      g_assert_true (g_strv_contains ((const char * const *) texts, card->number_label));
    }
  svg_info_clear (&info);
}

static void
test_svg_notes (void)
{
  g_autoptr(GPtrArray) examples = test_examples_list ();
  g_autofree char *dir = test_tmpdir_new ();

  for (guint i = 0; i < examples->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (examples, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(JourneyProject) project = journey_format_read_file (file, NULL, &error);
      JourneyMap *map;

      g_assert_no_error (error);
      map = test_first_map (project);
      g_test_message ("%s", (const char *) g_ptr_array_index (examples, i));

      /* Shown by default, and when asked; hidden when asked. */
      g_assert_true (map->show_notes);
      check_notes_svg (project, map, dir, JOURNEY_NOTES_AS_MAP, TRUE);
      check_notes_svg (project, map, dir, JOURNEY_NOTES_SHOWN, TRUE);
      check_notes_svg (project, map, dir, JOURNEY_NOTES_HIDDEN, FALSE);

      /* A map that hides them: an export asks for them or not. */
      g_object_set (map, "show-notes", FALSE, NULL);
      check_notes_svg (project, map, dir, JOURNEY_NOTES_AS_MAP, FALSE);
      check_notes_svg (project, map, dir, JOURNEY_NOTES_SHOWN, TRUE);
    }
  test_tmpdir_remove (dir);
}

static void
test_escape (void)
{
  g_autoptr(GString) s = g_string_new (NULL);

  journey_svg_append_escaped (s, "a<b>&\"c'd\x01\x7f\n", FALSE);
  g_assert_cmpstr (s->str, ==, "a&lt;b&gt;&amp;&quot;c&#39;d\n");
  g_string_truncate (s, 0);
  journey_svg_append_escaped (s, "x\ny\tz\xff]]>", TRUE);
  g_assert_cmpstr (s->str, ==, "x&#10;y&#9;z\xef\xbf\xbd]]&gt;");
  g_string_truncate (s, 0);
  journey_svg_append_escaped (s, "\xef\xbf\xbe\xc2\x85ok\xf0\x9f\x98\x80", FALSE);
  g_assert_cmpstr (s->str, ==, "ok\xf0\x9f\x98\x80");
}

static const char *hostile[] = {
  "<script>alert('x')</script>",
  "Tom & Jerry \"quoted\" 'single' ]]> <![CDATA[ x ]]> &amp; &#0; <!-- c -->",
  "Bell\x07 escape\x1b[31m NUL-free \x01\x02\x03\x0b\x0c\x7f\xc2\x80 end",
  "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 "
  "\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x8c\x88 family",
  "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85 "
  "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe2\x80\xae reversed \xe2\x80\xac",
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "",
  NULL, /* the 6,000-character title */
};

static char *
long_text (void)
{
  GString *s = g_string_new (NULL);
  while (s->len < 6000)
    g_string_append (s, "A very long title that goes on and on, ");
  return g_string_free (s, FALSE);
}

/* @text less the characters that XML 1.0 cannot hold. */
static char *
xml_clean (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
test_hostile_svg (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autofree char *very_long = long_text ();
  g_autofree char *dir = test_tmpdir_new ();
  const char *ids[] = { "a", "b", "c", "d", "e", "f", "g" };
  guint n = G_N_ELEMENTS (hostile);

  hostile[n - 1] = very_long;

  /* Every hostile text everywhere at once: titles of the map, stages,
   * lanes, touchpoints, the objective, the persona and channel names. */
  for (guint round = 0; round < n; round++)
    {
      g_autoptr(JourneyLayout) layout = NULL;
      g_autofree char *svg = NULL;
      SvgInfo info;
      gsize len;

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        g_object_set (journey_map_find_touchpoint (map, ids[i]), "title", hostile[(round + i) % n], NULL);
      g_object_set (map, "title", hostile[round], "objective", hostile[(round + 1) % n],
                    "scope", hostile[(round + 2) % n], NULL);
      g_object_set (journey_list_peek (map->stages, 0), "name", hostile[(round + 3) % n], NULL);
      g_object_set (journey_list_peek (map->lanes, 1), "name", hostile[(round + 4) % n], NULL);
      g_object_set (journey_list_peek (project->personas, 0), "name", hostile[(round + 5) % n], NULL);
      g_object_set (journey_list_peek (project->channels, 0), "name", hostile[(round + 6) % n], NULL);

      layout = journey_layout_new (map, project, NULL);
      svg = journey_svg_to_string (layout, &len);

      /* Strict XML, no script, renders. */
      parse_svg (svg, len, &info);
      g_assert_false (info.has_script);
      g_assert_false (info.has_reference);
      g_assert_cmpuint (info.titles->len, ==, G_N_ELEMENTS (ids));
      check_rsvg (svg, len, layout->width, layout->height);

      /* Each full title survives as text, less what XML cannot hold. */
      for (guint i = 0; i < layout->n_cards; i++)
        {
          g_autofree char *expected = xml_clean (layout->cards[i].touchpoint->title);

          g_assert_cmpstr (g_ptr_array_index (info.titles, i), ==, expected);
          g_assert_cmpuint (layout->cards[i].title.n_lines, <=, 3);
        }
      g_assert_null (strstr (svg, "<script"));
      g_assert_null (strstr (svg, "<![CDATA["));
      g_assert_cmpuint (layout->title.n_lines, <=, 3);
      svg_info_clear (&info);
    }

  hostile[n - 1] = NULL;
  test_tmpdir_remove (dir);
}

/* -- PNG, PDF ------------------------------------------------------------- */

static guint32
pixel_at (cairo_surface_t *surface,
          double           scale,
          double           x,
          double           y)
{
  int px = (int) (x * scale), py = (int) (y * scale);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  return *(guint32 *) (data + py * stride + px * 4) & 0xffffff;
}

static gboolean
close_color (guint32 a,
             guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;
  return TRUE;
}

/* Mean y of the dark (curve ink) pixels in columns [x0, x1] of the band. */
static double
dark_mean_y (cairo_surface_t *surface,
             double           scale,
             JourneyLayout   *layout,
             double           x0,
             double           x1)
{
  double sum = 0;
  guint n = 0;

  for (double x = x0; x <= x1; x += 1)
    for (double y = layout->band.rect.y + 1; y < layout->band.rect.y + layout->band.rect.height - 1; y += 0.5)
      {
        guint32 p = pixel_at (surface, scale, x, y);
        if (((p >> 16) & 0xff) < 0x60 && ((p >> 8) & 0xff) < 0x60 && (p & 0xff) < 0x70)
          {
            sum += y;
            n++;
          }
      }
  g_assert_cmpuint (n, >, 0);
  return sum / n;
}

static void
test_png_pixels (void)
{
  const char *json =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"Pixels\",\n"
    " \"stages\": [ { \"id\": \"s1\", \"name\": \"One\", \"length\": 4, \"color\": \"#3584e4\" },\n"
    "              { \"id\": \"s2\", \"name\": \"Two\", \"length\": 4, \"color\": \"#e66100\" } ],\n"
    " \"lanes\": [ { \"id\": \"c\", \"name\": \"Customer\", \"kind\": \"customer\" } ],\n"
    " \"touchpoints\": [\n"
    "  { \"id\": \"a\", \"title\": \"A\", \"lane\": \"c\", \"time\": 1, \"satisfaction\": 5 },\n"
    "  { \"id\": \"b\", \"title\": \"B\", \"lane\": \"c\", \"time\": 3, \"satisfaction\": 5 },\n"
    "  { \"id\": \"c\", \"title\": \"C\", \"lane\": \"c\", \"time\": 5, \"satisfaction\": 1 },\n"
    "  { \"id\": \"d\", \"title\": \"D\", \"lane\": \"c\", \"time\": 7, \"satisfaction\": 1 } ] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (json);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autoptr(GError) error = NULL;
  const double scales[] = { 1, 2 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double scale = scales[s];
      g_autofree char *path = g_build_filename (dir, "map.png", NULL);
      cairo_surface_t *surface;
      JourneyLayoutHandle *h = layout->handles;
      double neutral = layout->band.neutral_y;

      g_assert_true (export_test_write (project, map, path, scale, JOURNEY_NOTES_AS_MAP, &error));
      g_assert_no_error (error);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (layout->width * scale));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (layout->height * scale));

      /* The stage colours fill the header band (away from the names). */
      for (guint i = 0; i < layout->n_stages; i++)
        {
          JourneyRect *r = &layout->stages[i].header;
          guint32 color = journey_theme_stage_color (layout->stages[i].stage->color, i);

          g_assert_true (close_color (pixel_at (surface, scale, r->x + r->width - 12, r->y + r->height / 2), color));
          g_assert_true (close_color (pixel_at (surface, scale, r->x + r->width / 2, r->y + 4), color));
        }
      /* White around the map. */
      g_assert_cmphex (pixel_at (surface, scale, 2, 2), ==, 0xffffff);

      /* The curve runs above the neutral line between the two 5s and below
       * it between the two 1s. */
      g_assert_cmpfloat (dark_mean_y (surface, scale, layout, h[0].x + 20, h[1].x - 20), <, neutral - 20);
      g_assert_cmpfloat (dark_mean_y (surface, scale, layout, h[2].x + 20, h[3].x - 20), >, neutral + 20);

      cairo_surface_destroy (surface);
      g_unlink (path);
    }

  test_tmpdir_remove (dir);
}

static void
test_pdf (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint pages = 0;
  gsize len;

  g_assert_true (export_test_write (project, NULL, path, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);
  data = read_file (path, &len);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* Binary streams hold NUL bytes: memmem, not strstr. */
  for (const char *p = data; (p = memmem (p, len - (p - data), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, 1);

  test_tmpdir_remove (dir);
}

/* Width and height from a PNG's header. */
static void
png_size (const char *path,
          guint32    *width,
          guint32    *height)
{
  gsize len = 0;
  g_autofree char *data = read_file (path, &len);

  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = GUINT32_FROM_BE (*(guint32 *) (gpointer) (data + 16));
  *height = GUINT32_FROM_BE (*(guint32 *) (gpointer) (data + 20));
}

static void
test_png_huge_is_scaled (void)
{
  g_autofree char *json = export_test_generate (3000, 5);
  g_autoptr(JourneyProject) project = test_load_string (json);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = journey_layout_new (map, project, NULL);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "huge.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  guint32 width, height;
  double scale;

  g_assert_cmpfloat (journey_raster_clamp_scale (3000, 60000, 2), <=, JOURNEY_RASTER_MAX_SIDE / 60000.0);
  g_assert_cmpfloat (journey_raster_clamp_scale (1000, 800, 2), ==, 2);
  g_assert_cmpfloat (journey_raster_clamp_scale (1000, 800, NAN), ==, 1);
  g_assert_cmpfloat (journey_raster_clamp_scale (1000, 800, -3), ==, 1);

  /* A 3,000-touchpoint map at scale 4 would be far past cairo's limits
   * and memory: it is scaled down to fit, never refused or crashed. */
  g_assert_true (export_test_write (project, map, path, 4, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);
  png_size (path, &width, &height);
  scale = journey_raster_clamp_scale (layout->width, layout->height, 4);
  g_test_message ("map %.0f × %.0f px, PNG %u × %u px", layout->width, layout->height, width, height);
  g_assert_cmpfloat (scale, <, 4);
  g_assert_cmpuint (width, ==, (guint32) ceil (layout->width * scale));
  g_assert_cmpuint (height, ==, (guint32) ceil (layout->height * scale));
  g_assert_cmpuint (width, <=, JOURNEY_RASTER_MAX_SIDE);
  g_assert_cmpuint (height, <=, JOURNEY_RASTER_MAX_SIDE);
  g_assert_cmpfloat ((double) width * height, <=, JOURNEY_RASTER_MAX_PIXELS * 1.001);
  /* As large as a limit allows. */
  g_assert_true (width >= JOURNEY_RASTER_MAX_SIDE - 1 || height >= JOURNEY_RASTER_MAX_SIDE - 1
                 || (double) width * height >= JOURNEY_RASTER_MAX_PIXELS * 0.99);

  /* The whole map is in it: the paper's corner, and each stage's colour in
   * its header. */
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmphex (pixel_at (surface, scale, 2, 2), ==, 0xffffff);
  for (guint i = 0; i < layout->n_stages; i++)
    {
      JourneyRect *r = &layout->stages[i].header;

      g_assert_true (close_color (pixel_at (surface, scale, r->x + r->width - 12, r->y + r->height / 2),
                                  journey_theme_stage_color (layout->stages[i].stage->color, i)));
    }
  cairo_surface_destroy (surface);

  test_tmpdir_remove (dir);
}

/* -- CSV ------------------------------------------------------------------ */

static void
test_csv (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "d");
  const char *pains[] = {
    "Commas, everywhere, here",
    "She said \"no\" twice \"\"",
    "Two\nlines\r\nand a CR",
    "=1+1",
    "+SUM(A1:A9)",
    "-2",
    "@cmd",
    "  =indented",
    "\tTabbed",
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
    "Control\x01\x1b chars",
    NULL,
  };
  const char *expected[] = {
    "Commas, everywhere, here",
    "She said \"no\" twice \"\"",
    "Two\nlines\nand a CR",
    "'=1+1",
    "'+SUM(A1:A9)",
    "'-2",
    "'@cmd",
    "'  =indented",
    " Tabbed",     /* tabs become spaces: nothing left to run */
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
    "Control chars",
  };
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "actions.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = NULL;
  gsize len;
  guint first_d = 0;

  g_object_set (tp, "pain-points", pains, "title", "=cmd|' /C calc'!A0", NULL);
  g_object_set (map, "title", "Stay, \"weekend\"", NULL);

  g_assert_true (export_test_write (project, map, path, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);
  data = read_file (path, &len);
  g_assert_true (g_utf8_validate (data, len, NULL));
  g_assert_true (g_str_has_suffix (data, "\r\n"));

  rows = parse_csv (data, len);
  /* Header, then a: 1 pain point, 1 opportunity, 1 action; d: 11 pains. */
  g_assert_cmpuint (rows->len, ==, 1 + 3 + G_N_ELEMENTS (expected));
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 8);

  g_assert_cmpstr (CELL (rows, 0, 0), ==, "map");
  g_assert_cmpstr (CELL (rows, 0, 4), ==, "text");
  g_assert_cmpstr (CELL (rows, 0, 7), ==, "votes");

  g_assert_cmpstr (CELL (rows, 1, 0), ==, "Stay, \"weekend\"");
  g_assert_cmpstr (CELL (rows, 1, 1), ==, "Book");
  g_assert_cmpstr (CELL (rows, 1, 2), ==, "Visits the website");
  g_assert_cmpstr (CELL (rows, 1, 3), ==, "pain point");
  g_assert_cmpstr (CELL (rows, 1, 4), ==, "Prices without taxes");
  g_assert_cmpstr (CELL (rows, 1, 7), ==, "7");
  g_assert_cmpstr (CELL (rows, 2, 3), ==, "opportunity");
  g_assert_cmpstr (CELL (rows, 3, 3), ==, "action");
  g_assert_cmpstr (CELL (rows, 3, 4), ==, "Show taxes");
  g_assert_cmpstr (CELL (rows, 3, 5), ==, "Web team");
  g_assert_cmpstr (CELL (rows, 3, 6), ==, "open");

  first_d = 4;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (CELL (rows, first_d + i, 1), ==, "Stay");
      g_assert_cmpstr (CELL (rows, first_d + i, 2), ==, "'=cmd|' /C calc'!A0");
      g_assert_cmpstr (CELL (rows, first_d + i, 4), ==, expected[i]);
    }

  /* Every map when none is named. */
  {
    gsize all_len;
    g_autofree char *all = journey_csv_write (project, NULL, &all_len);
    g_assert_cmpstr (all, ==, data);
  }

  test_tmpdir_remove (dir);
}

/* -- files ---------------------------------------------------------------- */

static void
test_files (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *bad = g_build_filename (dir, "map.docx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "map.svg", NULL);
  g_autofree char *upper = g_build_filename (dir, "MAP.SVG", NULL);
  g_autofree char *existing = g_build_filename (dir, "old.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *data = NULL;
  guint n_files = 0;

  g_assert_false (export_test_write (project, NULL, bad, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_error (error, JOURNEY_EXPORT_ERROR, JOURNEY_EXPORT_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_assert_false (export_test_write (project, NULL, missing, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (export_test_write (project, NULL, upper, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);

  /* An existing file is replaced whole, and no temporary file is left. */
  g_assert_true (g_file_set_contents (existing, "old contents", -1, NULL));
  g_assert_true (export_test_write (project, NULL, existing, 1, JOURNEY_NOTES_AS_MAP, &error));
  g_assert_no_error (error);
  data = read_file (existing, NULL);
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_true (g_str_has_suffix (data, "</svg>\n"));

  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d))
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/svg/escape", test_escape);
  g_test_add_func ("/export/svg/examples", test_svg_examples);
  g_test_add_func ("/export/svg/test-map", test_svg_test_map);
  g_test_add_func ("/export/svg/hostile", test_hostile_svg);
  g_test_add_func ("/export/svg/notes", test_svg_notes);
  g_test_add_func ("/export/png/pixels", test_png_pixels);
  g_test_add_func ("/export/png/huge", test_png_huge_is_scaled);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/files", test_files);

  return g_test_run ();
}
