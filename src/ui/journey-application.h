/* journey-application.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JOURNEY_TYPE_APPLICATION (journey_application_get_type ())
G_DECLARE_FINAL_TYPE (JourneyApplication, journey_application, JOURNEY, APPLICATION, AdwApplication)

typedef struct _JourneyWindow JourneyWindow;

JourneyApplication *journey_application_new         (void);
JourneyWindow      *journey_application_find_window (JourneyApplication *self,
                                                     GFile              *file);

G_END_DECLS
