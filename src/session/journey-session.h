/* journey-session.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-history.h"
#include "journey-model.h"
#include "journey-session-server.h"

G_BEGIN_DECLS

/*
 * JourneySession: a workshop session on one map of a document (SPEC §10),
 * on the thread that owns the document.  It runs a JourneySessionServer,
 * shows it the map as it changes, and applies what participants send to
 * the map in batches, at most every %JOURNEY_SESSION_BATCH_MS, as changes
 * from outside the history (journey_history_begin_outside()): ratings
 * become the touchpoint's room rating, comments its comments, and the votes
 * of a round are added when it closes.
 *
 * Signal "changed": participants joined, or their input was applied.
 * Signals "timer-changed" and "timer-ended": the facilitator's timer,
 * which every page shows, was set, or ran out.
 */

#define JOURNEY_SESSION_BATCH_MS 100
#define JOURNEY_SESSION_TIMER_MAX (60 * 60)  /* seconds */

#define JOURNEY_TYPE_SESSION (journey_session_get_type ())
G_DECLARE_FINAL_TYPE (JourneySession, journey_session, JOURNEY, SESSION, GObject)

JourneySession       *journey_session_new             (JourneyHistory *history,
                                                       JourneyMap     *map);
gboolean              journey_session_start           (JourneySession *self,
                                                       GError        **error);
void                  journey_session_stop            (JourneySession *self);
gboolean              journey_session_is_running      (JourneySession *self);
JourneySessionServer *journey_session_get_server      (JourneySession *self);
JourneyHistory       *journey_session_get_history     (JourneySession *self);
JourneyMap           *journey_session_get_map         (JourneySession *self);
char                 *journey_session_get_url         (JourneySession *self);
guint                 journey_session_apply_pending   (JourneySession *self);

void                  journey_session_open_round      (JourneySession *self,
                                                       guint           votes_per_person,
                                                       gboolean        one_per_card,
                                                       gboolean        hidden);
void                  journey_session_close_round     (JourneySession *self);
void                  journey_session_set_paused      (JourneySession *self,
                                                       gboolean        paused);
void                  journey_session_start_timer     (JourneySession *self,
                                                       guint           seconds);
void                  journey_session_add_timer_minute (JourneySession *self);
void                  journey_session_pause_timer     (JourneySession *self,
                                                       gboolean        paused);
gboolean              journey_session_get_timer       (JourneySession *self,
                                                       guint          *seconds,
                                                       gboolean       *paused);

char                 *journey_session_get_lan_address (void);

G_END_DECLS
