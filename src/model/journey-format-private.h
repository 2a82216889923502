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

G_END_DECLS
