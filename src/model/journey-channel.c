/* journey-channel.c: a channel of the project, through which a
 * touchpoint reaches the customer.
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

static const JourneyField channel_fields[] = {
  JOURNEY_FIELD (JourneyChannel, id, "id", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyChannel, name, "name", STRING, ALW, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyChannel, journey_channel, channel_fields)

/**
 * journey_channel_get_display_name:
 *
 * What the program calls @self wherever it names it (the canvas, the
 * inspector, undo labels, screen readers, exports): its name, or its id when
 * the name is empty or missing.
 *
 * Returns: (transfer none): the name; never %NULL
 */
const char *
journey_channel_get_display_name (JourneyChannel *self)
{
  g_return_val_if_fail (JOURNEY_IS_CHANNEL (self), "");

  return journey_item_name_or_id (self->name, self->id);
}
