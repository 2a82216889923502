/* test-layout-text.c: the text of a map's layout: what text measures,
 * kerned and wrapped, and long or hostile titles.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "journey-text.h"
#include "layout-test-utils.h"

/* Each printable ASCII character measures what it does shaped alone. */
static void
test_ascii_advances (void)
{
  static const double sizes[] = { 9.5, 14, 22, 37.25 };
  JourneyText *text = journey_text_get_for_thread ("Cantarell");
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout;

  journey_text_configure_context (context);
  layout = journey_text_layout_new (context);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int bold = 0; bold <= 1; bold++)
      {
        PangoFontDescription *desc = journey_text_font_description ("Cantarell", sizes[s], bold, FALSE);

        pango_layout_set_font_description (layout, desc);
        for (int c = 0x20; c < 0x7f; c++)
          {
            char one[2] = { (char) c, '\0' };
            PangoRectangle logical;
            double alone;

            pango_layout_set_text (layout, one, 1);
            pango_layout_get_extents (layout, NULL, &logical);
            alone = logical.width / (double) PANGO_SCALE;
            g_assert_cmpfloat (alone, >, 0);
            g_assert_cmpfloat_with_epsilon (journey_text_measure (text, one, sizes[s], bold), alone, 1e-9);
          }
        pango_font_description_free (desc);
      }
  g_object_unref (layout);
  g_object_unref (context);
}

/* Text measures what the renderers draw: kerned ("AV", "To"), with
 * ligatures ("office"), ASCII or not, alone and wrapped; in the map's font
 * and in one that kerns "AV" for certain (Debian 12's Cantarell kerns
 * little). */
static void
test_kerning (void)
{
  static const char *families[] = { "Cantarell", "DejaVu Sans" };
  static const char *texts[] = { "AV", "To", "WAVE Type", "Yo! T.V. \"LAVA\"", "office flow", "Café AV" };
  static const double sizes[] = { 9.5, 14, 37.25 };
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout;
  JourneyText *text;

  journey_text_configure_context (context);
  layout = journey_text_layout_new (context);
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (int bold = 0; bold <= 1; bold++)
        {
          PangoFontDescription *desc = journey_text_font_description (families[f], sizes[s], bold, FALSE);

          text = journey_text_get_for_thread (families[f]);
          pango_layout_set_font_description (layout, desc);
          for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
            {
              JourneyTextBlock block = { 0 };
              PangoRectangle logical;
              double drawn;

              pango_layout_set_text (layout, texts[t], -1);
              pango_layout_get_extents (layout, NULL, &logical);
              drawn = logical.width / (double) PANGO_SCALE;
              g_assert_cmpfloat_with_epsilon (journey_text_measure (text, texts[t], sizes[s], bold), drawn, 1e-4);

              journey_text_wrap (text, texts[t], sizes[s], bold, 1e6, 0, &block);
              g_assert_cmpuint (block.n_lines, ==, 1);
              g_assert_cmpfloat_with_epsilon (block.width, drawn, 1e-4);
              journey_text_block_clear (&block);
            }
          pango_font_description_free (desc);
        }

  /* Wrapped, a word with a ligature ("confirmation", "flow") measures
   * what it draws on each line; one wider than the line is broken within
   * it, by Pango. */
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    {
      static const char *wrapped = "Checks the booking confirmation flow of the office, officially";
      static const double widths[] = { 300, 140, 90, 40 };
      PangoFontDescription *desc = journey_text_font_description (families[f], 14, FALSE, FALSE);

      text = journey_text_get_for_thread (families[f]);
      pango_layout_set_font_description (layout, desc);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          JourneyTextBlock block = { 0 };
          double widest = 0;
          guint n_lines;

          journey_text_wrap (text, wrapped, 14, FALSE, widths[w], 0, &block);
          n_lines = block.n_lines;
          g_assert_cmpuint (block.n_lines, >, 1);
          for (guint l = 0; l < block.n_lines; l++)
            {
              PangoRectangle logical;
              double drawn;

              pango_layout_set_text (layout, block.lines[l], -1);
              pango_layout_get_extents (layout, NULL, &logical);
              drawn = logical.width / (double) PANGO_SCALE;
              g_assert_cmpfloat (drawn, <=, widths[w] + 1e-4);
              g_assert_cmpfloat_with_epsilon (journey_text_measure (text, block.lines[l], 14, FALSE), drawn, 1e-4);
              widest = MAX (widest, drawn);
            }
          g_assert_cmpfloat_with_epsilon (block.width, widest, 1e-4);
          journey_text_block_clear (&block);

          /* Cut to two lines: the second ends in an ellipsis, and fits. */
          journey_text_wrap (text, wrapped, 14, FALSE, widths[w], 2, &block);
          g_assert_cmpuint (block.n_lines, ==, 2);
          g_assert_cmpint (block.truncated, ==, n_lines > 2);
          g_assert_cmpint (g_str_has_suffix (block.lines[1], "\xe2\x80\xa6"), ==, n_lines > 2);
          for (guint l = 0; l < block.n_lines; l++)
            {
              PangoRectangle logical;

              pango_layout_set_text (layout, block.lines[l], -1);
              pango_layout_get_extents (layout, NULL, &logical);
              g_assert_cmpfloat (logical.width / (double) PANGO_SCALE, <=, widths[w] + 0.01);
            }
          journey_text_block_clear (&block);
        }
      pango_font_description_free (desc);
    }

  /* The font kerns the pair: a test of nothing otherwise. */
  text = journey_text_get_for_thread ("DejaVu Sans");
  g_assert_cmpfloat (journey_text_measure (text, "AV", 14, FALSE), <,
                     journey_text_measure (text, "A", 14, FALSE) + journey_text_measure (text, "V", 14, FALSE) - 0.5);
  g_object_unref (layout);
  g_object_unref (context);
}

static void
test_long_title (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "b");
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autoptr(JourneyLayout) layout = NULL;
  JourneyLayoutCard *card;

  while (long_title->len < 6000)
    g_string_append (long_title, "Waits for the lift that never comes ");
  g_object_set (tp, "title", long_title->str, NULL);
  g_object_set (map, "title", long_title->str, NULL);

  layout = layout_for (project);
  card = card_for (layout, "b");
  g_assert_cmpuint (card->title.n_lines, ==, 3);
  g_assert_true (card->title.truncated);
  g_assert_true (g_str_has_suffix (card->title.lines[2], "\xe2\x80\xa6"));
  g_assert_cmpuint (layout->title.n_lines, ==, 3);
  g_assert_true (g_str_has_suffix (layout->title.lines[2], "\xe2\x80\xa6"));

  /* An unbroken word is cut between characters. */
  g_string_truncate (long_title, 0);
  while (long_title->len < 6000)
    g_string_append_c (long_title, 'W');
  g_object_set (tp, "title", long_title->str, NULL);
  g_clear_pointer (&layout, journey_layout_free);
  layout = layout_for (project);
  card = card_for (layout, "b");
  g_assert_cmpuint (card->title.n_lines, ==, 3);
  g_assert_true (g_str_has_suffix (card->title.lines[2], "\xe2\x80\xa6"));
}

static void
test_hostile_titles (void)
{
  const char *titles[] = {
    "",
    "<script>alert(1)</script> & \"quotes\" 'apostrophes' ]]>",
    "Control \x01\x02\x1b\x7f characters\r\nand lines",
    "Family \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6 emoji "
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6"
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6",
    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85 "
    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d mixed with English text that wraps",
  };
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      JourneyTouchpoint *tp = journey_map_find_touchpoint (map, "a");
      g_autoptr(JourneyLayout) layout = NULL;
      JourneyLayoutCard *card;

      g_object_set (tp, "title", titles[i], NULL);
      layout = layout_for (project);
      card = card_for (layout, "a");
      g_assert_cmpuint (card->title.n_lines, <=, 3);
      for (guint l = 0; l < card->title.n_lines; l++)
        {
          g_assert_true (g_utf8_validate (card->title.lines[l], -1, NULL));
          for (const char *p = card->title.lines[l]; *p; p++)
            g_assert_true ((guchar) *p >= 0x20 && *p != 0x7f);
        }
      if (i == 0)
        g_assert_cmpuint (card->title.n_lines, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/ascii-advances", test_ascii_advances);
  g_test_add_func ("/layout/kerning", test_kerning);
  g_test_add_func ("/layout/long-title", test_long_title);
  g_test_add_func ("/layout/hostile-titles", test_hostile_titles);

  return g_test_run ();
}
