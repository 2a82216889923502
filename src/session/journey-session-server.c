/* journey-session-server.c: the HTTP server of a workshop session, on a
 * thread of its own: listening, routing, limits and the events stream.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "journey-session-private.h"

G_DEFINE_FINAL_TYPE (JourneySessionServer, journey_session_server, G_TYPE_OBJECT)

/* No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud or from the back of a room. */
static const char code_alphabet[] = "ACDEFGHJKMNPQRTUVWXY34679";

#define CONTENT_SECURITY_POLICY \
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " \
  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

#define PING_SECONDS 15
#define LISTEN_BACKLOG 512
#define CLOSE_WAIT_MS 50

/* -- Helpers ------------------------------------------------------------- */

static void
random_bytes (guint8 *buffer,
              gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        g_error ("Cannot read random bytes");
      done += n;
    }
}

static char *
random_code (void)
{
  guint8 bytes[JOURNEY_SESSION_CODE_LENGTH];
  char *code = g_malloc (JOURNEY_SESSION_CODE_LENGTH + 1);

  random_bytes (bytes, sizeof bytes);
  for (guint i = 0; i < JOURNEY_SESSION_CODE_LENGTH; i++)
    code[i] = code_alphabet[bytes[i] % (sizeof code_alphabet - 1)];
  code[JOURNEY_SESSION_CODE_LENGTH] = '\0';
  return code;
}

void
journey_session_change_free (gpointer data)
{
  JourneySessionChange *change = data;

  g_free (change->name);
  g_free (change->role);
  g_free (change->touchpoint);
  g_free (change->text);
  g_free (change);
}

static char *
cookie_token (SoupMessageHeaders *headers)
{
  const char *cookie = soup_message_headers_get_list (headers, "Cookie");
  g_auto(GStrv) parts = NULL;

  if (cookie == NULL)
    return NULL;
  parts = g_strsplit (cookie, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (g_str_has_prefix (part, "participant="))
        return g_strdup (part + strlen ("participant="));
    }
  return NULL;
}

/* The participant's token from X-Participant or the cookie. */
static char *
request_token (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *token = soup_message_headers_get_one (headers, "X-Participant");

  return token != NULL ? g_strdup (token) : cookie_token (headers);
}

/* Counts a request against @limit; FALSE when it must wait (429). */
static gboolean
rate_limit_pass (RateLimit *limit,
                 gint64     now)
{
  if (limit->blocked_until > now)
    return FALSE;
  if (now - limit->window_start >= G_USEC_PER_SEC)
    {
      limit->window_start = now;
      limit->count = 0;
    }
  if (++limit->count > JOURNEY_SESSION_MAX_RATE)
    {
      limit->blocked_until = now + JOURNEY_SESSION_BLOCK_SECONDS * G_USEC_PER_SEC;
      return FALSE;
    }
  return TRUE;
}

/* Splits /s/CODE/REST; the code is read case-insensitively.  Returns
 * whether @path is below the session's code, with REST in @route. */
static gboolean
match_code (JourneySessionServer *self,
            const char           *path,
            const char          **route)
{
  gsize n = strlen (self->code);

  if (!g_str_has_prefix (path, "/s/") || g_ascii_strncasecmp (path + 3, self->code, n) != 0 ||
      (path[3 + n] != '/' && path[3 + n] != '\0'))
    return FALSE;
  *route = path[3 + n] == '/' ? path + 4 + n : NULL;
  return TRUE;
}

/* -- Pages ----------------------------------------------------------------- */

static void
serve_resource (SoupServerMessage *msg,
                const char        *name,
                guint              status)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) bytes = NULL;
  const char *type = NULL;
  gsize size;
  gconstpointer data;

  bytes = journey_session_page_get (name, soup_message_headers_get_one (headers, "Accept-Language"),
                                    status != SOUP_STATUS_OK, &type);
  if (bytes == NULL)
    {
      journey_session_api_error (msg, SOUP_STATUS_NOT_FOUND, "not found");
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, data, size);
}

/* Whether @msg comes from a browser that asks for a page (its Accept
 * header names text/html), rather than from the API's clients. */
static gboolean
wants_html (SoupServerMessage *msg)
{
  const char *accept = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "Accept");
  GSList *types;
  gboolean html;

  if (accept == NULL)
    return FALSE;
  types = soup_header_parse_quality_list (accept, NULL);
  html = g_slist_find_custom (types, "text/html", (GCompareFunc) g_ascii_strcasecmp) != NULL;
  soup_header_free_list (types);
  return html;
}

/* -- Early checks: before a body is read --------------------------------- */

static void
set_common_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
}

/* Refuses @msg at once.  libsoup reads a request's body after the early
 * handlers whatever they answered, so a request with a body is answered
 * on the connection taken over from libsoup, and the connection closed:
 * the body is never read. */
static void
refuse (SoupServerMessage *msg,
        guint              status,
        const char        *phrase,
        const char        *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GIOStream) stream = NULL;
  g_autofree char *body = NULL;
  g_autofree char *answer = NULL;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_NONE ||
      (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
       soup_message_headers_get_content_length (headers) == 0))
    {
      journey_session_api_error (msg, status, message);
      return;
    }

  body = g_strdup_printf ("{\"error\":\"%s\"}", message);
  answer = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                            "Content-Type: application/json; charset=utf-8\r\n"
                            "Content-Length: %zu\r\n"
                            "Content-Security-Policy: " CONTENT_SECURITY_POLICY "\r\n"
                            "X-Content-Type-Options: nosniff\r\n"
                            "%s"
                            "Connection: close\r\n\r\n%s",
                            status, phrase, strlen (body),
                            status == 429 ? "Retry-After: " G_STRINGIFY (JOURNEY_SESSION_BLOCK_SECONDS) "\r\n" : "",
                            body);
  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  JourneySessionServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *route = NULL;
  g_autofree char *token = NULL;
  gint64 now = g_get_monotonic_time ();
  gboolean pass;

  set_common_headers (msg);

  if (strcmp (path, "/") != 0 && strcmp (path, "/page.css") != 0 && !match_code (self, path, &route))
    {
      /* A browser gets a page that says so; API clients get JSON. */
      if (strcmp (soup_server_message_get_method (msg), "GET") == 0 && wants_html (msg) &&
          soup_message_headers_get_encoding (headers) == SOUP_ENCODING_NONE)
        serve_resource (msg, "ended.html", SOUP_STATUS_NOT_FOUND);
      else
        refuse (msg, SOUP_STATUS_NOT_FOUND, "Not Found", "not found");
      return;
    }

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_NONE:
      break;
    case SOUP_ENCODING_CONTENT_LENGTH:
      if (soup_message_headers_get_content_length (headers) > JOURNEY_SESSION_MAX_BODY)
        {
          refuse (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large", "the body is too large");
          return;
        }
      break;
    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_EOF:
    case SOUP_ENCODING_CHUNKED:
    case SOUP_ENCODING_BYTERANGES:
    default:
      refuse (msg, SOUP_STATUS_LENGTH_REQUIRED, "Length Required", "a body needs a Content-Length");
      return;
    }

  token = request_token (msg);
  g_mutex_lock (&self->lock);
  {
    Participant *participant = token ? g_hash_table_lookup (self->participants, token) : NULL;
    RateLimit *limit = participant ? &participant->limit : NULL;

    if (limit == NULL)
      {
        const char *host = soup_server_message_get_remote_host (msg);

        limit = g_hash_table_lookup (self->addresses, host ? host : "");
        if (limit == NULL)
          {
            limit = g_new0 (RateLimit, 1);
            g_hash_table_insert (self->addresses, g_strdup (host ? host : ""), limit);
          }
      }
    pass = rate_limit_pass (limit, now);
  }
  g_mutex_unlock (&self->lock);

  if (!pass)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After",
                                    G_STRINGIFY (JOURNEY_SESSION_BLOCK_SECONDS));
      refuse (msg, 429, "Too Many Requests", "too many requests");
    }
}

/* -- The events stream --------------------------------------------------- */

static void
on_stream_finished (SoupServerMessage    *msg,
                    JourneySessionServer *self)
{
  g_ptr_array_remove (self->streams, msg);
  g_mutex_lock (&self->lock);
  self->n_streams = self->streams->len;
  g_mutex_unlock (&self->lock);
}

static void
stream_write (SoupServerMessage *msg,
              const char        *text)
{
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY, text, strlen (text));
  soup_server_message_unpause (msg);
}

static void
start_stream (JourneySessionServer *self,
              SoupServerMessage    *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *map = journey_session_api_map_json (self);
  g_autofree char *first = g_strdup_printf ("retry: 2000\nevent: map\ndata: %s\n\n", map);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "text/event-stream", NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_replace (headers, "Cache-Control", "no-cache, no-store");
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  stream_write (msg, first);

  g_ptr_array_add (self->streams, msg);
  g_signal_connect (msg, "finished", G_CALLBACK (on_stream_finished), self);
  g_mutex_lock (&self->lock);
  self->n_streams = self->streams->len;
  g_mutex_unlock (&self->lock);
}

typedef struct
{
  JourneySessionServer *self;
  char                 *text;
} Broadcast;

static void
broadcast_free (gpointer data)
{
  Broadcast *broadcast = data;

  g_object_unref (broadcast->self);
  g_free (broadcast->text);
  g_free (broadcast);
}

static gboolean
broadcast_in_thread (gpointer data)
{
  Broadcast *broadcast = data;
  GPtrArray *streams = broadcast->self->streams;

  for (guint i = 0; i < streams->len; i++)
    stream_write (g_ptr_array_index (streams, i), broadcast->text);
  return G_SOURCE_REMOVE;
}

/**
 * journey_session_server_broadcast:
 * @data: (transfer full): the event's JSON, on one line
 *
 * Sends @event to every participant following the events stream; from any
 * thread.
 */
void
journey_session_server_broadcast (JourneySessionServer *self,
                                  const char           *event,
                                  char                 *data)
{
  Broadcast *broadcast;

  if (self->context == NULL)
    {
      g_free (data);
      return;
    }
  broadcast = g_new0 (Broadcast, 1);
  broadcast->self = g_object_ref (self);
  broadcast->text = g_strdup_printf ("event: %s\ndata: %s\n\n", event, data);
  g_free (data);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, broadcast_in_thread, broadcast, broadcast_free);
}

static gboolean
ping_streams (gpointer user_data)
{
  JourneySessionServer *self = user_data;

  for (guint i = 0; i < self->streams->len; i++)
    stream_write (g_ptr_array_index (self->streams, i), ": ping\n\n");
  return G_SOURCE_CONTINUE;
}

/* -- Routing ------------------------------------------------------------- */

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  JourneySessionServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *route = NULL;

  if (strcmp (path, "/") == 0 || strcmp (path, "/page.css") == 0)
    {
      const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
      g_autofree char *given = code ? g_strstrip (g_strdup (code)) : NULL;
      g_autofree char *wanted = given ? g_strdup_printf ("/s/%s/", given) : NULL;

      if (strcmp (method, "GET") != 0 && strcmp (method, "HEAD") != 0)
        journey_session_api_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method not allowed");
      else if (path[1] != '\0')
        serve_resource (msg, "page.css", SOUP_STATUS_OK);
      else if (wanted == NULL)
        serve_resource (msg, "join.html", SOUP_STATUS_OK);
      else if (match_code (self, wanted, &route))
        {
          g_autofree char *location = g_strdup_printf ("/s/%s/", self->code);

          soup_server_message_set_redirect (msg, SOUP_STATUS_SEE_OTHER, location);
        }
      else
        serve_resource (msg, "join.html", SOUP_STATUS_NOT_FOUND);
      return;
    }
  if (!match_code (self, path, &route))
    {
      journey_session_api_error (msg, SOUP_STATUS_NOT_FOUND, "not found");
      return;
    }
  if (route == NULL)
    {
      g_autofree char *location = g_strdup_printf ("/s/%s/", self->code);

      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, location);
      return;
    }

  if (g_str_has_prefix (route, "api/"))
    {
      if (strcmp (route, "api/events") == 0 && strcmp (method, "GET") == 0)
        start_stream (self, msg);
      else
        {
          g_autofree char *token = request_token (msg);

          journey_session_api_handle (self, msg, route + 4, token);
        }
      return;
    }

  if (strcmp (method, "GET") != 0 && strcmp (method, "HEAD") != 0)
    journey_session_api_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method not allowed");
  else if (route[0] == '\0')
    serve_resource (msg, "index.html", SOUP_STATUS_OK);
  else if (strcmp (route, "page.js") == 0 || strcmp (route, "page.css") == 0)
    serve_resource (msg, route, SOUP_STATUS_OK);
  else
    journey_session_api_error (msg, SOUP_STATUS_NOT_FOUND, "not found");
}

/* -- The thread ---------------------------------------------------------- */

/* Listens on all IPv4 interfaces on a random port, with room for a whole
 * room's connections at once (GSocket's default backlog is 10); the port
 * in @port. */
static gboolean
listen_all (SoupServer  *server,
            guint       *port,
            GError     **error)
{
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  g_autoptr(GInetAddress) any = g_inet_address_new_any (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);

  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, FALSE, error) || !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (server, socket, 0, error))
    return FALSE;
  /* From the socket: soup_server_get_uris() of libsoup 3.2 leaks. */
  local = g_socket_get_local_address (socket, error);
  if (local == NULL)
    return FALSE;
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  JourneySessionServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSource) ping = NULL;

  g_main_context_push_thread_default (self->context);

  self->soup = soup_server_new ("server-header", "Journeys ", NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);

  listen_all (self->soup, &self->port, &error);

  ping = g_timeout_source_new_seconds (PING_SECONDS);
  g_source_set_callback (ping, ping_streams, self, NULL);
  g_source_attach (ping, self->context);

  g_mutex_lock (&self->lock);
  self->running = error == NULL;
  self->start_error = g_steal_pointer (&error);
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->lock);

  if (self->running)
    g_main_loop_run (self->loop);

  g_source_destroy (ping);
  /* Each stream ends; the connections close with the server. */
  while (self->streams->len > 0)
    {
      SoupServerMessage *msg = g_ptr_array_steal_index (self->streams, self->streams->len - 1);

      g_signal_handlers_disconnect_by_func (msg, on_stream_finished, self);
      soup_message_body_complete (soup_server_message_get_response_body (msg));
      soup_server_message_unpause (msg);
    }
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  /* Connections close asynchronously: let them finish (briefly). */
  for (gint64 end = g_get_monotonic_time () + CLOSE_WAIT_MS * 1000; g_get_monotonic_time () < end;)
    if (!g_main_context_iteration (self->context, FALSE))
      g_usleep (1000);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/* -- GObject ------------------------------------------------------------- */

static void
journey_session_server_finalize (GObject *object)
{
  JourneySessionServer *self = JOURNEY_SESSION_SERVER (object);

  journey_session_server_stop (self);
  g_clear_pointer (&self->streams, g_ptr_array_unref);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->map_json, g_free);
  g_clear_pointer (&self->touchpoints, g_hash_table_unref);
  g_clear_pointer (&self->tally, g_hash_table_unref);
  g_clear_pointer (&self->participants, g_hash_table_unref);
  g_clear_pointer (&self->addresses, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_error (&self->start_error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready);

  G_OBJECT_CLASS (journey_session_server_parent_class)->finalize (object);
}

static void
journey_session_server_class_init (JourneySessionServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = journey_session_server_finalize;
}

static void
journey_session_server_init (JourneySessionServer *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->ready);
  self->code = random_code ();
  self->map_json = g_strdup ("{}");
  self->touchpoints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->participants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, journey_participant_free);
  self->addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->changes = g_ptr_array_new_with_free_func (journey_session_change_free);
  self->streams = g_ptr_array_new ();
  self->scale_min = 1;
  self->scale_max = 5;
}

/* -- Public API ---------------------------------------------------------- */

JourneySessionServer *
journey_session_server_new (void)
{
  return g_object_new (JOURNEY_TYPE_SESSION_SERVER, NULL);
}

/**
 * journey_session_server_start:
 *
 * Starts listening on all interfaces on a random port, on a thread of its
 * own; returns once it listens, or could not.
 */
gboolean
journey_session_server_start (JourneySessionServer  *self,
                              GError               **error)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("journeys-session", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->running && self->start_error == NULL)
    g_cond_wait (&self->ready, &self->lock);
  g_mutex_unlock (&self->lock);

  if (self->start_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&self->start_error),
                                  _("Cannot start the session’s server: "));
      journey_session_server_stop (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * journey_session_server_stop:
 *
 * Stops listening at once and ends every connection.
 */
void
journey_session_server_stop (JourneySessionServer *self)
{
  g_return_if_fail (JOURNEY_IS_SESSION_SERVER (self));

  if (self->thread == NULL)
    return;
  g_main_loop_quit (self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_lock (&self->lock);
  self->running = FALSE;
  self->n_streams = 0;
  g_mutex_unlock (&self->lock);
}

gboolean
journey_session_server_is_running (JourneySessionServer *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), FALSE);

  return self->thread != NULL && self->running;
}

guint
journey_session_server_get_port (JourneySessionServer *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), 0);

  return self->port;
}

/**
 * journey_session_server_get_code:
 *
 * Returns: the join code: capitals and digits that cannot be mistaken for
 *   each other
 */
const char *
journey_session_server_get_code (JourneySessionServer *self)
{
  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), NULL);

  return self->code;
}

guint
journey_session_server_count_streams (JourneySessionServer *self)
{
  guint n;

  g_return_val_if_fail (JOURNEY_IS_SESSION_SERVER (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_streams;
  g_mutex_unlock (&self->lock);
  return n;
}
