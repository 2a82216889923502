/* journey-session-timer.h
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
 * JourneySessionTimer: the timer of a workshop session as the window shows
 * it (the session panel, the header bar, presentation mode): what is left,
 * each second, in the words of the participants' page; hidden while no
 * timer is set.
 */

#define JOURNEY_TYPE_SESSION_TIMER (journey_session_timer_get_type ())
G_DECLARE_FINAL_TYPE (JourneySessionTimer, journey_session_timer, JOURNEY, SESSION_TIMER, GtkWidget)

GtkWidget  *journey_session_timer_new      (JourneySession      *session);
const char *journey_session_timer_get_text (JourneySessionTimer *self);

/* The timer's words: "Time left: 9:59", "Timer paused: 9:59 left", "Time
 * is up."; NULL when no timer is set. */
char       *journey_session_format_timer   (JourneySession      *session);

/* The sound at the end of the timer: the sound theme's, where GTK can
 * play it, else the error bell. */
void        journey_session_timer_ring     (GtkWidget           *widget);

G_END_DECLS
