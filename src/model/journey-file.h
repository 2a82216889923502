/* journey-file.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Writing a file safely (SPEC §7), for saving and for every exporter.
 *
 * The new contents go to a temporary file beside the target, are flushed
 * to disk and renamed over it, so a failure never leaves a partial file.
 * An existing file keeps its permissions (a private 0600 file stays 0600)
 * and, where the system allows it, its owner and group.  A path that is a
 * symbolic link is followed: the file it points to is replaced, and the
 * link stays a link.  The backup, when asked for, is the previous file
 * kept as "FILE~" beside the file that is written.
 *
 * Safe to call from any thread.
 */

/* The etag of the file at @path (links followed), or NULL if there is no
 * file there. */
char     *journey_file_get_etag         (const char  *path);

/* Replaces the file at @path with @data.  When @etag is given and the file
 * exists with another etag, nothing is written and the error is
 * G_IO_ERROR_WRONG_ETAG: someone changed the file since @etag was taken.
 * On success, @new_etag (optional) is the etag of the file written. */
gboolean  journey_file_replace          (const char  *path,
                                         const char  *data,
                                         gsize        length,
                                         gboolean     backup,
                                         const char  *etag,
                                         char       **new_etag,
                                         GError     **error);

/* journey_file_replace() without an etag: what the exporters use. */
gboolean  journey_write_file_atomically (const char  *path,
                                         const char  *data,
                                         gsize        length,
                                         gboolean     backup,
                                         GError     **error);

/* The next piece of a file's contents: @length bytes, which stay valid
 * until the next call; NULL at the end. */
typedef const char *(*JourneyFilePieceFunc) (gpointer  user_data,
                                             gsize    *length);

/* journey_write_file_atomically() with the contents made piece by piece,
 * for those too big to hold whole. */
gboolean  journey_write_file_in_pieces  (const char           *path,
                                         JourneyFilePieceFunc  next_piece,
                                         gpointer              user_data,
                                         gboolean              backup,
                                         GError              **error);

G_END_DECLS
