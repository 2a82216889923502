#!/usr/bin/python3
# test-mermaid-render.py: the Mermaid journeys that `journeys --export
# OUT.mmd` writes, rendered by Mermaid itself (issue 19).
#
# Every map of every example, and a map whose names Mermaid would read
# otherwise, are exported as .mmd and rendered by Mermaid's single-file
# build (mermaid.min.js, from the npm package `mermaid`, major version
# pinned by build-aux/setup.sh) in Debian's headless Chromium through
# Selenium.  Each rendered SVG must hold one task per touchpoint of the
# map's customer and onstage lanes, and show their names.  And the reader
# accepts exactly what Mermaid's parser accepts, on a list of diagrams
# built from its grammar (journey.jison).
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

# The reader agrees with Mermaid's parser on what is a journey: each of
# these is accepted by `journeys --validate` exactly when Mermaid parses it.
GRAMMAR = [
    "journey\nsection A\nt: 3\n",
    "journey\nsection A\nTask without score\n",
    "journey\nsection A\nTask: \n",
    "journey\nsection A\nTask:\n",
    "journey\nsection A\nTask:# c\n",
    "journey\nsection A\n: 5\n",
    "journey\nsection A: 5\n",
    "journey\nsection A\nTask: 5; Me\n",
    "journey\ntitle A; B\n",
    "journey\n  ;\n",
    "journey\nsection A\njourney planning: 3\n",
    "journey\ntitle\n",
    "journey\naccDescr {\n  never closed\n",
    "journey\naccDescr {\n  closed }\nsection A\nt: 2\n",
    "journey\naccDescr: a; b # c\nsection A\nt: 2\n",
    "journey\naccTitle: a; b\nsection A\nt: 2\n",
    "journey\nEarly: 2\nsection A\nt: 2\n",
    "journey\nsection Empty\n",
    "journey\nTitle Shop: 5\n",
    "journey\nsection A\nTask # comment\n",
    "journey\nsection A\nTask: 5 # comment\n",
    "journey\nsection A\n# whole\nt: 4: Me\n",
    "journey\nsection A\nt: 4: Me: extra\n",
    "journey\nsection A\nt%%: 4\n",
    "journey\nsection A\nx%% t: 4\n",
    "JOURNEY\nSECTION A\nt: 4\n",
    "journey title X\nsection A\nt: 4\n",
    "journeyfoo: 3\n",
    "journey\nsection A\nsections: 3\n",
    "journey\nsection A\ntitles: 3\n",
    "journey\nsection A\naccTitleX: 3\n",
    "journey\nsection A\nt: 4: \n",
    "journey\nsection A\nt: : Me\n",
    "journey\nsection A\nt: high\n",
    "%% c\njourney\nsection A\nt: 1\n",
    "---\ntitle: x\n---\njourney\nsection A\nt: 1\n",
    "journey\nsection {weird}\nt{x}: 1\n",
    "journey\nsection A\n  t: 1\n  }: 2\n",
    "\n\n  journey\n",
    "journey\nsection A\nt\u3000x: 2\n",
]

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><script src="{script}"></script></head>
<body><div id="out"></div></body></html>
"""

PARSE = """
const done = arguments[arguments.length - 1];
mermaid.initialize({ startOnLoad: false });
(async () => {
  const results = [];
  for (const text of arguments[0]) {
    try {
      await mermaid.parse(text);
      results.push([true, '']);
    } catch (e) {
      results.push([false, String(e && e.message || e)]);
    }
  }
  done(results);
})();
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

        accepted = []
        for i, text in enumerate(GRAMMAR):
            path = tmp / f"grammar-{i}.mmd"
            path.write_text(text, encoding="utf-8")
            run = subprocess.run([JOURNEYS, "--validate", str(path)], capture_output=True, text=True, check=False)
            accepted.append((run.returncode == 0, (run.stdout + run.stderr).strip()))

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
                parsed = driver.execute_async_script(PARSE, GRAMMAR)
                for text, (ours, said), (theirs, error) in zip(GRAMMAR, accepted, parsed):
                    if ours != theirs:
                        failures.append(f"{text!r}: journeys {'accepts' if ours else 'refuses'} it ({said}), "
                                        f"Mermaid {'accepts' if theirs else 'refuses'} it ({error})")
                print(f"{len(GRAMMAR)} diagrams accepted or refused as Mermaid's parser does")
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
