/* journey-session.c: a workshop session on a map, on the document's
 * thread: the map shown to participants, their input applied in batches.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <arpa/inet.h>
#include <glib/gi18n-lib.h>
#include <ifaddrs.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include "journey-session.h"

struct _JourneySession
{
  GObject               parent_instance;

  JourneyHistory       *history;
  JourneyMap           *map;
  JourneySessionServer *server;
  guint                 tick_id;
  gboolean              map_stale;

  /* The timer: running until @timer_ends (real time, µs), or paused with
   * @timer_left; @timer_rang once it ended. */
  gboolean              timer_set;
  gboolean              timer_paused;
  gboolean              timer_rang;
  gint64                timer_ends;
  gint64                timer_left;
};

G_DEFINE_FINAL_TYPE (JourneySession, journey_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  TIMER_CHANGED,
  TIMER_ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -- The map as participants see it ------------------------------------- */

/* The comments of @tp that participants see: all but the hidden ones,
 * oldest first. */
static void
add_comments (JsonBuilder       *builder,
              JourneyTouchpoint *tp)
{
  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < journey_list_get_length (tp->comments); i++)
    {
      JourneyComment *comment = journey_list_peek (tp->comments, i);

      if (comment->hidden)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, comment->author ? comment->author : "");
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, comment->role ? comment->role : "");
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, comment->text ? comment->text : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
map_json (JourneyMap  *map,
          GPtrArray   *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) order = journey_map_get_time_order (map);
  g_autofree guint *numbers = g_new0 (guint, order->len + 1);
  JourneyScale *scale = map->scale;

  for (guint i = 0; i < order->len; i++)
    numbers[g_array_index (order, guint, i)] = i + 1;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, journey_map_get_display_name (map));

  json_builder_set_member_name (builder, "scale");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "min");
  json_builder_add_int_value (builder, scale->min);
  json_builder_set_member_name (builder, "max");
  json_builder_add_int_value (builder, scale->max);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  for (int step = scale->min; step <= scale->max; step++)
    {
      const char *label = journey_scale_get_label (scale, step);
      g_autofree char *number = g_strdup_printf ("%d", step);

      json_builder_add_string_value (builder, label ? label : number);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < journey_list_get_length (map->stages); i++)
    {
      JourneyStage *stage = journey_list_peek (map->stages, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, stage->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, journey_stage_get_display_name (stage));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "touchpoints");
  json_builder_begin_array (builder);
  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      JourneyStage *stage = journey_map_get_touchpoint_stage (map, tp);
      JourneyLane *lane = journey_map_find_lane (map, tp->lane);

      g_ptr_array_add (ids, tp->id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, tp->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, journey_touchpoint_get_display_name (tp));
      json_builder_set_member_name (builder, "stage");
      json_builder_add_string_value (builder, stage ? stage->id : NULL);
      json_builder_set_member_name (builder, "lane");
      json_builder_add_string_value (builder, lane ? journey_lane_get_display_name (lane) : tp->lane);
      json_builder_set_member_name (builder, "time");
      json_builder_add_double_value (builder, tp->time);
      json_builder_set_member_name (builder, "satisfaction");
      json_builder_add_double_value (builder, journey_map_get_satisfaction (map, tp));
      json_builder_set_member_name (builder, "on_curve");
      json_builder_add_boolean_value (builder, lane != NULL && journey_lane_kind_is_on_curve (lane->kind));
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, numbers[i]);
      add_comments (builder, tp);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
publish_map (JourneySession *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *json = map_json (self->map, ids);

  g_ptr_array_add (ids, NULL);
  journey_session_server_set_map (self->server, json, (const char * const *) ids->pdata,
                                  self->map->scale->min, self->map->scale->max);
  self->map_stale = FALSE;
}

/* -- Applying participants' input --------------------------------------- */

/* The histogram of @tp's room rating, to which a batch's ratings add. */
static GArray *
batch_histogram (JourneySession    *self,
                 GHashTable        *batch,
                 JourneyTouchpoint *tp)
{
  guint steps = journey_scale_get_n_steps (self->map->scale);
  GArray *histogram = g_hash_table_lookup (batch, tp);

  if (histogram == NULL)
    {
      histogram = g_array_new (FALSE, TRUE, sizeof (int));
      g_array_set_size (histogram, steps);
      if (tp->room != NULL && tp->room->histogram->len == steps)
        memcpy (histogram->data, tp->room->histogram->data, steps * sizeof (int));
      g_hash_table_insert (batch, tp, histogram);
    }
  return histogram;
}

static void
add_rating (JourneySession       *self,
            GHashTable           *batch,
            JourneyTouchpoint    *tp,
            JourneySessionChange *change)
{
  JourneyScale *scale = self->map->scale;
  GArray *histogram = batch_histogram (self, batch, tp);

  if (change->replaces && change->old_score >= scale->min && change->old_score <= scale->max)
    {
      int *old = &g_array_index (histogram, int, change->old_score - scale->min);

      /* The room's rating may have been cleared since. */
      if (*old > 0)
        (*old)--;
    }
  if (change->score >= scale->min && change->score <= scale->max)
    g_array_index (histogram, int, change->score - scale->min)++;
}

/* Each touchpoint rated in the batch gets its new room rating once. */
static void
apply_ratings (JourneySession *self,
               GHashTable     *batch)
{
  GHashTableIter iter;
  gpointer tp, histogram;

  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, &tp, &histogram))
    {
      g_autoptr(JourneyRoom) room = journey_room_new_from_histogram (self->map->scale, histogram);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, JOURNEY_TYPE_ROOM);
      g_value_set_object (&value, room);
      journey_history_set_outside (self->history, tp, "room", &value);
    }
}

static void
apply_comment (JourneySession       *self,
               JourneyTouchpoint    *tp,
               JourneySessionChange *change)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *author = change->name ? g_strdup (change->name)
                                         : g_strdup_printf (_("Participant %u"), change->participant);
  g_autoptr(JourneyComment) comment = g_object_new (JOURNEY_TYPE_COMMENT,
                                                    "author", author,
                                                    "role", journey_session_get_role_label (change->role),
                                                    "text", change->text,
                                                    "created", created,
                                                    NULL);

  journey_history_insert_outside (self->history, tp->comments, journey_list_get_length (tp->comments), comment);
}

/**
 * journey_session_apply_pending:
 *
 * Applies what participants sent since the last time, in one batch.
 *
 * Returns: how many changes were applied
 */
guint
journey_session_apply_pending (JourneySession *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) ratings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  g_return_val_if_fail (JOURNEY_IS_SESSION (self), 0);

  changes = journey_session_server_take_changes (self->server);
  if (changes->len == 0)
    return 0;

  journey_history_begin_outside (self->history);
  for (guint i = 0; i < changes->len; i++)
    {
      JourneySessionChange *change = g_ptr_array_index (changes, i);
      JourneyTouchpoint *tp = change->touchpoint ? journey_map_find_touchpoint (self->map, change->touchpoint) : NULL;

      /* A touchpoint deleted since is skipped. */
      if (change->kind == JOURNEY_SESSION_RATED && tp != NULL)
        add_rating (self, ratings, tp, change);
      else if (change->kind == JOURNEY_SESSION_COMMENTED && tp != NULL)
        apply_comment (self, tp, change);
    }
  apply_ratings (self, ratings);
  journey_history_end_outside (self->history);

  g_signal_emit (self, signals[CHANGED], 0);
  return changes->len;
}

/* -- The timer ----------------------------------------------------------- */

static void
publish_timer (JourneySession *self)
{
  journey_session_server_set_timer (self->server, self->timer_set && !self->timer_paused ? self->timer_ends : 0,
                                    self->timer_left, self->timer_set && self->timer_paused);
  g_signal_emit (self, signals[TIMER_CHANGED], 0);
}

/* What is left of the timer, in µs. */
static gint64
timer_left (JourneySession *self)
{
  if (!self->timer_set)
    return 0;
  if (self->timer_paused)
    return self->timer_left;
  return MAX (0, self->timer_ends - g_get_real_time ());
}

static void
check_timer (JourneySession *self)
{
  if (self->timer_set && !self->timer_paused && !self->timer_rang && timer_left (self) == 0)
    {
      self->timer_rang = TRUE;
      g_signal_emit (self, signals[TIMER_ENDED], 0);
    }
}

static gboolean
tick (gpointer user_data)
{
  JourneySession *self = user_data;

  check_timer (self);
  journey_session_apply_pending (self);
  if (self->map_stale)
    publish_map (self);
  return G_SOURCE_CONTINUE;
}

static void
on_history_changed (JourneySession *self,
                    JourneyHistory *history)
{
  self->map_stale = TRUE;
}

/* -- GObject ------------------------------------------------------------- */

static void
journey_session_dispose (GObject *object)
{
  JourneySession *self = JOURNEY_SESSION (object);

  journey_session_stop (self);
  g_clear_object (&self->server);
  g_clear_object (&self->map);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (journey_session_parent_class)->dispose (object);
}

static void
journey_session_class_init (JourneySessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = journey_session_dispose;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  /* The timer was started, stopped, paused, resumed or lengthened. */
  signals[TIMER_CHANGED] = g_signal_new ("timer-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  /* The timer ran out (once per start), within a batch's time. */
  signals[TIMER_ENDED] = g_signal_new ("timer-ended",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
}

static void
journey_session_init (JourneySession *self)
{
  self->server = journey_session_server_new ();
}

/* -- Public API ---------------------------------------------------------- */

JourneySession *
journey_session_new (JourneyHistory *history,
                     JourneyMap     *map)
{
  JourneySession *self;

  g_return_val_if_fail (JOURNEY_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  self = g_object_new (JOURNEY_TYPE_SESSION, NULL);
  self->history = g_object_ref (history);
  self->map = g_object_ref (map);
  return self;
}

gboolean
journey_session_start (JourneySession  *self,
                       GError         **error)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->tick_id == 0, FALSE);

  publish_map (self);
  if (!journey_session_server_start (self->server, error))
    return FALSE;
  g_signal_connect_object (self->history, "changed", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  self->tick_id = g_timeout_add (JOURNEY_SESSION_BATCH_MS, tick, self);
  return TRUE;
}

/**
 * journey_session_stop:
 *
 * Stops the server at once; what participants sent before is applied.
 */
void
journey_session_stop (JourneySession *self)
{
  g_return_if_fail (JOURNEY_IS_SESSION (self));

  if (self->tick_id == 0)
    return;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
  journey_session_server_stop (self->server);
  journey_session_apply_pending (self);
}

gboolean
journey_session_is_running (JourneySession *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION (self), FALSE);

  return self->tick_id != 0;
}

JourneySessionServer *
journey_session_get_server (JourneySession *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION (self), NULL);

  return self->server;
}

JourneyHistory *
journey_session_get_history (JourneySession *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION (self), NULL);

  return self->history;
}

JourneyMap *
journey_session_get_map (JourneySession *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION (self), NULL);

  return self->map;
}

/**
 * journey_session_get_lan_address:
 *
 * Returns: the machine's LAN IPv4 address, or 127.0.0.1 when it has none
 */
char *
journey_session_get_lan_address (void)
{
  struct ifaddrs *list = NULL;
  char *found = NULL;

  if (getifaddrs (&list) != 0)
    return g_strdup ("127.0.0.1");
  for (struct ifaddrs *each = list; each != NULL && found == NULL; each = each->ifa_next)
    {
      char text[INET_ADDRSTRLEN];

      if (each->ifa_addr == NULL || each->ifa_addr->sa_family != AF_INET ||
          (each->ifa_flags & IFF_LOOPBACK) || !(each->ifa_flags & IFF_UP))
        continue;
      if (inet_ntop (AF_INET, &((struct sockaddr_in *) each->ifa_addr)->sin_addr, text, sizeof text))
        found = g_strdup (text);
    }
  freeifaddrs (list);
  return found ? found : g_strdup ("127.0.0.1");
}

/**
 * journey_session_get_url:
 *
 * Returns: where participants join: http://HOST:PORT/s/CODE/
 */
char *
journey_session_get_url (JourneySession *self)
{
  g_autofree char *host = journey_session_get_lan_address ();

  g_return_val_if_fail (JOURNEY_IS_SESSION (self), NULL);

  return g_strdup_printf ("http://%s:%u/s/%s/", host, journey_session_server_get_port (self->server),
                          journey_session_server_get_code (self->server));
}

void
journey_session_open_round (JourneySession *self,
                            guint           votes_per_person,
                            gboolean        one_per_card,
                            gboolean        hidden)
{
  g_return_if_fail (JOURNEY_IS_SESSION (self));

  journey_session_server_open_round (self->server, votes_per_person, one_per_card, hidden);
}

/**
 * journey_session_close_round:
 *
 * Closes the voting round and adds its votes to the touchpoints' votes.
 */
void
journey_session_close_round (JourneySession *self)
{
  g_autoptr(GHashTable) tally = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (JOURNEY_IS_SESSION (self));

  journey_session_apply_pending (self);
  tally = journey_session_server_close_round (self->server);
  journey_history_begin_outside (self->history);
  g_hash_table_iter_init (&iter, tally);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JourneyTouchpoint *tp = journey_map_find_touchpoint (self->map, key);
      g_auto(GValue) votes = G_VALUE_INIT;

      if (tp == NULL || GPOINTER_TO_UINT (value) == 0)
        continue;
      g_value_init (&votes, G_TYPE_INT);
      g_value_set_int (&votes, tp->votes + (int) GPOINTER_TO_UINT (value));
      journey_history_set_outside (self->history, tp, "votes", &votes);
    }
  journey_history_end_outside (self->history);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
journey_session_set_paused (JourneySession *self,
                            gboolean        paused)
{
  g_return_if_fail (JOURNEY_IS_SESSION (self));

  journey_session_server_set_paused (self->server, paused);
}

/**
 * journey_session_start_timer:
 * @seconds: how long, at most %JOURNEY_SESSION_TIMER_MAX seconds; 0 to
 *   stop the timer
 *
 * Starts the timer that every page and the window show.
 */
void
journey_session_start_timer (JourneySession *self,
                             guint           seconds)
{
  g_return_if_fail (JOURNEY_IS_SESSION (self));

  seconds = MIN (seconds, JOURNEY_SESSION_TIMER_MAX);
  self->timer_set = seconds > 0;
  self->timer_paused = FALSE;
  self->timer_rang = FALSE;
  self->timer_left = 0;
  self->timer_ends = seconds ? g_get_real_time () + (gint64) seconds * G_USEC_PER_SEC : 0;
  publish_timer (self);
}

/**
 * journey_session_add_timer_minute:
 *
 * One more minute on the timer (never over %JOURNEY_SESSION_TIMER_MAX
 * seconds); a timer that ran out, or none, starts with one minute.
 */
void
journey_session_add_timer_minute (JourneySession *self)
{
  gint64 left;

  g_return_if_fail (JOURNEY_IS_SESSION (self));

  left = timer_left (self);
  if (!self->timer_set || left == 0)
    {
      journey_session_start_timer (self, 60);
      return;
    }
  left = MIN (left + 60 * G_USEC_PER_SEC, (gint64) JOURNEY_SESSION_TIMER_MAX * G_USEC_PER_SEC);
  if (self->timer_paused)
    self->timer_left = left;
  else
    self->timer_ends = g_get_real_time () + left;
  publish_timer (self);
}

/**
 * journey_session_pause_timer:
 *
 * Pauses the running timer, keeping what is left, or runs it on from there.
 */
void
journey_session_pause_timer (JourneySession *self,
                             gboolean        paused)
{
  g_return_if_fail (JOURNEY_IS_SESSION (self));

  if (!self->timer_set || !self->timer_paused == !paused)
    return;
  if (paused)
    {
      self->timer_left = timer_left (self);
      self->timer_ends = 0;
    }
  else
    {
      self->timer_ends = g_get_real_time () + self->timer_left;
      self->timer_left = 0;
    }
  self->timer_paused = paused;
  publish_timer (self);
}

/**
 * journey_session_get_timer:
 * @seconds: (out) (optional): what is left, in whole seconds (rounded up)
 * @paused: (out) (optional): whether the timer is paused
 *
 * Returns: whether a timer is set (also once it ran out, until it is
 *   stopped or started again)
 */
gboolean
journey_session_get_timer (JourneySession *self,
                           guint          *seconds,
                           gboolean       *paused)
{
  gint64 left;

  g_return_val_if_fail (JOURNEY_IS_SESSION (self), FALSE);

  left = timer_left (self);
  if (seconds != NULL)
    *seconds = (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  if (paused != NULL)
    *paused = self->timer_set && self->timer_paused;
  return self->timer_set;
}
