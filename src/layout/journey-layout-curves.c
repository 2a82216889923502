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
        }
    }
  if (n > self->curve_capacity)
    {
      /* The flags are compared with those of the last placing. */
      g_free (self->flags);
      self->flags = g_new0 (JourneyLayoutFlag, n);
      self->handles = g_renew (JourneyLayoutHandle, self->handles, n);
      self->curve_scratch = g_renew (double, self->curve_scratch, 2 * (gsize) n);
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

static void
curve_add (JourneyLayoutCurve *curve,
           double              x,
           double              y,
           guint               card)
{
  curve->points[curve->n_points].x = x;
  curve->points[curve->n_points].y = y;
  curve->cards[curve->n_points] = card;
  curve->n_points++;
}

/* Where the measured mean is a fifth of the scale or more from the
 * hypothesis, a flag beside the handle says by how much. */
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
    g_snprintf (flag->label, sizeof flag->label, "%+.1f", gap);
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
  const JourneyStyle *style = &self->style;
  double fifth = (self->band.max - self->band.min) / 5.0;
  const int *card_of_tp = card_of_index (self, journey_list_get_length (map->touchpoints));
  GArray *order;

  if (self->curve_order == NULL)
    self->curve_order = journey_map_get_curve_indices (map);
  order = self->curve_order;
  reserve (self, order->len);

  for (guint i = 0; i < order->len; i++)
    {
      int c = card_of_tp[g_array_index (order, guint, i)];
      JourneyLayoutCard *card;
      JourneyTouchpoint *tp;
      JourneyLayoutHandle *handle;
      double x, value, hy;

      /* The model and the layout find a touchpoint's lane alike, so
       * every touchpoint on the curve has a card. */
      if (G_UNLIKELY (c < 0))
        continue;
      card = &self->cards[c];
      tp = card->touchpoint;
      x = card->rect.x + card->rect.width / 2;
      value = isfinite (tp->satisfaction) ? clampd (tp->satisfaction, self->band.min, self->band.max)
                                          : (self->band.min + self->band.max) / 2.0;
      hy = journey_layout_y_for_value (self, value);

      curve_add (&self->curves[JOURNEY_CURVE_AS_IS], x, hy, (guint) c);

      handle = &self->handles[self->n_handles];
      handle->touchpoint = tp;
      handle->card = (guint) c;
      handle->x = x;
      handle->y = hy;
      handle->radius = card->major ? style->handle_radius + 2 : style->handle_radius;
      handle->value = value;
      card->handle = (int) self->n_handles;
      self->n_handles++;

      if (isfinite (tp->target))
        curve_add (&self->curves[JOURNEY_CURVE_TO_BE], x,
                   journey_layout_y_for_value (self, tp->target), (guint) c);

      if (tp->evidence != NULL && isfinite (tp->evidence->mean))
        {
          double measured = clampd (tp->evidence->mean, self->band.min, self->band.max);
          double my = journey_layout_y_for_value (self, measured);

          curve_add (&self->curves[JOURNEY_CURVE_MEASURED], x, my, (guint) c);
          if (fabs (measured - value) >= fifth - 1e-9)
            add_flag (self, (guint) c, x, hy, my, measured - value);
        }
    }

  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      JourneyLayoutCurve *curve = &self->curves[k];
      journey_spline_monotone_controls_with (curve->points, curve->n_points, curve->c1, curve->c2,
                                             self->curve_scratch);
    }
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
      self->curves[k].n_points = 0;
    }
  g_clear_pointer (&self->handles, g_free);
  g_clear_pointer (&self->flags, g_free);
  g_clear_pointer (&self->curve_scratch, g_free);
  g_clear_pointer (&self->card_of_index, g_free);
  self->curve_capacity = 0;
  self->n_handles = 0;
  self->n_flags = 0;
}
