/* journey-session-server.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * JourneySessionServer: the HTTP side of a workshop session (SPEC §10),
 * without GTK.  libsoup 3 serves the participant page and its API on a
 * thread of its own with its own GMainContext, listening on all interfaces
 * on a random port from journey_session_server_start() to
 * journey_session_server_stop().  It checks every request (the join code,
 * the participant, the size, the rate, every field) and hands what
 * participants send to the owner's thread as JourneySessionChange records,
 * taken with journey_session_server_take_changes().  All public functions
 * are called from the owner's thread.
 */

#define JOURNEY_SESSION_MAX_BODY      (16 * 1024)
#define JOURNEY_SESSION_MAX_RATE      20   /* requests a second */
#define JOURNEY_SESSION_BLOCK_SECONDS 5
#define JOURNEY_SESSION_MAX_NAME      60
#define JOURNEY_SESSION_MAX_COMMENT   2000
#define JOURNEY_SESSION_CODE_LENGTH   6

typedef enum
{
  JOURNEY_SESSION_JOINED,
  JOURNEY_SESSION_RATED,
  JOURNEY_SESSION_COMMENTED,
} JourneySessionChangeKind;

typedef struct
{
  JourneySessionChangeKind kind;
  guint  participant;  /* 1-based, in the order they joined */
  char  *name;         /* JOINED, COMMENTED: the name given, or NULL */
  char  *role;         /* JOINED, COMMENTED: a role id */
  char  *touchpoint;   /* RATED, COMMENTED */
  int    score;        /* RATED */
  gboolean replaces;   /* RATED: it replaces @old_score of the same participant */
  int    old_score;    /* RATED */
  char  *text;         /* COMMENTED */
} JourneySessionChange;

void journey_session_change_free (gpointer data);

/* The roles a participant chooses from, NULL-terminated. */
const char * const *journey_session_get_roles      (void);
const char         *journey_session_get_role_label (const char *role);

#define JOURNEY_TYPE_SESSION_SERVER (journey_session_server_get_type ())
G_DECLARE_FINAL_TYPE (JourneySessionServer, journey_session_server, JOURNEY, SESSION_SERVER, GObject)

JourneySessionServer *journey_session_server_new            (void);
gboolean              journey_session_server_start          (JourneySessionServer *self,
                                                             GError              **error);
void                  journey_session_server_stop           (JourneySessionServer *self);
gboolean              journey_session_server_is_running     (JourneySessionServer *self);
guint                 journey_session_server_get_port       (JourneySessionServer *self);
const char           *journey_session_server_get_code       (JourneySessionServer *self);

/* The map as the page sees it: @map_json is the JSON object of api/map
 * without "voting", "timer" and "paused"; @touchpoints the ids that can be
 * rated; the scale's ends.  Participants following the events stream get
 * it at once. */
void                  journey_session_server_set_map        (JourneySessionServer *self,
                                                             const char           *map_json,
                                                             const char * const   *touchpoints,
                                                             int                   scale_min,
                                                             int                   scale_max);
GPtrArray            *journey_session_server_take_changes   (JourneySessionServer *self);

void                  journey_session_server_open_round     (JourneySessionServer *self,
                                                             guint                 votes_per_person,
                                                             gboolean              one_per_card,
                                                             gboolean              hidden);
GHashTable           *journey_session_server_close_round    (JourneySessionServer *self);
gboolean              journey_session_server_is_voting      (JourneySessionServer *self);
GHashTable           *journey_session_server_get_tally      (JourneySessionServer *self);
void                  journey_session_server_set_paused     (JourneySessionServer *self,
                                                             gboolean              paused);
void                  journey_session_server_set_timer      (JourneySessionServer *self,
                                                             gint64                ends_us,
                                                             gint64                remaining_us,
                                                             gboolean              paused);
guint                 journey_session_server_count_role     (JourneySessionServer *self,
                                                             const char           *role);
guint                 journey_session_server_count_streams  (JourneySessionServer *self);

G_END_DECLS
