/* test-layout.c: the geometry of a map: stages, lanes and the lines
 * between them, curves, scales, hit tests and the labels of the blueprint's
 * lines (text in test-layout-text.c, cards stacked in rows in
 * test-layout-stacking.c).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "layout-test-utils.h"

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
  g_test_add_func ("/layout/curves", test_curves);
  g_test_add_func ("/layout/random-curves", test_random_curves);
  g_test_add_func ("/layout/scales", test_scales);
  g_test_add_func ("/layout/hit-test", test_hit_test);
  g_test_add_func ("/layout/hit-at-zoom", test_hit_at_zoom);
  g_test_add_func ("/layout/empty-map", test_empty_map);
  g_test_add_func ("/layout/blueprint-labels", test_blueprint_labels);

  return g_test_run ();
}
