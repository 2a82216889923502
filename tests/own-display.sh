#!/bin/sh
# own-display.sh PROGRAM [ARG…]: runs a test of the window on an X server
# of its own, and stops the server after it.
#
# Tests that run at the same time on one display share its selections: a
# test that copies owns the CLIPBOARD, and every other GTK process asks the
# new owner what it holds, or pastes from it.  GTK 4.8's X11 backend leaks
# the transfer it was serving when the asking process goes away, which
# LeakSanitizer reports in whichever test served it.  A display of its own
# also keeps one test's clipboard out of another's paste.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

if ! command -v Xvfb >/dev/null 2>&1; then
  exec "$@"
fi

ready="$(mktemp)"
# Xvfb picks a free display itself and writes its number when it is ready.
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp -noreset 5>"$ready" 2>/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$ready"' EXIT INT TERM

for _ in $(seq 1 200); do
  if [ -s "$ready" ]; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "own-display.sh: Xvfb did not start" >&2
    exit 99
  fi
  sleep 0.05
done
if [ ! -s "$ready" ]; then
  echo "own-display.sh: Xvfb did not start in 10 s" >&2
  exit 99
fi

DISPLAY=":$(head -n 1 "$ready")"
export DISPLAY
unset WAYLAND_DISPLAY
status=0
"$@" || status=$?
exit "$status"
