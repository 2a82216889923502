/* journey-selection.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-model.h"

G_BEGIN_DECLS

/*
 * JourneySelection: what the person points at in one map — the selected
 * touchpoints and the channel shown in full — kept once.  The canvas, the
 * inspector and the window observe the same object: "changed" is emitted
 * only when the set really changes, with the touchpoints that went in or
 * out; "notify::channel-filter" only when the channel does.  A touchpoint
 * that leaves the map (deleted, undone) leaves the selection.  A view
 * setting, not an edit: nothing here goes through the history.
 */

#define JOURNEY_TYPE_SELECTION (journey_selection_get_type ())
G_DECLARE_FINAL_TYPE (JourneySelection, journey_selection, JOURNEY, SELECTION, GObject)

JourneySelection *journey_selection_new                (void);

void              journey_selection_set_map            (JourneySelection  *self,
                                                        JourneyMap        *map);
JourneyMap       *journey_selection_get_map            (JourneySelection  *self);

gboolean          journey_selection_contains           (JourneySelection  *self,
                                                        JourneyTouchpoint *touchpoint);
guint             journey_selection_get_n_selected     (JourneySelection  *self);
GPtrArray        *journey_selection_get_touchpoints    (JourneySelection  *self);
GHashTable       *journey_selection_get_set            (JourneySelection  *self);

gboolean          journey_selection_select             (JourneySelection  *self,
                                                        JourneyTouchpoint *touchpoint,
                                                        gboolean           add);
gboolean          journey_selection_unselect           (JourneySelection  *self,
                                                        JourneyTouchpoint *touchpoint);
gboolean          journey_selection_unselect_all       (JourneySelection  *self);
gboolean          journey_selection_set_touchpoints    (JourneySelection  *self,
                                                        JourneyTouchpoint *const *touchpoints,
                                                        guint              n_touchpoints);

const char       *journey_selection_get_channel_filter (JourneySelection  *self);
void              journey_selection_set_channel_filter (JourneySelection  *self,
                                                        const char        *channel);

G_END_DECLS
