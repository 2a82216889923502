/* journey-scene-stream.c: the scene of a layout built and handed out in
 * parts, for a writer that takes each node once (SVG).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A whole scene of 10,000 touchpoints holds 165,000 nodes, 30 MB that the
 * kernel must find and clear page by page; a stream reuses a few thousand.
 * It builds the parts journey_scene_build_all() builds, in its order:
 * the frame, the cards a few at a time, the curve layer.  A group still
 * open when its first nodes are handed out (the one of every card) stays
 * at the front of the array, out of sight, until it ends.
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include "journey-scene-private.h"

/* Nodes built, about, before they are handed out. */
#define PART_NODES 4096

typedef enum
{
  PART_FRAME,
  PART_CARDS,
  PART_CURVES,
  PART_DONE,
} Part;

struct _JourneySceneStream
{
  JourneyLayout      *layout;
  GArray             *nodes;
  JourneySceneBuilder builder;
  guint               held;       /* open groups' begin nodes at the front */
  guint               next_card;
  Part                part;
};

JourneySceneStream *
journey_scene_stream_new (JourneyLayout *layout)
{
  JourneySceneStream *self;

  g_return_val_if_fail (layout != NULL, NULL);

  self = g_new0 (JourneySceneStream, 1);
  self->layout = layout;
  self->nodes = g_array_sized_new (FALSE, FALSE, sizeof (JourneySceneNode), 2 * PART_NODES);
  journey_scene_builder_init (&self->builder, self->nodes, layout, NULL);
  return self;
}

void
journey_scene_stream_free (JourneySceneStream *self)
{
  if (self == NULL)
    return;

  /* Open groups when the stream was left before its end. */
  g_array_set_size (self->builder.open, 0);
  journey_scene_builder_clear (&self->builder);
  journey_scene_clear_nodes (self->nodes, 0);
  g_array_unref (self->nodes);
  g_free (self);
}

/* Drops the nodes handed out but the open groups' begin nodes, which
 * move to the front. */
static void
drop_handed_out (JourneySceneStream *self)
{
  GArray *open = self->builder.open;
  guint held = 0;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      JourneySceneNode *node = &g_array_index (self->nodes, JourneySceneNode, i);

      if (held < open->len && g_array_index (open, guint, held) == i)
        {
          if (i != held)
            g_array_index (self->nodes, JourneySceneNode, held) = *node;
          g_array_index (open, guint, held) = held;
          held++;
        }
      else
        journey_scene_node_clear (node);
    }
  g_array_set_size (self->nodes, held);
  self->held = held;
}

static void
build_part (JourneySceneStream *self)
{
  JourneySceneBuilder *b = &self->builder;

  switch (self->part)
    {
    case PART_FRAME:
      journey_scene_build_frame (b);
      journey_scene_build_touchpoints_begin (b);
      self->part = PART_CARDS;
      break;

    case PART_CARDS:
      while (self->next_card < self->layout->n_cards && self->nodes->len - self->held < PART_NODES)
        journey_scene_build_card (b, self->next_card++);
      if (self->next_card == self->layout->n_cards)
        {
          journey_scene_builder_end (b);
          self->part = PART_CURVES;
        }
      break;

    case PART_CURVES:
      journey_scene_build_curve_layer (b);
      self->part = PART_DONE;
      break;

    case PART_DONE:
    default:
      break;
    }
}

const JourneySceneNode *
journey_scene_stream_next (JourneySceneStream *self,
                           guint              *n_nodes)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);

  drop_handed_out (self);
  while (self->part != PART_DONE && self->nodes->len == self->held)
    build_part (self);

  *n_nodes = self->nodes->len - self->held;
  if (*n_nodes == 0)
    return NULL;
  return &g_array_index (self->nodes, JourneySceneNode, self->held);
}
