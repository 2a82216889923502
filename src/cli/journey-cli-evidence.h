/* journey-cli-evidence.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* journeys --import-evidence and --refresh-evidence (SPEC §5). */

typedef struct
{
  char     *import_evidence;    /* SURVEY */
  char     *refresh_evidence;   /* FILE */
  char    **evidence_columns;
  char     *touchpoint_column;
  char     *score_column;
  char     *time_column;
  char     *count_column;
  char     *survey_scale;
  char     *source;
  gboolean  follow;
  char     *since;
  int       last_days;
} JourneyCliEvidence;

void     journey_cli_evidence_add_entries (GOptionContext     *context,
                                           JourneyCliEvidence *options);
gboolean journey_cli_evidence_requested   (JourneyCliEvidence *options);
int      journey_cli_evidence_run         (JourneyCliEvidence *options,
                                           const char         *export,
                                           char              **files,
                                           const char         *map_id);
void     journey_cli_evidence_clear       (JourneyCliEvidence *options);

G_END_DECLS
