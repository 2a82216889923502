/* journey-evidence-test-utils.h: what the survey evidence tests share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-format.h"

static inline char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("JOURNEYS_TEST_FILES_DIR"), "evidence", name, NULL);
}

static inline JourneyProject *
load_hotel (void)
{
  g_autofree char *path = fixture ("hotel.journey");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GError) error = NULL;
  JourneyProject *project = journey_format_read_file (file, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}
