/* journey-scene-private.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-scene.h"

G_BEGIN_DECLS

/* Appends nodes to an array, keeps the stack of open groups, and resolves
 * every node's paint from the theme. */
typedef struct
{
  GArray        *nodes;
  JourneyLayout *layout;
  GArray        *open;        /* indices of the open groups' begin nodes */
  const JourneySceneState *state;
} JourneySceneBuilder;

void journey_scene_builder_init            (JourneySceneBuilder     *b,
                                            GArray                  *nodes,
                                            JourneyLayout           *layout,
                                            const JourneySceneState *state);
void journey_scene_builder_clear           (JourneySceneBuilder *b);

/* The parts of a map, in z-order. */
void journey_scene_build_frame             (JourneySceneBuilder *b);
void journey_scene_build_card              (JourneySceneBuilder *b,
                                            guint                card);
void journey_scene_build_overlay           (JourneySceneBuilder *b);

/* Begins the group that holds every card; journey_scene_builder_end()
 * ends it. */
void journey_scene_build_touchpoints_begin (JourneySceneBuilder *b);
void journey_scene_builder_end             (JourneySceneBuilder *b);

/* The union of the bounds of the nodes in the group that begins at
 * @first and ends at @end - 1. */
JourneyRect journey_scene_children_bounds  (GArray              *nodes,
                                            guint                first,
                                            guint                end);

void journey_scene_node_clear              (JourneySceneNode    *node);

G_END_DECLS
