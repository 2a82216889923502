/* layout-test-utils.h: a map's layout and its cards, for the tests of
 * layouts.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "export-test-utils.h"
#include "journey-layout.h"

static inline JourneyLayout *
layout_for (JourneyProject *project)
{
  JourneyLayout *layout = journey_layout_new (test_first_map (project), project, NULL);
  g_assert_nonnull (layout);
  return layout;
}

static inline JourneyLayoutCard *
card_for (JourneyLayout *layout,
          const char    *id)
{
  for (guint i = 0; i < layout->n_cards; i++)
    if (g_str_equal (layout->cards[i].touchpoint->id, id))
      return &layout->cards[i];
  g_assert_not_reached ();
  return NULL;
}
