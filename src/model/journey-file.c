/* journey-file.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Our own code, not g_file_replace(): GLib 2.74's local g_file_replace()
 * writes a file reached through a symbolic link in place (truncate, then
 * write: a full disk leaves half a file), writes a new file in place too,
 * and makes the backup of a link with the wrong mode.  Here every write
 * goes through a temporary file and a rename. */

#define G_LOG_DOMAIN "journey-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journey-file.h"

/* Longest chain of links followed, as the kernel's MAXSYMLINKS. */
#define MAX_LINKS 40

static void set_errno_error (GError     **error,
                             int          saved_errno,
                             const char  *format,
                             ...) G_GNUC_PRINTF (3, 4);

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
}

/* @path with every symbolic link in its last component followed: the
 * file a save must replace. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = NULL;

  if (g_path_is_absolute (path))
    current = g_strdup (path);
  else
    {
      g_autofree char *cwd = g_get_current_dir ();
      current = g_build_filename (cwd, path, NULL);
    }

  for (guint hops = 0; hops < MAX_LINKS; hops++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, error);
      if (target == NULL)
        return NULL;

      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  set_errno_error (error, ELOOP, _("Could not write “%s”"), path);
  return NULL;
}

char *
journey_file_get_etag (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_etag (info));
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Keeps the previous file as @target~: a second name for it (a hard link)
 * where the file system allows one, else a copy with the same mode. */
static gboolean
make_backup (const char  *target,
             const char  *path,
             mode_t       mode,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      set_errno_error (error, errno, _("Could not keep a backup of “%s”"), path);
      return FALSE;
    }
  if (link (target, backup) == 0)
    return TRUE;

  source = g_file_new_for_path (target);
  destination = g_file_new_for_path (backup);
  if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, &local_error) ||
      g_chmod (backup, mode) != 0)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (errno), g_strerror (errno));
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not keep a backup of “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* journey_file_replace() with its contents from @next_piece. */
static gboolean
replace_in_pieces (const char           *path,
                   JourneyFilePieceFunc  next_piece,
                   gpointer              user_data,
                   gboolean              backup,
                   const char           *etag,
                   char                **new_etag,
                   GError              **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  gboolean exists;
  GStatBuf old;
  int fd;

  target = resolve_links (path, error);
  if (target == NULL)
    return FALSE;

  exists = g_stat (target, &old) == 0;
  if (!exists && errno != ENOENT)
    {
      set_errno_error (error, errno, _("Could not write “%s”"), path);
      return FALSE;
    }
  if (exists && !S_ISREG (old.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("Could not write “%s”: it is not a regular file"), path);
      return FALSE;
    }

  /* A file removed since it was read is written again; one changed is
   * not overwritten. */
  if (etag != NULL && exists)
    {
      g_autofree char *current = journey_file_get_etag (target);

      if (current != NULL && !g_str_equal (current, etag))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("“%s” was changed on disk since it was opened"), path);
          return FALSE;
        }
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  /* A new file gets 0666 less the umask, as any new file; an old one its
   * own mode, set below. */
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, exists ? 0600 : 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not write “%s”"), path);
      return FALSE;
    }

  for (;;)
    {
      gsize length = 0;
      const char *data = next_piece (user_data, &length);

      if (data == NULL)
        break;
      if (!write_all (fd, data, length))
        goto failed;
    }

  if (exists)
    {
      /* Only root may give a file away: an owner that cannot be kept
       * becomes the user who saves, and the group is kept if it can be. */
      if ((old.st_uid != getuid () || old.st_gid != getgid ()) &&
          fchown (fd, old.st_uid, old.st_gid) != 0)
        (void) !fchown (fd, (uid_t) -1, old.st_gid);
      if (fchmod (fd, old.st_mode & 07777) != 0)
        goto failed;
    }

  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (backup && exists && !make_backup (target, path, old.st_mode & 07777, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, target) != 0)
    goto failed;

  if (new_etag != NULL)
    *new_etag = journey_file_get_etag (target);
  return TRUE;

failed:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_unlink (temp);
    set_errno_error (error, saved_errno, _("Could not write “%s”"), path);
    return FALSE;
  }
}

typedef struct
{
  const char *data;
  gsize       length;
  gboolean    given;
} WholeData;

static const char *
next_whole (gpointer  user_data,
            gsize    *length)
{
  WholeData *whole = user_data;

  if (whole->given)
    return NULL;
  whole->given = TRUE;
  *length = whole->length;
  return whole->data != NULL ? whole->data : "";
}

/**
 * journey_file_replace:
 * @path: the file to write
 * @data: (array length=length): its new contents
 * @backup: whether to keep the file's previous contents as FILE~
 * @etag: (nullable): the etag the file had when it was read or saved
 * @new_etag: (out) (optional) (transfer full): the etag of the new file
 *
 * Writes @data to a temporary file beside the file at @path (links
 * followed), flushes it to disk, gives it the old file's mode and owner,
 * and renames it over that file.  On failure (a full disk, say) the file
 * is as it was and no temporary file is left behind.
 */
gboolean
journey_file_replace (const char  *path,
                      const char  *data,
                      gsize        length,
                      gboolean     backup,
                      const char  *etag,
                      char       **new_etag,
                      GError     **error)
{
  WholeData whole = { data, length, FALSE };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replace_in_pieces (path, next_whole, &whole, backup, etag, new_etag, error);
}

/**
 * journey_write_file_in_pieces:
 * @path: the file to write
 * @next_piece: (scope call): gives the new contents piece by piece
 * @backup: whether to keep the file's previous contents as @path~
 *
 * journey_write_file_atomically() for contents too big to hold whole: an
 * exporter makes each piece when it is asked for it.
 */
gboolean
journey_write_file_in_pieces (const char           *path,
                              JourneyFilePieceFunc  next_piece,
                              gpointer              user_data,
                              gboolean              backup,
                              GError              **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (next_piece != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replace_in_pieces (path, next_piece, user_data, backup, NULL, NULL, error);
}

/**
 * journey_write_file_atomically:
 * @path: the file to write
 * @data: (array length=length): its new contents
 * @backup: whether to keep the file's previous contents as @path~
 *
 * journey_file_replace() with no etag to check: shared by every exporter.
 */
gboolean
journey_write_file_atomically (const char  *path,
                               const char  *data,
                               gsize        length,
                               gboolean     backup,
                               GError     **error)
{
  return journey_file_replace (path, data, length, backup, NULL, NULL, error);
}
