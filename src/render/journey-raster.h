/* journey-raster.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * PNG and PDF from an SVG document, through librsvg and cairo, so that all
 * three formats look the same.  @width and @height are the SVG's size in
 * CSS pixels.
 */

/* Largest PNG: cairo's limit on a side, and a bound on memory.  A bigger
 * map is scaled down to fit. */
#define JOURNEY_RASTER_MAX_SIDE   32000
#define JOURNEY_RASTER_MAX_PIXELS (96 * 1024 * 1024)

GBytes *journey_raster_png (const char  *svg,
                            gsize        length,
                            double       width,
                            double       height,
                            double       scale,
                            GError     **error);

GBytes *journey_raster_pdf (const char  *svg,
                            gsize        length,
                            double       width,
                            double       height,
                            GError     **error);

/* The scale actually used for a PNG of @width × @height at @scale. */
double  journey_raster_clamp_scale (double width,
                                    double height,
                                    double scale);

G_END_DECLS
