# racelab_add_lesson(<dir>) registers the three parts of a lesson as CTest
# tests run by `racelab verify --part`: the buggy variant under TSan, the
# fixed variant under TSan, and both under racecheck. Labels pick them:
#
#   ctest -L lesson                 every lesson test
#   ctest -L topic:data-races       one topic
#   ctest -L part:buggy             all buggy variants (also part:fixed,
#                                   part:static)
#
# Each test leaves its verdict in <build>/lessons/results/<topic>/<lesson>/,
# and the lesson is listed in <build>/lessons/index.txt (written once the
# top-level CMakeLists.txt is done), which is what the check-races target,
# `racelab check-races`, summarises.
#
# The same file serves RaceLab's own build (racelab is the target built
# here) and the installed CMake package, find_package(RaceLab), where
# RaceLabConfig.cmake sets RACELAB_EXECUTABLE to the installed racelab
# before including it.
include_guard(GLOBAL)

if(NOT DEFINED RACELAB_EXECUTABLE)
  set(RACELAB_EXECUTABLE racelab)
endif()
# Lesson tests run in parallel under check-races; 2 suits a laptop and CI.
set(RACELAB_CHECK_RACES_JOBS 2 CACHE STRING "Parallel lesson tests in check-races")

set_property(GLOBAL PROPERTY RACELAB_LESSON_INDEX "")

# Racelab bounds every build and run itself; this only stops a racelab that
# is stuck, which would be a bug in racelab.
set(RACELAB_LESSON_TEST_TIMEOUT 1800)

function(racelab_add_lesson dir)
  get_filename_component(dir "${dir}" ABSOLUTE)
  get_filename_component(name "${dir}" NAME)
  get_filename_component(topic_dir "${dir}" DIRECTORY)
  get_filename_component(topic "${topic_dir}" NAME)
  set(id "${topic}/${name}")
  if(NOT EXISTS "${dir}/lesson.yaml")
    message(FATAL_ERROR "racelab_add_lesson: ${dir} has no lesson.yaml")
  endif()
  set(lesson_dir ${CMAKE_BINARY_DIR}/lessons)
  foreach(part buggy fixed static)
    add_test(NAME "lesson/${id}/${part}"
      COMMAND ${RACELAB_EXECUTABLE} verify
        --part ${part}
        --work-dir ${lesson_dir}/work
        --results-dir ${lesson_dir}/results
        "${dir}")
    set_tests_properties("lesson/${id}/${part}" PROPERTIES
      LABELS "lesson;topic:${topic};part:${part}"
      TIMEOUT ${RACELAB_LESSON_TEST_TIMEOUT})
  endforeach()
  set_property(GLOBAL APPEND PROPERTY RACELAB_LESSON_INDEX "${id}\t${dir}")
  _racelab_once_per_build()
endfunction()

# Writes the index of every registered lesson. Called by itself at the end
# of the top-level CMakeLists.txt; calling it earlier is harmless.
function(racelab_write_lesson_index)
  get_property(entries GLOBAL PROPERTY RACELAB_LESSON_INDEX)
  list(SORT entries)
  string(REPLACE ";" "\n" text "${entries}")
  file(WRITE ${CMAKE_BINARY_DIR}/lessons/index.txt "${text}\n")
endfunction()

# The first lesson schedules the index and adds the check-races target:
# `cmake --build BUILD --target check-races` verifies every lesson.
function(_racelab_once_per_build)
  get_property(done GLOBAL PROPERTY RACELAB_ONCE_PER_BUILD)
  if(done)
    return()
  endif()
  set_property(GLOBAL PROPERTY RACELAB_ONCE_PER_BUILD TRUE)
  cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL racelab_write_lesson_index)
  if(NOT TARGET check-races)
    add_custom_target(check-races
      COMMAND ${RACELAB_EXECUTABLE} check-races --build-dir ${CMAKE_BINARY_DIR}
              --jobs ${RACELAB_CHECK_RACES_JOBS}
      USES_TERMINAL
      COMMENT "Verifying every lesson under ThreadSanitizer and racecheck")
  endif()
endfunction()
