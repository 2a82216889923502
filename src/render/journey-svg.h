/* journey-svg.h
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
 * The SVG writer (SPEC §6): standalone XML, text as <text>, one
 * <g class="touchpoint"> per touchpoint, classes on stages, lanes and
 * curves for restyling, no script and no external reference.
 */

/* Appends the SVG document of @layout to @out. */
void  journey_svg_write             (JourneyLayout *layout,
                                     GString       *out);

/* The SVG document of @layout, NUL-terminated; @length (optional) gets its
 * length in bytes. */
char *journey_svg_to_string         (JourneyLayout *layout,
                                     gsize         *length);

/* Appends @text as XML character data or attribute value: & < > " ' are
 * escaped, bytes that are not UTF-8 become U+FFFD, and characters that XML
 * 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped.  Newlines and
 * tabs become character references when @attribute is TRUE. */
void  journey_svg_append_escaped    (GString       *out,
                                     const char    *text,
                                     gboolean       attribute);

G_END_DECLS
