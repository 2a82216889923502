/* journey-problem.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-format"

#include "config.h"

#include "journey-problem.h"

void
journey_problem_free (JourneyProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static void
append_path (GString           *string,
             const JourneyPath *path)
{
  if (path == NULL)
    return;

  append_path (string, path->parent);
  if (path->key != NULL)
    {
      if (string->len > 0)
        g_string_append_c (string, '.');
      g_string_append (string, path->key);
    }
  else
    g_string_append_printf (string, "[%u]", path->index);
}

/**
 * journey_path_to_string:
 *
 * Returns: (transfer full): @path as in "maps[0].touchpoints[3].time"
 */
char *
journey_path_to_string (const JourneyPath *path)
{
  GString *string = g_string_new (NULL);

  append_path (string, path);
  return g_string_free (string, FALSE);
}

/**
 * journey_problems_take:
 * @path: (transfer full): the place, as text
 * @message: (transfer full): what is wrong there
 */
void
journey_problems_take (GPtrArray *problems,
                       char      *path,
                       char      *message)
{
  JourneyProblem *problem;

  g_return_if_fail (problems != NULL);

  problem = g_new0 (JourneyProblem, 1);
  problem->path = path;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

void
journey_problems_add (GPtrArray         *problems,
                      const JourneyPath *path,
                      const char        *format,
                      ...)
{
  va_list args;
  char *message;

  g_return_if_fail (problems != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  journey_problems_take (problems, journey_path_to_string (path), message);
}
