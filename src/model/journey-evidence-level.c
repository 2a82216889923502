/* journey-evidence-level.c: what a touchpoint's satisfaction rests on.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <math.h>

#include "journey-evidence-level.h"
#include "journey-evidence-stats.h"

/**
 * journey_touchpoint_get_evidence_level:
 *
 * Returns: assumed when @self has no evidence with a mean (the measured
 *   curve has no point there), thin under %JOURNEY_EVIDENCE_THIN
 *   responses, else measured
 */
JourneyEvidenceLevel
journey_touchpoint_get_evidence_level (JourneyTouchpoint *self)
{
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (self), JOURNEY_EVIDENCE_LEVEL_ASSUMED);

  if (self->evidence == NULL || !isfinite (self->evidence->mean))
    return JOURNEY_EVIDENCE_LEVEL_ASSUMED;
  if (journey_evidence_is_thin (self->evidence))
    return JOURNEY_EVIDENCE_LEVEL_THIN;
  return JOURNEY_EVIDENCE_LEVEL_MEASURED;
}
