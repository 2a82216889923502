/* journey-session-overlay.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "journey-session.h"

G_BEGIN_DECLS

/*
 * JourneySessionOverlay: what a room needs to join a workshop session, in
 * a corner of presentation mode: the QR code, the address, the join code
 * and the timer.
 */

#define JOURNEY_TYPE_SESSION_OVERLAY (journey_session_overlay_get_type ())
G_DECLARE_FINAL_TYPE (JourneySessionOverlay, journey_session_overlay, JOURNEY, SESSION_OVERLAY, GtkWidget)

GtkWidget *journey_session_overlay_new (JourneySession *session);

G_END_DECLS
