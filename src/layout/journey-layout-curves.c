/* journey-layout-curves.c: the emotion curves, their handles and the flags
 * where evidence and hypothesis part.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>

#include "journey-evidence-stats.h"
#include "journey-spline.h"
#include "journey-layout-private.h"

/* Room for @n points in every curve, handles and flags: kept from one
 * placing to the next, so that a drag, which places the curves again on
 * every motion, allocates nothing. */
static void
reserve (JourneyLayout *self,
         guint          n)
{
  static const char *classes[] = { "as-is", "to-be", "measured" };

  n = MAX (n, 1);
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      JourneyLayoutCurve *curve = &self->curves[k];

      curve->kind = (JourneyCurveKind) k;
      curve->css_class = classes[k];
      curve->n_points = 0;
      if (n > self->curve_capacity)
        {
          curve->points = g_renew (JourneyPoint, curve->points, n);
          curve->c1 = g_renew (JourneyPoint, curve->c1, n);
          curve->c2 = g_renew (JourneyPoint, curve->c2, n);
          curve->cards = g_renew (guint, curve->cards, n);
          curve->spline = g_renew (double, curve->spline, 3 * (gsize) n);
        }
    }
  if (n > self->curve_capacity)
    {
      /* The flags are compared with those of the last placing. */
      g_free (self->flags);
      self->flags = g_new0 (JourneyLayoutFlag, n);
      self->handles = g_renew (JourneyLayoutHandle, self->handles, n);
      self->curve_capacity = n;
    }
  self->n_handles = 0;
  self->n_flags = 0;
}

/* The card of each touchpoint of the map, by its index: made once, as the
 * cards stay those of the same touchpoints while a layout lives. */
static const int *
card_of_index (JourneyLayout *self,
               guint          n_tp)
{
  if (self->card_of_index == NULL)
    {
      self->card_of_index = g_new (int, MAX (n_tp, 1));
      for (guint i = 0; i < n_tp; i++)
        self->card_of_index[i] = -1;
      for (guint c = 0; c < self->n_cards; c++)
        self->card_of_index[self->cards[c].index] = (int) c;
    }
  return self->card_of_index;
}

/* Adds a point for @card; gives its index. */
static int
curve_add (JourneyLayoutCurve *curve,
           double              x,
           double              y,
           guint               card)
{
  curve->points[curve->n_points].x = x;
  curve->points[curve->n_points].y = y;
  curve->cards[curve->n_points] = card;
  return (int) curve->n_points++;
}

/* Where a card's touchpoint is on the curves: its x, its value and the y
 * of the handle, and the y of its to-be and measured points (NAN where it
 * has none). */
typedef struct
{
  double x;
  double value;
  double y[JOURNEY_N_CURVES];
  double measured;
} CardPoints;

static void
card_points (JourneyLayout     *self,
             JourneyLayoutCard *card,
             CardPoints        *p)
{
  JourneyTouchpoint *tp = card->touchpoint;

  p->x = card->rect.x + card->rect.width / 2;
  p->value = isfinite (tp->satisfaction) ? clampd (tp->satisfaction, self->band.min, self->band.max)
                                         : (self->band.min + self->band.max) / 2.0;
  p->y[JOURNEY_CURVE_AS_IS] = journey_layout_y_for_value (self, p->value);
  p->y[JOURNEY_CURVE_TO_BE] = isfinite (tp->target) ? journey_layout_y_for_value (self, tp->target) : NAN;
  p->measured = NAN;
  p->y[JOURNEY_CURVE_MEASURED] = NAN;
  if (tp->evidence != NULL && isfinite (tp->evidence->mean))
    {
      p->measured = clampd (tp->evidence->mean, self->band.min, self->band.max);
      p->y[JOURNEY_CURVE_MEASURED] = journey_layout_y_for_value (self, p->measured);
    }
}

/* The handle of @card where @p puts it. */
static void
set_handle (JourneyLayout       *self,
            JourneyLayoutHandle *handle,
            guint                c,
            const CardPoints    *p)
{
  JourneyLayoutCard *card = &self->cards[c];

  handle->touchpoint = card->touchpoint;
  handle->card = c;
  handle->x = p->x;
  handle->y = p->y[JOURNEY_CURVE_AS_IS];
  handle->radius = card->major ? self->style.handle_radius + 2 : self->style.handle_radius;
  handle->value = p->value;
}

/* Where the map flags the gap between the measured mean and the
 * hypothesis (journey_evidence_gap_is_flagged ()), a flag beside the
 * handle says by how much. */
static void
add_flag (JourneyLayout *self,
          guint          card,
          double         x,
          double         y_hypothesis,
          double         y_measured,
          double         gap)
{
  JourneyLayoutFlag *flag = &self->flags[self->n_flags++];

  /* The label of the flag last placed here, when it says the same. */
  if (flag->card != card || flag->gap != gap || flag->label[0] == '\0')
    {
      g_autofree char *label = journey_evidence_format_gap (gap);

      g_strlcpy (flag->label, label, sizeof flag->label);
    }
  flag->card = card;
  flag->x = x;
  flag->y_hypothesis = y_hypothesis;
  flag->y_measured = y_measured;
  flag->gap = gap;
  flag->rect.width = 50;
  flag->rect.height = 22;
  flag->rect.x = x + 8;
  flag->rect.y = (y_hypothesis + y_measured) / 2 - flag->rect.height / 2;
}

/* The curves through the touchpoints the model puts on the curve, in its
 * order: a handle above each card, a point on the as-is curve, and on the
 * to-be and measured curves where there is a target or evidence. */
void
journey_layout_place_curves (JourneyLayout *self,
                             JourneyMap    *map)
{
  const int *card_of_tp = card_of_index (self, journey_list_get_length (map->touchpoints));
  GArray *order;

  if (self->curve_order == NULL)
    self->curve_order = journey_map_get_curve_indices (map);
  order = self->curve_order;
  reserve (self, order->len);
  for (guint c = 0; c < self->n_cards; c++)
    {
      self->cards[c].handle = -1;
      for (int k = 0; k < JOURNEY_N_CURVES; k++)
        self->cards[c].points[k] = -1;
    }

  for (guint i = 0; i < order->len; i++)
    {
      int c = card_of_tp[g_array_index (order, guint, i)];
      JourneyLayoutCard *card;
      CardPoints p;

      /* The model and the layout find a touchpoint's lane alike, so
       * every touchpoint on the curve has a card. */
      if (G_UNLIKELY (c < 0))
        continue;
      card = &self->cards[c];
      card_points (self, card, &p);

      for (int k = 0; k < JOURNEY_N_CURVES; k++)
        card->points[k] = isfinite (p.y[k]) ? curve_add (&self->curves[k], p.x, p.y[k], (guint) c) : -1;
      set_handle (self, &self->handles[self->n_handles], (guint) c, &p);
      card->handle = (int) self->n_handles++;

      if (journey_evidence_gap_is_flagged (p.measured - p.value, self->band.min, self->band.max))
        add_flag (self, (guint) c, p.x, p.y[JOURNEY_CURVE_AS_IS], p.y[JOURNEY_CURVE_MEASURED],
                  p.measured - p.value);
    }

  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      JourneyLayoutCurve *curve = &self->curves[k];
      journey_spline_monotone_controls_with (curve->points, curve->n_points, curve->c1, curve->c2,
                                             curve->spline);
    }
}

/**
 * journey_layout_patch_curves:
 * @cards: (array length=n_cards): cards whose touchpoints changed
 *
 * Places the handles and points of @cards again, as
 * journey_layout_place_curves() would, when they stay where they are in
 * the curves' order (their x did not change) and on the same curves, and
 * they have no measured point (whose flags come and go): the work as large
 * as the change, not as the map.  Notes in self->changes what it changed.
 *
 * Returns: %FALSE when that is not so; nothing has changed then
 */
gboolean
journey_layout_patch_curves (JourneyLayout *self,
                             const guint   *cards,
                             guint          n_cards)
{
  GArray *moved[JOURNEY_N_CURVES] = { NULL, };
  JourneyLayoutChanges *changes = &self->changes;

  for (guint i = 0; i < n_cards; i++)
    {
      JourneyLayoutCard *card = &self->cards[cards[i]];
      CardPoints p;

      if (card->handle < 0)
        continue;
      card_points (self, card, &p);
      if (p.x != self->handles[card->handle].x || card->points[JOURNEY_CURVE_MEASURED] >= 0
          || isfinite (p.y[JOURNEY_CURVE_MEASURED])
          || (card->points[JOURNEY_CURVE_TO_BE] >= 0) != isfinite (p.y[JOURNEY_CURVE_TO_BE]))
        return FALSE;
    }

  for (guint i = 0; i < n_cards; i++)
    {
      JourneyLayoutCard *card = &self->cards[cards[i]];
      JourneyLayoutHandle *handle;
      CardPoints p;

      if (card->handle < 0)
        continue;
      card_points (self, card, &p);
      handle = &self->handles[card->handle];
      if (handle->y != p.y[JOURNEY_CURVE_AS_IS] || handle->value != p.value)
        {
          guint h = (guint) card->handle;

          set_handle (self, handle, cards[i], &p);
          g_array_append_val (changes->handles, h);
        }
      for (int k = 0; k < JOURNEY_N_CURVES; k++)
        {
          JourneyPoint *point;
          guint index;

          if (card->points[k] < 0)
            continue;
          index = (guint) card->points[k];
          point = &self->curves[k].points[index];
          if (point->y == p.y[k])
            continue;
          point->y = p.y[k];
          if (moved[k] == NULL)
            moved[k] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (moved[k], index);
        }
    }

  /* Each point's controls in the order of the curve: an update sees the
   * points before it as they are now. */
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      JourneyLayoutCurve *curve = &self->curves[k];

      if (moved[k] == NULL)
        continue;
      journey_layout_sort_indices (moved[k]);
      for (guint i = 0; i < moved[k]->len; i++)
        {
          guint index = g_array_index (moved[k], guint, i);
          guint first, end;

          journey_spline_monotone_update (curve->points, curve->n_points, curve->c1, curve->c2, curve->spline,
                                          index, index + 1, &first, &end);
          /* Point i is drawn with the controls of the Bézier i - 1. */
          changes->point_from[k] = MIN (changes->point_from[k], MIN (index, first + 1));
          changes->point_to[k] = MAX (changes->point_to[k], MAX (index + 1, end + 1));
        }
      changes->point_to[k] = MIN (changes->point_to[k], curve->n_points);
      g_array_unref (moved[k]);
    }
  return TRUE;
}

/* Frees the curves, handles and flags. */
void
journey_layout_clear_curves (JourneyLayout *self)
{
  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      g_clear_pointer (&self->curves[k].points, g_free);
      g_clear_pointer (&self->curves[k].c1, g_free);
      g_clear_pointer (&self->curves[k].c2, g_free);
      g_clear_pointer (&self->curves[k].cards, g_free);
      g_clear_pointer (&self->curves[k].spline, g_free);
      self->curves[k].n_points = 0;
    }
  g_clear_pointer (&self->handles, g_free);
  g_clear_pointer (&self->flags, g_free);
  g_clear_pointer (&self->card_of_index, g_free);
  self->curve_capacity = 0;
  self->n_handles = 0;
  self->n_flags = 0;
}
