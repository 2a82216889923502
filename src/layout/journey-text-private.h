/* journey-text-private.h: what the text measurer's files share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "journey-text.h"

G_BEGIN_DECLS

/* The printable ASCII characters, from ' ' to '~'. */
#define JOURNEY_TEXT_FIRST_ASCII 0x20
#define JOURNEY_TEXT_N_ASCII     (0x7f - JOURNEY_TEXT_FIRST_ASCII)
#define JOURNEY_TEXT_PAIR(a, b)  (((guint) (guchar) (a) - JOURNEY_TEXT_FIRST_ASCII) * JOURNEY_TEXT_N_ASCII \
                                  + (guint) (guchar) (b) - JOURNEY_TEXT_FIRST_ASCII)

/* One font at one size, and how its ASCII text measures without shaping:
 * the advance of each character alone, plus the kerning of each pair, as
 * the renderers draw it with kerning on.  A pair that shaping draws as
 * one glyph or as another glyph than alone ("fi", a ligature) is marked:
 * a word with such a pair is shaped by Pango, alone, once.  A font that
 * marks a pair with a space (shaping across words) has every text that is
 * not simple shaped whole. */
typedef struct
{
  double                size;
  gboolean              bold;
  PangoFontDescription *desc;
  double                ascii[128];  /* advance widths, pixels */
  float                *kern;        /* by JOURNEY_TEXT_PAIR () */
  guint8               *shaped;      /* by JOURNEY_TEXT_PAIR (): TRUE for a marked pair */
  gboolean              across;      /* a marked pair has a space */
  GHashTable           *alone;       /* text → JourneyTextAlone: widths of texts shaped alone */
  double                ellipsis;
} JourneyFontSlot;

typedef struct
{
  double width;
  char   text[];                     /* the key */
} JourneyTextAlone;

/* journey-text-ascii.c */
void     journey_text_measure_ascii (PangoContext          *context,
                                     JourneyFontSlot       *slot);
void     journey_text_slot_free     (gpointer               data);
/* Whether @text is ASCII (printable, or '\n') without a marked pair: then
 * journey_text_ascii_width() measures it as Pango would. */
gboolean journey_text_is_simple     (const JourneyFontSlot *slot,
                                     const char            *text,
                                     gsize                  len);
double   journey_text_ascii_width   (const JourneyFontSlot *slot,
                                     const char            *text,
                                     gsize                  len);
/* Whether @text is printable ASCII (or '\n') in a font that shapes no
 * pair across words: then it measures as the sum of its spaces and
 * words, each word with a marked pair measured alone. */
gboolean journey_text_is_ascii      (const JourneyFontSlot *slot,
                                     const char            *text,
                                     gsize                  len);
/* Whether the word @word (no space) has a marked pair. */
gboolean journey_text_word_is_marked (const JourneyFontSlot *slot,
                                      const char            *word,
                                      gsize                  len);

/* The kerning between @a and @b, which stand side by side on one line. */
static inline double
journey_text_kern (const JourneyFontSlot *slot,
                   char                   a,
                   char                   b)
{
  if ((guchar) a < JOURNEY_TEXT_FIRST_ASCII || (guchar) b < JOURNEY_TEXT_FIRST_ASCII)
    return 0;
  return slot->kern[JOURNEY_TEXT_PAIR (a, b)];
}

G_END_DECLS
