/* journey-layout-notes.c: the touchpoints' numbers, and their pain points,
 * opportunities and actions as notes in lanes under the blueprint (SPEC §9
 * "Notes on the map" and "Numbers and rounding").
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "journey-layout-private.h"

/**
 * journey_layout_shows_notes:
 * @map: a map
 * @style: (nullable): the style it is laid out with
 *
 * Returns: whether @map laid out with @style has note lanes: as the map's
 *   "show_notes" says, unless the style overrides it
 */
gboolean
journey_layout_shows_notes (JourneyMap         *map,
                            const JourneyStyle *style)
{
  g_return_val_if_fail (JOURNEY_IS_MAP (map), FALSE);

  if (style == NULL)
    style = journey_style_get_default ();

  switch (style->notes)
    {
    case JOURNEY_NOTES_SHOWN:
      return TRUE;
    case JOURNEY_NOTES_HIDDEN:
      return FALSE;
    case JOURNEY_NOTES_AS_MAP:
    default:
      return map->show_notes;
    }
}

/* -- numbers -------------------------------------------------------------- */

/* Each card's number from self->time_order.  Returns whether one changed. */
static gboolean
apply_numbers (JourneyLayout *self,
               guint          n_touchpoints)
{
  g_autofree guint *number = g_new0 (guint, MAX (n_touchpoints, 1));
  gboolean changed = FALSE;

  for (guint k = 0; k < self->time_order->len; k++)
    number[g_array_index (self->time_order, guint, k)] = k + 1;

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      guint n = number[card->index];

      if (card->number != n)
        {
          card->number = n;
          g_snprintf (card->number_label, sizeof card->number_label, "%u", n);
          changed = TRUE;
        }
    }
  return changed;
}

/* Every card's number, and the width of a number's badge: enough for the
 * largest number of the map, so that a badge never changes its size when
 * cards move and numbers change. */
void
journey_layout_number_cards (JourneyLayout *self,
                             JourneyText   *text,
                             JourneyMap    *map)
{
  const JourneyStyle *style = &self->style;
  guint n_touchpoints = journey_list_get_length (map->touchpoints);
  char widest[16] = "8";
  guint digits = 1;

  for (guint n = n_touchpoints; n >= 10 && digits + 1 < sizeof widest; n /= 10)
    widest[digits++] = '8';
  widest[digits] = '\0';
  self->number_width = MAX (style->marker_size,
                            ceil (journey_text_measure (text, widest, style->caption_size, TRUE)) + 12);

  self->time_order = journey_map_get_time_order (map);
  for (guint c = 0; c < self->n_cards; c++)
    self->cards[c].time = self->cards[c].touchpoint->time;
  apply_numbers (self, n_touchpoints);
}

/* Whether touchpoint @a comes before @b in time order (the map's order
 * breaking ties). */
static gboolean
comes_before (JourneyMap *map,
              guint       a,
              guint       b)
{
  double ta = ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, a))->time;
  double tb = ((JourneyTouchpoint *) journey_list_peek (map->touchpoints, b))->time;

  if (ta != tb)
    return ta < tb;
  return a < b;
}

/* Numbers the cards of the touchpoints at places @from … @to of the time
 * order after their place changed. */
static void
number_range (JourneyLayout *self,
              JourneyMap    *map,
              guint          from,
              guint          to)
{
  for (guint k = from; k <= to; k++)
    {
      JourneyTouchpoint *tp = journey_list_peek (map->touchpoints, g_array_index (self->time_order, guint, k));
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_of, tp));

      if (c != 0 && self->cards[c - 1].number != k + 1)
        {
          guint card = c - 1;

          self->cards[card].number = k + 1;
          g_snprintf (self->cards[card].number_label, sizeof self->cards[card].number_label, "%u", k + 1);
          if (self->changes.cards != NULL)
            g_array_append_val (self->changes.cards, card);
        }
    }
}

/* Moves the card @card's touchpoint from its place in the time order to
 * where its time puts it among its neighbours, numbering the cards it
 * passed: as far as it moved, not as large as the map. */
static void
move_in_order (JourneyLayout     *self,
               JourneyMap        *map,
               JourneyLayoutCard *card)
{
  guint *order = (guint *) (gpointer) self->time_order->data;
  guint n = self->time_order->len;
  guint p = card->number - 1, q = p;

  g_assert (p < n && order[p] == card->index);
  while (q > 0 && comes_before (map, card->index, order[q - 1]))
    {
      order[q] = order[q - 1];
      q--;
    }
  if (q == p)
    while (q + 1 < n && comes_before (map, order[q + 1], card->index))
      {
        order[q] = order[q + 1];
        q++;
      }
  order[q] = card->index;
  if (q != p)
    number_range (self, map, MIN (p, q), MAX (p, q));
}

/* The numbers again after the touchpoints in @changed changed: only when a
 * time changed, each card moved along the time order as far as it went;
 * the whole order again (in time linear in the map) when that does not
 * sort it, or a touchpoint without a card changed.  Needs self->card_of. */
void
journey_layout_renumber_cards (JourneyLayout            *self,
                               JourneyMap               *map,
                               JourneyTouchpoint *const *changed,
                               guint                     n_changed)
{
  guint *order = (guint *) (gpointer) self->time_order->data;
  guint n = self->time_order->len;
  gboolean timed = FALSE;
  gboolean local = TRUE;

  for (guint i = 0; i < n_changed; i++)
    {
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_of, changed[i]));

      /* A touchpoint without a card has a place in the order too. */
      if (c == 0)
        {
          timed = TRUE;
          local = FALSE;
        }
      else if (self->cards[c - 1].time != changed[i]->time)
        {
          self->cards[c - 1].time = changed[i]->time;
          timed = TRUE;
          if (local && isfinite (changed[i]->time))
            move_in_order (self, map, &self->cards[c - 1]);
          else
            local = FALSE;
        }
    }
  if (!timed)
    return;

  /* Each moved past neighbours that did not move: sorted if each is in
   * order with its neighbours now. */
  for (guint i = 0; local && i < n_changed; i++)
    {
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_of, changed[i]));
      guint p = self->cards[c - 1].number - 1;

      if ((p > 0 && !comes_before (map, order[p - 1], order[p]))
          || (p + 1 < n && !comes_before (map, order[p], order[p + 1])))
        local = FALSE;
    }

  if (!local)
    {
      GArray *fresh = journey_map_update_time_order (map, self->time_order, changed, n_changed);

      g_array_unref (self->time_order);
      self->time_order = fresh;
      apply_numbers (self, journey_list_get_length (map->touchpoints));
      self->changes.known = FALSE;
    }
}

/* -- notes ---------------------------------------------------------------- */

static const char *
lane_name (JourneyNoteKind kind)
{
  switch (kind)
    {
    case JOURNEY_NOTE_PAIN_POINT:
      return _("Pain points");
    case JOURNEY_NOTE_OPPORTUNITY:
      return _("Opportunities");
    case JOURNEY_NOTE_ACTION:
    case JOURNEY_N_NOTE_KINDS:
    default:
      return _("Actions");
    }
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The badge and the text of @note, from its rectangle. */
static void
position_note (JourneyLayout     *self,
               JourneyLayoutNote *note)
{
  const JourneyStyle *style = &self->style;
  double pad = style->note_padding;
  double text_x = note->rect.x + pad + self->number_width + 6;
  double top = note->rect.y + pad + 2;

  note->badge.x = note->rect.x + pad;
  note->badge.y = note->rect.y + pad;
  note->badge.width = self->number_width;
  note->badge.height = style->marker_size;
  place_block (&note->text, text_x, top);
  place_block (&note->caption, text_x, top + block_height (&note->text) + 2);
}

/* The x of @card's notes: centred under it. */
static double
note_left (JourneyLayout           *self,
           const JourneyLayoutCard *card)
{
  return card->rect.x + card->rect.width / 2 - self->style.note_width / 2;
}

/* A note's text and size; its place comes with its lane's rows. */
static void
fill_note (JourneyLayout     *self,
           JourneyText       *text,
           JourneyLayoutNote *note,
           const char        *body,
           JourneyAction     *action)
{
  const JourneyStyle *style = &self->style;
  double pad = style->note_padding;
  double text_w = style->note_width - 2 * pad - self->number_width - 6;
  double h;

  wrap_block (text, &note->text, body, style->caption_size, FALSE, text_w, style->max_note_lines,
              style->line_spacing);
  if (action != NULL)
    {
      g_autofree char *caption = has_text (action->owner)
        ? g_strdup_printf ("%s · %s", action->owner, journey_status_get_label (action->status))
        : g_strdup (journey_status_get_label (action->status));

      wrap_block (text, &note->caption, caption, style->caption_size, FALSE, text_w, 1, style->line_spacing);
      note->full_text = g_strdup_printf ("%s (%s)", body, caption);
    }
  else
    {
      empty_block (&note->caption);
      note->caption.size = style->caption_size;
      note->caption.line_height = round (style->caption_size * style->line_spacing);
      note->full_text = g_strdup (body);
    }

  h = 2 + block_height (&note->text);
  if (note->caption.n_lines > 0)
    h += 2 + block_height (&note->caption);
  note->rect.width = style->note_width;
  note->rect.height = pad + MAX (style->marker_size, h) + pad;
}

typedef struct
{
  double x;
  guint  note;
} NoteKey;

static int
compare_note_keys (gconstpointer a,
                   gconstpointer b)
{
  const NoteKey *ka = a, *kb = b;

  if (ka->x != kb->x)
    return ka->x < kb->x ? -1 : 1;
  return (ka->note > kb->note) - (ka->note < kb->note);
}

static gboolean
note_before (JourneyLayout *self,
             guint          a,
             guint          b)
{
  double xa = self->notes[a].rect.x, xb = self->notes[b].rect.x;

  return xa < xb || (xa == xb && a < b);
}

/* First fit of @lane's notes, taken by left edge, into rows, and the rows
 * stacked from @top: each note's row and y.  With @keep, changes nothing
 * and returns FALSE when the lane would need another height or number of
 * rows. */
static gboolean
pack_note_lane (JourneyLayout         *self,
                JourneyLayoutNoteLane *lane,
                double                 top,
                gboolean               keep)
{
  const JourneyStyle *style = &self->style;
  double gap = style->note_gap;
  g_autofree double *right = g_new (double, lane->n_notes + 1);
  g_autofree double *row_top = g_new0 (double, lane->n_notes + 1);
  g_autofree guint *rows = g_new (guint, MAX (lane->n_notes, 1));
  guint n_rows = 0;
  double h;

  for (guint k = 0; k < lane->n_notes; k++)
    {
      JourneyLayoutNote *note = &self->notes[lane->order[k]];
      guint r = 0;

      /* Brought up to date (a drag): a note keeps the row it has where
       * it is free, so that the notes of the cards not dragged stay. */
      if (keep && note->row < lane->n_rows)
        {
          while (n_rows <= note->row)
            {
              right[n_rows] = -G_MAXDOUBLE;
              row_top[n_rows++] = 0;
            }
          if (right[note->row] + gap <= note->rect.x + 1e-6)
            r = note->row;
        }
      while (r < n_rows && right[r] + gap > note->rect.x + 1e-6)
        r++;
      if (r == n_rows)
        row_top[n_rows++] = 0;
      right[r] = note->rect.x + note->rect.width;
      row_top[r] = MAX (row_top[r], note->rect.height);  /* its height, for now */
      rows[k] = r;
    }

  h = gap;
  for (guint r = 0; r < n_rows; r++)
    {
      double rh = row_top[r];

      row_top[r] = top + h;
      h += rh + gap;
    }
  h = MAX (h, 2 * style->card_gap + block_height (&lane->name));

  if (keep && (h != lane->rect.height || n_rows != lane->n_rows))
    return FALSE;

  lane->n_rows = n_rows;
  lane->rect.height = h;
  lane->label.height = h;
  for (guint k = 0; k < lane->n_notes; k++)
    {
      JourneyLayoutNote *note = &self->notes[lane->order[k]];
      double y = row_top[rows[k]];

      note->row = rows[k];
      if (note->rect.y != y || !keep)
        {
          note->rect.y = y;
          position_note (self, note);
        }
    }
  return TRUE;
}

/* One note per pain point, opportunity and action that has text, of the
 * touchpoints that have a card (when the map shows notes), in lanes from
 * @top down: self->notes_rect. */
void
journey_layout_place_notes (JourneyLayout *self,
                            JourneyText   *text,
                            JourneyMap    *map,
                            double         top)
{
  const JourneyStyle *style = &self->style;
  guint per_kind[JOURNEY_N_NOTE_KINDS] = { 0, };
  guint lane_of[JOURNEY_N_NOTE_KINDS] = { 0, };
  guint count = 0;
  double y = top;

  self->notes_rect.x = style->margin;
  self->notes_rect.y = top;
  self->notes_rect.width = self->width - 2 * style->margin;
  self->notes_rect.height = 0;

  if (!journey_layout_shows_notes (map, style))
    return;

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyTouchpoint *tp = self->cards[c].touchpoint;
      guint n_actions = journey_list_get_length (tp->actions);

      for (guint i = 0; tp->pain_points[i] != NULL; i++)
        count += has_text (tp->pain_points[i]);
      for (guint i = 0; tp->opportunities[i] != NULL; i++)
        count += has_text (tp->opportunities[i]);
      for (guint i = 0; i < n_actions; i++)
        count += has_text (((JourneyAction *) journey_list_peek (tp->actions, i))->text);
    }
  if (count == 0)
    return;

  self->notes = g_new0 (JourneyLayoutNote, count);
  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      JourneyTouchpoint *tp = card->touchpoint;
      guint n_actions = journey_list_get_length (tp->actions);

      card->first_note = self->n_notes;
      for (int kind = 0; kind < JOURNEY_N_NOTE_KINDS; kind++)
        {
          guint n = kind == JOURNEY_NOTE_PAIN_POINT ? g_strv_length (tp->pain_points)
                  : kind == JOURNEY_NOTE_OPPORTUNITY ? g_strv_length (tp->opportunities)
                  : n_actions;

          for (guint i = 0; i < n; i++)
            {
              JourneyAction *action = kind == JOURNEY_NOTE_ACTION ? journey_list_peek (tp->actions, i) : NULL;
              const char *body = kind == JOURNEY_NOTE_PAIN_POINT ? tp->pain_points[i]
                               : kind == JOURNEY_NOTE_OPPORTUNITY ? tp->opportunities[i]
                               : action->text;
              JourneyLayoutNote *note;

              if (!has_text (body))
                continue;
              note = &self->notes[self->n_notes++];
              note->kind = (JourneyNoteKind) kind;
              note->card = c;
              note->item = i;
              fill_note (self, text, note, body, action);
              note->rect.x = note_left (self, card);
              per_kind[kind]++;
            }
        }
      card->n_notes = self->n_notes - card->first_note;
    }

  /* A lane for each kind that has notes. */
  for (int kind = 0; kind < JOURNEY_N_NOTE_KINDS; kind++)
    if (per_kind[kind] > 0)
      {
        JourneyLayoutNoteLane *lane = &self->note_lanes[self->n_note_lanes];

        lane_of[kind] = self->n_note_lanes++;
        lane->kind = (JourneyNoteKind) kind;
        lane->order = g_new (guint, per_kind[kind]);
        wrap_block (text, &lane->name, lane_name (lane->kind), style->lane_size, TRUE,
                    style->label_column_width - 28, 2, style->line_spacing);
      }
  for (guint n = 0; n < self->n_notes; n++)
    {
      JourneyLayoutNoteLane *lane = &self->note_lanes[lane_of[self->notes[n].kind]];

      self->notes[n].lane = lane_of[self->notes[n].kind];
      lane->order[lane->n_notes++] = n;
    }

  for (guint l = 0; l < self->n_note_lanes; l++)
    {
      JourneyLayoutNoteLane *lane = &self->note_lanes[l];
      g_autofree NoteKey *keys = g_new (NoteKey, lane->n_notes);

      for (guint k = 0; k < lane->n_notes; k++)
        {
          keys[k].x = self->notes[lane->order[k]].rect.x;
          keys[k].note = lane->order[k];
        }
      qsort (keys, lane->n_notes, sizeof (NoteKey), compare_note_keys);
      for (guint k = 0; k < lane->n_notes; k++)
        lane->order[k] = keys[k].note;

      lane->rect.x = style->margin;
      lane->rect.y = y;
      lane->rect.width = self->width - 2 * style->margin;
      pack_note_lane (self, lane, y, FALSE);
      lane->label = lane->rect;
      lane->label.width = style->label_column_width;
      place_block (&lane->name, style->margin + 18, y + style->card_gap);
      y += lane->rect.height;
    }
  self->notes_rect.height = y - top;
}

/* The notes of the cards that @cards marks follow their cards along the
 * timeline; their lanes are packed into rows again.  Returns FALSE when a
 * note lane would change its height (then lay the map out anew). */
gboolean
journey_layout_move_notes (JourneyLayout  *self,
                           const gboolean *cards)
{
  gboolean dirty[JOURNEY_N_NOTE_KINDS] = { FALSE, };

  if (self->n_notes == 0)
    return TRUE;

  for (guint c = 0; c < self->n_cards; c++)
    {
      JourneyLayoutCard *card = &self->cards[c];
      double x = note_left (self, card);

      if (!cards[c])
        continue;
      for (guint n = card->first_note; n < card->first_note + card->n_notes; n++)
        if (self->notes[n].rect.x != x)
          {
            self->notes[n].rect.x = x;
            position_note (self, &self->notes[n]);
            dirty[self->notes[n].lane] = TRUE;
          }
    }

  for (guint l = 0; l < self->n_note_lanes; l++)
    {
      JourneyLayoutNoteLane *lane = &self->note_lanes[l];

      if (!dirty[l])
        continue;

      /* Insertion sort: a drag moves few notes a little. */
      for (guint k = 1; k < lane->n_notes; k++)
        {
          guint note = lane->order[k];
          guint j = k;

          while (j > 0 && note_before (self, note, lane->order[j - 1]))
            {
              lane->order[j] = lane->order[j - 1];
              j--;
            }
          lane->order[j] = note;
        }
      if (!pack_note_lane (self, lane, lane->rect.y, TRUE))
        return FALSE;
    }
  return TRUE;
}

/**
 * journey_layout_hit_note:
 * @note: (out): the index of the note in the layout's notes
 *
 * Returns: whether a note is at (@x, @y)
 */
gboolean
journey_layout_hit_note (JourneyLayout *self,
                         double         x,
                         double         y,
                         guint         *note)
{
  const JourneyRect *r = &self->notes_rect;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(y >= r->y && y < r->y + r->height))
    return FALSE;
  for (guint n = 0; n < self->n_notes; n++)
    {
      const JourneyRect *nr = &self->notes[n].rect;

      if (x >= nr->x && x < nr->x + nr->width && y >= nr->y && y < nr->y + nr->height)
        {
          if (note != NULL)
            *note = n;
          return TRUE;
        }
    }
  return FALSE;
}

void
journey_layout_clear_notes (JourneyLayout *self)
{
  for (guint n = 0; n < self->n_notes; n++)
    {
      journey_text_block_clear (&self->notes[n].text);
      journey_text_block_clear (&self->notes[n].caption);
      g_free (self->notes[n].full_text);
    }
  g_clear_pointer (&self->notes, g_free);
  self->n_notes = 0;
  for (guint l = 0; l < self->n_note_lanes; l++)
    {
      journey_text_block_clear (&self->note_lanes[l].name);
      g_clear_pointer (&self->note_lanes[l].order, g_free);
    }
  self->n_note_lanes = 0;
}
