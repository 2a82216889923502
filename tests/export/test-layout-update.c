/* test-layout-update.c: a layout brought up to date after a drag, and the
 * scene updated from it, are those made anew.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "scene-test-utils.h"

static void
assert_blocks_equal (const JourneyTextBlock *a,
                     const JourneyTextBlock *b)
{
  g_assert_cmpuint (a->n_lines, ==, b->n_lines);
  for (guint i = 0; i < a->n_lines; i++)
    g_assert_cmpstr (a->lines[i], ==, b->lines[i]);
  g_assert_cmpfloat (a->x, ==, b->x);
  g_assert_cmpfloat (a->baseline, ==, b->baseline);
}

static void
assert_rects_equal (const JourneyRect *a,
                    const JourneyRect *b)
{
  g_assert_cmpfloat (a->x, ==, b->x);
  g_assert_cmpfloat (a->y, ==, b->y);
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
}

/* What a layout brought up to date must be: the layout made anew. */
static void
assert_layouts_equal (JourneyLayout *a,
                      JourneyLayout *b)
{
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
  g_assert_cmpuint (a->n_lanes, ==, b->n_lanes);
  for (guint l = 0; l < a->n_lanes; l++)
    {
      g_assert_cmpuint (a->lanes[l].n_rows, ==, b->lanes[l].n_rows);
      assert_rects_equal (&a->lanes[l].rect, &b->lanes[l].rect);
    }

  g_assert_cmpuint (a->n_cards, ==, b->n_cards);
  for (guint c = 0; c < a->n_cards; c++)
    {
      JourneyLayoutCard *ca = &a->cards[c], *cb = &b->cards[c];

      g_assert_true (ca->touchpoint == cb->touchpoint);
      assert_rects_equal (&ca->rect, &cb->rect);
      g_assert_cmpint (ca->lane, ==, cb->lane);
      g_assert_cmpuint (ca->row, ==, cb->row);
      g_assert_cmpint (ca->stage, ==, cb->stage);
      g_assert_cmpint (ca->handle, ==, cb->handle);
      g_assert_cmpmem (ca->points, sizeof ca->points, cb->points, sizeof cb->points);
      assert_blocks_equal (&ca->title, &cb->title);
      assert_blocks_equal (&ca->caption, &cb->caption);
      g_assert_cmpuint (ca->number, ==, cb->number);
      g_assert_cmpstr (ca->number_label, ==, cb->number_label);
      assert_rects_equal (&ca->number_rect, &cb->number_rect);
      g_assert_cmpuint (ca->first_note, ==, cb->first_note);
      g_assert_cmpuint (ca->n_notes, ==, cb->n_notes);
      g_assert_cmpuint (ca->n_markers, ==, cb->n_markers);
      for (guint m = 0; m < ca->n_markers; m++)
        {
          assert_rects_equal (&ca->markers[m].rect, &cb->markers[m].rect);
          g_assert_cmpfloat (ca->markers[m].label_x, ==, cb->markers[m].label_x);
        }
    }

  /* The notes follow their cards; their lanes are packed as anew. */
  assert_rects_equal (&a->notes_rect, &b->notes_rect);
  g_assert_cmpuint (a->n_note_lanes, ==, b->n_note_lanes);
  for (guint l = 0; l < a->n_note_lanes; l++)
    {
      g_assert_cmpuint (a->note_lanes[l].n_rows, ==, b->note_lanes[l].n_rows);
      assert_rects_equal (&a->note_lanes[l].rect, &b->note_lanes[l].rect);
      g_assert_cmpmem (a->note_lanes[l].order, a->note_lanes[l].n_notes * sizeof (guint),
                       b->note_lanes[l].order, b->note_lanes[l].n_notes * sizeof (guint));
    }
  g_assert_cmpuint (a->n_notes, ==, b->n_notes);
  for (guint n = 0; n < a->n_notes; n++)
    {
      JourneyLayoutNote *na = &a->notes[n], *nb = &b->notes[n];

      g_assert_cmpuint (na->card, ==, nb->card);
      /* Across as anew; brought up to date, a note keeps its row where it
       * is free, so the rows may differ, never overlapping. */
      g_assert_cmpfloat (na->rect.x, ==, nb->rect.x);
      g_assert_cmpfloat (na->rect.width, ==, nb->rect.width);
      g_assert_cmpfloat (na->rect.height, ==, nb->rect.height);
      if (na->row != nb->row)
        continue;
      assert_rects_equal (&na->rect, &nb->rect);
      assert_rects_equal (&na->badge, &nb->badge);
      assert_blocks_equal (&na->text, &nb->text);
      assert_blocks_equal (&na->caption, &nb->caption);
    }
  for (guint n = 0; n < a->n_notes; n++)
    for (guint m = n + 1; m < a->n_notes; m++)
      g_assert_false (export_test_rects_overlap (&a->notes[n].rect, &a->notes[m].rect));
  g_assert_cmpmem (a->time_order->data, a->time_order->len * sizeof (guint),
                   b->time_order->data, b->time_order->len * sizeof (guint));

  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      JourneyLayoutCurve *ka = &a->curves[k], *kb = &b->curves[k];

      g_assert_cmpuint (ka->n_points, ==, kb->n_points);
      for (guint i = 0; i < ka->n_points; i++)
        {
          g_assert_cmpuint (ka->cards[i], ==, kb->cards[i]);
          g_assert_cmpfloat (ka->points[i].x, ==, kb->points[i].x);
          g_assert_cmpfloat (ka->points[i].y, ==, kb->points[i].y);
          if (i + 1 < ka->n_points)
            {
              g_assert_cmpmem (&ka->c1[i], sizeof (JourneyPoint), &kb->c1[i], sizeof (JourneyPoint));
              g_assert_cmpmem (&ka->c2[i], sizeof (JourneyPoint), &kb->c2[i], sizeof (JourneyPoint));
            }
        }
    }
  g_assert_cmpuint (a->curve_order->len, ==, b->curve_order->len);
  g_assert_cmpmem (a->curve_order->data, a->curve_order->len * sizeof (guint),
                   b->curve_order->data, b->curve_order->len * sizeof (guint));

  g_assert_cmpuint (a->n_handles, ==, b->n_handles);
  for (guint i = 0; i < a->n_handles; i++)
    {
      g_assert_cmpuint (a->handles[i].card, ==, b->handles[i].card);
      g_assert_cmpfloat (a->handles[i].x, ==, b->handles[i].x);
      g_assert_cmpfloat (a->handles[i].y, ==, b->handles[i].y);
      g_assert_cmpfloat (a->handles[i].value, ==, b->handles[i].value);
    }
  g_assert_cmpuint (a->n_rooms, ==, b->n_rooms);
  for (guint i = 0; i < a->n_rooms; i++)
    {
      g_assert_cmpuint (a->rooms[i].card, ==, b->rooms[i].card);
      g_assert_cmpfloat (a->rooms[i].x, ==, b->rooms[i].x);
      g_assert_cmpfloat (a->rooms[i].y_mean, ==, b->rooms[i].y_mean);
      assert_rects_equal (&a->rooms[i].pill, &b->rooms[i].pill);
      g_assert_cmpstr (a->rooms[i].label, ==, b->rooms[i].label);
    }
  g_assert_cmpuint (a->n_flags, ==, b->n_flags);
  for (guint i = 0; i < a->n_flags; i++)
    {
      g_assert_cmpuint (a->flags[i].card, ==, b->flags[i].card);
      assert_rects_equal (&a->flags[i].rect, &b->flags[i].rect);
      g_assert_cmpstr (a->flags[i].label, ==, b->flags[i].label);
    }
}

/* A drag on a large map: random touchpoints move a little in time, to
 * another lane, or up and down; the layout brought up to date, and the
 * scene updated from it, are those made anew, or the update says it
 * cannot (a lane changes its height), and a new layout takes over. */
static void
test_update_moved (void)
{
  g_autofree char *json = export_test_generate (400, 7);
  Fixture f;
  JourneyStyle style;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint updated = 0, laid_out = 0, known = 0;

  fixture_init (&f, json);
  /* With note lanes: their notes move with the cards. */
  g_assert_cmpuint (f.layout->n_notes, >, 100);
  g_assert_cmpuint (f.layout->n_note_lanes, ==, 2);
  /* With the room's ratings on a third of the touchpoints: their marks
   * follow the handles. */
  for (guint i = 0; i < 400; i += 3)
    {
      int counts[5] = { 0 };
      g_autoptr(JourneyRoom) room = NULL;

      counts[i % 5] = 2;
      counts[(i / 3) % 5] += 1;
      room = test_room_new (f.map->scale, counts, G_N_ELEMENTS (counts));
      g_object_set (journey_list_peek (f.map->touchpoints, i), "room", room, NULL);
    }
  style = f.layout->style;
  style.fixed_px_per_unit = f.layout->px_per_unit;
  journey_layout_free (f.layout);
  f.layout = journey_layout_new (f.map, f.project, &style);

  /* Without a fixed scale, only values can change in place. */
  {
    JourneyTouchpoint *tp = journey_list_peek (f.map->touchpoints, 0);
    g_autoptr(JourneyLayout) free_scale = journey_layout_new (f.map, f.project, NULL);
    double time = tp->time;

    g_object_set (tp, "satisfaction", 4.5, NULL);
    g_assert_true (journey_layout_update (free_scale, f.project, &tp, 1));
    g_object_set (tp, "time", time < 1 ? time + 0.5 : time - 0.5, NULL);
    g_assert_false (journey_layout_update (free_scale, f.project, &tp, 1));
    g_object_set (tp, "time", time, NULL);
    journey_layout_free (f.layout);
    f.layout = journey_layout_new (f.map, f.project, &style);
    journey_scene_free (f.scene);
    f.scene = journey_scene_new (f.layout);
  }

  for (guint step = 0; step < 300; step++)
    {
      JourneyTouchpoint *changed[3];
      guint n = (guint) g_rand_int_range (rand, 1, 4);
      g_autoptr(JourneyLayout) fresh = NULL;
      g_autoptr(JourneyScene) fresh_scene = NULL;
      g_autoptr(GArray) before = g_array_copy (f.layout->curve_order);
      g_autoptr(GArray) order = NULL;
      g_autoptr(GArray) expected = NULL;

      for (guint i = 0; i < n; i++)
        {
          JourneyTouchpoint *tp = journey_list_peek (f.map->touchpoints,
                                                     (guint) g_rand_int_range (rand, 0, 400));
          g_autofree char *lane = NULL;
          double duration = journey_map_get_duration (f.map);

          changed[i] = tp;
          switch (g_rand_int_range (rand, 0, 5))
            {
            case 0:
            case 1:
              g_object_set (tp, "time", CLAMP (tp->time + g_rand_double_range (rand, -0.08, 0.08), 0, duration), NULL);
              break;
            case 2:
              lane = g_strdup_printf ("l%d", g_rand_int_range (rand, 0, 5));
              g_object_set (tp, "lane", lane, NULL);
              break;
            case 3:
              g_object_set (tp, "satisfaction", 1 + g_rand_int_range (rand, 0, 41) / 10.0, NULL);
              break;
            default:
              g_object_set (tp, "target", 1 + g_rand_int_range (rand, 0, 41) / 10.0, NULL);
              break;
            }
        }

      /* The model's curve order, brought up to date. */
      order = journey_map_update_curve_indices (f.map, before, changed, n);
      expected = journey_map_get_curve_indices (f.map);
      g_assert_cmpmem (order->data, order->len * sizeof (guint), expected->data, expected->len * sizeof (guint));

      fresh = journey_layout_new (f.map, f.project, &style);
      if (journey_layout_update (f.layout, f.project, changed, n))
        {
          assert_layouts_equal (f.layout, fresh);
          updated++;
          /* Only values changed: the update says what, and the scene
           * follows that alone (checked below). */
          if (f.layout->changes.known)
            known++;
        }
      else
        {
          journey_layout_free (f.layout);
          f.layout = g_steal_pointer (&fresh);
          laid_out++;
        }

      journey_scene_update (f.scene, f.layout, changed, n);
      fresh_scene = journey_scene_new (f.layout);
      assert_scenes_equal (f.scene, fresh_scene);
    }

  g_test_message ("%u steps brought up to date (%u saying what changed), %u laid out anew",
                  updated, known, laid_out);
  g_assert_cmpuint (updated, >, 150);
  g_assert_cmpuint (known, >, 20);
  g_assert_cmpuint (laid_out, >, 0);

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout-update/moved", test_update_moved);

  return g_test_run ();
}
