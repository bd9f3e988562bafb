#!/usr/bin/env bash
# bench-racecheck.sh - racecheck's cost relative to `clang++-19 -fsyntax-only`.
#
#   tests/perf/bench-racecheck.sh [RUNS]        (from the repository root; RUNS defaults to 5)
#
# Inputs: four synthetic translation units of about 1000, 5000, 10000 and
# 20000 lines (tests/perf/generate_tu.py, fixed seed) written to a temporary
# directory, and every lesson source (samples/*/*/buggy.cpp and fixed.cpp,
# compiled with -I samples/include).
#
# For each input the two commands
#   A: clang++-19 -std=c++20 -pthread -fsyntax-only [-I samples/include] FILE
#   B: build/bin/racecheck FILE -- -std=c++20 -pthread [-I samples/include]
# are run once untimed (warm-up, and to check their exit status), then
# RUNS times alternately (A B A B ...), one process at a time. The table
# gives the median wall time of each, the ratio of the medians, the median
# of the per-pair ratios (each B divided by the A run just before it, which
# cancels slow drifts in machine load), and the ratio of the median CPU
# times (user+sys, from /usr/bin/time; less sensitive to other processes on
# a shared machine than wall time).
#
# Environment:
#   BENCH_SIZES="1000 5000 10000 20000"  sizes of the synthetic TUs
#   BENCH_SEED=1                          generator seed
#   BENCH_NO_THREADS=1                    also measure each synthetic TU
#                                         generated with --no-threads (same
#                                         code, callables called in place:
#                                         everything runs in main's context)
#   BENCH_SKIP_SAMPLES=1                  only the synthetic TUs
#   RACECHECK=build/bin/racecheck         the binary to measure
#   CLANGXX=clang++-19
#   BENCH_TIMEOUT=900                     seconds, per command
#
# build/ may be rebuilt by others while this runs: the script waits while
# the racecheck binary is missing, measures an input again if the binary
# changed (mtime/size) during its runs, and tags every row with the build
# it measured (column "build"; the builds are listed under the table).
#
# Output: progress on stderr, a Markdown table and a growth summary on
# stdout. The target is ratio <= 1.3, growing linearly with size; this
# script only reports. Exit status: 0, or 1 if a command itself failed
# (clang++ not 0, racecheck not 0/1 -- 2 means it could not compile or
# analyse the file -- a crash, a timeout, the generator failing), 2 bad usage.

set -u

RUNS=${1:-5}
if ! [[ $RUNS =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [RUNS]   (RUNS: a positive integer, default 5)" >&2
  exit 2
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 2

SIZES=${BENCH_SIZES:-"1000 5000 10000 20000"}
SEED=${BENCH_SEED:-1}
RACECHECK=${RACECHECK:-build/bin/racecheck}
CLANGXX=${CLANGXX:-clang++-19}
TIMEOUT=${BENCH_TIMEOUT:-900}
STD_FLAGS=(-std=c++20 -pthread)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-racecheck.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

FAILED=0
log() { printf '%s\n' "$*" >&2; }

# The racecheck binary may be briefly missing while build/ is rebuilt by
# someone else: wait for it (up to 10 minutes) instead of failing.
wait_for_racecheck() {
  local waited=0
  while [[ ! -x $RACECHECK ]]; do
    if ((waited == 0)); then log "waiting for $RACECHECK to appear..."; fi
    if ((waited >= 600)); then
      log "error: $RACECHECK missing for 10 minutes"
      return 1
    fi
    sleep 5
    waited=$((waited + 5))
  done
  return 0
}

command -v "$CLANGXX" >/dev/null || { log "error: $CLANGXX not found"; exit 1; }
[[ -x /usr/bin/time ]] || { log "error: /usr/bin/time not found"; exit 1; }
wait_for_racecheck || exit 1

# run_timed OUTFILE CMD... : runs CMD once; sets WALL, CPU (seconds) and RC.
# Output of CMD goes to OUTFILE.
run_timed() {
  local out=$1
  shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$TMP/time.txt" timeout "$TIMEOUT" "$@" >"$out" 2>&1
  RC=$?
  t1=$(date +%s.%N)
  # /usr/bin/time prefixes "Command exited with non-zero status N" when
  # the command failed; the times are on the last line.
  CPU=$(tail -n 1 "$TMP/time.txt" 2>/dev/null | awk 'NF == 2 { printf "%.3f", $1 + $2; ok = 1 } END { if (!ok) print "nan" }')
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

# median NUMBERS... (prints "nan" for none)
median() {
  printf '%s\n' "$@" | grep -v nan | sort -g |
    awk '{ v[NR] = $1 } END {
      if (NR == 0) { print "nan"; exit }
      if (NR % 2) printf "%.3f", v[(NR + 1) / 2];
      else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b + 0 == 0) print "nan"; else printf "%.2f", a / b }'; }

# --- Inputs -----------------------------------------------------------------

NAMES=()   # label shown in the table
FILES=()   # path
INCS=()    # "1" if it needs -I samples/include
KINDS=()   # synthetic | nothreads | lesson

for n in $SIZES; do
  f="$TMP/synthetic-$n.cpp"
  if ! python3 tests/perf/generate_tu.py "$n" --seed "$SEED" -o "$f"; then
    log "error: generator failed for $n lines"
    FAILED=1
    continue
  fi
  NAMES+=("synthetic $n"); FILES+=("$f"); INCS+=(0); KINDS+=(synthetic)
  if [[ ${BENCH_NO_THREADS:-0} == 1 ]]; then
    g="$TMP/synthetic-$n-nothreads.cpp"
    if python3 tests/perf/generate_tu.py "$n" --seed "$SEED" --no-threads -o "$g"; then
      NAMES+=("synthetic $n, no threads"); FILES+=("$g"); INCS+=(0); KINDS+=(nothreads)
    else
      log "error: generator failed for $n lines (--no-threads)"
      FAILED=1
    fi
  fi
done

if [[ ${BENCH_SKIP_SAMPLES:-0} != 1 ]]; then
  for f in samples/*/*/buggy.cpp samples/*/*/fixed.cpp; do
    [[ -f $f ]] || continue
    d=${f#samples/}
    NAMES+=("${d%.cpp}"); FILES+=("$f"); INCS+=(1); KINDS+=(lesson)
  done
fi

# --- Measure ----------------------------------------------------------------

log "racecheck: $RACECHECK ($(stat -c '%y' "$RACECHECK"))   compiler: $($CLANGXX --version | head -n 1)"
log "runs per command: $RUNS (alternating), inputs: ${#FILES[@]}, $(nproc) CPUs, load: $(cut -d' ' -f1-3 /proc/loadavg)"

ROWS=()
declare -A SYN_LINES SYN_CLANG SYN_RC SYN_NT_RC

# Identity of the racecheck binary: the build directory is rebuilt by
# others, and an input measured across a rebuild mixes two binaries.
bin_id() { stat -c '%Y.%s' "$RACECHECK" 2>/dev/null || echo missing; }
REBUILDS=0
BUILDS=()  # distinct racecheck builds measured, in order: "ID|mtime"

# build_letter ID: sets BUILD to A for the first build measured, B for the
# next, ... (not in a subshell: it records the build in BUILDS).
build_letter() {
  local i letters=ABCDEFGHIJKLMNOPQRSTUVWXYZ
  for i in "${!BUILDS[@]}"; do
    [[ ${BUILDS[$i]%%|*} == "$1" ]] && { BUILD=${letters:$i:1}; return; }
  done
  BUILDS+=("$1|$(stat -c '%y' "$RACECHECK" 2>/dev/null | cut -d. -f1)")
  BUILD=${letters:$((${#BUILDS[@]} - 1)):1}
}

# measure IDX: warm-up + RUNS alternating pairs for input IDX. Sets ROW
# (the table row) and MA/MB (wall medians); returns 1 if the racecheck
# binary changed (or went missing) while measuring.
measure() {
  local idx=$1
  local f=${FILES[$idx]} name=${NAMES[$idx]}
  local extra=() notes="" r
  [[ ${INCS[$idx]} == 1 ]] && extra=(-I samples/include)
  local A=("$CLANGXX" "${STD_FLAGS[@]}" -fsyntax-only "${extra[@]}" "$f")
  local B=("$RACECHECK" "$f" -- "${STD_FLAGS[@]}" "${extra[@]}")
  local fail=0

  wait_for_racecheck || exit 1
  local id0
  id0=$(bin_id)

  # Warm-up, and the exit status that the table reports.
  run_timed "$TMP/a.out" "${A[@]}"
  local a_rc=$RC
  if ((a_rc != 0)); then
    notes+="clang++ exit $a_rc; "
    fail=1
    log "  clang++ failed (exit $a_rc):"; tail -n 5 "$TMP/a.out" >&2
  fi
  run_timed "$TMP/b.out" "${B[@]}"
  local b_rc=$RC findings
  findings=$(grep -c 'warning: ' "$TMP/b.out")
  if ((b_rc > 1)); then
    case $b_rc in
      2) notes+="racecheck exit 2 (could not analyse)$( ((a_rc == 0)) && echo ', but clang++ compiles it'); " ;;
      124) notes+="racecheck timed out (${TIMEOUT}s); " ;;
      *) notes+="racecheck exit $b_rc$( ((b_rc > 128)) && echo " (signal $((b_rc - 128)))"); " ;;
    esac
    fail=1
    log "  racecheck failed (exit $b_rc):"; tail -n 10 "$TMP/b.out" >&2
  fi

  local wa=() wb=() ca=() cb=() pr=() a_wall
  for ((r = 1; r <= RUNS; r++)); do
    run_timed "$TMP/a.out" "${A[@]}"
    ((RC != a_rc)) && { notes+="clang++ exit $RC in run $r; "; fail=1; }
    wa+=("$WALL"); ca+=("$CPU"); a_wall=$WALL
    [[ $(bin_id) == "$id0" ]] || return 1
    run_timed "$TMP/b.out" "${B[@]}"
    ((RC != b_rc)) && { notes+="racecheck exit $RC in run $r; "; ((RC > 1)) && fail=1; }
    wb+=("$WALL"); cb+=("$CPU")
    pr+=("$(ratio "$WALL" "$a_wall")")
    log "  run $r: syntax-only ${a_wall}s  racecheck ${WALL}s"
  done
  [[ $(bin_id) == "$id0" ]] || return 1

  ((fail)) && FAILED=1
  MA=$(median "${wa[@]}"); MB=$(median "${wb[@]}")
  local mca mcb rw rp rc_ flag=""
  mca=$(median "${ca[@]}"); mcb=$(median "${cb[@]}")
  rw=$(ratio "$MB" "$MA"); rp=$(median "${pr[@]}"); rc_=$(ratio "$mcb" "$mca")
  rp=$(awk -v x="$rp" 'BEGIN { if (x == "nan") print x; else printf "%.2f", x }')
  awk -v x="$rw" 'BEGIN { exit !(x != "nan" && x > 1.3) }' && flag=" (>1.3)"
  build_letter "$id0"
  ROW="| $name | $LINES | $PPLINES | $MA | $MB | **$rw**$flag | $rp | $mca | $mcb | $rc_ | $b_rc | $findings | $BUILD | ${notes%; } |"
  return 0
}

for idx in "${!FILES[@]}"; do
  f=${FILES[$idx]}
  name=${NAMES[$idx]}
  extra=()
  [[ ${INCS[$idx]} == 1 ]] && extra=(-I samples/include)
  LINES=$(wc -l <"$f")
  if "$CLANGXX" "${STD_FLAGS[@]}" -E "${extra[@]}" "$f" >"$TMP/pp.ii" 2>"$TMP/pp.err"; then
    PPLINES=$(wc -l <"$TMP/pp.ii")
  else
    PPLINES="?"
  fi
  log "[$((idx + 1))/${#FILES[@]}] $name ($LINES lines, $PPLINES preprocessed)"

  ok=0
  for attempt in 1 2 3 4 5; do
    if measure "$idx"; then ok=1; break; fi
    REBUILDS=$((REBUILDS + 1))
    log "  $RACECHECK changed during the measurement: measuring $name again"
    sleep 10
  done
  if ((!ok)); then
    ROW="| $name | $LINES | $PPLINES | | | | | | | | | | | racecheck kept changing during the measurement |"
    MA=""; MB=""
  fi
  ROWS+=("$ROW")

  if [[ ${KINDS[$idx]} == synthetic && -n $MA ]]; then
    n=${name#synthetic }
    SYN_LINES[$n]=$LINES; SYN_CLANG[$n]=$MA; SYN_RC[$n]=$MB
  elif [[ ${KINDS[$idx]} == nothreads && -n $MA ]]; then
    n=${name#synthetic }; n=${n%%,*}
    SYN_NT_RC[$n]=$MB
  fi
done

# --- Report -----------------------------------------------------------------

echo "racecheck vs \`$CLANGXX -fsyntax-only\`: $RUNS alternating runs each, medians;" \
  "$(nproc) CPUs, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| input | lines | preprocessed lines | syntax-only wall (s) | racecheck wall (s) | ratio (medians) | ratio (median of pairs) | syntax-only CPU (s) | racecheck CPU (s) | ratio (CPU) | racecheck exit | findings | build | notes |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|---|"
printf '%s\n' "${ROWS[@]}"
echo
letters=ABCDEFGHIJKLMNOPQRSTUVWXYZ
for i in "${!BUILDS[@]}"; do
  echo "build ${letters:$i:1}: $RACECHECK modified ${BUILDS[$i]#*|}"
done
((${#BUILDS[@]} > 1)) && echo "WARNING: $RACECHECK was rebuilt during the run; rows of different builds are not comparable."
((REBUILDS)) && echo "($REBUILDS input(s) measured again because $RACECHECK was rebuilt meanwhile.)"
echo "racecheck exit: 0 no findings, 1 findings (expected for buggy lessons and the" \
  "synthetic TUs, which contain real races), 2 the file could not be analysed."

# Growth of the synthetic TUs: the time racecheck adds on top of parsing,
# per 1000 source lines, between successive sizes. Roughly constant means
# linear growth; a rising marginal cost means super-linear growth.
sizes=()
for n in $SIZES; do [[ -n ${SYN_LINES[$n]:-} ]] && sizes+=("$n"); done
if ((${#sizes[@]} >= 2)); then
  echo
  echo "Growth (synthetic TUs): extra = racecheck - syntax-only (wall medians);" \
    "marginal = change from the previous size per 1000 source lines."
  echo
  if [[ ${BENCH_NO_THREADS:-0} == 1 ]]; then
    echo "| size | lines | syntax-only (s) | racecheck (s) | extra (s) | extra per 1000 lines (s) | marginal syntax-only per 1000 lines (s) | marginal racecheck per 1000 lines (s) | racecheck, no threads (s) |"
    echo "|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  else
    echo "| size | lines | syntax-only (s) | racecheck (s) | extra (s) | extra per 1000 lines (s) | marginal syntax-only per 1000 lines (s) | marginal racecheck per 1000 lines (s) |"
    echo "|--:|--:|--:|--:|--:|--:|--:|--:|"
  fi
  prev=""
  for n in "${sizes[@]}"; do
    l=${SYN_LINES[$n]}; c=${SYN_CLANG[$n]}; r=${SYN_RC[$n]}
    row=$(awk -v l="$l" -v c="$c" -v r="$r" 'BEGIN { printf "%.3f | %.3f", r - c, (r - c) * 1000 / l }')
    if [[ -n $prev ]]; then
      pl=${SYN_LINES[$prev]}; pc=${SYN_CLANG[$prev]}; pr_=${SYN_RC[$prev]}
      marg=$(awk -v l="$l" -v c="$c" -v r="$r" -v pl="$pl" -v pc="$pc" -v pr="$pr_" \
        'BEGIN { d = (l - pl) / 1000; printf "%.3f | %.3f", (c - pc) / d, (r - pr) / d }')
    else
      marg="- | -"
    fi
    if [[ ${BENCH_NO_THREADS:-0} == 1 ]]; then
      echo "| $n | $l | $c | $r | $row | $marg | ${SYN_NT_RC[$n]:-?} |"
    else
      echo "| $n | $l | $c | $r | $row | $marg |"
    fi
    prev=$n
  done
fi

if ((FAILED)); then
  log "some commands failed (see the notes column)"
  exit 1
fi
exit 0
