#!/usr/bin/env bash
# Runs racecheck and clang-tidy-19 with the racelab plugin on each FILE and
# fails if they do not report the same (check, line) set: the plugin is a
# thin adapter over the same analysis, so any difference is a bug in it.
#   same-findings.sh RACECHECK PLUGIN INCLUDE_DIR FILE...
set -uo pipefail
racecheck=$1 plugin=$2 include=$3
shift 3
tidy=${CLANG_TIDY:-clang-tidy-19}
if ! command -v "$tidy" >/dev/null; then
  echo "same-findings: $tidy not found (ci/install-deps.sh installs clang-tidy-19)" >&2
  exit 2
fi

# "check line" for every racelab warning in clang's text format.
warnings() {
  sed -n 's/^.*:\([0-9][0-9]*\):[0-9][0-9]*: warning: .* \[\(racelab-[a-z-]*\)\]$/\2 \1/p' | sort
}

status=0 files=0 findings=0
for file in "$@"; do
  case $file in
    *.c) flags=(-std=gnu17 -pthread) ;;
    *) flags=(-std=c++20 -pthread -I "$include") ;;
  esac
  from_racecheck=$("$racecheck" "$file" -- "${flags[@]}" 2>&1 | warnings)
  rc=${PIPESTATUS[0]}
  if [ "$rc" -gt 1 ]; then
    echo "same-findings: racecheck failed on $file (exit $rc)" >&2
    status=1
    continue
  fi
  from_tidy=$("$tidy" --quiet --load="$plugin" -checks='-*,racelab-*' "$file" -- "${flags[@]}" 2>&1 | warnings)
  files=$((files + 1))
  findings=$((findings + $(printf '%s' "$from_racecheck" | grep -c .)))
  if [ "$from_racecheck" != "$from_tidy" ]; then
    echo "DIFFERENT $file"
    diff <(printf '%s\n' "$from_racecheck" | sed '/^$/d') \
         <(printf '%s\n' "$from_tidy" | sed '/^$/d') |
      sed -n 's/^< /  racecheck only: /p; s/^> /  clang-tidy only: /p'
    status=1
  fi
done
echo "same-findings: $files files, $findings findings, $([ $status = 0 ] && echo same || echo DIFFERENT)"
exit $status
