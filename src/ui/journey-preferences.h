/* journey-preferences.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-model.h"

G_BEGIN_DECLS

/*
 * JourneyPreferences: the preferences window.  Every row is bound to its
 * GSettings key, so a change takes effect at once in every window.
 */

#define JOURNEY_TYPE_PREFERENCES (journey_preferences_get_type ())
G_DECLARE_FINAL_TYPE (JourneyPreferences, journey_preferences, JOURNEY, PREFERENCES, AdwPreferencesWindow)

GtkWidget    *journey_preferences_new               (GtkWindow *parent);

/* The scale a new blank map starts with: the default-scale setting. */
JourneyScale *journey_preferences_new_default_scale (void);

G_END_DECLS
