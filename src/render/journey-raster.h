/* journey-raster.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "journey-scene.h"

G_BEGIN_DECLS

/*
 * PNG and PDF of a scene, drawn by the cairo painter: the same map as the
 * SVG and the screen.
 */

/* Largest PNG: cairo's limit on a side, and a bound on memory.  A bigger
 * map is scaled down to fit. */
#define JOURNEY_RASTER_MAX_SIDE   32000
#define JOURNEY_RASTER_MAX_PIXELS (96 * 1024 * 1024)

/* @scale multiplies the scene's size (CSS pixels). */
GBytes *journey_raster_png (JourneyScene *scene,
                            double        scale,
                            GError      **error);

GBytes *journey_raster_pdf (JourneyScene *scene,
                            GError      **error);

/* The scale actually used for a PNG of @width × @height at @scale. */
double  journey_raster_clamp_scale (double width,
                                    double height,
                                    double scale);

G_END_DECLS
