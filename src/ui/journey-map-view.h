/* journey-map-view.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "journey-model.h"

G_BEGIN_DECLS

#define JOURNEY_TYPE_MAP_VIEW (journey_map_view_get_type ())
G_DECLARE_FINAL_TYPE (JourneyMapView, journey_map_view, JOURNEY, MAP_VIEW, GtkWidget)

GtkWidget  *journey_map_view_new         (void);
void        journey_map_view_set_map     (JourneyMapView *self,
                                          JourneyProject *project,
                                          JourneyMap     *map);
JourneyMap *journey_map_view_get_map     (JourneyMapView *self);
void        journey_map_view_invalidate  (JourneyMapView *self);

G_END_DECLS
