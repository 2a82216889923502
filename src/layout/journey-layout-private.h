/* journey-layout-private.h: what the files of the layout share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "journey-layout.h"
#include "journey-text.h"

G_BEGIN_DECLS

/*
 * journey_layout_new() runs these steps in order, each on what the ones
 * before it placed:
 *
 *   cards (journey-layout-cards.c)   one card per drawn touchpoint, its size
 *                                     and stage; the timeline's scale (wide
 *                                     enough for dense maps: rows.c)
 *   rows (journey-layout-rows.c)     the cards' places in time
 *   bands (journey-layout-bands.c)   title block, stage band, emotion band
 *   notes (journey-layout-notes.c)   the touchpoints' numbers
 *   cards, rows                      rows of cards in each lane, the lanes,
 *                                     the cards' contents
 *   notes                            note lanes under the lanes
 *   bands                            stage columns, blueprint lines
 *   curves (journey-layout-curves.c) curves, handles, gap flags
 *   room (journey-layout-room.c)     the room's rating beside the handles
 *   bands                            legend
 *
 * journey_layout_update() (journey-layout-update.c) redoes only the rows
 * and curves that cards moved in time, lane or value change.
 *
 * Conversions and hit testing are in journey-layout-coords.c.
 */

static inline double
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

static inline void
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

static inline void
empty_block (JourneyTextBlock *block)
{
  if (block->lines == NULL)
    block->lines = g_new0 (char *, 1);
}

static inline double
block_height (const JourneyTextBlock *block)
{
  return block->n_lines * block->line_height;
}

/* Places a block with its top edge at @top. */
static inline void
place_block (JourneyTextBlock *block,
             double            x,
             double            top)
{
  block->x = x;
  /* Baseline of the first line: centred in its line box, for a font whose
   * ascent is about 0.8 and descent 0.2 of its size. */
  block->baseline = round ((top + (block->line_height - block->size) / 2 + block->size * 0.8) * 100) / 100;
}

/* journey-layout.c */
GHashTable *journey_layout_index_channels (JourneyProject *project);

/* journey-layout-cards.c */
void   journey_layout_add_cards          (JourneyLayout  *self,
                                          JourneyMap     *map,
                                          GHashTable     *lane_index);
double journey_layout_choose_scale       (JourneyLayout  *self,
                                          double          min_length);
void   journey_layout_stack_lanes        (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyMap     *map,
                                          double          top);
void   journey_layout_fill_cards         (JourneyLayout  *self,
                                          JourneyText    *text,
                                          GHashTable     *channels);
void   journey_layout_fill_card          (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyLayoutCard *card,
                                          GHashTable     *channels);
gboolean journey_layout_restack_lanes    (JourneyLayout  *self,
                                          const gboolean *only);

/* journey-layout-rows.c */
double journey_layout_widen_for_rows     (JourneyLayout  *self,
                                          double          width0);
void   journey_layout_place_cards_in_time (JourneyLayout *self);
gboolean journey_layout_card_pin_moved   (JourneyLayout           *self,
                                          const JourneyLayoutCard *card);
void   journey_layout_pack_rows          (JourneyLayout  *self,
                                          const gboolean *only);
double journey_layout_card_left          (JourneyLayout  *self,
                                          const JourneyLayoutCard *card);

/* journey-layout-bands.c */
void   journey_layout_place_title        (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyMap     *map,
                                          JourneyProject *project);
void   journey_layout_place_stages       (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyMap     *map,
                                          double          top);
void   journey_layout_place_band         (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyMap     *map,
                                          double          top);
void   journey_layout_place_columns      (JourneyLayout  *self);
void   journey_layout_place_lines        (JourneyLayout  *self,
                                          JourneyText    *text);
void   journey_layout_place_legend       (JourneyLayout  *self,
                                          JourneyText    *text,
                                          double          top);
void   journey_layout_add_legend         (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyLegendKind kind,
                                          int             which,
                                          const char     *label);

/* journey-layout-notes.c */
void     journey_layout_number_cards     (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyMap     *map);
void     journey_layout_renumber_cards   (JourneyLayout  *self,
                                          JourneyMap     *map,
                                          JourneyTouchpoint *const *changed,
                                          guint           n_changed);
void     journey_layout_place_notes      (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyMap     *map,
                                          double          top);
gboolean journey_layout_move_notes       (JourneyLayout  *self,
                                          const gboolean *cards);
void     journey_layout_clear_notes      (JourneyLayout  *self);

/* journey-layout-level.c */
double journey_layout_place_level        (JourneyLayout  *self,
                                          JourneyText    *text,
                                          JourneyLayoutCard *card,
                                          double          top);
void   journey_layout_add_level_legend   (JourneyLayout  *self,
                                          JourneyText    *text,
                                          const gboolean *levels);

/* journey-layout-room.c */
void     journey_layout_place_rooms      (JourneyLayout  *self);
void     journey_layout_clear_rooms      (JourneyLayout  *self);
gboolean journey_layout_rooms_disagree   (JourneyLayout  *self);

/* journey-layout-curves.c */
void   journey_layout_place_curves       (JourneyLayout  *self,
                                          JourneyMap     *map);
gboolean journey_layout_patch_curves     (JourneyLayout  *self,
                                          const guint    *cards,
                                          guint           n_cards);
void   journey_layout_clear_curves       (JourneyLayout  *self);

G_END_DECLS
