#!/usr/bin/python3
# check-mime.py — check a shared-mime-info package file by compiling it.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-mime.py FILE MIME-TYPE GLOB
#
# update-mime-database exits 0 even when it skips a broken type, so this
# script reads what it says and what it writes: it fails when the database
# complains, or when MIME-TYPE with GLOB is not in the compiled result.

import os
import shutil
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 4:
        sys.stderr.write("usage: check-mime.py FILE MIME-TYPE GLOB\n")
        return 2
    source, mime_type, glob = sys.argv[1:]
    tool = shutil.which("update-mime-database")
    if tool is None:
        sys.stderr.write("check-mime.py: update-mime-database not found (package shared-mime-info)\n")
        return 77

    with tempfile.TemporaryDirectory() as root:
        os.mkdir(os.path.join(root, "packages"))
        shutil.copy(source, os.path.join(root, "packages", os.path.basename(source)))
        env = dict(os.environ, XDG_DATA_DIRS=root, XDG_DATA_HOME=root)
        result = subprocess.run([tool, root], env=env, capture_output=True, text=True)
        output = result.stdout + result.stderr
        problems = [line for line in output.splitlines()
                    if line.lower().startswith(("error", "warning", "unknown", "failed", "*"))]
        if result.returncode != 0 or problems:
            sys.stderr.write(output)
            print("%s: update-mime-database refused it" % source)
            return 1

        with open(os.path.join(root, "globs2"), encoding="utf-8") as f:
            globs = [line.strip().split(":") for line in f if not line.startswith("#")]
        if not any(len(g) >= 3 and g[1] == mime_type and g[2] == glob for g in globs):
            print("%s: %s is not registered for %s" % (source, glob, mime_type))
            return 1
        with open(os.path.join(root, "subclasses"), encoding="utf-8") as f:
            if not any(line.split()[:1] == [mime_type] for line in f):
                print("%s: %s has no parent type" % (source, mime_type))
                return 1

    print("%s: %s, %s" % (source, mime_type, glob))
    return 0


if __name__ == "__main__":
    sys.exit(main())
