#!/usr/bin/env python3
# check-flatpak-manifest.py — check the Flatpak manifest without building it
#
#   check-flatpak-manifest.py MANIFEST DESKTOP-FILE APP-ID
#
# The manifest must be valid JSON for APP_ID on a GNOME runtime of 49 or
# newer, ask for no more than Wayland, X11 as a fallback, IPC, the GPU and
# the network (a workshop session's server, SPEC §10; files go through the
# portal, so no --filesystem), pin every source it
# downloads, and build the app from this repository.  The desktop file's
# Exec must take files (%f %F %u %U): flatpak rewrites it on export to
# `flatpak run --file-forwarding APP_ID @@ %F @@`, which needs them.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import json
import re
import sys

FINISH_ARGS = {'--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri', '--share=network'}

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def check_source(module, source):
    where = f"module {module.get('name')!r}"
    kind = source.get('type')
    if kind in ('archive', 'file'):
        check('url' in source, f'{where}: {kind} source without url')
        check(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
              f'{where}: {kind} source not pinned by sha256')
    elif kind == 'git':
        check(re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')) is not None,
              f'{where}: git source not pinned to a commit')
    elif kind in ('dir', 'shell', 'patch'):
        pass
    else:
        problems.append(f'{where}: unexpected source type {kind!r}')


def main():
    manifest_path, desktop_path, app_id = sys.argv[1:4]
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{manifest_path}: {e}')
        return 1

    check(manifest.get('id', manifest.get('app-id')) == app_id, f'id is not {app_id}')
    check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    check(version.isdigit() and int(version) >= 49, f'runtime-version {version!r} is not 49 or newer')
    check(manifest.get('command') == 'journeys', 'command is not journeys')

    finish_args = manifest.get('finish-args', [])
    check(set(finish_args) == FINISH_ARGS and len(finish_args) == len(FINISH_ARGS),
          f'finish-args are {finish_args}, not exactly {sorted(FINISH_ARGS)}')
    check(not any(a.startswith('--filesystem') for a in finish_args), 'finish-args give file system access')

    modules = manifest.get('modules', [])
    check(len(modules) > 0, 'no modules')
    names = [m.get('name') for m in modules if isinstance(m, dict)]
    check('libcsv' in names, 'no libcsv module')
    # The GNOME runtime has libsoup 3, not libqrencode.
    check('libqrencode' in names, 'no libqrencode module')
    for module in modules:
        for source in module.get('sources', []):
            check_source(module, source)
    if modules:
        app = modules[-1]
        check(app.get('name') == 'journeys', 'the last module is not journeys')
        check(app.get('buildsystem') == 'meson', 'journeys is not built with meson')
        check(any(s.get('type') in ('dir', 'git') for s in app.get('sources', [])),
              'journeys is not built from this repository (dir or git source)')

    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(desktop_path, encoding='utf-8')
    exec_line = desktop.get('Desktop Entry', 'Exec', fallback='')
    words = exec_line.split()
    check(len(words) > 0 and words[0] == manifest.get('command'),
          f'desktop Exec {exec_line!r} does not run the manifest command')
    check(any(w in ('%f', '%F', '%u', '%U') for w in words),
          f'desktop Exec {exec_line!r} takes no files, so flatpak cannot forward them')
    check('@@' not in exec_line, 'desktop Exec has @@: flatpak adds those itself on export')

    for problem in problems:
        print(f'{manifest_path}: {problem}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
