/* journey-canvas-live.c: while a workshop session runs (SPEC §10, issue
 * 18), what participants sent for each card, counted live in a badge on
 * it: the room's ratings, the votes shown (those of the open round too,
 * unless its results are hidden) and the comments.  The canvas's only:
 * exports show the room's rating and the votes, never these counts.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include "journey-canvas-private.h"
#include "journey-session.h"

/* Votes come in without a change to the map: the tally is read this often. */
#define LIVE_POLL_MS 500

struct _JourneyCanvasLive
{
  JourneySession *session;
  guint           poll_id;
  GHashTable     *counts;   /* JourneyTouchpoint → JourneyLiveCounts, those with any */
};

static GHashTable *
counts_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* What participants sent for each touchpoint of the map now. */
static GHashTable *
count (JourneyCanvas *self)
{
  GHashTable *counts = counts_new ();
  g_autoptr(GHashTable) tally = journey_session_server_get_tally (journey_session_get_server (self->live->session));

  for (guint i = 0; i < journey_list_get_length (self->map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (self->map->touchpoints, i);
      JourneyLiveCounts c = { 0, 0, 0 };

      if (journey_touchpoint_has_room (tp))
        c.ratings = (guint) tp->room->responses;
      c.votes = (guint) MAX (tp->votes, 0);
      if (tally != NULL && tp->id != NULL)
        c.votes += GPOINTER_TO_UINT (g_hash_table_lookup (tally, tp->id));
      c.comments = journey_list_get_length (tp->comments);
      if (c.ratings > 0 || c.votes > 0 || c.comments > 0)
        g_hash_table_insert (counts, tp, g_memdup2 (&c, sizeof c));
    }
  return counts;
}

static gboolean
counts_equal (const JourneyLiveCounts *a,
              const JourneyLiveCounts *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->ratings == b->ratings && a->votes == b->votes && a->comments == b->comments;
}

/* Marks the cards whose counts differ in @a and @b. */
static guint
mark_changed (JourneyCanvas *self,
              GHashTable    *a,
              GHashTable    *b)
{
  GHashTableIter iter;
  gpointer tp, c;
  guint n = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &tp, &c))
    if (!counts_equal (c, g_hash_table_lookup (b, tp)))
      {
        journey_canvas_touchpoint_changed (self, tp);
        n++;
      }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &tp, &c))
    if (!g_hash_table_contains (a, tp))
      {
        journey_canvas_touchpoint_changed (self, tp);
        n++;
      }
  return n;
}

/* The counts again; the cards whose counts changed drawn again.  A
 * session that stopped shows none. */
static void
refresh (JourneyCanvas *self)
{
  JourneyCanvasLive *live = self->live;
  g_autoptr(GHashTable) fresh = NULL;

  if (live == NULL || live->counts == NULL)
    return;
  if (live->session == NULL || !journey_session_is_running (live->session)
      || journey_session_get_map (live->session) != self->map)
    {
      journey_canvas_follow_session (self, NULL);
      return;
    }

  fresh = count (self);
  if (mark_changed (self, live->counts, fresh) == 0)
    return;
  g_hash_table_unref (live->counts);
  live->counts = g_steal_pointer (&fresh);
  self->state.live = live->counts;
}

static gboolean
poll (gpointer user_data)
{
  refresh (JOURNEY_CANVAS (user_data));
  return G_SOURCE_CONTINUE;
}

/**
 * journey_canvas_follow_session:
 * @session: (nullable): a running session on the canvas's map, or %NULL
 *
 * Counts, on each card, what the participants of @session send, until it
 * stops or another (or %NULL) is followed.
 */
void
journey_canvas_follow_session (JourneyCanvas  *self,
                               JourneySession *session)
{
  JourneyCanvasLive *live;

  g_return_if_fail (JOURNEY_IS_CANVAS (self));
  g_return_if_fail (session == NULL || JOURNEY_IS_SESSION (session));

  if (self->live == NULL)
    self->live = g_new0 (JourneyCanvasLive, 1);
  live = self->live;

  if (live->session != NULL)
    g_signal_handlers_disconnect_by_data (live->session, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, refresh, self);
  g_clear_handle_id (&live->poll_id, g_source_remove);
  g_clear_object (&live->session);
  if (live->counts != NULL)
    {
      g_autoptr(GHashTable) none = counts_new ();

      mark_changed (self, live->counts, none);
      g_clear_pointer (&live->counts, g_hash_table_unref);
    }
  self->state.live = NULL;

  if (session == NULL || self->map == NULL || journey_session_get_map (session) != self->map)
    return;

  live->session = g_object_ref (session);
  live->counts = counts_new ();
  self->state.live = live->counts;
  g_signal_connect_object (session, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  if (self->history != NULL)
    g_signal_connect_object (self->history, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  live->poll_id = g_timeout_add (LIVE_POLL_MS, poll, self);
  refresh (self);
}

/**
 * journey_canvas_get_live_counts:
 * @counts: (out) (optional): what its badge counts
 *
 * Returns: whether @touchpoint's card shows live counts
 */
gboolean
journey_canvas_get_live_counts (JourneyCanvas     *self,
                                JourneyTouchpoint *touchpoint,
                                JourneyLiveCounts *counts)
{
  const JourneyLiveCounts *c;

  g_return_val_if_fail (JOURNEY_IS_CANVAS (self), FALSE);

  c = self->state.live != NULL ? g_hash_table_lookup (self->state.live, touchpoint) : NULL;
  if (c != NULL && counts != NULL)
    *counts = *c;
  return c != NULL;
}

void
journey_canvas_dispose_live (JourneyCanvas *self)
{
  if (self->live == NULL)
    return;
  journey_canvas_follow_session (self, NULL);
  g_clear_pointer (&self->live, g_free);
}
