/* journey-touchpoint.c: a touchpoint, and its parts: actions, comments
 * and survey evidence.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "journey-model.h"

#define REQ  JOURNEY_FIELD_REQUIRED
#define ALW  JOURNEY_FIELD_ALWAYS
#define NE   JOURNEY_FIELD_NON_EMPTY

/* The order of this table is the order of the keys in a saved file. */
static const JourneyField touchpoint_fields[] = {
  JOURNEY_FIELD (JourneyTouchpoint, id, "id", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, title, "title", STRING, REQ, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, lane, "lane", STRING, REQ | NE, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, channel, "channel", STRING, NE, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, time, "time", DOUBLE, REQ, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, satisfaction, "satisfaction", OPTIONAL, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, target, "target", OPTIONAL, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, weight, "weight", ENUM, ALW, JOURNEY_WEIGHT_MINOR, journey_weight_get_type),
  JOURNEY_FIELD (JourneyTouchpoint, when, "when", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, description, "description", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, thoughts, "thoughts", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, feelings, "feelings", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, pain_points, "pain_points", STRV, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, opportunities, "opportunities", STRV, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, actions, "actions", LIST, 0, 0, journey_action_get_type),
  JOURNEY_FIELD (JourneyTouchpoint, comments, "comments", LIST, 0, 0, journey_comment_get_type),
  JOURNEY_FIELD (JourneyTouchpoint, votes, "votes", INT, 0, 0, NULL),
  JOURNEY_FIELD (JourneyTouchpoint, evidence, "evidence", OBJECT, 0, 0, journey_evidence_get_type),
  JOURNEY_FIELD (JourneyTouchpoint, room, "room", OBJECT, 0, 0, journey_room_get_type),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyTouchpoint, journey_touchpoint, touchpoint_fields)

gboolean
journey_touchpoint_has_target (JourneyTouchpoint *self)
{
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (self), FALSE);

  return !isnan (self->target);
}

/**
 * journey_touchpoint_get_display_name:
 *
 * What the program calls @self wherever it names it (the canvas, the
 * inspector, undo labels, screen readers, exports): its title, or its id when
 * the title is empty or missing.
 *
 * Returns: (transfer none): the name; never %NULL
 */
const char *
journey_touchpoint_get_display_name (JourneyTouchpoint *self)
{
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (self), "");

  return journey_item_name_or_id (self->title, self->id);
}

/* -- Parts of a touchpoint ------------------------------------------------ */

static const JourneyField action_fields[] = {
  JOURNEY_FIELD (JourneyAction, text, "text", STRING, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyAction, owner, "owner", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyAction, status, "status", ENUM, ALW, JOURNEY_STATUS_OPEN, journey_status_get_type),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyAction, journey_action, action_fields)

static const JourneyField comment_fields[] = {
  JOURNEY_FIELD (JourneyComment, author, "author", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyComment, role, "role", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyComment, text, "text", STRING, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyComment, created, "created", STRING, JOURNEY_FIELD_TIMESTAMP, 0, NULL),
  JOURNEY_FIELD (JourneyComment, hidden, "hidden", BOOLEAN, 0, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyComment, journey_comment, comment_fields)

static const JourneyField evidence_fields[] = {
  JOURNEY_FIELD (JourneyEvidence, source, "source", STRING, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidence, responses, "responses", INT, ALW, 0, NULL),
  JOURNEY_FIELD (JourneyEvidence, mean, "mean", DOUBLE, REQ, 0, NULL),
  JOURNEY_FIELD (JourneyEvidence, histogram, "histogram", INTV, 0, 0, NULL),
  JOURNEY_FIELD (JourneyEvidence, updated, "updated", STRING, JOURNEY_FIELD_TIMESTAMP, 0, NULL),
  JOURNEY_FIELD (JourneyEvidence, sources, "sources", LIST, 0, 0, journey_evidence_part_get_type),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyEvidence, journey_evidence, evidence_fields)

/**
 * journey_status_get_label:
 *
 * Returns: how an action's @status reads, translated ("Open", "Doing",
 *   "Done"): on a note on the map and in the inspector alike
 */
const char *
journey_status_get_label (JourneyStatus status)
{
  switch (status)
    {
    case JOURNEY_STATUS_OPEN:
      return _("Open");
    case JOURNEY_STATUS_DOING:
      return _("Doing");
    case JOURNEY_STATUS_DONE:
      return _("Done");
    default:
      return "";
    }
}
