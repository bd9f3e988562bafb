#!/usr/bin/env bash
# End-to-end test of the Gradescope autograder bundle, short of Gradescope:
#
#   autograder-test.sh RACELAB_BINARY LAB_DIR SUBMISSION_FILE EXPECTED_SCORE
#
# Builds the bundle of LAB_DIR, unzips it into a fake /autograder root,
# puts SUBMISSION_FILE in its submission folder (inside a subfolder, as an
# uploaded repository would), runs run_autograder against RACELAB_BINARY
# and checks that results.json is Gradescope's format with the expected
# score. Then checks that a racelab that cannot run still yields a valid
# results.json (score 0, saying the autograder failed), and lints setup.sh
# and run_autograder (bash -n; shellcheck when installed). setup.sh itself
# installs packages and is not run here.
#
# The GitHub Classroom workflow (tools/grader/platform/classroom.yml, from
# the bundle's sources) is checked too: it parses, and its conversion step,
# run on `racelab grade --format json` of the same submission, gives the
# reporter runners whose points add up to EXPECTED_SCORE.
set -euo pipefail

if (($# != 4)); then
  echo "usage: $0 RACELAB_BINARY LAB_DIR SUBMISSION_FILE EXPECTED_SCORE" >&2
  exit 2
fi
racelab=$(realpath "$1")
lab=$(realpath "$2")
submission=$(realpath "$3")
expected=$4

tmp=$(mktemp -d "${TMPDIR:-/tmp}/racelab-autograder-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root="$tmp/autograder"
fail() {
  echo "autograder-test: FAIL: $*" >&2
  exit 1
}

"$racelab" autograder-bundle "$lab" -o "$tmp/autograder.zip"
mkdir -p "$root/source" "$root/submission/student-repo" "$root/results"
unzip -q "$tmp/autograder.zip" -d "$root/source"
for script in setup.sh run_autograder; do
  [[ -x $root/source/$script ]] || fail "$script is missing or not executable in the zip"
  bash -n "$root/source/$script" || fail "$script does not parse"
  if command -v shellcheck > /dev/null 2>&1; then
    shellcheck "$root/source/$script" || fail "shellcheck finds problems in $script"
  fi
done
ls "$root"/source/lab/*/*/lab.yaml > /dev/null || fail "the zip has no lab/<topic>/<name>/lab.yaml"
[[ -f $root/source/racelab/CMakeLists.txt ]] || fail "the zip has no RaceLab sources"

# The name the lab expects, as the bundle filled it into run_autograder.
name=$(sed -n "s/^SUBMISSION_FILE='\(.*\)'$/\1/p" "$root/source/run_autograder")
[[ -n $name ]] || fail "run_autograder names no submission file"
cp "$submission" "$root/submission/student-repo/$name"

# Gradescope copies run_autograder to the root and runs it from there.
cp "$root/source/run_autograder" "$root/run_autograder"
AUTOGRADER_ROOT="$root" RACELAB="$racelab" "$root/run_autograder" ||
  fail "run_autograder exited with status $?"

# Checks $1 is a Gradescope results.json; prints its score.
check_results() {
  python3 - "$1" << 'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
def need(cond, what):
    if not cond:
        sys.exit("results.json: " + what)
num = (int, float)
need(isinstance(r.get("score"), num), "no numeric score")
need(isinstance(r.get("max_score"), num), "no numeric max_score")
need(isinstance(r.get("tests"), list) and r["tests"], "no tests")
for t in r["tests"]:
    for key, kind in (("name", str), ("score", num), ("max_score", num),
                      ("status", str), ("visibility", str), ("output", str),
                      ("output_format", str)):
        need(isinstance(t.get(key), kind), "test %r: bad or missing %s" % (t.get("name"), key))
    need(t["status"] in ("passed", "failed"), "test %r: status %r" % (t["name"], t["status"]))
    need(t["visibility"] in ("visible", "hidden", "after_due_date", "after_published"),
         "test %r: visibility %r" % (t["name"], t["visibility"]))
    need(t["output_format"] in ("text", "html", "simple_format", "md", "ansi"),
         "test %r: output_format %r" % (t["name"], t["output_format"]))
    need(0 <= t["score"] <= t["max_score"], "test %r: score outside 0..max_score" % t["name"])
print(r["score"])
PY
}

results="$root/results/results.json"
[[ -f $results ]] || fail "no results.json"
score=$(check_results "$results") || fail "results.json is not Gradescope's format"
python3 -c 'import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > 1e-9)' \
  "$score" "$expected" || fail "score $score, expected $expected"
echo "autograder-test: graded: score $score as expected"

# A grader that cannot run: still a valid results.json, score 0, saying so.
broken="$tmp/broken-racelab"
printf '#!/bin/sh\necho "racelab: cannot start: \\"sandbox\\" missing\tbadly" >&2\nexit 2\n' > "$broken"
chmod +x "$broken"
rm -f "$results"
AUTOGRADER_ROOT="$root" RACELAB="$broken" "$root/run_autograder" 2> /dev/null ||
  fail "run_autograder exited with status $? when racelab failed"
score=$(check_results "$results") || fail "the failure results.json is not Gradescope's format"
[[ $score == 0 ]] || fail "a failed autograder scored $score"
grep -q 'autograder could not grade' "$results" || fail "the failure results.json does not say what happened"
grep -q 'cannot start' "$results" || fail "the failure results.json lacks racelab's messages"

# And one that is not there at all.
rm -f "$results"
AUTOGRADER_ROOT="$root" RACELAB="$tmp/no-such-racelab" "$root/run_autograder" 2> /dev/null ||
  fail "run_autograder exited with status $? without racelab"
check_results "$results" > /dev/null || fail "the no-racelab results.json is not Gradescope's format"
echo "autograder-test: failures of racelab itself give a valid results.json"

# GitHub Classroom: the workflow's conversion step, run as Actions would.
workflow="$root/source/racelab/tools/grader/platform/classroom.yml"
[[ -f $workflow ]] || fail "the bundle's sources have no classroom.yml"
if ! python3 -c 'import yaml' 2> /dev/null; then
  echo "autograder-test: python3-yaml missing; the Classroom workflow is not checked"
  echo "autograder-test: PASS"
  exit 0
fi
classroom="$tmp/classroom"
mkdir -p "$classroom"
"$racelab" grade "$lab" --submission "$submission" --format json \
  -o "$classroom/grade.json" 2> "$classroom/grade.stderr" ||
  fail "racelab grade --format json exited with status $?"
(cd "$classroom" && python3 - "$workflow" "$expected" << 'PY') ||
import base64, json, os, subprocess, sys
import yaml
workflow = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
job = workflow["jobs"]["run-autograding-tests"]
steps = {s.get("id"): s for s in job["steps"]}
for name in ("GITHUB_ENV", "GITHUB_OUTPUT"):
    open(name, "w").close()
env = dict(os.environ, GITHUB_ENV="GITHUB_ENV", GITHUB_OUTPUT="GITHUB_OUTPUT",
           GRADE_STATUS="0")
subprocess.run(["bash", "-e", "-c", steps["convert"]["run"]], env=env, check=True)
outputs = dict(l.rstrip("\n").split("=", 1) for l in open("GITHUB_OUTPUT"))
variables = dict(l.rstrip("\n").split("=", 1) for l in open("GITHUB_ENV"))
# As the reporter reads them: one <RUNNER>_RESULTS per listed runner, and
# the points are the tests' scores over the runners' max_score.
points = maximum = 0
for runner in outputs["runners"].split(","):
    results = json.loads(base64.b64decode(variables[runner.strip().upper() + "_RESULTS"]))
    assert results["status"] in ("pass", "fail"), results
    maximum += results["max_score"]
    points += sum(t["score"] for t in results["tests"])
grade = json.load(open("grade.json", encoding="utf-8"))
if maximum != grade["max_score"] or abs(points - float(sys.argv[2])) > 1e-9:
    sys.exit("classroom: points %s/%s, expected %s/%s" % (points, maximum, sys.argv[2], grade["max_score"]))
print("autograder-test: classroom reporter input: Points %s/%s" % (points, maximum))
PY
  fail "the Classroom workflow's conversion is wrong"
echo "autograder-test: PASS"
