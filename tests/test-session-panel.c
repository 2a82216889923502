/* test-session-panel.c: the facilitator's window of a workshop session,
 * and the session in the journey's window: the timer, the comments with
 * Hide and Delete, the corner of presentation mode, and closing.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <string.h>

#include "journey-presentation.h"
#include "journey-session-comments.h"
#include "journey-session-overlay.h"
#include "journey-session-panel.h"
#include "journey-session-timer.h"
#include "journey-test-utils.h"
#include "journey-window-test-utils.h"

/* Sends @json to the session's api/ROUTE; returns the answer's body. */
static char *
post (JourneySession *session,
      const char     *route,
      const char     *token,
      const char     *json)
{
  JourneySessionServer *server = journey_session_get_server (session);
  g_autoptr(SoupSession) client = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/s/%s/api/%s", journey_session_server_get_port (server),
                                          journey_session_server_get_code (server), route);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (token != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Participant", token);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (client, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg) / 100, ==, 2);
  return g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

/* Joins; returns the participant's token. */
static char *
join (JourneySession *session,
      const char     *json)
{
  g_autofree char *answer = post (session, "join", NULL, json);
  const char *start = strstr (answer, "\":\"");

  g_assert_nonnull (start);
  return g_strndup (start + 3, 32);
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

/* The message dialog on screen, awaited (slow under the sanitizers). */
static AdwMessageDialog *
await_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  for (int i = 0; i < 200 && dialog == NULL; i++)
    {
      run_for (50);
      dialog = test_find_message_dialog ();
    }
  return dialog;
}

static void
test_panel (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneySession) session = journey_session_new (history, test_first_map (project));
  g_autoptr(GError) error = NULL;
  JourneySessionServer *server;
  JourneySessionPanel *panel;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  g_autofree char *token = NULL;

  g_assert_true (journey_session_start (session, &error));
  g_assert_no_error (error);
  server = journey_session_get_server (session);
  panel = journey_session_panel_new (session);
  gtk_window_present (GTK_WINDOW (panel));

  url = journey_session_get_url (session);
  code = g_strdup_printf ("Join code: %s", journey_session_server_get_code (server));
  g_assert_nonnull (test_find_label (GTK_WIDGET (panel), url, FALSE));
  g_assert_nonnull (test_find_label (GTK_WIDGET (panel), code, FALSE));
  g_assert_nonnull (test_find_label (GTK_WIDGET (panel), "0 participants", FALSE));

  /* A participant joins: the panel counts them by role. */
  token = join (session, "{\"role\":\"design\"}");
  journey_session_apply_pending (session);
  g_assert_nonnull (test_find_label (GTK_WIDGET (panel), "1 participant · Design 1", FALSE));

  /* Closing the panel stops the session at once. */
  gtk_window_destroy (GTK_WINDOW (panel));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (journey_session_is_running (session));
  g_assert_false (journey_session_server_is_running (server));
}

/* The timer: started, one more minute, paused and resumed from the panel;
 * what is left in its words; the end. */
static void
test_timer (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  g_autoptr(JourneySession) session = journey_session_new (history, test_first_map (project));
  JourneySessionPanel *panel;
  JourneySessionTimer *timer;
  GtkWidget *pause;
  guint seconds = 0;
  gboolean paused = FALSE;

  g_assert_true (journey_session_start (session, NULL));
  panel = journey_session_panel_new (session);
  gtk_window_present (GTK_WINDOW (panel));
  timer = JOURNEY_SESSION_TIMER (test_find_widget (GTK_WIDGET (panel), JOURNEY_TYPE_SESSION_TIMER));
  pause = test_find_button (GTK_WIDGET (panel), "_Pause Timer");
  g_assert_nonnull (timer);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (timer)));
  g_assert_false (gtk_widget_get_sensitive (pause));

  test_click (test_find_button (GTK_WIDGET (panel), "Start _Timer"));
  g_assert_true (journey_session_get_timer (session, &seconds, &paused));
  g_assert_cmpuint (seconds, ==, 600);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (timer)));
  g_assert_cmpstr (journey_session_timer_get_text (timer), ==, "Time left: 10:00");
  g_assert_true (gtk_widget_get_sensitive (pause));

  test_click (test_find_button (GTK_WIDGET (panel), "+1 _Min"));
  test_click (pause);
  g_assert_true (journey_session_get_timer (session, &seconds, &paused));
  g_assert_true (paused);
  g_assert_cmpuint (seconds, >=, 659);
  g_assert_true (g_str_has_prefix (journey_session_timer_get_text (timer), "Timer paused: 1"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pause)), ==, "_Resume Timer");
  test_click (pause);
  journey_session_get_timer (session, NULL, &paused);
  g_assert_false (paused);

  /* The end: its words, and the pause has nothing left to pause. */
  journey_session_start_timer (session, 1);
  run_for (1500);
  g_assert_cmpstr (journey_session_timer_get_text (timer), ==, "Time is up.");
  g_assert_false (gtk_widget_get_sensitive (pause));

  test_click (test_find_button (GTK_WIDGET (panel), "Stop T_imer"));
  g_assert_false (journey_session_get_timer (session, NULL, NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (timer)));
  gtk_window_destroy (GTK_WINDOW (panel));
}

/* The row of the comment that reads @text. */
static GtkWidget *
comment_row (GtkWidget  *panel,
             const char *text)
{
  GtkWidget *label = test_find_label (panel, text, FALSE);

  return label ? gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW) : NULL;
}

/* Runs the main loop until a label under @widget reads @text (or, when
 * @gone, no longer does): the list follows changes in batches. */
static void
wait_for_label (GtkWidget  *widget,
                const char *text,
                gboolean    gone)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((test_find_label (widget, text, FALSE) == NULL) != gone)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      run_for (20);
    }
}

/* The comments, newest first, each with Hide (then Show) and Delete: the
 * facilitator's own steps; participants' text stays text. */
static void
test_comments (void)
{
  g_autoptr(JourneyProject) project = test_load_string (TEST_PROJECT);
  g_autoptr(JourneyHistory) history = journey_history_new ();
  JourneyMap *map = test_first_map (project);
  g_autoptr(JourneySession) session = journey_session_new (history, map);
  JourneyTouchpoint *desk = journey_map_find_touchpoint (map, "desk");
  JourneySessionPanel *panel;
  JourneyComment *markup;
  g_autofree char *ana = NULL;
  GtkWidget *row, *list;

  g_assert_true (journey_session_start (session, NULL));
  panel = journey_session_panel_new (session);
  gtk_window_present (GTK_WINDOW (panel));
  g_assert_nonnull (test_find_label (GTK_WIDGET (panel), "No comments yet", FALSE));

  ana = join (session, "{\"name\":\"Ana\",\"role\":\"design\"}");
  g_free (post (session, "comment", ana, "{\"touchpoint\":\"desk\",\"text\":\"<b>Slow</b> queue\"}"));
  journey_session_apply_pending (session);
  /* A later second: newest first. */
  g_usleep (1100000);
  g_free (post (session, "comment", ana, "{\"touchpoint\":\"site\",\"text\":\"Nice site\"}"));
  journey_session_apply_pending (session);
  wait_for_label (GTK_WIDGET (panel), "Nice site", FALSE);

  list = test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX);
  row = comment_row (GTK_WIDGET (panel), "Nice site");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_first_child (list) == row);
  g_assert_nonnull (test_find_label (row, "“Visits the website” · Ana · Design", FALSE));
  row = comment_row (GTK_WIDGET (panel), "<b>Slow</b> queue");
  g_assert_nonnull (row);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (test_find_label (row, "<b>Slow</b> queue", FALSE))));
  markup = journey_list_peek (desk->comments, 0);

  /* Hide: kept, marked, one step; the keyboard focus stays on it. */
  gtk_widget_grab_focus (test_find_button (row, "_Hide"));
  test_click (test_find_button (row, "_Hide"));
  g_assert_true (markup->hidden);
  g_assert_cmpstr (journey_history_get_undo_label (history), ==, "Hide a Comment on “Checks in”");
  wait_for_label (GTK_WIDGET (panel), "“Checks in” · Ana · Design · Hidden from participants", FALSE);
  row = comment_row (GTK_WIDGET (panel), "<b>Slow</b> queue");
  g_assert_nonnull (test_find_label (row, "“Checks in” · Ana · Design · Hidden from participants", FALSE));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (panel)) == test_find_button (row, "Sho_w"));
  test_click (test_find_button (row, "Sho_w"));
  g_assert_false (markup->hidden);
  wait_for_label (GTK_WIDGET (panel), "“Checks in” · Ana · Design", FALSE);

  /* Delete: gone from the document and the list; undo brings it back. */
  row = comment_row (GTK_WIDGET (panel), "<b>Slow</b> queue");
  test_click (test_find_button (row, "_Delete"));
  g_assert_cmpuint (journey_list_get_length (desk->comments), ==, 0);
  wait_for_label (GTK_WIDGET (panel), "<b>Slow</b> queue", TRUE);
  g_assert_true (journey_history_undo (history));
  wait_for_label (GTK_WIDGET (panel), "<b>Slow</b> queue", FALSE);

  gtk_window_destroy (GTK_WINDOW (panel));
}

/* The session in the journey's window: the timer in the header bar, the
 * corner of presentation mode beside (not over) the map, and closing the
 * window while participants are connected. */
static void
test_window (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window = journey_window_new (test_app);
  JourneySessionPanel *panel;
  JourneySession *session;
  GtkWidget *header_timer, *corner, *frame;
  AdwMessageDialog *dialog;
  g_autofree char *token = NULL;

  g_assert_true (g_file_set_contents (path, TEST_PROJECT, -1, NULL));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session", NULL));
  panel = journey_window_get_session_panel (window);
  g_assert_nonnull (panel);
  session = journey_session_panel_get_session (panel);
  g_assert_true (journey_session_is_running (session));

  header_timer = test_find_widget (test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR),
                                   JOURNEY_TYPE_SESSION_TIMER);
  g_assert_nonnull (header_timer);
  g_assert_false (gtk_widget_get_visible (header_timer));
  journey_session_start_timer (session, 300);
  g_assert_true (gtk_widget_get_visible (header_timer));
  g_assert_cmpstr (journey_session_timer_get_text (JOURNEY_SESSION_TIMER (header_timer)), ==, "Time left: 5:00");

  /* Presenting: the corner shows, with the code and the timer, and the
   * map makes room for it; J hides it, and so does the panel's switch. */
  corner = test_find_widget (GTK_WIDGET (window), JOURNEY_TYPE_SESSION_OVERLAY);
  g_assert_nonnull (corner);
  g_assert_false (gtk_widget_get_visible (corner));
  frame = gtk_widget_get_ancestor (test_find_widget (GTK_WIDGET (window), JOURNEY_TYPE_CANVAS),
                                   GTK_TYPE_SCROLLED_WINDOW);
  journey_presentation_start (window);
  g_assert_true (gtk_widget_get_visible (corner));
  g_assert_cmpint (MAX (gtk_widget_get_margin_bottom (frame), gtk_widget_get_margin_end (frame)), >=, 176);
  g_assert_cmpint (MIN (gtk_widget_get_margin_bottom (frame), gtk_widget_get_margin_end (frame)), ==, 0);
  g_assert_nonnull (test_find_label (corner, gtk_label_get_text (GTK_LABEL (test_find_label (GTK_WIDGET (panel),
                                                                                                   "Join code: ",
                                                                                                   TRUE))),
                                     FALSE));
  g_assert_nonnull (test_find_widget (corner, JOURNEY_TYPE_SESSION_TIMER));
  g_assert_true (journey_window_toggle_session_overlay (window));
  g_assert_false (gtk_widget_get_visible (corner));
  g_assert_cmpint (gtk_widget_get_margin_bottom (frame), ==, 0);
  g_assert_cmpint (gtk_widget_get_margin_end (frame), ==, 0);
  g_assert_true (journey_window_toggle_session_overlay (window));
  g_assert_true (gtk_widget_get_visible (corner));
  journey_presentation_stop (window);
  g_assert_false (gtk_widget_get_visible (corner));
  g_assert_cmpint (gtk_widget_get_margin_bottom (frame), ==, 0);
  g_assert_cmpint (gtk_widget_get_margin_end (frame), ==, 0);

  /* Nobody connected: closing would not ask.  A participant joins: it
   * asks, and Cancel keeps the window and the session. */
  token = join (session, "{\"role\":\"support\"}");
  gtk_window_close (GTK_WINDOW (window));
  dialog = await_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Stop the Workshop Session?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "stop"), ==, "_Stop Session and Close");
  /* A response does not close the dialog by itself; its button does. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  run_for (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (journey_session_is_running (session));

  /* Quitting asks the same; Stop Session and Close: the session stops,
   * the window goes (awaited). */
  g_object_ref (session);
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "quit", NULL);
  dialog = await_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "stop");
  for (int i = 0; i < 200 && (window != NULL || journey_session_is_running (session)); i++)
    run_for (50);
  g_assert_false (journey_session_is_running (session));
  g_assert_null (window);
  g_object_unref (session);
  test_tmpdir_remove (dir);
}

/* Nobody connected: the window closes without asking, and the session
 * stops with it. */
static void
test_close_quietly (void)
{
  g_autofree char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "hotel.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JourneyWindow *window = journey_window_new (test_app);
  g_autoptr(JourneySession) session = NULL;

  g_assert_true (g_file_set_contents (path, TEST_PROJECT, -1, NULL));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  journey_window_load (window, file);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_document (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session", NULL));
  session = g_object_ref (journey_session_panel_get_session (journey_window_get_session_panel (window)));
  journey_presentation_start (window);

  gtk_window_close (GTK_WINDOW (window));
  run_for (200);
  g_assert_null (test_find_message_dialog ());
  g_assert_null (window);
  g_assert_false (journey_session_is_running (session));
  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);
  g_test_add_func ("/session-panel/panel", test_panel);
  g_test_add_func ("/session-panel/timer", test_timer);
  g_test_add_func ("/session-panel/comments", test_comments);
  g_test_add_func ("/session-panel/window", test_window);
  g_test_add_func ("/session-panel/close-quietly", test_close_quietly);
  return test_app_run ();
}
