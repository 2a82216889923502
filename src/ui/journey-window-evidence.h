/* journey-window-evidence.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-import-dialog.h"
#include "journey-window.h"

G_BEGIN_DECLS

/* Survey evidence in the window (SPEC §11): win.import-survey chooses a
 * survey export and opens Import Survey for it (so does a survey export
 * dropped on the window); the sources marked to be followed are followed while the
 * document is open, their updates outside the undo history. */
void     journey_window_evidence_init         (JourneyWindow *self);
void     journey_window_import_survey_action  (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
/* Opens Import Survey for @file and the shown map; NULL without a map. */
JourneyImportDialog *journey_window_show_import_dialog (JourneyWindow *self,
                                                        GFile         *file);
gboolean journey_window_is_survey_name        (const char    *basename);
/* The sources followed now, for tests. */
guint    journey_window_get_n_followed        (JourneyWindow *self);

G_END_DECLS
