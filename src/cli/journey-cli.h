/* journey-cli.h
 *
 * Copyright 2026 The Journeys developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the command line (SPEC §5). */
enum
{
  JOURNEY_EXIT_OK    = 0,
  JOURNEY_EXIT_INPUT = 1, /* bad input: the error names the file and the place */
  JOURNEY_EXIT_USAGE = 2,
};

/* Parses the command line @args (a strv the caller owns).  When it asks for
 * --validate, --export or --version, does that without a display and
 * returns the exit code; otherwise returns -1 and leaves in @args the
 * program name and the files for the application to open. */
int journey_cli_run (char ***args);

G_END_DECLS
