/* journey-text.c
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "journey-text-private.h"

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 */

/* Text longer than this is cut before it is shaped for an ellipsis: no
 * line of a map is that long. */
#define MAX_SHAPED_BYTES 4096

struct _JourneyText
{
  char         *family;
  PangoContext *context;
  PangoLayout  *layout;
  GPtrArray    *slots;
  GHashTable   *wraps;   /* WrapKey → WrapResult: a map is laid out again
                          * on every step of a drag, its texts seldom change */
};

/* Wrapped texts kept, at most. */
#define MAX_WRAPS 65536

typedef struct
{
  char    *text;
  double   size;
  double   width;
  guint    max_lines;
  gboolean bold;
} WrapKey;

typedef struct
{
  char   **lines;
  guint    n_lines;
  double   width;
  gboolean truncated;
} WrapResult;

static guint
wrap_key_hash (gconstpointer data)
{
  const WrapKey *key = data;

  return g_str_hash (key->text) ^ (guint) (key->width * 16) ^ ((guint) (key->size * 64) << 8)
         ^ (key->max_lines << 20) ^ (key->bold ? 0x80000000u : 0);
}

static gboolean
wrap_key_equal (gconstpointer a,
                gconstpointer b)
{
  const WrapKey *ka = a, *kb = b;

  return ka->size == kb->size && ka->width == kb->width && ka->max_lines == kb->max_lines
      && ka->bold == kb->bold && strcmp (ka->text, kb->text) == 0;
}

static void
wrap_key_free (gpointer data)
{
  WrapKey *key = data;

  g_free (key->text);
  g_free (key);
}

static void
wrap_result_free (gpointer data)
{
  WrapResult *result = data;

  g_strfreev (result->lines);
  g_free (result);
}

typedef struct
{
  gsize start;
  gsize end;
} Range;

static void
journey_text_free (gpointer data)
{
  GPtrArray *measurers = data;

  for (guint i = 0; i < measurers->len; i++)
    {
      JourneyText *self = g_ptr_array_index (measurers, i);

      g_clear_pointer (&self->slots, g_ptr_array_unref);
      g_clear_pointer (&self->wraps, g_hash_table_unref);
      g_clear_object (&self->layout);
      g_clear_object (&self->context);
      g_free (self->family);
      g_free (self);
    }
  g_ptr_array_unref (measurers);
}

static GPrivate measurers_key = G_PRIVATE_INIT (journey_text_free);

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static double
pango_measure (JourneyText *self,
               JourneyFontSlot    *slot,
               const char  *text,
               gssize       len)
{
  pango_layout_set_font_description (self->layout, slot->desc);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_text (self->layout, text, len);
  return layout_width (self->layout);
}

void
journey_text_configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
}

PangoLayout *
journey_text_layout_new (PangoContext *context)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_auto_dir (layout, FALSE);
  return layout;
}

PangoFontDescription *
journey_text_font_description (const char *family,
                               double      size,
                               gboolean    bold,
                               gboolean    italic)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return desc;
}

static JourneyFontSlot *
get_slot (JourneyText *self,
          double       size,
          gboolean     bold)
{
  JourneyFontSlot *slot;

  for (guint i = 0; i < self->slots->len; i++)
    {
      slot = g_ptr_array_index (self->slots, i);
      if (slot->size == size && slot->bold == bold)
        return slot;
    }

  slot = g_new0 (JourneyFontSlot, 1);
  slot->size = size;
  slot->bold = bold;
  slot->desc = journey_text_font_description (self->family, size, bold, FALSE);

  journey_text_measure_ascii (self->context, slot);
  slot->ellipsis = pango_measure (self, slot, ELLIPSIS, -1);

  g_ptr_array_add (self->slots, slot);
  return slot;
}

/* Texts shaped alone kept per font, at most; and their longest. */
#define MAX_ALONE      16384
#define MAX_ALONE_KEY  64

/* The width of @text shaped alone: a word with a marked pair, or a short
 * text that is not ASCII ("Measured · 12"), shaped once. */
static double
shaped_width (JourneyText     *self,
              JourneyFontSlot *slot,
              const char      *text,
              gsize            len)
{
  char key[MAX_ALONE_KEY];
  JourneyTextAlone *known;

  if (len >= sizeof key)
    return pango_measure (self, slot, text, (gssize) len);

  memcpy (key, text, len);
  key[len] = '\0';
  known = g_hash_table_lookup (slot->alone, key);
  if (known == NULL)
    {
      if (g_hash_table_size (slot->alone) >= MAX_ALONE)
        g_hash_table_remove_all (slot->alone);
      known = g_malloc (sizeof (JourneyTextAlone) + len + 1);
      memcpy (known->text, key, len + 1);
      known->width = pango_measure (self, slot, text, (gssize) len);
      g_hash_table_insert (slot->alone, known->text, known);
    }
  return known->width;
}

/* The end of the word that starts at @start. */
static gsize
word_end (const char *text,
          gsize       start,
          gsize       len)
{
  gsize end = start;

  while (end < len && text[end] != ' ' && text[end] != '\n')
    end++;
  return end;
}

/* The width of ASCII @text (journey_text_is_ascii ()): each character and
 * the kerning before it, a word with a marked pair as one. */
static double
ascii_width (JourneyText     *self,
             JourneyFontSlot *slot,
             const char      *text,
             gsize            len)
{
  double width = 0;
  gsize i = 0;

  while (i < len)
    {
      gsize end = i + 1;

      if (i > 0)
        width += journey_text_kern (slot, text[i - 1], text[i]);
      if (text[i] != ' ' && text[i] != '\n' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')
          && journey_text_word_is_marked (slot, text + i, (end = word_end (text, i, len)) - i))
        width += shaped_width (self, slot, text + i, end - i);
      else
        {
          end = i + 1;
          width += slot->ascii[(guchar) text[i] & 0x7f];
        }
      i = end;
    }
  return width;
}

JourneyText *
journey_text_get_for_thread (const char *family)
{
  GPtrArray *measurers = g_private_get (&measurers_key);
  JourneyText *self;

  g_return_val_if_fail (family != NULL, NULL);

  if (measurers == NULL)
    {
      measurers = g_ptr_array_new ();
      g_private_set (&measurers_key, measurers);
    }

  for (guint i = 0; i < measurers->len; i++)
    {
      self = g_ptr_array_index (measurers, i);
      if (g_str_equal (self->family, family))
        return self;
    }

  self = g_new0 (JourneyText, 1);
  self->family = g_strdup (family);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  journey_text_configure_context (self->context);
  self->layout = journey_text_layout_new (self->context);
  self->slots = g_ptr_array_new_with_free_func (journey_text_slot_free);
  self->wraps = g_hash_table_new_full (wrap_key_hash, wrap_key_equal, wrap_key_free, wrap_result_free);
  g_ptr_array_add (measurers, self);

  return self;
}

double
journey_text_measure (JourneyText *self,
                      const char  *text,
                      double       size,
                      gboolean     bold)
{
  JourneyFontSlot *slot;
  gsize len;

  g_return_val_if_fail (self != NULL, 0);

  if (text == NULL || *text == '\0')
    return 0;

  slot = get_slot (self, size, bold);
  len = strlen (text);
  if (journey_text_is_ascii (slot, text, len))
    return ascii_width (self, slot, text, len);
  return shaped_width (self, slot, text, MIN (len, MAX_SHAPED_BYTES));
}

char *
journey_text_sanitize (const char *text,
                       gboolean    keep_newlines)
{
  const char *p, *end;
  GString *out;
  gsize len;

  if (text == NULL)
    return g_strdup ("");

  len = strlen (text);
  for (p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c < 0x20 || c >= 0x7f)
        break;
    }
  if (*p == '\0')
    return g_strndup (text, len);

  out = g_string_sized_new (len + 4);
  end = text + len;
  p = text;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }

      if (c == '\r')
        {
          if (p + 1 < end && p[1] == '\n')
            {
              p++;
              continue;
            }
          c = '\n';
        }

      if (c == '\n')
        g_string_append_c (out, keep_newlines ? '\n' : ' ');
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff)
        ; /* dropped: not allowed or meaningless in XML text */
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

void
journey_text_block_clear (JourneyTextBlock *block)
{
  g_clear_pointer (&block->lines, g_strfreev);
  block->n_lines = 0;
}

static void
trim_range (const char *text,
            Range      *r)
{
  while (r->end > r->start && (text[r->end - 1] == ' ' || text[r->end - 1] == '\n'))
    r->end--;
  while (r->start < r->end && text[r->start] == ' ')
    r->start++;
}

/* Breaks ASCII text at spaces, and a word wider than a line between its
 * characters.  Returns FALSE, for Pango to wrap it, when that word has a
 * marked pair. */
static gboolean
wrap_ascii (JourneyText     *self,
            JourneyFontSlot *slot,
            const char      *text,
            gsize            len,
            double           width,
            GArray          *ranges)
{
  gsize pos = 0;

  while (pos < len)
    {
      double acc = 0;
      gsize line_start = pos;
      gsize last_break = 0;
      gsize i = pos;
      gsize next;
      Range r;

      while (i < len && text[i] != '\n')
        {
          double w = i > line_start ? journey_text_kern (slot, text[i - 1], text[i]) : 0;
          gsize end = i + 1;

          if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')
              && journey_text_word_is_marked (slot, text + i, (end = word_end (text, i, len)) - i))
            {
              w += shaped_width (self, slot, text + i, end - i);
              if (acc + w > width && last_break <= line_start)
                return FALSE;
            }
          else
            {
              end = i + 1;
              w += slot->ascii[(guchar) text[i]];
            }

          if (acc + w > width && text[i] != ' ')
            break;
          acc += w;
          if (text[i] == ' ')
            last_break = i + 1;
          i = end;
        }

      if (i < len && text[i] == '\n')
        {
          r.start = line_start;
          r.end = i;
          next = i + 1;
        }
      else if (i >= len)
        {
          r.start = line_start;
          r.end = len;
          next = len;
        }
      else if (last_break > line_start)
        {
          r.start = line_start;
          r.end = last_break;
          next = last_break;
        }
      else
        {
          /* A word wider than the line: break it between characters. */
          if (i == line_start)
            i++;
          r.start = line_start;
          r.end = i;
          next = i;
        }

      trim_range (text, &r);
      g_array_append_val (ranges, r);

      pos = next;
      /* Spaces at a soft break belong to neither line. */
      if (next > 0 && text[next - 1] != '\n')
        while (pos < len && text[pos] == ' ')
          pos++;
    }
  return TRUE;
}

static void
wrap_pango (JourneyText *self,
            JourneyFontSlot    *slot,
            const char  *text,
            gsize        len,
            double       width,
            GArray      *ranges)
{
  pango_layout_set_font_description (self->layout, slot->desc);
  pango_layout_set_width (self->layout, MAX (1, (int) (width * PANGO_SCALE)));
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (self->layout, text, (int) len);

  for (GSList *l = pango_layout_get_lines_readonly (self->layout); l; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      Range r = { (gsize) line->start_index, (gsize) line->start_index + (gsize) line->length };

      r.end = MIN (r.end, len);
      trim_range (text, &r);
      g_array_append_val (ranges, r);
    }

  pango_layout_set_width (self->layout, -1);
}

/* The longest prefix of @text, at a cursor position, no wider than @avail. */
static gsize
fit_prefix (JourneyText *self,
            JourneyFontSlot    *slot,
            const char  *text,
            gsize        len,
            double       avail)
{
  const PangoLogAttr *attrs;
  g_autoptr(GArray) cursors = NULL;
  int n_attrs;
  guint lo, hi;

  if (journey_text_is_ascii (slot, text, len))
    {
      double acc = 0;
      gsize i = 0;

      while (i < len)
        {
          double kern = i > 0 ? journey_text_kern (slot, text[i - 1], text[i]) : 0;
          gsize end;

          if (text[i] != ' ' && text[i] != '\n' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')
              && journey_text_word_is_marked (slot, text + i, (end = word_end (text, i, len)) - i))
            {
              /* A word with a marked pair: whole, or the longest part of
               * it that fits, each shaped alone. */
              if (acc + kern + shaped_width (self, slot, text + i, end - i) <= avail)
                {
                  acc += kern + shaped_width (self, slot, text + i, end - i);
                  i = end;
                  continue;
                }
              for (gsize k = end - i - 1; k > 0; k--)
                if (acc + kern + shaped_width (self, slot, text + i, k) <= avail)
                  return i + k;
              return i;
            }
          acc += slot->ascii[(guchar) text[i]] + kern;
          if (acc > avail)
            break;
          i++;
        }
      return i;
    }

  /* Cursor positions keep grapheme clusters (emoji with joiners,
   * combining marks) whole. */
  pango_layout_set_font_description (self->layout, slot->desc);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_text (self->layout, text, (int) len);
  attrs = pango_layout_get_log_attrs_readonly (self->layout, &n_attrs);

  cursors = g_array_new (FALSE, FALSE, sizeof (gsize));
  {
    const char *p = text;
    for (int i = 0; i < n_attrs; i++)
      {
        if (attrs[i].is_cursor_position)
          {
            gsize offset = (gsize) (p - text);
            g_array_append_val (cursors, offset);
          }
        if (p >= text + len)
          break;
        p = g_utf8_next_char (p);
      }
  }

  if (cursors->len == 0)
    return 0;

  /* Binary search for the last cursor whose prefix fits. */
  lo = 0;
  hi = cursors->len - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;
      gsize n = g_array_index (cursors, gsize, mid);

      if (pango_measure (self, slot, text, (int) n) <= avail)
        lo = mid;
      else
        hi = mid - 1;
    }

  return g_array_index (cursors, gsize, lo);
}

static void wrap (JourneyText      *self,
                  const char       *text,
                  double            size,
                  gboolean          bold,
                  double            width,
                  guint             max_lines,
                  JourneyTextBlock *block);

void
journey_text_wrap (JourneyText      *self,
                   const char       *text,
                   double            size,
                   gboolean          bold,
                   double            width,
                   guint             max_lines,
                   JourneyTextBlock *block)
{
  WrapKey key = { (char *) (text ? text : ""), size, width, max_lines, bold };
  WrapResult *result;

  g_return_if_fail (self != NULL);
  g_return_if_fail (block != NULL);

  result = g_hash_table_lookup (self->wraps, &key);
  if (result == NULL)
    {
      WrapKey *stored;

      wrap (self, text, size, bold, width, max_lines, block);

      if (g_hash_table_size (self->wraps) >= MAX_WRAPS)
        g_hash_table_remove_all (self->wraps);
      stored = g_new (WrapKey, 1);
      *stored = key;
      stored->text = g_strdup (key.text);
      result = g_new (WrapResult, 1);
      result->lines = g_strdupv (block->lines);
      result->n_lines = block->n_lines;
      result->width = block->width;
      result->truncated = block->truncated;
      g_hash_table_insert (self->wraps, stored, result);
      return;
    }

  journey_text_block_clear (block);
  block->size = size;
  block->bold = bold;
  block->lines = g_strdupv (result->lines);
  block->n_lines = result->n_lines;
  block->width = result->width;
  block->truncated = result->truncated;
}

static void
wrap (JourneyText      *self,
      const char       *text,
      double            size,
      gboolean          bold,
      double            width,
      guint             max_lines,
      JourneyTextBlock *block)
{
  g_autoptr(GArray) ranges = NULL;
  JourneyFontSlot *slot;
  gboolean ascii;
  gsize len;
  guint n;

  journey_text_block_clear (block);
  block->size = size;
  block->bold = bold;
  block->width = 0;
  block->truncated = FALSE;

  slot = get_slot (self, size, bold);
  len = text ? strlen (text) : 0;

  ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  ascii = journey_text_is_ascii (slot, text ? text : "", len);

  if (len > 0 && ascii && !wrap_ascii (self, slot, text, len, width, ranges))
    {
      g_array_set_size (ranges, 0);
      ascii = FALSE;
    }
  if (len > 0 && !ascii)
    {
      /* Shape no more than can be shown: the lines beyond max_lines are
       * replaced by an ellipsis anyway. */
      gsize shaped = len;

      if (max_lines > 0 && len > MAX_SHAPED_BYTES)
        {
          const char *cut = g_utf8_find_prev_char (text, text + MAX_SHAPED_BYTES + 1);
          shaped = cut ? (gsize) (cut - text) : 0;
        }
      wrap_pango (self, slot, text, shaped, width, ranges);
      if (shaped < len && ranges->len <= max_lines)
        {
          /* Should not happen with lines of sane width; mark it cut. */
          block->truncated = TRUE;
        }
    }

  /* Drop empty lines at the end (a trailing newline). */
  while (ranges->len > 0)
    {
      Range *last = &g_array_index (ranges, Range, ranges->len - 1);
      if (last->end > last->start)
        break;
      g_array_set_size (ranges, ranges->len - 1);
    }

  n = ranges->len;
  if (max_lines > 0 && n > max_lines)
    {
      n = max_lines;
      block->truncated = TRUE;
    }

  block->lines = g_new0 (char *, n + 1);
  block->n_lines = n;

  for (guint i = 0; i < n; i++)
    {
      Range r = g_array_index (ranges, Range, i);
      double w;

      if (block->truncated && i == n - 1)
        {
          /* The rest of the text, on one line, cut to fit an ellipsis. */
          gsize rest_len = MIN (len - r.start, (gsize) MAX_SHAPED_BYTES);
          g_autofree char *rest = NULL;
          gsize keep;

          if (rest_len < len - r.start)
            {
              const char *cut = g_utf8_find_prev_char (text + r.start, text + r.start + rest_len + 1);
              rest_len = cut ? (gsize) (cut - (text + r.start)) : 0;
            }
          rest = g_strndup (text + r.start, rest_len);
          g_strdelimit (rest, "\n", ' ');

          keep = fit_prefix (self, slot, rest, rest_len, MAX (0, width - slot->ellipsis));
          while (keep > 0 && rest[keep - 1] == ' ')
            keep--;
          rest[keep] = '\0';
          block->lines[i] = g_strconcat (rest, ELLIPSIS, NULL);
        }
      else
        block->lines[i] = g_strndup (text + r.start, r.end - r.start);

      if (ascii && block->truncated && i == n - 1)
        w = ascii_width (self, slot, block->lines[i], strlen (block->lines[i]) - strlen (ELLIPSIS)) + slot->ellipsis;
      else if (ascii)
        w = ascii_width (self, slot, block->lines[i], strlen (block->lines[i]));
      else
        w = shaped_width (self, slot, block->lines[i], strlen (block->lines[i]));
      block->width = MAX (block->width, w);
    }
}
