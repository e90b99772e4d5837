# The spelling candidate index (lib/detail/spelling_index.hpp): built at build time from
# the installed Hunspell dictionaries and the team's medical word lists, written to
# ${CMAKE_BINARY_DIR}/data/ where find_data_file looks. The Checker needs it (a missing or
# stale index is an error naming the file: docs/schema.md, "Resources").
set(SUMMALIGN_HUNSPELL_DIR "/usr/share/hunspell" CACHE PATH "Hunspell dictionaries (da_DK, en_US, en_GB)")
add_executable(summalign_spelling_index tools/make_spelling_index.cpp)
target_include_directories(summalign_spelling_index PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/lib)
target_link_libraries(summalign_spelling_index PRIVATE summalign::summalign PkgConfig::HUNSPELL)
if(EXISTS "${SUMMALIGN_HUNSPELL_DIR}/da_DK.dic" AND EXISTS "${SUMMALIGN_HUNSPELL_DIR}/en_US.dic" AND EXISTS "${SUMMALIGN_HUNSPELL_DIR}/en_GB.dic")
  set(SUMMALIGN_SPELLING_INDEX "${CMAKE_BINARY_DIR}/data/spelling-index.bin")
  add_custom_command(OUTPUT "${SUMMALIGN_SPELLING_INDEX}"
    COMMAND summalign_spelling_index --dictionaries "${SUMMALIGN_HUNSPELL_DIR}"
            --medical-da "${CMAKE_SOURCE_DIR}/data/medical-words-da.txt"
            --medical-en "${CMAKE_SOURCE_DIR}/data/medical-words-en.txt"
            --output "${SUMMALIGN_SPELLING_INDEX}"
    DEPENDS summalign_spelling_index ${CMAKE_SOURCE_DIR}/tools/make_spelling_index.cpp ${CMAKE_SOURCE_DIR}/lib/detail/spelling_index.cpp ${CMAKE_SOURCE_DIR}/lib/detail/mapped_file.cpp
            ${CMAKE_SOURCE_DIR}/data/medical-words-da.txt ${CMAKE_SOURCE_DIR}/data/medical-words-en.txt
            "${SUMMALIGN_HUNSPELL_DIR}/da_DK.dic" "${SUMMALIGN_HUNSPELL_DIR}/en_US.dic" "${SUMMALIGN_HUNSPELL_DIR}/en_GB.dic"
    COMMENT "Building the spelling candidate index from the Hunspell dictionaries"
    VERBATIM)
  add_custom_target(summalign_spelling_index_data ALL DEPENDS "${SUMMALIGN_SPELLING_INDEX}")
  install(FILES "${SUMMALIGN_SPELLING_INDEX}" DESTINATION ${CMAKE_INSTALL_DATADIR}/summalign OPTIONAL)
endif()
# The spelling tests read the index the way the library finds it (find_data_file).
foreach(spelling_test test_spelling test_check)
  if(TARGET ${spelling_test} AND TARGET summalign_spelling_index_data)
    add_dependencies(${spelling_test} summalign_spelling_index_data)
  endif()
endforeach()
