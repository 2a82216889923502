/* journey-spline.h: the monotone cubic spline that shapes the emotion curves.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "journey-layout.h"

G_BEGIN_DECLS

/*
 * The emotion curve's shape: a monotone cubic through points in x order
 * (Fritsch & Carlson 1980), as one cubic Bézier per pair of neighbours.
 * Between two points the curve never leaves the range of their values, so
 * it never overshoots the scale, and a flat stretch stays flat.
 */

/* Fills @c1 and @c2 (n_points - 1 each) with the control points of the
 * Bézier from points[k] to points[k + 1].  Nothing to do for fewer than
 * two points. */
void journey_spline_monotone_controls (const JourneyPoint *points,
                                       guint               n_points,
                                       JourneyPoint       *c1,
                                       JourneyPoint       *c2);
/* The same, with @state of 3 × @n_points doubles that it fills with what
 * journey_spline_monotone_update() needs: what a drag, placing the curves
 * again on every motion, calls without allocating. */
void journey_spline_monotone_controls_with (const JourneyPoint *points,
                                            guint               n_points,
                                            JourneyPoint       *c1,
                                            JourneyPoint       *c2,
                                            double             *state);
/* After points [@from, @to) moved, in x order still, the controls that
 * change with them, exactly as journey_spline_monotone_controls_with()
 * would make them; @state is what it, or this, left there.  The controls
 * made again are those of the Béziers [*@first, *@end).  The work is as
 * large as the change, not as the curve. */
void journey_spline_monotone_update        (const JourneyPoint *points,
                                            guint               n_points,
                                            JourneyPoint       *c1,
                                            JourneyPoint       *c2,
                                            double             *state,
                                            guint               from,
                                            guint               to,
                                            guint              *first,
                                            guint              *end);

G_END_DECLS
