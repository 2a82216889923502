/* journey-theme.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-scene.h"

G_BEGIN_DECLS

/*
 * The theme: every paint decision of a map, in one table.  The scene
 * builder asks it for the paint and font of each role and for the colours
 * that come from the data (a stage's colour, a handle's colour for its
 * value); nothing else chooses a colour, a dash or a size.
 */

/* The paint of @role (with @variant, or NULL). */
void     journey_theme_paint            (JourneySceneRole    role,
                                         const char         *variant,
                                         JourneyPaint       *paint);

/* The font of a text role, sized from @style; the text colour is the
 * paint's fill. */
void     journey_theme_font             (JourneySceneRole    role,
                                         const char         *variant,
                                         const JourneyStyle *style,
                                         JourneyFont        *font);

/* The fill of @role for a colour from the data (a stage's, a lane's): the
 * colour itself, or an opaque tint of it on the paper. */
guint32  journey_theme_data_fill        (JourneySceneRole    role,
                                         const char         *variant,
                                         guint32             color);

/* SVG class of @role. */
const char *journey_theme_role_class    (JourneySceneRole    role);

/* Colours from the data. */
guint32  journey_theme_stage_color      (const char         *color,
                                         guint               index);
guint32  journey_theme_lane_color       (const char         *color,
                                         JourneyLaneKind     kind);
/* The colour of a kind of note (its lane's), as its marker's. */
guint32  journey_theme_note_color       (JourneyNoteKind     kind);
/* Dark or white text on @background, whichever reads better. */
guint32  journey_theme_text_on          (guint32             background);
/* Red at the bottom of the scale, grey in the middle, green at the top;
 * @fraction is 0 at the bottom, 1 at the top. */
guint32  journey_theme_handle_color     (double              fraction);

/* "#rrggbb" → 0xrrggbb; @fallback when NULL or malformed. */
guint32  journey_theme_parse_color      (const char         *color,
                                         guint32             fallback);

G_END_DECLS
