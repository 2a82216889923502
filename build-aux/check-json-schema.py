#!/usr/bin/python3
# check-json-schema.py — check .journey files against the JSON Schema of the
# file format and against the rules of SPEC §3 that a schema cannot state.
#
# Copyright 2026 The Journeys developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-json-schema.py [--style] [--expect-invalid] SCHEMA FILE...
#
#   --style           also check the layout the program writes: keys in the
#                     documented order, two-space indent, whole numbers without
#                     a fraction, histograms on one line, one trailing newline
#   --expect-invalid  succeed only if every FILE has at least one problem
#                     (for files that are broken on purpose)
#
# Problems are printed as "FILE: PATH: message", PATH like
# maps[0].touchpoints[3].time.  Exit status: 0 all files as expected,
# 1 otherwise, 2 usage or a broken schema.
#
# Uses Debian's python3-jsonschema: run it with /usr/bin/python3.

import argparse
import json
import math
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("check-json-schema.py: the Python module jsonschema is missing "
                     "(Debian package python3-jsonschema; run with /usr/bin/python3)\n")
    sys.exit(2)

# The order in which the program writes the keys it knows (SPEC §3).
KEY_ORDER = {
    "project": ["format", "version", "title", "personas", "channels", "maps"],
    "persona": ["id", "name", "description"],
    "channel": ["id", "name"],
    "map": ["id", "title", "persona", "objective", "scale", "scope", "show_notes", "stages", "lanes", "touchpoints"],
    "scale": ["min", "max", "labels"],
    "stage": ["id", "name", "length", "color"],
    "lane": ["id", "name", "kind", "color"],
    "touchpoint": ["id", "title", "lane", "channel", "time", "satisfaction", "target", "weight",
                   "when", "description", "thoughts", "feelings", "pain_points", "opportunities",
                   "actions", "comments", "votes", "evidence"],
    "action": ["text", "owner", "status"],
    "comment": ["author", "role", "text", "created"],
    "evidence": ["source", "responses", "mean", "histogram", "updated"],
}

MAX_STEPS = 11


class DuplicateKey(Exception):
    pass


def format_path(parts):
    """["maps", 0, "touchpoints", 3, "time"] -> "maps[0].touchpoints[3].time"."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += "[%d]" % part
        elif out:
            out += "." + str(part)
        else:
            out = str(part)
    return out


class Checker:
    def __init__(self, filename):
        self.filename = filename
        self.problems = []

    def add(self, path, message):
        self.problems.append((format_path(path), message))

    # -- reading -----------------------------------------------------------

    def load(self, data):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            self.add([], "not valid UTF-8 at byte %d" % e.start)
            return None

        def pairs(items):
            obj = {}
            for key, value in items:
                if key in obj:
                    raise DuplicateKey(key)
                obj[key] = value
            return obj

        def constant(name):
            raise ValueError("%s is not a JSON number" % name)

        try:
            return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
        except DuplicateKey as e:
            self.add([], "duplicate key \"%s\" in an object" % e.args[0])
        except json.JSONDecodeError as e:
            self.add([], "line %d, column %d: %s" % (e.lineno, e.colno, e.msg))
        except (ValueError, RecursionError) as e:
            self.add([], str(e))
        return None

    # -- the schema --------------------------------------------------------

    def check_schema(self, validator, doc):
        errors = sorted(validator.iter_errors(doc),
                        key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            self.add(list(error.absolute_path), error.message)
        return not errors

    # -- the rules a schema cannot state -----------------------------------

    @staticmethod
    def is_number(value):
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    def unique_ids(self, items, path, kind):
        seen = {}
        if not isinstance(items, list):
            return seen
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            ident = item["id"]
            if ident in seen:
                self.add(path + [i, "id"],
                         "duplicate %s id \"%s\" (also %s)" % (kind, ident, format_path(path + [seen[ident]])))
            else:
                seen[ident] = i
        return seen

    def in_scale(self, value, lo, hi, path, what):
        if not self.is_number(value):
            return
        if not math.isfinite(value) or value < lo or value > hi:
            self.add(path, "%s %s is outside the scale %d to %d" % (what, value, lo, hi))

    def check_rules(self, doc):
        if not isinstance(doc, dict):
            return
        personas = self.unique_ids(doc.get("personas", []), ["personas"], "persona")
        channels = self.unique_ids(doc.get("channels", []), ["channels"], "channel")
        maps = doc.get("maps", [])
        self.unique_ids(maps, ["maps"], "map")
        if not isinstance(maps, list):
            return
        for m, jmap in enumerate(maps):
            if isinstance(jmap, dict):
                self.check_map(jmap, ["maps", m], personas, channels)

    def check_map(self, jmap, path, personas, channels):
        persona = jmap.get("persona")
        if isinstance(persona, str) and persona not in personas:
            self.add(path + ["persona"], "no persona has the id \"%s\"" % persona)

        lo, hi = 1, 5
        scale = jmap.get("scale", {})
        if isinstance(scale, dict):
            lo = scale.get("min", 1)
            hi = scale.get("max", 5)
        # JSON Schema counts 5.0 as an integer; so does the program.
        lo = int(lo) if isinstance(lo, float) and lo.is_integer() else lo
        hi = int(hi) if isinstance(hi, float) and hi.is_integer() else hi
        scale_ok = isinstance(lo, int) and isinstance(hi, int) and not isinstance(lo, bool) and not isinstance(hi, bool)
        if scale_ok and lo >= hi:
            self.add(path + ["scale"], "min %d is not below max %d" % (lo, hi))
            scale_ok = False
        elif scale_ok and hi - lo + 1 > MAX_STEPS:
            self.add(path + ["scale"], "%d steps, at most %d allowed" % (hi - lo + 1, MAX_STEPS))
            scale_ok = False
        if scale_ok and isinstance(scale, dict):
            labels = scale.get("labels", [])
            if isinstance(labels, list) and labels and len(labels) != hi - lo + 1:
                self.add(path + ["scale", "labels"],
                         "%d labels for a scale of %d steps" % (len(labels), hi - lo + 1))

        stages = jmap.get("stages", [])
        self.unique_ids(stages, path + ["stages"], "stage")
        duration = 0.0
        if isinstance(stages, list):
            for stage in stages:
                length = stage.get("length", 1) if isinstance(stage, dict) else None
                if self.is_number(length) and length > 0:
                    duration += length
        lanes = self.unique_ids(jmap.get("lanes", []), path + ["lanes"], "lane")
        touchpoints = jmap.get("touchpoints", [])
        self.unique_ids(touchpoints, path + ["touchpoints"], "touchpoint")
        if not isinstance(touchpoints, list):
            return

        for t, tp in enumerate(touchpoints):
            if not isinstance(tp, dict):
                continue
            tpath = path + ["touchpoints", t]
            lane = tp.get("lane")
            if isinstance(lane, str) and lane not in lanes:
                self.add(tpath + ["lane"], "no lane of this map has the id \"%s\"" % lane)
            channel = tp.get("channel")
            if isinstance(channel, str) and channel not in channels:
                self.add(tpath + ["channel"], "no channel has the id \"%s\"" % channel)
            time = tp.get("time")
            if self.is_number(time) and (not math.isfinite(time) or time < 0 or time > duration):
                self.add(tpath + ["time"], "time %s is outside the timeline 0 to %g" % (time, duration))
            if not scale_ok:
                continue
            self.in_scale(tp.get("satisfaction"), lo, hi, tpath + ["satisfaction"], "satisfaction")
            self.in_scale(tp.get("target"), lo, hi, tpath + ["target"], "target")
            evidence = tp.get("evidence")
            if isinstance(evidence, dict):
                self.in_scale(evidence.get("mean"), lo, hi, tpath + ["evidence", "mean"], "mean")
                histogram = evidence.get("histogram")
                steps = hi - lo + 1
                if isinstance(histogram, list) and len(histogram) != steps:
                    self.add(tpath + ["evidence", "histogram"],
                             "%d counts for a scale of %d steps" % (len(histogram), steps))

    # -- the layout the program writes -------------------------------------

    def check_key_order(self, obj, kind, path):
        if not isinstance(obj, dict):
            return
        known = [k for k in obj if k in KEY_ORDER[kind]]
        expected = [k for k in KEY_ORDER[kind] if k in obj]
        if known != expected:
            self.add(path, "keys in the order %s, expected %s" % (", ".join(known), ", ".join(expected)))
        children = {
            "project": [("personas", "persona"), ("channels", "channel"), ("maps", "map")],
            "map": [("stages", "stage"), ("lanes", "lane"), ("touchpoints", "touchpoint")],
            "touchpoint": [("actions", "action"), ("comments", "comment")],
        }
        for key, child in children.get(kind, []):
            items = obj.get(key)
            if isinstance(items, list):
                for i, item in enumerate(items):
                    self.check_key_order(item, child, path + [key, i])
        if kind == "map":
            self.check_key_order(obj.get("scale"), "scale", path + ["scale"])
        if kind == "touchpoint":
            self.check_key_order(obj.get("evidence"), "evidence", path + ["evidence"])

    def check_style(self, data, doc):
        self.check_key_order(doc, "project", [])
        expected = canonical_text(doc).encode("utf-8")
        if data == expected:
            return
        if not data.endswith(b"\n") or data.endswith(b"\n\n"):
            self.add([], "does not end with exactly one newline")
        got_lines = data.decode("utf-8").split("\n")
        want_lines = expected.decode("utf-8").split("\n")
        for number, (got, want) in enumerate(zip(got_lines, want_lines), 1):
            if got != want:
                self.add([], "line %d is not laid out as the program writes it: %r, expected %r"
                         % (number, got, want))
                break
        else:
            self.add([], "has %d lines, the program writes %d" % (len(got_lines), len(want_lines)))


def _number_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _canonical(value, indent, key, out):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{")
        first = True
        for k, v in value.items():
            out.append("\n" if first else ",\n")
            first = False
            out.append(pad + "  " + json.dumps(k, ensure_ascii=False) + ": ")
            _canonical(v, indent + 1, k, out)
        out.append("\n" + pad + "}")
    elif isinstance(value, list):
        if key == "histogram" and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            # Counts stay on one line, as the program writes them.
            out.append("[ " + ", ".join(str(v) for v in value) + " ]" if value else "[]")
            return
        if not value:
            out.append("[]")
            return
        out.append("[")
        for i, v in enumerate(value):
            out.append("\n" if i == 0 else ",\n")
            out.append(pad + "  ")
            _canonical(v, indent + 1, None, out)
        out.append("\n" + pad + "]")
    elif value is None:
        out.append("null")
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    else:
        out.append(_number_text(value))


def canonical_text(doc):
    """The text the program writes for @doc, keeping the order of its keys:
    two-space indent, "key": value, whole numbers without a fraction,
    histograms on one line, one trailing newline."""
    out = []
    _canonical(doc, 0, None, out)
    return "".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Check .journey files against the format v1 schema and rules.")
    parser.add_argument("--style", action="store_true", help="also check key order and layout")
    parser.add_argument("--expect-invalid", action="store_true",
                        help="succeed only if every file has a problem")
    parser.add_argument("schema")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        sys.stderr.write("%s: %s\n" % (args.schema, e))
        return 2
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

    status = 0
    for filename in args.files:
        checker = Checker(filename)
        try:
            with open(filename, "rb") as f:
                data = f.read()
        except OSError as e:
            sys.stderr.write("%s: %s\n" % (filename, e.strerror))
            status = 1
            continue
        doc = checker.load(data)
        if doc is not None:
            schema_ok = checker.check_schema(validator, doc)
            if schema_ok:
                checker.check_rules(doc)
            if args.style:
                checker.check_style(data, doc)

        if args.expect_invalid:
            if checker.problems:
                print("%s: invalid as expected (%s)" % (filename, checker.problems[0][1]))
            else:
                print("%s: accepted, but it should have been refused" % filename)
                status = 1
        else:
            for path, message in checker.problems:
                if path:
                    print("%s: %s: %s" % (filename, path, message))
                else:
                    print("%s: %s" % (filename, message))
            if checker.problems:
                status = 1
            else:
                print("%s: valid" % filename)
    return status


if __name__ == "__main__":
    sys.exit(main())
