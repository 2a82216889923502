/* journey-export-dialog.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-export.h"
#include "journey-model.h"

G_BEGIN_DECLS

/* Where and how a map was exported: remembered so that it can be done
 * again (Ctrl+E). */
typedef struct
{
  GFile                     *file;
  const JourneyExportFormat *format;
  JourneyExportOptions       options;
} JourneyExportTarget;

JourneyExportTarget *journey_export_target_copy  (const JourneyExportTarget *target);
void                 journey_export_target_free  (JourneyExportTarget       *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneyExportTarget, journey_export_target_free)

/*
 * JourneyExportDialog: the format and its options, then a file chooser.
 * Emits "export" with the chosen JourneyExportTarget; the caller writes it.
 */

#define JOURNEY_TYPE_EXPORT_DIALOG (journey_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JourneyExportDialog, journey_export_dialog, JOURNEY, EXPORT_DIALOG, AdwWindow)

/* @previous (may be NULL) preselects the last format and options; @name
 * is the file name offered, without extension; @folder (may be NULL) the
 * folder. */
GtkWidget          *journey_export_dialog_new        (GtkWindow                 *parent,
                                                      const JourneyExportTarget *previous,
                                                      const char                *name,
                                                      GFile                     *folder);
/* The formats offered are those of journey_export_get_format(), but the
 * project itself (JOURNEY_EXPORT_PROJECT: Save As writes it). */
const JourneyExportFormat *journey_export_dialog_get_format (JourneyExportDialog *self);
void                journey_export_dialog_set_format (JourneyExportDialog       *self,
                                                      const JourneyExportFormat *format);
void                journey_export_dialog_set_csv_flavour (JourneyExportDialog *self,
                                                          JourneyCsvFlavour    flavour);
void                journey_export_dialog_set_scale  (JourneyExportDialog       *self,
                                                      double                     scale);
/* Whether the image shows the notes on the map: the map's setting when
 * the dialog opens; the switch overrides it for this export. */
void                journey_export_dialog_set_notes  (JourneyExportDialog       *self,
                                                      gboolean                   shown);
gboolean            journey_export_dialog_get_notes  (JourneyExportDialog       *self);
/* What accepting the file chooser with @file does: emits "export" with
 * the target (the format's extension added to @file if it lacks it) and
 * closes the dialog. */
void                journey_export_dialog_export_to  (JourneyExportDialog       *self,
                                                      GFile                     *file);

G_END_DECLS
