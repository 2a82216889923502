/* journey-export.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-csv.h"
#include "journey-layout.h"
#include "journey-model.h"
#include "journey-scene.h"

G_BEGIN_DECLS

/*
 * Exporting: one table of the formats a project can be written in, and one
 * entry point that writes any of them.  The export dialog, the command
 * line (journeys --export), printing and the tests all go through here;
 * none of them tests an extension or picks a writer on its own.
 *
 * Adding a format is one place only: write its writer (a
 * JourneyExportWriter, in a file of its own when it is more than a few
 * lines) and add one row to the `formats` table at the top of
 * journey-export.c, with its id, its name (N_() for the dialog's list),
 * its extensions, its MIME type, the JourneyExportFlags of the options
 * that apply to it.  (Reading is not here: every file that opens, a
 * .journey or Mermaid journeys, is told from its content by
 * journey_format_open_file().)  The dialog lists it (unless it is the
 * project itself), --export takes its extensions, and the "use .svg, .png…"
 * messages and --help name them.  Then give the tests its first bytes:
 * `expected` in tests/export/test-export-api.c (which fails until you do)
 * and, when the dialog offers it, `magic` in test_export of
 * tests/test-app-export.c.  An option that no format had before (like the
 * notes switch) is a field of JourneyExportOptions and a JourneyExportFlags
 * bit.
 */

#define JOURNEY_EXPORT_ERROR (journey_export_error_quark ())

typedef enum
{
  JOURNEY_EXPORT_ERROR_UNSUPPORTED, /* unknown extension */
  JOURNEY_EXPORT_ERROR_FAILED,
} JourneyExportError;

GQuark   journey_export_error_quark (void);

/* What a format is and which options apply to it. */
typedef enum
{
  JOURNEY_EXPORT_USES_SCALE       = 1 << 0, /* JourneyExportOptions.scale */
  JOURNEY_EXPORT_USES_NOTES       = 1 << 1, /* JourneyExportOptions.notes */
  JOURNEY_EXPORT_USES_CSV_FLAVOUR = 1 << 2, /* JourneyExportOptions.csv_flavour */
  /* Without a map, every map of the project (else the first map). */
  JOURNEY_EXPORT_ALL_MAPS         = 1 << 3,
  /* The project itself, saved as the app saves it: not offered by the
   * export dialog (that is Save As), and the one format that the command
   * line lets replace the file it was made from. */
  JOURNEY_EXPORT_PROJECT          = 1 << 4,
} JourneyExportFlags;

/* The options of one export; each applies only to the formats whose flags
 * say so, and is ignored by the others. */
typedef struct
{
  double            scale;       /* USES_SCALE: 2 for an image twice as large */
  JourneyNotesMode  notes;       /* USES_NOTES: the note lanes as the map says, shown or hidden */
  JourneyCsvFlavour csv_flavour; /* USES_CSV_FLAVOUR: plain, Jira or Rally */
} JourneyExportOptions;

/* The options when none are given. */
#define JOURNEY_EXPORT_OPTIONS_INIT { 1.0, JOURNEY_NOTES_AS_MAP, JOURNEY_CSV_PLAIN }

/* Writes @map of @project (NULL: as the format's flags say) with @options
 * to the local file @path.  Called by journey_export_write(), which has
 * checked the arguments and chosen the map; must write to a temporary file
 * and rename it (journey_write_file_atomically()), never a partial file. */
typedef gboolean (*JourneyExportWriter) (JourneyProject             *project,
                                         JourneyMap                 *map,
                                         const JourneyExportOptions *options,
                                         const char                 *path,
                                         GError                    **error);

typedef struct
{
  const char          *id;         /* "svg": stable, never translated */
  const char          *name;       /* "SVG Image": journey_export_format_get_name() translates it */
  const char * const  *extensions; /* lower case, without the dot; the first is added to a bare name */
  const char          *mime_type;
  JourneyExportFlags   flags;
  JourneyExportWriter  write;
} JourneyExportFormat;

/* The formats, in the order the export dialog lists them. */
guint                      journey_export_get_n_formats   (void);
const JourneyExportFormat *journey_export_get_format      (guint                      index);
/* The position of @format in the table. */
guint                      journey_export_format_get_index (const JourneyExportFormat *format);
/* The format with @id ("svg", "png", "pdf", "csv", "mmd", "md",
 * "journey"), or NULL. */
const JourneyExportFormat *journey_export_format_from_id  (const char                *id);
/* The format that the extension of @path names (in any case), or NULL
 * with JOURNEY_EXPORT_ERROR_UNSUPPORTED naming @path and the extensions
 * that are known. */
const JourneyExportFormat *journey_export_format_for_path (const char                *path,
                                                           GError                   **error);
/* The extension added to a name that has none of the format's, without
 * the dot. */
const char                *journey_export_format_get_extension (const JourneyExportFormat *format);
/* The format's name, translated: "SVG Image". */
const char                *journey_export_format_get_name (const JourneyExportFormat *format);
/* The extensions of every format whose flags include all of @flags, for a
 * message: ".svg, .png or .pdf". */
char                      *journey_export_describe_extensions (JourneyExportFlags flags);

/* Exports @map of @project to @file (a file on this computer) as @format
 * (NULL: the one @file's extension names) with @options (NULL: the
 * defaults).  Without a map, the formats with JOURNEY_EXPORT_ALL_MAPS
 * write every map, the others the first one.  Writes to a temporary file
 * and renames it: never a partial file. */
gboolean                   journey_export_write           (JourneyProject             *project,
                                                           JourneyMap                 *map,
                                                           const JourneyExportFormat  *format,
                                                           const JourneyExportOptions *options,
                                                           GFile                      *file,
                                                           GError                    **error);

/* The map as every image export and printing draw it: @map laid out with
 * the notes as @options say (NULL: as the map says)… */
JourneyLayout             *journey_export_layout_new      (JourneyProject             *project,
                                                           JourneyMap                 *map,
                                                           const JourneyExportOptions *options);
/* …and that layout's scene.  Free the scene before *@layout. */
JourneyScene              *journey_export_scene_new       (JourneyProject             *project,
                                                           JourneyMap                 *map,
                                                           const JourneyExportOptions *options,
                                                           JourneyLayout             **layout);

G_END_DECLS
