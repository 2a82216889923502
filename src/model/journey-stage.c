/* journey-stage.c: a stage of a map: a phase of its timeline.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <math.h>

#include "journey-model.h"

#define REQ  JOURNEY_FIELD_REQUIRED
#define ALW  JOURNEY_FIELD_ALWAYS
#define NE   JOURNEY_FIELD_NON_EMPTY

static const JourneyField stage_fields[] = {
  JOURNEY_FIELD (JourneyStage, id, "id", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyStage, name, "name", STRING, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyStage, length, "length", DOUBLE, ALW, 1, NULL),
  JOURNEY_FIELD (JourneyStage, color, "color", COLOR, 0, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyStage, journey_stage, stage_fields)

/**
 * journey_stage_get_display_name:
 *
 * What the program calls @self wherever it names it (the canvas, the
 * inspector, undo labels, screen readers, exports): its name, or its id when
 * the name is empty or missing.
 *
 * Returns: (transfer none): the name; never %NULL
 */
const char *
journey_stage_get_display_name (JourneyStage *self)
{
  g_return_val_if_fail (JOURNEY_IS_STAGE (self), "");

  return journey_item_name_or_id (self->name, self->id);
}

/**
 * journey_stage_get_span:
 *
 * A stage whose length is not a finite number greater than 0 (which
 * validation refuses) still takes one unit of the timeline, so that every
 * stage has a place and the stages never run backwards.
 *
 * Returns: the length of the timeline that @self takes
 */
double
journey_stage_get_span (JourneyStage *self)
{
  g_return_val_if_fail (JOURNEY_IS_STAGE (self), 1.0);

  if (isfinite (self->length) && self->length > 0)
    return self->length;
  return 1.0;
}
