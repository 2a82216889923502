/* journey-canvas.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "journey-history.h"
#include "journey-layout.h"
#include "journey-model.h"
#include "journey-scene.h"
#include "journey-selection.h"
#include "journey-session.h"

G_BEGIN_DECLS

/*
 * JourneyCanvas: the workshop's map (SPEC §9).  It draws the scene of the
 * map's layout through GtkSnapshot, scrolls (GtkScrollable) and zooms, and
 * turns drags, clicks and keys into edits of the document's history: one
 * undo step per gesture.
 */

/* The least size of body text on screen that a map opens at, and that a
 * presentation step shows (SPEC §9, Orientation). */
#define JOURNEY_CANVAS_READABLE_TEXT 9.0

#define JOURNEY_TYPE_CANVAS (journey_canvas_get_type ())
G_DECLARE_FINAL_TYPE (JourneyCanvas, journey_canvas, JOURNEY, CANVAS, GtkWidget)

GtkWidget         *journey_canvas_new              (void);

void               journey_canvas_set_map          (JourneyCanvas     *self,
                                                    JourneyProject    *project,
                                                    JourneyMap        *map,
                                                    JourneyHistory    *history);
JourneyMap        *journey_canvas_get_map          (JourneyCanvas     *self);

double             journey_canvas_get_zoom         (JourneyCanvas     *self);
/* Zooms to @zoom keeping the map point under (@x, @y) (widget
 * coordinates) where it is; NAN: the centre. */
void               journey_canvas_zoom_at          (JourneyCanvas     *self,
                                                    double             zoom,
                                                    double             x,
                                                    double             y);
/* Shows the whole map. */
void               journey_canvas_zoom_to_fit      (JourneyCanvas     *self);
gboolean           journey_canvas_abort_gesture    (JourneyCanvas     *self);
/* Shows the map as it opens, once the canvas has its size. */
void               journey_canvas_orient           (JourneyCanvas     *self);
void               journey_canvas_set_overscroll   (JourneyCanvas     *self,
                                                    gboolean           overscroll);
/* Whether the selection is drawn (not while presenting). */
void               journey_canvas_set_show_selection (JourneyCanvas   *self,
                                                      gboolean         show);

/* The selection and the channel filter, shared with whoever shows them. */
JourneySelection  *journey_canvas_get_selection_model (JourneyCanvas  *self);
/* The selection, in map order (a copy). */
GPtrArray         *journey_canvas_get_selection    (JourneyCanvas     *self);
void               journey_canvas_select           (JourneyCanvas     *self,
                                                    JourneyTouchpoint *touchpoint,
                                                    gboolean           add);
void               journey_canvas_unselect_all     (JourneyCanvas     *self);
JourneyTouchpoint *journey_canvas_get_focus_touchpoint (JourneyCanvas *self);
void               journey_canvas_set_focus_touchpoint (JourneyCanvas     *self,
                                                        JourneyTouchpoint *touchpoint);

/* The channel whose touchpoints are shown in full (the others veiled), or
 * NULL for all. */
void               journey_canvas_set_channel_filter (JourneyCanvas *self,
                                                      const char    *channel);
const char        *journey_canvas_get_channel_filter (JourneyCanvas *self);

/* Map coordinates (CSS pixels at 100 %) of a widget point, and back. */
void               journey_canvas_widget_to_map    (JourneyCanvas     *self,
                                                    double             x,
                                                    double             y,
                                                    double            *map_x,
                                                    double            *map_y);
void               journey_canvas_map_to_widget    (JourneyCanvas     *self,
                                                    double             map_x,
                                                    double             map_y,
                                                    double            *x,
                                                    double            *y);

/* The layout the canvas shows now (brought up to date first). */
JourneyLayout     *journey_canvas_get_layout       (JourneyCanvas     *self);

/* While @session runs, each card counts what its participants sent
 * (journey-canvas-live.c); NULL stops. */
void               journey_canvas_follow_session   (JourneyCanvas     *self,
                                                    JourneySession    *session);
gboolean           journey_canvas_get_live_counts  (JourneyCanvas     *self,
                                                    JourneyTouchpoint *touchpoint,
                                                    JourneyLiveCounts *counts);

G_END_DECLS
