/* journey-scene-curves.c: the curve layer as scene nodes, drawn over the
 * cards: the emotion curves, their handles and connectors, the flags where
 * survey and hypothesis part, the room's ratings, and the legend.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "journey-scene-private.h"
#include "journey-theme.h"

/* Curves are drawn in this order: the hypothesis on top. */
static const JourneyCurveKind curve_order[] = {
  JOURNEY_CURVE_TO_BE, JOURNEY_CURVE_MEASURED, JOURNEY_CURVE_AS_IS,
};

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

/* The path of @curve: a move to its first point, a Bézier to each next
 * one; n_points ops, of which those in [@from, @to) made here. */
static void
curve_ops (const JourneyLayoutCurve *curve,
           JourneyPathOp            *ops,
           guint                     from,
           guint                     to)
{
  for (guint i = from; i < to && i < curve->n_points; i++)
    {
      if (i == 0)
        {
          ops[0].op = JOURNEY_PATH_MOVE;
          ops[0].p[0] = curve->points[0];
          continue;
        }
      ops[i].op = JOURNEY_PATH_CURVE;
      ops[i].p[0] = curve->c1[i - 1];
      ops[i].p[1] = curve->c2[i - 1];
      ops[i].p[2] = curve->points[i];
    }
}

/* The radius of the marks on the points of @curve. */
static double
point_radius (const JourneyLayoutCurve *curve)
{
  return curve->kind == JOURNEY_CURVE_MEASURED ? 5 : 5.5;
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

          curve_ops (curve, ops, 0, curve->n_points);
          journey_scene_add_path (b, JOURNEY_ROLE_CURVE, curve->css_class, ops, curve->n_points);
        }

      /* The hypothesis has handles; the others mark their points. */
      if (curve->kind == JOURNEY_CURVE_AS_IS)
        continue;
      for (guint k = 0; k < curve->n_points; k++)
        {
          JourneySceneNode *node = journey_scene_add_circle (b, JOURNEY_ROLE_POINT, curve->css_class,
                                                             curve->points[k].x, curve->points[k].y,
                                                             point_radius (curve));
          set_item_card (b, node, curve->cards[k]);
        }
    }
  journey_scene_builder_end (b);
}

/**
 * journey_scene_patch_curves:
 * @nodes: a scene's nodes
 * @first: the group journey_scene_build_curves() began there
 * @changes: (nullable): what the layout's last update changed, when it
 *   knows, and the group was brought up to date with the layout before it
 *
 * Brings the curves group at @first up to date with @layout in place, as
 * journey_scene_build_curves() would build it again, when each curve has
 * as many points as it was built with: what a drag, which moves a point
 * or two of thousands, needs on every motion.  With @changes, only the
 * points it names.  The group's bounds are the caller's to update.
 *
 * Returns: %FALSE when the group does not fit @layout's curves (build it
 *   again then)
 */
gboolean
journey_scene_patch_curves (GArray                     *nodes,
                            guint                       first,
                            JourneyLayout              *layout,
                            const JourneyLayoutChanges *changes)
{
  JourneySceneNode *all = (JourneySceneNode *) (gpointer) nodes->data;
  guint end = first + all[first].group.size - 1;
  guint i = first + 1;

  for (guint o = 0; o < G_N_ELEMENTS (curve_order); o++)
    {
      JourneyLayoutCurve *curve = &layout->curves[curve_order[o]];
      guint from = changes ? changes->point_from[curve->kind] : 0;
      guint to = changes ? changes->point_to[curve->kind] : curve->n_points;

      if (curve->n_points == 0)
        continue;

      if (curve->n_points > 1)
        {
          JourneySceneNode *path = &all[i++];
          double before[4];

          if (i > end || path->kind != JOURNEY_SCENE_PATH || path->path.n_ops != curve->n_points)
            return FALSE;
          journey_scene_path_hull (path, from, to, before);
          curve_ops (curve, path->path.ops, from, to);
          journey_scene_path_rebound (path, from, to, before);
        }

      if (curve->kind == JOURNEY_CURVE_AS_IS)
        continue;
      if (i + curve->n_points > end)
        return FALSE;
      for (guint k = from; k < to && k < curve->n_points; k++)
        {
          JourneySceneNode *point = &all[i + k];

          if (point->kind != JOURNEY_SCENE_CIRCLE || point->circle.r != point_radius (curve))
            return FALSE;
          if (point->circle.cx != curve->points[k].x || point->circle.cy != curve->points[k].y)
            journey_scene_circle_place (point, curve->points[k].x, curve->points[k].y);
          point->item_index = curve->cards[k];
          point->item = layout->cards[curve->cards[k]].touchpoint;
        }
      i += curve->n_points;
    }
  return i == end;
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
  journey_scene_add_rect (b, JOURNEY_ROLE_FLAG, NULL, &flag->rect, JOURNEY_SCENE_FLAG_RADIUS);
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
          journey_scene_add_rect (b, JOURNEY_ROLE_FLAG, NULL, &e->swatch, JOURNEY_SCENE_FLAG_RADIUS);
          journey_scene_builder_end (b);
          break;

        case JOURNEY_LEGEND_MARKER:
          if (e->which == JOURNEY_MARKER_VOTES)
            for (int d = 0; d < 2; d++)
              journey_scene_add_circle (b, JOURNEY_ROLE_VOTE, NULL, e->swatch.x + 6 + d * JOURNEY_SCENE_VOTE_PITCH, cy, JOURNEY_SCENE_VOTE_RADIUS);
          else
            journey_scene_add_rect (b, JOURNEY_ROLE_MARKER, journey_scene_marker_variant (e->which), &e->swatch, e->swatch.height / 2);
          break;

        case JOURNEY_LEGEND_ROOM:
          journey_scene_build_room_swatch (b, &e->swatch, e->which == 1);
          break;

        case JOURNEY_LEGEND_LEVEL:
          journey_scene_build_level_swatch (b, &e->swatch, (JourneyEvidenceLevel) e->which);
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
journey_scene_build_curve_layer (JourneySceneBuilder *b)
{
  build_connectors (b);
  journey_scene_build_curves (b);
  build_flags (b);
  journey_scene_build_rooms (b);
  build_handles (b);
  journey_scene_build_legend (b);
}
