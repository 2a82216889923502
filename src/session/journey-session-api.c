/* journey-session-api.c: the JSON API of a workshop session (SPEC §10):
 * the map, join, rate, vote and comment, every field checked; and the
 * state that the facilitator's side sets (voting, timer, pause).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <sys/random.h>

#include "journey-session-private.h"

static const char * const roles[] = {
  "business", "design", "development", "support", "customer", "other", NULL
};

const char * const *
journey_session_get_roles (void)
{
  return roles;
}

/**
 * journey_session_get_role_label:
 *
 * Returns: how @role reads, translated; @role itself when unknown
 */
const char *
journey_session_get_role_label (const char *role)
{
  if (g_strcmp0 (role, "business") == 0)
    return _("Business");
  if (g_strcmp0 (role, "design") == 0)
    return _("Design");
  if (g_strcmp0 (role, "development") == 0)
    return _("Development");
  if (g_strcmp0 (role, "support") == 0)
    return _("Support");
  if (g_strcmp0 (role, "customer") == 0)
    return _("Customer");
  if (g_strcmp0 (role, "other") == 0)
    return _("Other");
  return role;
}

void
journey_participant_free (gpointer data)
{
  Participant *participant = data;

  g_free (participant->name);
  g_free (participant->role);
  g_hash_table_unref (participant->ratings);
  g_hash_table_unref (participant->votes);
  g_free (participant);
}

/* -- Answers ------------------------------------------------------------- */

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
set_json (SoupServerMessage *msg,
          guint              status,
          char              *json)
{
  soup_server_message_set_status (msg, status, status == 429 ? "Too Many Requests" : NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE, json, strlen (json));
}

void
journey_session_api_error (SoupServerMessage *msg,
                           guint              status,
                           const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  set_json (msg, status, node_to_string (node));
}

/* The voting object of api/map and of the "voting" event; under the lock. */
static void
add_voting (JourneySessionServer *self,
            JsonBuilder          *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "open");
  json_builder_add_boolean_value (builder, self->voting);
  json_builder_set_member_name (builder, "votes_per_person");
  json_builder_add_int_value (builder, self->votes_per_person);
  json_builder_set_member_name (builder, "one_per_card");
  json_builder_add_boolean_value (builder, self->one_per_card);
  json_builder_set_member_name (builder, "hidden");
  json_builder_add_boolean_value (builder, self->hidden);
  json_builder_end_object (builder);
}

static void
add_timer (JourneySessionServer *self,
           JsonBuilder          *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ends");
  if (self->timer_ends == 0 || self->timer_paused)
    json_builder_add_null_value (builder);
  else
    {
      g_autoptr(GDateTime) ends = g_date_time_new_from_unix_utc (self->timer_ends / G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format_iso8601 (ends);

      json_builder_add_string_value (builder, text);
    }
  json_builder_set_member_name (builder, "paused");
  json_builder_add_boolean_value (builder, self->timer_paused);
  json_builder_set_member_name (builder, "remaining");
  /* Whole seconds, rounded up: 0 only once it ran out. */
  json_builder_add_int_value (builder, (MAX (0, self->timer_paused ? self->timer_remaining
                                                : self->timer_ends ? self->timer_ends - g_get_real_time ()
                                                : 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  json_builder_end_object (builder);
}

static char *
build_string (JourneySessionServer *self,
              void               (*add) (JourneySessionServer *, JsonBuilder *))
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  g_mutex_lock (&self->lock);
  add (self, builder);
  g_mutex_unlock (&self->lock);
  node = json_builder_get_root (builder);
  return node_to_string (node);
}

char *
journey_session_api_voting_json (JourneySessionServer *self)
{
  return build_string (self, add_voting);
}

char *
journey_session_api_timer_json (JourneySessionServer *self)
{
  return build_string (self, add_timer);
}

static void
add_state (JourneySessionServer *self,
           JsonBuilder          *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "voting");
  add_voting (self, builder);
  json_builder_set_member_name (builder, "timer");
  add_timer (self, builder);
  json_builder_set_member_name (builder, "paused");
  json_builder_add_boolean_value (builder, self->paused);
  json_builder_end_object (builder);
}

/* api/map: the map the owner set, with the voting, timer and pause. */
char *
journey_session_api_map_json (JourneySessionServer *self)
{
  g_autofree char *state = build_string (self, add_state);
  g_autofree char *map = NULL;
  gsize n;

  g_mutex_lock (&self->lock);
  map = g_strdup (self->map_json);
  g_mutex_unlock (&self->lock);

  /* {map…} and {state…} joined: {map…,state…} */
  n = strlen (map);
  while (n > 0 && map[n - 1] != '}')
    n--;
  if (n <= 2)
    return g_steal_pointer (&state);
  map[n - 1] = '\0';
  return g_strdup_printf ("%s,%s", map, state + 1);
}

/* -- Checking fields ----------------------------------------------------- */

/* The body's JSON object, or NULL after answering 400. */
static JsonObject *
parse_body (SoupServerMessage *msg,
            JsonParser        *parser)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;

  if (size == 0 || !g_utf8_validate (data, size, NULL) || !json_parser_load_from_data (parser, data, size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      journey_session_api_error (msg, SOUP_STATUS_BAD_REQUEST, "the body must be a JSON object");
      return NULL;
    }
  return json_node_get_object (root);
}

/* A string member, or NULL when it is missing or not a string. */
static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Text a person may give: no control characters but, when @lines, line
 * breaks and tabs; at most @max characters; not empty unless @empty_ok. */
static char *
check_text (const char *text,
            guint       max,
            gboolean    lines,
            gboolean    empty_ok)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if ((!empty_ok && copy[0] == '\0') || g_utf8_strlen (copy, -1) > max)
    return NULL;
  for (const char *p = copy; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((g_unichar_iscntrl (c) && !(lines && (c == '\n' || c == '\t' || c == '\r'))) ||
          c == 0x2028 || c == 0x2029)
        return NULL;
    }
  return g_steal_pointer (&copy);
}

/* -- Requests ------------------------------------------------------------ */

static void
handle_join (JourneySessionServer *self,
             SoupServerMessage    *msg,
             JsonObject           *body)
{
  const char *name = get_string (body, "name");
  const char *role = get_string (body, "role");
  g_autofree char *checked = NULL;
  g_autofree char *cookie = NULL;
  g_autofree char *answer = NULL;
  JourneySessionChange *change;
  Participant *participant;
  guint8 bytes[16];
  char token[33];

  if (json_object_has_member (body, "name") && !json_node_is_null (json_object_get_member (body, "name")) &&
      (checked = check_text (name, JOURNEY_SESSION_MAX_NAME, FALSE, TRUE)) == NULL)
    {
      journey_session_api_error (msg, SOUP_STATUS_BAD_REQUEST, "name: at most 60 characters of text");
      return;
    }
  if (role == NULL || !g_strv_contains (roles, role))
    {
      journey_session_api_error (msg, SOUP_STATUS_BAD_REQUEST,
                                 "role: one of business, design, development, support, customer, other");
      return;
    }

  if (getrandom (bytes, sizeof bytes, 0) != sizeof bytes)
    g_error ("Cannot read random bytes");
  for (guint i = 0; i < sizeof bytes; i++)
    g_snprintf (token + 2 * i, 3, "%02x", bytes[i]);

  participant = g_new0 (Participant, 1);
  participant->name = checked && checked[0] ? g_strdup (checked) : NULL;
  participant->role = g_strdup (role);
  participant->ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  participant->votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  change = g_new0 (JourneySessionChange, 1);
  change->kind = JOURNEY_SESSION_JOINED;
  change->name = g_strdup (participant->name);
  change->role = g_strdup (role);

  g_mutex_lock (&self->lock);
  participant->index = g_hash_table_size (self->participants) + 1;
  change->participant = participant->index;
  g_hash_table_insert (self->participants, g_strdup (token), participant);
  g_ptr_array_add (self->changes, change);
  g_mutex_unlock (&self->lock);

  cookie = g_strdup_printf ("participant=%s; Path=/s/%s/; HttpOnly; SameSite=Strict", token, self->code);
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie", cookie);
  answer = g_strdup_printf ("{\"participant\":\"%s\"}", token);
  set_json (msg, SOUP_STATUS_OK, g_steal_pointer (&answer));
}

/* The touchpoint member naming a touchpoint of the map, or NULL; under
 * the lock. */
static const char *
get_touchpoint (JourneySessionServer *self,
                JsonObject           *body)
{
  const char *id = get_string (body, "touchpoint");

  return id != NULL ? g_hash_table_lookup (self->touchpoints, id) : NULL;
}

static guint
handle_rate (JourneySessionServer *self,
             Participant          *participant,
             JsonObject           *body,
             const char          **error)
{
  JsonNode *score_node = json_object_get_member (body, "score");
  const char *touchpoint = get_touchpoint (self, body);
  JourneySessionChange *change;
  gpointer old;
  double score;

  if (touchpoint == NULL)
    return *error = "touchpoint: no touchpoint of the map has this id", SOUP_STATUS_BAD_REQUEST;
  if (score_node == NULL || !JSON_NODE_HOLDS_VALUE (score_node) ||
      (json_node_get_value_type (score_node) != G_TYPE_INT64 && json_node_get_value_type (score_node) != G_TYPE_DOUBLE))
    return *error = "score: a whole step of the map's scale", SOUP_STATUS_BAD_REQUEST;
  score = json_node_get_double (score_node);
  if (!isfinite (score) || score != floor (score) || score < self->scale_min || score > self->scale_max)
    return *error = "score: a whole step of the map's scale", SOUP_STATUS_BAD_REQUEST;

  change = g_new0 (JourneySessionChange, 1);
  change->kind = JOURNEY_SESSION_RATED;
  change->participant = participant->index;
  change->touchpoint = g_strdup (touchpoint);
  change->score = (int) score;
  change->replaces = g_hash_table_lookup_extended (participant->ratings, touchpoint, NULL, &old);
  change->old_score = change->replaces ? GPOINTER_TO_INT (old) - 1 + self->scale_min : 0;
  g_hash_table_insert (participant->ratings, g_strdup (touchpoint),
                       GINT_TO_POINTER (change->score - self->scale_min + 1));
  g_ptr_array_add (self->changes, change);
  return SOUP_STATUS_NO_CONTENT;
}

static guint
handle_vote (JourneySessionServer *self,
             Participant          *participant,
             JsonObject           *body,
             gboolean              take_back,
             const char          **error)
{
  const char *touchpoint = get_touchpoint (self, body);
  guint mine, all;

  if (touchpoint == NULL)
    return *error = "touchpoint: no touchpoint of the map has this id", SOUP_STATUS_BAD_REQUEST;
  if (!self->voting)
    return *error = "no voting round is open", SOUP_STATUS_CONFLICT;

  mine = GPOINTER_TO_UINT (g_hash_table_lookup (participant->votes, touchpoint));
  all = GPOINTER_TO_UINT (g_hash_table_lookup (self->tally, touchpoint));
  if (take_back)
    {
      if (mine == 0)
        return *error = "no vote of yours is on this touchpoint", SOUP_STATUS_CONFLICT;
      mine--, all--, participant->votes_used--;
    }
  else
    {
      if (participant->votes_used >= self->votes_per_person)
        return *error = "no votes left", SOUP_STATUS_CONFLICT;
      if (self->one_per_card && mine > 0)
        return *error = "one vote per card", SOUP_STATUS_CONFLICT;
      mine++, all++, participant->votes_used++;
    }
  g_hash_table_insert (participant->votes, g_strdup (touchpoint), GUINT_TO_POINTER (mine));
  g_hash_table_insert (self->tally, g_strdup (touchpoint), GUINT_TO_POINTER (all));
  return SOUP_STATUS_NO_CONTENT;
}

static guint
handle_comment (JourneySessionServer *self,
                Participant          *participant,
                JsonObject           *body,
                const char          **error)
{
  const char *touchpoint = get_touchpoint (self, body);
  g_autofree char *text = NULL;
  JourneySessionChange *change;

  if (touchpoint == NULL)
    return *error = "touchpoint: no touchpoint of the map has this id", SOUP_STATUS_BAD_REQUEST;
  text = check_text (get_string (body, "text"), JOURNEY_SESSION_MAX_COMMENT, TRUE, FALSE);
  if (text == NULL)
    return *error = "text: 1 to 2000 characters of text", SOUP_STATUS_BAD_REQUEST;

  change = g_new0 (JourneySessionChange, 1);
  change->kind = JOURNEY_SESSION_COMMENTED;
  change->participant = participant->index;
  change->name = g_strdup (participant->name);
  change->role = g_strdup (participant->role);
  change->touchpoint = g_strdup (touchpoint);
  change->text = g_steal_pointer (&text);
  g_ptr_array_add (self->changes, change);
  return SOUP_STATUS_NO_CONTENT;
}

/* A write of a joined participant: rate, vote, comment. */
static void
handle_write (JourneySessionServer *self,
              SoupServerMessage    *msg,
              const char           *route,
              const char           *token,
              gboolean              delete)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *error = NULL;
  Participant *participant;
  JsonObject *body;
  gboolean paused;
  guint status;

  g_mutex_lock (&self->lock);
  participant = token ? g_hash_table_lookup (self->participants, token) : NULL;
  paused = self->paused;
  g_mutex_unlock (&self->lock);
  if (participant == NULL)
    {
      journey_session_api_error (msg, SOUP_STATUS_UNAUTHORIZED, "join first");
      return;
    }
  if (paused)
    {
      journey_session_api_error (msg, SOUP_STATUS_CONFLICT, "participation is paused");
      return;
    }

  parser = json_parser_new ();
  if ((body = parse_body (msg, parser)) == NULL)
    return;

  g_mutex_lock (&self->lock);
  if (strcmp (route, "rate") == 0)
    status = handle_rate (self, participant, body, &error);
  else if (strcmp (route, "vote") == 0)
    status = handle_vote (self, participant, body, delete, &error);
  else
    status = handle_comment (self, participant, body, &error);
  g_mutex_unlock (&self->lock);

  if (error != NULL)
    journey_session_api_error (msg, status, error);
  else
    soup_server_message_set_status (msg, status, NULL);
}

void
journey_session_api_handle (JourneySessionServer *self,
                            SoupServerMessage    *msg,
                            const char           *route,
                            const char           *token)
{
  const char *method = soup_server_message_get_method (msg);
  gboolean get = strcmp (method, "GET") == 0;
  gboolean post = strcmp (method, "POST") == 0;
  gboolean delete = strcmp (method, "DELETE") == 0;

  if (strcmp (route, "map") == 0 && get)
    set_json (msg, SOUP_STATUS_OK, journey_session_api_map_json (self));
  else if (strcmp (route, "join") == 0 && post)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *body = parse_body (msg, parser);

      if (body != NULL)
        handle_join (self, msg, body);
    }
  else if ((strcmp (route, "rate") == 0 || strcmp (route, "comment") == 0) && post)
    handle_write (self, msg, route, token, FALSE);
  else if (strcmp (route, "vote") == 0 && (post || delete))
    handle_write (self, msg, route, token, delete);
  else if (g_strv_contains ((const char * const[]) { "map", "join", "rate", "vote", "comment", "events", NULL }, route))
    journey_session_api_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method not allowed");
  else
    journey_session_api_error (msg, SOUP_STATUS_NOT_FOUND, "not found");
}

/* -- The owner's side ---------------------------------------------------- */

void
journey_session_server_set_map (JourneySessionServer *self,
                                const char           *map_json,
                                const char * const   *touchpoints,
                                int                   scale_min,
                                int                   scale_max)
{
  g_return_if_fail (JOURNEY_IS_SESSION_SERVER (self));
  g_return_if_fail (map_json != NULL);

  g_mutex_lock (&self->lock);
  g_free (self->map_json);
  self->map_json = g_strdup (map_json);
  g_hash_table_remove_all (self->touchpoints);
  for (guint i = 0; touchpoints != NULL && touchpoints[i] != NULL; i++)
    {
      char *id = g_strdup (touchpoints[i]);

      g_hash_table_insert (self->touchpoints, id, id);
    }
  self->scale_min = scale_min;
  self->scale_max = scale_max;
  g_mutex_unlock (&self->lock);

  journey_session_server_broadcast (self, "map", journey_session_api_map_json (self));
}

/**
 * journey_session_server_take_changes:
 *
 * Returns: (transfer full) (element-type JourneySessionChange): what
 *   participants sent since the last call, oldest first
 */
GPtrArray *
journey_session_server_take_changes (JourneySessionServer *self)
{
  GPtrArray *changes;

  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), NULL);

  g_mutex_lock (&self->lock);
  changes = g_steal_pointer (&self->changes);
  self->changes = g_ptr_array_new_with_free_func (journey_session_change_free);
  g_mutex_unlock (&self->lock);
  return changes;
}

static void
clear_votes (JourneySessionServer *self)
{
  GHashTableIter iter;
  Participant *participant;

  g_hash_table_remove_all (self->tally);
  g_hash_table_iter_init (&iter, self->participants);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &participant))
    {
      g_hash_table_remove_all (participant->votes);
      participant->votes_used = 0;
    }
}

/**
 * journey_session_server_open_round:
 *
 * Opens a voting round: each participant has @votes_per_person votes, at
 * most one per card when @one_per_card.  With @hidden the results are
 * shown nowhere until the round closes.
 */
void
journey_session_server_open_round (JourneySessionServer *self,
                                   guint                 votes_per_person,
                                   gboolean              one_per_card,
                                   gboolean              hidden)
{
  g_return_if_fail (JOURNEY_IS_SESSION_SERVER (self));
  g_return_if_fail (votes_per_person > 0);

  g_mutex_lock (&self->lock);
  clear_votes (self);
  self->voting = TRUE;
  self->votes_per_person = votes_per_person;
  self->one_per_card = one_per_card;
  self->hidden = hidden;
  g_mutex_unlock (&self->lock);
  journey_session_server_broadcast (self, "voting", journey_session_api_voting_json (self));
}

/**
 * journey_session_server_close_round:
 *
 * Returns: (transfer full) (element-type utf8 guint): the votes of the
 *   round per touchpoint id (GUINT_TO_POINTER), to add to the map
 */
GHashTable *
journey_session_server_close_round (JourneySessionServer *self)
{
  GHashTable *tally;

  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), NULL);

  g_mutex_lock (&self->lock);
  tally = g_steal_pointer (&self->tally);
  self->tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  clear_votes (self);
  self->voting = FALSE;
  g_mutex_unlock (&self->lock);
  journey_session_server_broadcast (self, "voting", journey_session_api_voting_json (self));
  return tally;
}

gboolean
journey_session_server_is_voting (JourneySessionServer *self)
{
  gboolean voting;

  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), FALSE);

  g_mutex_lock (&self->lock);
  voting = self->voting;
  g_mutex_unlock (&self->lock);
  return voting;
}

/**
 * journey_session_server_get_tally:
 *
 * Returns: (transfer full) (nullable): the votes of the open round so far,
 *   for a round whose results are not hidden; %NULL while they are
 */
GHashTable *
journey_session_server_get_tally (JourneySessionServer *self)
{
  GHashTable *copy = NULL;

  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), NULL);

  g_mutex_lock (&self->lock);
  if (!self->hidden)
    {
      GHashTableIter iter;
      gpointer key, value;

      copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, self->tally);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, g_strdup (key), value);
    }
  g_mutex_unlock (&self->lock);
  return copy;
}

void
journey_session_server_set_paused (JourneySessionServer *self,
                                   gboolean              paused)
{
  g_return_if_fail (JOURNEY_IS_SESSION_SERVER (self));

  g_mutex_lock (&self->lock);
  self->paused = paused;
  g_mutex_unlock (&self->lock);
  journey_session_server_broadcast (self, "paused", g_strdup (paused ? "{\"paused\":true}" : "{\"paused\":false}"));
}

/**
 * journey_session_server_set_timer:
 * @ends_us: when the timer ends, in real time (g_get_real_time()); 0 for none
 * @remaining_us: while @paused, what is left
 */
void
journey_session_server_set_timer (JourneySessionServer *self,
                                  gint64                ends_us,
                                  gint64                remaining_us,
                                  gboolean              paused)
{
  g_return_if_fail (JOURNEY_IS_SESSION_SERVER (self));

  g_mutex_lock (&self->lock);
  self->timer_ends = ends_us;
  self->timer_remaining = remaining_us;
  self->timer_paused = paused;
  g_mutex_unlock (&self->lock);
  journey_session_server_broadcast (self, "timer", journey_session_api_timer_json (self));
}

guint
journey_session_server_count_role (JourneySessionServer *self,
                                   const char           *role)
{
  GHashTableIter iter;
  Participant *participant;
  guint n = 0;

  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), 0);

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->participants);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &participant))
    if (role == NULL || g_strcmp0 (participant->role, role) == 0)
      n++;
  g_mutex_unlock (&self->lock);
  return n;
}
