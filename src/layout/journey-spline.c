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

/* The secants between neighbours: the slope of each stretch. */
static void
secant_slopes (const JourneyPoint *points,
               guint               n,
               double             *delta)
{
  for (guint k = 0; k + 1 < n; k++)
    {
      double h = points[k + 1].x - points[k].x;
      delta[k] = h > 1e-9 ? (points[k + 1].y - points[k].y) / h : 0;
    }
}

/* Tangents at the points: the mean of the secants around a point, 0 at a
 * peak or a valley and along a flat stretch. */
static void
initial_tangents (const double *delta,
                  guint         n,
                  double       *m)
{
  m[0] = delta[0];
  m[n - 1] = delta[n - 2];
  for (guint k = 1; k + 1 < n; k++)
    {
      if (delta[k - 1] * delta[k] <= 0)
        m[k] = 0;
      else
        m[k] = (delta[k - 1] + delta[k]) / 2;
    }

  for (guint k = 0; k + 1 < n; k++)
    {
      if (delta[k] == 0)
        {
          m[k] = 0;
          m[k + 1] = 0;
        }
    }
}

/* Fritsch & Carlson's condition: where the tangents are too steep for
 * their stretch (α² + β² > 9), scale them down so the cubic stays
 * monotone. */
static void
limit_tangents (const double *delta,
                guint         n,
                double       *m)
{
  for (guint k = 0; k + 1 < n; k++)
    {
      double a, b, s;

      if (delta[k] == 0)
        continue;
      a = m[k] / delta[k];
      b = m[k + 1] / delta[k];
      s = a * a + b * b;
      if (s > 9)
        {
          double tau = 3 / sqrt (s);
          m[k] = tau * a * delta[k];
          m[k + 1] = tau * b * delta[k];
        }
    }
}

void
journey_spline_monotone_controls_with (const JourneyPoint *points,
                                       guint               n_points,
                                       JourneyPoint       *c1,
                                       JourneyPoint       *c2,
                                       double             *scratch)
{
  guint n = n_points;
  double *delta = scratch;
  double *m = scratch + n;

  g_return_if_fail (n_points == 0 || points != NULL);

  if (n < 2)
    return;

  secant_slopes (points, n, delta);
  initial_tangents (delta, n, m);
  limit_tangents (delta, n, m);

  /* Hermite to Bézier: the control points a third of the way along. */
  for (guint k = 0; k + 1 < n; k++)
    {
      JourneyPoint p0 = points[k];
      JourneyPoint p1 = points[k + 1];
      double h = p1.x - p0.x;

      c1[k].x = p0.x + h / 3;
      c1[k].y = p0.y + m[k] * h / 3;
      c2[k].x = p1.x - h / 3;
      c2[k].y = p1.y - m[k + 1] * h / 3;
    }
}

void
journey_spline_monotone_controls (const JourneyPoint *points,
                                  guint               n_points,
                                  JourneyPoint       *c1,
                                  JourneyPoint       *c2)
{
  g_autofree double *scratch = NULL;

  if (n_points < 2)
    return;
  scratch = g_new (double, 2 * (gsize) n_points);
  journey_spline_monotone_controls_with (points, n_points, c1, c2, scratch);
}
