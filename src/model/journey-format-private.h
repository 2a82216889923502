/* journey-format-private.h: what reading data and reading files share.
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-format.h"

G_BEGIN_DECLS

/* The file is over JOURNEY_FORMAT_MAX_SIZE: a problem in @problems (when
 * not NULL) and @error. */
void journey_format_report_too_large (GPtrArray  *problems,
                                      GError    **error);

/* journey-format-read.c: reads @data as the reader does, but returns the
 * project as far as it could be read, with what could not be read in
 * @problems (values left out, left at their defaults), without checking
 * the rules beyond the shape.  NULL, with @error set, only for what
 * cannot be read at all: bad UTF-8, malformed JSON, not an object, a
 * newer version, too large. */
JourneyProject *journey_format_read_data_leniently (const char  *data,
                                                    gsize        length,
                                                    GPtrArray   *problems,
                                                    GError     **error);

G_END_DECLS
