#!/usr/bin/python3
# test-mermaid-render.py: the Mermaid journeys that `journeys --export
# OUT.mmd` writes, rendered by Mermaid itself (issue 19).
#
# Every map of every example, and a map whose names Mermaid would read
# otherwise, are exported as .mmd and rendered by Mermaid's single-file
# build (mermaid.min.js, from the npm package `mermaid`, major version
# pinned by build-aux/setup.sh) in Debian's headless Chromium through
# Selenium.  Each rendered SVG must hold one task per touchpoint of the
# map's customer and onstage lanes, and show their names.
#
# Exit status: 0 passed, 1 failed, 77 skipped (mermaid.min.js not
# installed because npm was offline, or Chromium or Selenium missing).
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SVG = "{http://www.w3.org/2000/svg}"


def skip(reason):
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    skip("python3-selenium is not installed")

MERMAID_JS = pathlib.Path(os.environ.get("MERMAID_JS", ""))
if not MERMAID_JS.is_file():
    skip(f"{MERMAID_JS} is missing: build-aux/test.sh installs it from npm (offline?)")
if not os.access(CHROMIUM, os.X_OK) or not os.access(CHROMEDRIVER, os.X_OK):
    skip("chromium or chromium-driver is not installed")

JOURNEYS = os.environ["JOURNEYS_BIN"]
EXAMPLES = pathlib.Path(os.environ["JOURNEYS_EXAMPLES_DIR"])

# Names that Mermaid would read otherwise, and the text it must show.
TRICKY = {
    "format": "journeys",
    "version": 1,
    "title": "Tricky names",
    "maps": [{
        "id": "tricky",
        "title": "Stay #2; <b>fun</b> & more",
        "objective": "Line one\nline } two",
        "scale": {"min": 0, "max": 10},
        "stages": [{"id": "a", "name": "Book: online\nor by phone", "length": 2},
                   {"id": "b", "name": "Stay", "length": 2}],
        "lanes": [{"id": "guest", "name": "Guest, family", "kind": "customer"},
                  {"id": "desk", "name": "Desk #1", "kind": "onstage"},
                  {"id": "back", "name": "Back", "kind": "offstage"}],
        "touchpoints": [
            {"id": "t1", "title": "Journey: 50% %% done", "lane": "guest", "time": 0.5, "satisfaction": 10},
            {"id": "t2", "title": "Title page; #tag", "lane": "desk", "time": 1.5, "satisfaction": 0},
            {"id": "t3", "title": "section two & <i>three</i>", "lane": "guest", "time": 2.5},
            {"id": "t4", "title": "accTitle: hidden", "lane": "desk", "time": 3},
            {"id": "t5", "title": "Not on the curve", "lane": "back", "time": 3.5},
        ],
    }],
}
# What Mermaid shows of each task of TRICKY (look-alike characters).
TRICKY_SHOWN = [
    "Journey∶ 50% %\u200b% done",
    "Title page； ＃tag",
    "section two ＆ ＜i>three＜/i>",
    "accTitle∶ hidden",
]

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><script src="{script}"></script></head>
<body><div id="out"></div></body></html>
"""

RENDER = """
const done = arguments[arguments.length - 1];
const diagrams = arguments[0];
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
(async () => {
  const results = [];
  for (let i = 0; i < diagrams.length; i++) {
    try {
      const { svg } = await mermaid.render('d' + i, diagrams[i]);
      results.push({ svg });
    } catch (e) {
      results.push({ error: String(e && e.message || e) });
    }
  }
  done(results);
})();
"""


def on_curve(map_):
    kinds = {lane["id"]: lane.get("kind", "customer") for lane in map_["lanes"]}
    return [tp for tp in map_["touchpoints"] if kinds.get(tp["lane"]) in ("customer", "onstage")]


def export(project_path, map_id, out_dir):
    out = out_dir / f"{project_path.stem}-{map_id}.mmd"
    run = subprocess.run([JOURNEYS, "--export", str(out), str(project_path), "--map", map_id],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise AssertionError(f"journeys --export {out} {project_path}: {run.returncode}\n{run.stderr}")
    return out.read_text(encoding="utf-8"), run.stderr


def tasks_of(svg_text):
    root = ET.fromstring(svg_text)
    return [rect for rect in root.iter(SVG + "rect") if "task" in (rect.get("class") or "").split()]


def all_text(svg_text):
    return " ".join(ET.fromstring(svg_text).itertext())


def main():
    failures = []
    cases = []  # (label, diagram, expected number of tasks, names to see)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for example in sorted(EXAMPLES.glob("*.journey")):
            project = json.loads(example.read_text(encoding="utf-8"))
            for map_ in project["maps"]:
                diagram, _ = export(example, map_["id"], tmp)
                names = [tp["title"] for tp in on_curve(map_)]
                cases.append((f"{example.name} {map_['id']}", diagram, len(names), names))

        tricky = tmp / "tricky.journey"
        tricky.write_text(json.dumps(TRICKY), encoding="utf-8")
        diagram, stderr = export(tricky, "tricky", tmp)
        if "maps[0].touchpoints[0].title" not in stderr:
            failures.append(f"tricky: the alterations are not on stderr:\n{stderr}")
        cases.append(("tricky", diagram, len(TRICKY_SHOWN), TRICKY_SHOWN))

        # A control: the same kind of name, not altered, is refused by
        # Mermaid, so the test would see a writer that forgot to alter it.
        cases.append(("control", "journey\n  section A\n    Journey planning: 3: Me\n", None, []))

        page = tmp / "page.html"
        page.write_text(PAGE.format(script=MERMAID_JS.resolve().as_uri()), encoding="utf-8")

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--allow-file-access-from-files", f"--user-data-dir={tmp / 'profile'}"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.set_script_timeout(120)
            driver.get(page.as_uri())
            if not driver.execute_script("return typeof mermaid !== 'undefined'"):
                failures.append("mermaid.min.js did not load")
                results = []
            else:
                results = driver.execute_async_script(RENDER, [case[1] for case in cases])
        finally:
            driver.quit()

    for (label, diagram, expected, names), result in zip(cases, results):
        if expected is None:
            if "error" not in result:
                failures.append(f"{label}: Mermaid rendered what it should refuse\n{diagram}")
            continue
        if "error" in result:
            failures.append(f"{label}: Mermaid refused it: {result['error']}\n{diagram}")
            continue
        tasks = tasks_of(result["svg"])
        text = all_text(result["svg"])
        print(f"{label}: {len(tasks)} tasks rendered, {expected} expected")
        if len(tasks) != expected:
            failures.append(f"{label}: {len(tasks)} tasks rendered, {expected} expected\n{diagram}")
        for name in names:
            if name not in text:
                failures.append(f"{label}: “{name}” is not shown\n{diagram}")

    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        return 1
    package = json.loads((MERMAID_JS.parent.parent / "package.json").read_text(encoding="utf-8"))
    print(f"{len(cases) - 1} diagrams rendered by Mermaid {package['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
