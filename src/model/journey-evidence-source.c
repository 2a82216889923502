/* journey-evidence-source.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The survey sources of a map and their aggregates per touchpoint (SPEC
 * §11): only their tables of fields; JourneyItem reads, writes and copies
 * them. */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include "journey-model.h"

#define REQ  JOURNEY_FIELD_REQUIRED
#define ALW  JOURNEY_FIELD_ALWAYS
#define NE   JOURNEY_FIELD_NON_EMPTY
#define TS   JOURNEY_FIELD_TIMESTAMP

static const JourneyField source_fields[] = {
  JOURNEY_FIELD (JourneyEvidenceSource, name, "name", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, path, "path", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, format, "format", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, encoding, "encoding", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, separator, "separator", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, mapping, "mapping", STRV, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, touchpoint_column, "touchpoint_column", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, score_column, "score_column", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, time_column, "time_column", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, count_column, "count_column", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, survey_scale, "survey_scale", OBJECT, 0, 0, journey_scale_get_type),
  JOURNEY_FIELD (JourneyEvidenceSource, since, "since", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, last_days, "last_days", INT, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, follow, "follow", BOOLEAN, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, rows, "rows", INT, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, skipped, "skipped", INT, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceSource, updated, "updated", STRING, TS, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyEvidenceSource, journey_evidence_source, source_fields)

static const JourneyField week_fields[] = {
  JOURNEY_FIELD (JourneyEvidenceWeek, week, "week", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceWeek, responses, "responses", INT, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyEvidenceWeek, mean, "mean", DOUBLE, REQ, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyEvidenceWeek, journey_evidence_week, week_fields)

static const JourneyField part_fields[] = {
  JOURNEY_FIELD (JourneyEvidencePart, source, "source", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyEvidencePart, responses, "responses", INT, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyEvidencePart, mean, "mean", DOUBLE, REQ, 0, NULL),
  JOURNEY_FIELD (JourneyEvidencePart, histogram, "histogram", INTV, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidencePart, survey_scale, "survey_scale", OBJECT, 0, 0, journey_scale_get_type),
  JOURNEY_FIELD (JourneyEvidencePart, survey_histogram, "survey_histogram", INTV, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidencePart, first, "first", STRING, TS, 0, NULL),
  JOURNEY_FIELD (JourneyEvidencePart, last, "last", STRING, TS, 0, NULL),
  JOURNEY_FIELD (JourneyEvidencePart, weeks, "weeks", LIST, 0, 0, journey_evidence_week_get_type),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyEvidencePart, journey_evidence_part, part_fields)
