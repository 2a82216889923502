/* journey-import-dialog-private.h: what the files of the Import Survey
 * dialog share.  journey-import-dialog.c holds the dialog, the file's
 * reading options and the preview; journey-import-dialog-mapping.c the
 * columns, scale and time window; journey-import-dialog-run.c the import
 * in a worker thread.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-import-dialog.h"
#include "journey-survey-preview.h"

G_BEGIN_DECLS

struct _JourneyImportDialog
{
  AdwWindow             parent_instance;

  JourneyDocument      *document;
  JourneyMap           *map;
  GFile                *file;
  JourneySurveyPreview *preview;
  GError               *preview_error;
  /* The mapping, scale and window as shown (the reading options are the
   * file rows'). */
  JourneySurveyOptions  options;
  gboolean              updating;      /* filling the widgets: no handler reacts */
  gboolean              scale_by_hand; /* the user chose the scale: keep it */
  GPtrArray            *column_rows;   /* AdwComboRow per header column, or NULL */
  gboolean              valid;         /* Import can go */
  gboolean              remembered;    /* the options are a source's: shown once as they are */

  /* The import running, or NULL */
  GCancellable         *cancellable;
  gpointer              running;       /* the task's data */
  guint                 progress_id;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkWidget            *content_box;
  AdwComboRow          *format_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *separator_row;
  GtkGrid              *preview_grid;
  GtkLabel             *summary_label;
  AdwComboRow          *layout_row;
  AdwPreferencesGroup  *wide_group;
  AdwPreferencesGroup  *long_group;
  AdwComboRow          *touchpoint_column_row;
  AdwComboRow          *score_column_row;
  AdwComboRow          *count_column_row;
  AdwComboRow          *scale_row;
  GtkWidget            *range_row;
  GtkSpinButton        *min_spin;
  GtkSpinButton        *max_spin;
  AdwComboRow          *time_column_row;
  AdwComboRow          *window_row;
  AdwEntryRow          *since_row;
  GtkSwitch            *follow_switch;
};

/* journey-import-dialog.c */
void journey_import_dialog_update_summary (JourneyImportDialog *self);
void journey_import_dialog_emit_imported  (JourneyImportDialog *self,
                                           const char          *message);
GFile *journey_import_dialog_dup_project_folder (JourneyImportDialog *self);

/* journey-import-dialog-mapping.c */
void journey_import_dialog_mapping_init   (JourneyImportDialog *self);
/* The widgets from self->options, after a new preview. */
void journey_import_dialog_show_mapping   (JourneyImportDialog *self);
/* self->options from the widgets; FALSE when they are incomplete (a date
 * that is none, a scale with no steps), with why in @why. */
gboolean journey_import_dialog_read_mapping (JourneyImportDialog *self,
                                             char               **why);

/* journey-import-dialog-run.c */
void journey_import_dialog_import_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
void journey_import_dialog_cancel_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
void journey_import_dialog_run_dispose   (JourneyImportDialog *self);

G_END_DECLS
