/* journey-evidence-source.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-item.h"

G_BEGIN_DECLS

/*
 * What the project keeps of survey evidence (SPEC §11), beside the combined
 * `evidence` of each touchpoint (SPEC §3):
 *
 * - JourneyEvidenceSource, in the map's `evidence_sources`: a survey file
 *   the map was tested against, remembered so that it can be imported
 *   again, followed, renamed or removed.
 * - JourneyEvidencePart, in a touchpoint's `evidence.sources`: the
 *   aggregates of one source for that touchpoint, on the map's scale and on
 *   the survey's own (so that CSAT, NPS and CES are computed honestly and a
 *   change of the map's scale re-bins them).
 * - JourneyEvidenceWeek, in a part's `weeks`: the weekly trend.
 *
 * Never a raw row.
 */

typedef struct _JourneyScale JourneyScale;

#define JOURNEY_TYPE_EVIDENCE_SOURCE (journey_evidence_source_get_type ())
G_DECLARE_FINAL_TYPE (JourneyEvidenceSource, journey_evidence_source, JOURNEY, EVIDENCE_SOURCE, JourneyItem)

struct _JourneyEvidenceSource
{
  JourneyItem   parent_instance;
  char         *name;               /* unique in the map; what evidence.source lists */
  char         *path;               /* relative to the project file's folder */
  char         *format;             /* "qualtrics", "csv", … */
  char         *encoding;           /* NULL: detected */
  char         *separator;          /* NULL: detected */
  char        **mapping;            /* wide: "COLUMN=TOUCHPOINT-ID" */
  char         *touchpoint_column;  /* long */
  char         *score_column;       /* long */
  char         *time_column;
  char         *count_column;
  JourneyScale *survey_scale;       /* never NULL once imported */
  char         *since;              /* "YYYY-MM-DD" or NULL */
  int           last_days;          /* 0: all */
  gboolean      follow;
  int           rows;               /* rows used at the last import */
  int           skipped;            /* rows skipped at the last import */
  char         *updated;            /* ISO 8601: the newest response, or the import */
};

#define JOURNEY_TYPE_EVIDENCE_WEEK (journey_evidence_week_get_type ())
G_DECLARE_FINAL_TYPE (JourneyEvidenceWeek, journey_evidence_week, JOURNEY, EVIDENCE_WEEK, JourneyItem)

struct _JourneyEvidenceWeek
{
  JourneyItem  parent_instance;
  char        *week;       /* the Monday, "YYYY-MM-DD" */
  int          responses;
  double       mean;       /* on the map's scale */
};

#define JOURNEY_TYPE_EVIDENCE_PART (journey_evidence_part_get_type ())
G_DECLARE_FINAL_TYPE (JourneyEvidencePart, journey_evidence_part, JOURNEY, EVIDENCE_PART, JourneyItem)

struct _JourneyEvidencePart
{
  JourneyItem   parent_instance;
  char         *source;            /* the name of a JourneyEvidenceSource */
  int           responses;
  double        mean;              /* on the map's scale */
  GArray       *histogram;         /* of int: per step of the map's scale */
  JourneyScale *survey_scale;      /* or NULL: the map's */
  GArray       *survey_histogram;  /* of int: per step of the survey's scale */
  char         *first;             /* ISO 8601, or NULL without times */
  char         *last;
  JourneyList  *weeks;             /* of JourneyEvidenceWeek */
};

G_END_DECLS
