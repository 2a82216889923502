/* journey-layout-cards.c: the cards of a map, the timeline's scale, the
 * lanes and what each card shows.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>

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
  return journey_layout_widen_for_rows (self, round (self->duration * ppu)) / self->duration;
}

/* A lane's name and kind in the label column. */
static void
label_lane (JourneyLayout     *self,
            JourneyText       *text,
            JourneyLayoutLane *ll)
{
  const JourneyStyle *style = &self->style;
  JourneyLane *lane = ll->lane;

  wrap_block (text, &ll->name, journey_lane_get_display_name (lane),
              style->lane_size, TRUE, style->label_column_width - 28, 2, style->line_spacing);
  /* The kind on two lines at most: some languages say it at length
   * ("Handlungen der Kundschaft"). */
  if (lane->name == NULL || g_utf8_collate (lane->name, lane_kind_name (lane->kind)) != 0)
    wrap_block (text, &ll->caption, lane_kind_name (lane->kind),
                style->caption_size, FALSE, style->label_column_width - 28, 2, style->line_spacing);
  else
    {
      empty_block (&ll->caption);
      ll->caption.size = style->caption_size;
      ll->caption.line_height = round (style->caption_size * style->line_spacing);
    }
}

/* The rows of lane @ll from @y down, each as deep as its deepest card:
 * @rows holds each row's height and gets its top.  Returns the lane's
 * height, with room for its name and kind in the label column. */
static double
stack_rows (JourneyLayout     *self,
            JourneyLayoutLane *ll,
            double             y,
            double            *rows)
{
  const JourneyStyle *style = &self->style;
  double h = style->card_gap;

  for (guint r = 0; r < ll->n_rows; r++)
    {
      double rh = rows[r];

      rows[r] = y + h;
      h += rh + style->card_gap;
    }
  if (ll->n_rows == 0)
    h += style->minor_height + style->card_gap;

  return MAX (h, 2 * style->card_gap + block_height (&ll->name) + 4 + block_height (&ll->caption));
}

/* The height of every row of the lanes @only marks (all without): rows of
 * lane l are @first_row[l] … @first_row[l + 1] - 1. */
static double *
row_heights (JourneyLayout  *self,
             const gboolean *only,
             guint          *first_row)
{
  double *rows;

  first_row[0] = 0;
  for (guint l = 0; l < self->n_lanes; l++)
    first_row[l + 1] = first_row[l] + self->lanes[l].n_rows;
  rows = g_new0 (double, first_row[self->n_lanes] + 1);
  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      double *rh = &rows[first_row[card->lane] + card->row];

      if (only == NULL || only[card->lane])
        *rh = MAX (*rh, card->rect.height);
    }
  return rows;
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
  g_autofree guint *first_row = g_new0 (guint, self->n_lanes + 1);
  g_autofree double *row_top = NULL;
  double y = top;

  journey_layout_pack_rows (self, NULL);
  row_top = row_heights (self, NULL, first_row);

  for (guint l = 0; l < self->n_lanes; l++)
    {
      JourneyLayoutLane *ll = &self->lanes[l];
      double h;

      ll->lane = journey_list_peek (map->lanes, l);
      ll->index = l;
      ll->kind = ll->lane->kind;
      label_lane (self, text, ll);
      h = stack_rows (self, ll, y, &row_top[first_row[l]]);

      ll->rect.x = style->margin;
      ll->rect.y = y;
      ll->rect.width = self->width - 2 * style->margin;
      ll->rect.height = h;
      ll->label = ll->rect;
      ll->label.width = style->label_column_width;
      place_block (&ll->name, style->margin + 18, y + style->card_gap);
      place_block (&ll->caption, style->margin + 18, y + style->card_gap + block_height (&ll->name) + 4);

      y += h;
    }

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      card->rect.y = row_top[first_row[card->lane] + card->row];
    }

  self->lanes_rect.x = style->margin;
  self->lanes_rect.y = top;
  self->lanes_rect.width = self->width - 2 * style->margin;
  self->lanes_rect.height = y - top;
}

/* The rows of the lanes @only marks again, for the cards' new places in
 * time, each lane where it is: each card's row and y.  Returns FALSE when
 * a lane would change its height (then lay the map out anew). */
gboolean
journey_layout_restack_lanes (JourneyLayout  *self,
                              const gboolean *only)
{
  g_autofree guint *first_row = g_new0 (guint, self->n_lanes + 1);
  g_autofree double *row_top = NULL;

  journey_layout_pack_rows (self, only);
  row_top = row_heights (self, only, first_row);

  for (guint l = 0; l < self->n_lanes; l++)
    {
      JourneyLayoutLane *ll = &self->lanes[l];

      if (only[l] && stack_rows (self, ll, ll->rect.y, &row_top[first_row[l]]) != ll->rect.height)
        return FALSE;
    }

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];

      if (only[card->lane])
        card->rect.y = row_top[first_row[card->lane] + card->row];
    }
  return TRUE;
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
  double right;
  int counts[3];
  guint max_dots;
  double level_w;

  /* The first line: the channel at the left, the evidence level at the
   * right. */
  level_w = journey_layout_place_level (self, text, card, top);
  if (channel_name != NULL && *channel_name)
    {
      wrap_block (text, &card->caption, channel_name, style->caption_size, FALSE, inner_w - level_w, 1,
                  style->line_spacing);
      place_block (&card->caption, card->rect.x + pad, top);
    }
  else
    empty_block (&card->caption);
  top += card->level_rect.height + 2;

  /* A clear gap between the last line of the title and the markers. */
  avail = markers_top - 10 - top;
  max_lines = (guint) MAX (1, floor (avail / line_h));
  max_lines = MIN (max_lines, style->max_title_lines);

  wrap_block (text, &card->title, tp->title, style->body_size, card->major, inner_w, max_lines, style->line_spacing);
  place_block (&card->title, card->rect.x + pad, top);

  /* The touchpoint's number in a badge at the bottom right, as wide as
   * the map's largest number needs, so it never moves as numbers change;
   * markers along the bottom up to it: counts in coloured pills, then vote
   * dots. */
  card->number_rect.width = self->number_width;
  card->number_rect.height = style->marker_size;
  card->number_rect.x = card->rect.x + card->rect.width - pad - self->number_width;
  card->number_rect.y = markers_top;
  right = card->number_rect.x - 6;

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
      if (mx + w > right)
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

      if (mx + w <= right + 1)
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

/* @card's contents, once it is in place.  @channels maps a channel id to
 * its name. */
void
journey_layout_fill_card (JourneyLayout     *self,
                          JourneyText       *text,
                          JourneyLayoutCard *card,
                          GHashTable        *channels)
{
  const char *channel = card->touchpoint->channel
    ? g_hash_table_lookup (channels, card->touchpoint->channel) : NULL;

  fill_card (self, text, card, channel);
}

/* Every card's contents, once the cards are in place. */
void
journey_layout_fill_cards (JourneyLayout *self,
                           JourneyText   *text,
                           GHashTable    *channels)
{
  for (guint c = 0; c < self->n_cards; c++)
    journey_layout_fill_card (self, text, &self->cards[c], channels);
}
