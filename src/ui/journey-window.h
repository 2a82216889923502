/* journey-window.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-application.h"
#include "journey-canvas.h"
#include "journey-document.h"
#include "journey-history.h"
#include "journey-model.h"

G_BEGIN_DECLS

#define JOURNEY_TYPE_WINDOW (journey_window_get_type ())
G_DECLARE_FINAL_TYPE (JourneyWindow, journey_window, JOURNEY, WINDOW, AdwApplicationWindow)

JourneyWindow   *journey_window_new          (JourneyApplication *application);
void             journey_window_load         (JourneyWindow      *self,
                                              GFile              *file);
JourneyDocument *journey_window_get_document (JourneyWindow      *self);
JourneyProject  *journey_window_get_project  (JourneyWindow      *self);
JourneyHistory  *journey_window_get_history  (JourneyWindow      *self);
gboolean         journey_window_autosave     (JourneyWindow      *self);
JourneyMap      *journey_window_get_map      (JourneyWindow      *self);
JourneyCanvas   *journey_window_get_canvas   (JourneyWindow      *self);
GtkWindow       *journey_window_get_shortcuts_window (JourneyWindow *self);
void             journey_window_add_toast    (JourneyWindow      *self,
                                              AdwToast           *toast);
void             journey_window_add_error_toast (JourneyWindow   *self,
                                                 const char      *message);

G_END_DECLS
