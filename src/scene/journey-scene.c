/* journey-scene.c: a scene made from a layout, brought up to date with a
 * later layout, and its nodes walked in drawing order.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "journey-scene-private.h"
#include "journey-theme.h"

gboolean
journey_rect_intersects (const JourneyRect *a,
                         const JourneyRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
      && a->y < b->y + b->height && b->y < a->y + a->height;
}

void
journey_scene_clear_nodes (GArray *nodes,
                           guint   from)
{
  for (guint i = from; i < nodes->len; i++)
    journey_scene_node_clear (&g_array_index (nodes, JourneySceneNode, i));
  g_array_set_size (nodes, from);
}

static void
push_key (GArray *key,
          double  v)
{
  g_array_append_val (key, v);
}

static void
push_rect_key (GArray            *key,
               const JourneyRect *r)
{
  push_key (key, r->x);
  push_key (key, r->y);
  push_key (key, r->width);
  push_key (key, r->height);
}

/* The geometry of everything that is not a card: if it is the same in two
 * layouts, only cards and curves can differ. */
GArray *
journey_scene_frame_key_new (JourneyLayout *layout)
{
  GArray *key = g_array_new (FALSE, FALSE, sizeof (double));

  push_key (key, layout->width);
  push_key (key, layout->height);
  push_key (key, layout->n_cards);
  push_key (key, layout->n_stages);
  push_key (key, layout->n_lanes);
  push_key (key, layout->n_lines);
  push_key (key, layout->n_legend);
  push_rect_key (key, &layout->title_rect);
  push_rect_key (key, &layout->band.rect);
  for (guint i = 0; i < layout->n_stages; i++)
    push_rect_key (key, &layout->stages[i].header);
  for (guint i = 0; i < layout->n_lanes; i++)
    push_rect_key (key, &layout->lanes[i].rect);
  for (guint i = 0; i < layout->n_lines; i++)
    push_rect_key (key, &layout->lines[i].label_rect);
  push_key (key, layout->n_notes);
  push_key (key, layout->n_note_lanes);
  for (guint i = 0; i < layout->n_note_lanes; i++)
    push_rect_key (key, &layout->note_lanes[i].rect);
  return key;
}

gboolean
journey_scene_frame_key_equal (GArray *a,
                               GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (double)) == 0;
}

/* The nodes of the frozen headers, all in the frame, and the areas they
 * cover: the stage band's row across the map; the label column, from the
 * stage band's top (its corner) down to the last row's names. */
static void
find_frozen (JourneyScene  *self,
             JourneyLayout *layout)
{
  const JourneySceneNode *nodes = (const JourneySceneNode *) (gpointer) self->nodes->data;
  double bottom = layout->stage_band.y;

  for (guint f = 0; f < JOURNEY_N_FROZEN; f++)
    {
      if (self->frozen[f] == NULL)
        self->frozen[f] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_set_size (self->frozen[f], 0);
    }
  for (guint i = 0; i < self->touchpoints; i++)
    if (nodes[i].frozen != JOURNEY_FROZEN_NONE && nodes[i].kind != JOURNEY_SCENE_GROUP_BEGIN
        && nodes[i].kind != JOURNEY_SCENE_GROUP_END)
      {
        g_array_append_val (self->frozen[nodes[i].frozen], i);
        if (nodes[i].frozen == JOURNEY_FROZEN_LEFT && nodes[i].kind != JOURNEY_SCENE_LINE)
          bottom = MAX (bottom, nodes[i].bounds.y + nodes[i].bounds.height);
      }

  self->frozen_area[JOURNEY_FROZEN_NONE] = (JourneyRect) { 0, 0, 0, 0 };
  self->frozen_area[JOURNEY_FROZEN_TOP] = (JourneyRect) { 0, layout->stage_band.y, layout->width,
                                                          layout->stage_band.height };
  self->frozen_area[JOURNEY_FROZEN_LEFT] = (JourneyRect) { 0, layout->stage_band.y, layout->timeline_x,
                                                           bottom - layout->stage_band.y };
}

void
journey_scene_build_all (JourneyScene  *self,
                         JourneyLayout *layout)
{
  JourneySceneBuilder b;

  journey_scene_clear_nodes (self->nodes, 0);
  g_clear_pointer (&self->index, journey_scene_index_free);
  g_free (self->card_first);
  self->n_cards = layout->n_cards;
  self->card_first = g_new (guint, MAX (layout->n_cards, 1));

  journey_scene_builder_init (&b, self->nodes, layout, self->state);
  journey_scene_build_frame (&b);

  self->touchpoints = self->nodes->len;
  find_frozen (self, layout);
  journey_scene_build_touchpoints_begin (&b);
  for (guint c = 0; c < layout->n_cards; c++)
    {
      self->card_first[c] = self->nodes->len;
      journey_scene_build_card (&b, c);
    }
  journey_scene_builder_end (&b);

  self->curve_layer = self->nodes->len;
  journey_scene_build_curve_layer (&b);
  journey_scene_builder_clear (&b);
  journey_scene_curve_layer_remember (&self->curve_layer_memo, self->nodes, self->curve_layer, layout);

  self->width = layout->width;
  self->height = layout->height;
  self->layout_serial = layout->changes.serial;
  self->layout_generation = layout->changes.generation;
  g_clear_pointer (&self->frame_key, g_array_unref);
  self->frame_key = journey_scene_frame_key_new (layout);
  g_clear_pointer (&self->note_rects, g_free);
  journey_scene_remember_cards (self, layout);
}

/**
 * journey_scene_new:
 *
 * Builds the scene of @layout.
 */
JourneyScene *
journey_scene_new (JourneyLayout *layout)
{
  return journey_scene_new_with_state (layout, NULL);
}

/**
 * journey_scene_new_with_state:
 *
 * Builds the scene of @layout as the canvas shows it, with the selection,
 * focus and hover of @state.
 */
/* The nodes of a big map take tens of megabytes (190 bytes a node, some
 * 145,000 nodes for 10,000 touchpoints), which the kernel hands out 4 KiB
 * at a time, a page fault each: 7,000 of them, the larger part of the
 * scene's build time and of a whole export's system time.  Where
 * transparent huge pages are given on request (Linux's "madvise" mode),
 * ask for them; growing the array keeps the request.  A hint only: with
 * small maps, or anywhere else, nothing changes. */
#define HUGE_NODES_BYTES (4 << 20)

static void
advise_huge_pages (GArray *nodes,
                   guint   reserved)
{
#if defined (__linux__) && defined (MADV_HUGEPAGE)
  gsize size = (gsize) reserved * g_array_get_element_size (nodes);
  guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guintptr start = (guintptr) nodes->data & ~(page - 1);
  guintptr end = ((guintptr) nodes->data + size + page - 1) & ~(page - 1);

  if (size >= HUGE_NODES_BYTES)
    (void) madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

JourneyScene *
journey_scene_new_with_state (JourneyLayout           *layout,
                              const JourneySceneState *state)
{
  JourneyScene *self;
  JourneyMap *map;
  guint reserved;

  g_return_val_if_fail (layout != NULL, NULL);

  map = layout->map;
  self = g_new0 (JourneyScene, 1);
  self->state = state;
  /* Up to about sixteen nodes a card (bench-export's map of 10,000 has
   * fourteen and a half), and a few hundred for the frame: a reserve that
   * is never used is never touched, and costs nothing. */
  reserved = 256 + layout->n_cards * 16;
  self->nodes = g_array_sized_new (FALSE, FALSE, sizeof (JourneySceneNode), reserved);
  advise_huge_pages (self->nodes, reserved);
  self->font_family = g_strdup (layout->style.font_family);
  self->css_family = g_strdup (layout->style.svg_font_family);
  self->title = g_strdup (map->title ? map->title : "");
  self->description = g_strdup (map->objective ? map->objective : "");
  journey_scene_build_all (self, layout);
  return self;
}

void
journey_scene_free (JourneyScene *self)
{
  if (self == NULL)
    return;

  journey_scene_clear_nodes (self->nodes, 0);
  g_array_unref (self->nodes);
  journey_scene_index_free (self->index);
  journey_scene_curve_layer_clear (&self->curve_layer_memo);
  g_clear_pointer (&self->frame_key, g_array_unref);
  for (guint f = 0; f < JOURNEY_N_FROZEN; f++)
    g_clear_pointer (&self->frozen[f], g_array_unref);
  g_free (self->card_first);
  g_free (self->card_rects);
  g_free (self->card_touchpoints);
  g_free (self->card_numbers);
  g_free (self->note_rects);
  g_free (self->font_family);
  g_free (self->css_family);
  g_free (self->title);
  g_free (self->description);
  g_free (self);
}

guint
journey_scene_get_n_nodes (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

const JourneySceneNode *
journey_scene_get_nodes (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const JourneySceneNode *) (gpointer) self->nodes->data;
}

double
journey_scene_get_width (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
journey_scene_get_height (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

const char *
journey_scene_get_font_family (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->font_family;
}

const char *
journey_scene_get_css_family (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->css_family;
}

const char *
journey_scene_get_title (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
journey_scene_get_description (JourneyScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

gboolean
journey_scene_get_card_range (JourneyScene *self,
                              guint         card,
                              guint        *first,
                              guint        *n)
{
  const JourneySceneNode *node;

  g_return_val_if_fail (self != NULL, FALSE);

  if (card >= self->n_cards)
    return FALSE;
  node = &g_array_index (self->nodes, JourneySceneNode, self->card_first[card]);
  if (first)
    *first = self->card_first[card];
  if (n)
    *n = node->group.size;
  return TRUE;
}

/**
 * journey_scene_get_frozen:
 * @area: (out) (optional): the area the header covers, in scene coordinates
 * @nodes: (out) (optional): the indices of its nodes, in drawing order
 *
 * Returns: whether the map has that header
 */
gboolean
journey_scene_get_frozen (JourneyScene        *self,
                          JourneySceneFrozen   which,
                          JourneyRect         *area,
                          const guint        **nodes,
                          guint               *n_nodes)
{
  GArray *found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (which < JOURNEY_N_FROZEN, FALSE);

  found = self->frozen[which];
  if (area)
    *area = self->frozen_area[which];
  if (nodes)
    *nodes = found && found->len > 0 ? (const guint *) (gpointer) found->data : NULL;
  if (n_nodes)
    *n_nodes = found ? found->len : 0;
  return which != JOURNEY_FROZEN_NONE && found != NULL && found->len > 0;
}

/* The roles of the frozen headers' nodes: the rows' names, and the lines
 * between rows that cross them (the canvas clips them to the label
 * column). */
static const guint8 frozen_roles[JOURNEY_N_ROLES] = {
  [JOURNEY_ROLE_STAGE_HEADER] = JOURNEY_FROZEN_TOP,
  [JOURNEY_ROLE_STAGE_NAME] = JOURNEY_FROZEN_TOP,
  [JOURNEY_ROLE_SCALE_LABEL] = JOURNEY_FROZEN_LEFT,
  [JOURNEY_ROLE_LANE_LABEL] = JOURNEY_FROZEN_LEFT,
  [JOURNEY_ROLE_LANE_STRIPE] = JOURNEY_FROZEN_LEFT,
  [JOURNEY_ROLE_LANE_SEPARATOR] = JOURNEY_FROZEN_LEFT,
  [JOURNEY_ROLE_LANE_NAME] = JOURNEY_FROZEN_LEFT,
  [JOURNEY_ROLE_LANE_KIND] = JOURNEY_FROZEN_LEFT,
  [JOURNEY_ROLE_BLUEPRINT_LINE] = JOURNEY_FROZEN_LEFT,
};

JourneySceneFrozen
journey_scene_role_get_frozen (JourneySceneRole role)
{
  g_return_val_if_fail (role < JOURNEY_N_ROLES, JOURNEY_FROZEN_NONE);
  return (JourneySceneFrozen) frozen_roles[role];
}

/* The nodes of [@from, @to) that meet @clip, groups skipped as wholes
 * when they miss it, and the cards found through the index. */
static void
visit (JourneyScene      *self,
       guint              from,
       guint              to,
       const JourneyRect *clip,
       JourneySceneFunc   func,
       gpointer           data)
{
  const JourneySceneNode *nodes = (const JourneySceneNode *) (gpointer) self->nodes->data;

  for (guint i = from; i < to;)
    {
      const JourneySceneNode *node = &nodes[i];

      if (node->kind == JOURNEY_SCENE_GROUP_END)
        {
          i++;
          continue;
        }
      if (clip != NULL && !journey_rect_intersects (&node->bounds, clip))
        {
          i += node->kind == JOURNEY_SCENE_GROUP_BEGIN ? node->group.size : 1;
          continue;
        }
      if (node->kind != JOURNEY_SCENE_GROUP_BEGIN)
        {
          func (node, data);
          i++;
          continue;
        }

      if (i == self->touchpoints && clip != NULL && self->n_cards > 0)
        {
          g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (guint));

          if (self->index == NULL)
            self->index = journey_scene_index_new (nodes, self->card_first, self->n_cards, self->width);
          journey_scene_index_query (self->index, clip, cards);
          for (guint k = 0; k < cards->len; k++)
            {
              guint first = self->card_first[g_array_index (cards, guint, k)];

              visit (self, first, first + nodes[first].group.size, clip, func, data);
            }
          i += node->group.size;
          continue;
        }
      i++;
    }
}

/**
 * journey_scene_foreach_in:
 * @clip: (nullable): in scene coordinates; %NULL for everything
 *
 * Calls @func for every node of @self but groups that meets @clip, in
 * drawing order, looking only at the groups and cards near @clip.
 */
void
journey_scene_foreach_in (JourneyScene      *self,
                          const JourneyRect *clip,
                          JourneySceneFunc   func,
                          gpointer           data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  visit (self, 0, self->nodes->len, clip, func, data);
}
