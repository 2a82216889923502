/* journey-survey-preview.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-survey-import.h"

G_BEGIN_DECLS

/*
 * JourneySurveyPreview: the beginning of a survey export, read before it
 * is imported (the Import Survey dialog, SPEC §11): what was detected
 * (encoding, separator, format), the header and the first rows, the
 * mapping and survey scale the import would propose, and a trial of the
 * import on those rows (how many would be used, how many skipped, and
 * why).  Only the first JOURNEY_SURVEY_PREVIEW_BYTES of the file are read,
 * so a preview is quick whatever the file's size.
 */

#define JOURNEY_SURVEY_PREVIEW_BYTES (256 * 1024)

typedef struct
{
  JourneySurveyEncoding  encoding;   /* as detected, or as given */
  char                   separator;
  JourneySurveyFormat    format;
  JourneySurveyHeader   *header;
  GPtrArray             *rows;       /* of GStrv: the response rows read */
  GArray                *lines;      /* of guint64: the physical line of each row */
  gboolean               complete;   /* the whole file was read */

  /* private */
  GBytes                *sample;
  JourneySurveyOptions   read_options;
} JourneySurveyPreview;

typedef struct
{
  guint64  n_used;
  guint64  n_skipped;
  guint64  n_outside;   /* before --since */
  GPtrArray *skipped;   /* of JourneySurveySkip, the first ones */
  GError  *error;       /* why the import cannot go on, or NULL */
} JourneySurveyTrial;

/* @options: the encoding, separator and format to read with (AUTO, 0, -1:
 * detect); the mapping in it is not used. */
JourneySurveyPreview *journey_survey_preview_new      (GFile                      *file,
                                                       const JourneySurveyOptions *options,
                                                       GCancellable               *cancellable,
                                                       GError                    **error);
JourneySurveyPreview *journey_survey_preview_new_from_bytes (GBytes                *bytes,
                                                       gboolean                    complete,
                                                       const JourneySurveyOptions *options,
                                                       GError                    **error);
void                  journey_survey_preview_free     (JourneySurveyPreview       *self);

/* Fills @options' mapping (wide "#N=ID" pairs, or the touchpoint and score
 * columns), time column and survey scale with what an import of @map
 * would take without being told: see journey_survey_import_new().  A wide
 * survey whose questions name no touchpoint gets no pair: the user
 * chooses. */
void                  journey_survey_preview_propose  (JourneySurveyPreview       *self,
                                                       JourneyMap                 *map,
                                                       JourneySurveyOptions       *options);

/* @options' survey scale from the cells of the columns it maps. */
void                  journey_survey_preview_propose_scale (JourneySurveyPreview  *self,
                                                       JourneySurveyOptions       *options);
gboolean              journey_survey_preview_column_has_scores (JourneySurveyPreview *self,
                                                       guint                       column);

/* An import of the rows read with @options. */
JourneySurveyTrial   *journey_survey_preview_try      (JourneySurveyPreview       *self,
                                                       JourneyMap                 *map,
                                                       const JourneySurveyOptions *options);
void                  journey_survey_trial_free       (JourneySurveyTrial         *trial);

/* The survey scale that the score cells @cells (each a number or a label)
 * fit: 1–5, 1–7, 0–10, −2…+2, else their own range.  FALSE when no cell
 * holds a score. */
gboolean              journey_survey_propose_scale    (const char * const         *cells,
                                                       guint                       n_cells,
                                                       int                        *min,
                                                       int                        *max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneySurveyPreview, journey_survey_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneySurveyTrial, journey_survey_trial_free)

G_END_DECLS
