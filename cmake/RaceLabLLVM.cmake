# Finds LLVM and Clang 19 from the Debian packages and defines
# racelab_llvm_target(<target>), which gives a target LLVM's include paths,
# definitions and the shared libLLVM (links stay fast: one shared library
# instead of dozens of static archives).
#
# find_package(LLVM 19 CONFIG) rejects Debian's 19.1.x because LLVM's
# config-version file compares major.minor, so we ask without a version, point
# HINTS at the llvm-19 tree and check the major version ourselves.

set(RACELAB_LLVM_ROOT "/usr/lib/llvm-19" CACHE PATH "Root of the LLVM 19 installation")

find_package(LLVM CONFIG
  HINTS ${RACELAB_LLVM_ROOT}/lib/cmake/llvm)
if(NOT LLVM_FOUND)
  message(FATAL_ERROR
    "RaceLab needs LLVM 19. On Debian 12 install it with\n"
    "  sudo apt-get install llvm-19-dev\n"
    "or run ci/install-deps.sh, which installs everything the build needs.")
endif()
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR
    "RaceLab needs LLVM 19 but found ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}.\n"
    "Install llvm-19-dev and pass -DRACELAB_LLVM_ROOT=/usr/lib/llvm-19.")
endif()

find_package(Clang CONFIG
  HINTS ${RACELAB_LLVM_ROOT}/lib/cmake/clang)
if(NOT Clang_FOUND)
  message(FATAL_ERROR
    "RaceLab needs the Clang 19 libraries. On Debian 12 install them with\n"
    "  sudo apt-get install libclang-19-dev\n"
    "or run ci/install-deps.sh.")
endif()

message(STATUS "RaceLab: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

# Tools used by the runner and the tests, resolved once here so that every
# component agrees on the same binaries.
find_program(RACELAB_LESSON_CXX clang++-19 clang++
  HINTS ${LLVM_TOOLS_BINARY_DIR} REQUIRED)
# Clang tools built on LibTooling look for the compiler's own headers
# (stddef.h, ...) next to their executable; point them at clang-19's.
execute_process(COMMAND ${RACELAB_LESSON_CXX} -print-resource-dir
  OUTPUT_VARIABLE RACELAB_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)
find_program(RACELAB_SYMBOLIZER llvm-symbolizer
  HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH)

function(racelab_llvm_target target)
  target_include_directories(${target} SYSTEM PUBLIC ${LLVM_INCLUDE_DIRS})
  separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(${target} PUBLIC ${_llvm_defs})
  # Match LLVM's RTTI setting: a class deriving from an LLVM class needs the
  # same choice as the library (Debian's LLVM 19 is built with RTTI on).
  if(NOT LLVM_ENABLE_RTTI)
    target_compile_options(${target} PUBLIC -fno-rtti)
  endif()
  if(LLVM_LINK_LLVM_DYLIB)
    target_link_libraries(${target} PUBLIC LLVM)
  else()
    llvm_map_components_to_libnames(_llvm_libs support)
    target_link_libraries(${target} PUBLIC ${_llvm_libs})
  endif()
endfunction()
