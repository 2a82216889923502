/* journey-edit-evidence.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-history.h"
#include "journey-model.h"

G_BEGIN_DECLS

/*
 * Survey evidence in the document (SPEC §11): a touchpoint's `evidence` is
 * the combination of its parts, one per source; the map lists its sources.
 * Every function that changes a map takes a history: the change is one
 * undo step, or, with %NULL (a followed source's update, SPEC §10 "The
 * history"), it is made directly and the caller marks the document
 * modified.
 */

/* A survey value on the map's scale: the linear mapping of SPEC §2. */
double               journey_evidence_map_value        (JourneyScale        *survey,
                                                        JourneyScale        *map,
                                                        double               value);
/* A survey histogram (of int, per survey step) re-binned onto the map's
 * steps: each survey step counts at the map step nearest its value. */
GArray              *journey_evidence_bin_onto         (JourneyScale        *survey,
                                                        GArray              *survey_histogram,
                                                        JourneyScale        *map);
/* The combined evidence of @parts (of JourneyEvidencePart, copied), or
 * %NULL when there are none. */
JourneyEvidence     *journey_evidence_combine          (GPtrArray           *parts);
/* The parts of @evidence, with evidence that has none as one part named
 * by its source (typed by hand, or from an older file).  (transfer full) */
GPtrArray           *journey_evidence_get_parts        (JourneyEvidence     *evidence);
/* @evidence on a new scale of the map: parts re-binned from their survey
 * histograms. */
JourneyEvidence     *journey_evidence_on_scale         (JourneyEvidence     *evidence,
                                                        JourneyScale        *from,
                                                        JourneyScale        *to);

/* @file's path relative to the folder @base ("../data/s.csv"); absolute
 * without a @base (a document not saved yet). */
char                  *journey_evidence_relative_path  (GFile               *base,
                                                        GFile               *file);
/* Rewrites every source path of @project, relative to @from (or absolute
 * when %NULL), relative to @to: a project saved in another folder. */
void                   journey_evidence_rebase_paths   (JourneyProject      *project,
                                                        GFile               *from,
                                                        GFile               *to);

/* Two items (or NULLs) with equal fields, lists and objects compared too. */
gboolean             journey_evidence_item_equal       (gpointer             a,
                                                        gpointer             b);

JourneyEvidenceSource *journey_map_find_evidence_source (JourneyMap         *map,
                                                        const char          *name,
                                                        guint               *position);

/* Puts @source into the map's sources (in place of the one named
 * @replaces, or of its own name) and @parts (touchpoint id →
 * JourneyEvidencePart) into the touchpoints' evidence, replacing what the
 * replaced source had. */
void                 journey_edit_import_evidence      (JourneyHistory      *history,
                                                        JourneyMap          *map,
                                                        JourneyEvidenceSource *source,
                                                        const char          *replaces,
                                                        GHashTable          *parts);
void                 journey_edit_remove_evidence_source (JourneyHistory    *history,
                                                        JourneyMap          *map,
                                                        const char          *name);
gboolean             journey_edit_rename_evidence_source (JourneyHistory    *history,
                                                        JourneyMap          *map,
                                                        const char          *name,
                                                        const char          *new_name);

G_END_DECLS
