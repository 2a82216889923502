/* journey-validation.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-window.h"

G_BEGIN_DECLS

/*
 * JourneyValidation: "Compare With Evidence" (SPEC §11, issue 17): the
 * touchpoints of the window's map that have evidence, the largest gap
 * between hypothesis and measurement first, each with the measured mean
 * and its interval.  Activating a row selects its card on the map; "Use
 * Measured Mean" sets a touchpoint's satisfaction to its measurement, and
 * "Use All" every one, each one undo step.  A window beside the map's,
 * following its history.
 */

#define JOURNEY_TYPE_VALIDATION (journey_validation_get_type ())
G_DECLARE_FINAL_TYPE (JourneyValidation, journey_validation, JOURNEY, VALIDATION, AdwWindow)

JourneyValidation *journey_validation_new        (JourneyWindow     *window);
/* win.compare-evidence: shows the window's JourneyValidation. */
void               journey_validation_action     (GtkWidget         *widget,
                                                  const char        *action_name,
                                                  GVariant          *parameter);
/* The view shown for @window, if any. */
JourneyValidation *journey_validation_get_for    (JourneyWindow     *window);
/* The list of touchpoints, for tests: one AdwActionRow each, in order. */
GtkListBox        *journey_validation_get_list   (JourneyValidation *self);
GtkWidget         *journey_validation_get_use_all_button (JourneyValidation *self);

G_END_DECLS
