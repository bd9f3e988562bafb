# What `cmake --install BUILD --prefix P` places besides the programs
# (installed by their own folders): racelab's data (sanitizer settings and
# the lessons' support header), the docs, and the CMake package a course
# repository finds with find_package(RaceLab).
#
#   P/bin/{racelab,racecheck,racelab-clang-tidy}
#   P/lib/racelab-tidy.so                  (racelab-clang-tidy finds it there)
#   P/share/racelab/{sanitizers,samples/include}   (racelab finds it there)
#   P/share/doc/racelab/                   README, checks, IDE set-up
#   P/lib/cmake/RaceLab/                   the package
#
# bin/ and lib/ are fixed names (not GNUInstallDirs' multiarch lib dir) so
# the programs find each other by relative path, as in the build tree.
include(CMakePackageConfigHelpers)

set(RACELAB_INSTALL_BINDIR bin)
set(RACELAB_INSTALL_LIBDIR lib)
set(RACELAB_INSTALL_DATADIR share/racelab)
set(RACELAB_INSTALL_DOCDIR share/doc/racelab)
set(RACELAB_INSTALL_CMAKEDIR lib/cmake/RaceLab)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/sanitizers/
        DESTINATION ${RACELAB_INSTALL_DATADIR}/sanitizers)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/include/
        DESTINATION ${RACELAB_INSTALL_DATADIR}/samples/include)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${RACELAB_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${RACELAB_INSTALL_DOCDIR})

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/RaceLabConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/RaceLabConfig.cmake
  INSTALL_DESTINATION ${RACELAB_INSTALL_CMAKEDIR}
  PATH_VARS RACELAB_INSTALL_BINDIR RACELAB_INSTALL_LIBDIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/RaceLabConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/RaceLabConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/RaceLabConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/RaceLabLessons.cmake
        DESTINATION ${RACELAB_INSTALL_CMAKEDIR})
