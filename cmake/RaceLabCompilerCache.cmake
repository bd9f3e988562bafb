# Uses ccache for every compile when it is installed: Clang-based tools compile
# slowly and CI rebuilds from a clean clone, so cache hits matter.
find_program(RACELAB_CCACHE ccache)
if(RACELAB_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_C_COMPILER_LAUNCHER ${RACELAB_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${RACELAB_CCACHE})
  message(STATUS "RaceLab: compiling through ${RACELAB_CCACHE}")
endif()
