/* journey-layout-level.c: a card's evidence level (issue 17): assumed, or
 * measured with the number of responses, in a pill on the card.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "journey-evidence-stats.h"
#include "journey-layout-private.h"

#define LEVEL_PAD 7

/**
 * journey_layout_level_label:
 * @level: a touchpoint's evidence level
 * @responses: its number of survey responses
 *
 * Returns: (transfer full): what the card, the legend and the exports
 *   say of @level: "Assumed", or "Measured · N"
 */
char *
journey_layout_level_label (JourneyEvidenceLevel level,
                            int                  responses)
{
  if (level == JOURNEY_EVIDENCE_LEVEL_ASSUMED)
    return g_strdup (_("Assumed"));
  /* TRANSLATORS: on a card: its satisfaction was measured by a survey
   * with this many responses. */
  return g_strdup_printf (_("Measured · %d"), MAX (responses, 0));
}

/**
 * journey_layout_place_level:
 * @card: a card whose rectangle is placed
 * @top: the top of the card's first line, the caption's
 *
 * Places @card's evidence level in a pill at the right end of the
 * caption's line.
 *
 * Returns: how much of the line's width it takes, its gap included
 */
double
journey_layout_place_level (JourneyLayout     *self,
                            JourneyText       *text,
                            JourneyLayoutCard *card,
                            double             top)
{
  const JourneyStyle *style = &self->style;
  JourneyTouchpoint *tp = card->touchpoint;
  g_autofree char *label = NULL;
  double width, max_width = card->rect.width - 2 * style->card_padding;

  card->level = journey_touchpoint_get_evidence_level (tp);
  label = journey_layout_level_label (card->level, tp->evidence ? tp->evidence->responses : 0);
  g_strlcpy (card->level_label, label, sizeof card->level_label);
  width = journey_text_measure (text, card->level_label, style->caption_size, FALSE);

  card->level_rect.width = MIN (ceil (width) + 2 * LEVEL_PAD, max_width);
  card->level_rect.height = round (style->caption_size * style->line_spacing);
  card->level_rect.x = card->rect.x + card->rect.width - style->card_padding - card->level_rect.width;
  card->level_rect.y = top;
  card->level_label_x = card->level_rect.x + card->level_rect.width / 2;
  return card->level_rect.width + 6;
}

/**
 * journey_layout_add_level_legend:
 * @levels: for each JourneyEvidenceLevel, whether a card has it
 *
 * Adds to the legend an entry for each evidence level the cards have.
 */
void
journey_layout_add_level_legend (JourneyLayout  *self,
                                 JourneyText    *text,
                                 const gboolean *levels)
{
  if (levels[JOURNEY_EVIDENCE_LEVEL_ASSUMED])
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_ASSUMED,
                               _("Assumed: no survey evidence"));
  if (levels[JOURNEY_EVIDENCE_LEVEL_THIN])
    {
      /* TRANSLATORS: %d is the number of responses under which evidence is thin. */
      g_autofree char *label = g_strdup_printf (_("Measured · N: thin evidence, fewer than %d survey responses"),
                                                JOURNEY_EVIDENCE_THIN);

      journey_layout_add_legend (self, text, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_THIN, label);
    }
  if (levels[JOURNEY_EVIDENCE_LEVEL_MEASURED])
    journey_layout_add_legend (self, text, JOURNEY_LEGEND_LEVEL, JOURNEY_EVIDENCE_LEVEL_MEASURED,
                               _("Measured · N: N survey responses"));
}
