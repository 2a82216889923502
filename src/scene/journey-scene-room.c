/* journey-scene-room.c: the room's rating of each touchpoint (SPEC §10) as
 * scene nodes beside its handle, and a card's evidence level (issue 17).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "journey-scene-private.h"

#define ROOM_MEAN_RADIUS 4.5

static const char *
room_variant (const JourneyLayoutRoom *room)
{
  return room->disagrees ? "disagrees" : NULL;
}

/* What the room said, for a tooltip and the SVG <title>. */
static char *
room_tooltip (const JourneyLayoutRoom *room)
{
  g_autofree char *ratings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d rating", "%d ratings",
                                                           room->responses),
                                              room->responses);

  if (room->disagrees)
    /* TRANSLATORS: the room's rating of a touchpoint: its mean, its
     * spread (a standard deviation) and "N ratings". */
    return g_strdup_printf (_("The room: %.1f ± %.1f from %s; the room disagrees"), room->mean, room->spread,
                            ratings);
  /* TRANSLATORS: the room's rating of a touchpoint: its mean, its spread
   * (a standard deviation) and "N ratings". */
  return g_strdup_printf (_("The room: %.1f ± %.1f from %s"), room->mean, room->spread, ratings);
}

/* The spread as a bar from y0 to y1 (at least as tall as the mean's
 * mark), at @x. */
static void
add_bar (JourneySceneBuilder *b,
         const char          *variant,
         double               x,
         double               y0,
         double               y1)
{
  JourneyRect bar = { x - 2, MIN (y0, y1), 4, MAX (ABS (y1 - y0), 2 * ROOM_MEAN_RADIUS) };

  if (bar.height == 2 * ROOM_MEAN_RADIUS)
    bar.y = (y0 + y1) / 2 - ROOM_MEAN_RADIUS;
  journey_scene_add_rect (b, JOURNEY_ROLE_ROOM_SPREAD, variant, &bar, 2);
}

/**
 * journey_scene_build_room:
 *
 * Room @i of the layout: a group of %JOURNEY_SCENE_ROOM_NODES nodes
 * whatever it says, so that one can be built again in its place.
 */
void
journey_scene_build_room (JourneySceneBuilder *b,
                          guint                i)
{
  JourneyLayout *layout = b->layout;
  const JourneyLayoutRoom *room = &layout->rooms[i];
  JourneyTouchpoint *tp = layout->cards[room->card].touchpoint;
  const char *variant = room_variant (room);
  g_autofree char *tip = room_tooltip (room);
  const JourneyRect *pill = &room->pill;

  journey_scene_builder_begin (b, JOURNEY_ROLE_ROOM, variant, JOURNEY_SCENE_ITEM_TOUCHPOINT, room->card, tp,
                               tp->id, tip);
  add_bar (b, variant, room->x, room->y_high, room->y_low);
  journey_scene_add_circle (b, JOURNEY_ROLE_ROOM_MEAN, variant, room->x, room->y_mean, ROOM_MEAN_RADIUS);
  journey_scene_add_rect (b, JOURNEY_ROLE_ROOM_PILL, variant, pill, pill->height / 2);
  journey_scene_add_text (b, JOURNEY_ROLE_ROOM_LABEL, variant, room->label, 1, pill->x + pill->width / 2,
                          pill->y + pill->height / 2 + layout->style.caption_size * 0.35, 0,
                          room->label_width)->bounds = *pill;
  journey_scene_builder_end (b);
}

void
journey_scene_build_rooms (JourneySceneBuilder *b)
{
  if (b->layout->n_rooms == 0)
    return;

  journey_scene_builder_begin (b, JOURNEY_ROLE_ROOMS, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < b->layout->n_rooms; i++)
    journey_scene_build_room (b, i);
  journey_scene_builder_end (b);
}

/* The room's legend swatch: a pill and a bar beside it. */
void
journey_scene_build_room_swatch (JourneySceneBuilder *b,
                                 const JourneyRect   *swatch,
                                 gboolean             disagrees)
{
  const char *variant = disagrees ? "disagrees" : NULL;
  JourneyRect pill = { swatch->x, swatch->y, swatch->width - 12, swatch->height };
  double cy = swatch->y + swatch->height / 2;

  journey_scene_add_rect (b, JOURNEY_ROLE_ROOM_PILL, variant, &pill, pill.height / 2);
  add_bar (b, variant, swatch->x + swatch->width - 4, swatch->y, swatch->y + swatch->height);
  journey_scene_add_circle (b, JOURNEY_ROLE_ROOM_MEAN, variant, swatch->x + swatch->width - 4, cy,
                            ROOM_MEAN_RADIUS);
}

/* Whether two placings of a room are drawn alike. */
gboolean
journey_scene_rooms_equal (const JourneyLayoutRoom *a,
                           const JourneyLayoutRoom *b)
{
  return a->card == b->card && a->x == b->x && a->y_mean == b->y_mean && a->y_high == b->y_high
      && a->y_low == b->y_low && a->mean == b->mean && a->spread == b->spread && a->responses == b->responses
      && a->disagrees == b->disagrees && memcmp (&a->pill, &b->pill, sizeof a->pill) == 0
      && strcmp (a->label, b->label) == 0;
}

static const char *const level_variants[] = { "assumed", "thin", "measured" };

const char *
journey_scene_level_variant (JourneyEvidenceLevel level)
{
  g_return_val_if_fail ((guint) level < G_N_ELEMENTS (level_variants), "assumed");
  return level_variants[level];
}

/* Card @card's evidence level: a pill with its label. */
void
journey_scene_build_level (JourneySceneBuilder     *b,
                           const JourneyLayoutCard *card)
{
  const char *variant = journey_scene_level_variant (card->level);
  const JourneyRect *r = &card->level_rect;

  journey_scene_add_rect (b, JOURNEY_ROLE_LEVEL, variant, r, r->height / 2);
  journey_scene_add_text (b, JOURNEY_ROLE_LEVEL_LABEL, variant, card->level_label, 1, card->level_label_x,
                          r->y + r->height / 2 + b->layout->style.caption_size * 0.35, 0, r->width)->bounds = *r;
}

/* A level's legend swatch: its pill. */
void
journey_scene_build_level_swatch (JourneySceneBuilder *b,
                                  const JourneyRect   *swatch,
                                  JourneyEvidenceLevel level)
{
  journey_scene_add_rect (b, JOURNEY_ROLE_LEVEL, journey_scene_level_variant (level), swatch, swatch->height / 2);
}
