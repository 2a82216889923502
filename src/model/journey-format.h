/* journey-format.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-file.h"
#include "journey-model.h"
#include "journey-problem.h"

G_BEGIN_DECLS

/*
 * File format v1 (SPEC §3): reading, checking and writing.  Reading
 * reports every problem it finds (see journey-problem.h).
 */

#define JOURNEY_FORMAT_ERROR (journey_format_error_quark ())

typedef enum
{
  JOURNEY_FORMAT_ERROR_INVALID,   /* the problems array says what */
  JOURNEY_FORMAT_ERROR_VERSION,   /* written by a newer program */
  JOURNEY_FORMAT_ERROR_TOO_LARGE,
} JourneyFormatError;

GQuark          journey_format_error_quark   (void);

/* Largest file read, in bytes. */
#define JOURNEY_FORMAT_MAX_SIZE (512 * 1024 * 1024)
/* Deepest nesting of arrays and objects read. */
#define JOURNEY_FORMAT_MAX_DEPTH 64

/* Reading.  On failure, returns NULL, sets @error with a summary, and (when
 * @problems is given) appends every JourneyProblem found. */
JourneyProject *journey_format_read_data     (const char  *data,
                                              gsize        length,
                                              GPtrArray   *problems,
                                              GError     **error);
JourneyProject *journey_format_read_file     (GFile       *file,
                                              GPtrArray   *problems,
                                              GError     **error);

/* Checks a project in memory against every rule of SPEC §3 (references,
 * unique ids, ranges, the scale).  Appends problems; returns TRUE when none. */
gboolean        journey_project_check        (JourneyProject *project,
                                              GPtrArray      *problems);
/* The same rules for a scale alone (problems at "min", "labels"). */
gboolean        journey_scale_check          (JourneyScale   *scale,
                                              GPtrArray      *problems);

/* Repairing ("Open a Repaired Copy"): mends what breaks the rules in
 * @project (journey-validate.c writes each rule once, with its mend),
 * appending one JourneyProblem to @changes for each change, at its place
 * ("maps[0].touchpoints[3].time") with what it was and what it is now.
 * Returns TRUE when no problem is left. */
gboolean        journey_project_repair       (JourneyProject *project,
                                              GPtrArray      *changes);
/* A project read from a file that has problems, with them mended: NULL,
 * with @error set, when the file cannot be read as JSON of a version this
 * program knows, or when a problem is left that has no sure mend.  A
 * value that cannot be read (of the wrong type, given twice) is left out
 * and listed in @changes too. */
JourneyProject *journey_format_repair_data   (const char     *data,
                                              gsize           length,
                                              GPtrArray      *changes,
                                              GError        **error);
JourneyProject *journey_format_repair_file   (GFile          *file,
                                              GPtrArray      *changes,
                                              GError        **error);
/* Reads @file as journey_format_read_file() does; when it has problems
 * and @repaired is given, *@repaired is set to a repaired copy (see
 * journey_format_repair_data()) if there is one, with its changes added
 * to @changes.  The file is read once.  If it holds Mermaid journeys
 * (journey-mermaid-read.h, detected from the content), those are read
 * instead, as a new project that no file holds, *@imported is set to
 * TRUE, and @warnings (nullable) receives what the reader had to guess. */
JourneyProject *journey_format_open_file     (GFile           *file,
                                              GPtrArray       *problems,
                                              JourneyProject **repaired,
                                              GPtrArray       *changes,
                                              gboolean        *imported,
                                              GPtrArray       *warnings,
                                              GError         **error);

/* Writing: stable key order, two-space indent, one trailing newline. */
char           *journey_format_write_data    (JourneyProject *project,
                                              gsize          *length);

typedef enum
{
  JOURNEY_SAVE_NONE   = 0,
  JOURNEY_SAVE_BACKUP = 1 << 0, /* keep the previous file as FILE~ */
  JOURNEY_SAVE_OVERWRITE = 1 << 1, /* a document's save: even over a file changed on disk */
} JourneySaveFlags;

/* Writes to a temporary file in the same folder and renames it over
 * @file, so a failure never leaves a partial file. */
gboolean        journey_format_write_file    (JourneyProject   *project,
                                              GFile            *file,
                                              JourneySaveFlags  flags,
                                              GError          **error);

G_END_DECLS
