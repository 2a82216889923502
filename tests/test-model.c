/* test-model.c: the document model, its collections and derived values.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "journey-test-utils.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_properties_notify_only_on_change (void)
{
  g_autoptr(JourneyTouchpoint) tp = g_object_new (JOURNEY_TYPE_TOUCHPOINT, NULL);
  const char *pains[] = { "Slow", "Rude", NULL };
  g_auto(GStrv) read_back = NULL;
  guint count = 0;
  double time;

  g_signal_connect (tp, "notify", G_CALLBACK (count_notify), &count);

  g_object_set (tp, "title", "Checks in", NULL);
  g_assert_cmpstr (tp->title, ==, "Checks in");
  g_assert_cmpuint (count, ==, 1);
  g_object_set (tp, "title", "Checks in", NULL);
  g_assert_cmpuint (count, ==, 1);

  g_object_set (tp, "time", 1.5, NULL);
  g_object_get (tp, "time", &time, NULL);
  g_assert_cmpfloat (time, ==, 1.5);
  g_assert_cmpuint (count, ==, 2);
  g_object_set (tp, "time", 1.5, NULL);
  g_assert_cmpuint (count, ==, 2);

  g_object_set (tp, "pain-points", pains, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_object_set (tp, "pain_points", pains, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_object_get (tp, "pain-points", &read_back, NULL);
  g_assert_cmpstrv (read_back, pains);

  g_object_set (tp, "weight", JOURNEY_WEIGHT_MAJOR, NULL);
  g_assert_cmpint (tp->weight, ==, JOURNEY_WEIGHT_MAJOR);
  g_assert_cmpuint (count, ==, 4);

  /* Defaults: no target, no satisfaction of its own, empty lists. */
  g_assert_false (journey_touchpoint_has_target (tp));
  g_assert_true (isnan (tp->satisfaction));
  g_assert_cmpuint (journey_list_get_length (tp->actions), ==, 0);
  g_assert_cmpuint (g_strv_length (tp->pain_points), ==, 2);
}

static void
items_changed (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *calls)
{
  calls[0]++;
  calls[1] = position;
  calls[2] = removed;
  calls[3] = added;
}

static void
test_list_model (void)
{
  g_autoptr(JourneyList) list = journey_list_new (JOURNEY_TYPE_STAGE);
  g_autoptr(JourneyStage) a = g_object_new (JOURNEY_TYPE_STAGE, "id", "a", NULL);
  g_autoptr(JourneyStage) b = g_object_new (JOURNEY_TYPE_STAGE, "id", "b", NULL);
  g_autoptr(JourneyStage) c = g_object_new (JOURNEY_TYPE_STAGE, "id", "c", NULL);
  g_autoptr(GObject) item = NULL;
  guint calls[4] = { 0 };
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed), calls);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == JOURNEY_TYPE_STAGE);
  journey_list_append (list, a);
  journey_list_append (list, c);
  journey_list_insert (list, 1, b);
  g_assert_cmpuint (calls[0], ==, 3);
  g_assert_cmpuint (calls[1], ==, 1);
  g_assert_cmpuint (calls[3], ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (item == (GObject *) b);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  journey_list_move (list, 0, 2);
  g_assert_true (journey_list_peek (list, 0) == b);
  g_assert_true (journey_list_peek (list, 2) == a);
  g_assert_cmpuint (calls[1], ==, 0);
  g_assert_cmpuint (calls[2], ==, 3);

  g_assert_true (journey_list_find (list, c, &position));
  g_assert_cmpuint (position, ==, 1);
  g_object_unref (journey_list_steal (list, 1));
  g_assert_false (journey_list_find (list, c, NULL));
  g_assert_cmpuint (calls[2], ==, 1);
  g_assert_cmpuint (calls[3], ==, 0);
}

static void
test_derived_values (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(GPtrArray) curve = NULL;
  g_autoptr(GArray) indices = NULL;
  JourneyTouchpoint *desk = journey_map_find_touchpoint (map, "desk");

  g_assert_cmpfloat (journey_map_get_duration (map), ==, 5.0);
  g_assert_cmpfloat (journey_map_get_stage_start (map, 0), ==, 0.0);
  g_assert_cmpfloat (journey_map_get_stage_start (map, 1), ==, 2.0);

  g_assert_cmpint (journey_map_get_stage_at (map, 0.0), ==, 0);
  g_assert_cmpint (journey_map_get_stage_at (map, 1.999), ==, 0);
  /* A boundary belongs to the stage that starts there. */
  g_assert_cmpint (journey_map_get_stage_at (map, 2.0), ==, 1);
  g_assert_cmpint (journey_map_get_stage_at (map, 5.0), ==, 1);
  g_assert_cmpstr (journey_map_get_touchpoint_stage (map, desk)->id, ==, "stay");

  /* Dragging across a boundary moves the touchpoint to the next stage. */
  g_object_set (desk, "time", 1.0, NULL);
  g_assert_cmpstr (journey_map_get_touchpoint_stage (map, desk)->id, ==, "book");

  /* The curve: customer and onstage touchpoints in time order only. */
  curve = journey_map_get_curve_touchpoints (map);
  g_assert_cmpuint (curve->len, ==, 2);
  g_assert_cmpstr (((JourneyTouchpoint *) curve->pdata[0])->id, ==, "site");
  g_assert_cmpstr (((JourneyTouchpoint *) curve->pdata[1])->id, ==, "desk");
  g_clear_pointer (&curve, g_ptr_array_unref);

  g_object_set (desk, "time", 0.25, NULL);
  curve = journey_map_get_curve_touchpoints (map);
  g_assert_cmpstr (((JourneyTouchpoint *) curve->pdata[0])->id, ==, "desk");

  /* The same, as indices in the map's touchpoints. */
  indices = journey_map_get_curve_indices (map);
  g_assert_cmpuint (indices->len, ==, 2);
  g_assert_cmpuint (g_array_index (indices, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (indices, guint, 1), ==, 0);

  /* A stage without a valid length still takes one unit of the timeline. */
  g_object_set (journey_list_peek (map->stages, 0), "length", -4.0, NULL);
  g_assert_cmpfloat (journey_stage_get_span (journey_list_peek (map->stages, 0)), ==, 1.0);
  g_assert_cmpfloat (journey_map_get_duration (map), ==, 4.0);
  g_assert_cmpfloat (journey_map_get_stage_start (map, 1), ==, 1.0);
  g_assert_cmpint (journey_map_get_stage_at (map, 1.5), ==, 1);

  g_assert_cmpint (journey_map_find_lane_index (map, "back"), ==, 2);
  g_assert_null (journey_map_find_lane (map, "nope"));
  g_assert_nonnull (journey_project_find_persona (project, "leisure"));
  g_assert_nonnull (journey_project_find_channel (project, "web"));
  g_assert_true (journey_project_find_map (project, "stay") == map);
}

static void
test_scale (void)
{
  g_autoptr(JourneyScale) def = g_object_new (JOURNEY_TYPE_SCALE, NULL);
  const char *labels[] = { "--", "-", "0", "+", "++", NULL };
  g_autoptr(JourneyScale) signed_scale = journey_scale_new (-2, 2, labels);
  g_autoptr(JourneyMap) map = g_object_new (JOURNEY_TYPE_MAP, NULL);
  g_autoptr(JourneyTouchpoint) tp = g_object_new (JOURNEY_TYPE_TOUCHPOINT, NULL);

  g_assert_cmpint (def->min, ==, 1);
  g_assert_cmpint (def->max, ==, 5);
  g_assert_cmpuint (journey_scale_get_n_steps (def), ==, 5);
  g_assert_cmpfloat (journey_scale_get_middle (def), ==, 3.0);
  g_assert_cmpstr (journey_scale_get_label (def, 5), ==, "Very satisfied");
  g_assert_cmpstr (journey_scale_get_label (def, 3), ==, "Neutral");
  g_assert_null (journey_scale_get_label (def, 6));
  g_assert_true (journey_scale_contains (def, 4.5));
  g_assert_false (journey_scale_contains (def, 5.01));
  g_assert_false (journey_scale_contains (def, NAN));
  g_assert_cmpfloat (journey_scale_fraction (def, 2), ==, 0.25);

  {
    g_autoptr(JourneyScale) unlabelled = journey_scale_new (-2, 2, NULL);
    g_autoptr(JourneyScale) eleven = journey_scale_new (0, 10, NULL);

    /* A five-step scale without labels of its own takes the CSAT words. */
    g_assert_cmpstr (journey_scale_get_label (unlabelled, -2), ==, "Very dissatisfied");
    g_assert_cmpstr (journey_scale_get_label (unlabelled, 0), ==, "Neutral");
    g_assert_null (journey_scale_get_label (eleven, 5));
  }

  g_assert_cmpfloat (journey_scale_get_middle (signed_scale), ==, 0.0);
  g_assert_cmpstr (journey_scale_get_label (signed_scale, -2), ==, "--");
  g_assert_true (journey_scale_contains (signed_scale, -1.5));

  /* A map always has a scale; a touchpoint without a satisfaction sits in
   * its middle. */
  g_assert_nonnull (map->scale);
  g_assert_cmpfloat (journey_map_get_satisfaction (map, tp), ==, 3.0);
}

/* SPEC §9 "Numbers and rounding": a value's step is the nearest whole step,
 * halves going up; its label is that step's, with the value when the value
 * is not whole. */
static void
test_scale_format_value (void)
{
  g_autoptr(JourneyScale) def = g_object_new (JOURNEY_TYPE_SCALE, NULL);
  const char *labels[] = { "Very negative", "Negative", "Neutral", "Positive", "Very positive", NULL };
  g_autoptr(JourneyScale) signed_scale = journey_scale_new (-2, 2, labels);
  g_autoptr(JourneyScale) eleven = journey_scale_new (0, 10, NULL);
  struct { JourneyScale *scale; double value; int step; const char *text; } cases[] = {
    { def, 4.0, 4, "Satisfied" },
    { def, 3.6, 4, "3.6 · Satisfied" },
    { def, 3.5, 4, "3.5 · Satisfied" },
    { def, 3.49, 3, "3.49 · Neutral" },
    { def, 3.4, 3, "3.4 · Neutral" },
    { def, 2.5, 3, "2.5 · Neutral" },
    { def, 3.999, 4, "Satisfied" },
    { def, 3.874, 4, "3.87 · Satisfied" },
    { def, 1.0, 1, "Very dissatisfied" },
    { def, 5.0, 5, "Very satisfied" },
    { signed_scale, -0.5, 0, "-0.5 · Neutral" },
    { signed_scale, -0.51, -1, "-0.51 · Negative" },
    { signed_scale, -1.5, -1, "-1.5 · Negative" },
    { signed_scale, 1.5, 2, "1.5 · Very positive" },
    { signed_scale, -0.001, 0, "Neutral" },
    { signed_scale, -2.0, -2, "Very negative" },
    /* A scale without labels: the value alone. */
    { eleven, 7.0, 7, "7" },
    { eleven, 7.4, 7, "7.4" },
    { eleven, 6.5, 7, "6.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = journey_scale_format_value (cases[i].scale, cases[i].value);

      g_test_message ("%g", cases[i].value);
      g_assert_cmpint (journey_scale_get_step (cases[i].scale, cases[i].value), ==, cases[i].step);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* "The title, else the id": one function per kind, used everywhere a
 * touchpoint, map, stage, lane, persona or channel is named. */
static void
test_display_names (void)
{
  g_autoptr(JourneyTouchpoint) tp = g_object_new (JOURNEY_TYPE_TOUCHPOINT, "id", "tp-1", NULL);
  g_autoptr(JourneyMap) map = g_object_new (JOURNEY_TYPE_MAP, "id", "map-1", NULL);
  g_autoptr(JourneyStage) stage = g_object_new (JOURNEY_TYPE_STAGE, "id", "stage-1", NULL);
  g_autoptr(JourneyLane) lane = g_object_new (JOURNEY_TYPE_LANE, "id", "lane-1", NULL);
  g_autoptr(JourneyPersona) persona = g_object_new (JOURNEY_TYPE_PERSONA, "id", "persona-1", NULL);
  g_autoptr(JourneyChannel) channel = g_object_new (JOURNEY_TYPE_CHANNEL, "id", "channel-1", NULL);
  g_autoptr(JourneyAction) action = g_object_new (JOURNEY_TYPE_ACTION, NULL);
  struct { gpointer item; const char *property; const char *id; const char *(*get) (gpointer); } kinds[] = {
    { tp, "title", "tp-1", (const char *(*) (gpointer)) journey_touchpoint_get_display_name },
    { map, "title", "map-1", (const char *(*) (gpointer)) journey_map_get_display_name },
    { stage, "name", "stage-1", (const char *(*) (gpointer)) journey_stage_get_display_name },
    { lane, "name", "lane-1", (const char *(*) (gpointer)) journey_lane_get_display_name },
    { persona, "name", "persona-1", (const char *(*) (gpointer)) journey_persona_get_display_name },
    { channel, "name", "channel-1", (const char *(*) (gpointer)) journey_channel_get_display_name },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_object_set (kinds[i].item, kinds[i].property, NULL, NULL);
      g_assert_cmpstr (kinds[i].get (kinds[i].item), ==, kinds[i].id);
      g_assert_cmpstr (journey_item_get_display_name (kinds[i].item), ==, kinds[i].id);
      /* An empty title or name is no name. */
      g_object_set (kinds[i].item, kinds[i].property, "", NULL);
      g_assert_cmpstr (kinds[i].get (kinds[i].item), ==, kinds[i].id);
      g_assert_cmpstr (journey_item_get_display_name (kinds[i].item), ==, kinds[i].id);
      g_object_set (kinds[i].item, kinds[i].property, "Checks in", NULL);
      g_assert_cmpstr (kinds[i].get (kinds[i].item), ==, "Checks in");
      g_assert_cmpstr (journey_item_get_display_name (kinds[i].item), ==, "Checks in");
    }

  /* Any other item is called by its id, and an item without one by "". */
  g_assert_cmpstr (journey_item_get_display_name (action), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/properties-notify", test_properties_notify_only_on_change);
  g_test_add_func ("/model/list-model", test_list_model);
  g_test_add_func ("/model/derived-values", test_derived_values);
  g_test_add_func ("/model/scale", test_scale);
  g_test_add_func ("/model/scale-format-value", test_scale_format_value);
  g_test_add_func ("/model/display-names", test_display_names);

  return g_test_run ();
}
