/* journey-test-utils.h: what the model tests share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "journey-format.h"
#include "journey-history.h"

/* A small valid project: two stages (lengths 2 and 3), three lanes
 * (customer, onstage, offstage), three touchpoints. */
#define TEST_PROJECT \
  "{\n" \
  "  \"format\": \"journeys\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Hotel\",\n" \
  "  \"personas\": [ { \"id\": \"leisure\", \"name\": \"Leisure traveller\" } ],\n" \
  "  \"channels\": [ { \"id\": \"web\", \"name\": \"Website\" } ],\n" \
  "  \"maps\": [ {\n" \
  "    \"id\": \"stay\", \"title\": \"Weekend stay\", \"persona\": \"leisure\",\n" \
  "    \"stages\": [ { \"id\": \"book\", \"name\": \"Book\", \"length\": 2, \"color\": \"#3584e4\" },\n" \
  "                { \"id\": \"stay\", \"name\": \"Stay\", \"length\": 3 } ],\n" \
  "    \"lanes\": [ { \"id\": \"guest\", \"name\": \"Guest\", \"kind\": \"customer\" },\n" \
  "               { \"id\": \"staff\", \"name\": \"Staff\", \"kind\": \"onstage\" },\n" \
  "               { \"id\": \"back\", \"name\": \"Backstage\", \"kind\": \"offstage\" } ],\n" \
  "    \"touchpoints\": [\n" \
  "      { \"id\": \"site\", \"title\": \"Visits the website\", \"lane\": \"guest\", \"channel\": \"web\", \"time\": 0.5, \"satisfaction\": 4 },\n" \
  "      { \"id\": \"invoice\", \"title\": \"Invoice prepared\", \"lane\": \"back\", \"time\": 4.5, \"satisfaction\": 1 },\n" \
  "      { \"id\": \"desk\", \"title\": \"Checks in\", \"lane\": \"staff\", \"time\": 2, \"satisfaction\": 2 }\n" \
  "    ]\n" \
  "  } ]\n" \
  "}\n"

static inline GPtrArray *
test_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
}

static inline JourneyProject *
test_load_string (const char *text)
{
  g_autoptr(GPtrArray) problems = test_problems_new ();
  g_autoptr(GError) error = NULL;
  JourneyProject *project;

  project = journey_format_read_data (text, strlen (text), problems, &error);
  for (guint i = 0; i < problems->len; i++)
    {
      JourneyProblem *p = g_ptr_array_index (problems, i);
      g_printerr ("unexpected problem: %s: %s\n", p->path, p->message);
    }
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static inline JourneyMap *
test_first_map (JourneyProject *project)
{
  return journey_list_peek (project->maps, 0);
}

/* Does @problems hold one at @path whose message contains @fragment? */
static inline gboolean
test_has_problem (GPtrArray  *problems,
                  const char *path,
                  const char *fragment)
{
  for (guint i = 0; i < problems->len; i++)
    {
      JourneyProblem *p = g_ptr_array_index (problems, i);

      if (g_str_equal (p->path, path) && (fragment == NULL || strstr (p->message, fragment) != NULL))
        return TRUE;
    }
  return FALSE;
}

static inline char *
test_examples_dir (void)
{
  const char *dir = g_getenv ("JOURNEYS_EXAMPLES_DIR");

  g_assert_nonnull (dir);
  return g_strdup (dir);
}

static inline int
test_compare_paths (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every example project (*.journey in the examples folder), full paths in
 * name order.  Fails when the folder holds none: a test over no examples
 * would pass without testing anything. */
static inline GPtrArray *
test_examples_list (void)
{
  g_autofree char *dir_path = test_examples_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, test_compare_paths);
  g_assert_cmpuint (paths->len, >, 0);
  return paths;
}

/* A new private temporary folder for one test. */
static inline char *
test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("journeys-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* How many entries @path holds (files, links, anything). */
static inline guint
test_tmpdir_count (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Removes a folder made by test_tmpdir_new() and what it holds (one level). */
static inline void
test_tmpdir_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

/* Writes @contents to @name in a new temporary folder; returns its path.
 * test_tmpdir_remove() of its folder removes it. */
static inline char *
test_tmpfile_new (const char *name,
                  const char *contents)
{
  g_autofree char *dir = test_tmpdir_new ();
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Runs what is pending on the main context, and what that queues, five
 * rounds deep. */
static inline void
test_iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Runs the main loop for @ms milliseconds: frames get drawn. */
static inline void
test_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* What is pending, then a frame or two of a window: 40 ms of the main
 * loop, without sleeping. */
static inline void
test_iterate_frames (void)
{
  gint64 end = g_get_monotonic_time () + 40 * 1000;

  test_iterate ();
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* journeys ($JOURNEYS_BIN) run as a command, without a display (the
 * command line must not need one): its exit status and what it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TestRun;

static inline void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

/* @args: the arguments after the program, NULL-terminated. */
static inline void
test_run_journeys_argv (TestRun            *run,
                        const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("JOURNEYS_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* The arguments after @run, NULL-terminated. */
static inline void
test_run_journeys (TestRun *run,
                   ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  test_run_journeys_argv (run, (const char * const *) args->pdata);
}

/* A room's rating (SPEC §10) on @scale: @counts[i] participants rated
 * step i of it, from the lowest; a step past @n none. */
static inline JourneyRoom *
test_room_new (JourneyScale *scale,
               const int    *counts,
               guint         n)
{
  g_autoptr(GArray) histogram = g_array_new (FALSE, TRUE, sizeof (int));

  g_array_set_size (histogram, journey_scale_get_n_steps (scale));
  for (guint i = 0; i < n && i < histogram->len; i++)
    g_array_index (histogram, int, i) = counts[i];
  return journey_room_new_from_histogram (scale, histogram);
}

/* @room as @tp's room's rating, from outside the history, as a
 * session applies participants' ratings. */
static inline void
test_set_room_outside (JourneyHistory    *history,
                       JourneyTouchpoint *tp,
                       JourneyRoom       *room)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, JOURNEY_TYPE_ROOM);
  g_value_set_object (&value, room);
  journey_history_begin_outside (history);
  journey_history_set_outside (history, tp, "room", &value);
  journey_history_end_outside (history);
}
