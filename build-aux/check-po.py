#!/usr/bin/env python3
# check-po.py — the translation template is current and translations are
# complete.
#
#   check-po.py SRCDIR                  po/journeys.pot has every string that
#                                       xgettext finds in po/POTFILES.in, and
#                                       every source file with translatable
#                                       strings is listed there
#   check-po.py SRCDIR --complete LANG  po/LANG.po translates every string of
#                                       po/journeys.pot, none fuzzy
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

# The keywords of meson's i18n 'glib' preset.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
]


def unquote(text):
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def read_po(path):
    """Entries of a .po/.pot file: {(msgctxt, msgid): (msgstrs, fuzzy)}."""
    entries = {}
    current = {}
    field = None
    fuzzy = False

    def finish():
        nonlocal current, fuzzy
        if "msgid" in current:
            key = (current.get("msgctxt"), current["msgid"])
            strs = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            entries[key] = (strs, fuzzy)
        current = {}
        fuzzy = False

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#,") and "fuzzy" in line:
                if "msgid" in current:
                    finish()
                fuzzy = True
                continue
            if line.startswith("#~"):
                continue
            if line.startswith("#") or not line.strip():
                if "msgid" in current and (not line.strip()):
                    finish()
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
            if m:
                if m.group(1) in ("msgctxt",) or (m.group(1) == "msgid" and "msgid" in current):
                    if "msgid" in current:
                        finish()
                field = m.group(1)
                current[field] = unquote(m.group(2))
                continue
            m = re.match(r'^"(.*)"$', line)
            if m and field:
                current[field] += unquote(m.group(1))
    finish()
    entries.pop((None, ""), None)
    return entries


def potfiles(srcdir):
    with open(os.path.join(srcdir, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def check_template(srcdir):
    status = 0
    listed = potfiles(srcdir)

    # Every file with translatable strings is listed.
    for top in ("src", "data"):
        for dirpath, _, names in os.walk(os.path.join(srcdir, top)):
            for name in names:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcdir)
                if not name.endswith((".c", ".ui", ".in", ".xml")):
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                marked = (re.search(r'\b(_|N_|C_|NC_|g_dngettext)\s*\(\s*"', text)
                          if name.endswith(".c") else 'translatable="yes"' in text)
                if marked and rel not in listed:
                    print("%s has translatable strings but is not in po/POTFILES.in" % rel)
                    status = 1

    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh.pot")
        subprocess.run(["xgettext", "--package-name=journeys", "-o", fresh, "-D", srcdir] + XGETTEXT_ARGS + listed,
                       check=True)
        new = read_po(fresh)
    old = read_po(os.path.join(srcdir, "po", "journeys.pot"))
    missing = [k for k in new if k not in old]
    for ctxt, msgid in missing:
        print("missing from po/journeys.pot: %s%r" % (ctxt + "|" if ctxt else "", msgid))
    if missing:
        print("%d strings missing: run `meson compile -C _build journeys-pot`" % len(missing))
        status = 1
    return status


def check_complete(srcdir, lang):
    pot = read_po(os.path.join(srcdir, "po", "journeys.pot"))
    po = read_po(os.path.join(srcdir, "po", lang + ".po"))
    status = 0
    for key in pot:
        strs, fuzzy = po.get(key, ([], False))
        if not strs or any(s == "" for s in strs) or fuzzy:
            print("%s.po: not translated: %r" % (lang, key[1]))
            status = 1
    return status


def main():
    srcdir = sys.argv[1]
    if len(sys.argv) == 4 and sys.argv[2] == "--complete":
        return check_complete(srcdir, sys.argv[3])
    return check_template(srcdir)


if __name__ == "__main__":
    sys.exit(main())
