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
# and the lesson is listed in <build>/lessons/index.txt, which is what
# `racelab check-races` (make check-races) summarises.

set(RACELAB_LESSON_DIR ${PROJECT_BINARY_DIR}/lessons)
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
  foreach(part buggy fixed static)
    add_test(NAME "lesson/${id}/${part}"
      COMMAND racelab verify
        --part ${part}
        --work-dir ${RACELAB_LESSON_DIR}/work
        --results-dir ${RACELAB_LESSON_DIR}/results
        "${dir}")
    set_tests_properties("lesson/${id}/${part}" PROPERTIES
      LABELS "lesson;topic:${topic};part:${part}"
      TIMEOUT ${RACELAB_LESSON_TEST_TIMEOUT})
  endforeach()
  set_property(GLOBAL APPEND PROPERTY RACELAB_LESSON_INDEX "${id}\t${dir}")
endfunction()

# Writes the index of every lesson registered so far; call once, after the
# last racelab_add_lesson().
function(racelab_write_lesson_index)
  get_property(entries GLOBAL PROPERTY RACELAB_LESSON_INDEX)
  list(SORT entries)
  string(REPLACE ";" "\n" text "${entries}")
  file(WRITE ${RACELAB_LESSON_DIR}/index.txt "${text}\n")
endfunction()
