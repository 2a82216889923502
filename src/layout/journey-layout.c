/* journey-layout.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "journey-layout.h"
#include "journey-text.h"

/* GNOME palette (HIG), the "3" shades: stages cycle through them. */
static const guint32 stage_palette[] = {
  0x3584e4, /* blue */
  0x2ec27e, /* green */
  0xe5a50a, /* yellow */
  0xe66100, /* orange */
  0xc01c28, /* red */
  0x813d9c, /* purple */
  0x865e3c, /* brown */
};

#define COLOR_DARK     0x241f31
#define COLOR_WHITE    0xffffff
#define COLOR_RED      0xe01b24
#define COLOR_GREY     0x9a9996
#define COLOR_GREEN    0x2ec27e

static const JourneyStyle default_style = {
  .font_family = "Cantarell, Noto Sans, sans-serif",
  .svg_font_family = "Cantarell, 'Noto Sans', sans-serif",

  .margin = 32,
  .title_size = 30,
  .subtitle_size = 16,
  .stage_size = 20,
  .lane_size = 17,
  .body_size = 16,
  .caption_size = 14,
  .line_spacing = 1.25,

  .label_column_width = 200,
  .stage_band_height = 56,
  .emotion_step_min = 26,
  .emotion_band_min = 220,
  .min_timeline_width = 1280,
  .max_timeline_width = 2400,
  .min_stage_width = 160,

  .card_radius = 10,
  .card_padding = 12,
  .card_gap = 14,
  .minor_width = 184,
  .minor_height = 136,
  .major_width = 236,
  .major_height = 156,
  .marker_size = 22,

  .handle_radius = 9,
  .hit_slop = 6,
  .max_title_lines = 3,
};

const JourneyStyle *
journey_style_get_default (void)
{
  return &default_style;
}

guint32
journey_layout_parse_color (const char *color,
                            guint32     fallback)
{
  guint32 value = 0;

  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return fallback;

  for (int i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (color[i]);
      if (d < 0)
        return fallback;
      value = (value << 4) | (guint32) d;
    }

  return value;
}

/* -- helpers -------------------------------------------------------------- */

static double
clampd (double v,
        double lo,
        double hi)
{
  if (!(v >= lo)) /* also NaN */
    return lo;
  if (v > hi)
    return hi;
  return v;
}

static double
channel_luminance (guint32 c)
{
  double v = c / 255.0;
  return v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static double
luminance (guint32 rgb)
{
  return 0.2126 * channel_luminance ((rgb >> 16) & 0xff)
       + 0.7152 * channel_luminance ((rgb >> 8) & 0xff)
       + 0.0722 * channel_luminance (rgb & 0xff);
}

/* Dark or white text, whichever contrasts more with @background. */
static guint32
text_color_for (guint32 background)
{
  double l = luminance (background);
  double white = 1.05 / (l + 0.05);

  /* Stage names are large, bold text: 3:1 is enough (WCAG AA), and white
   * on a saturated colour reads better than dark when both pass. */
  return white >= 3 ? COLOR_WHITE : COLOR_DARK;
}

static guint32
mix (guint32 a,
     guint32 b,
     double  t)
{
  guint32 out = 0;

  t = clampd (t, 0, 1);
  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double ca = (a >> shift) & 0xff;
      double cb = (b >> shift) & 0xff;
      guint32 c = (guint32) lround (ca + (cb - ca) * t);
      out |= (c & 0xff) << shift;
    }
  return out;
}

/* Red at the bottom of the scale, grey in the middle, green at the top. */
static guint32
handle_color (double fraction)
{
  if (fraction < 0.5)
    return mix (COLOR_RED, COLOR_GREY, fraction * 2);
  return mix (COLOR_GREY, COLOR_GREEN, (fraction - 0.5) * 2);
}

static guint32
lane_default_color (JourneyLaneKind kind)
{
  switch (kind)
    {
    case JOURNEY_LANE_PHYSICAL: return 0x9a9996;
    case JOURNEY_LANE_CUSTOMER: return 0x3584e4;
    case JOURNEY_LANE_ONSTAGE:  return 0x2ec27e;
    case JOURNEY_LANE_OFFSTAGE: return 0xe66100;
    case JOURNEY_LANE_SUPPORT:  return 0x813d9c;
    default:                    return 0x9a9996;
    }
}

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

static double
stage_length (JourneyStage *stage)
{
  if (stage != NULL && isfinite (stage->length) && stage->length > 0)
    return stage->length;
  return 1;
}

static void
wrap_block (JourneyText      *text,
            JourneyTextBlock *block,
            const char       *raw,
            double            size,
            gboolean          bold,
            double            width,
            guint             max_lines,
            double            line_spacing)
{
  g_autofree char *clean = journey_text_sanitize (raw, TRUE);

  journey_text_wrap (text, clean, size, bold, MAX (1, width), max_lines, block);
  block->line_height = round (size * line_spacing);
}

static void
empty_block (JourneyTextBlock *block)
{
  if (block->lines == NULL)
    block->lines = g_new0 (char *, 1);
}

static double
block_height (const JourneyTextBlock *block)
{
  return block->n_lines * block->line_height;
}

/* Places a block with its top edge at @top. */
static void
place_block (JourneyTextBlock *block,
             double            x,
             double            top)
{
  block->x = x;
  /* Baseline of the first line: centred in its line box, for a font whose
   * ascent is about 0.8 and descent 0.2 of its size. */
  block->baseline = round ((top + (block->line_height - block->size) / 2 + block->size * 0.8) * 100) / 100;
}

typedef struct
{
  guint  card;
  double left;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *sa = a, *sb = b;

  if (sa->left < sb->left)
    return -1;
  if (sa->left > sb->left)
    return 1;
  return sa->card < sb->card ? -1 : sa->card > sb->card;
}

typedef struct
{
  guint  card;
  double time;
} CurveItem;

static int
compare_curve_items (gconstpointer a,
                     gconstpointer b)
{
  const CurveItem *ca = a, *cb = b;

  if (ca->time < cb->time)
    return -1;
  if (ca->time > cb->time)
    return 1;
  return ca->card < cb->card ? -1 : ca->card > cb->card;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;
  return da < db ? -1 : da > db;
}

/* Monotone cubic interpolation (Fritsch & Carlson 1980): between two
 * points the curve never leaves the range of their values, so it never
 * overshoots the scale.  Fills the Bézier control points. */
static void
curve_compute_controls (JourneyLayoutCurve *curve)
{
  guint n = curve->n_points;
  g_autofree double *delta = NULL;
  g_autofree double *m = NULL;

  if (n < 2)
    return;

  delta = g_new0 (double, n - 1);
  m = g_new0 (double, n);

  for (guint k = 0; k + 1 < n; k++)
    {
      double h = curve->points[k + 1].x - curve->points[k].x;
      delta[k] = h > 1e-9 ? (curve->points[k + 1].y - curve->points[k].y) / h : 0;
    }

  m[0] = delta[0];
  m[n - 1] = delta[n - 2];
  for (guint k = 1; k + 1 < n; k++)
    {
      if (delta[k - 1] * delta[k] <= 0)
        m[k] = 0;
      else
        m[k] = (delta[k - 1] + delta[k]) / 2;
    }

  for (guint k = 0; k + 1 < n; k++)
    {
      if (delta[k] == 0)
        {
          m[k] = 0;
          m[k + 1] = 0;
        }
    }

  for (guint k = 0; k + 1 < n; k++)
    {
      double a, b, s;

      if (delta[k] == 0)
        continue;
      a = m[k] / delta[k];
      b = m[k + 1] / delta[k];
      s = a * a + b * b;
      if (s > 9)
        {
          double tau = 3 / sqrt (s);
          m[k] = tau * a * delta[k];
          m[k + 1] = tau * b * delta[k];
        }
    }

  for (guint k = 0; k + 1 < n; k++)
    {
      JourneyPoint p0 = curve->points[k];
      JourneyPoint p1 = curve->points[k + 1];
      double h = p1.x - p0.x;

      curve->c1[k].x = p0.x + h / 3;
      curve->c1[k].y = p0.y + m[k] * h / 3;
      curve->c2[k].x = p1.x - h / 3;
      curve->c2[k].y = p1.y - m[k + 1] * h / 3;
    }
}

static void
curve_alloc (JourneyLayoutCurve *curve,
             JourneyCurveKind    kind,
             guint               n)
{
  static const char *classes[] = { "as-is", "to-be", "measured" };

  curve->kind = kind;
  curve->css_class = classes[kind];
  curve->n_points = 0;
  curve->points = g_new0 (JourneyPoint, MAX (n, 1));
  curve->c1 = g_new0 (JourneyPoint, MAX (n, 1));
  curve->c2 = g_new0 (JourneyPoint, MAX (n, 1));
  curve->cards = g_new0 (guint, MAX (n, 1));
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

/* -- the layout ----------------------------------------------------------- */

/* Where a card's centre goes for a time at @tx: at @tx itself, except near
 * the ends of the timeline, where the cards would stick out.  There the
 * times are squeezed at half rate into [lo, …] and […, hi], so the centres
 * stay in time order and two different times never share an x (which a
 * plain clamp would do, putting a vertical step in the curve). */
static double
card_centre (JourneyLayout *self,
             double         tx,
             double         lo,
             double         hi)
{
  double x0 = self->timeline_x;
  double x1 = self->timeline_x + self->timeline_width;
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

static double
choose_px_per_unit (JourneyLayout      *self,
                    JourneyMap         *map,
                    GHashTable         *lane_index,
                    double              min_length)
{
  const JourneyStyle *style = &self->style;
  guint n_tp = journey_list_get_length (map->touchpoints);
  double ppu = style->min_timeline_width / self->duration;
  double cap = MAX (style->max_timeline_width, style->min_timeline_width) / self->duration;
  g_autoptr(GArray) needs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *last_time = NULL;

  /* Every stage wide enough for its name, within reason. */
  ppu = MAX (ppu, MIN (style->min_stage_width / min_length, cap));

  /* Wide enough that most neighbours in a lane sit side by side rather
   * than stacked (the median), but not wider than a slide allows. */
  last_time = g_new (double, self->n_lanes + 1);
  for (guint i = 0; i <= self->n_lanes; i++)
    last_time[i] = NAN;

  {
    g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (CurveItem), n_tp);

    for (guint i = 0; i < n_tp; i++)
      {
        JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
        gpointer lane = tp->lane ? g_hash_table_lookup (lane_index, tp->lane) : NULL;
        CurveItem item = { lane ? GPOINTER_TO_UINT (lane) - 1 : self->n_lanes, clampd (tp->time, 0, self->duration) };
        g_array_append_val (items, item);
      }
    g_array_sort (items, compare_curve_items);

    for (guint i = 0; i < items->len; i++)
      {
        CurveItem *item = &g_array_index (items, CurveItem, i);
        double prev = last_time[item->card];

        if (!isnan (prev) && item->time - prev > 1e-9)
          {
            double need = (style->minor_width + style->card_gap) / (item->time - prev);
            g_array_append_val (needs, need);
          }
        last_time[item->card] = item->time;
      }
  }

  if (needs->len > 0)
    {
      double median;

      g_array_sort (needs, compare_doubles);
      median = g_array_index (needs, double, needs->len / 2);
      ppu = MAX (ppu, MIN (median, cap));
    }

  return ppu;
}

static void
layout_title_block (JourneyLayout  *self,
                    JourneyText    *text,
                    JourneyMap     *map,
                    JourneyProject *project)
{
  const JourneyStyle *style = &self->style;
  double inner = self->width - 2 * style->margin;
  double left_w = floor (inner * 0.58);
  double right_x = style->margin + left_w + 32;
  double right_w = inner - left_w - 32;
  double y = style->margin;
  double left_h, right_h;
  const char *persona_name = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *scope = NULL;

  wrap_block (text, &self->title, map->title, style->title_size, TRUE, left_w, 3, 1.2);
  place_block (&self->title, style->margin, y);
  left_h = block_height (&self->title);

  if (project != NULL && map->persona != NULL)
    {
      JourneyPersona *persona = journey_project_find_persona (project, map->persona);
      if (persona != NULL)
        persona_name = persona->name ? persona->name : persona->id;
    }
  if (persona_name != NULL && *persona_name)
    {
      g_autofree char *s = g_strdup_printf (_("Persona: %s"), persona_name);
      wrap_block (text, &self->persona, s, style->subtitle_size, FALSE, left_w, 2, style->line_spacing);
      place_block (&self->persona, style->margin, y + left_h + 6);
      left_h += 6 + block_height (&self->persona);
    }
  else
    empty_block (&self->persona);

  right_h = 0;
  if (map->objective != NULL && *map->objective)
    {
      objective = g_strdup_printf (_("Objective: %s"), map->objective);
      wrap_block (text, &self->objective, objective, style->subtitle_size, FALSE, right_w, 3, style->line_spacing);
      place_block (&self->objective, right_x, y + 4);
      right_h = 4 + block_height (&self->objective);
    }
  else
    empty_block (&self->objective);

  if (map->scope != NULL && *map->scope)
    {
      scope = g_strdup_printf (_("Scope: %s"), map->scope);
      wrap_block (text, &self->scope, scope, style->subtitle_size, FALSE, right_w, 3, style->line_spacing);
      place_block (&self->scope, right_x, y + right_h + (right_h > 0 ? 6 : 4));
      right_h += (right_h > 0 ? 6 : 4) + block_height (&self->scope);
    }
  else
    empty_block (&self->scope);

  self->title_rect.x = style->margin;
  self->title_rect.y = y;
  self->title_rect.width = inner;
  self->title_rect.height = MAX (MAX (left_h, right_h), style->title_size * 1.2) + 20;
}

static void
layout_card_contents (JourneyLayout     *self,
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

static void
add_legend (JourneyLayout     *self,
            JourneyText       *text,
            JourneyLegendKind  kind,
            int                which,
            const char        *label)
{
  JourneyLayoutLegendEntry *entry = &self->legend[self->n_legend++];

  entry->kind = kind;
  entry->which = which;
  wrap_block (text, &entry->text, label, self->style.caption_size, FALSE, 400, 1, self->style.line_spacing);
}

JourneyLayout *
journey_layout_new (JourneyMap         *map,
                    JourneyProject     *project,
                    const JourneyStyle *style)
{
  JourneyLayout *self;
  JourneyText *text;
  g_autoptr(GHashTable) lane_index = NULL;
  g_autoptr(GHashTable) channels = NULL;
  g_autofree int *card_of_tp = NULL;
  guint n_tp, n_stages, n_lanes;
  double min_length = G_MAXDOUBLE;
  double y;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  if (style == NULL)
    style = journey_style_get_default ();

  self = g_new0 (JourneyLayout, 1);
  self->style = *style;
  self->map = map;
  style = &self->style;
  text = journey_text_get_for_thread (style->font_family);

  n_stages = journey_list_get_length (map->stages);
  n_lanes = journey_list_get_length (map->lanes);
  n_tp = journey_list_get_length (map->touchpoints);

  /* Time. */
  self->duration = 0;
  for (guint i = 0; i < n_stages; i++)
    {
      double len = stage_length (journey_list_peek (map->stages, i));
      self->duration += len;
      min_length = MIN (min_length, len);
    }
  if (n_stages == 0 || !(self->duration > 0) || !isfinite (self->duration))
    {
      self->duration = 1;
      min_length = 1;
    }

  lane_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->n_lanes = n_lanes;
  self->lanes = g_new0 (JourneyLayoutLane, MAX (n_lanes, 1));
  for (guint i = 0; i < n_lanes; i++)
    {
      JourneyLane *lane = journey_list_peek (map->lanes, i);
      if (lane->id != NULL && !g_hash_table_contains (lane_index, lane->id))
        g_hash_table_insert (lane_index, lane->id, GUINT_TO_POINTER (i + 1));
    }

  channels = g_hash_table_new (g_str_hash, g_str_equal);
  if (project != NULL)
    {
      for (guint i = 0; i < journey_list_get_length (project->channels); i++)
        {
          JourneyChannel *channel = journey_list_peek (project->channels, i);
          if (channel->id != NULL && !g_hash_table_contains (channels, channel->id))
            g_hash_table_insert (channels, channel->id, channel->name ? channel->name : channel->id);
        }
    }

  self->px_per_unit = choose_px_per_unit (self, map, lane_index, min_length);
  self->timeline_width = round (self->duration * self->px_per_unit);
  self->px_per_unit = self->timeline_width / self->duration;
  self->timeline_x = style->margin + style->label_column_width;
  self->width = self->timeline_x + self->timeline_width + style->margin;

  /* Title block. */
  layout_title_block (self, text, map, project);
  y = self->title_rect.y + self->title_rect.height;

  /* Stage band. */
  self->stage_band.x = self->timeline_x;
  self->stage_band.y = y;
  self->stage_band.width = self->timeline_width;
  self->stage_band.height = style->stage_band_height;
  self->n_stages = n_stages;
  self->stages = g_new0 (JourneyLayoutStage, MAX (n_stages, 1));
  {
    double start = 0;

    for (guint i = 0; i < n_stages; i++)
      {
        JourneyStage *stage = journey_list_peek (map->stages, i);
        JourneyLayoutStage *ls = &self->stages[i];
        double x0, x1;

        ls->stage = stage;
        ls->index = i;
        ls->start = start;
        start += stage_length (stage);
        ls->end = i + 1 == n_stages ? self->duration : start;
        x0 = journey_layout_x_for_time (self, ls->start);
        x1 = journey_layout_x_for_time (self, ls->end);
        ls->header.x = x0;
        ls->header.y = y;
        ls->header.width = x1 - x0;
        ls->header.height = style->stage_band_height;
        ls->color = journey_layout_parse_color (stage->color, stage_palette[i % G_N_ELEMENTS (stage_palette)]);
        ls->text_color = text_color_for (ls->color);
        wrap_block (text, &ls->name, stage->name ? stage->name : stage->id,
                    style->stage_size, TRUE, ls->header.width - 28, 1, style->line_spacing);
        place_block (&ls->name, x0 + 14, y + (style->stage_band_height - ls->name.line_height) / 2);
      }
  }
  y += style->stage_band_height;

  /* Emotion band. */
  {
    JourneyScale *scale = map->scale;
    int min = scale ? scale->min : 1;
    int max = scale ? scale->max : 5;
    gboolean scale_ok = scale != NULL && max > min && max - min <= 100;
    guint n_steps;
    double h;

    if (!scale_ok)
      {
        min = 1;
        max = 5;
      }
    n_steps = (guint) (max - min + 1);
    h = MAX (style->emotion_band_min, (n_steps - 1) * style->emotion_step_min + style->emotion_step_min + 8);

    self->band.rect.x = self->timeline_x;
    self->band.rect.y = y;
    self->band.rect.width = self->timeline_width;
    self->band.rect.height = h;
    self->band.min = min;
    self->band.max = max;
    self->band.n_steps = n_steps;
    self->band.step_y = g_new0 (double, n_steps);
    self->band.labels = g_new0 (JourneyTextBlock, n_steps);

    for (guint i = 0; i < n_steps; i++)
      {
        int value = min + (int) i;
        g_autofree char *number = NULL;
        const char *label = NULL;
        JourneyTextBlock *block = &self->band.labels[i];

        self->band.step_y[i] = journey_layout_y_for_value (self, value);
        if (scale_ok)
          label = journey_scale_get_label (scale, value);
        if (label == NULL || *label == '\0')
          label = number = g_strdup_printf ("%d", value);

        wrap_block (text, block, label, style->caption_size, FALSE,
                    style->label_column_width - 24, 1, style->line_spacing);
        place_block (block, style->margin + 12, self->band.step_y[i] - block->line_height / 2);
      }
    self->band.neutral_y = journey_layout_y_for_value (self, (min + max) / 2.0);
    y += h;
  }

  /* Cards: sizes and horizontal places first, then stacking per lane. */
  card_of_tp = g_new (int, MAX (n_tp, 1));
  self->cards = g_new0 (JourneyLayoutCard, MAX (n_tp, 1));
  self->n_cards = 0;
  {
    double lo = self->timeline_x + style->card_gap + style->major_width / 2;
    double hi = self->timeline_x + self->timeline_width - style->card_gap - style->major_width / 2;
    g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (SortItem), n_tp);
    g_autoptr(GArray) row_right = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) row_height = g_array_new (FALSE, FALSE, sizeof (double));
    g_autofree guint *lane_start = g_new0 (guint, n_lanes + 2);

    if (hi < lo)
      lo = hi = self->timeline_x + self->timeline_width / 2;

    for (guint i = 0; i < n_tp; i++)
      {
        JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, i);
        gpointer li = tp->lane ? g_hash_table_lookup (lane_index, tp->lane) : NULL;
        JourneyLayoutCard *card;
        double cx;
        int stage = 0;

        card_of_tp[i] = -1;
        if (li == NULL)
          continue;

        card = &self->cards[self->n_cards];
        card->touchpoint = tp;
        card->index = i;
        card->lane = (int) GPOINTER_TO_UINT (li) - 1;
        card->major = tp->weight == JOURNEY_WEIGHT_MAJOR;
        card->handle = -1;
        card->rect.width = card->major ? style->major_width : style->minor_width;
        card->rect.height = card->major ? style->major_height : style->minor_height;
        cx = card_centre (self, journey_layout_x_for_time (self, tp->time), lo, hi);
        card->rect.x = cx - card->rect.width / 2;

        for (guint s = 0; s < n_stages; s++)
          {
            stage = (int) s;
            if (clampd (tp->time, 0, self->duration) < self->stages[s].end)
              break;
          }
        card->stage = n_stages > 0 ? stage : -1;
        card->accent = n_stages > 0 ? self->stages[stage].color : stage_palette[0];

        card_of_tp[i] = (int) self->n_cards;
        self->n_cards++;
      }

    /* Bucket the cards by lane, each bucket sorted by left edge. */
    for (guint c = 0; c < self->n_cards; c++)
      lane_start[self->cards[c].lane + 1]++;
    for (guint l = 0; l < n_lanes; l++)
      lane_start[l + 1] += lane_start[l];
    g_array_set_size (items, self->n_cards);
    {
      g_autofree guint *fill = g_memdup2 (lane_start, sizeof (guint) * (n_lanes + 1));
      for (guint c = 0; c < self->n_cards; c++)
        {
          SortItem *item = &g_array_index (items, SortItem, fill[self->cards[c].lane]++);
          item->card = c;
          item->left = self->cards[c].rect.x;
        }
    }

    for (guint l = 0; l < n_lanes; l++)
      {
        JourneyLayoutLane *ll = &self->lanes[l];
        JourneyLane *lane = journey_list_peek (map->lanes, l);
        guint first = lane_start[l], last = lane_start[l + 1];
        guint n_rows = 0;
        double h, row_y;

        if (last > first)
          qsort (&g_array_index (items, SortItem, first), last - first, sizeof (SortItem), compare_sort_items);

        /* First fit by left edge: the fewest rows for intervals. */
        g_array_set_size (row_right, 0);
        g_array_set_size (row_height, 0);
        for (guint k = first; k < last; k++)
          {
            JourneyLayoutCard *card = &self->cards[g_array_index (items, SortItem, k).card];
            guint r;

            for (r = 0; r < n_rows; r++)
              if (g_array_index (row_right, double, r) + style->card_gap <= card->rect.x + 1e-6)
                break;
            if (r == n_rows)
              {
                double zero = 0, minus = -G_MAXDOUBLE;
                g_array_append_val (row_right, minus);
                g_array_append_val (row_height, zero);
                n_rows++;
              }
            card->row = r;
            g_array_index (row_right, double, r) = card->rect.x + card->rect.width;
            g_array_index (row_height, double, r) = MAX (g_array_index (row_height, double, r), card->rect.height);
          }

        ll->lane = lane;
        ll->index = l;
        ll->kind = lane->kind;
        ll->n_rows = n_rows;
        ll->color = journey_layout_parse_color (lane->color, lane_default_color (lane->kind));

        h = style->card_gap;
        for (guint r = 0; r < n_rows; r++)
          {
            double rh = g_array_index (row_height, double, r);
            g_array_index (row_right, double, r) = y + h; /* reuse: row tops */
            h += rh + style->card_gap;
          }
        if (n_rows == 0)
          h += style->minor_height + style->card_gap;

        /* Room for the lane's name and kind in the label column. */
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
            JourneyLayoutCard *card = &self->cards[g_array_index (items, SortItem, k).card];
            row_y = g_array_index (row_right, double, card->row);
            card->rect.y = row_y;
          }

        y += h;
      }

    self->lanes_rect.x = style->margin;
    self->lanes_rect.y = self->band.rect.y + self->band.rect.height;
    self->lanes_rect.width = self->width - 2 * style->margin;
    self->lanes_rect.height = y - self->lanes_rect.y;
  }

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      const char *channel = card->touchpoint->channel
        ? g_hash_table_lookup (channels, card->touchpoint->channel) : NULL;
      layout_card_contents (self, text, card, channel);
    }

  for (guint i = 0; i < n_stages; i++)
    {
      JourneyLayoutStage *ls = &self->stages[i];
      ls->column.x = ls->header.x;
      ls->column.y = self->band.rect.y;
      ls->column.width = ls->header.width;
      ls->column.height = y - self->band.rect.y;
    }

  /* Blueprint lines where the lane kinds cross a line. */
  self->lines = g_new0 (JourneyLayoutLine, MAX (3 * n_lanes, 1));
  for (guint l = 0; l + 1 < n_lanes; l++)
    {
      JourneyLaneKind a = self->lanes[l].kind, b = self->lanes[l + 1].kind;
      double boundary = self->lanes[l + 1].rect.y;
      double label_x = self->timeline_x + 12;
      guint at_boundary = 0;

      for (int k = 0; k < 3; k++)
        {
          static const char *classes[] = {
            "line-of-interaction", "line-of-visibility", "line-of-internal-interaction",
          };
          JourneyLaneKind above = (JourneyLaneKind) (JOURNEY_LANE_CUSTOMER + k);
          JourneyLayoutLine *line;
          const char *label;

          if (!((int) a <= (int) above && (int) b > (int) above))
            continue;

          line = &self->lines[self->n_lines++];
          line->kind = (JourneyBlueprintLineKind) k;
          line->css_class = classes[k];
          line->x0 = style->margin;
          line->x1 = self->width - style->margin;
          line->y = boundary + at_boundary * 6;
          label = k == 0 ? _("Line of interaction")
                : k == 1 ? _("Line of visibility")
                : _("Line of internal interaction");
          wrap_block (text, &line->label, label, style->caption_size, FALSE, 400, 1, style->line_spacing);
          line->label_rect.x = label_x;
          line->label_rect.width = line->label.width + 16;
          line->label_rect.height = line->label.line_height + 2;
          line->label_rect.y = line->y - line->label_rect.height / 2;
          place_block (&line->label, label_x + 8, line->label_rect.y + 1);
          label_x += line->label_rect.width + 12;
          at_boundary++;
        }
    }

  /* Curves, in time order through the customer and onstage touchpoints. */
  {
    g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (CurveItem));
    double fifth = (self->band.max - self->band.min) / 5.0;

    for (guint c = 0; c < self->n_cards; c++)
      {
        JourneyLayoutCard *card = &self->cards[c];
        if (journey_lane_kind_is_on_curve (self->lanes[card->lane].kind))
          {
            CurveItem item = { c, card->touchpoint->time };
            g_array_append_val (items, item);
          }
      }
    g_array_sort (items, compare_curve_items);

    for (int k = 0; k < JOURNEY_N_CURVES; k++)
      curve_alloc (&self->curves[k], (JourneyCurveKind) k, items->len);
    self->handles = g_new0 (JourneyLayoutHandle, MAX (items->len, 1));
    self->flags = g_new0 (JourneyLayoutFlag, MAX (items->len, 1));

    for (guint i = 0; i < items->len; i++)
      {
        guint c = g_array_index (items, CurveItem, i).card;
        JourneyLayoutCard *card = &self->cards[c];
        JourneyTouchpoint *tp = card->touchpoint;
        double x = card->rect.x + card->rect.width / 2;
        double value = isfinite (tp->satisfaction) ? clampd (tp->satisfaction, self->band.min, self->band.max)
                                                   : (self->band.min + self->band.max) / 2.0;
        double hy = journey_layout_y_for_value (self, value);
        JourneyLayoutHandle *handle = &self->handles[self->n_handles];

        curve_add (&self->curves[JOURNEY_CURVE_AS_IS], x, hy, c);

        handle->touchpoint = tp;
        handle->card = c;
        handle->x = x;
        handle->y = hy;
        handle->radius = card->major ? style->handle_radius + 2 : style->handle_radius;
        handle->value = value;
        handle->color = handle_color ((value - self->band.min) / (double) (self->band.max - self->band.min));
        card->handle = (int) self->n_handles;
        self->n_handles++;

        if (isfinite (tp->target))
          curve_add (&self->curves[JOURNEY_CURVE_TO_BE], x,
                     journey_layout_y_for_value (self, tp->target), c);

        if (tp->evidence != NULL && isfinite (tp->evidence->mean))
          {
            double measured = clampd (tp->evidence->mean, self->band.min, self->band.max);
            double my = journey_layout_y_for_value (self, measured);

            curve_add (&self->curves[JOURNEY_CURVE_MEASURED], x, my, c);

            if (fabs (measured - value) >= fifth - 1e-9)
              {
                JourneyLayoutFlag *flag = &self->flags[self->n_flags++];

                flag->card = c;
                flag->x = x;
                flag->y_hypothesis = hy;
                flag->y_measured = my;
                flag->gap = measured - value;
                g_snprintf (flag->label, sizeof flag->label, "%+.1f", flag->gap);
                flag->rect.width = 50;
                flag->rect.height = 22;
                flag->rect.x = x + 8;
                flag->rect.y = (hy + my) / 2 - flag->rect.height / 2;
              }
          }
      }

    for (int k = 0; k < JOURNEY_N_CURVES; k++)
      curve_compute_controls (&self->curves[k]);
  }

  /* Legend: the curves drawn, the gap flag, the markers used. */
  {
    gboolean used[4] = { FALSE, FALSE, FALSE, FALSE };
    double x, row_y;
    double legend_h = round (style->caption_size * style->line_spacing);

    for (guint c = 0; c < self->n_cards; c++)
      for (guint m = 0; m < self->cards[c].n_markers; m++)
        used[self->cards[c].markers[m].kind] = TRUE;

    self->legend = g_new0 (JourneyLayoutLegendEntry, JOURNEY_N_CURVES + 1 + 4);
    if (self->curves[JOURNEY_CURVE_AS_IS].n_points > 0)
      add_legend (self, text, JOURNEY_LEGEND_CURVE, JOURNEY_CURVE_AS_IS, _("As-is (hypothesis)"));
    if (self->curves[JOURNEY_CURVE_MEASURED].n_points > 0)
      add_legend (self, text, JOURNEY_LEGEND_CURVE, JOURNEY_CURVE_MEASURED, _("Measured (evidence)"));
    if (self->curves[JOURNEY_CURVE_TO_BE].n_points > 0)
      add_legend (self, text, JOURNEY_LEGEND_CURVE, JOURNEY_CURVE_TO_BE, _("To-be (target)"));
    if (self->n_flags > 0)
      add_legend (self, text, JOURNEY_LEGEND_FLAG, 0, _("Gap of a fifth of the scale or more"));
    if (used[JOURNEY_MARKER_PAIN_POINTS])
      add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_PAIN_POINTS, _("Pain points"));
    if (used[JOURNEY_MARKER_OPPORTUNITIES])
      add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_OPPORTUNITIES, _("Opportunities"));
    if (used[JOURNEY_MARKER_ACTIONS])
      add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_ACTIONS, _("Actions"));
    if (used[JOURNEY_MARKER_VOTES])
      add_legend (self, text, JOURNEY_LEGEND_MARKER, JOURNEY_MARKER_VOTES, _("Votes"));

    y += 20;
    x = style->margin;
    row_y = y;
    for (guint i = 0; i < self->n_legend; i++)
      {
        JourneyLayoutLegendEntry *entry = &self->legend[i];
        double swatch_w = entry->kind == JOURNEY_LEGEND_CURVE ? 44 : 22;
        double w = swatch_w + 8 + entry->text.width + 28;

        if (x + w > self->width - style->margin && x > style->margin)
          {
            x = style->margin;
            row_y += legend_h + 10;
          }
        entry->swatch.x = x;
        entry->swatch.width = swatch_w;
        entry->swatch.height = entry->kind == JOURNEY_LEGEND_CURVE ? 4 : 18;
        entry->swatch.y = row_y + (legend_h - entry->swatch.height) / 2;
        place_block (&entry->text, x + swatch_w + 8, row_y);
        x += w;
      }

    self->legend_rect.x = style->margin;
    self->legend_rect.y = y;
    self->legend_rect.width = self->width - 2 * style->margin;
    self->legend_rect.height = self->n_legend > 0 ? row_y + legend_h - y : 0;
    y += self->legend_rect.height;
  }

  self->height = ceil (y + style->margin);
  self->width = ceil (self->width);

  return self;
}

void
journey_layout_free (JourneyLayout *self)
{
  if (self == NULL)
    return;

  journey_text_block_clear (&self->title);
  journey_text_block_clear (&self->persona);
  journey_text_block_clear (&self->objective);
  journey_text_block_clear (&self->scope);

  for (guint i = 0; i < self->n_stages; i++)
    journey_text_block_clear (&self->stages[i].name);
  g_free (self->stages);

  for (guint i = 0; i < self->band.n_steps; i++)
    journey_text_block_clear (&self->band.labels[i]);
  g_free (self->band.labels);
  g_free (self->band.step_y);

  for (guint i = 0; i < self->n_lanes; i++)
    {
      journey_text_block_clear (&self->lanes[i].name);
      journey_text_block_clear (&self->lanes[i].caption);
    }
  g_free (self->lanes);

  for (guint i = 0; i < self->n_lines; i++)
    journey_text_block_clear (&self->lines[i].label);
  g_free (self->lines);

  for (guint i = 0; i < self->n_cards; i++)
    {
      journey_text_block_clear (&self->cards[i].title);
      journey_text_block_clear (&self->cards[i].caption);
    }
  g_free (self->cards);

  for (int k = 0; k < JOURNEY_N_CURVES; k++)
    {
      g_free (self->curves[k].points);
      g_free (self->curves[k].c1);
      g_free (self->curves[k].c2);
      g_free (self->curves[k].cards);
    }

  g_free (self->handles);
  g_free (self->flags);

  for (guint i = 0; i < self->n_legend; i++)
    journey_text_block_clear (&self->legend[i].text);
  g_free (self->legend);

  g_free (self);
}

static gboolean
rect_contains (const JourneyRect *r,
               double             x,
               double             y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

JourneyHitKind
journey_layout_hit_test (JourneyLayout *self,
                         double         x,
                         double         y,
                         JourneyHit    *hit)
{
  JourneyHit dummy;
  double slop;

  g_return_val_if_fail (self != NULL, JOURNEY_HIT_NONE);

  if (hit == NULL)
    hit = &dummy;
  hit->kind = JOURNEY_HIT_NONE;
  hit->index = 0;
  slop = self->style.hit_slop;

  /* Handles first: they are small and drawn on top. */
  {
    double best = G_MAXDOUBLE;
    for (guint i = 0; i < self->n_handles; i++)
      {
        JourneyLayoutHandle *h = &self->handles[i];
        double dx = x - h->x, dy = y - h->y;
        double d2 = dx * dx + dy * dy;
        double r = h->radius + slop;

        if (d2 <= r * r && d2 < best)
          {
            best = d2;
            hit->kind = JOURNEY_HIT_HANDLE;
            hit->index = i;
          }
      }
    if (hit->kind != JOURNEY_HIT_NONE)
      return hit->kind;
  }

  /* The end of a stage, in the stage band. */
  if (y >= self->stage_band.y && y < self->stage_band.y + self->stage_band.height)
    {
      for (guint i = 0; i < self->n_stages; i++)
        {
          double bx = self->stages[i].header.x + self->stages[i].header.width;
          if (fabs (x - bx) <= slop)
            {
              hit->kind = JOURNEY_HIT_STAGE_BOUNDARY;
              hit->index = i;
              return hit->kind;
            }
        }
      for (guint i = 0; i < self->n_stages; i++)
        if (rect_contains (&self->stages[i].header, x, y))
          {
            hit->kind = JOURNEY_HIT_STAGE;
            hit->index = i;
            return hit->kind;
          }
    }

  /* Cards never overlap; the last drawn wins anyway. */
  if (y >= self->lanes_rect.y && y < self->lanes_rect.y + self->lanes_rect.height)
    {
      for (guint i = self->n_cards; i-- > 0;)
        if (rect_contains (&self->cards[i].rect, x, y))
          {
            hit->kind = JOURNEY_HIT_CARD;
            hit->index = i;
            return hit->kind;
          }

      for (guint i = 0; i < self->n_lanes; i++)
        if (rect_contains (&self->lanes[i].rect, x, y))
          {
            hit->kind = JOURNEY_HIT_LANE;
            hit->index = i;
            return hit->kind;
          }
    }

  return JOURNEY_HIT_NONE;
}
