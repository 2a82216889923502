/* journey-format-private.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-format.h"

G_BEGIN_DECLS

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

void  journey_problems_add   (GPtrArray         *problems,
                              const JourneyPath *path,
                              const char        *format,
                              ...) G_GNUC_PRINTF (3, 4);

/* Checks of single values, shared by the reader and the checker. */
gboolean journey_color_is_valid    (const char *color);
gboolean journey_timestamp_is_valid (const char *text);

G_END_DECLS
