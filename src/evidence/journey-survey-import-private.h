/* journey-survey-import-private.h: what the files of the survey import
 * share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-survey-import.h"

G_BEGIN_DECLS

/* A touchpoint's (or one day's) counts. */
typedef struct
{
  double  responses;
  double  sum;
  gint64  first;
  gint64  last;
  double  counts[];  /* per survey step */
} Bin;

typedef struct
{
  Bin        *untimed;
  GHashTable *days;      /* gint64 day → Bin */
  gint64      last_day;
  Bin        *last_bin;
} Aggregate;

typedef struct
{
  guint column;
  guint touchpoint;
} WideColumn;

struct _JourneySurveyImport
{
  JourneyMap           *map;
  JourneySurveyOptions  options;
  JourneyScale         *survey_scale;
  guint                 n_steps;

  JourneySurveyReader  *reader;
  GPtrArray            *header_rows;   /* of GStrv, until the header is known */
  GArray               *header_lines;  /* guint64 */
  GPtrArray            *header_invalid;/* const char *: why a row read ahead is broken, or NULL */
  JourneySurveyHeader  *header;

  GArray               *wide;          /* of WideColumn, or NULL when long */
  int                   touchpoint_column;
  int                   score_column;
  int                   time_column;
  int                   count_column;
  gint64                since_day;
  GHashTable           *touchpoint_by_name;  /* cell → index + 1, 0 for unknown */

  Aggregate            *aggregates;    /* one per touchpoint */
  guint                 n_touchpoints;
  double               *row_scores;    /* per wide column, scratch */

  guint64               n_used;
  guint64               n_skipped;
  guint64               n_outside;
  GPtrArray            *skipped;       /* of JourneySurveySkip, the first ones */
  gsize                 bytes_read;    /* atomic */
};


/* Names of touchpoints met in the cells, remembered up to this many. */
#define MAX_CACHED_NAMES 10000

gboolean journey_survey_import_resolve_mapping (JourneySurveyImport *self,
                                                GError             **error);
int      journey_survey_import_find_touchpoint (JourneySurveyImport *self,
                                                const char          *name);

G_END_DECLS
