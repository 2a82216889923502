/* journey-window-files.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-window.h"

G_BEGIN_DECLS

/* Sets up what a window does with files besides loading and saving:
 * dropped .journey files open, and the journeys it opens or saves go into
 * the recent files. */
void     journey_window_files_init               (JourneyWindow *self);

/* Opens @file: presents the window that has it open already, or loads it
 * into @self if @self shows no journey, or into a new window. */
void     journey_window_open_file                (JourneyWindow *self,
                                                  GFile         *file);

/* Shows a new, unsaved journey made from template @name (see
 * journey_start_page_get_templates()) in @self if it shows no journey, or
 * in a new window.  Returns the window, or NULL with @error set. */
JourneyWindow *journey_window_new_from_template  (JourneyWindow *self,
                                                  const char    *name,
                                                  GError       **error);

/* Shows the draft @id (journey-autosave.h) left by an earlier session in
 * @self, which must show no journey: an unsaved journey without a file,
 * with a toast that says it was recovered and offers to discard it.
 * FALSE, with nothing changed, if the draft cannot be read. */
gboolean journey_window_open_draft               (JourneyWindow *self,
                                                  const char    *id,
                                                  GError       **error);

/* win.new-from-template (a template name) and win.open-recent (a URI). */
void     journey_window_new_from_template_action (GtkWidget     *widget,
                                                  const char    *action_name,
                                                  GVariant      *parameter);
void     journey_window_open_recent_action       (GtkWidget     *widget,
                                                  const char    *action_name,
                                                  GVariant      *parameter);

G_END_DECLS
