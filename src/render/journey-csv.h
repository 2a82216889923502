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

/* Appends one quoted, neutralised cell (without separator). */
void  journey_csv_append_cell (GString        *out,
                               const char     *text);

G_END_DECLS
