/* scene-test-utils.h: a map with its layout and scene, and scenes
 * compared node by node, for the tests of scenes and their updates.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "export-test-utils.h"
#include "journey-scene.h"

typedef struct
{
  JourneyProject *project;
  JourneyMap     *map;
  JourneyLayout  *layout;
  JourneyScene   *scene;
} Fixture;

static inline void
fixture_init (Fixture    *f,
              const char *json)
{
  f->project = test_load_string (json);
  f->map = test_first_map (f->project);
  f->layout = journey_layout_new (f->map, f->project, NULL);
  f->scene = journey_scene_new (f->layout);
}

static inline void
fixture_clear (Fixture *f)
{
  journey_scene_free (f->scene);
  journey_layout_free (f->layout);
  g_object_unref (f->project);
}

static inline void
assert_scenes_equal (JourneyScene *a,
                     JourneyScene *b)
{
  const JourneySceneNode *na = journey_scene_get_nodes (a), *nb = journey_scene_get_nodes (b);

  g_assert_cmpuint (journey_scene_get_n_nodes (a), ==, journey_scene_get_n_nodes (b));
  for (guint i = 0; i < journey_scene_get_n_nodes (a); i++)
    if (!journey_scene_node_equal (&na[i], &nb[i]))
      g_error ("node %u differs: %s/%s, bounds %g,%g %gx%g / %g,%g %gx%g, item %u/%u, fill %x/%x, "
               "stroke %x/%x %g/%g, rect %g,%g %gx%g r%g / %g,%g %gx%g r%g", i,
               journey_scene_role_get_class (na[i].role), journey_scene_role_get_class (nb[i].role),
               na[i].bounds.x, na[i].bounds.y, na[i].bounds.width, na[i].bounds.height,
               nb[i].bounds.x, nb[i].bounds.y, nb[i].bounds.width, nb[i].bounds.height,
               na[i].item_index, nb[i].item_index, na[i].paint.fill, nb[i].paint.fill,
               na[i].paint.stroke, nb[i].paint.stroke, na[i].paint.stroke_width, nb[i].paint.stroke_width,
               na[i].rect.rect.x, na[i].rect.rect.y, na[i].rect.rect.width, na[i].rect.rect.height, na[i].rect.radius,
               nb[i].rect.rect.x, nb[i].rect.rect.y, nb[i].rect.rect.width, nb[i].rect.rect.height, nb[i].rect.radius);
}
