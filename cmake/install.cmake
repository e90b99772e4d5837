# Installs the library as a CMake package (find_package(summalign) -> summalign::summalign),
# a pkg-config file, the command line, the headers and the data files.
include(CMakePackageConfigHelpers)

# The version exports write into TMX headers and reports (creationtoolversion).
target_compile_definitions(summalign PRIVATE SUMMALIGN_VERSION="${PROJECT_VERSION}")
# The public headers use C++20 (std::span, defaulted comparisons): consumers need it too.
target_compile_features(summalign PUBLIC cxx_std_20)

set(SUMMALIGN_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/summalign")
set(SUMMALIGN_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/summalign")

# (The include directory reaches consumers through the target's $<INSTALL_INTERFACE:...>.)
install(TARGETS summalign EXPORT summalignTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS summalign_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/summalign DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY data/ DESTINATION ${SUMMALIGN_DATA_INSTALL_DIR})

# summalign is a static library: its private dependencies end up in the exported target as
# $<LINK_ONLY:...> (CMake does this for static libraries), so summalignConfig.cmake finds
# each of them again before loading the targets. Every dependency is linked as an imported
# target (never a path), so the installed summalignTargets.cmake names no file of the build
# machine and the package can be moved; libstemmer gets its target from
# cmake/FindStemmer.cmake, which is installed beside the config file. A new link dependency of the library must
# be added to cmake/summalignConfig.cmake.in and cmake/summalign.pc.in as well; the CTest
# test find_package_consumer (scripts/test-find-package.sh) fails until it is.
install(EXPORT summalignTargets
  NAMESPACE summalign::
  FILE summalignTargets.cmake
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
  DESTINATION ${SUMMALIGN_CMAKE_INSTALL_DIR})

# pkg-config: the prefix is computed from the .pc file's own location, so the package can
# be installed with `cmake --install build --prefix DIR` anywhere.
set(SUMMALIGN_PKGCONFIG_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
file(RELATIVE_PATH SUMMALIGN_PKGCONFIG_TO_PREFIX "/prefix/${SUMMALIGN_PKGCONFIG_INSTALL_DIR}" "/prefix")
string(REGEX REPLACE "/$" "" SUMMALIGN_PKGCONFIG_TO_PREFIX "${SUMMALIGN_PKGCONFIG_TO_PREFIX}")
configure_file(cmake/summalign.pc.in "${CMAKE_CURRENT_BINARY_DIR}/summalign.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/summalign.pc" DESTINATION ${SUMMALIGN_PKGCONFIG_INSTALL_DIR})
