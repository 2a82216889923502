/* journey-format-read-file.c: reading a project file, whatever it is:
 * at most JOURNEY_FORMAT_MAX_SIZE bytes, from a regular file or a named
 * pipe, never from a folder, a device or a socket.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journey-format-private.h"
#include "journey-mermaid-read.h"

/* How long reading a named pipe (FIFO) waits for a program to write to it,
 * and then for each further piece, before giving up. */
#define FIFO_FIRST_WAIT_MS (5 * 1000)
#define FIFO_NEXT_WAIT_MS  (30 * 1000)
/* Read in pieces of this size. */
#define READ_CHUNK (64 * 1024)

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
}

/* Only regular files and named pipes hold a project: a device (/dev/zero
 * never ends), a folder or a socket is refused before anything is read. */
static gboolean
check_file_kind (mode_t    mode,
                 GError  **error)
{
  if (S_ISREG (mode) || S_ISFIFO (mode))
    return TRUE;
  if (S_ISDIR (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is a device, not a file"));
  else if (S_ISSOCK (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is a socket, not a file"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is not a regular file"));
  return FALSE;
}

/* Waits until @fd (a named pipe opened without blocking) has bytes or its
 * writer has closed it. */
static gboolean
wait_for_pipe (int       fd,
               int       timeout_ms,
               gboolean  started,
               GError  **error)
{
  struct pollfd pfd = { .fd = fd, .events = POLLIN };

  for (;;)
    {
      int n = poll (&pfd, 1, timeout_ms);

      if (n > 0)
        return TRUE;
      if (n == 0)
        {
          if (started)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "It is a pipe, and nothing more came through it for %d second",
                                      "It is a pipe, and nothing more came through it for %d seconds",
                                      timeout_ms / 1000),
                         timeout_ms / 1000);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "It is a pipe, and no program wrote to it within %d second",
                                      "It is a pipe, and no program wrote to it within %d seconds",
                                      timeout_ms / 1000),
                         timeout_ms / 1000);
          return FALSE;
        }
      if (errno != EINTR)
        {
          set_errno_error (error, errno);
          return FALSE;
        }
    }
}

/* Reads the next piece of a source into @buffer, @so_far bytes having
 * been read before: how many bytes it read, 0 at the end, -1 with @error
 * set. */
typedef gssize (*ReadPieceFunc) (gpointer   source,
                                 guint8    *buffer,
                                 gsize      size,
                                 gsize      so_far,
                                 GError   **error);

/* Reads all of @source, but never more than JOURNEY_FORMAT_MAX_SIZE bytes,
 * whatever it claims to hold; the text comes back NUL-terminated. */
static char *
read_capped (ReadPieceFunc   read_piece,
             gpointer        source,
             gsize           size_hint,
             gsize          *length,
             GPtrArray      *problems,
             GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (MIN (size_hint, JOURNEY_FORMAT_MAX_SIZE) + 1);

  for (;;)
    {
      guint old = bytes->len;
      gssize n;

      g_byte_array_set_size (bytes, old + READ_CHUNK);
      n = read_piece (source, bytes->data + old, READ_CHUNK, old, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (bytes, old + n);
      if (n == 0)
        break;
      if (bytes->len > JOURNEY_FORMAT_MAX_SIZE)
        {
          journey_format_report_too_large (problems, error);
          return NULL;
        }
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

typedef struct
{
  int      fd;
  gboolean is_pipe;
} Descriptor;

/* A piece of a file descriptor; a pipe is waited for. */
static gssize
read_descriptor (gpointer   source,
                 guint8    *buffer,
                 gsize      size,
                 gsize      so_far,
                 GError   **error)
{
  Descriptor *descriptor = source;

  for (;;)
    {
      gssize n;

      if (descriptor->is_pipe &&
          !wait_for_pipe (descriptor->fd, so_far == 0 ? FIFO_FIRST_WAIT_MS : FIFO_NEXT_WAIT_MS, so_far > 0, error))
        return -1;
      n = read (descriptor->fd, buffer, size);
      if (n >= 0)
        return n;
      if (errno != EINTR && errno != EAGAIN)
        {
          set_errno_error (error, errno);
          return -1;
        }
    }
}

static gssize
read_stream (gpointer   source,
             guint8    *buffer,
             gsize      size,
             gsize      so_far,
             GError   **error)
{
  return g_input_stream_read (source, buffer, size, NULL, error);
}

/* A file that GIO reaches but that has no local path (a remote share):
 * streamed with the same cap. */
static char *
read_stream_capped (GFile      *file,
                    gsize      *length,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a file"));
      return NULL;
    case G_FILE_TYPE_SPECIAL:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is not a regular file"));
      return NULL;
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      break;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  return read_capped (read_stream, stream, 0, length, problems, error);
}

static char *
read_file_capped (GFile      *file,
                  gsize      *length,
                  GPtrArray  *problems,
                  GError    **error)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;
  Descriptor descriptor;
  char *data;
  int fd;

  if (path == NULL)
    return read_stream_capped (file, length, problems, error);

  /* stat() first: opening a socket fails with an unhelpful error, and
   * opening a device may have effects. */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!check_file_kind (st.st_mode, error))
    return NULL;

  /* Without blocking, so that a named pipe with no writer does not hang
   * here; wait_for_pipe() waits for one, for a while. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  /* What was opened is what counts (it may have been replaced since). */
  if (fstat (fd, &st) != 0 || !check_file_kind (st.st_mode, error))
    {
      if (error != NULL && *error == NULL)
        set_errno_error (error, errno);
      close (fd);
      return NULL;
    }

  /* A regular file that says it is too large is refused unread; one that
   * says less (or 0, like those of /proc) is still read only up to the
   * limit. */
  if (S_ISREG (st.st_mode) && st.st_size > JOURNEY_FORMAT_MAX_SIZE)
    {
      journey_format_report_too_large (problems, error);
      close (fd);
      return NULL;
    }

  descriptor.fd = fd;
  descriptor.is_pipe = S_ISFIFO (st.st_mode);
  data = read_capped (read_descriptor, &descriptor, S_ISREG (st.st_mode) ? (gsize) st.st_size : 0,
                      length, problems, error);
  close (fd);
  return data;
}

/**
 * journey_format_read_file:
 * @problems: (nullable) (element-type JourneyProblem): where to add the problems found
 *
 * Reads @file, at most %JOURNEY_FORMAT_MAX_SIZE bytes of it, whatever its
 * size says.  A regular file or a named pipe is read; a folder, a device or
 * a socket is refused, and so is a pipe that no program writes to within 5
 * seconds.
 *
 * Returns: (transfer full) (nullable): the project read from @file
 */
JourneyProject *
journey_format_read_file (GFile      *file,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = read_file_capped (file, &length, problems, error);
  if (data == NULL)
    return NULL;

  return journey_format_read_data (data, length, problems, error);
}

/**
 * journey_format_repair_file:
 * @changes: (element-type JourneyProblem): where to add the changes made
 *
 * Reads @file as journey_format_read_file() does, and mends its problems
 * as journey_format_repair_data() does.
 *
 * Returns: (transfer full) (nullable): the repaired project
 */
JourneyProject *
journey_format_repair_file (GFile      *file,
                            GPtrArray  *changes,
                            GError    **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (changes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = read_file_capped (file, &length, NULL, error);
  if (data == NULL)
    return NULL;

  return journey_format_repair_data (data, length, changes, error);
}

/* A project from @data, or when it has problems, *@repaired (if given)
 * set to a repaired copy, if there is one. */
static JourneyProject *
read_data_or_repair (const char      *data,
                     gsize            length,
                     GPtrArray       *problems,
                     JourneyProject **repaired,
                     GPtrArray       *changes,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  JourneyProject *project;

  project = journey_format_read_data (data, length, problems, &local_error);
  if (project != NULL)
    return project;

  /* A file from a newer version, or too large, is not tried; malformed
   * JSON is tried, and the repair refuses it. */
  if (repaired != NULL && g_error_matches (local_error, JOURNEY_FORMAT_ERROR, JOURNEY_FORMAT_ERROR_INVALID))
    {
      g_autoptr(GPtrArray) own_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_problem_free);

      *repaired = journey_format_repair_data (data, length, own_changes, NULL);
      if (*repaired != NULL)
        g_ptr_array_extend_and_steal (changes, g_steal_pointer (&own_changes));
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * journey_format_open_file:
 * @problems: (nullable) (element-type JourneyProblem): where to add the problems found
 * @repaired: (out) (optional) (nullable) (transfer full): a repaired copy,
 *   when the file has problems that can all be mended
 * @changes: (nullable) (element-type JourneyProblem): the changes made
 *   for @repaired
 * @imported: (out) (optional): whether @file held Mermaid journeys
 * @warnings: (nullable) (element-type JourneyProblem): what reading
 *   Mermaid had to guess
 *
 * Returns: (transfer full) (nullable): the project read from @file, or
 *   %NULL if it has problems
 */
JourneyProject *
journey_format_open_file (GFile           *file,
                          GPtrArray       *problems,
                          JourneyProject **repaired,
                          GPtrArray       *changes,
                          gboolean        *imported,
                          GPtrArray       *warnings,
                          GError         **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (repaired == NULL || changes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (repaired != NULL)
    *repaired = NULL;
  if (imported != NULL)
    *imported = FALSE;

  data = read_file_capped (file, &length, problems, error);
  if (data == NULL)
    return NULL;

  if (journey_mermaid_detect (data, length) != JOURNEY_MERMAID_NONE)
    {
      if (imported != NULL)
        *imported = TRUE;
      return journey_mermaid_read_data (data, length, problems, warnings, error);
    }
  return read_data_or_repair (data, length, problems, repaired, changes, error);
}
