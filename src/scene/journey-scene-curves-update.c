/* journey-scene-curves-update.c: the curve layer of a scene (the curves,
 * handles, flags, the room's ratings and legend) brought up to date with a
 * layout by building again only the handles, flags and rooms that changed
 * (a drag on a large map moves a few of thousands).
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <string.h>

#include "journey-scene-private.h"

enum
{
  AT_CONNECTORS,
  AT_CURVES,
  AT_FLAGS,
  AT_ROOMS,
  AT_HANDLES,
  AT_LEGEND,
  N_AT
};

static guint
group_slot (JourneySceneRole role)
{
  switch ((int) role)
    {
    case JOURNEY_ROLE_CONNECTORS: return AT_CONNECTORS;
    case JOURNEY_ROLE_CURVES:     return AT_CURVES;
    case JOURNEY_ROLE_GAP_FLAGS:  return AT_FLAGS;
    case JOURNEY_ROLE_ROOMS:      return AT_ROOMS;
    case JOURNEY_ROLE_HANDLES:    return AT_HANDLES;
    case JOURNEY_ROLE_LEGEND:     return AT_LEGEND;
    default:                      return N_AT;
    }
}

void
journey_scene_curve_layer_clear (JourneySceneCurveLayer *self)
{
  g_clear_pointer (&self->handles, g_free);
  g_clear_pointer (&self->flags, g_free);
  g_clear_pointer (&self->rooms, g_free);
  self->known = FALSE;
}

/* Remembers what the curve layer from @layer in @nodes was built from. */
void
journey_scene_curve_layer_remember (JourneySceneCurveLayer *self,
                                    GArray                 *nodes,
                                    guint                   layer,
                                    JourneyLayout          *layout)
{
  journey_scene_curve_layer_clear (self);
  self->handles = g_memdup2 (layout->handles, layout->n_handles * sizeof (JourneyLayoutHandle));
  self->n_handles = layout->n_handles;
  self->flags = g_memdup2 (layout->flags, layout->n_flags * sizeof (JourneyLayoutFlag));
  self->n_flags = layout->n_flags;
  self->rooms = g_memdup2 (layout->rooms, layout->n_rooms * sizeof (JourneyLayoutRoom));
  self->n_rooms = layout->n_rooms;
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    self->curve_points[k] = layout->curves[k].n_points;
  self->n_legend = layout->n_legend;

  for (guint k = 0; k < N_AT; k++)
    self->at[k] = G_MAXUINT;
  for (guint i = layer; i < nodes->len;)
    {
      const JourneySceneNode *node = &g_array_index (nodes, JourneySceneNode, i);
      guint slot = group_slot (node->role);

      g_assert (node->kind == JOURNEY_SCENE_GROUP_BEGIN);
      if (slot < N_AT)
        self->at[slot] = i - layer;
      i += node->group.size;
    }
  self->known = TRUE;
}

/* Puts the nodes of @fresh in place of the @n nodes from @at, which must
 * be as many. */
static gboolean
replace (GArray *nodes,
         guint   at,
         guint   n,
         GArray *fresh)
{
  if (fresh->len != n || at + n > nodes->len)
    return FALSE;
  for (guint i = at; i < at + n; i++)
    journey_scene_node_clear (&g_array_index (nodes, JourneySceneNode, i));
  memcpy (&g_array_index (nodes, JourneySceneNode, at), fresh->data, n * sizeof (JourneySceneNode));
  /* The nodes moved: @fresh must not free what they own. */
  g_array_set_size (fresh, 0);
  return TRUE;
}

typedef void (*BuildOne) (JourneySceneBuilder *b,
                          guint                i);

/* Builds again, with @build, the @n nodes from @at. */
static gboolean
rebuild (GArray                  *nodes,
         guint                    at,
         guint                    n,
         JourneyLayout           *layout,
         const JourneySceneState *state,
         BuildOne                 build,
         guint                    i)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (JourneySceneNode));
  JourneySceneBuilder b;
  gboolean done;

  journey_scene_builder_init (&b, fresh, layout, state);
  build (&b, i);
  journey_scene_builder_clear (&b);
  done = replace (nodes, at, n, fresh);
  for (guint k = 0; k < fresh->len; k++)
    journey_scene_node_clear (&g_array_index (fresh, JourneySceneNode, k));
  return done;
}

static void
build_curves (JourneySceneBuilder *b,
              guint                i)
{
  journey_scene_build_curves (b);
}

static void
build_legend (JourneySceneBuilder *b,
              guint                i)
{
  journey_scene_build_legend (b);
}

/* The group that begins at @first holds its children's bounds again. */
static void
bound_group (GArray *nodes,
             guint   first)
{
  JourneySceneNode *group = &g_array_index (nodes, JourneySceneNode, first);
  guint end = first + group->group.size - 1;
  JourneyRect bounds = journey_scene_children_bounds (nodes, first, end);

  group->bounds = bounds;
  g_array_index (nodes, JourneySceneNode, end).bounds = bounds;
}

static gboolean
handles_equal (const JourneyLayoutHandle *a,
               const JourneyLayoutHandle *b)
{
  return a->touchpoint == b->touchpoint && a->card == b->card && a->x == b->x && a->y == b->y
      && a->radius == b->radius && a->value == b->value;
}

static gboolean
flags_equal (const JourneyLayoutFlag *a,
             const JourneyLayoutFlag *b)
{
  return a->card == b->card && a->x == b->x && a->y_hypothesis == b->y_hypothesis
      && a->y_measured == b->y_measured && a->gap == b->gap
      && memcmp (&a->rect, &b->rect, sizeof a->rect) == 0 && strcmp (a->label, b->label) == 0;
}

/* Handle @i again, its connector too, when it changed. */
static gboolean
patch_handle (JourneySceneCurveLayer  *self,
              GArray                  *nodes,
              guint                    layer,
              JourneyLayout           *layout,
              const JourneySceneState *state,
              guint                    i,
              gboolean                *changed)
{
  if (i >= layout->n_handles || handles_equal (&layout->handles[i], &self->handles[i]))
    return TRUE;
  if (!rebuild (nodes, layer + self->at[AT_CONNECTORS] + 1 + i, 1, layout, state,
                journey_scene_build_connector, i)
      || !rebuild (nodes, layer + self->at[AT_HANDLES] + 1 + i, 1, layout, state,
                   journey_scene_build_handle, i))
    return FALSE;
  self->handles[i] = layout->handles[i];
  *changed = TRUE;
  return TRUE;
}

/* Brings the curve layer from @layer in @nodes up to date with @layout: the
 * handles and flags that changed, the curves and the legend; with
 * @changes (the layout's, when it knows them and the layer was up to date
 * with it before), only those it names.  Returns FALSE when it has as
 * many handles, flags, points or legend entries no more: then build it
 * again. */
gboolean
journey_scene_curve_layer_patch (JourneySceneCurveLayer     *self,
                                 GArray                     *nodes,
                                 guint                       layer,
                                 JourneyLayout              *layout,
                                 const JourneySceneState    *state,
                                 const JourneyLayoutChanges *changes)
{
  gboolean handles_changed = FALSE, flags_changed = FALSE, rooms_changed = FALSE;

  if (!self->known || layout->n_handles != self->n_handles || layout->n_flags != self->n_flags
      || layout->n_legend != self->n_legend || layout->n_rooms != self->n_rooms)
    return FALSE;
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    if (layout->curves[k].n_points != self->curve_points[k])
      return FALSE;
  if (self->at[AT_CONNECTORS] == G_MAXUINT || self->at[AT_CURVES] == G_MAXUINT
      || self->at[AT_HANDLES] == G_MAXUINT || (self->n_flags > 0 && self->at[AT_FLAGS] == G_MAXUINT)
      || (self->n_legend > 0 && self->at[AT_LEGEND] == G_MAXUINT)
      || (self->n_rooms > 0 && self->at[AT_ROOMS] == G_MAXUINT))
    return FALSE;

  if (changes != NULL)
    {
      for (guint k = 0; k < changes->handles->len; k++)
        if (!patch_handle (self, nodes, layer, layout, state, g_array_index (changes->handles, guint, k),
                           &handles_changed))
          return FALSE;
    }
  else
    {
      for (guint i = 0; i < layout->n_handles; i++)
        if (!patch_handle (self, nodes, layer, layout, state, i, &handles_changed))
          return FALSE;
    }

  for (guint i = 0; (changes == NULL || changes->flags) && i < layout->n_flags; i++)
    {
      if (flags_equal (&layout->flags[i], &self->flags[i]))
        continue;
      if (!rebuild (nodes, layer + self->at[AT_FLAGS] + 1 + i * JOURNEY_SCENE_FLAG_NODES,
                    JOURNEY_SCENE_FLAG_NODES, layout, state, journey_scene_build_flag, i))
        return FALSE;
      self->flags[i] = layout->flags[i];
      flags_changed = TRUE;
    }

  for (guint i = 0; i < layout->n_rooms; i++)
    {
      if (journey_scene_rooms_equal (&layout->rooms[i], &self->rooms[i]))
        continue;
      if (!rebuild (nodes, layer + self->at[AT_ROOMS] + 1 + i * JOURNEY_SCENE_ROOM_NODES,
                    JOURNEY_SCENE_ROOM_NODES, layout, state, journey_scene_build_room, i))
        return FALSE;
      self->rooms[i] = layout->rooms[i];
      rooms_changed = TRUE;
    }

  /* The curves run through every handle: their paths and points again,
   * in place; the legend is small: built again in its place. */
  if (journey_scene_patch_curves (nodes, layer + self->at[AT_CURVES], layout, changes))
    bound_group (nodes, layer + self->at[AT_CURVES]);
  else if (!rebuild (nodes, layer + self->at[AT_CURVES],
                     g_array_index (nodes, JourneySceneNode, layer + self->at[AT_CURVES]).group.size,
                     layout, state, build_curves, 0))
    return FALSE;
  if (self->n_legend > 0 && changes == NULL
      && !rebuild (nodes, layer + self->at[AT_LEGEND],
                   g_array_index (nodes, JourneySceneNode, layer + self->at[AT_LEGEND]).group.size,
                   layout, state, build_legend, 0))
    return FALSE;

  if (handles_changed)
    {
      bound_group (nodes, layer + self->at[AT_CONNECTORS]);
      bound_group (nodes, layer + self->at[AT_HANDLES]);
    }
  if (flags_changed)
    bound_group (nodes, layer + self->at[AT_FLAGS]);
  if (rooms_changed)
    bound_group (nodes, layer + self->at[AT_ROOMS]);
  return TRUE;
}
