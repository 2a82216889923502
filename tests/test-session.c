/* test-session.c: the workshop session's HTTP API (SPEC §10), against the
 * running server on 127.0.0.1: every call and every error code.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "journey-edit.h"
#include "journey-session-qr.h"
#include "journey-session-test-utils.h"

/* Sends @request over a plain socket; returns the answer's first line. */
static char *
raw (Fixture    *f,
     const char *request)
{
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  JourneySessionServer *server = journey_session_get_server (f->session);

  connection = g_socket_client_connect_to_host (socket_client, "127.0.0.1",
                                                journey_session_server_get_port (server), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  return g_strchomp (g_data_input_stream_read_line (in, NULL, NULL, &error));
}

/* -- Tests --------------------------------------------------------------- */

static void
test_code_and_pages (Fixture       *f,
                     gconstpointer  data)
{
  JourneySessionServer *server = journey_session_get_server (f->session);
  const char *code = journey_session_server_get_code (server);
  g_autofree char *url = journey_session_get_url (f->session);
  g_autofree char *lower = g_ascii_strdown (f->base, -1);
  g_autofree char *wrong = g_strdup_printf ("%s/s/QQQQQQ/", f->root);
  g_autofree char *js = g_strconcat (f->base, "page.js", NULL);
  g_autofree char *escape = g_strconcat (f->base, "%2e%2e/%2e%2e/etc/passwd", NULL);
  g_autofree char *folder = g_strconcat (f->base, "api/", NULL);
  g_autoptr(GBytes) page = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) ignored = NULL;
  const char *csp;

  g_assert_cmpuint (strlen (code), >=, 6);
  for (const char *p = code; *p; p++)
    g_assert_nonnull (strchr ("ACDEFGHJKMNPQRTUVWXY34679", *p));
  g_assert_true (g_str_has_prefix (url, "http://"));
  g_assert_true (g_str_has_suffix (url, data ? "" : "/"));

  g_assert_cmpuint (call (f, "GET", f->root, NULL, NULL, &page), ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page), "name=\"code\""));
  g_clear_pointer (&page, g_bytes_unref);

  msg = soup_message_new ("GET", f->base);
  page = soup_session_send_and_read (f->client, msg, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  csp = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Content-Security-Policy");
  g_assert_nonnull (csp);
  g_assert_nonnull (strstr (csp, "default-src 'none'"));
  g_assert_nonnull (strstr (csp, "script-src 'self'"));
  g_assert_null (strstr (csp, "unsafe"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page), "src=\"page.js\""));
  g_assert_null (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page), "http"));

  /* The code is read case-insensitively; a wrong one is not found. */
  g_assert_cmpuint (call (f, "GET", lower, NULL, NULL, NULL), ==, 200);
  g_assert_cmpuint (call (f, "GET", wrong, NULL, NULL, NULL), ==, 404);
  g_assert_cmpuint (call (f, "GET", js, NULL, NULL, &ignored), ==, 200);
  g_assert_cmpuint (call (f, "GET", escape, NULL, NULL, NULL), ==, 404);
  g_assert_cmpuint (call (f, "GET", folder, NULL, NULL, NULL), ==, 404);
  g_assert_cmpuint (api (f, "POST", "map", NULL, "{}"), ==, 405);
  g_assert_cmpuint (api (f, "GET", "nothing", NULL, NULL), ==, 404);

  /* Only the page's own files exist: nothing of the file system. */
  {
    g_autofree char *line = raw (f, "GET /s/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
    g_autofree char *line2 = NULL;
    g_autofree char *request = g_strdup_printf ("GET /s/%s/../index.html HTTP/1.1\r\nHost: x\r\n\r\n", code);

    g_assert_true (g_str_has_prefix (line, "HTTP/1.1 4"));
    line2 = raw (f, request);
    g_assert_true (g_str_has_prefix (line2, "HTTP/1.1 4"));
  }
}

static void
test_map (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *map = get_map (f, parser);
  JsonArray *touchpoints = json_object_get_array_member (map, "touchpoints");
  JsonObject *first = json_array_get_object_element (touchpoints, 0);
  JsonObject *scale = json_object_get_object_member (map, "scale");

  g_assert_cmpstr (json_object_get_string_member (map, "title"), ==, "Weekend stay");
  g_assert_cmpint (json_object_get_int_member (scale, "min"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (scale, "max"), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (scale, "labels")), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (map, "stages")), ==, 2);
  g_assert_cmpuint (json_array_get_length (touchpoints), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "site");
  g_assert_cmpstr (json_object_get_string_member (first, "stage"), ==, "book");
  g_assert_cmpint (json_object_get_int_member (first, "number"), ==, 1);
  g_assert_true (json_object_get_boolean_member (first, "on_curve"));
  g_assert_cmpfloat (json_object_get_double_member (first, "satisfaction"), ==, 4.0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (touchpoints, 2), "id"), ==, "invoice");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (touchpoints, 2), "on_curve"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (map, "voting"), "open"));
  g_assert_true (json_object_has_member (json_object_get_object_member (map, "timer"), "ends"));
  g_assert_false (json_object_get_boolean_member (map, "paused"));
}

static void
test_join (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *token = join (f, "{\"name\": \"Ana\", \"role\": \"design\"}");
  g_autofree char *anonymous = join (f, "{\"role\": \"customer\"}");
  g_autofree char *long_name = g_strdup_printf ("{\"name\": \"%061d\", \"role\": \"design\"}", 0);
  JourneySessionServer *server = journey_session_get_server (f->session);

  g_assert_cmpuint (strlen (token), >=, 32);
  g_assert_cmpstr (token, !=, anonymous);
  g_assert_cmpuint (journey_session_server_count_role (server, "design"), ==, 1);
  g_assert_cmpuint (journey_session_server_count_role (server, NULL), ==, 2);

  g_assert_cmpuint (api (f, "POST", "join", NULL, "{\"role\": \"boss\"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "join", NULL, "{\"name\": \"Ana\"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "join", NULL, long_name), ==, 400);
  g_assert_cmpuint (api (f, "POST", "join", NULL, "{\"name\": \"A\\u0007\", \"role\": \"design\"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "join", NULL, "{\"name\": 3, \"role\": \"design\"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "join", NULL, "[1, 2]"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "join", NULL, "{\"role\": "), ==, 400);
  g_assert_cmpuint (api (f, "POST", "join", NULL, NULL), ==, 400);
  g_assert_cmpuint (journey_session_server_count_role (server, NULL), ==, 2);
}

static void
test_rate (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *ana = join (f, "{\"name\": \"Ana\", \"role\": \"design\"}");
  g_autofree char *bo = join (f, "{\"role\": \"support\"}");
  JourneyTouchpoint *site = journey_map_find_touchpoint (f->map, "site");
  const char *rate4 = "{\"touchpoint\": \"site\", \"score\": 4}";

  g_assert_cmpuint (api (f, "POST", "rate", NULL, rate4), ==, 401);
  g_assert_cmpuint (api (f, "POST", "rate", "0123456789abcdef0123456789abcdef", rate4), ==, 401);
  g_assert_cmpuint (api (f, "POST", "rate", ana, "{\"touchpoint\": \"nowhere\", \"score\": 4}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "rate", ana, "{\"touchpoint\": \"site\", \"score\": 2.5}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "rate", ana, "{\"touchpoint\": \"site\", \"score\": 6}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "rate", ana, "{\"touchpoint\": \"site\", \"score\": \"4\"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "rate", ana, "{\"touchpoint\": \"site\"}"), ==, 400);
  g_assert_cmpuint (journey_session_apply_pending (f->session), ==, 2); /* the joins */
  g_assert_null (site->room);

  g_assert_cmpuint (api (f, "POST", "rate", ana, rate4), ==, 204);
  g_assert_cmpuint (api (f, "POST", "rate", bo, "{\"touchpoint\": \"site\", \"score\": 2}"), ==, 204);
  journey_session_apply_pending (f->session);
  g_assert_nonnull (site->room);
  g_assert_cmpint (site->room->responses, ==, 2);
  g_assert_cmpfloat (site->room->mean, ==, 3.0);
  g_assert_cmpint (g_array_index (site->room->histogram, int, 1), ==, 1);
  g_assert_cmpint (g_array_index (site->room->histogram, int, 3), ==, 1);
  /* The room's rating is not the hypothesis, nor evidence. */
  g_assert_cmpfloat (site->satisfaction, ==, 4.0);
  g_assert_null (site->evidence);

  /* A later rating replaces the earlier one. */
  g_assert_cmpuint (api (f, "POST", "rate", ana, "{\"touchpoint\": \"site\", \"score\": 5}"), ==, 204);
  journey_session_apply_pending (f->session);
  g_assert_cmpint (site->room->responses, ==, 2);
  g_assert_cmpfloat (site->room->mean, ==, 3.5);
  g_assert_cmpfloat_with_epsilon (journey_room_get_spread (site->room, f->map->scale), 1.5, 1e-9);

  /* Not the facilitator's to undo, but a change to save. */
  g_assert_false (journey_history_can_undo (f->history));
  g_assert_true (journey_history_is_dirty (f->history));

  /* Paused: writes wait. */
  journey_session_set_paused (f->session, TRUE);
  g_assert_cmpuint (api (f, "POST", "rate", ana, rate4), ==, 409);
  journey_session_set_paused (f->session, FALSE);
  g_assert_cmpuint (api (f, "POST", "rate", ana, rate4), ==, 204);
}

static void
test_vote (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *ana = join (f, "{\"name\": \"Ana\", \"role\": \"design\"}");
  g_autofree char *bo = join (f, "{\"role\": \"support\"}");
  JourneyTouchpoint *site = journey_map_find_touchpoint (f->map, "site");
  JourneyTouchpoint *desk = journey_map_find_touchpoint (f->map, "desk");
  const char *vote_site = "{\"touchpoint\": \"site\"}";
  const char *vote_desk = "{\"touchpoint\": \"desk\"}";
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpuint (api (f, "POST", "vote", ana, vote_site), ==, 409);
  g_assert_cmpuint (api (f, "POST", "vote", NULL, vote_site), ==, 401);

  journey_session_open_round (f->session, 2, TRUE, TRUE);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (get_map (f, parser), "voting"), "open"));
  g_assert_cmpuint (api (f, "POST", "vote", ana, "{\"touchpoint\": \"nowhere\"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "vote", ana, vote_site), ==, 204);
  g_assert_cmpuint (api (f, "POST", "vote", ana, vote_site), ==, 409); /* one per card */
  g_assert_cmpuint (api (f, "POST", "vote", ana, vote_desk), ==, 204);
  g_assert_cmpuint (api (f, "POST", "vote", ana, "{\"touchpoint\": \"invoice\"}"), ==, 409); /* none left */
  g_assert_cmpuint (api (f, "DELETE", "vote", ana, vote_desk), ==, 204); /* taken back */
  g_assert_cmpuint (api (f, "DELETE", "vote", ana, vote_desk), ==, 409);
  g_assert_cmpuint (api (f, "POST", "vote", bo, vote_site), ==, 204);

  /* Hidden until the round closes: counted, shown nowhere. */
  journey_session_apply_pending (f->session);
  g_assert_cmpint (site->votes, ==, 0);
  g_assert_null (journey_session_server_get_tally (journey_session_get_server (f->session)));

  journey_session_close_round (f->session);
  g_assert_cmpint (site->votes, ==, 2);
  g_assert_cmpint (desk->votes, ==, 0);
  g_assert_cmpuint (api (f, "POST", "vote", ana, vote_site), ==, 409);
  g_assert_false (journey_history_can_undo (f->history));

  /* The facilitator's own vote edit stays exact around them. */
  g_assert_true (journey_edit_vote (f->history, desk, 1));
  journey_session_open_round (f->session, 3, FALSE, FALSE);
  g_assert_cmpuint (api (f, "POST", "vote", ana, vote_desk), ==, 204);
  g_assert_cmpuint (api (f, "POST", "vote", ana, vote_desk), ==, 204);
  journey_session_close_round (f->session);
  g_assert_cmpint (desk->votes, ==, 3);
  g_assert_true (journey_history_undo (f->history));
  g_assert_cmpint (desk->votes, ==, 2);
}

static void
test_comment (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *ana = join (f, "{\"name\": \"Ana\", \"role\": \"design\"}");
  g_autofree char *anonymous = join (f, "{\"role\": \"business\"}");
  g_autofree char *too_long = g_strdup_printf ("{\"touchpoint\": \"desk\", \"text\": \"%02001d\"}", 0);
  g_autofree char *longest = g_strdup_printf ("{\"touchpoint\": \"desk\", \"text\": \"%02000d\"}", 0);
  JourneyTouchpoint *desk = journey_map_find_touchpoint (f->map, "desk");
  JourneyComment *comment;

  g_assert_cmpuint (api (f, "POST", "comment", NULL, "{\"touchpoint\": \"desk\", \"text\": \"Hi\"}"), ==, 401);
  g_assert_cmpuint (api (f, "POST", "comment", ana, "{\"touchpoint\": \"desk\", \"text\": \"  \"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "comment", ana, "{\"touchpoint\": \"nowhere\", \"text\": \"Hi\"}"), ==, 400);
  g_assert_cmpuint (api (f, "POST", "comment", ana, too_long), ==, 400);
  g_assert_cmpuint (api (f, "POST", "comment", ana, longest), ==, 204);
  g_assert_cmpuint (api (f, "POST", "comment", ana,
                         "{\"touchpoint\": \"desk\", \"text\": \"<img src=x onerror=alert(1)>\"}"), ==, 204);
  g_assert_cmpuint (api (f, "POST", "comment", anonymous, "{\"touchpoint\": \"desk\", \"text\": \"Slow\\nqueue\"}"), ==, 204);
  journey_session_apply_pending (f->session);

  g_assert_cmpuint (journey_list_get_length (desk->comments), ==, 3);
  comment = journey_list_peek (desk->comments, 1);
  g_assert_cmpstr (comment->text, ==, "<img src=x onerror=alert(1)>");
  g_assert_cmpstr (comment->author, ==, "Ana");
  g_assert_cmpstr (comment->role, ==, "Design");
  g_assert_nonnull (comment->created);
  comment = journey_list_peek (desk->comments, 2);
  g_assert_cmpstr (comment->author, ==, "Participant 2");
  g_assert_cmpstr (comment->text, ==, "Slow\nqueue");
  g_assert_false (journey_history_can_undo (f->history));
}

static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *ana = join (f, "{\"name\": \"Ana\", \"role\": \"design\"}");
  g_autofree char *just_over = NULL;
  JourneySessionServer *server = journey_session_get_server (f->session);
  const char *code = journey_session_server_get_code (server);
  g_autofree char *huge = g_strdup_printf ("POST /s/%s/api/comment HTTP/1.1\r\nHost: x\r\nX-Participant: %s\r\n"
                                           "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n",
                                           code, ana);
  g_autofree char *chunked = g_strdup_printf ("POST /s/%s/api/comment HTTP/1.1\r\nHost: x\r\nX-Participant: %s\r\n"
                                              "Transfer-Encoding: chunked\r\n\r\n", code, ana);
  g_autofree char *line = NULL;
  guint refused = 0;

  /* Refused from its Content-Length: the gigabyte is never sent. */
  just_over = g_strdup_printf ("POST /s/%s/api/comment HTTP/1.1\r\nHost: x\r\nX-Participant: %s\r\n"
                               "Content-Length: %d\r\n\r\n", code, ana, JOURNEY_SESSION_MAX_BODY + 1);
  line = raw (f, just_over);
  g_assert_cmpstr (line, ==, "HTTP/1.1 413 Request Entity Too Large");
  g_clear_pointer (&line, g_free);
  g_test_message ("huge");
  line = raw (f, huge);
  g_assert_cmpstr (line, ==, "HTTP/1.1 413 Request Entity Too Large");
  g_clear_pointer (&line, g_free);
  g_test_message ("chunked");
  line = raw (f, chunked);
  g_assert_true (g_str_has_prefix (line, "HTTP/1.1 411"));

  /* More than 20 a second from one participant: 429 for 5 seconds. */
  for (guint i = 0; i < 30; i++)
    if (api (f, "POST", "rate", ana, "{\"touchpoint\": \"site\", \"score\": 3}") == 429)
      refused++;
  g_assert_cmpuint (refused, >=, 5);
  g_assert_cmpuint (api (f, "GET", "map", ana, NULL), ==, 429);

  /* And from one address without a participant, joins included. */
  refused = 0;
  for (guint i = 0; i < 30; i++)
    if (api (f, "POST", "join", NULL, "{\"role\": \"other\"}") == 429)
      refused++;
  g_assert_cmpuint (refused, >=, 5);
  g_assert_cmpuint (api (f, "GET", "map", NULL, NULL), ==, 429);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->base, "api/events", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  JourneySessionServer *server = journey_session_get_server (f->session);

  stream = soup_session_send (f->client, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                   ==, "text/event-stream");
  g_assert_true (G_IS_POLLABLE_INPUT_STREAM (stream));
  read_until (stream, seen, "\"title\":\"Weekend stay\"");
  g_assert_true (g_str_has_prefix (seen->str, "retry: 2000\nevent: map\ndata: {"));
  g_assert_cmpuint (journey_session_server_count_streams (server), ==, 1);

  /* The facilitator's change reaches the page within a batch. */
  journey_history_set (f->history, f->map, "title", "Long weekend", NULL);
  read_until (stream, seen, "\"title\":\"Long weekend\"");

  journey_session_open_round (f->session, 3, FALSE, TRUE);
  read_until (stream, seen, "event: voting\ndata: {\"open\":true,\"votes_per_person\":3");
  journey_session_start_timer (f->session, 300);
  read_until (stream, seen, "event: timer\ndata: {\"ends\":\"");
  journey_session_set_paused (f->session, TRUE);
  read_until (stream, seen, "event: paused\ndata: {\"paused\":true}");

  /* Stopping ends the stream and the listening. */
  journey_session_stop (f->session);
  g_assert_cmpuint (journey_session_server_count_streams (server), ==, 0);
  g_assert_false (journey_session_server_is_running (server));
  {
    g_autoptr(SoupMessage) after = soup_message_new ("GET", f->base);
    g_autoptr(GBytes) body = soup_session_send_and_read (f->client, after, NULL, &error);

    g_assert_nonnull (error);
  }
}

/* A rating that comes in during a drag is not part of it. */
static void
test_during_drag (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *ana = join (f, "{\"role\": \"design\"}");
  JourneyTouchpoint *site = journey_map_find_touchpoint (f->map, "site");

  journey_history_begin_group (f->history, "Drag");
  g_assert_true (journey_edit_set_satisfaction (f->history, f->map, site, 2.0, NULL));
  g_assert_cmpuint (api (f, "POST", "rate", ana, "{\"touchpoint\": \"site\", \"score\": 5}"), ==, 204);
  g_assert_cmpuint (api (f, "POST", "comment", ana, "{\"touchpoint\": \"site\", \"text\": \"Nice\"}"), ==, 204);
  journey_session_apply_pending (f->session);
  journey_history_abort_group (f->history);

  g_assert_cmpfloat (site->satisfaction, ==, 4.0);
  g_assert_nonnull (site->room);
  g_assert_cmpint (site->room->responses, ==, 1);
  g_assert_cmpuint (journey_list_get_length (site->comments), ==, 1);
  g_assert_false (journey_history_undo (f->history));
}

/* journeys --session FILE: one line once listening, flushed; what
 * participants send is saved into FILE; SIGTERM ends it. */
static void
test_cli (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  const char *argv[] = { g_getenv ("JOURNEYS_BIN"), "--session", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *host = NULL;
  g_autoptr(SoupSession) client = soup_session_new ();
  g_autoptr(GRegex) regex = g_regex_new ("^Participants join at http://([0-9.]+):([0-9]+)/s/([A-Z0-9]{6,})/$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_true (g_file_set_contents (path, TEST_PROJECT, -1, &error));
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (regex, line, 0, &match));

  {
    g_autofree char *port = g_match_info_fetch (match, 2);
    g_autofree char *code = g_match_info_fetch (match, 3);
    g_autofree char *join_url = g_strdup_printf ("http://127.0.0.1:%s/s/%s/api/join", port, code);
    g_autofree char *comment_url = g_strdup_printf ("http://127.0.0.1:%s/s/%s/api/comment", port, code);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", join_url);
    g_autoptr(GBytes) join_body = g_bytes_new_static ("{\"role\":\"support\"}", 18);
    g_autoptr(GBytes) answer = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(SoupMessage) comment = soup_message_new ("POST", comment_url);
    g_autoptr(GBytes) comment_body = g_bytes_new_static ("{\"touchpoint\":\"desk\",\"text\":\"Queue\"}", 36);
    g_autoptr(GBytes) ignored = NULL;

    soup_message_set_request_body_from_bytes (msg, "application/json", join_body);
    answer = soup_session_send_and_read (client, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL));
    soup_message_headers_replace (soup_message_get_request_headers (comment), "X-Participant",
                                  json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                                 "participant"));
    soup_message_set_request_body_from_bytes (comment, "application/json", comment_body);
    ignored = soup_session_send_and_read (client, comment, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (comment), ==, 204);
  }

  /* The client's connections close first, as phones leave. */
  g_clear_object (&client);
  g_usleep (200000);
  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_nonnull (strstr (saved, "\"text\": \"Queue\""));
  g_assert_nonnull (strstr (saved, "\"author\": \"Participant 1\""));
  test_tmpdir_remove (dir);
}

/* The page speaks the browser's language where the app has it. */
static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", f->base);
  g_autoptr(SoupMessage) join_page = soup_message_new ("GET", f->root);
  g_autoptr(SoupMessage) english = soup_message_new ("GET", f->base);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) join_body = NULL;
  g_autoptr(GBytes) english_body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *join_text = NULL;
  g_autofree char *english_text = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Language",
                                "fr-CH, fr;q=0.9, de-DE;q=0.8, en;q=0.5");
  body = soup_session_send_and_read (f->client, msg, NULL, NULL);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_assert_nonnull (strstr (text, "<html lang=\"de\">"));
  g_assert_nonnull (strstr (text, "\"Join the workshop\":\"Dem Workshop beitreten\""));

  soup_message_headers_replace (soup_message_get_request_headers (join_page), "Accept-Language", "de");
  join_body = soup_session_send_and_read (f->client, join_page, NULL, NULL);
  join_text = g_strndup (g_bytes_get_data (join_body, NULL), g_bytes_get_size (join_body));
  g_assert_nonnull (strstr (join_text, "Geben Sie den Beitrittscode ein"));
  g_assert_null (strstr (join_text, "@"));

  soup_message_headers_replace (soup_message_get_request_headers (english), "Accept-Language", "ja, <x>");
  english_body = soup_session_send_and_read (f->client, english, NULL, NULL);
  english_text = g_strndup (g_bytes_get_data (english_body, NULL), g_bytes_get_size (english_body));
  g_assert_nonnull (strstr (english_text, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (english_text, "\"Join the workshop\":\"Join the workshop\""));
}

/* The QR code of the address: a version that holds it, the three finder
 * patterns where a reader looks for them. */
static void
test_qr (void)
{
  const char *url = "http://192.168.178.21:43125/s/ACDEF3/";
  g_autoptr(GBytes) modules = NULL;
  const guint8 *m;
  guint width = 0;

  modules = journey_session_qr_new (url, &width);
  g_assert_nonnull (modules);
  g_assert_cmpuint (width, >=, 21);
  g_assert_cmpuint ((width - 21) % 4, ==, 0);
  g_assert_cmpuint (g_bytes_get_size (modules), ==, width * width);
  m = g_bytes_get_data (modules, NULL);

  for (guint corner = 0; corner < 3; corner++)
    {
      guint x0 = corner == 1 ? width - 7 : 0;
      guint y0 = corner == 2 ? width - 7 : 0;

      for (guint y = 0; y < 7; y++)
        for (guint x = 0; x < 7; x++)
          {
            gboolean ring = x == 0 || y == 0 || x == 6 || y == 6;
            gboolean centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;

            g_assert_cmpuint (m[(y0 + y) * width + x0 + x], ==, ring || centre ? 1 : 0);
          }
    }
  /* Timing pattern: alternating modules on row 6 between the finders. */
  for (guint x = 8; x < width - 8; x++)
    g_assert_cmpuint (m[6 * width + x], ==, x % 2 == 0 ? 1 : 0);
}

/* The room's rating: adopted as the satisfaction and cleared, each one
 * undo step of the facilitator's; the room disagrees from a fifth of the
 * scale. */
static void
test_adopt_and_clear (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  JourneyTouchpoint *site = journey_map_find_touchpoint (map, "site");
  JourneyTouchpoint *desk = journey_map_find_touchpoint (map, "desk");
  JourneyTouchpoint *both[] = { site, desk };
  g_autoptr(GArray) agree = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GArray) split = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(JourneyRoom) calm = NULL;
  g_autoptr(JourneyRoom) torn = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_array_set_size (agree, 5);
  g_array_set_size (split, 5);
  g_array_index (agree, int, 1) = 3;              /* 2, 2, 2 */
  g_array_index (split, int, 0) = 1;              /* 1 and 5 */
  g_array_index (split, int, 4) = 1;
  calm = journey_room_new_from_histogram (map->scale, agree);
  torn = journey_room_new_from_histogram (map->scale, split);
  g_assert_false (journey_room_disagrees (calm, map->scale));
  g_assert_true (journey_room_disagrees (torn, map->scale));
  g_assert_cmpfloat (torn->mean, ==, 3.0);

  g_value_init (&value, JOURNEY_TYPE_ROOM);
  g_value_set_object (&value, calm);
  journey_history_set_outside (history, site, "room", &value);
  g_value_set_object (&value, torn);
  journey_history_set_outside (history, desk, "room", &value);
  g_assert_false (journey_history_can_undo (history));

  g_assert_true (journey_edit_adopt_room (history, map, both, 2));
  g_assert_cmpfloat (site->satisfaction, ==, 2.0);
  g_assert_cmpfloat (desk->satisfaction, ==, 3.0);
  g_assert_cmpuint (journey_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Adopt the Room’s Rating");
  g_assert_false (journey_edit_adopt_room (history, map, both, 2));

  g_assert_true (journey_edit_clear_room (history, map));
  g_assert_null (site->room);
  g_assert_null (desk->room);
  g_assert_true (journey_history_undo (history));
  g_assert_true (site->room == calm);
  g_assert_true (journey_history_undo (history));
  g_assert_cmpfloat (site->satisfaction, ==, 4.0);
  g_assert_cmpfloat (desk->satisfaction, ==, 2.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("JOURNEYS_LOCALEDIR", JOURNEYS_BUILD_LOCALEDIR, TRUE);

#define ADD(path, func) \
  g_test_add ("/session/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("code-and-pages", test_code_and_pages);
  ADD ("map", test_map);
  ADD ("join", test_join);
  ADD ("rate", test_rate);
  ADD ("vote", test_vote);
  ADD ("comment", test_comment);
  ADD ("limits", test_limits);
  ADD ("events", test_events);
  ADD ("during-drag", test_during_drag);
  ADD ("language", test_language);
#undef ADD
  g_test_add_func ("/session/cli", test_cli);
  g_test_add_func ("/session/qr", test_qr);
  g_test_add_func ("/session/adopt-and-clear", test_adopt_and_clear);

  return g_test_run ();
}
