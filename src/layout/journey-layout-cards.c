/* journey-layout-cards.c: the cards of a map, their places in time and
 * their rows in each lane.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "journey-layout-private.h"

static const char *
lane_kind_name (JourneyLaneKind kind)
{
  switch (kind)
    {
    case JOURNEY_LANE_PHYSICAL: return _("Physical evidence");
    case JOURNEY_LANE_CUSTOMER: return _("Customer actions");
    case JOURNEY_LANE_ONSTAGE:  return _("Onstage, visible");
    case JOURNEY_LANE_OFFSTAGE: return _("Backstage, invisible");
    case JOURNEY_LANE_SUPPORT:  return _("Support processes");
    default:                    return "";
    }
}

/* One card per touchpoint whose lane the map has, in the map's order, with
 * its size and its stage; its place comes once the timeline is known. */
void
journey_layout_add_cards (JourneyLayout *self,
                          JourneyMap    *map,
                          GHashTable    *lane_index)
{
  const JourneyStyle *style = &self->style;
  guint n_tp = journey_list_get_length (map->touchpoints);

  self->cards = g_new0 (JourneyLayoutCard, MAX (n_tp, 1));
  self->n_cards = 0;

  for (guint i = 0; i < n_tp; i++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
      gpointer li = tp->lane ? g_hash_table_lookup (lane_index, tp->lane) : NULL;
      JourneyLayoutCard *card;

      if (li == NULL)
        continue;

      card = &self->cards[self->n_cards++];
      card->touchpoint = tp;
      card->index = i;
      card->lane = (int) GPOINTER_TO_UINT (li) - 1;
      card->major = tp->weight == JOURNEY_WEIGHT_MAJOR;
      card->handle = -1;
      card->rect.width = card->major ? style->major_width : style->minor_width;
      card->rect.height = card->major ? style->major_height : style->minor_height;
      /* The time the card is drawn at: the one its stage is taken at. */
      card->stage = journey_map_get_stage_at (map, clampd (tp->time, 0, self->duration));
    }
}

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

/* The left edge of every card, by card, on a timeline @width wide: what
 * journey_layout_place_cards_in_time() does, for any width. */
static void
compute_lefts (JourneyLayout *self,
               double         width,
               double        *left)
{
  const JourneyStyle *style = &self->style;
  double x0 = self->timeline_x;
  double ppu = width / self->duration;
  double lo = x0 + style->card_gap + style->major_width / 2;
  double hi = x0 + width - style->card_gap - style->major_width / 2;

  if (hi < lo)
    lo = hi = x0 + width / 2;

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      double tx = x0 + clampd (card->touchpoint->time, 0, self->duration) * ppu;

      left[c] = card_centre (x0, x0 + width, tx, lo, hi) - card->rect.width / 2;
    }
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

static void
lane_cards_init (JourneyLayout *self,
                 LaneCards     *lc)
{
  guint n = self->n_cards;
  g_autofree TimeKey *keys = g_new (TimeKey, MAX (n, 1));

  lc->cards = g_new (guint, MAX (n, 1));
  lc->lane_start = g_new0 (guint, self->n_lanes + 1);
  lc->minor_start = g_new0 (guint, MAX (self->n_lanes, 1));
  lc->by_left = g_new (guint, MAX (n, 1));
  lc->left = g_new (double, MAX (n, 1));
  lc->row_right = g_new (double, n + 1);
  lc->busy_rows = g_new (guint, n + 1);
  lc->free_rows = g_new (guint, n + 1);

  for (guint c = 0; c < n; c++)
    {
      keys[c].card = c;
      keys[c].lane = (guint) self->cards[c].lane;
      keys[c].minor = !self->cards[c].major;
      keys[c].time = clampd (self->cards[c].touchpoint->time, 0, self->duration);
    }

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

/* First fit of lane @l's cards at the left edges in lc->left: each card
 * into the first row whose last card it keeps its gap from.  The cards
 * come by left edge, so a row that is free for one card stays free for
 * the next: rows move from a heap of busy rows (by right edge) to a heap
 * of free rows (by number) and first fit takes the lowest free one, in
 * O(n log n) however many rows there are.  Stops once it needs more than
 * @limit rows (and returns limit + 1); with @assign, sets each card's
 * row.  Returns the number of rows. */
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
  guint n_rows = 0;

  for (guint k = 0; k < n; k++)
    {
      guint c = lc->by_left[k];
      double left = lc->left[c];
      guint r;

      while (busy.n > 0 && lc->row_right[busy.rows[0]] + gap <= left + 1e-6)
        row_heap_push (&free_rows, row_heap_pop (&busy));

      if (free_rows.n > 0)
        r = row_heap_pop (&free_rows);
      else
        {
          if (n_rows == limit)
            return limit + 1;
          r = n_rows++;
        }
      lc->row_right[r] = left + self->cards[c].rect.width;
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
static double
widen_for_rows (JourneyLayout *self,
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

  lane_cards_init (self, &lc);

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

typedef struct
{
  guint  lane;
  double time;
} TimeItem;

static int
compare_time_items (gconstpointer a,
                    gconstpointer b)
{
  const TimeItem *ta = a, *tb = b;

  if (ta->lane != tb->lane)
    return ta->lane < tb->lane ? -1 : 1;
  return (ta->time > tb->time) - (ta->time < tb->time);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;
  return da < db ? -1 : da > db;
}

/* The scale at which two neighbours in a lane sit side by side, for the
 * median pair of neighbours; 0 when no lane has two different times. */
static double
median_need (JourneyLayout *self)
{
  const JourneyStyle *style = &self->style;
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (TimeItem), self->n_cards);
  g_autoptr(GArray) needs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint c = 0; c < self->n_cards; c++)
    {
      TimeItem item = { (guint) self->cards[c].lane, clampd (self->cards[c].touchpoint->time, 0, self->duration) };
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_time_items);

  for (guint i = 1; i < items->len; i++)
    {
      TimeItem *prev = &g_array_index (items, TimeItem, i - 1);
      TimeItem *item = &g_array_index (items, TimeItem, i);

      if (prev->lane == item->lane && item->time - prev->time > 1e-9)
        {
          double need = (style->minor_width + style->card_gap) / (item->time - prev->time);
          g_array_append_val (needs, need);
        }
    }

  if (needs->len == 0)
    return 0;
  g_array_sort (needs, compare_doubles);
  return g_array_index (needs, double, needs->len / 2);
}

/* Pixels per unit of time, for a timeline of self->duration whose
 * shortest stage is @min_length long, starting at self->timeline_x. */
double
journey_layout_choose_scale (JourneyLayout *self,
                             double         min_length)
{
  const JourneyStyle *style = &self->style;
  double ppu = style->min_timeline_width / self->duration;
  double cap = MAX (style->max_timeline_width, style->min_timeline_width) / self->duration;
  double median;

  /* Every stage wide enough for its name, within reason. */
  ppu = MAX (ppu, MIN (style->min_stage_width / min_length, cap));

  /* Wide enough that most neighbours in a lane sit side by side rather
   * than stacked (the median), but not wider than a slide allows. */
  median = median_need (self);
  if (median > 0)
    ppu = MAX (ppu, MIN (median, cap));

  /* Dense maps: wider still, up to a generous limit (the view scrolls),
   * before a lane grows deeper than a few rows. */
  return widen_for_rows (self, round (self->duration * ppu)) / self->duration;
}

/* A lane's name and kind in the label column. */
static void
label_lane (JourneyLayout     *self,
            JourneyText       *text,
            JourneyLayoutLane *ll)
{
  const JourneyStyle *style = &self->style;
  JourneyLane *lane = ll->lane;

  wrap_block (text, &ll->name, lane->name ? lane->name : lane->id,
              style->lane_size, TRUE, style->label_column_width - 28, 2, style->line_spacing);
  if (lane->name == NULL || g_utf8_collate (lane->name, lane_kind_name (lane->kind)) != 0)
    wrap_block (text, &ll->caption, lane_kind_name (lane->kind),
                style->caption_size, FALSE, style->label_column_width - 28, 1, style->line_spacing);
  else
    {
      empty_block (&ll->caption);
      ll->caption.size = style->caption_size;
      ll->caption.line_height = round (style->caption_size * style->line_spacing);
    }
}

/* The lanes from @top down: each as deep as its rows of cards (and its
 * label), the cards at the top of their rows. */
void
journey_layout_stack_lanes (JourneyLayout *self,
                            JourneyText   *text,
                            JourneyMap    *map,
                            double         top)
{
  const JourneyStyle *style = &self->style;
  g_autoptr(GArray) row_top = g_array_new (FALSE, FALSE, sizeof (double));
  LaneCards lc = { 0, };
  double y = top;

  lane_cards_init (self, &lc);
  for (guint c = 0; c < self->n_cards; c++)
    lc.left[c] = self->cards[c].rect.x;

  for (guint l = 0; l < self->n_lanes; l++)
    {
      JourneyLayoutLane *ll = &self->lanes[l];
      guint first = lc.lane_start[l], last = lc.lane_start[l + 1];
      double h;

      ll->lane = journey_list_peek (map->lanes, l);
      ll->index = l;
      ll->kind = ll->lane->kind;
      ll->n_rows = first_fit (self, &lc, l, G_MAXUINT - 1, TRUE);

      /* Each row as deep as its deepest card. */
      g_array_set_size (row_top, ll->n_rows);
      for (guint r = 0; r < ll->n_rows; r++)
        g_array_index (row_top, double, r) = 0;
      for (guint k = first; k < last; k++)
        {
          JourneyLayoutCard *card = &self->cards[lc.cards[k]];
          double *rh = &g_array_index (row_top, double, card->row);
          *rh = MAX (*rh, card->rect.height);
        }

      h = style->card_gap;
      for (guint r = 0; r < ll->n_rows; r++)
        {
          double rh = g_array_index (row_top, double, r);
          g_array_index (row_top, double, r) = y + h;
          h += rh + style->card_gap;
        }
      if (ll->n_rows == 0)
        h += style->minor_height + style->card_gap;

      /* Room for the lane's name and kind in the label column. */
      label_lane (self, text, ll);
      h = MAX (h, 2 * style->card_gap + block_height (&ll->name) + 4 + block_height (&ll->caption));

      ll->rect.x = style->margin;
      ll->rect.y = y;
      ll->rect.width = self->width - 2 * style->margin;
      ll->rect.height = h;
      ll->label = ll->rect;
      ll->label.width = style->label_column_width;
      place_block (&ll->name, style->margin + 18, y + style->card_gap);
      place_block (&ll->caption, style->margin + 18, y + style->card_gap + block_height (&ll->name) + 4);

      for (guint k = first; k < last; k++)
        {
          JourneyLayoutCard *card = &self->cards[lc.cards[k]];
          card->rect.y = g_array_index (row_top, double, card->row);
        }

      y += h;
    }
  lane_cards_clear (&lc);

  self->lanes_rect.x = style->margin;
  self->lanes_rect.y = top;
  self->lanes_rect.width = self->width - 2 * style->margin;
  self->lanes_rect.height = y - top;
}

/* A card's channel, title and markers, inside its rectangle. */
static void
fill_card (JourneyLayout     *self,
           JourneyText       *text,
           JourneyLayoutCard *card,
           const char        *channel_name)
{
  const JourneyStyle *style = &self->style;
  JourneyTouchpoint *tp = card->touchpoint;
  double pad = style->card_padding;
  double inner_w = card->rect.width - 2 * pad;
  double top = card->rect.y + pad + (card->major ? 4 : 0);
  double markers_top = card->rect.y + card->rect.height - pad + 2 - style->marker_size;
  double line_h = round (style->body_size * style->line_spacing);
  double avail;
  guint max_lines;
  double mx;
  int counts[3];
  guint max_dots;

  if (channel_name != NULL && *channel_name)
    {
      wrap_block (text, &card->caption, channel_name, style->caption_size, FALSE, inner_w, 1, style->line_spacing);
      place_block (&card->caption, card->rect.x + pad, top);
      top += block_height (&card->caption) + 2;
    }
  else
    empty_block (&card->caption);

  /* A clear gap between the last line of the title and the markers. */
  avail = markers_top - 10 - top;
  max_lines = (guint) MAX (1, floor (avail / line_h));
  max_lines = MIN (max_lines, style->max_title_lines);

  wrap_block (text, &card->title, tp->title, style->body_size, card->major, inner_w, max_lines, style->line_spacing);
  place_block (&card->title, card->rect.x + pad, top);

  /* Markers along the bottom: counts in coloured pills, then vote dots. */
  counts[0] = tp->pain_points ? (int) g_strv_length (tp->pain_points) : 0;
  counts[1] = tp->opportunities ? (int) g_strv_length (tp->opportunities) : 0;
  counts[2] = tp->actions ? (int) journey_list_get_length (tp->actions) : 0;

  mx = card->rect.x + pad;
  card->n_markers = 0;
  for (int k = 0; k < 3; k++)
    {
      JourneyLayoutMarker *marker;
      double tw, w;

      if (counts[k] <= 0)
        continue;

      marker = &card->markers[card->n_markers];
      marker->kind = (JourneyMarkerKind) k;
      marker->count = counts[k];
      g_snprintf (marker->label, sizeof marker->label, "%d", MIN (counts[k], 999));
      tw = journey_text_measure (text, marker->label, style->caption_size, TRUE);
      w = MAX (style->marker_size, tw + 14);
      if (mx + w > card->rect.x + card->rect.width - pad)
        break;
      marker->rect.x = mx;
      marker->rect.y = markers_top;
      marker->rect.width = w;
      marker->rect.height = style->marker_size;
      marker->label_x = mx + (w - tw) / 2;
      mx += w + 6;
      card->n_markers++;
    }

  max_dots = card->major ? JOURNEY_LAYOUT_MAX_VOTE_DOTS : 3;
  if (tp->votes > 0)
    {
      JourneyLayoutMarker *marker = &card->markers[card->n_markers];
      guint dots = MIN ((guint) tp->votes, max_dots);
      double dot_w = 10;
      double w = dots * dot_w;
      double tw = 0;

      marker->label[0] = '\0';
      if ((guint) tp->votes > max_dots)
        {
          g_snprintf (marker->label, sizeof marker->label, "+%d", MIN (tp->votes - (int) max_dots, 9999));
          tw = journey_text_measure (text, marker->label, style->caption_size, FALSE);
          w += 2 + tw;
        }

      if (mx + w <= card->rect.x + card->rect.width - pad + 1)
        {
          marker->kind = JOURNEY_MARKER_VOTES;
          marker->count = tp->votes;
          marker->rect.x = mx + 2;
          marker->rect.y = markers_top;
          marker->rect.width = w;
          marker->rect.height = style->marker_size;
          marker->label_x = mx + 2 + dots * dot_w + 2;
          card->n_markers++;
        }
    }
}

/* Every card's contents, once the cards are in place.  @channels maps a
 * channel id to its name. */
void
journey_layout_fill_cards (JourneyLayout *self,
                           JourneyText   *text,
                           GHashTable    *channels)
{
  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      const char *channel = card->touchpoint->channel
        ? g_hash_table_lookup (channels, card->touchpoint->channel) : NULL;

      fill_card (self, text, card, channel);
    }
}
