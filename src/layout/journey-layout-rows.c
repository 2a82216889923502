/* journey-layout-rows.c: where the cards go: along the timeline at their
 * times, and into rows in their lanes; how wide the timeline of a dense
 * map must be.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "journey-layout-private.h"

/* Where a card's centre goes for a time at @tx on a timeline from @x0 to
 * @x1: at @tx itself, except near the ends of the timeline, where the
 * cards would stick out.  There the times are squeezed at half rate into
 * [lo, …] and […, hi], so the centres stay in time order and two different
 * times never share an x (which a plain clamp would do, putting a vertical
 * step in the curve). */
static double
card_centre (double x0,
             double x1,
             double tx,
             double lo,
             double hi)
{
  double d0 = lo - x0, d1 = x1 - hi;

  if (hi <= lo)
    return (lo + hi) / 2;
  if (4 * MAX (d0, d1) > x1 - x0)
    return lo + (tx - x0) / (x1 - x0) * (hi - lo);
  if (tx < x0 + 2 * d0)
    return lo + (tx - x0) / 2;
  if (tx > x1 - 2 * d1)
    return hi - (x1 - tx) / 2;
  return tx;
}

/* The left edge of @card on a timeline @width wide. */
static double
card_left (JourneyLayout           *self,
           const JourneyLayoutCard *card,
           double                   width)
{
  const JourneyStyle *style = &self->style;
  double x0 = self->timeline_x;
  double lo = x0 + style->card_gap + style->major_width / 2;
  double hi = x0 + width - style->card_gap - style->major_width / 2;
  double tx = x0 + clampd (card->touchpoint->time, 0, self->duration) * (width / self->duration);

  if (hi < lo)
    lo = hi = x0 + width / 2;
  return card_centre (x0, x0 + width, tx, lo, hi) - card->rect.width / 2;
}

/* The time at @x on a timeline from @x0 to @x1 whose card_centre() is
 * @c: its inverse. */
static double
card_centre_inverse (double x0,
                     double x1,
                     double c,
                     double lo,
                     double hi)
{
  double d0 = lo - x0, d1 = x1 - hi;

  if (hi <= lo)
    return NAN;
  if (4 * MAX (d0, d1) > x1 - x0)
    return x0 + (c - lo) / (hi - lo) * (x1 - x0);
  if (c < x0 + 2 * d0)
    return x0 + 2 * (c - lo);
  if (c > x1 - 2 * d1)
    return x1 - 2 * (hi - c);
  return c;
}

/**
 * journey_layout_time_for_card_left:
 *
 * Returns: the time at which @card's left edge is at @left (the inverse
 *   of where a card goes, which squeezes times near the ends of the
 *   timeline), clamped to the timeline; the card's own time when every
 *   time puts it in one place
 */
double
journey_layout_time_for_card_left (JourneyLayout           *self,
                                   const JourneyLayoutCard *card,
                                   double                   left)
{
  const JourneyStyle *style = &self->style;
  double x0 = self->timeline_x, width = self->timeline_width;
  double lo = x0 + style->card_gap + style->major_width / 2;
  double hi = x0 + width - style->card_gap - style->major_width / 2;
  double tx = card_centre_inverse (x0, x0 + width, left + card->rect.width / 2, lo, hi);

  if (!isfinite (tx) || width <= 0)
    return card->touchpoint->time;
  return clampd ((tx - x0) / (width / self->duration), 0, self->duration);
}

/* The left edge of every card, by card, on a timeline @width wide: what
 * journey_layout_place_cards_in_time() does, for any width. */
static void
compute_lefts (JourneyLayout *self,
               double         width,
               double        *left)
{
  for (guint c = 0; c < self->n_cards; c++)
    left[c] = card_left (self, &self->cards[c], width);
}

/* Where @card's left edge goes on the layout's timeline. */
double
journey_layout_card_left (JourneyLayout           *self,
                          const JourneyLayoutCard *card)
{
  return card_left (self, card, self->timeline_width);
}

/* Each card's x: centred on its time. */
void
journey_layout_place_cards_in_time (JourneyLayout *self)
{
  g_autofree double *left = g_new (double, MAX (self->n_cards, 1));

  compute_lefts (self, self->timeline_width, left);
  for (guint c = 0; c < self->n_cards; c++)
    self->cards[c].rect.x = left[c];
}

/*
 * Rows of cards.  In a lane, cards are taken by left edge and each goes
 * into the first row where it keeps its gap from the card before it (first
 * fit): for intervals that is the fewest rows there can be, as many as
 * the most cards that overlap at one x.  A lane's cards are kept as two
 * lists in time order, the major cards and the minor ones: in each, time
 * order is left-edge order at any scale, so a merge gives the cards by
 * left edge in linear time, for every scale the search below tries.
 */
typedef struct
{
  guint   *cards;        /* by lane; in a lane, majors then minors, by time */
  guint   *lane_start;   /* n_lanes + 1 */
  guint   *minor_start;  /* n_lanes */
  guint   *by_left;      /* a lane's cards by left edge */
  double  *left;         /* by card */
  double  *row_right;    /* by row: right edge of its last card */
  guint   *busy_rows;    /* heaps of rows for first_fit() */
  guint   *free_rows;
} LaneCards;

typedef struct
{
  guint    card;
  guint    lane;
  gboolean minor;
  double   time;
} TimeKey;

static int
compare_time_keys (gconstpointer a,
                   gconstpointer b)
{
  const TimeKey *ka = a, *kb = b;

  if (ka->lane != kb->lane)
    return ka->lane < kb->lane ? -1 : 1;
  if (ka->minor != kb->minor)
    return ka->minor ? 1 : -1;
  if (ka->time != kb->time)
    return ka->time < kb->time ? -1 : 1;
  return (ka->card > kb->card) - (ka->card < kb->card);
}

/* The cards of every lane, or with @only, of the lanes it marks. */
static void
lane_cards_init (JourneyLayout  *self,
                 LaneCards      *lc,
                 const gboolean *only)
{
  guint n = 0;
  g_autofree TimeKey *keys = g_new (TimeKey, MAX (self->n_cards, 1));

  for (guint c = 0; c < self->n_cards; c++)
    {
      if (only != NULL && !only[self->cards[c].lane])
        continue;
      keys[n].card = c;
      keys[n].lane = (guint) self->cards[c].lane;
      keys[n].minor = !self->cards[c].major;
      keys[n].time = clampd (self->cards[c].touchpoint->time, 0, self->duration);
      n++;
    }

  lc->cards = g_new (guint, MAX (n, 1));
  lc->lane_start = g_new0 (guint, self->n_lanes + 1);
  lc->minor_start = g_new0 (guint, MAX (self->n_lanes, 1));
  lc->by_left = g_new (guint, MAX (n, 1));
  lc->left = g_new (double, MAX (self->n_cards, 1));
  lc->row_right = g_new (double, n + 1);
  lc->busy_rows = g_new (guint, n + 1);
  lc->free_rows = g_new (guint, n + 1);

  qsort (keys, n, sizeof (TimeKey), compare_time_keys);
  for (guint i = 0; i < n; i++)
    {
      lc->cards[i] = keys[i].card;
      lc->lane_start[keys[i].lane + 1]++;
    }
  for (guint l = 0; l < self->n_lanes; l++)
    lc->lane_start[l + 1] += lc->lane_start[l];
  for (guint l = 0; l < self->n_lanes; l++)
    {
      guint k = lc->lane_start[l];

      while (k < lc->lane_start[l + 1] && !keys[k].minor)
        k++;
      lc->minor_start[l] = k;
    }
}

static void
lane_cards_clear (LaneCards *lc)
{
  g_free (lc->cards);
  g_free (lc->lane_start);
  g_free (lc->minor_start);
  g_free (lc->by_left);
  g_free (lc->left);
  g_free (lc->row_right);
  g_free (lc->busy_rows);
  g_free (lc->free_rows);
}

/* Lane @l's cards by left edge (ties in the map's order) into lc->by_left;
 * returns how many. */
static guint
merge_by_left (LaneCards *lc,
               guint      l)
{
  guint i = lc->lane_start[l], i_end = lc->minor_start[l];
  guint j = lc->minor_start[l], j_end = lc->lane_start[l + 1];
  guint n = 0;

  while (i < i_end || j < j_end)
    {
      gboolean take_major;

      if (j == j_end)
        take_major = TRUE;
      else if (i == i_end)
        take_major = FALSE;
      else
        {
          double a = lc->left[lc->cards[i]], b = lc->left[lc->cards[j]];
          take_major = a < b || (a == b && lc->cards[i] < lc->cards[j]);
        }
      lc->by_left[n++] = take_major ? lc->cards[i++] : lc->cards[j++];
    }
  return n;
}

/* A binary heap of row numbers, the least first: by @key, then by number
 * (by number alone without a key). */
typedef struct
{
  guint        *rows;
  guint         n;
  const double *key;
} RowHeap;

static gboolean
row_before (const RowHeap *h,
            guint          a,
            guint          b)
{
  if (h->key != NULL && h->key[a] != h->key[b])
    return h->key[a] < h->key[b];
  return a < b;
}

static void
row_heap_push (RowHeap *h,
               guint    row)
{
  guint i = h->n++;

  while (i > 0 && row_before (h, row, h->rows[(i - 1) / 2]))
    {
      h->rows[i] = h->rows[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  h->rows[i] = row;
}

static guint
row_heap_pop (RowHeap *h)
{
  guint top = h->rows[0];
  guint last = h->rows[--h->n];
  guint i = 0;

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= h->n)
        break;
      if (child + 1 < h->n && row_before (h, h->rows[child + 1], h->rows[child]))
        child++;
      if (!row_before (h, h->rows[child], last))
        break;
      h->rows[i] = h->rows[child];
      i = child;
    }
  if (h->n > 0)
    h->rows[i] = last;
  return top;
}

/* Takes @row out of @h, wherever it is in the heap. */
static void
row_heap_remove (RowHeap *h,
                 guint    row)
{
  guint n = h->n;
  g_autofree guint *rows = g_memdup2 (h->rows, n * sizeof (guint));

  h->n = 0;
  for (guint i = 0; i < n; i++)
    if (rows[i] != row)
      row_heap_push (h, rows[i]);
}

/*
 * Pinned cards.  The style's row hints ask for a card in a row of its
 * lane (the canvas's: where a card was dragged to).  A pinned card takes
 * its row when its turn comes, and the cards before it stay out of its
 * way in that row, so the others make room around it; a pin that cannot
 * be honoured (two pinned cards in one place) is first fit as usual.
 * Pins are few (the cards of one drag), so they are looked through.
 */
typedef struct
{
  guint    card;
  guint    row;
  double   left;
  double   right;
  gboolean placed;
} Pin;

/* The row hinted for @card + 1 (0 for none), and whether it is pinned. */
static guint
row_hint (JourneyLayout           *self,
          const JourneyLayoutCard *card,
          gboolean                *pinned)
{
  guint hint;

  if (self->style.row_hints == NULL)
    return 0;
  hint = GPOINTER_TO_UINT (g_hash_table_lookup (self->style.row_hints, card->touchpoint));
  if (hint == 0 || card->lane < 0 || ((hint >> 16) & 0x7fffu) != ((guint) card->lane & 0x7fffu))
    return 0;
  if (pinned != NULL)
    *pinned = (hint & JOURNEY_ROW_HINT_PINNED) != 0;
  return hint & 0xffffu;
}

/* Whether @card is pinned to a row other than the one it has. */
gboolean
journey_layout_card_pin_moved (JourneyLayout           *self,
                               const JourneyLayoutCard *card)
{
  gboolean pinned = FALSE;
  guint hint = row_hint (self, card, &pinned);

  return pinned && hint - 1 != card->row;
}

/* The pins of the @n cards in lc->by_left; NULL when there are none. */
static GArray *
lane_pins (JourneyLayout *self,
           LaneCards     *lc,
           guint          n)
{
  GArray *pins = NULL;

  if (self->style.row_hints == NULL || g_hash_table_size (self->style.row_hints) == 0)
    return NULL;
  for (guint k = 0; k < n; k++)
    {
      guint c = lc->by_left[k];
      gboolean pinned = FALSE;
      guint hint = row_hint (self, &self->cards[c], &pinned);
      Pin pin = { c, hint - 1, lc->left[c], lc->left[c] + self->cards[c].rect.width, FALSE };

      if (!pinned)
        continue;
      if (pins == NULL)
        pins = g_array_new (FALSE, FALSE, sizeof (Pin));
      g_array_append_val (pins, pin);
    }
  return pins;
}

static Pin *
find_pin (GArray *pins,
          guint   card)
{
  if (pins != NULL)
    for (guint i = 0; i < pins->len; i++)
      if (g_array_index (pins, Pin, i).card == card)
        return &g_array_index (pins, Pin, i);
  return NULL;
}

/* Whether a card from @left to @right in @row would be in the way of a
 * pinned card still to come. */
static gboolean
blocks_pin (GArray *pins,
            guint   row,
            double  left,
            double  right,
            double  gap)
{
  if (pins != NULL)
    for (guint i = 0; i < pins->len; i++)
      {
        const Pin *pin = &g_array_index (pins, Pin, i);

        if (!pin->placed && pin->row == row && left < pin->right + gap && right + gap > pin->left)
          return TRUE;
      }
  return FALSE;
}

/* Whether a card from @right on, the @k-th of lc->by_left's @n, would sit
 * in @row in the way of a card after it hinted to that row: a card put
 * out of its row does not put the next ones out of theirs. */
static gboolean
blocks_hint (JourneyLayout *self,
             LaneCards     *lc,
             guint          k,
             guint          n,
             guint          row,
             double         right,
             double         gap)
{
  for (guint j = k + 1; j < n && lc->left[lc->by_left[j]] < right + gap; j++)
    if (row_hint (self, &self->cards[lc->by_left[j]], NULL) == row + 1)
      return TRUE;
  return FALSE;
}

/* First fit of lane @l's cards at the left edges in lc->left: each card
 * into the first row whose last card it keeps its gap from.  The cards
 * come by left edge, so a row that is free for one card stays free for
 * the next: rows move from a heap of busy rows (by right edge) to a heap
 * of free rows (by number) and first fit takes the lowest free one, in
 * O(n log n) however many rows there are.  With @assign, pinned cards
 * (see above) take their rows, and each card's row is set.  Stops once
 * it needs more than @limit rows (and returns limit + 1).  Returns the
 * number of rows. */
static guint
first_fit (JourneyLayout *self,
           LaneCards     *lc,
           guint          l,
           guint          limit,
           gboolean       assign)
{
  double gap = self->style.card_gap;
  guint n = merge_by_left (lc, l);
  RowHeap busy = { lc->busy_rows, 0, lc->row_right };
  RowHeap free_rows = { lc->free_rows, 0, NULL };
  g_autoptr(GArray) pins = assign ? lane_pins (self, lc, n) : NULL;
  g_autoptr(GArray) passed = assign ? g_array_new (FALSE, FALSE, sizeof (guint)) : NULL;
  guint n_rows = 0;

  for (guint k = 0; k < n; k++)
    {
      guint c = lc->by_left[k];
      double left = lc->left[c];
      double right = left + self->cards[c].rect.width;
      Pin *pin = find_pin (pins, c);
      guint hint = assign ? row_hint (self, &self->cards[c], NULL) : 0;
      guint r = G_MAXUINT;

      while (busy.n > 0 && lc->row_right[busy.rows[0]] + gap <= left + 1e-6)
        row_heap_push (&free_rows, row_heap_pop (&busy));

      if (pin != NULL)
        {
          pin->placed = TRUE;
          /* Its row, when free; the rows before it, if the cards before
           * it need fewer, are free for the cards after it. */
          if (pin->row >= n_rows && pin->row < limit)
            {
              while (n_rows < pin->row)
                {
                  lc->row_right[n_rows] = -G_MAXDOUBLE;
                  row_heap_push (&free_rows, n_rows++);
                }
              r = n_rows++;
            }
          else if (pin->row < n_rows && lc->row_right[pin->row] + gap <= left + 1e-6)
            {
              r = pin->row;
              row_heap_remove (&free_rows, r);
            }
        }
      else if (hint > 0 && hint - 1 < n_rows && lc->row_right[hint - 1] + gap <= left + 1e-6
               && !blocks_pin (pins, hint - 1, left, right, gap))
        {
          /* The row it had, where it is free. */
          r = hint - 1;
          row_heap_remove (&free_rows, r);
        }
      else if (hint > n_rows && hint <= limit && !blocks_pin (pins, hint - 1, left, right, gap))
        {
          /* The row it had, though the cards before it need fewer now:
           * the rows between are free for the cards after it. */
          while (n_rows < hint - 1)
            {
              lc->row_right[n_rows] = -G_MAXDOUBLE;
              row_heap_push (&free_rows, n_rows++);
            }
          r = n_rows++;
        }
      if (r == G_MAXUINT)
        {
          /* The lowest free row that no pinned card still to come needs
           * here, else a new one. */
          if (passed != NULL)
            g_array_set_size (passed, 0);
          while (free_rows.n > 0)
            {
              r = row_heap_pop (&free_rows);
              if (!blocks_pin (pins, r, left, right, gap)
                  && (!assign || !blocks_hint (self, lc, k, n, r, right, gap)))
                break;
              g_array_append_val (passed, r);
              r = G_MAXUINT;
            }
          while (r == G_MAXUINT)
            {
              if (n_rows == limit)
                return limit + 1;
              r = n_rows++;
              lc->row_right[r] = -G_MAXDOUBLE;
              if (blocks_pin (pins, r, left, right, gap)
                  || (assign && blocks_hint (self, lc, k, n, r, right, gap)))
                {
                  g_array_append_val (passed, r);
                  r = G_MAXUINT;
                }
            }
          for (guint i = 0; passed != NULL && i < passed->len; i++)
            row_heap_push (&free_rows, g_array_index (passed, guint, i));
        }
      lc->row_right[r] = right;
      row_heap_push (&busy, r);
      if (assign)
        self->cards[c].row = r;
    }
  return n_rows;
}

/* The rows each lane needs on a timeline @width wide, into @rows; with
 * @limit, stops counting a lane past its limit.  Returns whether every
 * lane is within its limit. */
static gboolean
rows_at_width (JourneyLayout *self,
               LaneCards     *lc,
               double         width,
               const guint   *limit,
               guint         *rows)
{
  gboolean fits = TRUE;

  compute_lefts (self, width, lc->left);
  for (guint l = 0; l < self->n_lanes; l++)
    {
      rows[l] = first_fit (self, lc, l, limit ? limit[l] : G_MAXUINT - 1, FALSE);
      if (limit != NULL && rows[l] > limit[l])
        {
          fits = FALSE;
          break;
        }
    }
  return fits;
}

/* The narrowest timeline, from @width0 up to the style's dense limit, on
 * which no lane needs more than max_lane_rows rows, or, for a lane that
 * needs more even at the limit, no more than it needs there.  Row counts
 * only fall as the timeline widens (cards only move apart), so a binary
 * search finds it. */
double
journey_layout_widen_for_rows (JourneyLayout *self,
                               double         width0)
{
  const JourneyStyle *style = &self->style;
  double max_width = MAX (width0, round (style->dense_timeline_width));
  guint max_rows = style->max_lane_rows;
  g_autofree guint *rows = g_new0 (guint, MAX (self->n_lanes, 1));
  g_autofree guint *limit = g_new0 (guint, MAX (self->n_lanes, 1));
  LaneCards lc = { 0, };
  double lo, hi;

  if (max_rows == 0 || self->n_cards == 0 || max_width <= width0)
    return width0;

  lane_cards_init (self, &lc, NULL);

  for (guint l = 0; l < self->n_lanes; l++)
    limit[l] = max_rows;
  if (rows_at_width (self, &lc, width0, limit, rows))
    goto out;

  /* What each lane needs at the widest. */
  rows_at_width (self, &lc, max_width, NULL, rows);
  for (guint l = 0; l < self->n_lanes; l++)
    limit[l] = MAX (max_rows, rows[l]);
  if (rows_at_width (self, &lc, width0, limit, rows))
    goto out;

  /* width0 is too narrow and max_width wide enough: close in to within a
   * pixel or a fifth of a percent. */
  lo = width0;
  hi = max_width;
  while (hi - lo > MAX (1, lo / 512))
    {
      double mid = round ((lo + hi) / 2);

      if (rows_at_width (self, &lc, mid, limit, rows))
        hi = mid;
      else
        lo = mid;
    }
  width0 = hi;

out:
  lane_cards_clear (&lc);
  return width0;
}

/* Each card's row in its lane, and each lane's number of rows, for the
 * cards where they are; with @only, in the lanes it marks only. */
void
journey_layout_pack_rows (JourneyLayout  *self,
                          const gboolean *only)
{
  LaneCards lc = { 0, };

  lane_cards_init (self, &lc, only);
  for (guint c = 0; c < self->n_cards; c++)
    lc.left[c] = self->cards[c].rect.x;
  for (guint l = 0; l < self->n_lanes; l++)
    if (only == NULL || only[l])
      self->lanes[l].n_rows = first_fit (self, &lc, l, G_MAXUINT - 1, TRUE);
  lane_cards_clear (&lc);
}
