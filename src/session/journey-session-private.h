/* journey-session-private.h: what the files of the session server share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "journey-session-server.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 window_start;  /* µs, the second being counted */
  guint  count;
  gint64 blocked_until; /* µs, 0 when not blocked */
} RateLimit;

typedef struct
{
  guint       index;
  char       *name;
  char       *role;
  GHashTable *ratings;    /* touchpoint id → GINT_TO_POINTER (score - min + 1) */
  GHashTable *votes;      /* touchpoint id → GUINT_TO_POINTER (count), this round */
  guint       votes_used;
  RateLimit   limit;
} Participant;

struct _JourneySessionServer
{
  GObject       parent_instance;

  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *soup;         /* the server thread's */
  GPtrArray    *streams;      /* the server thread's: SoupServerMessage of api/events */
  guint         port;
  char         *code;

  GMutex        lock;         /* guards what follows */
  GCond         ready;
  gboolean      running;
  GError       *start_error;
  char         *map_json;
  GHashTable   *touchpoints;  /* id → id */
  int           scale_min;
  int           scale_max;
  gboolean      voting;
  guint         votes_per_person;
  gboolean      one_per_card;
  gboolean      hidden;
  GHashTable   *tally;        /* touchpoint id → GUINT_TO_POINTER (votes) */
  gint64        timer_ends;   /* real time, µs; 0: no timer */
  gint64        timer_remaining;
  gboolean      timer_paused;
  gboolean      paused;
  GHashTable   *participants; /* token → Participant */
  GHashTable   *addresses;    /* remote host → RateLimit */
  GPtrArray    *changes;      /* JourneySessionChange */
  guint         n_streams;
};

/* journey-session-api.c */
void  journey_session_api_handle   (JourneySessionServer *self,
                                    SoupServerMessage    *msg,
                                    const char           *route,
                                    const char           *token);
char *journey_session_api_map_json (JourneySessionServer *self);
char *journey_session_api_voting_json (JourneySessionServer *self);
char *journey_session_api_timer_json  (JourneySessionServer *self);
void  journey_session_api_error    (SoupServerMessage    *msg,
                                    guint                 status,
                                    const char           *message);
void  journey_participant_free     (gpointer              data);

/* journey-session-server.c: sends @event to every stream (any thread). */
void  journey_session_server_broadcast (JourneySessionServer *self,
                                        const char           *event,
                                        char                 *data);

/* journey-session-page.c */
GBytes *journey_session_page_get   (const char           *name,
                                    const char           *accept_language,
                                    gboolean              show_error,
                                    const char          **content_type);

G_END_DECLS
