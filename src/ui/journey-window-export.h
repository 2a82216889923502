/* journey-window-export.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-export-dialog.h"
#include "journey-print-operation.h"
#include "journey-window.h"

G_BEGIN_DECLS

/* What a window remembers of the exports and prints of its document: the
 * last export, which Ctrl+E does again, and the print settings, page setup
 * and layout of the last print, which the print dialog offers again.
 * Owned by the window (a window shows one document all its life), kept in
 * memory only; the document and the model know nothing of it. */
typedef struct
{
  JourneyExportTarget *target;          /* or NULL */
  GtkPrintSettings    *print_settings;  /* or NULL */
  GtkPageSetup        *page_setup;      /* or NULL */
  JourneyPrintLayout   print_layout;
} JourneyWindowOutput;

void journey_window_output_clear           (JourneyWindowOutput *output);

/* The window's export actions: win.export opens the export dialog,
 * win.export-again writes to the last target of the window again (or
 * opens the dialog), win.open-exported (a URI) shows an exported file. */
void journey_window_export_action          (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void journey_window_export_again_action    (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void journey_window_open_exported_action   (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);

/* win.print: prints the shown map through the print dialog. */
void journey_window_print_action           (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);

/* The last export of the window, or NULL. */
const JourneyExportTarget *journey_window_get_export_target (JourneyWindow *self);

/* Writes the shown map as @target says, remembers it for the window and
 * says so in a toast.  Returns whether it was written. */
gboolean journey_window_export_to (JourneyWindow             *self,
                                   const JourneyExportTarget *target);

G_END_DECLS
