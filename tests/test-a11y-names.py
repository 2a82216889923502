#!/usr/bin/python3
# test-a11y-names.py — every control of the window has a name a screen
# reader can say (SPEC §9, accessibility): the real app on a copy of
# data/examples/hotel.journey, its accessibility tree walked through
# AT-SPI with the map shown in the inspector, with a stage and a lane
# expanded, and with a touchpoint selected.  Then, with the real keyboard,
# words typed into a field and left are one undo step.
#
# A control is an object of one of CONTROL_ROLES: what a person presses,
# types into, moves, chooses from or walks through (buttons, toggles,
# check boxes, entries and editable text, spin buttons, sliders, combo
# boxes, lists and their items, menus, tabs, links).  Its name is missing
# when it is empty or GTK's stand-in for none (the widget's type name,
# "GtkListView"), and wrong when it shows a mnemonic's underline ("_Open
# Open") or says the same words twice ("Description Description").
# Exempt: scroll bars, which GTK makes for every scrolled window, and the
# rows of drop-down popups (not open here; GTK names them only from 4.12).
#
# Runs under X11 (Xvfb in build-aux/test.sh) with the AT-SPI bus.  Exits 77
# (skipped) when pyatspi or xdotool is missing.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import time

# First: it drops fatal-warnings before GLib starts, and skips the test
# when pyatspi or xdotool is missing.
from atspi_helpers import (TIMEOUT, app_env, find, find_app, hotel_copy, log, named, pyatspi, stop,
                          text_of, wait_for, xdotool)

CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_MENU, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_PAGE_TAB_LIST, pyatspi.ROLE_LINK, pyatspi.ROLE_SCROLL_BAR,
}
if hasattr(pyatspi, "ROLE_SWITCH"):
    CONTROL_ROLES.add(pyatspi.ROLE_SWITCH)

EXEMPT_ROLES = {pyatspi.ROLE_SCROLL_BAR}
# GTK 4.8 says a widget's type name when it has no name.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Journey)[A-Z][A-Za-z]*$")
MNEMONIC = re.compile(r"(^|\s)_\w")


def is_control(node):
    role = node.getRole()
    if role not in CONTROL_ROLES or role in EXEMPT_ROLES:
        return False
    # Text that cannot be edited is read, not operated.
    if role == pyatspi.ROLE_TEXT and not node.getState().contains(pyatspi.STATE_EDITABLE):
        return False
    return True


def problem(name):
    """What is wrong with @name, or None."""
    name = (name or "").strip()
    if not name or TYPE_NAME.match(name):
        return "no name"
    if MNEMONIC.search(name):
        return "a mnemonic's underline"
    words = name.split()
    if len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        return "the same words twice"
    return None


def walk(node, path, found, depth=0):
    """Every control under @node with what is wrong with its name, and
    how many controls there are."""
    count = 0
    if node is None or depth > 60:
        return 0
    role = node.getRoleName()
    here = path + [role + (" “%s”" % node.name if node.name else "")]
    if node.getRole() in (pyatspi.ROLE_WINDOW, pyatspi.ROLE_POPUP_MENU) and depth > 0:
        return 0   # a popup of GTK's (rows unnamable before GTK 4.12)
    if is_control(node):
        count += 1
        wrong = problem(node.name)
        if wrong:
            found.append("%s (%s): %s" % (role, wrong, " > ".join(here[-4:])))
    for i in range(node.childCount):
        count += walk(node.getChildAtIndex(i), here, found, depth + 1)
    return count


def check(app, what):
    """Walks the window; returns the problems found."""
    found = []
    frame = wait_for("the window in the accessibility tree",
                     lambda: find(find_app(app.pid), lambda n: n.getRole() == pyatspi.ROLE_FRAME))
    count = walk(frame, [], found)
    log("%s: %d controls, %d without a good name" % (what, count, len(found)))
    for line in found:
        log("  " + line)
    assert count > 50, count
    return found


def in_view(node, height):
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return 80 < extents.y + extents.height // 2 < height - 20 and extents


def scroll_to(window, node, height):
    """Scrolls the inspector until @node is in view; returns its extents."""
    for _ in range(60):
        extents = in_view(node, height)
        if extents:
            return extents
        # The wheel over the inspector, the right part of the window.
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        xdotool("mousemove", "--window", window, 1100, height // 2)
        xdotool("click", 5 if extents.y > height // 2 else 4)
        time.sleep(0.2)
    raise AssertionError("“%s” did not come into view" % node.name)


def expand(app, window, name, height):
    """Scrolls the inspector to the row @name (a stage or a lane) and
    clicks it open, as a person does."""
    def header():
        return find(find_app(app.pid), lambda n: n.getRole() == pyatspi.ROLE_LIST_ITEM and n.name == name
                    and n.parent is not None and n.parent.getRole() == pyatspi.ROLE_LIST
                    and n.parent.name == name)
    row = wait_for("the row “%s”" % name, header)
    extents = scroll_to(window, row, height)
    xdotool("mousemove", "--window", window, extents.x + 40, extents.y + extents.height // 2)
    time.sleep(0.2)
    xdotool("click", 1)
    wait_for("the fields of “%s”" % name,
             lambda: find(find_app(app.pid), named(pyatspi.ROLE_LIST, "Details of “%s”" % name))
             and find(find_app(app.pid), named(pyatspi.ROLE_LIST, "Details of “%s”" % name)).childCount > 2)


def main():
    workdir, path = hotel_copy("journeys-a11y-names-")
    app = subprocess.Popen([os.environ["JOURNEYS_BIN"], path], env=app_env())
    print("1..5", flush=True)
    try:
        status = run(app)
    finally:
        stop(app)
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(status)


def run(app):
    failed = 0
    wait_for("the app in the accessibility tree", lambda: find_app(app.pid), timeout=4 * TIMEOUT)
    window = wait_for("the window", lambda: subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app.pid)],
        capture_output=True, text=True, timeout=TIMEOUT).stdout.split()[-1:])[0]
    height = 760
    xdotool("windowmove", "--sync", window, 0, 0)
    xdotool("windowsize", "--sync", window, 1200, height)
    xdotool("windowfocus", "--sync", window)
    wait_for("the map in the inspector",
             lambda: find(find_app(app.pid), named(pyatspi.ROLE_LIST, "Stages")), timeout=4 * TIMEOUT)
    time.sleep(1)

    def report(number, text, found):
        nonlocal failed
        if found:
            failed += 1
            print("not ok %d %s" % (number, text), flush=True)
        else:
            print("ok %d %s" % (number, text), flush=True)

    report(1, "every control is named with the map in the inspector", check(app, "the map"))

    # A stage and a lane open: their fields are made when first expanded.
    expand(app, window, "Discover", height)
    expand(app, window, "Guest", height)
    report(2, "the fields of an expanded stage and lane are named", check(app, "a stage and a lane open"))

    # A touchpoint selected: the inspector shows its page (fields, notes,
    # actions, comments, votes, evidence).
    card = wait_for("the card", lambda: find(find_app(app.pid),
                                             named(pyatspi.ROLE_PUSH_BUTTON, "Visits the hotel website")),
                    timeout=4 * TIMEOUT)
    extents = card.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    xdotool("mousemove", "--window", window, extents.x + extents.width // 2, extents.y + extents.height // 2)
    time.sleep(0.2)
    xdotool("click", 1)
    wait_for("the touchpoint in the inspector",
             lambda: find(find_app(app.pid), named(pyatspi.ROLE_LIST, "Pain Points"))
             and find(find_app(app.pid), lambda n: n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)
                      and n.name == "Pain Point 1"),
             timeout=4 * TIMEOUT)
    time.sleep(1)
    report(3, "every control is named with a touchpoint in the inspector", check(app, "a touchpoint"))

    # The names say what the rows show: a combo row's list its title, its
    # item the choice, an expander row its title.
    lane = find(find_app(app.pid), named(pyatspi.ROLE_COMBO_BOX, "Lane"))
    shown = lane and find(lane, lambda n: n.getRole() == pyatspi.ROLE_LIST_ITEM)
    stage = find(find_app(app.pid), named(pyatspi.ROLE_LIST, "Stages"))
    first = stage and stage.getChildAtIndex(0)
    ok = (shown is not None and shown.name == "Guest" and shown.parent.name == "Lane"
          and first is not None and first.name == "Discover")
    log("lane shows", shown and shown.name, "in", shown and shown.parent.name,
        "; first stage row", first and first.name)
    report(4, "rows and lists are named after what they show", ["wrong"] if not ok else [])

    # With the real keyboard: words typed into the Title field and Tab
    # out of it are one step; one Ctrl+Z gives the old title back.
    field = wait_for("the Title field", lambda: find(find_app(app.pid), lambda n: n.name == "Title"
                     and n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)
                     and text_of(n) == "Visits the hotel website"))
    extents = scroll_to(window, field, height)
    log("the Title field at", extents.x, extents.y, extents.width, extents.height)
    xdotool("mousemove", "--window", window, extents.x + extents.width // 2, extents.y + extents.height // 2)
    time.sleep(0.2)
    xdotool("click", 1)
    time.sleep(0.5)
    xdotool("key", "--clearmodifiers", "End")
    xdotool("type", "--delay", 30, " and the prices")
    wait_for("the card to take the typed title",
             lambda: find(find_app(app.pid), named(pyatspi.ROLE_PUSH_BUTTON, "Visits the hotel website and the prices")))
    xdotool("key", "--clearmodifiers", "Tab")
    time.sleep(0.5)
    xdotool("key", "--clearmodifiers", "ctrl+z")
    card = wait_for("one undo to give the old title back",
                    lambda: find(find_app(app.pid), named(pyatspi.ROLE_PUSH_BUTTON, "Visits the hotel website")))
    log("after one undo:", card.name, "; field:", text_of(field))
    report(5, "words typed into a field and left are one undo step", [] if text_of(field) == "Visits the hotel website"
           else ["the field holds %r" % text_of(field)])

    # Back where it started (the file's state): Ctrl+Q quits at once.
    xdotool("key", "--clearmodifiers", "ctrl+q")
    status = app.wait(timeout=TIMEOUT)
    assert status == 0, "the app exited with %d" % status
    return 1 if failed else 0


if __name__ == "__main__":
    main()
