# Thin wrapper so the usual verbs work from the repository root; CMake and
# CTest do the work. The build directory is configured on first use.
#
#   make               build racelab (and the unit tests)
#   make check-races   verify every lesson under ThreadSanitizer
#   make test          run the unit tests
#   make bench         measure racelab's overhead over bare lesson runs
#   make bench-racecheck  racecheck against clang -fsyntax-only (tests/perf)
#   make matrix        regenerate samples/README.md, the lesson index with
#                      what each detector finds (racelab matrix)
#   make bench-lessons time the performance lessons at each thread count,
#                      fit Amdahl's law, draw the curves (racelab speedup)
#   make bench-grade   racelab grade's overhead over building and running a
#                      lab submission by hand (tests/perf/bench-grade.py)
#
# Variables: BUILD_DIR (default build), JOBS (default 2), JUNIT=FILE to make
# check-races also write a JUnit XML report.

BUILD_DIR ?= build
JOBS ?= 2
CMAKE ?= cmake
CTEST ?= ctest

.PHONY: all check-races test bench bench-racecheck bench-lessons bench-grade matrix clean

all: $(BUILD_DIR)/build.ninja
	$(CMAKE) --build $(BUILD_DIR) -j $(JOBS)

$(BUILD_DIR)/build.ninja:
	$(CMAKE) --preset default -B $(BUILD_DIR)

check-races: all
	$(BUILD_DIR)/bin/racelab check-races --build-dir $(BUILD_DIR) --jobs $(JOBS) \
	  $(if $(JUNIT),--junit $(JUNIT))

test: all
	$(CTEST) --test-dir $(BUILD_DIR) -L '^unit$$' -j $(JOBS) --output-on-failure

bench: all
	$(BUILD_DIR)/bin/racelab bench samples

bench-racecheck: all
	tests/perf/bench-racecheck.sh

matrix: all
	$(BUILD_DIR)/bin/racelab matrix samples --jobs $(JOBS)

bench-grade: all
	tests/perf/bench-grade.py --racelab $(BUILD_DIR)/bin/racelab

bench-lessons: all
	$(BUILD_DIR)/bin/racelab speedup samples --svg $(BUILD_DIR)/speedup

clean:
	$(CMAKE) --build $(BUILD_DIR) --target clean
