/* journey-repair.c: a file that breaks a rule of SPEC §3, mended
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Open a Repaired Copy": a file with a bad value is still refused, but
 * the user may open a copy of it with each problem mended the least
 * surprising way, every change listed with its place.  The rules and
 * their mends are journey-validate.c's (journey_project_repair()); here
 * the file is read leniently, and what the reader could not read is
 * listed among the changes. */

#define G_LOG_DOMAIN "journey-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "journey-format-private.h"
#include "journey-problem.h"

/**
 * journey_format_repair_data:
 * @data: (array length=length): the file's bytes
 * @changes: (element-type JourneyProblem): where to add the changes made
 *
 * Reads @data leniently and mends its problems (see
 * journey_project_repair()).  A file without problems comes back as it
 * is, with no change.
 *
 * Returns: (transfer full) (nullable): the repaired project, or %NULL if
 *   the file cannot be read as JSON of a version this program knows, or
 *   has a problem without a sure mend
 */
JourneyProject *
journey_format_repair_data (const char  *data,
                            gsize        length,
                            GPtrArray   *changes,
                            GError     **error)
{
  g_autoptr(GPtrArray) unread = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GPtrArray) mended = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);
  g_autoptr(GHashTable) mended_paths = NULL;
  g_autoptr(JourneyProject) project = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (changes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = journey_format_read_data_leniently (data, length, unread, error);
  if (project == NULL)
    return NULL;

  if (!journey_project_repair (project, mended))
    {
      g_set_error_literal (error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID,
                           _("The file has problems that cannot be repaired"));
      return NULL;
    }

  /* What the reader could not read is left out: a change too, unless
   * the repair says what it put in its place. */
  mended_paths = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < mended->len; i++)
    g_hash_table_add (mended_paths, ((JourneyProblem *) g_ptr_array_index (mended, i))->path);
  for (guint i = 0; i < unread->len; i++)
    {
      JourneyProblem *problem = g_ptr_array_index (unread, i);

      if (g_hash_table_contains (mended_paths, problem->path))
        continue;
      if (g_str_equal (problem->message, _("is required")))
        journey_problems_take (changes, g_strdup (problem->path), g_strdup (_("was missing; the default is used")));
      else
        /* Translators: a value that could not be read; %s says why
         * ("must be a number, not a string") */
        journey_problems_take (changes, g_strdup (problem->path),
                               g_strdup_printf (_("%s; left out"), problem->message));
    }
  g_ptr_array_extend_and_steal (changes, g_steal_pointer (&mended));
  return g_steal_pointer (&project);
}
