/* test-spline.c: the emotion curve's monotone spline, made whole and
 * brought up to date a point at a time.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-spline.h"

#define N 200

/* Points in x order, with flat stretches, steep steps, peaks and points
 * that share an x: what a map's curve has. */
static void
make_points (GRand        *rand,
             JourneyPoint *points,
             guint         n)
{
  double x = 0;

  for (guint i = 0; i < n; i++)
    {
      x += g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_double_range (rand, 1, 80);
      points[i].x = x;
      points[i].y = 100 + 40 * g_rand_int_range (rand, 0, 5);
    }
}

/* Between two points the curve never leaves the range of their values:
 * each control point lies in it, and x runs forward. */
static void
assert_monotone (const JourneyPoint *points,
                 const JourneyPoint *c1,
                 const JourneyPoint *c2,
                 guint               n)
{
  for (guint k = 0; k + 1 < n; k++)
    {
      double lo = MIN (points[k].y, points[k + 1].y) - 1e-9;
      double hi = MAX (points[k].y, points[k + 1].y) + 1e-9;

      g_assert_cmpfloat (c1[k].y, >=, lo);
      g_assert_cmpfloat (c1[k].y, <=, hi);
      g_assert_cmpfloat (c2[k].y, >=, lo);
      g_assert_cmpfloat (c2[k].y, <=, hi);
      g_assert_cmpfloat (c1[k].x, >=, points[k].x);
      g_assert_cmpfloat (c2[k].x, <=, points[k + 1].x);
    }
}

static void
test_shape (void)
{
  JourneyPoint flat[] = { { 0, 50 }, { 10, 50 }, { 20, 50 } };
  JourneyPoint step[] = { { 0, 0 }, { 10, 0 }, { 20, 100 }, { 30, 100 } };
  JourneyPoint c1[3], c2[3];

  journey_spline_monotone_controls (flat, 3, c1, c2);
  for (guint k = 0; k < 2; k++)
    {
      g_assert_cmpfloat (c1[k].y, ==, 50);
      g_assert_cmpfloat (c2[k].y, ==, 50);
    }

  /* A step between two flat stretches: no overshoot either side. */
  journey_spline_monotone_controls (step, 4, c1, c2);
  g_assert_cmpfloat (c1[1].y, ==, 0);
  g_assert_cmpfloat (c2[1].y, ==, 100);
  g_assert_cmpfloat (c1[1].x, ==, 10 + 10 / 3.0);
  assert_monotone (step, c1, c2, 4);
}

/* Any sequence of points moved, each brought up to date on its own in
 * the order of the curve, gives the controls the whole curve made anew
 * gives, bit for bit; and the update says which Béziers it made again. */
static void
test_update (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  JourneyPoint points[N], c1[N], c2[N], fresh1[N], fresh2[N];
  double state[3 * N], fresh_state[3 * N];
  guint far = 0;

  make_points (rand, points, N);
  journey_spline_monotone_controls_with (points, N, c1, c2, state);
  assert_monotone (points, c1, c2, N);

  for (guint step = 0; step < 2000; step++)
    {
      guint moved[3];
      guint n = (guint) g_rand_int_range (rand, 1, 4);
      JourneyPoint before1[N], before2[N];

      memcpy (before1, c1, sizeof c1);
      memcpy (before2, c2, sizeof c2);
      for (guint i = 0; i < n; i++)
        {
          moved[i] = (guint) g_rand_int_range (rand, 0, N);
          points[moved[i]].y = 100 + 40 * g_rand_int_range (rand, 0, 5) + (step % 3 == 0 ? g_rand_double_range (rand, -20, 20) : 0);
        }
      /* In the order of the curve. */
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          if (moved[j] < moved[i])
            {
              guint t = moved[i];
              moved[i] = moved[j];
              moved[j] = t;
            }

      for (guint i = 0; i < n; i++)
        {
          guint first, end;

          journey_spline_monotone_update (points, N, c1, c2, state, moved[i], moved[i] + 1, &first, &end);
          g_assert_cmpuint (first, <=, moved[i] > 0 ? moved[i] - 1 : 0);
          g_assert_cmpuint (end, >=, MIN (moved[i] + 1, N - 1));
          if (end - first > 8)
            far++;
        }

      journey_spline_monotone_controls_with (points, N, fresh1, fresh2, fresh_state);
      g_assert_cmpmem (c1, sizeof (JourneyPoint) * (N - 1), fresh1, sizeof (JourneyPoint) * (N - 1));
      g_assert_cmpmem (c2, sizeof (JourneyPoint) * (N - 1), fresh2, sizeof (JourneyPoint) * (N - 1));
    }
  g_test_message ("%u updates reached further than their neighbours", far);
}

/* A curve of one point has no Bézier; two points have one. */
static void
test_small (void)
{
  JourneyPoint one[] = { { 5, 5 } };
  JourneyPoint two[] = { { 0, 0 }, { 30, 60 } };
  JourneyPoint c1[1] = { { -1, -1 } }, c2[1] = { { -1, -1 } };
  double state[6];
  guint first, end;

  journey_spline_monotone_controls_with (one, 1, c1, c2, state);
  g_assert_cmpfloat (c1[0].x, ==, -1);

  journey_spline_monotone_controls_with (two, 2, c1, c2, state);
  g_assert_cmpfloat (c1[0].x, ==, 10);
  g_assert_cmpfloat (c1[0].y, ==, 20);
  g_assert_cmpfloat (c2[0].x, ==, 20);
  g_assert_cmpfloat (c2[0].y, ==, 40);

  two[1].y = 90;
  journey_spline_monotone_update (two, 2, c1, c2, state, 1, 2, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (end, ==, 1);
  g_assert_cmpfloat (c1[0].y, ==, 30);
  g_assert_cmpfloat (c2[0].y, ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spline/shape", test_shape);
  g_test_add_func ("/spline/update", test_update);
  g_test_add_func ("/spline/small", test_small);

  return g_test_run ();
}
