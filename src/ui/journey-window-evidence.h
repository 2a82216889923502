/* journey-window-evidence.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-window.h"

G_BEGIN_DECLS

/* Survey evidence in the window (SPEC §11): win.import-survey chooses a
 * survey export and imports it into the shown map in a worker thread (one
 * undo step); the sources marked to be followed are followed while the
 * document is open, their updates outside the undo history. */
void     journey_window_evidence_init         (JourneyWindow *self);
void     journey_window_import_survey_action  (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
/* Imports @file into the shown map; @callback (nullable) runs when done. */
void     journey_window_import_survey         (JourneyWindow       *self,
                                               GFile               *file,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean journey_window_import_survey_finish  (JourneyWindow       *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean journey_window_is_survey_name        (const char    *basename);
/* The sources followed now, for tests. */
guint    journey_window_get_n_followed        (JourneyWindow *self);

G_END_DECLS
