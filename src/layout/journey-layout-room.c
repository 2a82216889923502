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

/* Whether @room's marks say what @said says: the same mean and
 * histogram. */
static gboolean
made_from (const JourneyLayoutRoom *room,
           JourneyRoom             *said)
{
  return room->label_width > 0 && room->from_mean == said->mean && said->histogram->len == room->from_steps
      && said->histogram->len <= G_N_ELEMENTS (room->from_histogram)
      && memcmp (room->from_histogram, said->histogram->data, said->histogram->len * sizeof (int)) == 0;
}

/* @room's marks for what the room said: the mean, the spread, whether
 * it disagrees (journey_room_disagrees()), the pill's label measured. */
static void
say (JourneyLayout     *self,
     JourneyLayoutRoom *room,
     JourneyRoom       *said,
     JourneyText       *text)
{
  JourneyScale *scale = self->map->scale;
  const JourneyStyle *style = &self->style;
  double top = self->band.rect.y;
  double bottom = self->band.rect.y + self->band.rect.height;
  double mean = clampd (said->mean, self->band.min, self->band.max);
  double spread = journey_room_get_spread (said, scale);
  double height = round (style->caption_size * style->line_spacing) + 2;
  char label[16];

  g_snprintf (label, sizeof label, "%.1f", mean);
  if (strcmp (label, room->label) != 0 || room->label_width <= 0)
    {
      g_strlcpy (room->label, label, sizeof room->label);
      room->label_width = journey_text_measure (text, label, style->caption_size, TRUE);
    }
  room->mean = mean;
  room->spread = spread;
  room->responses = said->responses;
  room->disagrees = journey_room_disagrees (said, scale);
  room->y_mean = journey_layout_y_for_value (self, mean);
  room->y_high = journey_layout_y_for_value (self, clampd (mean + spread, self->band.min, self->band.max));
  room->y_low = journey_layout_y_for_value (self, clampd (mean - spread, self->band.min, self->band.max));
  room->pill.width = ceil (room->label_width) + 2 * ROOM_PILL_PAD;
  room->pill.height = height;
  room->pill.y = clampd (room->y_mean - height / 2, top, MAX (top, bottom - height));

  room->from_mean = said->mean;
  room->from_steps = said->histogram->len;
  if (said->histogram->len <= G_N_ELEMENTS (room->from_histogram))
    memcpy (room->from_histogram, said->histogram->data, said->histogram->len * sizeof (int));
  else
    room->from_steps = 0; /* not kept: said again next time */
}

/* The room of @room's handle, beside it wherever it is now; what the room
 * says measured again when it changed. */
static void
place_room (JourneyLayout     *self,
            JourneyLayoutRoom *room,
            guint              h,
            JourneyText      **text)
{
  JourneyLayoutHandle *handle = &self->handles[h];
  JourneyTouchpoint *tp = handle->touchpoint;

  if (!made_from (room, tp->room))
    {
      if (*text == NULL)
        *text = journey_text_get_for_thread (self->style.font_family);
      say (self, room, tp->room, *text);
    }
  room->card = handle->card;
  room->x = handle->x - handle->radius - ROOM_GAP - ROOM_BAR / 2.0;
  room->pill.x = room->x - ROOM_BAR / 2.0 - ROOM_GAP - room->pill.width;
}

/* After an update that says what it changed: the rooms of the cards it
 * changed follow their handles, the others stay.  FALSE when a card
 * gained or lost the room's rating (then place them all). */
static gboolean
follow_changes (JourneyLayout *self,
                JourneyText  **text)
{
  GArray *cards = self->changes.cards;

  for (guint i = 0; i < cards->len; i++)
    {
      JourneyLayoutCard *card = &self->cards[g_array_index (cards, guint, i)];
      JourneyLayoutRoom *room = NULL;
      gboolean has = card->handle >= 0 && journey_touchpoint_has_room (card->touchpoint);

      for (guint r = 0; r < self->n_rooms && room == NULL; r++)
        if (self->rooms[r].card == g_array_index (cards, guint, i))
          room = &self->rooms[r];
      if (has != (room != NULL))
        return FALSE;
      if (room != NULL)
        place_room (self, room, (guint) card->handle, text);
    }
  return TRUE;
}

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
  JourneyText *text = NULL;
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

  if (scale != NULL && self->changes.known && self->changes.cards != NULL && follow_changes (self, &text))
    return;

  for (guint h = 0; h < self->n_handles && scale != NULL; h++)
    {
      if (!journey_touchpoint_has_room (self->handles[h].touchpoint))
        continue;
      place_room (self, &self->rooms[n++], h, &text);
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
