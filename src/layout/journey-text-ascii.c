/* journey-text-ascii.c: how ASCII text measures without shaping it: the
 * advance of each character and the kerning of each pair of characters,
 * measured once per font and size from two shaped lines.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <string.h>

#include <hb.h>

#include "journey-text-private.h"

#define N_PAIRS (JOURNEY_TEXT_N_ASCII * JOURNEY_TEXT_N_ASCII)

/* Each printable character once, then every ordered pair of them once:
 * the de Bruijn sequence of order two, the Lyndon words of length one and
 * two in order, closed with the first character. */
static char *
every_pair (void)
{
  GString *s = g_string_sized_new (N_PAIRS + 1);

  for (int i = 0; i < JOURNEY_TEXT_N_ASCII; i++)
    {
      g_string_append_c (s, (char) (JOURNEY_TEXT_FIRST_ASCII + i));
      for (int j = i + 1; j < JOURNEY_TEXT_N_ASCII; j++)
        {
          g_string_append_c (s, (char) (JOURNEY_TEXT_FIRST_ASCII + i));
          g_string_append_c (s, (char) (JOURNEY_TEXT_FIRST_ASCII + j));
        }
    }
  g_string_append_c (s, (char) JOURNEY_TEXT_FIRST_ASCII);
  return g_string_free (s, FALSE);
}

typedef struct
{
  guint          n_glyphs;
  double         width;
  PangoGlyph     glyph;
} Cluster;

/* Shapes @text on one line in @font, as Pango shapes a run of Latin text,
 * and fills @clusters, by byte: the glyphs of the cluster that starts
 * there (none inside a cluster), their width and the first glyph.  By
 * HarfBuzz directly: a font's line of every pair is nine thousand
 * characters long, and Pango would also itemize it and find where it may
 * break. */
static void
shape (PangoFont          *font,
       hb_language_t       language,
       const char         *text,
       const hb_feature_t *features,
       guint               n_features,
       Cluster            *clusters)
{
  hb_buffer_t *buffer = hb_buffer_create ();
  hb_glyph_info_t *infos;
  hb_glyph_position_t *positions;
  unsigned int n;

  hb_buffer_add_utf8 (buffer, text, -1, 0, -1);
  hb_buffer_set_direction (buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script (buffer, HB_SCRIPT_LATIN);
  hb_buffer_set_language (buffer, language);
  hb_buffer_set_flags (buffer, HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT);
  hb_shape (pango_font_get_hb_font (font), buffer, features, n_features);

  infos = hb_buffer_get_glyph_infos (buffer, &n);
  positions = hb_buffer_get_glyph_positions (buffer, NULL);
  for (unsigned int i = 0; i < n; i++)
    {
      Cluster *c = &clusters[infos[i].cluster];

      if (c->n_glyphs++ == 0)
        c->glyph = infos[i].codepoint;
      c->width += positions[i].x_advance / (double) PANGO_SCALE;
    }
  hb_buffer_destroy (buffer);
}

/* The advance of each printable ASCII character, from one line of them
 * all with kerning and ligatures off (shaping them one by one cost a font
 * ninety-five layouts); then the kerning of each pair, from one line of
 * every pair shaped as the renderers shape it. */
void
journey_text_measure_ascii (PangoContext    *context,
                            JourneyFontSlot *slot)
{
  static const hb_feature_t unshaped[] = {
    { HB_TAG ('k', 'e', 'r', 'n'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END },
    { HB_TAG ('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END },
    { HB_TAG ('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END },
    { HB_TAG ('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END },
  };
  PangoGlyph alone[JOURNEY_TEXT_N_ASCII];
  char all[JOURNEY_TEXT_N_ASCII + 1];
  g_autofree char *pairs = every_pair ();
  gsize n = strlen (pairs);
  g_autofree Cluster *clusters = g_new0 (Cluster, MAX (n, sizeof all));
  g_autoptr(PangoFont) font = pango_context_load_font (context, slot->desc);
  hb_language_t language = hb_language_from_string (pango_language_to_string (pango_context_get_language (context)), -1);

  for (int c = 0; c < JOURNEY_TEXT_N_ASCII; c++)
    all[c] = (char) (JOURNEY_TEXT_FIRST_ASCII + c);
  all[JOURNEY_TEXT_N_ASCII] = '\0';

  shape (font, language, all, unshaped, G_N_ELEMENTS (unshaped), clusters);
  for (int c = 0; c < JOURNEY_TEXT_N_ASCII; c++)
    {
      slot->ascii[JOURNEY_TEXT_FIRST_ASCII + c] = clusters[c].width;
      alone[c] = clusters[c].glyph;
    }

  memset (clusters, 0, n * sizeof (Cluster));
  shape (font, language, pairs, NULL, 0, clusters);
  slot->kern = g_new0 (float, N_PAIRS);
  slot->shaped = g_new0 (guint8, N_PAIRS);
  for (gsize i = 0; i + 1 < n; i++)
    {
      guint pair = JOURNEY_TEXT_PAIR (pairs[i], pairs[i + 1]);
      gboolean plain = TRUE;

      /* Each of the two drawn alone, as one glyph, the one it has alone. */
      for (gsize k = i; k <= i + 1; k++)
        plain = plain && clusters[k].n_glyphs == 1
                && clusters[k].glyph == alone[(guchar) pairs[k] - JOURNEY_TEXT_FIRST_ASCII];
      if (plain)
        slot->kern[pair] = (float) (clusters[i].width - slot->ascii[(guchar) pairs[i]]);
      else
        {
          slot->shaped[pair] = TRUE;
          slot->across = slot->across || pairs[i] == ' ' || pairs[i + 1] == ' ';
        }
    }
  slot->alone = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

void
journey_text_slot_free (gpointer data)
{
  JourneyFontSlot *slot = data;

  pango_font_description_free (slot->desc);
  g_free (slot->kern);
  g_free (slot->shaped);
  g_clear_pointer (&slot->alone, g_hash_table_unref);
  g_free (slot);
}

gboolean
journey_text_is_simple (const JourneyFontSlot *slot,
                        const char            *text,
                        gsize                  len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < JOURNEY_TEXT_FIRST_ASCII && c != '\n') || c >= 0x7f)
        return FALSE;
      if (i > 0 && c != '\n' && text[i - 1] != '\n' && slot->shaped[JOURNEY_TEXT_PAIR (text[i - 1], c)])
        return FALSE;
    }
  return TRUE;
}

gboolean
journey_text_is_ascii (const JourneyFontSlot *slot,
                       const char            *text,
                       gsize                  len)
{
  if (slot->across)
    return journey_text_is_simple (slot, text, len);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < JOURNEY_TEXT_FIRST_ASCII && c != '\n') || c >= 0x7f)
        return FALSE;
    }
  return TRUE;
}

gboolean
journey_text_word_is_marked (const JourneyFontSlot *slot,
                             const char            *word,
                             gsize                  len)
{
  for (gsize i = 1; i < len; i++)
    if (slot->shaped[JOURNEY_TEXT_PAIR (word[i - 1], word[i])])
      return TRUE;
  return FALSE;
}

double
journey_text_ascii_width (const JourneyFontSlot *slot,
                          const char            *text,
                          gsize                  len)
{
  double width = 0;

  for (gsize i = 0; i < len; i++)
    {
      width += slot->ascii[(guchar) text[i] & 0x7f];
      if (i + 1 < len)
        width += journey_text_kern (slot, text[i], text[i + 1]);
    }
  return width;
}
