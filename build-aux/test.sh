#!/usr/bin/env bash
# test.sh — install what is missing, build with warnings as errors, run the
# tests.
#
#   build-aux/test.sh [--sanitize] [MESON-TEST-ARGS...]
#
#   --sanitize   build in _build-sanitize with AddressSanitizer, LeakSanitizer
#                and UndefinedBehaviorSanitizer, and run the tests there
#   --fuzz SECONDS
#                build the libFuzzer harness tests/fuzz/fuzz-journey with
#                clang in _build-fuzz (ASan and UBSan, fatal), replay the
#                regression inputs, then fuzz for SECONDS from the seed
#                corpus (data/examples, data/tests) with the format's
#                dictionary.  A crashing input is left in
#                _build-fuzz/artifacts/; add it to data/tests/fuzz/.
#
# Other arguments go to `meson test`, for example --suite data or a test
# name.  Without a display, the tests run in Xvfb with a private D-Bus
# session.  Exits with the status of `meson test`, after a closing line
# "N passed, N failed[, N skipped]".
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

# shellcheck source=build-aux/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

sanitize=false
fuzz_seconds=
test_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sanitize) sanitize=true ;;
    --fuzz)
      if [[ $# -lt 2 || ! "$2" =~ ^[0-9]+$ ]]; then
        echo "test.sh: --fuzz needs a number of seconds" >&2
        exit 2
      fi
      fuzz_seconds="$2"
      shift
      ;;
    *) test_args+=("$1") ;;
  esac
  shift
done

# Sanitizer reports are fatal, and leaks inside system libraries (fontconfig,
# pango, GTK's caches) that are not ours to fix are suppressed.
journeys_sanitizer_env() {
  # Full stacks for leaks: system libraries are built without frame
  # pointers, and without them a leak's stack ends in g_malloc(), where no
  # suppression of build-aux/lsan.supp can tell GTK's leaks from ours.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0"
  # GLib's slice allocator hides leaks and use-after-free from ASan.
  export G_SLICE=always-malloc
}

if [[ -n "$fuzz_seconds" ]]; then
  builddir=_build-fuzz
  CC=clang journeys_meson_setup "$builddir" \
    -Dfuzzing=true \
    -Db_sanitize=address,undefined \
    -Db_lundef=false
  meson compile -C "$builddir" tests/fuzz/fuzz-journey tests/fuzz/fuzz-replay
  journeys_sanitizer_env
  export LC_ALL=C.UTF-8
  seeds=(data/examples data/tests/valid data/tests/invalid data/tests/fuzz data/tests/evidence data/tests/mermaid)
  echo "test.sh: replaying ${seeds[*]}"
  "$builddir/tests/fuzz/fuzz-replay" "${seeds[@]}" | tail -n 1
  mkdir -p "$builddir/corpus" "$builddir/artifacts"
  echo "test.sh: fuzzing for $fuzz_seconds s"
  status=0
  "$builddir/tests/fuzz/fuzz-journey" \
    -max_total_time="$fuzz_seconds" \
    -dict=tests/fuzz/journey.dict \
    -max_len=65536 \
    -timeout=30 \
    -rss_limit_mb=4096 \
    -print_final_stats=1 \
    -artifact_prefix="$builddir/artifacts/" \
    "$builddir/corpus" "${seeds[@]}" || status=$?
  if [[ $status -ne 0 ]]; then
    echo "test.sh: the fuzzer found a problem: see $builddir/artifacts/;" \
         "add the input to data/tests/fuzz/ as a regression case" >&2
  fi
  exit "$status"
fi

if $sanitize; then
  builddir=_build-sanitize
  journeys_meson_setup "$builddir" \
    -Dwerror=true \
    -Db_sanitize=address,undefined \
    -Db_lundef=false
  journeys_sanitizer_env
  # Sanitized code is slower: give each test more time.
  test_args=(--timeout-multiplier 3 "${test_args[@]}")
else
  builddir=_build
  journeys_meson_setup "$builddir" -Dwerror=true
fi

meson compile -C "$builddir"
journeys_install_mermaid "$builddir"

run=()
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  run=(dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset")
  # The session's AT-SPI bus puts its socket in $XDG_RUNTIME_DIR, or else
  # in ~/.cache/at-spi/bus, where test runs at the same time take each
  # other's bus: give this run a folder of its own.
  if [[ -z "${XDG_RUNTIME_DIR:-}" ]]; then
    XDG_RUNTIME_DIR="$(mktemp -d)"
    export XDG_RUNTIME_DIR
    trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
  fi
fi

testlog="$builddir/meson-logs/testlog.json"
rm -f "$testlog"

status=0
"${run[@]}" meson test -C "$builddir" --print-errorlogs "${test_args[@]}" || status=$?

# A plain closing line that any CI reads: "N passed, N failed[, N skipped]".
/usr/bin/python3 - "$testlog" <<'PY'
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result", "")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
except FileNotFoundError:
    pass
text = "%d passed, %d failed" % (passed, failed)
if skipped:
    text += ", %d skipped" % skipped
print(text)
PY

exit "$status"
