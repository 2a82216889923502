/* journey-mermaid-write.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-model.h"
#include "journey-problem.h"

G_BEGIN_DECLS

/*
 * A map written as a Mermaid `journey` diagram (issue 19, SPEC §5): its
 * title, its objective as accDescr, its stages as sections, the
 * touchpoints on the emotion curve (customer and onstage lanes) in time
 * order as tasks, their satisfaction mapped onto 1–5 and rounded, their
 * lane's name as the actor.
 *
 * Names that Mermaid would read otherwise are altered so that Mermaid
 * shows the visible text: `:`, `#`, `;`, `<`, `&` (and `,` in an actor)
 * become look-alike characters, line breaks become spaces (`<br>` in a
 * section), and a task whose name starts with a keyword of the diagram
 * gets an invisible U+200B ZERO WIDTH SPACE in front (which the reader
 * drops again).
 */

typedef enum
{
  JOURNEY_MERMAID_PLAIN,     /* .mmd: the diagram alone */
  JOURNEY_MERMAID_FENCED,    /* .md: a heading and a ```mermaid block */
} JourneyMermaidStyle;

/* The diagram of @map (of @project) as text.  @alterations (nullable)
 * receives one JourneyProblem per altered name: its place
 * ("maps[0].touchpoints[3].title") and how it is written. */
char     *journey_mermaid_write_data  (JourneyProject      *project,
                                       JourneyMap          *map,
                                       JourneyMermaidStyle  style,
                                       GPtrArray           *alterations);

/* Writes the diagram to @path (fenced when @path ends in .md), through a
 * temporary file renamed over it. */
gboolean  journey_mermaid_write_file  (JourneyProject      *project,
                                       JourneyMap          *map,
                                       const char          *path,
                                       GPtrArray           *alterations,
                                       GError             **error);

/* Whether @path names a Mermaid file (.mmd or .md), and which style. */
gboolean  journey_mermaid_style_for_path (const char          *path,
                                          JourneyMermaidStyle *style);

G_END_DECLS
