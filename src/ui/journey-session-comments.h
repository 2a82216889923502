/* journey-session-comments.h
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
 * JourneySessionComments: the comments on the session's map, newest
 * first, each with its touchpoint, author and role, and Hide (from the
 * participants; Show again) and Delete: the facilitator's own edits, each
 * one undo step.  Participants' text is shown as text only.
 */

#define JOURNEY_SESSION_COMMENTS_MAX 50

#define JOURNEY_TYPE_SESSION_COMMENTS (journey_session_comments_get_type ())
G_DECLARE_FINAL_TYPE (JourneySessionComments, journey_session_comments, JOURNEY, SESSION_COMMENTS, GtkWidget)

GtkWidget *journey_session_comments_new (JourneySession *session);

G_END_DECLS
