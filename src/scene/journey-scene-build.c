/* journey-scene-build.c: a layout turned into scene nodes.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "journey-enums.h"
#include "journey-scene-private.h"
#include "journey-theme.h"

/* Curves are drawn in this order: the hypothesis on top. */
static const JourneyCurveKind curve_order[] = {
  JOURNEY_CURVE_TO_BE, JOURNEY_CURVE_MEASURED, JOURNEY_CURVE_AS_IS,
};

static const char *marker_variants[] = {
  "pain-points", "opportunities", "actions", "votes",
};

#define VOTE_RADIUS 4
#define VOTE_PITCH  10
#define FLAG_RADIUS 4
#define ACCENT_BAND 6

/* -- the frame: everything but the touchpoints ---------------------------- */

static void
build_title_block (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  journey_scene_builder_begin (b, JOURNEY_ROLE_TITLE_BLOCK, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  journey_scene_add_block (b, JOURNEY_ROLE_MAP_TITLE, NULL, &layout->title);
  if (layout->persona.n_lines > 0)
    journey_scene_add_block (b, JOURNEY_ROLE_PERSONA, NULL, &layout->persona);
  if (layout->objective.n_lines > 0)
    journey_scene_add_block (b, JOURNEY_ROLE_OBJECTIVE, NULL, &layout->objective);
  if (layout->scope.n_lines > 0)
    journey_scene_add_block (b, JOURNEY_ROLE_SCOPE, NULL, &layout->scope);
  journey_scene_builder_end (b);
}

static guint32
stage_color (JourneyLayout *layout,
             int            index)
{
  if (index < 0 || (guint) index >= layout->n_stages)
    return journey_theme_stage_color (NULL, 0);
  return journey_theme_stage_color (layout->stages[index].stage->color, (guint) index);
}

static void
build_stages (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  journey_scene_builder_begin (b, JOURNEY_ROLE_STAGES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_stages; i++)
    {
      JourneyLayoutStage *st = &layout->stages[i];
      JourneyStage *stage = st->stage;
      JourneyRect header = st->header;
      JourneyRect tint = layout->band.rect;
      guint32 color = stage_color (layout, (int) i);
      JourneySceneNode *node;

      tint.x = st->header.x;
      tint.width = st->header.width;
      /* A hair of white between two stages. */
      if (i > 0)
        {
          header.x += 1;
          header.width -= 1;
        }
      if (i + 1 < layout->n_stages)
        header.width -= 1;

      journey_scene_builder_begin (b, JOURNEY_ROLE_STAGE, NULL, JOURNEY_SCENE_ITEM_STAGE, i, stage,
             stage->id, journey_stage_get_display_name (stage));
      node = journey_scene_add_rect (b, JOURNEY_ROLE_STAGE_HEADER, NULL, &header, 0);
      node->paint.fill = journey_theme_data_fill (node->role, NULL, color);
      node = journey_scene_add_rect (b, JOURNEY_ROLE_STAGE_TINT, NULL, &tint, 0);
      node->paint.fill = journey_theme_data_fill (node->role, NULL, color);
      node = journey_scene_add_block (b, JOURNEY_ROLE_STAGE_NAME, NULL, &st->name);
      node->paint.fill = journey_theme_text_on (color);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

static void
build_band (JourneySceneBuilder *b)
{
  JourneyLayoutBand *band = &b->layout->band;
  int middle2 = band->min + band->max; /* twice the middle */
  double x0 = band->rect.x, x1 = band->rect.x + band->rect.width;

  journey_scene_builder_begin (b, JOURNEY_ROLE_EMOTION_BAND, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  journey_scene_add_rect (b, JOURNEY_ROLE_BAND, NULL, &band->rect, 0);
  for (guint i = 0; i < band->n_steps; i++)
    {
      int value = band->min + (int) i;

      journey_scene_add_line (b, JOURNEY_ROLE_SCALE_STEP, 2 * value == middle2 ? "neutral" : NULL,
                x0, band->step_y[i], x1, band->step_y[i]);
    }
  /* An even number of steps: the neutral line falls between two. */
  if (middle2 % 2 != 0)
    journey_scene_add_line (b, JOURNEY_ROLE_SCALE_STEP, "neutral", x0, band->neutral_y, x1, band->neutral_y);
  for (guint i = 0; i < band->n_steps; i++)
    journey_scene_add_block (b, JOURNEY_ROLE_SCALE_LABEL, NULL, &band->labels[i]);
  journey_scene_builder_end (b);
}

static const char *
lane_kind_nick (JourneyLaneKind kind)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (JOURNEY_TYPE_LANE_KIND));
  value = g_enum_get_value (klass, (int) kind);
  return value ? value->value_nick : "other";
}

static void
build_lanes (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  journey_scene_builder_begin (b, JOURNEY_ROLE_LANES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_lanes; i++)
    {
      JourneyLayoutLane *ll = &layout->lanes[i];
      JourneyRect stripe = ll->label;
      guint32 color = journey_theme_lane_color (ll->lane->color, ll->kind);

      stripe.width = 6;
      journey_scene_builder_begin (b, JOURNEY_ROLE_LANE, lane_kind_nick (ll->kind), JOURNEY_SCENE_ITEM_LANE, i, ll->lane,
             ll->lane->id, NULL);
      journey_scene_add_rect (b, JOURNEY_ROLE_LANE_BACKGROUND, NULL, &ll->rect, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_BACKGROUND, NULL, color);
      journey_scene_add_rect (b, JOURNEY_ROLE_LANE_LABEL, NULL, &ll->label, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_LABEL, NULL, color);
      journey_scene_add_rect (b, JOURNEY_ROLE_LANE_STRIPE, NULL, &stripe, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_STRIPE, NULL, color);
      if (i + 1 < layout->n_lanes)
        journey_scene_add_line (b, JOURNEY_ROLE_LANE_SEPARATOR, NULL, ll->rect.x, ll->rect.y + ll->rect.height,
                  ll->rect.x + ll->rect.width, ll->rect.y + ll->rect.height);
      journey_scene_add_block (b, JOURNEY_ROLE_LANE_NAME, NULL, &ll->name);
      if (ll->caption.n_lines > 0)
        journey_scene_add_block (b, JOURNEY_ROLE_LANE_KIND, NULL, &ll->caption);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

/* Lanes of notes under the lanes of cards, drawn as lanes are, in the
 * colour of their kind. */
static void
build_note_lanes (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  if (layout->n_note_lanes == 0)
    return;

  journey_scene_builder_begin (b, JOURNEY_ROLE_NOTE_LANES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_note_lanes; i++)
    {
      JourneyLayoutNoteLane *nl = &layout->note_lanes[i];
      JourneyRect stripe = nl->label;
      guint32 color = journey_theme_note_color (nl->kind);

      stripe.width = 6;
      journey_scene_builder_begin (b, JOURNEY_ROLE_NOTE_LANE, marker_variants[nl->kind], JOURNEY_SCENE_ITEM_NONE, 0, NULL,
                                   NULL, NULL);
      journey_scene_add_rect (b, JOURNEY_ROLE_LANE_BACKGROUND, NULL, &nl->rect, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_BACKGROUND, NULL, color);
      journey_scene_add_rect (b, JOURNEY_ROLE_LANE_LABEL, NULL, &nl->label, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_LABEL, NULL, color);
      journey_scene_add_rect (b, JOURNEY_ROLE_LANE_STRIPE, NULL, &stripe, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_STRIPE, NULL, color);
      /* The first note lane's top edge is the last lane's bottom. */
      journey_scene_add_line (b, JOURNEY_ROLE_LANE_SEPARATOR, NULL, nl->rect.x, nl->rect.y,
                              nl->rect.x + nl->rect.width, nl->rect.y);
      journey_scene_add_block (b, JOURNEY_ROLE_LANE_NAME, NULL, &nl->name);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

static void
build_boundaries (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;
  double y0 = layout->band.rect.y;
  double y1 = layout->notes_rect.y + layout->notes_rect.height;

  journey_scene_builder_begin (b, JOURNEY_ROLE_STAGE_BOUNDARIES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i + 1 < layout->n_stages; i++)
    {
      double x = layout->stages[i].header.x + layout->stages[i].header.width;
      journey_scene_add_line (b, JOURNEY_ROLE_STAGE_BOUNDARY, NULL, x, y0, x, y1);
    }
  journey_scene_builder_end (b);
}

static void
build_blueprint_lines (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  if (layout->n_lines == 0)
    return;

  journey_scene_builder_begin (b, JOURNEY_ROLE_BLUEPRINT_LINES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_lines; i++)
    {
      JourneyLayoutLine *bl = &layout->lines[i];

      journey_scene_builder_begin (b, JOURNEY_ROLE_BLUEPRINT, bl->css_class, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
      journey_scene_add_line (b, JOURNEY_ROLE_BLUEPRINT_LINE, bl->css_class, bl->x0, bl->y, bl->x1, bl->y);
      journey_scene_add_rect (b, JOURNEY_ROLE_LINE_LABEL_BACKGROUND, NULL, &bl->label_rect, bl->label_rect.height / 2);
      journey_scene_add_block (b, JOURNEY_ROLE_LINE_LABEL, NULL, &bl->label);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

void
journey_scene_build_frame (JourneySceneBuilder *b)
{
  JourneyRect background = { 0, 0, b->layout->width, b->layout->height };

  journey_scene_add_rect (b, JOURNEY_ROLE_BACKGROUND, NULL, &background, 0);
  build_title_block (b);
  build_stages (b);
  build_band (b);
  build_lanes (b);
  build_note_lanes (b);
  build_boundaries (b);
  build_blueprint_lines (b);
}

/* -- cards ---------------------------------------------------------------- */

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
    journey_scene_add_circle (b, JOURNEY_ROLE_VOTE, NULL, marker->rect.x + VOTE_RADIUS + d * VOTE_PITCH, cy, VOTE_RADIUS);
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
  const char *variant = marker_variants[note->kind];
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
    build_accent (b, &card->rect, radius, stage_color (layout, card->stage));

  if (card->caption.n_lines > 0)
    journey_scene_add_block (b, JOURNEY_ROLE_CHANNEL, NULL, &card->caption);
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

      journey_scene_add_rect (b, JOURNEY_ROLE_MARKER, marker_variants[marker->kind], &marker->rect, marker->rect.height / 2);
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

/* -- curves, handles, flags and the legend -------------------------------- */

static void
set_item_card (JourneySceneBuilder *b,
               JourneySceneNode    *node,
               guint                card)
{
  node->item_kind = JOURNEY_SCENE_ITEM_TOUCHPOINT;
  node->item_index = card;
  node->item = b->layout->cards[card].touchpoint;
}

/* Handle @i's place on the timeline, down to the band's edge: one node. */
void
journey_scene_build_connector (JourneySceneBuilder *b,
                               guint                i)
{
  JourneyLayout *layout = b->layout;
  JourneyLayoutHandle *h = &layout->handles[i];
  double band_bottom = layout->band.rect.y + layout->band.rect.height;

  set_item_card (b, journey_scene_add_line (b, JOURNEY_ROLE_CONNECTOR, NULL, h->x, h->y + h->radius, h->x, band_bottom),
                 h->card);
}

static void
build_connectors (JourneySceneBuilder *b)
{
  journey_scene_builder_begin (b, JOURNEY_ROLE_CONNECTORS, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < b->layout->n_handles; i++)
    journey_scene_build_connector (b, i);
  journey_scene_builder_end (b);
}

void
journey_scene_build_curves (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  journey_scene_builder_begin (b, JOURNEY_ROLE_CURVES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint o = 0; o < G_N_ELEMENTS (curve_order); o++)
    {
      JourneyLayoutCurve *curve = &layout->curves[curve_order[o]];

      if (curve->n_points == 0)
        continue;

      if (curve->n_points > 1)
        {
          JourneyPathOp *ops = g_new0 (JourneyPathOp, curve->n_points);

          ops[0].op = JOURNEY_PATH_MOVE;
          ops[0].p[0] = curve->points[0];
          for (guint k = 0; k + 1 < curve->n_points; k++)
            {
              ops[k + 1].op = JOURNEY_PATH_CURVE;
              ops[k + 1].p[0] = curve->c1[k];
              ops[k + 1].p[1] = curve->c2[k];
              ops[k + 1].p[2] = curve->points[k + 1];
            }
          journey_scene_add_path (b, JOURNEY_ROLE_CURVE, curve->css_class, ops, curve->n_points);
        }

      /* The hypothesis has handles; the others mark their points. */
      if (curve->kind == JOURNEY_CURVE_AS_IS)
        continue;
      for (guint k = 0; k < curve->n_points; k++)
        {
          JourneySceneNode *node = journey_scene_add_circle (b, JOURNEY_ROLE_POINT, curve->css_class,
                                               curve->points[k].x, curve->points[k].y,
                                               curve->kind == JOURNEY_CURVE_MEASURED ? 5 : 5.5);
          set_item_card (b, node, curve->cards[k]);
        }
    }
  journey_scene_builder_end (b);
}

/* Flag @i: a group of JOURNEY_SCENE_FLAG_NODES nodes. */
void
journey_scene_build_flag (JourneySceneBuilder *b,
                          guint                i)
{
  JourneyLayout *layout = b->layout;
  JourneyLayoutFlag *flag = &layout->flags[i];
  JourneyTouchpoint *tp = layout->cards[flag->card].touchpoint;
  g_autofree char *tip = g_strdup_printf (_("Survey differs from the hypothesis by %s"), flag->label);

  journey_scene_builder_begin (b, JOURNEY_ROLE_GAP_FLAG, NULL, JOURNEY_SCENE_ITEM_TOUCHPOINT, flag->card, tp, tp->id, tip);
  journey_scene_add_line (b, JOURNEY_ROLE_GAP, NULL, flag->x, flag->y_hypothesis, flag->x, flag->y_measured);
  journey_scene_add_rect (b, JOURNEY_ROLE_FLAG, NULL, &flag->rect, FLAG_RADIUS);
  journey_scene_add_text (b, JOURNEY_ROLE_FLAG_LABEL, NULL, flag->label, 1, flag->rect.x + flag->rect.width / 2,
                          flag->rect.y + flag->rect.height / 2 + layout->style.caption_size * 0.35, 0,
                          flag->rect.width)->bounds = flag->rect;
  journey_scene_builder_end (b);
}

static void
build_flags (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  if (layout->n_flags == 0)
    return;

  journey_scene_builder_begin (b, JOURNEY_ROLE_GAP_FLAGS, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_flags; i++)
    journey_scene_build_flag (b, i);
  journey_scene_builder_end (b);
}

/* Handle @i: one node. */
void
journey_scene_build_handle (JourneySceneBuilder *b,
                            guint                i)
{
  JourneyLayout *layout = b->layout;
  double span = layout->band.max - layout->band.min;
  JourneyLayoutHandle *h = &layout->handles[i];
  JourneySceneNode *node = journey_scene_add_circle (b, JOURNEY_ROLE_HANDLE, NULL, h->x, h->y, h->radius);

  node->paint.fill = journey_theme_handle_color (span > 0 ? (h->value - layout->band.min) / span : 0.5);
  set_item_card (b, node, h->card);
}

static void
build_handles (JourneySceneBuilder *b)
{
  journey_scene_builder_begin (b, JOURNEY_ROLE_HANDLES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < b->layout->n_handles; i++)
    journey_scene_build_handle (b, i);
  journey_scene_builder_end (b);
}

void
journey_scene_build_legend (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  if (layout->n_legend == 0)
    return;

  journey_scene_builder_begin (b, JOURNEY_ROLE_LEGEND, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_legend; i++)
    {
      JourneyLayoutLegendEntry *e = &layout->legend[i];
      double cy = e->swatch.y + e->swatch.height / 2;

      journey_scene_builder_begin (b, JOURNEY_ROLE_LEGEND_ENTRY, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
      switch (e->kind)
        {
        case JOURNEY_LEGEND_CURVE:
          journey_scene_add_line (b, JOURNEY_ROLE_CURVE, layout->curves[e->which].css_class,
                    e->swatch.x + 2, cy, e->swatch.x + e->swatch.width - 2, cy);
          break;

        case JOURNEY_LEGEND_FLAG:
          journey_scene_builder_begin (b, JOURNEY_ROLE_GAP_FLAG, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
          journey_scene_add_rect (b, JOURNEY_ROLE_FLAG, NULL, &e->swatch, FLAG_RADIUS);
          journey_scene_builder_end (b);
          break;

        case JOURNEY_LEGEND_MARKER:
          if (e->which == JOURNEY_MARKER_VOTES)
            for (int d = 0; d < 2; d++)
              journey_scene_add_circle (b, JOURNEY_ROLE_VOTE, NULL, e->swatch.x + 6 + d * VOTE_PITCH, cy, VOTE_RADIUS);
          else
            journey_scene_add_rect (b, JOURNEY_ROLE_MARKER, marker_variants[e->which], &e->swatch, e->swatch.height / 2);
          break;

        default:
          break;
        }
      journey_scene_add_block (b, JOURNEY_ROLE_LEGEND_LABEL, NULL, &e->text);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

void
journey_scene_build_overlay (JourneySceneBuilder *b)
{
  build_connectors (b);
  journey_scene_build_curves (b);
  build_flags (b);
  build_handles (b);
  journey_scene_build_legend (b);
}
