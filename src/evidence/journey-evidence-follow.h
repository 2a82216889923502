/* journey-evidence-follow.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-model.h"

G_BEGIN_DECLS

/*
 * JourneyEvidenceFollow: a followed survey source (SPEC §11): the file is
 * watched with a GFileMonitor, only the bytes appended since the last read
 * are read, and the map's aggregates are updated within a second of a
 * write, with no undo step (SPEC §10, "The history").  A file truncated or
 * replaced (log rotation, a new nightly export) is read again from the
 * start.  "updated" is emitted after each change to the map, so that the
 * document can be marked modified; "error" holds why the file cannot be
 * read, or NULL.
 */

#define JOURNEY_TYPE_EVIDENCE_FOLLOW (journey_evidence_follow_get_type ())
G_DECLARE_FINAL_TYPE (JourneyEvidenceFollow, journey_evidence_follow, JOURNEY, EVIDENCE_FOLLOW, GObject)

/* How long the file monitor waits between two reports of changes, in ms. */
#define JOURNEY_EVIDENCE_FOLLOW_RATE_LIMIT 100

JourneyEvidenceFollow *journey_evidence_follow_new       (JourneyMap            *map,
                                                          const char            *source,
                                                          GFile                 *project_dir,
                                                          GError               **error);
const char            *journey_evidence_follow_get_source (JourneyEvidenceFollow *self);
const GError          *journey_evidence_follow_get_error  (JourneyEvidenceFollow *self);
/* Reads what was appended, now (the monitor calls it). */
void                   journey_evidence_follow_update     (JourneyEvidenceFollow *self);

G_END_DECLS
