/* journey-test-utils.h: what the model tests share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

#include "journey-format.h"

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
