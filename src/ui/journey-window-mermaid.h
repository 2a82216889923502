/* journey-window-mermaid.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-window.h"

G_BEGIN_DECLS

/* Mermaid journeys in the window (issue 19).  win.copy-mermaid puts the
 * shown map on the clipboard as a Mermaid journey; win.open-mermaid-text
 * (the text of a Mermaid journey, pasted) shows it as a new, unsaved
 * journey, in this window if it shows none, else in a new one. */
void journey_window_copy_mermaid_action      (GtkWidget     *widget,
                                              const char    *action_name,
                                              GVariant      *parameter);
void journey_window_open_mermaid_text_action (GtkWidget     *widget,
                                              const char    *action_name,
                                              GVariant      *parameter);

/* After a load: what reading Mermaid journeys had to guess, in a toast and
 * on stderr. */
void journey_window_show_import_warnings     (JourneyWindow *self,
                                              GFile         *file);

G_END_DECLS
