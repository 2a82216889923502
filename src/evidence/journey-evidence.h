/* journey-evidence.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-edit-evidence.h"
#include "journey-survey-import.h"

G_BEGIN_DECLS

/*
 * A survey file imported into a map as a source (SPEC §11): read, turned
 * into parts per touchpoint, and put into the document as one undo step
 * (or, for a followed source's update, with no history).  What the window,
 * the command line and following a source share.
 */

/* The parts of @import's results: touchpoint id → JourneyEvidencePart. */
GHashTable            *journey_evidence_make_parts     (JourneySurveyImport        *import,
                                                        JourneyMap                 *map,
                                                        const char                 *name,
                                                        const char                 *fallback_time);
/* The source record of @import. */
JourneyEvidenceSource *journey_evidence_make_source    (JourneySurveyImport        *import,
                                                        const JourneySurveyOptions *options,
                                                        const char                 *name,
                                                        const char                 *path,
                                                        gboolean                    follow,
                                                        const char                 *fallback_time);
/* The options that import @source again. */
void                   journey_evidence_source_options (JourneyEvidenceSource      *source,
                                                        JourneySurveyOptions       *options);

JourneyEvidenceSource *journey_evidence_find_file_source (JourneyMap              *map,
                                                          GFile                   *survey,
                                                          GFile                   *project_dir);

/**
 * journey_evidence_import_file:
 * @history: (nullable): the document's history; %NULL: no undo step
 * @project_dir: the folder of the project file, for the relative path
 * @name: (nullable): the source's name (`--source`); else the source with
 *   the same file and mapping, else the file's name
 * @import_out: (out) (optional): the import, for its skipped rows
 */
gboolean               journey_evidence_import_file    (JourneyHistory             *history,
                                                        JourneyMap                 *map,
                                                        GFile                      *survey,
                                                        GFile                      *project_dir,
                                                        const JourneySurveyOptions *options,
                                                        const char                 *name,
                                                        gboolean                    follow,
                                                        GCancellable               *cancellable,
                                                        JourneySurveyImport       **import_out,
                                                        GError                    **error);

void                   journey_evidence_apply_import   (JourneyHistory             *history,
                                                        JourneyMap                 *map,
                                                        JourneySurveyImport        *import,
                                                        GFile                      *survey,
                                                        GFile                      *project_dir,
                                                        const JourneySurveyOptions *options,
                                                        const char                 *name,
                                                        const char                 *replaces,
                                                        gboolean                    follow);
JourneyMap            *journey_evidence_map_snapshot   (JourneyMap                 *map);

/* Imports @source of @map again from its file. */
gboolean               journey_evidence_refresh_source (JourneyHistory             *history,
                                                        JourneyMap                 *map,
                                                        JourneyEvidenceSource      *source,
                                                        GFile                      *project_dir,
                                                        GCancellable               *cancellable,
                                                        JourneySurveyImport       **import_out,
                                                        GError                    **error);

G_END_DECLS
