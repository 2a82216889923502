/* test-session-controls.c: the facilitator's controls of a workshop
 * session (SPEC §10) against the running server on 127.0.0.1: the timer
 * (+1 min, pause), hiding and deleting a participant's comment, and the
 * page that a wrong address gets.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "journey-edit.h"
#include "journey-format.h"
#include "journey-session-test-utils.h"

/* The timer object of api/map. */
static JsonObject *
get_timer (Fixture    *f,
           JsonParser *parser)
{
  return json_object_get_object_member (get_map (f, parser), "timer");
}

static void
on_timer_ended (guint *count)
{
  (*count)++;
}

static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *url = g_strconcat (f->base, "api/events", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *timer;
  guint seconds = 0, ended = 0;
  gboolean paused = TRUE;
  gint64 end;

  g_signal_connect_swapped (f->session, "timer-ended", G_CALLBACK (on_timer_ended), &ended);
  stream = soup_session_send (f->client, msg, NULL, &error);
  g_assert_no_error (error);
  read_until (stream, seen, "event: map");
  g_assert_false (journey_session_get_timer (f->session, NULL, NULL));

  /* Ten minutes, running. */
  journey_session_start_timer (f->session, 600);
  g_assert_true (journey_session_get_timer (f->session, &seconds, &paused));
  g_assert_false (paused);
  g_assert_cmpuint (seconds, >=, 599);
  g_assert_cmpuint (seconds, <=, 600);
  read_until (stream, seen, "event: timer\ndata: {\"ends\":\"");
  timer = get_timer (f, parser);
  g_assert_false (json_object_get_boolean_member (timer, "paused"));
  g_assert_cmpint (json_object_get_int_member (timer, "remaining"), >=, 598);

  /* Paused: the pages show what is left, and no end. */
  journey_session_pause_timer (f->session, TRUE);
  g_assert_true (journey_session_get_timer (f->session, &seconds, &paused));
  g_assert_true (paused);
  read_until (stream, seen, "event: timer\ndata: {\"ends\":null,\"paused\":true,\"remaining\":");
  timer = get_timer (f, parser);
  g_assert_true (json_node_is_null (json_object_get_member (timer, "ends")));
  g_assert_true (json_object_get_boolean_member (timer, "paused"));
  g_assert_cmpint (json_object_get_int_member (timer, "remaining"), ==, seconds);

  /* +1 min while paused; it stays paused, then runs on from there. */
  journey_session_add_timer_minute (f->session);
  g_assert_true (journey_session_get_timer (f->session, &seconds, &paused));
  g_assert_true (paused);
  g_assert_cmpuint (seconds, >=, 659);
  g_assert_cmpuint (seconds, <=, 660);
  timer = get_timer (f, parser);
  g_assert_cmpint (json_object_get_int_member (timer, "remaining"), ==, seconds);
  journey_session_pause_timer (f->session, FALSE);
  read_until (stream, seen, "\"paused\":false,\"remaining\":6");
  timer = get_timer (f, parser);
  g_assert_false (json_node_is_null (json_object_get_member (timer, "ends")));
  g_assert_false (json_object_get_boolean_member (timer, "paused"));

  /* Never over an hour. */
  journey_session_start_timer (f->session, 3600);
  journey_session_add_timer_minute (f->session);
  journey_session_get_timer (f->session, &seconds, NULL);
  g_assert_cmpuint (seconds, <=, 3600);

  /* It runs out once, within a batch; +1 min then starts a minute. */
  journey_session_start_timer (f->session, 1);
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (ended == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ended, ==, 1);
  g_assert_true (journey_session_get_timer (f->session, &seconds, NULL));
  g_assert_cmpuint (seconds, ==, 0);
  journey_session_add_timer_minute (f->session);
  journey_session_get_timer (f->session, &seconds, &paused);
  g_assert_cmpuint (seconds, >=, 59);
  g_assert_false (paused);

  /* Stopped: no timer on the pages. */
  journey_session_start_timer (f->session, 0);
  g_assert_false (journey_session_get_timer (f->session, NULL, NULL));
  read_until (stream, seen, "event: timer\ndata: {\"ends\":null,\"paused\":false,\"remaining\":0}");
  g_assert_cmpuint (ended, ==, 1);
  g_signal_handlers_disconnect_by_data (f->session, &ended);
}

/* The comments of touchpoint @id in api/map, joined by "|". */
static char *
page_comments (Fixture    *f,
               const char *id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *touchpoints = json_object_get_array_member (get_map (f, parser), "touchpoints");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (touchpoints); i++)
    {
      JsonObject *tp = json_array_get_object_element (touchpoints, i);
      JsonArray *comments = json_object_get_array_member (tp, "comments");

      if (g_strcmp0 (json_object_get_string_member (tp, "id"), id) != 0)
        continue;
      for (guint k = 0; k < json_array_get_length (comments); k++)
        {
          JsonObject *comment = json_array_get_object_element (comments, k);

          g_string_append_printf (text, "%s%s (%s, %s)", k ? "|" : "",
                                  json_object_get_string_member (comment, "text"),
                                  json_object_get_string_member (comment, "author"),
                                  json_object_get_string_member (comment, "role"));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Lets the session publish the map as it changed. */
static void
publish (void)
{
  gint64 end = g_get_monotonic_time () + 3 * JOURNEY_SESSION_BATCH_MS * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_hide_and_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *ana = join (f, "{\"name\": \"Ana\", \"role\": \"design\"}");
  g_autofree char *bo = join (f, "{\"role\": \"support\"}");
  JourneyTouchpoint *desk = journey_map_find_touchpoint (f->map, "desk");
  g_autofree char *before = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *saved = NULL;
  JourneyComment *rude, *kind;

  g_assert_cmpuint (api (f, "POST", "comment", ana, "{\"touchpoint\": \"desk\", \"text\": \"Rude\"}"), ==, 204);
  g_assert_cmpuint (api (f, "POST", "comment", bo, "{\"touchpoint\": \"desk\", \"text\": \"Slow queue\"}"), ==, 204);
  journey_session_apply_pending (f->session);
  publish ();
  before = page_comments (f, "desk");
  g_assert_cmpstr (before, ==, "Rude (Ana, Design)|Slow queue (Participant 2, Support)");
  rude = journey_list_peek (desk->comments, 0);
  kind = journey_list_peek (desk->comments, 1);

  /* Hidden: kept in the document, saved as such, gone from the pages;
   * the facilitator's own step. */
  g_assert_true (journey_edit_hide_comment (f->history, desk, rude, TRUE));
  g_assert_false (journey_edit_hide_comment (f->history, desk, rude, TRUE));
  g_assert_true (rude->hidden);
  g_assert_cmpuint (journey_list_get_length (desk->comments), ==, 2);
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Hide a Comment on “Checks in”");
  saved = journey_format_write_data (f->project, NULL);
  g_assert_nonnull (strstr (saved, "\"text\": \"Rude\""));
  g_assert_nonnull (strstr (saved, "\"hidden\": true"));
  publish ();
  hidden = page_comments (f, "desk");
  g_assert_cmpstr (hidden, ==, "Slow queue (Participant 2, Support)");

  /* A comment that arrives meanwhile does not disturb the undo. */
  g_assert_cmpuint (api (f, "POST", "comment", bo, "{\"touchpoint\": \"desk\", \"text\": \"Later\"}"), ==, 204);
  journey_session_apply_pending (f->session);
  g_assert_true (journey_history_undo (f->history));
  g_assert_false (rude->hidden);
  publish ();
  undone = page_comments (f, "desk");
  g_assert_cmpstr (undone, ==, "Rude (Ana, Design)|Slow queue (Participant 2, Support)|Later (Participant 2, Support)");
  g_assert_true (journey_history_redo (f->history));
  g_assert_true (rude->hidden);

  /* Deleted: gone from the document; undo brings it back in its place. */
  g_assert_true (journey_edit_delete_comment (f->history, desk, kind));
  g_assert_cmpuint (journey_list_get_length (desk->comments), ==, 2);
  g_assert_false (journey_list_find (desk->comments, kind, NULL));
  g_assert_cmpstr (journey_history_get_undo_label (f->history), ==, "Delete a Comment on “Checks in”");
  g_assert_false (journey_edit_delete_comment (f->history, desk, kind));
  publish ();
  deleted = page_comments (f, "desk");
  g_assert_cmpstr (deleted, ==, "Later (Participant 2, Support)");
  g_assert_true (journey_history_undo (f->history));
  g_assert_true (journey_list_peek (desk->comments, 1) == kind);
}

/* A wrong or ended address: a page for a browser, in its language; JSON
 * for the API's clients. */
static void
test_wrong_address (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *wrong = g_strdup_printf ("%s/s/QQQQQQ/", f->root);
  g_autofree char *wrong_api = g_strdup_printf ("%s/s/QQQQQQ/api/map", f->root);
  const char *accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  struct { const char *url; const char *accept; const char *language; const char *type; const char *text; } cases[] = {
    { wrong, accept, NULL, "text/html", "This workshop session has ended or the address is wrong" },
    { wrong, accept, "de-DE,de;q=0.9", "text/html", "Diese Workshop-Sitzung ist beendet oder die Adresse ist falsch" },
    { wrong_api, accept, NULL, "text/html", "href=\"/\"" },
    { wrong, NULL, NULL, "application/json", "{\"error\":\"not found\"}" },
    { wrong_api, "application/json", NULL, "application/json", "{\"error\":\"not found\"}" },
    { wrong, "*/*", NULL, "application/json", "{\"error\":\"not found\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", cases[i].url);
      SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
      g_autoptr(GBytes) body = NULL;
      g_autofree char *text = NULL;

      if (cases[i].accept)
        soup_message_headers_replace (headers, "Accept", cases[i].accept);
      if (cases[i].language)
        soup_message_headers_replace (headers, "Accept-Language", cases[i].language);
      body = soup_session_send_and_read (f->client, msg, NULL, NULL);
      text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      g_test_message ("case %u: %s", i, text);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 404);
      g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                       ==, cases[i].type);
      g_assert_nonnull (strstr (text, cases[i].text));
      g_assert_null (strstr (text, "@"));
      g_assert_nonnull (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                      "Content-Security-Policy"));
    }
  /* The session itself is unchanged. */
  g_assert_cmpuint (journey_session_server_count_role (journey_session_get_server (f->session), NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("JOURNEYS_LOCALEDIR", JOURNEYS_BUILD_LOCALEDIR, TRUE);

#define ADD(path, func) \
  g_test_add ("/session-controls/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("timer", test_timer);
  ADD ("hide-and-delete", test_hide_and_delete);
  ADD ("wrong-address", test_wrong_address);
#undef ADD

  return g_test_run ();
}
