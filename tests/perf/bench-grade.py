#!/usr/bin/env python3
"""Benchmark: what `racelab grade` costs over doing its work by hand.

Grades one submission end to end and, alternating with it in the same run
(these machines are shared and noisy: only ratios measured side by side
mean anything), does the same work bare: compile and link with the
grader's TSan flags, run the program as many times as the grader does
(the lab's runs plus the traced one) with the grader's TSan options, and
run racecheck once. The grader's own overhead is everything else: the
sandbox (prlimit, setpriv, bubblewrap) around each process, preprocessing
and the tamper scans, the thread tracer, log parsing, the report.

  tests/perf/bench-grade.py [--racelab build/bin/racelab] [--rounds 5]
                            [--lab samples/labs/bank] [--submission FILE]

Prints the medians, the overhead as a percentage of the bare work and the
largest memory seen; exits 1 when the overhead is 10% or more.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_list(path):
    items = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                items.append(line)
    return items


def lab_settings(lab_dir):
    import yaml
    with open(os.path.join(lab_dir, "lab.yaml")) as f:
        lab = yaml.safe_load(f)
    with open(os.path.join(lab_dir, "lesson.yaml")) as f:
        lesson = yaml.safe_load(f)
    args = lab.get("args", lesson.get("args", []))
    return lab["submission"], int(lab.get("runs", 5)), [str(a) for a in args], lab.get("flags", [])


def bare(cxx, flags, options, source, runs, args, racecheck, work):
    """The grader's work done by hand; returns seconds."""
    start = time.monotonic()
    obj = os.path.join(work, "bank.o")
    exe = os.path.join(work, "bank")
    subprocess.run([cxx, *flags, "-c", source, "-o", obj], check=True)
    subprocess.run([cxx, *flags, obj, "-o", exe], check=True)
    env = dict(os.environ)
    for i in range(runs):
        logdir = tempfile.mkdtemp(prefix="bench-tsan-", dir=work)
        env["TSAN_OPTIONS"] = " ".join(options + ["log_path=" + logdir + "/tsan"])
        subprocess.run([exe, *args], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    subprocess.run([racecheck, "--format=json", source, "--", "-std=c++20", "-pthread"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def graded(racelab, lab, submission, out):
    start = time.monotonic()
    proc = subprocess.run([racelab, "grade", lab, "--submission", submission,
                           "--format", "json", "-o", out])
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"racelab grade exited with {proc.returncode}")
    with open(out) as f:
        return seconds, json.load(f)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--racelab", default=os.path.join(ROOT, "build/bin/racelab"))
    p.add_argument("--lab", default=os.path.join(ROOT, "samples/labs/bank"))
    p.add_argument("--submission")
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()

    submission_name, runs, args, lab_flags = lab_settings(a.lab)
    submission = a.submission or os.path.join(a.lab, "fixed.cpp")
    racecheck = os.path.join(os.path.dirname(os.path.abspath(a.racelab)), "racecheck")
    cxx = os.environ.get("RACELAB_CXX", "clang++-19")
    flags = read_list(os.path.join(ROOT, "sanitizers/tsan.flags")) + ["-std=c++20"] + lab_flags
    options = read_list(os.path.join(ROOT, "sanitizers/tsan.options"))

    work = tempfile.mkdtemp(prefix="racelab-bench-grade-")
    try:
        source = os.path.join(work, submission_name)
        shutil.copy(submission, source)
        bare_times, grade_times, own_times = [], [], []
        peak_tree_kb = 0
        for r in range(a.rounds):
            # Alternate which goes first so a slow patch of the machine
            # does not always land on the same side.
            order = ["bare", "grade"] if r % 2 == 0 else ["grade", "bare"]
            for side in order:
                if side == "bare":
                    bare_times.append(bare(cxx, flags, options, source, runs + 1, args,
                                           racecheck, work))
                else:
                    seconds, result = graded(a.racelab, a.lab, submission,
                                             os.path.join(work, "result.json"))
                    grade_times.append(seconds)
                    t = result["timing"]
                    own_times.append(seconds - t["build_seconds"] - t["run_seconds"] -
                                     t["racecheck_seconds"])
                    peak_tree_kb = max(peak_tree_kb, result["peak_rss_kb"])
        grader_rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    finally:
        shutil.rmtree(work, ignore_errors=True)

    b, g = statistics.median(bare_times), statistics.median(grade_times)
    overhead = (g - b) / b * 100
    print(f"submission: {submission} ({runs} runs + 1 traced run, {a.rounds} rounds, "
          f"alternating)")
    print(f"bare build + runs + racecheck: median {b:.2f} s  "
          f"({', '.join(f'{x:.2f}' for x in bare_times)})")
    print(f"racelab grade end to end:      median {g:.2f} s  "
          f"({', '.join(f'{x:.2f}' for x in grade_times)})")
    print(f"grader overhead: {overhead:+.1f}% of the bare work "
          f"(time outside build, runs and racecheck inside the grader: median "
          f"{statistics.median(own_times):.2f} s)")
    print(f"peak memory: largest sandboxed process tree {peak_tree_kb // 1024} MB; "
          f"largest single process started by this benchmark {grader_rss_kb // 1024} MB")
    return 0 if overhead < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
