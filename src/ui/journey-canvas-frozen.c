/* journey-canvas-frozen.c: the frozen headers: the stage band and the
 * lane names drawn again from the scene, pinned to the view while it
 * scrolls, and what a press on them takes.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-canvas"

#include "config.h"

#include <math.h>

#include "journey-canvas-private.h"
#include "journey-theme.h"

/* -- frozen headers ------------------------------------------------------- */

/* Where the frozen headers (SPEC §9 Orientation) are drawn now. */
typedef struct
{
  gboolean    has_top;
  gboolean    has_left;
  JourneyRect top;          /* their areas on the map */
  JourneyRect left;
  double      dx;           /* how far the label column is moved right, map pixels */
  double      dy;           /* how far the stage band is moved down */
  gboolean    shown;        /* scrolled: drawn again over the map */
} FrozenView;

static void
frozen_view (JourneyCanvas *self,
             FrozenView    *v)
{
  double x, y;

  memset (v, 0, sizeof *v);
  if (self->scene == NULL)
    return;
  v->has_top = journey_scene_get_frozen (self->scene, JOURNEY_FROZEN_TOP, &v->top, NULL, NULL);
  v->has_left = journey_scene_get_frozen (self->scene, JOURNEY_FROZEN_LEFT, &v->left, NULL, NULL);
  journey_canvas_widget_to_map (self, 0, 0, &x, &y);
  if (v->has_top)
    v->dy = MAX (0, y - v->top.y);
  if (v->has_left)
    v->dx = MAX (0, x - v->left.x);
  v->shown = v->dx > 0 || v->dy > 0;
}

/* How much of the view the frozen headers can cover, widget pixels: the
 * label column's width at its left, the stage band's height at its top. */
void
journey_canvas_frozen_insets (JourneyCanvas *self,
                              double        *left,
                              double        *top)
{
  FrozenView v;

  frozen_view (self, &v);
  *left = v.has_left ? (v.left.x + v.left.width) * self->zoom : 0;
  *top = v.has_top ? v.top.height * self->zoom : 0;
}

static gboolean
intersect (const JourneyRect *a,
           const JourneyRect *b,
           JourneyRect       *out)
{
  double x0 = MAX (a->x, b->x), y0 = MAX (a->y, b->y);
  double x1 = MIN (a->x + a->width, b->x + b->width), y1 = MIN (a->y + a->height, b->y + b->height);

  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  *out = (JourneyRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

static gboolean
contains (const JourneyRect *r,
          double             x,
          double             y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* How far the text of an item slides inside its cell, along the stage
 * band (x) or down the label column (y), for its left or top edge to be
 * at @edge (the first map pixel that no other header hides), keeping the
 * margin it has in the cell. */
static double
slide (double cell,
       double cell_size,
       double text,
       double text_size,
       double edge)
{
  double margin = MAX (0, text - cell);

  return CLAMP (edge - cell, 0, MAX (0, cell_size - 2 * margin - text_size));
}

/* The nodes [@first, @end) of @indices, all of one item: its text slides
 * inside its cell, the first rectangle of the item (a stage's header, a
 * lane's label), to stay in view. */
static void
snapshot_frozen_item (JourneyCanvas      *self,
                      GtkSnapshot        *snapshot,
                      const FrozenView   *v,
                      JourneySceneFrozen  which,
                      const guint        *indices,
                      guint               first,
                      guint               end)
{
  const JourneySceneNode *nodes = journey_scene_get_nodes (self->scene);
  const JourneySceneNode *cell = NULL;
  JourneyRect text = { 0, 0, 0, 0 };
  gboolean has_text = FALSE;
  double sx = 0, sy = 0;

  for (guint i = first; i < end; i++)
    {
      const JourneySceneNode *node = &nodes[indices[i]];

      if (node->kind == JOURNEY_SCENE_RECT && cell == NULL)
        cell = node;
      else if (node->kind == JOURNEY_SCENE_TEXT)
        {
          double x0 = has_text ? MIN (text.x, node->bounds.x) : node->bounds.x;
          double y0 = has_text ? MIN (text.y, node->bounds.y) : node->bounds.y;
          double x1 = MAX (has_text ? text.x + text.width : x0, node->bounds.x + node->bounds.width);
          double y1 = MAX (has_text ? text.y + text.height : y0, node->bounds.y + node->bounds.height);

          text = (JourneyRect) { x0, y0, x1 - x0, y1 - y0 };
          has_text = TRUE;
        }
    }

  if (cell != NULL && has_text && nodes[indices[first]].item_kind != JOURNEY_SCENE_ITEM_NONE)
    {
      const JourneyRect *c = &cell->bounds;

      if (which == JOURNEY_FROZEN_TOP)
        sx = slide (c->x, c->width, text.x, text.width,
                    v->has_left ? v->left.x + v->left.width + v->dx : self->visible.x);
      else
        sy = slide (c->y, c->height, text.y, text.height,
                    v->has_top ? v->top.y + v->top.height + v->dy : self->visible.y);
    }

  for (guint i = first; i < end; i++)
    {
      const JourneySceneNode *node = &nodes[indices[i]];
      gboolean moves = node->kind == JOURNEY_SCENE_TEXT && (sx != 0 || sy != 0);

      if (!moves)
        {
          if (journey_rect_intersects (&node->bounds, &self->visible))
            journey_canvas_snapshot_node (self, snapshot, node);
          continue;
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (sx, sy));
      journey_canvas_snapshot_node (self, snapshot, node);
      gtk_snapshot_restore (snapshot);
    }
}

/* The part @part of the frozen header @which, moved by (@dx, @dy): the
 * paper under it, and its nodes clipped to it. */
static void
snapshot_frozen_part (JourneyCanvas      *self,
                      GtkSnapshot        *snapshot,
                      const FrozenView   *v,
                      JourneySceneFrozen  which,
                      const JourneyRect  *part,
                      double              dx,
                      double              dy)
{
  const JourneySceneNode *nodes = journey_scene_get_nodes (self->scene);
  JourneyRect view = self->visible;
  JourneyRect shown;
  JourneySceneNode paper = { 0 };
  const guint *indices;
  guint n;

  /* What of the part is in view, where it is drawn from. */
  self->visible.x -= dx;
  self->visible.y -= dy;
  journey_scene_get_frozen (self->scene, which, NULL, &indices, &n);
  if (intersect (part, &self->visible, &shown))
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dx, dy));
      gtk_snapshot_push_clip (snapshot, &GRECT (&shown));

      paper.kind = JOURNEY_SCENE_RECT;
      paper.role = JOURNEY_ROLE_FROZEN_HEADER;
      paper.rect.rect = shown;
      paper.bounds = shown;
      journey_theme_paint (paper.role, NULL, &paper.paint);
      journey_canvas_snapshot_node (self, snapshot, &paper);

      /* Item by item. */
      self->visible = shown;
      for (guint i = 0, end; i < n; i = end)
        {
          const JourneySceneNode *node = &nodes[indices[i]];

          for (end = i + 1; end < n; end++)
            if (nodes[indices[end]].item_kind != node->item_kind || nodes[indices[end]].item_index != node->item_index)
              break;
          snapshot_frozen_item (self, snapshot, v, which, indices, i, end);
        }

      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }
  self->visible = view;
}

/* The edge where the map goes under a frozen header. */
static void
snapshot_frozen_edge (JourneyCanvas *self,
                      GtkSnapshot   *snapshot,
                      double         x1,
                      double         y1,
                      double         x2,
                      double         y2)
{
  JourneySceneNode edge = { 0 };
  double w;

  edge.kind = JOURNEY_SCENE_LINE;
  edge.role = JOURNEY_ROLE_FROZEN_EDGE;
  journey_theme_paint (edge.role, NULL, &edge.paint);
  w = edge.paint.stroke_width / 2;
  /* Outside the header, over the map. */
  if (y1 == y2)
    y1 = y2 = y1 + w;
  else
    x1 = x2 = x1 + w;
  edge.line.x1 = x1;
  edge.line.y1 = y1;
  edge.line.x2 = x2;
  edge.line.y2 = y2;
  edge.bounds = (JourneyRect) { MIN (x1, x2) - w, MIN (y1, y2) - w, fabs (x2 - x1) + 2 * w, fabs (y2 - y1) + 2 * w };
  if (journey_rect_intersects (&edge.bounds, &self->visible))
    journey_canvas_snapshot_node (self, snapshot, &edge);
}

/* Once the view is scrolled, the stage band at the top of the view and
 * the label column at its left, drawn again from the same nodes, moved,
 * over the map (where they are when their place is in view): the stage
 * band over the column, the corner where they meet over both.  Stage
 * and lane names slide inside their cells to stay in view. */
void
journey_canvas_snapshot_frozen (JourneyCanvas *self,
                 GtkSnapshot   *snapshot)
{
  FrozenView v;

  frozen_view (self, &v);
  if (!v.shown)
    return;
  if (v.has_left)
    {
      snapshot_frozen_part (self, snapshot, &v, JOURNEY_FROZEN_LEFT, &v.left, v.dx, 0);
      if (v.dx > 0)
        snapshot_frozen_edge (self, snapshot, v.left.x + v.left.width + v.dx, v.left.y,
                              v.left.x + v.left.width + v.dx, v.left.y + v.left.height);
    }
  if (v.has_top)
    {
      snapshot_frozen_part (self, snapshot, &v, JOURNEY_FROZEN_TOP, &v.top, 0, v.dy);
      if (v.dy > 0)
        snapshot_frozen_edge (self, snapshot, v.top.x, v.top.y + v.top.height + v.dy, v.top.x + v.top.width,
                              v.top.y + v.top.height + v.dy);
    }
  if (v.has_left && v.has_top)
    {
      JourneyRect corner = { v.left.x, v.top.y, v.left.width, v.top.height };

      snapshot_frozen_part (self, snapshot, &v, JOURNEY_FROZEN_LEFT, &corner, v.dx, v.dy);
      if (v.dx > 0)
        snapshot_frozen_edge (self, snapshot, corner.x + corner.width + v.dx, corner.y + v.dy,
                              corner.x + corner.width + v.dx, corner.y + corner.height + v.dy);
    }
}

/* What a press at the map point (@map_x, @map_y) takes hold of, as the
 * canvas shows the map at its zoom.  Frozen headers drawn over the map
 * take the press, so that nothing hidden under them is taken: on the
 * stage band a stage boundary can be dragged (its x is where it is
 * drawn), a stage header is a stage; the label column and the corner
 * hold nothing to take. */
void
journey_canvas_hit_test (JourneyCanvas *self,
                         double         map_x,
                         double         map_y,
                         JourneyHit    *hit)
{
  FrozenView v;

  hit->kind = JOURNEY_HIT_NONE;
  hit->index = 0;
  if (self->layout == NULL)
    return;

  frozen_view (self, &v);
  if (v.shown)
    {
      if (v.has_top && v.has_left
          && contains (&(JourneyRect) { v.left.x, v.top.y, v.left.width, v.top.height }, map_x - v.dx, map_y - v.dy))
        return;
      if (v.has_top && contains (&v.top, map_x, map_y - v.dy))
        {
          journey_layout_hit_test_headers (self->layout, map_x, map_y - v.dy, self->zoom, hit);
          return;
        }
      if (v.has_left && contains (&v.left, map_x - v.dx, map_y))
        return;
    }
  journey_layout_hit_test_at_zoom (self->layout, map_x, map_y, self->zoom, hit);
}
