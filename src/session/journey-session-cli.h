/* journey-session-cli.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-model.h"

G_BEGIN_DECLS

/* journeys --session FILE [--map ID] (SPEC §5): a workshop session on
 * @project, read from @path, in a process of its own; returns the exit
 * status. */
int journey_session_cli_run (JourneyProject *project,
                             const char     *path,
                             const char     *map_id);

G_END_DECLS
