/* journey-export-dialog.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "journey-csv.h"
#include "journey-layout.h"

#include "journey-model.h"

G_BEGIN_DECLS

typedef enum
{
  JOURNEY_EXPORT_FORMAT_SVG,
  JOURNEY_EXPORT_FORMAT_PNG,
  JOURNEY_EXPORT_FORMAT_PDF,
  JOURNEY_EXPORT_FORMAT_CSV,
} JourneyExportFormat;

/* Where and how a map was exported: remembered so that it can be done
 * again (Ctrl+E). */
typedef struct
{
  GFile                   *file;
  JourneyExportFormat      format;
  double                   scale;       /* PNG only */
  JourneyCsvFlavour        csv_flavour; /* CSV only: plain, Jira or Rally */
  JourneyNotesMode         notes;       /* SVG, PNG, PDF: the note lanes shown or hidden */
} JourneyExportTarget;

JourneyExportTarget *journey_export_target_copy  (const JourneyExportTarget *target);
void                 journey_export_target_free  (JourneyExportTarget       *target);
const char          *journey_export_format_get_extension (JourneyExportFormat format);

/* Writes @map of @project (CSV: @map, or every map when NULL) as @target
 * says.  Never leaves a partial file. */
gboolean             journey_export_target_write (const JourneyExportTarget *target,
                                                  JourneyProject            *project,
                                                  JourneyMap                *map,
                                                  GError                   **error);

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
JourneyExportFormat journey_export_dialog_get_format (JourneyExportDialog       *self);
void                journey_export_dialog_set_format (JourneyExportDialog       *self,
                                                      JourneyExportFormat        format);
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
