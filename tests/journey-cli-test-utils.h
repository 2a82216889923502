/* journey-cli-test-utils.h: what the tests of the command line share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

#include "journey-test-utils.h"

/* The folder of a file made by test_tmpfile_new(), with all it holds. */
static inline void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  test_tmpdir_remove (dir);
}

/* @run exited with @status, printed nothing, and its error begins with
 * @prefix and holds @fragment. */
static inline void
assert_refused (TestRun    *run,
                int         status,
                const char *prefix,
                const char *fragment)
{
  g_test_message ("exit %d: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, prefix));
  g_assert_nonnull (strstr (run->err, fragment));
  g_assert_cmpstr (run->out, ==, "");
}
