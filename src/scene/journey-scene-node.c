/* journey-scene-node.c: what a scene node is: freeing what it owns,
 * comparing two, and the classes it is drawn and exported with.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <string.h>

#include "journey-scene-private.h"
#include "journey-theme.h"

void
journey_scene_node_clear (JourneySceneNode *node)
{
  switch (node->kind)
    {
    case JOURNEY_SCENE_GROUP_BEGIN:
      g_clear_pointer (&node->group.id, g_free);
      g_clear_pointer (&node->group.title, g_free);
      break;
    case JOURNEY_SCENE_PATH:
      g_clear_pointer (&node->path.ops, g_free);
      break;
    case JOURNEY_SCENE_TEXT:
      g_clear_pointer (&node->text.text, g_free);
      break;
    case JOURNEY_SCENE_GROUP_END:
    case JOURNEY_SCENE_RECT:
    case JOURNEY_SCENE_LINE:
    case JOURNEY_SCENE_CIRCLE:
    default:
      break;
    }
}

const char *
journey_scene_role_get_class (JourneySceneRole role)
{
  return journey_theme_role_class (role);
}

void
journey_scene_node_append_class (const JourneySceneNode *node,
                                 GString                *out)
{
  g_string_append (out, journey_theme_role_class (node->role));
  if (node->variant != NULL)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, node->variant);
    }
}

static gboolean
points_equal (const JourneyPoint *a,
              const JourneyPoint *b)
{
  return a->x == b->x && a->y == b->y;
}

static gboolean
path_equal (const JourneySceneNode *a,
            const JourneySceneNode *b)
{
  if (a->path.n_ops != b->path.n_ops)
    return FALSE;
  for (guint i = 0; i < a->path.n_ops; i++)
    {
      const JourneyPathOp *p = &a->path.ops[i], *q = &b->path.ops[i];

      if (p->op != q->op)
        return FALSE;
      for (guint k = 0; k < 3; k++)
        if (!points_equal (&p->p[k], &q->p[k]))
          return FALSE;
    }
  return TRUE;
}

static gboolean
rect_equal (const JourneyRect *a,
            const JourneyRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

gboolean
journey_scene_node_equal (const JourneySceneNode *a,
                          const JourneySceneNode *b)
{
  if (a->kind != b->kind || a->role != b->role || g_strcmp0 (a->variant, b->variant) != 0
      || a->item_kind != b->item_kind || a->item_index != b->item_index || a->item != b->item
      || !rect_equal (&a->bounds, &b->bounds)
      || a->paint.fill != b->paint.fill || a->paint.stroke != b->paint.stroke
      || a->paint.fill_opacity != b->paint.fill_opacity || a->paint.stroke_width != b->paint.stroke_width
      || a->paint.n_dash != b->paint.n_dash || a->paint.has_fill != b->paint.has_fill
      || a->paint.round != b->paint.round || a->frozen != b->frozen
      || memcmp (a->paint.dash, b->paint.dash, sizeof a->paint.dash) != 0)
    return FALSE;

  switch (a->kind)
    {
    case JOURNEY_SCENE_GROUP_BEGIN:
      return a->group.size == b->group.size && g_strcmp0 (a->group.id, b->group.id) == 0
          && g_strcmp0 (a->group.title, b->group.title) == 0;
    case JOURNEY_SCENE_RECT:
      return rect_equal (&a->rect.rect, &b->rect.rect) && a->rect.radius == b->rect.radius;
    case JOURNEY_SCENE_LINE:
      return a->line.x1 == b->line.x1 && a->line.y1 == b->line.y1
          && a->line.x2 == b->line.x2 && a->line.y2 == b->line.y2;
    case JOURNEY_SCENE_CIRCLE:
      return a->circle.cx == b->circle.cx && a->circle.cy == b->circle.cy && a->circle.r == b->circle.r;
    case JOURNEY_SCENE_PATH:
      return path_equal (a, b);
    case JOURNEY_SCENE_TEXT:
      return g_strcmp0 (a->text.text, b->text.text) == 0 && a->text.n_lines == b->text.n_lines
          && a->text.x == b->text.x && a->text.baseline == b->text.baseline
          && a->text.line_height == b->text.line_height && a->text.font.size == b->text.font.size
          && a->text.font.bold == b->text.font.bold && a->text.font.italic == b->text.font.italic
          && a->text.font.anchor == b->text.font.anchor;
    case JOURNEY_SCENE_GROUP_END:
    default:
      return TRUE;
    }
}
