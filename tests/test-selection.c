/* test-selection.c: the one selection of a map (JourneySelection) that
 * the canvas, the inspector and the window share: it tells its observers
 * of real changes only, in map order, and lets go of touchpoints that
 * leave the map.  No display needed.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "export/export-test-utils.h"
#include "journey-edit.h"
#include "journey-selection.h"

typedef struct
{
  guint      changes;
  GPtrArray *last;     /* the touchpoints of the last change */
  guint      filters;
} Observer;

static void
on_changed (JourneySelection *selection,
            GPtrArray        *changed,
            Observer         *o)
{
  o->changes++;
  g_assert_cmpuint (changed->len, >, 0);
  g_ptr_array_set_size (o->last, 0);
  for (guint i = 0; i < changed->len; i++)
    g_ptr_array_add (o->last, g_ptr_array_index (changed, i));
}

static void
on_filter (Observer *o)
{
  o->filters++;
}

static void
test_changes_only (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneySelection) selection = journey_selection_new ();
  JourneyTouchpoint *a = journey_map_find_touchpoint (map, "a");
  JourneyTouchpoint *c = journey_map_find_touchpoint (map, "c");
  JourneyTouchpoint *b = journey_map_find_touchpoint (map, "b");
  g_autoptr(GPtrArray) last = g_ptr_array_new ();
  Observer o = { 0, last, 0 };
  GPtrArray *ordered;

  journey_selection_set_map (selection, map);
  g_signal_connect (selection, "changed", G_CALLBACK (on_changed), &o);
  g_signal_connect_swapped (selection, "notify::channel-filter", G_CALLBACK (on_filter), &o);

  g_assert_false (journey_selection_unselect_all (selection));
  g_assert_true (journey_selection_select (selection, c, FALSE));
  g_assert_false (journey_selection_select (selection, c, FALSE));
  g_assert_false (journey_selection_select (selection, c, TRUE));
  g_assert_true (journey_selection_select (selection, a, TRUE));
  g_assert_cmpuint (o.changes, ==, 2);
  g_assert_cmpuint (last->len, ==, 1);
  g_assert_true (g_ptr_array_index (last, 0) == a);

  /* In map order, whatever the order of selecting. */
  ordered = journey_selection_get_touchpoints (selection);
  g_assert_cmpuint (ordered->len, ==, 2);
  g_assert_true (g_ptr_array_index (ordered, 0) == a);
  g_assert_true (g_ptr_array_index (ordered, 1) == c);

  /* The same set again, in another order: nothing; another: one change
   * naming what went in and what went out. */
  g_assert_false (journey_selection_set_touchpoints (selection, (JourneyTouchpoint *[]) { c, a }, 2));
  g_assert_true (journey_selection_set_touchpoints (selection, (JourneyTouchpoint *[]) { a, b }, 2));
  g_assert_cmpuint (o.changes, ==, 3);
  g_assert_cmpuint (last->len, ==, 2);
  g_assert_true (journey_selection_contains (selection, b));
  g_assert_false (journey_selection_contains (selection, c));
  g_assert_false (journey_selection_unselect (selection, c));
  g_assert_true (journey_selection_unselect (selection, b));
  g_assert_cmpuint (journey_selection_get_n_selected (selection), ==, 1);
  g_assert_cmpuint (o.changes, ==, 4);

  /* The channel filter: told once per real change. */
  journey_selection_set_channel_filter (selection, "web");
  journey_selection_set_channel_filter (selection, "web");
  g_assert_cmpstr (journey_selection_get_channel_filter (selection), ==, "web");
  journey_selection_set_channel_filter (selection, NULL);
  journey_selection_set_channel_filter (selection, NULL);
  g_assert_null (journey_selection_get_channel_filter (selection));
  g_assert_cmpuint (o.filters, ==, 2);

  /* Another map: empty, once. */
  journey_selection_set_map (selection, NULL);
  g_assert_cmpuint (o.changes, ==, 5);
  g_assert_cmpuint (journey_selection_get_n_selected (selection), ==, 0);
  journey_selection_set_map (selection, NULL);
  g_assert_cmpuint (o.changes, ==, 5);
  g_signal_handlers_disconnect_by_data (selection, &o);
}

/* A touchpoint deleted (or undone away) leaves the selection before the
 * history says the map changed; one brought back by an undo is not
 * selected again. */
static void
test_follows_map (void)
{
  g_autoptr(JourneyProject) project = test_load_string (EXPORT_TEST_PROJECT);
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneySelection) selection = journey_selection_new ();
  JourneyTouchpoint *a = journey_map_find_touchpoint (map, "a");
  JourneyTouchpoint *b = journey_map_find_touchpoint (map, "b");
  g_autoptr(GPtrArray) last = g_ptr_array_new ();
  Observer o = { 0, last, 0 };
  guint n = journey_list_get_length (map->touchpoints);

  journey_selection_set_map (selection, map);
  journey_selection_set_touchpoints (selection, (JourneyTouchpoint *[]) { a, b }, 2);
  g_signal_connect (selection, "changed", G_CALLBACK (on_changed), &o);

  g_assert_true (journey_edit_delete (history, map, (JourneyTouchpoint *[]) { b }, 1));
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, n - 1);
  g_assert_cmpuint (o.changes, ==, 1);
  g_assert_true (g_ptr_array_index (last, 0) == b);
  g_assert_cmpuint (journey_selection_get_touchpoints (selection)->len, ==, 1);
  g_assert_true (g_ptr_array_index (journey_selection_get_touchpoints (selection), 0) == a);

  g_assert_true (journey_history_undo (history));
  g_assert_cmpuint (journey_list_get_length (map->touchpoints), ==, n);
  g_assert_false (journey_selection_contains (selection, b));
  g_assert_cmpuint (o.changes, ==, 1);
  g_signal_handlers_disconnect_by_data (selection, &o);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/selection/changes-only", test_changes_only);
  g_test_add_func ("/selection/follows-map", test_follows_map);

  return g_test_run ();
}
