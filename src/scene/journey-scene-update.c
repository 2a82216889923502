/* journey-scene-update.c: a scene brought up to date with a layout of the
 * same frame: the cards, handles and curve points that changed built
 * again, the others kept; what a drag needs on every motion.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <string.h>

#include "journey-scene-private.h"

/* What card @c was built from, the scene's memory already made for
 * @layout's cards. */
static void
remember_card (JourneyScene  *self,
               JourneyLayout *layout,
               guint          c)
{
  JourneyLayoutCard *card = &layout->cards[c];

  self->card_rects[c] = card->rect;
  self->card_touchpoints[c] = card->touchpoint;
  self->card_numbers[c] = card->number;
  for (guint n = card->first_note; n < card->first_note + card->n_notes; n++)
    self->note_rects[n] = layout->notes[n].rect;
}

void
journey_scene_remember_cards (JourneyScene  *self,
                              JourneyLayout *layout)
{
  if (self->card_rects == NULL || self->n_remembered != layout->n_cards)
    {
      g_free (self->card_rects);
      g_free (self->card_touchpoints);
      g_free (self->card_numbers);
      self->card_rects = g_new (JourneyRect, MAX (layout->n_cards, 1));
      self->card_touchpoints = g_new (JourneyTouchpoint *, MAX (layout->n_cards, 1));
      self->card_numbers = g_new (guint, MAX (layout->n_cards, 1));
      self->n_remembered = layout->n_cards;
    }
  for (guint c = 0; c < layout->n_cards; c++)
    {
      self->card_rects[c] = layout->cards[c].rect;
      self->card_touchpoints[c] = layout->cards[c].touchpoint;
      self->card_numbers[c] = layout->cards[c].number;
    }
  /* The number of notes is in the frame's key: it stays. */
  if (self->note_rects == NULL)
    self->note_rects = g_new (JourneyRect, MAX (layout->n_notes, 1));
  for (guint n = 0; n < layout->n_notes; n++)
    self->note_rects[n] = layout->notes[n].rect;
}

/* Whether card @c is where it was built, for the same touchpoint, with
 * its notes where they were. */
static gboolean
same_place (JourneyScene  *self,
            JourneyLayout *layout,
            guint          c)
{
  JourneyLayoutCard *card = &layout->cards[c];

  if (c >= self->n_remembered || card->touchpoint != self->card_touchpoints[c]
      || memcmp (&card->rect, &self->card_rects[c], sizeof (JourneyRect)) != 0)
    return FALSE;
  for (guint n = card->first_note; n < card->first_note + card->n_notes; n++)
    if (memcmp (&layout->notes[n].rect, &self->note_rects[n], sizeof (JourneyRect)) != 0)
      return FALSE;
  return TRUE;
}

/* Whether card @c of @layout shows what the scene has for it: the same
 * place, number and notes. */
static gboolean
card_unchanged (JourneyScene  *self,
                JourneyLayout *layout,
                guint          c)
{
  return same_place (self, layout, c) && layout->cards[c].number == self->card_numbers[c];
}

/* At most this many touchpoints named changed are looked for in their
 * list; more, in a hash table. */
#define DIRTY_LIST_MAX 8

/* Whether card @c has moved on in the time order and nothing else: the
 * same place, touchpoint and notes, another number. */
static gboolean
only_number_changed (JourneyScene  *self,
                     JourneyLayout *layout,
                     guint          c)
{
  guint number = layout->cards[c].number;

  return same_place (self, layout, c) && number != self->card_numbers[c] && number != 0
      && self->card_numbers[c] != 0;
}

/* Card @c's number, on it and on its notes, as journey_scene_build_card()
 * writes it, in place: when a card passes others in time, each of those
 * changes only that.  Returns FALSE when the group has not the number
 * nodes it expects (then build it again). */
static gboolean
renumber_card (JourneyScene  *self,
               JourneyLayout *layout,
               guint          c)
{
  JourneyLayoutCard *card = &layout->cards[c];
  JourneySceneNode *nodes = (JourneySceneNode *) (gpointer) self->nodes->data;
  guint first = self->card_first[c];
  guint found = 0;

  for (guint i = first; i < first + nodes[first].group.size; i++)
    if (nodes[i].kind == JOURNEY_SCENE_TEXT
        && (nodes[i].role == JOURNEY_ROLE_NUMBER_LABEL || nodes[i].role == JOURNEY_ROLE_NOTE_NUMBER_LABEL))
      found++;
  if (found != 1 + card->n_notes)
    return FALSE;

  for (guint i = first; i < first + nodes[first].group.size; i++)
    if (nodes[i].kind == JOURNEY_SCENE_TEXT
        && (nodes[i].role == JOURNEY_ROLE_NUMBER_LABEL || nodes[i].role == JOURNEY_ROLE_NOTE_NUMBER_LABEL))
      {
        g_free (nodes[i].text.text);
        nodes[i].text.text = g_strdup (card->number_label);
      }
  return TRUE;
}

static gboolean
named_changed (JourneyTouchpoint        *touchpoint,
               JourneyTouchpoint *const *changed,
               guint                     n_changed,
               GHashTable               *dirty)
{
  if (dirty != NULL)
    return g_hash_table_contains (dirty, touchpoint);
  for (guint i = 0; i < n_changed; i++)
    if (changed[i] == touchpoint)
      return TRUE;
  return FALSE;
}

/* Replaces the group of @card by a new one built from @layout. */
static void
rebuild_card (JourneyScene  *self,
              JourneyLayout *layout,
              guint          card)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (JourneySceneNode));
  JourneySceneBuilder b;
  guint first = self->card_first[card];
  guint old_size = g_array_index (self->nodes, JourneySceneNode, first).group.size;
  int delta;

  journey_scene_builder_init (&b, fresh, layout, self->state);
  /* The card's nodes take their item from their own group, so they need
   * no enclosing one here. */
  journey_scene_build_card (&b, card);
  journey_scene_builder_clear (&b);

  for (guint i = first; i < first + old_size; i++)
    journey_scene_node_clear (&g_array_index (self->nodes, JourneySceneNode, i));

  delta = (int) fresh->len - (int) old_size;
  if (delta != 0)
    {
      guint tail = self->nodes->len - (first + old_size);

      if (delta > 0)
        g_array_set_size (self->nodes, self->nodes->len + (guint) delta);
      memmove (&g_array_index (self->nodes, JourneySceneNode, first + fresh->len),
               &g_array_index (self->nodes, JourneySceneNode, first + old_size),
               tail * sizeof (JourneySceneNode));
      if (delta < 0)
        g_array_set_size (self->nodes, self->nodes->len - (guint) -delta);

      for (guint c = card + 1; c < self->n_cards; c++)
        self->card_first[c] += delta;
      self->curve_layer += delta;
      g_array_index (self->nodes, JourneySceneNode, self->touchpoints).group.size += delta;
    }

  memcpy (&g_array_index (self->nodes, JourneySceneNode, first), fresh->data,
          fresh->len * sizeof (JourneySceneNode));
  /* The nodes moved: the fresh array must not free what they own. */
  g_array_set_size (fresh, 0);
}

/* The bounds of the group of every card. */
static void
update_touchpoints_bounds (JourneyScene *self)
{
  JourneySceneNode *group, *end;
  JourneyRect bounds = journey_scene_children_bounds (self->nodes, self->touchpoints, self->curve_layer - 1);

  group = &g_array_index (self->nodes, JourneySceneNode, self->touchpoints);
  end = &g_array_index (self->nodes, JourneySceneNode, self->curve_layer - 1);
  group->bounds = bounds;
  end->bounds = bounds;
}

/* Whether @r lies inside @outer without touching its edges: taking it
 * away leaves the union the same. */
static gboolean
strictly_inside (const JourneyRect *r,
                 const JourneyRect *outer)
{
  return r->x > outer->x && r->y > outer->y
      && r->x + r->width < outer->x + outer->width
      && r->y + r->height < outer->y + outer->height;
}

/* Card @c's group built again from @layout; @inside stays TRUE while the
 * group keeps off the edges of @bounds, before and after. */
static void
refresh_card (JourneyScene      *self,
              JourneyLayout     *layout,
              guint              c,
              const JourneyRect *bounds,
              gboolean          *inside)
{
  *inside = *inside && strictly_inside (&g_array_index (self->nodes, JourneySceneNode, self->card_first[c]).bounds,
                                        bounds);
  rebuild_card (self, layout, c);
  if (self->index != NULL)
    journey_scene_index_move (self->index, c, &g_array_index (self->nodes, JourneySceneNode, self->card_first[c]).bounds);
  *inside = *inside && strictly_inside (&g_array_index (self->nodes, JourneySceneNode, self->card_first[c]).bounds,
                                        bounds);
}

int
journey_scene_update (JourneyScene              *self,
                      JourneyLayout             *layout,
                      JourneyTouchpoint *const  *changed,
                      guint                      n_changed)
{
  const JourneyLayoutChanges *changes = NULL;
  g_autoptr(GHashTable) dirty = NULL;
  gboolean unchanged = FALSE;
  JourneySceneBuilder b;
  JourneyRect bounds;
  gboolean inside = TRUE;
  int rebuilt = 0;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (layout != NULL, -1);

  /* The same layout brought up to date keeps its frame; what its last
   * update changed is all that changed when the scene saw the one before,
   * and nothing when it saw this one. */
  if (layout->changes.serial == self->layout_serial)
    {
      if (layout->changes.generation == self->layout_generation)
        unchanged = TRUE;
      else if (layout->changes.known && layout->changes.generation == self->layout_generation + 1)
        changes = &layout->changes;
    }
  else
    {
      g_autoptr(GArray) key = journey_scene_frame_key_new (layout);

      if (!journey_scene_frame_key_equal (key, self->frame_key))
        {
          journey_scene_build_all (self, layout);
          return -1;
        }
    }
  self->layout_serial = layout->changes.serial;
  self->layout_generation = layout->changes.generation;

  /* The touchpoints named changed: a few during a drag, looked for in
   * the list itself then. */
  if (n_changed > DIRTY_LIST_MAX)
    {
      dirty = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n_changed; i++)
        g_hash_table_add (dirty, changed[i]);
    }

  /* The bounds of the group of every card stay as they are while the
   * cards rebuilt keep off its edges, before and after. */
  bounds = g_array_index (self->nodes, JourneySceneNode, self->touchpoints).bounds;
  if (unchanged || changes != NULL)
    {
      g_autoptr(GArray) cards = changes ? g_array_copy (changes->cards) : g_array_new (FALSE, FALSE, sizeof (guint));

      /* The cards the update changed, and those named. */
      for (guint i = 0; i < n_changed; i++)
        {
          int c = journey_layout_find_card (layout, changed[i]);

          if (c >= 0)
            g_array_append_val (cards, (guint) { (guint) c });
        }
      journey_layout_sort_indices (cards);
      for (guint i = 0; i < cards->len; i++)
        {
          guint c = g_array_index (cards, guint, i);

          if (named_changed (layout->cards[c].touchpoint, changed, n_changed, dirty)
              || !only_number_changed (self, layout, c) || !renumber_card (self, layout, c))
            refresh_card (self, layout, c, &bounds, &inside);
          remember_card (self, layout, c);
          rebuilt++;
        }
    }
  else
    {
      for (guint c = 0; c < layout->n_cards; c++)
        {
          gboolean named = named_changed (layout->cards[c].touchpoint, changed, n_changed, dirty);

          if (!named && card_unchanged (self, layout, c))
            continue;
          if (named || !only_number_changed (self, layout, c) || !renumber_card (self, layout, c))
            refresh_card (self, layout, c, &bounds, &inside);
          rebuilt++;
        }
      journey_scene_remember_cards (self, layout);
    }
  if (rebuilt > 0 && !inside)
    update_touchpoints_bounds (self);

  /* The handles and flags that changed, the curves and the legend; or,
   * when they are as many no more, all of them again. */
  if (!unchanged
      && !journey_scene_curve_layer_patch (&self->curve_layer_memo, self->nodes, self->curve_layer, layout,
                                           self->state, changes))
    {
      journey_scene_clear_nodes (self->nodes, self->curve_layer);
      journey_scene_builder_init (&b, self->nodes, layout, self->state);
      journey_scene_build_curve_layer (&b);
      journey_scene_builder_clear (&b);
      journey_scene_curve_layer_remember (&self->curve_layer_memo, self->nodes, self->curve_layer, layout);
    }
  return rebuilt;
}
