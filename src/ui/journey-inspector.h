/* journey-inspector.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-history.h"
#include "journey-model.h"
#include "journey-selection.h"

G_BEGIN_DECLS

/*
 * JourneyInspector: the side panel that edits every field of the selected
 * touchpoint, or, with nothing selected, the map and its scale.  Each edit
 * is one step of the document's history; typing is grouped by word and by
 * pause, and leaving a field ends its step.  The panel follows the history:
 * undo, redo and the canvas's edits show at once.
 */

#define JOURNEY_TYPE_INSPECTOR (journey_inspector_get_type ())
G_DECLARE_FINAL_TYPE (JourneyInspector, journey_inspector, JOURNEY, INSPECTOR, AdwBin)

GtkWidget *journey_inspector_new           (void);
void       journey_inspector_set_map       (JourneyInspector  *self,
                                            JourneyProject    *project,
                                            JourneyMap        *map,
                                            JourneyHistory    *history);
/* What is selected and the channel filter: the canvas's, in a window. */
void       journey_inspector_set_selection_model (JourneyInspector *self,
                                                  JourneySelection *selection);
JourneySelection *journey_inspector_get_selection_model (JourneyInspector *self);
/* @touchpoints: (element-type JourneyTouchpoint) (nullable): selects
 * these (in the selection model) */
void       journey_inspector_set_selection (JourneyInspector  *self,
                                            GPtrArray         *touchpoints);
/* Puts the keyboard focus on the title of the touchpoint shown. */
void       journey_inspector_focus_title   (JourneyInspector  *self);
/* Puts the keyboard focus on a note of the touchpoint shown: pain point,
 * opportunity or action @item, @kind a JourneyNoteKind. */
void       journey_inspector_focus_note    (JourneyInspector  *self,
                                            guint              kind,
                                            guint              item);
/* The channel chosen under "Highlight Channel" (the selection model's
 * "channel-filter"): the map dims the touchpoints of the others.  NULL: all. */
const char *journey_inspector_get_channel_filter (JourneyInspector *self);
/* Shows that choice: for a window whose map can dim (hidden by default). */
void       journey_inspector_show_channel_filter (JourneyInspector *self,
                                                  gboolean          show);
/* Ends the run of typing now, as leaving the field does. */
void       journey_inspector_end_typing    (JourneyInspector  *self);

G_END_DECLS
