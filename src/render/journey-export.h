/* journey-export.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-layout.h"
#include "journey-model.h"

G_BEGIN_DECLS

#define JOURNEY_EXPORT_ERROR (journey_export_error_quark ())

typedef enum
{
  JOURNEY_EXPORT_ERROR_UNSUPPORTED, /* unknown extension */
  JOURNEY_EXPORT_ERROR_FAILED,
} JourneyExportError;

GQuark   journey_export_error_quark (void);

/* Exports @map of @project to @path, in the format its extension names:
 * .svg, .png, .pdf (the map) or .csv (pain points, opportunities and
 * actions; of every map when @map is NULL).  @scale multiplies the size of
 * a PNG.  Writes to a temporary file and renames it: never a partial file.
 * (.journey is written by journey_format_write_file(), not here.) */
gboolean journey_export_file        (JourneyProject *project,
                                     JourneyMap     *map,
                                     const char     *path,
                                     double          scale,
                                     GError        **error);
/* The same, with the note lanes shown or hidden as @notes says, whatever
 * the map's setting (JOURNEY_NOTES_AS_MAP: as the map says). */
gboolean journey_export_file_full   (JourneyProject  *project,
                                     JourneyMap      *map,
                                     const char      *path,
                                     double           scale,
                                     JourneyNotesMode notes,
                                     GError         **error);

G_END_DECLS
