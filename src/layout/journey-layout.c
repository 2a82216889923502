/* journey-layout.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-layout-private.h"

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

  .dense_timeline_width = 60000,
  .max_lane_rows = 3,
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

/* -- colours --------------------------------------------------------------- */

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


/* Every colour of the map, once the geometry is done: stages from their
 * own colour or the palette, text that reads on them, lanes from their
 * colour or their kind, cards from their stage, handles from their value. */
static void
layout_colors (JourneyLayout *self)
{
  for (guint i = 0; i < self->n_stages; i++)
    {
      JourneyLayoutStage *ls = &self->stages[i];

      ls->color = journey_layout_parse_color (ls->stage->color, stage_palette[i % G_N_ELEMENTS (stage_palette)]);
      ls->text_color = text_color_for (ls->color);
    }

  for (guint l = 0; l < self->n_lanes; l++)
    {
      JourneyLayoutLane *ll = &self->lanes[l];

      ll->color = journey_layout_parse_color (ll->lane->color, lane_default_color (ll->lane->kind));
    }

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];

      card->accent = card->stage >= 0 && (guint) card->stage < self->n_stages
                   ? self->stages[card->stage].color : stage_palette[0];
    }

  for (guint h = 0; h < self->n_handles; h++)
    {
      JourneyLayoutHandle *handle = &self->handles[h];

      handle->color = handle_color ((handle->value - self->band.min) / (double) (self->band.max - self->band.min));
    }
}

/* -- the layout ----------------------------------------------------------- */

/* The timeline's length, and its shortest stage (@min_length). */
static void
measure_time (JourneyLayout *self,
              JourneyMap    *map,
              double        *min_length)
{
  guint n_stages = journey_list_get_length (map->stages);

  *min_length = G_MAXDOUBLE;
  for (guint i = 0; i < n_stages; i++)
    *min_length = MIN (*min_length, journey_stage_get_span (journey_list_peek (map->stages, i)));

  self->duration = journey_map_get_duration (map);
  if (n_stages == 0 || !(self->duration > 0) || !isfinite (self->duration))
    {
      self->duration = 1;
      *min_length = 1;
    }
}

/* Lane id → index + 1, the first lane of an id winning (as in the model). */
static GHashTable *
index_lanes (JourneyLayout *self,
             JourneyMap    *map)
{
  GHashTable *lane_index = g_hash_table_new (g_str_hash, g_str_equal);

  self->n_lanes = journey_list_get_length (map->lanes);
  self->lanes = g_new0 (JourneyLayoutLane, MAX (self->n_lanes, 1));
  for (guint i = 0; i < self->n_lanes; i++)
    {
      JourneyLane *lane = journey_list_peek (map->lanes, i);
      if (lane->id != NULL && !g_hash_table_contains (lane_index, lane->id))
        g_hash_table_insert (lane_index, lane->id, GUINT_TO_POINTER (i + 1));
    }
  return lane_index;
}

/* Channel id → its name. */
static GHashTable *
index_channels (JourneyProject *project)
{
  GHashTable *channels = g_hash_table_new (g_str_hash, g_str_equal);

  if (project == NULL)
    return channels;

  for (guint i = 0; i < journey_list_get_length (project->channels); i++)
    {
      JourneyChannel *channel = journey_list_peek (project->channels, i);
      if (channel->id != NULL && !g_hash_table_contains (channels, channel->id))
        g_hash_table_insert (channels, channel->id, channel->name ? channel->name : channel->id);
    }
  return channels;
}

/* The timeline at the scale chosen for the cards. */
static void
set_timeline (JourneyLayout *self,
              double         min_length)
{
  const JourneyStyle *style = &self->style;

  self->timeline_x = style->margin + style->label_column_width;
  self->px_per_unit = journey_layout_choose_scale (self, min_length);
  self->timeline_width = round (self->duration * self->px_per_unit);
  self->px_per_unit = self->timeline_width / self->duration;
  self->width = self->timeline_x + self->timeline_width + style->margin;
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
  double min_length;
  double y;

  g_return_val_if_fail (JOURNEY_IS_MAP (map), NULL);

  if (style == NULL)
    style = journey_style_get_default ();

  self = g_new0 (JourneyLayout, 1);
  self->style = *style;
  self->map = map;
  style = &self->style;
  text = journey_text_get_for_thread (style->font_family);

  measure_time (self, map, &min_length);
  lane_index = index_lanes (self, map);
  channels = index_channels (project);

  journey_layout_add_cards (self, map, lane_index);
  set_timeline (self, min_length);
  journey_layout_place_cards_in_time (self);

  journey_layout_place_title (self, text, map, project);
  y = self->title_rect.y + self->title_rect.height;
  journey_layout_place_stages (self, text, map, y);
  y += style->stage_band_height;
  journey_layout_place_band (self, text, map, y);
  y += self->band.rect.height;

  journey_layout_stack_lanes (self, text, map, y);
  journey_layout_fill_cards (self, text, channels);
  journey_layout_place_columns (self);
  journey_layout_place_lines (self, text);
  journey_layout_place_curves (self, map);

  y = self->lanes_rect.y + self->lanes_rect.height + 20;
  journey_layout_place_legend (self, text, y);
  y += self->legend_rect.height;

  layout_colors (self);

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

