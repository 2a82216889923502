/* journey-evidence-stats.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "journey-history.h"
#include "journey-model.h"

G_BEGIN_DECLS

/*
 * What the evidence of a touchpoint says (SPEC §11, issue 17 "Compare"):
 * the mean with its 95 % confidence interval, the survey's own metric as
 * fits its scale, thin evidence; the touchpoints in the order of their
 * gap between hypothesis and measurement; adopting the measurement.
 */

/* Fewer responses than this are thin evidence. */
#define JOURNEY_EVIDENCE_THIN 30

/* Whether @evidence rests on fewer than JOURNEY_EVIDENCE_THIN responses:
 * the one test of thin evidence, for the cards, the inspector and the
 * Compare window alike. */
static inline gboolean
journey_evidence_is_thin (const JourneyEvidence *evidence)
{
  return evidence->responses < JOURNEY_EVIDENCE_THIN;
}

/* Whether the map flags a @gap between measured mean and hypothesis on
 * a scale from @min to @max: a fifth of the scale or more.  The one test,
 * for the flags on the map and the Compare window alike. */
static inline gboolean
journey_evidence_gap_is_flagged (double gap,
                                 double min,
                                 double max)
{
  return isfinite (gap) && fabs (gap) >= (max - min) / 5.0 - 1e-9;
}

typedef enum
{
  JOURNEY_EVIDENCE_METRIC_CSAT,  /* top-two-box %, a 1–5 (or any other) survey scale */
  JOURNEY_EVIDENCE_METRIC_NPS,   /* promoters % − detractors %, a 0–10 scale */
  JOURNEY_EVIDENCE_METRIC_CES,   /* the mean effort, a 1–7 scale */
  JOURNEY_EVIDENCE_METRIC_NONE,  /* a scale of more steps than a map's (a 0–100 slider): no box is "top" */
} JourneyEvidenceMetric;

typedef struct
{
  int                   responses;
  double                mean;    /* on the map's scale */
  double                low;     /* the 95 % confidence interval of the mean, on the map's scale */
  double                high;
  gboolean              thin;
  JourneyEvidenceMetric metric;
  double                score;   /* CSAT %, NPS (−100…100) or CES (on the survey's scale); NAN without a metric */
} JourneyEvidenceSummary;

gboolean   journey_evidence_summarize        (JourneyEvidence        *evidence,
                                              JourneyScale           *map_scale,
                                              JourneyEvidenceSummary *summary);
/* The survey's own histogram, and its scale (see the .c). */
GArray    *journey_evidence_get_survey_histogram (JourneyEvidence    *evidence,
                                              JourneyScale           *map_scale,
                                              JourneyScale          **scale);
/* The weekly trend of all the parts.  (transfer container) */
GPtrArray *journey_evidence_get_trend        (JourneyEvidence        *evidence);
/* The measured mean less the hypothesis; NAN without evidence. */
double     journey_evidence_get_gap          (JourneyMap             *map,
                                              JourneyTouchpoint      *touchpoint);
/* A gap as the map's flag and the Compare window show it: "+0.8",
 * "−1.25" (a minus sign), "0"; to hundredths at most, as every value. */
char      *journey_evidence_format_gap       (double                  gap);
/* The touchpoints of @map that have evidence, the largest gap between
 * satisfaction and measured mean first.  (transfer container) */
GPtrArray *journey_evidence_rank_gaps        (JourneyMap             *map);
/* Sets the satisfaction of each of @touchpoints that has evidence to its
 * measured mean, as one undo step. */
void       journey_edit_adopt_evidence       (JourneyHistory         *history,
                                              JourneyMap             *map,
                                              JourneyTouchpoint     **touchpoints,
                                              guint                   n_touchpoints);
gboolean   journey_edit_follow_evidence_source (JourneyHistory       *history,
                                              JourneyMap             *map,
                                              const char             *name,
                                              gboolean                follow);

G_END_DECLS
