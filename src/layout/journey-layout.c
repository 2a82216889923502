/* journey-layout.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "journey-layout-private.h"

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
  .touch_target = 44,
  .max_title_lines = 3,

  .dense_timeline_width = 60000,
  .max_lane_rows = 3,

  .notes = JOURNEY_NOTES_AS_MAP,
  .note_width = 200,
  .note_padding = 8,
  .note_gap = 8,
  .max_note_lines = 4,
};

const JourneyStyle *
journey_style_get_default (void)
{
  return &default_style;
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
GHashTable *
journey_layout_index_channels (JourneyProject *project)
{
  GHashTable *channels = g_hash_table_new (g_str_hash, g_str_equal);

  if (project == NULL)
    return channels;

  for (guint i = 0; i < journey_list_get_length (project->channels); i++)
    {
      JourneyChannel *channel = journey_list_peek (project->channels, i);
      if (channel->id != NULL && !g_hash_table_contains (channels, channel->id))
        g_hash_table_insert (channels, channel->id, (gpointer) journey_channel_get_display_name (channel));
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
  if (style->fixed_px_per_unit > 0 && isfinite (style->fixed_px_per_unit))
    self->px_per_unit = style->fixed_px_per_unit;
  else
    self->px_per_unit = journey_layout_choose_scale (self, min_length);
  self->timeline_width = round (self->duration * self->px_per_unit);
  self->px_per_unit = self->timeline_width / self->duration;
  self->width = self->timeline_x + self->timeline_width + style->margin;
}

/* The serials of layouts (JourneyLayoutChanges): layouts are made on
 * other threads too. */
static gint last_serial;

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
  channels = journey_layout_index_channels (project);

  journey_layout_add_cards (self, map, lane_index);
  set_timeline (self, min_length);
  journey_layout_place_cards_in_time (self);

  journey_layout_place_title (self, text, map, project);
  y = self->title_rect.y + self->title_rect.height;
  journey_layout_place_stages (self, text, map, y);
  y += style->stage_band_height;
  journey_layout_place_band (self, text, map, y);
  y += self->band.rect.height;

  journey_layout_number_cards (self, text, map);
  journey_layout_stack_lanes (self, text, map, y);
  journey_layout_fill_cards (self, text, channels);
  journey_layout_place_notes (self, text, map, self->lanes_rect.y + self->lanes_rect.height);
  journey_layout_place_columns (self);
  journey_layout_place_lines (self, text);
  journey_layout_place_curves (self, map);
  journey_layout_place_rooms (self);

  y = self->notes_rect.y + self->notes_rect.height + 20;
  journey_layout_place_legend (self, text, y);
  y += self->legend_rect.height;

  self->height = ceil (y + style->margin);
  self->width = ceil (self->width);
  self->n_touchpoints = journey_list_get_length (map->touchpoints);
  self->touchpoints_stamp = journey_list_get_stamp (map->touchpoints);
  self->changes.serial = (guint) g_atomic_int_add (&last_serial, 1) + 1;

  return self;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

void
journey_layout_sort_indices (GArray *indices)
{
  guint *data = (guint *) (gpointer) indices->data;
  guint n = 0;

  g_array_sort (indices, compare_indices);
  for (guint i = 0; i < indices->len; i++)
    if (n == 0 || data[i] != data[n - 1])
      data[n++] = data[i];
  g_array_set_size (indices, n);
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

  journey_layout_clear_curves (self);
  journey_layout_clear_rooms (self);
  g_clear_pointer (&self->curve_order, g_array_unref);
  g_clear_pointer (&self->card_of, g_hash_table_unref);
  g_clear_pointer (&self->changes.cards, g_array_unref);
  g_clear_pointer (&self->changes.handles, g_array_unref);

  for (guint i = 0; i < self->n_legend; i++)
    journey_text_block_clear (&self->legend[i].text);
  g_free (self->legend);

  journey_layout_clear_notes (self);
  g_clear_pointer (&self->time_order, g_array_unref);

  g_free (self);
}

