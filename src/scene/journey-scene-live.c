/* journey-scene-live.c: what participants sent for a card while a
 * workshop session runs (SPEC §10, issue 18), in a badge on its top edge:
 * the canvas's only, as the selection is; exports never show it.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "journey-scene"

#include "config.h"

#include <math.h>

#include "journey-scene-private.h"
#include "journey-text.h"

#define BADGE_PAD 8

/* "★ 3  ● 2  ✎ 1": ratings, votes (dots, as on the cards) and comments,
 * those there are. */
static char *
badge_text (const JourneyLiveCounts *counts)
{
  GString *text = g_string_new (NULL);

  if (counts->ratings > 0)
    g_string_append_printf (text, "★ %u", counts->ratings);
  if (counts->votes > 0)
    g_string_append_printf (text, "%s● %u", text->len ? "  " : "", counts->votes);
  if (counts->comments > 0)
    g_string_append_printf (text, "%s✎ %u", text->len ? "  " : "", counts->comments);
  return g_string_free (text, FALSE);
}

void
journey_scene_build_live_badge (JourneySceneBuilder     *b,
                                const JourneyLayoutCard *card,
                                const JourneyLiveCounts *counts)
{
  const JourneyStyle *style = &b->layout->style;
  g_autofree char *text = NULL;
  JourneyRect badge;
  double width;

  if (counts == NULL || (counts->ratings == 0 && counts->votes == 0 && counts->comments == 0))
    return;

  text = badge_text (counts);
  width = journey_text_measure (journey_text_get_for_thread (style->font_family), text, style->caption_size, TRUE);
  badge.height = round (style->caption_size * style->line_spacing);
  badge.width = MIN (ceil (width) + 2 * BADGE_PAD, card->rect.width - 2 * style->card_padding);
  /* On the top edge, at the left: clear of the caption's line under it. */
  badge.x = card->rect.x + style->card_padding;
  badge.y = card->rect.y - badge.height / 2;
  journey_scene_add_rect (b, JOURNEY_ROLE_LIVE_BADGE, NULL, &badge, badge.height / 2);
  journey_scene_add_text (b, JOURNEY_ROLE_LIVE_LABEL, NULL, text, 1, badge.x + badge.width / 2,
                          badge.y + badge.height / 2 + style->caption_size * 0.35, 0, badge.width)->bounds = badge;
}
