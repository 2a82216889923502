/* journey-scene-builder.c: appending styled nodes to a scene.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-scene-private.h"
#include "journey-theme.h"

/* -- the builder ---------------------------------------------------------- */

const char *
journey_scene_marker_variant (guint kind)
{
  static const char *variants[] = {
    "pain-points", "opportunities", "actions", "votes",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (variants), NULL);
  return variants[kind];
}

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
  node->frozen = journey_scene_role_get_frozen (role);
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

void
journey_scene_builder_begin (JourneySceneBuilder *b,
                             JourneySceneRole     role,
                             const char          *variant,
                             JourneySceneItemKind item_kind,
                             guint                item_index,
                             gpointer             item,
                             const char          *id,
                             const char          *title)
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

JourneySceneNode *
journey_scene_add_rect (JourneySceneBuilder *b,
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

JourneySceneNode *
journey_scene_add_line (JourneySceneBuilder *b,
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

JourneySceneNode *
journey_scene_add_circle (JourneySceneBuilder *b,
                          JourneySceneRole     role,
                          const char          *variant,
                          double               cx,
                          double               cy,
                          double               r)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_CIRCLE, role, variant);

  node->circle.r = r;
  journey_scene_circle_place (node, cx, cy);
  return node;
}

/* Puts circle @node's centre at (@cx, @cy), its bounds with it. */
void
journey_scene_circle_place (JourneySceneNode *node,
                            double            cx,
                            double            cy)
{
  double r = node->circle.r;

  node->circle.cx = cx;
  node->circle.cy = cy;
  set_bounds (node, cx - r, cy - r, cx + r, cy + r, half_stroke (node));
}

/* Takes @ops. */
JourneySceneNode *
journey_scene_add_path (JourneySceneBuilder *b,
                        JourneySceneRole     role,
                        const char          *variant,
                        JourneyPathOp       *ops,
                        guint                n_ops)
{
  JourneySceneNode *node = add (b, JOURNEY_SCENE_PATH, role, variant);

  node->path.ops = ops;
  node->path.n_ops = n_ops;
  journey_scene_path_bound (node);
  return node;
}

/* Path @node's bounds, from its ops. */
/* The hull of the points of ops [@from, @to) of @node, in @hull: x0, y0,
 * x1, y1; empty (x0 > x1) for none. */
void
journey_scene_path_hull (const JourneySceneNode *node,
                         guint                   from,
                         guint                   to,
                         double                  hull[4])
{
  const JourneyPathOp *ops = node->path.ops;

  hull[0] = hull[1] = G_MAXDOUBLE;
  hull[2] = hull[3] = -G_MAXDOUBLE;
  for (guint i = from; i < to && i < node->path.n_ops; i++)
    {
      guint n = ops[i].op == JOURNEY_PATH_CURVE ? 3 : ops[i].op == JOURNEY_PATH_CLOSE ? 0 : 1;

      /* The control points hold a Bézier segment: their hull bounds it. */
      for (guint k = 0; k < n; k++)
        {
          hull[0] = MIN (hull[0], ops[i].p[k].x);
          hull[1] = MIN (hull[1], ops[i].p[k].y);
          hull[2] = MAX (hull[2], ops[i].p[k].x);
          hull[3] = MAX (hull[3], ops[i].p[k].y);
        }
    }
}

static void
bound_by_hull (JourneySceneNode *node)
{
  const double *hull = node->path.hull;

  if (hull[0] <= hull[2])
    set_bounds (node, hull[0], hull[1], hull[2], hull[3], half_stroke (node));
}

void
journey_scene_path_bound (JourneySceneNode *node)
{
  journey_scene_path_hull (node, 0, node->path.n_ops, node->path.hull);
  bound_by_hull (node);
}

/**
 * journey_scene_path_rebound:
 * @before: the hull of ops [@from, @to) before they changed
 *
 * The bounds of @node after its ops [@from, @to) changed, as
 * journey_scene_path_bound() would make them: grown by the ops' new hull
 * when the old one lay inside the others' (the others then hold the
 * bounds' edges), measured again otherwise.
 */
void
journey_scene_path_rebound (JourneySceneNode *node,
                            guint             from,
                            guint             to,
                            const double      before[4])
{
  double *hull = node->path.hull;
  double now[4];

  if (!(before[0] > hull[0] && before[1] > hull[1] && before[2] < hull[2] && before[3] < hull[3]))
    {
      journey_scene_path_bound (node);
      return;
    }
  journey_scene_path_hull (node, from, to, now);
  hull[0] = MIN (hull[0], now[0]);
  hull[1] = MIN (hull[1], now[1]);
  hull[2] = MAX (hull[2], now[2]);
  hull[3] = MAX (hull[3], now[3]);
  bound_by_hull (node);
}

/* A text node of one or more lines; @width is the widest line. */
JourneySceneNode *
journey_scene_add_text (JourneySceneBuilder *b,
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

JourneySceneNode *
journey_scene_add_block (JourneySceneBuilder    *b,
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
  return journey_scene_add_text (b, role, variant, text->str, block->n_lines, block->x, block->baseline,
                   block->line_height, block->width);
}

