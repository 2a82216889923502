# atspi_helpers.py — what the tests that drive the real app share: the
# accessibility tree (pyatspi), the real pointer and keyboard (xdotool),
# and waiting for the app.  Importing it exits 77 (skipped) when pyatspi
# or xdotool is missing; import it before anything else that loads GLib.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
# Under the sanitizers, on a busy machine, the app takes long to start.
TIMEOUT = 60

# The AT-SPI client library warns of its own (a cache object that is not
# there yet); the tests' G_DEBUG=fatal-warnings is for our program, not for
# these scripts, and is read when GLib starts: drop it before the import.
_app_g_debug = os.environ.get("G_DEBUG")
os.environ["G_DEBUG"] = ",".join(flag for flag in (_app_g_debug or "").split(",")
                                 if flag and flag != "fatal-warnings")

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP pyatspi is missing (python3-pyatspi)")
    sys.exit(SKIP)

if shutil.which("xdotool") is None:
    print("1..0 # SKIP xdotool is missing")
    sys.exit(SKIP)


def app_g_debug():
    """G_DEBUG as the test harness set it, for the app's environment."""
    return _app_g_debug


def log(*args):
    print("#", *args, flush=True)


def wait_for(what, func, timeout=TIMEOUT, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = func()
        except Exception as error:  # the tree changes under us
            value = None
            last = error
        else:
            last = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError("timed out waiting for %s%s" % (what, " (%s)" % last if last else ""))
        time.sleep(interval)


def xdotool(*args):
    subprocess.run(["xdotool"] + [str(a) for a in args], check=True)


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def find(node, predicate, depth=0):
    """Depth-first search of the accessibility tree."""
    if node is None or depth > 40:
        return None
    try:
        if predicate(node):
            return node
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return None
    for child in children:
        found = find(child, predicate, depth + 1)
        if found is not None:
            return found
    return None


def named(role, name):
    return lambda node: node.getRole() == role and node.name == name


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def hotel_copy(prefix):
    """A new folder with a copy of the hotel example: (folder, path)."""
    examples = os.environ.get("JOURNEYS_EXAMPLES_DIR",
                              os.path.join(os.path.dirname(__file__), "..", "data", "examples"))
    workdir = tempfile.mkdtemp(prefix=prefix)
    path = os.path.join(workdir, "hotel.journey")
    shutil.copy(os.path.join(examples, "hotel.journey"), path)
    return workdir, path


def app_env():
    """The app's environment: the harness's G_DEBUG, AT-SPI on, X11."""
    env = dict(os.environ)
    if _app_g_debug is not None:
        env["G_DEBUG"] = _app_g_debug
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env["GDK_BACKEND"] = "x11"
    return env


def stop(process):
    """Ends the app: SIGTERM, and SIGKILL if it is still there 10 s later."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
