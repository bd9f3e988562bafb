#!/bin/sh
# Runs racecheck on corpus4 files under a memory limit (8 GB virtual) and a
# time limit (300 s). RACECHECK selects the binary; by default the one in the
# build tree of this checkout. All arguments are passed through; for C files
# (and no explicit "--") the C flags the programs are built with are added.
#   RACECHECK=/path/to/racecheck ./run_racecheck.sh --verify racy_x.cpp
here=$(dirname "$0")
bin=${RACECHECK:-$here/../../../build/bin/racecheck}
ulimit -v 8000000
has_sep=0
has_c=0
for a in "$@"; do
  case $a in
    --) has_sep=1 ;;
    *.c) has_c=1 ;;
  esac
done
if [ "$has_c" = 1 ] && [ "$has_sep" = 0 ]; then
  exec timeout 300 "$bin" "$@" -- -std=gnu17 -pthread
fi
exec timeout 300 "$bin" "$@"
