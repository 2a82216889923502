/* journey-survey-import.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-model.h"
#include "journey-survey-format.h"
#include "journey-survey-read.h"

G_BEGIN_DECLS

/*
 * JourneySurveyImport: a survey export read into aggregates per touchpoint
 * of one map (SPEC §11).  The rows stream through: only counts per survey
 * step, per day, are kept, never a row.  Reading may go on as the file
 * grows (a followed source): the aggregates can be taken at any time.
 */

typedef struct
{
  JourneySurveyEncoding encoding;          /* AUTO: detect */
  char                  separator;         /* 0: detect */
  int                   format;            /* a JourneySurveyFormat, or -1: detect */
  char                **evidence_columns;  /* "COLUMN=TOUCHPOINT" (wide), or NULL */
  char                 *touchpoint_column; /* long */
  char                 *score_column;      /* long */
  char                 *time_column;       /* "": none, not even the format's */
  char                 *count_column;
  gboolean              has_survey_scale;  /* else the map's */
  int                   survey_min;
  int                   survey_max;
  char                 *since;             /* "YYYY-MM-DD", or NULL */
  int                   last_days;         /* 0: all */
} JourneySurveyOptions;

void     journey_survey_options_clear (JourneySurveyOptions       *options);
/* @to: uninitialised; a deep copy of @from */
void     journey_survey_options_copy  (JourneySurveyOptions       *to,
                                       const JourneySurveyOptions *from);

/* Survey scales have at most this many steps (0–100 sliders). */
#define JOURNEY_SURVEY_MAX_STEPS 101
/* Skipped rows are listed up to this many, then counted. */
#define JOURNEY_SURVEY_MAX_LISTED 20

typedef struct
{
  guint64  line;
  char    *reason;   /* translated */
} JourneySurveySkip;

typedef struct
{
  gint64 day;        /* the Monday, in days since 1970 */
  double responses;
  double sum;        /* of survey scores */
} JourneySurveyWeek;

typedef struct
{
  JourneyTouchpoint *touchpoint;
  double             responses;
  double             sum;        /* of survey scores */
  GArray            *histogram;  /* of double: per survey step */
  gint64             first;      /* seconds since 1970, or G_MININT64 without times */
  gint64             last;
  GArray            *weeks;      /* of JourneySurveyWeek, in order */
} JourneySurveyResult;

/* Mapping errors are the command line's usage errors (exit 2). */
#define JOURNEY_SURVEY_MAPPING_ERROR (journey_survey_mapping_error_quark ())
GQuark journey_survey_mapping_error_quark (void);

typedef struct _JourneySurveyImport JourneySurveyImport;

JourneySurveyImport *journey_survey_import_new          (JourneyMap                 *map,
                                                         const JourneySurveyOptions *options);
void                 journey_survey_import_free         (JourneySurveyImport        *self);
gboolean             journey_survey_import_feed         (JourneySurveyImport        *self,
                                                         const char                 *bytes,
                                                         gsize                       length,
                                                         GError                    **error);
gboolean             journey_survey_import_read         (JourneySurveyImport        *self,
                                                         GInputStream               *stream,
                                                         GCancellable               *cancellable,
                                                         GError                    **error);
gboolean             journey_survey_import_end          (JourneySurveyImport        *self,
                                                         GError                    **error);
gboolean             journey_survey_import_flush        (JourneySurveyImport        *self,
                                                         GError                    **error);
gboolean             journey_survey_import_read_file    (JourneySurveyImport        *self,
                                                         GFile                      *file,
                                                         GCancellable               *cancellable,
                                                         GError                    **error);

guint64              journey_survey_import_get_bytes_read (JourneySurveyImport      *self);
JourneySurveyHeader *journey_survey_import_get_header   (JourneySurveyImport        *self);
JourneySurveyReader *journey_survey_import_get_reader   (JourneySurveyImport        *self);
guint64              journey_survey_import_get_n_used   (JourneySurveyImport        *self);
guint64              journey_survey_import_get_n_skipped(JourneySurveyImport        *self);
GPtrArray           *journey_survey_import_get_skipped  (JourneySurveyImport        *self);
void                 journey_survey_import_get_scale    (JourneySurveyImport        *self,
                                                         int                        *min,
                                                         int                        *max);
GPtrArray           *journey_survey_import_get_results  (JourneySurveyImport        *self,
                                                         gint64                     *newest);
/* The mapping as it was resolved, for the source record: "COLUMN=ID" for
 * each wide column (COLUMN the column's id, or #N), NULL when long. */
char               **journey_survey_import_get_mapping  (JourneySurveyImport        *self);

void                 journey_survey_result_free         (JourneySurveyResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneySurveyImport, journey_survey_import_free)

G_END_DECLS
