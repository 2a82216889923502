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

/* -- the builder ---------------------------------------------------------- */

void
journey_scene_builder_init (JourneySceneBuilder     *b,
                            GArray                  *nodes,
                            JourneyLayout           *layout,
                            const JourneySceneState *state)
{
  b->nodes = nodes;
  b->layout = layout;
  b->state = state;
  b->open = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
journey_scene_builder_clear (JourneySceneBuilder *b)
{
  g_assert (b->open->len == 0);
  g_clear_pointer (&b->open, g_array_unref);
}

static JourneySceneNode *
parent_group (JourneySceneBuilder *b)
{
  if (b->open->len == 0)
    return NULL;
  return &g_array_index (b->nodes, JourneySceneNode, g_array_index (b->open, guint, b->open->len - 1));
}

static JourneySceneNode *
add (JourneySceneBuilder *b,
     JourneySceneKind     kind,
     JourneySceneRole     role,
     const char          *variant)
{
  JourneySceneNode *parent, *node;

  g_array_set_size (b->nodes, b->nodes->len + 1);
  /* After the array has grown: it may have moved. */
  parent = parent_group (b);
  node = &g_array_index (b->nodes, JourneySceneNode, b->nodes->len - 1);
  memset (node, 0, sizeof *node);
  node->kind = kind;
  node->role = role;
  node->variant = variant;
  if (parent != NULL)
    {
      node->item_kind = parent->item_kind;
      node->item_index = parent->item_index;
      node->item = parent->item;
    }
  journey_theme_paint (role, variant, &node->paint);
  return node;
}

static double
half_stroke (const JourneySceneNode *node)
{
  return node->paint.stroke_width / 2;
}

static void
set_bounds (JourneySceneNode *node,
            double            x0,
            double            y0,
            double            x1,
            double            y1,
            double            grow)
{
  node->bounds.x = MIN (x0, x1) - grow;
  node->bounds.y = MIN (y0, y1) - grow;
  node->bounds.width = fabs (x1 - x0) + 2 * grow;
  node->bounds.height = fabs (y1 - y0) + 2 * grow;
}

static void
begin (JourneySceneBuilder  *b,
       JourneySceneRole      role,
       const char           *variant,
       JourneySceneItemKind  item_kind,
       guint                 item_index,
       gpointer              item,
       const char           *id,
       const char           *title)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_GROUP_BEGIN, role, variant);
  guint index = b->nodes->len - 1;

  if (item_kind != JOURNEY_SCENE_ITEM_NONE)
    {
      node->item_kind = item_kind;
      node->item_index = item_index;
      node->item = item;
    }
  node->group.id = g_strdup (id);
  node->group.title = g_strdup (title);
  g_array_append_val (b->open, index);
}

static void
union_rect (JourneyRect       *acc,
            const JourneyRect *r)
{
  double x0, y0, x1, y1;

  if (r->width <= 0 && r->height <= 0)
    return;
  if (acc->width <= 0 && acc->height <= 0)
    {
      *acc = *r;
      return;
    }
  x0 = MIN (acc->x, r->x);
  y0 = MIN (acc->y, r->y);
  x1 = MAX (acc->x + acc->width, r->x + r->width);
  y1 = MAX (acc->y + acc->height, r->y + r->height);
  acc->x = x0;
  acc->y = y0;
  acc->width = x1 - x0;
  acc->height = y1 - y0;
}

JourneyRect
journey_scene_children_bounds (GArray *nodes,
                               guint   first,
                               guint   end)
{
  JourneyRect bounds = { 0, 0, 0, 0 };

  /* A nested group already holds the bounds of its own children. */
  for (guint i = first + 1; i < end;)
    {
      JourneySceneNode *child = &g_array_index (nodes, JourneySceneNode, i);

      union_rect (&bounds, &child->bounds);
      i += child->kind == JOURNEY_SCENE_GROUP_BEGIN ? child->group.size : 1;
    }
  return bounds;
}

void
journey_scene_builder_end (JourneySceneBuilder *b)
{
  guint first;
  JourneySceneNode *group, *end;
  JourneyRect bounds;

  g_assert (b->open->len > 0);
  first = g_array_index (b->open, guint, b->open->len - 1);
  g_array_set_size (b->open, b->open->len - 1);
  bounds = journey_scene_children_bounds (b->nodes, first, b->nodes->len);

  group = &g_array_index (b->nodes, JourneySceneNode, first);
  end = add (b, JOURNEY_SCENE_GROUP_END, group->role, group->variant);
  group = &g_array_index (b->nodes, JourneySceneNode, first); /* the array may have moved */
  end->item_kind = group->item_kind;
  end->item_index = group->item_index;
  end->item = group->item;
  group->bounds = bounds;
  end->bounds = bounds;
  group->group.size = b->nodes->len - first;
}

static JourneySceneNode *
add_rect (JourneySceneBuilder *b,
          JourneySceneRole     role,
          const char          *variant,
          const JourneyRect   *r,
          double               radius)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_RECT, role, variant);

  node->rect.rect = *r;
  node->rect.rect.width = MAX (0, r->width);
  node->rect.rect.height = MAX (0, r->height);
  node->rect.radius = MAX (0, MIN (radius, MIN (node->rect.rect.width, node->rect.rect.height) / 2));
  set_bounds (node, r->x, r->y, r->x + node->rect.rect.width, r->y + node->rect.rect.height,
              half_stroke (node));
  return node;
}

static JourneySceneNode *
add_line (JourneySceneBuilder *b,
          JourneySceneRole     role,
          const char          *variant,
          double               x1,
          double               y1,
          double               x2,
          double               y2)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_LINE, role, variant);

  node->line.x1 = x1;
  node->line.y1 = y1;
  node->line.x2 = x2;
  node->line.y2 = y2;
  set_bounds (node, x1, y1, x2, y2, half_stroke (node));
  return node;
}

static JourneySceneNode *
add_circle (JourneySceneBuilder *b,
            JourneySceneRole     role,
            const char          *variant,
            double               cx,
            double               cy,
            double               r)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_CIRCLE, role, variant);

  node->circle.cx = cx;
  node->circle.cy = cy;
  node->circle.r = r;
  set_bounds (node, cx - r, cy - r, cx + r, cy + r, half_stroke (node));
  return node;
}

/* Takes @ops. */
static JourneySceneNode *
add_path (JourneySceneBuilder *b,
          JourneySceneRole     role,
          const char          *variant,
          JourneyPathOp       *ops,
          guint                n_ops)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_PATH, role, variant);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  node->path.ops = ops;
  node->path.n_ops = n_ops;
  for (guint i = 0; i < n_ops; i++)
    {
      guint n = ops[i].op == JOURNEY_PATH_CURVE ? 3 : ops[i].op == JOURNEY_PATH_CLOSE ? 0 : 1;

      /* The control points hold a Bézier segment: their hull bounds it. */
      for (guint k = 0; k < n; k++)
        {
          x0 = MIN (x0, ops[i].p[k].x);
          y0 = MIN (y0, ops[i].p[k].y);
          x1 = MAX (x1, ops[i].p[k].x);
          y1 = MAX (y1, ops[i].p[k].y);
        }
    }
  if (x0 <= x1)
    set_bounds (node, x0, y0, x1, y1, half_stroke (node));
  return node;
}

/* A text node of one or more lines; @width is the widest line. */
static JourneySceneNode *
add_text (JourneySceneBuilder *b,
          JourneySceneRole     role,
          const char          *variant,
          const char          *text,
          guint                n_lines,
          double               x,
          double               baseline,
          double               line_height,
          double               width)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_TEXT, role, variant);
  double left, top, bottom;

  journey_theme_font (role, variant, &b->layout->style, &node->text.font);
  node->text.text = g_strdup (text);
  node->text.n_lines = n_lines;
  node->text.x = x;
  node->text.baseline = baseline;
  node->text.line_height = line_height;

  /* Ascent and descent of at most 0.95 and 0.3 of the size cover
   * accents and descenders. */
  left = node->text.font.anchor == JOURNEY_TEXT_ANCHOR_MIDDLE ? x - width / 2 : x;
  top = baseline - node->text.font.size * 0.95;
  bottom = baseline + (n_lines > 0 ? n_lines - 1 : 0) * line_height + node->text.font.size * 0.3;
  set_bounds (node, left, top, left + width, bottom, 0);
  return node;
}

/* Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) let a title show other characters than it holds, and
 * each renderer places them its own way: the map shows text without them,
 * in its natural direction. */
static gsize
bidi_control_length (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0xaa && u[2] <= 0xae)
    return 3;
  if (u[0] == 0xe2 && u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)
    return 3;
  return 0;
}

/* Appends @line as SVG shows text (xml:space="default"): without spaces
 * at its ends, and with runs of spaces as one; and without bidirectional
 * controls.  Every renderer of the scene then shows the same characters. */
static void
append_collapsed (GString    *out,
                  const char *line)
{
  gboolean space = FALSE;

  for (const char *p = line; *p; p++)
    {
      gsize skip = bidi_control_length (p);

      if (skip > 0)
        {
          p += skip - 1;
          continue;
        }
      if (*p == ' ' || *p == '\t')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
}

static JourneySceneNode *
add_block (JourneySceneBuilder    *b,
           JourneySceneRole        role,
           const char             *variant,
           const JourneyTextBlock *block)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < block->n_lines; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      append_collapsed (text, block->lines[i]);
    }
  return add_text (b, role, variant, text->str, block->n_lines, block->x, block->baseline,
                   block->line_height, block->width);
}

/* -- the frame: everything but the touchpoints ---------------------------- */

static void
build_title_block (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  begin (b, JOURNEY_ROLE_TITLE_BLOCK, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  add_block (b, JOURNEY_ROLE_MAP_TITLE, NULL, &layout->title);
  if (layout->persona.n_lines > 0)
    add_block (b, JOURNEY_ROLE_PERSONA, NULL, &layout->persona);
  if (layout->objective.n_lines > 0)
    add_block (b, JOURNEY_ROLE_OBJECTIVE, NULL, &layout->objective);
  if (layout->scope.n_lines > 0)
    add_block (b, JOURNEY_ROLE_SCOPE, NULL, &layout->scope);
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

  begin (b, JOURNEY_ROLE_STAGES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
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

      begin (b, JOURNEY_ROLE_STAGE, NULL, JOURNEY_SCENE_ITEM_STAGE, i, stage,
             stage->id, stage->name ? stage->name : stage->id);
      node = add_rect (b, JOURNEY_ROLE_STAGE_HEADER, NULL, &header, 0);
      node->paint.fill = journey_theme_data_fill (node->role, NULL, color);
      node = add_rect (b, JOURNEY_ROLE_STAGE_TINT, NULL, &tint, 0);
      node->paint.fill = journey_theme_data_fill (node->role, NULL, color);
      node = add_block (b, JOURNEY_ROLE_STAGE_NAME, NULL, &st->name);
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

  begin (b, JOURNEY_ROLE_EMOTION_BAND, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  add_rect (b, JOURNEY_ROLE_BAND, NULL, &band->rect, 0);
  for (guint i = 0; i < band->n_steps; i++)
    {
      int value = band->min + (int) i;

      add_line (b, JOURNEY_ROLE_SCALE_STEP, 2 * value == middle2 ? "neutral" : NULL,
                x0, band->step_y[i], x1, band->step_y[i]);
    }
  /* An even number of steps: the neutral line falls between two. */
  if (middle2 % 2 != 0)
    add_line (b, JOURNEY_ROLE_SCALE_STEP, "neutral", x0, band->neutral_y, x1, band->neutral_y);
  for (guint i = 0; i < band->n_steps; i++)
    add_block (b, JOURNEY_ROLE_SCALE_LABEL, NULL, &band->labels[i]);
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

  begin (b, JOURNEY_ROLE_LANES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_lanes; i++)
    {
      JourneyLayoutLane *ll = &layout->lanes[i];
      JourneyRect stripe = ll->label;
      guint32 color = journey_theme_lane_color (ll->lane->color, ll->kind);

      stripe.width = 6;
      begin (b, JOURNEY_ROLE_LANE, lane_kind_nick (ll->kind), JOURNEY_SCENE_ITEM_LANE, i, ll->lane,
             ll->lane->id, NULL);
      add_rect (b, JOURNEY_ROLE_LANE_BACKGROUND, NULL, &ll->rect, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_BACKGROUND, NULL, color);
      add_rect (b, JOURNEY_ROLE_LANE_LABEL, NULL, &ll->label, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_LABEL, NULL, color);
      add_rect (b, JOURNEY_ROLE_LANE_STRIPE, NULL, &stripe, 0)->paint.fill =
        journey_theme_data_fill (JOURNEY_ROLE_LANE_STRIPE, NULL, color);
      if (i + 1 < layout->n_lanes)
        add_line (b, JOURNEY_ROLE_LANE_SEPARATOR, NULL, ll->rect.x, ll->rect.y + ll->rect.height,
                  ll->rect.x + ll->rect.width, ll->rect.y + ll->rect.height);
      add_block (b, JOURNEY_ROLE_LANE_NAME, NULL, &ll->name);
      if (ll->caption.n_lines > 0)
        add_block (b, JOURNEY_ROLE_LANE_KIND, NULL, &ll->caption);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

static void
build_boundaries (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;
  double y0 = layout->band.rect.y;
  double y1 = layout->lanes_rect.y + layout->lanes_rect.height;

  begin (b, JOURNEY_ROLE_STAGE_BOUNDARIES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i + 1 < layout->n_stages; i++)
    {
      double x = layout->stages[i].header.x + layout->stages[i].header.width;
      add_line (b, JOURNEY_ROLE_STAGE_BOUNDARY, NULL, x, y0, x, y1);
    }
  journey_scene_builder_end (b);
}

static void
build_blueprint_lines (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  if (layout->n_lines == 0)
    return;

  begin (b, JOURNEY_ROLE_BLUEPRINT_LINES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_lines; i++)
    {
      JourneyLayoutLine *bl = &layout->lines[i];

      begin (b, JOURNEY_ROLE_BLUEPRINT, bl->css_class, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
      add_line (b, JOURNEY_ROLE_BLUEPRINT_LINE, bl->css_class, bl->x0, bl->y, bl->x1, bl->y);
      add_rect (b, JOURNEY_ROLE_LINE_LABEL_BACKGROUND, NULL, &bl->label_rect, bl->label_rect.height / 2);
      add_block (b, JOURNEY_ROLE_LINE_LABEL, NULL, &bl->label);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

void
journey_scene_build_frame (JourneySceneBuilder *b)
{
  JourneyRect background = { 0, 0, b->layout->width, b->layout->height };

  add_rect (b, JOURNEY_ROLE_BACKGROUND, NULL, &background, 0);
  build_title_block (b);
  build_stages (b);
  build_band (b);
  build_lanes (b);
  build_boundaries (b);
  build_blueprint_lines (b);
}

/* -- cards ---------------------------------------------------------------- */

void
journey_scene_build_touchpoints_begin (JourneySceneBuilder *b)
{
  begin (b, JOURNEY_ROLE_TOUCHPOINTS, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
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

  add_path (b, JOURNEY_ROLE_ACCENT, NULL, ops, 7)->paint.fill = color;
}

static void
build_votes (JourneySceneBuilder       *b,
             const JourneyLayoutCard   *card,
             const JourneyLayoutMarker *marker)
{
  guint max_dots = card->major ? JOURNEY_LAYOUT_MAX_VOTE_DOTS : 3;
  guint dots = MIN ((guint) marker->count, max_dots);
  double cy = marker->rect.y + marker->rect.height / 2;

  begin (b, JOURNEY_ROLE_MARKER, "votes", JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint d = 0; d < dots; d++)
    add_circle (b, JOURNEY_ROLE_VOTE, NULL, marker->rect.x + VOTE_RADIUS + d * VOTE_PITCH, cy, VOTE_RADIUS);
  if (marker->label[0])
    add_text (b, JOURNEY_ROLE_VOTE_COUNT, NULL, marker->label, 1, marker->label_x,
              cy + b->layout->style.caption_size * 0.35, 0,
              marker->rect.x + marker->rect.width - marker->label_x);
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

  add_rect (b, role, NULL, &around, b->layout->style.card_radius + gap);
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
    add_rect (b, JOURNEY_ROLE_DIMMED, NULL, &card->rect, b->layout->style.card_radius);

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

  begin (b, JOURNEY_ROLE_TOUCHPOINT, weight, JOURNEY_SCENE_ITEM_TOUCHPOINT, index, tp, tp->id, tp->title);

  shadow.y += 2;
  add_rect (b, JOURNEY_ROLE_CARD_SHADOW, NULL, &shadow, radius);
  add_rect (b, JOURNEY_ROLE_CARD, card->major ? "major" : NULL, &card->rect, radius);
  if (card->major)
    build_accent (b, &card->rect, radius, stage_color (layout, card->stage));

  if (card->caption.n_lines > 0)
    add_block (b, JOURNEY_ROLE_CHANNEL, NULL, &card->caption);
  add_block (b, JOURNEY_ROLE_CARD_TITLE, card->major ? "major" : NULL, &card->title);

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

      add_rect (b, JOURNEY_ROLE_MARKER, marker_variants[marker->kind], &marker->rect, marker->rect.height / 2);
      count = add_text (b, JOURNEY_ROLE_MARKER_COUNT, NULL, marker->label, 1, cx,
                        cy + layout->style.caption_size * 0.35, 0, marker->rect.width);
      /* The pill holds its count. */
      count->bounds = marker->rect;
    }

  build_card_state (b, card);
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

static void
build_connectors (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;
  double band_bottom = layout->band.rect.y + layout->band.rect.height;

  /* Each handle's place on the timeline, down to the band's edge. */
  begin (b, JOURNEY_ROLE_CONNECTORS, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_handles; i++)
    {
      JourneyLayoutHandle *h = &layout->handles[i];

      set_item_card (b, add_line (b, JOURNEY_ROLE_CONNECTOR, NULL, h->x, h->y + h->radius, h->x, band_bottom),
                     h->card);
    }
  journey_scene_builder_end (b);
}

static void
build_curves (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  begin (b, JOURNEY_ROLE_CURVES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
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
          add_path (b, JOURNEY_ROLE_CURVE, curve->css_class, ops, curve->n_points);
        }

      /* The hypothesis has handles; the others mark their points. */
      if (curve->kind == JOURNEY_CURVE_AS_IS)
        continue;
      for (guint k = 0; k < curve->n_points; k++)
        {
          JourneySceneNode *node = add_circle (b, JOURNEY_ROLE_POINT, curve->css_class,
                                               curve->points[k].x, curve->points[k].y,
                                               curve->kind == JOURNEY_CURVE_MEASURED ? 5 : 5.5);
          set_item_card (b, node, curve->cards[k]);
        }
    }
  journey_scene_builder_end (b);
}

static void
build_flags (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  if (layout->n_flags == 0)
    return;

  begin (b, JOURNEY_ROLE_GAP_FLAGS, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_flags; i++)
    {
      JourneyLayoutFlag *flag = &layout->flags[i];
      JourneyTouchpoint *tp = layout->cards[flag->card].touchpoint;
      g_autofree char *tip = g_strdup_printf (_("Survey differs from the hypothesis by %s"), flag->label);

      begin (b, JOURNEY_ROLE_GAP_FLAG, NULL, JOURNEY_SCENE_ITEM_TOUCHPOINT, flag->card, tp, tp->id, tip);
      add_line (b, JOURNEY_ROLE_GAP, NULL, flag->x, flag->y_hypothesis, flag->x, flag->y_measured);
      add_rect (b, JOURNEY_ROLE_FLAG, NULL, &flag->rect, FLAG_RADIUS);
      add_text (b, JOURNEY_ROLE_FLAG_LABEL, NULL, flag->label, 1, flag->rect.x + flag->rect.width / 2,
                flag->rect.y + flag->rect.height / 2 + layout->style.caption_size * 0.35, 0,
                flag->rect.width)->bounds = flag->rect;
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

static void
build_handles (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;
  double span = layout->band.max - layout->band.min;

  begin (b, JOURNEY_ROLE_HANDLES, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_handles; i++)
    {
      JourneyLayoutHandle *h = &layout->handles[i];
      JourneySceneNode *node = add_circle (b, JOURNEY_ROLE_HANDLE, NULL, h->x, h->y, h->radius);

      node->paint.fill = journey_theme_handle_color (span > 0 ? (h->value - layout->band.min) / span : 0.5);
      set_item_card (b, node, h->card);
    }
  journey_scene_builder_end (b);
}

static void
build_legend (JourneySceneBuilder *b)
{
  JourneyLayout *layout = b->layout;

  if (layout->n_legend == 0)
    return;

  begin (b, JOURNEY_ROLE_LEGEND, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
  for (guint i = 0; i < layout->n_legend; i++)
    {
      JourneyLayoutLegendEntry *e = &layout->legend[i];
      double cy = e->swatch.y + e->swatch.height / 2;

      begin (b, JOURNEY_ROLE_LEGEND_ENTRY, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
      switch (e->kind)
        {
        case JOURNEY_LEGEND_CURVE:
          add_line (b, JOURNEY_ROLE_CURVE, layout->curves[e->which].css_class,
                    e->swatch.x + 2, cy, e->swatch.x + e->swatch.width - 2, cy);
          break;

        case JOURNEY_LEGEND_FLAG:
          begin (b, JOURNEY_ROLE_GAP_FLAG, NULL, JOURNEY_SCENE_ITEM_NONE, 0, NULL, NULL, NULL);
          add_rect (b, JOURNEY_ROLE_FLAG, NULL, &e->swatch, FLAG_RADIUS);
          journey_scene_builder_end (b);
          break;

        case JOURNEY_LEGEND_MARKER:
          if (e->which == JOURNEY_MARKER_VOTES)
            for (int d = 0; d < 2; d++)
              add_circle (b, JOURNEY_ROLE_VOTE, NULL, e->swatch.x + 6 + d * VOTE_PITCH, cy, VOTE_RADIUS);
          else
            add_rect (b, JOURNEY_ROLE_MARKER, marker_variants[e->which], &e->swatch, e->swatch.height / 2);
          break;

        default:
          break;
        }
      add_block (b, JOURNEY_ROLE_LEGEND_LABEL, NULL, &e->text);
      journey_scene_builder_end (b);
    }
  journey_scene_builder_end (b);
}

void
journey_scene_build_overlay (JourneySceneBuilder *b)
{
  build_connectors (b);
  build_curves (b);
  build_flags (b);
  build_handles (b);
  build_legend (b);
}
