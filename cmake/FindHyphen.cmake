# Finds libhyphen (Debian: libhyphen-dev), the reader of LibreOffice's hyphenation patterns,
# which has neither a CMake package nor a pkg-config file, and provides the imported target
# Hyphen::Hyphen (as FindStemmer.cmake does for libstemmer; summalignConfig.cmake ships this
# module too).
#
# Result variables: Hyphen_FOUND, Hyphen_INCLUDE_DIRS, Hyphen_LIBRARIES.
# Cache variables (set them to use another copy): HYPHEN_INCLUDE_DIR, HYPHEN_LIBRARY.

find_path(HYPHEN_INCLUDE_DIR NAMES hyphen.h)
find_library(HYPHEN_LIBRARY NAMES hyphen)
mark_as_advanced(HYPHEN_INCLUDE_DIR HYPHEN_LIBRARY)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Hyphen REQUIRED_VARS HYPHEN_LIBRARY HYPHEN_INCLUDE_DIR)

if(Hyphen_FOUND)
  set(Hyphen_INCLUDE_DIRS "${HYPHEN_INCLUDE_DIR}")
  set(Hyphen_LIBRARIES "${HYPHEN_LIBRARY}")
  if(NOT TARGET Hyphen::Hyphen)
    add_library(Hyphen::Hyphen UNKNOWN IMPORTED)
    set_target_properties(Hyphen::Hyphen PROPERTIES
      IMPORTED_LOCATION "${HYPHEN_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${HYPHEN_INCLUDE_DIR}")
  endif()
endif()
