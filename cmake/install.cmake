# Installs the library as a CMake package (find_package(summalign) -> summalign::summalign),
# a pkg-config file, the command line, the headers and the data files.
include(CMakePackageConfigHelpers)

set(SUMMALIGN_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/summalign")
set(SUMMALIGN_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/summalign")

# Where data.cpp looks for the data files. An installed program or library finds them
# relative to its own file: from each directory the installation puts a summalign binary in
# (the command's bindir, the library's libdir, the Python module's package) to the data
# directory, so an installed copy works wherever the prefix is moved. The build and source
# trees are looked in only by programs inside the build tree; the configured prefix's data
# directory last (a program outside the prefix that links the static library).
set(SUMMALIGN_BINARY_INSTALL_DIRS "${CMAKE_INSTALL_BINDIR}" "${CMAKE_INSTALL_LIBDIR}")
if(SUMMALIGN_PYTHON_INSTALL_DIR)
  list(APPEND SUMMALIGN_BINARY_INSTALL_DIRS "${SUMMALIGN_PYTHON_INSTALL_DIR}/summalign")
endif()
set(SUMMALIGN_RELATIVE_DATA_DIRS "")
foreach(binary_dir ${SUMMALIGN_BINARY_INSTALL_DIRS})
  if(NOT IS_ABSOLUTE "${binary_dir}" AND NOT IS_ABSOLUTE "${SUMMALIGN_DATA_INSTALL_DIR}")
    file(RELATIVE_PATH relative "/prefix/${binary_dir}" "/prefix/${SUMMALIGN_DATA_INSTALL_DIR}")
    list(APPEND SUMMALIGN_RELATIVE_DATA_DIRS "${relative}")
  endif()
endforeach()
list(REMOVE_DUPLICATES SUMMALIGN_RELATIVE_DATA_DIRS)
string(REPLACE ";" ":" SUMMALIGN_RELATIVE_DATA_DIRS "${SUMMALIGN_RELATIVE_DATA_DIRS}")
# Only data.cpp needs the folders: a definition on the whole target would make every source
# depend on where the tree is checked out (and defeat compiler caches across checkouts).
set_source_files_properties(lib/data.cpp PROPERTIES COMPILE_DEFINITIONS
  "SUMMALIGN_SOURCE_DATA_DIR=\"${CMAKE_CURRENT_SOURCE_DIR}/data\";SUMMALIGN_BUILD_DATA_DIR=\"${CMAKE_CURRENT_BINARY_DIR}/data\";SUMMALIGN_BUILD_DIR=\"${CMAKE_CURRENT_BINARY_DIR}\";SUMMALIGN_INSTALL_DATA_DIR=\"${SUMMALIGN_INSTALL_DATA_DIR}\";SUMMALIGN_RELATIVE_DATA_DIRS=\"${SUMMALIGN_RELATIVE_DATA_DIRS}\"")

# (The include directory reaches consumers through the targets' $<INSTALL_INTERFACE:...>.)
install(TARGETS summalign_shared EXPORT summalignTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS summalign EXPORT summalignStaticTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS summalign_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/summalign DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/include/summalign/version.hpp" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/summalign)
install(DIRECTORY data/ DESTINATION ${SUMMALIGN_DATA_INSTALL_DIR})
install(FILES LICENSE README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# Two export sets: summalignTargets.cmake has the shared library, whose dependencies are
# private and not the consumer's business; summalignStaticTargets.cmake the static one, whose
# dependencies end up in the exported target as $<LINK_ONLY:...> (CMake does this for static
# libraries), so summalignConfig.cmake finds each of them again before loading it, and only
# when the consumer asks for the `static` component. Every dependency is linked as an
# imported target (never a path), so the installed files name no file of the build machine
# and the package can be moved; libstemmer and libhyphen get their targets from cmake/FindStemmer.cmake and
# cmake/FindHyphen.cmake, which are installed beside the config file. A new link dependency of the library must be
# added to cmake/summalignConfig.cmake.in and cmake/summalign.pc.in as well; the CTest test
# find_package_consumer (scripts/test-find-package.sh) fails until it is.
install(EXPORT summalignTargets
  NAMESPACE summalign::
  FILE summalignTargets.cmake
  DESTINATION ${SUMMALIGN_CMAKE_INSTALL_DIR})
install(EXPORT summalignStaticTargets
  NAMESPACE summalign::
  FILE summalignStaticTargets.cmake
  DESTINATION ${SUMMALIGN_CMAKE_INSTALL_DIR})
configure_package_config_file(cmake/summalignConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/summalignConfig.cmake"
  INSTALL_DESTINATION ${SUMMALIGN_CMAKE_INSTALL_DIR}
  PATH_VARS SUMMALIGN_DATA_INSTALL_DIR CMAKE_INSTALL_INCLUDEDIR)
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/summalignConfigVersion.cmake"
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/summalignConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/summalignConfigVersion.cmake"
              "${CMAKE_CURRENT_SOURCE_DIR}/cmake/FindStemmer.cmake"
              "${CMAKE_CURRENT_SOURCE_DIR}/cmake/FindHyphen.cmake"
  DESTINATION ${SUMMALIGN_CMAKE_INSTALL_DIR})

# pkg-config: the prefix is computed from the .pc file's own location, so the package can
# be installed with `cmake --install build --prefix DIR` anywhere.
set(SUMMALIGN_PKGCONFIG_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
file(RELATIVE_PATH SUMMALIGN_PKGCONFIG_TO_PREFIX "/prefix/${SUMMALIGN_PKGCONFIG_INSTALL_DIR}" "/prefix")
string(REGEX REPLACE "/$" "" SUMMALIGN_PKGCONFIG_TO_PREFIX "${SUMMALIGN_PKGCONFIG_TO_PREFIX}")
configure_file(cmake/summalign.pc.in "${CMAKE_CURRENT_BINARY_DIR}/summalign.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/summalign.pc" DESTINATION ${SUMMALIGN_PKGCONFIG_INSTALL_DIR})
