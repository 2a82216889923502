/* journey-scene-index.c: which cards of a scene meet a rectangle, without
 * looking at every card: what a frame of a large map needs.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <math.h>

#include "journey-scene-private.h"

/* Cards go into columns of the map by the left edge of their group. */
#define COLUMN_WIDTH 256.0

struct _JourneySceneIndex
{
  guint        n_cards;
  JourneyRect *bounds;      /* by card */
  guint       *column_of;   /* by card */
  guint        n_columns;
  GArray     **columns;     /* card numbers */
  double       max_width;   /* of any card's group, ever: a query looks this far left */
};

static guint
column_for (JourneySceneIndex *self,
            double             x)
{
  double column = floor (x / COLUMN_WIDTH);

  if (!(column > 0))
    return 0;
  return (guint) MIN (column, self->n_columns - 1);
}

static void
place (JourneySceneIndex *self,
       guint              card,
       const JourneyRect *bounds)
{
  guint column = column_for (self, bounds->x);

  self->bounds[card] = *bounds;
  self->column_of[card] = column;
  g_array_append_val (self->columns[column], card);
  self->max_width = MAX (self->max_width, bounds->width);
}

/* An index of the @n_cards cards whose groups begin at @card_first in
 * @nodes, on a map @width wide. */
JourneySceneIndex *
journey_scene_index_new (const JourneySceneNode *nodes,
                         const guint            *card_first,
                         guint                   n_cards,
                         double                  width)
{
  JourneySceneIndex *self = g_new0 (JourneySceneIndex, 1);

  self->n_cards = n_cards;
  self->bounds = g_new (JourneyRect, MAX (n_cards, 1));
  self->column_of = g_new (guint, MAX (n_cards, 1));
  self->n_columns = (guint) CLAMP (ceil (width / COLUMN_WIDTH), 1, 1 << 20);
  self->columns = g_new (GArray *, self->n_columns);
  for (guint k = 0; k < self->n_columns; k++)
    self->columns[k] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < n_cards; c++)
    place (self, c, &nodes[card_first[c]].bounds);
  return self;
}

void
journey_scene_index_free (JourneySceneIndex *self)
{
  if (self == NULL)
    return;
  for (guint k = 0; k < self->n_columns; k++)
    g_array_unref (self->columns[k]);
  g_free (self->columns);
  g_free (self->column_of);
  g_free (self->bounds);
  g_free (self);
}

/* Card @card's group now has @bounds. */
void
journey_scene_index_move (JourneySceneIndex *self,
                          guint              card,
                          const JourneyRect *bounds)
{
  GArray *column;

  g_return_if_fail (card < self->n_cards);

  column = self->columns[self->column_of[card]];
  for (guint i = 0; i < column->len; i++)
    if (g_array_index (column, guint, i) == card)
      {
        g_array_remove_index_fast (column, i);
        break;
      }
  place (self, card, bounds);
}

static int
compare_cards (gconstpointer a,
               gconstpointer b)
{
  guint ca = *(const guint *) a, cb = *(const guint *) b;

  return (ca > cb) - (ca < cb);
}

/* The cards whose groups meet @rect, in drawing order, into @cards. */
void
journey_scene_index_query (JourneySceneIndex *self,
                           const JourneyRect *rect,
                           GArray            *cards)
{
  guint first = column_for (self, rect->x - self->max_width);
  guint last = column_for (self, rect->x + rect->width);

  g_array_set_size (cards, 0);
  for (guint k = first; k <= last; k++)
    {
      GArray *column = self->columns[k];

      for (guint i = 0; i < column->len; i++)
        {
          guint card = g_array_index (column, guint, i);

          if (journey_rect_intersects (&self->bounds[card], rect))
            g_array_append_val (cards, card);
        }
    }
  g_array_sort (cards, compare_cards);
}
