/* journey-scene-frame.c: the frame of a map as scene nodes: the title,
 * the stages, the band of the emotion curves, the lanes, the note lanes
 * and the lines of a service blueprint; everything but the touchpoints
 * and the curve layer.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include "journey-enums.h"
#include "journey-scene-private.h"
#include "journey-theme.h"

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

guint32
journey_scene_stage_color (JourneyLayout *layout,
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
      guint32 color = journey_scene_stage_color (layout, (int) i);
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
      journey_scene_builder_begin (b, JOURNEY_ROLE_NOTE_LANE, journey_scene_marker_variant (nl->kind), JOURNEY_SCENE_ITEM_NONE, 0, NULL,
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
