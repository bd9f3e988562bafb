#!/bin/sh
# Wrapper used for the corpus3 measurement: one racecheck at a time, with a
# memory cap and a wall-clock limit (a timeout shows up as exit status 124).
# RACECHECK overrides the binary; the default is the repository's build.
ulimit -v 8000000
here=$(dirname "$0")
exec timeout 300 "${RACECHECK:-$here/../../../build/bin/racecheck}" "$@"
