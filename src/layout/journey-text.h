/* journey-text.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "journey-layout.h"

G_BEGIN_DECLS

/*
 * Measuring and wrapping plain text with Pango, without a display: a
 * PangoContext on the cairo font map, one reused PangoLayout, and a table
 * of advance widths for ASCII per font so that the common case (short
 * ASCII titles, thousands of them) needs no shaping at all.  One measurer
 * per thread and font family, kept for the life of the thread.
 */

typedef struct _JourneyText JourneyText;

/* How every part of Journeys shapes text, so that the layout's measures
 * hold on the screen, in PNG and PDF and in librsvg: unhinted metrics and
 * outlines, unrounded glyph positions, left to right whatever script a
 * line starts with (as SVG text runs).  The canvas, the painter and the
 * measurer all set their contexts up with this. */
void                  journey_text_configure_context (PangoContext *context);
/* A layout on @context that keeps the context's direction. */
PangoLayout          *journey_text_layout_new        (PangoContext *context);
/* @family (a list, "Cantarell, Noto Sans, sans-serif") at @size pixels. */
PangoFontDescription *journey_text_font_description  (const char   *family,
                                                      double        size,
                                                      gboolean      bold,
                                                      gboolean      italic);

JourneyText *journey_text_get_for_thread (const char       *family);

double       journey_text_measure        (JourneyText      *self,
                                          const char       *text,
                                          double            size,
                                          gboolean          bold);

/* Wraps @text into lines no wider than @width, at most @max_lines (0: no
 * limit); the last line ends with "…" when text was left out.  Fills
 * @block's lines, n_lines, width, size, bold and truncated. */
void         journey_text_wrap           (JourneyText      *self,
                                          const char       *text,
                                          double            size,
                                          gboolean          bold,
                                          double            width,
                                          guint             max_lines,
                                          JourneyTextBlock *block);

/* A copy of @text that is valid UTF-8 (bad bytes become U+FFFD) with the
 * control characters that XML forbids removed; tabs become spaces. */
char        *journey_text_sanitize       (const char       *text,
                                          gboolean          keep_newlines);

void         journey_text_block_clear    (JourneyTextBlock *block);

G_END_DECLS
