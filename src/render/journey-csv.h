/* journey-csv.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "journey-model.h"

G_BEGIN_DECLS

/*
 * Pain points, opportunities and actions as CSV (RFC 4180, UTF-8, CRLF),
 * one row each, for Jira or Rally:
 *
 *   map,stage,touchpoint,kind,text,owner,status,votes
 *
 * Cells are quoted by libcsv.  A cell that starts with = + - @ (or a tab or
 * carriage return) gets a leading apostrophe, so that a spreadsheet shows
 * it as text instead of running it as a formula.
 */

/* Of @map, or of every map of @project when @map is NULL. */
char *journey_csv_write       (JourneyProject *project,
                               JourneyMap     *map,
                               gsize          *length);

/*
 * Flavours (SPEC §5).  PLAIN is the table above.  JIRA and RALLY write one
 * row per action, with the column names and values that the importers of
 * those trackers map without editing:
 *
 *   Summary,Description,Issue Type,Status,Labels,Labels,Priority   (Jira)
 *   Name,Description,Schedule State,Tags                           (Rally)
 *
 * The Description holds the touchpoint's context (map, stage, persona,
 * owner, votes, pain points), after the action's whole text when the
 * one-line Summary or Name could not hold it.  Text stays verbatim there: every
 * cell is quoted, and none gets an apostrophe, since an importer, not a
 * spreadsheet, reads these files.
 */
typedef enum
{
  JOURNEY_CSV_PLAIN,
  JOURNEY_CSV_JIRA,
  JOURNEY_CSV_RALLY,
} JourneyCsvFlavour;

/* "plain", "jira" or "rally"; FALSE for any other @name. */
gboolean    journey_csv_flavour_from_name (const char        *name,
                                           JourneyCsvFlavour *flavour);
const char *journey_csv_flavour_get_name  (JourneyCsvFlavour  flavour);

char       *journey_csv_write_flavour     (JourneyProject    *project,
                                           JourneyMap        *map,
                                           JourneyCsvFlavour  flavour,
                                           gsize             *length);

/* Appends one quoted, neutralised cell (without separator). */
void  journey_csv_append_cell (GString        *out,
                               const char     *text);

G_END_DECLS
