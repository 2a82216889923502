/* journey-room.c: the room's rating of a touchpoint (SPEC §10), the
 * aggregate of what a workshop's participants rated.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-model"

#include "config.h"

#include <math.h>

#include "journey-model.h"

/* The order of this table is the order of the keys in a saved file. */
static const JourneyField room_fields[] = {
  JOURNEY_FIELD (JourneyRoom, responses, "responses", INT, JOURNEY_FIELD_ALWAYS, 0, NULL),
  JOURNEY_FIELD (JourneyRoom, mean, "mean", DOUBLE, JOURNEY_FIELD_REQUIRED, 0, NULL),
  JOURNEY_FIELD (JourneyRoom, histogram, "histogram", INTV, 0, 0, NULL),
};

JOURNEY_DEFINE_ITEM_TYPE (JourneyRoom, journey_room, room_fields)

/**
 * journey_room_new_from_histogram:
 * @scale: the map's scale
 * @histogram: (element-type int): one count per whole step of @scale
 *
 * Returns: (transfer full) (nullable): the room's rating that @histogram
 *   counts, its responses and mean derived from it; %NULL when it counts
 *   no rating
 */
JourneyRoom *
journey_room_new_from_histogram (JourneyScale *scale,
                                 GArray       *histogram)
{
  g_autoptr(GArray) copy = NULL;
  double sum = 0;
  int responses = 0;

  g_return_val_if_fail (JOURNEY_IS_SCALE (scale), NULL);
  g_return_val_if_fail (histogram != NULL, NULL);
  g_return_val_if_fail (histogram->len == journey_scale_get_n_steps (scale), NULL);

  for (guint i = 0; i < histogram->len; i++)
    {
      int count = g_array_index (histogram, int, i);

      g_return_val_if_fail (count >= 0, NULL);
      responses += count;
      sum += (double) count * (scale->min + (int) i);
    }
  if (responses == 0)
    return NULL;

  copy = g_array_sized_new (FALSE, FALSE, sizeof (int), histogram->len);
  g_array_append_vals (copy, histogram->data, histogram->len);
  return g_object_new (JOURNEY_TYPE_ROOM,
                       "responses", responses,
                       "mean", sum / responses,
                       "histogram", copy,
                       NULL);
}

/**
 * journey_room_get_spread:
 *
 * Returns: the standard deviation of the ratings on @scale; the room
 *   disagrees where it is a fifth of the scale or more (SPEC §10)
 */
double
journey_room_get_spread (JourneyRoom  *self,
                         JourneyScale *scale)
{
  double sum = 0;
  int n = 0;

  g_return_val_if_fail (JOURNEY_IS_ROOM (self), 0.0);
  g_return_val_if_fail (JOURNEY_IS_SCALE (scale), 0.0);

  if (self->histogram->len != journey_scale_get_n_steps (scale))
    return 0.0;
  for (guint i = 0; i < self->histogram->len; i++)
    {
      int count = g_array_index (self->histogram, int, i);
      double d = scale->min + (int) i - self->mean;

      sum += count * d * d;
      n += count;
    }
  return n > 0 ? sqrt (sum / n) : 0.0;
}

/**
 * journey_touchpoint_has_room:
 *
 * Returns: whether @self has a room's rating to show and to adopt: one
 *   with a response and a mean
 */
gboolean
journey_touchpoint_has_room (JourneyTouchpoint *self)
{
  g_return_val_if_fail (JOURNEY_IS_TOUCHPOINT (self), FALSE);

  return self->room != NULL && self->room->responses > 0 && isfinite (self->room->mean);
}
