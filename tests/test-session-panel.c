/* test-session-panel.c: the facilitator's window of a workshop session.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <string.h>

#include "journey-session-panel.h"
#include "journey-test-utils.h"

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_panel (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneySession) session = journey_session_new (history, test_first_map (project));
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) client = soup_session_new ();
  JourneySessionServer *server;
  JourneySessionPanel *panel;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  g_autofree char *join_url = NULL;

  g_assert_true (journey_session_start (session, &error));
  g_assert_no_error (error);
  server = journey_session_get_server (session);
  panel = journey_session_panel_new (session);
  gtk_window_present (GTK_WINDOW (panel));

  url = journey_session_get_url (session);
  code = g_strdup_printf ("Join code: %s", journey_session_server_get_code (server));
  g_assert_true (has_label (GTK_WIDGET (panel), url));
  g_assert_true (has_label (GTK_WIDGET (panel), code));
  g_assert_true (has_label (GTK_WIDGET (panel), "0 participants"));

  /* A participant joins: the panel counts them by role. */
  join_url = g_strdup_printf ("http://127.0.0.1:%u/s/%s/api/join", journey_session_server_get_port (server),
                              journey_session_server_get_code (server));
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", join_url);
    g_autoptr(GBytes) body = g_bytes_new_static ("{\"role\":\"design\"}", 17);
    g_autoptr(GBytes) answer = NULL;

    soup_message_set_request_body_from_bytes (msg, "application/json", body);
    answer = soup_session_send_and_read (client, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }
  journey_session_apply_pending (session);
  g_assert_true (has_label (GTK_WIDGET (panel), "1 participant · Design 1"));

  /* Closing the panel stops the session at once. */
  gtk_window_destroy (GTK_WINDOW (panel));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (journey_session_is_running (session));
  g_assert_false (journey_session_server_is_running (server));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/session-panel/panel", test_panel);
  return g_test_run ();
}
