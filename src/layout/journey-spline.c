/* journey-spline.c: the monotone cubic spline that shapes the emotion curves.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>

#include "journey-spline.h"

/* The slope of the stretch from point @k to the next. */
static double
secant (const JourneyPoint *points,
        guint               k)
{
  double h = points[k + 1].x - points[k].x;

  return h > 1e-9 ? (points[k + 1].y - points[k].y) / h : 0;
}

/* The tangent at point @k before Fritsch & Carlson's limit: the mean of
 * the secants around it; 0 at a peak or a valley and at either end of a
 * flat stretch.  At the ends, the one secant there. */
static double
initial_tangent (const double *delta,
                 guint         n,
                 guint         k)
{
  if (k == 0)
    return delta[0] == 0 ? 0 : delta[0];
  if (k == n - 1)
    return delta[n - 2] == 0 ? 0 : delta[n - 2];
  if (delta[k - 1] * delta[k] <= 0)
    return 0;
  return (delta[k - 1] + delta[k]) / 2;
}

/* Fritsch & Carlson's condition for the stretch @k, from the tangent
 * @in that reaches point @k (the last stretch may have scaled it) and the
 * initial tangent @next of point @k + 1: where they are too steep for
 * their stretch (α² + β² > 9), both are scaled down so the cubic stays
 * monotone.  Gives point @k's final tangent and the one that reaches
 * point @k + 1. */
static void
limit (double  delta,
       double  in,
       double  next,
       double *final,
       double *out)
{
  double a, b, s;

  *final = in;
  *out = next;
  if (delta == 0)
    return;
  a = in / delta;
  b = next / delta;
  s = a * a + b * b;
  if (s > 9)
    {
      double tau = 3 / sqrt (s);

      *final = tau * a * delta;
      *out = tau * b * delta;
    }
}

/* Hermite to Bézier: the control points a third of the way along. */
static void
set_c1 (const JourneyPoint *points,
        JourneyPoint       *c1,
        guint               k,
        double              m)
{
  double h = points[k + 1].x - points[k].x;

  c1[k].x = points[k].x + h / 3;
  c1[k].y = points[k].y + m * h / 3;
}

static void
set_c2 (const JourneyPoint *points,
        JourneyPoint       *c2,
        guint               k,
        double              m)
{
  double h = points[k + 1].x - points[k].x;

  c2[k].x = points[k + 1].x - h / 3;
  c2[k].y = points[k + 1].y - m * h / 3;
}

/* The state: the secants (n - 1), the initial tangents (n) and the
 * tangents as they reach each point (n), the limit of the stretch before
 * applied.  The limit runs from the first stretch to the last, so a
 * change can reach far ahead; the update follows it until the tangent
 * reaching a point is what it was. */
void
journey_spline_monotone_update (const JourneyPoint *points,
                                guint               n_points,
                                JourneyPoint       *c1,
                                JourneyPoint       *c2,
                                double             *state,
                                guint               from,
                                guint               to,
                                guint              *first,
                                guint              *end)
{
  guint n = n_points;
  double *delta = state;
  double *m0 = state + n;
  double *in = state + 2 * n;
  guint k0, k;

  *first = *end = 0;
  if (n < 2 || from >= to || from >= n)
    return;
  to = MIN (to, n);

  /* The secants and initial tangents the moved points change. */
  for (k = from > 0 ? from - 1 : 0; k < to && k + 1 < n; k++)
    delta[k] = secant (points, k);
  for (k = from > 0 ? from - 1 : 0; k <= to && k < n; k++)
    m0[k] = initial_tangent (delta, n, k);

  /* The limit, from the first stretch whose inputs changed. */
  k0 = from >= 2 ? from - 2 : 0;
  if (k0 == 0)
    in[0] = m0[0];
  for (k = k0; k + 1 < n; k++)
    {
      double final, out;

      limit (delta[k], in[k], m0[k + 1], &final, &out);
      set_c1 (points, c1, k, final);
      if (k > 0)
        set_c2 (points, c2, k - 1, final);
      if (k >= to && out == in[k + 1])
        break;
      in[k + 1] = out;
    }
  if (k + 1 == n)
    set_c2 (points, c2, n - 2, in[n - 1]);

  *first = k0 > 0 ? k0 - 1 : 0;
  *end = MIN (k + 1, n - 1);
}

void
journey_spline_monotone_controls_with (const JourneyPoint *points,
                                       guint               n_points,
                                       JourneyPoint       *c1,
                                       JourneyPoint       *c2,
                                       double             *state)
{
  guint first, end;

  g_return_if_fail (n_points == 0 || points != NULL);

  journey_spline_monotone_update (points, n_points, c1, c2, state, 0, n_points, &first, &end);
}

void
journey_spline_monotone_controls (const JourneyPoint *points,
                                  guint               n_points,
                                  JourneyPoint       *c1,
                                  JourneyPoint       *c2)
{
  g_autofree double *state = NULL;

  if (n_points < 2)
    return;
  state = g_new (double, 3 * (gsize) n_points);
  journey_spline_monotone_controls_with (points, n_points, c1, c2, state);
}
