/* journey-layout-coords.c: conversions between the map and its geometry,
 * and hit testing.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>

#include "journey-layout-private.h"

double
journey_layout_x_for_time (JourneyLayout *self,
                           double         time)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->timeline_x + clampd (time, 0, self->duration) * self->px_per_unit;
}

double
journey_layout_time_for_x (JourneyLayout *self,
                           double         x)
{
  g_return_val_if_fail (self != NULL, 0);
  if (self->px_per_unit <= 0)
    return 0;
  return clampd ((x - self->timeline_x) / self->px_per_unit, 0, self->duration);
}

/* The y of the top and bottom of the scale: half a step inside the band. */
static double
band_top (JourneyLayout *self)
{
  return self->band.rect.y + self->style.emotion_step_min / 2 + 4;
}

static double
band_bottom (JourneyLayout *self)
{
  return self->band.rect.y + self->band.rect.height - self->style.emotion_step_min / 2 - 4;
}

double
journey_layout_y_for_value (JourneyLayout *self,
                            double         value)
{
  double f;

  g_return_val_if_fail (self != NULL, 0);

  if (self->band.max <= self->band.min)
    return band_bottom (self);
  f = (clampd (value, self->band.min, self->band.max) - self->band.min)
      / (double) (self->band.max - self->band.min);
  return band_bottom (self) - f * (band_bottom (self) - band_top (self));
}

double
journey_layout_value_for_y (JourneyLayout *self,
                            double         y)
{
  double f, span;

  g_return_val_if_fail (self != NULL, 0);

  span = band_bottom (self) - band_top (self);
  if (span <= 0)
    return self->band.min;
  f = (band_bottom (self) - y) / span;
  return self->band.min + clampd (f, 0, 1) * (self->band.max - self->band.min);
}

/* The radius of a to-be point, as the scene draws it, about. */
#define TO_BE_RADIUS 6

static gboolean
rect_contains (const JourneyRect *r,
               double             x,
               double             y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* What a press at (x, y) would take hold of, at @zoom (screen pixels per
 * map pixel).  Handles, to-be points and stage boundaries take a finger:
 * their hit areas are at least the style's touch target on screen,
 * whatever the zoom (the dots drawn may be smaller).  Where hit areas
 * overlap, the nearest wins (SPEC §9 Stability): the distance to a handle
 * or point is to the edge of its dot, to a card 0 inside it, to a
 * boundary to its line.  Stages and lanes are the space under them.
 * With @headers_only, only what a frozen header shows can be hit: stage
 * boundaries, stages and lanes. */
static JourneyHitKind
hit_test (JourneyLayout *self,
          double         x,
          double         y,
          double         zoom,
          gboolean       headers_only,
          JourneyHit    *hit)
{
  JourneyHit dummy;
  double slop, reach, best = G_MAXDOUBLE;
  const JourneyLayoutCurve *to_be = &self->curves[JOURNEY_CURVE_TO_BE];

  if (hit == NULL)
    hit = &dummy;
  hit->kind = JOURNEY_HIT_NONE;
  hit->index = 0;
  slop = self->style.hit_slop;
  /* Half a touch target on screen, in map pixels. */
  reach = self->style.touch_target / 2 / (zoom > 0 && isfinite (zoom) ? zoom : 1);

  if (!headers_only)
    {
      for (guint i = 0; i < self->n_handles; i++)
        {
          JourneyLayoutHandle *h = &self->handles[i];
          double d = hypot (x - h->x, y - h->y);

          if (d <= MAX (h->radius + slop, reach) && MAX (0, d - h->radius) < best)
            {
              best = MAX (0, d - h->radius);
              hit->kind = JOURNEY_HIT_HANDLE;
              hit->index = i;
            }
        }
      for (guint i = 0; i < to_be->n_points; i++)
        {
          double d = hypot (x - to_be->points[i].x, y - to_be->points[i].y);

          /* A handle at the same place wins: the hypothesis is edited
           * more. */
          if (d <= MAX (TO_BE_RADIUS + slop, reach) && MAX (0, d - TO_BE_RADIUS) + 0.5 < best)
            {
              best = MAX (0, d - TO_BE_RADIUS);
              hit->kind = JOURNEY_HIT_TARGET;
              hit->index = to_be->cards[i];
            }
        }
    }

  /* The end of a stage, in the stage band. */
  if (y >= self->stage_band.y && y < self->stage_band.y + self->stage_band.height)
    for (guint i = 0; i < self->n_stages; i++)
      {
        double d = fabs (x - (self->stages[i].header.x + self->stages[i].header.width));

        if (d <= MAX (slop, reach) && d < best)
          {
            best = d;
            hit->kind = JOURNEY_HIT_STAGE_BOUNDARY;
            hit->index = i;
          }
      }

  /* Cards never overlap; the last drawn wins anyway.  Inside a card
   * nothing is nearer but the dot of a handle. */
  if (!headers_only && best > 0 && y >= self->lanes_rect.y && y < self->lanes_rect.y + self->lanes_rect.height)
    for (guint i = self->n_cards; i-- > 0;)
      if (rect_contains (&self->cards[i].rect, x, y))
        {
          hit->kind = JOURNEY_HIT_CARD;
          hit->index = i;
          return hit->kind;
        }

  if (hit->kind != JOURNEY_HIT_NONE)
    return hit->kind;

  if (y >= self->stage_band.y && y < self->stage_band.y + self->stage_band.height)
    for (guint i = 0; i < self->n_stages; i++)
      if (rect_contains (&self->stages[i].header, x, y))
        {
          hit->kind = JOURNEY_HIT_STAGE;
          hit->index = i;
          return hit->kind;
        }

  if (y >= self->lanes_rect.y && y < self->lanes_rect.y + self->lanes_rect.height)
    for (guint i = 0; i < self->n_lanes; i++)
      if (rect_contains (&self->lanes[i].rect, x, y))
        {
          hit->kind = JOURNEY_HIT_LANE;
          hit->index = i;
          return hit->kind;
        }

  return JOURNEY_HIT_NONE;
}

JourneyHitKind
journey_layout_hit_test (JourneyLayout *self,
                         double         x,
                         double         y,
                         JourneyHit    *hit)
{
  g_return_val_if_fail (self != NULL, JOURNEY_HIT_NONE);
  return hit_test (self, x, y, 1, FALSE, hit);
}

JourneyHitKind
journey_layout_hit_test_at_zoom (JourneyLayout *self,
                                 double         x,
                                 double         y,
                                 double         zoom,
                                 JourneyHit    *hit)
{
  g_return_val_if_fail (self != NULL, JOURNEY_HIT_NONE);
  return hit_test (self, x, y, zoom, FALSE, hit);
}

JourneyHitKind
journey_layout_hit_test_headers (JourneyLayout *self,
                                 double         x,
                                 double         y,
                                 double         zoom,
                                 JourneyHit    *hit)
{
  g_return_val_if_fail (self != NULL, JOURNEY_HIT_NONE);
  return hit_test (self, x, y, zoom, TRUE, hit);
}

/**
 * journey_layout_row_at:
 * @lane: a lane of the layout
 * @except: (nullable): a touchpoint whose card is not counted (the one
 *   dragged)
 *
 * Returns: the row of cards of @lane at @y: the row whose cards span @y
 *   (or the nearer of two rows, in the gap between them); 0 above the
 *   first; below the last, the row after it (a row to come).  Rows that
 *   only @except's card is in are not counted.
 */
guint
journey_layout_row_at (JourneyLayout     *self,
                       guint              lane,
                       double             y,
                       JourneyTouchpoint *except)
{
  guint n_rows, last = 0;
  g_autofree double *top = NULL;
  g_autofree double *bottom = NULL;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane < self->n_lanes, 0);

  n_rows = self->lanes[lane].n_rows;
  if (n_rows == 0)
    return 0;
  top = g_new (double, n_rows);
  bottom = g_new (double, n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      top[r] = G_MAXDOUBLE;
      bottom[r] = -G_MAXDOUBLE;
    }
  for (guint c = 0; c < self->n_cards; c++)
    {
      const JourneyLayoutCard *card = &self->cards[c];

      if (card->lane != (int) lane || card->row >= n_rows || card->touchpoint == except)
        continue;
      top[card->row] = MIN (top[card->row], card->rect.y);
      bottom[card->row] = MAX (bottom[card->row], card->rect.y + card->rect.height);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      if (top[r] > bottom[r])
        continue;
      if (y < bottom[r] + self->style.card_gap / 2)
        return r;
      last = r + 1;
    }
  return last;
}
