#!/usr/bin/env python3
"""Grades one submission with `racelab grade` and checks the result against
the submission's expect.yaml.

  grade-submission.py --racelab PATH --lab DIR --submission DIR [--keep DIR]

Runs `racelab grade LAB --submission DIR/bank.cpp --format json -o OUT`
with a timeout of max_seconds (plus a margin), then checks:

- the grader exits 0 within max_seconds and writes the JSON result;
- the total score (exact to 0.01, or one of a list of scores);
- the status of each criterion (passed | failed | any);
- feedback substrings per criterion (case-insensitive);
- that every criterion's score agrees with its status and the lab's points;
- that no process the grading started is left behind (bank, bwrap,
  setpriv, prlimit, the compiler, ... still alive 2 s after the grader
  exits);
- the extras the submission asks for (extra: in expect.yaml):
    listen-47123     listen on 127.0.0.1:47123 while grading; fail on
                     any connection
    no-escape-files  fail on any new racelab-escape-* file outside the
                     sandbox (and remove it)

A submission with `hostile: true` is only run where bubblewrap can create
its namespaces; elsewhere the test is skipped (exit status 77), because the
grader would run it with limits only.

Exit status: 0 when everything matches, 1 with one line per difference,
77 when skipped, 2 on bad usage.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import yaml

SKIPPED = 77
MARGIN_SECONDS = 30
STATUSES = ("passed", "failed", "any")
TAG_VARIABLE = "RACELAB_GRADING_TEST_TAG"
ESCAPE_PREFIX = "racelab-escape-"


class Problems:
    def __init__(self, submission):
        self.name = os.path.basename(os.path.normpath(submission))
        self.lines = []

    def add(self, text):
        self.lines.append(f"grading.bank.{self.name}: {text}")

    def __bool__(self):
        return bool(self.lines)


# --- processes ------------------------------------------------------------

def boot_ticks_now():
    with open("/proc/uptime") as f:
        return float(f.read().split()[0]) * os.sysconf("SC_CLK_TCK")


def process_info(pid):
    """(comm, start time in clock ticks since boot) or None for a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        state, start = fields[0], int(fields[19])
        if state == "Z":
            return None
        return comm, start
    except (OSError, ValueError, IndexError):
        return None


def process_tag(pid):
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            for entry in f.read().split(b"\0"):
                if entry.startswith(TAG_VARIABLE.encode() + b"="):
                    return entry.split(b"=", 1)[1].decode(errors="replace")
    except OSError:
        pass
    return None


def process_uid(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("Uid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def leftover_processes(started_ticks, tag, sandbox_uid):
    """Processes started by this grading run and still alive: started after
    the grader, and either carrying our tag (racelab itself and the tools it
    starts outside the sandbox) or, inside the sandbox, whose environment
    racelab clears, running as the uid racelab gave this grader's sandbox.
    Nothing else is touched: other graders may be running on the machine."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        pid = int(entry)
        info = process_info(pid)
        if not info:
            continue
        comm, start = info
        if start < started_ticks:
            continue
        if process_tag(pid) == tag or (sandbox_uid is not None
                                       and process_uid(pid) == sandbox_uid):
            found.append((pid, comm))
    return found


# --- extras -----------------------------------------------------------------

class Listener:
    """Accepts connections on 127.0.0.1:PORT and records them."""

    def __init__(self, port):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.connections = []
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop:
            try:
                conn, peer = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            data = b""
            try:
                conn.settimeout(1)
                data = conn.recv(200)
            except OSError:
                pass
            conn.close()
            self.connections.append((peer, data))

    def close(self):
        self.stop = True
        self.thread.join(2)
        self.sock.close()


def escape_roots(lab_dir, submission_dir):
    """Where a submission that got out of the sandbox would leave files: the
    places write-outside tries, searched as deep as it goes."""
    roots = ["/"]
    for extra in ("/tmp", "/var/tmp", "/dev/shm", os.path.expanduser("~"), os.getcwd(),
                  lab_dir, submission_dir):
        roots.append(os.path.abspath(extra))
    return roots


def find_escape_files(roots, max_depth=5):
    found = set()
    skip = {"/proc", "/sys"}
    for root in roots:
        stack = [(root, 0)]
        while stack:
            path, depth = stack.pop()
            try:
                with os.scandir(path) as it:
                    for e in it:
                        if e.name.startswith(ESCAPE_PREFIX):
                            found.add(e.path)
                        try:
                            is_dir = e.is_dir(follow_symlinks=False)
                        except OSError:
                            continue
                        if is_dir and depth < max_depth and e.path not in skip:
                            stack.append((e.path, depth + 1))
            except OSError:
                continue
    return found


def bubblewrap_works():
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False, "bwrap is not installed"
    try:
        done = subprocess.run([bwrap, "--unshare-all", "--ro-bind", "/", "/", "--dev", "/dev",
                               "--proc", "/proc", "true"],
                              capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, str(e)
    if done.returncode != 0:
        return False, done.stderr.decode(errors="replace").strip()
    return True, ""


# --- the check ----------------------------------------------------------------

def load_expectation(path, problems):
    with open(path) as f:
        expect = yaml.safe_load(f)
    known = {"about", "score", "status", "feedback", "max_seconds", "extra", "hostile"}
    for key in set(expect) - known:
        problems.add(f"expect.yaml: unknown key '{key}'")
    for key in ("about", "score", "status"):
        if key not in expect:
            problems.add(f"expect.yaml: missing '{key}'")
    for crit, status in (expect.get("status") or {}).items():
        if status not in STATUSES:
            problems.add(f"expect.yaml: status of {crit} is '{status}', not one of {STATUSES}")
    for extra in expect.get("extra") or []:
        if extra not in ("listen-47123", "no-escape-files"):
            problems.add(f"expect.yaml: unknown extra '{extra}'")
    return expect


def rubric_points(lab_dir):
    with open(os.path.join(lab_dir, "lab.yaml")) as f:
        lab = yaml.safe_load(f)
    return {item["check"]: float(item["points"]) for item in lab["rubric"]}, int(lab.get("runs", 5))


# The one criterion with partial credit: points x good runs / runs.
PARTIAL = "output"


def partial_points(criteria):
    """The points a failed output criterion still earned (its good runs)."""
    c = criteria.get(PARTIAL)
    if c is None or c.get("status") != "failed":
        return 0.0
    return float(c.get("score", 0))


def check_result(result, expect, points, runs, problems):
    """expect.yaml's scores count every failed criterion as 0; a failed
    output criterion's partial credit (checked on its own below) is taken
    off the total before comparing."""
    scores = expect["score"] if isinstance(expect["score"], list) else [expect["score"]]
    got = result.get("score")
    criteria = {c.get("id"): c for c in result.get("criteria", [])}
    if not isinstance(got, (int, float)):
        problems.add(f"the result has no numeric score: {got!r}")
    elif not any(abs(got - partial_points(criteria) - float(s)) < 0.01 for s in scores):
        want = scores[0] if len(scores) == 1 else f"one of {scores}"
        problems.add(f"score {got}, expected {want}")
    if "max_score" in result and abs(result["max_score"] - sum(points.values())) >= 0.01:
        problems.add(f"max_score {result['max_score']}, the rubric adds up to {sum(points.values())}")

    for crit in points:
        if crit not in criteria:
            problems.add(f"criterion {crit} is missing from the result")
    for crit, want in (expect.get("status") or {}).items():
        c = criteria.get(crit)
        if c is None:
            continue
        status = c.get("status")
        if want != "any" and status != want:
            problems.add(f"{crit}: {status}, expected {want}; feedback: {c.get('feedback', '')!r}")
        # The score of a criterion follows from its status.
        if status == "passed" and abs(c.get("score", -1) - points[crit]) >= 0.01:
            problems.add(f"{crit}: passed with {c.get('score')} of {points[crit]} points")
        if status == "failed" and crit == PARTIAL:
            share = c.get("score", -1) / points[crit] * runs if points[crit] else 0
            if not (0 <= share < runs - 0.5 and abs(share - round(share)) < 0.01):
                problems.add(f"{crit}: failed with {c.get('score')} points, not a share "
                             f"of good runs out of {runs}")
        elif status == "failed" and abs(c.get("score", -1)) >= 0.01:
            problems.add(f"{crit}: failed with {c.get('score')} points")
    for crit, needles in (expect.get("feedback") or {}).items():
        c = criteria.get(crit)
        if c is None:
            problems.add(f"feedback expected for {crit}, which is not in the result")
            continue
        text = (c.get("feedback") or "").lower()
        for needle in needles:
            if needle.lower() not in text:
                problems.add(f"{crit}: feedback does not mention {needle!r}: {c.get('feedback')!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--racelab", required=True)
    parser.add_argument("--lab", required=True)
    parser.add_argument("--submission", required=True)
    parser.add_argument("--keep", help="also copy the JSON result to this file")
    args = parser.parse_args()

    lab_dir = os.path.abspath(args.lab)
    submission_dir = os.path.abspath(args.submission)
    problems = Problems(submission_dir)
    expect = load_expectation(os.path.join(submission_dir, "expect.yaml"), problems)
    if problems:
        print("\n".join(problems.lines))
        return 1
    points, runs = rubric_points(lab_dir)
    max_seconds = float(expect.get("max_seconds", 240))
    extras = set(expect.get("extra") or [])

    if expect.get("hostile"):
        works, why = bubblewrap_works()
        if not works:
            print(f"grading.bank.{problems.name}: skipped: a hostile submission runs only where "
                  f"bubblewrap works, and here it does not ({why})")
            return SKIPPED

    listener = Listener(47123) if "listen-47123" in extras else None
    roots = escape_roots(lab_dir, submission_dir)
    escapes_before = find_escape_files(roots) if "no-escape-files" in extras else set()

    tag = f"{os.getpid()}-{time.time_ns()}"
    env = dict(os.environ, **{TAG_VARIABLE: tag})
    out_dir = tempfile.mkdtemp(prefix="racelab-grading-test-")
    out_file = os.path.join(out_dir, "result.json")
    command = [args.racelab, "grade", lab_dir, "--submission",
               os.path.join(submission_dir, "bank.cpp"), "--format", "json", "-o", out_file]
    started_ticks = boot_ticks_now() - 1
    started = time.monotonic()
    timed_out = False
    grader = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        stdout, stderr = grader.communicate(timeout=max_seconds + MARGIN_SECONDS)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(grader.pid, signal.SIGKILL)  # the grader's own process group only
        stdout, stderr = grader.communicate()
    elapsed = time.monotonic() - started

    try:
        if timed_out:
            problems.add(f"racelab grade was still running after {max_seconds + MARGIN_SECONDS:.0f} s "
                         f"(max_seconds {max_seconds:.0f} + {MARGIN_SECONDS}); killed it")
        elif elapsed > max_seconds:
            problems.add(f"racelab grade took {elapsed:.1f} s, more than max_seconds {max_seconds:.0f}")
        if not timed_out and grader.returncode != 0:
            problems.add(f"racelab grade exited with status {grader.returncode}; stderr:\n"
                         + stderr.decode(errors="replace")[-3000:])
        if not timed_out and grader.returncode == 0:
            try:
                with open(out_file) as f:
                    result = json.load(f)
            except (OSError, ValueError) as e:
                problems.add(f"no readable JSON result in {out_file}: {e}")
                result = None
            if result is not None:
                check_result(result, expect, points, runs, problems)
                if args.keep:
                    shutil.copy(out_file, args.keep)

        time.sleep(2)
        # Run as root, racelab gives each grader's sandbox a uid of its own,
        # 200000 + the grader's pid (tools/grader/Sandbox.cpp); without root
        # the sandbox runs as our own uid and only tagged processes can be
        # told apart from the rest of the machine's.
        sandbox_uid = 200000 + grader.pid if os.geteuid() == 0 else None
        left = leftover_processes(started_ticks, tag, sandbox_uid)
        if left:
            problems.add("processes left behind 2 s after racelab grade exited: "
                         + ", ".join(f"{comm} (pid {pid})" for pid, comm in left)
                         + "; killed them")
            for pid, _ in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass

        if listener:
            listener.close()
            for peer, data in listener.connections:
                problems.add(f"the submission reached 127.0.0.1:47123 from {peer[0]}:{peer[1]} "
                             f"(sent {data!r}): the sandbox lets it use the network")
        if "no-escape-files" in extras:
            new = sorted(find_escape_files(roots) - escapes_before)
            if new:
                shown = ", ".join(new[:10]) + (f" and {len(new) - 10} more" if len(new) > 10 else "")
                problems.add(f"{len(new)} racelab-escape-* files appeared outside the sandbox: "
                             f"{shown}; removed them")
                for path in new:
                    try:
                        os.remove(path)
                    except OSError:
                        pass
            if escapes_before:
                print(f"note: {len(escapes_before)} racelab-escape-* files were there before the "
                      f"run (left by an earlier one?), e.g. {sorted(escapes_before)[0]}")
    finally:
        if listener and not listener.stop:
            listener.close()
        shutil.rmtree(out_dir, ignore_errors=True)

    if problems:
        print(f"grading.bank.{problems.name}: {expect.get('about', '')}")
        print("\n".join(problems.lines))
        return 1
    print(f"grading.bank.{problems.name}: as expected ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
