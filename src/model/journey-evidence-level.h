/* journey-evidence-level.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-model.h"

G_BEGIN_DECLS

/*
 * The evidence level of a touchpoint (issue 17, "Compare"): what its
 * satisfaction rests on.  Shown on every card, in every export's legend
 * and in the card's accessible description.
 */
typedef enum
{
  JOURNEY_EVIDENCE_LEVEL_ASSUMED,   /* no survey response: the hypothesis alone */
  JOURNEY_EVIDENCE_LEVEL_THIN,      /* measured, fewer than JOURNEY_EVIDENCE_THIN responses */
  JOURNEY_EVIDENCE_LEVEL_MEASURED,  /* measured, enough responses */
} JourneyEvidenceLevel;

JourneyEvidenceLevel journey_touchpoint_get_evidence_level (JourneyTouchpoint *self);

G_END_DECLS
