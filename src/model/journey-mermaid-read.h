/* journey-mermaid-read.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-model.h"
#include "journey-problem.h"

G_BEGIN_DECLS

/*
 * Mermaid `journey` diagrams read as maps (issue 19, SPEC §5): a diagram
 * on its own (a .mmd file), or the ```mermaid blocks of a Markdown file
 * that start with `journey`, one map each.
 *
 * The mapping: sections become stages in order, each as long as its
 * number of tasks (at least 1); tasks become touchpoints at evenly spaced
 * times in their section, with ids made from their titles; the score is
 * the satisfaction, on 1–5 when every score is within it, else on the
 * smallest preset scale that holds them all; actors become lanes in order
 * of first appearance (the first the customer lane, the others onstage),
 * a task goes to its first actor's lane and its other actors are kept in
 * its description; `title` is the map's title, `accDescr` its objective.
 */

typedef enum
{
  JOURNEY_MERMAID_NONE,      /* not Mermaid: a project file, or anything else */
  JOURNEY_MERMAID_DIAGRAM,   /* a diagram on its own */
  JOURNEY_MERMAID_MARKDOWN,  /* Markdown with ```mermaid blocks */
} JourneyMermaidKind;

/* What @data holds, from its content alone. */
JourneyMermaidKind  journey_mermaid_detect            (const char  *data,
                                                       gsize        length);

/* Reads the journey diagrams of @data (of either kind) into a new
 * project.  On failure, returns NULL, sets @error (JOURNEY_FORMAT_ERROR)
 * and appends the problem, placed "line L, column C", to @problems.
 * @warnings (nullable) receives what Mermaid accepts but the map had to
 * guess: a missing or non-numeric score, a score no scale holds. */
JourneyProject     *journey_mermaid_read_data         (const char  *data,
                                                       gsize        length,
                                                       GPtrArray   *problems,
                                                       GPtrArray   *warnings,
                                                       GError     **error);

/* An id made from @title: lower-case ASCII letters and digits, words
 * joined by "-", at most 48 bytes; @fallback when nothing is left. */
char               *journey_mermaid_id_from_title     (const char  *title,
                                                       const char  *fallback);

G_END_DECLS
