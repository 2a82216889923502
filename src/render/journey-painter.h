/* journey-painter.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "journey-scene.h"

G_BEGIN_DECLS

/*
 * The cairo painter: draws a scene onto any cairo surface (PNG, PDF,
 * printing, the screen) exactly as the scene says.  It makes no paint
 * decision of its own.
 *
 * A painter keeps a Pango context and its fonts between draws; make one
 * per thread, and keep it for as long as you draw.
 */

typedef struct _JourneyPainter JourneyPainter;

JourneyPainter *journey_painter_new  (void);
void            journey_painter_free (JourneyPainter    *self);

/* Draws the nodes of @scene that meet @clip (in scene coordinates; NULL:
 * all of them) onto @cr, whose user space is the scene's.  Returns the
 * number of nodes drawn. */
guint           journey_painter_draw (JourneyPainter    *self,
                                      JourneyScene      *scene,
                                      cairo_t           *cr,
                                      const JourneyRect *clip);

/* How many segments of a curve a quick draw strokes as one piece. */
#define JOURNEY_PAINTER_DASH_PIECE 16

/* Draws one node of @scene (groups draw nothing); with @clip, a long
 * open curve only where it meets @clip, quickly: a dashed one in pieces
 * whose dashes start afresh every few dozen segments, so that every clip
 * of it meets every other exactly (journey_painter_draw() draws the
 * dashes unbroken, as SVG does). */
void            journey_painter_draw_node (JourneyPainter         *self,
                                           JourneyScene           *scene,
                                           cairo_t                *cr,
                                           const JourneySceneNode *node,
                                           const JourneyRect      *clip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneyPainter, journey_painter_free)

G_END_DECLS
