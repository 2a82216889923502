/* journey-mermaid-write.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "journey-export.h"
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

/* The rows "mmd" and "md" of the export table (journey-export.c): the
 * diagram of @map, alone or fenced in Markdown, written to @path through a
 * temporary file renamed over it; the names altered are listed on stderr
 * ("OUT: maps[0].touchpoints[3].title: …"). */
gboolean  journey_mermaid_export_plain  (JourneyProject             *project,
                                         JourneyMap                 *map,
                                         const JourneyExportOptions *options,
                                         const char                 *path,
                                         GError                    **error);
gboolean  journey_mermaid_export_fenced (JourneyProject             *project,
                                         JourneyMap                 *map,
                                         const JourneyExportOptions *options,
                                         const char                 *path,
                                         GError                    **error);

G_END_DECLS
