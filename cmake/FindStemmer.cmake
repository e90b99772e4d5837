# Finds Snowball's libstemmer (Debian: libstemmer-dev), which has neither a CMake package
# nor a pkg-config file, and provides the imported target Stemmer::Stemmer.
#
# summalign links the target by name, so the installed summalignTargets.cmake names
# Stemmer::Stemmer instead of a path on the build machine; summalignConfig.cmake ships this
# module and finds the library again on the consumer's machine.
#
# Result variables: Stemmer_FOUND, Stemmer_INCLUDE_DIRS, Stemmer_LIBRARIES.
# Cache variables (set them to use another copy): STEMMER_INCLUDE_DIR, STEMMER_LIBRARY.

find_path(STEMMER_INCLUDE_DIR NAMES libstemmer.h PATH_SUFFIXES libstemmer)
find_library(STEMMER_LIBRARY NAMES stemmer)
mark_as_advanced(STEMMER_INCLUDE_DIR STEMMER_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Stemmer REQUIRED_VARS STEMMER_LIBRARY STEMMER_INCLUDE_DIR)

if(Stemmer_FOUND)
  set(Stemmer_INCLUDE_DIRS "${STEMMER_INCLUDE_DIR}")
  set(Stemmer_LIBRARIES "${STEMMER_LIBRARY}")
  if(NOT TARGET Stemmer::Stemmer)
    add_library(Stemmer::Stemmer UNKNOWN IMPORTED)
    set_target_properties(Stemmer::Stemmer PROPERTIES
      IMPORTED_LOCATION "${STEMMER_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")
  endif()
endif()
