/* journey-autosave.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-autosave"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "journey-autosave.h"
#include "journey-format.h"

/**
 * journey_autosave_path_for:
 * @file: where the document is saved
 *
 * Returns: (transfer full): where the document's autosave goes: a name
 *   made from @file's URI, so each document has its own
 */
char *
journey_autosave_path_for (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  name = g_strconcat (digest, ".journey", NULL);
  return g_build_filename (g_get_user_state_dir (), "journeys", "autosave", name, NULL);
}

/**
 * journey_autosave_write:
 *
 * Writes @project, the unsaved state of the document saved at @file, to
 * its autosave file.
 */
gboolean
journey_autosave_write (JourneyProject  *project,
                        GFile           *file,
                        GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = journey_autosave_path_for (file);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  data = journey_format_write_data (project, &length);
  return journey_write_file_atomically (path, data, length, FALSE, error);
}

static gint64
modified_time (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) time = NULL;

  if (info == NULL)
    return G_MININT64;
  time = g_file_info_get_modification_date_time (info);
  return time ? g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time) : G_MININT64;
}

/**
 * journey_autosave_recover:
 *
 * Returns: (transfer full) (nullable): the unsaved state of the document
 *   at @file, if an autosave of it is newer than @file and can be read
 */
JourneyProject *
journey_autosave_recover (GFile *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) autosave = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = journey_autosave_path_for (file);
  autosave = g_file_new_for_path (path);
  if (modified_time (autosave) <= modified_time (file))
    return NULL;

  return journey_format_read_file (autosave, NULL, NULL);
}

/**
 * journey_autosave_remove:
 *
 * Removes the autosave of the document at @file, if there is one.
 */
void
journey_autosave_remove (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (G_IS_FILE (file));

  path = journey_autosave_path_for (file);
  g_remove (path);
}
