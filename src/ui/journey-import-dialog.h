/* journey-import-dialog.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-document.h"
#include "journey-model.h"

G_BEGIN_DECLS

/*
 * JourneyImportDialog: Import Survey (SPEC §11).  Shows what was detected
 * in a survey export (format, encoding, separator, each changeable), its
 * first rows, the column mapping, the survey scale, the time window and
 * whether to follow the file, with a line saying how many rows will be
 * used and how many skipped, and why; then imports it into @map in a
 * worker thread, with a progress bar and Cancel, as one undo step.  The
 * rules (what a column means, the scale) are the importer's
 * (journey-survey-preview.h); the dialog only shows and asks.
 *
 * ::imported (const char *message) is emitted once the import is in the
 * document, with a line to show the user; the dialog then closes.
 */

#define JOURNEY_TYPE_IMPORT_DIALOG (journey_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JourneyImportDialog, journey_import_dialog, JOURNEY, IMPORT_DIALOG, AdwWindow)

JourneyImportDialog *journey_import_dialog_new            (GtkWindow           *parent,
                                                           JourneyDocument     *document,
                                                           JourneyMap          *map,
                                                           GFile               *file);
GFile               *journey_import_dialog_get_file       (JourneyImportDialog *self);
/* The drop-down of header column @column (0-based) in the wide mapping:
 * item 0 is "Not used", then the map's touchpoints in order; NULL when
 * the column is not listed. */
AdwComboRow         *journey_import_dialog_get_column_row (JourneyImportDialog *self,
                                                           guint                column);
gboolean             journey_import_dialog_get_running    (JourneyImportDialog *self);

G_END_DECLS
