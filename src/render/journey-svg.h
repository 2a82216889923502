/* journey-svg.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "journey-layout.h"
#include "journey-scene.h"

G_BEGIN_DECLS

/*
 * The SVG writer (SPEC §6): a serialiser of the scene.  Standalone XML,
 * text as <text>, one <g class="touchpoint"> per touchpoint with its full
 * title as <title>, classes from the scene's roles for restyling, the
 * scene's paint as presentation attributes, no script and no external
 * reference.
 */

/* Appends the SVG document of @scene to @out. */
void  journey_svg_write_scene       (JourneyScene  *scene,
                                     GString       *out);

/* The SVG document of @scene, NUL-terminated; @length (optional) gets its
 * length in bytes. */
char *journey_svg_scene_to_string   (JourneyScene  *scene,
                                     gsize         *length);

/* The SVG document of the scene of @layout. */
char *journey_svg_to_string         (JourneyLayout *layout,
                                     gsize         *length);

/* Writes the SVG document of the scene of @layout to the file @path,
 * atomically (never a partial file), piece by piece as the scene is built
 * in parts (journey_scene_stream_new()): the same bytes as
 * journey_svg_to_string(), without holding the document or the scene. */
gboolean journey_svg_write_file     (JourneyLayout *layout,
                                     const char    *path,
                                     GError       **error);

/* Appends @text as XML character data or attribute value: & < > " ' are
 * escaped, bytes that are not UTF-8 become U+FFFD, and characters that XML
 * 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped.  Newlines and
 * tabs become character references when @attribute is TRUE. */
void  journey_svg_append_escaped    (GString       *out,
                                     const char    *text,
                                     gboolean      attribute);

G_END_DECLS
