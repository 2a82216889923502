/* journey-edit.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-history.h"
#include "journey-model.h"

G_BEGIN_DECLS

/*
 * Edits that must respect the map's rules, expressed as history commands.
 * The canvas and the inspector call these; each is one undo step.
 */

#define JOURNEY_EDIT_ERROR (journey_edit_error_quark ())

typedef enum
{
  JOURNEY_EDIT_ERROR_OUT_OF_SCALE,
  JOURNEY_EDIT_ERROR_OUT_OF_TIMELINE,
  JOURNEY_EDIT_ERROR_INVALID,
} JourneyEditError;

GQuark   journey_edit_error_quark            (void);

double   journey_map_clamp_to_scale          (JourneyMap        *map,
                                              double             value);
double   journey_map_clamp_to_timeline       (JourneyMap        *map,
                                              double             time);

gboolean journey_edit_set_satisfaction       (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyTouchpoint *touchpoint,
                                              double             value,
                                              GError           **error);
gboolean journey_edit_set_target             (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyTouchpoint *touchpoint,
                                              double             value,
                                              GError           **error);
gboolean journey_edit_set_time               (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyTouchpoint *touchpoint,
                                              double             time,
                                              GError           **error);
/* Changes the map's scale and maps every satisfaction, target and evidence
 * mean onto the new one linearly: one undo step. */
gboolean journey_edit_set_scale              (JourneyHistory    *history,
                                              JourneyMap        *map,
                                              JourneyScale      *scale,
                                              GError           **error);

G_END_DECLS
