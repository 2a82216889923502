/* journey-survey-format.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "journey-survey-read.h"

G_BEGIN_DECLS

/*
 * What a survey export looks like (SPEC §11): which tool wrote it, how many
 * header rows it has, the names of each column, the scores and times in
 * its cells.  Everything here is detected from the content, never from the
 * file's name.
 */

typedef enum
{
  JOURNEY_SURVEY_PLAIN,
  JOURNEY_SURVEY_QUALTRICS,
  JOURNEY_SURVEY_QUALTRICS_LEGACY,
  JOURNEY_SURVEY_SURVEYMONKEY,
  JOURNEY_SURVEY_GOOGLE_FORMS,
  JOURNEY_SURVEY_TYPEFORM,
  JOURNEY_SURVEY_MICROSOFT_FORMS,
  JOURNEY_SURVEY_N_FORMATS,
} JourneySurveyFormat;

/* The header rows a format detection looks at, at most. */
#define JOURNEY_SURVEY_MAX_HEADER_ROWS 3

typedef struct
{
  guint   index;        /* 0-based */
  char   *id;           /* the first header cell (a Qualtrics id such as Q3), maybe "" */
  char   *question;     /* the question text (inherited from the left in a multi-column question) */
  char  **names;        /* every name the column answers to, casefolded, "#N" included */
} JourneySurveyColumn;

typedef struct
{
  JourneySurveyFormat  format;
  guint                n_header_rows;
  GPtrArray           *columns;      /* of JourneySurveyColumn */
  int                  time_column;  /* the format's time column, or -1 */
  int                  status_column;/* Qualtrics' Status, or -1 */
} JourneySurveyHeader;

const char          *journey_survey_format_to_string   (JourneySurveyFormat   format);
const char          *journey_survey_format_get_name    (JourneySurveyFormat   format);
gboolean             journey_survey_format_from_string (const char           *name,
                                                        JourneySurveyFormat  *format);

/* @rows: the first rows of the file (up to JOURNEY_SURVEY_MAX_HEADER_ROWS),
 * each a NULL-terminated strv. */
JourneySurveyHeader *journey_survey_header_new         (GPtrArray            *rows,
                                                        int                   format);
void                 journey_survey_header_free        (JourneySurveyHeader  *self);

/* The columns named @name (case-insensitively, or "#N"): a GArray of guint. */
GArray              *journey_survey_header_find        (JourneySurveyHeader  *self,
                                                        const char           *name);

/* Why a response row of this format is no customer's answer (a Qualtrics
 * preview, test or spam), or NULL. */
const char          *journey_survey_header_excluded    (JourneySurveyHeader  *self,
                                                        const JourneySurveyRow *row);

/* A score cell: a number ("4", "4.5", "4,5", "10 - Extremely likely") or a
 * label of a known scale ("Very satisfied"), with @steps the survey scale's
 * number of steps and @labels (nullable) the map's own.  Returns FALSE for
 * an empty cell or one that holds no score; *@value is then NAN. */
gboolean             journey_survey_parse_score        (const char           *cell,
                                                        int                   min,
                                                        int                   max,
                                                        char * const         *labels,
                                                        double               *value);

/* The number of steps of the shortest known label set (Very dissatisfied
 * … Very satisfied) that holds the label @cell, or 0 when it is none. */
guint                journey_survey_label_steps        (const char           *cell);

/* A time cell as survey tools write them: "2026-02-05 10:54:08",
 * "2026-02-05T10:54:08Z", "2026/02/05 10:54:08 PM GMT+5:30", "2/5/2026
 * 22:54", "5.2.2026 10:54:08", a date alone.  *@seconds: since 1970 UTC. */
gboolean             journey_survey_parse_time         (const char           *cell,
                                                        gint64               *seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneySurveyHeader, journey_survey_header_free)

G_END_DECLS
