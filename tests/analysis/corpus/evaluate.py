#!/usr/bin/env python3
"""Runs racecheck over the corpus and scores it against the annotations.

Usage: python3 tests/analysis/corpus/evaluate.py [--racecheck PATH] [--markdown]

For every file it runs `racecheck --verify FILE` (the verdict) and
`racecheck --format=json FILE` (the warnings), one file at a time, and
classifies each warning:

  TP        the variable really races (its name, last component of
            'A.B[].C', is a label in the file) and the warning line and its
            conflicting-access note both carry that label
  MISPLACED the variable really races, but the warning or its note points at
            a line that is not one of its racing accesses
  FP        a race on a variable that the annotations do not mention

A label is a false negative when no TP or MISPLACED warning names it. `--verify` itself
does not compare the label with the variable name; this script does, so a
warning about the wrong variable on an annotated line still counts as FP.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_RACECHECK = os.path.normpath(os.path.join(HERE, "../../../build/bin/racecheck"))
ANNOT = re.compile(r"expect-race(?:@[+-]?\d+)?:\s*([^\s,;]+)")


def run(racecheck, args):
    # Another engineer may be relinking the binary: wait for it to come back.
    for _ in range(60):
        if os.access(racecheck, os.X_OK):
            try:
                p = subprocess.run([racecheck] + args, capture_output=True, text=True,
                                   timeout=300)
            except (PermissionError, FileNotFoundError, OSError):
                time.sleep(2)
                continue
            if p.returncode not in (126, 127):
                return p
        time.sleep(2)
    sys.exit("racecheck unavailable: " + racecheck)


def annotations(path):
    lines = {}
    with open(path) as f:
        for no, text in enumerate(f, 1):
            labels = ANNOT.findall(text)
            if labels:
                lines[no] = set(labels)
    return lines


def base_name(var):
    # 'D.Done' -> 'Done', '*Ranges[].First' -> 'First', 'Signal[]' -> 'Signal'
    last = re.split(r"\.|->", var)[-1]
    return last.strip("*&[]() ")


def evaluate(racecheck, path):
    name = os.path.basename(path)
    verify = run(racecheck, ["--verify", path])
    js = run(racecheck, ["--format=json", path])
    diags = json.loads(js.stdout or '{"diagnostics": []}')["diagnostics"]
    ann = annotations(path)
    all_labels = set().union(*ann.values()) if ann else set()
    hit = set()
    warnings = []
    for d in diags:
        if d["check"] != "racelab-data-race":
            continue
        m = re.search(r"data race on '([^']+)'", d["message"])
        var = m.group(1) if m else "?"
        base = base_name(var)
        others = [n["line"] for n in d.get("notes", [])
                  if n["message"].startswith("conflicting")]
        blamed = [d["line"]] + others
        true_var = base in all_labels
        placed = all(base in ann.get(l, ()) for l in blamed)
        if var.startswith("*") and not placed:
            # '*P' is the object P points to: accept a label that all the
            # blamed lines share (the fields of that object).
            common = set.intersection(*(set(ann.get(l, ())) for l in blamed))
            if common:
                true_var, placed, base = True, True, sorted(common)[0]
        if true_var:
            hit.add(base)
        warnings.append({
            "var": var, "line": d["line"], "others": others,
            "kind": "TP" if true_var and placed else "MISPLACED" if true_var else "FP",
            "write_line_racy": base in ann.get(d["line"], ()),
            "label": base,
        })
    missing = sorted(all_labels - hit)
    return {"file": name, "racy": name.startswith("racy_"), "verify_rc": verify.returncode,
            "verify_out": verify.stdout + verify.stderr, "warnings": warnings,
            "labels": sorted(all_labels), "missing": missing}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--racecheck", default=DEFAULT_RACECHECK)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(os.path.join(HERE, f) for f in os.listdir(HERE)
                              if f.endswith((".c", ".cpp")))
    results = [evaluate(a.racecheck, f) for f in files]

    racy = [r for r in results if r["racy"]]
    flagged = [r for r in results if r["warnings"]]
    flagged_racy = [r for r in flagged if r["racy"]]
    found = [r for r in racy if any(w["kind"] != "FP" for w in r["warnings"])]
    ws = [w for r in results for w in r["warnings"]]
    trues = [w for w in ws if w["kind"] != "FP"]
    tps = [w for w in ws if w["kind"] == "TP"]
    fps = [w for w in ws if w["kind"] == "FP"]
    labels = sum(len(r["labels"]) for r in results)
    fn = sum(len(r["missing"]) for r in results)
    on_racy_line = [w for w in trues if w["write_line_racy"]]
    passes = sum(r["verify_rc"] == 0 for r in results)

    for r in results:
        verdict = {0: "pass", 1: "MISMATCH", 2: "ERROR"}.get(r["verify_rc"], "rc=%d" % r["verify_rc"])
        tp = sum(w["kind"] == "TP" for w in r["warnings"])
        fp = sum(w["kind"] == "FP" for w in r["warnings"])
        kind = "racy" if r["racy"] else "clean"
        detail = []
        for w in r["warnings"]:
            if w["kind"] != "TP":
                detail.append("%s %s @%d/%s" % (w["kind"], w["var"], w["line"],
                                                 ",".join(map(str, w["others"]))))
        for m in r["missing"]:
            detail.append("FN %s" % m)
        if a.markdown:
            print("| `%s` | %s | %s | %d | %d | %d | %s |" % (
                r["file"], kind, verdict, tp, fp, len(r["missing"]), "; ".join(detail)))
        else:
            print("%-44s %-5s %-8s TP=%d FP=%d FN=%d %s" % (
                r["file"], kind, verdict, tp, fp, len(r["missing"]), "; ".join(detail)))
    print()
    print("files: %d (%d racy, %d clean); --verify passes: %d" % (
        len(results), len(racy), len(results) - len(racy), passes))
    print("file-level precision: %d/%d = %.2f (flagged files that are racy)" % (
        len(flagged_racy), len(flagged), len(flagged_racy) / max(1, len(flagged))))
    print("file-level recall:    %d/%d = %.2f (racy files with a correct warning)" % (
        len(found), len(racy), len(found) / max(1, len(racy))))
    print("warnings: %d: TP %d, MISPLACED %d, FP %d; warning precision %.2f" % (
        len(ws), len(tps), len(trues) - len(tps), len(fps), len(trues) / max(1, len(ws))))
    print("racy variables (labels): %d, found %d, missed %d; label recall %.2f" % (
        labels, labels - fn, fn, (labels - fn) / max(1, labels)))
    print("true warnings reported at a racing access: %d/%d; with the note also at one: %d/%d" % (
        len(on_racy_line), len(trues), len(tps), len(trues)))


if __name__ == "__main__":
    main()
