/* test-layout-stacking.c: cards stacked in rows in a map's layout: no
 * two overlap, dense maps, row hints, and the model's values in a dense
 * map.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-text.h"
#include "layout-test-utils.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/stacking", test_stacking);
  g_test_add_func ("/layout/same-time-stacks", test_same_time_stacks);
  g_test_add_func ("/layout/dense", test_dense);
  g_test_add_func ("/layout/row-hints", test_row_hints);
  g_test_add_func ("/layout/dense-same-time", test_dense_same_time);
  g_test_add_func ("/layout/model-values", test_model_values);

  return g_test_run ();
}
