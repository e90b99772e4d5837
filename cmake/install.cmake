# Installs the library as a CMake package (find_package(summalign)) and a pkg-config file.
include(CMakePackageConfigHelpers)

# The version exports write into TMX headers and reports (creationtoolversion).
target_compile_definitions(summalign PRIVATE SUMMALIGN_VERSION="${PROJECT_VERSION}")
install(TARGETS summalign EXPORT summalignTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS summalign_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/summalign DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/summalign)
