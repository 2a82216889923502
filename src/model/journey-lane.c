/* journey-lane.c: a lane of a map: a row of the blueprint.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include "journey-model.h"

#define REQ  JOURNEY_FIELD_REQUIRED
#define ALW  JOURNEY_FIELD_ALWAYS
#define NE   JOURNEY_FIELD_NON_EMPTY

static const JourneyField lane_fields[] = {
  JOURNEY_FIELD (JourneyLane, id, "id", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyLane, name, "name", STRING, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyLane, kind, "kind", ENUM, ALW, JOURNEY_LANE_CUSTOMER, journey_lane_kind_get_type),
  JOURNEY_FIELD (JourneyLane, color, "color", COLOR, 0, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyLane, journey_lane, lane_fields)

/**
 * journey_lane_get_display_name:
 *
 * What the program calls @self wherever it names it (the canvas, the
 * inspector, undo labels, screen readers, exports): its name, or its id when
 * the name is empty or missing.
 *
 * Returns: (transfer none): the name; never %NULL
 */
const char *
journey_lane_get_display_name (JourneyLane *self)
{
  g_return_val_if_fail (JOURNEY_IS_LANE (self), "");

  return journey_item_name_or_id (self->name, self->id);
}
