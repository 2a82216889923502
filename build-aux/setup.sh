# setup.sh — shared set-up of run.sh and test.sh.  Source it; do not run it.
#
# Installs the Debian packages that building, running and testing Journeys
# need, if any is missing, and moves to the top of the source tree.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

# shellcheck shell=bash

JOURNEYS_PACKAGES=(
  # build
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev librsvg2-dev libcairo2-dev libpng-dev libpango1.0-dev libharfbuzz-dev libcsv-dev
  # the workshop session (SPEC §10): its HTTP server and the address's QR code
  libsoup-3.0-dev libqrencode-dev
  # translations, data files and help, and their checks
  gettext desktop-file-utils appstream itstool yelp-tools
  python3 python3-jsonschema libxml2-utils shared-mime-info
  # the map's font (SPEC §4): measured, drawn and named in the SVG
  fonts-cantarell
  # a font that kerns "AV", for the text measurer's test of kerning
  fonts-dejavu-core
  # SVG icons in GTK (the gdk-pixbuf loader)
  librsvg2-common
  # tests of the window: a display server, a session bus, input and screenshots
  xvfb xauth dbus imagemagick xdotool
  # the accessibility test: the AT-SPI bus and its Python client
  at-spi2-core python3-pyatspi
  # the participant page and Mermaid's own renderer, in a real browser
  # (npm comes with some builds of nodejs, and conflicts with them: it is
  # added below only where the npm command is missing)
  chromium chromium-driver python3-selenium nodejs
  # memory checks
  valgrind
  # the fuzzer (build-aux/test.sh --fuzz): clang and its libFuzzer runtime
  clang libclang-rt-14-dev
)

journeys_top_srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$journeys_top_srcdir" || exit 1

journeys_missing_packages() {
  local pkg status
  for pkg in "${JOURNEYS_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
      printf '%s\n' "$pkg"
    fi
  done
  if ! command -v npm >/dev/null 2>&1; then
    printf '%s\n' npm
  fi
}

journeys_install_packages() {
  local -a missing sudo=()

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup: this is not a Debian-based system; install the equivalents of:" >&2
    echo "  ${JOURNEYS_PACKAGES[*]}" >&2
    return 0
  fi

  mapfile -t missing < <(journeys_missing_packages)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi

  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      echo "setup: these packages are missing, and installing them needs root:" >&2
      echo "  sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi

  echo "setup: installing ${missing[*]}"
  # Wait for another installer (a second checkout's set-up) to finish
  # rather than failing on dpkg's lock.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=900 update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}"
}

# Mermaid's own renderer, for the test that renders the exported Mermaid
# journeys (tests/test-mermaid-render.py): the npm package, its major
# version pinned, in DIR/mermaid-npm.  Offline, the test is skipped.
JOURNEYS_MERMAID_NPM="mermaid@11"

journeys_install_mermaid() {
  local prefix="$1/mermaid-npm"
  if [[ -f "$prefix/node_modules/mermaid/dist/mermaid.min.js" ]]; then
    return 0
  fi
  echo "setup: installing $JOURNEYS_MERMAID_NPM from npm into $prefix"
  mkdir -p "$prefix"
  if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save "$JOURNEYS_MERMAID_NPM" >/dev/null; then
    echo "setup: cannot install $JOURNEYS_MERMAID_NPM (offline?): test-mermaid-render will be skipped" >&2
  fi
  return 0
}

# meson setup DIR OPTIONS..., or reconfigure DIR with OPTIONS if it exists.
journeys_meson_setup() {
  local dir="$1"
  shift
  if [[ -f "$dir/meson-private/coredata.dat" ]]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

journeys_install_packages
