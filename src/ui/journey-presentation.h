/* journey-presentation.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-window.h"

G_BEGIN_DECLS

/*
 * Presentation mode, for sharing a map with a room: the window goes
 * fullscreen without its header bar, inspector and selection outline, the
 * map is fitted to the screen, and Right/Left (or a clicker's Page
 * Down/Page Up) walk the stages one by one, each stage's whole column (its
 * name, its part of the emotion curve and every lane) as large as the
 * screen allows, in the middle of it.  J shows or hides a workshop
 * session's corner (journey_window_sync_session_overlay()).  Home shows
 * the whole map again; Escape or F5 leaves, back to the zoom and scroll
 * position the person had.  The map stays editable: a drag is one undo step, as always.
 */

/* The window's presentation state: the window makes it, giving it the
 * parts it hides, and frees it in its dispose. */
typedef struct _JourneyPresentation JourneyPresentation;

JourneyPresentation *journey_presentation_new  (JourneyWindow       *window,
                                                JourneyCanvas       *canvas,
                                                GtkWidget           *header_bar,
                                                GtkWidget           *inspector);
void                 journey_presentation_free (JourneyPresentation *presentation);

/* The win.present action: starts or stops presenting. */
void     journey_window_present_action      (GtkWidget     *widget,
                                             const char    *action_name,
                                             GVariant      *parameter);

void     journey_presentation_start         (JourneyWindow *window);
void     journey_presentation_stop          (JourneyWindow *window);
gboolean journey_presentation_is_active     (JourneyWindow *window);

/* The stage shown, or -1 for the whole map. */
int      journey_presentation_get_stage     (JourneyWindow *window);
/* Shows stage @stage (-1: the whole map), clamped to the map's stages. */
void     journey_presentation_show_stage    (JourneyWindow *window,
                                             int            stage);

G_END_DECLS
