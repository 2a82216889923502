#!/usr/bin/python3
# test-pointer.py — a drag with the real pointer at fit zoom on a window
# as large as a projector's screen (SPEC §9, Stability): during the drag
# the card is under the pointer, after the drop it stays there, and the
# canvas shows the map all along (it once went blank after a drop at fit
# zoom, with "Trying to snapshot GtkScrolledWindow without a current
# allocation", until the window's size changed).
#
# Runs its own X server (Xvfb, 1920×1080) so that the window can be of
# that size whatever display the suite has; the app finds its session
# bus and AT-SPI as the other window tests do.  The card's place is read
# from the accessibility tree (pyatspi), in the window's coordinates, and
# the window with ImageMagick's `import`; the app runs with G_DEBUG=fatal-warnings, so a GTK warning
# ends it and the test.  Exits 77 (skipped) when pyatspi, xdotool, Xvfb
# or ImageMagick is missing.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import time

# First: it drops fatal-warnings before GLib starts, and skips the test
# when pyatspi or xdotool is missing.
from atspi_helpers import (SKIP, TIMEOUT, app_env, find, find_app, hotel_copy, named, pyatspi, stop,
                          wait_for, xdotool)

TITLE = "Visits the hotel website"
WIDTH, HEIGHT = 1920, 1080


def start_xvfb():
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT),
                               "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, ":" + number


def screen_spread(path, x, y, width, height):
    """The standard deviation of the grey levels of a region of @path, 0…1:
    about 0 for a blank area, more where a map is drawn."""
    out = subprocess.run(["convert", path, "-crop", "%dx%d+%d+%d" % (width, height, x, y), "+repage",
                          "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"],
                         check=True, capture_output=True, text=True).stdout
    return float(out)


def main():
    for tool in ("Xvfb", "import", "convert"):
        if shutil.which(tool) is None:
            print("1..0 # SKIP %s is missing" % tool)
            sys.exit(SKIP)

    workdir, path = hotel_copy("journeys-pointer-")
    server, display = start_xvfb()
    os.environ["DISPLAY"] = display
    env = app_env()
    env["XDG_STATE_HOME"] = os.path.join(workdir, "state")
    env["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")

    print("1..4", flush=True)
    process = subprocess.Popen([os.environ["JOURNEYS_BIN"], path], env=env)
    try:
        run(process, workdir)
    finally:
        stop(process)
        server.terminate()
        server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def run(process, workdir):
    app = wait_for("the app in the accessibility tree", lambda: find_app(process.pid))
    window = wait_for("the window", lambda: subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(process.pid)],
        capture_output=True, text=True, timeout=TIMEOUT).stdout.split()[-1:])[0]
    # No window manager maximises it: the window takes the whole screen.
    xdotool("windowmove", "--sync", window, 0, 0)
    xdotool("windowsize", "--sync", window, WIDTH, HEIGHT)
    xdotool("windowfocus", "--sync", window)
    time.sleep(1)

    def alive():
        assert process.poll() is None, "the app ended (a GTK warning is fatal here): %s" % process.returncode

    def extents(node):
        e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return e.x, e.y, e.width, e.height

    def click(node):
        x, y, w, h = extents(node)
        xdotool("mousemove", "--window", window, x + w // 2, y + h // 2)
        xdotool("click", 1)

    def card():
        return wait_for("the card “%s”" % TITLE, lambda: find(app, named(pyatspi.ROLE_PUSH_BUTTON, TITLE)))

    def shot(name):
        path = os.path.join(workdir, name)
        subprocess.run(["import", "-window", window, path], check=True)
        return path

    # The whole map, from the header bar's button.
    fit = wait_for("the fit button", lambda: find(app, named(pyatspi.ROLE_PUSH_BUTTON, "Show the Whole Map")))
    x0, y0, w0, h0 = extents(card())
    click(fit)
    wait_for("the map to fit", lambda: extents(card())[2] < w0 * 0.95, timeout=10)
    time.sleep(0.5)
    alive()
    x, y, w, h = extents(card())
    # The canvas: left of the inspector, under the header bar.
    region = (x - 150, 80, 900, 800)
    before = screen_spread(shot("fit.png"), *region)
    assert before > 0.05, "the map is not drawn at fit zoom (spread %.3f)" % before
    print("ok 1 at fit zoom the card is %dx%d px at (%d, %d)" % (w, h, x, y), flush=True)

    # Taken a third of the way into its width, moved 200 px right in steps.
    gx, gy = x + w // 3, y + h // 2
    xdotool("mousemove", "--window", window, gx, gy)
    xdotool("mousedown", 1)
    for step in range(1, 21):
        xdotool("mousemove", "--window", window, gx + 10 * step, gy)
        time.sleep(0.03)
    time.sleep(0.5)
    alive()
    px, py = gx + 200, gy
    cx, cy, cw, ch = extents(card())
    # Under the pointer: across to the snap step, a quarter of the time
    # unit at this zoom, which is less than a third of the card.
    assert cx - cw / 3 <= px <= cx + cw + cw / 3 and cy <= py < cy + ch, \
        "the card is at %s, the pointer at (%d, %d)" % ((cx, cy, cw, ch), px, py)
    assert abs((cx + (gx - x)) - px) < cw / 3, "the grab point is %d px from the pointer" % abs(cx + gx - x - px)
    during = screen_spread(shot("drag.png"), *region)
    assert during > 0.05, "the map is not drawn during the drag (spread %.3f)" % during
    print("ok 2 during the drag the card is under the pointer: %s, pointer (%d, %d)" % ((cx, cy, cw, ch), px, py),
          flush=True)

    xdotool("mouseup", 1)
    time.sleep(1)
    alive()
    after = screen_spread(shot("drop.png"), *region)
    assert after > 0.05, "the canvas is blank after the drop (spread %.3f)" % after
    print("ok 3 after the drop the canvas shows the map (spread %.3f)" % after, flush=True)

    dx, dy, dw, dh = extents(card())
    assert (dx, dy, dw, dh) == (cx, cy, cw, ch), "the card moved at the drop: %s, then %s" % (
        (cx, cy, cw, ch), (dx, dy, dw, dh))
    print("ok 4 the card stays where it was shown: %s" % ((dx, dy, dw, dh),), flush=True)


if __name__ == "__main__":
    main()
