/* journey-benchmark.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-window.h"

G_BEGIN_DECLS

/* With JOURNEYS_BENCHMARK_FIRST_FRAME set, the application prints
 * "first-frame" on standard output once @window has drawn the map of the
 * journey it opened, and quits: tests/bench-startup.c times it. */
gboolean journey_benchmark_enabled (void);
void     journey_benchmark_watch   (JourneyWindow *window);

G_END_DECLS
