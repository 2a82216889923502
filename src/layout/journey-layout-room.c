/* journey-layout-room.c: the room's rating of each touchpoint on the
 * curve (SPEC §10), beside its handle: the mean, the spread, and a flag
 * where the room disagrees.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-edit.h"
#include "journey-layout-private.h"

/* Between the handle's edge and the bar, and between the bar and the
 * pill. */
#define ROOM_GAP      6
#define ROOM_BAR      4
#define ROOM_PILL_PAD 7

/**
 * journey_layout_place_rooms:
 *
 * Places the room's rating beside each handle whose touchpoint has one,
 * after journey_layout_place_curves(): at the handle's left, so that the
 * gap flags keep its right.  Called again on every update, so the marks
 * follow the handles; what the room says is measured only when it
 * changed, so a drag measures no text.
 */
void
journey_layout_place_rooms (JourneyLayout *self)
{
  JourneyScale *scale = self->map->scale;
  const JourneyStyle *style = &self->style;
  JourneyText *text = NULL;
  double top = self->band.rect.y;
  double bottom = self->band.rect.y + self->band.rect.height;
  guint n = 0;

  if (self->room_capacity < self->n_handles)
    {
      JourneyLayoutRoom *rooms = g_new0 (JourneyLayoutRoom, self->n_handles);

      /* Kept: their labels are measured already. */
      if (self->n_rooms > 0)
        memcpy (rooms, self->rooms, self->n_rooms * sizeof (JourneyLayoutRoom));
      g_free (self->rooms);
      self->rooms = rooms;
      self->room_capacity = self->n_handles;
    }

  for (guint h = 0; h < self->n_handles && scale != NULL; h++)
    {
      JourneyLayoutHandle *handle = &self->handles[h];
      JourneyTouchpoint *tp = handle->touchpoint;
      JourneyLayoutRoom *room;
      char label[16];
      double mean, spread, height;

      if (!journey_touchpoint_has_room (tp))
        continue;

      room = &self->rooms[n++];
      mean = clampd (tp->room->mean, self->band.min, self->band.max);
      spread = journey_room_get_spread (tp->room, scale);
      g_snprintf (label, sizeof label, "%.1f", mean);
      if (strcmp (label, room->label) != 0 || room->label_width <= 0)
        {
          if (text == NULL)
            text = journey_text_get_for_thread (style->font_family);
          g_strlcpy (room->label, label, sizeof room->label);
          room->label_width = journey_text_measure (text, label, style->caption_size, TRUE);
        }

      room->card = handle->card;
      room->mean = mean;
      room->spread = spread;
      room->responses = tp->room->responses;
      room->disagrees = journey_room_disagrees (tp->room, scale);
      room->x = handle->x - handle->radius - ROOM_GAP - ROOM_BAR / 2.0;
      room->y_mean = journey_layout_y_for_value (self, mean);
      room->y_high = journey_layout_y_for_value (self, clampd (mean + spread, self->band.min, self->band.max));
      room->y_low = journey_layout_y_for_value (self, clampd (mean - spread, self->band.min, self->band.max));

      height = round (style->caption_size * style->line_spacing) + 2;
      room->pill.width = ceil (room->label_width) + 2 * ROOM_PILL_PAD;
      room->pill.height = height;
      room->pill.x = room->x - ROOM_BAR / 2.0 - ROOM_GAP - room->pill.width;
      room->pill.y = clampd (room->y_mean - height / 2, top, MAX (top, bottom - height));
    }
  self->n_rooms = n;
}

/* Frees the rooms. */
void
journey_layout_clear_rooms (JourneyLayout *self)
{
  g_clear_pointer (&self->rooms, g_free);
  self->n_rooms = 0;
  self->room_capacity = 0;
}

/* Whether any room's rating placed disagrees. */
gboolean
journey_layout_rooms_disagree (JourneyLayout *self)
{
  for (guint i = 0; i < self->n_rooms; i++)
    if (self->rooms[i].disagrees)
      return TRUE;
  return FALSE;
}
