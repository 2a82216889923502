/* journey-problem.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A problem found in a file or a project, and its place.
 *
 * A problem names its place as a JSON path ("maps[0].touchpoints[3].time"),
 * or "line L, column C" when the JSON itself is malformed, or is empty for
 * the whole file.  The reader and the checker both report through here.
 */

typedef struct
{
  char *path;
  char *message;
} JourneyProblem;

void journey_problem_free (JourneyProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JourneyProblem, journey_problem_free)

/* A place in a document, built on the stack as the reader and the checker
 * walk it, and turned into text ("maps[0].touchpoints[3].time") only when
 * there is a problem to report there. */
typedef struct _JourneyPath JourneyPath;

struct _JourneyPath
{
  const JourneyPath *parent;
  const char        *key;    /* a member, or NULL for an element */
  guint              index;  /* the element's index when key is NULL */
};

#define JOURNEY_PATH_KEY(parent_, key_)     { (parent_), (key_), 0 }
#define JOURNEY_PATH_INDEX(parent_, index_) { (parent_), NULL, (index_) }

char *journey_path_to_string (const JourneyPath *path);

/* Appends a problem at @path (NULL: the whole file). */
void  journey_problems_add   (GPtrArray         *problems,
                              const JourneyPath *path,
                              const char        *format,
                              ...) G_GNUC_PRINTF (3, 4);
/* Appends a problem whose place is already text; takes both strings. */
void  journey_problems_take  (GPtrArray         *problems,
                              char              *path,
                              char              *message);

G_END_DECLS
