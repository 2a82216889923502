/* journey-persona.c: a persona of the project, whom a map follows.
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

static const JourneyField persona_fields[] = {
  JOURNEY_FIELD (JourneyPersona, id, "id", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyPersona, name, "name", STRING, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyPersona, description, "description", STRING, 0, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyPersona, journey_persona, persona_fields)

/**
 * journey_persona_get_display_name:
 *
 * What the program calls @self wherever it names it (the canvas, the
 * inspector, undo labels, screen readers, exports): its name, or its id when
 * the name is empty or missing.
 *
 * Returns: (transfer none): the name; never %NULL
 */
const char *
journey_persona_get_display_name (JourneyPersona *self)
{
  g_return_val_if_fail (JOURNEY_IS_PERSONA (self), "");

  return journey_item_name_or_id (self->name, self->id);
}
