/* test-layout.c: the geometry of a map.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "export-test-utils.h"
#include "journey-text.h"

static JourneyLayout *
layout_for (JourneyProject *project)
{
  JourneyLayout *layout = journey_layout_new (test_first_map (project), project, NULL);
  g_assert_nonnull (layout);
  return layout;
}

static JourneyLayoutCard *
card_for (JourneyLayout *layout,
          const char    *id)
{
  for (guint i = 0; i < layout->n_cards; i++)
    if (g_str_equal (layout->cards[i].touchpoint->id, id))
      return &layout->cards[i];
  g_assert_not_reached ();
  return NULL;
}

static void
test_stages (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  double unit;

  g_assert_cmpuint (layout->n_stages, ==, 3);
  unit = layout->stages[0].header.width / 2;
  g_assert_cmpfloat_with_epsilon (layout->stages[1].header.width, unit, 0.5);
  g_assert_cmpfloat_with_epsilon (layout->stages[2].header.width, 3 * unit, 0.5);

  /* Laid end to end, in the stage band. */
  for (guint i = 0; i + 1 < layout->n_stages; i++)
    g_assert_cmpfloat_with_epsilon (layout->stages[i].header.x + layout->stages[i].header.width,
                                    layout->stages[i + 1].header.x, 0.01);
  g_assert_cmpstr (layout->stages[0].name.lines[0], ==, "Book");

  /* Title block above the stage band, emotion band under it, lanes under
   * the band. */
  g_assert_cmpfloat (layout->title_rect.y + layout->title_rect.height, <=, layout->stage_band.y);
  g_assert_cmpfloat_with_epsilon (layout->band.rect.y, layout->stage_band.y + layout->stage_band.height, 0.01);
  g_assert_cmpfloat_with_epsilon (layout->lanes_rect.y, layout->band.rect.y + layout->band.rect.height, 0.01);
  g_assert_cmpfloat (layout->height, >=, layout->lanes_rect.y + layout->lanes_rect.height);
  g_assert_cmpstr (layout->title.lines[0], ==, "Weekend stay");
  g_assert_cmpuint (layout->persona.n_lines, ==, 1);
  g_assert_nonnull (strstr (layout->persona.lines[0], "Leisure traveller"));

  /* Conversions. */
  g_assert_cmpfloat_with_epsilon (journey_layout_x_for_time (layout, 2), layout->stages[1].header.x, 0.01);
  g_assert_cmpfloat_with_epsilon (journey_layout_time_for_x (layout, layout->stages[2].header.x), 3, 1e-6);
  g_assert_cmpfloat_with_epsilon (journey_layout_value_for_y (layout, journey_layout_y_for_value (layout, 4.2)), 4.2, 1e-6);
  g_assert_cmpfloat (journey_layout_y_for_value (layout, 5), <, journey_layout_y_for_value (layout, 1));
}

static void
test_lanes_and_lines (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autoptr(JourneyLayout) layout = layout_for (project);

  g_assert_cmpuint (layout->n_lanes, ==, 5);
  for (guint i = 0; i + 1 < layout->n_lanes; i++)
    g_assert_cmpfloat_with_epsilon (layout->lanes[i].rect.y + layout->lanes[i].rect.height,
                                    layout->lanes[i + 1].rect.y, 0.01);

  /* Physical | customer ─ interaction ─ onstage ═ visibility ═ offstage
   * ─·─ internal interaction ─·─ support. */
  g_assert_cmpuint (layout->n_lines, ==, 3);
  g_assert_cmpint (layout->lines[0].kind, ==, JOURNEY_BLUEPRINT_LINE_OF_INTERACTION);
  g_assert_cmpfloat_with_epsilon (layout->lines[0].y, layout->lanes[2].rect.y, 0.01);
  g_assert_cmpint (layout->lines[1].kind, ==, JOURNEY_BLUEPRINT_LINE_OF_VISIBILITY);
  g_assert_cmpfloat_with_epsilon (layout->lines[1].y, layout->lanes[3].rect.y, 0.01);
  g_assert_cmpint (layout->lines[2].kind, ==, JOURNEY_BLUEPRINT_LINE_OF_INTERNAL_INTERACTION);
  g_assert_cmpfloat_with_epsilon (layout->lines[2].y, layout->lanes[4].rect.y, 0.01);
  g_assert_cmpstr (layout->lines[1].css_class, ==, "line-of-visibility");

  /* Every card inside its lane; major cards bigger. */
  for (guint i = 0; i < layout->n_cards; i++)
    {
      JourneyLayoutCard *card = &layout->cards[i];
      JourneyRect *lane = &layout->lanes[card->lane].rect;

      g_assert_cmpfloat (card->rect.y, >=, lane->y);
      g_assert_cmpfloat (card->rect.y + card->rect.height, <=, lane->y + lane->height);
      g_assert_cmpfloat (card->rect.x, >=, layout->timeline_x);
      g_assert_cmpfloat (card->rect.x + card->rect.width, <=, layout->timeline_x + layout->timeline_width);
    }
  g_assert_true (card_for (layout, "a")->major);
  g_assert_cmpfloat (card_for (layout, "a")->rect.width, >, card_for (layout, "b")->rect.width);
  g_assert_cmpfloat (card_for (layout, "a")->rect.height, >, card_for (layout, "b")->rect.height);

  /* Markers: one pain point, one opportunity, one action, seven votes. */
  {
    JourneyLayoutCard *a = card_for (layout, "a");
    g_assert_cmpuint (a->n_markers, ==, 4);
    g_assert_cmpint (a->markers[0].kind, ==, JOURNEY_MARKER_PAIN_POINTS);
    g_assert_cmpint (a->markers[0].count, ==, 1);
    g_assert_cmpint (a->markers[3].kind, ==, JOURNEY_MARKER_VOTES);
    g_assert_cmpint (a->markers[3].count, ==, 7);
    for (guint m = 0; m < a->n_markers; m++)
      g_assert_cmpfloat (a->markers[m].rect.x + a->markers[m].rect.width, <=, a->rect.x + a->rect.width);
  }
}

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
test_stacking (void)
{
  g_autofree char *json = export_test_generate (400, 42);
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  JourneyText *text = journey_text_get_for_thread (layout->style.font_family);
  guint max_rows = 0;

  g_assert_cmpuint (layout->n_cards, ==, 400);

  /* No two cards overlap, and each sits at its time (centre at the time's
   * x unless it would leave the timeline). */
  for (guint i = 0; i < layout->n_cards; i++)
    {
      JourneyLayoutCard *a = &layout->cards[i];
      double cx = a->rect.x + a->rect.width / 2;
      double tx = journey_layout_x_for_time (layout, a->touchpoint->time);

      double edge = 2 * (layout->style.card_gap + layout->style.major_width / 2);

      if (tx > layout->timeline_x + edge && tx < layout->timeline_x + layout->timeline_width - edge)
        g_assert_cmpfloat_with_epsilon (cx, tx, 0.01);

      for (guint j = i + 1; j < layout->n_cards; j++)
        if (export_test_rects_overlap (&a->rect, &layout->cards[j].rect))
          g_error ("cards %s and %s overlap", a->touchpoint->id, layout->cards[j].touchpoint->id);

      /* Titles wrap to at most three lines, each fits its card. */
      g_assert_cmpuint (a->title.n_lines, >=, 1);
      g_assert_cmpuint (a->title.n_lines, <=, 3);
      for (guint l = 0; l < a->title.n_lines; l++)
        g_assert_cmpfloat (journey_text_measure (text, a->title.lines[l], a->title.size, a->title.bold),
                           <=, a->rect.width - 2 * layout->style.card_padding + 0.5);
      g_assert_cmpfloat (a->title.baseline + (a->title.n_lines - 1) * a->title.line_height, <, a->rect.y + a->rect.height);
    }

  /* Near the ends too, a later time never sits left of an earlier one,
   * and two different times never share an x. */
  for (guint i = 0; i < layout->n_cards; i++)
    for (guint j = 0; j < layout->n_cards; j++)
      {
        JourneyLayoutCard *a = &layout->cards[i], *b = &layout->cards[j];
        if (a->touchpoint->time < b->touchpoint->time)
          g_assert_cmpfloat (a->rect.x + a->rect.width / 2, <, b->rect.x + b->rect.width / 2);
      }

  /* Lanes grew to hold their rows. */
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      JourneyLayoutLane *lane = &layout->lanes[l];
      max_rows = MAX (max_rows, lane->n_rows);
      g_assert_cmpfloat (lane->rect.height, >=, lane->n_rows * layout->style.minor_height);
    }
  g_assert_cmpuint (max_rows, >, 1);
}

static void
test_same_time_stacks (void)
{
  GString *s = g_string_new ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"T\",\n"
                             " \"stages\": [ { \"id\": \"s\", \"name\": \"S\" } ],\n"
                             " \"lanes\": [ { \"id\": \"a\", \"name\": \"A\" }, { \"id\": \"b\", \"name\": \"B\" } ],\n"
                             " \"touchpoints\": [");
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(JourneyLayout) layout = NULL;
  g_autofree char *json = NULL;

  for (int i = 0; i < 5; i++)
    g_string_append_printf (s, "%s { \"id\": \"t%d\", \"title\": \"Same time %d\", \"lane\": \"a\", \"time\": 0.5%s }",
                            i ? "," : "", i, i, i == 2 ? ", \"weight\": \"major\"" : "");
  g_string_append (s, ", { \"id\": \"lone\", \"title\": \"Alone\", \"lane\": \"b\", \"time\": 0.5 } ] } ] }");
  json = g_string_free (s, FALSE);
  project = test_load_string (json);
  layout = layout_for (project);

  g_assert_cmpuint (layout->lanes[0].n_rows, ==, 5);
  g_assert_cmpuint (layout->lanes[1].n_rows, ==, 1);
  g_assert_cmpfloat (layout->lanes[0].rect.height, >, 4 * layout->lanes[1].rect.height);
  for (guint i = 0; i < layout->n_cards; i++)
    for (guint j = i + 1; j < layout->n_cards; j++)
      g_assert_false (export_test_rects_overlap (&layout->cards[i].rect, &layout->cards[j].rect));

  /* Five handles at one x, each above its card. */
  g_assert_cmpuint (layout->n_handles, ==, 6);
  for (guint i = 0; i < layout->n_handles; i++)
    {
      JourneyLayoutCard *card = &layout->cards[layout->handles[i].card];
      g_assert_cmpfloat_with_epsilon (layout->handles[i].x, card->rect.x + card->rect.width / 2, 0.01);
      g_assert_cmpfloat (layout->handles[i].y, <, card->rect.y);
    }
}

static double
bezier (double p0, double p1, double p2, double p3, double t)
{
  double u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

static void
check_curve_monotone (JourneyLayout      *layout,
                      JourneyLayoutCurve *curve)
{
  double top = journey_layout_y_for_value (layout, layout->band.max);
  double bottom = journey_layout_y_for_value (layout, layout->band.min);

  for (guint k = 0; k + 1 < curve->n_points; k++)
    {
      JourneyPoint p0 = curve->points[k], p3 = curve->points[k + 1];
      double lo = MIN (p0.y, p3.y) - 1e-6, hi = MAX (p0.y, p3.y) + 1e-6;
      double prev_x = p0.x, prev_y = p0.y;

      g_assert_cmpfloat (p3.x, >=, p0.x);
      for (int i = 1; i <= 50; i++)
        {
          double t = i / 50.0;
          double x = bezier (p0.x, curve->c1[k].x, curve->c2[k].x, p3.x, t);
          double y = bezier (p0.y, curve->c1[k].y, curve->c2[k].y, p3.y, t);

          /* Between its two points, never beyond them, always in the band,
           * and monotone (no wiggle). */
          g_assert_cmpfloat (y, >=, lo);
          g_assert_cmpfloat (y, <=, hi);
          g_assert_cmpfloat (y, >=, top - 1e-6);
          g_assert_cmpfloat (y, <=, bottom + 1e-6);
          g_assert_cmpfloat (x, >=, prev_x - 1e-6);
          if (p3.y >= p0.y)
            g_assert_cmpfloat (y, >=, prev_y - 1e-6);
          else
            g_assert_cmpfloat (y, <=, prev_y + 1e-6);
          prev_x = x;
          prev_y = y;
        }
    }
}

static void
test_curves (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  JourneyLayoutCurve *as_is = &layout->curves[JOURNEY_CURVE_AS_IS];
  const char *order[] = { "a", "b", "c", "d" };

  /* Customer and onstage touchpoints only, in time order. */
  g_assert_cmpuint (as_is->n_points, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (layout->cards[as_is->cards[i]].touchpoint->id, ==, order[i]);
  g_assert_cmpstr (as_is->css_class, ==, "as-is");

  /* Satisfaction 5 above the neutral line, 1 below it. */
  g_assert_cmpfloat (as_is->points[0].y, <, layout->band.neutral_y);
  g_assert_cmpfloat (as_is->points[2].y, >, layout->band.neutral_y);
  g_assert_cmpfloat_with_epsilon (as_is->points[0].y, layout->band.step_y[4], 0.01);
  g_assert_cmpfloat_with_epsilon (as_is->points[3].y, layout->band.step_y[0], 0.01);
  check_curve_monotone (layout, as_is);

  /* A flat stretch between two equal values stays flat: no overshoot. */
  g_assert_cmpfloat_with_epsilon (as_is->c1[0].y, as_is->points[0].y, 1e-9);
  g_assert_cmpfloat_with_epsilon (as_is->c2[0].y, as_is->points[0].y, 1e-9);

  /* Targets on three touchpoints, evidence on two. */
  g_assert_cmpuint (layout->curves[JOURNEY_CURVE_TO_BE].n_points, ==, 3);
  g_assert_cmpuint (layout->curves[JOURNEY_CURVE_MEASURED].n_points, ==, 2);
  check_curve_monotone (layout, &layout->curves[JOURNEY_CURVE_TO_BE]);

  /* b: 5 hypothesised, 3.9 measured: 1.1 ≥ 0.8, flagged; c: 0.5, not. */
  g_assert_cmpuint (layout->n_flags, ==, 1);
  g_assert_cmpstr (layout->cards[layout->flags[0].card].touchpoint->id, ==, "b");
  g_assert_cmpfloat_with_epsilon (layout->flags[0].gap, -1.1, 1e-9);

  /* Handles: one per curve touchpoint, above its card, coloured by value. */
  g_assert_cmpuint (layout->n_handles, ==, 4);
  for (guint i = 0; i < layout->n_handles; i++)
    {
      JourneyLayoutHandle *h = &layout->handles[i];
      JourneyLayoutCard *card = &layout->cards[h->card];

      g_assert_cmpfloat_with_epsilon (h->x, card->rect.x + card->rect.width / 2, 0.01);
      g_assert_cmpfloat (h->y, <, card->rect.y);
      g_assert_cmpint (card->handle, ==, (int) i);
    }
  g_assert_cmpfloat (layout->handles[0].value, ==, 5);
  g_assert_cmpfloat (layout->handles[2].value, ==, 1);
  g_assert_cmpint (card_for (layout, "e")->handle, ==, -1);

  /* The legend names the three curves, the flag, the markers and the
   * evidence levels of the cards (assumed, and thin: 20 responses). */
  g_assert_cmpuint (layout->n_legend, ==, 10);
  g_assert_cmpint (layout->legend[8].kind, ==, JOURNEY_LEGEND_LEVEL);
  g_assert_cmpint (layout->legend[8].which, ==, JOURNEY_EVIDENCE_LEVEL_ASSUMED);
  g_assert_cmpint (layout->legend[9].which, ==, JOURNEY_EVIDENCE_LEVEL_THIN);
  g_assert_cmpint (layout->legend[0].kind, ==, JOURNEY_LEGEND_CURVE);
}

static void
test_random_curves (void)
{
  g_autofree char *json = export_test_generate (300, 7);
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  JourneyMap *map = journey_list_peek (project->maps, 0);
  g_autoptr(GPtrArray) on_curve = journey_map_get_curve_touchpoints (map);
  guint expected[JOURNEY_N_CURVES] = { 0 };

  /* Each touchpoint of the customer and onstage lanes is a point of the
   * as-is curve, at its card's centre and its satisfaction; one with a
   * target of the to-be curve, one with evidence of the measured curve. */
  for (guint i = 0; i < on_curve->len; i++)
    {
      JourneyTouchpoint *tp = g_ptr_array_index (on_curve, i);

      expected[JOURNEY_CURVE_AS_IS]++;
      expected[JOURNEY_CURVE_TO_BE] += isfinite (tp->target);
      expected[JOURNEY_CURVE_MEASURED] += tp->evidence != NULL;
    }
  g_assert_cmpuint (expected[JOURNEY_CURVE_AS_IS], >, 50);
  g_assert_cmpuint (expected[JOURNEY_CURVE_TO_BE], >, 5);
  g_assert_cmpuint (expected[JOURNEY_CURVE_MEASURED], >, 5);
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      JourneyLayoutCurve *curve = &layout->curves[k];

      g_assert_cmpuint (curve->n_points, ==, expected[k]);
      for (guint p = 0; p < curve->n_points; p++)
        {
          JourneyLayoutCard *card = &layout->cards[curve->cards[p]];
          double value = k == JOURNEY_CURVE_AS_IS ? card->touchpoint->satisfaction
                       : k == JOURNEY_CURVE_TO_BE ? card->touchpoint->target
                       : card->touchpoint->evidence->mean;

          g_assert_cmpfloat_with_epsilon (curve->points[p].x, card->rect.x + card->rect.width / 2, 1e-9);
          g_assert_cmpfloat_with_epsilon (curve->points[p].y, journey_layout_y_for_value (layout, value), 1e-9);
          if (p > 0)
            g_assert_cmpfloat (curve->points[p].x, >=, curve->points[p - 1].x);
        }
      check_curve_monotone (layout, curve);
    }
}

static void
test_scales (void)
{
  const char *scales[] = {
    "{ \"min\": -2, \"max\": 2 }",
    "{ \"min\": 0, \"max\": 10 }",
    "{ \"min\": 1, \"max\": 7, \"labels\": [ \"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\" ] }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"T\", \"scale\": %s,\n"
        " \"stages\": [ { \"id\": \"s\", \"name\": \"S\" } ], \"lanes\": [ { \"id\": \"a\", \"name\": \"A\" } ],\n"
        " \"touchpoints\": [ { \"id\": \"t\", \"title\": \"T\", \"lane\": \"a\", \"time\": 0.2 } ] } ] }", scales[i]);
      g_autoptr(JourneyProject) project = test_load_string (json);
      JourneyMap *map = test_first_map (project);
      g_autoptr(JourneyLayout) layout = layout_for (project);
      guint n = (guint) (map->scale->max - map->scale->min + 1);

      g_assert_cmpuint (layout->band.n_steps, ==, n);
      for (guint s = 0; s + 1 < n; s++)
        g_assert_cmpfloat (layout->band.step_y[s], >, layout->band.step_y[s + 1] + layout->style.caption_size);
      for (guint s = 0; s < n; s++)
        g_assert_cmpuint (layout->band.labels[s].n_lines, ==, 1);
      /* No satisfaction given: the middle of the scale. */
      g_assert_cmpfloat_with_epsilon (layout->handles[0].y, layout->band.neutral_y, 0.01);
    }
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

static void
test_hit_test (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  JourneyLayoutCard *card = card_for (layout, "c");
  JourneyLayoutHandle *handle = &layout->handles[card->handle];
  JourneyLayoutStage *stage = &layout->stages[0];
  JourneyHit hit;

  g_assert_cmpint (journey_layout_hit_test (layout, card->rect.x + 5, card->rect.y + 5, &hit), ==, JOURNEY_HIT_CARD);
  g_assert_true (&layout->cards[hit.index] == card);

  g_assert_cmpint (journey_layout_hit_test (layout, handle->x + 2, handle->y - 2, &hit), ==, JOURNEY_HIT_HANDLE);
  g_assert_true (&layout->handles[hit.index] == handle);

  g_assert_cmpint (journey_layout_hit_test (layout, stage->header.x + stage->header.width + 2,
                                            stage->header.y + 10, &hit), ==, JOURNEY_HIT_STAGE_BOUNDARY);
  g_assert_cmpuint (hit.index, ==, 0);

  g_assert_cmpint (journey_layout_hit_test (layout, stage->header.x + 40, stage->header.y + 10, &hit), ==, JOURNEY_HIT_STAGE);
  g_assert_cmpuint (hit.index, ==, 0);

  g_assert_cmpint (journey_layout_hit_test (layout, layout->lanes[3].label.x + 10,
                                            layout->lanes[3].label.y + 10, &hit), ==, JOURNEY_HIT_LANE);
  g_assert_cmpuint (hit.index, ==, 3);

  g_assert_cmpint (journey_layout_hit_test (layout, -10, -10, &hit), ==, JOURNEY_HIT_NONE);
  g_assert_cmpint (journey_layout_hit_test (layout, layout->width + 50, layout->height / 2, NULL), ==, JOURNEY_HIT_NONE);
}

/* Handles take a finger at every zoom: a press within half a touch
 * target (22 px) on screen of one takes it, however small it is drawn;
 * where hit areas overlap, the nearest handle or card wins. */
static void
test_hit_at_zoom (void)
{
  static const double zooms[] = { 0.25, 0.5, 1, 2, 4 };
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  JourneyLayoutHandle *a = &layout->handles[card_for (layout, "a")->handle];
  JourneyLayoutHandle *b = &layout->handles[card_for (layout, "b")->handle];
  JourneyLayoutHandle *c = &layout->handles[card_for (layout, "c")->handle];
  JourneyLayoutCard *g = card_for (layout, "g");
  double reach = layout->style.touch_target / 2;
  JourneyHit hit;

  g_assert_cmpfloat (reach, ==, 22);
  g_assert_cmpfloat (c->radius * 0.25, <, 5);

  /* 21 px on screen right of c and above it: c, at every zoom. */
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      double d = 21 / zooms[i];

      g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, c->x + d, c->y, zooms[i], &hit), ==, JOURNEY_HIT_HANDLE);
      g_assert_true (&layout->handles[hit.index] == c);
      g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, c->x, c->y - d, zooms[i], &hit), ==, JOURNEY_HIT_HANDLE);
      g_assert_true (&layout->handles[hit.index] == c);
      /* 23 px away, nothing of it. */
      if (23 / zooms[i] > c->radius + layout->style.hit_slop)
        g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, c->x + 23 / zooms[i], c->y, zooms[i], &hit), !=,
                         JOURNEY_HIT_HANDLE);
    }
  /* A to-be point too. */
  {
    const JourneyLayoutCurve *to_be = &layout->curves[JOURNEY_CURVE_TO_BE];
    JourneyLayoutCard *d = card_for (layout, "d");
    int k = -1;

    for (guint i = 0; i < to_be->n_points; i++)
      if (&layout->cards[to_be->cards[i]] == d)
        k = (int) i;
    g_assert_cmpint (k, >=, 0);
    g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, to_be->points[k].x + 21 / 0.25, to_be->points[k].y,
                                                      0.25, &hit), ==, JOURNEY_HIT_TARGET);
    g_assert_true (&layout->cards[hit.index] == d);
    g_assert_cmpint (journey_layout_hit_test (layout, to_be->points[k].x + 21 / 0.25, to_be->points[k].y, &hit),
                     !=, JOURNEY_HIT_TARGET);
  }

  /* 40 map px are 40 px at 100 %: too far; 20 px at 50 %: near enough. */
  g_assert_cmpint (journey_layout_hit_test (layout, c->x + 40, c->y, &hit), !=, JOURNEY_HIT_HANDLE);
  g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, c->x + 40, c->y, 0.5, &hit), ==, JOURNEY_HIT_HANDLE);

  /* Two handles whose hit areas overlap: the nearer wins, either side of
   * the middle. */
  {
    double zoom = 22 / (0.6 * hypot (b->x - a->x, b->y - a->y));
    double x45 = a->x + 0.45 * (b->x - a->x), y45 = a->y + 0.45 * (b->y - a->y);
    double x55 = a->x + 0.55 * (b->x - a->x), y55 = a->y + 0.55 * (b->y - a->y);

    g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, x45, y45, zoom, &hit), ==, JOURNEY_HIT_HANDLE);
    g_assert_true (&layout->handles[hit.index] == a);
    g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, x55, y55, zoom, &hit), ==, JOURNEY_HIT_HANDLE);
    g_assert_true (&layout->handles[hit.index] == b);
  }

  /* A card inside a handle's hit area: the card, nearer (0 inside it);
   * the empty lane beside the card, within the area: the handle. */
  {
    double x = g->rect.x + 4, y = g->rect.y + 4;
    double zoom = 0.9 * reach / hypot (x - c->x, y - c->y);
    JourneyLayoutLane *lane = &layout->lanes[g->lane];

    g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, x, y, zoom, &hit), ==, JOURNEY_HIT_CARD);
    g_assert_true (&layout->cards[hit.index] == g);
    g_assert_cmpfloat (lane->rect.y, <, c->y + reach / zoom);
    g_assert_cmpint (journey_layout_hit_test_at_zoom (layout, c->x, lane->rect.y + 2, zoom, &hit), ==, JOURNEY_HIT_HANDLE);
    g_assert_true (&layout->handles[hit.index] == c);
  }

  /* On a frozen header, handles are not there to take. */
  g_assert_cmpint (journey_layout_hit_test_headers (layout, c->x, c->y, 1, &hit), ==, JOURNEY_HIT_NONE);
  g_assert_cmpint (journey_layout_hit_test_headers (layout, layout->stages[0].header.x + layout->stages[0].header.width,
                                                    layout->stages[0].header.y + 2, 0.25, &hit),
                   ==, JOURNEY_HIT_STAGE_BOUNDARY);
  g_assert_cmpuint (hit.index, ==, 0);
}

static void
test_empty_map (void)
{
  const char *json =
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"\",\n"
    " \"stages\": [ { \"id\": \"s\" } ], \"lanes\": [ { \"id\": \"a\" } ], \"touchpoints\": [] } ] }";
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autoptr(JourneyLayout) layout = layout_for (project);

  g_assert_cmpuint (layout->n_cards, ==, 0);
  g_assert_cmpuint (layout->n_handles, ==, 0);
  g_assert_cmpuint (layout->n_legend, ==, 0);
  g_assert_cmpfloat (layout->width, >, 0);
  g_assert_cmpfloat (layout->height, >, 0);
  g_assert_cmpfloat (layout->lanes[0].rect.height, >, 0);
}

/* A map of @n_lanes lanes of @per_lane touchpoints each, at seeded random
 * times over six units, or all at time 2.5 in the lanes of @stacked_lanes
 * (a bit mask). */
static char *
dense_map (guint   n_lanes,
           guint   per_lane,
           guint32 seed,
           guint32 stacked_lanes)
{
  static const char *kinds[] = { "physical", "customer", "onstage", "offstage", "support" };
  GString *s = g_string_new ("{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"Dense\",\n"
                             " \"stages\": [ { \"id\": \"s1\", \"name\": \"One\", \"length\": 2 },"
                             " { \"id\": \"s2\", \"name\": \"Two\", \"length\": 1 },"
                             " { \"id\": \"s3\", \"name\": \"Three\", \"length\": 3 } ],\n \"lanes\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint l = 0; l < n_lanes; l++)
    g_string_append_printf (s, "%s { \"id\": \"l%u\", \"name\": \"Lane %u\", \"kind\": \"%s\" }",
                            l ? "," : "", l, l, kinds[l * G_N_ELEMENTS (kinds) / n_lanes]);
  g_string_append (s, " ],\n \"touchpoints\": [");
  for (guint i = 0; i < n_lanes * per_lane; i++)
    {
      guint lane = i % n_lanes;
      double time = (stacked_lanes & (1u << lane)) ? 2.5 : g_rand_double_range (rand, 0, 6);

      g_string_append_printf (s, "%s\n  { \"id\": \"t%u\", \"title\": \"Step %u\", \"lane\": \"l%u\", \"time\": %.4f,"
                                 " \"satisfaction\": %d%s }",
                              i ? "," : "", i, i, lane, time, 1 + g_rand_int_range (rand, 0, 5),
                              g_rand_int_range (rand, 0, 4) == 0 ? ", \"weight\": \"major\"" : "");
    }
  g_string_append (s, " ] } ] }\n");
  return g_string_free (s, FALSE);
}

static void
assert_no_overlap (JourneyLayout *layout)
{
  for (guint i = 0; i < layout->n_cards; i++)
    for (guint j = i + 1; j < layout->n_cards; j++)
      if (export_test_rects_overlap (&layout->cards[i].rect, &layout->cards[j].rect))
        g_error ("cards %s and %s overlap", layout->cards[i].touchpoint->id, layout->cards[j].touchpoint->id);
}

/* Row hints (the canvas's, SPEC §9 Stability): cards hinted to the rows
 * they have keep them; a card moved and pinned to a row takes it, and
 * only the cards in its way there move, to rows that put no other card
 * out of its own; no two cards overlap. */
static void
test_row_hints (void)
{
  g_autofree char *json = dense_map (6, 40, 7, 0);
  g_autoptr(JourneyProject) project = test_load_string (json);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) plain = layout_for (project);
  g_autoptr(GHashTable) hints = g_hash_table_new (NULL, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  JourneyStyle style = *journey_style_get_default ();
  guint displaced = 0;

  style.fixed_px_per_unit = plain->px_per_unit;
  style.row_hints = hints;

  for (int trial = 0; trial < 60; trial++)
    {
      g_autoptr(JourneyLayout) before = NULL;
      g_autoptr(JourneyLayout) after = NULL;
      JourneyLayoutCard *pinned;
      JourneyTouchpoint *tp;
      guint c, row;

      /* Every card hinted to the row it has: nothing changes. */
      before = journey_layout_new (map, project, &style);
      g_hash_table_remove_all (hints);
      for (guint i = 0; i < before->n_cards; i++)
        g_hash_table_insert (hints, before->cards[i].touchpoint,
                             JOURNEY_ROW_HINT (before->cards[i].lane, before->cards[i].row, FALSE));
      after = journey_layout_new (map, project, &style);
      for (guint i = 0; i < before->n_cards; i++)
        g_assert_cmpmem (&after->cards[i].rect, sizeof (JourneyRect), &before->cards[i].rect, sizeof (JourneyRect));
      g_clear_pointer (&after, journey_layout_free);

      /* A card to another time, pinned to a row of its lane. */
      c = g_rand_int_range (rand, 0, before->n_cards);
      tp = before->cards[c].touchpoint;
      row = g_rand_int_range (rand, 0, before->lanes[before->cards[c].lane].n_rows + 1);
      tp->time = g_rand_double_range (rand, 0, journey_map_get_duration (map));
      g_hash_table_insert (hints, tp, JOURNEY_ROW_HINT (before->cards[c].lane, row, TRUE));
      after = journey_layout_new (map, project, &style);
      assert_no_overlap (after);

      pinned = &after->cards[c];
      g_assert_true (pinned->touchpoint == tp);
      g_assert_cmpuint (pinned->row, ==, row);
      for (guint i = 0; i < after->n_cards; i++)
        {
          const JourneyLayoutCard *now = &after->cards[i], *then = &before->cards[i];

          if (i == c || now->row == then->row)
            continue;
          /* In the pinned card's way, in its row. */
          g_assert_cmpint (now->lane, ==, pinned->lane);
          g_assert_cmpuint (then->row, ==, pinned->row);
          g_assert_cmpfloat (then->rect.x, <, pinned->rect.x + pinned->rect.width + style.card_gap);
          g_assert_cmpfloat (then->rect.x + then->rect.width + style.card_gap, >, pinned->rect.x);
          displaced++;
        }
      /* The next trial starts from here, as a drag starts from a drop. */
      g_hash_table_insert (hints, tp, JOURNEY_ROW_HINT (pinned->lane, pinned->row, FALSE));
    }
  g_test_message ("%u cards made room in 60 drags", displaced);
  g_assert_cmpuint (displaced, >, 0);
}

static guint
deepest_lane (JourneyLayout *layout)
{
  guint deepest = 0;

  for (guint l = 0; l < layout->n_lanes; l++)
    deepest = MAX (deepest, layout->lanes[l].n_rows);
  return deepest;
}

static void
test_dense (void)
{
  g_autofree char *json = dense_map (8, 25, 2026, 0);
  g_autoptr(JourneyProject) project = test_load_string (json);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  const JourneyStyle *style = &layout->style;
  g_autoptr(JourneyLayout) narrower = NULL;
  JourneyStyle narrow_style;
  double lane_max = 3 * (style->major_height + style->card_gap) + style->card_gap;

  g_test_message ("200 touchpoints in 8 lanes: %.0f x %.0f px, timeline %.0f px, deepest lane %u rows",
                  layout->width, layout->height, layout->timeline_width, deepest_lane (layout));

  g_assert_cmpuint (layout->n_cards, ==, 200);
  assert_no_overlap (layout);

  /* The timeline widened, within the limit, so that no lane needs more
   * than three rows; no lane is deeper than three rows of major cards. */
  g_assert_cmpuint (deepest_lane (layout), <=, 3);
  g_assert_cmpfloat (layout->timeline_width, >, style->max_timeline_width);
  g_assert_cmpfloat (layout->timeline_width, <=, style->dense_timeline_width);
  g_assert_cmpfloat (layout->width, ==, layout->timeline_x + layout->timeline_width + style->margin);
  for (guint l = 0; l < layout->n_lanes; l++)
    g_assert_cmpfloat (layout->lanes[l].rect.height, <=, lane_max);
  g_assert_cmpfloat (layout->height, <=, layout->lanes_rect.y + 8 * lane_max + 400);

  /* Every card at its time, inside the timeline. */
  for (guint i = 0; i < layout->n_cards; i++)
    {
      JourneyLayoutCard *card = &layout->cards[i];
      double cx = card->rect.x + card->rect.width / 2;
      double tx = journey_layout_x_for_time (layout, card->touchpoint->time);
      double edge = 2 * (style->card_gap + style->major_width / 2);

      if (tx > layout->timeline_x + edge && tx < layout->timeline_x + layout->timeline_width - edge)
        g_assert_cmpfloat_with_epsilon (cx, tx, 0.01);
      g_assert_cmpfloat (card->rect.x, >=, layout->timeline_x);
      g_assert_cmpfloat (card->rect.x + card->rect.width, <=, layout->timeline_x + layout->timeline_width);
    }

  /* And no wider than it needs: with a limit 5 % short of that width, some
   * lane needs a fourth row. */
  narrow_style = *style;
  narrow_style.dense_timeline_width = floor (layout->timeline_width * 0.95);
  narrower = journey_layout_new (map, project, &narrow_style);
  g_assert_cmpfloat (narrower->timeline_width, <=, narrow_style.dense_timeline_width);
  g_assert_cmpuint (deepest_lane (narrower), >, 3);
  assert_no_overlap (narrower);
}

static void
test_dense_same_time (void)
{
  /* Every touchpoint at one time: rows stack, and widening cannot help,
   * so the map keeps the width of a small one. */
  g_autofree char *json = dense_map (4, 12, 7, 0xf);
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  g_autofree char *mixed_json = NULL;
  g_autoptr(JourneyProject) mixed_project = NULL;
  g_autoptr(JourneyLayout) mixed = NULL;

  g_assert_cmpuint (layout->n_cards, ==, 48);
  g_assert_cmpfloat (layout->timeline_width, ==, layout->style.min_timeline_width);
  for (guint l = 0; l < layout->n_lanes; l++)
    g_assert_cmpuint (layout->lanes[l].n_rows, ==, 12);
  assert_no_overlap (layout);
  for (guint i = 0; i < layout->n_handles; i++)
    g_assert_cmpfloat (layout->handles[i].y, <, layout->cards[layout->handles[i].card].rect.y);

  /* One lane stacked at one time, the others spread: the stacked lane
   * keeps its rows, the others still get no more than three. */
  mixed_json = dense_map (4, 30, 11, 0x1);
  mixed_project = test_load_string (mixed_json);
  mixed = layout_for (mixed_project);
  g_assert_cmpuint (mixed->lanes[0].n_rows, ==, 30);
  for (guint l = 1; l < mixed->n_lanes; l++)
    g_assert_cmpuint (mixed->lanes[l].n_rows, <=, 3);
  assert_no_overlap (mixed);
}

static void
test_model_values (void)
{
  g_autofree char *json = dense_map (8, 25, 99, 0);
  g_autoptr(JourneyProject) dense = test_load_string (json);
  g_autoptr(JourneyProject) small = test_load_string (EXPORT_TEST_PROJECT);
  JourneyProject *projects[] = { small, dense };

  for (guint p = 0; p < G_N_ELEMENTS (projects); p++)
    {
      JourneyMap *map = test_first_map (projects[p]);
      g_autoptr(JourneyLayout) layout = layout_for (projects[p]);
      g_autoptr(GPtrArray) curve = journey_map_get_curve_touchpoints (map);
      JourneyLayoutCurve *as_is = &layout->curves[JOURNEY_CURVE_AS_IS];

      /* The curve runs through the model's curve touchpoints, in its order. */
      g_assert_cmpuint (as_is->n_points, ==, curve->len);
      g_assert_cmpuint (layout->n_handles, ==, curve->len);
      for (guint i = 0; i < curve->len; i++)
        {
          g_assert_true (layout->cards[as_is->cards[i]].touchpoint == curve->pdata[i]);
          g_assert_true (layout->handles[i].touchpoint == curve->pdata[i]);
        }

      /* Each card's stage is the model's stage of its touchpoint. */
      for (guint i = 0; i < layout->n_cards; i++)
        {
          JourneyLayoutCard *card = &layout->cards[i];

          g_assert_cmpint (card->stage, ==, journey_map_get_stage_at (map, card->touchpoint->time));
          g_assert_true (layout->stages[card->stage].stage == journey_map_get_touchpoint_stage (map, card->touchpoint));
        }

      /* The stage columns start where the model says. */
      for (guint i = 0; i < layout->n_stages; i++)
        g_assert_cmpfloat (layout->stages[i].start, ==, journey_map_get_stage_start (map, i));
      g_assert_cmpfloat (layout->duration, ==, journey_map_get_duration (map));
    }
}

static void
check_side_by_side (const char *lanes,
                    guint       n_expected)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"format\": \"journeys\", \"version\": 1, \"maps\": [ { \"id\": \"m\", \"title\": \"T\",\n"
    " \"stages\": [ { \"id\": \"s\", \"name\": \"S\" } ], \"lanes\": [ %s ],\n"
    " \"touchpoints\": [ { \"id\": \"a\", \"title\": \"Right at the start\", \"lane\": \"up\", \"time\": 0 },\n"
    "   { \"id\": \"b\", \"title\": \"Right at the start too\", \"lane\": \"down\", \"time\": 0, \"weight\": \"major\" } ] } ] }",
    lanes);
  g_autoptr(JourneyProject) project = test_load_string (json);
  g_autoptr(JourneyLayout) layout = layout_for (project);
  double boundary, gap = layout->style.card_gap;

  g_assert_cmpuint (layout->n_lanes, ==, 2);
  g_assert_cmpuint (layout->n_lines, ==, n_expected);
  boundary = layout->lanes[1].rect.y;

  for (guint i = 0; i < layout->n_lines; i++)
    {
      JourneyLayoutLine *line = &layout->lines[i];
      JourneyRect *r = &line->label_rect;

      /* Each line near the boundary, apart from the others. */
      g_assert_cmpfloat (fabs (line->y - boundary), <=, 6);
      if (i > 0)
        {
          g_assert_cmpint (line->kind, >, layout->lines[i - 1].kind);
          g_assert_cmpfloat (line->y, >, layout->lines[i - 1].y + 2);
        }

      /* Its label on the boundary, in the gap that keeps cards off it, its
       * text inside its background. */
      g_assert_cmpfloat (r->y, >=, boundary - gap);
      g_assert_cmpfloat (r->y + r->height, <=, boundary + gap);
      g_assert_cmpuint (line->label.n_lines, ==, 1);
      g_assert_cmpfloat (line->label.x, >=, r->x);
      g_assert_cmpfloat (line->label.x + line->label.width, <=, r->x + r->width);
      g_assert_cmpfloat (r->x, >=, layout->timeline_x);

      /* Side by side: the next label starts right of this one. */
      for (guint j = i + 1; j < layout->n_lines; j++)
        {
          JourneyRect *o = &layout->lines[j].label_rect;

          g_assert_false (export_test_rects_overlap (r, o));
          g_assert_cmpfloat (o->x, >=, r->x + r->width);
          g_assert_cmpfloat_with_epsilon (o->y, r->y, 0.01);
        }

      /* No card hides it. */
      for (guint c = 0; c < layout->n_cards; c++)
        g_assert_false (export_test_rects_overlap (r, &layout->cards[c].rect));
    }
}

static void
test_blueprint_labels (void)
{
  /* No onstage lane: interaction and visibility on one boundary. */
  check_side_by_side ("{ \"id\": \"up\", \"kind\": \"customer\" }, { \"id\": \"down\", \"kind\": \"offstage\" }", 2);
  /* Customer straight to support: all three. */
  check_side_by_side ("{ \"id\": \"up\", \"kind\": \"customer\" }, { \"id\": \"down\", \"kind\": \"support\" }", 3);
  /* Onstage to support: visibility and internal interaction. */
  check_side_by_side ("{ \"id\": \"up\", \"kind\": \"onstage\" }, { \"id\": \"down\", \"kind\": \"support\" }", 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/stages", test_stages);
  g_test_add_func ("/layout/lanes-and-lines", test_lanes_and_lines);
  g_test_add_func ("/layout/ascii-advances", test_ascii_advances);
  g_test_add_func ("/layout/kerning", test_kerning);
  g_test_add_func ("/layout/stacking", test_stacking);
  g_test_add_func ("/layout/same-time-stacks", test_same_time_stacks);
  g_test_add_func ("/layout/curves", test_curves);
  g_test_add_func ("/layout/random-curves", test_random_curves);
  g_test_add_func ("/layout/scales", test_scales);
  g_test_add_func ("/layout/long-title", test_long_title);
  g_test_add_func ("/layout/hostile-titles", test_hostile_titles);
  g_test_add_func ("/layout/hit-test", test_hit_test);
  g_test_add_func ("/layout/hit-at-zoom", test_hit_at_zoom);
  g_test_add_func ("/layout/empty-map", test_empty_map);
  g_test_add_func ("/layout/dense", test_dense);
  g_test_add_func ("/layout/row-hints", test_row_hints);
  g_test_add_func ("/layout/dense-same-time", test_dense_same_time);
  g_test_add_func ("/layout/model-values", test_model_values);
  g_test_add_func ("/layout/blueprint-labels", test_blueprint_labels);

  return g_test_run ();
}
