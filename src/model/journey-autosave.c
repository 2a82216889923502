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
#include <string.h>

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

static gboolean
make_folder (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Writes @project to @path, in a folder made if need be: to a temporary
 * file renamed over @path, so a crash while writing leaves the previous
 * copy whole. */
static gboolean
write_project (JourneyProject  *project,
               const char      *path,
               GError         **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!make_folder (path, error))
    return FALSE;
  data = journey_format_write_data (project, &length);
  return journey_write_file_atomically (path, data, length, FALSE, error);
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

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = journey_autosave_path_for (file);
  return write_project (project, path, error);
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

/* -- Drafts --------------------------------------------------------------- */

#define DRAFT_SUFFIX ".journey"

static char *
drafts_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "journeys", "drafts", NULL);
}

/**
 * journey_draft_new_id:
 *
 * Returns: (transfer full): a new draft id, unlike any other
 */
char *
journey_draft_new_id (void)
{
  return g_uuid_string_random ();
}

/**
 * journey_draft_id_is_valid:
 *
 * Returns: whether @id is a draft id: letters, digits and dashes, so
 *   that it names a file in the drafts folder and nothing else
 */
gboolean
journey_draft_id_is_valid (const char *id)
{
  if (id == NULL || id[0] == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * journey_draft_path_for:
 *
 * Returns: (transfer full): where the draft @id is written
 */
char *
journey_draft_path_for (const char *id)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (journey_draft_id_is_valid (id), NULL);

  folder = drafts_folder ();
  name = g_strconcat (id, DRAFT_SUFFIX, NULL);
  return g_build_filename (folder, name, NULL);
}

/**
 * journey_draft_write:
 *
 * Writes @project, the unsaved state of a document that has no file, as
 * the draft @id: to a temporary file renamed over the draft, so a crash
 * while writing leaves the previous draft whole.
 */
gboolean
journey_draft_write (JourneyProject  *project,
                     const char      *id,
                     GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (JOURNEY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (journey_draft_id_is_valid (id), FALSE);

  path = journey_draft_path_for (id);
  return write_project (project, path, error);
}

/**
 * journey_draft_read:
 *
 * Returns: (transfer full) (nullable): the project of the draft @id
 */
JourneyProject *
journey_draft_read (const char  *id,
                    GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (journey_draft_id_is_valid (id), NULL);

  path = journey_draft_path_for (id);
  file = g_file_new_for_path (path);
  return journey_format_read_file (file, NULL, error);
}

/**
 * journey_draft_remove:
 *
 * Removes the draft @id, if there is one.
 */
void
journey_draft_remove (const char *id)
{
  g_autofree char *path = NULL;

  g_return_if_fail (journey_draft_id_is_valid (id));

  path = journey_draft_path_for (id);
  g_remove (path);
}

typedef struct
{
  char   *id;
  gint64  modified;
} Draft;

static int
by_age (gconstpointer a,
        gconstpointer b)
{
  const Draft *da = a;
  const Draft *db = b;

  if (da->modified != db->modified)
    return da->modified < db->modified ? -1 : 1;
  return strcmp (da->id, db->id);
}

/**
 * journey_draft_list:
 *
 * Returns: (transfer full) (element-type utf8): the ids of the drafts
 *   there are, oldest first
 */
GPtrArray *
journey_draft_list (void)
{
  g_autofree char *folder = drafts_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GArray) drafts = g_array_new (FALSE, FALSE, sizeof (Draft));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return ids;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      GStatBuf st;
      Draft draft;

      /* The temporary files of a write under way, or left by a crash
       * during one, are not drafts. */
      if (!g_str_has_suffix (name, DRAFT_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
      if (!journey_draft_id_is_valid (id))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      draft.id = g_steal_pointer (&id);
      draft.modified = st.st_mtime;
      g_array_append_val (drafts, draft);
    }

  g_array_sort (drafts, by_age);
  for (guint i = 0; i < drafts->len; i++)
    g_ptr_array_add (ids, g_array_index (drafts, Draft, i).id);
  return ids;
}
