/* journey-session-test-utils.h: a running workshop session on
 * 127.0.0.1 and its API, for the tests of the session.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <string.h>

#include "journey-session.h"
#include "journey-test-utils.h"

typedef struct
{
  JourneyProject *project;
  JourneyHistory *history;
  JourneyMap     *map;
  JourneySession *session;
  SoupSession    *client;
  char           *base;     /* http://127.0.0.1:PORT/s/CODE/ */
  char           *root;     /* http://127.0.0.1:PORT */
} Fixture;

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  JourneySessionServer *server;
  g_autoptr(GError) error = NULL;

  f->project = test_load_string (TEST_PROJECT);
  f->history = journey_history_new ();
  f->map = test_first_map (f->project);
  f->session = journey_session_new (f->history, f->map);
  g_assert_true (journey_session_start (f->session, &error));
  g_assert_no_error (error);
  server = journey_session_get_server (f->session);
  f->root = g_strdup_printf ("http://127.0.0.1:%u", journey_session_server_get_port (server));
  f->base = g_strdup_printf ("%s/s/%s/", f->root, journey_session_server_get_code (server));
  f->client = soup_session_new ();
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  journey_session_stop (f->session);
  g_assert_finalize_object (f->session);
  g_clear_object (&f->client);
  g_clear_object (&f->history);
  g_clear_object (&f->project);
  g_free (f->base);
  g_free (f->root);
}

/* Sends a request; returns its status, and its body in @body. */
static inline guint
call (Fixture     *f,
      const char  *method,
      const char  *url,
      const char  *token,
      const char  *json,
      GBytes     **body)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  if (token != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Participant", token);
  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = soup_session_send_and_read (f->client, msg, NULL, &error);
  g_assert_no_error (error);
  if (body != NULL)
    *body = g_steal_pointer (&answer);
  return soup_message_get_status (msg);
}

static inline guint
api (Fixture    *f,
     const char *method,
     const char *route,
     const char *token,
     const char *json)
{
  g_autofree char *url = g_strconcat (f->base, "api/", route, NULL);

  return call (f, method, url, token, json, NULL);
}

static inline char *
join (Fixture    *f,
      const char *json)
{
  g_autofree char *url = g_strconcat (f->base, "api/join", NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_cmpuint (call (f, "POST", url, NULL, json, &body), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (object, "participant"));
  return g_strdup (json_object_get_string_member (object, "participant"));
}

static inline JsonObject *
get_map (Fixture    *f,
         JsonParser *parser)
{
  g_autofree char *url = g_strconcat (f->base, "api/map", NULL);
  g_autoptr(GBytes) body = NULL;

  g_assert_cmpuint (call (f, "GET", url, NULL, NULL, &body), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

/* Reads the stream until @needle arrived, letting the session's batches
 * run in between. */
static inline void
read_until (GInputStream *stream,
            GString      *seen,
            const char   *needle)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (strstr (seen->str, needle) == NULL)
    {
      char buffer[4096];
      g_autoptr(GError) error = NULL;
      gssize n;

      g_assert_cmpint (g_get_monotonic_time (), <, end);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (stream), buffer, sizeof buffer,
                                                    NULL, &error);
      if (n > 0)
        g_string_append_len (seen, buffer, n);
      else
        g_usleep (10000);
    }
}

