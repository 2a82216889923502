#!/usr/bin/env bash
# run.sh — install what is missing, build, and open the example map.
#
#   build-aux/run.sh [ARGS...]
#
# ARGS go to the program after the example file, for example another
# .journey file to open beside it.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

# shellcheck source=build-aux/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

builddir=_build

journeys_meson_setup "$builddir"
meson compile -C "$builddir"

# Run uninstalled: the GSettings schema is compiled into the build folder.
export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"
exec "$builddir/src/journeys" data/examples/hotel.journey "$@"
