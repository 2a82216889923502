/* journey-session-panel.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-session.h"
#include "journey-window.h"

G_BEGIN_DECLS

/*
 * JourneySessionPanel: the facilitator's window of a running workshop
 * session (SPEC §10): the address as text and as a big QR code, the join
 * code, the participants by role, voting rounds, the timer and the pause.
 * Closing it (or its parent window) stops the session at once.
 */

#define JOURNEY_TYPE_SESSION_PANEL (journey_session_panel_get_type ())
G_DECLARE_FINAL_TYPE (JourneySessionPanel, journey_session_panel, JOURNEY, SESSION_PANEL, AdwWindow)

JourneySessionPanel *journey_session_panel_new         (JourneySession      *session);
JourneySession      *journey_session_panel_get_session (JourneySessionPanel *self);

/* "win.start-session" of JourneyWindow. */
void                 journey_window_start_session_action (GtkWidget  *widget,
                                                          const char *action_name,
                                                          GVariant   *parameter);

/* The session of a window: its panel (or NULL); asking before the window
 * closes; its corner in presentation mode. */
JourneySessionPanel *journey_window_get_session_panel      (JourneyWindow *window);
gboolean             journey_window_ask_stop_session       (JourneyWindow *window);
void                 journey_window_sync_session_overlay   (JourneyWindow *window);
gboolean             journey_window_toggle_session_overlay (JourneyWindow *window);

G_END_DECLS
