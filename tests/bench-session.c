/* bench-session.c: a room of 200 participants on one session (SPEC §10).
 *
 * Each participant has an address of its own on loopback (127.0.1.N, as
 * phones on a LAN do); they join within ten seconds, then each sends 10
 * ratings and 3 votes at once.  The server runs on its thread, the
 * session's batches on this thread's main loop, whose longest stretch
 * between two polls is measured.  Prints:
 *
 *   session participants=200 requests=… p50_ms=… p99_ms=… lost=0 main_loop_max_block_ms=…
 *
 * Targets: nothing lost, p99 under 100 ms, the main loop never blocked
 * over 50 ms.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "journey-format.h"
#include "journey-session.h"

#define PARTICIPANTS  200
#define RATINGS       10
#define VOTES         3
#define JOIN_SECONDS  10
#define TICK_MS       5

typedef struct
{
  guint       port;
  const char *code;
  char      **touchpoints;
  GMutex      lock;
  GArray     *latencies;  /* double, ms */
  guint       failures;
  guint       joined;
  guint       done;
} Room;

typedef struct
{
  Room  *room;
  guint  index;
  char  *token;
  int    kind;           /* 0: join; 1: rate; 2: vote */
  guint  nth;
} Job;

/* One request on a connection of its own from 127.0.1.@who; its status,
 * the answer's body in @body. */
static guint
request (Room       *room,
         guint       who,
         const char *method,
         const char *route,
         const char *token,
         const char *json,
         char      **body)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) local = NULL;
  g_autoptr(GSocketAddress) local_address = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *local_text = g_strdup_printf ("127.0.1.%u", who % 250 + 1);
  g_autoptr(GString) answer = g_string_new (NULL);
  gint64 start = g_get_monotonic_time ();
  double ms;
  guint status = 0;
  char buffer[4096];
  gssize n;

  local = g_inet_address_new_from_string (local_text);
  local_address = g_inet_socket_address_new (local, 0);
  g_socket_client_set_local_address (client, local_address);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", room->port, NULL, &error);
  if (connection == NULL)
    return 0;
  text = g_strdup_printf ("%s /s/%s/api/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          "%s%s%sContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                          method, room->code, route,
                          token ? "X-Participant: " : "", token ? token : "", token ? "\r\n" : "",
                          json ? strlen (json) : 0, json ? json : "");
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), text, strlen (text),
                                  NULL, NULL, &error))
    return 0;
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer,
                                   sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (answer, buffer, n);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  if (g_str_has_prefix (answer->str, "HTTP/1.1 "))
    status = (guint) g_ascii_strtoull (answer->str + 9, NULL, 10);
  if (body != NULL && strstr (answer->str, "\r\n\r\n") != NULL)
    *body = g_strdup (strstr (answer->str, "\r\n\r\n") + 4);

  g_mutex_lock (&room->lock);
  g_array_append_val (room->latencies, ms);
  g_mutex_unlock (&room->lock);
  return status;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Room *room = job->room;
  g_autofree char *json = NULL;
  g_autofree char *body = NULL;
  guint status;
  guint expected = 204;

  if (job->kind == 0)
    {
      json = g_strdup_printf ("{\"name\":\"P%u\",\"role\":\"%s\"}", job->index,
                              journey_session_get_roles ()[job->index % 6]);
      status = request (room, job->index, "POST", "join", NULL, json, &body);
      expected = 200;
      if (status == 200 && body != NULL && strstr (body, "\"participant\":\"") != NULL)
        {
          char *token = strstr (body, "\"participant\":\"") + strlen ("\"participant\":\"");

          job->token = g_strndup (token, 32);
        }
    }
  else if (job->kind == 1)
    {
      json = g_strdup_printf ("{\"touchpoint\":\"%s\",\"score\":%u}", room->touchpoints[job->nth],
                              1 + (job->index + job->nth) % 5);
      status = request (room, job->index, "POST", "rate", job->token, json, NULL);
    }
  else
    {
      json = g_strdup_printf ("{\"touchpoint\":\"%s\"}", room->touchpoints[(job->index + job->nth) % RATINGS]);
      status = request (room, job->index, "POST", "vote", job->token, json, NULL);
    }

  g_mutex_lock (&room->lock);
  if (status != expected)
    room->failures++;
  if (job->kind == 0)
    room->joined++;
  else
    room->done++;
  g_mutex_unlock (&room->lock);
}

/* How long the main loop went without polling: the longest stretch of
 * work between two polls (the session's batches, among others). */
static gint64 last_poll;
static gint64 max_block;

static int
measuring_poll (GPollFD *fds,
                guint    n_fds,
                int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (last_poll != 0)
    max_block = MAX (max_block, now - last_poll);
  result = g_poll (fds, n_fds, timeout);
  last_poll = g_get_monotonic_time ();
  return result;
}

static gboolean
tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (g_getenv ("JOURNEYS_EXAMPLES_DIR"), "hotel.journey", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JourneyProject) project = NULL;
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneySession) session = NULL;
  g_autofree Job *jobs = g_new0 (Job, PARTICIPANTS);
  g_autoptr(GPtrArray) work = g_ptr_array_new_with_free_func (g_free);
  JourneyMap *map;
  GThreadPool *pool;
  Room room = { 0 };
  guint rated = 0, voted = 0, expected_requests, lost;
  gint64 start;

  gsize length;
  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  project = journey_format_read_data (data, length, NULL, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  map = journey_list_peek (project->maps, 0);
  session = journey_session_new (history, map);
  if (!journey_session_start (session, &error))
    g_error ("%s", error->message);

  room.port = journey_session_server_get_port (journey_session_get_server (session));
  room.code = journey_session_server_get_code (journey_session_get_server (session));
  room.touchpoints = g_new0 (char *, RATINGS + 1);
  for (guint i = 0; i < RATINGS; i++)
    room.touchpoints[i] = ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, i))->id;
  room.latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_mutex_init (&room.lock);
  journey_session_open_round (session, VOTES, TRUE, TRUE);
  g_timeout_add (TICK_MS, tick, NULL);
  g_main_context_set_poll_func (NULL, measuring_poll);

  pool = g_thread_pool_new (run_job, NULL, 16, FALSE, NULL);

  /* Joining, spread over the first ten seconds. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < PARTICIPANTS; i++)
    {
      gint64 at = start + (gint64) i * JOIN_SECONDS * G_USEC_PER_SEC / PARTICIPANTS;

      while (g_get_monotonic_time () < at)
        g_main_context_iteration (NULL, TRUE);
      jobs[i].room = &room;
      jobs[i].index = i;
      g_thread_pool_push (pool, &jobs[i], NULL);
    }
  while (g_atomic_int_get (&room.joined) < PARTICIPANTS)
    g_main_context_iteration (NULL, TRUE);

  /* Then everyone at once. */
  for (guint i = 0; i < PARTICIPANTS; i++)
    for (guint k = 0; k < RATINGS + VOTES; k++)
      {
        Job *job = g_new0 (Job, 1);

        *job = (Job) { &room, i, jobs[i].token, k < RATINGS ? 1 : 2, k < RATINGS ? k : k - RATINGS };
        g_ptr_array_add (work, job);
        g_thread_pool_push (pool, job, NULL);
      }
  while (g_atomic_int_get (&room.done) < PARTICIPANTS * (RATINGS + VOTES))
    g_main_context_iteration (NULL, TRUE);
  g_thread_pool_free (pool, FALSE, TRUE);

  /* A batch more, then the round closes. */
  for (gint64 end = g_get_monotonic_time () + 300 * 1000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, TRUE);
  journey_session_close_round (session);
  for (guint i = 0; i < journey_list_get_length (map->touchpoints); i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);

      rated += tp->room ? tp->room->responses : 0;
      voted += tp->votes;
    }
  /* The example's own votes were there before. */
  {
    g_autoptr(JourneyProject) before = journey_format_read_data (data, length, NULL, NULL);
    JourneyMap *map_before = journey_list_peek (before->maps, 0);

    for (guint i = 0; i < journey_list_get_length (map_before->touchpoints); i++)
      voted -= ((JourneyTouchpoint *) journey_list_peek (map_before->touchpoints, i))->votes;
  }

  g_array_sort (room.latencies, compare_doubles);
  expected_requests = PARTICIPANTS * (1 + RATINGS + VOTES);
  lost = (PARTICIPANTS * RATINGS - MIN (rated, PARTICIPANTS * RATINGS)) +
         (PARTICIPANTS * VOTES - MIN (voted, PARTICIPANTS * VOTES)) + room.failures;
  g_print ("session participants=%u requests=%u p50_ms=%.1f p99_ms=%.1f lost=%u main_loop_max_block_ms=%.1f\n",
           PARTICIPANTS, room.latencies->len,
           g_array_index (room.latencies, double, room.latencies->len / 2),
           g_array_index (room.latencies, double, room.latencies->len * 99 / 100),
           lost, max_block / 1000.0);

  journey_session_stop (session);
  g_array_unref (room.latencies);
  if (room.failures > 0)
    g_printerr ("%u requests failed\n", room.failures);
  g_free (room.touchpoints);
  g_mutex_clear (&room.lock);
  for (guint i = 0; i < PARTICIPANTS; i++)
    g_free (jobs[i].token);
  return lost > 0 || expected_requests == 0 ? 1 : 0;
}
