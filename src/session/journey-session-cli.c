/* journey-session-cli.c: journeys --session FILE, a workshop session in a
 * process of its own (SPEC §5, §10).
 *
 * The process opens FILE, starts the session on its first map (or --map
 * ID), prints the address line once the server listens, and saves what
 * participants send into FILE as it arrives (atomically, at most once a
 * second), until it is interrupted (Ctrl+C, SIGTERM) or told to stop: then
 * the server stops at once and the last input is saved.
 *
 * Lines on stdin are the facilitator's controls, for scripts and a
 * terminal: "vote N [one] [hidden]" opens a round of N votes each (at most
 * one per card, results hidden), "close" closes it and adds its votes,
 * "pause", "resume", "timer MINUTES" (0 stops it), "timer +1" (one minute
 * more), "timer pause", "timer resume", "stop".
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-session"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "journey-cli.h"
#include "journey-document.h"
#include "journey-session.h"
#include "journey-session-cli.h"

#define SAVE_DELAY_MS 1000

typedef struct
{
  GMainLoop       *loop;
  JourneySession  *session;
  GDataInputStream *input;
  GCancellable    *cancellable;
  JourneyDocument *document;
  const char      *path;
  guint            save_id;
  gboolean         failed;
} Run;

static gboolean
save_now (gpointer user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  run->save_id = 0;
  if (journey_document_get_dirty (run->document) &&
      !journey_document_save (run->document, NULL, JOURNEY_SAVE_OVERWRITE, &error))
    {
      g_printerr ("%s: %s\n", run->path, error->message);
      run->failed = TRUE;
      g_main_loop_quit (run->loop);
    }
  return G_SOURCE_REMOVE;
}

static void
on_session_changed (Run *run)
{
  if (run->save_id == 0)
    run->save_id = g_timeout_add (SAVE_DELAY_MS, save_now, run);
}

/* One of the facilitator's controls; FALSE when it stops the session. */
static gboolean
control (Run        *run,
         const char *line)
{
  g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);
  const char *command = words[0] ? words[0] : "";
  guint64 n = 0;

  if (strcmp (command, "vote") == 0 && words[1] != NULL &&
      g_ascii_string_to_unsigned (words[1], 10, 1, 100, &n, NULL))
    journey_session_open_round (run->session, (guint) n, g_strv_contains ((const char * const *) words, "one"),
                                g_strv_contains ((const char * const *) words, "hidden"));
  else if (strcmp (command, "close") == 0)
    journey_session_close_round (run->session);
  else if (strcmp (command, "pause") == 0 || strcmp (command, "resume") == 0)
    journey_session_set_paused (run->session, command[0] == 'p');
  else if (strcmp (command, "timer") == 0 && g_strcmp0 (words[1], "+1") == 0)
    journey_session_add_timer_minute (run->session);
  else if (strcmp (command, "timer") == 0 && (g_strcmp0 (words[1], "pause") == 0 || g_strcmp0 (words[1], "resume") == 0))
    journey_session_pause_timer (run->session, words[1][0] == 'p');
  else if (strcmp (command, "timer") == 0 && words[1] != NULL &&
           g_ascii_string_to_unsigned (words[1], 10, 0, 60, &n, NULL))
    journey_session_start_timer (run->session, (guint) n * 60);
  else if (strcmp (command, "stop") == 0)
    return FALSE;
  else if (command[0] != '\0')
    g_printerr (_("Unknown control “%s”: use vote N [one] [hidden], close, pause, resume, timer MINUTES, timer +1, timer pause, timer resume or stop\n"),
                line);
  return TRUE;
}

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);

  /* Cancelled: the session is over.  Without stdin (or at its end) the
   * session goes on until a signal. */
  if (line == NULL)
    return;
  if (!control (run, g_strstrip (line)))
    {
      g_main_loop_quit (run->loop);
      return;
    }
  g_data_input_stream_read_line_async (run->input, G_PRIORITY_DEFAULT, run->cancellable, on_line, run);
}

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (((Run *) user_data)->loop);
  return G_SOURCE_CONTINUE;
}

int
journey_session_cli_run (JourneyProject *project,
                         const char     *path,
                         const char     *map_id)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(JourneyDocument) document = journey_document_new (project, file);
  g_autoptr(JourneySession) session = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) input = g_data_input_stream_new (stdin_stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  JourneyMap *map;
  Run run = { 0 };
  guint sigint, sigterm;

  project = journey_document_get_project (document);
  map = map_id ? journey_project_find_map (project, map_id) : journey_list_peek (project->maps, 0);
  if (map == NULL)
    {
      g_printerr (_("%s: maps: no map has the id “%s”\n"), path, map_id);
      return JOURNEY_EXIT_INPUT;
    }

  session = journey_session_new (journey_document_get_history (document), map);
  if (!journey_session_start (session, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return JOURNEY_EXIT_INPUT;
    }

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.session = session;
  run.input = input;
  run.cancellable = cancellable;
  run.document = document;
  run.path = path;
  g_signal_connect_swapped (session, "changed", G_CALLBACK (on_session_changed), &run);
  sigint = g_unix_signal_add (SIGINT, on_signal, &run);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &run);

  url = journey_session_get_url (session);
  /* The contract of SPEC §5, which scripts read: not translated. */
  g_print ("Participants join at %s\n", url);
  fflush (stdout);

  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, cancellable, on_line, &run);
  g_main_loop_run (loop);
  g_cancellable_cancel (cancellable);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_source_remove (sigint);
  g_source_remove (sigterm);
  journey_session_stop (session);
  g_signal_handlers_disconnect_by_data (session, &run);
  g_clear_handle_id (&run.save_id, g_source_remove);
  if (!run.failed)
    save_now (&run);
  return run.failed ? JOURNEY_EXIT_INPUT : JOURNEY_EXIT_OK;
}
