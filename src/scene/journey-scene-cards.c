/* journey-scene-cards.c: a touchpoint's card as scene nodes: its accent,
 * title, markers, votes, rings of state, and its notes in the note lanes.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <math.h>

#include "journey-scene-private.h"
#include "journey-theme.h"

#define ACCENT_BAND 6

void
journey_scene_build_touchpoints_begin (JourneySceneBuilder *b)
{
  journey_scene_builder_begin (b, JOURNEY_ROLE_TOUCHPOINTS, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
}

/* A band of the stage's colour along the rounded top edge of a card. */
static void
build_accent (JourneySceneBuilder *b,
              const JourneyRect   *r,
              double               radius,
              guint32              color)
{
  /* Quarter circles as cubic Béziers: the handles are k × the radius. */
  const double k = 0.5522847498;
  double inset = 0.6, rr = MAX (0, radius - inset);
  double left = r->x + inset, right = r->x + r->width - inset, top = r->y + inset;
  JourneyPathOp *ops = g_new0 (JourneyPathOp, 7);

  ops[0] = (JourneyPathOp) { JOURNEY_PATH_MOVE, { { left, r->y + ACCENT_BAND } } };
  ops[1] = (JourneyPathOp) { JOURNEY_PATH_LINE, { { left, top + rr } } };
  ops[2] = (JourneyPathOp) { JOURNEY_PATH_CURVE, { { left, top + rr - k * rr }, { left + rr - k * rr, top },
                                                   { left + rr, top } } };
  ops[3] = (JourneyPathOp) { JOURNEY_PATH_LINE, { { right - rr, top } } };
  ops[4] = (JourneyPathOp) { JOURNEY_PATH_CURVE, { { right - rr + k * rr, top }, { right, top + rr - k * rr },
                                                   { right, top + rr } } };
  ops[5] = (JourneyPathOp) { JOURNEY_PATH_LINE, { { right, r->y + ACCENT_BAND } } };
  ops[6] = (JourneyPathOp) { JOURNEY_PATH_CLOSE, { { 0, 0 } } };

  journey_scene_add_path (b, JOURNEY_ROLE_ACCENT, NULL, ops, 7)->paint.fill = color;
}

static void
build_votes (JourneySceneBuilder       *b,
             const JourneyLayoutCard   *card,
             const JourneyLayoutMarker *marker)
{
  guint max_dots = card->major ? JOURNEY_LAYOUT_MAX_VOTE_DOTS : 3;
  guint dots = MIN ((guint) marker->count, max_dots);
  double cy = marker->rect.y + marker->rect.height / 2;

  journey_scene_builder_begin (b, JOURNEY_ROLE_MARKER, "votes", JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint d = 0; d < dots; d++)
    journey_scene_add_circle (b, JOURNEY_ROLE_VOTE, NULL,
                              marker->rect.x + JOURNEY_SCENE_VOTE_RADIUS + d * JOURNEY_SCENE_VOTE_PITCH, cy,
                              JOURNEY_SCENE_VOTE_RADIUS);
  if (marker->label[0])
    journey_scene_add_text (b, JOURNEY_ROLE_VOTE_COUNT, NULL, marker->label, 1, marker->label_x,
              cy + b->layout->style.caption_size * 0.35, 0,
              marker->rect.x + marker->rect.width - marker->label_x);
  journey_scene_builder_end (b);
}

/* A note: a small card with the number of its touchpoint; its whole text
 * is the group's title (the SVG <title>), as a card's title is. */
static void
build_note (JourneySceneBuilder     *b,
            const JourneyLayoutCard *card,
            const JourneyLayoutNote *note)
{
  const char *variant = journey_scene_marker_variant (note->kind);
  const JourneyRect *badge = &note->badge;
  double caption = b->layout->style.caption_size;

  journey_scene_builder_begin (b, JOURNEY_ROLE_NOTE, variant, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, note->full_text);
  journey_scene_add_rect (b, JOURNEY_ROLE_NOTE_CARD, variant, &note->rect, 6);
  journey_scene_add_rect (b, JOURNEY_ROLE_NOTE_NUMBER, variant, badge, badge->height / 2);
  journey_scene_add_text (b, JOURNEY_ROLE_NOTE_NUMBER_LABEL, NULL, card->number_label, 1, badge->x + badge->width / 2,
                          badge->y + badge->height / 2 + caption * 0.35, 0, badge->width)->bounds = *badge;
  journey_scene_add_block (b, JOURNEY_ROLE_NOTE_TEXT, NULL, &note->text);
  if (note->caption.n_lines > 0)
    journey_scene_add_block (b, JOURNEY_ROLE_NOTE_CAPTION, NULL, &note->caption);
  journey_scene_builder_end (b);
}

/* Rings around a card that is selected, focused or under the pointer,
 * drawn over it. */
#define SELECTION_GAP 3
#define FOCUS_GAP     7

static void
ring (JourneySceneBuilder *b,
      JourneySceneRole     role,
      const JourneyRect   *r,
      double               gap)
{
  JourneyRect around = { r->x - gap, r->y - gap, r->width + 2 * gap, r->height + 2 * gap };

  journey_scene_add_rect (b, role, NULL, &around, b->layout->style.card_radius + gap);
}

static void
build_card_state (JourneySceneBuilder     *b,
                  const JourneyLayoutCard *card)
{
  const JourneySceneState *state = b->state;
  gboolean selected;

  if (state == NULL)
    return;

  if (state->channel != NULL && g_strcmp0 (card->touchpoint->channel, state->channel) != 0)
    journey_scene_add_rect (b, JOURNEY_ROLE_DIMMED, NULL, &card->rect, b->layout->style.card_radius);

  selected = state->selected != NULL && g_hash_table_contains (state->selected, card->touchpoint);
  if (selected)
    ring (b, JOURNEY_ROLE_SELECTION, &card->rect, SELECTION_GAP);
  else if (state->hovered == card->touchpoint)
    ring (b, JOURNEY_ROLE_HOVER, &card->rect, SELECTION_GAP);
  if (state->focused == card->touchpoint)
    ring (b, JOURNEY_ROLE_FOCUS, &card->rect, FOCUS_GAP);
  if (state->live != NULL)
    journey_scene_build_live_badge (b, card, g_hash_table_lookup (state->live, card->touchpoint));
}

void
journey_scene_build_card (JourneySceneBuilder *b,
                          guint                index)
{
  JourneyLayout *layout = b->layout;
  JourneyLayoutCard *card = &layout->cards[index];
  JourneyTouchpoint *tp = card->touchpoint;
  const char *weight = card->major ? "major" : "minor";
  double radius = layout->style.card_radius;
  JourneyRect shadow = card->rect;

  journey_scene_builder_begin (b, JOURNEY_ROLE_TOUCHPOINT, weight, JOURNEY_SCENE_ITEM_TOUCHPOINT, index, tp, tp->id, tp->title);

  shadow.y += 2;
  journey_scene_add_rect (b, JOURNEY_ROLE_CARD_SHADOW, NULL, &shadow, radius);
  journey_scene_add_rect (b, JOURNEY_ROLE_CARD, card->major ? "major" : NULL, &card->rect, radius);
  if (card->major)
    build_accent (b, &card->rect, radius, journey_scene_stage_color (layout, card->stage));

  if (card->caption.n_lines > 0)
    journey_scene_add_block (b, JOURNEY_ROLE_CHANNEL, NULL, &card->caption);
  journey_scene_build_level (b, card);
  journey_scene_add_block (b, JOURNEY_ROLE_CARD_TITLE, card->major ? "major" : NULL, &card->title);

  for (guint m = 0; m < card->n_markers; m++)
    {
      const JourneyLayoutMarker *marker = &card->markers[m];
      double cx = marker->rect.x + marker->rect.width / 2;
      double cy = marker->rect.y + marker->rect.height / 2;
      JourneySceneNode *count;

      if (marker->kind == JOURNEY_MARKER_VOTES)
        {
          build_votes (b, card, marker);
          continue;
        }

      journey_scene_add_rect (b, JOURNEY_ROLE_MARKER, journey_scene_marker_variant (marker->kind), &marker->rect, marker->rect.height / 2);
      count = journey_scene_add_text (b, JOURNEY_ROLE_MARKER_COUNT, NULL, marker->label, 1, cx,
                        cy + layout->style.caption_size * 0.35, 0, marker->rect.width);
      /* The pill holds its count. */
      count->bounds = marker->rect;
    }

  /* The touchpoint's number, in a badge at the bottom right. */
  if (card->number > 0)
    {
      const JourneyRect *nr = &card->number_rect;

      journey_scene_add_rect (b, JOURNEY_ROLE_NUMBER, NULL, nr, nr->height / 2);
      journey_scene_add_text (b, JOURNEY_ROLE_NUMBER_LABEL, NULL, card->number_label, 1, nr->x + nr->width / 2,
                              nr->y + nr->height / 2 + layout->style.caption_size * 0.35, 0, nr->width)->bounds = *nr;
    }

  build_card_state (b, card);

  /* Its notes, in their lanes, each marked with the touchpoint's number. */
  for (guint n = card->first_note; n < card->first_note + card->n_notes; n++)
    build_note (b, card, &layout->notes[n]);

  journey_scene_builder_end (b);
}
